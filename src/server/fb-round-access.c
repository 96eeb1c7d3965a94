/* fb-round-access.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-round-access"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-round-access.h"

/* Who may read and write the records of a prize round (DESIGN §6). The
 * deadlines, quota and conflicts of interest are core's round rules, the
 * same functions the app uses to explain them; this file gathers what they
 * need from the store (the round, its criteria, the trust's other submitted
 * nominations) and adds who may write at all.
 *
 * - Rounds, prizes, criteria and awards: organisers write. Everyone signed
 *   in reads rounds, prizes and criteria; awards are read by organisers,
 *   and by everyone once the round is published.
 * - Nominations: the project's team and the trust's coordinator draft them;
 *   submitting follows the round rules (coordinator, open, quota). They
 *   read their own; panel members and organisers as the rules say.
 * - Scores: a panel member writes their own, as the round rules allow; they
 *   read their own, organisers all, other panel members after closing. */

gboolean
fb_round_access_is_round_entity (const char *entity)
{
  static const char * const entities[] = {
    "prize_round", "prize", "criterion", "nomination", "score", "award",
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
fb_round_access_dup_round_id (FbRecord *record)
{
  if (FB_IS_PRIZE_ROUND (record))
    return g_strdup (fb_record_get_id (record));
  if (FB_IS_PRIZE (record))
    return g_strdup (fb_prize_get_round_id (FB_PRIZE (record)));
  if (FB_IS_CRITERION (record))
    return g_strdup (fb_criterion_get_round_id (FB_CRITERION (record)));
  if (FB_IS_NOMINATION (record))
    return g_strdup (fb_nomination_get_round_id (FB_NOMINATION (record)));
  if (FB_IS_SCORE (record))
    return g_strdup (fb_score_get_round_id (FB_SCORE (record)));
  if (FB_IS_AWARD (record))
    return g_strdup (fb_award_get_round_id (FB_AWARD (record)));
  return NULL;
}

static FbUser *
caller_to_user (const FbCaller *caller)
{
  FbUser *user = fb_user_new (caller->user_id);

  fb_user_set_email (user, caller->email);
  fb_user_set_trust_id (user, caller->trust_id);
  fb_user_set_roles (user, caller->roles);
  return user;
}

static FbRecord *
load (FbServerStore *store,
      GType          type,
      const char    *id)
{
  g_autoptr(FbServerRow) row = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  FbRecord *record;

  if (id == NULL || (row = fb_server_store_get_row (store, id, NULL)) == NULL ||
      row->deleted || !g_str_equal (row->entity, FB_RECORD_CLASS (klass)->entity))
    return NULL;

  record = fb_record_new (type, id);
  fb_record_set_rev (record, row->rev);
  fb_server_row_fill_record (record, row->fields);
  return record;
}

/* The round rules speak their own error domain; the protocol speaks ours. */
static gboolean
from_rule_error (GError  *rule_error,
                 GError **error)
{
  static const int codes[] = {
    [FB_RULE_ERROR_PERMISSION] = FB_ACCESS_ERROR_PERMISSION,
    [FB_RULE_ERROR_VALIDATION] = FB_ACCESS_ERROR_VALIDATION,
    [FB_RULE_ERROR_QUOTA] = FB_ACCESS_ERROR_QUOTA,
    [FB_RULE_ERROR_DEADLINE] = FB_ACCESS_ERROR_DEADLINE,
    [FB_RULE_ERROR_CONFLICT_OF_INTEREST] = FB_ACCESS_ERROR_CONFLICT_OF_INTEREST,
  };
  int code = FB_ACCESS_ERROR_VALIDATION;

  if (rule_error->domain == FB_RULE_ERROR && rule_error->code >= 0 &&
      rule_error->code < (int) G_N_ELEMENTS (codes))
    code = codes[rule_error->code];

  g_set_error_literal (error, FB_ACCESS_ERROR, code, rule_error->message);
  g_error_free (rule_error);
  return FALSE;
}

static gboolean
deny (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, FB_ACCESS_ERROR, code, message);
  return FALSE;
}

static gboolean
check_nomination (FbServerStore         *store,
                  const FbCaller        *caller,
                  const FbAccessTarget  *project,
                  FbPrizeRound          *round,
                  FbNomination          *before,
                  FbNomination          *after,
                  GDateTime             *now,
                  GError               **error)
{
  g_autoptr(FbUser) user = caller_to_user (caller);
  GError *rule_error = NULL;

  if (!fb_access_acts_for_project (caller, project) && (caller->roles & FB_ROLE_ORGANISER) == 0)
    return deny (error, FB_ACCESS_ERROR_PERMISSION,
                 _("Only the project’s team and its trust’s coordinators can nominate it."));

  if (g_strcmp0 (fb_nomination_get_trust_id (after), project->project_trust_id) != 0)
    return deny (error, FB_ACCESS_ERROR_VALIDATION,
                 _("A nomination belongs to the trust of the project it nominates."));

  /* Once submitted, a nomination changes only as a new submission would:
   * within the deadline, by those who may submit. */
  if (fb_nomination_get_status (after) == FB_NOMINATION_STATUS_SUBMITTED ||
      (before != NULL && fb_nomination_get_status (before) == FB_NOMINATION_STATUS_SUBMITTED &&
       fb_nomination_get_status (after) != FB_NOMINATION_STATUS_WITHDRAWN))
    {
      guint others = fb_server_store_count_submitted (store, fb_record_get_id (FB_RECORD (round)),
                                                      fb_nomination_get_trust_id (after),
                                                      fb_record_get_id (FB_RECORD (after)));

      if (!fb_round_rules_check_submit (round, after, user, others, now, &rule_error))
        return from_rule_error (rule_error, error);
    }

  return TRUE;
}

static gboolean
check_score (FbServerStore   *store,
             const FbCaller  *caller,
             FbPrizeRound    *round,
             FbScore         *before,
             FbScore         *after,
             GDateTime       *now,
             GError         **error)
{
  g_autoptr(FbUser) user = caller_to_user (caller);
  g_autoptr(FbNomination) nomination = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  GError *rule_error = NULL;

  if (g_strcmp0 (fb_score_get_panel_member_id (after), caller->user_id) != 0 ||
      (before != NULL && g_strcmp0 (fb_score_get_panel_member_id (before), caller->user_id) != 0))
    return deny (error, FB_ACCESS_ERROR_PERMISSION,
                 _("Panel members write only their own scores."));

  nomination = (FbNomination *) load (store, FB_TYPE_NOMINATION, fb_score_get_nomination_id (after));
  if (nomination == NULL)
    return deny (error, FB_ACCESS_ERROR_NOT_FOUND, _("The nomination scored is not on the server."));

  criteria = fb_server_store_list_round_records (store, FB_TYPE_CRITERION,
                                                 fb_record_get_id (FB_RECORD (round)));
  if (!fb_round_rules_check_score (round, nomination, after, before, user, criteria, now, &rule_error))
    return from_rule_error (rule_error, error);

  return TRUE;
}

/**
 * fb_round_access_check_write:
 * @project: what the store knows of the project a nomination names
 * @before: (nullable): the record as stored, %NULL if new
 * @after: the record as it would be
 * @now: the time of the request
 *
 * Returns: %TRUE if @caller may make the change
 */
gboolean
fb_round_access_check_write (FbServerStore         *store,
                             const FbCaller        *caller,
                             const FbAccessTarget  *project,
                             FbRecord              *before,
                             FbRecord              *after,
                             GDateTime             *now,
                             GError               **error)
{
  g_autofree char *round_id = fb_round_access_dup_round_id (after);
  g_autoptr(FbPrizeRound) round = NULL;

  if (before != NULL)
    {
      g_autofree char *old_round_id = fb_round_access_dup_round_id (before);

      if (g_strcmp0 (old_round_id, round_id) != 0)
        return deny (error, FB_ACCESS_ERROR_VALIDATION,
                     _("A record cannot move to another prize round."));
    }

  if (FB_IS_PRIZE_ROUND (after) || FB_IS_PRIZE (after) || FB_IS_CRITERION (after) ||
      FB_IS_AWARD (after))
    {
      if ((caller->roles & FB_ROLE_ORGANISER) == 0)
        return deny (error, FB_ACCESS_ERROR_PERMISSION,
                     _("Only organisers set up prize rounds and assign prizes."));
      if (!FB_IS_PRIZE_ROUND (after))
        {
          g_autoptr(FbRecord) parent = load (store, FB_TYPE_PRIZE_ROUND, round_id);

          if (parent == NULL)
            return deny (error, FB_ACCESS_ERROR_NOT_FOUND, _("The prize round is not on the server."));
        }
      return TRUE;
    }

  round = (FbPrizeRound *) load (store, FB_TYPE_PRIZE_ROUND, round_id);
  if (round == NULL)
    return deny (error, FB_ACCESS_ERROR_NOT_FOUND, _("The prize round is not on the server."));

  if (FB_IS_NOMINATION (after))
    return check_nomination (store, caller, project, round, (FbNomination *) before,
                             FB_NOMINATION (after), now, error);

  if (FB_IS_SCORE (after))
    return check_score (store, caller, round, (FbScore *) before, FB_SCORE (after), now, error);

  return deny (error, FB_ACCESS_ERROR_PERMISSION,
               _("This kind of record cannot be changed by syncing."));
}

/**
 * fb_round_access_can_read:
 * @project: what the store knows of the project a nomination names
 * @record: a prize-round record
 * @now: the time of the request
 * @rounds: (nullable): rounds already read by id, kept across the calls of
 *   one pull so that a round is read once, not once per record of it
 *
 * Returns: %TRUE if @caller may read @record
 */
gboolean
fb_round_access_can_read (FbServerStore         *store,
                          const FbCaller        *caller,
                          const FbAccessTarget  *project,
                          FbRecord              *record,
                          GDateTime             *now,
                          GHashTable            *rounds)
{
  g_autofree char *round_id = NULL;
  g_autoptr(FbPrizeRound) round = NULL;
  g_autoptr(FbUser) user = NULL;

  if (FB_IS_PRIZE_ROUND (record) || FB_IS_PRIZE (record) || FB_IS_CRITERION (record))
    return TRUE;

  if ((caller->roles & FB_ROLE_ORGANISER) != 0)
    return TRUE;

  round_id = fb_round_access_dup_round_id (record);
  if (rounds != NULL && round_id != NULL && g_hash_table_contains (rounds, round_id))
    round = g_object_ref (g_hash_table_lookup (rounds, round_id));
  else
    {
      round = (FbPrizeRound *) load (store, FB_TYPE_PRIZE_ROUND, round_id);
      if (round != NULL && rounds != NULL)
        g_hash_table_insert (rounds, g_strdup (round_id), g_object_ref (round));
    }
  if (round == NULL)
    return FALSE;

  if (FB_IS_AWARD (record))
    return fb_prize_round_get_status (round) == FB_ROUND_STATUS_PUBLISHED;

  user = caller_to_user (caller);

  if (FB_IS_NOMINATION (record))
    return fb_access_acts_for_project (caller, project) ||
           fb_round_rules_check_see_nomination (round, FB_NOMINATION (record), user, now, NULL);

  if (FB_IS_SCORE (record))
    return g_strcmp0 (fb_score_get_panel_member_id (FB_SCORE (record)), caller->user_id) == 0 ||
           fb_round_rules_check_see_score (round, FB_SCORE (record), user, NULL);

  return FALSE;
}
