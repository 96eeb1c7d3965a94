/* fb-cli-demo.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-cli.h"

static int
demo_load (FbCliOptions  *options,
           int            argc,
           char         **argv)
{
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  FbDemoStats stats;
  GError *error = NULL;
  int status;

  if (!fb_cli_parse (g_option_context_new (_("[FILE] — load sample data (default: the built-in "
                                             "set)")),
                     &argc, &argv, &status))
    return status;
  if (argc > 2)
    return fb_cli_usage (_("“demo load” takes at most one file."));

  file = argc == 2 ? g_file_new_for_commandline_arg (argv[1]) : fb_demo_dup_builtin ();

  if (!(store = fb_cli_open_store (options, &error)) ||
      !fb_demo_load (store, file, &stats, NULL, &error))
    return fb_cli_fail (error);

  g_print (_("Loaded %u trusts, %u users, %u projects, %u measures, %u data points and "
             "%u PDSA cycles.\n"),
           stats.trusts, stats.users, stats.projects, stats.measures, stats.data_points,
           stats.pdsa_cycles);
  g_print (_("Prize rounds: %u, prizes: %u, criteria: %u, nominations: %u, scores: %u, "
             "awards: %u.\n"),
           stats.prize_rounds, stats.prizes, stats.criteria, stats.nominations, stats.scores,
           stats.awards);

  return FB_CLI_EXIT_OK;
}

int
fb_cli_demo (FbCliOptions  *options,
             int            argc,
             char         **argv)
{
  static const FbCliSubcommand subcommands[] = {
    { "load", demo_load },
  };

  return fb_cli_dispatch (options, argc, argv, subcommands, G_N_ELEMENTS (subcommands));
}
