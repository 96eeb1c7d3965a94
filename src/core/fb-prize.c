/* fb-prize.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-prize"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-prize.h"
#include "fb-utils.h"

/**
 * FbPrize:
 *
 * One prize of a prize round: its rank, title and amount.
 */
struct _FbPrize
{
  FbRecord parent_instance;

  char     *round_id;
  int      rank;
  char     *title;
  gint64   amount;
};

G_DEFINE_FINAL_TYPE (FbPrize, fb_prize, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROUND_ID,
  PROP_RANK,
  PROP_TITLE,
  PROP_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_prize_validate (FbRecord  *record,
                   GError   **error)
{
  FbPrize *self = FB_PRIZE (record);

  if (_fb_text_is_blank (self->round_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The prize belongs to no prize round."));
      return FALSE;
    }

  if (self->rank < 1)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A prize’s rank is 1 for the first prize, 2 for the next, "
                             "and so on."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->title))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The prize has no title. Enter one, e.g. “Hovedpris”."));
      return FALSE;
    }

  if (self->amount < 0)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A prize’s amount cannot be negative."));
      return FALSE;
    }

  return TRUE;
}

static void
fb_prize_finalize (GObject *object)
{
  FbPrize *self = (FbPrize *)object;

  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (fb_prize_parent_class)->finalize (object);
}

static void
fb_prize_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FbPrize *self = FB_PRIZE (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      g_value_set_string (value, self->round_id);
      break;

    case PROP_RANK:
      g_value_set_int (value, self->rank);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_prize_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FbPrize *self = FB_PRIZE (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      fb_prize_set_round_id (self, g_value_get_string (value));
      break;

    case PROP_RANK:
      fb_prize_set_rank (self, g_value_get_int (value));
      break;

    case PROP_TITLE:
      fb_prize_set_title (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT:
      fb_prize_set_amount (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_prize_class_init (FbPrizeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_prize_finalize;
  object_class->get_property = fb_prize_get_property;
  object_class->set_property = fb_prize_set_property;

  record_class->entity = "prize";
  record_class->validate = fb_prize_validate;

  /* The order below is the column order of the table. */

  /**
   * FbPrize:round-id:
   *
   * The id of the prize round.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_string ("round-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrize:rank:
   *
   * The rank: 1 for the first prize.
   */
  properties[PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL,
                      0, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrize:title:
   *
   * The title, e.g. "Forbedringsprisen 2026 – hovedpris".
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrize:amount:
   *
   * The amount in whole units of the round's currency.
   */
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_prize_init (FbPrize *self)
{
  self->rank = 1;
}

/**
 * fb_prize_new:
 * @id: (nullable): the prize's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new prize with default values
 */
FbPrize *
fb_prize_new (const char *id)
{
  return (FbPrize *)fb_record_new (FB_TYPE_PRIZE, id);
}

/**
 * fb_prize_get_round_id:
 * @self: a #FbPrize
 *
 * Returns: (nullable): the id of the prize round
 */
const char *
fb_prize_get_round_id (FbPrize *self)
{
  g_return_val_if_fail (FB_IS_PRIZE (self), NULL);

  return self->round_id;
}

/**
 * fb_prize_set_round_id:
 * @self: a #FbPrize
 * @round_id: (nullable): the new id of the prize round
 */
void
fb_prize_set_round_id (FbPrize    *self,
                       const char *round_id)
{
  g_return_if_fail (FB_IS_PRIZE (self));

  if (fb_set_str (&self->round_id, round_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/**
 * fb_prize_get_rank:
 * @self: a #FbPrize
 *
 * Returns: the rank
 */
int
fb_prize_get_rank (FbPrize *self)
{
  g_return_val_if_fail (FB_IS_PRIZE (self), 0);

  return self->rank;
}

/**
 * fb_prize_set_rank:
 * @self: a #FbPrize
 * @rank: the new rank
 */
void
fb_prize_set_rank (FbPrize *self,
                   int      rank)
{
  g_return_if_fail (FB_IS_PRIZE (self));

  if (self->rank == rank)
    return;

  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}

/**
 * fb_prize_get_title:
 * @self: a #FbPrize
 *
 * Returns: (nullable): the title
 */
const char *
fb_prize_get_title (FbPrize *self)
{
  g_return_val_if_fail (FB_IS_PRIZE (self), NULL);

  return self->title;
}

/**
 * fb_prize_set_title:
 * @self: a #FbPrize
 * @title: (nullable): the new title
 */
void
fb_prize_set_title (FbPrize    *self,
                    const char *title)
{
  g_return_if_fail (FB_IS_PRIZE (self));

  if (fb_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * fb_prize_get_amount:
 * @self: a #FbPrize
 *
 * Returns: the amount
 */
gint64
fb_prize_get_amount (FbPrize *self)
{
  g_return_val_if_fail (FB_IS_PRIZE (self), 0);

  return self->amount;
}

/**
 * fb_prize_set_amount:
 * @self: a #FbPrize
 * @amount: the new amount
 */
void
fb_prize_set_amount (FbPrize *self,
                     gint64   amount)
{
  g_return_if_fail (FB_IS_PRIZE (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}
