/* test-round-rules.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "forbedring-core.h"
#include "fb-test-records.h"

/* The round of fb_test_make_prize_round (): nominations open
 * 2026-08-17T08:00:00+02:00 and close 2026-10-01T23:59:59+02:00, scoring
 * closes 2026-11-30T23:59:59+01:00. FB_TEST_USER_ID_2 is on the panel and
 * FB_TEST_USER_ID organises it. */

#define OTHER_TRUST_ID  "aa0e1f2a-3b4c-4d5e-8f6a-8b9c0d1e2f3a"
#define OUTSIDER_ID     "bb0e1f2a-3b4c-4d5e-8f6a-8b9c0d1e2f3a"
#define PANEL_2_ID      "cc0e1f2a-3b4c-4d5e-8f6a-8b9c0d1e2f3a"

static GDateTime *
at (const char *text)
{
  GDateTime *time = fb_timestamp_parse (text);

  g_assert_nonnull (time);
  return time;
}

static FbUser *
make_user (const char *id,
           const char *trust_id,
           FbRoles     roles)
{
  FbUser *user = fb_user_new (id);

  fb_user_set_name (user, "Testrud");
  fb_user_set_trust_id (user, trust_id);
  fb_user_set_roles (user, roles);
  return user;
}

static FbPrizeRound *
make_round (FbRoundStatus status)
{
  FbPrizeRound *round = FB_PRIZE_ROUND (fb_test_make_prize_round ());
  const char * const panel[] = { FB_TEST_USER_ID_2, PANEL_2_ID, NULL };

  fb_prize_round_set_status (round, status);
  fb_prize_round_set_panel_member_ids (round, panel);
  return round;
}

static GPtrArray *
make_criteria (void)
{
  GPtrArray *criteria = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (criteria, fb_test_make_criterion (FB_TEST_CRITERION_ID));
  g_ptr_array_add (criteria, fb_test_make_criterion (FB_TEST_CRITERION_ID_2));
  return criteria;
}

static void
assert_submit (FbPrizeRound *round,
               FbNomination *nomination,
               FbUser       *user,
               guint         n_other,
               const char   *when,
               int           code)
{
  g_autoptr(GDateTime) now = at (when);
  g_autoptr(GError) error = NULL;
  gboolean ok = fb_round_rules_check_submit (round, nomination, user, n_other, now, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, FB_RULE_ERROR, code);
  g_test_message ("%s: %s", when, error->message);
}

static void
test_rules_submit (void)
{
  g_autoptr(FbPrizeRound) round = make_round (FB_ROUND_STATUS_OPEN);
  g_autoptr(FbNomination) nomination = FB_NOMINATION (fb_test_make_nomination ());
  g_autoptr(FbUser) coordinator = make_user (OUTSIDER_ID, FB_TEST_TRUST_ID, FB_ROLE_COORDINATOR);
  g_autoptr(FbUser) other_coordinator = make_user (PANEL_2_ID, OTHER_TRUST_ID,
                                                   FB_ROLE_COORDINATOR);
  g_autoptr(FbUser) team = make_user (OUTSIDER_ID, FB_TEST_TRUST_ID, FB_ROLE_TEAM);
  g_autoptr(FbUser) organiser = make_user (FB_TEST_USER_ID, NULL, FB_ROLE_ORGANISER);
  const char *inside = "2026-09-15T12:00:00+02:00";

  assert_submit (round, nomination, coordinator, 0, inside, -1);
  assert_submit (round, nomination, organiser, 0, inside, -1);

  /* Both ends of the window count; the second before and after do not.
   * The same instant written in another offset is the same instant. */
  assert_submit (round, nomination, coordinator, 0, "2026-08-17T08:00:00+02:00", -1);
  assert_submit (round, nomination, coordinator, 0, "2026-08-17T06:00:00Z", -1);
  assert_submit (round, nomination, coordinator, 0, "2026-08-17T07:59:59+02:00",
                 FB_RULE_ERROR_DEADLINE);
  assert_submit (round, nomination, coordinator, 0, "2026-10-01T23:59:59+02:00", -1);
  assert_submit (round, nomination, coordinator, 0, "2026-10-01T21:59:59Z", -1);
  /* The deadline is an instant, not its whole second. */
  assert_submit (round, nomination, coordinator, 0, "2026-10-01T21:59:59.001Z",
                 FB_RULE_ERROR_DEADLINE);
  assert_submit (round, nomination, coordinator, 0, "2026-10-02T00:00:00+02:00",
                 FB_RULE_ERROR_DEADLINE);
  assert_submit (round, nomination, coordinator, 0, "2026-10-01T22:00:00Z",
                 FB_RULE_ERROR_DEADLINE);

  /* The quota counts the trust's other submitted nominations. */
  assert_submit (round, nomination, coordinator, 1, inside, -1);
  assert_submit (round, nomination, coordinator, 2, inside, FB_RULE_ERROR_QUOTA);
  fb_prize_round_set_quota_per_trust (round, 1);
  assert_submit (round, nomination, coordinator, 1, inside, FB_RULE_ERROR_QUOTA);
  assert_submit (round, nomination, coordinator, 0, inside, -1);
  fb_prize_round_set_quota_per_trust (round, 2);

  /* Only the trust's own coordinator, or an organiser. */
  assert_submit (round, nomination, other_coordinator, 0, inside, FB_RULE_ERROR_PERMISSION);
  assert_submit (round, nomination, team, 0, inside, FB_RULE_ERROR_PERMISSION);

  /* The round's status rules too: a draft is not open, scoring is closed. */
  fb_prize_round_set_status (round, FB_ROUND_STATUS_DRAFT);
  assert_submit (round, nomination, coordinator, 0, inside, FB_RULE_ERROR_DEADLINE);
  fb_prize_round_set_status (round, FB_ROUND_STATUS_SCORING);
  assert_submit (round, nomination, coordinator, 0, inside, FB_RULE_ERROR_DEADLINE);
  fb_prize_round_set_status (round, FB_ROUND_STATUS_OPEN);

  /* A nomination with an empty section, of another round, or ineligible. */
  fb_nomination_set_sections_results (nomination, "");
  assert_submit (round, nomination, coordinator, 0, inside, FB_RULE_ERROR_VALIDATION);
  fb_nomination_set_sections_results (nomination, "Median fra 6 til 2.");
  fb_nomination_set_status (nomination, FB_NOMINATION_STATUS_INELIGIBLE);
  assert_submit (round, nomination, coordinator, 0, inside, FB_RULE_ERROR_VALIDATION);
  fb_nomination_set_status (nomination, FB_NOMINATION_STATUS_SUBMITTED);
  fb_nomination_set_round_id (nomination, OTHER_TRUST_ID);
  assert_submit (round, nomination, coordinator, 0, inside, FB_RULE_ERROR_VALIDATION);
}

typedef struct
{
  FbPrizeRound *round;
  FbNomination *nomination;
  FbScore      *score;
  FbScore      *stored;
  FbUser       *user;
  GPtrArray    *criteria;
} Scoring;

static void
scoring_setup (Scoring *s)
{
  s->round = make_round (FB_ROUND_STATUS_SCORING);
  s->nomination = FB_NOMINATION (fb_test_make_nomination ());
  s->score = FB_SCORE (fb_test_make_score ());
  s->stored = NULL;
  s->user = make_user (FB_TEST_USER_ID_2, OTHER_TRUST_ID, FB_ROLE_PANEL);
  s->criteria = make_criteria ();
}

static void
scoring_teardown (Scoring *s)
{
  g_clear_object (&s->round);
  g_clear_object (&s->nomination);
  g_clear_object (&s->score);
  g_clear_object (&s->stored);
  g_clear_object (&s->user);
  g_clear_pointer (&s->criteria, g_ptr_array_unref);
}

static void
assert_score (Scoring    *s,
              const char *when,
              int         code)
{
  g_autoptr(GDateTime) now = at (when);
  g_autoptr(GError) error = NULL;
  gboolean ok = fb_round_rules_check_score (s->round, s->nomination, s->score, s->stored,
                                            s->user, s->criteria, now, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, FB_RULE_ERROR, code);
  g_test_message ("%s: %s", when, error->message);
}

static void
test_rules_score_times (void)
{
  Scoring s;
  const char *inside = "2026-10-17T19:32:00+02:00";

  scoring_setup (&s);

  assert_score (&s, inside, -1);

  /* Scoring starts the instant after nominations close and ends with the
   * last second of scoring_closes, included. */
  assert_score (&s, "2026-10-01T23:59:59+02:00", FB_RULE_ERROR_DEADLINE);
  assert_score (&s, "2026-10-02T00:00:00+02:00", -1);
  assert_score (&s, "2026-11-30T23:59:59+01:00", -1);
  assert_score (&s, "2026-11-30T22:59:59Z", -1);
  assert_score (&s, "2026-12-01T00:00:00+01:00", FB_RULE_ERROR_DEADLINE);
  assert_score (&s, "2026-09-01T12:00:00+02:00", FB_RULE_ERROR_DEADLINE);

  /* A round still open for nominations by status, but past the closing
   * time, may be scored; a closed or draft one may not. */
  fb_prize_round_set_status (s.round, FB_ROUND_STATUS_OPEN);
  assert_score (&s, inside, -1);
  fb_prize_round_set_status (s.round, FB_ROUND_STATUS_CLOSED);
  assert_score (&s, inside, FB_RULE_ERROR_DEADLINE);
  fb_prize_round_set_status (s.round, FB_ROUND_STATUS_DRAFT);
  assert_score (&s, inside, FB_RULE_ERROR_DEADLINE);

  scoring_teardown (&s);
}

static void
test_rules_score_people (void)
{
  Scoring s;
  const char *inside = "2026-10-17T19:32:00+02:00";

  scoring_setup (&s);

  /* Not on the panel. */
  g_clear_object (&s.user);
  s.user = make_user (FB_TEST_USER_ID_2, OTHER_TRUST_ID, FB_ROLE_PANEL);
  fb_prize_round_set_panel_member_ids (s.round, (const char * const[]) { PANEL_2_ID, NULL });
  assert_score (&s, inside, FB_RULE_ERROR_PERMISSION);
  fb_prize_round_set_panel_member_ids (s.round,
                                       (const char * const[]) { FB_TEST_USER_ID_2, NULL });
  assert_score (&s, inside, -1);

  /* Someone else's score, new or stored. */
  fb_score_set_panel_member_id (s.score, PANEL_2_ID);
  assert_score (&s, inside, FB_RULE_ERROR_PERMISSION);
  fb_score_set_panel_member_id (s.score, FB_TEST_USER_ID_2);
  s.stored = FB_SCORE (fb_record_copy (FB_RECORD (s.score)));
  fb_score_set_panel_member_id (s.stored, PANEL_2_ID);
  assert_score (&s, inside, FB_RULE_ERROR_PERMISSION);
  g_clear_object (&s.stored);

  /* A nomination from the scorer's own trust. */
  fb_user_set_trust_id (s.user, FB_TEST_TRUST_ID);
  assert_score (&s, inside, FB_RULE_ERROR_CONFLICT_OF_INTEREST);
  /* A regional panel member has no home trust. */
  fb_user_set_trust_id (s.user, NULL);
  assert_score (&s, inside, -1);

  /* A declared conflict: no values, and it stays declared. */
  fb_score_set_conflict_declared (s.score, TRUE);
  fb_score_set_conflict_reason (s.score, "Har vært veileder for prosjektet.");
  assert_score (&s, inside, FB_RULE_ERROR_CONFLICT_OF_INTEREST);
  fb_score_set_values (s.score, NULL);
  assert_score (&s, inside, -1);
  s.stored = FB_SCORE (fb_record_copy (FB_RECORD (s.score)));
  fb_score_set_conflict_declared (s.score, FALSE);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID, 4);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID_2, 4);
  assert_score (&s, inside, FB_RULE_ERROR_CONFLICT_OF_INTEREST);
  g_clear_object (&s.stored);
  assert_score (&s, inside, -1);

  /* Only submitted nominations are scored. */
  fb_nomination_set_status (s.nomination, FB_NOMINATION_STATUS_WITHDRAWN);
  fb_nomination_set_withdrawn_at (s.nomination, "2026-09-25T09:00:00+02:00");
  assert_score (&s, inside, FB_RULE_ERROR_VALIDATION);

  scoring_teardown (&s);
}

static void
test_rules_score_values (void)
{
  Scoring s;
  const char *inside = "2026-10-17T19:32:00+02:00";

  scoring_setup (&s);

  /* The ends of each scale are on it (1–6 and 0–10). */
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID, 1);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID_2, 10);
  assert_score (&s, inside, -1);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID, 6);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID_2, 0);
  assert_score (&s, inside, -1);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID, 7);
  assert_score (&s, inside, FB_RULE_ERROR_VALIDATION);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID, 0);
  assert_score (&s, inside, FB_RULE_ERROR_VALIDATION);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID, 3);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID_2, 11);
  assert_score (&s, inside, FB_RULE_ERROR_VALIDATION);
  fb_score_set_value (s.score, FB_TEST_CRITERION_ID_2, 5);

  /* A criterion the round does not have. */
  fb_score_set_value (s.score, OTHER_TRUST_ID, 3);
  assert_score (&s, inside, FB_RULE_ERROR_VALIDATION);
  fb_score_unset_value (s.score, OTHER_TRUST_ID);

  /* A score in progress may miss values; a final one may not. */
  fb_score_unset_value (s.score, FB_TEST_CRITERION_ID_2);
  assert_score (&s, inside, FB_RULE_ERROR_VALIDATION);
  fb_score_set_final (s.score, FALSE);
  assert_score (&s, inside, -1);
  fb_score_set_values (s.score, NULL);
  assert_score (&s, inside, -1);

  scoring_teardown (&s);
}

static void
assert_see_nomination (FbPrizeRound *round,
                       FbNomination *nomination,
                       FbUser       *user,
                       const char   *when,
                       int           code)
{
  g_autoptr(GDateTime) now = at (when);
  g_autoptr(GError) error = NULL;
  gboolean ok = fb_round_rules_check_see_nomination (round, nomination, user, now, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, FB_RULE_ERROR, code);
}

static void
test_rules_see_nomination (void)
{
  g_autoptr(FbPrizeRound) round = make_round (FB_ROUND_STATUS_SCORING);
  g_autoptr(FbNomination) nomination = FB_NOMINATION (fb_test_make_nomination ());
  g_autoptr(FbUser) panel = make_user (FB_TEST_USER_ID_2, OTHER_TRUST_ID, FB_ROLE_PANEL);
  g_autoptr(FbUser) panel_same_trust = make_user (PANEL_2_ID, FB_TEST_TRUST_ID, FB_ROLE_PANEL);
  g_autoptr(FbUser) organiser = make_user (FB_TEST_USER_ID, NULL, FB_ROLE_ORGANISER);
  g_autoptr(FbUser) coordinator = make_user (OUTSIDER_ID, FB_TEST_TRUST_ID, FB_ROLE_COORDINATOR);
  g_autoptr(FbUser) outsider = make_user (OUTSIDER_ID, OTHER_TRUST_ID, FB_ROLE_COORDINATOR);
  const char *before = "2026-10-01T23:59:59+02:00";
  const char *after = "2026-10-02T00:00:00+02:00";

  /* The panel: only once nominations have closed. */
  assert_see_nomination (round, nomination, panel, before, FB_RULE_ERROR_PERMISSION);
  assert_see_nomination (round, nomination, panel, after, -1);
  assert_see_nomination (round, nomination, panel_same_trust, after,
                         FB_RULE_ERROR_CONFLICT_OF_INTEREST);

  /* Organisers and the trust's coordinator at any time; others never. */
  assert_see_nomination (round, nomination, organiser, "2026-08-20T10:00:00+02:00", -1);
  assert_see_nomination (round, nomination, coordinator, "2026-08-20T10:00:00+02:00", -1);
  assert_see_nomination (round, nomination, outsider, after, FB_RULE_ERROR_PERMISSION);

  /* Drafts and withdrawn nominations stay out of the panel's sight. */
  fb_nomination_set_status (nomination, FB_NOMINATION_STATUS_DRAFT);
  assert_see_nomination (round, nomination, panel, after, FB_RULE_ERROR_PERMISSION);
  assert_see_nomination (round, nomination, organiser, after, -1);
}

static void
assert_see_score (FbPrizeRound *round,
                  FbScore      *score,
                  FbUser       *user,
                  int           code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = fb_round_rules_check_see_score (round, score, user, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, FB_RULE_ERROR, code);
}

static void
test_rules_see_score (void)
{
  g_autoptr(FbPrizeRound) round = make_round (FB_ROUND_STATUS_SCORING);
  g_autoptr(FbScore) score = FB_SCORE (fb_test_make_score ());
  g_autoptr(FbUser) author = make_user (FB_TEST_USER_ID_2, OTHER_TRUST_ID, FB_ROLE_PANEL);
  g_autoptr(FbUser) colleague = make_user (PANEL_2_ID, OTHER_TRUST_ID, FB_ROLE_PANEL);
  g_autoptr(FbUser) organiser = make_user (FB_TEST_USER_ID, NULL, FB_ROLE_ORGANISER);
  g_autoptr(FbUser) outsider = make_user (OUTSIDER_ID, FB_TEST_TRUST_ID, FB_ROLE_COORDINATOR);

  assert_see_score (round, score, author, -1);
  assert_see_score (round, score, organiser, -1);
  assert_see_score (round, score, colleague, FB_RULE_ERROR_PERMISSION);
  assert_see_score (round, score, outsider, FB_RULE_ERROR_PERMISSION);

  fb_prize_round_set_status (round, FB_ROUND_STATUS_CLOSED);
  assert_see_score (round, score, colleague, -1);
  assert_see_score (round, score, outsider, FB_RULE_ERROR_PERMISSION);
  fb_prize_round_set_status (round, FB_ROUND_STATUS_PUBLISHED);
  assert_see_score (round, score, colleague, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/round-rules/submit", test_rules_submit);
  g_test_add_func ("/core/round-rules/score/times", test_rules_score_times);
  g_test_add_func ("/core/round-rules/score/people", test_rules_score_people);
  g_test_add_func ("/core/round-rules/score/values", test_rules_score_values);
  g_test_add_func ("/core/round-rules/see/nomination", test_rules_see_nomination);
  g_test_add_func ("/core/round-rules/see/score", test_rules_see_score);

  return g_test_run ();
}
