/* test-server-input.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile and broken input against a real server on 127.0.0.1: bad JSON,
 * wrong types, bounds, huge bodies, bad blobs, bad query parameters, wrong
 * methods and paths, bad tokens and slow clients. Every refusal must come
 * as {"error", "message"} with the right status and leave the data as it
 * was, and the server must keep answering everyone else.
 *
 * One server serves the whole file, in order; the last test checks that
 * it still answers and that its database is intact.
 */

#include "config.h"

#include <string.h>

#include "fb-password.h"
#include "fb-test-server.h"

#define PROJECT_A "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
#define MEASURE_A "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"
#define POINT_A   "4e5f6a7b-8c9d-4eaf-8a1b-3c4d5e6f7a8b"
#define POINT_B   "5f6a7b8c-9d0e-4fa1-9b2c-4d5e6f7a8b9c"

#define MIB (1024 * 1024)

static FbTestServer *ts;
static char *trust_id;
static char *token;

typedef struct
{
  guint  n_changes;
  gint64 cursor;
} Snapshot;

static Snapshot
snapshot (void)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  Snapshot snap;
  guint status;

  answer = fb_test_server_request_json (ts, "GET", "pull?since=0&limit=1000", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (answer);
  snap.n_changes = json_array_get_length (json_object_get_array_member (object, "changes"));
  snap.cursor = json_object_get_int_member (object, "cursor");
  return snap;
}

static void
assert_unchanged (const Snapshot *before)
{
  Snapshot after = snapshot ();

  g_assert_cmpuint (after.n_changes, ==, before->n_changes);
  g_assert_cmpint (after.cursor, ==, before->cursor);
}

/* A refusal is exactly {"error": code, "message": text}, both non-empty. */
static void
assert_error_body (const char *data,
                   gsize       size,
                   const char *code)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "error", NULL), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member_with_default (object, "message", "")), >, 0);
}

/* A request to an absolute path on the server, with its response headers. */
static guint
call (const char          *method,
      const char          *path,
      const char          *authorization,
      const char          *body,
      gssize               length,
      GBytes             **response,
      SoupMessageHeaders **response_headers)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", ts->port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_nonnull (msg);
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }

  bytes = soup_session_send_and_read (ts->session, msg, NULL, &error);
  g_assert_no_error (error);
  *response = bytes;
  if (response_headers != NULL)
    *response_headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return soup_message_get_status (msg);
}

static void
expect_error_full (const char *method,
                   const char *path,
                   const char *authorization,
                   const char *body,
                   gssize      length,
                   guint       status,
                   const char *code)
{
  g_autoptr(GBytes) response = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  gsize size;
  const char *data;
  guint got;

  got = call (method, path, authorization, body, length, &response, &headers);
  data = g_bytes_get_data (response, &size);
  if (got != status)
    g_test_message ("%s %s answered %u: %.*s", method, path, got, (int) MIN (size, 300), data);
  g_assert_cmpuint (got, ==, status);
  g_test_message ("%s %s: %u", method, path, got);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/json");
  assert_error_body (data, size, code);
}

/* A request under /api/v1/ with the test's token. */
static void
expect_error (const char *method,
              const char *endpoint,
              const char *body,
              gssize      length,
              guint       status,
              const char *code)
{
  g_autofree char *path = g_strconcat ("/api/v1/", endpoint, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

  expect_error_full (method, path, authorization, body, length, status, code);
}

static char *
push_body (const char *changes)
{
  g_autofree char *batch_id = g_uuid_string_random ();

  return g_strdup_printf ("{\"device_id\":\"input-test\",\"batch_id\":\"%s\",\"changes\":[%s]}",
                          batch_id, changes);
}

/* Pushes @changes and returns the answer's results. */
static JsonArray *
push (const char *changes)
{
  g_autofree char *body = push_body (changes);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = fb_test_server_request_json (ts, "POST", "push", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_ref (json_object_get_array_member (json_node_get_object (answer), "results"));
}

static void
assert_result (JsonArray  *results,
               guint       index,
               const char *status,
               const char *reason)
{
  JsonObject *result = json_array_get_object_element (results, index);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member_with_default (result, "reason", NULL), ==, reason);
  if (reason != NULL)
    g_assert_cmpuint (strlen (json_object_get_string_member_with_default (result, "message", "")), >, 0);
}

/* Raw connections, for what a polite HTTP client will not send. */

static GSocketConnection *
raw_connect (guint timeout)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, timeout);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", ts->port, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static gboolean
raw_write (GSocketConnection *connection,
           const void        *data,
           gsize              size)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  return g_output_stream_write_all (out, data, size, NULL, NULL, NULL);
}

/* Reads one response: its status, and its body into @body. */
static guint
raw_read_response (GSocketConnection  *connection,
                   GBytes            **body)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  const guint8 *end = NULL;
  gsize header_length = 0;
  goffset content_length = -1;
  guint status = 0;

  for (;;)
    {
      guint8 buffer[4096];
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);

      if (n > 0)
        g_byte_array_append (data, buffer, n);

      if (end == NULL && data->len >= 4)
        {
          end = (const guint8 *) g_strstr_len ((const char *) data->data, data->len, "\r\n\r\n");
          if (end != NULL)
            {
              header_length = end - data->data + 4;
              g_assert_true (soup_headers_parse_response ((const char *) data->data, header_length,
                                                          headers, NULL, &status, NULL));
              content_length = soup_message_headers_get_content_length (headers);
            }
        }

      if (end != NULL && content_length >= 0 &&
          data->len >= header_length + content_length)
        break;
      if (n <= 0)
        break;
    }

  g_assert_nonnull (end);
  *body = g_bytes_new (data->data + header_length, data->len - header_length);
  return status;
}

/* Whether the server has closed @connection (read gives end of file or a
 * reset within @timeout seconds). */
static gboolean
raw_closed (GSocketConnection *connection)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  guint8 buffer[1024];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    ;
  return n == 0 || n < 0;
}

static gsize
self_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* The tests, in order, against the one server. */

static void
test_malformed_json (void)
{
  static const char * const bodies[] = {
    "",
    " ",
    "{",
    "{\"batch_id\":\"b\",\"changes\":[",
    "{\"batch_id\":\"b\",\"changes\":[{\"entity\":\"project\",\"id\":\"" PROJECT_A "\"",
    "{\"batch_id\":\"b\",\"changes\":[]",
    "{\"batch_id\":\"b\",\"changes\":[]}}",
    "{\"batch_id\":\"b\" \"changes\":[]}",
    "{'batch_id':'b','changes':[]}",
    "{batch_id:\"b\",changes:[]}",
    "{\"batch_id\":\"b\",\"changes\":[],}",
    "{\"batch_id\":\"b\",\"changes\":[01]}",
    "{\"batch_id\":\"b\",\"changes\":[NaN]}",
    "{\"batch_id\":\"b\",\"changes\":[\"\\x41\"]}",
    "{\"batch_id\":\"b\nc\",\"changes\":[]}",
    "<?xml version=\"1.0\"?><push/>",
    "null",
    "true",
    "42",
    "\"push\"",
    "[]",
    "[{\"batch_id\":\"b\",\"changes\":[]}]",
  };
  Snapshot before = snapshot ();

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_test_message ("body: %s", bodies[i]);
      expect_error ("POST", "push", bodies[i], -1, 400, "malformed");
    }

  /* The same for sign-in. */
  expect_error_full ("POST", "/api/v1/login", NULL, "{\"email\":\"team@test.example\"", -1,
                     400, "malformed");
  expect_error_full ("POST", "/api/v1/login", NULL, "{\"email\":42,\"password\":\"x\"}", -1,
                     400, "malformed");
  expect_error_full ("POST", "/api/v1/login", NULL, "{\"email\":[\"a\"],\"password\":{}}", -1,
                     400, "malformed");
  expect_error_full ("POST", "/api/v1/login", NULL, "", -1, 400, "malformed");

  assert_unchanged (&before);
}

static void
test_wrong_types (void)
{
  static const char * const changes[] = {
    /* the request's own members */
    NULL,
    /* entity, id */
    "{\"entity\":42,\"id\":\"" PROJECT_A "\"}",
    "{\"entity\":null,\"id\":\"" PROJECT_A "\"}",
    "{\"entity\":[\"project\"],\"id\":\"" PROJECT_A "\"}",
    "{\"entity\":{\"name\":\"project\"},\"id\":\"" PROJECT_A "\"}",
    "{\"id\":\"" PROJECT_A "\"}",
    "{\"entity\":\"project\"}",
    "{\"entity\":\"project\",\"id\":12345}",
    "{\"entity\":\"project\",\"id\":true}",
    /* ids that are not UUIDs */
    "{\"entity\":\"project\",\"id\":\"\"}",
    "{\"entity\":\"project\",\"id\":\"not-a-uuid\"}",
    "{\"entity\":\"project\",\"id\":\"2c3d4e5f6a7b4c8d8e9f1a2b3c4d5e6f\"}",
    "{\"entity\":\"project\",\"id\":\"2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6g\"}",
    "{\"entity\":\"project\",\"id\":\"2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f0\"}",
    "{\"entity\":\"project\",\"id\":\"../../etc/passwd\"}",
    "{\"entity\":\"project\",\"id\":\"' OR 1=1 --\"}",
    /* fields */
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"fields\":[\"title\",\"x\"]}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"fields\":\"title=x\"}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"fields\":7}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"fields\":true}",
    /* base_rev */
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":\"1\"}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":-1}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":1.5}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":1e400}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":-1e400}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":1e3}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":true}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":[1]}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":-9223372036854775808}",
    /* deleted */
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"deleted\":\"true\"}",
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"deleted\":1}",
    /* not an object at all */
    "\"project\"",
    "[\"project\",\"" PROJECT_A "\"]",
    "null",
  };
  static const char * const requests[] = {
    "{\"changes\":[]}",
    "{\"batch_id\":\"\",\"changes\":[]}",
    "{\"batch_id\":7,\"changes\":[]}",
    "{\"batch_id\":null,\"changes\":[]}",
    "{\"batch_id\":\"b\"}",
    "{\"batch_id\":\"b\",\"changes\":null}",
    "{\"batch_id\":\"b\",\"changes\":{}}",
    "{\"batch_id\":\"b\",\"changes\":\"[]\"}",
    "{\"batch_id\":\"b\",\"device_id\":5,\"changes\":[]}",
    "{\"batch_id\":\"b\",\"device_id\":[],\"changes\":[]}",
    "{\"batch_id\":\"0123456789012345678901234567890123456789012345678901234567890123456789\","
    "\"changes\":[]}",
  };
  Snapshot before = snapshot ();

  for (guint i = 1; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *body = push_body (changes[i]);

      g_test_message ("change: %s", changes[i]);
      expect_error ("POST", "push", body, -1, 400, "malformed");
    }

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_test_message ("request: %s", requests[i]);
      expect_error ("POST", "push", requests[i], -1, 400, "malformed");
    }

  /* One bad change refuses the whole request, the good ones with it. */
  {
    g_autofree char *body = push_body ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
                                       "\"fields\":{\"title\":\"Godt\"}},"
                                       "{\"entity\":\"project\",\"id\":\"nope\"}");

    expect_error ("POST", "push", body, -1, 400, "malformed");
  }

  assert_unchanged (&before);
}

static void
test_encoding (void)
{
  static const char invalid_utf8[] = "{\"batch_id\":\"b\xff\xfe\",\"changes\":[]}";
  static const char overlong_utf8[] = "{\"batch_id\":\"\xc0\xaf\",\"changes\":[]}";
  static const char surrogate_utf8[] = "{\"batch_id\":\"\xed\xa0\x80\",\"changes\":[]}";
  static const char nul_outside[] = "{\"batch_id\":\"b\",\0\"changes\":[]}";
  static const char nul_inside[] = "{\"batch_id\":\"b\0c\",\"changes\":[]}";
  static const char nul_end[] = "{\"batch_id\":\"b\",\"changes\":[]}\0";
  g_autofree char *invalid_in_field = NULL;
  Snapshot before = snapshot ();

  expect_error ("POST", "push", invalid_utf8, sizeof invalid_utf8 - 1, 400, "malformed");
  expect_error ("POST", "push", overlong_utf8, sizeof overlong_utf8 - 1, 400, "malformed");
  expect_error ("POST", "push", surrogate_utf8, sizeof surrogate_utf8 - 1, 400, "malformed");
  expect_error ("POST", "push", nul_outside, sizeof nul_outside - 1, 400, "malformed");
  expect_error ("POST", "push", nul_inside, sizeof nul_inside - 1, 400, "malformed");
  expect_error ("POST", "push", nul_end, sizeof nul_end - 1, 400, "malformed");

  invalid_in_field = push_body ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
                                "\"fields\":{\"title\":\"Fall\x80\"}}");
  expect_error ("POST", "push", invalid_in_field, -1, 400, "malformed");

  /* A NUL or a lone surrogate spelt as an escape is no better. */
  expect_error ("POST", "push", "{\"batch_id\":\"a\\u0000b\",\"changes\":[]}", -1,
                400, "malformed");
  expect_error ("POST", "push", "{\"batch_id\":\"a\\ud800b\",\"changes\":[]}", -1,
                400, "malformed");
  expect_error_full ("POST", "/api/v1/login", NULL,
                     "{\"email\":\"team@test.example\\u0000x\",\"password\":\"p\"}", -1,
                     400, "malformed");

  assert_unchanged (&before);
}

static void
test_bounds (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) deep_field = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) thousand = g_string_new (NULL);
  g_autofree char *long_title = NULL;
  g_autofree char *long_change = NULL;
  g_autofree char *long_body = NULL;
  g_autofree char *long_key = NULL;
  g_autofree char *long_key_body = NULL;
  g_autofree char *many_body = NULL;
  g_autoptr(JsonArray) results = NULL;
  Snapshot before = snapshot ();

  /* 10 000 levels of nesting, closed and unclosed. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  expect_error ("POST", "push", deep->str, deep->len, 400, "malformed");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ']');
  expect_error ("POST", "push", deep->str, deep->len, 400, "malformed");
  expect_error_full ("POST", "/api/v1/login", NULL, deep->str, deep->len, 400, "malformed");

  /* Twenty levels inside a field. */
  g_string_append (deep_field, "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"fields\":{\"title\":");
  for (guint i = 0; i < 20; i++)
    g_string_append (deep_field, "{\"a\":");
  g_string_append (deep_field, "1");
  for (guint i = 0; i < 20; i++)
    g_string_append_c (deep_field, '}');
  g_string_append (deep_field, "}}");
  {
    g_autofree char *body = push_body (deep_field->str);

    expect_error ("POST", "push", body, -1, 400, "malformed");
  }

  /* A text over 256 KiB, as a value and as a key. */
  long_title = g_strnfill (FB_SYNC_MAX_STRING + 10, 'x');
  long_change = g_strdup_printf ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
                                 "\"fields\":{\"title\":\"%s\",\"trust_id\":\"%s\"}}",
                                 long_title, trust_id);
  long_body = push_body (long_change);
  expect_error ("POST", "push", long_body, -1, 400, "malformed");
  long_key = g_strdup_printf ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
                              "\"fields\":{\"%s\":1}}", long_title);
  long_key_body = push_body (long_key);
  expect_error ("POST", "push", long_key_body, -1, 400, "malformed");
  {
    g_autofree char *login = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"x\"}", long_title);

    expect_error_full ("POST", "/api/v1/login", NULL, login, -1, 400, "malformed");
  }

  /* 1 001 changes are refused whole; 1 000 are each answered. */
  for (guint i = 0; i < 1001; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      g_string_append_printf (many, "%s{\"entity\":\"nothing\",\"id\":\"%s\"}", i ? "," : "", id);
      if (i < 1000)
        g_string_append_printf (thousand, "%s{\"entity\":\"nothing\",\"id\":\"%s\"}", i ? "," : "", id);
    }
  many_body = push_body (many->str);
  expect_error ("POST", "push", many_body, -1, 413, "malformed");

  results = push (thousand->str);
  g_assert_cmpuint (json_array_get_length (results), ==, 1000);
  for (guint i = 0; i < 1000; i++)
    assert_result (results, i, "rejected", "validation");

  assert_unchanged (&before);
}

static void
test_unknown_entity_and_field (void)
{
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) bookkeeping = NULL;
  g_autofree char *changes = NULL;
  Snapshot before = snapshot ();

  changes = g_strdup_printf (
    "{\"entity\":\"spaceship\",\"id\":\"" PROJECT_A "\",\"fields\":{\"title\":\"x\"}},"
    "{\"entity\":\"\",\"id\":\"" PROJECT_A "\"},"
    "{\"entity\":\"Project\",\"id\":\"" PROJECT_A "\"},"
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
    "\"fields\":{\"title\":\"Fall\",\"trust_id\":\"%s\",\"warp_factor\":9}},"
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
    "\"fields\":{\"title\":\"Fall\",\"trust_id\":\"%s\",\"\":1}}",
    trust_id, trust_id);
  results = push (changes);
  g_assert_cmpuint (json_array_get_length (results), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      assert_result (results, i, "rejected", "validation");
      g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, PROJECT_A);
    }
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                           "message"), "spaceship"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (results, 3),
                                                           "message"), "warp_factor"));

  /* The server's own bookkeeping is not a field a client may set. */
  changes = (g_free (changes), g_strdup_printf (
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
    "\"fields\":{\"title\":\"Fall\",\"trust_id\":\"%s\",\"rev\":99}},"
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
    "\"fields\":{\"title\":\"Fall\",\"trust_id\":\"%s\",\"updated_at\":\"2030-01-01\"}},"
    "{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
    "\"fields\":{\"title\":\"Fall\",\"trust_id\":\"%s\",\"id\":\"" MEASURE_A "\"}}",
    trust_id, trust_id, trust_id));
  bookkeeping = push (changes);
  for (guint i = 0; i < 3; i++)
    assert_result (bookkeeping, i, "rejected", "validation");

  assert_unchanged (&before);
}

static void
test_numbers_in_fields (void)
{
  g_autofree char *project = NULL;
  g_autoptr(JsonArray) created = NULL;
  g_autoptr(JsonArray) bad = NULL;
  g_autoptr(JsonArray) good = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *changes;
  Snapshot before;
  guint status;
  static const char * const bad_changes[] = {
    /* baseline_points is a whole number from 0 */
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"baseline_points\":-5}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"baseline_points\":4294967296}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"baseline_points\":9223372036854775807}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"baseline_points\":1e400}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"baseline_points\":2.5}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"baseline_points\":\"12\"}}",
    /* a finite multiplier above zero */
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"rate_multiplier\":-1000}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"rate_multiplier\":1e400}}",
    "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"rate_multiplier\":\"1000\"}}",
  };

  /* A project and a measure of this user's to write numbers into. */
  project = g_strdup_printf ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
                             "\"fields\":{\"title\":\"Færre fall\",\"trust_id\":\"%s\"}},"
                             "{\"entity\":\"measure\",\"id\":\"" MEASURE_A "\","
                             "\"fields\":{\"name\":\"Fall per 1000 liggedøgn\","
                             "\"project_id\":\"" PROJECT_A "\"}}",
                             trust_id);
  created = push (project);
  assert_result (created, 0, "applied", NULL);
  assert_result (created, 1, "applied", NULL);

  before = snapshot ();
  for (guint i = 0; i < G_N_ELEMENTS (bad_changes); i++)
    {
      g_autofree char *change = g_strdup_printf (bad_changes[i],
                                                 json_object_get_int_member (json_array_get_object_element (created, 1), "rev"));
      g_autoptr(JsonArray) results = NULL;

      g_test_message ("change: %s", change);
      results = push (change);
      assert_result (results, 0, "rejected", "validation");
    }

  /* A data point whose value overflows to infinity, and a bad denominator. */
  bad = push ("{\"entity\":\"data_point\",\"id\":\"" POINT_A "\",\"fields\":{"
              "\"measure_id\":\"" MEASURE_A "\",\"period\":\"2026-03-01\",\"value\":1e400}},"
              "{\"entity\":\"data_point\",\"id\":\"" POINT_A "\",\"fields\":{"
              "\"measure_id\":\"" MEASURE_A "\",\"period\":\"2026-03-01\",\"value\":-1e400}},"
              "{\"entity\":\"data_point\",\"id\":\"" POINT_A "\",\"fields\":{"
              "\"measure_id\":\"" MEASURE_A "\",\"period\":\"2026-03-01\",\"value\":1,"
              "\"denominator\":-3}},"
              "{\"entity\":\"data_point\",\"id\":\"" POINT_A "\",\"fields\":{"
              "\"measure_id\":\"" MEASURE_A "\",\"period\":\"2026-02-30\",\"value\":1}}");
  for (guint i = 0; i < 4; i++)
    assert_result (bad, i, "rejected", "validation");
  assert_unchanged (&before);

  /* Large and negative finite values are values: they apply and come back. */
  good = push ("{\"entity\":\"data_point\",\"id\":\"" POINT_A "\",\"fields\":{"
               "\"measure_id\":\"" MEASURE_A "\",\"period\":\"2026-03-01\",\"value\":-1.5e308}},"
               "{\"entity\":\"data_point\",\"id\":\"" POINT_B "\",\"fields\":{"
               "\"measure_id\":\"" MEASURE_A "\",\"period\":\"2026-04-01\","
               "\"value\":-9007199254740993,\"denominator\":1e300}}");
  assert_result (good, 0, "applied", NULL);
  assert_result (good, 1, "applied", NULL);

  answer = fb_test_server_request_json (ts, "GET", "pull?since=0&limit=1000", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  changes = json_object_get_array_member (json_node_get_object (answer), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *fields = json_object_get_object_member (change, "fields");
      const char *id = json_object_get_string_member (change, "id");

      if (g_str_equal (id, POINT_A))
        g_assert_cmpfloat (json_object_get_double_member (fields, "value"), ==, -1.5e308);
      else if (g_str_equal (id, POINT_B))
        {
          g_assert_cmpfloat (json_object_get_double_member (fields, "value"), ==, -9007199254740993.0);
          g_assert_cmpfloat (json_object_get_double_member (fields, "denominator"), ==, 1e300);
        }
    }
}

/* Headers for a body the client never sends in full. */
static char *
declared_headers (const char *method,
                  const char *path,
                  gsize       length)
{
  return g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                          "Content-Type: application/octet-stream\r\n"
                          "Content-Length: %zu\r\n\r\n", method, path, token, length);
}

static void
assert_refused_before_body (const char *method,
                            const char *path,
                            gsize       length)
{
  g_autoptr(GSocketConnection) connection = raw_connect (10);
  g_autofree char *headers = declared_headers (method, path, length);
  g_autoptr(GBytes) body = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize size;
  const char *data;

  /* The answer comes without a byte of the body sent. */
  g_assert_true (raw_write (connection, headers, strlen (headers)));
  g_assert_cmpuint (raw_read_response (connection, &body), ==, 413);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  data = g_bytes_get_data (body, &size);
  assert_error_body (data, size, "too_large");

  /* …and the connection is closed rather than drained. */
  g_assert_true (raw_closed (connection));
}

/* Sends @total bytes of zeros in chunks and no length; returns the status. */
static guint
send_chunked (const char *method,
              const char *path,
              gsize       total,
              GBytes    **body)
{
  g_autoptr(GSocketConnection) connection = raw_connect (20);
  g_autofree char *headers = NULL;
  g_autofree guint8 *chunk = g_malloc0 (64 * 1024);
  g_autofree char *chunk_header = g_strdup_printf ("%x\r\n", 64 * 1024);
  gsize sent = 0;

  headers = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                             "Content-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n", method, path, token);
  g_assert_true (raw_write (connection, headers, strlen (headers)));

  /* The server may stop reading and answer early; a write error then is fine. */
  while (sent < total)
    {
      if (!raw_write (connection, chunk_header, strlen (chunk_header)) ||
          !raw_write (connection, chunk, 64 * 1024) ||
          !raw_write (connection, "\r\n", 2))
        break;
      sent += 64 * 1024;
    }
  if (sent >= total)
    raw_write (connection, "0\r\n\r\n", 5);

  return raw_read_response (connection, body);
}

static void
test_huge_bodies (void)
{
  Snapshot before = snapshot ();
  g_autoptr(GBytes) body = NULL;
  gsize rss_before;
  gsize rss_after;
  gint64 start;
  gsize size;
  const char *data;

  /* Declared: refused at once, whatever the endpoint. */
  assert_refused_before_body ("POST", "/api/v1/push", 100 * (gsize) MIB);
  assert_refused_before_body ("POST", "/api/v1/login", 100 * (gsize) MIB);
  assert_refused_before_body ("POST", "/api/v1/push", FB_SERVER_MAX_JSON_BODY + 1);

  /* Undeclared: counted and dropped as it comes, memory stays flat. */
  rss_before = self_rss_kib ();
  start = g_get_monotonic_time ();
  g_assert_cmpuint (send_chunked ("POST", "/api/v1/push", 100 * (gsize) MIB, &body), ==, 413);
  data = g_bytes_get_data (body, &size);
  assert_error_body (data, size, "too_large");
  rss_after = self_rss_kib ();
  g_test_message ("100 MiB chunked: %.2f s, RSS %zu → %zu KiB",
                  (g_get_monotonic_time () - start) / 1e6, rss_before, rss_after);
  g_assert_cmpuint (rss_after, <, rss_before + 40 * 1024);

  /* A JSON body of just under the limit is read (and here refused as JSON). */
  {
    g_autofree char *spaces = g_strnfill (FB_SERVER_MAX_JSON_BODY - 100, ' ');
    g_autofree char *padded = g_strconcat (spaces, "{\"batch_id\":\"b\"}", NULL);

    expect_error ("POST", "push", padded, -1, 400, "malformed");
  }

  assert_unchanged (&before);
}

static void
test_blobs (void)
{
  static const char content[] = "The bytes of an attachment.";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autofree char *other = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "something else", -1);
  g_autofree char *path = g_strconcat ("blobs/", other, NULL);
  g_autofree char *upper = g_ascii_strup (sha, -1);
  g_autofree char *upper_path = g_strconcat ("blobs/", upper, NULL);
  g_autofree char *short_path = g_strndup (path, strlen (path) - 1);
  g_autofree char *big_path = NULL;
  g_autoptr(GBytes) body = NULL;
  gsize size;
  const char *data;
  Snapshot before = snapshot ();

  /* Bytes that are not what the address names are not stored. */
  expect_error ("PUT", path, content, -1, 400, "hash_mismatch");
  expect_error ("GET", path, NULL, -1, 404, "not_found");
  expect_error ("PUT", path, "", 0, 400, "hash_mismatch");

  /* Names that are not a SHA-256. */
  expect_error ("PUT", upper_path, content, -1, 400, "malformed");
  expect_error ("PUT", short_path, content, -1, 400, "malformed");
  expect_error ("GET", "blobs/../../etc/passwd", NULL, -1, 404, "not_found");
  expect_error ("GET", "blobs/", NULL, -1, 400, "malformed");
  expect_error ("GET", "blobs/%00", NULL, -1, 400, "malformed");

  /* Over 25 MiB: declared, refused before the body; undeclared, after it. */
  big_path = g_strconcat ("/api/v1/blobs/", sha, NULL);
  assert_refused_before_body ("PUT", big_path, FB_STORE_MAX_BLOB_BYTES + 1);
  g_assert_cmpuint (send_chunked ("PUT", big_path, FB_STORE_MAX_BLOB_BYTES + MIB, &body), ==, 413);
  data = g_bytes_get_data (body, &size);
  assert_error_body (data, size, "too_large");
  expect_error ("GET", big_path + strlen ("/api/v1/"), NULL, -1, 404, "not_found");

  assert_unchanged (&before);
}

static void
test_pull_params (void)
{
  static const char * const queries[] = {
    "since=-1", "since=abc", "since=", "since=1.5", "since=1e3", "since=99999999999999999999",
    "since=0x10", "since=%201", "limit=0", "limit=-5", "limit=abc", "limit=100000", "limit=1001",
    "limit=", "limit=10&since=-1", "since=0&limit=18446744073709551617",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *endpoint = g_strconcat ("pull?", queries[i], NULL);

      g_test_message ("query: %s", queries[i]);
      expect_error ("GET", endpoint, NULL, -1, 400, "malformed");
    }

  /* The edges themselves are fine. */
  {
    g_autoptr(JsonNode) answer = NULL;
    guint status;

    answer = fb_test_server_request_json (ts, "GET", "pull?since=9223372036854775807&limit=1",
                                          token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (answer),
                                                                           "changes")), ==, 0);
  }
}

static void
test_methods_and_paths (void)
{
  static const struct { const char *method; const char *endpoint; } wrong[] = {
    { "GET", "push" }, { "PUT", "push" }, { "DELETE", "push" },
    { "POST", "pull" }, { "DELETE", "pull" },
    { "GET", "login" }, { "PUT", "login" },
    { "GET", "logout" },
    { "POST", "me" }, { "DELETE", "me" },
    { "POST", "health" }, { "DELETE", "health" },
    { "DELETE", "blobs/0000000000000000000000000000000000000000000000000000000000000000" },
    { "POST", "blobs/0000000000000000000000000000000000000000000000000000000000000000" },
  };
  static const char * const nowhere[] = {
    "/", "/api", "/api/v1", "/api/v1/", "/api/v2/push", "/api/v1/nothing", "/api/v1/push/extra",
    "/api/v1/PUSH", "/api/v1/health/", "/api/v1/pull/", "/index.html", "/api/v1/%2e%2e/v2/health",
  };
  Snapshot before = snapshot ();

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_test_message ("%s %s", wrong[i].method, wrong[i].endpoint);
      expect_error (wrong[i].method, wrong[i].endpoint, NULL, -1, 405, "method_not_allowed");
    }

  for (guint i = 0; i < G_N_ELEMENTS (nowhere); i++)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      g_test_message ("GET %s", nowhere[i]);
      expect_error_full ("GET", nowhere[i], authorization, NULL, -1, 404, "not_found");
      expect_error_full ("POST", nowhere[i], NULL, "{}", -1, 404, "not_found");
    }

  assert_unchanged (&before);
}

static void
expect_unauthorized (const char *method,
                     const char *path,
                     const char *authorization,
                     const char *body)
{
  g_autoptr(GBytes) response = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *shown = authorization ? g_strescape (authorization, NULL) : g_strdup ("nothing");
  gsize size;
  const char *data;

  g_test_message ("%s %s with %s", method, path, shown);
  g_assert_cmpuint (call (method, path, authorization, body, -1, &response, &headers), ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "WWW-Authenticate"), ==, "Bearer");
  data = g_bytes_get_data (response, &size);
  assert_error_body (data, size, "unauthorized");
}

static void
test_tokens (void)
{
  g_autofree char *expired = fb_token_new ();
  g_autofree char *expired_hash = fb_token_hash (expired);
  g_autofree char *expired_header = g_strconcat ("Bearer ", expired, NULL);
  g_autofree char *revoked = NULL;
  g_autofree char *revoked_header = NULL;
  g_autofree char *long_garbage = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *push = push_body ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\","
                                     "\"fields\":{\"title\":\"Uten lov\"}}");
  g_autoptr(FbServerAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) response = NULL;
  const char *garbage[] = {
    NULL, "", "Bearer", "Bearer ", "Bearer x", "bearer nonsense", "Basic dGVhbTpwYXNz",
    "Bearer \xff\xfe", NULL, NULL, NULL,
  };
  Snapshot before = snapshot ();

  /* A token that ran out a minute ago. */
  account = fb_server_store_find_account (ts->store, "team@test.example");
  g_assert_nonnull (account);
  g_assert_true (fb_server_store_begin (ts->store, &error));
  g_assert_true (fb_server_store_add_token (ts->store, expired_hash, account->id,
                                            g_get_real_time () / G_USEC_PER_SEC - 60, &error));
  g_assert_true (fb_server_store_commit (ts->store, &error));
  g_assert_no_error (error);
  garbage[8] = expired_header;

  /* A token signed out. */
  revoked = fb_test_server_login (ts, "team@test.example");
  revoked_header = g_strconcat ("Bearer ", revoked, NULL);
  g_assert_cmpuint (call ("POST", "/api/v1/logout", revoked_header, NULL, -1, &response, NULL), ==, 200);
  garbage[9] = revoked_header;

  /* The token's hash instead of the token, and a very long one. */
  long_garbage = g_strconcat ("Bearer ", expired_hash, NULL);
  garbage[10] = long_garbage;

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      expect_unauthorized ("GET", "/api/v1/me", garbage[i], NULL);
      expect_unauthorized ("GET", "/api/v1/pull?since=0", garbage[i], NULL);
      expect_unauthorized ("POST", "/api/v1/push", garbage[i], push);
      expect_unauthorized ("POST", "/api/v1/logout", garbage[i], NULL);
      expect_unauthorized ("GET", "/api/v1/blobs/0000000000000000000000000000000000000000000000000000000000000000",
                           garbage[i], NULL);
    }

  /* Refused before anything else is looked at: a bad method too. */
  expect_unauthorized ("GET", "/api/v1/push", NULL, NULL);

  /* The test's own token still works. */
  assert_unchanged (&before);
}

static void
assert_prompt_answers (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) response = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_cmpuint (fb_test_server_request (ts, "GET", "health", NULL, NULL, -1, &response), ==, 200);
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
    }
}

static void
test_slow_clients (void)
{
  static const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "User-Agent: slow\r\n\r\n";
  g_autoptr(GSocketConnection) slow = raw_connect (10);
  g_autoptr(GSocketConnection) stalled_body = raw_connect (10);
  g_autoptr(GSocketConnection) stalled_headers = raw_connect (10);
  g_autoptr(GSocketConnection) silent = raw_connect (10);
  g_autofree char *headers = declared_headers ("POST", "/api/v1/push", 1000);
  g_autoptr(GBytes) body = NULL;
  Snapshot before = snapshot ();
  gsize size;
  const char *data;

  /* A body promised and never finished, headers never finished, and a
   * connection that says nothing at all. */
  g_assert_true (raw_write (stalled_body, headers, strlen (headers)));
  g_assert_true (raw_write (stalled_body, "{\"batch_id\":", 12));
  g_assert_true (raw_write (stalled_headers, "POST /api/v1/push HTTP/1.1\r\nHost: 1", 36));

  /* Headers a byte every 50 ms; everyone else is answered between the bytes. */
  for (gsize i = 0; i < sizeof request - 1; i++)
    {
      g_assert_true (raw_write (slow, request + i, 1));
      g_usleep (50 * 1000);
      if (i % 8 == 0)
        {
          gint64 start = g_get_monotonic_time ();
          Snapshot now = snapshot ();

          g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
          g_assert_cmpuint (now.n_changes, ==, before.n_changes);
          assert_prompt_answers (2);
        }
    }

  /* The slow client is answered in the end. */
  g_assert_cmpuint (raw_read_response (slow, &body), ==, 200);
  data = g_bytes_get_data (body, &size);
  g_assert_nonnull (g_strstr_len (data, size, "\"status\":\"ok\""));

  /* Walking away from a half-sent body stores nothing. */
  g_io_stream_close (G_IO_STREAM (stalled_body), NULL, NULL);
  g_io_stream_close (G_IO_STREAM (stalled_headers), NULL, NULL);
  g_io_stream_close (G_IO_STREAM (silent), NULL, NULL);
  assert_prompt_answers (5);
  assert_unchanged (&before);
}

static void
test_still_serving (void)
{
  g_autoptr(JsonNode) health = NULL;
  g_autoptr(JsonNode) me = NULL;
  guint status;

  health = fb_test_server_request_json (ts, "GET", "health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (health), "status"), ==, "ok");

  me = fb_test_server_request_json (ts, "GET", "me", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (me), "email"), ==,
                   "team@test.example");

  fb_test_server_assert_intact (ts);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  ts = fb_test_server_new ();
  trust_id = fb_test_server_add_trust (ts, "Testby sykehus HF");
  g_free (fb_test_server_add_user (ts, "team@test.example", "Testby sykehus HF", FB_ROLE_TEAM));
  token = fb_test_server_login (ts, "team@test.example");

  g_test_add_func ("/server/input/malformed-json", test_malformed_json);
  g_test_add_func ("/server/input/wrong-types", test_wrong_types);
  g_test_add_func ("/server/input/encoding", test_encoding);
  g_test_add_func ("/server/input/bounds", test_bounds);
  g_test_add_func ("/server/input/unknown-entity-and-field", test_unknown_entity_and_field);
  g_test_add_func ("/server/input/numbers-in-fields", test_numbers_in_fields);
  g_test_add_func ("/server/input/huge-bodies", test_huge_bodies);
  g_test_add_func ("/server/input/blobs", test_blobs);
  g_test_add_func ("/server/input/pull-params", test_pull_params);
  g_test_add_func ("/server/input/methods-and-paths", test_methods_and_paths);
  g_test_add_func ("/server/input/tokens", test_tokens);
  g_test_add_func ("/server/input/slow-clients", test_slow_clients);
  g_test_add_func ("/server/input/still-serving", test_still_serving);

  result = g_test_run ();

  fb_test_server_free (ts);
  g_free (trust_id);
  g_free (token);
  return result;
}
