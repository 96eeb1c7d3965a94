/* fb-prize-round.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-prize-round"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-prize-round.h"
#include "fb-utils.h"

/**
 * FbPrizeRound:
 *
 * A round of a regional improvement prize: when trusts may nominate
 * projects, who scores them and what the prizes are.
 */
struct _FbPrizeRound
{
  FbRecord      parent_instance;

  char          *name;
  int           year;
  char          *region_id;
  FbRoundStatus status;
  char          *nomination_opens;
  char          *nomination_closes;
  char          *scoring_closes;
  char          *award_date;
  char          *award_event;
  int           quota_per_trust;
  char          *currency;
  char          **panel_member_ids;
  char          **organiser_ids;
};

G_DEFINE_FINAL_TYPE (FbPrizeRound, fb_prize_round, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_YEAR,
  PROP_REGION_ID,
  PROP_STATUS,
  PROP_NOMINATION_OPENS,
  PROP_NOMINATION_CLOSES,
  PROP_SCORING_CLOSES,
  PROP_AWARD_DATE,
  PROP_AWARD_EVENT,
  PROP_QUOTA_PER_TRUST,
  PROP_CURRENCY,
  PROP_PANEL_MEMBER_IDS,
  PROP_ORGANISER_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
check_order (const char  *earlier,
             const char  *later,
             const char  *message,
             GError     **error)
{
  g_autoptr(GDateTime) a = fb_timestamp_parse (earlier);
  g_autoptr(GDateTime) b = fb_timestamp_parse (later);

  if (a == NULL || b == NULL || g_date_time_compare (a, b) < 0)
    return TRUE;

  g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_currency_code (const char *text)
{
  if (strlen (text) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
fb_prize_round_validate (FbRecord  *record,
                         GError   **error)
{
  FbPrizeRound *self = FB_PRIZE_ROUND (record);

  if (_fb_text_is_blank (self->name))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The prize round has no name. Enter one, "
                             "e.g. “Forbedringsprisen 2026”."));
      return FALSE;
    }

  if (self->year < 2000 || self->year > 2200)
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The year %d of the prize round is not a plausible year. "
                     "Enter the year the prizes are for, e.g. 2026."),
                   self->year);
      return FALSE;
    }

  if (!_fb_check_timestamp (self->nomination_opens, _("the time nominations open"), error) ||
      !_fb_check_timestamp (self->nomination_closes, _("the time nominations close"), error) ||
      !_fb_check_timestamp (self->scoring_closes, _("the time scoring closes"), error))
    return FALSE;

  /* A draft may still miss its dates; a round in use needs all three. */
  if (self->status != FB_ROUND_STATUS_DRAFT &&
      (self->nomination_opens == NULL || self->nomination_closes == NULL ||
       self->scoring_closes == NULL))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A prize round that is no longer a draft needs the times "
                             "nominations open and close and the time scoring closes."));
      return FALSE;
    }

  if (!check_order (self->nomination_opens, self->nomination_closes,
                    _("Nominations close before they open. Move the closing time after "
                      "the opening time."),
                    error) ||
      !check_order (self->nomination_closes, self->scoring_closes,
                    _("Scoring closes before nominations close. The panel scores after "
                      "nominations close, so move the end of scoring later."),
                    error))
    return FALSE;

  if (self->award_date != NULL && !fb_date_is_valid (self->award_date))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The award date “%s” is not a valid date. Enter it as YYYY-MM-DD, "
                     "e.g. 2026-12-03."),
                   self->award_date);
      return FALSE;
    }

  if (self->quota_per_trust < 1)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("Each trust must be allowed at least one nomination."));
      return FALSE;
    }

  if (self->currency != NULL && !is_currency_code (self->currency))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The currency “%s” is not a currency code. Enter three capital "
                     "letters, e.g. NOK."),
                   self->currency);
      return FALSE;
    }

  for (guint i = 0; self->panel_member_ids != NULL && self->panel_member_ids[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (g_strcmp0 (self->panel_member_ids[i], self->panel_member_ids[j]) == 0)
        {
          g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                               _("The panel names the same person twice."));
          return FALSE;
        }

  return TRUE;
}

static void
fb_prize_round_finalize (GObject *object)
{
  FbPrizeRound *self = (FbPrizeRound *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region_id, g_free);
  g_clear_pointer (&self->nomination_opens, g_free);
  g_clear_pointer (&self->nomination_closes, g_free);
  g_clear_pointer (&self->scoring_closes, g_free);
  g_clear_pointer (&self->award_date, g_free);
  g_clear_pointer (&self->award_event, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->panel_member_ids, g_strfreev);
  g_clear_pointer (&self->organiser_ids, g_strfreev);

  G_OBJECT_CLASS (fb_prize_round_parent_class)->finalize (object);
}

static void
fb_prize_round_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FbPrizeRound *self = FB_PRIZE_ROUND (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_REGION_ID:
      g_value_set_string (value, self->region_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOMINATION_OPENS:
      g_value_set_string (value, self->nomination_opens);
      break;

    case PROP_NOMINATION_CLOSES:
      g_value_set_string (value, self->nomination_closes);
      break;

    case PROP_SCORING_CLOSES:
      g_value_set_string (value, self->scoring_closes);
      break;

    case PROP_AWARD_DATE:
      g_value_set_string (value, self->award_date);
      break;

    case PROP_AWARD_EVENT:
      g_value_set_string (value, self->award_event);
      break;

    case PROP_QUOTA_PER_TRUST:
      g_value_set_int (value, self->quota_per_trust);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_PANEL_MEMBER_IDS:
      g_value_set_boxed (value, self->panel_member_ids);
      break;

    case PROP_ORGANISER_IDS:
      g_value_set_boxed (value, self->organiser_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_prize_round_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FbPrizeRound *self = FB_PRIZE_ROUND (object);

  switch (prop_id)
    {
    case PROP_NAME:
      fb_prize_round_set_name (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      fb_prize_round_set_year (self, g_value_get_int (value));
      break;

    case PROP_REGION_ID:
      fb_prize_round_set_region_id (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      fb_prize_round_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOMINATION_OPENS:
      fb_prize_round_set_nomination_opens (self, g_value_get_string (value));
      break;

    case PROP_NOMINATION_CLOSES:
      fb_prize_round_set_nomination_closes (self, g_value_get_string (value));
      break;

    case PROP_SCORING_CLOSES:
      fb_prize_round_set_scoring_closes (self, g_value_get_string (value));
      break;

    case PROP_AWARD_DATE:
      fb_prize_round_set_award_date (self, g_value_get_string (value));
      break;

    case PROP_AWARD_EVENT:
      fb_prize_round_set_award_event (self, g_value_get_string (value));
      break;

    case PROP_QUOTA_PER_TRUST:
      fb_prize_round_set_quota_per_trust (self, g_value_get_int (value));
      break;

    case PROP_CURRENCY:
      fb_prize_round_set_currency (self, g_value_get_string (value));
      break;

    case PROP_PANEL_MEMBER_IDS:
      fb_prize_round_set_panel_member_ids (self, g_value_get_boxed (value));
      break;

    case PROP_ORGANISER_IDS:
      fb_prize_round_set_organiser_ids (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_prize_round_class_init (FbPrizeRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_prize_round_finalize;
  object_class->get_property = fb_prize_round_get_property;
  object_class->set_property = fb_prize_round_set_property;

  record_class->entity = "prize_round";
  record_class->validate = fb_prize_round_validate;

  /* The order below is the column order of the table. */

  /**
   * FbPrizeRound:name:
   *
   * The name, e.g. "Forbedringsprisen 2026".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:year:
   *
   * The year the prizes are for.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:region-id:
   *
   * The id of the health region that awards the prizes.
   */
  properties[PROP_REGION_ID] =
    g_param_spec_string ("region-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:status:
   *
   * Where the round is: draft, open for nominations, scoring, closed or published.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       FB_TYPE_ROUND_STATUS, FB_ROUND_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:nomination-opens:
   *
   * The first moment nominations may be submitted, ISO 8601 with its
   * offset.
   */
  properties[PROP_NOMINATION_OPENS] =
    g_param_spec_string ("nomination-opens", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:nomination-closes:
   *
   * The last moment nominations may be submitted, ISO 8601 with its
   * offset. Panel members see the nominations after it.
   */
  properties[PROP_NOMINATION_CLOSES] =
    g_param_spec_string ("nomination-closes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:scoring-closes:
   *
   * The last moment the panel may save scores, ISO 8601 with its offset.
   */
  properties[PROP_SCORING_CLOSES] =
    g_param_spec_string ("scoring-closes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:award-date:
   *
   * The day the prizes are awarded, `YYYY-MM-DD`.
   */
  properties[PROP_AWARD_DATE] =
    g_param_spec_string ("award-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:award-event:
   *
   * Where the prizes are awarded, e.g. a conference.
   */
  properties[PROP_AWARD_EVENT] =
    g_param_spec_string ("award-event", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:quota-per-trust:
   *
   * How many nominations each trust may submit.
   */
  properties[PROP_QUOTA_PER_TRUST] =
    g_param_spec_int ("quota-per-trust", NULL, NULL,
                      0, G_MAXINT, 2,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:currency:
   *
   * The ISO 4217 code of the prize amounts, e.g. "NOK".
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:panel-member-ids:
   *
   * The users on the panel that scores the nominations.
   */
  properties[PROP_PANEL_MEMBER_IDS] =
    g_param_spec_boxed ("panel-member-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbPrizeRound:organiser-ids:
   *
   * The users who organise the round; they see all of it.
   */
  properties[PROP_ORGANISER_IDS] =
    g_param_spec_boxed ("organiser-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_prize_round_init (FbPrizeRound *self)
{
  self->quota_per_trust = 2;
}

/**
 * fb_prize_round_new:
 * @id: (nullable): the prize round's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new prize round with default values
 */
FbPrizeRound *
fb_prize_round_new (const char *id)
{
  return (FbPrizeRound *)fb_record_new (FB_TYPE_PRIZE_ROUND, id);
}

/**
 * fb_prize_round_get_name:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the name
 */
const char *
fb_prize_round_get_name (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->name;
}

/**
 * fb_prize_round_set_name:
 * @self: a #FbPrizeRound
 * @name: (nullable): the new name
 */
void
fb_prize_round_set_name (FbPrizeRound *self,
                         const char   *name)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * fb_prize_round_get_year:
 * @self: a #FbPrizeRound
 *
 * Returns: the year
 */
int
fb_prize_round_get_year (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), 0);

  return self->year;
}

/**
 * fb_prize_round_set_year:
 * @self: a #FbPrizeRound
 * @year: the new year
 */
void
fb_prize_round_set_year (FbPrizeRound *self,
                         int           year)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * fb_prize_round_get_region_id:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the id of the health region
 */
const char *
fb_prize_round_get_region_id (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->region_id;
}

/**
 * fb_prize_round_set_region_id:
 * @self: a #FbPrizeRound
 * @region_id: (nullable): the new id of the health region
 */
void
fb_prize_round_set_region_id (FbPrizeRound *self,
                              const char   *region_id)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->region_id, region_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION_ID]);
}

/**
 * fb_prize_round_get_status:
 * @self: a #FbPrizeRound
 *
 * Returns: the status
 */
FbRoundStatus
fb_prize_round_get_status (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), 0);

  return self->status;
}

/**
 * fb_prize_round_set_status:
 * @self: a #FbPrizeRound
 * @status: the new status
 */
void
fb_prize_round_set_status (FbPrizeRound  *self,
                           FbRoundStatus  status)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * fb_prize_round_get_nomination_opens:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the time nominations open
 */
const char *
fb_prize_round_get_nomination_opens (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->nomination_opens;
}

/**
 * fb_prize_round_set_nomination_opens:
 * @self: a #FbPrizeRound
 * @nomination_opens: (nullable): the new time nominations open
 */
void
fb_prize_round_set_nomination_opens (FbPrizeRound *self,
                                     const char   *nomination_opens)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->nomination_opens, nomination_opens))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOMINATION_OPENS]);
}

/**
 * fb_prize_round_get_nomination_closes:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the time nominations close
 */
const char *
fb_prize_round_get_nomination_closes (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->nomination_closes;
}

/**
 * fb_prize_round_set_nomination_closes:
 * @self: a #FbPrizeRound
 * @nomination_closes: (nullable): the new time nominations close
 */
void
fb_prize_round_set_nomination_closes (FbPrizeRound *self,
                                      const char   *nomination_closes)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->nomination_closes, nomination_closes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOMINATION_CLOSES]);
}

/**
 * fb_prize_round_get_scoring_closes:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the time scoring closes
 */
const char *
fb_prize_round_get_scoring_closes (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->scoring_closes;
}

/**
 * fb_prize_round_set_scoring_closes:
 * @self: a #FbPrizeRound
 * @scoring_closes: (nullable): the new time scoring closes
 */
void
fb_prize_round_set_scoring_closes (FbPrizeRound *self,
                                   const char   *scoring_closes)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->scoring_closes, scoring_closes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORING_CLOSES]);
}

/**
 * fb_prize_round_get_award_date:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the award date
 */
const char *
fb_prize_round_get_award_date (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->award_date;
}

/**
 * fb_prize_round_set_award_date:
 * @self: a #FbPrizeRound
 * @award_date: (nullable): the new award date
 */
void
fb_prize_round_set_award_date (FbPrizeRound *self,
                               const char   *award_date)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->award_date, award_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_DATE]);
}

/**
 * fb_prize_round_get_award_event:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the award event
 */
const char *
fb_prize_round_get_award_event (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->award_event;
}

/**
 * fb_prize_round_set_award_event:
 * @self: a #FbPrizeRound
 * @award_event: (nullable): the new award event
 */
void
fb_prize_round_set_award_event (FbPrizeRound *self,
                                const char   *award_event)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->award_event, award_event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_EVENT]);
}

/**
 * fb_prize_round_get_quota_per_trust:
 * @self: a #FbPrizeRound
 *
 * Returns: the quota of submitted nominations per trust
 */
int
fb_prize_round_get_quota_per_trust (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), 0);

  return self->quota_per_trust;
}

/**
 * fb_prize_round_set_quota_per_trust:
 * @self: a #FbPrizeRound
 * @quota_per_trust: the new quota of submitted nominations per trust
 */
void
fb_prize_round_set_quota_per_trust (FbPrizeRound *self,
                                    int           quota_per_trust)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (self->quota_per_trust == quota_per_trust)
    return;

  self->quota_per_trust = quota_per_trust;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTA_PER_TRUST]);
}

/**
 * fb_prize_round_get_currency:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable): the currency code
 */
const char *
fb_prize_round_get_currency (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return self->currency;
}

/**
 * fb_prize_round_set_currency:
 * @self: a #FbPrizeRound
 * @currency: (nullable): the new currency code
 */
void
fb_prize_round_set_currency (FbPrizeRound *self,
                             const char   *currency)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * fb_prize_round_get_panel_member_ids:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of the panel members
 */
const char * const *
fb_prize_round_get_panel_member_ids (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return (const char * const *)self->panel_member_ids;
}

/**
 * fb_prize_round_set_panel_member_ids:
 * @self: a #FbPrizeRound
 * @panel_member_ids: (nullable) (array zero-terminated=1): the new ids of the panel members
 */
void
fb_prize_round_set_panel_member_ids (FbPrizeRound       *self,
                                     const char * const *panel_member_ids)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_strv (&self->panel_member_ids, panel_member_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL_MEMBER_IDS]);
}

/**
 * fb_prize_round_get_organiser_ids:
 * @self: a #FbPrizeRound
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of the organisers
 */
const char * const *
fb_prize_round_get_organiser_ids (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return (const char * const *)self->organiser_ids;
}

/**
 * fb_prize_round_set_organiser_ids:
 * @self: a #FbPrizeRound
 * @organiser_ids: (nullable) (array zero-terminated=1): the new ids of the organisers
 */
void
fb_prize_round_set_organiser_ids (FbPrizeRound       *self,
                                  const char * const *organiser_ids)
{
  g_return_if_fail (FB_IS_PRIZE_ROUND (self));

  if (fb_set_strv (&self->organiser_ids, organiser_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISER_IDS]);
}

/**
 * fb_prize_round_dup_nomination_opens_time:
 * @self: a #FbPrizeRound
 *
 * Returns: (transfer full) (nullable): the time nominations open, or %NULL
 *   when it is unset or not a valid time
 */
GDateTime *
fb_prize_round_dup_nomination_opens_time (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return fb_timestamp_parse (self->nomination_opens);
}

/**
 * fb_prize_round_dup_nomination_closes_time:
 * @self: a #FbPrizeRound
 *
 * Returns: (transfer full) (nullable): the last moment a nomination may be
 *   submitted, or %NULL when it is unset or not a valid time
 */
GDateTime *
fb_prize_round_dup_nomination_closes_time (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return fb_timestamp_parse (self->nomination_closes);
}

/**
 * fb_prize_round_dup_scoring_closes_time:
 * @self: a #FbPrizeRound
 *
 * Returns: (transfer full) (nullable): the last moment a score may be
 *   saved, or %NULL when it is unset or not a valid time
 */
GDateTime *
fb_prize_round_dup_scoring_closes_time (FbPrizeRound *self)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), NULL);

  return fb_timestamp_parse (self->scoring_closes);
}

/**
 * fb_prize_round_has_panel_member:
 * @self: a #FbPrizeRound
 * @user_id: (nullable): a user's id
 *
 * Returns: %TRUE if the user is on the round's panel
 */
gboolean
fb_prize_round_has_panel_member (FbPrizeRound *self,
                                 const char   *user_id)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), FALSE);

  return user_id != NULL && self->panel_member_ids != NULL &&
         g_strv_contains ((const char * const *)self->panel_member_ids, user_id);
}

/**
 * fb_prize_round_has_organiser:
 * @self: a #FbPrizeRound
 * @user_id: (nullable): a user's id
 *
 * Returns: %TRUE if the user organises the round
 */
gboolean
fb_prize_round_has_organiser (FbPrizeRound *self,
                              const char   *user_id)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (self), FALSE);

  return user_id != NULL && self->organiser_ids != NULL &&
         g_strv_contains ((const char * const *)self->organiser_ids, user_id);
}
