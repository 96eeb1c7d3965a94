/* fb-criterion.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-criterion"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fb-criterion.h"
#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-utils.h"

/**
 * FbCriterion:
 *
 * One criterion the panel scores nominations on, with its weight and scale.
 */
struct _FbCriterion
{
  FbRecord parent_instance;

  char     *round_id;
  int      position;
  char     *name;
  char     *description;
  double   weight;
  int      scale_min;
  int      scale_max;
};

G_DEFINE_FINAL_TYPE (FbCriterion, fb_criterion, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROUND_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_WEIGHT,
  PROP_SCALE_MIN,
  PROP_SCALE_MAX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_criterion_validate (FbRecord  *record,
                       GError   **error)
{
  FbCriterion *self = FB_CRITERION (record);

  if (_fb_text_is_blank (self->round_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The criterion belongs to no prize round."));
      return FALSE;
    }

  if (self->position < 1)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A criterion’s position is 1 for the first criterion, 2 for "
                             "the next, and so on."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->name))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The criterion has no name. Enter one, "
                             "e.g. “Nytte for pasientene”."));
      return FALSE;
    }

  if (!isfinite (self->weight) || self->weight <= 0)
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The criterion “%s” needs a weight above zero."), self->name);
      return FALSE;
    }

  if (self->scale_min >= self->scale_max)
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The scale of the criterion “%s” runs from %d to %d. The lowest "
                     "value must be below the highest."),
                   self->name, self->scale_min, self->scale_max);
      return FALSE;
    }

  return TRUE;
}

static void
fb_criterion_finalize (GObject *object)
{
  FbCriterion *self = (FbCriterion *)object;

  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (fb_criterion_parent_class)->finalize (object);
}

static void
fb_criterion_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FbCriterion *self = FB_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      g_value_set_string (value, self->round_id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;

    case PROP_SCALE_MIN:
      g_value_set_int (value, self->scale_min);
      break;

    case PROP_SCALE_MAX:
      g_value_set_int (value, self->scale_max);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_criterion_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FbCriterion *self = FB_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      fb_criterion_set_round_id (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      fb_criterion_set_position (self, g_value_get_int (value));
      break;

    case PROP_NAME:
      fb_criterion_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      fb_criterion_set_description (self, g_value_get_string (value));
      break;

    case PROP_WEIGHT:
      fb_criterion_set_weight (self, g_value_get_double (value));
      break;

    case PROP_SCALE_MIN:
      fb_criterion_set_scale_min (self, g_value_get_int (value));
      break;

    case PROP_SCALE_MAX:
      fb_criterion_set_scale_max (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_criterion_class_init (FbCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_criterion_finalize;
  object_class->get_property = fb_criterion_get_property;
  object_class->set_property = fb_criterion_set_property;

  record_class->entity = "criterion";
  record_class->validate = fb_criterion_validate;

  /* The order below is the column order of the table. */

  /**
   * FbCriterion:round-id:
   *
   * The id of the prize round.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_string ("round-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbCriterion:position:
   *
   * The position on the scoring form: 1 for the first.
   */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      0, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbCriterion:name:
   *
   * The name, e.g. "Nytte for pasientene".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbCriterion:description:
   *
   * The question the panel answers with its score.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbCriterion:weight:
   *
   * The weight in the total score, in percent in the sample data; only
   * the ratios between criteria matter.
   */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbCriterion:scale-min:
   *
   * The lowest value on the scale.
   */
  properties[PROP_SCALE_MIN] =
    g_param_spec_int ("scale-min", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbCriterion:scale-max:
   *
   * The highest value on the scale.
   */
  properties[PROP_SCALE_MAX] =
    g_param_spec_int ("scale-max", NULL, NULL,
                      G_MININT, G_MAXINT, 6,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_criterion_init (FbCriterion *self)
{
  self->position = 1;
  self->weight = 1.0;
  self->scale_min = 1;
  self->scale_max = 6;
}

/**
 * fb_criterion_new:
 * @id: (nullable): the criterion's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new criterion with default values
 */
FbCriterion *
fb_criterion_new (const char *id)
{
  return (FbCriterion *)fb_record_new (FB_TYPE_CRITERION, id);
}

/**
 * fb_criterion_get_round_id:
 * @self: a #FbCriterion
 *
 * Returns: (nullable): the id of the prize round
 */
const char *
fb_criterion_get_round_id (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), NULL);

  return self->round_id;
}

/**
 * fb_criterion_set_round_id:
 * @self: a #FbCriterion
 * @round_id: (nullable): the new id of the prize round
 */
void
fb_criterion_set_round_id (FbCriterion *self,
                           const char  *round_id)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (fb_set_str (&self->round_id, round_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/**
 * fb_criterion_get_position:
 * @self: a #FbCriterion
 *
 * Returns: the position
 */
int
fb_criterion_get_position (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), 0);

  return self->position;
}

/**
 * fb_criterion_set_position:
 * @self: a #FbCriterion
 * @position: the new position
 */
void
fb_criterion_set_position (FbCriterion *self,
                           int          position)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/**
 * fb_criterion_get_name:
 * @self: a #FbCriterion
 *
 * Returns: (nullable): the name
 */
const char *
fb_criterion_get_name (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), NULL);

  return self->name;
}

/**
 * fb_criterion_set_name:
 * @self: a #FbCriterion
 * @name: (nullable): the new name
 */
void
fb_criterion_set_name (FbCriterion *self,
                       const char  *name)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (fb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * fb_criterion_get_description:
 * @self: a #FbCriterion
 *
 * Returns: (nullable): the description
 */
const char *
fb_criterion_get_description (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), NULL);

  return self->description;
}

/**
 * fb_criterion_set_description:
 * @self: a #FbCriterion
 * @description: (nullable): the new description
 */
void
fb_criterion_set_description (FbCriterion *self,
                              const char  *description)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (fb_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * fb_criterion_get_weight:
 * @self: a #FbCriterion
 *
 * Returns: the weight
 */
double
fb_criterion_get_weight (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), NAN);

  return self->weight;
}

/**
 * fb_criterion_set_weight:
 * @self: a #FbCriterion
 * @weight: the new weight
 */
void
fb_criterion_set_weight (FbCriterion *self,
                         double       weight)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (fb_set_double (&self->weight, weight))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

/**
 * fb_criterion_get_scale_min:
 * @self: a #FbCriterion
 *
 * Returns: the lowest value on the scale
 */
int
fb_criterion_get_scale_min (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), 0);

  return self->scale_min;
}

/**
 * fb_criterion_set_scale_min:
 * @self: a #FbCriterion
 * @scale_min: the new lowest value on the scale
 */
void
fb_criterion_set_scale_min (FbCriterion *self,
                            int          scale_min)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (self->scale_min == scale_min)
    return;

  self->scale_min = scale_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_MIN]);
}

/**
 * fb_criterion_get_scale_max:
 * @self: a #FbCriterion
 *
 * Returns: the highest value on the scale
 */
int
fb_criterion_get_scale_max (FbCriterion *self)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), 0);

  return self->scale_max;
}

/**
 * fb_criterion_set_scale_max:
 * @self: a #FbCriterion
 * @scale_max: the new highest value on the scale
 */
void
fb_criterion_set_scale_max (FbCriterion *self,
                            int          scale_max)
{
  g_return_if_fail (FB_IS_CRITERION (self));

  if (self->scale_max == scale_max)
    return;

  self->scale_max = scale_max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_MAX]);
}

/**
 * fb_criterion_value_in_scale:
 * @self: a #FbCriterion
 * @value: a panel member's value for the criterion
 *
 * Returns: %TRUE if @value lies on the criterion's scale, ends included
 */
gboolean
fb_criterion_value_in_scale (FbCriterion *self,
                             int          value)
{
  g_return_val_if_fail (FB_IS_CRITERION (self), FALSE);

  return value >= self->scale_min && value <= self->scale_max;
}
