/* fb-cli-measure.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-cli.h"

static int
measure_create (FbCliOptions  *options,
                int            argc,
                char         **argv)
{
  g_autofree char *project_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value_type = NULL;
  g_autofree char *multiplier = NULL;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &project_id, N_("The project’s id"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The measure’s name"), N_("NAME") },
    { "value-type", 0, 0, G_OPTION_ARG_STRING, &value_type,
      N_("proportion, rate, count or continuous"), N_("TYPE") },
    { "multiplier", 0, 0, G_OPTION_ARG_STRING, &multiplier,
      N_("For a rate: per how many (e.g. 1000)"), N_("M") },
    { NULL }
  };
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(FbMeasure) measure = NULL;
  GOptionContext *context;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("— add a measure to a project and print its id"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fb_cli_usage (_("Unexpected argument “%s”."), argv[1]);
  if (project_id == NULL || name == NULL || value_type == NULL)
    return fb_cli_usage (_("“measure create” needs --project, --name and --value-type."));

  measure = fb_measure_new (NULL);
  fb_measure_set_project_id (measure, project_id);
  fb_measure_set_name (measure, name);

  if (!fb_record_set_field_from_string (FB_RECORD (measure), "value-type", value_type, &error) ||
      (multiplier != NULL &&
       !fb_record_set_field_from_string (FB_RECORD (measure), "rate-multiplier", multiplier,
                                         &error)))
    {
      status = fb_cli_usage ("%s", error->message);
      g_error_free (error);
      return status;
    }

  if (fb_measure_get_value_type (measure) == FB_VALUE_TYPE_RATE && multiplier == NULL)
    return fb_cli_usage (_("A rate needs --multiplier, e.g. 1000 for “per 1000 bed days”."));

  /* A sensible chart to start with; the team can change it. */
  switch (fb_measure_get_value_type (measure))
    {
    case FB_VALUE_TYPE_PROPORTION:
      fb_measure_set_chart_type (measure, FB_CHART_TYPE_P);
      break;
    case FB_VALUE_TYPE_RATE:
      fb_measure_set_chart_type (measure, FB_CHART_TYPE_U);
      break;
    case FB_VALUE_TYPE_COUNT:
      fb_measure_set_chart_type (measure, FB_CHART_TYPE_C);
      break;
    case FB_VALUE_TYPE_CONTINUOUS:
    default:
      fb_measure_set_chart_type (measure, FB_CHART_TYPE_RUN);
      break;
    }

  if (!(store = fb_cli_open_store (options, &error)) ||
      !(project = fb_cli_get_record (store, FB_TYPE_PROJECT, project_id, &error)) ||
      !fb_store_save (store, FB_RECORD (measure), &error))
    return fb_cli_fail (error);

  g_print ("%s\n", fb_record_get_id (FB_RECORD (measure)));

  return FB_CLI_EXIT_OK;
}

static int
measure_list (FbCliOptions  *options,
              int            argc,
              char         **argv)
{
  g_autofree char *project_id = NULL;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &project_id, N_("The project’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  GOptionContext *context;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("— list a project’s measures"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (project_id == NULL)
    return fb_cli_usage (_("“measure list” needs --project."));

  if (!(store = fb_cli_open_store (options, &error)) ||
      !(project = fb_cli_get_record (store, FB_TYPE_PROJECT, project_id, &error)))
    return fb_cli_fail (error);

  measures = fb_store_list_measures (store, project_id);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(FbMeasure) measure = g_list_model_get_item (measures, i);

      if (options->json)
        json_array_add_object_element (array, fb_record_to_json (FB_RECORD (measure)));
      else
        g_print ("%s\t%s\t%s\t%s\n",
                 fb_record_get_id (FB_RECORD (measure)),
                 fb_measure_get_name (measure),
                 fb_value_type_get_label (fb_measure_get_value_type (measure)),
                 fb_chart_type_get_label (fb_measure_get_chart_type (measure)));
    }

  if (options->json)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

      fb_cli_print_json (node);
    }

  return FB_CLI_EXIT_OK;
}

int
fb_cli_measure (FbCliOptions  *options,
                int            argc,
                char         **argv)
{
  static const FbCliSubcommand subcommands[] = {
    { "create", measure_create },
    { "list", measure_list },
  };

  return fb_cli_dispatch (options, argc, argv, subcommands, G_N_ELEMENTS (subcommands));
}
