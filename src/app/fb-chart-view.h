/* fb-chart-view.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_CHART_VIEW (fb_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FbChartView, fb_chart_view, FB, CHART_VIEW, GtkWidget)

GtkWidget  *fb_chart_view_new           (void);
FbAnalysis *fb_chart_view_get_analysis  (FbChartView         *self);
void        fb_chart_view_set_analysis  (FbChartView         *self,
                                         FbAnalysis          *analysis);
GListModel *fb_chart_view_get_points    (FbChartView         *self);
void        fb_chart_view_set_points    (FbChartView         *self,
                                         GListModel          *points);
const char *fb_chart_view_get_title     (FbChartView         *self);
void        fb_chart_view_set_title     (FbChartView         *self,
                                         const char          *title);
gboolean    fb_chart_view_get_percent   (FbChartView         *self);
void        fb_chart_view_set_percent   (FbChartView         *self,
                                         gboolean             percent);
int         fb_chart_view_get_highlight (FbChartView         *self);
void        fb_chart_view_set_highlight (FbChartView         *self,
                                         int                  highlight);
void        fb_chart_view_set_markers   (FbChartView         *self,
                                         const FbChartMarker *markers,
                                         guint                n_markers);

G_END_DECLS
