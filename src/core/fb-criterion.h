/* fb-criterion.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_CRITERION (fb_criterion_get_type ())

G_DECLARE_FINAL_TYPE (FbCriterion, fb_criterion, FB, CRITERION, FbRecord)

FbCriterion *fb_criterion_new             (const char  *id);
const char  *fb_criterion_get_round_id    (FbCriterion *self);
void         fb_criterion_set_round_id    (FbCriterion *self,
                                           const char  *round_id);
int          fb_criterion_get_position    (FbCriterion *self);
void         fb_criterion_set_position    (FbCriterion *self,
                                           int          position);
const char  *fb_criterion_get_name        (FbCriterion *self);
void         fb_criterion_set_name        (FbCriterion *self,
                                           const char  *name);
const char  *fb_criterion_get_description (FbCriterion *self);
void         fb_criterion_set_description (FbCriterion *self,
                                           const char  *description);
double       fb_criterion_get_weight      (FbCriterion *self);
void         fb_criterion_set_weight      (FbCriterion *self,
                                           double       weight);
int          fb_criterion_get_scale_min   (FbCriterion *self);
void         fb_criterion_set_scale_min   (FbCriterion *self,
                                           int          scale_min);
int          fb_criterion_get_scale_max   (FbCriterion *self);
void         fb_criterion_set_scale_max   (FbCriterion *self,
                                           int          scale_max);
gboolean     fb_criterion_value_in_scale  (FbCriterion *self,
                                           int          value);

G_END_DECLS
