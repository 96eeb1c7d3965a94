/* test-server-rounds.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prize rounds over HTTP on a real server: who may nominate and submit,
 * the quota per trust, the deadlines, conflicts of interest and who sees
 * nominations and scores when.
 */

#include "config.h"

#include <string.h>

#include "fb-test-server.h"

#define ROUND     "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
#define CRITERION "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e"

typedef enum
{
  TEAM_A, COORDINATOR_A, TEAM_B, COORDINATOR_B,
  PANEL_A, PANEL_B, PANEL_OFF, ORGANISER, N_ACTORS
} Actor;

static const struct
{
  const char *email;
  const char *trust;
  FbRoles     roles;
} actors[N_ACTORS] = {
  [TEAM_A] = { "team@a.example", "Trust A", FB_ROLE_TEAM },
  [COORDINATOR_A] = { "coordinator@a.example", "Trust A", FB_ROLE_COORDINATOR },
  [TEAM_B] = { "team@b.example", "Trust B", FB_ROLE_TEAM },
  [COORDINATOR_B] = { "coordinator@b.example", "Trust B", FB_ROLE_COORDINATOR },
  [PANEL_A] = { "panel@a.example", "Trust A", FB_ROLE_PANEL },
  [PANEL_B] = { "panel@b.example", "Trust B", FB_ROLE_PANEL },
  [PANEL_OFF] = { "panel@off.example", NULL, FB_ROLE_PANEL },
  [ORGANISER] = { "organiser@region.example", NULL, FB_ROLE_ORGANISER },
};

typedef struct
{
  FbTestServer *ts;
  char         *trust[2];
  char         *user[N_ACTORS];
  char         *token[N_ACTORS];
  char         *project[2][3];
} Round;

static char *
time_from_now (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, hours);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S+00:00");
}

static gint64
current_rev (Round      *r,
             const char *id)
{
  return fb_test_server_current_rev (r->ts, id);
}

static char *
push (Round      *r,
      Actor       actor,
      const char *entity,
      const char *id,
      const char *fields)
{
  return fb_test_server_push_one (r->ts, r->token[actor], entity, id, fields);
}

#define assert_push(r, actor, entity, id, fields, expected) \
  G_STMT_START { \
    g_autofree char *_answer = push (r, actor, entity, id, fields); \
    g_assert_cmpstr (_answer, ==, expected); \
  } G_STMT_END

static gboolean
sees (Round      *r,
      Actor       actor,
      const char *id)
{
  return fb_test_server_pull_sees (r->ts, r->token[actor], id);
}

static void
set_round_times (Round      *r,
                 const char *status,
                 int         opens,
                 int         closes,
                 int         scoring_closes)
{
  g_autofree char *o = time_from_now (opens);
  g_autofree char *c = time_from_now (closes);
  g_autofree char *s = time_from_now (scoring_closes);
  g_autofree char *fields = NULL;
  g_autofree char *answer = NULL;

  fields = g_strdup_printf ("\"name\":\"Forbedringsprisen\",\"year\":2026,\"status\":\"%s\","
                            "\"nomination_opens\":\"%s\",\"nomination_closes\":\"%s\","
                            "\"scoring_closes\":\"%s\",\"quota_per_trust\":2,\"currency\":\"NOK\","
                            "\"panel_member_ids\":[\"%s\",\"%s\"]",
                            status, o, c, s, r->user[PANEL_A], r->user[PANEL_B]);
  answer = push (r, ORGANISER, "prize_round", ROUND, fields);
  g_assert_cmpstr (answer, ==, "applied");
}

static char *
nomination_fields (Round      *r,
                   guint       trust,
                   guint       project,
                   const char *status)
{
  g_autofree char *submitted_at = time_from_now (0);

  return g_strdup_printf ("\"round_id\":\"" ROUND "\",\"project_id\":\"%s\",\"trust_id\":\"%s\","
                          "\"nominated_by\":\"%s\",\"status\":\"%s\",\"submitted_at\":%s%s%s,"
                          "\"sections_problem\":\"Mange fall\",\"sections_what_was_done\":\"Tavlemøter\","
                          "\"sections_results\":\"Halvert\",\"sections_benefit_for_patients\":\"Færre skader\","
                          "\"sections_user_involvement\":\"Brukerrepresentant i teamet\","
                          "\"sections_transferability\":\"Enkel å spre\","
                          "\"sections_sustainability\":\"Del av rutinen\"",
                          r->project[trust][project], r->trust[trust],
                          r->user[trust == 0 ? TEAM_A : TEAM_B], status,
                          g_str_equal (status, "submitted") ? "\"" : "",
                          g_str_equal (status, "submitted") ? submitted_at : "null",
                          g_str_equal (status, "submitted") ? "\"" : "");
}

static void
round_set_up (Round *r)
{
  r->ts = fb_test_server_new ();
  r->trust[0] = fb_test_server_add_trust (r->ts, "Trust A");
  r->trust[1] = fb_test_server_add_trust (r->ts, "Trust B");
  for (guint i = 0; i < N_ACTORS; i++)
    {
      r->user[i] = fb_test_server_add_user (r->ts, actors[i].email, actors[i].trust, actors[i].roles);
      r->token[i] = fb_test_server_login (r->ts, actors[i].email);
    }

  for (guint t = 0; t < 2; t++)
    for (guint p = 0; p < 3; p++)
      {
        g_autofree char *fields = NULL;

        r->project[t][p] = fb_uuid_new ();
        fields = g_strdup_printf ("\"title\":\"Prosjekt %u-%u\",\"trust_id\":\"%s\"", t, p, r->trust[t]);
        assert_push (r, t == 0 ? TEAM_A : TEAM_B, "project", r->project[t][p], fields, "applied");
      }
}

static void
round_tear_down (Round *r)
{
  fb_test_server_assert_intact (r->ts);
  fb_test_server_free (r->ts);
  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_free (r->user[i]);
      g_free (r->token[i]);
    }
  for (guint t = 0; t < 2; t++)
    {
      g_free (r->trust[t]);
      for (guint p = 0; p < 3; p++)
        g_free (r->project[t][p]);
    }
}

static void
test_nominating (void)
{
  Round r = { 0, };
  char *nominations[3] = { NULL, };
  g_autofree char *draft = NULL;
  g_autofree char *submitted = NULL;

  round_set_up (&r);

  /* Only organisers set up a round. */
  {
    g_autofree char *o = time_from_now (-1);
    g_autofree char *fields = g_strdup_printf ("\"name\":\"Uoffisiell\",\"year\":2026,\"status\":\"draft\"");

    assert_push (&r, COORDINATOR_A, "prize_round", ROUND, fields, "permission");
  }
  set_round_times (&r, "open", -1, 24, 48);
  assert_push (&r, ORGANISER, "criterion", CRITERION,
               "\"round_id\":\"" ROUND "\",\"position\":1,\"name\":\"Resultater\","
               "\"weight\":1,\"scale_min\":1,\"scale_max\":7", "applied");

  for (guint i = 0; i < 3; i++)
    nominations[i] = fb_uuid_new ();

  /* The team drafts; only the coordinator submits. */
  draft = nomination_fields (&r, 0, 0, "draft");
  assert_push (&r, TEAM_A, "nomination", nominations[0], draft, "applied");
  submitted = nomination_fields (&r, 0, 0, "submitted");
  assert_push (&r, TEAM_A, "nomination", nominations[0], submitted, "permission");
  assert_push (&r, COORDINATOR_B, "nomination", nominations[0], submitted, "permission");
  assert_push (&r, COORDINATOR_A, "nomination", nominations[0], submitted, "applied");

  /* Submitting freezes the project as it was. */
  {
    g_autoptr(FbServerRow) row = fb_server_store_get_row (r.ts->store, nominations[0], NULL);
    JsonObject *snapshot = json_object_get_object_member (row->fields, "snapshot");
    JsonArray *records = json_object_get_array_member (snapshot, "records");
    JsonObject *project = json_array_get_object_element (records, 0);

    g_assert_cmpstr (json_object_get_string_member (project, "id"), ==, r.project[0][0]);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (project, "fields"), "title"),
                     ==, "Prosjekt 0-0");
  }

  /* Two per trust, then the quota. */
  {
    g_autofree char *second = nomination_fields (&r, 0, 1, "submitted");
    g_autofree char *third = nomination_fields (&r, 0, 2, "submitted");
    g_autofree char *other_trust = nomination_fields (&r, 1, 0, "submitted");
    g_autofree char *b = fb_uuid_new ();

    assert_push (&r, COORDINATOR_A, "nomination", nominations[1], second, "applied");
    assert_push (&r, COORDINATOR_A, "nomination", nominations[2], third, "quota");
    g_assert_cmpint (current_rev (&r, nominations[2]), ==, 0);
    assert_push (&r, COORDINATOR_B, "nomination", b, other_trust, "applied");

    /* Withdrawing one makes room. */
    assert_push (&r, COORDINATOR_A, "nomination", nominations[1],
                 "\"status\":\"withdrawn\",\"withdrawn_at\":\"2026-01-01T00:00:00+00:00\"", "applied");
    assert_push (&r, COORDINATOR_A, "nomination", nominations[2], third, "applied");
  }

  /* While nominations are open, the panel sees none; the trust and organisers do. */
  g_assert_false (sees (&r, PANEL_B, nominations[0]));
  g_assert_false (sees (&r, TEAM_B, nominations[0]));
  g_assert_true (sees (&r, TEAM_A, nominations[0]));
  g_assert_true (sees (&r, ORGANISER, nominations[0]));
  g_assert_true (sees (&r, PANEL_B, ROUND));

  /* After the close, nothing more is submitted. */
  set_round_times (&r, "scoring", -48, -1, 24);
  {
    g_autofree char *late = nomination_fields (&r, 1, 1, "submitted");
    g_autofree char *id = fb_uuid_new ();

    assert_push (&r, COORDINATOR_B, "nomination", id, late, "deadline");
  }
  g_assert_true (sees (&r, PANEL_B, nominations[0]));

  for (guint i = 0; i < G_N_ELEMENTS (nominations); i++)
    g_free (nominations[i]);
  round_tear_down (&r);
}

static void
test_scoring (void)
{
  Round r = { 0, };
  g_autofree char *nomination = fb_uuid_new ();
  g_autofree char *fields = NULL;
  g_autofree char *score_a = fb_uuid_new ();
  g_autofree char *score_b = fb_uuid_new ();
  g_autofree char *score_off = fb_uuid_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;

  round_set_up (&r);
  set_round_times (&r, "open", -1, 24, 48);
  assert_push (&r, ORGANISER, "criterion", CRITERION,
               "\"round_id\":\"" ROUND "\",\"position\":1,\"name\":\"Resultater\","
               "\"weight\":1,\"scale_min\":1,\"scale_max\":7", "applied");
  fields = nomination_fields (&r, 0, 0, "submitted");
  assert_push (&r, COORDINATOR_A, "nomination", nomination, fields, "applied");

#define SCORE(member, value) \
  g_strdup_printf ("\"round_id\":\"" ROUND "\",\"nomination_id\":\"%s\",\"panel_member_id\":\"%s\"," \
                   "\"values\":[{\"criterion_id\":\"" CRITERION "\",\"value\":%d}]", \
                   nomination, r.user[member], value)

  /* No scores while nominations are open. */
  good = SCORE (PANEL_B, 5);
  assert_push (&r, PANEL_B, "score", score_b, good, "deadline");

  set_round_times (&r, "scoring", -48, -1, 24);
  assert_push (&r, PANEL_B, "score", score_b, good, "applied");

  /* Not one's own trust, not off the panel, not someone else's score,
   * not beyond the scale. */
  {
    g_autofree char *own = SCORE (PANEL_A, 6);
    g_autofree char *off = SCORE (PANEL_OFF, 6);
    g_autofree char *forged = SCORE (PANEL_A, 6);

    assert_push (&r, PANEL_A, "score", score_a, own, "conflict_of_interest");
    assert_push (&r, PANEL_OFF, "score", score_off, off, "permission");
    assert_push (&r, PANEL_B, "score", score_a, forged, "permission");
  }
  bad = SCORE (PANEL_B, 9);
  assert_push (&r, PANEL_B, "score", score_b, bad, "validation");

  /* Scores stay private to their author until the round closes. */
  g_assert_true (sees (&r, PANEL_B, score_b));
  g_assert_true (sees (&r, ORGANISER, score_b));
  g_assert_false (sees (&r, PANEL_A, score_b));
  g_assert_false (sees (&r, TEAM_A, score_b));

  /* After scoring closes, nothing more is scored, and the panel sees all. */
  set_round_times (&r, "closed", -72, -48, -1);
  {
    g_autofree char *late = SCORE (PANEL_B, 4);

    assert_push (&r, PANEL_B, "score", score_b, late, "deadline");
  }
  g_assert_true (sees (&r, PANEL_A, score_b));

#undef SCORE
  round_tear_down (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/rounds/nominating", test_nominating);
  g_test_add_func ("/server/rounds/scoring", test_scoring);

  return g_test_run ();
}
