/* fb-labels.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fb-enums.h"

G_BEGIN_DECLS

const char *fb_project_status_get_label (FbProjectStatus status);
const char *fb_focus_area_get_label     (FbFocusArea     focus_area);
const char *fb_value_type_get_label     (FbValueType     value_type);
const char *fb_measure_kind_get_label   (FbMeasureKind   kind);
const char *fb_direction_get_label      (FbDirection     direction);
const char *fb_chart_type_get_label     (FbChartType     chart_type);
const char *fb_frequency_get_label      (FbFrequency     frequency);
const char *fb_visibility_get_label     (FbVisibility    visibility);
const char *fb_pdsa_phase_get_label     (FbPdsaPhase     phase);
const char *fb_pdsa_decision_get_label  (FbPdsaDecision  decision);
const char *fb_enum_get_label           (GType           enum_type,
                                        int             value);

G_END_DECLS
