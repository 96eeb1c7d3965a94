/* test-server-sync.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sign-in, push, pull, merge, conflicts and batches against a real server
 * over HTTP on 127.0.0.1.
 */

#include "config.h"

#include <string.h>

#include "fb-test-server.h"

#define PROJECT_A "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
#define MEASURE_A "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"

typedef struct
{
  FbTestServer *ts;
  char         *trust_id;
  char         *user_id;
  char         *token;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->ts = fb_test_server_new ();
  fixture->trust_id = fb_test_server_add_trust (fixture->ts, "Testby sykehus HF");
  fixture->user_id = fb_test_server_add_user (fixture->ts, "team@test.example",
                                              "Testby sykehus HF", FB_ROLE_TEAM);
  fixture->token = fb_test_server_login (fixture->ts, "team@test.example");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fb_test_server_assert_intact (fixture->ts);
  fb_test_server_free (fixture->ts);
  g_free (fixture->trust_id);
  g_free (fixture->user_id);
  g_free (fixture->token);
}

/* Pushes one change and returns its result object. */
static JsonObject *
push_one (Fixture    *fixture,
          const char *token,
          const char *batch_id,
          const char *change_json)
{
  g_autofree char *body = g_strdup_printf ("{\"device_id\":\"test\",\"batch_id\":\"%s\","
                                           "\"changes\":[%s]}", batch_id, change_json);
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *results;
  guint status;

  answer = fb_test_server_request_json (fixture->ts, "POST", "push", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (answer), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_object_ref (json_array_get_object_element (results, 0));
}

static char *
project_change (Fixture    *fixture,
                gint64      base_rev,
                const char *fields)
{
  return g_strdup_printf ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":%"
                          G_GINT64_FORMAT ",\"fields\":{%s}}", base_rev, fields);
}

static gint64
create_project (Fixture *fixture)
{
  g_autofree char *fields = g_strdup_printf ("\"title\":\"Færre fall\",\"trust_id\":\"%s\"",
                                             fixture->trust_id);
  g_autofree char *change = project_change (fixture, 0, fields);
  g_autoptr(JsonObject) result = push_one (fixture, fixture->token, "create", change);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  return json_object_get_int_member (result, "rev");
}

static JsonObject *
pull_record (Fixture    *fixture,
             const char *token,
             const char *id)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *changes;
  guint status;

  answer = fb_test_server_request_json (fixture->ts, "GET", "pull?since=0&limit=1000", token,
                                        NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  changes = json_object_get_array_member (json_node_get_object (answer), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_str_equal (json_object_get_string_member (change, "id"), id))
        return json_object_ref (change);
    }
  return NULL;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) record = NULL;
  JsonObject *fields;
  gint64 rev;

  rev = create_project (fixture);
  g_assert_cmpint (rev, >, 0);

  record = pull_record (fixture, fixture->token, PROJECT_A);
  g_assert_nonnull (record);
  g_assert_cmpint (json_object_get_int_member (record, "rev"), ==, rev);
  fields = json_object_get_object_member (record, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "Færre fall");
  g_assert_cmpstr (json_object_get_string_member (fields, "trust_id"), ==, fixture->trust_id);
  g_assert_false (json_object_get_boolean_member (record, "deleted"));
}

static void
test_merge_per_field (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *change_a = NULL;
  g_autofree char *change_b = NULL;
  g_autoptr(JsonObject) result_a = NULL;
  g_autoptr(JsonObject) result_b = NULL;
  g_autoptr(JsonObject) record = NULL;
  JsonObject *fields;
  gint64 base;

  base = create_project (fixture);

  /* Two devices edit different fields from the same base: both apply. */
  change_a = project_change (fixture, base, "\"department\":\"Medisinsk klinikk\"");
  change_b = project_change (fixture, base, "\"problem\":\"For mange fall om natta\"");
  result_a = push_one (fixture, fixture->token, "a", change_a);
  result_b = push_one (fixture, fixture->token, "b", change_b);
  g_assert_cmpstr (json_object_get_string_member (result_a, "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (result_b, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (result_b, "rev"), >,
                   json_object_get_int_member (result_a, "rev"));

  record = pull_record (fixture, fixture->token, PROJECT_A);
  fields = json_object_get_object_member (record, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "department"), ==, "Medisinsk klinikk");
  g_assert_cmpstr (json_object_get_string_member (fields, "problem"), ==, "For mange fall om natta");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "Færre fall");
}

static void
test_conflict_keeps_both (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *change_a = NULL;
  g_autofree char *change_b = NULL;
  g_autofree char *change_same = NULL;
  g_autoptr(JsonObject) result_a = NULL;
  g_autoptr(JsonObject) result_b = NULL;
  g_autoptr(JsonObject) result_same = NULL;
  g_autoptr(JsonObject) record = NULL;
  JsonObject *pair;
  gint64 base;

  base = create_project (fixture);

  change_a = project_change (fixture, base, "\"title\":\"Færre fall – sengepost 3\",\"department\":\"Post 3\"");
  change_b = project_change (fixture, base, "\"title\":\"Færre fall blant eldre\",\"problem\":\"Fall\"");
  result_a = push_one (fixture, fixture->token, "a", change_a);
  result_b = push_one (fixture, fixture->token, "b", change_b);

  g_assert_cmpstr (json_object_get_string_member (result_a, "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (result_b, "status"), ==, "conflict");
  g_assert_true (fb_uuid_is_valid (json_object_get_string_member (result_b, "conflict_id")));
  pair = json_object_get_object_member (json_object_get_object_member (result_b, "fields"), "title");
  g_assert_cmpstr (json_object_get_string_member (pair, "server"), ==, "Færre fall – sengepost 3");
  g_assert_cmpstr (json_object_get_string_member (pair, "yours"), ==, "Færre fall blant eldre");

  /* The server's title stays; the untouched field of the same change applied. */
  record = pull_record (fixture, fixture->token, PROJECT_A);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "fields"), "title"),
                   ==, "Færre fall – sengepost 3");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "fields"), "problem"),
                   ==, "Fall");

  /* The same value typed on both sides is no conflict. */
  change_same = project_change (fixture, base, "\"department\":\"Post 3\"");
  result_same = push_one (fixture, fixture->token, "same", change_same);
  g_assert_cmpstr (json_object_get_string_member (result_same, "status"), ==, "applied");
}

static void
test_batch_applies_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fields = g_strdup_printf ("\"title\":\"Færre fall\",\"trust_id\":\"%s\"",
                                             fixture->trust_id);
  g_autofree char *change = project_change (fixture, 0, fields);
  g_autofree char *body = g_strdup_printf ("{\"batch_id\":\"once\",\"changes\":[%s]}", change);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JsonNode) pull = NULL;
  guint status;

  g_assert_cmpuint (fb_test_server_request (fixture->ts, "POST", "push", fixture->token, body, -1, &first), ==, 200);
  g_assert_cmpuint (fb_test_server_request (fixture->ts, "POST", "push", fixture->token, body, -1, &second), ==, 200);
  g_assert_true (g_bytes_equal (first, second));

  /* One project, at one revision: the second send wrote nothing. */
  pull = fb_test_server_request_json (fixture->ts, "GET", "pull?since=0", fixture->token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  {
    JsonArray *changes = json_object_get_array_member (json_node_get_object (pull), "changes");
    guint projects = 0;

    for (guint i = 0; i < json_array_get_length (changes); i++)
      if (g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, i), "entity"),
                       "project"))
        projects++;
    g_assert_cmpuint (projects, ==, 1);
  }
}

static void
test_delete_travels (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *change = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonObject) record = NULL;
  gint64 rev;

  rev = create_project (fixture);
  change = g_strdup_printf ("{\"entity\":\"project\",\"id\":\"" PROJECT_A "\",\"base_rev\":%"
                            G_GINT64_FORMAT ",\"deleted\":true}", rev);
  result = push_one (fixture, fixture->token, "delete", change);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (result, "rev"), >, rev);

  /* The tombstone is pulled, with the record's last fields. */
  record = pull_record (fixture, fixture->token, PROJECT_A);
  g_assert_true (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "fields"), "title"),
                   ==, "Færre fall");
}

typedef struct
{
  Fixture *fixture;
  guint    pusher;
} Pusher;

#define N_PUSHERS 4
#define N_BATCHES 15
#define N_CHANGES 4

static gpointer
push_thread (gpointer data)
{
  Pusher *pusher = data;
  Fixture *fixture = pusher->fixture;
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct, NULL);
  g_autofree char *url = g_strconcat (fixture->ts->base_url, "push", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture->token, NULL);

  for (guint b = 0; b < N_BATCHES; b++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr(GBytes) request = NULL;
      g_autoptr(GBytes) response = NULL;

      g_string_append_printf (body, "{\"batch_id\":\"p%u-%u\",\"changes\":[", pusher->pusher, b);
      for (guint c = 0; c < N_CHANGES; c++)
        {
          g_autofree char *id = fb_uuid_new ();

          g_string_append_printf (body, "%s{\"entity\":\"project\",\"id\":\"%s\",\"fields\":"
                                  "{\"title\":\"P%u-%u-%u\",\"trust_id\":\"%s\"}}",
                                  c > 0 ? "," : "", id, pusher->pusher, b, c, fixture->trust_id);
        }
      g_string_append (body, "]}");

      request = g_bytes_new (body->str, body->len);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
      response = soup_session_send_and_read (session, msg, NULL, NULL);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    }

  return NULL;
}

/* Pulls one page after @cursor; adds the ids seen, fails on a repeat. */
static gboolean
pull_page (Fixture    *fixture,
           GHashTable *seen,
           gint64     *cursor)
{
  g_autofree char *path = g_strdup_printf ("pull?since=%" G_GINT64_FORMAT "&limit=7", *cursor);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  JsonArray *changes;
  gint64 last = *cursor;
  guint status;

  answer = fb_test_server_request_json (fixture->ts, "GET", path, fixture->token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (answer);
  changes = json_object_get_array_member (object, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      gint64 rev = json_object_get_int_member (change, "rev");

      /* Server order, nothing twice. */
      g_assert_cmpint (rev, >, last);
      last = rev;
      g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (change, "id"))));
    }

  g_assert_cmpint (json_object_get_int_member (object, "cursor"), >=, last);
  *cursor = json_object_get_int_member (object, "cursor");
  return json_object_get_boolean_member (object, "more");
}

static void
test_cursor_under_concurrent_pushes (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Pusher pushers[N_PUSHERS];
  GThread *threads[N_PUSHERS];
  gint64 cursor = 0;
  guint pages = 0;

  for (guint i = 0; i < N_PUSHERS; i++)
    {
      pushers[i] = (Pusher) { fixture, i };
      threads[i] = g_thread_new ("pusher", push_thread, &pushers[i]);
    }

  /* Pull while they push... */
  for (guint i = 0; i < 40; i++, pages++)
    pull_page (fixture, seen, &cursor);

  for (guint i = 0; i < N_PUSHERS; i++)
    g_thread_join (threads[i]);

  /* ...then to the end: every change exactly once. */
  while (pull_page (fixture, seen, &cursor))
    pages++;
  pull_page (fixture, seen, &cursor);

  g_test_message ("%u pages", pages);
  /* Trust and user of the fixture, and every project pushed. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2 + N_PUSHERS * N_BATCHES * N_CHANGES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/server/sync/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("merge-per-field", test_merge_per_field);
  ADD ("conflict-keeps-both", test_conflict_keeps_both);
  ADD ("batch-applies-once", test_batch_applies_once);
  ADD ("delete-travels", test_delete_travels);
  ADD ("cursor-under-concurrent-pushes", test_cursor_under_concurrent_pushes);

  return g_test_run ();
}
