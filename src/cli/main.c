/* main.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fb-cli.h"

static const struct
{
  const char   *name;
  FbCliCommand  run;
  const char   *summary;
} commands[] = {
  { "demo", fb_cli_demo, N_("demo load [FILE] — load a sample data set") },
  { "project", fb_cli_project, N_("project list|show|create|set — improvement projects") },
  { "measure", fb_cli_measure, N_("measure create|list — a project’s measures") },
  { "data", fb_cli_data, N_("data import|export — a measure’s data as CSV") },
  { "analyse", fb_cli_analyse, N_("analyse --chart TYPE FILE.csv — run chart or SPC analysis as JSON") },
  { "chart", fb_cli_chart, N_("chart --chart TYPE --out FILE.png|svg|pdf FILE.csv — draw a chart") },
  { "check", fb_cli_check, N_("check — check the database’s integrity") },
};

static char *
dup_help (void)
{
  g_autofree char *db = fb_store_dup_default_path ();
  GString *help = g_string_new (NULL);

  g_string_append_printf (help, "%s\n\n", _("Usage: forbedring-cli [--db PATH] [--json] COMMAND …"));
  g_string_append_printf (help, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (help, "  %s\n", _(commands[i].summary));
  g_string_append_printf (help, "\n%s\n", _("Options:"));
  g_string_append_printf (help, "  --db PATH  %s\n", _("the database (default below)"));
  g_string_append_printf (help, "  --json     %s\n", _("print lists and records as JSON"));
  g_string_append_printf (help, "\n%s %s\n", _("Default database:"), db);
  g_string_append_printf (help, "%s\n", _("Exit status: 0 done, 1 failed, 2 wrong usage."));

  return g_string_free (help, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  FbCliOptions options = { NULL, FALSE };
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  int status = FB_CLI_EXIT_USAGE;

  setlocale (LC_ALL, "");
  /* FB_LOCALEDIR lets the build tree's translations be used uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("FB_LOCALEDIR") ? g_getenv ("FB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The global options may stand anywhere; the rest goes to the command. */
  for (int i = 0; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--db") == 0)
        {
          if (i + 1 >= argc)
            return fb_cli_usage (_("--db needs a path."));
          g_free (options.db_path);
          options.db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (options.db_path);
          options.db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (g_strcmp0 (argv[i], "--json") == 0)
        options.json = TRUE;
      else
        g_ptr_array_add (rest, argv[i]);
    }
  g_ptr_array_add (rest, NULL);

  if (rest->len == 2)
    {
      g_autofree char *help = dup_help ();

      /* Without a command this is a usage error: the help goes to stderr. */
      g_printerr ("%s", help);
      g_free (options.db_path);
      return FB_CLI_EXIT_USAGE;
    }

  if (g_strv_contains ((const char *[]) { "--help", "-h", "help", NULL }, rest->pdata[1]))
    {
      g_autofree char *help = dup_help ();

      g_print ("%s", help);
      g_free (options.db_path);
      return FB_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, rest->pdata[1]) == 0)
      {
        status = commands[i].run (&options, rest->len - 2, (char **)rest->pdata + 1);
        g_free (options.db_path);
        return status;
      }

  g_free (options.db_path);
  return fb_cli_usage (_("Unknown command “%s”."), (const char *)rest->pdata[1]);
}
