/* fb-award.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_AWARD (fb_award_get_type ())

G_DECLARE_FINAL_TYPE (FbAward, fb_award, FB, AWARD, FbRecord)

FbAward    *fb_award_new               (const char *id);
const char *fb_award_get_round_id      (FbAward    *self);
void        fb_award_set_round_id      (FbAward    *self,
                                        const char *round_id);
const char *fb_award_get_prize_id      (FbAward    *self);
void        fb_award_set_prize_id      (FbAward    *self,
                                        const char *prize_id);
const char *fb_award_get_nomination_id (FbAward    *self);
void        fb_award_set_nomination_id (FbAward    *self,
                                        const char *nomination_id);
const char *fb_award_get_assigned_by   (FbAward    *self);
void        fb_award_set_assigned_by   (FbAward    *self,
                                        const char *assigned_by);
const char *fb_award_get_assigned_at   (FbAward    *self);
void        fb_award_set_assigned_at   (FbAward    *self,
                                        const char *assigned_at);

G_END_DECLS
