/* fb-chart-attachment.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-attachment.h"
#include "fb-chart.h"
#include "fb-measure.h"
#include "fb-store.h"

G_BEGIN_DECLS

FbAttachment *fb_store_attach_chart (FbStore             *store,
                                     const char          *project_id,
                                     FbMeasure           *measure,
                                     FbAnalysis          *analysis,
                                     const FbChartStyle  *style,
                                     GError             **error);

G_END_DECLS
