/* fb-score.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_SCORE (fb_score_get_type ())

G_DECLARE_FINAL_TYPE (FbScore, fb_score, FB, SCORE, FbRecord)

FbScore    *fb_score_new                   (const char *id);
const char *fb_score_get_round_id          (FbScore    *self);
void        fb_score_set_round_id          (FbScore    *self,
                                            const char *round_id);
const char *fb_score_get_nomination_id     (FbScore    *self);
void        fb_score_set_nomination_id     (FbScore    *self,
                                            const char *nomination_id);
const char *fb_score_get_panel_member_id   (FbScore    *self);
void        fb_score_set_panel_member_id   (FbScore    *self,
                                            const char *panel_member_id);
gboolean    fb_score_get_conflict_declared (FbScore    *self);
void        fb_score_set_conflict_declared (FbScore    *self,
                                            gboolean    conflict_declared);
const char *fb_score_get_conflict_reason   (FbScore    *self);
void        fb_score_set_conflict_reason   (FbScore    *self,
                                            const char *conflict_reason);
JsonNode   *fb_score_get_values            (FbScore    *self);
void        fb_score_set_values            (FbScore    *self,
                                            JsonNode   *values);
const char *fb_score_get_comment           (FbScore    *self);
void        fb_score_set_comment           (FbScore    *self,
                                            const char *comment);
gboolean    fb_score_get_final             (FbScore    *self);
void        fb_score_set_final             (FbScore    *self,
                                            gboolean    final);
guint       fb_score_get_n_values          (FbScore    *self);
gboolean    fb_score_get_value             (FbScore    *self,
                                            const char *criterion_id,
                                            int        *value);
void        fb_score_set_value             (FbScore    *self,
                                            const char *criterion_id,
                                            int         value);
void        fb_score_unset_value           (FbScore    *self,
                                            const char *criterion_id);

G_END_DECLS
