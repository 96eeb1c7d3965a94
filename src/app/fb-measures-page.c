/* fb-measures-page.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-chart-view.h"
#include "fb-data-grid.h"
#include "fb-measures-page.h"
#include "fb-record-form.h"

/* A project's measures: pick one, see its chart redrawn as data is typed
 * into the grid below it, and edit its definition. */

struct _FbMeasuresPage
{
  AdwBin        parent_instance;

  FbStore      *store;
  char         *project_id;
  GCancellable *cancellable;
  GListModel   *measures;
  GListModel   *cycles;
  GListModel   *points;
  FbMeasure    *measure;
  FbRecordForm *form;
  GtkWidget    *chart;
  GArray       *markers;
  GSettings    *settings;
  GtkFileChooserNative *chooser;

  GtkStack     *stack;
  GtkDropDown  *measure_dropdown;
  AdwBin       *chart_bin;
  GtkLabel     *summary_label;
  AdwBin       *grid_bin;
  AdwEntryRow  *name_row;
  AdwEntryRow  *definition_row;
  AdwComboRow  *kind_row;
  AdwComboRow  *value_type_row;
  AdwEntryRow  *multiplier_row;
  AdwEntryRow  *unit_row;
  AdwComboRow  *direction_row;
  AdwComboRow  *chart_type_row;
  AdwComboRow  *frequency_row;
  AdwEntryRow  *target_row;
  AdwEntryRow  *baseline_row;
  AdwEntryRow  *phases_row;
};

G_DEFINE_FINAL_TYPE (FbMeasuresPage, fb_measures_page, ADW_TYPE_BIN)

static void
show_error (FbMeasuresPage *self,
            const GError   *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* The chart follows the data, the cycles and the measure's settings. */
static void
update_chart (FbMeasuresPage *self)
{
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rules = NULL;
  FbMeasure *measure;

  if (self->form == NULL || self->chart == NULL)
    return;

  measure = FB_MEASURE (fb_record_form_get_record (self->form));
  rules = g_settings_get_string (self->settings, "runs-rules");
  analysis = fb_measure_analyse_with_rules (measure, self->points,
                                            g_strcmp0 (rules, "ihi") == 0
                                            ? FB_RULES_IHI : FB_RULES_ANHOEJ,
                                            &error);
  markers = fb_measure_dup_markers (measure, self->cycles);
  g_clear_pointer (&self->markers, g_array_unref);
  self->markers = g_array_ref (markers);

  g_object_set (self->chart,
                "percent", fb_measure_chart_is_percent (measure),
                "title", fb_measure_get_name (measure),
                NULL);
  fb_chart_view_set_markers (FB_CHART_VIEW (self->chart),
                             (const FbChartMarker *)(gpointer)markers->data, markers->len);
  fb_chart_view_set_analysis (FB_CHART_VIEW (self->chart), analysis);

  if (analysis != NULL)
    gtk_label_set_label (self->summary_label, fb_analysis_get_summary (analysis));
  else if (g_error_matches (error, FB_ANALYSIS_ERROR, FB_ANALYSIS_ERROR_EMPTY))
    gtk_label_set_label (self->summary_label, _("No data yet: type the first value below."));
  else
    gtk_label_set_label (self->summary_label, error->message);
}

static void
exclusion_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FbMeasuresPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fb_store_save_finish (FB_STORE (object), result, &error))
    show_error (self, error);
}

/* Excluding or including a point from the chart's menu saves as the
 * grid's Excluded column does; the store's change redraws the chart. */
static void
set_excluded_cb (FbChartView    *chart,
                 FbDataPoint    *point,
                 gboolean        excluded,
                 const char     *reason,
                 FbMeasuresPage *self)
{
  g_autoptr(FbDataPoint) copy = FB_DATA_POINT (fb_record_copy (FB_RECORD (point)));
  g_autoptr(GError) error = NULL;

  if (!fb_data_entry_set_excluded (copy, excluded, reason, &error))
    {
      show_error (self, error);
      return;
    }

  fb_store_save_async (self->store, FB_RECORD (copy), NULL, exclusion_saved_cb,
                       g_object_ref (self));
}

static void
bind_form (FbMeasuresPage *self)
{
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->name_row), "name");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->definition_row), "definition");
  fb_record_form_bind_combo (self->form, self->kind_row, "kind");
  fb_record_form_bind_combo (self->form, self->value_type_row, "value-type");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->multiplier_row),
                                "rate-multiplier");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->unit_row), "unit");
  fb_record_form_bind_combo (self->form, self->direction_row, "improvement-direction");
  fb_record_form_bind_combo (self->form, self->chart_type_row, "chart-type");
  fb_record_form_bind_combo (self->form, self->frequency_row, "frequency");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->target_row), "target");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->baseline_row), "baseline-points");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->phases_row), "phase-starts");
}

static void
show_measure (FbMeasuresPage *self,
              FbMeasure      *measure)
{
  g_autoptr(GError) error = NULL;

  if (self->form != NULL && !fb_record_form_flush (self->form, &error))
    show_error (self, error);

  g_clear_object (&self->form);
  g_clear_object (&self->points);
  g_set_object (&self->measure, measure);

  if (measure == NULL)
    {
      adw_bin_set_child (self->chart_bin, NULL);
      adw_bin_set_child (self->grid_bin, NULL);
      self->chart = NULL;
      return;
    }

  self->form = fb_record_form_new (self->store, FB_RECORD (measure));
  bind_form (self);
  g_signal_connect_object (self->form, "save-failed", G_CALLBACK (show_error), self,
                           G_CONNECT_SWAPPED);

  self->points = fb_store_list_data_points (self->store, fb_record_get_id (FB_RECORD (measure)));

  self->chart = fb_chart_view_new ();
  g_object_set (self->chart,
                "points", self->points,
                "title", fb_measure_get_name (measure),
                NULL);
  g_signal_connect_object (self->chart, "set-excluded", G_CALLBACK (set_excluded_cb), self, 0);
  adw_bin_set_child (self->chart_bin, self->chart);
  adw_bin_set_child (self->grid_bin, fb_data_grid_new (self->store, measure));

  update_chart (self);
}

static void
selected_cb (FbMeasuresPage *self)
{
  g_autoptr(FbMeasure) measure = NULL;
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    measure = g_list_model_get_item (self->measures, selected);

  if (measure == self->measure)
    return;

  show_measure (self, measure);
}

static void
measures_changed_cb (FbMeasuresPage *self)
{
  guint n = g_list_model_get_n_items (self->measures);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "measure" : "empty");
  if (n > 0 && gtk_drop_down_get_selected (self->measure_dropdown) == GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->measure_dropdown, 0);
}

static void
store_changed_cb (FbMeasuresPage *self,
                  const char     *entity,
                  const char     *id,
                  FbStore        *store)
{
  /* Data typed in the grid, a measure setting or a PDSA cycle changed. */
  if (g_strcmp0 (entity, "data_point") == 0 || g_strcmp0 (entity, "pdsa_cycle") == 0 ||
      (g_strcmp0 (entity, "measure") == 0 && self->measure != NULL &&
       g_strcmp0 (id, fb_record_get_id (FB_RECORD (self->measure))) == 0))
    update_chart (self);
}

typedef struct
{
  FbMeasuresPage *page;
  char           *measure_id;
} NewMeasure;

static void
new_measure_free (NewMeasure *data)
{
  g_object_unref (data->page);
  g_free (data->measure_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewMeasure, new_measure_free)

static void
new_measure_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(NewMeasure) data = user_data;
  FbMeasuresPage *self = data->page;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!fb_store_save_finish (FB_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (self->measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FbRecord) item = g_list_model_get_item (self->measures, i);

      if (g_strcmp0 (fb_record_get_id (item), data->measure_id) == 0)
        gtk_drop_down_set_selected (self->measure_dropdown, i);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
new_measure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FbMeasuresPage *self = FB_MEASURES_PAGE (widget);
  g_autoptr(FbMeasure) measure = fb_measure_new (NULL);
  NewMeasure *data = g_new0 (NewMeasure, 1);

  fb_measure_set_project_id (measure, self->project_id);
  fb_measure_set_name (measure, _("New measure"));
  fb_measure_set_value_type (measure, FB_VALUE_TYPE_PROPORTION);
  fb_measure_set_chart_type (measure, FB_CHART_TYPE_RUN);
  fb_measure_set_frequency (measure, FB_FREQUENCY_WEEK);

  /* Not made if the page goes before it is written. */
  data->page = g_object_ref (self);
  data->measure_id = g_strdup (fb_record_get_id (FB_RECORD (measure)));
  fb_store_save_async (self->store, FB_RECORD (measure), self->cancellable,
                       new_measure_saved_cb, data);
}

static void
show_message (FbMeasuresPage *self,
              const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* Exports and snapshots look like the chart on screen, in light colours. */
static FbAnalysis *
chart_style (FbMeasuresPage *self,
             FbChartStyle   *style)
{
  FbAnalysis *analysis;

  if (self->chart == NULL || self->form == NULL ||
      !(analysis = fb_chart_view_get_analysis (FB_CHART_VIEW (self->chart))))
    return NULL;

  fb_chart_style_init (style);
  style->title = fb_measure_get_name (FB_MEASURE (fb_record_form_get_record (self->form)));
  style->subtitle = fb_analysis_get_summary (analysis);
  style->percent = fb_measure_chart_is_percent (FB_MEASURE (fb_record_form_get_record (self->form)));
  if (self->markers != NULL)
    {
      style->markers = (const FbChartMarker *)(gpointer)self->markers->data;
      style->n_markers = self->markers->len;
    }

  return analysis;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FbMeasuresPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysis *analysis;
  FbChartStyle style;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)) &&
      (analysis = chart_style (self, &style)))
    {
      if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".svg") &&
          !g_str_has_suffix (path, ".pdf"))
        {
          char *with_png = g_strconcat (path, ".png", NULL);

          g_free (path);
          path = with_png;
        }

      if (!fb_chart_save (analysis, &style, path, 1600, 900, &error))
        show_error (self, error);
      else
        show_message (self, _("Chart saved"));
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FbMeasuresPage *self = FB_MEASURES_PAGE (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  FbChartStyle style;

  if (chart_style (self, &style) == NULL)
    return;

  gtk_file_filter_set_name (png, _("PNG image"));
  gtk_file_filter_add_pattern (png, "*.png");
  gtk_file_filter_set_name (svg, _("SVG image"));
  gtk_file_filter_add_pattern (svg, "*.svg");
  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_pattern (pdf, "*.pdf");

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), svg);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  name = g_strdup_printf ("%s.png", style.title);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FbMeasuresPage *self = FB_MEASURES_PAGE (widget);
  g_autoptr(FbAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  FbAnalysis *analysis;
  FbChartStyle style;

  if (!(analysis = chart_style (self, &style)))
    return;

  if (!(attachment = fb_store_attach_chart (self->store, self->project_id,
                                            FB_MEASURE (fb_record_form_get_record (self->form)),
                                            analysis, &style, &error)))
    {
      show_error (self, error);
      return;
    }

  show_message (self, _("Chart attached to the project"));
}

static void
fb_measures_page_dispose (GObject *object)
{
  FbMeasuresPage *self = (FbMeasuresPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The form saves what was typed last as it goes. */
  g_clear_object (&self->form);
  /* The template's root is the bin's child: let the bin drop it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_MEASURES_PAGE);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->measure);
  g_clear_object (&self->points);
  g_clear_object (&self->cycles);
  g_clear_object (&self->measures);
  g_clear_object (&self->store);
  g_clear_pointer (&self->project_id, g_free);

  G_OBJECT_CLASS (fb_measures_page_parent_class)->dispose (object);
}

static void
fb_measures_page_class_init (FbMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_measures_page_dispose;

  /* The measure list's item template names the type. */
  g_type_ensure (FB_TYPE_MEASURE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, grid_bin);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, definition_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, value_type_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, multiplier_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, direction_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, chart_type_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, FbMeasuresPage, phases_row);

  gtk_widget_class_install_action (widget_class, "measures.new", NULL, new_measure_action);
  gtk_widget_class_install_action (widget_class, "measures.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "measures.attach", NULL, attach_action);
}

static void
fb_measures_page_init (FbMeasuresPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The runs rules are a preference; the chart follows a change at once. */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::runs-rules", G_CALLBACK (update_chart), self,
                           G_CONNECT_SWAPPED);
}

/**
 * fb_measures_page_new:
 * @store: the store
 * @project_id: the project whose measures are shown
 *
 * Returns: (transfer full): the page
 */
GtkWidget *
fb_measures_page_new (FbStore    *store,
                      const char *project_id)
{
  FbMeasuresPage *self;
  GtkExpression *name;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (project_id != NULL, NULL);

  self = g_object_new (FB_TYPE_MEASURES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->project_id = g_strdup (project_id);
  self->measures = fb_store_list_measures (store, project_id);
  self->cycles = fb_store_list_pdsa_cycles (store, project_id);

  name = gtk_property_expression_new (FB_TYPE_MEASURE, NULL, "name");
  gtk_drop_down_set_expression (self->measure_dropdown, name);
  gtk_expression_unref (name);
  gtk_drop_down_set_model (self->measure_dropdown, self->measures);

  g_signal_connect_object (self->measure_dropdown, "notify::selected",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->measures, "items-changed",
                           G_CALLBACK (measures_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the handlers of the point lists (made later, in show_measure),
   * or the chart would be analysed from the list before the change. */
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  measures_changed_cb (self);
  selected_cb (self);

  return GTK_WIDGET (self);
}

/**
 * fb_measures_page_flush:
 * @self: a #FbMeasuresPage
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the measure's settings as typed are queued for saving
 */
gboolean
fb_measures_page_flush (FbMeasuresPage  *self,
                        GError         **error)
{
  g_return_val_if_fail (FB_IS_MEASURES_PAGE (self), FALSE);

  return self->form == NULL || fb_record_form_flush (self->form, error);
}
