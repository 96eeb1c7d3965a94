/* fb-data-point.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_DATA_POINT (fb_data_point_get_type ())

G_DECLARE_FINAL_TYPE (FbDataPoint, fb_data_point, FB, DATA_POINT, FbRecord)

FbDataPoint *fb_data_point_new                (const char  *id);
const char  *fb_data_point_get_measure_id     (FbDataPoint *self);
void         fb_data_point_set_measure_id     (FbDataPoint *self,
                                               const char  *measure_id);
const char  *fb_data_point_get_period         (FbDataPoint *self);
void         fb_data_point_set_period         (FbDataPoint *self,
                                               const char  *period);
double       fb_data_point_get_value          (FbDataPoint *self);
void         fb_data_point_set_value          (FbDataPoint *self,
                                               double       value);
double       fb_data_point_get_denominator    (FbDataPoint *self);
void         fb_data_point_set_denominator    (FbDataPoint *self,
                                               double       denominator);
const char  *fb_data_point_get_note           (FbDataPoint *self);
void         fb_data_point_set_note           (FbDataPoint *self,
                                               const char  *note);
gboolean     fb_data_point_get_excluded       (FbDataPoint *self);
void         fb_data_point_set_excluded       (FbDataPoint *self,
                                               gboolean     excluded);
const char  *fb_data_point_get_exclude_reason (FbDataPoint *self);
void         fb_data_point_set_exclude_reason (FbDataPoint *self,
                                               const char  *exclude_reason);

G_END_DECLS
