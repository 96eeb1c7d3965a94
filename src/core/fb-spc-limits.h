/* fb-spc-limits.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fb-enums.h"

G_BEGIN_DECLS

/**
 * FB_SPC_MR_SCREEN:
 *
 * Moving ranges above this many times their average are left out before the
 * average is taken again (Nelson 1982), as qicharts2 does by default. It is
 * also D4, the factor of the MR chart's upper limit.
 */
#define FB_SPC_MR_SCREEN 3.267

/**
 * FB_SPC_D2:
 *
 * d2 for moving ranges of two: sigma is the average moving range / d2.
 */
#define FB_SPC_D2 1.128

/**
 * FbSpcRow:
 * @y: in: the value, or numerator / denominator for P, U, P′ and U′ (and for
 *   run, I, MR, T and G charts given denominators); NAN when missing.
 *   Out: the value to plot: the moving range on MR charts (NAN for the first
 *   point of a phase), the value after the transformation and back on T
 *   charts
 * @numerator: in: the count (P, U, P′, U′); NAN when missing
 * @size: in: the denominator (P, U, P′, U′); 0 when missing
 * @base: in: %TRUE when the point is included and in the frozen baseline, so
 *   it counts towards the centre and the limits
 * @lcl: out: the lower limit; NAN or infinite where there is none (a
 *   missing denominator), which callers show as no limit
 * @ucl: out: the upper limit, likewise
 *
 * One point of a phase, in and out of fb_spc_limits_compute ().
 */
typedef struct
{
  double   y;
  double   numerator;
  double   size;
  gboolean base;
  double   lcl;
  double   ucl;
} FbSpcRow;

double fb_spc_mean            (const double *values,
                               gsize         n);
double fb_spc_median          (const double *values,
                               gsize         n);
double fb_spc_limits_compute  (FbChartType   chart,
                               FbSpcRow     *rows,
                               guint         n_rows);

G_END_DECLS
