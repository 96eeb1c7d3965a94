/* fb-spc-limits.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-spc-limits"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "fb-spc-limits.h"

/* Centre lines and 3-sigma limits of one phase, following the formulas of
 * qicharts2 (see ANALYSIS.md for the sources). The results are meant to be
 * the same doubles R computes, so the arithmetic follows R's:
 *
 * - mean () sums in long double, divides, then adds the mean of the
 *   residuals (R's summary.c); sum () also accumulates in long double;
 * - the median of an even count is mean () of the two middle values;
 * - expressions are evaluated in the order qicharts2 writes them, e.g. the
 *   moving ranges of an I chart are taken of (y − centre), not of y. */

#define T_EXPONENT 3.6

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/**
 * fb_spc_mean:
 * @values: (array length=n): values, none of them NAN
 * @n: the number of values
 *
 * The mean as R's mean () computes it: a long double sum divided by @n,
 * corrected by the mean of the residuals.
 *
 * Returns: the mean, or NAN when @n is 0
 */
double
fb_spc_mean (const double *values,
             gsize         n)
{
  long double s = 0.0L;

  g_return_val_if_fail (n == 0 || values != NULL, NAN);

  if (n == 0)
    return NAN;

  for (gsize i = 0; i < n; i++)
    s += values[i];
  s /= n;

  if (isfinite ((double)s))
    {
      long double t = 0.0L;

      for (gsize i = 0; i < n; i++)
        t += values[i] - s;
      s += t / n;
    }

  return (double)s;
}

/**
 * fb_spc_median:
 * @values: (array length=n): values, none of them NAN
 * @n: the number of values
 *
 * The median as R's median () computes it.
 *
 * Returns: the median, or NAN when @n is 0
 */
double
fb_spc_median (const double *values,
               gsize         n)
{
  g_autofree double *sorted = NULL;

  g_return_val_if_fail (n == 0 || values != NULL, NAN);

  if (n == 0)
    return NAN;

  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);

  if (n % 2 == 1)
    return sorted[n / 2];

  return fb_spc_mean (sorted + n / 2 - 1, 2);
}

/* Collects y of the baseline points that are not missing into @out (room
 * for n_rows values) and returns how many there are. */
static gsize
collect_base_y (const FbSpcRow *rows,
                guint           n_rows,
                double         *out)
{
  gsize n = 0;

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].base && !isnan (rows[i].y))
      out[n++] = rows[i].y;

  return n;
}

/* Σ numerators / Σ denominators over the baseline, as
 * sum (y.sum[base], na.rm = TRUE) / sum (n[base], na.rm = TRUE). */
static double
pooled_ratio (const FbSpcRow *rows,
              guint           n_rows)
{
  long double numerators = 0.0L;
  long double sizes = 0.0L;

  for (guint i = 0; i < n_rows; i++)
    {
      if (!rows[i].base)
        continue;
      if (!isnan (rows[i].numerator))
        numerators += rows[i].numerator;
      if (!isnan (rows[i].size))
        sizes += rows[i].size;
    }

  return (double)numerators / (double)sizes;
}

/* The average moving range of @values (one per baseline point, NAN where
 * missing), screened: ranges next to a missing value are dropped, the
 * average is taken, ranges at or above FB_SPC_MR_SCREEN times it are left
 * out and the average taken again. NAN when no range is left. */
static double
screened_average_mr (const double *values,
                     gsize         n,
                     double       *scratch)
{
  gsize n_mr = 0;
  gsize n_kept = 0;
  double average;
  double upper;

  for (gsize i = 1; i < n; i++)
    {
      double mr = fabs (values[i] - values[i - 1]);

      if (!isnan (mr))
        scratch[n_mr++] = mr;
    }

  average = fb_spc_mean (scratch, n_mr);
  upper = FB_SPC_MR_SCREEN * average;

  for (gsize i = 0; i < n_mr; i++)
    if (scratch[i] < upper)
      scratch[n_kept++] = scratch[i];

  return fb_spc_mean (scratch, n_kept);
}

static double
limits_run (FbSpcRow *rows,
            guint     n_rows,
            double   *scratch)
{
  gsize n = collect_base_y (rows, n_rows, scratch);

  for (guint i = 0; i < n_rows; i++)
    rows[i].lcl = rows[i].ucl = NAN;

  return fb_spc_median (scratch, n);
}

/* XmR: mean ± 3 · screened average moving range / d2 (Montgomery 6.33). */
static double
limits_i (FbSpcRow *rows,
          guint     n_rows,
          double   *scratch,
          double   *scratch2)
{
  gsize n = collect_base_y (rows, n_rows, scratch);
  double centre = fb_spc_mean (scratch, n);
  double sigma;

  /* Moving ranges run over the baseline points in order: across excluded
   * points, but not across missing ones. */
  n = 0;
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].base)
      scratch[n++] = rows[i].y - centre;

  sigma = screened_average_mr (scratch, n, scratch2) / FB_SPC_D2;

  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].lcl = centre - 3 * sigma;
      rows[i].ucl = centre + 3 * sigma;
    }

  return centre;
}

static double
limits_mr (FbSpcRow *rows,
           guint     n_rows,
           double   *scratch)
{
  double previous = NAN;
  double centre;
  gsize n;

  /* The moving ranges of all points of the phase, the excluded ones too. */
  for (guint i = 0; i < n_rows; i++)
    {
      double value = rows[i].y;

      rows[i].y = fabs (value - previous);
      previous = value;
    }

  n = collect_base_y (rows, n_rows, scratch);
  centre = fb_spc_mean (scratch, n);

  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].lcl = 0;
      rows[i].ucl = FB_SPC_MR_SCREEN * centre;
    }

  return centre;
}

/* T chart (time between events): an I chart of y^(1/3.6), transformed back
 * (Provost & Murray), with a lower limit that is not a number set to 0. */
static double
limits_t (FbSpcRow *rows,
          guint     n_rows,
          double   *scratch,
          double   *scratch2)
{
  const double forward = 1 / T_EXPONENT;
  double centre;

  for (guint i = 0; i < n_rows; i++)
    rows[i].y = pow (rows[i].y, forward);

  centre = limits_i (rows, n_rows, scratch, scratch2);

  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].y = pow (rows[i].y, T_EXPONENT);
      rows[i].ucl = pow (rows[i].ucl, T_EXPONENT);
      rows[i].lcl = pow (rows[i].lcl, T_EXPONENT);
      if (rows[i].lcl < 0 || isnan (rows[i].lcl))
        rows[i].lcl = 0;
    }

  return pow (centre, T_EXPONENT);
}

/* Laney's sigma_z (2002): the screened average moving range of the
 * z-scores of the baseline points, / d2. */
static double
laney_sigma_z (const FbSpcRow *rows,
               guint           n_rows,
               double          centre,
               const double   *sigma,
               double         *scratch,
               double         *scratch2)
{
  gsize n = 0;

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].base)
      scratch[n++] = (rows[i].y - centre) / sigma[i];

  return screened_average_mr (scratch, n, scratch2) / FB_SPC_D2;
}

/* P, U and their Laney variants: pooled centre, sigma per point from its
 * denominator (Montgomery 7.8 and 7.19). */
static double
limits_proportion_or_rate (FbChartType  chart,
                           FbSpcRow    *rows,
                           guint        n_rows,
                           double      *scratch,
                           double      *scratch2)
{
  gboolean proportion = chart == FB_CHART_TYPE_P || chart == FB_CHART_TYPE_PP;
  gboolean laney = chart == FB_CHART_TYPE_PP || chart == FB_CHART_TYPE_UP;
  g_autofree double *sigma = g_new (double, n_rows);
  double centre = pooled_ratio (rows, n_rows);

  for (guint i = 0; i < n_rows; i++)
    {
      if (proportion)
        sigma[i] = sqrt (centre * (1 - centre) / rows[i].size);
      else
        sigma[i] = sqrt (centre / rows[i].size);
    }

  if (laney)
    {
      double sigma_z = laney_sigma_z (rows, n_rows, centre, sigma, scratch, scratch2);

      for (guint i = 0; i < n_rows; i++)
        sigma[i] = sigma[i] * sigma_z;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].ucl = centre + 3 * sigma[i];
      rows[i].lcl = centre - 3 * sigma[i];
      if (proportion && rows[i].ucl > 1 && isfinite (rows[i].ucl))
        rows[i].ucl = 1;
      if (rows[i].lcl < 0 && isfinite (rows[i].lcl))
        rows[i].lcl = 0;
    }

  return centre;
}

/* C chart: mean ± 3√mean (Montgomery 7.17). */
static double
limits_c (FbSpcRow *rows,
          guint     n_rows,
          double   *scratch)
{
  gsize n = collect_base_y (rows, n_rows, scratch);
  double centre = fb_spc_mean (scratch, n);
  double sigma = sqrt (centre);

  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].ucl = centre + 3 * sigma;
      rows[i].lcl = centre - 3 * sigma;
      if (rows[i].lcl < 0 && isfinite (rows[i].lcl))
        rows[i].lcl = 0;
    }

  return centre;
}

/* G chart (opportunities between events): limits from the mean of a
 * geometric distribution, mean ± 3√(mean · (mean + 1)) (Montgomery p. 319),
 * and the median as the centre line. */
static double
limits_g (FbSpcRow *rows,
          guint     n_rows,
          double   *scratch)
{
  gsize n = collect_base_y (rows, n_rows, scratch);
  double mean = fb_spc_mean (scratch, n);
  double sigma = sqrt (mean * (mean + 1));

  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].ucl = mean + 3 * sigma;
      rows[i].lcl = mean - 3 * sigma;
      if (rows[i].lcl < 0)
        rows[i].lcl = 0;
    }

  return fb_spc_median (scratch, n);
}

/**
 * fb_spc_limits_compute:
 * @chart: the chart type
 * @rows: (array length=n_rows): the points of one phase
 * @n_rows: the number of points
 *
 * Computes the centre line of one phase from its baseline points and the
 * limits of every point (none on run charts). On MR and T charts the values
 * to plot replace @y. T charts need every value to be above 0; the caller
 * checks that.
 *
 * Returns: the centre line, NAN when no baseline point has a value
 */
double
fb_spc_limits_compute (FbChartType  chart,
                       FbSpcRow    *rows,
                       guint        n_rows)
{
  g_autofree double *scratch = NULL;
  g_autofree double *scratch2 = NULL;

  g_return_val_if_fail (n_rows == 0 || rows != NULL, NAN);

  scratch = g_new (double, MAX (n_rows, 1));
  scratch2 = g_new (double, MAX (n_rows, 1));

  switch (chart)
    {
    case FB_CHART_TYPE_RUN:
      return limits_run (rows, n_rows, scratch);

    case FB_CHART_TYPE_I:
      return limits_i (rows, n_rows, scratch, scratch2);

    case FB_CHART_TYPE_MR:
      return limits_mr (rows, n_rows, scratch);

    case FB_CHART_TYPE_P:
    case FB_CHART_TYPE_U:
    case FB_CHART_TYPE_PP:
    case FB_CHART_TYPE_UP:
      return limits_proportion_or_rate (chart, rows, n_rows, scratch, scratch2);

    case FB_CHART_TYPE_C:
      return limits_c (rows, n_rows, scratch);

    case FB_CHART_TYPE_G:
      return limits_g (rows, n_rows, scratch);

    case FB_CHART_TYPE_T:
      return limits_t (rows, n_rows, scratch, scratch2);

    default:
      g_return_val_if_reached (NAN);
    }
}
