/* fb-cli-common.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fb-cli.h"

/**
 * fb_cli_fail:
 * @error: (transfer full): what went wrong
 *
 * Prints the error for a person and returns the exit code for a failure.
 */
int
fb_cli_fail (GError *error)
{
  g_printerr ("forbedring-cli: %s\n", error->message);
  g_error_free (error);

  return FB_CLI_EXIT_FAILED;
}

int
fb_cli_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("forbedring-cli: %s\n%s\n", message,
              _("Run “forbedring-cli --help” for the commands."));

  return FB_CLI_EXIT_USAGE;
}

/**
 * fb_cli_parse:
 * @context: (transfer full): the command's options
 * @argc: the argument count, updated
 * @argv: the arguments, updated
 * @exit_code: (out): the exit code when this returns %FALSE
 *
 * Returns: %FALSE when the command must stop: after --help (exit 0) or a
 *   usage error (exit 2)
 */
gboolean
fb_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int              *exit_code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_set_help_enabled (context, TRUE);
  ok = g_option_context_parse (context, argc, argv, &error);
  g_option_context_free (context);

  if (!ok)
    {
      *exit_code = fb_cli_usage ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

FbStore *
fb_cli_open_store (FbCliOptions  *options,
                   GError       **error)
{
  return fb_store_open (options->db_path, error);
}

void
fb_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

FbRecord *
fb_cli_get_record (FbStore     *store,
                   GType        type,
                   const char  *id,
                   GError     **error)
{
  FbRecord *record = fb_store_get_record (store, type, id, error);

  if (record != NULL && fb_record_get_deleted (record))
    {
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND,
                   _("The %s “%s” has been deleted."), fb_record_get_entity (record), id);
      g_clear_object (&record);
    }

  return record;
}

/**
 * fb_cli_dispatch:
 * @options: the global options
 * @argc: the count of @argv
 * @argv: the command and its arguments ("project", "list", …)
 * @subcommands: (array length=n_subcommands): the command's subcommands
 * @n_subcommands: their number
 *
 * Runs the subcommand named by argv[1].
 *
 * Returns: the exit code
 */
int
fb_cli_dispatch (FbCliOptions           *options,
                 int                     argc,
                 char                  **argv,
                 const FbCliSubcommand  *subcommands,
                 guint                   n_subcommands)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_subcommands; i++)
    {
      if (argc >= 2 && g_strcmp0 (subcommands[i].name, argv[1]) == 0)
        return subcommands[i].run (options, argc - 1, argv + 1);

      g_string_append_printf (names, "%s%s", i ? ", " : "", subcommands[i].name);
    }

  if (argc < 2)
    return fb_cli_usage (_("“%s” needs one of: %s."), argv[0], names->str);

  return fb_cli_usage (_("Unknown command “%s %s” (expected one of: %s)."),
                       argv[0], argv[1], names->str);
}
