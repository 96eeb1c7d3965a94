/* fb-project.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-project.h"
#include "fb-utils.h"

/**
 * FbProject:
 *
 * An improvement project of a trust: its team, the problem, the aim (what, how
 * much, by when) and where it stands.
 */
struct _FbProject
{
  FbRecord          parent_instance;

  char             *title;
  char             *trust_id;
  char             *department;
  FbFocusArea       focus_area;
  FbProjectStatus   status;
  char             *start_date;
  char             *end_date;
  char             *problem;
  char             *aim_statement;
  char             *aim_what;
  char             *aim_how_much;
  char             *aim_by_when;
  char            **team_member_ids;
  char            **team_others;
  char             *patient_involvement;
  FbVisibility      visibility;
  gboolean          archived;
};

G_DEFINE_FINAL_TYPE (FbProject, fb_project, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TRUST_ID,
  PROP_DEPARTMENT,
  PROP_FOCUS_AREA,
  PROP_STATUS,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_PROBLEM,
  PROP_AIM_STATEMENT,
  PROP_AIM_WHAT,
  PROP_AIM_HOW_MUCH,
  PROP_AIM_BY_WHEN,
  PROP_TEAM_MEMBER_IDS,
  PROP_TEAM_OTHERS,
  PROP_PATIENT_INVOLVEMENT,
  PROP_VISIBILITY,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_TITLE_LENGTH 300

static gboolean
fb_project_validate (FbRecord  *record,
                     GError   **error)
{
  FbProject *self = FB_PROJECT (record);

  if (_fb_text_is_blank (self->title))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The project has no title. Enter a short title that says what "
                             "the project wants to improve."));
      return FALSE;
    }

  if (g_utf8_strlen (self->title, -1) > MAX_TITLE_LENGTH)
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The project title is too long. Shorten it to at most %d characters."),
                   MAX_TITLE_LENGTH);
      return FALSE;
    }

  if (_fb_text_is_blank (self->trust_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The project belongs to no trust. Choose the trust that runs it."));
      return FALSE;
    }

  if (self->aim_by_when != NULL && !fb_date_is_valid (self->aim_by_when))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The aim’s deadline “%s” is not a valid date. Enter it as YYYY-MM-DD, "
                     "e.g. 2026-12-31."),
                   self->aim_by_when);
      return FALSE;
    }

  return _fb_check_dates (self->start_date, self->end_date,
                          _("The project ends before it starts. Choose an end date on or "
                            "after the start date."),
                          error);
}

static void
fb_project_finalize (GObject *object)
{
  FbProject *self = (FbProject *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->trust_id, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->aim_statement, g_free);
  g_clear_pointer (&self->aim_what, g_free);
  g_clear_pointer (&self->aim_how_much, g_free);
  g_clear_pointer (&self->aim_by_when, g_free);
  g_clear_pointer (&self->team_member_ids, g_strfreev);
  g_clear_pointer (&self->team_others, g_strfreev);
  g_clear_pointer (&self->patient_involvement, g_free);

  G_OBJECT_CLASS (fb_project_parent_class)->finalize (object);
}

static void
fb_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FbProject *self = FB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TRUST_ID:
      g_value_set_string (value, self->trust_id);
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;

    case PROP_FOCUS_AREA:
      g_value_set_enum (value, self->focus_area);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    case PROP_AIM_STATEMENT:
      g_value_set_string (value, self->aim_statement);
      break;

    case PROP_AIM_WHAT:
      g_value_set_string (value, self->aim_what);
      break;

    case PROP_AIM_HOW_MUCH:
      g_value_set_string (value, self->aim_how_much);
      break;

    case PROP_AIM_BY_WHEN:
      g_value_set_string (value, self->aim_by_when);
      break;

    case PROP_TEAM_MEMBER_IDS:
      g_value_set_boxed (value, self->team_member_ids);
      break;

    case PROP_TEAM_OTHERS:
      g_value_set_boxed (value, self->team_others);
      break;

    case PROP_PATIENT_INVOLVEMENT:
      g_value_set_string (value, self->patient_involvement);
      break;

    case PROP_VISIBILITY:
      g_value_set_enum (value, self->visibility);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FbProject *self = FB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fb_project_set_title (self, g_value_get_string (value));
      break;

    case PROP_TRUST_ID:
      fb_project_set_trust_id (self, g_value_get_string (value));
      break;

    case PROP_DEPARTMENT:
      fb_project_set_department (self, g_value_get_string (value));
      break;

    case PROP_FOCUS_AREA:
      fb_project_set_focus_area (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      fb_project_set_status (self, g_value_get_enum (value));
      break;

    case PROP_START_DATE:
      fb_project_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      fb_project_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_PROBLEM:
      fb_project_set_problem (self, g_value_get_string (value));
      break;

    case PROP_AIM_STATEMENT:
      fb_project_set_aim_statement (self, g_value_get_string (value));
      break;

    case PROP_AIM_WHAT:
      fb_project_set_aim_what (self, g_value_get_string (value));
      break;

    case PROP_AIM_HOW_MUCH:
      fb_project_set_aim_how_much (self, g_value_get_string (value));
      break;

    case PROP_AIM_BY_WHEN:
      fb_project_set_aim_by_when (self, g_value_get_string (value));
      break;

    case PROP_TEAM_MEMBER_IDS:
      fb_project_set_team_member_ids (self, g_value_get_boxed (value));
      break;

    case PROP_TEAM_OTHERS:
      fb_project_set_team_others (self, g_value_get_boxed (value));
      break;

    case PROP_PATIENT_INVOLVEMENT:
      fb_project_set_patient_involvement (self, g_value_get_string (value));
      break;

    case PROP_VISIBILITY:
      fb_project_set_visibility (self, g_value_get_enum (value));
      break;

    case PROP_ARCHIVED:
      fb_project_set_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_project_class_init (FbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_project_finalize;
  object_class->get_property = fb_project_get_property;
  object_class->set_property = fb_project_set_property;

  record_class->entity = "project";
  record_class->validate = fb_project_validate;

  /* The order below is the column order of the table. */

  /**
   * FbProject:title:
   *
   * The title, at most 300 characters.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:trust-id:
   *
   * The id of the trust the project is run in.
   */
  properties[PROP_TRUST_ID] =
    g_param_spec_string ("trust-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:department:
   *
   * The department or ward, as free text.
   */
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:focus-area:
   *
   * The national focus area the project works on.
   */
  properties[PROP_FOCUS_AREA] =
    g_param_spec_enum ("focus-area", NULL, NULL,
                       FB_TYPE_FOCUS_AREA, FB_FOCUS_AREA_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:status:
   *
   * Where the project stands.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       FB_TYPE_PROJECT_STATUS, FB_PROJECT_STATUS_PLANNING,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:start-date:
   *
   * The day the project started, as YYYY-MM-DD.
   */
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:end-date:
   *
   * The day the project ended, as YYYY-MM-DD, or %NULL while it runs.
   */
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:problem:
   *
   * The problem description.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:aim-statement:
   *
   * The aim in one sentence.
   */
  properties[PROP_AIM_STATEMENT] =
    g_param_spec_string ("aim-statement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:aim-what:
   *
   * What the aim is to improve.
   */
  properties[PROP_AIM_WHAT] =
    g_param_spec_string ("aim-what", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:aim-how-much:
   *
   * How much the aim is to improve it, as text.
   */
  properties[PROP_AIM_HOW_MUCH] =
    g_param_spec_string ("aim-how-much", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:aim-by-when:
   *
   * The deadline of the aim, as YYYY-MM-DD.
   */
  properties[PROP_AIM_BY_WHEN] =
    g_param_spec_string ("aim-by-when", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:team-member-ids:
   *
   * The ids of the team members who have user accounts.
   */
  properties[PROP_TEAM_MEMBER_IDS] =
    g_param_spec_boxed ("team-member-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:team-others:
   *
   * The team members without user accounts, each as "Name (role)".
   */
  properties[PROP_TEAM_OTHERS] =
    g_param_spec_boxed ("team-others", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:patient-involvement:
   *
   * How patients and users take part in the project.
   */
  properties[PROP_PATIENT_INVOLVEMENT] =
    g_param_spec_string ("patient-involvement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:visibility:
   *
   * Who can see the project.
   */
  properties[PROP_VISIBILITY] =
    g_param_spec_enum ("visibility", NULL, NULL,
                       FB_TYPE_VISIBILITY, FB_VISIBILITY_TEAM,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbProject:archived:
   *
   * Whether the project is hidden from the list of current projects.
   */
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_project_init (FbProject *self)
{
}

/**
 * fb_project_new:
 * @id: (nullable): the project's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new project with default values
 */
FbProject *
fb_project_new (const char *id)
{
  return (FbProject *)fb_record_new (FB_TYPE_PROJECT, id);
}

/**
 * fb_project_get_title:
 * @self: a #FbProject
 *
 * Returns: (nullable): the title
 */
const char *
fb_project_get_title (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->title;
}

/**
 * fb_project_set_title:
 * @self: a #FbProject
 * @title: (nullable): the new title
 */
void
fb_project_set_title (FbProject  *self,
                      const char *title)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * fb_project_get_trust_id:
 * @self: a #FbProject
 *
 * Returns: (nullable): the id of the trust
 */
const char *
fb_project_get_trust_id (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->trust_id;
}

/**
 * fb_project_set_trust_id:
 * @self: a #FbProject
 * @trust_id: (nullable): the new id of the trust
 */
void
fb_project_set_trust_id (FbProject  *self,
                         const char *trust_id)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->trust_id, trust_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST_ID]);
}

/**
 * fb_project_get_department:
 * @self: a #FbProject
 *
 * Returns: (nullable): the department
 */
const char *
fb_project_get_department (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->department;
}

/**
 * fb_project_set_department:
 * @self: a #FbProject
 * @department: (nullable): the new department
 */
void
fb_project_set_department (FbProject  *self,
                           const char *department)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->department, department))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

/**
 * fb_project_get_focus_area:
 * @self: a #FbProject
 *
 * Returns: the focus area
 */
FbFocusArea
fb_project_get_focus_area (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), 0);

  return self->focus_area;
}

/**
 * fb_project_set_focus_area:
 * @self: a #FbProject
 * @focus_area: the new focus area
 */
void
fb_project_set_focus_area (FbProject   *self,
                           FbFocusArea  focus_area)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (self->focus_area == focus_area)
    return;

  self->focus_area = focus_area;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_AREA]);
}

/**
 * fb_project_get_status:
 * @self: a #FbProject
 *
 * Returns: the status
 */
FbProjectStatus
fb_project_get_status (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), 0);

  return self->status;
}

/**
 * fb_project_set_status:
 * @self: a #FbProject
 * @status: the new status
 */
void
fb_project_set_status (FbProject       *self,
                       FbProjectStatus  status)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * fb_project_get_start_date:
 * @self: a #FbProject
 *
 * Returns: (nullable): the start date
 */
const char *
fb_project_get_start_date (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->start_date;
}

/**
 * fb_project_set_start_date:
 * @self: a #FbProject
 * @start_date: (nullable): the new start date
 */
void
fb_project_set_start_date (FbProject  *self,
                           const char *start_date)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

/**
 * fb_project_get_end_date:
 * @self: a #FbProject
 *
 * Returns: (nullable): the end date
 */
const char *
fb_project_get_end_date (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->end_date;
}

/**
 * fb_project_set_end_date:
 * @self: a #FbProject
 * @end_date: (nullable): the new end date
 */
void
fb_project_set_end_date (FbProject  *self,
                         const char *end_date)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

/**
 * fb_project_get_problem:
 * @self: a #FbProject
 *
 * Returns: (nullable): the problem description
 */
const char *
fb_project_get_problem (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->problem;
}

/**
 * fb_project_set_problem:
 * @self: a #FbProject
 * @problem: (nullable): the new problem description
 */
void
fb_project_set_problem (FbProject  *self,
                        const char *problem)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->problem, problem))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/**
 * fb_project_get_aim_statement:
 * @self: a #FbProject
 *
 * Returns: (nullable): the aim statement
 */
const char *
fb_project_get_aim_statement (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->aim_statement;
}

/**
 * fb_project_set_aim_statement:
 * @self: a #FbProject
 * @aim_statement: (nullable): the new aim statement
 */
void
fb_project_set_aim_statement (FbProject  *self,
                              const char *aim_statement)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->aim_statement, aim_statement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AIM_STATEMENT]);
}

/**
 * fb_project_get_aim_what:
 * @self: a #FbProject
 *
 * Returns: (nullable): the "what" of the aim
 */
const char *
fb_project_get_aim_what (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->aim_what;
}

/**
 * fb_project_set_aim_what:
 * @self: a #FbProject
 * @aim_what: (nullable): the new "what" of the aim
 */
void
fb_project_set_aim_what (FbProject  *self,
                         const char *aim_what)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->aim_what, aim_what))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AIM_WHAT]);
}

/**
 * fb_project_get_aim_how_much:
 * @self: a #FbProject
 *
 * Returns: (nullable): the "how much" of the aim
 */
const char *
fb_project_get_aim_how_much (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->aim_how_much;
}

/**
 * fb_project_set_aim_how_much:
 * @self: a #FbProject
 * @aim_how_much: (nullable): the new "how much" of the aim
 */
void
fb_project_set_aim_how_much (FbProject  *self,
                             const char *aim_how_much)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->aim_how_much, aim_how_much))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AIM_HOW_MUCH]);
}

/**
 * fb_project_get_aim_by_when:
 * @self: a #FbProject
 *
 * Returns: (nullable): the deadline of the aim
 */
const char *
fb_project_get_aim_by_when (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->aim_by_when;
}

/**
 * fb_project_set_aim_by_when:
 * @self: a #FbProject
 * @aim_by_when: (nullable): the new deadline of the aim
 */
void
fb_project_set_aim_by_when (FbProject  *self,
                            const char *aim_by_when)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->aim_by_when, aim_by_when))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AIM_BY_WHEN]);
}

/**
 * fb_project_get_team_member_ids:
 * @self: a #FbProject
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of team members with accounts
 */
const char * const *
fb_project_get_team_member_ids (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return (const char * const *)self->team_member_ids;
}

/**
 * fb_project_set_team_member_ids:
 * @self: a #FbProject
 * @team_member_ids: (nullable) (array zero-terminated=1): the new ids of team members with accounts
 */
void
fb_project_set_team_member_ids (FbProject          *self,
                                const char * const *team_member_ids)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_strv (&self->team_member_ids, team_member_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_MEMBER_IDS]);
}

/**
 * fb_project_get_team_others:
 * @self: a #FbProject
 *
 * Returns: (nullable) (array zero-terminated=1): the team members without accounts
 */
const char * const *
fb_project_get_team_others (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return (const char * const *)self->team_others;
}

/**
 * fb_project_set_team_others:
 * @self: a #FbProject
 * @team_others: (nullable) (array zero-terminated=1): the new team members without accounts
 */
void
fb_project_set_team_others (FbProject          *self,
                            const char * const *team_others)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_strv (&self->team_others, team_others))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_OTHERS]);
}

/**
 * fb_project_get_patient_involvement:
 * @self: a #FbProject
 *
 * Returns: (nullable): the patient and user involvement
 */
const char *
fb_project_get_patient_involvement (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), NULL);

  return self->patient_involvement;
}

/**
 * fb_project_set_patient_involvement:
 * @self: a #FbProject
 * @patient_involvement: (nullable): the new patient and user involvement
 */
void
fb_project_set_patient_involvement (FbProject  *self,
                                    const char *patient_involvement)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (fb_set_str (&self->patient_involvement, patient_involvement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_INVOLVEMENT]);
}

/**
 * fb_project_get_visibility:
 * @self: a #FbProject
 *
 * Returns: the visibility
 */
FbVisibility
fb_project_get_visibility (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), 0);

  return self->visibility;
}

/**
 * fb_project_set_visibility:
 * @self: a #FbProject
 * @visibility: the new visibility
 */
void
fb_project_set_visibility (FbProject    *self,
                           FbVisibility  visibility)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  if (self->visibility == visibility)
    return;

  self->visibility = visibility;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
}

/**
 * fb_project_get_archived:
 * @self: a #FbProject
 *
 * Returns: %TRUE if the project is archived
 */
gboolean
fb_project_get_archived (FbProject *self)
{
  g_return_val_if_fail (FB_IS_PROJECT (self), FALSE);

  return self->archived;
}

/**
 * fb_project_set_archived:
 * @self: a #FbProject
 * @archived: whether the project is archived
 */
void
fb_project_set_archived (FbProject *self,
                         gboolean   archived)
{
  g_return_if_fail (FB_IS_PROJECT (self));

  archived = !!archived;
  if (self->archived == archived)
    return;

  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);

  /* Composed, so that "a" does not find the "å" of "på". */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

/**
 * fb_project_matches:
 * @self: a #FbProject
 * @search: (nullable): what the user typed in the search entry
 *
 * Checks whether each word of @search occurs in the project's title,
 * department, problem description or aim statement. Case and Unicode
 * normalisation are ignored, so "FALL" finds "fall" and "Færre" finds
 * "færre"; the words may occur in different fields.
 *
 * Returns: %TRUE if the project matches; an empty search matches every project
 */
gboolean
fb_project_matches (FbProject  *self,
                    const char *search)
{
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *needle = NULL;
  const char *p;

  g_return_val_if_fail (FB_IS_PROJECT (self), FALSE);

  if (search == NULL)
    return TRUE;

  /* A word never holds a newline, so it cannot match across two fields. */
  joined = g_strdup_printf ("%s\n%s\n%s\n%s",
                            self->title ? self->title : "",
                            self->department ? self->department : "",
                            self->problem ? self->problem : "",
                            self->aim_statement ? self->aim_statement : "");
  haystack = fold (joined);
  needle = fold (search);

  for (p = needle; *p != '\0';)
    {
      g_autofree char *word = NULL;
      const char *end;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      for (end = p; *end != '\0' && !g_unichar_isspace (g_utf8_get_char (end));)
        end = g_utf8_next_char (end);

      word = g_strndup (p, end - p);
      if (strstr (haystack, word) == NULL)
        return FALSE;

      p = end;
    }

  return TRUE;
}

/**
 * fb_project_filter_matches:
 * @filter: what to show
 * @project: a #FbProject
 *
 * Checks @project against every part of @filter: the search words (see
 * fb_project_matches ()), the trust, the status, the focus area, and
 * whether it is archived.
 *
 * Returns: %TRUE if the project list shows @project
 */
gboolean
fb_project_filter_matches (const FbProjectFilter *filter,
                           FbProject             *project)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (FB_IS_PROJECT (project), FALSE);

  if (project->archived && !filter->show_archived)
    return FALSE;

  if (filter->trust_id != NULL && g_strcmp0 (filter->trust_id, project->trust_id) != 0)
    return FALSE;

  if (filter->status >= 0 && (int)project->status != filter->status)
    return FALSE;

  if (filter->focus_area >= 0 && (int)project->focus_area != filter->focus_area)
    return FALSE;

  return fb_project_matches (project, filter->search);
}

/**
 * fb_project_filter_is_narrowed:
 * @filter: what to show
 *
 * Returns: %TRUE if @filter picks a trust, a status or a focus area
 */
gboolean
fb_project_filter_is_narrowed (const FbProjectFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->trust_id != NULL || filter->status >= 0 || filter->focus_area >= 0;
}
