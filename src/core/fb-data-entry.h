/* fb-data-entry.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-data-point.h"
#include "fb-enums.h"
#include "fb-measure.h"

G_BEGIN_DECLS

#define FB_DATA_ENTRY_ERROR (fb_data_entry_error_quark ())

/**
 * FbDataEntryError:
 * @FB_DATA_ENTRY_ERROR_NUMBER: the text is not a number, or the value is not
 *   allowed for the measure's value type
 * @FB_DATA_ENTRY_ERROR_DENOMINATOR: a denominator is missing, not whole, or
 *   not greater than 0
 * @FB_DATA_ENTRY_ERROR_NUMERATOR: in a proportion, the numerator exceeds the
 *   denominator
 * @FB_DATA_ENTRY_ERROR_DATE: a period is not a `YYYY-MM-DD` date
 * @FB_DATA_ENTRY_ERROR_TOO_MANY_CELLS: a pasted row has more cells than there
 *   are columns to fill
 * @FB_DATA_ENTRY_ERROR_DUPLICATE: a new period is already in the measure's data
 * @FB_DATA_ENTRY_ERROR_REASON: a point is excluded without a reason
 *
 * Errors from checking what a person typed or pasted into a measure's data.
 */
typedef enum
{
  FB_DATA_ENTRY_ERROR_NUMBER,
  FB_DATA_ENTRY_ERROR_DENOMINATOR,
  FB_DATA_ENTRY_ERROR_NUMERATOR,
  FB_DATA_ENTRY_ERROR_DATE,
  FB_DATA_ENTRY_ERROR_TOO_MANY_CELLS,
  FB_DATA_ENTRY_ERROR_DUPLICATE,
  FB_DATA_ENTRY_ERROR_REASON,
} FbDataEntryError;

/**
 * FbDataEntryField:
 * @FB_DATA_ENTRY_FIELD_VALUE: the value (the numerator of a proportion or rate)
 * @FB_DATA_ENTRY_FIELD_DENOMINATOR: the denominator
 * @FB_DATA_ENTRY_FIELD_NOTE: the note
 *
 * The editable fields of a data point, in the order of the grid's columns.
 */
typedef enum
{
  FB_DATA_ENTRY_FIELD_VALUE,
  FB_DATA_ENTRY_FIELD_DENOMINATOR,
  FB_DATA_ENTRY_FIELD_NOTE,
} FbDataEntryField;

GQuark      fb_data_entry_error_quark     (void);
char       *fb_frequency_period_start     (FbFrequency        frequency,
                                           const char        *date);
char       *fb_frequency_next_period      (FbFrequency        frequency,
                                           const char        *last_period);
gboolean    fb_data_entry_parse_number    (const char        *text,
                                           double            *value,
                                           GError           **error);
char       *fb_data_entry_parse_period    (const char        *text,
                                           GError           **error);
gboolean    fb_data_entry_check_new_period (FbMeasure        *measure,
                                           GListModel        *points,
                                           const char        *period,
                                           GError           **error);
gboolean    fb_data_entry_check           (FbValueType        type,
                                           double             value,
                                           double             denominator,
                                           GError           **error);
gboolean    fb_data_entry_apply           (FbDataPoint       *point,
                                           FbValueType        type,
                                           const char        *value_text,
                                           const char        *denominator_text,
                                           const char        *note,
                                           GError           **error);
void        fb_data_entry_set_exclude_reason (FbDataPoint     *point,
                                           const char        *reason);
gboolean    fb_data_entry_needs_exclude_reason (FbDataPoint   *point);
gboolean    fb_data_entry_set_excluded    (FbDataPoint       *point,
                                           gboolean           excluded,
                                           const char        *reason,
                                           GError           **error);
void        fb_data_entry_prefix_error    (GError           **error,
                                           guint              row,
                                           const char        *period);
GPtrArray  *fb_data_entry_split_paste     (const char        *text);
GPtrArray  *fb_data_entry_fill            (FbMeasure         *measure,
                                           GListModel        *points,
                                           guint              position,
                                           FbDataEntryField   field,
                                           const char        *text,
                                           GError           **error);
char       *fb_data_entry_format_period   (const char        *period);
char       *fb_data_entry_format_number   (double             value);

G_END_DECLS
