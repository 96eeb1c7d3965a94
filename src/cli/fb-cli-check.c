/* fb-cli-check.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-cli.h"

int
fb_cli_check (FbCliOptions  *options,
              int            argc,
              char         **argv)
{
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;
  int status;

  if (!fb_cli_parse (g_option_context_new (_("— check the database’s integrity")),
                     &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fb_cli_usage (_("“check” takes no arguments."));

  if (!(store = fb_cli_open_store (options, &error)) ||
      !fb_store_check (store, &problems, &error))
    return fb_cli_fail (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, problems->len == 0);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, problems->pdata[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "outbox");
      json_builder_add_int_value (builder, fb_store_count_outbox (store));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      fb_cli_print_json (node);
    }
  else if (problems->len == 0)
    {
      gint64 n_projects = fb_store_count (store, FB_TYPE_PROJECT);
      gint64 n_measures = fb_store_count (store, FB_TYPE_MEASURE);
      gint64 n_points = fb_store_count (store, FB_TYPE_DATA_POINT);
      gint64 n_outbox = fb_store_count_outbox (store);
      g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld project",
                                                                "%lld projects", n_projects),
                                                   (long long)n_projects);
      g_autofree char *measures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld measure",
                                                                "%lld measures", n_measures),
                                                   (long long)n_measures);
      g_autofree char *points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%lld data point",
                                                              "%lld data points", n_points),
                                                 (long long)n_points);
      g_autofree char *outbox = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%lld change waiting to sync",
                                                              "%lld changes waiting to sync",
                                                              n_outbox),
                                                 (long long)n_outbox);

      /* Translators: the counts are "15 projects" and so on */
      g_print (_("The database is sound: %s, %s, %s, %s.\n"), projects, measures, points, outbox);
    }
  else
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *)problems->pdata[i]);
    }

  return problems->len == 0 ? FB_CLI_EXIT_OK : FB_CLI_EXIT_FAILED;
}
