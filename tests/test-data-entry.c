/* test-data-entry.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "forbedring-core.h"

#define MEASURE_ID "6d1f3c2e-8a1b-4c5d-9e7f-0a1b2c3d4e5f"

static void
assert_message_has (const GError *error,
                    const char   *needle)
{
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, error->message);
}

static void
assert_next (FbFrequency  frequency,
             const char  *last,
             const char  *expected)
{
  g_autofree char *next = fb_frequency_next_period (frequency, last);

  g_assert_cmpstr (next, ==, expected);
}

static void
test_next_period_after_last (void)
{
  assert_next (FB_FREQUENCY_DAY, "2026-03-02", "2026-03-03");
  assert_next (FB_FREQUENCY_DAY, "2026-02-28", "2026-03-01");
  assert_next (FB_FREQUENCY_DAY, "2024-02-28", "2024-02-29");
  assert_next (FB_FREQUENCY_DAY, "2025-12-31", "2026-01-01");

  /* A week on keeps the weekday, even when the series is not on Mondays. */
  assert_next (FB_FREQUENCY_WEEK, "2026-03-02", "2026-03-09");
  assert_next (FB_FREQUENCY_WEEK, "2026-03-05", "2026-03-12");
  assert_next (FB_FREQUENCY_WEEK, "2025-12-29", "2026-01-05");

  assert_next (FB_FREQUENCY_MONTH, "2026-01-01", "2026-02-01");
  assert_next (FB_FREQUENCY_MONTH, "2026-01-31", "2026-02-01");
  assert_next (FB_FREQUENCY_MONTH, "2025-12-01", "2026-01-01");

  assert_next (FB_FREQUENCY_QUARTER, "2026-01-01", "2026-04-01");
  assert_next (FB_FREQUENCY_QUARTER, "2025-10-01", "2026-01-01");
  assert_next (FB_FREQUENCY_QUARTER, "2026-02-15", "2026-05-01");

  assert_next (FB_FREQUENCY_EVENT, "2026-03-05", "2026-03-05");

  /* The last day fb_date_parse () reads has no next one. */
  assert_next (FB_FREQUENCY_DAY, "9999-12-31", NULL);
}

static void
assert_start (FbFrequency  frequency,
              const char  *date,
              const char  *expected)
{
  g_autofree char *start = fb_frequency_period_start (frequency, date);

  g_assert_cmpstr (start, ==, expected);
}

static void
test_period_start (void)
{
  /* 2026-03-05 is a Thursday. */
  assert_start (FB_FREQUENCY_DAY, "2026-03-05", "2026-03-05");
  assert_start (FB_FREQUENCY_WEEK, "2026-03-05", "2026-03-02");
  assert_start (FB_FREQUENCY_WEEK, "2026-03-02", "2026-03-02");
  assert_start (FB_FREQUENCY_WEEK, "2026-03-08", "2026-03-02");
  assert_start (FB_FREQUENCY_WEEK, "2026-01-01", "2025-12-29");
  assert_start (FB_FREQUENCY_MONTH, "2026-03-05", "2026-03-01");
  assert_start (FB_FREQUENCY_QUARTER, "2026-03-05", "2026-01-01");
  assert_start (FB_FREQUENCY_QUARTER, "2026-04-01", "2026-04-01");
  assert_start (FB_FREQUENCY_QUARTER, "2026-12-31", "2026-10-01");
  assert_start (FB_FREQUENCY_EVENT, "2026-03-05", "2026-03-05");
}

static char *
today_start (FbFrequency frequency)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return fb_frequency_period_start (frequency, today);
}

static void
test_next_period_without_last (void)
{
  const FbFrequency frequencies[] = {
    FB_FREQUENCY_DAY, FB_FREQUENCY_WEEK, FB_FREQUENCY_MONTH, FB_FREQUENCY_QUARTER,
    FB_FREQUENCY_EVENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    {
      g_autofree char *before = today_start (frequencies[i]);
      g_autofree char *next = fb_frequency_next_period (frequencies[i], NULL);
      g_autofree char *after = today_start (frequencies[i]);
      GDate date;

      /* Midnight may pass between the calls. */
      if (g_strcmp0 (next, before) != 0)
        g_assert_cmpstr (next, ==, after);

      g_assert_true (fb_date_parse (next, &date));
      if (frequencies[i] == FB_FREQUENCY_WEEK)
        g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
      if (frequencies[i] == FB_FREQUENCY_MONTH || frequencies[i] == FB_FREQUENCY_QUARTER)
        g_assert_cmpint (g_date_get_day (&date), ==, 1);
      if (frequencies[i] == FB_FREQUENCY_QUARTER)
        g_assert_cmpint ((g_date_get_month (&date) - 1) % 3, ==, 0);
    }
}

static void
assert_number (const char *text,
               double      expected)
{
  g_autoptr(GError) error = NULL;
  double value = 0;

  if (!fb_data_entry_parse_number (text, &value, &error))
    g_error ("“%s” not read: %s", text, error->message);

  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat (value, ==, expected);
}

static void
assert_not_number (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *quoted = g_strdup_printf ("“%s” is not a number", stripped);
  double value = 42;

  g_assert_false (fb_data_entry_parse_number (text, &value, &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER);
  g_assert_cmpfloat (value, ==, 42);
  assert_message_has (error, quoted);
}

static void
test_parse_number (void)
{
  assert_number ("", NAN);
  assert_number ("   ", NAN);
  assert_number ("48,5", 48.5);
  assert_number ("48.5", 48.5);
  assert_number ("  48,5 ", 48.5);
  assert_number ("\t12\t", 12);
  assert_number ("-3", -3);
  assert_number ("-0,25", -0.25);
  assert_number ("0", 0);
  assert_number (",5", 0.5);
  assert_number ("1234567", 1234567);
  assert_number ("12345678901234567890", 12345678901234567890.0);

  assert_not_number ("ca. 11");
  assert_not_number ("11 pasienter");
  assert_not_number ("1e5");
  assert_not_number ("12,5,3");
  assert_not_number ("1.234,5");
  assert_not_number ("1 000");
  assert_not_number ("+3");
  assert_not_number ("--3");
  assert_not_number ("-");
  assert_not_number ("5.");
  assert_not_number ("NaN");
  assert_not_number ("inf");
  assert_not_number ("12%");
  assert_not_number (" x ");
}

static void
test_parse_number_message (void)
{
  g_autoptr(GError) error = NULL;
  double value;

  g_assert_false (fb_data_entry_parse_number ("ca. 11", &value, &error));
  assert_message_has (error, "“ca. 11” is not a number.");

  /* A long paste is quoted in part. */
  g_clear_error (&error);
  g_assert_false (fb_data_entry_parse_number ("Dette er en svært lang kommentar som noen limte "
                                              "inn i tallcellen ved en feil", &value, &error));
  assert_message_has (error, "“Dette er en svært lang kommentar som noe…” is not a number");
}

static void
test_parse_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *period = fb_data_entry_parse_period (" 2026-03-02 ", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (period, ==, "2026-03-02");

  g_assert_null (fb_data_entry_parse_period ("2026-02-30", &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DATE);
  assert_message_has (error, "“2026-02-30” is not a date");
  g_clear_error (&error);

  g_assert_null (fb_data_entry_parse_period ("2.3.2026", &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DATE);
  g_clear_error (&error);

  g_assert_null (fb_data_entry_parse_period ("", &error));
  assert_message_has (error, "The date is missing");
}

static void
assert_checks (FbValueType type,
               double      value,
               double      denominator)
{
  g_autoptr(GError) error = NULL;

  if (!fb_data_entry_check (type, value, denominator, &error))
    g_error ("%g / %g refused: %s", value, denominator, error->message);
}

static void
assert_refused (FbValueType       type,
                double            value,
                double            denominator,
                FbDataEntryError  code,
                const char       *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fb_data_entry_check (type, value, denominator, &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, (int)code);
  assert_message_has (error, needle);
}

static void
test_check (void)
{
  const FbValueType ratios[] = { FB_VALUE_TYPE_PROPORTION, FB_VALUE_TYPE_RATE };

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      FbValueType type = ratios[i];

      assert_checks (type, 12, 40);
      assert_checks (type, 0, 40);
      assert_checks (type, NAN, NAN);
      assert_checks (type, NAN, 40);   /* not measured, but patients counted */
      assert_checks (type, 0, 0);      /* nothing out of nothing: missing */
      assert_checks (type, NAN, 0);

      assert_refused (type, 12.5, 40, FB_DATA_ENTRY_ERROR_NUMBER,
                      "The numerator 12.5 must be a whole number of 0 or more");
      assert_refused (type, -1, 40, FB_DATA_ENTRY_ERROR_NUMBER, "whole number of 0 or more");
      assert_refused (type, 12, NAN, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                      "The numerator 12 has no denominator");
      assert_refused (type, 12, 40.5, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                      "The denominator 40.5 must be a whole number greater than 0");
      assert_refused (type, 12, 0, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                      "The denominator is 0, but it must be greater than 0");
      assert_refused (type, 12, -40, FB_DATA_ENTRY_ERROR_DENOMINATOR, "greater than 0");
      assert_refused (type, INFINITY, 40, FB_DATA_ENTRY_ERROR_NUMBER, "not a finite number");
      assert_refused (type, 1, INFINITY, FB_DATA_ENTRY_ERROR_DENOMINATOR,
                      "not a finite number");
    }

  /* A rate may have more events than bed days; a proportion can't. */
  assert_checks (FB_VALUE_TYPE_RATE, 40, 37);
  assert_checks (FB_VALUE_TYPE_PROPORTION, 37, 37);
  assert_refused (FB_VALUE_TYPE_PROPORTION, 40, 37, FB_DATA_ENTRY_ERROR_NUMERATOR,
                  "The numerator 40 is larger than the denominator 37.");

  assert_checks (FB_VALUE_TYPE_COUNT, 0, NAN);
  assert_checks (FB_VALUE_TYPE_COUNT, 7, NAN);
  assert_checks (FB_VALUE_TYPE_COUNT, NAN, NAN);
  assert_refused (FB_VALUE_TYPE_COUNT, 1.5, NAN, FB_DATA_ENTRY_ERROR_NUMBER,
                  "The count 1.5 must be a whole number");
  assert_refused (FB_VALUE_TYPE_COUNT, -1, NAN, FB_DATA_ENTRY_ERROR_NUMBER, "The count -1");

  assert_checks (FB_VALUE_TYPE_CONTINUOUS, -3.25, NAN);
  assert_checks (FB_VALUE_TYPE_CONTINUOUS, 48.5, NAN);
  assert_checks (FB_VALUE_TYPE_CONTINUOUS, NAN, NAN);
  assert_refused (FB_VALUE_TYPE_CONTINUOUS, -INFINITY, NAN, FB_DATA_ENTRY_ERROR_NUMBER,
                  "finite");
}

/* The grid and a CSV file must agree on every row: the same numbers are
 * accepted or refused whichever way they come in. */
static void
test_check_agrees_with_csv (void)
{
  static const char * const values[] = { "", "0", "1", "12", "37", "40", "12.5", "-1" };
  static const char * const denominators[] = { "", "0", "1", "37", "40", "40.5", "-40" };
  const FbValueType types[] = {
    FB_VALUE_TYPE_COUNT, FB_VALUE_TYPE_PROPORTION, FB_VALUE_TYPE_RATE,
    FB_VALUE_TYPE_CONTINUOUS,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      for (guint d = 0; d < G_N_ELEMENTS (denominators); d++)
        {
          g_autofree char *csv = g_strdup_printf ("date,value,denominator,note\n"
                                                  "2026-03-02,%s,%s,\n",
                                                  values[v], denominators[d]);
          g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
          g_autoptr(GArray) rows = fb_csv_parse (bytes, types[t], NULL);
          double value = NAN;
          double denominator = NAN;
          gboolean checked;

          g_assert_true (fb_data_entry_parse_number (values[v], &value, NULL));
          g_assert_true (fb_data_entry_parse_number (denominators[d], &denominator, NULL));
          checked = fb_data_entry_check (types[t], value, denominator, NULL);

          if ((rows != NULL) != checked)
            g_error ("type %d, “%s” over “%s”: the CSV reader %s, the check %s",
                     types[t], values[v], denominators[d],
                     rows ? "accepts" : "refuses", checked ? "accepts" : "refuses");
        }
}

static FbMeasure *
make_measure (FbValueType type,
              FbFrequency frequency)
{
  FbMeasure *measure = fb_measure_new (MEASURE_ID);

  fb_measure_set_project_id (measure, "p");
  fb_measure_set_name (measure, "Samstemt legemiddelliste innen 24 timer");
  fb_measure_set_value_type (measure, type);
  fb_measure_set_frequency (measure, frequency);

  return measure;
}

static FbDataPoint *
make_point (const char *period,
            double      value,
            double      denominator)
{
  FbDataPoint *point = fb_data_point_new (NULL);

  fb_data_point_set_measure_id (point, MEASURE_ID);
  fb_data_point_set_period (point, period);
  fb_data_point_set_value (point, value);
  fb_data_point_set_denominator (point, denominator);

  return point;
}

static void
test_apply (void)
{
  g_autoptr(FbDataPoint) point = make_point ("2026-03-02", 30, 37);
  g_autoptr(GError) error = NULL;

  /* One cell at a time, checked with the rest of the row. */
  g_assert_true (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, "31", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 31);
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 37);

  g_assert_false (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, "40", NULL, NULL,
                                       &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMERATOR);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 31);
  g_clear_error (&error);

  /* Both at once may pass where one alone would not. */
  g_assert_true (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, "40", "41", " Ny rutine ",
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 40);
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 41);
  g_assert_cmpstr (fb_data_point_get_note (point), ==, "Ny rutine");

  g_assert_false (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, "ca. 11", NULL, NULL,
                                       &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER);
  g_clear_error (&error);

  /* 0 over 0 is stored as a missing period; an empty note as none. */
  g_assert_true (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, "0", "0", "", &error));
  g_assert_true (isnan (fb_data_point_get_value (point)));
  g_assert_true (isnan (fb_data_point_get_denominator (point)));
  g_assert_null (fb_data_point_get_note (point));

  /* Emptying a cell makes the period missing. */
  g_assert_true (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, "5", "9", NULL, &error));
  g_assert_true (fb_data_entry_apply (point, FB_VALUE_TYPE_PROPORTION, " ", NULL, NULL, &error));
  g_assert_true (isnan (fb_data_point_get_value (point)));
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 9);
  g_assert_no_error (error);
}

static void
test_prefix_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = fb_data_entry_format_period ("2026-03-02");

  g_assert_false (fb_data_entry_check (FB_VALUE_TYPE_PROPORTION, 40, 37, &error));
  fb_data_entry_prefix_error (&error, 12, "2026-03-02");

  expected = g_strdup_printf ("Row 12, %s: The numerator 40 is larger than the denominator 37.",
                              shown);
  assert_message_has (error, expected);
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMERATOR);

  g_clear_error (&error);
  g_assert_false (fb_data_entry_parse_number ("x", &(double){ 0 }, &error));
  fb_data_entry_prefix_error (&error, 3, NULL);
  g_assert_true (g_str_has_prefix (error->message, "Row 3: “x”"));

  /* Nothing to prefix. */
  fb_data_entry_prefix_error (NULL, 1, NULL);
}

static void
assert_cells (GPtrArray          *rows,
              guint               i,
              const char * const *expected)
{
  g_assert_cmpuint (i, <, rows->len);
  g_assert_cmpstrv ((const char * const *)g_ptr_array_index (rows, i), expected);
}

static void
test_split_paste (void)
{
  g_autoptr(GPtrArray) lf = fb_data_entry_split_paste ("12\n13\n14\n");
  g_autoptr(GPtrArray) crlf = fb_data_entry_split_paste ("12\r\n13\r\n14");
  g_autoptr(GPtrArray) tabs = fb_data_entry_split_paste ("12\t40\tNy rutine\r\n\t38\r\n");
  g_autoptr(GPtrArray) gaps = fb_data_entry_split_paste ("1\n\n3\n");
  g_autoptr(GPtrArray) cr = fb_data_entry_split_paste ("1\r2\r");
  g_autoptr(GPtrArray) one = fb_data_entry_split_paste ("48,5");
  g_autoptr(GPtrArray) none = fb_data_entry_split_paste ("");

  g_assert_cmpuint (lf->len, ==, 3);
  assert_cells (lf, 0, (const char *[]) { "12", NULL });
  assert_cells (lf, 2, (const char *[]) { "14", NULL });

  g_assert_cmpuint (crlf->len, ==, 3);
  assert_cells (crlf, 1, (const char *[]) { "13", NULL });
  assert_cells (crlf, 2, (const char *[]) { "14", NULL });

  g_assert_cmpuint (tabs->len, ==, 2);
  assert_cells (tabs, 0, (const char *[]) { "12", "40", "Ny rutine", NULL });
  assert_cells (tabs, 1, (const char *[]) { "", "38", NULL });

  g_assert_cmpuint (gaps->len, ==, 3);
  assert_cells (gaps, 1, (const char *[]) { "", NULL });

  g_assert_cmpuint (cr->len, ==, 2);
  assert_cells (cr, 1, (const char *[]) { "2", NULL });

  g_assert_cmpuint (one->len, ==, 1);
  assert_cells (one, 0, (const char *[]) { "48,5", NULL });

  g_assert_cmpuint (none->len, ==, 0);
}

static GListModel *
make_points (void)
{
  GListStore *points = g_list_store_new (FB_TYPE_DATA_POINT);
  g_autoptr(FbDataPoint) a = make_point ("2026-02-16", 30, 37);
  g_autoptr(FbDataPoint) b = make_point ("2026-02-23", 31, 38);

  g_list_store_append (points, a);
  g_list_store_append (points, b);

  return G_LIST_MODEL (points);
}

static void
test_check_new_period (void)
{
  g_autoptr(FbMeasure) weekly = make_measure (FB_VALUE_TYPE_PROPORTION, FB_FREQUENCY_WEEK);
  g_autoptr(FbMeasure) events = make_measure (FB_VALUE_TYPE_CONTINUOUS, FB_FREQUENCY_EVENT);
  g_autoptr(GListModel) points = make_points ();
  g_autoptr(GError) error = NULL;

  g_assert_true (fb_data_entry_check_new_period (weekly, points, "2026-03-02", &error));
  g_assert_no_error (error);

  g_assert_false (fb_data_entry_check_new_period (weekly, points, "2026-02-23", &error));
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DUPLICATE);
  assert_message_has (error, "is already in row 2.");

  /* Several events may happen on one day. */
  g_assert_true (fb_data_entry_check_new_period (events, points, "2026-02-23", NULL));
}

static FbDataPoint *
point_at (GPtrArray *points,
          guint      i)
{
  g_assert_cmpuint (i, <, points->len);
  return g_ptr_array_index (points, i);
}

static void
test_fill (void)
{
  g_autoptr(FbMeasure) measure = make_measure (FB_VALUE_TYPE_PROPORTION, FB_FREQUENCY_WEEK);
  g_autoptr(GListModel) points = make_points ();
  g_autoptr(FbDataPoint) second = g_list_model_get_item (points, 1);
  g_autoptr(GPtrArray) filled = NULL;
  g_autoptr(GError) error = NULL;

  /* From the second row down: one update, then two new weeks. */
  filled = fb_data_entry_fill (measure, points, 1, FB_DATA_ENTRY_FIELD_VALUE,
                               "33\t38\n34\t39\tNy rutine\n35\t40\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filled->len, ==, 3);

  g_assert_cmpstr (fb_record_get_id (FB_RECORD (point_at (filled, 0))), ==,
                   fb_record_get_id (FB_RECORD (second)));
  g_assert_true (point_at (filled, 0) != second);
  g_assert_cmpfloat (fb_data_point_get_value (point_at (filled, 0)), ==, 33);
  g_assert_cmpfloat (fb_data_point_get_value (second), ==, 31);  /* the original is untouched */

  g_assert_cmpstr (fb_data_point_get_period (point_at (filled, 1)), ==, "2026-03-02");
  g_assert_cmpstr (fb_data_point_get_measure_id (point_at (filled, 1)), ==, MEASURE_ID);
  g_assert_cmpfloat (fb_data_point_get_value (point_at (filled, 1)), ==, 34);
  g_assert_cmpfloat (fb_data_point_get_denominator (point_at (filled, 1)), ==, 39);
  g_assert_cmpstr (fb_data_point_get_note (point_at (filled, 1)), ==, "Ny rutine");
  g_assert_cmpstr (fb_data_point_get_period (point_at (filled, 2)), ==, "2026-03-09");
  g_clear_pointer (&filled, g_ptr_array_unref);

  /* A column of denominators keeps the numerators. */
  filled = fb_data_entry_fill (measure, points, 0, FB_DATA_ENTRY_FIELD_DENOMINATOR,
                               "40\n41\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filled->len, ==, 2);
  g_assert_cmpfloat (fb_data_point_get_value (point_at (filled, 1)), ==, 31);
  g_assert_cmpfloat (fb_data_point_get_denominator (point_at (filled, 1)), ==, 41);
}

static void
test_fill_refuses_a_bad_cell (void)
{
  g_autoptr(FbMeasure) measure = make_measure (FB_VALUE_TYPE_PROPORTION, FB_FREQUENCY_WEEK);
  g_autoptr(GListModel) points = make_points ();
  g_autoptr(GPtrArray) filled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fb_data_entry_format_period ("2026-03-02");
  g_autofree char *where = g_strdup_printf ("Row 3, %s: ", shown);

  filled = fb_data_entry_fill (measure, points, 0, FB_DATA_ENTRY_FIELD_VALUE,
                               "30\n31\nca. 11\n", &error);
  g_assert_null (filled);
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMBER);
  g_assert_true (g_str_has_prefix (error->message, where));
  assert_message_has (error, "“ca. 11” is not a number");
  g_clear_error (&error);

  /* New proportion rows need their denominators. */
  filled = fb_data_entry_fill (measure, points, 2, FB_DATA_ENTRY_FIELD_VALUE, "12\n", &error);
  g_assert_null (filled);
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_DENOMINATOR);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_clear_error (&error);

  filled = fb_data_entry_fill (measure, points, 1, FB_DATA_ENTRY_FIELD_VALUE, "39\t38\n",
                               &error);
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_NUMERATOR);
  assert_message_has (error, "Row 2, ");
  g_clear_error (&error);

  filled = fb_data_entry_fill (measure, points, 0, FB_DATA_ENTRY_FIELD_DENOMINATOR,
                               "40\tnote\textra\n", &error);
  g_assert_error (error, FB_DATA_ENTRY_ERROR, FB_DATA_ENTRY_ERROR_TOO_MANY_CELLS);
  assert_message_has (error, "only 2 columns");
}

static void
test_fill_count_from_empty (void)
{
  g_autoptr(FbMeasure) measure = make_measure (FB_VALUE_TYPE_COUNT, FB_FREQUENCY_MONTH);
  g_autoptr(GListStore) points = g_list_store_new (FB_TYPE_DATA_POINT);
  g_autoptr(GPtrArray) filled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = fb_frequency_next_period (FB_FREQUENCY_MONTH, NULL);
  g_autofree char *second = fb_frequency_next_period (FB_FREQUENCY_MONTH, first);

  filled = fb_data_entry_fill (measure, G_LIST_MODEL (points), 0, FB_DATA_ENTRY_FIELD_VALUE,
                               "12\n\n14\tVinterferie\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filled->len, ==, 3);
  g_assert_cmpstr (fb_data_point_get_period (point_at (filled, 0)), ==, first);
  g_assert_cmpstr (fb_data_point_get_period (point_at (filled, 1)), ==, second);
  g_assert_true (isnan (fb_data_point_get_value (point_at (filled, 1))));
  g_assert_cmpstr (fb_data_point_get_note (point_at (filled, 2)), ==, "Vinterferie");
  for (guint i = 0; i < filled->len; i++)
    g_assert_true (fb_record_validate (FB_RECORD (point_at (filled, i)), NULL));

  /* A count has no denominator column: the second cell is the note. */
  g_clear_pointer (&filled, g_ptr_array_unref);
  filled = fb_data_entry_fill (measure, G_LIST_MODEL (points), 0, FB_DATA_ENTRY_FIELD_VALUE,
                               "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filled->len, ==, 0);
}

static void
test_format (void)
{
  g_autofree char *whole = fb_data_entry_format_number (40);
  g_autofree char *half = fb_data_entry_format_number (48.5);
  g_autofree char *tenth = fb_data_entry_format_number (0.1);
  g_autofree char *tiny = fb_data_entry_format_number (0.00001);
  g_autofree char *huge = fb_data_entry_format_number (1e20);
  g_autofree char *missing = fb_data_entry_format_number (NAN);
  g_autofree char *period = fb_data_entry_format_period ("2026-03-02");
  g_autofree char *not_a_date = fb_data_entry_format_period ("March");
  double back;

  g_assert_cmpstr (whole, ==, "40");
  g_assert_cmpstr (half, ==, "48.5");
  g_assert_cmpstr (tenth, ==, "0.1");
  g_assert_cmpstr (tiny, ==, "0.00001");
  g_assert_cmpstr (huge, ==, "100000000000000000000");
  g_assert_cmpstr (missing, ==, "");
  g_assert_cmpstr (period, ==, "2 Mar 2026");
  g_assert_cmpstr (not_a_date, ==, "March");

  /* What is shown reads back. */
  g_assert_true (fb_data_entry_parse_number (tiny, &back, NULL));
  g_assert_cmpfloat (back, ==, 0.00001);
  g_assert_true (fb_data_entry_parse_number (huge, &back, NULL));
  g_assert_cmpfloat (back, ==, 1e20);
}

static void
test_format_decimal_comma (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *half = NULL;
  double back;

  if (setlocale (LC_NUMERIC, "nb_NO.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("No locale with a decimal comma");
      return;
    }

  half = fb_data_entry_format_number (48.5);
  g_assert_cmpstr (half, ==, "48,5");
  g_assert_true (fb_data_entry_parse_number (half, &back, NULL));
  g_assert_cmpfloat (back, ==, 48.5);

  setlocale (LC_NUMERIC, saved);
}

/* Under a Norwegian locale the grid shows what a Norwegian reader expects:
 * a decimal comma and the month names of the language. CI generates the
 * locale (build-aux/install-deps.sh); elsewhere it may be missing. */
static void
test_format_norwegian (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *half = NULL;
  g_autofree char *may = NULL;
  g_autofree char *october = NULL;
  g_autofree char *march = NULL;

  if (setlocale (LC_ALL, "nb_NO.UTF-8") == NULL)
    {
      g_test_skip ("The nb_NO.UTF-8 locale is not installed (build-aux/install-deps.sh "
                   "generates it)");
      return;
    }

  half = fb_data_entry_format_number (48.5);
  may = fb_data_entry_format_period ("2026-05-04");
  october = fb_data_entry_format_period ("2026-10-01");
  march = fb_data_entry_format_period ("2026-03-02");
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (half, ==, "48,5");
  g_assert_cmpstr (may, ==, "4 mai 2026");
  g_assert_cmpstr (october, ==, "1 okt. 2026");
  g_assert_cmpstr (march, ==, "2 mars 2026");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/data-entry/next-period-after-last", test_next_period_after_last);
  g_test_add_func ("/core/data-entry/next-period-without-last", test_next_period_without_last);
  g_test_add_func ("/core/data-entry/period-start", test_period_start);
  g_test_add_func ("/core/data-entry/parse-number", test_parse_number);
  g_test_add_func ("/core/data-entry/parse-number-message", test_parse_number_message);
  g_test_add_func ("/core/data-entry/parse-period", test_parse_period);
  g_test_add_func ("/core/data-entry/check", test_check);
  g_test_add_func ("/core/data-entry/check-new-period", test_check_new_period);
  g_test_add_func ("/core/data-entry/check-agrees-with-csv", test_check_agrees_with_csv);
  g_test_add_func ("/core/data-entry/apply", test_apply);
  g_test_add_func ("/core/data-entry/prefix-error", test_prefix_error);
  g_test_add_func ("/core/data-entry/split-paste", test_split_paste);
  g_test_add_func ("/core/data-entry/fill", test_fill);
  g_test_add_func ("/core/data-entry/fill-refuses-a-bad-cell", test_fill_refuses_a_bad_cell);
  g_test_add_func ("/core/data-entry/fill-count-from-empty", test_fill_count_from_empty);
  g_test_add_func ("/core/data-entry/format", test_format);
  g_test_add_func ("/core/data-entry/format-decimal-comma", test_format_decimal_comma);
  g_test_add_func ("/core/data-entry/format-norwegian", test_format_norwegian);

  return g_test_run ();
}
