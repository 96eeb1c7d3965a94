/* fb-test-server.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fb-password.h"
#include "fb-test-server.h"

static gpointer
server_thread (gpointer data)
{
  FbTestServer *ts = data;
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(FbServer) server = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (ts->context);

  store = fb_server_store_open (ts->db_path, &error);
  g_assert_no_error (error);
  server = fb_server_new (store);
  fb_server_listen (server, "127.0.0.1:0", NULL, &error);
  g_assert_no_error (error);

  g_mutex_lock (&ts->mutex);
  ts->port = fb_server_get_port (server);
  ts->ready = TRUE;
  g_cond_signal (&ts->cond);
  g_mutex_unlock (&ts->mutex);

  g_main_loop_run (ts->loop);

  g_clear_object (&server);
  /* Let the server's last sources run before its context goes. */
  while (g_main_context_iteration (ts->context, FALSE))
    ;
  g_main_context_pop_thread_default (ts->context);
  return NULL;
}

FbTestServer *
fb_test_server_new (void)
{
  FbTestServer *ts = g_new0 (FbTestServer, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (fb_password_init (NULL));

  ts->dir = g_dir_make_tmp ("forbedring-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  ts->db_path = g_build_filename (ts->dir, "server.db", NULL);
  ts->store = fb_server_store_open (ts->db_path, &error);
  g_assert_no_error (error);

  g_mutex_init (&ts->mutex);
  g_cond_init (&ts->cond);
  ts->context = g_main_context_new ();
  ts->loop = g_main_loop_new (ts->context, FALSE);
  ts->thread = g_thread_new ("test-server", server_thread, ts);

  g_mutex_lock (&ts->mutex);
  while (!ts->ready)
    g_cond_wait (&ts->cond, &ts->mutex);
  g_mutex_unlock (&ts->mutex);

  ts->base_url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/", ts->port);
  {
    /* Straight to loopback, whatever proxy the environment names. */
    g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

    ts->session = soup_session_new_with_options ("timeout", 30, "proxy-resolver", direct, NULL);
  }
  return ts;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

void
fb_test_server_free (FbTestServer *ts)
{
  g_clear_object (&ts->session);
  g_main_context_invoke (ts->context, quit_loop, ts->loop);
  g_thread_join (ts->thread);
  g_main_loop_unref (ts->loop);
  g_main_context_unref (ts->context);
  g_clear_object (&ts->store);
  g_mutex_clear (&ts->mutex);
  g_cond_clear (&ts->cond);
  remove_dir (ts->dir);
  g_free (ts->dir);
  g_free (ts->db_path);
  g_free (ts->base_url);
  g_free (ts);
}

char *
fb_test_server_add_trust (FbTestServer *ts,
                          const char   *name)
{
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(GError) error = NULL;

  fb_trust_set_name (trust, name);
  g_assert_true (fb_server_store_begin (ts->store, &error));
  g_assert_true (fb_server_store_put_record (ts->store, FB_RECORD (trust), NULL, &error));
  g_assert_true (fb_server_store_commit (ts->store, &error));
  g_assert_no_error (error);
  return g_strdup (fb_record_get_id (FB_RECORD (trust)));
}

char *
fb_test_server_add_user (FbTestServer *ts,
                         const char   *email,
                         const char   *trust_name,
                         FbRoles       roles)
{
  g_autoptr(FbUser) user = fb_user_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = fb_password_hash (FB_TEST_PASSWORD, &error);

  g_assert_no_error (error);
  fb_user_set_email (user, email);
  fb_user_set_name (user, email);
  fb_user_set_roles (user, roles);
  if (trust_name != NULL)
    {
      g_autoptr(FbRecord) trust = fb_server_store_find_trust (ts->store, trust_name);

      g_assert_nonnull (trust);
      fb_user_set_trust_id (user, fb_record_get_id (trust));
    }

  g_assert_true (fb_server_store_begin (ts->store, &error));
  g_assert_true (fb_server_store_add_account (ts->store, user, hash, &error));
  g_assert_true (fb_server_store_commit (ts->store, &error));
  g_assert_no_error (error);
  return g_strdup (fb_record_get_id (FB_RECORD (user)));
}

char *
fb_test_server_login (FbTestServer *ts,
                      const char   *email)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}",
                                           email, FB_TEST_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = fb_test_server_request_json (ts, "POST", "login", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

/**
 * fb_test_server_request:
 * @path: the path under /api/v1/
 * @token: (nullable): a bearer token
 * @body: (nullable): a request body
 * @body_length: its length, -1 if NUL-terminated
 * @response: (out) (optional): the response body
 *
 * Returns: the HTTP status
 */
guint
fb_test_server_request (FbTestServer  *ts,
                        const char    *method,
                        const char    *path,
                        const char    *token,
                        const char    *body,
                        gssize         body_length,
                        GBytes       **response)
{
  g_autofree char *url = g_strconcat (ts->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", authorization);
    }

  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, body_length < 0 ? strlen (body) : (gsize) body_length);

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }

  bytes = soup_session_send_and_read (ts->session, msg, NULL, &error);
  g_assert_no_error (error);
  if (response != NULL)
    *response = g_steal_pointer (&bytes);
  return soup_message_get_status (msg);
}

JsonNode *
fb_test_server_request_json (FbTestServer *ts,
                             const char   *method,
                             const char   *path,
                             const char   *token,
                             const char   *body,
                             guint        *status)
{
  g_autoptr(GBytes) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  *status = fb_test_server_request (ts, method, path, token, body, -1, &response);
  data = g_bytes_get_data (response, &size);
  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

void
fb_test_server_assert_intact (FbTestServer *ts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fb_server_store_check (ts->store, &error));
  g_assert_no_error (error);
}

/**
 * fb_test_server_current_rev:
 *
 * Returns: the revision the server has of @id, 0 if it has none
 */
gint64
fb_test_server_current_rev (FbTestServer *ts,
                            const char   *id)
{
  g_autoptr(FbServerRow) row = fb_server_store_get_row (ts->store, id, NULL);

  return row != NULL ? row->rev : 0;
}

/**
 * fb_test_server_push_one:
 * @token: whose push
 * @entity: the record's entity
 * @id: the record's id
 * @fields: the changed fields as JSON members, without braces
 *
 * Pushes one change made on the server's current revision of @id, in a
 * batch of its own.
 *
 * Returns: (transfer full): "applied", "conflict" or the reason of the
 *   rejection, whose message the user is shown is checked to be there
 */
char *
fb_test_server_push_one (FbTestServer *ts,
                         const char   *token,
                         const char   *entity,
                         const char   *id,
                         const char   *fields)
{
  static guint batch;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *result;
  guint status;

  body = g_strdup_printf ("{\"batch_id\":\"one-%u\",\"changes\":[{\"entity\":\"%s\",\"id\":\"%s\","
                          "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{%s}}]}",
                          ++batch, entity, id, fb_test_server_current_rev (ts, id), fields);
  answer = fb_test_server_request_json (ts, "POST", "push", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer),
                                                                        "results"), 0);
  if (g_str_equal (json_object_get_string_member (result, "status"), "rejected"))
    {
      const char *message = json_object_get_string_member (result, "message");

      /* Every rejection carries a sentence for the user. */
      g_test_message ("%s: %s", json_object_get_string_member (result, "reason"), message);
      g_assert_cmpuint (strlen (message), >, 10);
      return g_strdup (json_object_get_string_member (result, "reason"));
    }
  return g_strdup (json_object_get_string_member (result, "status"));
}

/**
 * fb_test_server_pull_sees:
 *
 * Returns: whether a pull from the start with @token returns @id
 */
gboolean
fb_test_server_pull_sees (FbTestServer *ts,
                          const char   *token,
                          const char   *id)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *changes;
  guint status;

  answer = fb_test_server_request_json (ts, "GET", "pull?since=0&limit=1000", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  changes = json_object_get_array_member (json_node_get_object (answer), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, i), "id"), id))
      return TRUE;
  return FALSE;
}
