/* fb-server.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-server"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "fb-login-throttle.h"
#include "fb-password.h"
#include "fb-server.h"
#include "fb-sync-service.h"

/* The HTTP face of the server: routing, bodies, sign-in, errors and the
 * request log. What a request may do is decided in FbAccess and what it
 * changes in FbSyncService; nothing here knows a rule.
 *
 * Bodies are read by us, not accumulated by libsoup, so a body larger than
 * its endpoint's limit costs no memory beyond that limit: a declared
 * Content-Length over it is refused before a byte is read, and a body sent
 * without one is counted as it comes and refused once over. libsoup reads
 * a whole body before it answers (unless the client sent "Expect:
 * 100-continue"), so for those refusals the connection is taken from it,
 * answered and closed. */

#define API_PREFIX "/api/v1/"

#define LISTEN_BACKLOG 1024

/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

struct _FbServer
{
  GObject          parent_instance;

  SoupServer      *soup;
  FbServerStore   *store;
  FbSyncService   *sync;
  FbLoginThrottle *throttle;
  GOutputStream   *log;
  gboolean         reuse_port;
};

G_DEFINE_FINAL_TYPE (FbServer, fb_server, G_TYPE_OBJECT)

typedef struct
{
  FbServer   *server;
  GByteArray *data;
  gsize       limit;
  gboolean    too_large;
  gint64      started_us;
  char       *user;
} RequestState;

static void
request_state_free (RequestState *state)
{
  g_clear_pointer (&state->data, g_byte_array_unref);
  g_free (state->user);
  g_free (state);
}

static RequestState *
get_state (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "fb-request");
}

static void
send_json (SoupServerMessage *msg,
           guint              status,
           char              *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    json, strlen (json));
}

static char *
error_json (const char *code,
            const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  send_json (msg, status, error_json (code, message));
}

static void
send_object (SoupServerMessage *msg,
             guint              status,
             JsonObject        *object)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);

  send_json (msg, status, json_to_string (root, FALSE));
}

static void request_finished_cb (SoupServer        *server,
                                 SoupServerMessage *msg,
                                 FbServer          *self);

static gboolean
close_stream_cb (gpointer data)
{
  g_io_stream_close (data, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static char *
too_large_message (gsize limit)
{
  return g_strdup_printf (_("The request body is larger than the limit of %zu bytes."), limit);
}

/* Answers 413 and closes the connection without reading the rest of the
 * body. @msg is likely freed on return. */
static void
refuse_too_large (SoupServerMessage *msg)
{
  RequestState *state = get_state (msg);
  g_autofree char *message = too_large_message (state->limit);
  g_autofree char *json = error_json ("too_large", message);
  g_autofree char *head = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GSource) source = NULL;
  GOutputStream *out;
  GSocket *socket;

  soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  request_finished_cb (NULL, msg, state->server);

  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;

  head = g_strdup_printf ("HTTP/1.1 413 Request Entity Too Large\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: %zu\r\n"
                          "Cache-Control: no-store\r\n"
                          "Connection: close\r\n\r\n", strlen (json));
  out = g_io_stream_get_output_stream (stream);
  if (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL) &&
      g_output_stream_write_all (out, json, strlen (json), NULL, NULL, NULL))
    g_output_stream_flush (out, NULL, NULL);

  /* The end of the answer now; the close a moment later, so that a client
   * still sending reads the answer before the reset for its unread bytes. */
  socket = g_object_get_data (G_OBJECT (stream), "GSocket");
  if (G_IS_SOCKET (socket))
    g_socket_shutdown (socket, FALSE, TRUE, NULL);

  source = g_timeout_source_new_seconds (1);
  g_source_set_callback (source, close_stream_cb, g_object_ref (stream), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              RequestState      *state)
{
  gsize size = g_bytes_get_size (chunk);

  if (state->too_large)
    return;

  if (state->data->len + size > state->limit)
    {
      state->too_large = TRUE;
      refuse_too_large (msg);
      return;
    }

  g_byte_array_append (state->data, g_bytes_get_data (chunk, NULL), size);
}

static gboolean
is_blob_path (const char *path)
{
  return g_str_has_prefix (path, API_PREFIX "blobs/");
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  RequestState *state = get_state (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset declared = soup_message_headers_get_content_length (headers);

  state->limit = is_blob_path (path) ? FB_STORE_MAX_BLOB_BYTES : FB_SERVER_MAX_JSON_BODY;
  state->data = g_byte_array_new ();

  if (declared > 0 && (gsize) declared > state->limit)
    {
      g_autofree char *message = too_large_message (state->limit);

      /* A client waiting for "100 Continue" gets the answer instead. */
      if (soup_message_headers_get_expectations (headers) & SOUP_EXPECTATION_CONTINUE)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Connection", "close");
          send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message);
        }
      else
        refuse_too_large (msg);
      return;
    }

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), state);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    FbServer          *self)
{
  RequestState *state = g_new0 (RequestState, 1);

  state->server = self;
  state->started_us = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), "fb-request", state,
                          (GDestroyNotify) request_state_free);
}

/* libsoup refuses some requests itself before any handler runs (a path
 * with an encoded NUL or a new "/../"); those get the usual JSON too. */
static void
request_read_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 FbServer          *self)
{
  guint status = soup_server_message_get_status (msg);

  if (status == 0 || soup_server_message_get_response_body (msg)->length > 0)
    return;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  send_error (msg, status, "malformed", _("The server could not read this request."));
}

/* One line per request; never a body, a password or a token. */
static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     FbServer          *self)
{
  RequestState *state = get_state (msg);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *line = NULL;
  g_autofree char *path = NULL;
  GUri *uri;

  if (self->log == NULL || state == NULL)
    return;

  uri = soup_server_message_get_uri (msg);
  path = g_strescape (uri != NULL ? g_uri_get_path (uri) : "?", NULL);
  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format_iso8601 (now);
  line = g_strdup_printf ("%s %s %s %s %u %.1fms\n", stamp,
                          soup_server_message_get_method (msg), path,
                          state->user != NULL ? state->user : "-",
                          soup_server_message_get_status (msg),
                          (g_get_monotonic_time () - state->started_us) / 1000.0);
  g_output_stream_write_all (self->log, line, strlen (line), NULL, NULL, NULL);
}

static FbCaller *
authenticate (FbServer          *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *hash = NULL;
  FbCaller *caller;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    goto unauthorized;

  hash = fb_token_hash (authorization + 7);
  caller = fb_server_store_find_caller (self->store, hash, g_get_real_time () / G_USEC_PER_SEC);
  if (caller == NULL)
    goto unauthorized;

  get_state (msg)->user = g_strdup (caller->email);
  return caller;

unauthorized:
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer");
  send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
              _("Sign in first: the request has no valid, unexpired token."));
  return NULL;
}

static gboolean
check_body (SoupServerMessage *msg)
{
  RequestState *state = get_state (msg);

  if (state->too_large)
    {
      g_autofree char *message = too_large_message (state->limit);

      send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message);
      return FALSE;
    }
  return TRUE;
}

static void
send_user (SoupServerMessage *msg,
           const FbCaller    *caller)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_auto(GStrv) roles = NULL;
  JsonArray *array = json_array_new ();
  g_autoptr(GFlagsClass) klass = g_type_class_ref (FB_TYPE_ROLES);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (caller->roles & klass->values[i].value) != 0)
      json_array_add_string_element (array, klass->values[i].value_nick);

  json_object_set_string_member (object, "id", caller->user_id);
  json_object_set_string_member (object, "email", caller->email);
  if (caller->trust_id != NULL)
    json_object_set_string_member (object, "trust_id", caller->trust_id);
  else
    json_object_set_null_member (object, "trust_id");
  json_object_set_array_member (object, "roles", array);
  send_object (msg, SOUP_STATUS_OK, object);
}

/* Sign-in: the password check runs on a worker, the message waits. */
typedef struct
{
  FbServer          *self;
  SoupServerMessage *msg;
  FbServerAccount   *account;
  char              *email;
  char              *password;
  char              *address;
} Login;

static void
login_free (Login *login)
{
  g_clear_object (&login->self);
  g_clear_object (&login->msg);
  g_clear_pointer (&login->account, fb_server_account_free);
  g_free (login->email);
  if (login->password != NULL)
    memset (login->password, 0, strlen (login->password));
  g_free (login->password);
  g_free (login->address);
  g_free (login);
}

static void
verify_password_worker (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  static char *unknown_hash;
  Login *login = task_data;
  const char *hash;

  /* An unknown address costs as much as a wrong password. */
  if (g_once_init_enter (&unknown_hash))
    g_once_init_leave (&unknown_hash, fb_password_hash ("no account has this password", NULL));

  hash = login->account != NULL ? login->account->password_hash : unknown_hash;
  g_task_return_boolean (task, fb_password_verify (hash, login->password) && login->account != NULL);
}

static void
verify_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Login *login = user_data;
  FbServer *self = login->self;
  SoupServerMessage *msg = login->msg;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *expires_text = NULL;
  gint64 expires_at;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      fb_login_throttle_failed (self->throttle, login->email, login->address,
                                g_get_monotonic_time ());
      send_error (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials",
                  _("The e-mail address or the password is wrong."));
      goto out;
    }

  fb_login_throttle_succeeded (self->throttle, login->email, login->address);
  get_state (msg)->user = g_strdup (login->account->email);

  if (login->account->disabled)
    {
      send_error (msg, SOUP_STATUS_FORBIDDEN, "account_disabled",
                  _("This account is disabled. Ask your administrator."));
      goto out;
    }

  token = fb_token_new ();
  hash = fb_token_hash (token);
  expires_at = g_get_real_time () / G_USEC_PER_SEC + FB_SERVER_TOKEN_LIFETIME;
  if (!fb_server_store_add_token (self->store, hash, login->account->id, expires_at, &error))
    {
      g_warning ("Could not store a token: %s", error->message);
      send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error",
                  _("The server could not sign you in. Try again later."));
      goto out;
    }

  expires = g_date_time_new_from_unix_utc (expires_at);
  expires_text = g_date_time_format_iso8601 (expires);
  answer = json_object_new ();
  json_object_set_string_member (answer, "token", token);
  json_object_set_string_member (answer, "expires_at", expires_text);
  json_object_set_string_member (answer, "user_id", login->account->id);
  send_object (msg, SOUP_STATUS_OK, answer);

out:
  soup_server_message_unpause (msg);
  login_free (login);
}

static void
handle_login (FbServer          *self,
              SoupServerMessage *msg)
{
  RequestState *state = get_state (msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  GInetSocketAddress *remote;
  Login *login;
  guint wait;

  login = g_new0 (Login, 1);
  if (!fb_login_request_parse ((const char *) state->data->data, state->data->len,
                               &login->email, &login->password, &error))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed", error->message);
      login_free (login);
      return;
    }

  remote = G_INET_SOCKET_ADDRESS (soup_server_message_get_remote_address (msg));
  login->address = remote != NULL
    ? g_inet_address_to_string (g_inet_socket_address_get_address (remote))
    : g_strdup ("?");

  wait = fb_login_throttle_get_wait (self->throttle, login->email, login->address,
                                     g_get_monotonic_time ());
  if (wait > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", wait);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Too many failed sign-ins. Try again in %u second.",
                                      "Too many failed sign-ins. Try again in %u seconds.",
                                      wait), wait);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      send_error (msg, STATUS_TOO_MANY_REQUESTS, "too_many_attempts", message);
      login_free (login);
      return;
    }

  login->self = g_object_ref (self);
  login->msg = g_object_ref (msg);
  login->account = fb_server_store_find_account (self->store, login->email);

  soup_server_message_pause (msg);
  task = g_task_new (self, NULL, verify_password_cb, login);
  g_task_set_source_tag (task, handle_login);
  g_task_set_task_data (task, login, NULL);
  g_task_run_in_thread (task, verify_password_worker);
}

static void
handle_logout (FbServer          *self,
               SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *hash = fb_token_hash (authorization + 7);
  g_autoptr(GError) error = NULL;

  if (!fb_server_store_revoke_token (self->store, hash, &error))
    {
      send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error", error->message);
      return;
    }

  send_json (msg, SOUP_STATUS_OK, g_strdup ("{\"signed_out\":true}"));
}

static void
handle_push (FbServer          *self,
             SoupServerMessage *msg,
             const FbCaller    *caller)
{
  RequestState *state = get_state (msg);
  g_autoptr(FbPushRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  char *answer;

  request = fb_push_request_parse ((const char *) state->data->data, state->data->len, &error);
  if (request == NULL)
    {
      send_error (msg, g_error_matches (error, FB_SYNC_ERROR, FB_SYNC_ERROR_TOO_MANY)
                         ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE : SOUP_STATUS_BAD_REQUEST,
                  "malformed", error->message);
      return;
    }

  answer = fb_sync_service_push (self->sync, caller, request, &error);
  if (answer == NULL)
    {
      g_warning ("Push failed: %s", error->message);
      send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error",
                  _("The server could not store the changes; nothing was applied. Try again later."));
      return;
    }

  send_json (msg, SOUP_STATUS_OK, answer);
}

static gboolean
parse_query_int (GHashTable *query,
                 const char *name,
                 gint64      fallback,
                 gint64      min,
                 gint64      max,
                 gint64     *out)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 value;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;

  *out = value;
  return TRUE;
}

static void
handle_pull (FbServer          *self,
             SoupServerMessage *msg,
             GHashTable        *query,
             const FbCaller    *caller)
{
  g_autoptr(GError) error = NULL;
  GString *answer;
  gint64 since;
  gint64 limit;

  if (!parse_query_int (query, "since", 0, 0, G_MAXINT64, &since) ||
      !parse_query_int (query, "limit", 500, 1, FB_SYNC_MAX_PULL_LIMIT, &limit))
    {
      g_autofree char *message =
        g_strdup_printf (_("“since” must be a whole number ≥ 0 and “limit” one from 1 to %d."),
                         FB_SYNC_MAX_PULL_LIMIT);

      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed", message);
      return;
    }

  answer = fb_sync_service_pull (self->sync, caller, since, limit, &error);
  if (answer == NULL)
    {
      g_warning ("Pull failed: %s", error->message);
      send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error",
                  _("The server could not read the changes. Try again later."));
      return;
    }

  send_json (msg, SOUP_STATUS_OK, g_string_free (answer, FALSE));
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *c = text; *c; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

static void
handle_blob (FbServer          *self,
             SoupServerMessage *msg,
             const char        *sha256,
             const FbCaller    *caller)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GError) error = NULL;

  if (!is_sha256 (sha256))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed",
                  _("A blob is named by its SHA-256 as 64 lowercase hex digits."));
      return;
    }

  if (g_str_equal (method, SOUP_METHOD_PUT))
    {
      RequestState *state = get_state (msg);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *actual = NULL;

      /* Files are attached to projects and nominations: the panel and
       * administrators have none to upload. */
      if ((caller->roles & (FB_ROLE_TEAM | FB_ROLE_COORDINATOR | FB_ROLE_ORGANISER)) == 0)
        {
          send_error (msg, SOUP_STATUS_FORBIDDEN, "permission",
                      _("Your role cannot upload files."));
          return;
        }

      bytes = g_bytes_new (state->data->data, state->data->len);
      actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (!g_str_equal (actual, sha256))
        {
          send_error (msg, SOUP_STATUS_BAD_REQUEST, "hash_mismatch",
                      _("The bytes received do not have the SHA-256 in the address; nothing was stored."));
          return;
        }

      if (!fb_server_store_put_blob (self->store, sha256, bytes, caller->user_id, &error))
        {
          g_warning ("Storing a blob failed: %s", error->message);
          send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error",
                      _("The server could not store the file. Try again later."));
          return;
        }

      send_json (msg, SOUP_STATUS_CREATED, g_strdup_printf ("{\"sha256\":\"%s\",\"size\":%zu}",
                                                            sha256, g_bytes_get_size (bytes)));
    }
  else if (g_str_equal (method, SOUP_METHOD_GET))
    {
      g_autofree char *uploaded_by = NULL;
      g_autoptr(GBytes) bytes = fb_server_store_dup_blob (self->store, sha256, &uploaded_by);

      if (bytes == NULL)
        {
          send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("There is no such file on the server."));
          return;
        }

      if (!fb_sync_service_can_read_blob (self->sync, caller, sha256, uploaded_by))
        {
          send_error (msg, SOUP_STATUS_FORBIDDEN, "permission",
                      _("This file belongs to a project you cannot see."));
          return;
        }

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  else
    send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                _("Blobs are read with GET and written with PUT."));
}

static gboolean
expect_method (SoupServerMessage *msg,
               const char        *method)
{
  if (g_str_equal (soup_server_message_get_method (msg), method))
    return TRUE;

  send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
              _("This address does not take that method."));
  return FALSE;
}

static void
api_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  FbServer *self = user_data;
  g_autoptr(FbCaller) caller = NULL;
  const char *endpoint;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");

  if (!g_str_has_prefix (path, API_PREFIX))
    {
      send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("There is nothing at this address."));
      return;
    }

  endpoint = path + strlen (API_PREFIX);
  if (!check_body (msg))
    return;

  if (g_str_equal (endpoint, "health"))
    {
      if (expect_method (msg, SOUP_METHOD_GET))
        send_json (msg, SOUP_STATUS_OK,
                   g_strdup_printf ("{\"status\":\"ok\",\"version\":\"%s\",\"schema\":%d}",
                                    PACKAGE_VERSION, FB_SERVER_STORE_SCHEMA_VERSION));
      return;
    }

  if (g_str_equal (endpoint, "login"))
    {
      if (expect_method (msg, SOUP_METHOD_POST))
        handle_login (self, msg);
      return;
    }

  if (!g_str_equal (endpoint, "logout") && !g_str_equal (endpoint, "me") &&
      !g_str_equal (endpoint, "push") && !g_str_equal (endpoint, "pull") &&
      !is_blob_path (path))
    {
      send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("There is nothing at this address."));
      return;
    }

  caller = authenticate (self, msg);
  if (caller == NULL)
    return;

  if (g_str_equal (endpoint, "logout"))
    {
      if (expect_method (msg, SOUP_METHOD_POST))
        handle_logout (self, msg);
    }
  else if (g_str_equal (endpoint, "me"))
    {
      if (expect_method (msg, SOUP_METHOD_GET))
        send_user (msg, caller);
    }
  else if (g_str_equal (endpoint, "push"))
    {
      if (expect_method (msg, SOUP_METHOD_POST))
        handle_push (self, msg, caller);
    }
  else if (g_str_equal (endpoint, "pull"))
    {
      if (expect_method (msg, SOUP_METHOD_GET))
        handle_pull (self, msg, query, caller);
    }
  else
    handle_blob (self, msg, endpoint + strlen ("blobs/"), caller);
}

static void
fb_server_dispose (GObject *object)
{
  FbServer *self = (FbServer *)object;

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (fb_server_parent_class)->dispose (object);
}

static void
fb_server_finalize (GObject *object)
{
  FbServer *self = (FbServer *)object;

  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->throttle);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (fb_server_parent_class)->finalize (object);
}

static void
fb_server_class_init (FbServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fb_server_dispose;
  object_class->finalize = fb_server_finalize;
}

static void
fb_server_init (FbServer *self)
{
  self->throttle = fb_login_throttle_new ();
}

/**
 * fb_server_new:
 * @store: the server's database
 *
 * Returns: (transfer full): a server that listens nowhere yet
 */
FbServer *
fb_server_new (FbServerStore *store)
{
  FbServer *self = g_object_new (FB_TYPE_SERVER, NULL);

  self->store = g_object_ref (store);
  self->sync = fb_sync_service_new (store);
  return self;
}

/**
 * fb_server_set_throttle:
 * @throttle: the sign-in throttle to share with other servers
 *
 * Servers that answer on one port together share one count of failed
 * sign-ins, or a guesser would get one allowance per thread.
 */
void
fb_server_set_throttle (FbServer        *self,
                        FbLoginThrottle *throttle)
{
  g_set_object (&self->throttle, throttle);
}

/**
 * fb_server_set_reuse_port:
 * @reuse_port: whether other servers listen on the same port
 *
 * With this set before listening, several servers, each on its own thread
 * and main context, take the connections of one port in turn
 * (SO_REUSEPORT): the kernel spreads them, so every core serves.
 */
void
fb_server_set_reuse_port (FbServer *self,
                          gboolean  reuse_port)
{
  self->reuse_port = reuse_port;
}

void
fb_server_set_log (FbServer      *self,
                   GOutputStream *log)
{
  g_set_object (&self->log, log);
}

/* g_socket_bind () clears SO_REUSEPORT on stream sockets, so a port
 * shared between threads is bound by hand. */
static gboolean
bind_shared (GSocket         *socket,
             GSocketAddress  *address,
             GError         **error)
{
  struct sockaddr_storage native;
  gssize length = g_socket_address_get_native_size (address);

  if (length < 0 ||
      !g_socket_address_to_native (address, &native, sizeof native, error) ||
      !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, error) ||
      !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, error))
    return FALSE;

  if (bind (g_socket_get_fd (socket), (struct sockaddr *) &native, length) != 0)
    {
      int saved = errno;
      g_autofree char *where = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not listen on %s: %s"), where, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * fb_server_listen:
 * @address: "HOST:PORT"; port 0 takes a free port
 * @certificate: (nullable): serve HTTPS with this certificate
 *
 * Starts serving on the thread-default main context.
 */
gboolean
fb_server_listen (FbServer         *self,
                  const char       *address,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GSocketAddressEnumerator) enumerator = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (self->soup == NULL, FALSE);

  connectable = g_network_address_parse (address, 8443, error);
  if (connectable == NULL)
    return FALSE;

  enumerator = g_socket_connectable_enumerate (connectable);
  socket_address = g_socket_address_enumerator_next (enumerator, NULL, error);
  if (socket_address == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” is not an address to listen on."), address);
      return FALSE;
    }

  self->soup = soup_server_new ("server-header", "forbedring-server/" PACKAGE_VERSION " ",
                                "tls-certificate", certificate,
                                NULL);
  if (certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-read", G_CALLBACK (request_read_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, api_handler, self, NULL);

  /* libsoup listens with GLib's backlog of 10: a burst of new connections
   * beyond that waits a second for a SYN to be sent again. */
  socket = g_socket_new (g_socket_address_get_family (socket_address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!(self->reuse_port ? bind_shared (socket, socket_address, error)
                         : g_socket_bind (socket, socket_address, TRUE, error)) ||
      !g_socket_listen (socket, error))
    return FALSE;

  return soup_server_listen_socket (self->soup, socket, options, error);
}

guint
fb_server_get_port (FbServer *self)
{
  g_autoslist(GUri) uris = NULL;

  if (self->soup == NULL)
    return 0;

  uris = soup_server_get_uris (self->soup);
  return uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
}
