/* fb-prize.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_PRIZE (fb_prize_get_type ())

G_DECLARE_FINAL_TYPE (FbPrize, fb_prize, FB, PRIZE, FbRecord)

FbPrize    *fb_prize_new          (const char *id);
const char *fb_prize_get_round_id (FbPrize    *self);
void        fb_prize_set_round_id (FbPrize    *self,
                                   const char *round_id);
int         fb_prize_get_rank     (FbPrize    *self);
void        fb_prize_set_rank     (FbPrize    *self,
                                   int         rank);
const char *fb_prize_get_title    (FbPrize    *self);
void        fb_prize_set_title    (FbPrize    *self,
                                   const char *title);
gint64      fb_prize_get_amount   (FbPrize    *self);
void        fb_prize_set_amount   (FbPrize    *self,
                                   gint64      amount);

G_END_DECLS
