/* test-pdsa-plan.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "forbedring-core.h"
#include "fb-pdsa-plan.h"

/* The CAUTI project of the sample data: five cycles testing four change
 * ideas, the first two the same one. */
#define CAUTI_ID "8c6e4b3a-4986-456f-9906-794d5276407d"
#define OTHER_ID "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"

typedef struct
{
  FbStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *demo_dir = g_getenv ("FB_DEMO_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *demo_path = NULL;
  g_autoptr(GFile) demo = NULL;
  g_autoptr(GError) error = NULL;
  FbDemoStats stats = { 0 };

  if (demo_dir == NULL)
    return;

  /* G_TEST_OPTION_ISOLATE_DIRS: a fresh data dir per test, removed after. */
  dir = g_build_filename (g_get_user_data_dir (), "forbedring", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "forbedring.db", NULL);

  fixture->store = fb_store_open (path, &error);
  g_assert_no_error (error);

  demo_path = g_build_filename (demo_dir, "demo.json", NULL);
  demo = g_file_new_for_path (demo_path);
  fb_demo_load (fixture->store, demo, &stats, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pdsa_cycles, ==, 60);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static gboolean
need_demo (Fixture *fixture)
{
  if (fixture->store != NULL)
    return TRUE;

  g_test_skip ("FB_DEMO_DIR is not set");
  return FALSE;
}

static FbPdsaCycle *
cycle_at (GListModel *cycles,
          guint       position)
{
  FbPdsaCycle *cycle = g_list_model_get_item (cycles, position);

  g_assert_nonnull (cycle);
  /* The list holds a reference; the tests only borrow the cycle. */
  g_object_unref (cycle);

  return cycle;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
test_demo_cycles_are_numbered (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GListModel) projects = NULL;
  guint total = 0;

  if (!need_demo (fixture))
    return;

  projects = fb_store_list_projects (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 15);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FbRecord) project = g_list_model_get_item (projects, i);
      const char *id = fb_record_get_id (project);
      g_autoptr(GListModel) cycles = fb_store_list_pdsa_cycles (fixture->store, id);
      guint n = g_list_model_get_n_items (cycles);

      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <=, 6);
      for (guint j = 0; j < n; j++)
        g_assert_cmpuint (fb_pdsa_cycle_get_number (cycle_at (cycles, j)), ==, j + 1);

      g_assert_cmpuint (fb_pdsa_next_number (cycles, id), ==, n + 1);
      g_assert_cmpuint (fb_pdsa_next_number (cycles, OTHER_ID), ==, 1);
      total += n;
    }

  g_assert_cmpuint (total, ==, 60);
}

static void
test_new_next_carries_over (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(FbPdsaCycle) next = NULL;
  g_autoptr(FbPdsaCycle) after = NULL;
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = dup_today ();
  FbPdsaCycle *second;

  if (!need_demo (fixture))
    return;

  cycles = fb_store_list_pdsa_cycles (fixture->store, CAUTI_ID);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 5);

  /* Following an earlier cycle still numbers after the last one. */
  second = cycle_at (cycles, 1);
  next = fb_pdsa_cycle_new_next (second, cycles);

  g_assert_cmpstr (fb_record_get_id (FB_RECORD (next)), !=, fb_record_get_id (FB_RECORD (second)));
  g_assert_true (fb_uuid_is_valid (fb_record_get_id (FB_RECORD (next))));
  g_assert_cmpstr (fb_pdsa_cycle_get_project_id (next), ==, CAUTI_ID);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (next), ==, 6);
  g_assert_cmpstr (fb_pdsa_cycle_get_change_idea (next), ==,
                   fb_pdsa_cycle_get_change_idea (second));
  g_assert_nonnull (fb_pdsa_cycle_get_measure_ids (next));
  g_assert_true (g_strv_equal ((const char * const *)fb_pdsa_cycle_get_measure_ids (next),
                               (const char * const *)fb_pdsa_cycle_get_measure_ids (second)));
  g_assert_cmpint (fb_pdsa_cycle_get_phase (next), ==, FB_PDSA_PHASE_PLAN);
  g_assert_cmpstr (fb_pdsa_cycle_get_start_date (next), ==, today);
  g_assert_null (fb_pdsa_cycle_get_end_date (next));
  g_assert_null (fb_pdsa_cycle_get_plan_objective (next));
  g_assert_null (fb_pdsa_cycle_get_study_learning (next));
  g_assert_cmpint (fb_pdsa_cycle_get_act_decision (next), ==, FB_PDSA_DECISION_NONE);
  g_assert_true (fb_record_validate (FB_RECORD (next), NULL));

  /* Saved, it joins the live list as the sixth cycle, and the one after
   * it is the seventh. */
  fb_store_save (fixture->store, FB_RECORD (next), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 6);
  g_assert_cmpstr (fb_record_get_id (FB_RECORD (cycle_at (cycles, 5))), ==,
                   fb_record_get_id (FB_RECORD (next)));

  stored = fb_store_get_record (fixture->store, FB_TYPE_PDSA_CYCLE,
                                fb_record_get_id (FB_RECORD (next)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (FB_PDSA_CYCLE (stored)), ==, 6);
  g_assert_cmpstr (fb_pdsa_cycle_get_change_idea (FB_PDSA_CYCLE (stored)), ==,
                   fb_pdsa_cycle_get_change_idea (second));

  after = fb_pdsa_cycle_new_next (next, cycles);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (after), ==, 7);

  /* Without a list, the number follows the previous cycle's. */
  g_clear_object (&after);
  after = fb_pdsa_cycle_new_next (second, NULL);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (after), ==, 3);
}

static void
test_new_first (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) empty = NULL;
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(FbPdsaCycle) first = NULL;
  g_autoptr(FbPdsaCycle) later = NULL;
  g_autoptr(FbPdsaCycle) lone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trusts = NULL;
  g_autoptr(FbRecord) trust = NULL;
  g_autoptr(FbProject) project = fb_project_new (OTHER_ID);
  g_autofree char *today = dup_today ();

  if (!need_demo (fixture))
    return;

  /* Every sample project has cycles: add one that has none. */
  trusts = fb_store_list_trusts (fixture->store);
  trust = g_list_model_get_item (trusts, 0);
  fb_project_set_title (project, "Færre fall om natten");
  fb_project_set_trust_id (project, fb_record_get_id (trust));
  fb_store_save (fixture->store, FB_RECORD (project), &error);
  g_assert_no_error (error);

  empty = fb_store_list_pdsa_cycles (fixture->store, OTHER_ID);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);

  first = fb_pdsa_cycle_new_first (OTHER_ID, empty);
  g_assert_cmpstr (fb_pdsa_cycle_get_project_id (first), ==, OTHER_ID);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (first), ==, 1);
  g_assert_cmpint (fb_pdsa_cycle_get_phase (first), ==, FB_PDSA_PHASE_PLAN);
  g_assert_cmpstr (fb_pdsa_cycle_get_start_date (first), ==, today);
  g_assert_null (fb_pdsa_cycle_get_change_idea (first));
  g_assert_true (fb_record_validate (FB_RECORD (first), NULL));

  fb_store_save (fixture->store, FB_RECORD (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 1);

  /* Started where cycles exist, it does not reuse a number. */
  cycles = fb_store_list_pdsa_cycles (fixture->store, CAUTI_ID);
  later = fb_pdsa_cycle_new_first (CAUTI_ID, cycles);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (later), ==, 6);

  lone = fb_pdsa_cycle_new_first (CAUTI_ID, NULL);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (lone), ==, 1);
}

static void
test_change_ideas_in_first_seen_order (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_auto(GStrv) ideas = NULL;

  if (!need_demo (fixture))
    return;

  cycles = fb_store_list_pdsa_cycles (fixture->store, CAUTI_ID);
  ideas = fb_pdsa_dup_change_ideas (cycles);

  g_assert_cmpuint (g_strv_length (ideas), ==, 4);
  g_assert_cmpstr (ideas[0], ==, fb_pdsa_cycle_get_change_idea (cycle_at (cycles, 0)));
  g_assert_cmpstr (ideas[0], ==, fb_pdsa_cycle_get_change_idea (cycle_at (cycles, 1)));
  for (guint i = 1; i < 4; i++)
    g_assert_cmpstr (ideas[i], ==, fb_pdsa_cycle_get_change_idea (cycle_at (cycles, i + 1)));

  /* In every project the first idea is the first cycle's, and none repeats. */
  projects = fb_store_list_projects (fixture->store);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FbRecord) project = g_list_model_get_item (projects, i);
      g_autoptr(GListModel) list = fb_store_list_pdsa_cycles (fixture->store,
                                                              fb_record_get_id (project));
      g_auto(GStrv) project_ideas = fb_pdsa_dup_change_ideas (list);
      guint n = g_strv_length (project_ideas);

      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, g_list_model_get_n_items (list));
      g_assert_cmpstr (project_ideas[0], ==, fb_pdsa_cycle_get_change_idea (cycle_at (list, 0)));
      for (guint a = 0; a < n; a++)
        for (guint b = a + 1; b < n; b++)
          g_assert_cmpstr (project_ideas[a], !=, project_ideas[b]);
    }
}

static GListModel *
make_cycles (const char * const *ideas,
             guint               n_ideas)
{
  GListStore *store = g_list_store_new (FB_TYPE_PDSA_CYCLE);

  for (guint i = 0; i < n_ideas; i++)
    {
      g_autoptr(FbPdsaCycle) cycle = fb_pdsa_cycle_new (NULL);

      fb_pdsa_cycle_set_project_id (cycle, OTHER_ID);
      fb_pdsa_cycle_set_number (cycle, i + 1);
      fb_pdsa_cycle_set_change_idea (cycle, ideas[i]);
      g_list_store_append (store, cycle);
    }

  return G_LIST_MODEL (store);
}

static void
test_change_ideas_trimmed_and_blank (void)
{
  const char *ideas[] = { " Tavlemøte ", "Sjekkliste", "Tavlemøte", "", NULL, "  " };
  g_autoptr(GListModel) cycles = make_cycles (ideas, G_N_ELEMENTS (ideas));
  g_auto(GStrv) distinct = fb_pdsa_dup_change_ideas (cycles);
  g_autoptr(GListModel) none = make_cycles (NULL, 0);
  g_auto(GStrv) no_ideas = fb_pdsa_dup_change_ideas (none);

  g_assert_cmpstrv (distinct, ((const char *[]) { "Tavlemøte", "Sjekkliste", NULL }));
  g_assert_cmpstrv (no_ideas, ((const char *[]) { NULL }));

  g_assert_true (fb_pdsa_cycle_same_change_idea (cycle_at (cycles, 0), cycle_at (cycles, 2)));
  g_assert_false (fb_pdsa_cycle_same_change_idea (cycle_at (cycles, 0), cycle_at (cycles, 1)));
  g_assert_true (fb_pdsa_cycle_same_change_idea (cycle_at (cycles, 3), cycle_at (cycles, 4)));
  g_assert_true (fb_pdsa_cycle_same_change_idea (cycle_at (cycles, 4), cycle_at (cycles, 5)));
}

static guint
group_number (GListModel *groups,
              guint       group,
              guint       position)
{
  g_autoptr(GListModel) cycles = g_list_model_get_item (groups, group);

  return fb_pdsa_cycle_get_number (cycle_at (cycles, position));
}

static guint
group_size (GListModel *groups,
            guint       group)
{
  g_autoptr(GListModel) cycles = g_list_model_get_item (groups, group);

  return g_list_model_get_n_items (cycles);
}

static void
test_group_by_change_idea (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *ideas[] = { "A", "B", " A", NULL, "C", "B" };
  g_autoptr(GListModel) made = make_cycles (ideas, G_N_ELEMENTS (ideas));
  g_autoptr(GListModel) groups = fb_pdsa_group_by_change_idea (made);
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(GListModel) cauti = NULL;

  /* A repeated idea that is not next to its first cycle still joins it. */
  g_assert_true (g_list_model_get_item_type (groups) == G_TYPE_LIST_MODEL);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 4);
  g_assert_cmpuint (group_size (groups, 0), ==, 2);
  g_assert_cmpuint (group_number (groups, 0, 0), ==, 1);
  g_assert_cmpuint (group_number (groups, 0, 1), ==, 3);
  g_assert_cmpuint (group_size (groups, 1), ==, 2);
  g_assert_cmpuint (group_number (groups, 1, 0), ==, 2);
  g_assert_cmpuint (group_number (groups, 1, 1), ==, 6);
  g_assert_cmpuint (group_size (groups, 2), ==, 1);
  g_assert_cmpuint (group_number (groups, 2, 0), ==, 4);
  g_assert_cmpuint (group_size (groups, 3), ==, 1);
  g_assert_cmpuint (group_number (groups, 3, 0), ==, 5);

  if (!need_demo (fixture))
    return;

  cycles = fb_store_list_pdsa_cycles (fixture->store, CAUTI_ID);
  cauti = fb_pdsa_group_by_change_idea (cycles);
  g_assert_cmpuint (g_list_model_get_n_items (cauti), ==, 4);
  g_assert_cmpuint (group_size (cauti, 0), ==, 2);
  g_assert_cmpuint (group_number (cauti, 0, 0), ==, 1);
  g_assert_cmpuint (group_number (cauti, 0, 1), ==, 2);
  for (guint i = 1; i < 4; i++)
    {
      g_assert_cmpuint (group_size (cauti, i), ==, 1);
      g_assert_cmpuint (group_number (cauti, i, 0), ==, i + 2);
    }
}

static void
test_suggest_phase (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FbPdsaCycle) cycle = fb_pdsa_cycle_new_first (OTHER_ID, NULL);
  g_autoptr(GListModel) cycles = NULL;

  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_PLAN);
  fb_pdsa_cycle_set_plan_objective (cycle, "Teste daglig vurdering");
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_PLAN);
  /* White space alone is still empty. */
  fb_pdsa_cycle_set_plan_prediction (cycle, " \n ");
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_PLAN);
  fb_pdsa_cycle_set_plan_prediction (cycle, "80 % blir vurdert");
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_DO);
  fb_pdsa_cycle_set_do_what_happened (cycle, "Testet på én post");
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_STUDY);
  fb_pdsa_cycle_set_study_results (cycle, "86 % ble vurdert");
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_STUDY);
  fb_pdsa_cycle_set_study_learning (cycle, "Fast møtepunkt virker");
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_ACT);
  fb_pdsa_cycle_set_act_decision (cycle, FB_PDSA_DECISION_ADAPT);
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_DONE);

  /* An earlier gap wins over later fields. */
  fb_pdsa_cycle_set_plan_objective (cycle, NULL);
  g_assert_cmpint (fb_pdsa_cycle_suggest_phase (cycle), ==, FB_PDSA_PHASE_PLAN);

  if (!need_demo (fixture))
    return;

  /* Every sample cycle is complete and recorded as done. */
  cycles = fb_store_list (fixture->store, FB_TYPE_PDSA_CYCLE, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 60);
  for (guint i = 0; i < 60; i++)
    {
      FbPdsaCycle *demo = cycle_at (cycles, i);

      g_assert_cmpint (fb_pdsa_cycle_get_phase (demo), ==, FB_PDSA_PHASE_DONE);
      g_assert_cmpint (fb_pdsa_cycle_suggest_phase (demo), ==, FB_PDSA_PHASE_DONE);
    }
}

static void
test_status_label (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FbPdsaCycle) cycle = fb_pdsa_cycle_new_first (OTHER_ID, NULL);
  g_autoptr(GListModel) cycles = NULL;

  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle), ==, "Plan");
  fb_pdsa_cycle_set_phase (cycle, FB_PDSA_PHASE_STUDY);
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle), ==, "Study");
  /* A decision shows once the cycle is done. */
  fb_pdsa_cycle_set_act_decision (cycle, FB_PDSA_DECISION_ABANDON);
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle), ==, "Study");
  fb_pdsa_cycle_set_phase (cycle, FB_PDSA_PHASE_DONE);
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle), ==, "Abandon");
  fb_pdsa_cycle_set_act_decision (cycle, FB_PDSA_DECISION_NONE);
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle), ==, "Done");

  if (!need_demo (fixture))
    return;

  cycles = fb_store_list_pdsa_cycles (fixture->store, CAUTI_ID);
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle_at (cycles, 0)), ==, "Adapt");
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle_at (cycles, 1)), ==, "Adopt");
  g_assert_cmpstr (fb_pdsa_cycle_get_status_label (cycle_at (cycles, 3)), ==, "Abandon");
}

static void
test_questions_text (void)
{
  g_auto(GStrv) questions = fb_pdsa_questions_from_text ("  Hvor mange? \n\n\tHvem glemte det?\n");
  g_auto(GStrv) none = fb_pdsa_questions_from_text (NULL);
  g_auto(GStrv) blank = fb_pdsa_questions_from_text (" \n \n");
  g_autofree char *text = fb_pdsa_questions_to_text ((const char * const *)questions);
  g_autofree char *empty = fb_pdsa_questions_to_text (NULL);
  g_auto(GStrv) again = fb_pdsa_questions_from_text (text);

  g_assert_cmpstrv (questions, ((const char *[]) { "Hvor mange?", "Hvem glemte det?", NULL }));
  g_assert_cmpstrv (none, ((const char *[]) { NULL }));
  g_assert_cmpstrv (blank, ((const char *[]) { NULL }));
  g_assert_cmpstr (text, ==, "Hvor mange?\nHvem glemte det?");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstrv (again, (const char * const *)questions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/pdsa-plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("demo-cycles-are-numbered", test_demo_cycles_are_numbered);
  ADD ("new-next-carries-over", test_new_next_carries_over);
  ADD ("new-first", test_new_first);
  ADD ("change-ideas-in-first-seen-order", test_change_ideas_in_first_seen_order);
  ADD ("group-by-change-idea", test_group_by_change_idea);
  ADD ("suggest-phase", test_suggest_phase);
  ADD ("status-label", test_status_label);

#undef ADD

  g_test_add_func ("/core/pdsa-plan/change-ideas-trimmed-and-blank",
                   test_change_ideas_trimmed_and_blank);
  g_test_add_func ("/core/pdsa-plan/questions-text", test_questions_text);

  return g_test_run ();
}
