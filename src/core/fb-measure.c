/* fb-measure.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-measure"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-measure.h"
#include "fb-model-private.h"
#include "fb-utils.h"

/**
 * FbMeasure:
 *
 * A measure of a project: what is counted, how it is plotted and which way is
 * better. Its values are #FbDataPoint records.
 */
struct _FbMeasure
{
  FbRecord        parent_instance;

  char           *project_id;
  char           *name;
  char           *definition;
  FbMeasureKind   kind;
  FbValueType     value_type;
  char           *unit;
  double          rate_multiplier;
  FbDirection     improvement_direction;
  double          target;
  FbChartType     chart_type;
  FbFrequency     frequency;
  guint           baseline_points;
  char          **phase_starts;
  char           *data_source;
};

G_DEFINE_FINAL_TYPE (FbMeasure, fb_measure, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PROJECT_ID,
  PROP_NAME,
  PROP_DEFINITION,
  PROP_KIND,
  PROP_VALUE_TYPE,
  PROP_UNIT,
  PROP_RATE_MULTIPLIER,
  PROP_IMPROVEMENT_DIRECTION,
  PROP_TARGET,
  PROP_CHART_TYPE,
  PROP_FREQUENCY,
  PROP_BASELINE_POINTS,
  PROP_PHASE_STARTS,
  PROP_DATA_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_measure_validate (FbRecord  *record,
                     GError   **error)
{
  FbMeasure *self = FB_MEASURE (record);

  if (_fb_text_is_blank (self->name))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The measure has no name. Enter what is measured, "
                             "e.g. “Falls per 1000 bed days”."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->project_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The measure belongs to no project. Add it from the project "
                             "it measures."));
      return FALSE;
    }

  if (self->value_type == FB_VALUE_TYPE_RATE && isnan (self->rate_multiplier))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A rate needs a multiplier. Enter e.g. 1000 for "
                             "“per 1000 bed days”."));
      return FALSE;
    }

  if (!isnan (self->rate_multiplier) &&
      !(isfinite (self->rate_multiplier) && self->rate_multiplier > 0))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The rate multiplier must be a number greater than zero, "
                             "e.g. 1000 for “per 1000 bed days”."));
      return FALSE;
    }

  if (!isnan (self->target) && !isfinite (self->target))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The target is not a number. Enter a number or leave the "
                             "target empty."));
      return FALSE;
    }

  for (guint i = 0; self->phase_starts != NULL && self->phase_starts[i] != NULL; i++)
    {
      if (!fb_date_is_valid (self->phase_starts[i]))
        {
          g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                       _("The phase start “%s” is not a valid date. Enter it as YYYY-MM-DD, "
                         "e.g. 2026-03-01."),
                       self->phase_starts[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
fb_measure_finalize (GObject *object)
{
  FbMeasure *self = (FbMeasure *)object;

  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->definition, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->phase_starts, g_strfreev);
  g_clear_pointer (&self->data_source, g_free);

  G_OBJECT_CLASS (fb_measure_parent_class)->finalize (object);
}

static void
fb_measure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FbMeasure *self = FB_MEASURE (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      g_value_set_string (value, self->project_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_VALUE_TYPE:
      g_value_set_enum (value, self->value_type);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_RATE_MULTIPLIER:
      g_value_set_double (value, self->rate_multiplier);
      break;

    case PROP_IMPROVEMENT_DIRECTION:
      g_value_set_enum (value, self->improvement_direction);
      break;

    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;

    case PROP_CHART_TYPE:
      g_value_set_enum (value, self->chart_type);
      break;

    case PROP_FREQUENCY:
      g_value_set_enum (value, self->frequency);
      break;

    case PROP_BASELINE_POINTS:
      g_value_set_uint (value, self->baseline_points);
      break;

    case PROP_PHASE_STARTS:
      g_value_set_boxed (value, self->phase_starts);
      break;

    case PROP_DATA_SOURCE:
      g_value_set_string (value, self->data_source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_measure_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FbMeasure *self = FB_MEASURE (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      fb_measure_set_project_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fb_measure_set_name (self, g_value_get_string (value));
      break;

    case PROP_DEFINITION:
      fb_measure_set_definition (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      fb_measure_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_VALUE_TYPE:
      fb_measure_set_value_type (self, g_value_get_enum (value));
      break;

    case PROP_UNIT:
      fb_measure_set_unit (self, g_value_get_string (value));
      break;

    case PROP_RATE_MULTIPLIER:
      fb_measure_set_rate_multiplier (self, g_value_get_double (value));
      break;

    case PROP_IMPROVEMENT_DIRECTION:
      fb_measure_set_improvement_direction (self, g_value_get_enum (value));
      break;

    case PROP_TARGET:
      fb_measure_set_target (self, g_value_get_double (value));
      break;

    case PROP_CHART_TYPE:
      fb_measure_set_chart_type (self, g_value_get_enum (value));
      break;

    case PROP_FREQUENCY:
      fb_measure_set_frequency (self, g_value_get_enum (value));
      break;

    case PROP_BASELINE_POINTS:
      fb_measure_set_baseline_points (self, g_value_get_uint (value));
      break;

    case PROP_PHASE_STARTS:
      fb_measure_set_phase_starts (self, g_value_get_boxed (value));
      break;

    case PROP_DATA_SOURCE:
      fb_measure_set_data_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_measure_class_init (FbMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_measure_finalize;
  object_class->get_property = fb_measure_get_property;
  object_class->set_property = fb_measure_set_property;

  record_class->entity = "measure";
  record_class->validate = fb_measure_validate;

  /* The order below is the column order of the table. */

  /**
   * FbMeasure:project-id:
   *
   * The id of the project the measure belongs to.
   */
  properties[PROP_PROJECT_ID] =
    g_param_spec_string ("project-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:name:
   *
   * The name, e.g. "Fall per 1000 liggedøgn".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:definition:
   *
   * The numerator and denominator in words.
   */
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:kind:
   *
   * Whether this is an outcome, process or balancing measure.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       FB_TYPE_MEASURE_KIND, FB_MEASURE_KIND_OUTCOME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:value-type:
   *
   * What a value is: a count, a proportion, a rate or a continuous value.
   */
  properties[PROP_VALUE_TYPE] =
    g_param_spec_enum ("value-type", NULL, NULL,
                       FB_TYPE_VALUE_TYPE, FB_VALUE_TYPE_PROPORTION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:unit:
   *
   * The unit shown with values, e.g. "%" or "per 1000 liggedøgn".
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:rate-multiplier:
   *
   * For a rate, what the ratio is multiplied by (1000 for "per 1000 bed days"); NAN when unset.
   */
  properties[PROP_RATE_MULTIPLIER] =
    _fb_param_spec_optional_double ("rate-multiplier",
                                    (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:improvement-direction:
   *
   * Whether higher or lower values are better.
   */
  properties[PROP_IMPROVEMENT_DIRECTION] =
    g_param_spec_enum ("improvement-direction", NULL, NULL,
                       FB_TYPE_DIRECTION, FB_DIRECTION_UP,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:target:
   *
   * The target in plotted units (a fraction 0–1 for a proportion), or NAN for none.
   */
  properties[PROP_TARGET] =
    _fb_param_spec_optional_double ("target",
                                    (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:chart-type:
   *
   * The kind of chart the measure is shown on.
   */
  properties[PROP_CHART_TYPE] =
    g_param_spec_enum ("chart-type", NULL, NULL,
                       FB_TYPE_CHART_TYPE, FB_CHART_TYPE_RUN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:frequency:
   *
   * How often a value is recorded.
   */
  properties[PROP_FREQUENCY] =
    g_param_spec_enum ("frequency", NULL, NULL,
                       FB_TYPE_FREQUENCY, FB_FREQUENCY_MONTH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:baseline-points:
   *
   * The number of points after which the centre line is frozen, or 0 for none.
   */
  properties[PROP_BASELINE_POINTS] =
    g_param_spec_uint ("baseline-points", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:phase-starts:
   *
   * The dates (YYYY-MM-DD) on which a new phase of the chart begins.
   */
  properties[PROP_PHASE_STARTS] =
    g_param_spec_boxed ("phase-starts", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbMeasure:data-source:
   *
   * Where the data come from.
   */
  properties[PROP_DATA_SOURCE] =
    g_param_spec_string ("data-source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_measure_init (FbMeasure *self)
{
  self->value_type = FB_VALUE_TYPE_PROPORTION;
  self->rate_multiplier = NAN;
  self->target = NAN;
  self->frequency = FB_FREQUENCY_MONTH;
}

/**
 * fb_measure_new:
 * @id: (nullable): the measure's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new measure with default values
 */
FbMeasure *
fb_measure_new (const char *id)
{
  return (FbMeasure *)fb_record_new (FB_TYPE_MEASURE, id);
}

/**
 * fb_measure_get_project_id:
 * @self: a #FbMeasure
 *
 * Returns: (nullable): the id of the project
 */
const char *
fb_measure_get_project_id (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NULL);

  return self->project_id;
}

/**
 * fb_measure_set_project_id:
 * @self: a #FbMeasure
 * @project_id: (nullable): the new id of the project
 */
void
fb_measure_set_project_id (FbMeasure  *self,
                           const char *project_id)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_str (&self->project_id, project_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}

/**
 * fb_measure_get_name:
 * @self: a #FbMeasure
 *
 * Returns: (nullable): the name
 */
const char *
fb_measure_get_name (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NULL);

  return self->name;
}

/**
 * fb_measure_set_name:
 * @self: a #FbMeasure
 * @name: (nullable): the new name
 */
void
fb_measure_set_name (FbMeasure  *self,
                     const char *name)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * fb_measure_get_definition:
 * @self: a #FbMeasure
 *
 * Returns: (nullable): the definition
 */
const char *
fb_measure_get_definition (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NULL);

  return self->definition;
}

/**
 * fb_measure_set_definition:
 * @self: a #FbMeasure
 * @definition: (nullable): the new definition
 */
void
fb_measure_set_definition (FbMeasure  *self,
                           const char *definition)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_str (&self->definition, definition))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFINITION]);
}

/**
 * fb_measure_get_kind:
 * @self: a #FbMeasure
 *
 * Returns: the kind of measure
 */
FbMeasureKind
fb_measure_get_kind (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 0);

  return self->kind;
}

/**
 * fb_measure_set_kind:
 * @self: a #FbMeasure
 * @kind: the new kind of measure
 */
void
fb_measure_set_kind (FbMeasure     *self,
                     FbMeasureKind  kind)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * fb_measure_get_value_type:
 * @self: a #FbMeasure
 *
 * Returns: the value type
 */
FbValueType
fb_measure_get_value_type (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 0);

  return self->value_type;
}

/**
 * fb_measure_set_value_type:
 * @self: a #FbMeasure
 * @value_type: the new value type
 */
void
fb_measure_set_value_type (FbMeasure   *self,
                           FbValueType  value_type)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (self->value_type == value_type)
    return;

  self->value_type = value_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TYPE]);
}

/**
 * fb_measure_get_unit:
 * @self: a #FbMeasure
 *
 * Returns: (nullable): the unit
 */
const char *
fb_measure_get_unit (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NULL);

  return self->unit;
}

/**
 * fb_measure_set_unit:
 * @self: a #FbMeasure
 * @unit: (nullable): the new unit
 */
void
fb_measure_set_unit (FbMeasure  *self,
                     const char *unit)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_str (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * fb_measure_get_rate_multiplier:
 * @self: a #FbMeasure
 *
 * Returns: the rate multiplier, or NAN
 */
double
fb_measure_get_rate_multiplier (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NAN);

  return self->rate_multiplier;
}

/**
 * fb_measure_set_rate_multiplier:
 * @self: a #FbMeasure
 * @rate_multiplier: the new rate multiplier, or NAN
 */
void
fb_measure_set_rate_multiplier (FbMeasure *self,
                                double     rate_multiplier)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_double (&self->rate_multiplier, rate_multiplier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_MULTIPLIER]);
}

/**
 * fb_measure_get_improvement_direction:
 * @self: a #FbMeasure
 *
 * Returns: the direction of improvement
 */
FbDirection
fb_measure_get_improvement_direction (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 0);

  return self->improvement_direction;
}

/**
 * fb_measure_set_improvement_direction:
 * @self: a #FbMeasure
 * @improvement_direction: the new direction of improvement
 */
void
fb_measure_set_improvement_direction (FbMeasure   *self,
                                      FbDirection  improvement_direction)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (self->improvement_direction == improvement_direction)
    return;

  self->improvement_direction = improvement_direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPROVEMENT_DIRECTION]);
}

/**
 * fb_measure_get_target:
 * @self: a #FbMeasure
 *
 * Returns: the target, or NAN
 */
double
fb_measure_get_target (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NAN);

  return self->target;
}

/**
 * fb_measure_set_target:
 * @self: a #FbMeasure
 * @target: the new target, or NAN
 */
void
fb_measure_set_target (FbMeasure *self,
                       double     target)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_double (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/**
 * fb_measure_get_chart_type:
 * @self: a #FbMeasure
 *
 * Returns: the chart type
 */
FbChartType
fb_measure_get_chart_type (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 0);

  return self->chart_type;
}

/**
 * fb_measure_set_chart_type:
 * @self: a #FbMeasure
 * @chart_type: the new chart type
 */
void
fb_measure_set_chart_type (FbMeasure   *self,
                           FbChartType  chart_type)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (self->chart_type == chart_type)
    return;

  self->chart_type = chart_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_TYPE]);
}

/**
 * fb_measure_get_frequency:
 * @self: a #FbMeasure
 *
 * Returns: the frequency
 */
FbFrequency
fb_measure_get_frequency (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 0);

  return self->frequency;
}

/**
 * fb_measure_set_frequency:
 * @self: a #FbMeasure
 * @frequency: the new frequency
 */
void
fb_measure_set_frequency (FbMeasure   *self,
                          FbFrequency  frequency)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (self->frequency == frequency)
    return;

  self->frequency = frequency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQUENCY]);
}

/**
 * fb_measure_get_baseline_points:
 * @self: a #FbMeasure
 *
 * Returns: the number of baseline points
 */
guint
fb_measure_get_baseline_points (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 0);

  return self->baseline_points;
}

/**
 * fb_measure_set_baseline_points:
 * @self: a #FbMeasure
 * @baseline_points: the new number of baseline points
 */
void
fb_measure_set_baseline_points (FbMeasure *self,
                                guint      baseline_points)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (self->baseline_points == baseline_points)
    return;

  self->baseline_points = baseline_points;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_POINTS]);
}

/**
 * fb_measure_get_phase_starts:
 * @self: a #FbMeasure
 *
 * Returns: (nullable) (array zero-terminated=1): the dates where phases start
 */
const char * const *
fb_measure_get_phase_starts (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NULL);

  return (const char * const *)self->phase_starts;
}

/**
 * fb_measure_set_phase_starts:
 * @self: a #FbMeasure
 * @phase_starts: (nullable) (array zero-terminated=1): the new dates where phases start
 */
void
fb_measure_set_phase_starts (FbMeasure          *self,
                             const char * const *phase_starts)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_strv (&self->phase_starts, phase_starts))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_STARTS]);
}

/**
 * fb_measure_get_data_source:
 * @self: a #FbMeasure
 *
 * Returns: (nullable): the data source
 */
const char *
fb_measure_get_data_source (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), NULL);

  return self->data_source;
}

/**
 * fb_measure_set_data_source:
 * @self: a #FbMeasure
 * @data_source: (nullable): the new data source
 */
void
fb_measure_set_data_source (FbMeasure  *self,
                            const char *data_source)
{
  g_return_if_fail (FB_IS_MEASURE (self));

  if (fb_set_str (&self->data_source, data_source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_SOURCE]);
}

/**
 * fb_measure_value_type_has_denominator:
 * @value_type: a #FbValueType
 *
 * Returns: %TRUE if values of this type are a numerator over a denominator
 *   (proportions and rates)
 */
gboolean
fb_measure_value_type_has_denominator (FbValueType value_type)
{
  return value_type == FB_VALUE_TYPE_PROPORTION || value_type == FB_VALUE_TYPE_RATE;
}

/**
 * fb_measure_get_display_multiplier:
 * @self: a #FbMeasure
 *
 * Gets what a plotted ratio is multiplied by for display: 100 for a
 * proportion shown as a percentage, the rate multiplier for a rate and 1
 * otherwise (also for a rate without a valid multiplier).
 *
 * Returns: the display multiplier
 */
double
fb_measure_get_display_multiplier (FbMeasure *self)
{
  g_return_val_if_fail (FB_IS_MEASURE (self), 1.0);

  switch (self->value_type)
    {
    case FB_VALUE_TYPE_PROPORTION:
      return 100.0;

    case FB_VALUE_TYPE_RATE:
      if (isfinite (self->rate_multiplier) && self->rate_multiplier > 0)
        return self->rate_multiplier;
      return 1.0;

    case FB_VALUE_TYPE_COUNT:
    case FB_VALUE_TYPE_CONTINUOUS:
    default:
      return 1.0;
    }
}
