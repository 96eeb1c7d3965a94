/* fb-runs.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-runs"

#include "config.h"

#include <float.h>
#include <math.h>

#include "fb-runs.h"

/* Runs analysis of one phase against its centre line; see ANALYSIS.md.
 *
 * Anhøj rules (Anhøj & Olesen 2014; qicharts2's runs.analysis ()): the
 * useful observations are the included points that are neither missing nor
 * on the centre line. A run is a sequence of useful points on the same side;
 * points on the line, missing or excluded points neither break nor count.
 *
 * IHI rules (Provost & Murray, The Health Care Data Guide): a shift is a run
 * of 6 or more, a trend 5 or more points each higher (or lower) than the
 * one before, equal neighbours counted once, and the number of runs is
 * compared with the two-sided 5 % limits of the runs distribution
 * (Swed & Eisenhart 1943) for the useful points split evenly above and
 * below, as the book's table is. */

/* R's qbinom () moves the probability down by this much so that a
 * cumulative probability equal to it in floating point still counts. */
#define QBINOM_FUZZ (1 - 64 * DBL_EPSILON)

#define ANHOEJ_CROSSINGS_P 0.05
#define IHI_RUNS_TAIL      0.025

/**
 * fb_runs_longest_run_max:
 * @n_useful: the useful observations, at least 1
 *
 * The Anhøj limit for the longest run: round (log2 (@n_useful)) + 3
 * (Schilling 2012). log2 of a whole number is never exactly halfway between
 * two integers, so how halves are rounded does not matter.
 *
 * Returns: the longest run that is still expected by chance
 */
guint
fb_runs_longest_run_max (guint n_useful)
{
  g_return_val_if_fail (n_useful > 0, 0);

  return (guint)round (log2 ((double)n_useful)) + 3;
}

/* The smallest k with P(X ≤ k) ≥ p for X ~ Binomial(size, ½), like R's
 * qbinom (p, size, 0.5). The probabilities are summed from k = 0 in log
 * space, so a size of a million neither overflows nor underflows; terms too
 * small to matter become 0. */
static guint
binom_half_quantile (double p,
                     guint  size)
{
  long double log_choose = 0.0L;
  long double log_half = (long double)size * logl (0.5L);
  double target = p * QBINOM_FUZZ;
  double cumulative = 0.0;

  for (guint k = 0; k < size; k++)
    {
      cumulative += (double)expl (log_choose + log_half);
      if (cumulative >= target)
        return k;

      /* C(size, k + 1) = C(size, k) · (size − k) / (k + 1) */
      log_choose += logl ((long double)(size - k)) - logl ((long double)(k + 1));
    }

  return size;
}

/**
 * fb_runs_crossings_min:
 * @n_useful: the useful observations
 *
 * The Anhøj limit for crossings: the lower 5 % quantile of the binomial
 * distribution with @n_useful − 1 trials and probability ½ (Chen 2010), as
 * `qbinom (0.05, n_useful - 1, 0.5)` in R. Fewer crossings than this signal
 * non-random variation.
 *
 * Returns: the fewest crossings that are still expected by chance
 */
guint
fb_runs_crossings_min (guint n_useful)
{
  if (n_useful <= 1)
    return 0;

  return binom_half_quantile (ANHOEJ_CROSSINGS_P, n_useful - 1);
}

/* log C(a, b) from a table of log factorials. */
static double
log_choose (const double *log_fact,
            guint         a,
            guint         b)
{
  g_assert (b <= a);

  return log_fact[a] - log_fact[b] - log_fact[a - b];
}

/* P(R = r) for the number of runs R in a random order of n1 and n2 points
 * (n1, n2 ≥ 1), in log space. */
static double
log_runs_probability (const double *log_fact,
                      guint         n1,
                      guint         n2,
                      guint         r)
{
  double log_total = log_choose (log_fact, n1 + n2, n1);
  guint k = r / 2;

  if (r % 2 == 0)
    {
      if (k < 1 || k > n1 || k > n2)
        return -INFINITY;
      return G_LN2 + log_choose (log_fact, n1 - 1, k - 1)
             + log_choose (log_fact, n2 - 1, k - 1) - log_total;
    }
  else
    {
      double a = -INFINITY;
      double b = -INFINITY;

      if (k >= 1 && k <= n1 - 1 && k - 1 <= n2 - 1)
        a = log_choose (log_fact, n1 - 1, k) + log_choose (log_fact, n2 - 1, k - 1);
      if (k >= 1 && k - 1 <= n1 - 1 && k <= n2 - 1)
        b = log_choose (log_fact, n1 - 1, k - 1) + log_choose (log_fact, n2 - 1, k);
      if (isinf (a) && isinf (b))
        return -INFINITY;
      if (isinf (a))
        return b - log_total;
      if (isinf (b))
        return a - log_total;
      return fmax (a, b) + log1p (exp (-fabs (a - b))) - log_total;
    }
}

/**
 * fb_runs_ihi_limits:
 * @n_useful: the useful observations
 * @lower: (out) (optional): fewer runs than this are too few
 * @upper: (out) (optional): more runs than this are too many
 *
 * The limits for the number of runs used with the IHI rules. With the
 * useful points split evenly above and below the centre line (the odd one
 * above), @lower is the largest L with P(runs < L) ≤ 2.5 % and @upper the
 * smallest U with P(runs > U) ≤ 2.5 %, from the exact distribution of the
 * number of runs (Swed & Eisenhart 1943). For 10 useful points that is 3
 * and 9, as in the table of the Health Care Data Guide.
 *
 * Returns: %TRUE if @n_useful is at least %FB_RUNS_IHI_MIN_USEFUL, so that
 *   the limits apply; otherwise @lower and @upper are left alone
 */
gboolean
fb_runs_ihi_limits (guint  n_useful,
                    guint *lower,
                    guint *upper)
{
  g_autofree double *log_fact = NULL;
  long double sum = 0.0L;
  guint n1 = n_useful / 2;
  guint n2 = n_useful - n1;
  guint max_runs = n1 == n2 ? n_useful : 2 * n1 + 1;
  double tail = 0.0;
  guint r;

  if (n_useful < FB_RUNS_IHI_MIN_USEFUL)
    return FALSE;

  log_fact = g_new (double, n_useful + 1);
  log_fact[0] = 0.0;
  for (guint i = 1; i <= n_useful; i++)
    {
      sum += logl ((long double)i);
      log_fact[i] = (double)sum;
    }

  /* The lower tail: L − 1 is the largest r with P(R ≤ r) ≤ 2.5 %. */
  for (r = 2; r <= max_runs; r++)
    {
      tail += exp (log_runs_probability (log_fact, n1, n2, r));
      if (tail > IHI_RUNS_TAIL)
        break;
    }
  if (lower != NULL)
    *lower = r;

  /* The upper tail: U + 1 is the smallest r with P(R ≥ r) ≤ 2.5 %. */
  tail = 0.0;
  for (r = max_runs; r >= 2; r--)
    {
      tail += exp (log_runs_probability (log_fact, n1, n2, r));
      if (tail > IHI_RUNS_TAIL)
        break;
    }
  if (upper != NULL)
    *upper = r;

  return TRUE;
}

static inline int
side_of (double y,
         double centre)
{
  if (isnan (y) || isnan (centre) || y == centre)
    return 0;

  return y > centre ? 1 : -1;
}

static void
flag_run (const double   *y,
          const gboolean *include,
          double          centre,
          guint           first,
          guint           last,
          int             side,
          guint8          flag,
          guint8         *flags)
{
  for (guint i = first; i <= last; i++)
    if (include[i] && side_of (y[i], centre) == side)
      flags[i] |= flag;
}

static void
flag_span (const double   *y,
           const gboolean *include,
           guint           first,
           guint           last,
           guint8          flag,
           guint8         *flags)
{
  for (guint i = first; i <= last; i++)
    if (include[i] && !isnan (y[i]))
      flags[i] |= flag;
}

static void
analyse_runs (const double   *y,
              const gboolean *include,
              guint           n,
              double          centre,
              gboolean        ihi,
              FbRunsResult   *result,
              guint8         *flags)
{
  guint long_run_limit;
  guint run_length = 0;
  guint run_first = 0;
  guint run_last = 0;
  int run_side = 0;
  guint n_runs = 0;

  if (result->n_useful == 0)
    return;

  result->longest_run_max = (gint)fb_runs_longest_run_max (result->n_useful);
  result->crossings_min = (gint)fb_runs_crossings_min (result->n_useful);
  long_run_limit = (guint)result->longest_run_max;

  /* One pass more than the points: i == n closes the last run. */
  for (guint i = 0; i <= n; i++)
    {
      int side = 0;

      if (i < n)
        {
          if (!include[i] || (side = side_of (y[i], centre)) == 0)
            continue;

          if (side == run_side)
            {
              run_length++;
              run_last = i;
              continue;
            }
        }

      if (run_length > 0)
        {
          if ((gint)run_length > result->longest_run)
            {
              result->longest_run = (gint)run_length;
              result->longest_run_first = (gint)run_first;
              result->longest_run_side = run_side;
            }
          if (flags != NULL && run_length > long_run_limit)
            flag_run (y, include, centre, run_first, run_last, run_side,
                      FB_RUNS_FLAG_LONG_RUN, flags);
          if (flags != NULL && ihi && run_length >= FB_RUNS_IHI_SHIFT)
            flag_run (y, include, centre, run_first, run_last, run_side,
                      FB_RUNS_FLAG_SHIFT, flags);
        }

      if (i < n)
        {
          n_runs++;
          run_side = side;
          run_length = 1;
          run_first = run_last = i;
        }
    }

  result->n_runs = (gint)n_runs;
  result->crossings = (gint)n_runs - 1;
  result->anhoej_signal = result->longest_run > result->longest_run_max
                          || result->crossings < result->crossings_min;

  if (ihi)
    {
      guint lower, upper;

      result->shift = result->longest_run >= FB_RUNS_IHI_SHIFT;
      if (fb_runs_ihi_limits (result->n_useful, &lower, &upper))
        {
          result->runs_lower = (gint)lower;
          result->runs_upper = (gint)upper;
          result->too_few_runs = n_runs < lower;
          result->too_many_runs = n_runs > upper;
        }
    }
}

/* Trends: equal neighbours neither make nor break a trend, so a plateau of
 * equal values belongs to the trend on both sides of it. */
static void
analyse_trends (const double   *y,
                const gboolean *include,
                guint           n,
                FbRunsResult   *result,
                guint8         *flags)
{
  double previous = NAN;
  guint plateau_first = 0;
  guint last_valid = 0;
  guint trend_first = 0;
  guint trend_length = 0;
  int direction = 0;

  for (guint i = 0; i <= n; i++)
    {
      int step;

      if (i < n && (!include[i] || isnan (y[i])))
        continue;

      if (i < n && trend_length == 0)
        {
          trend_length = 1;
          trend_first = plateau_first = last_valid = i;
          previous = y[i];
          continue;
        }

      if (i < n && y[i] == previous)
        {
          last_valid = i;
          continue;
        }

      step = i < n ? (y[i] > previous ? 1 : -1) : 0;

      if (i < n && step == direction)
        {
          trend_length++;
        }
      else
        {
          /* The trend up to last_valid ends here. */
          if (flags != NULL && trend_length >= FB_RUNS_IHI_TREND)
            flag_span (y, include, trend_first, last_valid, FB_RUNS_FLAG_TREND, flags);

          if (i == n)
            break;

          direction = step;
          trend_length = 2;
          trend_first = plateau_first;
        }

      if (trend_length > result->trend_length)
        {
          result->trend_length = trend_length;
          result->trend_first = (gint)trend_first;
          result->trend_direction = direction;
        }

      previous = y[i];
      plateau_first = last_valid = i;
    }

  /* A single value (or only equal values) is a "trend" of one point. */
  if (result->trend_length == 0 && trend_length > 0)
    {
      result->trend_length = 1;
      result->trend_first = (gint)trend_first;
    }

  result->trend = result->trend_length >= FB_RUNS_IHI_TREND;
}

/**
 * fb_runs_analyse:
 * @y: (array length=n): the values of the phase, NAN where missing
 * @include: (array length=n): %FALSE for excluded points
 * @n: the number of points
 * @centre: the centre line (NAN when there is none: nothing is useful)
 * @ihi: whether to fill in the IHI fields too
 * @result: (out caller-allocates): the result
 * @flags: (array length=n) (nullable): zeroed by the caller; gets the
 *   #FbRunsFlags of each point
 *
 * Runs analysis of one phase: the Anhøj rules, and the IHI rules when @ihi
 * is set. With no useful points, the counts are -1 and nothing signals.
 */
void
fb_runs_analyse (const double   *y,
                 const gboolean *include,
                 guint           n,
                 double          centre,
                 gboolean        ihi,
                 FbRunsResult   *result,
                 guint8         *flags)
{
  g_return_if_fail (n == 0 || (y != NULL && include != NULL));
  g_return_if_fail (result != NULL);

  *result = (FbRunsResult) {
    .longest_run = -1,
    .longest_run_max = -1,
    .crossings = -1,
    .crossings_min = -1,
    .longest_run_first = -1,
    .n_runs = -1,
    .runs_lower = -1,
    .runs_upper = -1,
    .trend_first = -1,
  };

  for (guint i = 0; i < n; i++)
    {
      if (!include[i])
        continue;
      result->n_obs++;
      if (side_of (y[i], centre) != 0)
        result->n_useful++;
    }

  analyse_runs (y, include, n, centre, ihi, result, flags);

  if (ihi)
    analyse_trends (y, include, n, result, flags);
}
