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

  return g_test_run ();
}
