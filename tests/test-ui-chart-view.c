/* test-ui-chart-view.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fb-chart-view.h"
#include "fb-measures-page.h"
#include "fb-test-ui.h"

/* The chart view in a real window with a sample series: what it draws,
 * what it says to screen readers, the keyboard and the pointer, dark mode
 * and the empty state. The test runs in the C locale so that the dates it
 * expects are the ones drawn. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

#define DEMO_FILE     "hand_hygiene_compliance.csv"
#define NOTE_ROW      10 /* 2025-01-01, "PDSA 1: …" */
#define MISSING_ROW   16 /* 2025-07-01, no observations */
#define EXCLUDED_ROW  5

static const FbChartMarker demo_markers[] = {
  { "2025-01-13", "PDSA 1" },
  { "2025-02-17", "PDSA 2" },
};

typedef struct
{
  GtkWindow   *window;
  FbChartView *view;
  FbAnalysis  *analysis;
  GListModel  *points;
  GArray      *rows;
} Fixture;

static gboolean
view_mapped (gpointer data)
{
  GtkWidget *view = data;

  return gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 0;
}

/* The demo series as the app holds it: data points with their notes, one
 * of them excluded, and the analysis of those points (P chart, percent,
 * baseline of 10). */
static void
fixture_load (Fixture *fixture)
{
  /* The UI tests' environment has no FB_DEMO_DIR: the data is in the source tree. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "measures",
                                                 DEMO_FILE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) store = g_list_store_new (FB_TYPE_DATA_POINT);
  g_autofree FbAnalysisPoint *points = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;

  fixture->rows = fb_csv_parse_file (file, FB_VALUE_TYPE_PROPORTION, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->rows->len, ==, 31);

  points = g_new0 (FbAnalysisPoint, fixture->rows->len);
  for (guint i = 0; i < fixture->rows->len; i++)
    {
      const FbCsvRow *row = &g_array_index (fixture->rows, FbCsvRow, i);
      g_autoptr(FbDataPoint) point = fb_data_point_new (NULL);

      fb_data_point_set_period (point, row->date);
      fb_data_point_set_value (point, row->value);
      fb_data_point_set_denominator (point, row->denominator);
      fb_data_point_set_note (point, row->note);
      fb_data_point_set_excluded (point, i == EXCLUDED_ROW);
      g_list_store_append (store, point);

      points[i].date = row->date;
      points[i].value = row->value;
      points[i].denominator = row->denominator;
      points[i].excluded = i == EXCLUDED_ROW;
    }

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_P;
  options.freeze = 10;
  options.multiply = 100;
  options.target = 90;
  fixture->analysis = fb_analysis_new (points, fixture->rows->len, &options, &error);
  g_assert_no_error (error);
  fixture->points = G_LIST_MODEL (g_steal_pointer (&store));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_load (fixture);

  fixture->view = FB_CHART_VIEW (fb_chart_view_new ());
  fb_chart_view_set_title (fixture->view, "Etterlevelse av håndhygiene");
  fb_chart_view_set_analysis (fixture->view, fixture->analysis);
  fb_chart_view_set_points (fixture->view, fixture->points);
  fb_chart_view_set_percent (fixture->view, TRUE);
  fb_chart_view_set_markers (fixture->view, demo_markers, G_N_ELEMENTS (demo_markers));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 800, 450);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  fb_test_spin_until (view_mapped, fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_assert_finalize_object (g_steal_pointer (&fixture->analysis));
  g_clear_object (&fixture->points);
  g_clear_pointer (&fixture->rows, g_array_unref);
}

/* Renders the view as it is on screen, into an image. */
static cairo_surface_t *
render (FbChartView *view)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (node != NULL)
    {
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
    }
  cairo_surface_flush (surface);

  return surface;
}

/* The average of red, green and blue at (x, y), 0–255. */
static guint
grey_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) +
                      y * cairo_image_surface_get_stride (surface);
  guint32 pixel = ((const guint32 *)(gconstpointer)row)[x];

  return (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;
}

static guint
count_distinct_greys (cairo_surface_t *surface)
{
  gboolean seen[256] = { FALSE, };
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 3)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x += 3)
      {
        guint grey = grey_at (surface, x, y);

        if (!seen[grey])
          {
            seen[grey] = TRUE;
            n++;
          }
      }

  return n;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

static gboolean
press_key (FbChartView *view,
           guint        keyval)
{
  GtkEventController *key = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (key, "key-pressed", keyval, 0, (GdkModifierType)0, &handled);

  return handled;
}

static void
assert_accessible_string (FbChartView           *view,
                          GtkAccessibleProperty  property,
                          const char            *expected)
{
  g_autofree char *problem = NULL;

  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), property));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), property, expected);
  if (problem != NULL)
    g_error ("accessible property %d: %s", property, problem);
}

static char *
expected_date (const char *iso)
{
  char buffer[128];
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (fb_date_parse (iso, &date));
  g_assert_cmpuint (g_date_strftime (buffer, sizeof buffer, "%-d %B %Y", &date), >, 0);

  return g_strdup (buffer);
}

static const FbCsvRow *
csv_row (Fixture *fixture,
         int      index)
{
  g_assert_cmpint (index, >=, 0);
  return &g_array_index (fixture->rows, FbCsvRow, index);
}

static void
assert_tooltip_describes (Fixture *fixture,
                          int      index)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view));
  g_autofree char *date = expected_date (csv_row (fixture, index)->date);

  g_assert_cmpint (fb_chart_view_get_highlight (fixture->view), ==, index);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, date));
  assert_accessible_string (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(cairo_surface_t) surface = NULL;

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (fixture->view),
                                               GTK_ACCESSIBLE_ROLE_IMG));
  assert_accessible_string (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                            "Etterlevelse av håndhygiene");
  assert_accessible_string (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            fb_analysis_get_summary (fixture->analysis));
  g_assert_cmpint (fb_chart_view_get_highlight (fixture->view), ==, -1);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));

  /* It fills the window, and draws a chart there: a white background with
   * lines, points and text on it. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, 800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->view)), ==, 450);
  surface = render (fixture->view);
  g_assert_cmpuint (grey_at (surface, 2, 2), ==, 255);
  g_assert_cmpuint (count_distinct_greys (surface), >, 20);
}

static void
test_minimum_size (Fixture       *fixture,
                   gconstpointer  data)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 300);
  g_assert_cmpint (natural, >=, minimum);
  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 200);
  g_assert_cmpint (natural, >=, minimum);
}

static void
count_cb (gpointer  data,
          GObject  *object)
{
  (*(guint *)data)++;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  int last = (int)fixture->rows->len - 1;
  guint notified = 0;
  const char *tooltip;
  g_autofree char *fraction = NULL;
  g_autofree char *excluded_date = NULL;

  g_signal_connect_swapped (fixture->view, "notify::highlight", G_CALLBACK (count_cb),
                            &notified);

  g_assert_true (press_key (fixture->view, GDK_KEY_Right));
  assert_tooltip_describes (fixture, 0);
  g_assert_cmpuint (notified, ==, 1);

  /* 65 of 90 patients: 72.2 %. */
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view));
  fraction = g_strdup_printf ("%.0f of %.0f", csv_row (fixture, 0)->value,
                              csv_row (fixture, 0)->denominator);
  g_assert_nonnull (strstr (tooltip, fraction));
  g_assert_nonnull (strstr (tooltip, "72.2 %"));

  g_assert_true (press_key (fixture->view, GDK_KEY_Right));
  assert_tooltip_describes (fixture, 1);
  g_assert_true (press_key (fixture->view, GDK_KEY_End));
  assert_tooltip_describes (fixture, last);
  g_assert_true (press_key (fixture->view, GDK_KEY_Right));
  assert_tooltip_describes (fixture, last);
  g_assert_true (press_key (fixture->view, GDK_KEY_Left));
  assert_tooltip_describes (fixture, last - 1);
  g_assert_true (press_key (fixture->view, GDK_KEY_Home));
  assert_tooltip_describes (fixture, 0);
  g_assert_true (press_key (fixture->view, GDK_KEY_Left));
  assert_tooltip_describes (fixture, 0);
  g_assert_false (press_key (fixture->view, GDK_KEY_a));
  assert_tooltip_describes (fixture, 0);

  /* The note, a missing value and an exclusion are told too. */
  fb_chart_view_set_highlight (fixture->view, NOTE_ROW);
  assert_tooltip_describes (fixture, NOTE_ROW);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view));
  g_assert_nonnull (strstr (tooltip, csv_row (fixture, NOTE_ROW)->note));

  fb_chart_view_set_highlight (fixture->view, MISSING_ROW);
  assert_tooltip_describes (fixture, MISSING_ROW);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view));
  g_assert_nonnull (strstr (tooltip, "No value"));
  g_assert_null (strstr (tooltip, " of "));

  fb_chart_view_set_highlight (fixture->view, EXCLUDED_ROW);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view));
  excluded_date = expected_date (csv_row (fixture, EXCLUDED_ROW)->date);
  g_assert_true (g_str_has_prefix (tooltip, excluded_date));
  g_assert_true (g_str_has_suffix (tooltip, "\nExcluded"));

  /* With the reason, when there is one. */
  {
    g_autoptr(FbDataPoint) point = g_list_model_get_item (fixture->points, EXCLUDED_ROW);

    fb_data_point_set_exclude_reason (point, "Feil i registreringen");
    fb_chart_view_set_highlight (fixture->view, -1);
    fb_chart_view_set_highlight (fixture->view, EXCLUDED_ROW);
    tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view));
    g_assert_true (g_str_has_suffix (tooltip, "\nExcluded: Feil i registreringen"));
  }

  /* Without a highlight the description is the summary again. */
  fb_chart_view_set_highlight (fixture->view, -1);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)));
  assert_accessible_string (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            fb_analysis_get_summary (fixture->analysis));

  /* A row past the end is no row. */
  fb_chart_view_set_highlight (fixture->view, 1000);
  g_assert_cmpint (fb_chart_view_get_highlight (fixture->view), ==, -1);
}

static void
test_pointer (Fixture       *fixture,
              gconstpointer  data)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->view),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  FbChartStyle style;
  int x = 0;

  /* Where the renderer puts point 4, across the middle of the plot. */
  fb_chart_style_init (&style);
  style.title = fb_chart_view_get_title (fixture->view);
  style.markers = demo_markers;
  style.n_markers = G_N_ELEMENTS (demo_markers);
  style.percent = TRUE;
  while (fb_chart_hit_test (fixture->analysis, &style, width, height, x, height / 2.0) != 4)
    {
      x++;
      g_assert_cmpint (x, <, width);
    }

  g_signal_emit_by_name (motion, "motion", (double)x, height / 2.0);
  assert_tooltip_describes (fixture, 4);

  /* Outside the plot, and leaving, clear what the pointer highlighted. */
  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_cmpint (fb_chart_view_get_highlight (fixture->view), ==, -1);
  g_signal_emit_by_name (motion, "motion", (double)x, height / 2.0);
  assert_tooltip_describes (fixture, 4);
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (fb_chart_view_get_highlight (fixture->view), ==, -1);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)));

  /* But the pointer leaves a keyboard highlight alone. */
  g_assert_true (press_key (fixture->view, GDK_KEY_End));
  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_signal_emit_by_name (motion, "leave");
  assert_tooltip_describes (fixture, (int)fixture->rows->len - 1);
}

static void
invalidated_cb (GdkPaintable *paintable,
                guint        *count)
{
  (*count)++;
}

static gboolean
count_above_zero (gpointer data)
{
  return *(guint *)data > 0;
}

static void
test_dark_mode (Fixture       *fixture,
                gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->view));
  g_autoptr(cairo_surface_t) light = NULL;
  g_autoptr(cairo_surface_t) dark = NULL;
  g_autoptr(cairo_surface_t) light_again = NULL;
  guint invalidated = 0;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  fb_test_spin_a_while ();
  g_assert_false (adw_style_manager_get_dark (manager));
  light = render (fixture->view);
  g_assert_cmpuint (grey_at (light, 2, 2), ==, 255);

  /* The paintable is told to redraw when the view queues a draw. */
  gdk_paintable_get_current_image (paintable);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (invalidated_cb), &invalidated);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  fb_test_spin_until (count_above_zero, &invalidated);
  dark = render (fixture->view);
  g_assert_cmpuint (grey_at (dark, 2, 2), <, 64);

  invalidated = 0;
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  fb_test_spin_until (count_above_zero, &invalidated);
  light_again = render (fixture->view);
  g_assert_cmpuint (grey_at (light_again, 2, 2), ==, 255);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(cairo_surface_t) surface = NULL;

  fb_chart_view_set_highlight (fixture->view, 3);
  fb_chart_view_set_analysis (fixture->view, NULL);
  g_assert_null (fb_chart_view_get_analysis (fixture->view));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));
  g_assert_cmpint (fb_chart_view_get_highlight (fixture->view), ==, -1);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (fixture->view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_false (press_key (fixture->view, GDK_KEY_Right));

  /* Nothing drawn at all. */
  fb_test_spin_a_while ();
  surface = render (fixture->view);
  g_assert_cmpuint (count_distinct_greys (surface), ==, 1);

  fb_chart_view_set_analysis (fixture->view, fixture->analysis);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));
  assert_accessible_string (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            fb_analysis_get_summary (fixture->analysis));
}

static void
test_markers_are_copied (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(cairo_surface_t) surface = NULL;
  char *date = g_strdup ("2025-04-07");
  char *label = g_strdup ("PDSA 3");
  FbChartMarker marker = { date, label };

  fb_chart_view_set_markers (fixture->view, &marker, 1);
  g_free (date);
  g_free (label);

  fb_test_spin_a_while ();
  surface = render (fixture->view);
  g_assert_cmpuint (count_distinct_greys (surface), >, 20);

  fb_chart_view_set_markers (fixture->view, NULL, 0);
}

static void
save_record (FbStore  *store,
             FbRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fb_store_save (store, record, &error));
  g_assert_no_error (error);
}

static gboolean
has_analysis (gpointer data)
{
  return fb_chart_view_get_analysis (data) != NULL && view_mapped (data);
}

static gboolean
popover_shown (gpointer data)
{
  GtkWidget *popover = fb_test_find_descendant (data, GTK_TYPE_POPOVER, NULL);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* A point excluded from the chart's menu, as the keyboard opens it, is
 * stored excluded with its reason, the summary follows, and Include Again
 * brings it back. */
static void
test_exclude_from_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fb-chart-view-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "forbedring.db", NULL);
  g_autoptr(FbStore) store = fb_store_open (path, &error);
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(FbMeasure) measure = fb_measure_new (NULL);
  g_autoptr(GListModel) points = NULL;
  g_autoptr(FbDataPoint) stored = NULL;
  g_autoptr(FbRecord) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *id = NULL;
  GtkWindow *window;
  GtkWidget *page;
  FbChartView *chart;
  GtkLabel *summary;
  GtkEditable *reason;
  GDate date;

  g_assert_no_error (error);
  fb_trust_set_name (trust, "Testsykehuset HF");
  save_record (store, FB_RECORD (trust));
  fb_project_set_title (project, "Færre fall");
  fb_project_set_trust_id (project, fb_record_get_id (FB_RECORD (trust)));
  save_record (store, FB_RECORD (project));
  fb_measure_set_project_id (measure, fb_record_get_id (FB_RECORD (project)));
  fb_measure_set_name (measure, "Fall");
  fb_measure_set_value_type (measure, FB_VALUE_TYPE_COUNT);
  fb_measure_set_chart_type (measure, FB_CHART_TYPE_RUN);
  fb_measure_set_frequency (measure, FB_FREQUENCY_WEEK);
  save_record (store, FB_RECORD (measure));

  /* Twelve weeks; the eighth, far above the rest, moves the median. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 6, G_DATE_JANUARY, 2025);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(FbDataPoint) point = fb_data_point_new (NULL);
      char period[11];

      g_date_strftime (period, sizeof period, "%Y-%m-%d", &date);
      fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (measure)));
      fb_data_point_set_period (point, period);
      fb_data_point_set_value (point, i == 7 ? 90 : 10 + i % 2 * 10);
      save_record (store, FB_RECORD (point));
      g_date_add_days (&date, 7);
    }

  page = fb_measures_page_new (store, fb_record_get_id (FB_RECORD (project)));
  window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (window);
  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  chart = FB_CHART_VIEW (fb_test_find_descendant (page, FB_TYPE_CHART_VIEW, NULL));
  g_assert_nonnull (chart);
  fb_test_spin_until (has_analysis, chart);
  summary = GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_parent (GTK_WIDGET (chart))));
  g_assert_true (GTK_IS_LABEL (summary));
  before = g_strdup (gtk_label_get_label (summary));

  /* Excluding takes a reason. */
  fb_chart_view_set_highlight (chart, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.point-menu", NULL));
  fb_test_spin_until (popover_shown, chart);
  reason = GTK_EDITABLE (fb_test_find_descendant (GTK_WIDGET (chart), GTK_TYPE_ENTRY, NULL));
  g_assert_nonnull (reason);
  points = fb_store_list_data_points (store, fb_record_get_id (FB_RECORD (measure)));
  stored = g_list_model_get_item (points, 7);
  id = g_strdup (fb_record_get_id (FB_RECORD (stored)));
  gtk_editable_set_text (reason, "   ");
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.exclude-point", NULL);
  saved = fb_store_get_record (store, FB_TYPE_DATA_POINT, id, &error);
  g_assert_no_error (error);
  g_assert_false (fb_data_point_get_excluded (FB_DATA_POINT (saved)));
  g_assert_cmpstr (gtk_label_get_label (summary), ==, before);
  g_clear_object (&saved);

  gtk_editable_set_text (reason, " Feilregistrert ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.exclude-point", NULL));
  fb_test_wait_for_writes (store);
  saved = fb_store_get_record (store, FB_TYPE_DATA_POINT, id, &error);
  g_assert_no_error (error);
  g_assert_true (fb_data_point_get_excluded (FB_DATA_POINT (saved)));
  g_assert_cmpstr (fb_data_point_get_exclude_reason (FB_DATA_POINT (saved)), ==,
                   "Feilregistrert");

  /* The chart and the summary follow: the point is excluded in the
   * analysis, and the summary is that of the analysis without it. */
  {
    g_autoptr(FbAnalysis) expected = fb_measure_analyse (measure, points, &error);

    g_assert_no_error (error);
    g_assert_true (fb_analysis_get_row (fb_chart_view_get_analysis (chart), 7)->excluded);
    g_assert_cmpstr (gtk_label_get_label (summary), ==, fb_analysis_get_summary (expected));
    g_assert_cmpstr (gtk_label_get_label (summary), !=, before);
  }

  /* Include Again from the same menu. */
  fb_chart_view_set_highlight (chart, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.point-menu", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.include-point", NULL));
  fb_test_wait_for_writes (store);
  g_clear_object (&saved);
  saved = fb_store_get_record (store, FB_TYPE_DATA_POINT, id, &error);
  g_assert_no_error (error);
  g_assert_false (fb_data_point_get_excluded (FB_DATA_POINT (saved)));
  g_assert_false (fb_analysis_get_row (fb_chart_view_get_analysis (chart), 7)->excluded);
  g_assert_cmpstr (gtk_label_get_label (summary), ==, before);

  if (g_getenv ("FB_SHOT"))
    {
      fb_chart_view_set_highlight (chart, 3);
      gtk_widget_activate_action (GTK_WIDGET (chart), "chart.point-menu", NULL);
      gtk_editable_set_text (reason, "Feilregistrert");
      fb_test_spin_until (popover_shown, chart);
      fb_test_spin_a_while ();
      g_spawn_command_line_sync (g_getenv ("FB_SHOT"), NULL, NULL, NULL, NULL);
    }

  gtk_window_destroy (window);
  g_clear_object (&window);
  g_clear_object (&saved);
  g_clear_object (&stored);
  g_clear_object (&points);
  g_clear_object (&store);
  fb_test_spin_a_while ();
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
}

int
main (int   argc,
      char *argv[])
{
  /* Dates and numbers as the C locale writes them. */
  gtk_disable_setlocale ();
  /* The UI tests run with GTK_A11Y=none, which keeps no accessible
   * properties at all; GTK's test context keeps them without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/chart-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("accessible", test_accessible);
  ADD ("minimum-size", test_minimum_size);
  ADD ("keyboard", test_keyboard);
  ADD ("pointer", test_pointer);
  ADD ("dark-mode", test_dark_mode);
  ADD ("empty", test_empty);
  ADD ("markers-are-copied", test_markers_are_copied);

#undef ADD

  g_test_add_func ("/ui/chart-view/exclude-from-chart", test_exclude_from_chart);

  return g_test_run ();
}
