/* fb-pdsa-plan.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-pdsa-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-labels.h"
#include "fb-pdsa-plan.h"
#include "fb-utils.h"

/* Planning a series of PDSA cycles: starting the first and the next cycle,
 * grouping cycles by the change idea they test, suggesting the phase a
 * cycle has reached, and checking what a form typed before it is stored. */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* The change idea as grouping sees it: without surrounding white space. */
static char *
dup_idea_key (FbPdsaCycle *cycle)
{
  const char *idea = fb_pdsa_cycle_get_change_idea (cycle);

  return g_strstrip (g_strdup (idea != NULL ? idea : ""));
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * fb_pdsa_next_number:
 * @cycles: (nullable): a list of #FbPdsaCycle
 * @project_id: (nullable): only count the cycles of this project, or %NULL
 *   for all of them
 *
 * Returns: one more than the highest cycle number in @cycles, 1 when there
 *   are none
 */
guint
fb_pdsa_next_number (GListModel *cycles,
                     const char *project_id)
{
  guint highest = 0;
  guint n_items;

  g_return_val_if_fail (cycles == NULL || G_IS_LIST_MODEL (cycles), 1);

  if (cycles == NULL)
    return 1;

  n_items = g_list_model_get_n_items (cycles);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FbPdsaCycle) cycle = g_list_model_get_item (cycles, i);

      if (project_id != NULL &&
          g_strcmp0 (fb_pdsa_cycle_get_project_id (cycle), project_id) != 0)
        continue;

      highest = MAX (highest, fb_pdsa_cycle_get_number (cycle));
    }

  return highest + 1;
}

static FbPdsaCycle *
new_cycle (const char *project_id,
           guint       number)
{
  g_autofree char *today = dup_today ();
  FbPdsaCycle *cycle = fb_pdsa_cycle_new (NULL);

  fb_pdsa_cycle_set_project_id (cycle, project_id);
  fb_pdsa_cycle_set_number (cycle, number);
  /* Translators: the title of a PDSA cycle just started, until the team
   * names the test */
  fb_pdsa_cycle_set_title (cycle, C_("PDSA cycle title", "Untitled test"));
  fb_pdsa_cycle_set_phase (cycle, FB_PDSA_PHASE_PLAN);
  fb_pdsa_cycle_set_start_date (cycle, today);

  return cycle;
}

/**
 * fb_pdsa_cycle_new_first:
 * @project_id: the project the cycle belongs to
 * @cycles: (nullable): the project's cycles so far, to number the new one
 *
 * A new cycle in the plan phase, starting today, with a placeholder title.
 * It is not saved.
 *
 * Returns: (transfer full): the new cycle
 */
FbPdsaCycle *
fb_pdsa_cycle_new_first (const char *project_id,
                         GListModel *cycles)
{
  g_return_val_if_fail (project_id != NULL, NULL);
  g_return_val_if_fail (cycles == NULL || G_IS_LIST_MODEL (cycles), NULL);

  return new_cycle (project_id, fb_pdsa_next_number (cycles, project_id));
}

/**
 * fb_pdsa_cycle_new_next:
 * @previous: the cycle the new one follows
 * @cycles: (nullable): the project's cycles, to number the new one
 *
 * The next test of the same change: a new cycle of @previous's project that
 * carries over its change idea and measures, numbered after the highest
 * number of the project's cycles, in the plan phase and starting today. It
 * is not saved.
 *
 * Returns: (transfer full): the new cycle
 */
FbPdsaCycle *
fb_pdsa_cycle_new_next (FbPdsaCycle *previous,
                        GListModel  *cycles)
{
  const char *project_id;
  FbPdsaCycle *cycle;
  guint number;

  g_return_val_if_fail (FB_IS_PDSA_CYCLE (previous), NULL);
  g_return_val_if_fail (cycles == NULL || G_IS_LIST_MODEL (cycles), NULL);

  project_id = fb_pdsa_cycle_get_project_id (previous);
  number = MAX (fb_pdsa_next_number (cycles, project_id),
                fb_pdsa_cycle_get_number (previous) + 1);

  cycle = new_cycle (project_id, number);
  fb_pdsa_cycle_set_change_idea (cycle, fb_pdsa_cycle_get_change_idea (previous));
  fb_pdsa_cycle_set_measure_ids (cycle, fb_pdsa_cycle_get_measure_ids (previous));

  return cycle;
}

/**
 * fb_pdsa_dup_change_ideas:
 * @cycles: a list of #FbPdsaCycle
 *
 * The distinct change ideas of @cycles in the order they first appear,
 * without surrounding white space; cycles with no change idea are left out.
 *
 * Returns: (transfer full) (array zero-terminated=1): the change ideas
 */
char **
fb_pdsa_dup_change_ideas (GListModel *cycles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (cycles), NULL);

  n_items = g_list_model_get_n_items (cycles);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FbPdsaCycle) cycle = g_list_model_get_item (cycles, i);
      g_autofree char *idea = dup_idea_key (cycle);

      if (*idea == '\0' || g_hash_table_contains (seen, idea))
        continue;

      g_strv_builder_add (builder, idea);
      g_hash_table_add (seen, g_steal_pointer (&idea));
    }

  return g_strv_builder_end (builder);
}

/**
 * fb_pdsa_group_by_change_idea:
 * @cycles: a list of #FbPdsaCycle, e.g. a project's cycles by number
 *
 * Groups the cycles by the change idea they test: one #GListModel of
 * cycles per distinct change idea, in the order the ideas first appear,
 * each holding its cycles in the order of @cycles. Cycles with no change
 * idea form one group of their own. The result is a snapshot; flatten it
 * with a flattening list model to show a timeline grouped by idea.
 *
 * Returns: (transfer full): a list of #GListModel of #FbPdsaCycle
 */
GListModel *
fb_pdsa_group_by_change_idea (GListModel *cycles)
{
  g_autoptr(GHashTable) groups = NULL;
  GListStore *result;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (cycles), NULL);

  result = g_list_store_new (G_TYPE_LIST_MODEL);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n_items = g_list_model_get_n_items (cycles);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FbPdsaCycle) cycle = g_list_model_get_item (cycles, i);
      g_autofree char *idea = dup_idea_key (cycle);
      GListStore *group = g_hash_table_lookup (groups, idea);

      if (group == NULL)
        {
          g_autoptr(GListStore) created = g_list_store_new (FB_TYPE_PDSA_CYCLE);

          group = created;
          g_list_store_append (result, created);
          g_hash_table_insert (groups, g_steal_pointer (&idea), group);
        }

      g_list_store_append (group, cycle);
    }

  return G_LIST_MODEL (result);
}

/**
 * fb_pdsa_cycle_same_change_idea:
 * @self: a #FbPdsaCycle
 * @other: another #FbPdsaCycle
 *
 * Returns: %TRUE if both cycles test the same change idea (white space
 *   around it aside), or both test none
 */
gboolean
fb_pdsa_cycle_same_change_idea (FbPdsaCycle *self,
                                FbPdsaCycle *other)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), FALSE);
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (other), FALSE);

  a = dup_idea_key (self);
  b = dup_idea_key (other);

  return strcmp (a, b) == 0;
}

/**
 * fb_pdsa_cycle_suggest_phase:
 * @self: a #FbPdsaCycle
 *
 * The phase the cycle's record has reached: the first phase whose key
 * fields are still empty. Plan needs the objective and the prediction, Do
 * what happened, Study the results and the learning, and Act a decision;
 * with all of them the cycle is done.
 *
 * Returns: the suggested phase
 */
FbPdsaPhase
fb_pdsa_cycle_suggest_phase (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), FB_PDSA_PHASE_PLAN);

  if (is_blank (fb_pdsa_cycle_get_plan_objective (self)) ||
      is_blank (fb_pdsa_cycle_get_plan_prediction (self)))
    return FB_PDSA_PHASE_PLAN;

  if (is_blank (fb_pdsa_cycle_get_do_what_happened (self)))
    return FB_PDSA_PHASE_DO;

  if (is_blank (fb_pdsa_cycle_get_study_results (self)) ||
      is_blank (fb_pdsa_cycle_get_study_learning (self)))
    return FB_PDSA_PHASE_STUDY;

  if (fb_pdsa_cycle_get_act_decision (self) == FB_PDSA_DECISION_NONE)
    return FB_PDSA_PHASE_ACT;

  return FB_PDSA_PHASE_DONE;
}

/**
 * fb_pdsa_cycle_get_status_label:
 * @self: a #FbPdsaCycle
 *
 * What a list shows for the cycle's state: the decision once a cycle is
 * done and decided ("Adopt"), its phase otherwise ("Study").
 *
 * Returns: (transfer none): a translated label
 */
const char *
fb_pdsa_cycle_get_status_label (FbPdsaCycle *self)
{
  FbPdsaDecision decision;
  FbPdsaPhase phase;

  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  phase = fb_pdsa_cycle_get_phase (self);
  decision = fb_pdsa_cycle_get_act_decision (self);

  if (phase == FB_PDSA_PHASE_DONE && decision != FB_PDSA_DECISION_NONE)
    return fb_pdsa_decision_get_label (decision);

  return fb_pdsa_phase_get_label (phase);
}

/**
 * fb_pdsa_questions_from_text:
 * @text: (nullable): questions, one per line
 *
 * Returns: (transfer full) (array zero-terminated=1): the questions, each
 *   without surrounding white space, blank lines left out
 */
char **
fb_pdsa_questions_from_text (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0')
        g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

/**
 * fb_pdsa_questions_to_text:
 * @questions: (nullable) (array zero-terminated=1): questions
 *
 * Returns: (transfer full): the questions, one per line
 */
char *
fb_pdsa_questions_to_text (const char * const *questions)
{
  if (questions == NULL)
    return g_strdup ("");

  return g_strjoinv ("\n", (char **)questions);
}
