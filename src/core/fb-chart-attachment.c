/* fb-chart-attachment.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-chart-attachment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-chart-attachment.h"
#include "fb-enum-types.h"

/* A snapshot of a chart attached to its project: the PNG goes into the
 * blob store, and the attachment records which measure it shows and how
 * it was analysed, so that it can be told apart from a later one. */

#define SNAPSHOT_WIDTH 1600
#define SNAPSHOT_HEIGHT 900

static char *
describe_analysis (FbAnalysis *analysis)
{
  g_autoptr(GEnumClass) charts = g_type_class_ref (FB_TYPE_CHART_TYPE);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GEnumValue *chart = g_enum_get_value (charts, fb_analysis_get_chart (analysis));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chart");
  json_builder_add_string_value (builder, chart ? chart->value_nick : "run");
  json_builder_set_member_name (builder, "rules");
  json_builder_add_string_value (builder,
                                 fb_analysis_get_rules (analysis) == FB_RULES_IHI ? "ihi" : "anhoej");
  json_builder_set_member_name (builder, "freeze");
  json_builder_add_int_value (builder, fb_analysis_get_freeze (analysis));
  json_builder_set_member_name (builder, "multiply");
  json_builder_add_double_value (builder, fb_analysis_get_multiply (analysis));
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, fb_analysis_get_n_rows (analysis));
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, fb_analysis_get_summary (analysis));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * fb_store_attach_chart:
 * @store: the store
 * @project_id: the project the chart belongs to
 * @measure: the measure it shows
 * @analysis: its analysis
 * @style: how it is drawn
 * @error: return location for a #GError
 *
 * Draws the chart as a 1600×900 PNG and attaches it to the project.
 *
 * Returns: (transfer full): the saved attachment, or %NULL with @error set
 */
FbAttachment *
fb_store_attach_chart (FbStore             *store,
                       const char          *project_id,
                       FbMeasure           *measure,
                       FbAnalysis          *analysis,
                       const FbChartStyle  *style,
                       GError             **error)
{
  g_autoptr(FbAttachment) attachment = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *sha256 = NULL;
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autofree char *analysis_json = NULL;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (project_id != NULL, NULL);
  g_return_val_if_fail (FB_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (FB_IS_ANALYSIS (analysis), NULL);

  if (!(png = fb_chart_render_png (analysis, style, SNAPSHOT_WIDTH, SNAPSHOT_HEIGHT, error)) ||
      !(sha256 = fb_store_put_blob (store, png, error)))
    return NULL;

  /* File names go to other systems: no path separators from the name. */
  name = g_strdup_printf ("%s %s.png", fb_measure_get_name (measure), day);
  g_strdelimit (name, "/\\\\", '-');
  analysis_json = describe_analysis (analysis);

  attachment = fb_attachment_new (NULL);
  fb_attachment_set_owner_entity (attachment, "project");
  fb_attachment_set_owner_id (attachment, project_id);
  fb_attachment_set_file_name (attachment, name);
  fb_attachment_set_media_type (attachment, "image/png");
  fb_attachment_set_size (attachment, g_bytes_get_size (png));
  fb_attachment_set_sha256 (attachment, sha256);
  fb_attachment_set_measure_id (attachment, fb_record_get_id (FB_RECORD (measure)));
  fb_attachment_set_analysis (attachment, analysis_json);

  if (!fb_store_save (store, FB_RECORD (attachment), error))
    return NULL;

  return g_steal_pointer (&attachment);
}
