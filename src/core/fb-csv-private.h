/* fb-csv-private.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-csv.h"

G_BEGIN_DECLS

/* The rules for one period's numbers, shared by the CSV reader and data
 * entry (fb-data-entry.c) so that a file and the data grid accept exactly
 * the same values. Each caller words the problem for its own context (a
 * file's line, a grid's row), so the check says what is wrong rather than
 * setting a message. They live here, with no dependency beyond GLib, so
 * that the fuzz target can keep building fb-csv.c on its own. */
typedef enum
{
  FB_VALUE_PROBLEM_NONE,
  FB_VALUE_PROBLEM_VALUE_NOT_FINITE,        /* ±inf: never read from text */
  FB_VALUE_PROBLEM_DENOMINATOR_NOT_FINITE,  /* ±inf: never read from text */
  FB_VALUE_PROBLEM_DENOMINATOR_NOT_POSITIVE,
  FB_VALUE_PROBLEM_NUMERATOR_NOT_WHOLE,     /* negative or fractional */
  FB_VALUE_PROBLEM_NO_DENOMINATOR,
  FB_VALUE_PROBLEM_DENOMINATOR_NOT_WHOLE,
  FB_VALUE_PROBLEM_NUMERATOR_EXCEEDS,
  FB_VALUE_PROBLEM_COUNT_NOT_WHOLE,         /* negative or fractional */
} FbValueProblem;

FbValueProblem  _fb_csv_find_value_problem  (int     value_type,
                                             double *value,
                                             double *denominator);
gboolean        _fb_csv_parse_decimal       (char   *text,
                                             char    decimal_mark,
                                             double *number);

G_END_DECLS
