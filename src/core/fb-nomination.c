/* fb-nomination.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-nomination"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-nomination.h"
#include "fb-utils.h"

/**
 * FbNomination:
 *
 * A trust's nomination of one of its projects for a prize round, with
 * the summary the panel reads.
 */
struct _FbNomination
{
  FbRecord           parent_instance;

  char               *round_id;
  char               *project_id;
  char               *trust_id;
  char               *nominated_by;
  FbNominationStatus status;
  char               *submitted_at;
  char               *withdrawn_at;
  char               *sections_problem;
  char               *sections_what_was_done;
  char               *sections_results;
  char               *sections_benefit_for_patients;
  char               *sections_user_involvement;
  char               *sections_transferability;
  char               *sections_sustainability;
  char               **result_measure_ids;
  char               **attachment_ids;
  JsonNode           *snapshot;
};

G_DEFINE_FINAL_TYPE (FbNomination, fb_nomination, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROUND_ID,
  PROP_PROJECT_ID,
  PROP_TRUST_ID,
  PROP_NOMINATED_BY,
  PROP_STATUS,
  PROP_SUBMITTED_AT,
  PROP_WITHDRAWN_AT,
  PROP_SECTIONS_PROBLEM,
  PROP_SECTIONS_WHAT_WAS_DONE,
  PROP_SECTIONS_RESULTS,
  PROP_SECTIONS_BENEFIT_FOR_PATIENTS,
  PROP_SECTIONS_USER_INVOLVEMENT,
  PROP_SECTIONS_TRANSFERABILITY,
  PROP_SECTIONS_SUSTAINABILITY,
  PROP_RESULT_MEASURE_IDS,
  PROP_ATTACHMENT_IDS,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The titles of the summary sections, in the order of the form. */
static const char * const section_titles[] = {
  N_("Problem"),
  N_("What was done"),
  N_("Results"),
  N_("Benefit for patients"),
  N_("User involvement"),
  N_("Transferability"),
  N_("Sustainability"),
};

static gboolean
fb_nomination_validate (FbRecord  *record,
                        GError   **error)
{
  FbNomination *self = FB_NOMINATION (record);
  const char *sections[] = {
    self->sections_problem, self->sections_what_was_done, self->sections_results,
    self->sections_benefit_for_patients, self->sections_user_involvement,
    self->sections_transferability, self->sections_sustainability,
  };

  if (_fb_text_is_blank (self->round_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The nomination belongs to no prize round."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->project_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The nomination names no project. Choose the project you nominate."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->trust_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The nomination names no trust. Choose the trust that nominates the project."));
      return FALSE;
    }

  if (!_fb_check_timestamp (self->submitted_at, _("the time of submission"), error) ||
      !_fb_check_timestamp (self->withdrawn_at, _("the time of withdrawal"), error))
    return FALSE;

  if (self->snapshot != NULL && !JSON_NODE_HOLDS_OBJECT (self->snapshot))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The nomination’s snapshot of the project is damaged: it is "
                             "not a JSON object."));
      return FALSE;
    }

  if (self->status == FB_NOMINATION_STATUS_DRAFT)
    return TRUE;

  /* Whatever happened to it later, a nomination that left the draft state
   * was submitted whole, at a known time. */
  if (self->submitted_at == NULL && self->status != FB_NOMINATION_STATUS_WITHDRAWN)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The nomination is no longer a draft but has no time of "
                             "submission."));
      return FALSE;
    }

  if (self->status == FB_NOMINATION_STATUS_WITHDRAWN && self->withdrawn_at == NULL)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The nomination is withdrawn but has no time of withdrawal."));
      return FALSE;
    }

  if (self->status == FB_NOMINATION_STATUS_SUBMITTED)
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      if (_fb_text_is_blank (sections[i]))
        {
          g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                       _("The section “%s” of the nomination is empty. Fill in every "
                         "section before you submit it."),
                       _(section_titles[i]));
          return FALSE;
        }

  return TRUE;
}

static void
fb_nomination_finalize (GObject *object)
{
  FbNomination *self = (FbNomination *)object;

  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->trust_id, g_free);
  g_clear_pointer (&self->nominated_by, g_free);
  g_clear_pointer (&self->submitted_at, g_free);
  g_clear_pointer (&self->withdrawn_at, g_free);
  g_clear_pointer (&self->sections_problem, g_free);
  g_clear_pointer (&self->sections_what_was_done, g_free);
  g_clear_pointer (&self->sections_results, g_free);
  g_clear_pointer (&self->sections_benefit_for_patients, g_free);
  g_clear_pointer (&self->sections_user_involvement, g_free);
  g_clear_pointer (&self->sections_transferability, g_free);
  g_clear_pointer (&self->sections_sustainability, g_free);
  g_clear_pointer (&self->result_measure_ids, g_strfreev);
  g_clear_pointer (&self->attachment_ids, g_strfreev);
  g_clear_pointer (&self->snapshot, json_node_unref);

  G_OBJECT_CLASS (fb_nomination_parent_class)->finalize (object);
}

static void
fb_nomination_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FbNomination *self = FB_NOMINATION (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      g_value_set_string (value, self->round_id);
      break;

    case PROP_PROJECT_ID:
      g_value_set_string (value, self->project_id);
      break;

    case PROP_TRUST_ID:
      g_value_set_string (value, self->trust_id);
      break;

    case PROP_NOMINATED_BY:
      g_value_set_string (value, self->nominated_by);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SUBMITTED_AT:
      g_value_set_string (value, self->submitted_at);
      break;

    case PROP_WITHDRAWN_AT:
      g_value_set_string (value, self->withdrawn_at);
      break;

    case PROP_SECTIONS_PROBLEM:
      g_value_set_string (value, self->sections_problem);
      break;

    case PROP_SECTIONS_WHAT_WAS_DONE:
      g_value_set_string (value, self->sections_what_was_done);
      break;

    case PROP_SECTIONS_RESULTS:
      g_value_set_string (value, self->sections_results);
      break;

    case PROP_SECTIONS_BENEFIT_FOR_PATIENTS:
      g_value_set_string (value, self->sections_benefit_for_patients);
      break;

    case PROP_SECTIONS_USER_INVOLVEMENT:
      g_value_set_string (value, self->sections_user_involvement);
      break;

    case PROP_SECTIONS_TRANSFERABILITY:
      g_value_set_string (value, self->sections_transferability);
      break;

    case PROP_SECTIONS_SUSTAINABILITY:
      g_value_set_string (value, self->sections_sustainability);
      break;

    case PROP_RESULT_MEASURE_IDS:
      g_value_set_boxed (value, self->result_measure_ids);
      break;

    case PROP_ATTACHMENT_IDS:
      g_value_set_boxed (value, self->attachment_ids);
      break;

    case PROP_SNAPSHOT:
      g_value_set_boxed (value, self->snapshot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_nomination_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FbNomination *self = FB_NOMINATION (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      fb_nomination_set_round_id (self, g_value_get_string (value));
      break;

    case PROP_PROJECT_ID:
      fb_nomination_set_project_id (self, g_value_get_string (value));
      break;

    case PROP_TRUST_ID:
      fb_nomination_set_trust_id (self, g_value_get_string (value));
      break;

    case PROP_NOMINATED_BY:
      fb_nomination_set_nominated_by (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      fb_nomination_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SUBMITTED_AT:
      fb_nomination_set_submitted_at (self, g_value_get_string (value));
      break;

    case PROP_WITHDRAWN_AT:
      fb_nomination_set_withdrawn_at (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_PROBLEM:
      fb_nomination_set_sections_problem (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_WHAT_WAS_DONE:
      fb_nomination_set_sections_what_was_done (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_RESULTS:
      fb_nomination_set_sections_results (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_BENEFIT_FOR_PATIENTS:
      fb_nomination_set_sections_benefit_for_patients (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_USER_INVOLVEMENT:
      fb_nomination_set_sections_user_involvement (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_TRANSFERABILITY:
      fb_nomination_set_sections_transferability (self, g_value_get_string (value));
      break;

    case PROP_SECTIONS_SUSTAINABILITY:
      fb_nomination_set_sections_sustainability (self, g_value_get_string (value));
      break;

    case PROP_RESULT_MEASURE_IDS:
      fb_nomination_set_result_measure_ids (self, g_value_get_boxed (value));
      break;

    case PROP_ATTACHMENT_IDS:
      fb_nomination_set_attachment_ids (self, g_value_get_boxed (value));
      break;

    case PROP_SNAPSHOT:
      fb_nomination_set_snapshot (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_nomination_class_init (FbNominationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_nomination_finalize;
  object_class->get_property = fb_nomination_get_property;
  object_class->set_property = fb_nomination_set_property;

  record_class->entity = "nomination";
  record_class->validate = fb_nomination_validate;

  /* The order below is the column order of the table. */

  /**
   * FbNomination:round-id:
   *
   * The id of the prize round.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_string ("round-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:project-id:
   *
   * The id of the nominated project.
   */
  properties[PROP_PROJECT_ID] =
    g_param_spec_string ("project-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:trust-id:
   *
   * The id of the trust that nominates the project.
   */
  properties[PROP_TRUST_ID] =
    g_param_spec_string ("trust-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:nominated-by:
   *
   * The id of the user who nominated it, usually the trust's coordinator.
   */
  properties[PROP_NOMINATED_BY] =
    g_param_spec_string ("nominated-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:status:
   *
   * Draft, submitted, withdrawn or ineligible.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       FB_TYPE_NOMINATION_STATUS, FB_NOMINATION_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:submitted-at:
   *
   * When it was submitted, ISO 8601; unset for a draft.
   */
  properties[PROP_SUBMITTED_AT] =
    g_param_spec_string ("submitted-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:withdrawn-at:
   *
   * When it was withdrawn, ISO 8601; unset unless withdrawn.
   */
  properties[PROP_WITHDRAWN_AT] =
    g_param_spec_string ("withdrawn-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-problem:
   *
   * The problem the project set out to solve.
   */
  properties[PROP_SECTIONS_PROBLEM] =
    g_param_spec_string ("sections-problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-what-was-done:
   *
   * What the team did: the changes they tested and adopted.
   */
  properties[PROP_SECTIONS_WHAT_WAS_DONE] =
    g_param_spec_string ("sections-what-was-done", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-results:
   *
   * The results, with the charts that show them.
   */
  properties[PROP_SECTIONS_RESULTS] =
    g_param_spec_string ("sections-results", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-benefit-for-patients:
   *
   * What patients gained.
   */
  properties[PROP_SECTIONS_BENEFIT_FOR_PATIENTS] =
    g_param_spec_string ("sections-benefit-for-patients", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-user-involvement:
   *
   * How patients and users took part.
   */
  properties[PROP_SECTIONS_USER_INVOLVEMENT] =
    g_param_spec_string ("sections-user-involvement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-transferability:
   *
   * What other units and trusts can take from it.
   */
  properties[PROP_SECTIONS_TRANSFERABILITY] =
    g_param_spec_string ("sections-transferability", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:sections-sustainability:
   *
   * How the improvement is made to last.
   */
  properties[PROP_SECTIONS_SUSTAINABILITY] =
    g_param_spec_string ("sections-sustainability", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:result-measure-ids:
   *
   * The measures whose charts go with the nomination.
   */
  properties[PROP_RESULT_MEASURE_IDS] =
    g_param_spec_boxed ("result-measure-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:attachment-ids:
   *
   * The attachments that go with the nomination.
   */
  properties[PROP_ATTACHMENT_IDS] =
    g_param_spec_boxed ("attachment-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbNomination:snapshot:
   *
   * The project as it was when the nomination was submitted, a JSON
   * object frozen then, so later edits do not change what the panel scores.
   */
  properties[PROP_SNAPSHOT] =
    g_param_spec_boxed ("snapshot", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_nomination_init (FbNomination *self)
{
}

/**
 * fb_nomination_new:
 * @id: (nullable): the nomination's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new nomination with default values
 */
FbNomination *
fb_nomination_new (const char *id)
{
  return (FbNomination *)fb_record_new (FB_TYPE_NOMINATION, id);
}

/**
 * fb_nomination_get_round_id:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the id of the prize round
 */
const char *
fb_nomination_get_round_id (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->round_id;
}

/**
 * fb_nomination_set_round_id:
 * @self: a #FbNomination
 * @round_id: (nullable): the new id of the prize round
 */
void
fb_nomination_set_round_id (FbNomination *self,
                            const char   *round_id)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->round_id, round_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/**
 * fb_nomination_get_project_id:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the id of the project
 */
const char *
fb_nomination_get_project_id (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->project_id;
}

/**
 * fb_nomination_set_project_id:
 * @self: a #FbNomination
 * @project_id: (nullable): the new id of the project
 */
void
fb_nomination_set_project_id (FbNomination *self,
                              const char   *project_id)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->project_id, project_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}

/**
 * fb_nomination_get_trust_id:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the id of the trust
 */
const char *
fb_nomination_get_trust_id (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->trust_id;
}

/**
 * fb_nomination_set_trust_id:
 * @self: a #FbNomination
 * @trust_id: (nullable): the new id of the trust
 */
void
fb_nomination_set_trust_id (FbNomination *self,
                            const char   *trust_id)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->trust_id, trust_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST_ID]);
}

/**
 * fb_nomination_get_nominated_by:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the id of the user who nominated it
 */
const char *
fb_nomination_get_nominated_by (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->nominated_by;
}

/**
 * fb_nomination_set_nominated_by:
 * @self: a #FbNomination
 * @nominated_by: (nullable): the new id of the user who nominated it
 */
void
fb_nomination_set_nominated_by (FbNomination *self,
                                const char   *nominated_by)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->nominated_by, nominated_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOMINATED_BY]);
}

/**
 * fb_nomination_get_status:
 * @self: a #FbNomination
 *
 * Returns: the status
 */
FbNominationStatus
fb_nomination_get_status (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), 0);

  return self->status;
}

/**
 * fb_nomination_set_status:
 * @self: a #FbNomination
 * @status: the new status
 */
void
fb_nomination_set_status (FbNomination       *self,
                          FbNominationStatus  status)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * fb_nomination_get_submitted_at:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the time of submission
 */
const char *
fb_nomination_get_submitted_at (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->submitted_at;
}

/**
 * fb_nomination_set_submitted_at:
 * @self: a #FbNomination
 * @submitted_at: (nullable): the new time of submission
 */
void
fb_nomination_set_submitted_at (FbNomination *self,
                                const char   *submitted_at)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->submitted_at, submitted_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED_AT]);
}

/**
 * fb_nomination_get_withdrawn_at:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the time of withdrawal
 */
const char *
fb_nomination_get_withdrawn_at (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->withdrawn_at;
}

/**
 * fb_nomination_set_withdrawn_at:
 * @self: a #FbNomination
 * @withdrawn_at: (nullable): the new time of withdrawal
 */
void
fb_nomination_set_withdrawn_at (FbNomination *self,
                                const char   *withdrawn_at)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->withdrawn_at, withdrawn_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN_AT]);
}

/**
 * fb_nomination_get_sections_problem:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “problem”
 */
const char *
fb_nomination_get_sections_problem (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_problem;
}

/**
 * fb_nomination_set_sections_problem:
 * @self: a #FbNomination
 * @sections_problem: (nullable): the new summary section “problem”
 */
void
fb_nomination_set_sections_problem (FbNomination *self,
                                    const char   *sections_problem)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_problem, sections_problem))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_PROBLEM]);
}

/**
 * fb_nomination_get_sections_what_was_done:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “what was done”
 */
const char *
fb_nomination_get_sections_what_was_done (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_what_was_done;
}

/**
 * fb_nomination_set_sections_what_was_done:
 * @self: a #FbNomination
 * @sections_what_was_done: (nullable): the new summary section “what was done”
 */
void
fb_nomination_set_sections_what_was_done (FbNomination *self,
                                          const char   *sections_what_was_done)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_what_was_done, sections_what_was_done))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_WHAT_WAS_DONE]);
}

/**
 * fb_nomination_get_sections_results:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “results”
 */
const char *
fb_nomination_get_sections_results (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_results;
}

/**
 * fb_nomination_set_sections_results:
 * @self: a #FbNomination
 * @sections_results: (nullable): the new summary section “results”
 */
void
fb_nomination_set_sections_results (FbNomination *self,
                                    const char   *sections_results)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_results, sections_results))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_RESULTS]);
}

/**
 * fb_nomination_get_sections_benefit_for_patients:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “benefit for patients”
 */
const char *
fb_nomination_get_sections_benefit_for_patients (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_benefit_for_patients;
}

/**
 * fb_nomination_set_sections_benefit_for_patients:
 * @self: a #FbNomination
 * @sections_benefit_for_patients: (nullable): the new summary section “benefit for patients”
 */
void
fb_nomination_set_sections_benefit_for_patients (FbNomination *self,
                                                 const char   *sections_benefit_for_patients)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_benefit_for_patients, sections_benefit_for_patients))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_BENEFIT_FOR_PATIENTS]);
}

/**
 * fb_nomination_get_sections_user_involvement:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “user involvement”
 */
const char *
fb_nomination_get_sections_user_involvement (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_user_involvement;
}

/**
 * fb_nomination_set_sections_user_involvement:
 * @self: a #FbNomination
 * @sections_user_involvement: (nullable): the new summary section “user involvement”
 */
void
fb_nomination_set_sections_user_involvement (FbNomination *self,
                                             const char   *sections_user_involvement)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_user_involvement, sections_user_involvement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_USER_INVOLVEMENT]);
}

/**
 * fb_nomination_get_sections_transferability:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “transferability”
 */
const char *
fb_nomination_get_sections_transferability (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_transferability;
}

/**
 * fb_nomination_set_sections_transferability:
 * @self: a #FbNomination
 * @sections_transferability: (nullable): the new summary section “transferability”
 */
void
fb_nomination_set_sections_transferability (FbNomination *self,
                                            const char   *sections_transferability)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_transferability, sections_transferability))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_TRANSFERABILITY]);
}

/**
 * fb_nomination_get_sections_sustainability:
 * @self: a #FbNomination
 *
 * Returns: (nullable): the summary section “sustainability”
 */
const char *
fb_nomination_get_sections_sustainability (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->sections_sustainability;
}

/**
 * fb_nomination_set_sections_sustainability:
 * @self: a #FbNomination
 * @sections_sustainability: (nullable): the new summary section “sustainability”
 */
void
fb_nomination_set_sections_sustainability (FbNomination *self,
                                           const char   *sections_sustainability)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_str (&self->sections_sustainability, sections_sustainability))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS_SUSTAINABILITY]);
}

/**
 * fb_nomination_get_result_measure_ids:
 * @self: a #FbNomination
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of the measures shown
 */
const char * const *
fb_nomination_get_result_measure_ids (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return (const char * const *)self->result_measure_ids;
}

/**
 * fb_nomination_set_result_measure_ids:
 * @self: a #FbNomination
 * @result_measure_ids: (nullable) (array zero-terminated=1): the new ids of the measures shown
 */
void
fb_nomination_set_result_measure_ids (FbNomination       *self,
                                      const char * const *result_measure_ids)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_strv (&self->result_measure_ids, result_measure_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT_MEASURE_IDS]);
}

/**
 * fb_nomination_get_attachment_ids:
 * @self: a #FbNomination
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of the attachments
 */
const char * const *
fb_nomination_get_attachment_ids (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return (const char * const *)self->attachment_ids;
}

/**
 * fb_nomination_set_attachment_ids:
 * @self: a #FbNomination
 * @attachment_ids: (nullable) (array zero-terminated=1): the new ids of the attachments
 */
void
fb_nomination_set_attachment_ids (FbNomination       *self,
                                  const char * const *attachment_ids)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (fb_set_strv (&self->attachment_ids, attachment_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENT_IDS]);
}

/**
 * fb_nomination_get_snapshot:
 * @self: a #FbNomination
 *
 * Returns: (nullable) (transfer none): the snapshot of the project
 */
JsonNode *
fb_nomination_get_snapshot (FbNomination *self)
{
  g_return_val_if_fail (FB_IS_NOMINATION (self), NULL);

  return self->snapshot;
}

/**
 * fb_nomination_set_snapshot:
 * @self: a #FbNomination
 * @snapshot: (nullable): the new snapshot of the project
 */
void
fb_nomination_set_snapshot (FbNomination *self,
                            JsonNode     *snapshot)
{
  g_return_if_fail (FB_IS_NOMINATION (self));

  if (_fb_set_json (&self->snapshot, snapshot))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}
