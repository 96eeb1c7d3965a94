/* test-chart.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "forbedring-core.h"

/* The renderer draws every chart type into PNG, SVG and PDF, marks what
 * it should in the colours it should, and refuses what it cannot write
 * without leaving a half-written file behind. */

typedef struct
{
  GArray   *rows;
  char     *dir;
} Fixture;

static GArray *
load_series (const char *name,
             int         value_type)
{
  g_autofree char *path = g_build_filename (g_getenv ("FB_DEMO_DIR"), "measures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GArray *rows = fb_csv_parse_file (file, value_type, NULL, &error);

  g_assert_no_error (error);
  return rows;
}

static FbAnalysis *
analyse (GArray      *rows,
         FbChartType  chart,
         double       multiply,
         double       target,
         guint        freeze)
{
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  FbAnalysis *analysis;

  fb_analysis_options_init (&options);
  options.chart = chart;
  options.multiply = multiply;
  options.target = target;
  options.freeze = freeze;

  analysis = fb_analysis_new_for_rows (rows, NULL, 0, &options, &error);
  g_assert_no_error (error);

  return analysis;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fb-chart-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static gboolean
png_has_colour (cairo_surface_t *surface,
                guint8           r,
                guint8           g,
                guint8           b)
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint32 pixel = *(const guint32 *)(gconstpointer)(data + y * stride + x * 4);

        /* Lines are antialiased: near enough is the colour. */
        if (ABS ((int)((pixel >> 16) & 0xff) - r) <= 24 &&
            ABS ((int)((pixel >> 8) & 0xff) - g) <= 24 &&
            ABS ((int)(pixel & 0xff) - b) <= 24)
          return TRUE;
      }

  return FALSE;
}

static void
test_chart_all_types_all_formats (void)
{
  static const struct { const char *file; int value_type; FbChartType chart; double multiply; } cases[] = {
    { "hand_hygiene_compliance.csv", FB_VALUE_TYPE_PROPORTION, FB_CHART_TYPE_P, 100 },
    { "hand_hygiene_compliance.csv", FB_VALUE_TYPE_PROPORTION, FB_CHART_TYPE_PP, 100 },
    { "hand_hygiene_compliance.csv", FB_VALUE_TYPE_PROPORTION, FB_CHART_TYPE_RUN, 100 },
    { "falls_per_1000_bed_days.csv", FB_VALUE_TYPE_RATE, FB_CHART_TYPE_U, 1000 },
    { "falls_per_1000_bed_days.csv", FB_VALUE_TYPE_RATE, FB_CHART_TYPE_UP, 1000 },
    { "pressure_ulcers_count.csv", FB_VALUE_TYPE_COUNT, FB_CHART_TYPE_C, 1 },
    { "door_to_needle_minutes.csv", FB_VALUE_TYPE_CONTINUOUS, FB_CHART_TYPE_I, 1 },
    { "door_to_needle_minutes.csv", FB_VALUE_TYPE_CONTINUOUS, FB_CHART_TYPE_MR, 1 },
    { "days_between_falls.csv", FB_VALUE_TYPE_CONTINUOUS, FB_CHART_TYPE_T, 1 },
    { "days_between_falls.csv", FB_VALUE_TYPE_CONTINUOUS, FB_CHART_TYPE_G, 1 },
  };
  g_autofree char *dir = temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) rows = load_series (cases[i].file, cases[i].value_type);
      g_autoptr(FbAnalysis) analysis = analyse (rows, cases[i].chart, cases[i].multiply, NAN, 0);
      g_autofree char *png = g_strdup_printf ("%s/chart-%u.png", dir, i);
      g_autofree char *svg = g_strdup_printf ("%s/chart-%u.svg", dir, i);
      g_autofree char *pdf = g_strdup_printf ("%s/chart-%u.pdf", dir, i);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;
      FbChartStyle style;

      fb_chart_style_init (&style);
      style.title = "Færre fall – ÆØÅ æøå";
      style.subtitle = fb_analysis_get_summary (analysis);
      style.percent = cases[i].multiply == 100;

      g_assert_true (fb_chart_save (analysis, &style, png, 800, 450, &error));
      g_assert_no_error (error);
      g_assert_true (fb_chart_save (analysis, &style, svg, 800, 450, &error));
      g_assert_no_error (error);
      g_assert_true (fb_chart_save (analysis, &style, pdf, 800, 450, &error));
      g_assert_no_error (error);

      assert_file_starts_with (png, "\x89PNG", 4);
      assert_file_starts_with (svg, "<?xml", 5);
      assert_file_starts_with (pdf, "%PDF", 4);

      surface = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 450);
      /* The data line is there, in its blue. */
      g_assert_true (png_has_colour (surface, 0x00, 0x72, 0xb2));
      cairo_surface_destroy (surface);
    }

  g_rmdir (dir);
}

static void
test_chart_signals_and_target (void)
{
  /* A shift: ten low points, then ten high ones. The centre line of the
   * run chart is drawn dashed in the run-signal orange, and the target in
   * green. */
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FbCsvRow));
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "shift.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  FbChartStyle style;

  for (guint i = 0; i < 20; i++)
    {
      FbCsvRow row = { 0, };

      g_snprintf (row.date, sizeof row.date, "2025-%02u-01", i % 12 + 1);
      if (i >= 12)
        g_snprintf (row.date, sizeof row.date, "2026-%02u-01", i - 11);
      row.value = i < 10 ? 10 + (i % 3) : 20 + (i % 3);
      row.denominator = NAN;
      row.note = g_strdup ("");
      g_array_append_val (rows, row);
    }
  g_array_set_clear_func (rows, (GDestroyNotify)fb_csv_row_clear);

  analysis = analyse (rows, FB_CHART_TYPE_RUN, 1, 25, 0);
  g_assert_true (fb_analysis_get_phase (analysis, 0)->runs_signal);

  fb_chart_style_init (&style);
  g_assert_true (fb_chart_save (analysis, &style, png, 640, 360, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_true (png_has_colour (surface, 0xe6, 0x9f, 0x00));
  g_assert_true (png_has_colour (surface, 0x00, 0x9e, 0x73));
  cairo_surface_destroy (surface);

  /* In dark mode the background is dark. */
  style.dark = TRUE;
  g_assert_true (fb_chart_save (analysis, &style, png, 640, 360, &error));
  surface = cairo_image_surface_create_from_png (png);
  cairo_surface_flush (surface);
  g_assert_cmphex (*(const guint32 *)(gconstpointer)cairo_image_surface_get_data (surface) & 0xffffff,
                   ==, 0x242424);
  cairo_surface_destroy (surface);

  g_unlink (png);
  g_rmdir (dir);
}

/* A P chart of daily proportions, as in the redraw benchmark. */
static FbAnalysis *
analyse_daily (guint  n,
               guint  changed,
               double value)
{
  g_autofree FbAnalysisPoint *points = g_new0 (FbAnalysisPoint, n);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  FbAnalysisOptions options;
  FbAnalysis *analysis;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2024);
  for (guint i = 0; i < n; i++)
    {
      char *period = g_malloc (11);

      g_date_strftime (period, 11, "%Y-%m-%d", &date);
      g_ptr_array_add (dates, period);
      points[i].date = period;
      points[i].denominator = 40 + g_rand_int_range (rand, 0, 30);
      points[i].value = g_rand_int_range (rand, 0, (int)points[i].denominator + 1);
      if (i == changed)
        {
          points[i].value = value;
          points[i].excluded = TRUE;
        }
      g_date_add_days (&date, 1);
    }

  fb_analysis_options_init (&options);
  options.chart = FB_CHART_TYPE_P;
  options.multiply = 100;
  analysis = fb_analysis_new (points, n, &options, &error);
  g_assert_no_error (error);

  return analysis;
}

/* The pixels of two images that differ by more than rounding. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));

  for (int i = 0; i < stride * cairo_image_surface_get_height (a); i += 4)
    for (int c = 0; c < 4; c++)
      if (ABS ((int)pa[i + c] - (int)pb[i + c]) > 2)
        {
          n++;
          break;
        }

  return n;
}

/* The cache draws what fb_chart_draw () draws, also after a point
 * changed, and finds the rows fb_chart_hit_test () finds. */
static void
test_chart_cache (void)
{
  g_autoptr(FbChartCache) cache = fb_chart_cache_new ();
  cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 450);
  FbChartStyle style;

  fb_chart_style_init (&style);
  style.title = "Fall per pasient";
  style.percent = TRUE;

  for (guint step = 0; step < 4; step++)
    {
      /* The same series, then one point changed and excluded, highlighted. */
      g_autoptr(FbAnalysis) analysis = analyse_daily (500, step == 0 ? G_MAXUINT : 100 + step,
                                                     step * 10);
      cairo_surface_t *cached;
      cairo_t *cr;

      style.highlight = step == 3 ? 200 : -1;
      cached = fb_chart_cache_draw (cache, analysis, &style, 900, 450, 1);
      g_assert_nonnull (cached);

      cr = cairo_create (direct);
      fb_chart_draw (cr, analysis, &style, 900, 450);
      cairo_destroy (cr);
      cairo_surface_flush (direct);

      /* Drawn whole, the layers give the same pixels; redrawn where a point
       * changed, a few antialiased edges under the points differ. */
      if (step == 0)
        g_assert_cmpuint (count_differences (cached, direct), ==, 0);
      else
        g_assert_cmpuint (count_differences (cached, direct), <, 900 * 450 / 1000);

      for (double x = 0; x < 900; x += 7)
        g_assert_cmpint (fb_chart_cache_hit_test (cache, x, 225), ==,
                         fb_chart_hit_test (analysis, &style, 900, 450, x, 225));
    }

  cairo_surface_destroy (direct);
}

static void
test_chart_hit_test (void)
{
  g_autoptr(GArray) rows = load_series ("pressure_ulcers_count.csv", FB_VALUE_TYPE_COUNT);
  g_autoptr(FbAnalysis) analysis = analyse (rows, FB_CHART_TYPE_C, 1, NAN, 0);
  guint n = fb_analysis_get_n_rows (analysis);
  FbChartStyle style;
  int first = -1, last = -1;

  fb_chart_style_init (&style);
  style.title = "Trykksår";

  /* Sweep across the middle of the chart: every row is found, in order. */
  for (double x = 0; x < 1000; x += 1)
    {
      int hit = fb_chart_hit_test (analysis, &style, 1000, 500, x, 250);

      if (hit < 0)
        continue;
      g_assert_cmpint (hit, >=, last);
      if (first < 0)
        first = hit;
      last = hit;
    }

  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, ==, (int)n - 1);
  g_assert_cmpint (fb_chart_hit_test (analysis, &style, 1000, 500, 2, 250), ==, -1);
  g_assert_cmpint (fb_chart_hit_test (analysis, &style, 1000, 500, 500, 2), ==, -1);
}

static void
test_chart_edge_cases (void)
{
  static const double values[][4] = {
    { 5, NAN, NAN, NAN },      /* a single point */
    { 7, 7, 7, 7 },            /* constant */
    { NAN, NAN, NAN, NAN },    /* all missing */
    { 0, 0, 0, 1e9 },          /* an enormous value */
  };
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "edge.png", NULL);

  for (guint c = 0; c < G_N_ELEMENTS (values); c++)
    {
      g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FbCsvRow));
      g_autoptr(GError) error = NULL;
      FbAnalysisPoint points[4];
      FbAnalysisOptions options;
      guint n = c == 0 ? 1 : 4;
      FbChartStyle style;

      for (guint i = 0; i < n; i++)
        {
          points[i].date = (const char *[]) { "2026-01-05", "2026-01-12", "2026-01-19",
                                              "2026-01-26" }[i];
          points[i].value = values[c][i];
          points[i].denominator = NAN;
          points[i].excluded = FALSE;
        }

      for (guint chart = FB_CHART_TYPE_RUN; chart <= FB_CHART_TYPE_C; chart++)
        {
          g_autoptr(FbAnalysis) analysis = NULL;

          if (chart == FB_CHART_TYPE_P || chart == FB_CHART_TYPE_U)
            continue;

          fb_analysis_options_init (&options);
          options.chart = chart;
          if (!(analysis = fb_analysis_new (points, n, &options, &error)))
            {
              /* Refused with a reason, never a crash. */
              g_assert_nonnull (error);
              g_clear_error (&error);
              continue;
            }

          fb_chart_style_init (&style);
          g_assert_true (fb_chart_save (analysis, &style, png, 300, 200, &error));
          g_assert_no_error (error);
        }
    }

  g_unlink (png);
  g_rmdir (dir);
}

static void
test_chart_refusals (void)
{
  g_autoptr(GArray) rows = load_series ("pressure_ulcers_count.csv", FB_VALUE_TYPE_COUNT);
  g_autoptr(FbAnalysis) analysis = analyse (rows, FB_CHART_TYPE_C, 1, NAN, 0);
  g_autofree char *dir = temp_dir ();
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  FbChartStyle style;

  fb_chart_style_init (&style);

  g_assert_false (fb_chart_save (analysis, &style, gif, 800, 450, &error));
  g_assert_error (error, FB_CHART_ERROR, FB_CHART_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (fb_chart_save (analysis, &style, png, 10, 450, &error));
  g_assert_error (error, FB_CHART_ERROR, FB_CHART_ERROR_SIZE);
  g_clear_error (&error);

  g_assert_false (fb_chart_save (analysis, &style, missing, 800, 450, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);

  /* An existing chart stays as it was when the new one cannot be made. */
  g_assert_true (g_file_set_contents (png, "old chart", -1, NULL));
  g_assert_false (fb_chart_save (analysis, &style, png, 100000, 450, &error));
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old chart");
  }

  /* No temporary files are left behind. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "chart.png");
  g_assert_null (g_dir_read_name (listing));

  g_unlink (png);
  g_rmdir (dir);
}

static void
test_chart_markers (void)
{
  g_autoptr(GArray) rows = load_series ("falls_per_1000_bed_days.csv", FB_VALUE_TYPE_RATE);
  g_autoptr(FbAnalysis) analysis = analyse (rows, FB_CHART_TYPE_U, 1000, NAN, 0);
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "markers.png", NULL);
  g_autoptr(GError) error = NULL;
  const FbChartMarker markers[] = {
    { "2000-01-01", "PDSA 0" },   /* before the series: not drawn */
    { "2024-03-04", "PDSA 1" },
    { "2024-03-11", "PDSA 2" },   /* next to PDSA 1: its label goes on another row */
    { "2024-03-18", "PDSA 3" },
    { "2030-01-01", "PDSA 9" },   /* after the series: not drawn */
  };
  cairo_surface_t *surface;
  FbChartStyle style;

  fb_chart_style_init (&style);
  style.markers = markers;
  style.n_markers = G_N_ELEMENTS (markers);

  g_assert_true (fb_chart_save (analysis, &style, png, 900, 500, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_true (png_has_colour (surface, 0xcc, 0x79, 0xa7));
  cairo_surface_destroy (surface);

  g_unlink (png);
  g_rmdir (dir);
}

static void
test_chart_attach_snapshot (void)
{
  g_autoptr(GArray) rows = load_series ("pressure_ulcers_count.csv", FB_VALUE_TYPE_COUNT);
  g_autoptr(FbAnalysis) analysis = analyse (rows, FB_CHART_TYPE_C, 1, NAN, 0);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "forbedring.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FbStore) store = fb_store_open (path, &error);
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(FbMeasure) measure = fb_measure_new (NULL);
  g_autoptr(FbAttachment) attachment = NULL;
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(GBytes) png = NULL;
  FbChartStyle style;

  g_assert_no_error (error);
  fb_trust_set_name (trust, "Sykehuset Telemark HF");
  fb_project_set_title (project, "Færre trykksår");
  fb_project_set_trust_id (project, fb_record_get_id (FB_RECORD (trust)));
  fb_measure_set_project_id (measure, fb_record_get_id (FB_RECORD (project)));
  fb_measure_set_name (measure, "Trykksår/måned");
  fb_measure_set_value_type (measure, FB_VALUE_TYPE_COUNT);
  g_assert_true (fb_store_save (store, FB_RECORD (trust), &error));
  g_assert_true (fb_store_save (store, FB_RECORD (project), &error));
  g_assert_true (fb_store_save (store, FB_RECORD (measure), &error));

  fb_chart_style_init (&style);
  style.title = "Trykksår";
  attachment = fb_store_attach_chart (store, fb_record_get_id (FB_RECORD (project)), measure,
                                      analysis, &style, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);

  /* Listed with the project, its bytes in the blob store, a real PNG, and
   * a file name without the slash of the measure's name. */
  attachments = fb_store_list_attachments (store, fb_record_get_id (FB_RECORD (project)));
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  g_assert_cmpstr (fb_attachment_get_media_type (attachment), ==, "image/png");
  g_assert_null (strchr (fb_attachment_get_file_name (attachment), '/'));
  g_assert_cmpstr (fb_attachment_get_measure_id (attachment), ==,
                   fb_record_get_id (FB_RECORD (measure)));

  png = fb_store_dup_blob (store, fb_attachment_get_sha256 (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_bytes_get_size (png), ==, fb_attachment_get_size (attachment));
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);
}

/* The chart's axes follow the locale: under Norwegian the month names are
 * Norwegian and the values have a decimal comma. The text is read back
 * from a PDF export with pdftotext. */
static void
test_chart_norwegian_axes (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GString) csv = g_string_new ("date,value,denominator,note\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FbChartStyle style;
  gboolean saved_ok;
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* Monthly values between 1 and 3: the axis steps in tenths. */
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (csv, "2025-%02u-01,%u.%u,,\n", i + 1, 1 + i % 3, (i * 7) % 10);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  rows = fb_csv_parse (bytes, FB_VALUE_TYPE_CONTINUOUS, &error);
  g_assert_no_error (error);
  analysis = analyse (rows, FB_CHART_TYPE_RUN, 1, NAN, 0);
  fb_chart_style_init (&style);

  if (setlocale (LC_ALL, "nb_NO.UTF-8") == NULL)
    {
      g_test_skip ("The nb_NO.UTF-8 locale is not installed (build-aux/install-deps.sh "
                   "generates it)");
      return;
    }
  saved_ok = fb_chart_save (analysis, &style, pdf, 800, 450, &error);
  setlocale (LC_ALL, saved);
  g_assert_no_error (error);
  g_assert_true (saved_ok);

  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Month names of the axis, Norwegian and not English. */
  g_assert_nonnull (strstr (text, "mai"));
  g_assert_nonnull (strstr (text, "des."));
  g_assert_null (strstr (text, "May"));
  g_assert_null (strstr (text, "Dec"));
  /* Values with a decimal comma: the median line's label at least. */
  g_assert_true (g_regex_match_simple ("[0-9],[0-9]", text, 0, 0));
  g_assert_false (g_regex_match_simple ("[0-9]\\.[0-9]", text, 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/chart/all-types-all-formats", test_chart_all_types_all_formats);
  g_test_add_func ("/core/chart/signals-and-target", test_chart_signals_and_target);
  g_test_add_func ("/core/chart/hit-test", test_chart_hit_test);
  g_test_add_func ("/core/chart/cache", test_chart_cache);
  g_test_add_func ("/core/chart/edge-cases", test_chart_edge_cases);
  g_test_add_func ("/core/chart/refusals", test_chart_refusals);
  g_test_add_func ("/core/chart/markers", test_chart_markers);
  g_test_add_func ("/core/chart/attach-snapshot", test_chart_attach_snapshot);
  g_test_add_func ("/core/chart/norwegian-axes", test_chart_norwegian_axes);

  return g_test_run ();
}
