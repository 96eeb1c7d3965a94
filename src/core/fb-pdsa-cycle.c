/* fb-pdsa-cycle.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-pdsa-cycle"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-pdsa-cycle.h"
#include "fb-utils.h"

/**
 * FbPdsaCycle:
 *
 * A Plan-Do-Study-Act cycle testing a change idea of a project. It shows as a
 * marker on the charts of its measures.
 */
struct _FbPdsaCycle
{
  FbRecord         parent_instance;

  char            *project_id;
  guint            number;
  char            *title;
  char            *change_idea;
  FbPdsaPhase      phase;
  char            *start_date;
  char            *end_date;
  char           **measure_ids;
  char            *plan_objective;
  char           **plan_questions;
  char            *plan_prediction;
  char            *plan_who;
  char            *plan_what;
  char            *plan_where;
  char            *plan_when;
  char            *plan_data_to_collect;
  char            *do_what_happened;
  char            *do_observations;
  char            *do_problems;
  char            *study_results;
  char            *study_learning;
  FbPdsaDecision   act_decision;
  char            *act_next_steps;
};

G_DEFINE_FINAL_TYPE (FbPdsaCycle, fb_pdsa_cycle, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PROJECT_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_CHANGE_IDEA,
  PROP_PHASE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_MEASURE_IDS,
  PROP_PLAN_OBJECTIVE,
  PROP_PLAN_QUESTIONS,
  PROP_PLAN_PREDICTION,
  PROP_PLAN_WHO,
  PROP_PLAN_WHAT,
  PROP_PLAN_WHERE,
  PROP_PLAN_WHEN,
  PROP_PLAN_DATA_TO_COLLECT,
  PROP_DO_WHAT_HAPPENED,
  PROP_DO_OBSERVATIONS,
  PROP_DO_PROBLEMS,
  PROP_STUDY_RESULTS,
  PROP_STUDY_LEARNING,
  PROP_ACT_DECISION,
  PROP_ACT_NEXT_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_pdsa_cycle_validate (FbRecord  *record,
                        GError   **error)
{
  FbPdsaCycle *self = FB_PDSA_CYCLE (record);

  if (_fb_text_is_blank (self->project_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The PDSA cycle belongs to no project. Add it from the project "
                             "whose change it tests."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->title))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The PDSA cycle has no title. Enter a short title for the test."));
      return FALSE;
    }

  if (self->number < 1)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("PDSA cycles are numbered from 1. Enter a number of 1 or more."));
      return FALSE;
    }

  return _fb_check_dates (self->start_date, self->end_date,
                          _("The PDSA cycle ends before it starts. Choose an end date on or "
                            "after the start date."),
                          error);
}

static void
fb_pdsa_cycle_finalize (GObject *object)
{
  FbPdsaCycle *self = (FbPdsaCycle *)object;

  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->change_idea, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->measure_ids, g_strfreev);
  g_clear_pointer (&self->plan_objective, g_free);
  g_clear_pointer (&self->plan_questions, g_strfreev);
  g_clear_pointer (&self->plan_prediction, g_free);
  g_clear_pointer (&self->plan_who, g_free);
  g_clear_pointer (&self->plan_what, g_free);
  g_clear_pointer (&self->plan_where, g_free);
  g_clear_pointer (&self->plan_when, g_free);
  g_clear_pointer (&self->plan_data_to_collect, g_free);
  g_clear_pointer (&self->do_what_happened, g_free);
  g_clear_pointer (&self->do_observations, g_free);
  g_clear_pointer (&self->do_problems, g_free);
  g_clear_pointer (&self->study_results, g_free);
  g_clear_pointer (&self->study_learning, g_free);
  g_clear_pointer (&self->act_next_steps, g_free);

  G_OBJECT_CLASS (fb_pdsa_cycle_parent_class)->finalize (object);
}

static void
fb_pdsa_cycle_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FbPdsaCycle *self = FB_PDSA_CYCLE (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      g_value_set_string (value, self->project_id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CHANGE_IDEA:
      g_value_set_string (value, self->change_idea);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_MEASURE_IDS:
      g_value_set_boxed (value, self->measure_ids);
      break;

    case PROP_PLAN_OBJECTIVE:
      g_value_set_string (value, self->plan_objective);
      break;

    case PROP_PLAN_QUESTIONS:
      g_value_set_boxed (value, self->plan_questions);
      break;

    case PROP_PLAN_PREDICTION:
      g_value_set_string (value, self->plan_prediction);
      break;

    case PROP_PLAN_WHO:
      g_value_set_string (value, self->plan_who);
      break;

    case PROP_PLAN_WHAT:
      g_value_set_string (value, self->plan_what);
      break;

    case PROP_PLAN_WHERE:
      g_value_set_string (value, self->plan_where);
      break;

    case PROP_PLAN_WHEN:
      g_value_set_string (value, self->plan_when);
      break;

    case PROP_PLAN_DATA_TO_COLLECT:
      g_value_set_string (value, self->plan_data_to_collect);
      break;

    case PROP_DO_WHAT_HAPPENED:
      g_value_set_string (value, self->do_what_happened);
      break;

    case PROP_DO_OBSERVATIONS:
      g_value_set_string (value, self->do_observations);
      break;

    case PROP_DO_PROBLEMS:
      g_value_set_string (value, self->do_problems);
      break;

    case PROP_STUDY_RESULTS:
      g_value_set_string (value, self->study_results);
      break;

    case PROP_STUDY_LEARNING:
      g_value_set_string (value, self->study_learning);
      break;

    case PROP_ACT_DECISION:
      g_value_set_enum (value, self->act_decision);
      break;

    case PROP_ACT_NEXT_STEPS:
      g_value_set_string (value, self->act_next_steps);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_cycle_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FbPdsaCycle *self = FB_PDSA_CYCLE (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      fb_pdsa_cycle_set_project_id (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      fb_pdsa_cycle_set_number (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      fb_pdsa_cycle_set_title (self, g_value_get_string (value));
      break;

    case PROP_CHANGE_IDEA:
      fb_pdsa_cycle_set_change_idea (self, g_value_get_string (value));
      break;

    case PROP_PHASE:
      fb_pdsa_cycle_set_phase (self, g_value_get_enum (value));
      break;

    case PROP_START_DATE:
      fb_pdsa_cycle_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      fb_pdsa_cycle_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_MEASURE_IDS:
      fb_pdsa_cycle_set_measure_ids (self, g_value_get_boxed (value));
      break;

    case PROP_PLAN_OBJECTIVE:
      fb_pdsa_cycle_set_plan_objective (self, g_value_get_string (value));
      break;

    case PROP_PLAN_QUESTIONS:
      fb_pdsa_cycle_set_plan_questions (self, g_value_get_boxed (value));
      break;

    case PROP_PLAN_PREDICTION:
      fb_pdsa_cycle_set_plan_prediction (self, g_value_get_string (value));
      break;

    case PROP_PLAN_WHO:
      fb_pdsa_cycle_set_plan_who (self, g_value_get_string (value));
      break;

    case PROP_PLAN_WHAT:
      fb_pdsa_cycle_set_plan_what (self, g_value_get_string (value));
      break;

    case PROP_PLAN_WHERE:
      fb_pdsa_cycle_set_plan_where (self, g_value_get_string (value));
      break;

    case PROP_PLAN_WHEN:
      fb_pdsa_cycle_set_plan_when (self, g_value_get_string (value));
      break;

    case PROP_PLAN_DATA_TO_COLLECT:
      fb_pdsa_cycle_set_plan_data_to_collect (self, g_value_get_string (value));
      break;

    case PROP_DO_WHAT_HAPPENED:
      fb_pdsa_cycle_set_do_what_happened (self, g_value_get_string (value));
      break;

    case PROP_DO_OBSERVATIONS:
      fb_pdsa_cycle_set_do_observations (self, g_value_get_string (value));
      break;

    case PROP_DO_PROBLEMS:
      fb_pdsa_cycle_set_do_problems (self, g_value_get_string (value));
      break;

    case PROP_STUDY_RESULTS:
      fb_pdsa_cycle_set_study_results (self, g_value_get_string (value));
      break;

    case PROP_STUDY_LEARNING:
      fb_pdsa_cycle_set_study_learning (self, g_value_get_string (value));
      break;

    case PROP_ACT_DECISION:
      fb_pdsa_cycle_set_act_decision (self, g_value_get_enum (value));
      break;

    case PROP_ACT_NEXT_STEPS:
      fb_pdsa_cycle_set_act_next_steps (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_cycle_class_init (FbPdsaCycleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_pdsa_cycle_finalize;
  object_class->get_property = fb_pdsa_cycle_get_property;
  object_class->set_property = fb_pdsa_cycle_set_property;

  record_class->entity = "pdsa_cycle";
  record_class->validate = fb_pdsa_cycle_validate;

  /* The order below is the column order of the table. */

  /**
   * FbPdsaCycle:project-id:
   *
   * The id of the project the cycle belongs to.
   */
  properties[PROP_PROJECT_ID] =
    g_param_spec_string ("project-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:number:
   *
   * The number of the cycle within its project, from 1.
   */
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       1, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:title:
   *
   * The title of the cycle.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:change-idea:
   *
   * The change idea being tested.
   */
  properties[PROP_CHANGE_IDEA] =
    g_param_spec_string ("change-idea", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:phase:
   *
   * The phase the cycle is in.
   */
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       FB_TYPE_PDSA_PHASE, FB_PDSA_PHASE_PLAN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:start-date:
   *
   * The first day of the test, as YYYY-MM-DD.
   */
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:end-date:
   *
   * The last day of the test, as YYYY-MM-DD.
   */
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:measure-ids:
   *
   * The ids of the measures whose charts show the cycle.
   */
  properties[PROP_MEASURE_IDS] =
    g_param_spec_boxed ("measure-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-objective:
   *
   * Plan: the objective of the test.
   */
  properties[PROP_PLAN_OBJECTIVE] =
    g_param_spec_string ("plan-objective", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-questions:
   *
   * Plan: the questions the test should answer.
   */
  properties[PROP_PLAN_QUESTIONS] =
    g_param_spec_boxed ("plan-questions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-prediction:
   *
   * Plan: what the team expects to happen.
   */
  properties[PROP_PLAN_PREDICTION] =
    g_param_spec_string ("plan-prediction", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-who:
   *
   * Plan: who carries out the test.
   */
  properties[PROP_PLAN_WHO] =
    g_param_spec_string ("plan-who", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-what:
   *
   * Plan: what is done.
   */
  properties[PROP_PLAN_WHAT] =
    g_param_spec_string ("plan-what", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-where:
   *
   * Plan: where the test takes place.
   */
  properties[PROP_PLAN_WHERE] =
    g_param_spec_string ("plan-where", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-when:
   *
   * Plan: when the test takes place, as display text.
   */
  properties[PROP_PLAN_WHEN] =
    g_param_spec_string ("plan-when", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:plan-data-to-collect:
   *
   * Plan: the data to collect.
   */
  properties[PROP_PLAN_DATA_TO_COLLECT] =
    g_param_spec_string ("plan-data-to-collect", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:do-what-happened:
   *
   * Do: what happened.
   */
  properties[PROP_DO_WHAT_HAPPENED] =
    g_param_spec_string ("do-what-happened", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:do-observations:
   *
   * Do: what was observed.
   */
  properties[PROP_DO_OBSERVATIONS] =
    g_param_spec_string ("do-observations", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:do-problems:
   *
   * Do: the problems met on the way.
   */
  properties[PROP_DO_PROBLEMS] =
    g_param_spec_string ("do-problems", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:study-results:
   *
   * Study: the results compared with the prediction.
   */
  properties[PROP_STUDY_RESULTS] =
    g_param_spec_string ("study-results", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:study-learning:
   *
   * Study: what was learnt.
   */
  properties[PROP_STUDY_LEARNING] =
    g_param_spec_string ("study-learning", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:act-decision:
   *
   * Act: whether the change is adopted, adapted or abandoned.
   */
  properties[PROP_ACT_DECISION] =
    g_param_spec_enum ("act-decision", NULL, NULL,
                       FB_TYPE_PDSA_DECISION, FB_PDSA_DECISION_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPdsaCycle:act-next-steps:
   *
   * Act: the next steps.
   */
  properties[PROP_ACT_NEXT_STEPS] =
    g_param_spec_string ("act-next-steps", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_pdsa_cycle_init (FbPdsaCycle *self)
{
  self->number = 1;
}

/**
 * fb_pdsa_cycle_new:
 * @id: (nullable): the PDSA cycle's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new PDSA cycle with default values
 */
FbPdsaCycle *
fb_pdsa_cycle_new (const char *id)
{
  return (FbPdsaCycle *)fb_record_new (FB_TYPE_PDSA_CYCLE, id);
}

/**
 * fb_pdsa_cycle_get_project_id:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the id of the project
 */
const char *
fb_pdsa_cycle_get_project_id (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->project_id;
}

/**
 * fb_pdsa_cycle_set_project_id:
 * @self: a #FbPdsaCycle
 * @project_id: (nullable): the new id of the project
 */
void
fb_pdsa_cycle_set_project_id (FbPdsaCycle *self,
                              const char  *project_id)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->project_id, project_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}

/**
 * fb_pdsa_cycle_get_number:
 * @self: a #FbPdsaCycle
 *
 * Returns: the number of the cycle
 */
guint
fb_pdsa_cycle_get_number (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), 0);

  return self->number;
}

/**
 * fb_pdsa_cycle_set_number:
 * @self: a #FbPdsaCycle
 * @number: the new number of the cycle
 */
void
fb_pdsa_cycle_set_number (FbPdsaCycle *self,
                          guint        number)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

/**
 * fb_pdsa_cycle_get_title:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the title
 */
const char *
fb_pdsa_cycle_get_title (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->title;
}

/**
 * fb_pdsa_cycle_set_title:
 * @self: a #FbPdsaCycle
 * @title: (nullable): the new title
 */
void
fb_pdsa_cycle_set_title (FbPdsaCycle *self,
                         const char  *title)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * fb_pdsa_cycle_get_change_idea:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the change idea
 */
const char *
fb_pdsa_cycle_get_change_idea (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->change_idea;
}

/**
 * fb_pdsa_cycle_set_change_idea:
 * @self: a #FbPdsaCycle
 * @change_idea: (nullable): the new change idea
 */
void
fb_pdsa_cycle_set_change_idea (FbPdsaCycle *self,
                               const char  *change_idea)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->change_idea, change_idea))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_IDEA]);
}

/**
 * fb_pdsa_cycle_get_phase:
 * @self: a #FbPdsaCycle
 *
 * Returns: the phase
 */
FbPdsaPhase
fb_pdsa_cycle_get_phase (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), 0);

  return self->phase;
}

/**
 * fb_pdsa_cycle_set_phase:
 * @self: a #FbPdsaCycle
 * @phase: the new phase
 */
void
fb_pdsa_cycle_set_phase (FbPdsaCycle *self,
                         FbPdsaPhase  phase)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (self->phase == phase)
    return;

  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

/**
 * fb_pdsa_cycle_get_start_date:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the start date
 */
const char *
fb_pdsa_cycle_get_start_date (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->start_date;
}

/**
 * fb_pdsa_cycle_set_start_date:
 * @self: a #FbPdsaCycle
 * @start_date: (nullable): the new start date
 */
void
fb_pdsa_cycle_set_start_date (FbPdsaCycle *self,
                              const char  *start_date)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

/**
 * fb_pdsa_cycle_get_end_date:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the end date
 */
const char *
fb_pdsa_cycle_get_end_date (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->end_date;
}

/**
 * fb_pdsa_cycle_set_end_date:
 * @self: a #FbPdsaCycle
 * @end_date: (nullable): the new end date
 */
void
fb_pdsa_cycle_set_end_date (FbPdsaCycle *self,
                            const char  *end_date)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

/**
 * fb_pdsa_cycle_get_measure_ids:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of the measures showing the cycle
 */
const char * const *
fb_pdsa_cycle_get_measure_ids (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return (const char * const *)self->measure_ids;
}

/**
 * fb_pdsa_cycle_set_measure_ids:
 * @self: a #FbPdsaCycle
 * @measure_ids: (nullable) (array zero-terminated=1): the new ids of the measures showing the cycle
 */
void
fb_pdsa_cycle_set_measure_ids (FbPdsaCycle        *self,
                               const char * const *measure_ids)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_strv (&self->measure_ids, measure_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_IDS]);
}

/**
 * fb_pdsa_cycle_get_plan_objective:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the objective of the test
 */
const char *
fb_pdsa_cycle_get_plan_objective (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_objective;
}

/**
 * fb_pdsa_cycle_set_plan_objective:
 * @self: a #FbPdsaCycle
 * @plan_objective: (nullable): the new objective of the test
 */
void
fb_pdsa_cycle_set_plan_objective (FbPdsaCycle *self,
                                  const char  *plan_objective)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_objective, plan_objective))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_OBJECTIVE]);
}

/**
 * fb_pdsa_cycle_get_plan_questions:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable) (array zero-terminated=1): the questions of the plan
 */
const char * const *
fb_pdsa_cycle_get_plan_questions (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return (const char * const *)self->plan_questions;
}

/**
 * fb_pdsa_cycle_set_plan_questions:
 * @self: a #FbPdsaCycle
 * @plan_questions: (nullable) (array zero-terminated=1): the new questions of the plan
 */
void
fb_pdsa_cycle_set_plan_questions (FbPdsaCycle        *self,
                                  const char * const *plan_questions)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_strv (&self->plan_questions, plan_questions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_QUESTIONS]);
}

/**
 * fb_pdsa_cycle_get_plan_prediction:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the prediction
 */
const char *
fb_pdsa_cycle_get_plan_prediction (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_prediction;
}

/**
 * fb_pdsa_cycle_set_plan_prediction:
 * @self: a #FbPdsaCycle
 * @plan_prediction: (nullable): the new prediction
 */
void
fb_pdsa_cycle_set_plan_prediction (FbPdsaCycle *self,
                                   const char  *plan_prediction)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_prediction, plan_prediction))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_PREDICTION]);
}

/**
 * fb_pdsa_cycle_get_plan_who:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the "who" of the plan
 */
const char *
fb_pdsa_cycle_get_plan_who (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_who;
}

/**
 * fb_pdsa_cycle_set_plan_who:
 * @self: a #FbPdsaCycle
 * @plan_who: (nullable): the new "who" of the plan
 */
void
fb_pdsa_cycle_set_plan_who (FbPdsaCycle *self,
                            const char  *plan_who)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_who, plan_who))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_WHO]);
}

/**
 * fb_pdsa_cycle_get_plan_what:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the "what" of the plan
 */
const char *
fb_pdsa_cycle_get_plan_what (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_what;
}

/**
 * fb_pdsa_cycle_set_plan_what:
 * @self: a #FbPdsaCycle
 * @plan_what: (nullable): the new "what" of the plan
 */
void
fb_pdsa_cycle_set_plan_what (FbPdsaCycle *self,
                             const char  *plan_what)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_what, plan_what))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_WHAT]);
}

/**
 * fb_pdsa_cycle_get_plan_where:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the "where" of the plan
 */
const char *
fb_pdsa_cycle_get_plan_where (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_where;
}

/**
 * fb_pdsa_cycle_set_plan_where:
 * @self: a #FbPdsaCycle
 * @plan_where: (nullable): the new "where" of the plan
 */
void
fb_pdsa_cycle_set_plan_where (FbPdsaCycle *self,
                              const char  *plan_where)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_where, plan_where))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_WHERE]);
}

/**
 * fb_pdsa_cycle_get_plan_when:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the "when" of the plan
 */
const char *
fb_pdsa_cycle_get_plan_when (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_when;
}

/**
 * fb_pdsa_cycle_set_plan_when:
 * @self: a #FbPdsaCycle
 * @plan_when: (nullable): the new "when" of the plan
 */
void
fb_pdsa_cycle_set_plan_when (FbPdsaCycle *self,
                             const char  *plan_when)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_when, plan_when))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_WHEN]);
}

/**
 * fb_pdsa_cycle_get_plan_data_to_collect:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the data to collect
 */
const char *
fb_pdsa_cycle_get_plan_data_to_collect (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->plan_data_to_collect;
}

/**
 * fb_pdsa_cycle_set_plan_data_to_collect:
 * @self: a #FbPdsaCycle
 * @plan_data_to_collect: (nullable): the new data to collect
 */
void
fb_pdsa_cycle_set_plan_data_to_collect (FbPdsaCycle *self,
                                        const char  *plan_data_to_collect)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->plan_data_to_collect, plan_data_to_collect))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_DATA_TO_COLLECT]);
}

/**
 * fb_pdsa_cycle_get_do_what_happened:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the account of what happened
 */
const char *
fb_pdsa_cycle_get_do_what_happened (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->do_what_happened;
}

/**
 * fb_pdsa_cycle_set_do_what_happened:
 * @self: a #FbPdsaCycle
 * @do_what_happened: (nullable): the new account of what happened
 */
void
fb_pdsa_cycle_set_do_what_happened (FbPdsaCycle *self,
                                    const char  *do_what_happened)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->do_what_happened, do_what_happened))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DO_WHAT_HAPPENED]);
}

/**
 * fb_pdsa_cycle_get_do_observations:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the observations
 */
const char *
fb_pdsa_cycle_get_do_observations (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->do_observations;
}

/**
 * fb_pdsa_cycle_set_do_observations:
 * @self: a #FbPdsaCycle
 * @do_observations: (nullable): the new observations
 */
void
fb_pdsa_cycle_set_do_observations (FbPdsaCycle *self,
                                   const char  *do_observations)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->do_observations, do_observations))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DO_OBSERVATIONS]);
}

/**
 * fb_pdsa_cycle_get_do_problems:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the problems met
 */
const char *
fb_pdsa_cycle_get_do_problems (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->do_problems;
}

/**
 * fb_pdsa_cycle_set_do_problems:
 * @self: a #FbPdsaCycle
 * @do_problems: (nullable): the new problems met
 */
void
fb_pdsa_cycle_set_do_problems (FbPdsaCycle *self,
                               const char  *do_problems)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->do_problems, do_problems))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DO_PROBLEMS]);
}

/**
 * fb_pdsa_cycle_get_study_results:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the results compared with the prediction
 */
const char *
fb_pdsa_cycle_get_study_results (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->study_results;
}

/**
 * fb_pdsa_cycle_set_study_results:
 * @self: a #FbPdsaCycle
 * @study_results: (nullable): the new results compared with the prediction
 */
void
fb_pdsa_cycle_set_study_results (FbPdsaCycle *self,
                                 const char  *study_results)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->study_results, study_results))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDY_RESULTS]);
}

/**
 * fb_pdsa_cycle_get_study_learning:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the learning
 */
const char *
fb_pdsa_cycle_get_study_learning (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->study_learning;
}

/**
 * fb_pdsa_cycle_set_study_learning:
 * @self: a #FbPdsaCycle
 * @study_learning: (nullable): the new learning
 */
void
fb_pdsa_cycle_set_study_learning (FbPdsaCycle *self,
                                  const char  *study_learning)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->study_learning, study_learning))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDY_LEARNING]);
}

/**
 * fb_pdsa_cycle_get_act_decision:
 * @self: a #FbPdsaCycle
 *
 * Returns: the decision
 */
FbPdsaDecision
fb_pdsa_cycle_get_act_decision (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), 0);

  return self->act_decision;
}

/**
 * fb_pdsa_cycle_set_act_decision:
 * @self: a #FbPdsaCycle
 * @act_decision: the new decision
 */
void
fb_pdsa_cycle_set_act_decision (FbPdsaCycle    *self,
                                FbPdsaDecision  act_decision)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (self->act_decision == act_decision)
    return;

  self->act_decision = act_decision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACT_DECISION]);
}

/**
 * fb_pdsa_cycle_get_act_next_steps:
 * @self: a #FbPdsaCycle
 *
 * Returns: (nullable): the next steps
 */
const char *
fb_pdsa_cycle_get_act_next_steps (FbPdsaCycle *self)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (self), NULL);

  return self->act_next_steps;
}

/**
 * fb_pdsa_cycle_set_act_next_steps:
 * @self: a #FbPdsaCycle
 * @act_next_steps: (nullable): the new next steps
 */
void
fb_pdsa_cycle_set_act_next_steps (FbPdsaCycle *self,
                                  const char  *act_next_steps)
{
  g_return_if_fail (FB_IS_PDSA_CYCLE (self));

  if (fb_set_str (&self->act_next_steps, act_next_steps))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACT_NEXT_STEPS]);
}
