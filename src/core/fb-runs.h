/* fb-runs.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FbRunsFlags:
 * @FB_RUNS_FLAG_NONE: the point is in no run or trend that signals
 * @FB_RUNS_FLAG_LONG_RUN: the point is in a run longer than the Anhøj limit
 * @FB_RUNS_FLAG_SHIFT: the point is in a run of 6 or more (IHI shift)
 * @FB_RUNS_FLAG_TREND: the point is in 5 or more rising or falling points
 *   (IHI trend)
 *
 * What fb_runs_analyse () says about one point. Only useful points (on a
 * side of the centre line) get the run flags; a trend flags every included
 * point from its first to its last, equal values in between too.
 */
typedef enum
{
  FB_RUNS_FLAG_NONE     = 0,
  FB_RUNS_FLAG_LONG_RUN = 1 << 0,
  FB_RUNS_FLAG_SHIFT    = 1 << 1,
  FB_RUNS_FLAG_TREND    = 1 << 2,
} FbRunsFlags;

/**
 * FB_RUNS_IHI_SHIFT:
 *
 * The IHI shift rule: this many points or more in a row on one side of the
 * centre line.
 */
#define FB_RUNS_IHI_SHIFT 6

/**
 * FB_RUNS_IHI_TREND:
 *
 * The IHI trend rule: this many points or more in a row, each higher (or
 * each lower) than the one before.
 */
#define FB_RUNS_IHI_TREND 5

/**
 * FB_RUNS_IHI_MIN_USEFUL:
 *
 * The fewest useful observations for which the IHI runs table (too few or
 * too many runs) is applied; the table in the Health Care Data Guide starts
 * at 10.
 */
#define FB_RUNS_IHI_MIN_USEFUL 10

/**
 * FbRunsResult:
 * @n_obs: the included points, missing ones too
 * @n_useful: the included points that are not missing and not on the centre
 *   line
 * @longest_run: the longest run of useful points on one side, or -1 when
 *   @n_useful is 0
 * @longest_run_max: round (log2 (@n_useful)) + 3, or -1 when @n_useful is 0
 * @crossings: how often consecutive useful points change side, or -1
 * @crossings_min: the 5 % lower binomial quantile of (@n_useful − 1, ½), or -1
 * @anhoej_signal: @longest_run > @longest_run_max or @crossings <
 *   @crossings_min
 * @longest_run_first: the index (into the arrays given) of the first point
 *   of the first longest run, or -1
 * @longest_run_side: 1 when that run is above the centre line, -1 below, 0
 *   when there is none
 * @n_runs: the number of runs (@crossings + 1), or -1
 * @runs_lower: with @n_useful ≥ %FB_RUNS_IHI_MIN_USEFUL, fewer runs than
 *   this are too few; otherwise -1
 * @runs_upper: more runs than this are too many, or -1
 * @too_few_runs: @n_runs < @runs_lower
 * @too_many_runs: @n_runs > @runs_upper
 * @shift: @longest_run ≥ %FB_RUNS_IHI_SHIFT
 * @trend_length: the points in the longest trend, equal neighbours counted
 *   once (0 when there are no included values)
 * @trend_first: the index of the first point of that trend, or -1
 * @trend_direction: 1 rising, -1 falling, 0 none
 * @trend: @trend_length ≥ %FB_RUNS_IHI_TREND
 *
 * The runs analysis of one phase. The IHI fields are only filled when asked
 * for; otherwise @runs_lower and @runs_upper are -1 and the booleans
 * %FALSE.
 */
typedef struct
{
  guint    n_obs;
  guint    n_useful;
  gint     longest_run;
  gint     longest_run_max;
  gint     crossings;
  gint     crossings_min;
  gboolean anhoej_signal;
  gint     longest_run_first;
  gint     longest_run_side;
  gint     n_runs;
  gint     runs_lower;
  gint     runs_upper;
  gboolean too_few_runs;
  gboolean too_many_runs;
  gboolean shift;
  guint    trend_length;
  gint     trend_first;
  gint     trend_direction;
  gboolean trend;
} FbRunsResult;

guint    fb_runs_longest_run_max (guint           n_useful);
guint    fb_runs_crossings_min   (guint           n_useful);
gboolean fb_runs_ihi_limits      (guint           n_useful,
                                  guint          *lower,
                                  guint          *upper);
void     fb_runs_analyse         (const double   *y,
                                  const gboolean *include,
                                  guint           n,
                                  double          centre,
                                  gboolean        ihi,
                                  FbRunsResult   *result,
                                  guint8         *flags);

G_END_DECLS
