/* test-server-cli.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forbedring-server binary as an operator runs it: its subcommands,
 * exit statuses and messages, HTTPS, the request log, a backup taken while
 * it serves, and a user disabled while signed in.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

static char *server_path;
static char *dir;
static char *db;

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  va_list args;

  g_ptr_array_add (argv, server_path);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_admin_commands (void)
{
  g_autofree char *password = write_file ("password", "et godt passord\n");
  g_autofree char *short_password = write_file ("short", "kort\n");
  g_autofree char *not_db = write_file ("not.db", "this is not a database, just text");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, NULL, "init", NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "trust", "add", "Trust A", "--short-name", "TA", NULL), ==, 0);
  g_assert_cmpint (run (NULL, &err, "trust", "add", "Trust A", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "trust", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Trust A\tTA"));

  g_assert_cmpint (run (NULL, NULL, "user", "add", "--email", "kari@a.example", "--name", "Kari",
                        "--trust", "TA", "--role", "team", "--role", "coordinator",
                        "--password-file", password, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "user", "add", "--email", "admin@region.example", "--name", "Drift",
                        "--role", "admin", "--password-file", password, NULL), ==, 0);

  /* Each mistake is refused with its reason and the right status. */
  g_assert_cmpint (run (NULL, &err, "user", "add", "--email", "x@a.example", "--name", "X",
                        "--role", "chief", "--password-file", password, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "“chief” is not a role"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "user", "add", "--email", "x@a.example", "--name", "X",
                        "--role", "team", "--password-file", short_password, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "at least 10 characters"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "user", "add", "--email", "x@a.example", "--name", "X",
                        "--role", "team", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--password-file"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "user", "add", "--email", "x@a.example", "--name", "X",
                        "--trust", "Nowhere HF", "--role", "team", "--password-file", password, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no trust called"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "user", "add", "--email", "KARI@a.example", "--name", "Kari 2",
                        "--role", "team", "--password-file", password, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, NULL, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "user", "disable", "nobody@a.example", NULL), ==, 1);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "user", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "kari@a.example\tKari\tteam,coordinator"));
  g_assert_nonnull (strstr (out, "admin@region.example\tDrift\tadmin"));

  /* A file that is not a server database is refused and left alone. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *saved_db = db;

    g_file_get_contents (not_db, &before, NULL, NULL);
    db = not_db;
    g_assert_cmpint (run (NULL, &err, "check", NULL), ==, 1);
    db = g_steal_pointer (&saved_db);
    g_file_get_contents (not_db, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
  }
}

static gboolean
accept_any_certificate (SoupMessage          *msg,
                        GTlsCertificate      *certificate,
                        GTlsCertificateFlags  errors,
                        gpointer              user_data)
{
  return TRUE;
}

static JsonObject *
https_json (SoupSession *session,
            const char  *method,
            const char  *url,
            const char  *token,
            const char  *body,
            guint       *status)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_certificate), NULL);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  json_parser_load_from_data (parser, g_bytes_get_data (response, NULL), g_bytes_get_size (response), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_serve_https (void)
{
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct, NULL);
  g_autoptr(JsonObject) login = NULL;
  g_autoptr(JsonObject) me = NULL;
  g_autoptr(JsonObject) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *log = NULL;
  g_autofree char *out = NULL;
  guint port = 0;
  guint status;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed, so no test certificate can be made");
      return;
    }

  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                           "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL };
    g_autoptr(GSubprocess) make_cert = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);

    g_assert_no_error (error);
    g_assert_true (g_subprocess_wait_check (make_cert, NULL, &error));
  }

  {
    const char *argv[] = { server_path, "--db", db, "serve", "--listen", "127.0.0.1:0",
                           "--tls-cert", cert, "--tls-key", key, NULL };

    server = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
    g_assert_no_error (error);
  }

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  first_line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first_line);
  g_assert_true (sscanf (first_line, "Listening on port %u (https)", &port) == 1);
  base = g_strdup_printf ("https://127.0.0.1:%u/api/v1/", port);

  url = g_strconcat (base, "login", NULL);
  login = https_json (session, "POST", url, NULL,
                      "{\"email\":\"kari@a.example\",\"password\":\"et godt passord\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  token = g_strdup (json_object_get_string_member (login, "token"));
  g_assert_cmpuint (strlen (token), ==, 43);
  g_free (url);

  url = g_strconcat (base, "me", NULL);
  me = https_json (session, "GET", url, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (me, "email"), ==, "kari@a.example");

  /* A backup taken while serving is a whole, valid database. */
  g_assert_cmpint (run (&out, NULL, "backup", backup, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "backup", backup, NULL), ==, 1);
  {
    g_autofree char *saved_db = db;
    g_autofree char *check = NULL;

    db = g_strdup (backup);
    g_assert_cmpint (run (&check, NULL, "check", NULL), ==, 0);
    g_assert_cmpstr (check, ==, "ok\n");
    g_clear_pointer (&check, g_free);
    g_assert_cmpint (run (&check, NULL, "user", "list", NULL), ==, 0);
    g_assert_nonnull (strstr (check, "kari@a.example"));
    g_free (db);
    db = g_steal_pointer (&saved_db);
  }

  /* Disabling the user ends the session the server is holding. */
  g_assert_cmpint (run (NULL, NULL, "user", "disable", "kari@a.example", NULL), ==, 0);
  refused = https_json (session, "GET", url, token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);

  g_subprocess_send_signal (server, SIGTERM);
  g_assert_true (g_subprocess_wait (server, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (server));
  g_assert_cmpint (g_subprocess_get_exit_status (server), ==, 0);

  /* One line per request, with the user, and never a password or token. */
  {
    g_autoptr(GDataInputStream) err_lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (server));
    gsize length;

    log = g_data_input_stream_read_upto (err_lines, "", 0, &length, NULL, &error);
  }
  g_assert_nonnull (log);
  g_assert_nonnull (strstr (log, "POST /api/v1/login kari@a.example 200"));
  g_assert_nonnull (strstr (log, "GET /api/v1/me kari@a.example 200"));
  g_assert_nonnull (strstr (log, "GET /api/v1/me - 401"));
  g_assert_null (strstr (log, "et godt passord"));
  g_assert_null (strstr (log, token));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server_path = g_test_build_filename (G_TEST_BUILT, "..", "src", "server", "forbedring-server", NULL);
  dir = g_dir_make_tmp ("forbedring-server-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "server.db", NULL);

  g_test_add_func ("/server/cli/admin-commands", test_admin_commands);
  g_test_add_func ("/server/cli/serve-https", test_serve_https);

  status = g_test_run ();

  {
    g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
    const char *name;

    while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return status;
}
