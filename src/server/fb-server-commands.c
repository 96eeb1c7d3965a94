/* fb-server-commands.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-server"

#include "config.h"

#include <string.h>

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fb-password.h"
#include "fb-server.h"
#include "fb-server-pool.h"
#include "fb-server-commands.h"

static int
fail (const GError *error)
{
  g_printerr ("forbedring-server: %s\n", error->message);
  return FB_SERVER_EXIT_FAILED;
}

static FbServerStore *
open_store (const char  *db_path,
            GError     **error)
{
  return fb_server_store_open (db_path, error);
}

/* Parses the options of a subcommand; FALSE has printed why. */
static gboolean
parse_options (const char    *parameter,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("forbedring-server: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the password in a file with --password-file F, "
                             "so that it stays out of the shell history."));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  /* The password is the first line. */
  contents[strcspn (contents, "\r\n")] = '\0';
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The password in “%s” is not UTF-8 text."), path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

int
fb_server_cmd_init (const char  *db_path,
                    int          argc,
                    char       **argv)
{
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  g_print (_("The server database is ready: %s\n"), db_path);
  return FB_SERVER_EXIT_OK;
}

static gboolean
write_record (FbServerStore  *store,
              FbRecord       *record,
              GError        **error)
{
  if (!fb_server_store_begin (store, error))
    return FALSE;
  if (!fb_server_store_put_record (store, record, NULL, error))
    {
      fb_server_store_rollback (store);
      return FALSE;
    }
  return fb_server_store_commit (store, error);
}

int
fb_server_cmd_trust (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  g_autofree char *short_name = NULL;
  GOptionEntry entries[] = {
    { "short-name", 0, 0, G_OPTION_ARG_STRING, &short_name, N_("The abbreviation, e.g. OUS"), "S" },
    { NULL }
  };
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FbRecord) existing = NULL;
  g_autoptr(FbTrust) trust = NULL;
  g_autofree char *id = NULL;

  if (!parse_options ("add NAME | list", entries, &argc, &argv))
    return FB_SERVER_EXIT_USAGE;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) trusts = NULL;

      if (!(store = open_store (db_path, &error)))
        return fail (error);

      trusts = fb_server_store_list_records (store, FB_TYPE_TRUST);
      for (guint i = 0; i < trusts->len; i++)
        {
          FbTrust *each = g_ptr_array_index (trusts, i);

          g_print ("%s\t%s\t%s\n", fb_record_get_id (FB_RECORD (each)), fb_trust_get_name (each),
                   fb_trust_get_short_name (each) ? fb_trust_get_short_name (each) : "");
        }
      return FB_SERVER_EXIT_OK;
    }

  if (argc != 3 || !g_str_equal (argv[1], "add"))
    return fb_server_usage (_("Use: trust add NAME [--short-name S]"));

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  existing = fb_server_store_find_trust (store, argv[2]);
  if (existing != NULL)
    {
      g_printerr (_("forbedring-server: A trust called “%s” already exists.\n"), argv[2]);
      return FB_SERVER_EXIT_FAILED;
    }

  id = fb_uuid_new ();
  trust = fb_trust_new (id);
  fb_trust_set_name (trust, argv[2]);
  fb_trust_set_short_name (trust, short_name);
  if (!write_record (store, FB_RECORD (trust), &error))
    return fail (error);

  g_print ("%s\t%s\n", id, argv[2]);
  return FB_SERVER_EXIT_OK;
}

static gboolean
parse_roles (char     **names,
             FbRoles   *roles,
             GError   **error)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (FB_TYPE_ROLES);

  *roles = FB_ROLE_NONE;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          GFlagsValue *value = g_flags_get_value_by_nick (klass, g_strstrip (parts[j]));

          if (value == NULL || value->value == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("“%s” is not a role. The roles are team, coordinator, panel, "
                             "organiser and admin."), parts[j]);
              return FALSE;
            }
          *roles |= value->value;
        }
    }

  if (*roles == FB_ROLE_NONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the user at least one role with --role."));
      return FALSE;
    }
  return TRUE;
}

static char *
format_roles (FbRoles roles)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (FB_TYPE_ROLES);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (roles & klass->values[i].value) != 0)
      g_strv_builder_add (builder, klass->values[i].value_nick);

  names = g_strv_builder_end (builder);
  return g_strjoinv (",", names);
}

static gboolean
add_account (FbServerStore  *store,
             FbUser         *user,
             const char     *password,
             GError        **error)
{
  g_autofree char *hash = fb_password_hash (password, error);

  if (hash == NULL)
    return FALSE;

  if (!fb_server_store_begin (store, error))
    return FALSE;
  if (!fb_server_store_add_account (store, user, hash, error))
    {
      fb_server_store_rollback (store);
      return FALSE;
    }
  return fb_server_store_commit (store, error);
}

static int
user_add (FbServerStore  *store,
          const char     *email,
          const char     *name,
          const char     *trust_name,
          char          **role_names,
          const char     *password_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FbUser) user = NULL;
  g_autoptr(FbRecord) trust = NULL;
  g_autofree char *password = NULL;
  g_autofree char *id = NULL;
  FbRoles roles;

  if (email == NULL || strchr (email, '@') == NULL || name == NULL)
    return fb_server_usage (_("A user needs --email with an address and --name."));

  if (!parse_roles (role_names, &roles, &error))
    {
      g_printerr ("forbedring-server: %s\n", error->message);
      return FB_SERVER_EXIT_USAGE;
    }

  if (trust_name != NULL && (trust = fb_server_store_find_trust (store, trust_name)) == NULL)
    {
      g_printerr (_("forbedring-server: There is no trust called “%s”. Add it with “trust add”.\n"),
                  trust_name);
      return FB_SERVER_EXIT_FAILED;
    }

  if (!(password = read_password_file (password_file, &error)))
    return fail (error);

  id = fb_uuid_new ();
  user = fb_user_new (id);
  fb_user_set_email (user, email);
  fb_user_set_name (user, name);
  fb_user_set_roles (user, roles);
  if (trust != NULL)
    fb_user_set_trust_id (user, fb_record_get_id (trust));

  if (!add_account (store, user, password, &error))
    return fail (error);

  g_print ("%s\t%s\n", id, email);
  return FB_SERVER_EXIT_OK;
}

int
fb_server_cmd_user (const char  *db_path,
                    int          argc,
                    char       **argv)
{
  g_autofree char *email = NULL;
  g_autofree char *name = NULL;
  g_autofree char *trust_name = NULL;
  g_autofree char *password_file = NULL;
  g_auto(GStrv) roles = NULL;
  GOptionEntry entries[] = {
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The e-mail address to sign in with"), "E" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The user’s name or role label"), "N" },
    { "trust", 0, 0, G_OPTION_ARG_STRING, &trust_name, N_("The user’s health trust"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles, N_("A role; repeat for more"), "ROLE" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file, N_("A file holding the password"), "F" },
    { NULL }
  };
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("add|list|disable|enable|passwd", entries, &argc, &argv))
    return FB_SERVER_EXIT_USAGE;

  if (argc < 2)
    return fb_server_usage (_("Use: user add|list|disable|enable|passwd"));

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  if (g_str_equal (argv[1], "add") && argc == 2)
    return user_add (store, email, name, trust_name, roles, password_file);

  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      g_autoptr(GPtrArray) accounts = fb_server_store_list_accounts (store);

      for (guint i = 0; i < accounts->len; i++)
        {
          FbServerAccount *account = g_ptr_array_index (accounts, i);
          g_autofree char *role_text = format_roles (account->roles);

          g_print ("%s\t%s\t%s%s\n", account->email, account->name ? account->name : "",
                   role_text, account->disabled ? _("\tdisabled") : "");
        }
      return FB_SERVER_EXIT_OK;
    }

  if ((g_str_equal (argv[1], "disable") || g_str_equal (argv[1], "enable")) && argc == 3)
    {
      if (!fb_server_store_set_disabled (store, argv[2], g_str_equal (argv[1], "disable"), &error))
        return fail (error);
      return FB_SERVER_EXIT_OK;
    }

  if (g_str_equal (argv[1], "passwd") && argc == 3)
    {
      g_autofree char *password = read_password_file (password_file, &error);
      g_autofree char *hash = NULL;

      if (password == NULL || !(hash = fb_password_hash (password, &error)) ||
          !fb_server_store_set_password (store, argv[2], hash, &error))
        return fail (error);
      return FB_SERVER_EXIT_OK;
    }

  return fb_server_usage (_("Use: user add|list|disable EMAIL|enable EMAIL|passwd EMAIL"));
}

int
fb_server_cmd_demo (const char  *db_path,
                    int          argc,
                    char       **argv)
{
  g_autofree char *password_file = NULL;
  GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Give every sample user the password in this file"), "F" },
    { NULL }
  };
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(FbStore) sample = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *shared_password = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const GType *types;
  guint n_types;
  guint n_records = 0;

  if (!parse_options ("load FILE.json", entries, &argc, &argv))
    return FB_SERVER_EXIT_USAGE;
  if (argc != 3 || !g_str_equal (argv[1], "load"))
    return fb_server_usage (_("Use: demo load FILE.json [--password-file F]"));

  if (password_file != NULL && !(shared_password = read_password_file (password_file, &error)))
    return fail (error);

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  /* The sample set is read by the same loader as the app's, into a scratch
   * store, and copied from there. */
  if (!(tmpdir = g_dir_make_tmp ("forbedring-demo-XXXXXX", &error)))
    return fail (error);
  sample_path = g_build_filename (tmpdir, "sample.db", NULL);
  file = g_file_new_for_commandline_arg (argv[2]);
  sample = fb_store_open (sample_path, &error);
  if (sample == NULL || !fb_demo_load (sample, file, NULL, NULL, &error))
    goto out;

  if (!fb_server_store_begin (store, &error))
    goto out;

  types = fb_model_list_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GListModel) records = fb_store_list (sample, types[t], NULL, NULL);
      guint n = g_list_model_get_n_items (records);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FbRecord) record = g_list_model_get_item (records, i);

          if (FB_IS_USER (record))
            {
              g_autofree char *password = shared_password ? g_strdup (shared_password) : NULL;
              g_autofree char *hash = NULL;
              g_autofree char *roles = format_roles (fb_user_get_roles (FB_USER (record)));

              if (password == NULL)
                {
                  g_autofree char *token = fb_token_new ();

                  password = g_strndup (token, 16);
                }

              if (!(hash = fb_password_hash (password, &error)) ||
                  !fb_server_store_add_account (store, FB_USER (record), hash, &error))
                goto rollback;

              g_string_append_printf (report, "%s\t%s\t%s\n", fb_user_get_email (FB_USER (record)),
                                      roles, shared_password ? "" : password);
            }
          else if (!fb_server_store_put_record (store, record, NULL, &error))
            goto rollback;

          n_records++;
        }
    }

  if (!fb_server_store_commit (store, &error))
    goto out;

  g_print ("%s", report->str);
  g_print (_("Loaded %u sample records.\n"), n_records);

out:
  if (sample_path != NULL)
    {
      g_autofree char *wal = g_strconcat (sample_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (sample_path, "-shm", NULL);

      g_clear_object (&sample);
      g_unlink (sample_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return error != NULL ? fail (error) : FB_SERVER_EXIT_OK;

rollback:
  fb_server_store_rollback (store);
  goto out;
}

int
fb_server_cmd_backup (const char  *db_path,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return fb_server_usage (_("Use: backup FILE"));

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("forbedring-server: “%s” exists; a backup never overwrites a file.\n"), argv[1]);
      return FB_SERVER_EXIT_FAILED;
    }

  if (!fb_server_store_backup (db_path, argv[1], &error))
    return fail (error);

  g_print (_("Backed up to %s\n"), argv[1]);
  return FB_SERVER_EXIT_OK;
}

int
fb_server_cmd_check (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = open_store (db_path, &error)) || !fb_server_store_check (store, &error))
    return fail (error);

  g_print ("ok\n");
  return FB_SERVER_EXIT_OK;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
fb_server_cmd_serve (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  g_autofree char *listen = NULL;
  g_autofree char *cert_file = NULL;
  g_autofree char *key_file = NULL;
  gboolean quiet = FALSE;
  int threads = 0;
  GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address and port, default 127.0.0.1:8443"), "HOST:PORT" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &cert_file, N_("Serve HTTPS with this PEM certificate"), "F" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &key_file, N_("The certificate’s PEM private key"), "F" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Serving threads, default one per processor"), "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not log requests"), NULL },
    { NULL }
  };
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(FbServerPool) pool = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (NULL, entries, &argc, &argv))
    return FB_SERVER_EXIT_USAGE;
  if (argc != 1)
    return fb_server_usage (_("Use: serve [--listen HOST:PORT] [--tls-cert F --tls-key F] [--threads N]"));
  if ((cert_file == NULL) != (key_file == NULL))
    return fb_server_usage (_("HTTPS needs both --tls-cert and --tls-key."));
  if (threads < 0 || threads > FB_SERVER_POOL_MAX_THREADS)
    return fb_server_usage (_("--threads takes a number from 1 to 32."));

  if (cert_file != NULL &&
      !(certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error)))
    return fail (error);

  /* Made or upgraded here, once, before the threads open it. */
  if (!(store = open_store (db_path, &error)))
    return fail (error);
  g_clear_object (&store);

  pool = fb_server_pool_new (db_path, threads > 0 ? (guint) threads : g_get_num_processors (),
                             certificate, !quiet);
  if (!fb_server_pool_start (pool, listen ? listen : "127.0.0.1:8443", &error))
    return fail (error);

  /* Tests and scripts read the port from this line. */
  g_print ("Listening on port %u (%s)\n", fb_server_pool_get_port (pool),
           certificate ? "https" : "http");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  fb_server_pool_stop (pool);

  return FB_SERVER_EXIT_OK;
}
