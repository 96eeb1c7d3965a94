/* fb-chart.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "fb-analysis.h"

G_BEGIN_DECLS

#define FB_CHART_ERROR (fb_chart_error_quark ())

typedef enum
{
  FB_CHART_ERROR_FORMAT,
  FB_CHART_ERROR_SIZE,
  FB_CHART_ERROR_WRITE,
} FbChartError;

#define FB_CHART_MIN_SIZE 120
#define FB_CHART_MAX_SIZE 8000

/**
 * FbChartMarker:
 * @date: the day the PDSA cycle started, `YYYY-MM-DD`
 * @label: a short label, e.g. "PDSA 3"
 *
 * A PDSA cycle shown on the chart as a labelled vertical marker.
 */
typedef struct
{
  const char *date;
  const char *label;
} FbChartMarker;

/**
 * FbChartStyle:
 * @title: (nullable): the chart's title
 * @subtitle: (nullable): a line under the title (unit, source)
 * @dark: draw for a dark background
 * @markers: (array length=n_markers) (nullable): PDSA cycle markers
 * @n_markers: the number of markers
 * @highlight: the row to highlight (hover or keyboard focus), or -1
 * @percent: write values as percentages (proportions with multiplier 100)
 *
 * How a chart looks, apart from its data.
 */
typedef struct
{
  const char          *title;
  const char          *subtitle;
  gboolean             dark;
  const FbChartMarker *markers;
  guint                n_markers;
  int                  highlight;
  gboolean             percent;
} FbChartStyle;

/**
 * FbChartCache:
 *
 * What a chart drawn again and again keeps between draws, see
 * fb_chart_cache_new ().
 */
typedef struct _FbChartCache FbChartCache;

GQuark   fb_chart_error_quark (void);
void     fb_chart_style_init  (FbChartStyle        *style);
void     fb_chart_draw        (cairo_t             *cr,
                               FbAnalysis          *analysis,
                               const FbChartStyle  *style,
                               double               width,
                               double               height);
int      fb_chart_hit_test    (FbAnalysis          *analysis,
                               const FbChartStyle  *style,
                               double               width,
                               double               height,
                               double               x,
                               double               y);
GBytes  *fb_chart_render_png  (FbAnalysis          *analysis,
                               const FbChartStyle  *style,
                               int                  width,
                               int                  height,
                               GError             **error);
gboolean fb_chart_save        (FbAnalysis          *analysis,
                               const FbChartStyle  *style,
                               const char          *path,
                               int                  width,
                               int                  height,
                               GError             **error);

FbChartCache    *fb_chart_cache_new      (void);
void             fb_chart_cache_free     (FbChartCache       *cache);
cairo_surface_t *fb_chart_cache_draw     (FbChartCache       *cache,
                                          FbAnalysis         *analysis,
                                          const FbChartStyle *style,
                                          int                 width,
                                          int                 height,
                                          double              scale);
int              fb_chart_cache_hit_test (FbChartCache       *cache,
                                          double              x,
                                          double              y);
gboolean         fb_chart_cache_get_point (FbChartCache      *cache,
                                          int                 index,
                                          double             *x,
                                          double             *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FbChartCache, fb_chart_cache_free)

G_END_DECLS
