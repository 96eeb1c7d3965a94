/* fb-cli-data.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fb-cli.h"

static int
data_import (FbCliOptions  *options,
             int            argc,
             char         **argv)
{
  g_autofree char *measure_id = NULL;
  const GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure_id, N_("The measure’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) measure = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) rows = NULL;
  FbStoreImportResult result;
  GOptionContext *context;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("FILE.csv — import a measure’s data (all or nothing)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (measure_id == NULL || argc != 2)
    return fb_cli_usage (_("“data import” needs --measure and one CSV file."));

  file = g_file_new_for_commandline_arg (argv[1]);

  if (!(store = fb_cli_open_store (options, &error)) ||
      !(measure = fb_cli_get_record (store, FB_TYPE_MEASURE, measure_id, &error)))
    return fb_cli_fail (error);

  if (!(rows = fb_csv_parse_file (file, fb_measure_get_value_type (FB_MEASURE (measure)), NULL,
                                  &error)))
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return fb_cli_fail (error);
    }

  if (!fb_store_import_data (store, measure_id, rows, &result, &error))
    return fb_cli_fail (error);

  g_print (_("%u rows read: %u added, %u updated, %u unchanged.\n"),
           rows->len, result.added, result.updated, result.unchanged);

  return FB_CLI_EXIT_OK;
}

static int
data_export (FbCliOptions  *options,
             int            argc,
             char         **argv)
{
  g_autofree char *measure_id = NULL;
  const GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure_id, N_("The measure’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *text = NULL;
  GOptionContext *context;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("[FILE] — write a measure’s data as CSV (default: stdout)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (measure_id == NULL || argc > 2)
    return fb_cli_usage (_("“data export” needs --measure and at most one file."));

  if (!(store = fb_cli_open_store (options, &error)) ||
      !(rows = fb_store_dup_data_rows (store, measure_id, &error)))
    return fb_cli_fail (error);

  text = fb_csv_format ((const FbCsvRow *)(gpointer)rows->data, rows->len);

  if (argc == 2)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        return fb_cli_fail (error);
    }
  else
    {
      fputs (text, stdout);
    }

  return FB_CLI_EXIT_OK;
}

int
fb_cli_data (FbCliOptions  *options,
             int            argc,
             char         **argv)
{
  static const FbCliSubcommand subcommands[] = {
    { "import", data_import },
    { "export", data_export },
  };

  return fb_cli_dispatch (options, argc, argv, subcommands, G_N_ELEMENTS (subcommands));
}
