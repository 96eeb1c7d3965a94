/* fb-labels.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-labels.h"

/* The labels the interface shows for the model's enums, in sentence case.
 * The English terms and their translations are in GLOSSARY.md. Short words
 * that are also verbs or have other meanings carry a context, so that
 * translators can tell a project's "Testing" from a PDSA cycle's "Do". */

/**
 * fb_project_status_get_label:
 * @status: a #FbProjectStatus
 *
 * Returns: (transfer none): the translated name of @status, e.g. "Testing"
 */
const char *
fb_project_status_get_label (FbProjectStatus status)
{
  switch (status)
    {
    case FB_PROJECT_STATUS_PLANNING:
      return C_("project status", "Planning");
    case FB_PROJECT_STATUS_TESTING:
      return C_("project status", "Testing");
    case FB_PROJECT_STATUS_IMPLEMENTING:
      return C_("project status", "Implementing");
    case FB_PROJECT_STATUS_SUSTAINING:
      return C_("project status", "Sustaining");
    case FB_PROJECT_STATUS_COMPLETED:
      return C_("project status", "Completed");
    case FB_PROJECT_STATUS_ABANDONED:
      return C_("project status", "Abandoned");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_focus_area_get_label:
 * @focus_area: a #FbFocusArea
 *
 * Returns: (transfer none): the translated name of @focus_area, e.g.
 *   "Falls prevention"
 */
const char *
fb_focus_area_get_label (FbFocusArea focus_area)
{
  switch (focus_area)
    {
    case FB_FOCUS_AREA_OTHER:
      return C_("focus area", "Other");
    case FB_FOCUS_AREA_INFECTIONS:
      return _("Healthcare-associated infections");
    case FB_FOCUS_AREA_MEDICATION_RECONCILIATION:
      return _("Medication reconciliation");
    case FB_FOCUS_AREA_SAFE_DISCHARGE:
      return _("Safe discharge");
    case FB_FOCUS_AREA_FALLS:
      return _("Falls prevention");
    case FB_FOCUS_AREA_PRESSURE_ULCERS:
      return _("Pressure ulcers");
    case FB_FOCUS_AREA_SEPSIS:
      return _("Sepsis");
    case FB_FOCUS_AREA_CANCER_PATHWAYS:
      return _("Cancer patient pathways");
    case FB_FOCUS_AREA_GLOBAL_TRIGGER_TOOL:
      return _("Global Trigger Tool");
    case FB_FOCUS_AREA_WAITING_TIMES:
      return _("Waiting times and unwarranted variation");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_value_type_get_label:
 * @value_type: a #FbValueType
 *
 * Returns: (transfer none): the translated name of @value_type, e.g.
 *   "Proportion"
 */
const char *
fb_value_type_get_label (FbValueType value_type)
{
  switch (value_type)
    {
    case FB_VALUE_TYPE_COUNT:
      return C_("value type", "Count");
    case FB_VALUE_TYPE_PROPORTION:
      return C_("value type", "Proportion");
    case FB_VALUE_TYPE_RATE:
      return C_("value type", "Rate");
    case FB_VALUE_TYPE_CONTINUOUS:
      return C_("value type", "Continuous value");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_measure_kind_get_label:
 * @kind: a #FbMeasureKind
 *
 * Returns: (transfer none): the translated name of @kind, e.g.
 *   "Outcome measure"
 */
const char *
fb_measure_kind_get_label (FbMeasureKind kind)
{
  switch (kind)
    {
    case FB_MEASURE_KIND_OUTCOME:
      return _("Outcome measure");
    case FB_MEASURE_KIND_PROCESS:
      return _("Process measure");
    case FB_MEASURE_KIND_BALANCING:
      return _("Balancing measure");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_direction_get_label:
 * @direction: a #FbDirection
 *
 * Returns: (transfer none): the translated meaning of @direction, e.g.
 *   "Lower is better"
 */
const char *
fb_direction_get_label (FbDirection direction)
{
  switch (direction)
    {
    case FB_DIRECTION_UP:
      return _("Higher is better");
    case FB_DIRECTION_DOWN:
      return _("Lower is better");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_chart_type_get_label:
 * @chart_type: a #FbChartType
 *
 * Returns: (transfer none): the translated name of @chart_type, e.g.
 *   "P chart"
 */
const char *
fb_chart_type_get_label (FbChartType chart_type)
{
  switch (chart_type)
    {
    case FB_CHART_TYPE_RUN:
      return _("Run chart");
    case FB_CHART_TYPE_I:
      /* Translators: the control chart of individual values */
      return _("I chart");
    case FB_CHART_TYPE_MR:
      /* Translators: the control chart of moving ranges */
      return _("MR chart");
    case FB_CHART_TYPE_P:
      return _("P chart");
    case FB_CHART_TYPE_U:
      return _("U chart");
    case FB_CHART_TYPE_C:
      return _("C chart");
    case FB_CHART_TYPE_G:
      /* Translators: the control chart of opportunities between rare events */
      return _("G chart");
    case FB_CHART_TYPE_T:
      /* Translators: the control chart of time between rare events */
      return _("T chart");
    case FB_CHART_TYPE_PP:
      /* Translators: Laney's P′ chart, for proportions with large denominators */
      return _("P′ chart");
    case FB_CHART_TYPE_UP:
      /* Translators: Laney's U′ chart, for rates with large denominators */
      return _("U′ chart");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_frequency_get_label:
 * @frequency: a #FbFrequency
 *
 * Returns: (transfer none): the translated name of @frequency, e.g.
 *   "Monthly"
 */
const char *
fb_frequency_get_label (FbFrequency frequency)
{
  switch (frequency)
    {
    case FB_FREQUENCY_DAY:
      return C_("frequency", "Daily");
    case FB_FREQUENCY_WEEK:
      return C_("frequency", "Weekly");
    case FB_FREQUENCY_MONTH:
      return C_("frequency", "Monthly");
    case FB_FREQUENCY_QUARTER:
      return C_("frequency", "Quarterly");
    case FB_FREQUENCY_EVENT:
      return C_("frequency", "Per event");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_visibility_get_label:
 * @visibility: a #FbVisibility
 *
 * Returns: (transfer none): the translated meaning of @visibility, short
 *   enough to follow "Visible to", e.g. "Team only"
 */
const char *
fb_visibility_get_label (FbVisibility visibility)
{
  switch (visibility)
    {
    case FB_VISIBILITY_TEAM:
      return _("Team only");
    case FB_VISIBILITY_REGION:
      return _("Whole region");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_pdsa_phase_get_label:
 * @phase: a #FbPdsaPhase
 *
 * Returns: (transfer none): the translated name of @phase, e.g. "Study"
 */
const char *
fb_pdsa_phase_get_label (FbPdsaPhase phase)
{
  switch (phase)
    {
    case FB_PDSA_PHASE_PLAN:
      return C_("PDSA phase", "Plan");
    case FB_PDSA_PHASE_DO:
      return C_("PDSA phase", "Do");
    case FB_PDSA_PHASE_STUDY:
      return C_("PDSA phase", "Study");
    case FB_PDSA_PHASE_ACT:
      return C_("PDSA phase", "Act");
    case FB_PDSA_PHASE_DONE:
      return C_("PDSA phase", "Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_pdsa_decision_get_label:
 * @decision: a #FbPdsaDecision
 *
 * Returns: (transfer none): the translated name of @decision, e.g. "Adapt"
 */
const char *
fb_pdsa_decision_get_label (FbPdsaDecision decision)
{
  switch (decision)
    {
    case FB_PDSA_DECISION_NONE:
      return C_("PDSA decision", "Not decided");
    case FB_PDSA_DECISION_ADOPT:
      return C_("PDSA decision", "Adopt");
    case FB_PDSA_DECISION_ADAPT:
      return C_("PDSA decision", "Adapt");
    case FB_PDSA_DECISION_ABANDON:
      return C_("PDSA decision", "Abandon");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fb_enum_get_label:
 * @enum_type: one of the model's enum types, e.g. %FB_TYPE_PROJECT_STATUS
 * @value: a value of it
 *
 * The label of any enum value the interface shows, so that a form can
 * list the choices of a field without knowing its type.
 *
 * Returns: (transfer none) (nullable): the translated label, or %NULL for an
 *   enum type without labels
 */
const char *
fb_enum_get_label (GType enum_type,
                   int   value)
{
  static const struct { GType (*get_type) (void); const char *(*get_label) (int); } labels[] = {
    { fb_project_status_get_type, (const char *(*) (int))fb_project_status_get_label },
    { fb_focus_area_get_type, (const char *(*) (int))fb_focus_area_get_label },
    { fb_value_type_get_type, (const char *(*) (int))fb_value_type_get_label },
    { fb_measure_kind_get_type, (const char *(*) (int))fb_measure_kind_get_label },
    { fb_direction_get_type, (const char *(*) (int))fb_direction_get_label },
    { fb_chart_type_get_type, (const char *(*) (int))fb_chart_type_get_label },
    { fb_frequency_get_type, (const char *(*) (int))fb_frequency_get_label },
    { fb_visibility_get_type, (const char *(*) (int))fb_visibility_get_label },
    { fb_pdsa_phase_get_type, (const char *(*) (int))fb_pdsa_phase_get_label },
    { fb_pdsa_decision_get_type, (const char *(*) (int))fb_pdsa_decision_get_label },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].get_type () == enum_type)
      return labels[i].get_label (value);

  return NULL;
}
