/* fb-round-rules.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-round-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-round-rules.h"

/* The rules of a prize round (DESIGN §6), as pure functions of the records
 * and the time, so the server enforces them on push and the app can say
 * beforehand why a button is off. Deadlines are inclusive: a nomination
 * submitted at exactly nomination_closes counts; scoring starts the
 * instant after it and ends at exactly scoring_closes. */

G_DEFINE_QUARK (fb-rule-error-quark, fb_rule_error)

/* Times are shown in the round's own offset, as the organisers wrote them. */
static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static gboolean
is_organiser (FbPrizeRound *round,
              FbUser       *user)
{
  return fb_prize_round_has_organiser (round, fb_record_get_id (FB_RECORD (user)));
}

static gboolean
is_panel_member (FbPrizeRound *round,
                 FbUser       *user)
{
  return fb_prize_round_has_panel_member (round, fb_record_get_id (FB_RECORD (user)));
}

static gboolean
is_from_trust (FbUser     *user,
               const char *trust_id)
{
  return trust_id != NULL && g_strcmp0 (fb_user_get_trust_id (user), trust_id) == 0;
}

static gboolean
check_same_round (FbPrizeRound  *round,
                  const char    *round_id,
                  GError       **error)
{
  if (g_strcmp0 (fb_record_get_id (FB_RECORD (round)), round_id) == 0)
    return TRUE;

  g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                       _("This belongs to another prize round."));
  return FALSE;
}

static gboolean
check_record (FbRecord  *record,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (fb_record_validate (record, &local_error))
    return TRUE;

  g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION, local_error->message);
  return FALSE;
}

/**
 * fb_round_rules_check_submit:
 * @round: the prize round
 * @nomination: the nomination as it is to be saved, status submitted
 * @user: who submits it
 * @n_other_submitted: how many other nominations of the same trust are
 *   submitted in @round (not counting @nomination)
 * @now: the time of the submission
 * @error: return location for a #GError in %FB_RULE_ERROR
 *
 * A trust's coordinator or one of the round's organisers may submit a
 * nomination while the round is open, from nomination_opens to
 * nomination_closes (both included), up to the round's quota per trust.
 *
 * Returns: %TRUE if the submission is allowed
 */
gboolean
fb_round_rules_check_submit (FbPrizeRound  *round,
                             FbNomination  *nomination,
                             FbUser        *user,
                             guint          n_other_submitted,
                             GDateTime     *now,
                             GError       **error)
{
  g_autoptr(GDateTime) opens = NULL;
  g_autoptr(GDateTime) closes = NULL;
  g_autofree char *when = NULL;
  int quota;

  g_return_val_if_fail (FB_IS_PRIZE_ROUND (round), FALSE);
  g_return_val_if_fail (FB_IS_NOMINATION (nomination), FALSE);
  g_return_val_if_fail (FB_IS_USER (user), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!check_same_round (round, fb_nomination_get_round_id (nomination), error))
    return FALSE;

  if (!is_organiser (round, user) &&
      !((fb_user_get_roles (user) & FB_ROLE_COORDINATOR) &&
        is_from_trust (user, fb_nomination_get_trust_id (nomination))))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("Only the trust’s coordinator or the round’s organisers may "
                             "submit its nominations."));
      return FALSE;
    }

  if (fb_nomination_get_status (nomination) == FB_NOMINATION_STATUS_INELIGIBLE)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                           _("The organisers have found the nomination ineligible, so it "
                             "cannot be submitted."));
      return FALSE;
    }

  if (!check_record (FB_RECORD (nomination), error))
    return FALSE;

  opens = fb_prize_round_dup_nomination_opens_time (round);
  closes = fb_prize_round_dup_nomination_closes_time (round);

  if (fb_prize_round_get_status (round) == FB_ROUND_STATUS_DRAFT || opens == NULL ||
      closes == NULL || g_date_time_compare (now, opens) < 0)
    {
      if (opens == NULL || fb_prize_round_get_status (round) == FB_ROUND_STATUS_DRAFT)
        {
          g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_DEADLINE,
                               _("The prize round is not open for nominations yet."));
          return FALSE;
        }

      when = format_time (opens);
      g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_DEADLINE,
                   _("Nominations open at %s. Submit the nomination then."), when);
      return FALSE;
    }

  if (fb_prize_round_get_status (round) != FB_ROUND_STATUS_OPEN ||
      g_date_time_compare (now, closes) > 0)
    {
      when = format_time (closes);
      g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_DEADLINE,
                   _("Nominations closed at %s. Nothing can be submitted after that."), when);
      return FALSE;
    }

  quota = fb_prize_round_get_quota_per_trust (round);
  if (quota < 0 || n_other_submitted >= (guint)quota)
    {
      g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_QUOTA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Your trust has already submitted %u nomination, as many as "
                                "this round allows. Withdraw it to submit another.",
                                "Your trust has already submitted %u nominations, as many as "
                                "this round allows. Withdraw one to submit another.",
                                n_other_submitted),
                   n_other_submitted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_scoring_time (FbPrizeRound  *round,
                    GDateTime     *now,
                    GError       **error)
{
  g_autoptr(GDateTime) nominations_close = fb_prize_round_dup_nomination_closes_time (round);
  g_autoptr(GDateTime) scoring_closes = fb_prize_round_dup_scoring_closes_time (round);
  FbRoundStatus status = fb_prize_round_get_status (round);
  g_autofree char *when = NULL;

  if (status == FB_ROUND_STATUS_DRAFT || nominations_close == NULL || scoring_closes == NULL)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_DEADLINE,
                           _("The prize round is not open yet, so nothing can be scored."));
      return FALSE;
    }

  if (g_date_time_compare (now, nominations_close) <= 0)
    {
      when = format_time (nominations_close);
      g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_DEADLINE,
                   _("Scoring starts when nominations close, after %s."), when);
      return FALSE;
    }

  if (status == FB_ROUND_STATUS_CLOSED || status == FB_ROUND_STATUS_PUBLISHED ||
      g_date_time_compare (now, scoring_closes) > 0)
    {
      when = format_time (scoring_closes);
      g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_DEADLINE,
                   _("Scoring closed at %s. Scores can no longer be changed."), when);
      return FALSE;
    }

  return TRUE;
}

static FbCriterion *
find_criterion (GPtrArray  *criteria,
                const char *id)
{
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      FbCriterion *criterion = g_ptr_array_index (criteria, i);

      if (g_strcmp0 (fb_record_get_id (FB_RECORD (criterion)), id) == 0)
        return criterion;
    }

  return NULL;
}

static gboolean
check_values (FbPrizeRound  *round,
              FbScore       *score,
              GPtrArray     *criteria,
              GError       **error)
{
  JsonNode *values = fb_score_get_values (score);
  JsonArray *array;

  if (values == NULL)
    return TRUE;

  /* The record checked the shape: a list of {criterion_id, value}. */
  array = json_node_get_array (values);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member (object, "criterion_id");
      gint64 value = json_object_get_int_member (object, "value");
      FbCriterion *criterion = find_criterion (criteria, id);

      if (criterion == NULL ||
          g_strcmp0 (fb_criterion_get_round_id (criterion),
                     fb_record_get_id (FB_RECORD (round))) != 0)
        {
          g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                               _("The score gives a value to a criterion this prize round "
                                 "does not have."));
          return FALSE;
        }

      if (value < fb_criterion_get_scale_min (criterion) ||
          value > fb_criterion_get_scale_max (criterion))
        {
          g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                       _("The value %d for “%s” is outside its scale. Choose a whole number "
                         "from %d to %d."),
                       (int)CLAMP (value, G_MININT, G_MAXINT), fb_criterion_get_name (criterion),
                       fb_criterion_get_scale_min (criterion),
                       fb_criterion_get_scale_max (criterion));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fb_round_rules_check_score:
 * @round: the prize round
 * @nomination: the nomination scored
 * @score: the score as it is to be saved
 * @stored: (nullable): the score as it is stored now, if it exists
 * @user: who saves it
 * @criteria: (element-type FbCriterion): the round's criteria
 * @now: the time of the change
 * @error: return location for a #GError in %FB_RULE_ERROR
 *
 * A panel member saves their own score of a submitted nomination after
 * nominations close and until scoring closes (included), never of a
 * nomination from their own trust, and no values once they declared a
 * conflict of interest, a declaration only an organiser can lift. Each
 * value lies on its criterion's scale, and a final score has a value for
 * every criterion unless it declares a conflict.
 *
 * Returns: %TRUE if the score may be saved
 */
gboolean
fb_round_rules_check_score (FbPrizeRound  *round,
                            FbNomination  *nomination,
                            FbScore       *score,
                            FbScore       *stored,
                            FbUser        *user,
                            GPtrArray     *criteria,
                            GDateTime     *now,
                            GError       **error)
{
  g_return_val_if_fail (FB_IS_PRIZE_ROUND (round), FALSE);
  g_return_val_if_fail (FB_IS_NOMINATION (nomination), FALSE);
  g_return_val_if_fail (FB_IS_SCORE (score), FALSE);
  g_return_val_if_fail (stored == NULL || FB_IS_SCORE (stored), FALSE);
  g_return_val_if_fail (FB_IS_USER (user), FALSE);
  g_return_val_if_fail (criteria != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!check_same_round (round, fb_nomination_get_round_id (nomination), error) ||
      !check_same_round (round, fb_score_get_round_id (score), error))
    return FALSE;

  if (g_strcmp0 (fb_score_get_nomination_id (score),
                 fb_record_get_id (FB_RECORD (nomination))) != 0)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                           _("The score is for another nomination."));
      return FALSE;
    }

  if (g_strcmp0 (fb_score_get_panel_member_id (score), fb_record_get_id (FB_RECORD (user))) != 0 ||
      (stored != NULL && g_strcmp0 (fb_score_get_panel_member_id (stored),
                                    fb_record_get_id (FB_RECORD (user))) != 0))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("Panel members save only their own scores."));
      return FALSE;
    }

  if (!is_panel_member (round, user))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("Only the members of the round’s panel score nominations."));
      return FALSE;
    }

  if (!check_scoring_time (round, now, error))
    return FALSE;

  if (fb_nomination_get_status (nomination) != FB_NOMINATION_STATUS_SUBMITTED)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                           _("Only submitted nominations are scored. This one is a draft, "
                             "withdrawn or ineligible."));
      return FALSE;
    }

  if (is_from_trust (user, fb_nomination_get_trust_id (nomination)))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_CONFLICT_OF_INTEREST,
                           _("You cannot score a nomination from your own trust."));
      return FALSE;
    }

  if (stored != NULL && fb_score_get_conflict_declared (stored) &&
      !fb_score_get_conflict_declared (score))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_CONFLICT_OF_INTEREST,
                           _("You declared a conflict of interest on this nomination. Only "
                             "the organisers can lift it."));
      return FALSE;
    }

  if (fb_score_get_conflict_declared (score) && fb_score_get_n_values (score) > 0)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_CONFLICT_OF_INTEREST,
                           _("You declared a conflict of interest on this nomination, so "
                             "you cannot score it."));
      return FALSE;
    }

  if (!check_record (FB_RECORD (score), error) ||
      !check_values (round, score, criteria, error))
    return FALSE;

  if (fb_score_get_final (score) && !fb_score_get_conflict_declared (score))
    for (guint i = 0; i < criteria->len; i++)
      {
        FbCriterion *criterion = g_ptr_array_index (criteria, i);

        if (g_strcmp0 (fb_criterion_get_round_id (criterion),
                       fb_record_get_id (FB_RECORD (round))) == 0 &&
            !fb_score_get_value (score, fb_record_get_id (FB_RECORD (criterion)), NULL))
          {
            g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_VALIDATION,
                         _("“%s” has no value yet. Score every criterion before you mark "
                           "the score as final."),
                         fb_criterion_get_name (criterion));
            return FALSE;
          }
      }

  return TRUE;
}

/**
 * fb_round_rules_check_see_nomination:
 * @round: the prize round
 * @nomination: a nomination of @round
 * @user: who asks
 * @now: the time of the request
 * @error: return location for a #GError in %FB_RULE_ERROR
 *
 * Organisers see every nomination of their round, and the nominating
 * trust's coordinator sees the trust's own. Panel members see submitted
 * nominations once nominations have closed (after nomination_closes),
 * never those from their own trust.
 *
 * Returns: %TRUE if @user may see @nomination
 */
gboolean
fb_round_rules_check_see_nomination (FbPrizeRound  *round,
                                     FbNomination  *nomination,
                                     FbUser        *user,
                                     GDateTime     *now,
                                     GError       **error)
{
  g_autoptr(GDateTime) closes = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (FB_IS_PRIZE_ROUND (round), FALSE);
  g_return_val_if_fail (FB_IS_NOMINATION (nomination), FALSE);
  g_return_val_if_fail (FB_IS_USER (user), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!check_same_round (round, fb_nomination_get_round_id (nomination), error))
    return FALSE;

  if (is_organiser (round, user))
    return TRUE;

  if ((fb_user_get_roles (user) & FB_ROLE_COORDINATOR) &&
      is_from_trust (user, fb_nomination_get_trust_id (nomination)))
    return TRUE;

  if (!is_panel_member (round, user))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("Only the round’s organisers, its panel and the nominating "
                             "trust’s coordinator see nominations."));
      return FALSE;
    }

  if (is_from_trust (user, fb_nomination_get_trust_id (nomination)))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_CONFLICT_OF_INTEREST,
                           _("Nominations from your own trust are not shown to you."));
      return FALSE;
    }

  closes = fb_prize_round_dup_nomination_closes_time (round);
  if (closes == NULL || g_date_time_compare (now, closes) <= 0)
    {
      if (closes != NULL)
        when = format_time (closes);
      g_set_error (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                   _("The panel sees the nominations when nominations close, after %s."),
                   when ? when : _("the closing time"));
      return FALSE;
    }

  if (fb_nomination_get_status (nomination) != FB_NOMINATION_STATUS_SUBMITTED)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("The panel sees only submitted nominations."));
      return FALSE;
    }

  return TRUE;
}

/**
 * fb_round_rules_check_see_score:
 * @round: the prize round
 * @score: a score of @round
 * @user: who asks
 * @error: return location for a #GError in %FB_RULE_ERROR
 *
 * Organisers see every score of their round and panel members their own.
 * Panel members see each other's scores only once the round is closed.
 *
 * Returns: %TRUE if @user may see @score
 */
gboolean
fb_round_rules_check_see_score (FbPrizeRound  *round,
                                FbScore       *score,
                                FbUser        *user,
                                GError       **error)
{
  FbRoundStatus status;

  g_return_val_if_fail (FB_IS_PRIZE_ROUND (round), FALSE);
  g_return_val_if_fail (FB_IS_SCORE (score), FALSE);
  g_return_val_if_fail (FB_IS_USER (user), FALSE);

  if (!check_same_round (round, fb_score_get_round_id (score), error))
    return FALSE;

  if (is_organiser (round, user) ||
      g_strcmp0 (fb_score_get_panel_member_id (score), fb_record_get_id (FB_RECORD (user))) == 0)
    return TRUE;

  if (!is_panel_member (round, user))
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("Only the round’s organisers and its panel see scores."));
      return FALSE;
    }

  status = fb_prize_round_get_status (round);
  if (status != FB_ROUND_STATUS_CLOSED && status != FB_ROUND_STATUS_PUBLISHED)
    {
      g_set_error_literal (error, FB_RULE_ERROR, FB_RULE_ERROR_PERMISSION,
                           _("Other panel members’ scores are shown when the round closes."));
      return FALSE;
    }

  return TRUE;
}
