/* fb-data-point.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-data-point"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fb-data-point.h"
#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-utils.h"

/**
 * FbDataPoint:
 *
 * One period of a measure: a value (the numerator of a proportion or rate),
 * its denominator and a note. A missing value is kept as a gap.
 */
struct _FbDataPoint
{
  FbRecord  parent_instance;

  char     *measure_id;
  char     *period;
  double    value;
  double    denominator;
  char     *note;
  gboolean  excluded;
  char     *exclude_reason;
};

G_DEFINE_FINAL_TYPE (FbDataPoint, fb_data_point, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MEASURE_ID,
  PROP_PERIOD,
  PROP_VALUE,
  PROP_DENOMINATOR,
  PROP_NOTE,
  PROP_EXCLUDED,
  PROP_EXCLUDE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_data_point_validate (FbRecord  *record,
                        GError   **error)
{
  FbDataPoint *self = FB_DATA_POINT (record);

  if (_fb_text_is_blank (self->measure_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The data point belongs to no measure. Add it from the measure "
                             "it is a value of."));
      return FALSE;
    }

  if (self->period == NULL)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The data point has no date. Enter the first day of its period "
                             "as YYYY-MM-DD, e.g. 2026-03-01."));
      return FALSE;
    }

  if (!fb_date_is_valid (self->period))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The date “%s” is not a valid date. Enter it as YYYY-MM-DD, "
                     "e.g. 2026-03-01."),
                   self->period);
      return FALSE;
    }

  if (!isnan (self->value) && !isfinite (self->value))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The value is not a number. Enter a number, or leave it empty "
                             "for a missing period."));
      return FALSE;
    }

  if (!isnan (self->denominator) &&
      !(isfinite (self->denominator) && self->denominator > 0))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The denominator must be greater than zero. Enter the number "
                             "of patients or days, or leave it empty."));
      return FALSE;
    }

  return TRUE;
}

static void
fb_data_point_finalize (GObject *object)
{
  FbDataPoint *self = (FbDataPoint *)object;

  g_clear_pointer (&self->measure_id, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->exclude_reason, g_free);

  G_OBJECT_CLASS (fb_data_point_parent_class)->finalize (object);
}

static void
fb_data_point_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FbDataPoint *self = FB_DATA_POINT (object);

  switch (prop_id)
    {
    case PROP_MEASURE_ID:
      g_value_set_string (value, self->measure_id);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_DENOMINATOR:
      g_value_set_double (value, self->denominator);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_EXCLUDED:
      g_value_set_boolean (value, self->excluded);
      break;

    case PROP_EXCLUDE_REASON:
      g_value_set_string (value, self->exclude_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_data_point_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FbDataPoint *self = FB_DATA_POINT (object);

  switch (prop_id)
    {
    case PROP_MEASURE_ID:
      fb_data_point_set_measure_id (self, g_value_get_string (value));
      break;

    case PROP_PERIOD:
      fb_data_point_set_period (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      fb_data_point_set_value (self, g_value_get_double (value));
      break;

    case PROP_DENOMINATOR:
      fb_data_point_set_denominator (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      fb_data_point_set_note (self, g_value_get_string (value));
      break;

    case PROP_EXCLUDED:
      fb_data_point_set_excluded (self, g_value_get_boolean (value));
      break;

    case PROP_EXCLUDE_REASON:
      fb_data_point_set_exclude_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_data_point_class_init (FbDataPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_data_point_finalize;
  object_class->get_property = fb_data_point_get_property;
  object_class->set_property = fb_data_point_set_property;

  record_class->entity = "data_point";
  record_class->validate = fb_data_point_validate;

  /* The order below is the column order of the table. */

  /**
   * FbDataPoint:measure-id:
   *
   * The id of the measure the point belongs to.
   */
  properties[PROP_MEASURE_ID] =
    g_param_spec_string ("measure-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbDataPoint:period:
   *
   * The first day of the period (or the day of the event), as YYYY-MM-DD.
   */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbDataPoint:value:
   *
   * The value, or NAN for a missing period.
   */
  properties[PROP_VALUE] =
    _fb_param_spec_optional_double ("value",
                                    (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS));

  /**
   * FbDataPoint:denominator:
   *
   * The denominator of a proportion or rate, or NAN for none.
   */
  properties[PROP_DENOMINATOR] =
    _fb_param_spec_optional_double ("denominator",
                                    (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS));

  /**
   * FbDataPoint:note:
   *
   * A note on the period, e.g. which PDSA cycle started.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbDataPoint:excluded:
   *
   * Whether the point is left out of the chart's calculations.
   */
  properties[PROP_EXCLUDED] =
    g_param_spec_boolean ("excluded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbDataPoint:exclude-reason:
   *
   * Why the point is excluded.
   */
  properties[PROP_EXCLUDE_REASON] =
    g_param_spec_string ("exclude-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_data_point_init (FbDataPoint *self)
{
  self->value = NAN;
  self->denominator = NAN;
}

/**
 * fb_data_point_new:
 * @id: (nullable): the data point's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new data point with default values
 */
FbDataPoint *
fb_data_point_new (const char *id)
{
  return (FbDataPoint *)fb_record_new (FB_TYPE_DATA_POINT, id);
}

/**
 * fb_data_point_get_measure_id:
 * @self: a #FbDataPoint
 *
 * Returns: (nullable): the id of the measure
 */
const char *
fb_data_point_get_measure_id (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), NULL);

  return self->measure_id;
}

/**
 * fb_data_point_set_measure_id:
 * @self: a #FbDataPoint
 * @measure_id: (nullable): the new id of the measure
 */
void
fb_data_point_set_measure_id (FbDataPoint *self,
                              const char  *measure_id)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  if (fb_set_str (&self->measure_id, measure_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_ID]);
}

/**
 * fb_data_point_get_period:
 * @self: a #FbDataPoint
 *
 * Returns: (nullable): the period
 */
const char *
fb_data_point_get_period (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), NULL);

  return self->period;
}

/**
 * fb_data_point_set_period:
 * @self: a #FbDataPoint
 * @period: (nullable): the new period
 */
void
fb_data_point_set_period (FbDataPoint *self,
                          const char  *period)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  if (fb_set_str (&self->period, period))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * fb_data_point_get_value:
 * @self: a #FbDataPoint
 *
 * Returns: the value, or NAN when missing
 */
double
fb_data_point_get_value (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), NAN);

  return self->value;
}

/**
 * fb_data_point_set_value:
 * @self: a #FbDataPoint
 * @value: the new value, or NAN when missing
 */
void
fb_data_point_set_value (FbDataPoint *self,
                         double       value)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  if (fb_set_double (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * fb_data_point_get_denominator:
 * @self: a #FbDataPoint
 *
 * Returns: the denominator, or NAN
 */
double
fb_data_point_get_denominator (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), NAN);

  return self->denominator;
}

/**
 * fb_data_point_set_denominator:
 * @self: a #FbDataPoint
 * @denominator: the new denominator, or NAN
 */
void
fb_data_point_set_denominator (FbDataPoint *self,
                               double       denominator)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  if (fb_set_double (&self->denominator, denominator))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DENOMINATOR]);
}

/**
 * fb_data_point_get_note:
 * @self: a #FbDataPoint
 *
 * Returns: (nullable): the note
 */
const char *
fb_data_point_get_note (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), NULL);

  return self->note;
}

/**
 * fb_data_point_set_note:
 * @self: a #FbDataPoint
 * @note: (nullable): the new note
 */
void
fb_data_point_set_note (FbDataPoint *self,
                        const char  *note)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  if (fb_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * fb_data_point_get_excluded:
 * @self: a #FbDataPoint
 *
 * Returns: %TRUE if the point is excluded
 */
gboolean
fb_data_point_get_excluded (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), FALSE);

  return self->excluded;
}

/**
 * fb_data_point_set_excluded:
 * @self: a #FbDataPoint
 * @excluded: whether the point is excluded
 */
void
fb_data_point_set_excluded (FbDataPoint *self,
                            gboolean     excluded)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  excluded = !!excluded;
  if (self->excluded == excluded)
    return;

  self->excluded = excluded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUDED]);
}

/**
 * fb_data_point_get_exclude_reason:
 * @self: a #FbDataPoint
 *
 * Returns: (nullable): the reason for excluding the point
 */
const char *
fb_data_point_get_exclude_reason (FbDataPoint *self)
{
  g_return_val_if_fail (FB_IS_DATA_POINT (self), NULL);

  return self->exclude_reason;
}

/**
 * fb_data_point_set_exclude_reason:
 * @self: a #FbDataPoint
 * @exclude_reason: (nullable): the new reason for excluding the point
 */
void
fb_data_point_set_exclude_reason (FbDataPoint *self,
                                  const char  *exclude_reason)
{
  g_return_if_fail (FB_IS_DATA_POINT (self));

  if (fb_set_str (&self->exclude_reason, exclude_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUDE_REASON]);
}
