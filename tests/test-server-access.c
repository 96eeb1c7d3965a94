/* test-server-access.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The authorisation matrix: every role, from its own and from another trust,
 * against every endpoint, over HTTP on a real server. Each cell states the
 * answer expected; a rejected change must leave the record as it was.
 */

#include "config.h"

#include <string.h>

#include "fb-test-server.h"

#define PROJECT_TEAM   "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
#define PROJECT_REGION "4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b"
#define MEASURE_TEAM   "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"
#define ATTACHMENT     "5f6a7b8c-9d0e-4f1a-9b2c-4d5e6f7a8b9c"

typedef enum
{
  TEAM_MEMBER,      /* on the project's team, trust A */
  TEAM_OTHER,       /* team role in trust A, not on the project */
  TEAM_B,           /* team role in trust B */
  COORDINATOR_A,
  COORDINATOR_B,
  PANEL,
  ORGANISER,
  ADMIN,
  N_ACTORS
} Actor;

static const struct
{
  const char *email;
  const char *trust;
  FbRoles     roles;
} actors[N_ACTORS] = {
  [TEAM_MEMBER] = { "member@a.example", "Trust A", FB_ROLE_TEAM },
  [TEAM_OTHER] = { "other@a.example", "Trust A", FB_ROLE_TEAM },
  [TEAM_B] = { "team@b.example", "Trust B", FB_ROLE_TEAM },
  [COORDINATOR_A] = { "coordinator@a.example", "Trust A", FB_ROLE_COORDINATOR },
  [COORDINATOR_B] = { "coordinator@b.example", "Trust B", FB_ROLE_COORDINATOR },
  [PANEL] = { "panel@region.example", NULL, FB_ROLE_PANEL },
  [ORGANISER] = { "organiser@region.example", NULL, FB_ROLE_ORGANISER },
  [ADMIN] = { "admin@region.example", NULL, FB_ROLE_ADMIN },
};

typedef struct
{
  FbTestServer *ts;
  char         *trust_a;
  char         *trust_b;
  char         *tokens[N_ACTORS];
  char         *blob_sha;
} Matrix;

static gint64
current_rev (Matrix     *m,
             const char *id)
{
  return fb_test_server_current_rev (m->ts, id);
}

static char *
current_field (Matrix     *m,
               const char *id,
               const char *field)
{
  g_autoptr(FbServerRow) row = fb_server_store_get_row (m->ts->store, id, NULL);

  g_assert_nonnull (row);
  return g_strdup (json_object_get_string_member_with_default (row->fields, field, NULL));
}

/* Pushes one change; returns "applied", "conflict" or the rejection reason. */
static char *
push (Matrix     *m,
      Actor       actor,
      const char *entity,
      const char *id,
      const char *fields)
{
  return fb_test_server_push_one (m->ts, m->tokens[actor], entity, id, fields);
}

static gboolean
pull_sees (Matrix     *m,
           Actor       actor,
           const char *id)
{
  return fb_test_server_pull_sees (m->ts, m->tokens[actor], id);
}

static void
matrix_set_up (Matrix *m)
{
  g_autofree char *project_fields = NULL;
  g_autofree char *region_fields = NULL;
  g_autofree char *result = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *attachment_fields = NULL;
  const char *blob = "Kjøreplan for tavlemøtet";
  guint status;

  m->ts = fb_test_server_new ();
  m->trust_a = fb_test_server_add_trust (m->ts, "Trust A");
  m->trust_b = fb_test_server_add_trust (m->ts, "Trust B");
  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *id = fb_test_server_add_user (m->ts, actors[i].email, actors[i].trust, actors[i].roles);

      if (i == TEAM_MEMBER)
        member_id = g_steal_pointer (&id);
      m->tokens[i] = fb_test_server_login (m->ts, actors[i].email);
    }

  project_fields = g_strdup_printf ("\"title\":\"Team project\",\"trust_id\":\"%s\","
                                    "\"team_member_ids\":[\"%s\"],\"visibility\":\"team\"",
                                    m->trust_a, member_id);
  result = push (m, TEAM_MEMBER, "project", PROJECT_TEAM, project_fields);
  g_assert_cmpstr (result, ==, "applied");
  g_clear_pointer (&result, g_free);

  region_fields = g_strdup_printf ("\"title\":\"Region project\",\"trust_id\":\"%s\","
                                   "\"visibility\":\"region\"", m->trust_a);
  result = push (m, TEAM_MEMBER, "project", PROJECT_REGION, region_fields);
  g_assert_cmpstr (result, ==, "applied");
  g_clear_pointer (&result, g_free);

  result = push (m, TEAM_MEMBER, "measure", MEASURE_TEAM,
                 "\"project_id\":\"" PROJECT_TEAM "\",\"name\":\"Fall per 1000 liggedøgn\"");
  g_assert_cmpstr (result, ==, "applied");
  g_clear_pointer (&result, g_free);

  m->blob_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, blob, -1);
  {
    g_autofree char *path = g_strconcat ("blobs/", m->blob_sha, NULL);

    status = fb_test_server_request (m->ts, "PUT", path, m->tokens[TEAM_MEMBER], blob, -1, NULL);
    g_assert_cmpuint (status, ==, 201);
  }
  attachment_fields = g_strdup_printf ("\"owner_entity\":\"project\",\"owner_id\":\"" PROJECT_TEAM "\","
                                       "\"file_name\":\"kjoreplan.txt\",\"media_type\":\"text/plain\","
                                       "\"size\":%zu,\"sha256\":\"%s\"", strlen (blob), m->blob_sha);
  result = push (m, TEAM_MEMBER, "attachment", ATTACHMENT, attachment_fields);
  g_assert_cmpstr (result, ==, "applied");
}

static void
matrix_tear_down (Matrix *m)
{
  fb_test_server_assert_intact (m->ts);
  fb_test_server_free (m->ts);
  for (guint i = 0; i < N_ACTORS; i++)
    g_free (m->tokens[i]);
  g_free (m->trust_a);
  g_free (m->trust_b);
  g_free (m->blob_sha);
}

static void
test_read_matrix (void)
{
  /* Who sees the team-visible project and what hangs off it. */
  static const gboolean sees_team_project[N_ACTORS] = {
    [TEAM_MEMBER] = TRUE, [TEAM_OTHER] = FALSE, [TEAM_B] = FALSE,
    [COORDINATOR_A] = TRUE, [COORDINATOR_B] = FALSE, [PANEL] = FALSE,
    [ORGANISER] = TRUE, [ADMIN] = FALSE,
  };
  Matrix m = { 0, };

  matrix_set_up (&m);
  for (guint a = 0; a < N_ACTORS; a++)
    {
      g_autofree char *blob_path = g_strconcat ("blobs/", m.blob_sha, NULL);
      guint blob_status;

      g_test_message ("reader %s", actors[a].email);
      g_assert_cmpint (pull_sees (&m, a, PROJECT_TEAM), ==, sees_team_project[a]);
      g_assert_cmpint (pull_sees (&m, a, MEASURE_TEAM), ==, sees_team_project[a]);
      g_assert_cmpint (pull_sees (&m, a, ATTACHMENT), ==, sees_team_project[a]);
      g_assert_true (pull_sees (&m, a, PROJECT_REGION));
      g_assert_true (pull_sees (&m, a, m.trust_b));

      blob_status = fb_test_server_request (m.ts, "GET", blob_path, m.tokens[a], NULL, -1, NULL);
      g_assert_cmpuint (blob_status, ==, sees_team_project[a] ? 200 : 403);

      g_assert_cmpuint (fb_test_server_request (m.ts, "GET", "me", m.tokens[a], NULL, -1, NULL), ==, 200);
    }
  matrix_tear_down (&m);
}

static void
test_write_matrix (void)
{
  /* Changing the team project or adding to it. */
  static const char * const edit_team_project[N_ACTORS] = {
    [TEAM_MEMBER] = "applied", [TEAM_OTHER] = "permission", [TEAM_B] = "permission",
    [COORDINATOR_A] = "applied", [COORDINATOR_B] = "permission", [PANEL] = "permission",
    [ORGANISER] = "permission", [ADMIN] = "permission",
  };
  /* Making a project in one's own trust. */
  static const char * const create_own[N_ACTORS] = {
    [TEAM_MEMBER] = "applied", [TEAM_OTHER] = "applied", [TEAM_B] = "applied",
    [COORDINATOR_A] = "applied", [COORDINATOR_B] = "applied", [PANEL] = "permission",
    [ORGANISER] = "permission", [ADMIN] = "permission",
  };
  Matrix m = { 0, };

  matrix_set_up (&m);
  for (guint a = 0; a < N_ACTORS; a++)
    {
      g_autofree char *before = current_field (&m, PROJECT_TEAM, "title");
      g_autofree char *title = g_strdup_printf ("\"title\":\"Retitled by %u\"", a);
      g_autofree char *edit = NULL;
      g_autofree char *region_edit = NULL;
      g_autofree char *add = NULL;
      g_autofree char *create = NULL;
      g_autofree char *create_foreign = NULL;
      g_autofree char *trust = NULL;
      g_autofree char *measure_id = fb_uuid_new ();
      g_autofree char *project_id = fb_uuid_new ();
      g_autofree char *foreign_id = fb_uuid_new ();
      g_autofree char *trust_id = fb_uuid_new ();
      g_autofree char *own_fields = NULL;
      g_autofree char *foreign_fields = NULL;
      g_autofree char *after = NULL;
      const char *own_trust = actors[a].trust == NULL ? m.trust_a
                              : g_str_equal (actors[a].trust, "Trust A") ? m.trust_a : m.trust_b;
      const char *other_trust = own_trust == m.trust_a ? m.trust_b : m.trust_a;

      g_test_message ("writer %s", actors[a].email);

      edit = push (&m, a, "project", PROJECT_TEAM, title);
      g_assert_cmpstr (edit, ==, edit_team_project[a]);
      after = current_field (&m, PROJECT_TEAM, "title");
      if (g_str_equal (edit, "applied"))
        g_assert_cmpstr (after, !=, before);
      else
        g_assert_cmpstr (after, ==, before);

      /* Readable by all is not writable by all. */
      region_edit = push (&m, a, "project", PROJECT_REGION, "\"department\":\"Somewhere\"");
      g_assert_cmpstr (region_edit, ==, edit_team_project[a]);

      {
        g_autofree char *fields = g_strdup_printf ("\"project_id\":\"" PROJECT_TEAM "\",\"name\":\"M%u\"", a);

        add = push (&m, a, "measure", measure_id, fields);
        g_assert_cmpstr (add, ==, edit_team_project[a]);
        g_assert_cmpint (current_rev (&m, measure_id) > 0, ==, g_str_equal (add, "applied"));
      }

      own_fields = g_strdup_printf ("\"title\":\"Own %u\",\"trust_id\":\"%s\"", a, own_trust);
      create = push (&m, a, "project", project_id, own_fields);
      g_assert_cmpstr (create, ==, create_own[a]);

      /* Nobody makes a project for another trust. */
      foreign_fields = g_strdup_printf ("\"title\":\"Foreign %u\",\"trust_id\":\"%s\"", a, other_trust);
      create_foreign = push (&m, a, "project", foreign_id, foreign_fields);
      g_assert_cmpstr (create_foreign, ==, "permission");
      g_assert_cmpint (current_rev (&m, foreign_id), ==, 0);

      /* Trusts and users are the administrator's. */
      trust = push (&m, a, "trust", trust_id, "\"name\":\"Ny helseforetak HF\"");
      g_assert_cmpstr (trust, ==, a == ADMIN ? "applied" : "permission");
    }
  matrix_tear_down (&m);
}

static void
test_blob_upload_matrix (void)
{
  Matrix m = { 0, };

  matrix_set_up (&m);
  for (guint a = 0; a < N_ACTORS; a++)
    {
      g_autofree char *content = g_strdup_printf ("vedlegg %u", a);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
      g_autofree char *path = g_strconcat ("blobs/", sha, NULL);
      gboolean may_upload = (actors[a].roles & (FB_ROLE_TEAM | FB_ROLE_COORDINATOR | FB_ROLE_ORGANISER)) != 0;

      g_assert_cmpuint (fb_test_server_request (m.ts, "PUT", path, m.tokens[a], content, -1, NULL),
                        ==, may_upload ? 201 : 403);
      /* An uploader reads back their own blob before any record names it. */
      if (may_upload)
        g_assert_cmpuint (fb_test_server_request (m.ts, "GET", path, m.tokens[a], NULL, -1, NULL), ==, 200);
    }
  matrix_tear_down (&m);
}

static void
test_no_token (void)
{
  static const struct { const char *method; const char *path; } endpoints[] = {
    { "GET", "me" }, { "POST", "logout" }, { "POST", "push" }, { "GET", "pull" },
    { "GET", "blobs/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
    { "PUT", "blobs/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
  };
  g_autoptr(FbTestServer) ts = fb_test_server_new ();

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status;

      answer = fb_test_server_request_json (ts, endpoints[i].method, endpoints[i].path, NULL,
                                            g_str_equal (endpoints[i].method, "GET") ? NULL : "{}",
                                            &status);
      g_assert_cmpuint (status, ==, 401);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "error"), ==,
                       "unauthorized");
      status = fb_test_server_request (ts, endpoints[i].method, endpoints[i].path, "not-a-token",
                                       g_str_equal (endpoints[i].method, "GET") ? NULL : "{}", -1, NULL);
      g_assert_cmpuint (status, ==, 401);
    }

  /* Health needs no sign-in. */
  g_assert_cmpuint (fb_test_server_request (ts, "GET", "health", NULL, NULL, -1, NULL), ==, 200);
}

static void
test_sessions_end (void)
{
  g_autoptr(FbTestServer) ts = fb_test_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *expired_hash = NULL;
  g_autofree char *user_id = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  g_free (fb_test_server_add_trust (ts, "Trust A"));
  user_id = fb_test_server_add_user (ts, "member@a.example", "Trust A", FB_ROLE_TEAM);
  first = fb_test_server_login (ts, "member@a.example");
  second = fb_test_server_login (ts, "member@a.example");

  /* Logging out ends that session only. */
  g_assert_cmpuint (fb_test_server_request (ts, "POST", "logout", first, NULL, -1, NULL), ==, 200);
  g_assert_cmpuint (fb_test_server_request (ts, "GET", "me", first, NULL, -1, NULL), ==, 401);
  g_assert_cmpuint (fb_test_server_request (ts, "GET", "me", second, NULL, -1, NULL), ==, 200);

  /* An expired token opens nothing. */
  expired = fb_token_new ();
  expired_hash = fb_token_hash (expired);
  g_assert_true (fb_server_store_add_token (ts->store, expired_hash, user_id,
                                            g_get_real_time () / G_USEC_PER_SEC - 1, &error));
  g_assert_cmpuint (fb_test_server_request (ts, "GET", "me", expired, NULL, -1, NULL), ==, 401);

  /* Disabling the user ends every session and refuses new ones. */
  g_assert_true (fb_server_store_set_disabled (ts->store, "member@a.example", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fb_test_server_request (ts, "GET", "me", second, NULL, -1, NULL), ==, 401);
  answer = fb_test_server_request_json (ts, "POST", "login", NULL,
                                        "{\"email\":\"member@a.example\",\"password\":\"" FB_TEST_PASSWORD "\"}",
                                        &status);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "error"), ==,
                   "account_disabled");

  /* A new password ends the sessions made with the old one. */
  g_assert_true (fb_server_store_set_disabled (ts->store, "member@a.example", FALSE, &error));
  third = fb_test_server_login (ts, "member@a.example");
  user = fb_password_hash ("a completely new password", &error);
  g_assert_true (fb_server_store_set_password (ts->store, "member@a.example", user, &error));
  g_assert_cmpuint (fb_test_server_request (ts, "GET", "me", third, NULL, -1, NULL), ==, 401);
}

static void
test_failed_logins_slowed (void)
{
  g_autoptr(FbTestServer) ts = fb_test_server_new ();
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  g_free (fb_test_server_add_trust (ts, "Trust A"));
  g_free (fb_test_server_add_user (ts, "member@a.example", "Trust A", FB_ROLE_TEAM));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(JsonNode) wrong = NULL;

      wrong = fb_test_server_request_json (ts, "POST", "login", NULL,
                                           "{\"email\":\"member@a.example\",\"password\":\"guess-guess\"}",
                                           &status);
      g_assert_cmpuint (status, ==, 401);
    }

  /* Now even the right password waits, and says for how long. */
  answer = fb_test_server_request_json (ts, "POST", "login", NULL,
                                        "{\"email\":\"member@a.example\",\"password\":\"" FB_TEST_PASSWORD "\"}",
                                        &status);
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "error"), ==,
                   "too_many_attempts");
  /* No password or token is ever in an answer about it. */
  g_assert_null (strstr (json_object_get_string_member (json_node_get_object (answer), "message"),
                         FB_TEST_PASSWORD));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/access/read-matrix", test_read_matrix);
  g_test_add_func ("/server/access/write-matrix", test_write_matrix);
  g_test_add_func ("/server/access/blob-upload", test_blob_upload_matrix);
  g_test_add_func ("/server/access/no-token", test_no_token);
  g_test_add_func ("/server/access/sessions-end", test_sessions_end);
  g_test_add_func ("/server/access/failed-logins-slowed", test_failed_logins_slowed);

  return g_test_run ();
}
