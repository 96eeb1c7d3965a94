/* fb-award.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-award"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-award.h"
#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-utils.h"

/**
 * FbAward:
 *
 * The organisers' decision to give a prize to a nomination.
 */
struct _FbAward
{
  FbRecord parent_instance;

  char     *round_id;
  char     *prize_id;
  char     *nomination_id;
  char     *assigned_by;
  char     *assigned_at;
};

G_DEFINE_FINAL_TYPE (FbAward, fb_award, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROUND_ID,
  PROP_PRIZE_ID,
  PROP_NOMINATION_ID,
  PROP_ASSIGNED_BY,
  PROP_ASSIGNED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_award_validate (FbRecord  *record,
                   GError   **error)
{
  FbAward *self = FB_AWARD (record);

  if (_fb_text_is_blank (self->round_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The award belongs to no prize round."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->prize_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The award names no prize. Choose the prize to give."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->nomination_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The award names no nomination. Choose the nomination that wins the prize."));
      return FALSE;
    }

  return _fb_check_timestamp (self->assigned_at, _("the time of the award"), error);
}

static void
fb_award_finalize (GObject *object)
{
  FbAward *self = (FbAward *)object;

  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->prize_id, g_free);
  g_clear_pointer (&self->nomination_id, g_free);
  g_clear_pointer (&self->assigned_by, g_free);
  g_clear_pointer (&self->assigned_at, g_free);

  G_OBJECT_CLASS (fb_award_parent_class)->finalize (object);
}

static void
fb_award_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FbAward *self = FB_AWARD (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      g_value_set_string (value, self->round_id);
      break;

    case PROP_PRIZE_ID:
      g_value_set_string (value, self->prize_id);
      break;

    case PROP_NOMINATION_ID:
      g_value_set_string (value, self->nomination_id);
      break;

    case PROP_ASSIGNED_BY:
      g_value_set_string (value, self->assigned_by);
      break;

    case PROP_ASSIGNED_AT:
      g_value_set_string (value, self->assigned_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_award_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FbAward *self = FB_AWARD (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      fb_award_set_round_id (self, g_value_get_string (value));
      break;

    case PROP_PRIZE_ID:
      fb_award_set_prize_id (self, g_value_get_string (value));
      break;

    case PROP_NOMINATION_ID:
      fb_award_set_nomination_id (self, g_value_get_string (value));
      break;

    case PROP_ASSIGNED_BY:
      fb_award_set_assigned_by (self, g_value_get_string (value));
      break;

    case PROP_ASSIGNED_AT:
      fb_award_set_assigned_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_award_class_init (FbAwardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_award_finalize;
  object_class->get_property = fb_award_get_property;
  object_class->set_property = fb_award_set_property;

  record_class->entity = "award";
  record_class->validate = fb_award_validate;

  /* The order below is the column order of the table. */

  /**
   * FbAward:round-id:
   *
   * The id of the prize round.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_string ("round-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAward:prize-id:
   *
   * The id of the prize given.
   */
  properties[PROP_PRIZE_ID] =
    g_param_spec_string ("prize-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAward:nomination-id:
   *
   * The id of the nomination that wins it.
   */
  properties[PROP_NOMINATION_ID] =
    g_param_spec_string ("nomination-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAward:assigned-by:
   *
   * The id of the organiser who assigned the prize.
   */
  properties[PROP_ASSIGNED_BY] =
    g_param_spec_string ("assigned-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAward:assigned-at:
   *
   * When the prize was assigned, ISO 8601.
   */
  properties[PROP_ASSIGNED_AT] =
    g_param_spec_string ("assigned-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_award_init (FbAward *self)
{
}

/**
 * fb_award_new:
 * @id: (nullable): the award's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new award with default values
 */
FbAward *
fb_award_new (const char *id)
{
  return (FbAward *)fb_record_new (FB_TYPE_AWARD, id);
}

/**
 * fb_award_get_round_id:
 * @self: a #FbAward
 *
 * Returns: (nullable): the id of the prize round
 */
const char *
fb_award_get_round_id (FbAward *self)
{
  g_return_val_if_fail (FB_IS_AWARD (self), NULL);

  return self->round_id;
}

/**
 * fb_award_set_round_id:
 * @self: a #FbAward
 * @round_id: (nullable): the new id of the prize round
 */
void
fb_award_set_round_id (FbAward    *self,
                       const char *round_id)
{
  g_return_if_fail (FB_IS_AWARD (self));

  if (fb_set_str (&self->round_id, round_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/**
 * fb_award_get_prize_id:
 * @self: a #FbAward
 *
 * Returns: (nullable): the id of the prize
 */
const char *
fb_award_get_prize_id (FbAward *self)
{
  g_return_val_if_fail (FB_IS_AWARD (self), NULL);

  return self->prize_id;
}

/**
 * fb_award_set_prize_id:
 * @self: a #FbAward
 * @prize_id: (nullable): the new id of the prize
 */
void
fb_award_set_prize_id (FbAward    *self,
                       const char *prize_id)
{
  g_return_if_fail (FB_IS_AWARD (self));

  if (fb_set_str (&self->prize_id, prize_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIZE_ID]);
}

/**
 * fb_award_get_nomination_id:
 * @self: a #FbAward
 *
 * Returns: (nullable): the id of the nomination
 */
const char *
fb_award_get_nomination_id (FbAward *self)
{
  g_return_val_if_fail (FB_IS_AWARD (self), NULL);

  return self->nomination_id;
}

/**
 * fb_award_set_nomination_id:
 * @self: a #FbAward
 * @nomination_id: (nullable): the new id of the nomination
 */
void
fb_award_set_nomination_id (FbAward    *self,
                            const char *nomination_id)
{
  g_return_if_fail (FB_IS_AWARD (self));

  if (fb_set_str (&self->nomination_id, nomination_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOMINATION_ID]);
}

/**
 * fb_award_get_assigned_by:
 * @self: a #FbAward
 *
 * Returns: (nullable): the id of the organiser who assigned it
 */
const char *
fb_award_get_assigned_by (FbAward *self)
{
  g_return_val_if_fail (FB_IS_AWARD (self), NULL);

  return self->assigned_by;
}

/**
 * fb_award_set_assigned_by:
 * @self: a #FbAward
 * @assigned_by: (nullable): the new id of the organiser who assigned it
 */
void
fb_award_set_assigned_by (FbAward    *self,
                          const char *assigned_by)
{
  g_return_if_fail (FB_IS_AWARD (self));

  if (fb_set_str (&self->assigned_by, assigned_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_BY]);
}

/**
 * fb_award_get_assigned_at:
 * @self: a #FbAward
 *
 * Returns: (nullable): the time of the assignment
 */
const char *
fb_award_get_assigned_at (FbAward *self)
{
  g_return_val_if_fail (FB_IS_AWARD (self), NULL);

  return self->assigned_at;
}

/**
 * fb_award_set_assigned_at:
 * @self: a #FbAward
 * @assigned_at: (nullable): the new time of the assignment
 */
void
fb_award_set_assigned_at (FbAward    *self,
                          const char *assigned_at)
{
  g_return_if_fail (FB_IS_AWARD (self));

  if (fb_set_str (&self->assigned_at, assigned_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_AT]);
}
