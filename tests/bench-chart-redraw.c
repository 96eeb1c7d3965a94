/* bench-chart-redraw.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fb-chart-view.h"

/* What a keystroke in the grid costs the main thread: handing one changed
 * value of a 500-point measure to the store's write queue (the write
 * itself runs on the store's thread; its latency is printed apart), then
 * analysing the chart again and drawing it (the widget's own snapshot, rendered with cairo into a 900×450
 * image), and what the pointer costs (the hit test on each motion).
 * Prints figures against the 8 ms target; asserts nothing about time.
 * Run with `meson test --benchmark chart-redraw` or directly. */

#define N_POINTS  500
#define N_CHANGES 50
#define N_HITS    2000
#define WIDTH     900
#define HEIGHT    450
#define TARGET_MS 8.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        double     *samples,
        guint       n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  printf ("%s median: %.3f ms (target < %.0f ms)\n", name, samples[n / 2], TARGET_MS);
  printf ("%s max: %.3f ms (target < %.0f ms)\n", name, samples[n - 1], TARGET_MS);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
spin_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) < WIDTH / 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  fb_store_save_finish (FB_STORE (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* The time the store's change signal takes on the main thread: the live
 * list reloading the measure's points. */
static gint64 change_started;
static double change_ms;

static void
change_started_cb (void)
{
  change_started = g_get_monotonic_time ();
}

static void
change_done_cb (void)
{
  change_ms += ms_since (change_started);
}

static void
save (FbStore  *store,
      FbRecord *record)
{
  g_autoptr(GError) error = NULL;

  fb_store_save (store, record, &error);
  g_assert_no_error (error);
}

/* A measure with a year and a half of daily proportions. */
static FbMeasure *
make_measure (FbStore *store)
{
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  FbMeasure *measure = fb_measure_new (NULL);
  GDate date;

  fb_trust_set_name (trust, "Testsykehuset HF");
  save (store, FB_RECORD (trust));
  fb_project_set_title (project, "Færre fall");
  fb_project_set_trust_id (project, fb_record_get_id (FB_RECORD (trust)));
  save (store, FB_RECORD (project));

  fb_measure_set_project_id (measure, fb_record_get_id (FB_RECORD (project)));
  fb_measure_set_name (measure, "Fall per pasient");
  fb_measure_set_value_type (measure, FB_VALUE_TYPE_PROPORTION);
  fb_measure_set_chart_type (measure, FB_CHART_TYPE_P);
  fb_measure_set_frequency (measure, FB_FREQUENCY_DAY);
  save (store, FB_RECORD (measure));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2024);
  for (guint i = 0; i < N_POINTS; i++)
    {
      FbDataPoint *point = fb_data_point_new (NULL);
      char period[11];
      double denominator = 40 + g_rand_int_range (rand, 0, 30);

      g_date_strftime (period, sizeof period, "%Y-%m-%d", &date);
      fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (measure)));
      fb_data_point_set_period (point, period);
      fb_data_point_set_denominator (point, denominator);
      fb_data_point_set_value (point, g_rand_int_range (rand, 0, (int)denominator + 1));
      g_ptr_array_add (points, point);
      g_date_add_days (&date, 1);
    }

  fb_store_save_many (store, (FbRecord **)points->pdata, points->len, &error);
  g_assert_no_error (error);

  return measure;
}

/* The widget's own drawing, as GTK asks for it on a frame (its snapshot
 * vfunc, which a GtkWidgetPaintable would only replay from the last frame
 * drawn), turned into render nodes and rendered with cairo into an image. */
static void
render_widget (GtkWidget       *widget,
               cairo_surface_t *surface)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  gsk_render_node_unref (node);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbMeasure) measure = NULL;
  g_autoptr(GListModel) points = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double total[N_CHANGES], saving[N_CHANGES], analysing[N_CHANGES], drawing[N_CHANGES];
  double writing[N_CHANGES], reloading[N_CHANGES];
  double cairo_draw[N_CHANGES];
  double *hits = g_new (double, N_HITS);
  cairo_surface_t *surface;
  GtkWindow *window;
  GtkWidget *chart;
  FbChartStyle style;
  int found = 0;

  if (!gtk_init_check ())
    {
      printf ("SKIP: no display, the chart redraw needs one\n");
      g_free (hits);
      return 0;
    }
  adw_init ();

  dir = g_dir_make_tmp ("fb-bench-redraw-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "forbedring.db", NULL);
  store = fb_store_open (path, &error);
  g_assert_no_error (error);
  measure = make_measure (store);
  g_signal_connect (store, "changed", G_CALLBACK (change_started_cb), NULL);
  points = fb_store_list_data_points (store, fb_record_get_id (FB_RECORD (measure)));
  g_signal_connect_after (store, "changed", G_CALLBACK (change_done_cb), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, N_POINTS);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  chart = fb_chart_view_new ();
  g_object_set (chart, "points", points, "title", fb_measure_get_name (measure),
                "percent", fb_measure_chart_is_percent (measure), NULL);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);
  spin_until_mapped (chart);

  {
    g_autoptr(FbAnalysis) analysis = fb_measure_analyse (measure, points, &error);

    g_assert_no_error (error);
    fb_chart_view_set_analysis (FB_CHART_VIEW (chart), analysis);
  }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  render_widget (chart, surface);

  printf ("chart-redraw: %u points, %d×%d widget (%d×%d allocated), %s\n", N_POINTS, WIDTH,
          HEIGHT, gtk_widget_get_width (chart), gtk_widget_get_height (chart),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  for (guint i = 0; i < N_CHANGES; i++)
    {
      g_autoptr(FbDataPoint) point = g_list_model_get_item (points,
                                                            g_rand_int_range (rand, 0, N_POINTS));
      g_autoptr(FbAnalysis) analysis = NULL;
      gboolean done = FALSE;
      gint64 start, step, waited;

      /* What Enter in a value cell commits: one changed value. */
      fb_data_point_set_value (point, g_rand_int_range (rand, 0,
                                                        (int)fb_data_point_get_denominator (point) + 1));

      start = step = g_get_monotonic_time ();
      fb_store_save_async (store, FB_RECORD (point), NULL, saved_cb, &done);
      saving[i] = ms_since (step);

      /* The main loop is free while the store writes; the chart follows
       * once the write is committed, as in the app. */
      step = g_get_monotonic_time ();
      change_ms = 0;
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      writing[i] = ms_since (step);
      reloading[i] = change_ms;
      /* Only the list's reload in that wait is the main thread's work. */
      waited = g_get_monotonic_time () - step - (gint64)(change_ms * 1000);

      step = g_get_monotonic_time ();
      analysis = fb_measure_analyse (measure, points, &error);
      g_assert_no_error (error);
      fb_chart_view_set_analysis (FB_CHART_VIEW (chart), analysis);
      analysing[i] = ms_since (step);

      step = g_get_monotonic_time ();
      render_widget (chart, surface);
      drawing[i] = ms_since (step);
      total[i] = ms_since (start) - waited / 1000.0;

      /* The same drawing without GTK: fb_chart_draw straight into cairo. */
      {
        cairo_t *cr = cairo_create (surface);

        fb_chart_style_init (&style);
        style.title = fb_measure_get_name (measure);
        style.percent = fb_measure_chart_is_percent (measure);
        step = g_get_monotonic_time ();
        fb_chart_draw (cr, analysis, &style, WIDTH, HEIGHT);
        cairo_surface_flush (surface);
        cairo_draw[i] = ms_since (step);
        cairo_destroy (cr);
      }

      /* Let the window draw too, as it would between keystrokes. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  fb_chart_style_init (&style);
  style.title = fb_measure_get_name (measure);
  style.percent = fb_measure_chart_is_percent (measure);
  for (guint i = 0; i < N_HITS; i++)
    {
      FbAnalysis *analysis = fb_chart_view_get_analysis (FB_CHART_VIEW (chart));
      double x = g_rand_double_range (rand, 0, WIDTH);
      double y = g_rand_double_range (rand, 0, HEIGHT);
      gint64 start = g_get_monotonic_time ();

      found += fb_chart_hit_test (analysis, &style, WIDTH, HEIGHT, x, y) >= 0;
      hits[i] = ms_since (start);
    }

  report ("main-thread per keystroke", total, N_CHANGES);
  report ("  store-save-async (main thread)", saving, N_CHANGES);
  report ("  list reload on the change (main thread)", reloading, N_CHANGES);
  report ("store write, queued to committed (write thread)", writing, N_CHANGES);
  report ("  analyse", analysing, N_CHANGES);
  report ("  snapshot-render", drawing, N_CHANGES);
  report ("  fb-chart-draw", cairo_draw, N_CHANGES);
  report ("hit-test", hits, N_HITS);
  printf ("hit-test: %d of %d pointer positions over a point\n", found, N_HITS);

  cairo_surface_destroy (surface);
  gtk_window_destroy (window);
  g_clear_object (&points);
  g_clear_object (&measure);
  g_clear_object (&store);
  g_free (hits);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
