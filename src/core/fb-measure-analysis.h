/* fb-measure-analysis.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-analysis.h"
#include "fb-measure.h"

G_BEGIN_DECLS

FbAnalysis *fb_measure_analyse          (FbMeasure   *measure,
                                         GListModel  *points,
                                         GError     **error);
FbAnalysis *fb_measure_analyse_with_rules (FbMeasure   *measure,
                                           GListModel  *points,
                                           FbRules      rules,
                                           GError     **error);
GArray     *fb_measure_dup_markers      (FbMeasure   *measure,
                                         GListModel  *cycles);
gboolean    fb_measure_chart_is_percent (FbMeasure   *measure);

G_END_DECLS
