/* bench-chart.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "forbedring-core.h"

/* Prints how long the analysis of a 100 000-point series and the drawing
 * of a 1 000-point P chart take, and the peak memory. It asserts nothing
 * about time: run it with `meson test --benchmark` or directly. */

#define RUNS 5

static FbAnalysisPoint *
make_series (guint n)
{
  FbAnalysisPoint *points = g_new0 (FbAnalysisPoint, n);
  GRand *rand = g_rand_new_with_seed (2026);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1800);

  for (guint i = 0; i < n; i++)
    {
      char buf[11];

      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
      points[i].date = g_intern_string (buf);
      points[i].denominator = 40 + g_rand_int_range (rand, 0, 30);
      points[i].value = g_rand_int_range (rand, 0, (int)points[i].denominator + 1) *
                        (i > n / 2 ? 0.9 : 0.7);
      points[i].value = floor (MIN (points[i].value, points[i].denominator));
      g_date_add_days (&date, 1);
    }

  g_rand_free (rand);
  return points;
}

static double
median_ms (double *samples,
           guint   n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (samples[j] < samples[i])
        {
          double t = samples[i];

          samples[i] = samples[j];
          samples[j] = t;
        }

  return samples[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree FbAnalysisPoint *big = make_series (100000);
  g_autofree FbAnalysisPoint *small = make_series (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fb-bench-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  double analyse[RUNS], json[RUNS], draw[RUNS], save[RUNS];
  FbAnalysisOptions options;
  FbChartStyle style;
  struct rusage usage;

  g_assert_no_error (error);

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_P;
  options.multiply = 100;

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(FbAnalysis) analysis = NULL;
      g_autofree char *text = NULL;
      gint64 t0 = g_get_monotonic_time ();

      analysis = fb_analysis_new (big, 100000, &options, &error);
      g_assert_no_error (error);
      analyse[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      text = fb_analysis_to_json (analysis);
      json[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  fb_chart_style_init (&style);
  style.title = "Legemiddelsamstemming innen 24 timer";
  style.subtitle = "1 000 daglige målinger";
  style.percent = TRUE;

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(FbAnalysis) analysis = fb_analysis_new (small, 1000, &options, &error);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();

      fb_chart_draw (cr, analysis, &style, 1600, 900);
      cairo_surface_flush (surface);
      draw[r] = (g_get_monotonic_time () - t0) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      t0 = g_get_monotonic_time ();
      g_assert_true (fb_chart_save (analysis, &style, png, 1600, 900, &error));
      save[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  getrusage (RUSAGE_SELF, &usage);

  g_print ("analyse 100000-point P series, median of %d: %.1f ms (target < 20 ms)\n",
           RUNS, median_ms (analyse, RUNS));
  g_print ("analysis of 100000 points to JSON, median of %d: %.1f ms (target none)\n",
           RUNS, median_ms (json, RUNS));
  g_print ("draw 1000-point P chart 1600x900, median of %d: %.1f ms (target < 30 ms)\n",
           RUNS, median_ms (draw, RUNS));
  g_print ("draw and write it as PNG, median of %d: %.1f ms (target none)\n",
           RUNS, median_ms (save, RUNS));
  g_print ("peak RSS of this benchmark: %.1f MiB (target none)\n", usage.ru_maxrss / 1024.0);

  g_unlink (png);
  g_rmdir (dir);

  return 0;
}
