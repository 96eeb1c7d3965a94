/* main.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-server"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fb-password.h"
#include "fb-server-commands.h"

static const struct
{
  const char      *name;
  FbServerCommand  run;
  const char      *summary;
} commands[] = {
  { "init", fb_server_cmd_init, N_("init — make an empty server database") },
  { "trust", fb_server_cmd_trust, N_("trust add NAME [--short-name S] | trust list — health trusts") },
  { "user", fb_server_cmd_user,
    N_("user add --email E --name N [--trust NAME] --role ROLE… --password-file F | "
       "user list | user disable EMAIL | user enable EMAIL | user passwd EMAIL --password-file F") },
  { "demo", fb_server_cmd_demo, N_("demo load FILE.json [--password-file F] — sample trusts, users and data") },
  { "backup", fb_server_cmd_backup, N_("backup FILE — copy the database, also while serving") },
  { "check", fb_server_cmd_check, N_("check — check the database’s integrity") },
  { "serve", fb_server_cmd_serve,
    N_("serve [--listen HOST:PORT] [--tls-cert F --tls-key F] [--quiet] — serve the API") },
};

int
fb_server_usage (const char *message)
{
  if (message != NULL)
    g_printerr ("forbedring-server: %s\n", message);

  g_printerr ("%s\n", _("Usage: forbedring-server --db PATH COMMAND …"));
  g_printerr ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %s\n", _(commands[i].summary));
  g_printerr ("%s\n", _("Roles: team, coordinator, panel, organiser, admin."));
  g_printerr ("%s\n", _("Exit status: 0 done, 1 failed, 2 wrong usage."));
  return FB_SERVER_EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("FB_LOCALEDIR") ? g_getenv ("FB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!fb_password_init (&error))
    {
      g_printerr ("forbedring-server: %s\n", error->message);
      return FB_SERVER_EXIT_FAILED;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= argc)
            return fb_server_usage (_("--db needs a path."));
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          fb_server_usage (NULL);
          return FB_SERVER_EXIT_OK;
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }

  if (rest->len == 0)
    return fb_server_usage (_("Name a command."));

  if (db_path == NULL)
    return fb_server_usage (_("Give the server database with --db PATH."));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (g_ptr_array_index (rest, 0), commands[i].name))
      {
        g_ptr_array_add (rest, NULL);
        return commands[i].run (db_path, rest->len - 1, (char **) rest->pdata);
      }

  return fb_server_usage (_("There is no such command."));
}
