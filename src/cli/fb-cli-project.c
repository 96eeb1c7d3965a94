/* fb-cli-project.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-cli.h"

static int
project_list (FbCliOptions  *options,
              int            argc,
              char         **argv)
{
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  GError *error = NULL;
  int status;

  if (!fb_cli_parse (g_option_context_new (_("— list the projects")), &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fb_cli_usage (_("“project list” takes no arguments."));

  if (!(store = fb_cli_open_store (options, &error)))
    return fb_cli_fail (error);

  projects = fb_store_list_projects (store);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FbProject) project = g_list_model_get_item (projects, i);
      g_autofree char *trust = fb_store_dup_trust_name (store, fb_project_get_trust_id (project));

      if (options->json)
        {
          JsonObject *object = fb_record_to_json (FB_RECORD (project));

          json_object_set_string_member (object, "trust_name", trust);
          json_array_add_object_element (array, object);
        }
      else
        {
          g_print ("%s\t%s\t%s\t%s\t%s\n",
                   fb_record_get_id (FB_RECORD (project)),
                   fb_project_get_title (project),
                   trust,
                   fb_project_status_get_label (fb_project_get_status (project)),
                   fb_focus_area_get_label (fb_project_get_focus_area (project)));
        }
    }

  if (options->json)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

      fb_cli_print_json (node);
    }

  return FB_CLI_EXIT_OK;
}

static int
project_show (FbCliOptions  *options,
              int            argc,
              char         **argv)
{
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) project = NULL;
  GError *error = NULL;
  GParamSpec **fields;
  guint n_fields;
  int status;

  if (!fb_cli_parse (g_option_context_new (_("ID — show one project")), &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fb_cli_usage (_("“project show” needs one project id."));

  if (!(store = fb_cli_open_store (options, &error)) ||
      !(project = fb_cli_get_record (store, FB_TYPE_PROJECT, argv[1], &error)))
    return fb_cli_fail (error);

  if (options->json)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                        fb_record_to_json (project));

      json_object_unref (json_node_get_object (node));
      fb_cli_print_json (node);
      return FB_CLI_EXIT_OK;
    }

  g_print ("id: %s\n", fb_record_get_id (project));
  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (project), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = fb_record_field_to_column (fields[i]);
      g_autofree char *value = fb_record_dup_field_string (project, fields[i]);

      g_print ("%s: %s\n", column, value);
    }
  g_print ("updated_at: %s\n", fb_record_get_updated_at (project));

  return FB_CLI_EXIT_OK;
}

static FbRecord *
find_or_create_trust (FbStore     *store,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(FbRecord) trust = NULL;

  if ((trust = fb_store_find_trust (store, name)))
    return g_steal_pointer (&trust);

  trust = FB_RECORD (fb_trust_new (NULL));
  fb_trust_set_name (FB_TRUST (trust), name);
  if (!fb_store_save (store, trust, error))
    return NULL;

  return g_steal_pointer (&trust);
}

static int
project_create (FbCliOptions  *options,
                int            argc,
                char         **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *trust_name = NULL;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The project’s title"), N_("TITLE") },
    { "trust", 0, 0, G_OPTION_ARG_STRING, &trust_name,
      N_("The health trust or hospital (created if new)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) trust = NULL;
  g_autoptr(FbProject) project = NULL;
  GOptionContext *context;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("— create a project and print its id"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fb_cli_usage (_("Unexpected argument “%s”."), argv[1]);
  if (title == NULL || trust_name == NULL || *g_strstrip (trust_name) == '\0')
    return fb_cli_usage (_("“project create” needs --title and --trust."));

  project = fb_project_new (NULL);
  fb_project_set_title (project, title);

  if (!(store = fb_cli_open_store (options, &error)))
    return fb_cli_fail (error);

  /* Check the project before a new trust is saved for it. */
  fb_project_set_trust_id (project, "pending");
  if (!fb_record_validate (FB_RECORD (project), &error) ||
      !(trust = find_or_create_trust (store, trust_name, &error)))
    return fb_cli_fail (error);

  fb_project_set_trust_id (project, fb_record_get_id (trust));
  if (!fb_store_save (store, FB_RECORD (project), &error))
    return fb_cli_fail (error);

  g_print ("%s\n", fb_record_get_id (FB_RECORD (project)));

  return FB_CLI_EXIT_OK;
}

static int
project_set (FbCliOptions  *options,
             int            argc,
             char         **argv)
{
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) project = NULL;
  GError *error = NULL;
  int status;

  if (!fb_cli_parse (g_option_context_new (_("ID FIELD VALUE — change one field of a project")),
                     &argc, &argv, &status))
    return status;
  if (argc != 4)
    return fb_cli_usage (_("“project set” needs a project id, a field and a value."));

  if (!(store = fb_cli_open_store (options, &error)) ||
      !(project = fb_cli_get_record (store, FB_TYPE_PROJECT, argv[1], &error)) ||
      !fb_record_set_field_from_string (project, argv[2], argv[3], &error) ||
      !fb_store_save (store, project, &error))
    return fb_cli_fail (error);

  return FB_CLI_EXIT_OK;
}

int
fb_cli_project (FbCliOptions  *options,
                int            argc,
                char         **argv)
{
  static const FbCliSubcommand subcommands[] = {
    { "list", project_list },
    { "show", project_show },
    { "create", project_create },
    { "set", project_set },
  };

  return fb_cli_dispatch (options, argc, argv, subcommands, G_N_ELEMENTS (subcommands));
}
