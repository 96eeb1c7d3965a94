/* test-analysis.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "fb-analysis.h"
#include "fb-runs.h"
#include "fb-spc-limits.h"

/* Every expected number below is worked out by hand in the comment next to
 * it. Exact doubles are compared where the arithmetic is exact; otherwise
 * to 1e-12 (or relatively for large numbers). */

#define EPS 1e-12

static const double none[64] = {
  NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
  NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
  NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
  NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
};

/* Analyses @n values (with denominators, or none) dated daily from
 * 2025-01-01; @excluded lists 1-based rows to exclude, ending in 0. */
static FbAnalysis *
analyse_full (const double             *values,
              const double             *denominators,
              guint                     n,
              const FbAnalysisOptions  *options,
              const guint              *excluded,
              GError                  **error)
{
  g_autofree FbAnalysisPoint *points = g_new0 (FbAnalysisPoint, MAX (n, 1));
  g_auto(GStrv) dates = g_new0 (char *, n + 1);
  GDate date;

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
  for (guint i = 0; i < n; i++)
    {
      dates[i] = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));
      g_date_add_days (&date, 1);
      points[i].date = dates[i];
      points[i].value = values[i];
      points[i].denominator = denominators != NULL ? denominators[i] : NAN;
    }

  for (guint i = 0; excluded != NULL && excluded[i] != 0; i++)
    points[excluded[i] - 1].excluded = TRUE;

  return fb_analysis_new (points, n, options, error);
}

static FbAnalysis *
analyse (FbChartType   chart,
         const double *values,
         const double *denominators,
         guint         n)
{
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  FbAnalysis *analysis;

  fb_analysis_options_init (&options);
  options.chart = chart;
  analysis = analyse_full (values, denominators, n, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);

  return analysis;
}

static void
assert_runs (const FbAnalysisPhase *phase,
             guint                  n_obs,
             guint                  n_useful,
             gint                   longest_run,
             gint                   longest_run_max,
             gint                   crossings,
             gint                   crossings_min,
             gboolean               runs_signal)
{
  g_assert_cmpuint (phase->n_obs, ==, n_obs);
  g_assert_cmpuint (phase->n_useful, ==, n_useful);
  g_assert_cmpint (phase->longest_run, ==, longest_run);
  g_assert_cmpint (phase->longest_run_max, ==, longest_run_max);
  g_assert_cmpint (phase->crossings, ==, crossings);
  g_assert_cmpint (phase->crossings_min, ==, crossings_min);
  g_assert_cmpint (phase->runs_signal, ==, runs_signal);
}

static void
assert_row_limits (FbAnalysis *analysis,
                   guint       index,
                   double      cl,
                   double      lcl,
                   double      ucl)
{
  const FbAnalysisRow *row = fb_analysis_get_row (analysis, index);

  g_assert_cmpfloat_with_epsilon (row->cl, cl, EPS);
  if (isnan (lcl))
    g_assert_true (isnan (row->lcl));
  else
    g_assert_cmpfloat_with_epsilon (row->lcl, lcl, EPS);
  if (isnan (ucl))
    g_assert_true (isnan (row->ucl));
  else
    g_assert_cmpfloat_with_epsilon (row->ucl, ucl, EPS);
}

/* Anhøj limits against the published table (Anhøj & Olesen 2014, table 1)
 * and by hand: crossings_min is the smallest k with P(X ≤ k) ≥ 0.05 for
 * X ~ Bin(n − 1, ½).
 *   n = 10: P(X ≤ 1) = 10/512 = 0.020, P(X ≤ 2) = 46/512 = 0.090 → 2
 *   n = 11: P(X ≤ 1) = 11/1024 = 0.011, P(X ≤ 2) = 56/1024 = 0.055 → 2
 *   n = 12: P(X ≤ 2) = 67/2048 = 0.033, P(X ≤ 3) = 232/2048 = 0.113 → 3
 *   n = 16: P(X ≤ 3) = 576/32768 = 0.018, P(X ≤ 4) = 1941/32768 = 0.059 → 4
 *   n = 20, 30, 36, 100 → 6, 10, 13, 41 (the table; R's qbinom agrees)
 * longest_run_max = round (log2 n) + 3: log2 10 = 3.32 → 6, log2 11 = 3.46
 * → 6, log2 20 = 4.32 → 7, log2 30 = 4.91 → 8, log2 36 = 5.17 → 8,
 * log2 100 = 6.64 → 10. */
static void
test_anhoej_limits (void)
{
  static const struct { guint n, max_run, min_crossings; } table[] = {
    { 1, 3, 0 }, { 2, 4, 0 }, { 5, 5, 0 }, { 6, 6, 1 }, { 10, 6, 2 }, { 11, 6, 2 },
    { 12, 7, 3 }, { 16, 7, 4 }, { 20, 7, 6 }, { 24, 8, 8 }, { 30, 8, 10 },
    { 36, 8, 13 }, { 50, 9, 19 }, { 100, 10, 41 }, { 1000, 13, 474 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_assert_cmpuint (fb_runs_longest_run_max (table[i].n), ==, table[i].max_run);
      g_assert_cmpuint (fb_runs_crossings_min (table[i].n), ==, table[i].min_crossings);
    }

  g_assert_cmpuint (fb_runs_crossings_min (0), ==, 0);
}

/* The IHI runs limits: with n = 10 split 5/5 there are C(10, 5) = 252
 * orders; 2 have 2 runs and 8 have 3, so P(R ≤ 2) = 0.008 ≤ 2.5 % and
 * P(R ≤ 3) = 0.040: fewer than 3 runs are too few. By symmetry 10 runs
 * (2 orders) and 9 runs (8) make more than 9 too many. The Health Care
 * Data Guide's table says 3 and 9. n = 20 (10/10, 184756 orders) gives 7
 * and 15, checked with exact integer arithmetic. */
static void
test_ihi_limits (void)
{
  guint lower = 0, upper = 0;

  g_assert_false (fb_runs_ihi_limits (9, &lower, &upper));
  g_assert_true (fb_runs_ihi_limits (10, &lower, &upper));
  g_assert_cmpuint (lower, ==, 3);
  g_assert_cmpuint (upper, ==, 9);
  g_assert_true (fb_runs_ihi_limits (20, &lower, &upper));
  g_assert_cmpuint (lower, ==, 7);
  g_assert_cmpuint (upper, ==, 15);
  g_assert_true (fb_runs_ihi_limits (30, &lower, &upper));
  g_assert_cmpuint (lower, ==, 11);
  g_assert_cmpuint (upper, ==, 21);
}

/* R's mean () and median (): the even median is the mean of the middle
 * two; nothing gives NAN. */
static void
test_mean_median (void)
{
  static const double values[] = { 5, 1, 4, 2 };

  g_assert_cmpfloat (fb_spc_mean (values, 4), ==, 3);
  g_assert_cmpfloat (fb_spc_median (values, 4), ==, 3);
  g_assert_cmpfloat (fb_spc_median (values, 3), ==, 4);
  g_assert_true (isnan (fb_spc_mean (values, 0)));
  g_assert_true (isnan (fb_spc_median (values, 0)));
}

/* 3 1 4 1 5 9 2 6 5 3 5: sorted 1 1 2 3 3 4 5 5 5 6 9, median 4 (the 6th).
 * The 4 is on the median, leaving 10 useful points with sides
 * − − − + + − + + − +: runs (− − −)(+ +)(−)(+ +)(−)(+), so 5 crossings and a
 * longest run of 3. With 10 useful points: max run 6, min crossings 2. */
static void
test_run_chart (void)
{
  static const double values[] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_RUN, values, NULL, 11);
  const FbAnalysisPhase *phase;

  g_assert_cmpuint (fb_analysis_get_n_rows (analysis), ==, 11);
  g_assert_cmpuint (fb_analysis_get_n_phases (analysis), ==, 1);
  phase = fb_analysis_get_phase (analysis, 0);
  g_assert_cmpuint (phase->start, ==, 1);
  g_assert_cmpuint (phase->end, ==, 11);
  g_assert_cmpfloat (phase->centre, ==, 4);
  assert_runs (phase, 11, 10, 3, 6, 5, 2, FALSE);

  for (guint i = 0; i < 11; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);

      g_assert_cmpfloat (row->y, ==, values[i]);
      g_assert_cmpfloat (row->cl, ==, 4);
      g_assert_true (isnan (row->lcl));
      g_assert_true (isnan (row->ucl));
      g_assert_false (row->sigma_signal);
      g_assert_false (row->long_run);
      g_assert_cmpuint (row->phase, ==, 1);
    }

  g_assert_false (fb_analysis_has_signal (analysis));
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "11 points; median 4; only random variation.");
  g_assert_finalize_object (g_steal_pointer (&analysis));
}

/* 1, 2, …, 16: median 8.5, 8 points below then 8 above. The longest run, 8,
 * is above round (log2 16) + 3 = 7, and 1 crossing is below 4 (see
 * test_anhoej_limits), so both rules signal; every point is in a run that
 * is too long. */
static void
test_run_chart_long_run (void)
{
  double values[16];
  g_autoptr(FbAnalysis) analysis = NULL;
  const FbAnalysisPhase *phase;

  for (guint i = 0; i < 16; i++)
    values[i] = i + 1;

  analysis = analyse (FB_CHART_TYPE_RUN, values, NULL, 16);
  phase = fb_analysis_get_phase (analysis, 0);
  g_assert_cmpfloat (phase->centre, ==, 8.5);
  assert_runs (phase, 16, 16, 8, 7, 1, 4, TRUE);
  g_assert_cmpuint (phase->longest_run_start, ==, 1);
  g_assert_false (phase->longest_run_above);

  for (guint i = 0; i < 16; i++)
    g_assert_true (fb_analysis_get_row (analysis, i)->long_run);

  g_assert_true (fb_analysis_has_signal (analysis));
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "16 points; median 8.5; a run of 8 points below the median from "
                   "1 January 2025: a shift; only 1 crossing of the median where at "
                   "least 4 are expected.");
}

/* Runs of 5: 1 ×5, 3 ×5, 1 ×5, 3 ×5. Median 2, 20 useful points, longest
 * run 5 ≤ 7, but 3 crossings < 6: a signal from crossings alone, and no
 * point is in a run that is too long. */
static void
test_run_chart_few_crossings (void)
{
  double values[20];
  g_autoptr(FbAnalysis) analysis = NULL;

  for (guint i = 0; i < 20; i++)
    values[i] = (i / 5) % 2 == 0 ? 1 : 3;

  analysis = analyse (FB_CHART_TYPE_RUN, values, NULL, 20);
  assert_runs (fb_analysis_get_phase (analysis, 0), 20, 20, 5, 7, 3, 6, TRUE);

  for (guint i = 0; i < 20; i++)
    g_assert_false (fb_analysis_get_row (analysis, i)->long_run);
}

/* 0 0 0 5 0 0 10 10 10 10 10: sorted 0 ×5, 5, 10 ×5, median 5. The 5 is on
 * the median: it neither counts nor breaks the run, so the 0s make one run
 * of 5 (not 3 and 2). 10 useful points: max run 6, min crossings 2; 1
 * crossing signals. */
static void
test_run_chart_on_median (void)
{
  static const double values[] = { 0, 0, 0, 5, 0, 0, 10, 10, 10, 10, 10 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_RUN, values, NULL, 11);
  const FbAnalysisPhase *phase = fb_analysis_get_phase (analysis, 0);

  g_assert_cmpfloat (phase->centre, ==, 5);
  assert_runs (phase, 11, 10, 5, 6, 1, 2, TRUE);
  g_assert_cmpuint (phase->longest_run_start, ==, 1);
}

/* A run chart of proportions plots numerator / denominator: 1/4, 2/4, 3/4
 * (median 0.5). */
static void
test_run_chart_ratio (void)
{
  static const double values[] = { 1, 2, 3 };
  static const double denominators[] = { 4, 4, 4 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_RUN, values, denominators, 3);

  g_assert_cmpfloat (fb_analysis_get_row (analysis, 0)->y, ==, 0.25);
  g_assert_cmpfloat (fb_analysis_get_phase (analysis, 0)->centre, ==, 0.5);
}

/* I chart of 1 3 2 4 3: mean 13/5 = 2.6; moving ranges 2 1 2 1, average
 * 1.5, all under 3.267 · 1.5, so sigma = 1.5 / 1.128 and the limits are
 * 2.6 ± 4.5 / 1.128 = 2.6 ± 3.989. Sides − + − + +: longest run 2, 3
 * crossings; 5 useful: max run round (2.32) + 3 = 5, min crossings 0
 * (P(X = 0) = 1/16 ≥ 5 %). */
static void
test_i_chart (void)
{
  static const double values[] = { 1, 3, 2, 4, 3 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_I, values, NULL, 5);

  g_assert_cmpfloat_with_epsilon (fb_analysis_get_phase (analysis, 0)->centre, 2.6, EPS);
  for (guint i = 0; i < 5; i++)
    assert_row_limits (analysis, i, 2.6, 2.6 - 4.5 / 1.128, 2.6 + 4.5 / 1.128);
  assert_runs (fb_analysis_get_phase (analysis, 0), 5, 5, 2, 5, 3, 0, FALSE);
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "5 points; mean 2.6; only random variation.");
}

/* 0 1 0 1 0 1 0 1 0 20: mean 24/10 = 2.4; moving ranges 1 (×8) and 20,
 * average 28/9 = 3.11. Screening drops 20 > 3.267 · 3.11 = 10.2, so the
 * average moving range is 1 and the limits 2.4 ± 3/1.128 = 2.4 ± 2.66
 * (without screening they would be 2.4 ± 8.27). The 20 is beyond, and the
 * nine points below the mean are a run longer than 6 with 1 crossing where
 * 2 are expected. */
static void
test_i_chart_screening (void)
{
  static const double values[] = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 20 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_I, values, NULL, 10);

  assert_row_limits (analysis, 0, 2.4, 2.4 - 3 / 1.128, 2.4 + 3 / 1.128);
  g_assert_true (fb_analysis_get_row (analysis, 9)->sigma_signal);
  g_assert_false (fb_analysis_get_row (analysis, 8)->sigma_signal);
  g_assert_cmpuint (fb_analysis_get_phase (analysis, 0)->n_sigma_signals, ==, 1);
  g_assert_true (fb_analysis_has_signal (analysis));
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "10 points; mean 2.4; a run of 9 points below the centre line from "
                   "1 January 2025: a shift; only 1 crossing of the centre line where at "
                   "least 2 are expected; 1 point outside the control limits, on "
                   "10 January 2025.");
}

/* MR chart of 0, 1, …, 8, 13, 18, …, 48: the moving ranges are 1 (×8) and
 * 5 (×8), the first point has none. Centre 3, UCL 3.267 · 3, LCL 0. The 8
 * ranges below and 8 above would be a long run, but qicharts2 never
 * signals runs on MR charts. */
static void
test_mr_chart (void)
{
  double values[17];
  g_autoptr(FbAnalysis) analysis = NULL;
  const FbAnalysisPhase *phase;

  for (guint i = 0; i < 17; i++)
    values[i] = i <= 8 ? i : 8 + 5.0 * (i - 8);

  analysis = analyse (FB_CHART_TYPE_MR, values, NULL, 17);
  phase = fb_analysis_get_phase (analysis, 0);
  g_assert_true (isnan (fb_analysis_get_row (analysis, 0)->y));
  g_assert_cmpfloat (fb_analysis_get_row (analysis, 1)->y, ==, 1);
  g_assert_cmpfloat (fb_analysis_get_row (analysis, 16)->y, ==, 5);
  g_assert_cmpfloat (phase->centre, ==, 3);
  assert_row_limits (analysis, 0, 3, 0, 3.267 * 3);
  assert_runs (phase, 17, 16, 8, 7, 1, 4, FALSE);

  for (guint i = 0; i < 17; i++)
    g_assert_false (fb_analysis_get_row (analysis, i)->long_run);

  g_assert_false (fb_analysis_has_signal (analysis));
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "17 points; average moving range 3; only random variation.");
}

/* P chart: 10/100, 20/100, 30/100, 80/400. p̄ = 140/700 = 0.2; sigma =
 * √(0.2 · 0.8 / 100) = 0.04 → limits 0.08 and 0.32; for n = 400 sigma is
 * 0.02 → 0.14 and 0.26. */
static void
test_p_chart (void)
{
  static const double values[] = { 10, 20, 30, 80 };
  static const double denominators[] = { 100, 100, 100, 400 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_P, values, denominators, 4);

  g_assert_cmpfloat_with_epsilon (fb_analysis_get_row (analysis, 2)->y, 0.3, EPS);
  assert_row_limits (analysis, 0, 0.2, 0.08, 0.32);
  assert_row_limits (analysis, 3, 0.2, 0.14, 0.26);
  g_assert_false (fb_analysis_has_signal (analysis));
}

/* p̄ = 2/30 = 0.067: p̄ − 3 · √(p̄ (1 − p̄) / 10) = −0.17 is clipped to 0.
 * p̄ = 29/30 = 0.967: p̄ + 3 · 0.057 = 1.14 is clipped to 1. */
static void
test_p_chart_clipped (void)
{
  static const double low[] = { 1, 0, 1 };
  static const double high[] = { 9, 10, 10 };
  static const double tens[] = { 10, 10, 10 };
  g_autoptr(FbAnalysis) a = analyse (FB_CHART_TYPE_P, low, tens, 3);
  g_autoptr(FbAnalysis) b = analyse (FB_CHART_TYPE_P, high, tens, 3);
  double p = 2.0 / 30;
  double q = 29.0 / 30;

  assert_row_limits (a, 0, p, 0, p + 3 * sqrt (p * (1 - p) / 10));
  assert_row_limits (b, 0, q, q - 3 * sqrt (q * (1 - q) / 10), 1);
}

/* U chart: 4/2, 6/2, 2/2. ū = 12/6 = 2, sigma = √(2/2) = 1: UCL 5, LCL −1
 * clipped to 0. */
static void
test_u_chart (void)
{
  static const double values[] = { 4, 6, 2 };
  static const double denominators[] = { 2, 2, 2 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_U, values, denominators, 3);

  g_assert_cmpfloat (fb_analysis_get_row (analysis, 1)->y, ==, 3);
  assert_row_limits (analysis, 0, 2, 0, 5);
}

/* C chart of 4 9 5 6 20 with the 20 excluded: c̄ = 24/4 = 6, limits
 * 6 ± 3√6 = −1.35 (clipped to 0) and 13.35. The excluded 20 is beyond the
 * limit and flagged, as qicharts2 does, but does not count as a signal of
 * the phase; it is not an observation of the runs analysis either. */
static void
test_c_chart_excluded (void)
{
  static const double values[] = { 4, 9, 5, 6, 20 };
  static const guint excluded[] = { 5, 0 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  const FbAnalysisRow *row;

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_C;
  analysis = analyse_full (values, NULL, 5, &options, excluded, &error);
  g_assert_no_error (error);

  assert_row_limits (analysis, 0, 6, 0, 6 + 3 * sqrt (6));
  row = fb_analysis_get_row (analysis, 4);
  g_assert_true (row->excluded);
  g_assert_true (row->sigma_signal);
  g_assert_cmpfloat (row->y, ==, 20);
  g_assert_cmpuint (fb_analysis_get_phase (analysis, 0)->n_sigma_signals, ==, 0);
  g_assert_cmpuint (fb_analysis_get_phase (analysis, 0)->n_obs, ==, 4);
  g_assert_false (fb_analysis_has_signal (analysis));
}

/* G chart of 0 2 4 10: mean 4, sigma √(4 · 5) = √20, UCL 4 + 3√20 = 17.4,
 * LCL clipped to 0; the centre line is the median, (2 + 4) / 2 = 3. */
static void
test_g_chart (void)
{
  static const double values[] = { 0, 2, 4, 10 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_G, values, NULL, 4);

  assert_row_limits (analysis, 0, 3, 0, 4 + 3 * sqrt (20));
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "4 points; median 3; only random variation.");
}

/* T chart: y = t^3.6 for t = 1 3 2 3 1. An I chart of t: mean 2, moving
 * ranges 2 1 1 2 (average 1.5), limits 2 ± 4.5/1.128 = −1.99 and 5.99.
 * Back: CL 2^3.6, UCL 5.99^3.6; the negative LCL has no 3.6th power and
 * becomes 0. */
static void
test_t_chart (void)
{
  static const double t[] = { 1, 3, 2, 3, 1 };
  double values[5];
  g_autoptr(FbAnalysis) analysis = NULL;
  const FbAnalysisRow *row;
  double ucl = pow (2 + 4.5 / 1.128, 3.6);

  for (guint i = 0; i < 5; i++)
    values[i] = pow (t[i], 3.6);

  analysis = analyse (FB_CHART_TYPE_T, values, NULL, 5);
  row = fb_analysis_get_row (analysis, 1);
  g_assert_cmpfloat_with_epsilon (row->y, values[1], 1e-9);
  g_assert_cmpfloat_with_epsilon (row->cl, pow (2, 3.6), 1e-9);
  g_assert_cmpfloat_with_epsilon (row->ucl / ucl, 1, 1e-12);
  g_assert_cmpfloat (row->lcl, ==, 0);
}

/* Constant times between events: every moving range is 0, none is below
 * 3.267 · 0, so there is no sigma: no UCL, and the LCL that is not a
 * number becomes 0 as in qicharts2. */
static void
test_t_chart_constant (void)
{
  static const double values[] = { 5, 5, 5 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_T, values, NULL, 3);
  const FbAnalysisRow *row = fb_analysis_get_row (analysis, 0);

  g_assert_cmpfloat_with_epsilon (row->cl, 5, 1e-9);
  g_assert_true (isnan (row->ucl));
  g_assert_cmpfloat (row->lcl, ==, 0);
}

/* P′ (Laney): 10 20 30 20 of 100. p̄ = 0.2, sigma_i = 0.04, z = −2.5 0 2.5
 * 0, moving ranges 2.5 ×3, sigma_z = 2.5 / 1.128. Limits 0.2 ± 3 · 0.04 ·
 * 2.5 / 1.128 = 0.2 ± 0.266: 0.466 and (clipped) 0. */
static void
test_pp_chart (void)
{
  static const double values[] = { 10, 20, 30, 20 };
  static const double denominators[] = { 100, 100, 100, 100 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_PP, values, denominators, 4);

  assert_row_limits (analysis, 0, 0.2, 0, 0.2 + 0.3 / 1.128);
}

/* U′ (Laney): 1 4 1 4 over 1. ū = 2.5, sigma_i = √2.5, z = ∓1.5/√2.5,
 * moving ranges 3/√2.5, sigma_z = 3/√2.5/1.128, so sigma_i · sigma_z =
 * 3/1.128 and the limits are 2.5 ± 9/1.128: 10.48 and (clipped) 0. */
static void
test_up_chart (void)
{
  static const double values[] = { 1, 4, 1, 4 };
  static const double denominators[] = { 1, 1, 1, 1 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_UP, values, denominators, 4);

  assert_row_limits (analysis, 0, 2.5, 0, 2.5 + 9 / 1.128);
}

/* 1 … 6, 10 … 15 frozen at 6: the median of 1 … 6 is 3.5; 1 2 3 are
 * below and the other 9 above, a run of 9 > round (log2 12) + 3 = 7;
 * 1 crossing < 3. */
static void
test_freeze (void)
{
  static const double values[] = { 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  const FbAnalysisPhase *phase;

  fb_analysis_options_init (&options);
  options.freeze = 6;
  analysis = analyse_full (values, NULL, 12, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fb_analysis_get_freeze (analysis), ==, 6);
  phase = fb_analysis_get_phase (analysis, 0);
  g_assert_cmpfloat (phase->centre, ==, 3.5);
  assert_runs (phase, 12, 12, 9, 7, 1, 3, TRUE);
  g_assert_cmpuint (phase->longest_run_start, ==, 4);
  g_assert_true (phase->longest_run_above);

  for (guint i = 0; i < 12; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);

      g_assert_cmpint (row->baseline, ==, i < 6);
      g_assert_cmpfloat (row->cl, ==, 3.5);
      g_assert_cmpint (row->long_run, ==, i >= 3);
    }

  /* A freeze longer than the series is the whole series: median 8. */
  options.freeze = 100;
  g_clear_object (&analysis);
  analysis = analyse_full (values, NULL, 12, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fb_analysis_get_phase (analysis, 0)->centre, ==, 8);
}

/* The same series in two phases from point 7: medians 3.5 and 12.5, each 6
 * useful points with runs of 3 and 1 crossing; 6 points: max run
 * round (2.58) + 3 = 6, min crossings 1 (P(X ≤ 0) = 1/32, P(X ≤ 1) = 6/32).
 * The freeze is ignored when there are phases, as in qicharts2. Starts of
 * 1, past the end or repeated add nothing. */
static void
test_parts (void)
{
  static const double values[] = { 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15 };
  static const guint starts[] = { 13, 7, 1, 7, 0 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  const FbAnalysisPhase *phase;

  fb_analysis_options_init (&options);
  options.part_starts = starts;
  options.n_part_starts = G_N_ELEMENTS (starts);
  options.freeze = 3;
  analysis = analyse_full (values, NULL, 12, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fb_analysis_get_freeze (analysis), ==, 0);
  g_assert_cmpuint (fb_analysis_get_n_phases (analysis), ==, 2);

  phase = fb_analysis_get_phase (analysis, 0);
  g_assert_cmpuint (phase->start, ==, 1);
  g_assert_cmpuint (phase->end, ==, 6);
  g_assert_cmpfloat (phase->centre, ==, 3.5);
  assert_runs (phase, 6, 6, 3, 6, 1, 1, FALSE);

  phase = fb_analysis_get_phase (analysis, 1);
  g_assert_cmpuint (phase->start, ==, 7);
  g_assert_cmpuint (phase->end, ==, 12);
  g_assert_cmpfloat (phase->centre, ==, 12.5);
  assert_runs (phase, 6, 6, 3, 6, 1, 1, FALSE);

  g_assert_cmpuint (fb_analysis_get_row (analysis, 5)->phase, ==, 1);
  g_assert_cmpuint (fb_analysis_get_row (analysis, 6)->phase, ==, 2);
  g_assert_cmpfloat (fb_analysis_get_row (analysis, 6)->cl, ==, 12.5);
  g_assert_true (fb_analysis_get_row (analysis, 0)->baseline);
  g_assert_true (fb_analysis_get_row (analysis, 11)->baseline);

  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "12 points in 2 phases. Phase 1: median 3.5; only random variation. "
                   "Phase 2: median 12.5; only random variation.");
}

/* Moving ranges start again in each phase: 1 2 4 7 11 16 split at 4 gives
 * ranges –, 1, 2 and –, 4, 5. */
static void
test_parts_mr (void)
{
  static const double values[] = { 1, 2, 4, 7, 11, 16 };
  static const guint starts[] = { 4 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_MR;
  options.part_starts = starts;
  options.n_part_starts = 1;
  analysis = analyse_full (values, NULL, 6, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (isnan (fb_analysis_get_row (analysis, 3)->y));
  g_assert_cmpfloat (fb_analysis_get_row (analysis, 4)->y, ==, 4);
  g_assert_cmpfloat (fb_analysis_get_phase (analysis, 0)->centre, ==, 1.5);
  g_assert_cmpfloat (fb_analysis_get_phase (analysis, 1)->centre, ==, 4.5);
}

/* I chart of 1 2 100 3 4 with the 100 excluded: mean of 1 2 3 4 = 2.5;
 * the moving ranges skip the excluded point (1 1 1), so the limits are
 * 2.5 ± 3/1.128. The excluded point keeps its value and is beyond the
 * limit, but is not counted. */
static void
test_excluded_bridges_moving_ranges (void)
{
  static const double values[] = { 1, 2, 100, 3, 4 };
  static const guint excluded[] = { 3, 0 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  const FbAnalysisPhase *phase;

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_I;
  analysis = analyse_full (values, NULL, 5, &options, excluded, &error);
  g_assert_no_error (error);

  assert_row_limits (analysis, 0, 2.5, 2.5 - 3 / 1.128, 2.5 + 3 / 1.128);
  g_assert_true (fb_analysis_get_row (analysis, 2)->excluded);
  g_assert_true (fb_analysis_get_row (analysis, 2)->sigma_signal);
  phase = fb_analysis_get_phase (analysis, 0);
  g_assert_cmpuint (phase->n_sigma_signals, ==, 0);
  g_assert_cmpuint (phase->n_obs, ==, 4);
  g_assert_cmpuint (phase->n_useful, ==, 4);
}

/* I chart of 1 – 3 2 4: mean of 1 3 2 4 = 2.5. Moving ranges are not taken
 * across the missing point: only |2 − 3| and |4 − 2| remain, average 1.5
 * (taken across it would be 2 1 2, average 5/3). The missing point stays,
 * without a value but with the limits of its phase. */
static void
test_missing_value (void)
{
  static const double values[] = { 1, NAN, 3, 2, 4 };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_I, values, NULL, 5);
  const FbAnalysisRow *row = fb_analysis_get_row (analysis, 1);
  const FbAnalysisPhase *phase = fb_analysis_get_phase (analysis, 0);
  g_autofree char *json = NULL;

  assert_row_limits (analysis, 0, 2.5, 2.5 - 4.5 / 1.128, 2.5 + 4.5 / 1.128);
  g_assert_true (isnan (row->y));
  g_assert_false (row->sigma_signal);
  assert_row_limits (analysis, 1, 2.5, 2.5 - 4.5 / 1.128, 2.5 + 4.5 / 1.128);
  g_assert_cmpuint (phase->n_obs, ==, 5);
  g_assert_cmpuint (phase->n_useful, ==, 4);

  json = fb_analysis_to_json (analysis);
  g_assert_nonnull (strstr (json, "{\"date\":\"2025-01-02\",\"y\":null,\"cl\":2.5,"));
}

/* P chart of 10/100, –/100, 30/100, 0/0: a missing numerator and 0 over 0
 * are missing points, without limits (qicharts2 drops the denominator of an
 * incomplete point); p̄ = 40/200 = 0.2. */
static void
test_missing_denominator (void)
{
  static const double values[] = { 10, NAN, 30, 0, 10 };
  static const double denominators[] = { 100, 100, 100, 0, NAN };
  g_autoptr(FbAnalysis) analysis = analyse (FB_CHART_TYPE_P, values, denominators, 5);

  assert_row_limits (analysis, 0, 0.2, 0.08, 0.32);
  for (guint k = 0; k < 3; k++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, (guint[]) { 1, 3, 4 }[k]);

      g_assert_true (isnan (row->y));
      g_assert_true (isnan (row->lcl));
      g_assert_true (isnan (row->ucl));
    }
  g_assert_cmpuint (fb_analysis_get_phase (analysis, 0)->n_useful, ==, 2);
}

/* The multiplier scales values, centre lines and limits, not the analysis:
 * the P chart of test_p_chart in percent. */
static void
test_multiply (void)
{
  static const double values[] = { 10, 20, 30 };
  static const double denominators[] = { 100, 100, 100 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_P;
  options.multiply = 100;
  options.target = 25;
  analysis = analyse_full (values, denominators, 3, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpfloat (fb_analysis_get_multiply (analysis), ==, 100);
  g_assert_cmpfloat (fb_analysis_get_target (analysis), ==, 25);
  g_assert_cmpfloat_with_epsilon (fb_analysis_get_row (analysis, 0)->y, 10, EPS);
  g_assert_cmpfloat_with_epsilon (fb_analysis_get_phase (analysis, 0)->centre, 20, EPS);
  assert_row_limits (analysis, 0, 20, 8, 32);
  g_assert_cmpstr (fb_analysis_get_summary (analysis), ==,
                   "3 points; mean 20 %; only random variation.");

  /* 0 (a zeroed struct) means 1. */
  options.multiply = 0;
  g_clear_object (&analysis);
  analysis = analyse_full (values, denominators, 3, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fb_analysis_get_multiply (analysis), ==, 1);
}

/* A single point is its own median: no useful observation, so the runs
 * counts are undefined (null in JSON) and nothing signals. On an I chart a
 * single point has no moving range, hence no limits. */
static void
test_single_point (void)
{
  static const double values[] = { 5 };
  g_autoptr(FbAnalysis) run = analyse (FB_CHART_TYPE_RUN, values, NULL, 1);
  g_autoptr(FbAnalysis) i_chart = analyse (FB_CHART_TYPE_I, values, NULL, 1);
  g_autofree char *json = fb_analysis_to_json (run);

  assert_runs (fb_analysis_get_phase (run, 0), 1, 0, -1, -1, -1, -1, FALSE);
  g_assert_nonnull (strstr (json, "\"longest_run\":null,\"longest_run_max\":null,"
                                  "\"crossings\":null,\"crossings_min\":null,"
                                  "\"runs_signal\":false"));
  g_assert_cmpstr (fb_analysis_get_summary (run), ==,
                   "1 point; median 5; too few points off the centre line for a runs analysis.");
  assert_row_limits (i_chart, 0, 5, NAN, NAN);
  g_assert_false (fb_analysis_get_row (i_chart, 0)->sigma_signal);
}

/* One useful point: a run of 1, max round (0) + 3 = 3, 0 crossings of at
 * least qbinom (0.05, 0, ½) = 0: defined, no signal. */
static void
test_one_useful_point (void)
{
  static const double values[] = { 1, 2, 3 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;

  fb_analysis_options_init (&options);
  options.freeze = 1;
  /* Frozen at 1, the median is 1: 2 and 3 are useful. Exclude 3. */
  analysis = analyse_full (values, NULL, 3, &options, (const guint[]) { 3, 0 }, &error);
  g_assert_no_error (error);
  assert_runs (fb_analysis_get_phase (analysis, 0), 2, 1, 1, 3, 0, 0, FALSE);
}

/* All points on the median, constant data on an I chart (no moving range
 * above 0, so no limits), and a P chart of only 0/0 (no centre line). */
static void
test_degenerate (void)
{
  static const double fives[] = { 5, 5, 5, 5 };
  static const double zeros[] = { 0, 0 };
  g_autoptr(FbAnalysis) run = analyse (FB_CHART_TYPE_RUN, fives, NULL, 4);
  g_autoptr(FbAnalysis) i_chart = analyse (FB_CHART_TYPE_I, fives, NULL, 4);
  g_autoptr(FbAnalysis) p_chart = analyse (FB_CHART_TYPE_P, zeros, zeros, 2);
  g_autofree char *json = fb_analysis_to_json (p_chart);

  assert_runs (fb_analysis_get_phase (run, 0), 4, 0, -1, -1, -1, -1, FALSE);
  assert_row_limits (i_chart, 0, 5, NAN, NAN);
  g_assert_true (isnan (fb_analysis_get_phase (p_chart, 0)->centre));
  g_assert_nonnull (strstr (json, "\"centre\":null"));
  g_assert_cmpstr (fb_analysis_get_summary (p_chart), ==,
                   "2 points; no centre line; too few points off the centre line for a "
                   "runs analysis.");
}

static void
assert_invalid (FbChartType   chart,
                const double *values,
                const double *denominators,
                guint         n,
                const char   *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FbAnalysis) analysis = NULL;
  FbAnalysisOptions options;

  fb_analysis_options_init (&options);
  options.chart = chart;
  analysis = analyse_full (values, denominators, n, &options, NULL, &error);
  g_assert_null (analysis);
  g_assert_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID);
  if (row != NULL)
    g_assert_nonnull (strstr (error->message, row));
}

static void
test_errors (void)
{
  static const double values[] = { 10, 5, 3 };
  static const double zero_denominator[] = { 100, 0, 100 };
  static const double negative_denominator[] = { 100, 100, -1 };
  static const double infinite[] = { 1, INFINITY, 2 };
  static const double times[] = { 3, 0, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FbAnalysis) analysis = NULL;

  analysis = analyse_full (values, NULL, 0, NULL, NULL, &error);
  g_assert_null (analysis);
  g_assert_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_EMPTY);

  /* A positive value over 0 names the row and its date. */
  assert_invalid (FB_CHART_TYPE_P, values, zero_denominator, 3, "Row 2 (2025-01-02)");
  assert_invalid (FB_CHART_TYPE_RUN, values, zero_denominator, 3, "Row 2");
  assert_invalid (FB_CHART_TYPE_U, values, negative_denominator, 3, "Row 3");
  assert_invalid (FB_CHART_TYPE_I, infinite, NULL, 3, "Row 2");
  assert_invalid (FB_CHART_TYPE_T, times, NULL, 3, "Row 2");
  /* P and U charts need denominators. */
  assert_invalid (FB_CHART_TYPE_P, values, none, 3, NULL);
  assert_invalid (FB_CHART_TYPE_UP, values, NULL, 3, NULL);
}

/* IHI trend: 1 2 3 3 4 5 rises through 5 distinct values (the repeated 3
 * neither makes nor breaks it): a trend, every point flagged. 1 2 3 3 4 is
 * only 4. */
static void
test_ihi_trend (void)
{
  static const double values[] = { 1, 2, 3, 3, 4, 5 };
  g_autoptr(FbAnalysis) trend = NULL;
  g_autoptr(FbAnalysis) short_trend = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  const FbAnalysisPhase *phase;

  fb_analysis_options_init (&options);
  options.rules = FB_RULES_IHI;
  trend = analyse_full (values, NULL, 6, &options, NULL, &error);
  g_assert_no_error (error);
  phase = fb_analysis_get_phase (trend, 0);
  g_assert_true (phase->trend);
  g_assert_cmpuint (phase->trend_length, ==, 5);
  g_assert_cmpuint (phase->trend_start, ==, 1);
  g_assert_true (phase->trend_rising);
  g_assert_true (phase->runs_signal);
  for (guint i = 0; i < 6; i++)
    g_assert_true (fb_analysis_get_row (trend, i)->trend);
  g_assert_cmpstr (fb_analysis_get_summary (trend), ==,
                   "6 points; median 3; 5 points rising from 1 January 2025: a trend.");

  short_trend = analyse_full (values, NULL, 5, &options, NULL, &error);
  g_assert_no_error (error);
  phase = fb_analysis_get_phase (short_trend, 0);
  g_assert_false (phase->trend);
  g_assert_cmpuint (phase->trend_length, ==, 4);
  g_assert_false (phase->runs_signal);
}

/* IHI shift and too few runs: 1 ×6, 5, 9 ×6. The median is 5 (7th of 13),
 * so 6 below and 6 above: a shift (6 or more), but with the Anhøj rules 6
 * is not above round (log2 12) + 3 = 7. 12 useful points (6/6) have
 * C(12, 6) = 924 orders, 2 with 2 runs and 10 with 3: P(R ≤ 3) = 1.3 %,
 * P(R ≤ 4) = 6.7 %, so fewer than 4 runs are too few; 2 are. */
static void
test_ihi_shift (void)
{
  static const double values[] = { 1, 1, 1, 1, 1, 1, 5, 9, 9, 9, 9, 9, 9 };
  g_autoptr(FbAnalysis) ihi = NULL;
  g_autoptr(FbAnalysis) anhoej = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  FbAnalysisOptions options;
  const FbAnalysisPhase *phase;

  fb_analysis_options_init (&options);
  options.rules = FB_RULES_IHI;
  ihi = analyse_full (values, NULL, 13, &options, NULL, &error);
  g_assert_no_error (error);
  phase = fb_analysis_get_phase (ihi, 0);
  g_assert_true (phase->shift);
  g_assert_false (phase->trend);
  g_assert_cmpint (phase->n_runs, ==, 2);
  g_assert_cmpint (phase->runs_lower, ==, 4);
  g_assert_cmpint (phase->runs_upper, ==, 10);
  g_assert_true (phase->too_few_runs);
  g_assert_false (phase->too_many_runs);
  g_assert_true (phase->runs_signal);
  for (guint i = 0; i < 13; i++)
    g_assert_cmpint (fb_analysis_get_row (ihi, i)->long_run, ==, i != 6);
  g_assert_cmpstr (fb_analysis_get_summary (ihi), ==,
                   "13 points; median 5; a run of 6 points below the median from "
                   "1 January 2025: a shift; too few runs (2, fewer than 4).");

  json = fb_analysis_to_json (ihi);
  g_assert_nonnull (strstr (json, "\"runs_signal\":true,\"shift\":true,\"trend\":false,"
                                  "\"runs_out_of_range\":true}"));

  options.rules = FB_RULES_ANHOEJ;
  anhoej = analyse_full (values, NULL, 13, &options, NULL, &error);
  g_assert_no_error (error);
  phase = fb_analysis_get_phase (anhoej, 0);
  g_assert_false (phase->shift);
  g_assert_cmpint (phase->runs_lower, ==, -1);
  assert_runs (phase, 13, 12, 6, 7, 1, 3, TRUE);
  for (guint i = 0; i < 13; i++)
    g_assert_false (fb_analysis_get_row (anhoej, i)->long_run);
}

/* 1 3 1 3 …: 10 runs of 1 around the median 2, more than 9: too many runs
 * with the IHI rules; with the Anhøj rules 9 crossings are plenty. */
static void
test_ihi_too_many_runs (void)
{
  double values[10];
  g_autoptr(FbAnalysis) ihi = NULL;
  g_autoptr(FbAnalysis) anhoej = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;

  for (guint i = 0; i < 10; i++)
    values[i] = i % 2 == 0 ? 1 : 3;

  fb_analysis_options_init (&options);
  options.rules = FB_RULES_IHI;
  ihi = analyse_full (values, NULL, 10, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fb_analysis_get_phase (ihi, 0)->too_many_runs);
  g_assert_true (fb_analysis_get_phase (ihi, 0)->runs_signal);
  g_assert_cmpstr (fb_analysis_get_summary (ihi), ==,
                   "10 points; median 2; too many runs (10, more than 9).");

  anhoej = analyse (FB_CHART_TYPE_RUN, values, NULL, 10);
  assert_runs (fb_analysis_get_phase (anhoej, 0), 10, 10, 1, 6, 9, 2, FALSE);
}

/* The JSON contract: exactly these members, numbers that read back as the
 * same doubles, null for what is missing, and no NaN or infinity. */
static void
test_json_shape (void)
{
  static const char * const phase_keys[] = {
    "start", "end", "n_obs", "n_useful", "centre", "longest_run", "longest_run_max",
    "crossings", "crossings_min", "runs_signal",
  };
  static const char * const point_keys[] = {
    "date", "y", "cl", "lcl", "ucl", "sigma_signal", "excluded", "phase",
  };
  static const double values[] = { 35, 40, NAN, 41, 28, 46, 20, 32, 0 };
  static const double denominators[] = { 231, 263, 243, 241, 217, 220, 175, 192, 0 };
  static const guint starts[] = { 5 };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *numbers = NULL;
  FbAnalysisOptions options;
  JsonObject *root;
  JsonArray *phases;
  JsonArray *points;
  char *summary;

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_P;
  options.multiply = 100;
  options.part_starts = starts;
  options.n_part_starts = 1;
  analysis = analyse_full (values, denominators, 9, &options, (const guint[]) { 2, 0 }, &error);
  g_assert_no_error (error);

  json = fb_analysis_to_json (analysis);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  /* Outside the summary, no text may spell a non-finite number. */
  numbers = g_strdup (json);
  summary = strstr (numbers, "\"summary\":");
  g_assert_nonnull (summary);
  *summary = '\0';
  g_assert_null (strstr (numbers, "nan"));
  g_assert_null (strstr (numbers, "inf"));
  g_assert_null (strstr (numbers, "NaN"));
  g_assert_null (strstr (numbers, "Inf"));

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (root, "chart"), ==, "p");
  g_assert_cmpint (json_object_get_int_member (root, "n"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==,
                   fb_analysis_get_summary (analysis));

  phases = json_object_get_array_member (root, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, 2);
  for (guint p = 0; p < 2; p++)
    {
      JsonObject *phase = json_array_get_object_element (phases, p);

      g_assert_cmpuint (json_object_get_size (phase), ==, G_N_ELEMENTS (phase_keys));
      for (guint k = 0; k < G_N_ELEMENTS (phase_keys); k++)
        g_assert_true (json_object_has_member (phase, phase_keys[k]));
      g_assert_cmpint (json_object_get_int_member (phase, "start"), ==, p == 0 ? 1 : 5);
      g_assert_cmpfloat (json_object_get_double_member (phase, "centre"), ==,
                         fb_analysis_get_phase (analysis, p)->centre);
    }
  /* Phase 1 counts rows 1, 3 (missing) and 4, not the excluded row 2. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (phases, 0),
                                               "n_obs"), ==, 3);

  points = json_object_get_array_member (root, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      JsonObject *point = json_array_get_object_element (points, i);
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);

      g_assert_cmpuint (json_object_get_size (point), ==, G_N_ELEMENTS (point_keys));
      for (guint k = 0; k < G_N_ELEMENTS (point_keys); k++)
        g_assert_true (json_object_has_member (point, point_keys[k]));

      g_assert_cmpstr (json_object_get_string_member (point, "date"), ==, row->date);
      if (isnan (row->y))
        g_assert_true (json_object_get_null_member (point, "y"));
      else
        g_assert_cmpfloat (json_object_get_double_member (point, "y"), ==, row->y);
      if (isnan (row->ucl))
        g_assert_true (json_object_get_null_member (point, "ucl"));
      else
        g_assert_cmpfloat (json_object_get_double_member (point, "ucl"), ==, row->ucl);
      g_assert_cmpint (json_object_get_boolean_member (point, "excluded"), ==, i == 1);
      g_assert_cmpint (json_object_get_int_member (point, "phase"), ==, i < 4 ? 1 : 2);
    }

  /* Missing (row 3) and 0/0 (row 9) points: null value and limits. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (points, 2), "y"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (points, 8),
                                              "lcl"));
}

/* Numbers are written with a '.' whatever LC_NUMERIC says. */
static void
test_json_locale (void)
{
  static const char * const locales[] = { "de_DE.UTF-8", "nb_NO.UTF-8", "fr_FR.UTF-8" };
  static const double values[] = { 1, 2 };
  static const double denominators[] = { 4, 4 };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    found = setlocale (LC_NUMERIC, locales[i]);

  if (found == NULL)
    {
      g_test_skip ("No locale with a decimal comma is installed");
      return;
    }

  analysis = analyse (FB_CHART_TYPE_P, values, denominators, 2);
  json = fb_analysis_to_json (analysis);
  setlocale (LC_NUMERIC, saved);

  g_assert_nonnull (strstr (json, "\"y\":0.25,"));
  g_assert_nonnull (strstr (json, "\"centre\":0.375,"));
}

/* A tiny reader for the demo files (date,value,denominator,note): the
 * first three fields never hold a comma. */
static GArray *
read_demo (const char *name)
{
  const char *demo_dir = g_getenv ("FB_DEMO_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GArray *points = g_array_new (FALSE, TRUE, sizeof (FbAnalysisPoint));

  if (demo_dir == NULL)
    return points;

  path = g_build_filename (demo_dir, "measures", name, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 4);
      FbAnalysisPoint point = { 0 };

      if (g_strv_length (fields) < 3)
        continue;

      point.date = g_intern_string (fields[0]);
      point.value = fields[1][0] != '\0' ? g_ascii_strtod (fields[1], NULL) : NAN;
      point.denominator = fields[2][0] != '\0' ? g_ascii_strtod (fields[2], NULL) : NAN;
      g_array_append_val (points, point);
    }

  return points;
}

/* readmissions_30_days.csv, 20 months, baseline 10. As a run chart the
 * median of the first 10 proportions leaves 20 useful points and a longest
 * run of exactly 7 = round (log2 20) + 3: no signal. As a P chart the
 * centre is Σ numerators / Σ denominators of the first 10 months. */
static void
test_demo_readmissions (void)
{
  g_autoptr(GArray) points = read_demo ("readmissions_30_days.csv");
  g_autoptr(FbAnalysis) run = NULL;
  g_autoptr(FbAnalysis) p_chart = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  double numerators = 0, denominators = 0;

  if (points->len == 0)
    {
      g_test_skip ("FB_DEMO_DIR is not set");
      return;
    }

  g_assert_cmpuint (points->len, ==, 20);
  fb_analysis_options_init (&options);
  options.freeze = 10;
  run = fb_analysis_new ((FbAnalysisPoint *)points->data, points->len, &options, &error);
  g_assert_no_error (error);
  assert_runs (fb_analysis_get_phase (run, 0), 20, 20, 7, 7, 9, 6, FALSE);

  for (guint i = 0; i < 10; i++)
    {
      numerators += g_array_index (points, FbAnalysisPoint, i).value;
      denominators += g_array_index (points, FbAnalysisPoint, i).denominator;
    }

  options.chart = FB_CHART_TYPE_P;
  p_chart = fb_analysis_new ((FbAnalysisPoint *)points->data, points->len, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (fb_analysis_get_phase (p_chart, 0)->centre,
                                  numerators / denominators, EPS);
}

/* Every demo series with every chart type and both rule sets: an answer or
 * a clear error, and JSON that parses. */
static void
test_demo_all (void)
{
  static const char * const files[] = {
    "cauti_per_1000_catheter_days.csv", "colorectal_cancer_pathway_within_standard_time.csv",
    "days_between_falls.csv", "discharge_conversation_documented.csv",
    "discharge_summary_within_1_day.csv", "door_to_needle_minutes.csv",
    "ed_time_to_doctor_minutes.csv", "falls_per_1000_bed_days.csv",
    "gtt_adverse_events_per_1000_patient_days.csv", "hand_hygiene_compliance.csv",
    "lung_cancer_pathway_within_standard_time.csv", "medication_reconciliation_24h.csv",
    "news2_complete_observations.csv", "pressure_ulcers_count.csv", "readmissions_30_days.csv",
    "sepsis_antibiotics_within_1h.csv", "waiting_time_days.csv",
  };
  static const guint starts[] = { 8, 20 };

  if (g_getenv ("FB_DEMO_DIR") == NULL)
    {
      g_test_skip ("FB_DEMO_DIR is not set");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GArray) points = read_demo (files[f]);

      g_assert_cmpuint (points->len, >, 0);

      for (guint chart = FB_CHART_TYPE_RUN; chart <= FB_CHART_TYPE_UP; chart++)
        for (guint variant = 0; variant < 4; variant++)
          {
            g_autoptr(FbAnalysis) analysis = NULL;
            g_autoptr(JsonParser) parser = json_parser_new ();
            g_autoptr(GError) error = NULL;
            g_autofree char *json = NULL;
            FbAnalysisOptions options;

            fb_analysis_options_init (&options);
            options.chart = chart;
            options.rules = variant % 2 == 0 ? FB_RULES_ANHOEJ : FB_RULES_IHI;
            options.freeze = variant == 1 ? 12 : 0;
            options.multiply = variant == 2 ? 100 : 1;
            options.part_starts = variant == 3 ? starts : NULL;
            options.n_part_starts = variant == 3 ? G_N_ELEMENTS (starts) : 0;

            analysis = fb_analysis_new ((FbAnalysisPoint *)points->data, points->len,
                                        &options, &error);
            if (analysis == NULL)
              {
                g_assert_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID);
                continue;
              }

            json = fb_analysis_to_json (analysis);
            json_parser_load_from_data (parser, json, -1, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (strlen (fb_analysis_get_summary (analysis)), >, 0);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/analysis/anhoej-limits", test_anhoej_limits);
  g_test_add_func ("/core/analysis/ihi-limits", test_ihi_limits);
  g_test_add_func ("/core/analysis/mean-median", test_mean_median);
  g_test_add_func ("/core/analysis/run", test_run_chart);
  g_test_add_func ("/core/analysis/run/long-run", test_run_chart_long_run);
  g_test_add_func ("/core/analysis/run/few-crossings", test_run_chart_few_crossings);
  g_test_add_func ("/core/analysis/run/on-median", test_run_chart_on_median);
  g_test_add_func ("/core/analysis/run/ratio", test_run_chart_ratio);
  g_test_add_func ("/core/analysis/i", test_i_chart);
  g_test_add_func ("/core/analysis/i/screening", test_i_chart_screening);
  g_test_add_func ("/core/analysis/mr", test_mr_chart);
  g_test_add_func ("/core/analysis/p", test_p_chart);
  g_test_add_func ("/core/analysis/p/clipped", test_p_chart_clipped);
  g_test_add_func ("/core/analysis/u", test_u_chart);
  g_test_add_func ("/core/analysis/c/excluded", test_c_chart_excluded);
  g_test_add_func ("/core/analysis/g", test_g_chart);
  g_test_add_func ("/core/analysis/t", test_t_chart);
  g_test_add_func ("/core/analysis/t/constant", test_t_chart_constant);
  g_test_add_func ("/core/analysis/pp", test_pp_chart);
  g_test_add_func ("/core/analysis/up", test_up_chart);
  g_test_add_func ("/core/analysis/freeze", test_freeze);
  g_test_add_func ("/core/analysis/parts", test_parts);
  g_test_add_func ("/core/analysis/parts/mr", test_parts_mr);
  g_test_add_func ("/core/analysis/excluded", test_excluded_bridges_moving_ranges);
  g_test_add_func ("/core/analysis/missing/value", test_missing_value);
  g_test_add_func ("/core/analysis/missing/denominator", test_missing_denominator);
  g_test_add_func ("/core/analysis/multiply", test_multiply);
  g_test_add_func ("/core/analysis/edge/single-point", test_single_point);
  g_test_add_func ("/core/analysis/edge/one-useful-point", test_one_useful_point);
  g_test_add_func ("/core/analysis/edge/degenerate", test_degenerate);
  g_test_add_func ("/core/analysis/edge/errors", test_errors);
  g_test_add_func ("/core/analysis/ihi/trend", test_ihi_trend);
  g_test_add_func ("/core/analysis/ihi/shift", test_ihi_shift);
  g_test_add_func ("/core/analysis/ihi/too-many-runs", test_ihi_too_many_runs);
  g_test_add_func ("/core/analysis/json/shape", test_json_shape);
  g_test_add_func ("/core/analysis/json/locale", test_json_locale);
  g_test_add_func ("/core/analysis/demo/readmissions", test_demo_readmissions);
  g_test_add_func ("/core/analysis/demo/all", test_demo_all);

  return g_test_run ();
}
