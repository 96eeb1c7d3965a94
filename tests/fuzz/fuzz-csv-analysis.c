/* fuzz-csv-analysis.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fb-analysis.h"
#include "fb-csv.h"

/* libFuzzer target: the first two bytes choose the chart type, rules and
 * options; the rest is a measure CSV file. The CSV reader must accept or
 * refuse it cleanly, and any series it accepts must analyse to JSON
 * without NaN or infinity, or fail with an error. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  FbAnalysisOptions options;
  guint parts[2];
  guint n_parts = 0;
  guint excluded[64];
  guint n_excluded = 0;
  int value_type;

  if (size < 2)
    return 0;

  value_type = (data[0] % 5) - 1;
  bytes = g_bytes_new (data + 2, size - 2);

  if (!(rows = fb_csv_parse (bytes, value_type, &error)))
    {
      /* A refusal always says why. */
      g_assert (error != NULL && error->message != NULL && *error->message);
      return 0;
    }

  fb_analysis_options_init (&options);
  options.chart = data[0] % 10;
  options.rules = (data[1] & 1) ? FB_RULES_IHI : FB_RULES_ANHOEJ;
  options.freeze = (data[1] >> 1) & 0x0f;
  options.multiply = (data[1] & 0x20) ? 100 : 1;
  options.target = (data[1] & 0x40) ? 0.5 : NAN;
  if ((data[1] & 0x80) && rows->len > 2)
    {
      parts[n_parts++] = rows->len / 2 + 1;
      options.part_starts = parts;
      options.n_part_starts = n_parts;
    }

  if (data[1] & 0x10)
    for (guint i = 3; i < rows->len && n_excluded < G_N_ELEMENTS (excluded); i += 7)
      excluded[n_excluded++] = i + 1;

  if (!(analysis = fb_analysis_new_for_rows (rows, excluded, n_excluded, &options, &error)))
    {
      g_assert (error != NULL && error->message != NULL && *error->message);
      return 0;
    }

  json = fb_analysis_to_json (analysis);
  g_assert (json != NULL);
  g_assert (strstr (json, "nan") == NULL && strstr (json, "inf") == NULL);
  g_assert (fb_analysis_get_summary (analysis) != NULL);

  return 0;
}
