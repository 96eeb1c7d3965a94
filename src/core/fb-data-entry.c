/* fb-data-entry.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-data-entry"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-csv-private.h"
#include "fb-data-entry.h"
#include "fb-record.h"
#include "fb-utils.h"

/* What a person types into a measure's data, one cell at a time or pasted
 * from a spreadsheet: the periods to propose, the numbers to accept, and
 * the data points that result. The numbers follow the same rules as the
 * CSV reader (fb-csv.c, whose checks this calls); only the wording differs,
 * because here the messages name a row of the grid instead of a line of a
 * file. Nothing here touches the store: callers save what they get back. */

#define EXCERPT_CHARS 40

G_DEFINE_QUARK (fb-data-entry-error-quark, fb_data_entry_error)

static char *
excerpt (const char *text)
{
  const char *cut;

  if (g_utf8_strlen (text, -1) <= EXCERPT_CHARS)
    return g_strdup (text);

  cut = g_utf8_offset_to_pointer (text, EXCERPT_CHARS);
  return g_strdup_printf ("%.*s…", (int)(cut - text), text);
}

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now),
                  (GDateYear)g_date_time_get_year (now));
}

static char *
format_iso (const GDate *date)
{
  /* fb_date_parse () reads four-digit years only. */
  if (!g_date_valid (date) || g_date_get_year (date) > 9999)
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

static void
move_to_period_start (FbFrequency  frequency,
                      GDate       *date)
{
  GDateMonth first_month;

  switch (frequency)
    {
    case FB_FREQUENCY_WEEK:
      g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
      break;

    case FB_FREQUENCY_MONTH:
      g_date_set_day (date, 1);
      break;

    case FB_FREQUENCY_QUARTER:
      first_month = (GDateMonth)(((g_date_get_month (date) - 1) / 3) * 3 + 1);
      g_date_set_dmy (date, 1, first_month, g_date_get_year (date));
      break;

    case FB_FREQUENCY_DAY:
    case FB_FREQUENCY_EVENT:
    default:
      break;
    }
}

/**
 * fb_frequency_period_start:
 * @frequency: how often the measure is counted
 * @date: (nullable): a `YYYY-MM-DD` date, or %NULL for today
 *
 * Finds the first day of the period that holds @date: the Monday of its
 * week, the 1st of its month, the 1st of the first month of its quarter
 * (January, April, July or October), or the day itself for daily and
 * event measures.
 *
 * Returns: (transfer full): the period's first day as `YYYY-MM-DD`
 */
char *
fb_frequency_period_start (FbFrequency  frequency,
                           const char  *date)
{
  GDate day;

  g_return_val_if_fail (frequency <= FB_FREQUENCY_EVENT, NULL);
  g_return_val_if_fail (date == NULL || fb_date_is_valid (date), NULL);

  g_date_clear (&day, 1);
  if (date == NULL)
    set_today (&day);
  else
    fb_date_parse (date, &day);

  move_to_period_start (frequency, &day);

  return format_iso (&day);
}

/**
 * fb_frequency_next_period:
 * @frequency: how often the measure is counted
 * @last_period: (nullable): the latest period entered, `YYYY-MM-DD`
 *
 * Proposes the period to enter after @last_period: the next day; the
 * same weekday a week later; the 1st of the next month; or the 1st of the
 * month three months on, for a quarter. Events happen on any day, often
 * several on one, so for an event measure the proposal is the day of the
 * last event, for the person to change.
 *
 * Without a @last_period, the proposal is the start of the current period
 * (see fb_frequency_period_start ()): today, the Monday of this week, the
 * 1st of this month or of this quarter, and today for events.
 *
 * Returns: (transfer full) (nullable): the proposed period as `YYYY-MM-DD`,
 *   or %NULL after 9999-12-31
 */
char *
fb_frequency_next_period (FbFrequency  frequency,
                          const char  *last_period)
{
  GDate date;

  g_return_val_if_fail (frequency <= FB_FREQUENCY_EVENT, NULL);
  g_return_val_if_fail (last_period == NULL || fb_date_is_valid (last_period), NULL);

  if (last_period == NULL)
    return fb_frequency_period_start (frequency, NULL);

  g_date_clear (&date, 1);
  fb_date_parse (last_period, &date);

  switch (frequency)
    {
    case FB_FREQUENCY_DAY:
      g_date_add_days (&date, 1);
      break;

    case FB_FREQUENCY_WEEK:
      g_date_add_days (&date, 7);
      break;

    case FB_FREQUENCY_MONTH:
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 1);
      break;

    case FB_FREQUENCY_QUARTER:
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 3);
      break;

    case FB_FREQUENCY_EVENT:
    default:
      break;
    }

  return format_iso (&date);
}

/**
 * fb_data_entry_parse_number:
 * @text: what was typed in a cell
 * @value: (out): return location for the number, NAN when @text is empty
 * @error: return location for a #GError
 *
 * Reads a number as a person types it: digits with an optional leading
 * `-` and a decimal comma or point (`48,5` and `48.5` are the same), with
 * spaces around it. Empty text, or only spaces, is a missing value (NAN).
 * As in a measure file, exponents (`1e5`), a leading `+`, thousands
 * separators, units and words are refused, so that “ca. 11” is never read
 * as 11 by accident.
 *
 * Returns: %TRUE with @value set, or %FALSE with @error set
 *   (%FB_DATA_ENTRY_ERROR_NUMBER, quoting the text)
 */
gboolean
fb_data_entry_parse_number (const char  *text,
                            double      *value,
                            GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *shown = NULL;
  char *stripped;
  double number;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strdup (text);
  stripped = g_strstrip (copy);

  /* With both marks, "1.234,5", the '.' is refused as a stray character. */
  if (_fb_csv_parse_decimal (stripped, strchr (stripped, ',') ? ',' : '.', &number))
    {
      *value = number;
      return TRUE;
    }

  shown = excerpt (stripped);
  g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER,
               _("“%s” is not a number. Type digits with a decimal comma or point, "
                 "such as 12,5, or leave the cell empty for a missing period."),
               shown);

  return FALSE;
}

/**
 * fb_data_entry_parse_period:
 * @text: what was typed as a period's date
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the date as `YYYY-MM-DD`, without the
 *   spaces around it, or %NULL with @error set (%FB_DATA_ENTRY_ERROR_DATE)
 */
char *
fb_data_entry_parse_period (const char  *text,
                            GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *shown = NULL;
  char *stripped;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = g_strdup (text);
  stripped = g_strstrip (copy);

  if (fb_date_is_valid (stripped))
    return g_strdup (stripped);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DATE,
                           _("The date is missing. Type the first day of the period as "
                             "YYYY-MM-DD, such as 2026-03-02."));
      return NULL;
    }

  shown = excerpt (stripped);
  g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DATE,
               _("“%s” is not a date. Type the first day of the period as YYYY-MM-DD, "
                 "such as 2026-03-02."),
               shown);

  return NULL;
}

/**
 * fb_data_entry_check_new_period:
 * @measure: the measure a period is added to
 * @points: (element-type FbDataPoint): the measure's points, as in
 *   fb_store_list_data_points ()
 * @period: the new period, `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Checks that a period to add is not in the data already: a measure has
 * one value for each day, week, month or quarter (a CSV file for it too,
 * see fb_csv_parse ()). Events may happen several on one day.
 *
 * Returns: %TRUE when @period may be added, or %FALSE with @error set
 *   (%FB_DATA_ENTRY_ERROR_DUPLICATE, naming the row that has it)
 */
gboolean
fb_data_entry_check_new_period (FbMeasure   *measure,
                                GListModel  *points,
                                const char  *period,
                                GError     **error)
{
  guint n_points;

  g_return_val_if_fail (FB_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (points), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fb_measure_get_frequency (measure) == FB_FREQUENCY_EVENT)
    return TRUE;

  n_points = g_list_model_get_n_items (points);
  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(FbDataPoint) point = g_list_model_get_item (points, i);
      g_autofree char *shown = NULL;

      if (g_strcmp0 (fb_data_point_get_period (point), period) != 0)
        continue;

      shown = fb_data_entry_format_period (period);
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DUPLICATE,
                   _("%s is already in row %u. Change the value there, or type another date."),
                   shown, i + 1);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_problem_error (FbValueProblem   problem,
                   double           value,
                   double           denominator,
                   GError         **error)
{
  g_autofree char *value_text = fb_data_entry_format_number (value);
  g_autofree char *denominator_text = fb_data_entry_format_number (denominator);

  switch (problem)
    {
    case FB_VALUE_PROBLEM_NONE:
      return TRUE;

    case FB_VALUE_PROBLEM_VALUE_NOT_FINITE:
      g_set_error_literal (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER,
                           _("The value is not a finite number. Type a number, or leave the "
                             "cell empty for a missing period."));
      break;

    case FB_VALUE_PROBLEM_DENOMINATOR_NOT_FINITE:
      g_set_error_literal (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                           _("The denominator is not a finite number. Type a whole number "
                             "greater than 0."));
      break;

    case FB_VALUE_PROBLEM_DENOMINATOR_NOT_POSITIVE:
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                   _("The denominator is %s, but it must be greater than 0."),
                   denominator_text);
      break;

    case FB_VALUE_PROBLEM_NUMERATOR_NOT_WHOLE:
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER,
                   _("The numerator %s must be a whole number of 0 or more "
                     "(patients or events)."),
                   value_text);
      break;

    case FB_VALUE_PROBLEM_NO_DENOMINATOR:
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                   _("The numerator %s has no denominator. Proportions and rates need "
                     "a denominator greater than 0."),
                   value_text);
      break;

    case FB_VALUE_PROBLEM_DENOMINATOR_NOT_WHOLE:
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                   _("The denominator %s must be a whole number greater than 0."),
                   denominator_text);
      break;

    case FB_VALUE_PROBLEM_NUMERATOR_EXCEEDS:
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMERATOR,
                   _("The numerator %s is larger than the denominator %s. In a proportion "
                     "the numerator cannot exceed the denominator."),
                   value_text, denominator_text);
      break;

    case FB_VALUE_PROBLEM_COUNT_NOT_WHOLE:
      g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER,
                   _("The count %s must be a whole number of 0 or more."),
                   value_text);
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/**
 * fb_data_entry_check:
 * @type: the measure's value type
 * @value: the value (the numerator for proportions and rates), or NAN
 * @denominator: the denominator, or NAN
 * @error: return location for a #GError
 *
 * Checks one period's numbers with the rules of the CSV reader
 * (fb_csv_parse ()): proportions and rates need a whole numerator of 0 or
 * more and, when the value is set, a whole denominator greater than 0, and
 * a proportion's numerator cannot exceed its denominator; counts are whole
 * numbers of 0 or more; continuous values are any finite number. A missing
 * value (NAN) is always allowed, and so is 0 over 0, which is a missing
 * period (fb_data_entry_apply () stores it as NAN over NAN).
 *
 * Returns: %TRUE when the numbers are allowed, or %FALSE with @error set
 */
gboolean
fb_data_entry_check (FbValueType   type,
                     double        value,
                     double        denominator,
                     GError      **error)
{
  double checked_value = value;
  double checked_denominator = denominator;
  FbValueProblem problem;

  g_return_val_if_fail (type <= FB_VALUE_TYPE_CONTINUOUS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem = _fb_csv_find_value_problem ((int)type, &checked_value, &checked_denominator);

  return set_problem_error (problem, value, denominator, error);
}

/**
 * fb_data_entry_apply:
 * @point: the data point to change
 * @type: the value type of the point's measure
 * @value_text: (nullable): the value as typed, or %NULL to keep it
 * @denominator_text: (nullable): the denominator as typed, or %NULL to keep it
 * @note: (nullable): the note as typed, or %NULL to keep it
 * @error: return location for a #GError
 *
 * Reads what was typed into one row of the data grid, checks the row's
 * numbers together with fb_data_entry_check (), and only if all is well
 * sets them on @point: 0 over 0 becomes a missing period (NAN over NAN),
 * and an empty note none at all. On error @point is unchanged. Add the
 * row's place to the message with fb_data_entry_prefix_error ().
 *
 * Returns: %TRUE when @point was changed, or %FALSE with @error set
 */
gboolean
fb_data_entry_apply (FbDataPoint  *point,
                     FbValueType   type,
                     const char   *value_text,
                     const char   *denominator_text,
                     const char   *note,
                     GError      **error)
{
  g_autofree char *note_copy = NULL;
  double value;
  double denominator;
  double checked_value;
  double checked_denominator;
  FbValueProblem problem;

  g_return_val_if_fail (FB_IS_DATA_POINT (point), FALSE);
  g_return_val_if_fail (type <= FB_VALUE_TYPE_CONTINUOUS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  value = fb_data_point_get_value (point);
  denominator = fb_data_point_get_denominator (point);

  if (value_text != NULL && !fb_data_entry_parse_number (value_text, &value, error))
    return FALSE;

  if (denominator_text != NULL &&
      !fb_data_entry_parse_number (denominator_text, &denominator, error))
    return FALSE;

  checked_value = value;
  checked_denominator = denominator;
  problem = _fb_csv_find_value_problem ((int)type, &checked_value, &checked_denominator);
  if (!set_problem_error (problem, value, denominator, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (point));
  fb_data_point_set_value (point, checked_value);
  fb_data_point_set_denominator (point, checked_denominator);
  if (note != NULL)
    {
      note_copy = g_strstrip (g_strdup (note));
      fb_data_point_set_note (point, *note_copy != '\0' ? note_copy : NULL);
    }
  g_object_thaw_notify (G_OBJECT (point));

  return TRUE;
}

/**
 * fb_data_entry_set_exclude_reason:
 * @point: the data point to change
 * @reason: (nullable): the reason as typed, or %NULL to keep it
 *
 * Sets the reason @point is excluded, as typed into the data grid:
 * trimmed, and an empty reason none at all. The reason is kept when the
 * point is no longer excluded.
 */
void
fb_data_entry_set_exclude_reason (FbDataPoint *point,
                                  const char  *reason)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (FB_IS_DATA_POINT (point));

  if (reason == NULL)
    return;

  copy = g_strstrip (g_strdup (reason));
  fb_data_point_set_exclude_reason (point, *copy != '\0' ? copy : NULL);
}

/**
 * fb_data_entry_set_excluded:
 * @point: the data point to change
 * @excluded: whether to leave @point out of the calculations
 * @reason: (nullable): why, as typed, or %NULL to keep the reason it has
 *   (the data grid asks for it next)
 * @error: return location for a #GError
 *
 * Excludes @point from the calculations or includes it again, as the data
 * grid's Excluded column and the chart's point menu do. A reason given is
 * trimmed, and excluding with an empty one is refused.
 *
 * Returns: %TRUE when @point was changed
 */
gboolean
fb_data_entry_set_excluded (FbDataPoint  *point,
                            gboolean      excluded,
                            const char   *reason,
                            GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (FB_IS_DATA_POINT (point), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  if (excluded && trimmed != NULL && *trimmed == '\0')
    {
      g_set_error_literal (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_REASON,
                           _("Say why the point is excluded."));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (point));
  fb_data_point_set_excluded (point, excluded);
  fb_data_entry_set_exclude_reason (point, trimmed);
  g_object_thaw_notify (G_OBJECT (point));

  return TRUE;
}

/**
 * fb_data_entry_needs_exclude_reason:
 * @point: a data point
 *
 * Returns: %TRUE when @point is excluded without a reason, which the
 *   person must then give
 */
gboolean
fb_data_entry_needs_exclude_reason (FbDataPoint *point)
{
  const char *reason;

  g_return_val_if_fail (FB_IS_DATA_POINT (point), FALSE);

  reason = fb_data_point_get_exclude_reason (point);

  return fb_data_point_get_excluded (point) && (reason == NULL || *reason == '\0');
}

/**
 * fb_data_entry_prefix_error:
 * @error: (nullable): a location holding an error from data entry, or %NULL
 * @row: the 1-based row of the grid
 * @period: (nullable): the row's period, `YYYY-MM-DD`
 *
 * Says where a problem is, before its message: “Row 12, 2 Mar 2026: …”,
 * with the date as the grid shows it.
 */
void
fb_data_entry_prefix_error (GError     **error,
                            guint        row,
                            const char  *period)
{
  g_autofree char *shown = NULL;

  if (error == NULL || *error == NULL)
    return;

  if (period == NULL || !fb_date_is_valid (period))
    {
      /* Translators: before a message about a cell of the data grid */
      g_prefix_error (error, _("Row %u: "), row);
      return;
    }

  shown = fb_data_entry_format_period (period);
  /* Translators: before a message about a cell of the data grid; %s is the
   * row's date */
  g_prefix_error (error, _("Row %u, %s: "), row, shown);
}

/**
 * fb_data_entry_split_paste:
 * @text: text from the clipboard
 *
 * Splits what a spreadsheet puts on the clipboard for a range of cells:
 * one row a line (LF, CRLF or CR), its cells separated by tabs. A line
 * break at the end closes the last row rather than starting an empty one;
 * an empty line in the middle is a row with one empty cell.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, each a
 *   %NULL-terminated array of at least one cell
 */
GPtrArray *
fb_data_entry_split_paste (const char *text)
{
  GPtrArray *rows;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (p = text; *p != '\0';)
    {
      gsize len = strcspn (p, "\r\n");
      g_autofree char *line = g_strndup (p, len);
      char **cells;

      /* g_strsplit () gives no cells at all for an empty line. */
      if (len == 0)
        {
          cells = g_new0 (char *, 2);
          cells[0] = g_strdup ("");
        }
      else
        {
          cells = g_strsplit (line, "\t", -1);
        }

      g_ptr_array_add (rows, cells);

      p += len;
      if (p[0] == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;
    }

  return rows;
}

/**
 * fb_data_entry_fill:
 * @measure: the measure the points are of
 * @points: (element-type FbDataPoint): the measure's points in period order,
 *   as in fb_store_list_data_points ()
 * @position: the row where the paste starts; the number of points for the
 *   row after the last one
 * @field: the column where the paste starts
 * @text: the pasted text (see fb_data_entry_split_paste ())
 * @error: return location for a #GError
 *
 * Turns a range pasted from a spreadsheet into the data points to save: its
 * first row goes into the point at @position, the next into the one after,
 * and past the last point into new points for the periods that
 * fb_frequency_next_period () proposes. A row's cells fill the columns from
 * @field on: the value, the denominator (for proportions and rates only)
 * and the note. Existing points are copied, never changed in place, so
 * that nothing is lost when a cell is wrong: then the message names its
 * row and date, and there are no points at all.
 *
 * Returns: (transfer full) (element-type FbDataPoint) (nullable): the points
 *   to save in one go with fb_store_save_many (), or %NULL with @error set
 */
GPtrArray *
fb_data_entry_fill (FbMeasure         *measure,
                    GListModel        *points,
                    guint              position,
                    FbDataEntryField   field,
                    const char        *text,
                    GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree char *last_period = NULL;
  FbDataEntryField columns[3];
  FbValueType type;
  guint n_columns = 0;
  guint first_column = 0;
  guint n_points;

  g_return_val_if_fail (FB_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (points), NULL);
  g_return_val_if_fail (position <= g_list_model_get_n_items (points), NULL);
  g_return_val_if_fail (field <= FB_DATA_ENTRY_FIELD_NOTE, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  type = fb_measure_get_value_type (measure);

  columns[n_columns++] = FB_DATA_ENTRY_FIELD_VALUE;
  if (fb_measure_value_type_has_denominator (type))
    columns[n_columns++] = FB_DATA_ENTRY_FIELD_DENOMINATOR;
  columns[n_columns++] = FB_DATA_ENTRY_FIELD_NOTE;

  for (guint i = 0; i < n_columns; i++)
    if (columns[i] == field)
      first_column = i;

  n_points = g_list_model_get_n_items (points);
  if (n_points > 0)
    {
      g_autoptr(FbDataPoint) last = g_list_model_get_item (points, n_points - 1);

      last_period = g_strdup (fb_data_point_get_period (last));
    }

  rows = fb_data_entry_split_paste (text);
  result = g_ptr_array_new_full (rows->len, g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *cells = g_ptr_array_index (rows, i);
      const char *texts[3] = { NULL, NULL, NULL };
      guint row = position + i + 1;
      g_autoptr(FbDataPoint) point = NULL;
      guint n_cells = g_strv_length ((char **)cells);

      if (position + i < n_points)
        {
          g_autoptr(FbDataPoint) stored = g_list_model_get_item (points, position + i);

          point = FB_DATA_POINT (fb_record_copy (FB_RECORD (stored)));
        }
      else
        {
          g_autofree char *period = fb_frequency_next_period (fb_measure_get_frequency (measure),
                                                              last_period);

          point = fb_data_point_new (NULL);
          fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (measure)));
          fb_data_point_set_period (point, period);
          fb_set_str (&last_period, period);
        }

      if (first_column + n_cells > n_columns)
        {
          guint room = n_columns - first_column;

          /* More cells than room means at least two cells. */
          g_set_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_TOO_MANY_CELLS,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The pasted row has %u cells, but from this column on "
                                    "there is only %u column to fill.",
                                    "The pasted row has %u cells, but from this column on "
                                    "there are only %u columns to fill.",
                                    room),
                       n_cells, room);
          fb_data_entry_prefix_error (error, row, fb_data_point_get_period (point));
          return NULL;
        }

      for (guint j = 0; j < n_cells; j++)
        texts[columns[first_column + j]] = cells[j];

      if (!fb_data_entry_apply (point, type,
                                texts[FB_DATA_ENTRY_FIELD_VALUE],
                                texts[FB_DATA_ENTRY_FIELD_DENOMINATOR],
                                texts[FB_DATA_ENTRY_FIELD_NOTE],
                                error))
        {
          fb_data_entry_prefix_error (error, row, fb_data_point_get_period (point));
          return NULL;
        }

      g_ptr_array_add (result, g_steal_pointer (&point));
    }

  return g_steal_pointer (&result);
}

/**
 * fb_data_entry_format_period:
 * @period: a `YYYY-MM-DD` date
 *
 * Returns: (transfer full): the date as the grid shows it, in the user's
 *   language (“2 Mar 2026”), or a copy of @period when it is not a date
 */
char *
fb_data_entry_format_period (const char *period)
{
  char buf[128];
  GDate date;

  g_return_val_if_fail (period != NULL, NULL);

  g_date_clear (&date, 1);
  if (!fb_date_parse (period, &date))
    return g_strdup (period);

  /* Translators: how the data grid shows a period's date, as a strftime ()
   * format; %-d is the day without a leading zero, %b the month's short
   * name. Keep the year: periods span several years. */
  /* xgettext:no-c-format */
  if (g_date_strftime (buf, sizeof buf, _("%-d %b %Y"), &date) == 0)
    return g_strdup (period);

  return g_strdup (buf);
}

/**
 * fb_data_entry_format_number:
 * @value: a value or denominator, or NAN
 *
 * Writes a number for a cell, so that fb_data_entry_parse_number () reads
 * it back: the shortest form up to 15 significant digits, never with an
 * exponent, with the decimal mark of the user's locale (48,5 in Norwegian).
 *
 * Returns: (transfer full): the number, or "" for NAN (a missing value)
 */
char *
fb_data_entry_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];
  const char *mark;
  char *dot;

  if (!isfinite (value))
    return g_strdup ("");

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);

  /* Tiny and huge numbers come with an exponent, which is refused when read. */
  if (strchr (buf, 'e') != NULL)
    {
      char *end;

      g_ascii_formatd (buf, sizeof buf, fabs (value) < 1 ? "%.20f" : "%.0f", value);
      end = buf + strlen (buf);
      if (strchr (buf, '.') != NULL)
        {
          while (end[-1] == '0')
            *--end = '\0';
          if (end[-1] == '.')
            *--end = '\0';
        }
    }

  mark = localeconv ()->decimal_point;
  if ((dot = strchr (buf, '.')) != NULL && g_strcmp0 (mark, ",") == 0)
    *dot = ',';

  return g_strdup (buf);
}
