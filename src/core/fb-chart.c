/* fb-chart.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "fb-chart.h"
#include "fb-utils.h"

/* The one chart renderer: the app's chart widget, PNG, SVG and PDF exports
 * all call fb_chart_draw (). Points are spaced evenly by period, as run
 * charts are read; dates label the axis in the user's language. Colours are
 * from the Okabe–Ito palette, which stays distinct for colour-blind readers,
 * with a second set for dark backgrounds. */

G_DEFINE_QUARK (fb-chart-error-quark, fb_chart_error)

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  Rgb background;
  Rgb text;
  Rgb dim;
  Rgb grid;
  Rgb data;
  Rgb limit;
  Rgb centre;
  Rgb run_signal;
  Rgb sigma_signal;
  Rgb target;
  Rgb marker;
  Rgb phase;
} Palette;

static const Palette light_palette = {
  .background   = { 1.000, 1.000, 1.000 },
  .text         = { 0.141, 0.141, 0.141 },
  .dim          = { 0.380, 0.380, 0.380 },
  .grid         = { 0.900, 0.900, 0.900 },
  .data         = { 0.000, 0.447, 0.698 },  /* blue */
  .limit        = { 0.470, 0.470, 0.470 },
  .centre       = { 0.200, 0.200, 0.200 },
  .run_signal   = { 0.902, 0.624, 0.000 },  /* orange */
  .sigma_signal = { 0.835, 0.369, 0.000 },  /* vermillion */
  .target       = { 0.000, 0.620, 0.451 },  /* bluish green */
  .marker       = { 0.800, 0.475, 0.655 },  /* reddish purple */
  .phase        = { 0.550, 0.550, 0.550 },
};

static const Palette dark_palette = {
  .background   = { 0.141, 0.141, 0.141 },
  .text         = { 0.930, 0.930, 0.930 },
  .dim          = { 0.700, 0.700, 0.700 },
  .grid         = { 0.250, 0.250, 0.250 },
  .data         = { 0.337, 0.706, 0.914 },  /* sky blue */
  .limit        = { 0.620, 0.620, 0.620 },
  .centre       = { 0.850, 0.850, 0.850 },
  .run_signal   = { 0.941, 0.894, 0.259 },  /* yellow */
  .sigma_signal = { 0.902, 0.624, 0.000 },  /* orange */
  .target       = { 0.000, 0.750, 0.560 },
  .marker       = { 0.880, 0.600, 0.780 },
  .phase        = { 0.500, 0.500, 0.500 },
};

#define MAX_MARKER_ROWS 3
#define NO_MARKER_ROW   G_MAXUINT

typedef struct
{
  const Palette *palette;
  double         font_px;
  double         pad;

  /* The plot area, in device units. */
  double         left;
  double         right;
  double         top;
  double         bottom;

  double         ymin;
  double         ymax;
  double         ystep;

  guint          n;
  double         dx;
  guint          label_step;
  double         title_h;
  double         marker_row_h;
  guint          marker_rows;
  int           *marker_index;
  guint         *marker_row;
} Layout;

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->marker_index, g_free);
  g_clear_pointer (&layout->marker_row, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

/**
 * fb_chart_style_init:
 * @style: a style to fill with defaults
 */
void
fb_chart_style_init (FbChartStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->highlight = -1;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

/* Parsed once: the description is copied for each size and weight. */
static const PangoFontDescription *
base_font (void)
{
  static PangoFontDescription *font;

  if (g_once_init_enter (&font))
    g_once_init_leave (&font, pango_font_description_from_string ("Cantarell, Sans"));

  return font;
}

static PangoLayout *
make_text (cairo_t    *cr,
           const char *text,
           double      px,
           gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_copy_static (base_font ());

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);

  return layout;
}

/* Sizes of texts already measured, by size, weight and text: a chart
 * redrawn for a changed value measures the same axis labels again. */
static const cairo_user_data_key_t sizes_key;

static void
text_size (cairo_t    *cr,
           const char *text,
           double      px,
           gboolean    bold,
           double     *width,
           double     *height)
{
  GHashTable *sizes = cairo_get_user_data (cr, &sizes_key);
  g_autofree char *key = NULL;
  int w, h;

  if (sizes != NULL)
    {
      gpointer size;

      key = g_strdup_printf ("%.4f %d %s", px, bold, text);
      if ((size = g_hash_table_lookup (sizes, key)) != NULL)
        {
          guint packed = GPOINTER_TO_UINT (size);

          if (width)
            *width = packed >> 16;
          if (height)
            *height = (packed & 0xffff) - 1;
          return;
        }
    }

  {
    g_autoptr(PangoLayout) layout = make_text (cr, text, px, bold);

    pango_layout_get_pixel_size (layout, &w, &h);
  }

  /* Packed as w << 16 | (h + 1), never 0; sizes past 16 bits are not kept. */
  if (sizes != NULL && w >= 0 && w < 0xffff && h >= 0 && h < 0xfffe)
    g_hash_table_insert (sizes, g_steal_pointer (&key),
                         GUINT_TO_POINTER ((guint)w << 16 | (guint)(h + 1)));

  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Draws text with its anchor at (x, y): xalign/yalign 0 = left/top,
 * 0.5 = centre, 1 = right/bottom. Text is clipped to the width given, with
 * an ellipsis, when max_width > 0. */
static void
draw_text (cairo_t    *cr,
           const char *text,
           double      px,
           gboolean    bold,
           const Rgb  *colour,
           double      x,
           double      y,
           double      xalign,
           double      yalign,
           double      max_width)
{
  g_autoptr(PangoLayout) layout = make_text (cr, text, px, bold);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  pango_layout_get_pixel_size (layout, &w, &h);
  set_rgb (cr, colour);
  cairo_move_to (cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (cr, layout);
}

static char *
format_number (double   value,
               int      decimals,
               gboolean percent)
{
  /* printf follows LC_NUMERIC, so Norwegian readers get a decimal comma. */
  if (percent)
    /* Translators: a percentage on a chart axis; use your language's spacing */
    return g_strdup_printf (_("%.*f %%"), decimals, value);

  return g_strdup_printf ("%.*f", decimals, value);
}

static int
decimals_for_step (double step)
{
  if (step <= 0 || !isfinite (step))
    return 0;

  return CLAMP ((int)ceil (-log10 (step) - 1e-9), 0, 6);
}

static double
nice_step (double range)
{
  double raw = range / 5.0;
  double magnitude, norm;

  if (raw <= 0 || !isfinite (raw))
    return 1.0;

  magnitude = pow (10.0, floor (log10 (raw)));
  norm = raw / magnitude;

  if (norm < 1.5)
    return magnitude;
  if (norm < 3.0)
    return 2.0 * magnitude;
  if (norm < 7.0)
    return 5.0 * magnitude;

  return 10.0 * magnitude;
}

static void
widen (double *lo,
       double *hi,
       double  value)
{
  if (!isfinite (value))
    return;

  *lo = MIN (*lo, value);
  *hi = MAX (*hi, value);
}

static gboolean
date_of_row (FbAnalysis *analysis,
             guint       index,
             GDate      *date)
{
  const FbAnalysisRow *row = fb_analysis_get_row (analysis, index);

  g_date_clear (date, 1);
  return row->date != NULL && fb_date_parse (row->date, date);
}

/* Monthly or coarser series label months; finer ones label days. */
static gboolean
is_monthly (FbAnalysis *analysis)
{
  guint n = fb_analysis_get_n_rows (analysis);
  GDate first, last;

  if (n < 2 || !date_of_row (analysis, 0, &first) || !date_of_row (analysis, n - 1, &last))
    return TRUE;

  return g_date_days_between (&first, &last) / (double)(n - 1) >= 27.0;
}

static char *
format_date (GDate      *date,
             const char *format)
{
  char buffer[64];

  if (!g_date_valid (date) || g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

static char *
axis_label (FbAnalysis *analysis,
            guint       index,
            gboolean    monthly)
{
  GDate date;

  if (!date_of_row (analysis, index, &date))
    return g_strdup (fb_analysis_get_row (analysis, index)->date ?: "");

  /* Translators: strftime formats for the date axis of monthly and of
   * weekly or daily charts */
  return format_date (&date, monthly ? C_("chart axis", "%b") : C_("chart axis", "%-d %b"));
}

static void
compute_layout (cairo_t            *cr,
                FbAnalysis         *analysis,
                const FbChartStyle *style,
                double              width,
                double              height,
                Layout             *layout)
{
  guint n = fb_analysis_get_n_rows (analysis);
  double target = fb_analysis_get_target (analysis);
  double lo = INFINITY, hi = -INFINITY;
  double label_w = 0, label_h = 0, tick_w = 0, right_w = 0, line_h;
  gboolean monthly = is_monthly (analysis);
  int decimals;
  g_autofree double *row_end = NULL;

  memset (layout, 0, sizeof *layout);
  layout->palette = style->dark ? &dark_palette : &light_palette;
  layout->font_px = CLAMP (sqrt (width * height) / 60.0, 10.0, 18.0);
  layout->pad = layout->font_px;
  layout->n = n;
  line_h = layout->font_px * 1.4;

  for (guint i = 0; i < n; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);

      widen (&lo, &hi, row->y);
      widen (&lo, &hi, row->cl);
      widen (&lo, &hi, row->lcl);
      widen (&lo, &hi, row->ucl);
    }
  widen (&lo, &hi, target);

  if (!isfinite (lo))
    {
      lo = 0;
      hi = 1;
    }
  if (hi - lo < 1e-9)
    {
      double half = fabs (hi) > 1e-9 ? fabs (hi) * 0.1 : 1.0;

      lo -= half;
      hi += half;
    }

  layout->ystep = nice_step (hi - lo);
  layout->ymin = floor (lo / layout->ystep) * layout->ystep;
  layout->ymax = ceil (hi / layout->ystep) * layout->ystep;
  if (lo >= 0 && layout->ymin < 0)
    layout->ymin = 0;
  decimals = decimals_for_step (layout->ystep);

  for (double v = layout->ymin; v <= layout->ymax + layout->ystep / 2; v += layout->ystep)
    {
      g_autofree char *text = format_number (v, decimals, style->percent);
      double w;

      text_size (cr, text, layout->font_px * 0.85, FALSE, &w, NULL);
      tick_w = MAX (tick_w, w);
    }

  /* Room on the right for the last phase's line labels ("UCL 91 %"), in
   * whichever language makes the widest. */
  {
    g_autofree char *sample = format_number (layout->ymax, decimals + 1, style->percent);
    const char *names[] = {
      C_("chart", "UCL"), C_("chart", "LCL"), C_("chart", "CL"), C_("chart", "Median"),
      C_("chart", "Target"),
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *text = g_strdup_printf ("%s %s", names[i], sample);
        double w;

        text_size (cr, text, layout->font_px * 0.8, FALSE, &w, NULL);
        right_w = MAX (right_w, w);
      }
  }

  /* Date labels differ little in width: measuring a spread of them is
   * enough, and keeps the layout (run on every pointer move) cheap. */
  for (guint k = 0, step = MAX (1, n / 24); k < n; k += step)
    {
      g_autofree char *text = axis_label (analysis, k, monthly);
      double w, h;

      text_size (cr, text, layout->font_px * 0.8, FALSE, &w, &h);
      label_w = MAX (label_w, w);
      label_h = MAX (label_h, h);
    }

  layout->title_h = 0;
  if (style->title && *style->title)
    layout->title_h += layout->font_px * 1.25 * 1.4;
  if (style->subtitle && *style->subtitle)
    layout->title_h += line_h;
  if (layout->title_h > 0)
    layout->title_h += layout->pad * 0.5;

  layout->left = layout->pad + tick_w + layout->pad * 0.6;
  layout->right = width - layout->pad - right_w - layout->pad * 0.4;
  layout->bottom = height - layout->pad - 2 * label_h - layout->pad * 0.4;

  if (layout->right - layout->left < 20)
    layout->right = layout->left + 20;

  layout->dx = (layout->right - layout->left) / MAX (n, 1);

  /* PDSA markers: each at the first period on or after its start, labels
   * stacked in rows so that they never overlap. */
  layout->marker_row_h = layout->font_px * 0.8 * 1.35;
  layout->marker_index = g_new0 (int, MAX (style->n_markers, 1));
  layout->marker_row = g_new0 (guint, MAX (style->n_markers, 1));
  row_end = g_new0 (double, MAX_MARKER_ROWS);
  for (guint r = 0; r < MAX_MARKER_ROWS; r++)
    row_end[r] = -INFINITY;

  for (guint m = 0; m < style->n_markers; m++)
    {
      const char *date = style->markers[m].date;
      int index = -1;
      double x, w;

      for (guint i = 0; i < n && date != NULL; i++)
        {
          const char *row_date = fb_analysis_get_row (analysis, i)->date;

          if (row_date != NULL && strcmp (row_date, date) >= 0)
            {
              index = (int)i;
              break;
            }
        }

      layout->marker_index[m] = index;
      if (index < 0)
        continue;

      x = layout->left + index * layout->dx;
      text_size (cr, style->markers[m].label ?: "", layout->font_px * 0.8, FALSE, &w, NULL);

      /* A label with no room in any row is left out rather than drawn over
       * another: its line stays, and the point details name the cycle. */
      layout->marker_row[m] = NO_MARKER_ROW;
      for (guint r = 0; r < MAX_MARKER_ROWS; r++)
        if (x - w / 2 > row_end[r] + layout->font_px * 0.4)
          {
            layout->marker_row[m] = r;
            break;
          }

      if (layout->marker_row[m] == NO_MARKER_ROW)
        continue;

      row_end[layout->marker_row[m]] = x + w / 2;
      layout->marker_rows = MAX (layout->marker_rows, layout->marker_row[m] + 1);
    }

  layout->top = layout->pad + layout->title_h + layout->marker_rows * layout->marker_row_h +
                layout->font_px * 0.5;
  if (layout->bottom - layout->top < 20)
    layout->bottom = layout->top + 20;

  /* Every nth date, so labels keep a gap; months step by 1, 2, 3, 4, 6 or 12. */
  {
    double needed = label_w + layout->font_px;
    guint step = (guint)MAX (1, ceil (needed / MAX (layout->dx, 1e-3)));

    if (monthly)
      {
        static const guint month_steps[] = { 1, 2, 3, 4, 6, 12, 24, 36, 60 };

        for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
          if (month_steps[i] >= step)
            {
              step = month_steps[i];
              break;
            }
      }
    layout->label_step = step;
  }
}

static double
x_for (const Layout *layout,
       guint         index)
{
  return layout->left + (index + 0.5) * layout->dx;
}

static double
y_for (const Layout *layout,
       double        value)
{
  double t = (value - layout->ymin) / (layout->ymax - layout->ymin);

  return layout->bottom - t * (layout->bottom - layout->top);
}

static void
draw_grid (cairo_t            *cr,
           const Layout       *layout,
           const FbChartStyle *style)
{
  int decimals = decimals_for_step (layout->ystep);

  cairo_set_line_width (cr, 1.0);
  for (double v = layout->ymin; v <= layout->ymax + layout->ystep / 2; v += layout->ystep)
    {
      double y = round (y_for (layout, v)) + 0.5;
      g_autofree char *text = format_number (fabs (v) < layout->ystep / 1e6 ? 0 : v, decimals,
                                             style->percent);

      set_rgb (cr, &layout->palette->grid);
      cairo_move_to (cr, layout->left, y);
      cairo_line_to (cr, layout->right, y);
      cairo_stroke (cr);

      draw_text (cr, text, layout->font_px * 0.85, FALSE, &layout->palette->dim,
                 layout->left - layout->pad * 0.5, y, 1.0, 0.5, 0);
    }
}

static void
draw_date_axis (cairo_t      *cr,
                FbAnalysis   *analysis,
                const Layout *layout)
{
  gboolean monthly = is_monthly (analysis);
  double px = layout->font_px * 0.8;
  int last_year = -1;

  for (guint i = 0; i < layout->n; i += layout->label_step)
    {
      g_autofree char *text = axis_label (analysis, i, monthly);
      double x = x_for (layout, i);
      double h;
      GDate date;

      set_rgb (cr, &layout->palette->limit);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, round (x) + 0.5, layout->bottom);
      cairo_line_to (cr, round (x) + 0.5, layout->bottom + layout->font_px * 0.3);
      cairo_stroke (cr);

      draw_text (cr, text, px, FALSE, &layout->palette->dim, x,
                 layout->bottom + layout->font_px * 0.4, 0.5, 0, 0);

      /* The year under the first label and wherever it changes. */
      if (date_of_row (analysis, i, &date) && g_date_get_year (&date) != last_year)
        {
          g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (&date));

          text_size (cr, text, px, FALSE, NULL, &h);
          draw_text (cr, year, px, TRUE, &layout->palette->dim, x,
                     layout->bottom + layout->font_px * 0.4 + h, 0.5, 0, 0);
          last_year = g_date_get_year (&date);
        }
    }

  set_rgb (cr, &layout->palette->limit);
  cairo_move_to (cr, layout->left, round (layout->bottom) + 0.5);
  cairo_line_to (cr, layout->right, round (layout->bottom) + 0.5);
  cairo_stroke (cr);
}

/* A per-period value drawn as steps: flat across each period, joined
 * within a phase, broken where it has no value or the phase changes. */
static void
draw_steps (cairo_t      *cr,
            FbAnalysis   *analysis,
            const Layout *layout,
            guint         first,
            guint         last,
            gsize         offset)
{
  gboolean drawing = FALSE;
  double last_value = NAN, end_x = 0;
  guint pieces = 0;

  for (guint i = first; i <= last; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);
      double value = G_STRUCT_MEMBER (double, row, offset);
      double x = x_for (layout, i);

      if (!isfinite (value))
        {
          if (drawing)
            cairo_line_to (cr, end_x, y_for (layout, last_value));
          drawing = FALSE;
          continue;
        }

      /* A run of equal values is one segment; a change is a step. */
      if (!drawing)
        {
          cairo_move_to (cr, x - layout->dx / 2, y_for (layout, value));
        }
      else if (value != last_value)
        {
          cairo_line_to (cr, x - layout->dx / 2, y_for (layout, last_value));
          cairo_line_to (cr, x - layout->dx / 2, y_for (layout, value));

          /* Stroked in pieces, as the data line is (see draw_data ()). */
          if (++pieces % 32 == 0)
            {
              cairo_stroke (cr);
              cairo_move_to (cr, x - layout->dx / 2, y_for (layout, value));
            }
        }

      end_x = x + layout->dx / 2;
      last_value = value;
      drawing = TRUE;
    }

  if (drawing)
    cairo_line_to (cr, end_x, y_for (layout, last_value));

  cairo_stroke (cr);
}

static void
draw_phase_lines (cairo_t      *cr,
                  FbAnalysis   *analysis,
                  const Layout *layout)
{
  double dash[] = { layout->font_px * 0.6, layout->font_px * 0.4 };
  guint n_phases = fb_analysis_get_n_phases (analysis);
  double scale = layout->font_px / 12.0;

  for (guint p = 0; p < n_phases; p++)
    {
      const FbAnalysisPhase *phase = fb_analysis_get_phase (analysis, p);
      guint first = phase->start - 1, last = phase->end - 1;

      /* The limits, thin and grey. */
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 1.2 * scale);
      set_rgb (cr, &layout->palette->limit);
      draw_steps (cr, analysis, layout, first, last, G_STRUCT_OFFSET (FbAnalysisRow, ucl));
      draw_steps (cr, analysis, layout, first, last, G_STRUCT_OFFSET (FbAnalysisRow, lcl));

      /* The centre line, dashed in the signal colour when the runs
       * analysis finds non-random variation. */
      cairo_set_line_width (cr, (phase->runs_signal ? 2.0 : 1.5) * scale);
      if (phase->runs_signal)
        {
          set_rgb (cr, &layout->palette->run_signal);
          cairo_set_dash (cr, dash, 2, 0);
        }
      else
        {
          set_rgb (cr, &layout->palette->centre);
        }
      draw_steps (cr, analysis, layout, first, last, G_STRUCT_OFFSET (FbAnalysisRow, cl));
      cairo_set_dash (cr, NULL, 0, 0);

      if (p > 0)
        {
          double x = round (x_for (layout, first) - layout->dx / 2) + 0.5;
          g_autofree char *label = g_strdup_printf (_("Phase %u"), p + 1);

          set_rgb (cr, &layout->palette->phase);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x, layout->top);
          cairo_line_to (cr, x, layout->bottom);
          cairo_stroke (cr);

          draw_text (cr, label, layout->font_px * 0.75, FALSE, &layout->palette->dim,
                     x + layout->font_px * 0.3, layout->top + 2, 0, 0, 0);
        }
    }

  /* The end of a frozen baseline. */
  if (fb_analysis_get_freeze (analysis) > 0 && fb_analysis_get_freeze (analysis) < layout->n)
    {
      double x = round (x_for (layout, fb_analysis_get_freeze (analysis)) - layout->dx / 2) + 0.5;
      double dots[] = { 2.0, 3.0 };

      set_rgb (cr, &layout->palette->phase);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dots, 2, 0);
      cairo_move_to (cr, x, layout->top);
      cairo_line_to (cr, x, layout->bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      draw_text (cr, _("Baseline"), layout->font_px * 0.75, FALSE, &layout->palette->dim,
                 x - layout->font_px * 0.3, layout->top + 2, 1.0, 0, 0);
    }
}

static void
draw_target (cairo_t      *cr,
             FbAnalysis   *analysis,
             const Layout *layout)
{
  double target = fb_analysis_get_target (analysis);
  double dots[] = { layout->font_px * 0.15, layout->font_px * 0.35 };
  double y;

  if (!isfinite (target))
    return;

  y = y_for (layout, target);
  set_rgb (cr, &layout->palette->target);
  cairo_set_line_width (cr, 2.0 * layout->font_px / 12.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dots, 2, 0);
  cairo_move_to (cr, layout->left, y);
  cairo_line_to (cr, layout->right, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_line_labels (cairo_t            *cr,
                  FbAnalysis         *analysis,
                  const Layout       *layout,
                  const FbChartStyle *style)
{
  const FbAnalysisRow *last = fb_analysis_get_row (analysis, layout->n - 1);
  int decimals = decimals_for_step (layout->ystep) + 1;
  double px = layout->font_px * 0.8;
  double x = layout->right + layout->pad * 0.3;
  struct { const char *name; double value; const Rgb *colour; } lines[] = {
    { C_("chart", "UCL"), last->ucl, &layout->palette->limit },
    { fb_analysis_get_chart (analysis) == FB_CHART_TYPE_RUN
      ? C_("chart", "Median") : C_("chart", "CL"), last->cl, &layout->palette->centre },
    { C_("chart", "LCL"), last->lcl, &layout->palette->limit },
    { C_("chart", "Target"), fb_analysis_get_target (analysis), &layout->palette->target },
  };
  double placed[G_N_ELEMENTS (lines)];
  guint n_placed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *text = NULL;
      double y;
      gboolean clash;

      if (!isfinite (lines[i].value))
        continue;

      number = format_number (lines[i].value, decimals, style->percent);
      text = g_strdup_printf ("%s %s", lines[i].name, number);
      y = y_for (layout, lines[i].value);

      /* Close lines (a target near the centre) share the margin: move the
       * label down below any it would overlap. Each pass moves it below one
       * more label, so n_placed passes are enough. */
      for (guint pass = 0; pass <= n_placed; pass++)
        {
          clash = FALSE;
          for (guint j = 0; j < n_placed; j++)
            if (fabs (placed[j] - y) < px * 1.2 - 0.5)
              {
                y = placed[j] + px * 1.2;
                clash = TRUE;
              }
          if (!clash)
            break;
        }

      placed[n_placed++] = y;
      draw_text (cr, text, px, FALSE, lines[i].colour, x, y, 0, 0.5, 0);
    }
}

static void
draw_markers (cairo_t            *cr,
              const Layout       *layout,
              const FbChartStyle *style)
{
  double dash[] = { 4.0, 3.0 };

  for (guint m = 0; m < style->n_markers; m++)
    {
      int index = layout->marker_index[m];
      double x, label_y;

      if (index < 0)
        continue;

      x = round (layout->left + index * layout->dx) + 0.5;
      if (index == 0)
        x = round (x_for (layout, 0)) + 0.5;
      if (layout->marker_row[m] == NO_MARKER_ROW)
        label_y = layout->pad + layout->title_h + layout->marker_rows * layout->marker_row_h -
                  layout->marker_row_h * 0.9;
      else
        label_y = layout->pad + layout->title_h + layout->marker_row[m] * layout->marker_row_h;

      set_rgb (cr, &layout->palette->marker);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, label_y + layout->marker_row_h * 0.9);
      cairo_line_to (cr, x, layout->bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (layout->marker_row[m] != NO_MARKER_ROW)
        draw_text (cr, style->markers[m].label ?: "", layout->font_px * 0.8, TRUE,
                   &layout->palette->marker, x, label_y, 0.5, 0, 0);
    }
}

static gboolean
in_signalling_run (FbAnalysis          *analysis,
                   const FbAnalysisRow *row)
{
  const FbAnalysisPhase *phase = fb_analysis_get_phase (analysis, row->phase - 1);

  return phase->runs_signal && (row->long_run || row->trend);
}

typedef enum
{
  LOOK_NONE,
  LOOK_PLAIN,
  LOOK_EXCLUDED,
  LOOK_SIGMA,
  LOOK_RUN,
} Look;

static double
point_radius (const Layout *layout)
{
  return CLAMP (layout->dx * 0.3, 1.5, 4.0) * layout->font_px / 12.0;
}

/* How a row's point is drawn: plain, hollow, or standing out in colour
 * and size. */
static Look
point_look (FbAnalysis          *analysis,
            const Layout        *layout,
            const FbAnalysisRow *row,
            const Rgb          **colour,
            double              *radius)
{
  *colour = &layout->palette->data;
  *radius = point_radius (layout);

  if (!isfinite (row->y))
    return LOOK_NONE;
  if (row->excluded)
    return LOOK_EXCLUDED;

  if (row->sigma_signal)
    {
      *colour = &layout->palette->sigma_signal;
      *radius *= 1.5;
      return LOOK_SIGMA;
    }

  if (in_signalling_run (analysis, row))
    {
      *colour = &layout->palette->run_signal;
      *radius *= 1.2;
      return LOOK_RUN;
    }

  return LOOK_PLAIN;
}

/* The ring around the highlighted point. */
static void
draw_ring (cairo_t      *cr,
           const Layout *layout,
           double        x,
           double        y,
           double        r)
{
  double scale = layout->font_px / 12.0;

  set_rgb (cr, &layout->palette->text);
  cairo_set_line_width (cr, 2.0 * scale);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + 3 * scale, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
draw_data (cairo_t            *cr,
           FbAnalysis         *analysis,
           const Layout       *layout,
           const FbChartStyle *style)
{
  double scale = layout->font_px / 12.0;
  double radius = point_radius (layout);
  gboolean drawing = FALSE;

  set_rgb (cr, &layout->palette->data);
  cairo_set_line_width (cr, 1.8 * scale);
  /* Round joins on a long polyline cost cairo several times more to
   * tessellate than bevels, which look the same at this width. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* Hundreds of short segments: cairo's faster antialiasing looks the same
   * at this size and halves the time of the stroke. */
  if (layout->n > 200)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint i = 0, segments = 0; i < layout->n; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);

      if (!isfinite (row->y))
        {
          drawing = FALSE;
          continue;
        }

      if (drawing)
        cairo_line_to (cr, x_for (layout, i), y_for (layout, row->y));
      else
        cairo_move_to (cr, x_for (layout, i), y_for (layout, row->y));
      drawing = TRUE;

      /* A long zigzag stroked at once makes cairo's rasteriser walk every
       * edge on every scanline; short pieces keep that local. Round caps
       * hide the seams. */
      if (++segments % 16 == 0)
        {
          cairo_stroke (cr);
          cairo_move_to (cr, x_for (layout, i), y_for (layout, row->y));
        }
    }
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  /* Plain points in one fill; the few that stand out one by one. */
  set_rgb (cr, &layout->palette->data);
  for (guint i = 0; i < layout->n; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);

      if (!isfinite (row->y) || row->excluded || row->sigma_signal ||
          in_signalling_run (analysis, row))
        continue;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x_for (layout, i), y_for (layout, row->y), radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  for (guint i = 0; i < layout->n; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);
      double x = x_for (layout, i), y;
      const Rgb *colour;
      double r;
      gboolean plain;

      if (!isfinite (row->y))
        continue;

      y = y_for (layout, row->y);
      plain = point_look (analysis, layout, row, &colour, &r) == LOOK_PLAIN;

      if (!plain)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, r, 0, 2 * G_PI);

          if (row->excluded)
            {
              /* Excluded points stay visible but hollow. */
              set_rgb (cr, &layout->palette->background);
              cairo_fill_preserve (cr);
              set_rgb (cr, colour);
              cairo_set_line_width (cr, 1.5 * scale);
              cairo_stroke (cr);
            }
          else
            {
              set_rgb (cr, colour);
              cairo_fill (cr);
            }
        }

      if ((int)i == style->highlight)
        draw_ring (cr, layout, x, y, r);
    }
}

static void
draw_highlight (cairo_t      *cr,
                FbAnalysis   *analysis,
                const Layout *layout,
                int           index)
{
  const FbAnalysisRow *row;
  const Rgb *colour;
  double r;

  if (index < 0 || (guint)index >= layout->n)
    return;

  row = fb_analysis_get_row (analysis, index);
  if (point_look (analysis, layout, row, &colour, &r) == LOOK_NONE)
    return;

  draw_ring (cr, layout, x_for (layout, index), y_for (layout, row->y), r);
}

static void
draw_titles (cairo_t            *cr,
             const Layout       *layout,
             const FbChartStyle *style,
             double              width)
{
  double y = layout->pad;
  double max_width = width - 2 * layout->pad;

  if (style->title && *style->title)
    {
      draw_text (cr, style->title, layout->font_px * 1.25, TRUE, &layout->palette->text,
                 layout->pad, y, 0, 0, max_width);
      y += layout->font_px * 1.25 * 1.4;
    }

  if (style->subtitle && *style->subtitle)
    draw_text (cr, style->subtitle, layout->font_px, FALSE, &layout->palette->dim,
               layout->pad, y, 0, 0, max_width);
}

/**
 * fb_chart_draw:
 * @cr: where to draw
 * @analysis: the analysed series
 * @style: titles, markers and colours
 * @width: the width to fill, in device units
 * @height: the height to fill
 *
 * Draws a run chart or control chart: data line and points, centre line
 * (dashed when the runs rules signal), limits as steps, target, phases,
 * a frozen baseline, PDSA cycle markers, excluded points hollow and points
 * beyond the limits highlighted.
 */
void
fb_chart_draw (cairo_t            *cr,
               FbAnalysis         *analysis,
               const FbChartStyle *style,
               double              width,
               double              height)
{
  g_auto(Layout) layout = { 0, };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (FB_IS_ANALYSIS (analysis));
  g_return_if_fail (style != NULL);

  if (fb_analysis_get_n_rows (analysis) == 0 || width < 1 || height < 1)
    return;

  cairo_save (cr);

  compute_layout (cr, analysis, style, width, height, &layout);

  set_rgb (cr, &layout.palette->background);
  cairo_paint (cr);

  draw_titles (cr, &layout, style, width);
  draw_grid (cr, &layout, style);
  draw_date_axis (cr, analysis, &layout);
  draw_target (cr, analysis, &layout);
  draw_phase_lines (cr, analysis, &layout);
  draw_markers (cr, &layout, style);
  draw_data (cr, analysis, &layout, style);
  draw_line_labels (cr, analysis, &layout, style);

  cairo_restore (cr);
}

static int
hit_test_layout (const Layout *layout,
                 double        x,
                 double        y)
{
  int index;

  if (layout->n == 0 || x < layout->left || x >= layout->right ||
      y < layout->top - layout->pad || y > layout->bottom + layout->pad)
    return -1;

  index = (int)floor ((x - layout->left) / layout->dx);

  return CLAMP (index, 0, (int)layout->n - 1);
}

/**
 * fb_chart_hit_test:
 * @analysis: the analysed series
 * @style: the style it is drawn with
 * @width: the drawn width
 * @height: the drawn height
 * @x: a position, e.g. of the pointer
 * @y: a position
 *
 * Returns: the row drawn nearest to (@x, @y) within its period, or -1
 */
int
fb_chart_hit_test (FbAnalysis         *analysis,
                   const FbChartStyle *style,
                   double              width,
                   double              height,
                   double              x,
                   double              y)
{
  g_auto(Layout) layout = { 0, };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (FB_IS_ANALYSIS (analysis), -1);
  g_return_val_if_fail (style != NULL, -1);

  if (fb_analysis_get_n_rows (analysis) == 0)
    return -1;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  compute_layout (cr, analysis, style, width, height, &layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return hit_test_layout (&layout, x, y);
}

/* What a cache keeps of a row, to find the rows whose point changed. */
typedef struct
{
  double y;
  Look   look;
} RowState;

struct _FbChartCache
{
  GHashTable      *sizes;
  cairo_surface_t *measure;

  /* What the layers below were drawn for. */
  Layout           layout;
  gboolean         valid;
  int              width;
  int              height;
  double           scale;
  char            *title;
  char            *subtitle;
  gboolean         percent;
  GPtrArray       *dates;
  RowState        *rows;

  cairo_surface_t *base;   /* background, titles, grid and date axis */
  cairo_surface_t *data;   /* the data line and points, on transparent */
  cairo_surface_t *out;
};

/**
 * fb_chart_cache_new:
 *
 * Creates a cache for a chart drawn again and again, as on screen: texts
 * are measured once, and the layers that did not change (grid, axes,
 * labels, the points that kept their value) are kept between draws.
 *
 * Returns: (transfer full): a new cache, freed with fb_chart_cache_free ()
 */
FbChartCache *
fb_chart_cache_new (void)
{
  FbChartCache *cache = g_new0 (FbChartCache, 1);

  cache->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->dates = g_ptr_array_new_with_free_func (g_free);

  return cache;
}

static void
cache_invalidate (FbChartCache *cache)
{
  cache->valid = FALSE;
  layout_clear (&cache->layout);
  g_clear_pointer (&cache->rows, g_free);
  g_clear_pointer (&cache->base, cairo_surface_destroy);
  g_clear_pointer (&cache->data, cairo_surface_destroy);
  g_clear_pointer (&cache->out, cairo_surface_destroy);
}

/**
 * fb_chart_cache_free:
 * @cache: (nullable): a cache
 */
void
fb_chart_cache_free (FbChartCache *cache)
{
  if (cache == NULL)
    return;

  cache_invalidate (cache);
  g_clear_pointer (&cache->measure, cairo_surface_destroy);
  g_clear_pointer (&cache->sizes, g_hash_table_unref);
  g_clear_pointer (&cache->dates, g_ptr_array_unref);
  g_clear_pointer (&cache->title, g_free);
  g_clear_pointer (&cache->subtitle, g_free);
  g_free (cache);
}

/* Whether the grid, the axes and every point's position are as drawn. */
static gboolean
same_frame (FbChartCache       *cache,
            FbAnalysis         *analysis,
            const FbChartStyle *style,
            const Layout       *layout,
            int                 width,
            int                 height,
            double              scale)
{
  const Layout *old = &cache->layout;

  if (!cache->valid || cache->width != width || cache->height != height ||
      cache->scale != scale || cache->percent != !!style->percent ||
      g_strcmp0 (cache->title, style->title) != 0 ||
      g_strcmp0 (cache->subtitle, style->subtitle) != 0 ||
      old->palette != layout->palette || old->n != layout->n ||
      old->left != layout->left || old->right != layout->right || old->top != layout->top ||
      old->bottom != layout->bottom || old->ymin != layout->ymin ||
      old->ymax != layout->ymax || old->ystep != layout->ystep ||
      old->label_step != layout->label_step || cache->dates->len != layout->n)
    return FALSE;

  for (guint i = 0; i < layout->n; i++)
    if (g_strcmp0 (cache->dates->pdata[i], fb_analysis_get_row (analysis, i)->date) != 0)
      return FALSE;

  return TRUE;
}

static cairo_surface_t *
new_layer (int    width,
           int    height,
           double scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int)ceil (width * scale),
                                                         (int)ceil (height * scale));

  cairo_surface_set_device_scale (surface, scale, scale);

  return surface;
}

static void
draw_base (cairo_t            *cr,
           FbAnalysis         *analysis,
           const Layout       *layout,
           const FbChartStyle *style,
           double              width)
{
  set_rgb (cr, &layout->palette->background);
  cairo_paint (cr);
  draw_titles (cr, layout, style, width);
  draw_grid (cr, layout, style);
  draw_date_axis (cr, analysis, layout);
}

/* Redraws the data layer where a point changed: clears the columns it
 * touches (its line segments to both neighbours, and its point) and draws
 * every point and segment again, clipped to them. */
static void
update_data (FbChartCache       *cache,
             FbAnalysis         *analysis,
             const Layout       *layout,
             const FbChartStyle *style,
             RowState           *rows)
{
  double reach = MAX (1.8 * layout->font_px / 12.0, point_radius (layout) * 1.5) + 2;
  cairo_t *cr = NULL;
  guint n_dirty = 0;

  for (guint i = 0; i < layout->n; i++)
    {
      double x0, x1;

      if (rows[i].look == cache->rows[i].look &&
          (rows[i].y == cache->rows[i].y || (isnan (rows[i].y) && isnan (cache->rows[i].y))))
        continue;

      if (cr == NULL)
        cr = cairo_create (cache->data);

      x0 = floor (x_for (layout, i > 0 ? i - 1 : 0) - reach);
      x1 = ceil (x_for (layout, MIN (i + 1, layout->n - 1)) + reach);
      cairo_rectangle (cr, x0, 0, x1 - x0, cache->height);
      n_dirty++;
    }

  if (cr == NULL)
    return;

  /* Many changes (a new analysis of the whole series) redraw it all. */
  if (n_dirty > layout->n / 4)
    {
      cairo_new_path (cr);
      cairo_rectangle (cr, 0, 0, cache->width, cache->height);
    }

  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  draw_data (cr, analysis, layout, style);
  cairo_destroy (cr);
}

/**
 * fb_chart_cache_draw:
 * @cache: a cache
 * @analysis: the analysed series
 * @style: titles, markers and colours
 * @width: the width to fill, in logical units
 * @height: the height to fill
 * @scale: device pixels per logical unit
 *
 * Draws the chart as fb_chart_draw () does, reusing what @cache kept from
 * the last draw: after a changed value, only the columns of that point
 * are drawn again, with the lines and labels that follow the analysis.
 *
 * Returns: (transfer none) (nullable): an image of the chart, with its
 *   device scale set to @scale, valid until the next call; %NULL when
 *   there is nothing to draw
 */
cairo_surface_t *
fb_chart_cache_draw (FbChartCache       *cache,
                     FbAnalysis         *analysis,
                     const FbChartStyle *style,
                     int                 width,
                     int                 height,
                     double              scale)
{
  g_auto(Layout) layout = { 0, };
  g_autofree RowState *rows = NULL;
  FbChartStyle plain;
  cairo_t *cr;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (FB_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (fb_analysis_get_n_rows (analysis) == 0 || width < 1 || height < 1 || !(scale > 0))
    return NULL;

  if (cache->measure == NULL || cache->scale != scale)
    {
      /* Texts measure differently at another scale. */
      g_hash_table_remove_all (cache->sizes);
      g_clear_pointer (&cache->measure, cairo_surface_destroy);
      cache->measure = new_layer (1, 1, scale);
    }

  cr = cairo_create (cache->measure);
  cairo_set_user_data (cr, &sizes_key, cache->sizes, NULL);
  compute_layout (cr, analysis, style, width, height, &layout);
  cairo_destroy (cr);

  /* The layers hold no highlight: it moves with the pointer. */
  plain = *style;
  plain.highlight = -1;

  rows = g_new (RowState, MAX (layout.n, 1));
  for (guint i = 0; i < layout.n; i++)
    {
      const FbAnalysisRow *row = fb_analysis_get_row (analysis, i);
      const Rgb *colour;
      double r;

      rows[i].look = point_look (analysis, &layout, row, &colour, &r);
      rows[i].y = row->y;
    }

  if (!same_frame (cache, analysis, style, &layout, width, height, scale))
    {
      cache_invalidate (cache);
      cache->width = width;
      cache->height = height;
      cache->scale = scale;
      cache->percent = !!style->percent;
      fb_set_str (&cache->title, style->title);
      fb_set_str (&cache->subtitle, style->subtitle);
      g_ptr_array_set_size (cache->dates, 0);
      for (guint i = 0; i < layout.n; i++)
        g_ptr_array_add (cache->dates, g_strdup (fb_analysis_get_row (analysis, i)->date));

      cache->base = new_layer (width, height, scale);
      cache->data = new_layer (width, height, scale);
      cache->out = new_layer (width, height, scale);

      cr = cairo_create (cache->base);
      cairo_set_user_data (cr, &sizes_key, cache->sizes, NULL);
      draw_base (cr, analysis, &layout, style, width);
      cairo_destroy (cr);

      cr = cairo_create (cache->data);
      draw_data (cr, analysis, &layout, &plain);
      cairo_destroy (cr);
    }
  else
    {
      update_data (cache, analysis, &layout, &plain, rows);
      layout_clear (&cache->layout);
    }

  cache->layout = layout;
  memset (&layout, 0, sizeof layout);
  g_free (cache->rows);
  cache->rows = g_steal_pointer (&rows);
  cache->valid = TRUE;

  /* The lines that follow the analysis (limits, centre, target), then
   * the points over them, then their labels in the margin. */
  cr = cairo_create (cache->out);
  cairo_set_user_data (cr, &sizes_key, cache->sizes, NULL);
  cairo_set_source_surface (cr, cache->base, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  draw_target (cr, analysis, &cache->layout);
  draw_phase_lines (cr, analysis, &cache->layout);
  draw_markers (cr, &cache->layout, style);
  cairo_set_source_surface (cr, cache->data, 0, 0);
  cairo_paint (cr);
  draw_highlight (cr, analysis, &cache->layout, style->highlight);
  draw_line_labels (cr, analysis, &cache->layout, style);
  cairo_destroy (cr);
  cairo_surface_flush (cache->out);

  return cache->out;
}

/**
 * fb_chart_cache_hit_test:
 * @cache: a cache
 * @x: a position, e.g. of the pointer
 * @y: a position
 *
 * Finds the row under (@x, @y) in the chart last drawn with @cache, as
 * fb_chart_hit_test () does, without laying the chart out again.
 *
 * Returns: the row drawn nearest to (@x, @y) within its period, or -1
 */
int
fb_chart_cache_hit_test (FbChartCache *cache,
                         double        x,
                         double        y)
{
  g_return_val_if_fail (cache != NULL, -1);

  if (!cache->valid)
    return -1;

  return hit_test_layout (&cache->layout, x, y);
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, FB_CHART_ERROR, FB_CHART_ERROR_WRITE,
               _("The chart could not be written to “%s”: %s."), path,
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * fb_chart_save:
 * @analysis: the analysed series
 * @style: titles, markers and colours
 * @path: the file to write; its extension (.png, .svg, .pdf) picks the format
 * @width: the width in pixels (PNG) or points (SVG, PDF)
 * @height: the height
 * @error: return location for a #GError
 *
 * Writes the chart to a file, replacing it only once the new one is
 * complete.
 *
 * Returns: %TRUE on success
 */
gboolean
fb_chart_save (FbAnalysis          *analysis,
               const FbChartStyle  *style,
               const char          *path,
               int                  width,
               int                  height,
               GError             **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean png;

  g_return_val_if_fail (FB_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width < FB_CHART_MIN_SIZE || height < FB_CHART_MIN_SIZE ||
      width > FB_CHART_MAX_SIZE || height > FB_CHART_MAX_SIZE)
    {
      g_set_error (error, FB_CHART_ERROR, FB_CHART_ERROR_SIZE,
                   _("A chart must be between %d and %d pixels wide and high."),
                   FB_CHART_MIN_SIZE, FB_CHART_MAX_SIZE);
      return FALSE;
    }

  lower = g_ascii_strdown (path, -1);
  tmp = g_strdup_printf ("%s.tmp-%u", path, g_random_int ());
  png = g_str_has_suffix (lower, ".png");

  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (tmp, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (tmp, width, height);
  else
    {
      g_set_error (error, FB_CHART_ERROR, FB_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .png, .svg or .pdf, the formats a chart can be "
                     "saved in."), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  fb_chart_draw (cr, analysis, style, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png (surface, tmp);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("The chart could not be written to “%s”: %s."), path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * fb_chart_render_png:
 * @analysis: the analysed series
 * @style: titles, markers and colours
 * @width: the width in pixels
 * @height: the height in pixels
 * @error: return location for a #GError
 *
 * Draws the chart into PNG bytes, for an attachment.
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
fb_chart_render_png (FbAnalysis          *analysis,
                     const FbChartStyle  *style,
                     int                  width,
                     int                  height,
                     GError             **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (FB_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (width < FB_CHART_MIN_SIZE || height < FB_CHART_MIN_SIZE ||
      width > FB_CHART_MAX_SIZE || height > FB_CHART_MAX_SIZE)
    {
      g_set_error (error, FB_CHART_ERROR, FB_CHART_ERROR_SIZE,
                   _("A chart must be between %d and %d pixels wide and high."),
                   FB_CHART_MIN_SIZE, FB_CHART_MAX_SIZE);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  fb_chart_draw (cr, analysis, style, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FB_CHART_ERROR, FB_CHART_ERROR_WRITE,
                   _("The chart could not be drawn: %s."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/**
 * fb_chart_cache_get_point:
 * @cache: a cache
 * @index: a row
 * @x: (out): where the row's point is drawn
 * @y: (out): where the row's point is drawn
 *
 * Returns: %TRUE when the chart last drawn has a point for @index
 */
gboolean
fb_chart_cache_get_point (FbChartCache *cache,
                          int           index,
                          double       *x,
                          double       *y)
{
  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (!cache->valid || index < 0 || (guint)index >= cache->layout.n ||
      !isfinite (cache->rows[index].y))
    return FALSE;

  *x = x_for (&cache->layout, index);
  *y = y_for (&cache->layout, cache->rows[index].y);

  return TRUE;
}
