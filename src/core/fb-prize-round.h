/* fb-prize-round.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_PRIZE_ROUND (fb_prize_round_get_type ())

G_DECLARE_FINAL_TYPE (FbPrizeRound, fb_prize_round, FB, PRIZE_ROUND, FbRecord)

FbPrizeRound       *fb_prize_round_new                        (const char         *id);
const char         *fb_prize_round_get_name                   (FbPrizeRound       *self);
void                fb_prize_round_set_name                   (FbPrizeRound       *self,
                                                               const char         *name);
int                 fb_prize_round_get_year                   (FbPrizeRound       *self);
void                fb_prize_round_set_year                   (FbPrizeRound       *self,
                                                               int                 year);
const char         *fb_prize_round_get_region_id              (FbPrizeRound       *self);
void                fb_prize_round_set_region_id              (FbPrizeRound       *self,
                                                               const char         *region_id);
FbRoundStatus       fb_prize_round_get_status                 (FbPrizeRound       *self);
void                fb_prize_round_set_status                 (FbPrizeRound       *self,
                                                               FbRoundStatus       status);
const char         *fb_prize_round_get_nomination_opens       (FbPrizeRound       *self);
void                fb_prize_round_set_nomination_opens       (FbPrizeRound       *self,
                                                               const char         *nomination_opens);
const char         *fb_prize_round_get_nomination_closes      (FbPrizeRound       *self);
void                fb_prize_round_set_nomination_closes      (FbPrizeRound       *self,
                                                               const char         *nomination_closes);
const char         *fb_prize_round_get_scoring_closes         (FbPrizeRound       *self);
void                fb_prize_round_set_scoring_closes         (FbPrizeRound       *self,
                                                               const char         *scoring_closes);
const char         *fb_prize_round_get_award_date             (FbPrizeRound       *self);
void                fb_prize_round_set_award_date             (FbPrizeRound       *self,
                                                               const char         *award_date);
const char         *fb_prize_round_get_award_event            (FbPrizeRound       *self);
void                fb_prize_round_set_award_event            (FbPrizeRound       *self,
                                                               const char         *award_event);
int                 fb_prize_round_get_quota_per_trust        (FbPrizeRound       *self);
void                fb_prize_round_set_quota_per_trust        (FbPrizeRound       *self,
                                                               int                 quota_per_trust);
const char         *fb_prize_round_get_currency               (FbPrizeRound       *self);
void                fb_prize_round_set_currency               (FbPrizeRound       *self,
                                                               const char         *currency);
const char * const *fb_prize_round_get_panel_member_ids       (FbPrizeRound       *self);
void                fb_prize_round_set_panel_member_ids       (FbPrizeRound       *self,
                                                               const char * const *panel_member_ids);
const char * const *fb_prize_round_get_organiser_ids          (FbPrizeRound       *self);
void                fb_prize_round_set_organiser_ids          (FbPrizeRound       *self,
                                                               const char * const *organiser_ids);
GDateTime          *fb_prize_round_dup_nomination_opens_time  (FbPrizeRound       *self);
GDateTime          *fb_prize_round_dup_nomination_closes_time (FbPrizeRound       *self);
GDateTime          *fb_prize_round_dup_scoring_closes_time    (FbPrizeRound       *self);
gboolean            fb_prize_round_has_panel_member           (FbPrizeRound       *self,
                                                               const char         *user_id);
gboolean            fb_prize_round_has_organiser              (FbPrizeRound       *self,
                                                               const char         *user_id);

G_END_DECLS
