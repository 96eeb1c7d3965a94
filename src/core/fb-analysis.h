/* fb-analysis.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fb-enums.h"

G_BEGIN_DECLS

#define FB_ANALYSIS_ERROR (fb_analysis_error_quark ())

/**
 * FbAnalysisError:
 * @FB_ANALYSIS_ERROR_EMPTY: there are no points to analyse
 * @FB_ANALYSIS_ERROR_INVALID: a point cannot be analysed: a value over a
 *   denominator of 0, an infinite or negative number where it makes no
 *   sense, a time between events that is not above 0, or a P or U chart
 *   without any denominator
 *
 * Errors from fb_analysis_new (). Each message is a translated sentence
 * that names the row (1-based) and its date.
 */
typedef enum
{
  FB_ANALYSIS_ERROR_EMPTY,
  FB_ANALYSIS_ERROR_INVALID,
} FbAnalysisError;

/**
 * FbRules:
 * @FB_RULES_ANHOEJ: the Anhøj rules: an unusually long run or unusually
 *   few crossings of the centre line (qicharts2's default)
 * @FB_RULES_IHI: the IHI rules of the Health Care Data Guide: a shift of 6
 *   or more, a trend of 5 or more, too few or too many runs
 *
 * The rules used to find non-random variation around the centre line.
 * Control charts also flag points beyond the limits with either.
 */
typedef enum
{
  FB_RULES_ANHOEJ,
  FB_RULES_IHI,
} FbRules;

/**
 * FbAnalysisPoint:
 * @date: the period, `YYYY-MM-DD` (nullable; copied)
 * @value: the value, or the numerator with a denominator; NAN when missing
 * @denominator: the denominator, or NAN when there is none
 * @excluded: %TRUE to show the point but leave it out of the centre line,
 *   the limits and the runs analysis
 *
 * One point of the series to analyse, in time order. P, U, P′ and U′ charts
 * plot @value / @denominator; run, I, MR, T and G charts do so too when any
 * point has a denominator; C charts plot @value and ignore denominators.
 * A point whose value or denominator is missing, or 0 over 0, is missing:
 * it stays on the chart without a value.
 */
typedef struct
{
  const char *date;
  double      value;
  double      denominator;
  gboolean    excluded;
} FbAnalysisPoint;

/**
 * FbAnalysisOptions:
 * @chart: the chart type
 * @freeze: when not 0, the centre line and limits come from the first
 *   @freeze points only (the baseline) and are extended over the rest.
 *   Ignored when @n_part_starts is not 0, as in qicharts2
 * @part_starts: (array length=n_part_starts) (nullable): 1-based indices
 *   of the points where a new phase starts; each phase gets its own centre
 *   line, limits and runs analysis. Indices of 1 or less, past the last
 *   point or repeated are ignored
 * @n_part_starts: the length of @part_starts
 * @multiply: what values, centre lines and limits are multiplied by for
 *   display (100 for percent, 1000 for a rate per 1000); 0 means 1
 * @target: the target in the multiplied unit, or NAN when there is none;
 *   kept for the caller, not used in the analysis
 * @rules: the runs rules
 *
 * How to analyse a series. fb_analysis_options_init () sets the defaults:
 * a run chart with the Anhøj rules, no freeze, no parts, multiplier 1 and
 * no target.
 */
typedef struct
{
  FbChartType  chart;
  guint        freeze;
  const guint *part_starts;
  guint        n_part_starts;
  double       multiply;
  double       target;
  FbRules      rules;
} FbAnalysisOptions;

/**
 * FbAnalysisPhase:
 * @start: the first point, 1-based
 * @end: the last point, 1-based
 * @n_obs: the points that are not excluded, missing ones included
 * @n_useful: the points that are not excluded, not missing and not on the
 *   centre line
 * @centre: the centre line (multiplied), or NAN when no point has a value
 * @longest_run: the longest run of useful points on one side of the centre
 *   line, or -1 when @n_useful is 0
 * @longest_run_max: the longest run expected by chance, round (log2
 *   (@n_useful)) + 3, or -1
 * @crossings: how often the useful points cross the centre line, or -1
 * @crossings_min: the fewest crossings expected by chance, the 5 % quantile
 *   of Binomial (@n_useful − 1, ½), or -1
 * @runs_signal: non-random variation around the centre line: with the Anhøj
 *   rules @longest_run > @longest_run_max or @crossings < @crossings_min;
 *   with the IHI rules @shift, @trend, @too_few_runs or @too_many_runs.
 *   Always %FALSE on MR charts, as in qicharts2. Renderers dash the phase's
 *   centre line when it is set
 * @longest_run_start: the point (1-based) where the first longest run
 *   starts, or 0
 * @longest_run_above: whether that run is above the centre line
 * @shift: (IHI) a run of 6 or more
 * @trend: (IHI) 5 or more points each higher, or each lower, than the last
 * @trend_length: (IHI) the points in the longest trend
 * @trend_start: (IHI) the point (1-based) where it starts, or 0
 * @trend_rising: (IHI) whether it rises
 * @n_runs: (IHI) the number of runs, @crossings + 1, or -1
 * @runs_lower: (IHI) fewer runs than this are too few; -1 with fewer than
 *   10 useful points, when the rule does not apply
 * @runs_upper: (IHI) more runs than this are too many, or -1
 * @too_few_runs: (IHI) @n_runs < @runs_lower
 * @too_many_runs: (IHI) @n_runs > @runs_upper
 * @n_sigma_signals: the included points beyond a limit
 *
 * The analysis of one phase. The IHI fields are %FALSE, 0 or -1 with the
 * Anhøj rules.
 */
typedef struct
{
  guint    start;
  guint    end;
  guint    n_obs;
  guint    n_useful;
  double   centre;
  gint     longest_run;
  gint     longest_run_max;
  gint     crossings;
  gint     crossings_min;
  gboolean runs_signal;
  guint    longest_run_start;
  gboolean longest_run_above;
  gboolean shift;
  gboolean trend;
  guint    trend_length;
  guint    trend_start;
  gboolean trend_rising;
  gint     n_runs;
  gint     runs_lower;
  gint     runs_upper;
  gboolean too_few_runs;
  gboolean too_many_runs;
  guint    n_sigma_signals;
} FbAnalysisPhase;

/**
 * FbAnalysisRow:
 * @date: (nullable): the point's date, as given
 * @y: the value plotted, multiplied; NAN when missing. On MR charts the
 *   moving range (NAN for the first point of a phase)
 * @cl: the centre line at this point, multiplied; NAN when there is none
 * @lcl: the lower limit, multiplied; NAN on run charts and where there is
 *   none (a missing denominator)
 * @ucl: the upper limit, likewise
 * @phase: the phase, 1-based
 * @excluded: whether the point was excluded
 * @baseline: whether the point is in the frozen baseline (every point when
 *   there is no freeze)
 * @sigma_signal: whether @y is beyond a limit (excluded points too, as in
 *   qicharts2)
 * @long_run: whether the point is in a run that signals: longer than the
 *   limit with the Anhøj rules, a shift with the IHI rules (not on MR
 *   charts)
 * @trend: (IHI) whether the point is in a trend
 *
 * One point of the analysed series, for drawing.
 */
typedef struct
{
  const char *date;
  double      y;
  double      cl;
  double      lcl;
  double      ucl;
  guint       phase;
  gboolean    excluded;
  gboolean    baseline;
  gboolean    sigma_signal;
  gboolean    long_run;
  gboolean    trend;
} FbAnalysisRow;

#define FB_TYPE_ANALYSIS (fb_analysis_get_type ())

G_DECLARE_FINAL_TYPE (FbAnalysis, fb_analysis, FB, ANALYSIS, GObject)

GQuark                 fb_analysis_error_quark    (void);
void                   fb_analysis_options_init   (FbAnalysisOptions       *options);
FbAnalysis            *fb_analysis_new            (const FbAnalysisPoint   *points,
                                                   guint                    n_points,
                                                   const FbAnalysisOptions *options,
                                                   GError                 **error);
FbAnalysis            *fb_analysis_new_for_rows   (GArray                  *rows,
                                                   const guint             *excluded,
                                                   guint                    n_excluded,
                                                   const FbAnalysisOptions *options,
                                                   GError                 **error);
FbChartType            fb_analysis_get_chart      (FbAnalysis              *self);
FbRules                fb_analysis_get_rules      (FbAnalysis              *self);
double                 fb_analysis_get_multiply   (FbAnalysis              *self);
double                 fb_analysis_get_target     (FbAnalysis              *self);
guint                  fb_analysis_get_freeze     (FbAnalysis              *self);
guint                  fb_analysis_get_n_rows     (FbAnalysis              *self);
const FbAnalysisRow   *fb_analysis_get_row        (FbAnalysis              *self,
                                                   guint                    index);
guint                  fb_analysis_get_n_phases   (FbAnalysis              *self);
const FbAnalysisPhase *fb_analysis_get_phase      (FbAnalysis              *self,
                                                   guint                    index);
gboolean               fb_analysis_has_signal     (FbAnalysis              *self);
const char            *fb_analysis_get_summary    (FbAnalysis              *self);
char                  *fb_analysis_to_json        (FbAnalysis              *self);

G_END_DECLS
