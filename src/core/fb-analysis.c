/* fb-analysis.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-analysis"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-analysis.h"
#include "fb-csv.h"
#include "fb-enum-types.h"
#include "fb-runs.h"
#include "fb-spc-limits.h"
#include "fb-utils.h"

/* The analysis follows qicharts2's qic () step by step (see ANALYSIS.md):
 *
 * 1. each point gets its value (numerator / denominator where the chart
 *    uses denominators); a missing value or denominator makes it missing;
 * 2. the points are split into phases; a point is in the baseline when it
 *    is within the freeze (ignored when there are phases) and it counts
 *    towards the centre and limits when it is also not excluded;
 * 3. per phase: centre line and limits (fb-spc-limits.c), then the runs
 *    analysis of the included points (fb-runs.c);
 * 4. values, centre lines and limits are multiplied; limits that are not
 *    finite are dropped, and a point beyond a remaining limit is a sigma
 *    signal. */

struct _FbAnalysis
{
  GObject          parent_instance;

  FbChartType      chart;
  FbRules          rules;
  double           multiply;
  double           target;
  guint            freeze;

  GStringChunk    *dates;
  FbAnalysisRow   *rows;
  guint            n_rows;
  FbAnalysisPhase *phases;
  guint            n_phases;

  char            *summary;
};

G_DEFINE_FINAL_TYPE (FbAnalysis, fb_analysis, G_TYPE_OBJECT)

G_DEFINE_QUARK (fb-analysis-error-quark, fb_analysis_error)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fb_analysis_finalize (GObject *object)
{
  FbAnalysis *self = (FbAnalysis *)object;

  g_clear_pointer (&self->dates, g_string_chunk_free);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->phases, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (fb_analysis_parent_class)->finalize (object);
}

static void
fb_analysis_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FbAnalysis *self = FB_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_enum (value, self->chart);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_analysis_class_init (FbAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fb_analysis_finalize;
  object_class->get_property = fb_analysis_get_property;

  /**
   * FbAnalysis:chart:
   *
   * The chart type analysed.
   */
  properties[PROP_CHART] =
    g_param_spec_enum ("chart", NULL, NULL,
                       FB_TYPE_CHART_TYPE, FB_CHART_TYPE_RUN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * FbAnalysis:summary:
   *
   * The plain-language summary, see fb_analysis_get_summary ().
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_analysis_init (FbAnalysis *self)
{
  self->multiply = 1;
  self->target = NAN;
}

/**
 * fb_analysis_options_init:
 * @options: (out caller-allocates): the options to set
 *
 * Sets @options to the defaults: a run chart with the Anhøj rules, no
 * freeze, no phases, multiplier 1 and no target.
 */
void
fb_analysis_options_init (FbAnalysisOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (FbAnalysisOptions) {
    .chart = FB_CHART_TYPE_RUN,
    .multiply = 1,
    .target = NAN,
    .rules = FB_RULES_ANHOEJ,
  };
}

static const char *
chart_nick (FbChartType chart)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (FB_TYPE_CHART_TYPE);
  GEnumValue *value = g_enum_get_value (enum_class, chart);

  /* The nicks are static strings, so they outlive the class reference. */
  return value != NULL ? value->value_nick : "run";
}

static gboolean
chart_needs_denominator (FbChartType chart)
{
  return chart == FB_CHART_TYPE_P || chart == FB_CHART_TYPE_U
         || chart == FB_CHART_TYPE_PP || chart == FB_CHART_TYPE_UP;
}

/* The name users know a chart by, for messages. */
static const char *
chart_title (FbChartType chart)
{
  switch (chart)
    {
    case FB_CHART_TYPE_P:
      return "P";
    case FB_CHART_TYPE_U:
      return "U";
    case FB_CHART_TYPE_PP:
      return "P′";
    case FB_CHART_TYPE_UP:
      return "U′";
    default:
      return chart_nick (chart);
    }
}

static gboolean
any_denominator (const FbAnalysisPoint *points,
                 guint                  n_points)
{
  for (guint i = 0; i < n_points; i++)
    if (!isnan (points[i].denominator))
      return TRUE;

  return FALSE;
}

static const char *
date_or_unknown (const char *date)
{
  return date != NULL ? date : "?";
}

/* Step 1: the value of each point, as qicharts2 makes it: with
 * denominators y = numerator / denominator, a point missing either is
 * missing (complete.cases ()) and counts 0 in the pooled denominator. */
static gboolean
prepare_points (FbAnalysis            *self,
                const FbAnalysisPoint *points,
                FbSpcRow              *spc,
                GError               **error)
{
  gboolean use_denominator;

  if (chart_needs_denominator (self->chart))
    {
      if (!any_denominator (points, self->n_rows))
        {
          g_set_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID,
                       /* Translators: %s is a chart type: P, U, P′ or U′ */
                       _("A %s chart needs a denominator for each value, and no point has one. "
                         "Add the denominators, or choose a run, I or C chart."),
                       chart_title (self->chart));
          return FALSE;
        }
      use_denominator = TRUE;
    }
  else
    {
      /* C charts count events; the others plot rates when given them. */
      use_denominator = self->chart != FB_CHART_TYPE_C && any_denominator (points, self->n_rows);
    }

  for (guint i = 0; i < self->n_rows; i++)
    {
      const FbAnalysisPoint *point = &points[i];
      FbSpcRow *row = &spc[i];
      double value = point->value;
      double denominator = point->denominator;

      if (isinf (value))
        {
          g_set_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID,
                       _("Row %u (%s): the value is not a finite number."),
                       i + 1, date_or_unknown (point->date));
          return FALSE;
        }

      if (!use_denominator)
        {
          row->y = value;
          row->numerator = value;
          row->size = NAN;
          continue;
        }

      row->y = NAN;
      row->numerator = NAN;
      row->size = 0;

      if (isnan (value) || isnan (denominator))
        continue;

      if (isinf (denominator) || denominator < 0)
        {
          g_set_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID,
                       _("Row %u (%s): the denominator must be a number of 0 or more."),
                       i + 1, date_or_unknown (point->date));
          return FALSE;
        }

      if (denominator == 0)
        {
          if (value == 0)
            continue;

          g_set_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID,
                       _("Row %u (%s): the value is %g but the denominator is 0. "
                         "Correct the denominator, or leave both empty if the period has no data."),
                       i + 1, date_or_unknown (point->date), value);
          return FALSE;
        }

      row->y = value / denominator;
      row->numerator = value;
      row->size = denominator;
    }

  if (self->chart == FB_CHART_TYPE_T)
    {
      for (guint i = 0; i < self->n_rows; i++)
        {
          if (isnan (spc[i].y) || spc[i].y > 0)
            continue;

          g_set_error (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_INVALID,
                       _("Row %u (%s): a time between events must be above 0. "
                         "Use a G chart for counts that can be 0."),
                       i + 1, date_or_unknown (points[i].date));
          return FALSE;
        }
    }

  return TRUE;
}

static int
compare_guint (const void *a,
               const void *b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return (x > y) - (x < y);
}

/* Step 2: phases from the 1-based starts, as qicharts2's makeparts (): a
 * start of 1 or less or past the end adds nothing, repeats count once. */
static void
split_phases (FbAnalysis              *self,
              const FbAnalysisOptions *options)
{
  g_autofree guint *starts = g_new (guint, options->n_part_starts + 1);
  guint n_starts = 0;

  starts[n_starts++] = 1;
  for (guint i = 0; i < options->n_part_starts; i++)
    if (options->part_starts[i] > 1 && options->part_starts[i] <= self->n_rows)
      starts[n_starts++] = options->part_starts[i];

  qsort (starts, n_starts, sizeof (guint), compare_guint);

  self->phases = g_new0 (FbAnalysisPhase, n_starts);
  for (guint i = 0; i < n_starts; i++)
    {
      if (self->n_phases > 0 && starts[i] == self->phases[self->n_phases - 1].start)
        continue;
      self->phases[self->n_phases++].start = starts[i];
    }

  for (guint p = 0; p < self->n_phases; p++)
    self->phases[p].end = p + 1 < self->n_phases ? self->phases[p + 1].start - 1 : self->n_rows;
}

static double
multiplied_or_nan (double value,
                   double multiply)
{
  double result = value * multiply;

  return isfinite (result) ? result : NAN;
}

/* Step 3 and 4 for one phase. */
static void
analyse_phase (FbAnalysis      *self,
               FbAnalysisPhase *phase,
               guint            phase_number,
               FbSpcRow        *spc,
               double          *y,
               gboolean        *include,
               guint8          *flags)
{
  guint first = phase->start - 1;
  guint n = phase->end - first;
  gboolean ihi = self->rules == FB_RULES_IHI;
  gboolean runs_apply = self->chart != FB_CHART_TYPE_MR;
  guint8 run_flag = ihi ? FB_RUNS_FLAG_SHIFT : FB_RUNS_FLAG_LONG_RUN;
  FbRunsResult runs;
  double centre;

  centre = fb_spc_limits_compute (self->chart, spc + first, n);

  for (guint i = 0; i < n; i++)
    {
      y[i] = spc[first + i].y;
      include[i] = !self->rows[first + i].excluded;
      flags[i] = FB_RUNS_FLAG_NONE;
    }

  fb_runs_analyse (y, include, n, centre, ihi, &runs, flags);

  phase->n_obs = runs.n_obs;
  phase->n_useful = runs.n_useful;
  phase->centre = multiplied_or_nan (centre, self->multiply);
  phase->longest_run = runs.longest_run;
  phase->longest_run_max = runs.longest_run_max;
  phase->crossings = runs.crossings;
  phase->crossings_min = runs.crossings_min;
  phase->longest_run_start = runs.longest_run_first >= 0 ? first + runs.longest_run_first + 1 : 0;
  phase->longest_run_above = runs.longest_run_side > 0;
  phase->n_runs = runs.n_runs;

  if (ihi)
    {
      phase->shift = runs.shift;
      phase->trend = runs.trend;
      phase->trend_length = runs.trend_length;
      phase->trend_start = runs.trend_first >= 0 ? first + runs.trend_first + 1 : 0;
      phase->trend_rising = runs.trend_direction > 0;
      phase->runs_lower = runs.runs_lower;
      phase->runs_upper = runs.runs_upper;
      phase->too_few_runs = runs.too_few_runs;
      phase->too_many_runs = runs.too_many_runs;
      phase->runs_signal = runs.shift || runs.trend || runs.too_few_runs || runs.too_many_runs;
    }
  else
    {
      phase->runs_lower = -1;
      phase->runs_upper = -1;
      phase->runs_signal = runs.anhoej_signal;
    }

  /* qicharts2 analyses the runs of moving ranges but never signals them:
   * consecutive moving ranges share a point, so they are not independent. */
  if (!runs_apply)
    phase->runs_signal = FALSE;

  for (guint i = 0; i < n; i++)
    {
      FbAnalysisRow *row = &self->rows[first + i];
      const FbSpcRow *s = &spc[first + i];

      row->phase = phase_number;
      row->y = s->y * self->multiply;
      row->cl = phase->centre;
      row->lcl = multiplied_or_nan (s->lcl, self->multiply);
      row->ucl = multiplied_or_nan (s->ucl, self->multiply);
      row->sigma_signal = row->y > row->ucl || row->y < row->lcl;
      row->long_run = runs_apply && (flags[i] & run_flag) != 0;
      row->trend = runs_apply && ihi && (flags[i] & FB_RUNS_FLAG_TREND) != 0;

      if (row->sigma_signal && !row->excluded)
        phase->n_sigma_signals++;
    }
}

/* Up to three significant digits and no trailing zeros, in the user's
 * locale: 0.523, 52.3, 523, 5230. */
static char *
format_number (double value)
{
  double magnitude = fabs (value);
  int decimals = 0;
  char *text;
  char *end;

  if (magnitude > 0)
    decimals = CLAMP (2 - (int)floor (log10 (magnitude)), 0, 4);

  text = g_strdup_printf ("%.*f", decimals, value);
  if (decimals == 0)
    return text;

  end = text + strlen (text);
  while (end > text && end[-1] == '0')
    *--end = '\0';
  /* Drop the decimal mark too, whatever the locale's mark is. */
  if (end > text && !g_ascii_isdigit (end[-1]))
    *g_utf8_find_prev_char (text, end) = '\0';

  return text;
}

static char *
format_value (FbAnalysis *self,
              double      value)
{
  g_autofree char *number = format_number (value);

  if (G_APPROX_VALUE (self->multiply, 100, 1e-9))
    /* Translators: a percentage in a chart summary, e.g. “52 %” */
    return g_strdup_printf (_("%s %%"), number);

  return g_steal_pointer (&number);
}

static char *
format_date (const char *text)
{
  GDate date;
  char buffer[128];

  if (!fb_date_parse (text, &date))
    return g_strdup (date_or_unknown (text));

  /* Translators: the date a signal starts, see strftime (3) */
  if (g_date_strftime (buffer, sizeof buffer, C_("summary date", "%-d %B %Y"), &date) == 0)
    return g_strdup (text);

  return g_strdup (buffer);
}

static const char *
row_date (FbAnalysis *self,
          guint       number)
{
  g_assert (number >= 1 && number <= self->n_rows);

  return self->rows[number - 1].date;
}

static char *
describe_centre (FbAnalysis            *self,
                 const FbAnalysisPhase *phase)
{
  g_autofree char *value = NULL;

  if (isnan (phase->centre))
    return g_strdup (_("no centre line"));

  value = format_value (self, phase->centre);

  switch (self->chart)
    {
    case FB_CHART_TYPE_RUN:
    case FB_CHART_TYPE_G:
      /* Translators: the centre line of a chart, e.g. “median 52 %” */
      return g_strdup_printf (_("median %s"), value);

    case FB_CHART_TYPE_MR:
      return g_strdup_printf (_("average moving range %s"), value);

    default:
      /* Translators: the centre line of a chart, e.g. “mean 52 %” */
      return g_strdup_printf (_("mean %s"), value);
    }
}

static char *
describe_long_run (FbAnalysis            *self,
                   const FbAnalysisPhase *phase)
{
  g_autofree char *date = format_date (row_date (self, phase->longest_run_start));
  guint length = (guint)phase->longest_run;
  const char *format;

  if (self->chart == FB_CHART_TYPE_RUN)
    format = phase->longest_run_above
             ? g_dngettext (GETTEXT_PACKAGE,
                            "a run of %u point above the median from %s: a shift",
                            "a run of %u points above the median from %s: a shift", length)
             : g_dngettext (GETTEXT_PACKAGE,
                            "a run of %u point below the median from %s: a shift",
                            "a run of %u points below the median from %s: a shift", length);
  else
    format = phase->longest_run_above
             ? g_dngettext (GETTEXT_PACKAGE,
                            "a run of %u point above the centre line from %s: a shift",
                            "a run of %u points above the centre line from %s: a shift", length)
             : g_dngettext (GETTEXT_PACKAGE,
                            "a run of %u point below the centre line from %s: a shift",
                            "a run of %u points below the centre line from %s: a shift", length);

  return g_strdup_printf (format, length, date);
}

static char *
describe_crossings (FbAnalysis            *self,
                    const FbAnalysisPhase *phase)
{
  guint crossings = (guint)phase->crossings;
  const char *format;

  if (self->chart == FB_CHART_TYPE_RUN)
    format = g_dngettext (GETTEXT_PACKAGE,
                          "only %u crossing of the median where at least %u are expected",
                          "only %u crossings of the median where at least %u are expected",
                          crossings);
  else
    format = g_dngettext (GETTEXT_PACKAGE,
                          "only %u crossing of the centre line where at least %u are expected",
                          "only %u crossings of the centre line where at least %u are expected",
                          crossings);

  return g_strdup_printf (format, crossings, (guint)phase->crossings_min);
}

static char *
describe_trend (FbAnalysis            *self,
                const FbAnalysisPhase *phase)
{
  g_autofree char *date = format_date (row_date (self, phase->trend_start));
  const char *format;

  format = phase->trend_rising
           ? g_dngettext (GETTEXT_PACKAGE,
                          "%u point rising from %s: a trend",
                          "%u points rising from %s: a trend", phase->trend_length)
           : g_dngettext (GETTEXT_PACKAGE,
                          "%u point falling from %s: a trend",
                          "%u points falling from %s: a trend", phase->trend_length);

  return g_strdup_printf (format, phase->trend_length, date);
}

static char *
describe_sigma (FbAnalysis            *self,
                const FbAnalysisPhase *phase)
{
  g_autofree char *date = NULL;

  for (guint i = phase->start; i <= phase->end; i++)
    {
      const FbAnalysisRow *row = &self->rows[i - 1];

      if (row->sigma_signal && !row->excluded)
        {
          date = format_date (row->date);
          break;
        }
    }

  if (date == NULL)
    date = g_strdup ("?");

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u point outside the control limits, on %s",
                                       "%u points outside the control limits, the first on %s",
                                       phase->n_sigma_signals),
                          phase->n_sigma_signals, date);
}

/* The signals of one phase, or what stands for them. */
static char *
describe_signals (FbAnalysis            *self,
                  const FbAnalysisPhase *phase)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean runs_apply = self->chart != FB_CHART_TYPE_MR;

  if (runs_apply && phase->n_useful < 2)
    {
      g_ptr_array_add (parts,
                       g_strdup (_("too few points off the centre line for a runs analysis")));
    }
  else if (runs_apply && self->rules == FB_RULES_ANHOEJ)
    {
      if (phase->longest_run > phase->longest_run_max)
        g_ptr_array_add (parts, describe_long_run (self, phase));
      if (phase->crossings < phase->crossings_min)
        g_ptr_array_add (parts, describe_crossings (self, phase));
    }
  else if (runs_apply)
    {
      if (phase->shift)
        g_ptr_array_add (parts, describe_long_run (self, phase));
      if (phase->trend)
        g_ptr_array_add (parts, describe_trend (self, phase));
      if (phase->too_few_runs)
        g_ptr_array_add (parts, g_strdup_printf (_("too few runs (%d, fewer than %d)"),
                                                 phase->n_runs, phase->runs_lower));
      if (phase->too_many_runs)
        g_ptr_array_add (parts, g_strdup_printf (_("too many runs (%d, more than %d)"),
                                                 phase->n_runs, phase->runs_upper));
    }

  if (phase->n_sigma_signals > 0)
    g_ptr_array_add (parts, describe_sigma (self, phase));

  if (parts->len == 0)
    return g_strdup (_("only random variation"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **)parts->pdata);
}

static char *
build_summary (FbAnalysis *self)
{
  GString *summary = g_string_new (NULL);

  if (self->n_phases == 1)
    {
      g_autofree char *centre = describe_centre (self, &self->phases[0]);
      g_autofree char *signals = describe_signals (self, &self->phases[0]);

      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", self->n_rows),
                              self->n_rows);
      /* Translators: “20 points; median 52 %; only random variation.” */
      g_string_append_printf (summary, _("; %s; %s."), centre, signals);

      return g_string_free (summary, FALSE);
    }

  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u point in %u phases.", "%u points in %u phases.",
                                       self->n_rows),
                          self->n_rows, self->n_phases);

  for (guint p = 0; p < self->n_phases; p++)
    {
      g_autofree char *centre = describe_centre (self, &self->phases[p]);
      g_autofree char *signals = describe_signals (self, &self->phases[p]);

      /* Translators: “Phase 2: mean 41 %; only random variation.” */
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Phase %u: %s; %s."), p + 1, centre, signals);
    }

  return g_string_free (summary, FALSE);
}

/**
 * fb_analysis_new:
 * @points: (array length=n_points): the series, in time order
 * @n_points: the number of points
 * @options: (nullable): how to analyse; %NULL for the defaults of
 *   fb_analysis_options_init ()
 * @error: return location for a #FbAnalysisError
 *
 * Analyses a series as a run chart or a control chart, computing what
 * qicharts2's qic () computes: per phase the centre line, the limits of
 * each point and the runs analysis, and which points are beyond the
 * limits. Missing points stay in the result without a value.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set when
 *   there are no points or a point cannot be analysed
 */
FbAnalysis *
fb_analysis_new (const FbAnalysisPoint   *points,
                 guint                    n_points,
                 const FbAnalysisOptions *options,
                 GError                 **error)
{
  g_autoptr(FbAnalysis) self = NULL;
  g_autofree FbSpcRow *spc = NULL;
  g_autofree double *y = NULL;
  g_autofree gboolean *include = NULL;
  g_autofree guint8 *flags = NULL;
  FbAnalysisOptions defaults;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      fb_analysis_options_init (&defaults);
      options = &defaults;
    }

  g_return_val_if_fail (options->chart <= FB_CHART_TYPE_UP, NULL);
  g_return_val_if_fail (options->rules <= FB_RULES_IHI, NULL);
  g_return_val_if_fail (options->n_part_starts == 0 || options->part_starts != NULL, NULL);

  if (n_points == 0)
    {
      g_set_error_literal (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_EMPTY,
                           _("There are no data points to analyse yet. "
                             "Add at least one value to see a chart."));
      return NULL;
    }

  self = g_object_new (FB_TYPE_ANALYSIS, NULL);
  self->chart = options->chart;
  self->rules = options->rules;
  self->multiply = isfinite (options->multiply) && options->multiply > 0 ? options->multiply : 1;
  self->target = options->target;
  self->freeze = options->n_part_starts == 0 ? options->freeze : 0;
  self->n_rows = n_points;
  self->rows = g_new0 (FbAnalysisRow, n_points);
  self->dates = g_string_chunk_new (MIN (n_points, 4096) * 11);

  spc = g_new0 (FbSpcRow, n_points);
  if (!prepare_points (self, points, spc, error))
    return NULL;

  for (guint i = 0; i < n_points; i++)
    {
      FbAnalysisRow *row = &self->rows[i];

      if (points[i].date != NULL)
        row->date = g_string_chunk_insert (self->dates, points[i].date);
      row->excluded = points[i].excluded;
      row->baseline = self->freeze == 0 || i < self->freeze;
      spc[i].base = row->baseline && !row->excluded;
    }

  split_phases (self, options);

  y = g_new (double, n_points);
  include = g_new (gboolean, n_points);
  flags = g_new (guint8, n_points);

  for (guint p = 0; p < self->n_phases; p++)
    analyse_phase (self, &self->phases[p], p + 1, spc, y, include, flags);

  self->summary = build_summary (self);

  return g_steal_pointer (&self);
}

/**
 * fb_analysis_get_chart:
 * @self: a #FbAnalysis
 *
 * Returns: the chart type analysed
 */
FbChartType
fb_analysis_get_chart (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), FB_CHART_TYPE_RUN);

  return self->chart;
}

/**
 * fb_analysis_get_rules:
 * @self: a #FbAnalysis
 *
 * Returns: the runs rules used
 */
FbRules
fb_analysis_get_rules (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), FB_RULES_ANHOEJ);

  return self->rules;
}

/**
 * fb_analysis_get_multiply:
 * @self: a #FbAnalysis
 *
 * Returns: the multiplier of values, centre lines and limits (1 when none
 *   was given)
 */
double
fb_analysis_get_multiply (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), 1);

  return self->multiply;
}

/**
 * fb_analysis_get_target:
 * @self: a #FbAnalysis
 *
 * Returns: the target given in the options, or NAN
 */
double
fb_analysis_get_target (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), NAN);

  return self->target;
}

/**
 * fb_analysis_get_freeze:
 * @self: a #FbAnalysis
 *
 * Returns: the number of baseline points used, 0 when every point of each
 *   phase counts (no freeze, or phases given)
 */
guint
fb_analysis_get_freeze (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), 0);

  return self->freeze;
}

/**
 * fb_analysis_get_n_rows:
 * @self: a #FbAnalysis
 *
 * Returns: the number of points, as given to fb_analysis_new ()
 */
guint
fb_analysis_get_n_rows (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), 0);

  return self->n_rows;
}

/**
 * fb_analysis_get_row:
 * @self: a #FbAnalysis
 * @index: the 0-based index of the point
 *
 * Returns: (transfer none): the analysed point, owned by @self
 */
const FbAnalysisRow *
fb_analysis_get_row (FbAnalysis *self,
                     guint       index)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->n_rows, NULL);

  return &self->rows[index];
}

/**
 * fb_analysis_get_n_phases:
 * @self: a #FbAnalysis
 *
 * Returns: the number of phases, at least 1
 */
guint
fb_analysis_get_n_phases (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), 0);

  return self->n_phases;
}

/**
 * fb_analysis_get_phase:
 * @self: a #FbAnalysis
 * @index: the 0-based index of the phase
 *
 * Returns: (transfer none): the phase, owned by @self
 */
const FbAnalysisPhase *
fb_analysis_get_phase (FbAnalysis *self,
                       guint       index)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->n_phases, NULL);

  return &self->phases[index];
}

/**
 * fb_analysis_has_signal:
 * @self: a #FbAnalysis
 *
 * Returns: %TRUE if any phase has a runs signal or an included point
 *   beyond a limit
 */
gboolean
fb_analysis_has_signal (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), FALSE);

  for (guint p = 0; p < self->n_phases; p++)
    if (self->phases[p].runs_signal || self->phases[p].n_sigma_signals > 0)
      return TRUE;

  return FALSE;
}

/**
 * fb_analysis_get_summary:
 * @self: a #FbAnalysis
 *
 * A translated plain-language summary for screen readers and exports: the
 * number of points, the centre line of each phase and the signals found
 * with the date they start, or that there is only random variation.
 *
 * Returns: (transfer none): the summary
 */
const char *
fb_analysis_get_summary (FbAnalysis *self)
{
  g_return_val_if_fail (FB_IS_ANALYSIS (self), NULL);

  return self->summary;
}

static void
append_number (GString *json,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append (json, g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

static void
append_count (GString *json,
              gint     value)
{
  if (value < 0)
    g_string_append (json, "null");
  else
    g_string_append_printf (json, "%d", value);
}

static void
append_boolean (GString  *json,
                gboolean  value)
{
  g_string_append (json, value ? "true" : "false");
}

static void
append_string (GString    *json,
               const char *text)
{
  if (text == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char)c);
        }
      else if (c < 0x20)
        {
          g_string_append_printf (json, "\\u%04x", c);
        }
      else
        {
          g_string_append_c (json, (char)c);
        }
    }
  g_string_append_c (json, '"');
}

static void
append_phase (FbAnalysis            *self,
              GString               *json,
              const FbAnalysisPhase *phase)
{
  g_string_append_printf (json, "{\"start\":%u,\"end\":%u,\"n_obs\":%u,\"n_useful\":%u,\"centre\":",
                          phase->start, phase->end, phase->n_obs, phase->n_useful);
  append_number (json, phase->centre);
  g_string_append (json, ",\"longest_run\":");
  append_count (json, phase->longest_run);
  g_string_append (json, ",\"longest_run_max\":");
  append_count (json, phase->longest_run_max);
  g_string_append (json, ",\"crossings\":");
  append_count (json, phase->crossings);
  g_string_append (json, ",\"crossings_min\":");
  append_count (json, phase->crossings_min);
  g_string_append (json, ",\"runs_signal\":");
  append_boolean (json, phase->runs_signal);

  if (self->rules == FB_RULES_IHI)
    {
      g_string_append (json, ",\"shift\":");
      append_boolean (json, phase->shift);
      g_string_append (json, ",\"trend\":");
      append_boolean (json, phase->trend);
      g_string_append (json, ",\"runs_out_of_range\":");
      append_boolean (json, phase->too_few_runs || phase->too_many_runs);
    }

  g_string_append_c (json, '}');
}

static void
append_row (GString             *json,
            const FbAnalysisRow *row)
{
  g_string_append (json, "{\"date\":");
  append_string (json, row->date);
  g_string_append (json, ",\"y\":");
  append_number (json, row->y);
  g_string_append (json, ",\"cl\":");
  append_number (json, row->cl);
  g_string_append (json, ",\"lcl\":");
  append_number (json, row->lcl);
  g_string_append (json, ",\"ucl\":");
  append_number (json, row->ucl);
  g_string_append (json, ",\"sigma_signal\":");
  append_boolean (json, row->sigma_signal);
  g_string_append (json, ",\"excluded\":");
  append_boolean (json, row->excluded);
  g_string_append_printf (json, ",\"phase\":%u}", row->phase);
}

/**
 * fb_analysis_to_json:
 * @self: a #FbAnalysis
 *
 * Writes the analysis as one JSON object:
 * `{"chart", "n", "phases": [{"start", "end", "n_obs", "n_useful",
 * "centre", "longest_run", "longest_run_max", "crossings", "crossings_min",
 * "runs_signal"}], "points": [{"date", "y", "cl", "lcl", "ucl",
 * "sigma_signal", "excluded", "phase"}], "summary"}`. With the IHI rules
 * each phase also has "shift", "trend" and "runs_out_of_range".
 *
 * Numbers are written with `%.17g` whatever the locale, so they read back
 * as the same doubles; a missing or undefined number (a missing value, a
 * limit that does not exist, runs counts without useful points) is `null`.
 *
 * Returns: (transfer full): the JSON text
 */
char *
fb_analysis_to_json (FbAnalysis *self)
{
  GString *json;

  g_return_val_if_fail (FB_IS_ANALYSIS (self), NULL);

  /* About 130 bytes a point. */
  json = g_string_sized_new (256 + (gsize)self->n_rows * 140);

  g_string_append (json, "{\"chart\":");
  append_string (json, chart_nick (self->chart));
  g_string_append_printf (json, ",\"n\":%u,\"phases\":[", self->n_rows);

  for (guint p = 0; p < self->n_phases; p++)
    {
      if (p > 0)
        g_string_append_c (json, ',');
      append_phase (self, json, &self->phases[p]);
    }

  g_string_append (json, "],\"points\":[");

  for (guint i = 0; i < self->n_rows; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_row (json, &self->rows[i]);
    }

  g_string_append (json, "],\"summary\":");
  append_string (json, self->summary);
  g_string_append (json, "}\n");

  return g_string_free (json, FALSE);
}

/**
 * fb_analysis_new_for_rows:
 * @rows: (element-type FbCsvRow): a series as fb_csv_parse() reads it
 * @excluded: (array length=n_excluded) (nullable): 1-based rows to leave
 *   out of the calculations
 * @n_excluded: the number of excluded rows
 * @options: (nullable): the analysis options
 * @error: return location for a #GError
 *
 * Analyses a series read from a measure file, as fb_analysis_new() does.
 * Excluded row numbers past the end of @rows are ignored.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
FbAnalysis *
fb_analysis_new_for_rows (GArray                  *rows,
                          const guint             *excluded,
                          guint                    n_excluded,
                          const FbAnalysisOptions *options,
                          GError                 **error)
{
  g_autofree FbAnalysisPoint *points = NULL;

  g_return_val_if_fail (rows != NULL, NULL);

  points = g_new0 (FbAnalysisPoint, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      const FbCsvRow *row = &g_array_index (rows, FbCsvRow, i);

      points[i].date = row->date;
      points[i].value = row->value;
      points[i].denominator = row->denominator;
    }

  for (guint i = 0; i < n_excluded; i++)
    if (excluded[i] >= 1 && excluded[i] <= rows->len)
      points[excluded[i] - 1].excluded = TRUE;

  return fb_analysis_new (points, rows->len, options, error);
}
