/* fb-csv.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-enums.h"

G_BEGIN_DECLS

#define FB_CSV_ERROR (fb_csv_error_quark ())

/**
 * FbCsvError:
 * @FB_CSV_ERROR_EMPTY: the file has no header (it is empty or blank)
 * @FB_CSV_ERROR_TOO_LARGE: the file is larger than %FB_CSV_MAX_BYTES
 * @FB_CSV_ERROR_ENCODING: the file is not UTF-8 text or holds a NUL byte
 * @FB_CSV_ERROR_HEADER: the first line is not `date,value,denominator,note`
 * @FB_CSV_ERROR_SYNTAX: a row has the wrong number of fields, a quote is
 *   not closed, or an empty line comes before more rows
 * @FB_CSV_ERROR_DATE: a date is missing or not a valid `YYYY-MM-DD` date
 * @FB_CSV_ERROR_NUMBER: a value or denominator is not a plain decimal
 *   number, or the value is not allowed for the measure's value type
 * @FB_CSV_ERROR_DENOMINATOR: a denominator is 0 or less, not whole, or
 *   missing where a proportion or rate needs one
 * @FB_CSV_ERROR_NUMERATOR: in a proportion, the value exceeds the denominator
 * @FB_CSV_ERROR_DUPLICATE: two rows have the same date
 * @FB_CSV_ERROR_ORDER: the dates are not in ascending order
 *
 * Errors from reading a measure data file. Each message is a translated
 * sentence that names the line and says what was expected.
 */
typedef enum
{
  FB_CSV_ERROR_EMPTY,
  FB_CSV_ERROR_TOO_LARGE,
  FB_CSV_ERROR_ENCODING,
  FB_CSV_ERROR_HEADER,
  FB_CSV_ERROR_SYNTAX,
  FB_CSV_ERROR_DATE,
  FB_CSV_ERROR_NUMBER,
  FB_CSV_ERROR_DENOMINATOR,
  FB_CSV_ERROR_NUMERATOR,
  FB_CSV_ERROR_DUPLICATE,
  FB_CSV_ERROR_ORDER,
} FbCsvError;

/**
 * FB_CSV_MAX_BYTES:
 *
 * The largest measure file that is read, in bytes (16 MiB).
 */
#define FB_CSV_MAX_BYTES (16 * 1024 * 1024)

/**
 * FbCsvRow:
 * @date: the period's date, `YYYY-MM-DD`
 * @value: the value (the numerator for proportions and rates), or NAN when
 *   the period is missing
 * @denominator: the denominator, or NAN when there is none
 * @note: (not nullable): the note as written, "" when empty
 * @line: the 1-based line of the file where the row starts (the header is
 *   line 1)
 *
 * One period of a measure series.
 */
typedef struct
{
  char    date[11];
  double  value;
  double  denominator;
  char   *note;
  guint   line;
} FbCsvRow;

GQuark  fb_csv_error_quark       (void);
void    fb_csv_row_clear         (FbCsvRow             *row);
GArray *fb_csv_parse             (GBytes               *bytes,
                                  int                   value_type,
                                  GError              **error);
GArray *fb_csv_parse_file        (GFile                *file,
                                  int                   value_type,
                                  GCancellable         *cancellable,
                                  GError              **error);
void    fb_csv_parse_file_async  (GFile                *file,
                                  int                   value_type,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
GArray *fb_csv_parse_file_finish (GAsyncResult         *result,
                                  GError              **error);
char   *fb_csv_format            (const FbCsvRow       *rows,
                                  guint                 n_rows);

G_END_DECLS
