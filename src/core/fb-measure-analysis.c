/* fb-measure-analysis.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-measure-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-chart.h"
#include "fb-data-point.h"
#include "fb-measure-analysis.h"
#include "fb-pdsa-cycle.h"

/* What a measure's chart shows: the measure says how its stored data points
 * are analysed (chart type, baseline, phases, multiplier, target) and which
 * PDSA cycles mark its chart. The app, the command line and the server all
 * draw a measure through these, so they agree. */

/* C charts plot the count even when there is a denominator, so they are
 * never scaled; every other chart plots the ratio when there is one. */
static double
plotted_multiplier (FbMeasure *measure)
{
  if (fb_measure_get_chart_type (measure) == FB_CHART_TYPE_C)
    return 1.0;

  if (!fb_measure_value_type_has_denominator (fb_measure_get_value_type (measure)))
    return 1.0;

  return fb_measure_get_display_multiplier (measure);
}

/* The stored target is a fraction for a proportion and already per
 * multiplier for a rate (see the sample data's README). */
static double
plotted_target (FbMeasure *measure,
                double     multiply)
{
  double target = fb_measure_get_target (measure);

  if (!isfinite (target))
    return NAN;

  if (fb_measure_get_value_type (measure) == FB_VALUE_TYPE_PROPORTION)
    return target * multiply;

  return target;
}

static const char *
period_of (GPtrArray *items,
           guint      index)
{
  const char *period = fb_data_point_get_period (g_ptr_array_index (items, index));

  return period != NULL ? period : "";
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* Dates compare as strings: they are all `YYYY-MM-DD`. */
static GArray *
dup_phase_starts (FbMeasure *measure,
                  GPtrArray *items)
{
  const char * const *dates = fb_measure_get_phase_starts (measure);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = items->len;

  if (dates == NULL || n == 0)
    return starts;

  for (guint d = 0; dates[d] != NULL; d++)
    {
      guint lo = 0, hi = n;
      gboolean seen = FALSE;

      if (strcmp (dates[d], period_of (items, 0)) < 0 ||
          strcmp (dates[d], period_of (items, n - 1)) > 0)
        continue;

      /* The first point on or after the date. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (strcmp (period_of (items, mid), dates[d]) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint i = 0; i < starts->len && !seen; i++)
        seen = g_array_index (starts, guint, i) == lo + 1;
      if (!seen)
        g_array_append_val (starts, (guint) { lo + 1 });
    }

  g_array_sort (starts, compare_guint);

  return starts;
}

/**
 * fb_measure_analyse_with_rules:
 * @measure: a #FbMeasure
 * @points: (element-type FbDataPoint): the measure's data points in period
 *   order, such as fb_store_list_data_points () gives
 * @rules: the runs rules: Anhøj (the default) or IHI
 * @error: return location for a #GError
 *
 * Analyses a measure's data the way its chart shows it: with the measure's
 * chart type and @rules; the centre line frozen after the
 * measure's baseline points; a new phase at the first point on or after
 * each of its phase start dates (dates before the first point or after the
 * last are left out); values multiplied for display (100 for proportions,
 * the rate multiplier for rates, 1 for counts, continuous values and any C
 * chart); the target in those plotted units; and the points' excluded
 * flags.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set, e.g.
 *   to %FB_ANALYSIS_ERROR_EMPTY when there are no points
 */
FbAnalysis *
fb_measure_analyse_with_rules (FbMeasure   *measure,
                               GListModel  *points,
                               FbRules      rules,
                               GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autofree FbAnalysisPoint *rows = NULL;
  FbAnalysisOptions options;
  guint n;

  g_return_val_if_fail (FB_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (points), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (points), FB_TYPE_DATA_POINT),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The items are held until the analysis has copied their dates. */
  n = g_list_model_get_n_items (points);
  items = g_ptr_array_new_full (n, g_object_unref);
  rows = g_new0 (FbAnalysisPoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      FbDataPoint *point = g_list_model_get_item (points, i);

      g_ptr_array_add (items, point);
      rows[i].date = fb_data_point_get_period (point);
      rows[i].value = fb_data_point_get_value (point);
      rows[i].denominator = fb_data_point_get_denominator (point);
      rows[i].excluded = fb_data_point_get_excluded (point);
    }

  starts = dup_phase_starts (measure, items);

  fb_analysis_options_init (&options);
  options.chart = fb_measure_get_chart_type (measure);
  options.rules = rules;
  options.freeze = fb_measure_get_baseline_points (measure);
  options.part_starts = (const guint *)(gpointer)starts->data;
  options.n_part_starts = starts->len;
  options.multiply = plotted_multiplier (measure);
  options.target = plotted_target (measure, options.multiply);

  return fb_analysis_new (rows, n, &options, error);
}

/**
 * fb_measure_analyse:
 * @measure: a measure
 * @points: (element-type FbDataPoint): its points, in period order
 * @error: return location for a #GError
 *
 * fb_measure_analyse_with_rules() with the Anhøj rules, the default.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
FbAnalysis *
fb_measure_analyse (FbMeasure   *measure,
                    GListModel  *points,
                    GError     **error)
{
  return fb_measure_analyse_with_rules (measure, points, FB_RULES_ANHOEJ, error);
}

static void
marker_clear (gpointer data)
{
  FbChartMarker *marker = data;

  g_free ((gpointer)marker->date);
  g_free ((gpointer)marker->label);
}

static int
compare_cycles (gconstpointer a,
                gconstpointer b)
{
  FbPdsaCycle *x = *(FbPdsaCycle * const *)a;
  FbPdsaCycle *y = *(FbPdsaCycle * const *)b;
  int cmp = strcmp (fb_pdsa_cycle_get_start_date (x), fb_pdsa_cycle_get_start_date (y));
  guint nx = fb_pdsa_cycle_get_number (x);
  guint ny = fb_pdsa_cycle_get_number (y);

  if (cmp != 0)
    return cmp;

  return nx < ny ? -1 : nx > ny;
}

static gboolean
names_any_measure (FbPdsaCycle *cycle)
{
  const char * const *ids = fb_pdsa_cycle_get_measure_ids (cycle);

  return ids != NULL && ids[0] != NULL;
}

static gboolean
names_measure (FbPdsaCycle *cycle,
               const char  *measure_id)
{
  const char * const *ids = fb_pdsa_cycle_get_measure_ids (cycle);

  return ids != NULL && measure_id != NULL && g_strv_contains (ids, measure_id);
}

/**
 * fb_measure_dup_markers:
 * @measure: a #FbMeasure
 * @cycles: (element-type FbPdsaCycle): the PDSA cycles of the measure's
 *   project, such as fb_store_list_pdsa_cycles () gives
 *
 * Gets the PDSA cycles to mark on the measure's chart: those that name the
 * measure among their measures or, when no cycle of the project names any
 * measure, every cycle of the project. Each is labelled "PDSA N" and
 * placed at its start date; cycles without a start date are left out.
 * They are sorted by date, then by number.
 *
 * The array owns copies of the dates and labels: they stay valid until the
 * array is freed, which frees them too (it has a clear function), so the
 * array can be passed straight to #FbChartStyle.
 *
 * Returns: (transfer full) (element-type FbChartMarker): the markers,
 *   possibly none; free with g_array_unref ()
 */
GArray *
fb_measure_dup_markers (FbMeasure  *measure,
                        GListModel *cycles)
{
  g_autoptr(GPtrArray) chosen = NULL;
  GArray *markers;
  const char *measure_id;
  const char *project_id;
  gboolean any_named = FALSE;
  guint n;

  g_return_val_if_fail (FB_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (cycles), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (cycles), FB_TYPE_PDSA_CYCLE),
                        NULL);

  measure_id = fb_record_get_id (FB_RECORD (measure));
  project_id = fb_measure_get_project_id (measure);
  n = g_list_model_get_n_items (cycles);
  chosen = g_ptr_array_new_full (n, g_object_unref);

  /* Only cycles of the measure's own project count, also for the fallback. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FbPdsaCycle) cycle = g_list_model_get_item (cycles, i);
      const char *cycle_project = fb_pdsa_cycle_get_project_id (cycle);

      if (project_id != NULL && cycle_project != NULL && strcmp (project_id, cycle_project) != 0)
        continue;

      any_named |= names_any_measure (cycle);
      g_ptr_array_add (chosen, g_steal_pointer (&cycle));
    }

  for (guint i = chosen->len; i > 0; i--)
    {
      FbPdsaCycle *cycle = g_ptr_array_index (chosen, i - 1);
      const char *start = fb_pdsa_cycle_get_start_date (cycle);

      if (start == NULL || *start == '\0' || (any_named && !names_measure (cycle, measure_id)))
        g_ptr_array_remove_index (chosen, i - 1);
    }

  g_ptr_array_sort (chosen, compare_cycles);

  markers = g_array_sized_new (FALSE, TRUE, sizeof (FbChartMarker), chosen->len);
  g_array_set_clear_func (markers, marker_clear);
  for (guint i = 0; i < chosen->len; i++)
    {
      FbPdsaCycle *cycle = g_ptr_array_index (chosen, i);
      FbChartMarker marker;

      marker.date = g_strdup (fb_pdsa_cycle_get_start_date (cycle));
      /* Translators: the label of a PDSA cycle's marker on a chart, e.g. "PDSA 3" */
      marker.label = g_strdup_printf (_("PDSA %u"), fb_pdsa_cycle_get_number (cycle));
      g_array_append_val (markers, marker);
    }

  return markers;
}

/**
 * fb_measure_chart_is_percent:
 * @measure: a #FbMeasure
 *
 * Whether the measure's chart shows percentages: a proportion on any chart
 * but a C chart, which plots counts. Use it for #FbChartStyle.percent with
 * an analysis from fb_measure_analyse ().
 *
 * Returns: %TRUE when values are percentages
 */
gboolean
fb_measure_chart_is_percent (FbMeasure *measure)
{
  g_return_val_if_fail (FB_IS_MEASURE (measure), FALSE);

  return fb_measure_get_value_type (measure) == FB_VALUE_TYPE_PROPORTION &&
         fb_measure_get_chart_type (measure) != FB_CHART_TYPE_C;
}
