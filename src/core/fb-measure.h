/* fb-measure.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_MEASURE (fb_measure_get_type ())

G_DECLARE_FINAL_TYPE (FbMeasure, fb_measure, FB, MEASURE, FbRecord)

FbMeasure     *fb_measure_new                       (const char    *id);
const char    *fb_measure_get_project_id            (FbMeasure     *self);
void           fb_measure_set_project_id            (FbMeasure     *self,
                                                     const char    *project_id);
const char    *fb_measure_get_name                  (FbMeasure     *self);
void           fb_measure_set_name                  (FbMeasure     *self,
                                                     const char    *name);
const char    *fb_measure_get_definition            (FbMeasure     *self);
void           fb_measure_set_definition            (FbMeasure     *self,
                                                     const char    *definition);
FbMeasureKind  fb_measure_get_kind                  (FbMeasure     *self);
void           fb_measure_set_kind                  (FbMeasure     *self,
                                                     FbMeasureKind  kind);
FbValueType    fb_measure_get_value_type            (FbMeasure     *self);
void           fb_measure_set_value_type            (FbMeasure     *self,
                                                     FbValueType    value_type);
const char    *fb_measure_get_unit                  (FbMeasure     *self);
void           fb_measure_set_unit                  (FbMeasure     *self,
                                                     const char    *unit);
double         fb_measure_get_rate_multiplier       (FbMeasure     *self);
void           fb_measure_set_rate_multiplier       (FbMeasure     *self,
                                                     double         rate_multiplier);
FbDirection    fb_measure_get_improvement_direction (FbMeasure     *self);
void           fb_measure_set_improvement_direction (FbMeasure     *self,
                                                     FbDirection    improvement_direction);
double         fb_measure_get_target                (FbMeasure     *self);
void           fb_measure_set_target                (FbMeasure     *self,
                                                     double         target);
FbChartType    fb_measure_get_chart_type            (FbMeasure     *self);
void           fb_measure_set_chart_type            (FbMeasure     *self,
                                                     FbChartType    chart_type);
FbFrequency    fb_measure_get_frequency             (FbMeasure     *self);
void           fb_measure_set_frequency             (FbMeasure     *self,
                                                     FbFrequency    frequency);
guint          fb_measure_get_baseline_points       (FbMeasure     *self);
void           fb_measure_set_baseline_points       (FbMeasure     *self,
                                                     guint          baseline_points);
const char    *fb_measure_get_data_source           (FbMeasure     *self);
void           fb_measure_set_data_source           (FbMeasure     *self,
                                                     const char    *data_source);

const char * const *fb_measure_get_phase_starts (FbMeasure          *self);
void                fb_measure_set_phase_starts (FbMeasure          *self,
                                                 const char * const *phase_starts);

gboolean  fb_measure_value_type_has_denominator (FbValueType  value_type);
double    fb_measure_get_display_multiplier     (FbMeasure   *self);

G_END_DECLS
