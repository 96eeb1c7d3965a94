/* fb-pdsa-editor.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-pdsa-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-pdsa-editor.h"
#include "fb-record-form.h"

/* A guided form for one PDSA cycle: its title, change idea and dates, then
 * Plan, Do, Study and Act. An FbRecordForm saves every edit a moment after
 * the typing stops, and the editor flushes it at once when it is hidden or
 * switches cycle, so no keystroke is lost. A field whose text is invalid (a
 * bad date, an end before the start, an empty title) is marked on its row
 * and kept out of the store until it is fixed; the other fields still
 * save. */

struct _FbPdsaEditor
{
  AdwBin          parent_instance;

  FbStore        *store;
  FbPdsaCycle    *cycle;
  FbRecordForm   *form;
  AdwToast       *error_toast;
  gboolean        syncing_calendar;

  GtkWidget      *content;
  GtkLabel       *heading_label;
  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  AdwEntryRow    *change_idea_row;
  AdwEntryRow    *start_date_row;
  GtkMenuButton  *start_date_button;
  GtkCalendar    *start_date_calendar;
  AdwEntryRow    *end_date_row;
  GtkMenuButton  *end_date_button;
  GtkCalendar    *end_date_calendar;
  AdwComboRow    *phase_row;
  GtkTextView    *objective_view;
  GtkTextView    *questions_view;
  GtkTextView    *prediction_view;
  AdwEntryRow    *who_row;
  AdwEntryRow    *what_row;
  AdwEntryRow    *where_row;
  AdwEntryRow    *when_row;
  GtkTextView    *data_to_collect_view;
  GtkTextView    *what_happened_view;
  GtkTextView    *observations_view;
  GtkTextView    *problems_view;
  GtkTextView    *results_view;
  GtkTextView    *learning_view;
  AdwComboRow    *decision_row;
  GtkTextView    *next_steps_view;
};

/* Each field: the cycle property it edits and the widget that edits it. */
static const struct
{
  const char *property;
  glong       offset;
} fields[] = {
  { "title", G_STRUCT_OFFSET (FbPdsaEditor, title_row) },
  { "change-idea", G_STRUCT_OFFSET (FbPdsaEditor, change_idea_row) },
  { "start-date", G_STRUCT_OFFSET (FbPdsaEditor, start_date_row) },
  { "end-date", G_STRUCT_OFFSET (FbPdsaEditor, end_date_row) },
  { "phase", G_STRUCT_OFFSET (FbPdsaEditor, phase_row) },
  { "plan-objective", G_STRUCT_OFFSET (FbPdsaEditor, objective_view) },
  { "plan-questions", G_STRUCT_OFFSET (FbPdsaEditor, questions_view) },
  { "plan-prediction", G_STRUCT_OFFSET (FbPdsaEditor, prediction_view) },
  { "plan-who", G_STRUCT_OFFSET (FbPdsaEditor, who_row) },
  { "plan-what", G_STRUCT_OFFSET (FbPdsaEditor, what_row) },
  { "plan-where", G_STRUCT_OFFSET (FbPdsaEditor, where_row) },
  { "plan-when", G_STRUCT_OFFSET (FbPdsaEditor, when_row) },
  { "plan-data-to-collect", G_STRUCT_OFFSET (FbPdsaEditor, data_to_collect_view) },
  { "do-what-happened", G_STRUCT_OFFSET (FbPdsaEditor, what_happened_view) },
  { "do-observations", G_STRUCT_OFFSET (FbPdsaEditor, observations_view) },
  { "do-problems", G_STRUCT_OFFSET (FbPdsaEditor, problems_view) },
  { "study-results", G_STRUCT_OFFSET (FbPdsaEditor, results_view) },
  { "study-learning", G_STRUCT_OFFSET (FbPdsaEditor, learning_view) },
  { "act-decision", G_STRUCT_OFFSET (FbPdsaEditor, decision_row) },
  { "act-next-steps", G_STRUCT_OFFSET (FbPdsaEditor, next_steps_view) },
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbPdsaEditor, fb_pdsa_editor, ADW_TYPE_BIN)

static void
show_error_toast (FbPdsaEditor *self,
                  const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("Could not save the PDSA cycle: %s", error->message);
      return;
    }

  /* One toast at a time, however often the save fails. */
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);

  /* A toast's title is markup. */
  title = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  g_set_weak_pointer (&self->error_toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
update_status (FbPdsaEditor *self)
{
  FbPdsaCycle *cycle = self->form ? FB_PDSA_CYCLE (fb_record_form_get_record (self->form)) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *suggestion = NULL;
  FbPdsaPhase suggested;

  if (cycle == NULL)
    {
      gtk_label_set_label (self->heading_label, "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row), "");
      return;
    }

  /* Translators: the heading of the PDSA cycle editor, with the cycle's number */
  heading = g_strdup_printf (_("PDSA %u"), fb_pdsa_cycle_get_number (cycle));
  gtk_label_set_label (self->heading_label, heading);

  suggested = fb_pdsa_cycle_suggest_phase (cycle);
  if (suggested != fb_pdsa_cycle_get_phase (cycle))
    {
      /* Translators: under the Phase row, the phase the filled-in fields suggest */
      suggestion = g_strdup_printf (_("Suggested: %s"), fb_pdsa_phase_get_label (suggested));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row),
                               suggestion != NULL ? suggestion : "");
}

/**
 * fb_pdsa_editor_flush:
 * @self: a #FbPdsaEditor
 * @error: return location for a #GError
 *
 * Saves what was typed now instead of after the pause. Invalid fields are
 * left out and stay marked; they do not make the flush fail.
 *
 * Returns: %TRUE unless the store refused the save
 */
gboolean
fb_pdsa_editor_flush (FbPdsaEditor  *self,
                      GError       **error)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), FALSE);

  return self->form == NULL || fb_record_form_flush (self->form, error);
}

/* The calendar shows the typed date, or today when there is none. */
static void
sync_calendar (FbPdsaEditor *self,
               GtkCalendar  *calendar,
               AdwEntryRow  *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (fb_date_parse (text, &date))
    date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                       g_date_get_day (&date), 0, 0, 0);
  else
    date_time = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (calendar, date_time);
  self->syncing_calendar = FALSE;
}

static void
take_calendar_date (FbPdsaEditor  *self,
                    GtkCalendar   *calendar,
                    AdwEntryRow   *row,
                    GtkMenuButton *button)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;

  if (self->syncing_calendar)
    return;

  date_time = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date_time, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_popdown (button);
}

static void
start_date_popover_show_cb (FbPdsaEditor *self)
{
  sync_calendar (self, self->start_date_calendar, self->start_date_row);
}

static void
end_date_popover_show_cb (FbPdsaEditor *self)
{
  sync_calendar (self, self->end_date_calendar, self->end_date_row);
}

static void
start_date_day_selected_cb (FbPdsaEditor *self)
{
  take_calendar_date (self, self->start_date_calendar, self->start_date_row,
                      self->start_date_button);
}

static void
end_date_day_selected_cb (FbPdsaEditor *self)
{
  take_calendar_date (self, self->end_date_calendar, self->end_date_row, self->end_date_button);
}

static void
update_sensitivity (FbPdsaEditor *self)
{
  gtk_widget_set_sensitive (self->content,
                            self->cycle != NULL && self->store != NULL &&
                            !fb_store_is_read_only (self->store));
}

static void
fb_pdsa_editor_unmap (GtkWidget *widget)
{
  FbPdsaEditor *self = FB_PDSA_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!fb_pdsa_editor_flush (self, &error))
    show_error_toast (self, error);

  GTK_WIDGET_CLASS (fb_pdsa_editor_parent_class)->unmap (widget);
}

static void
fb_pdsa_editor_dispose (GObject *object)
{
  FbPdsaEditor *self = (FbPdsaEditor *)object;
  g_autoptr(GError) error = NULL;

  /* What was typed is saved before the editor goes, e.g. with its window;
   * there is no one left to show a toast to. */
  if (!fb_pdsa_editor_flush (self, &error))
    g_message ("Could not save the PDSA cycle: %s", error->message);

  g_clear_object (&self->form);
  g_clear_weak_pointer (&self->error_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_PDSA_EDITOR);

  g_clear_object (&self->cycle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_pdsa_editor_parent_class)->dispose (object);
}

static void
fb_pdsa_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FbPdsaEditor *self = FB_PDSA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CYCLE:
      g_value_set_object (value, fb_pdsa_editor_get_cycle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FbPdsaEditor *self = FB_PDSA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fb_pdsa_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_CYCLE:
      fb_pdsa_editor_set_cycle (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_editor_class_init (FbPdsaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_pdsa_editor_dispose;
  object_class->get_property = fb_pdsa_editor_get_property;
  object_class->set_property = fb_pdsa_editor_set_property;

  widget_class->unmap = fb_pdsa_editor_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CYCLE] =
    g_param_spec_object ("cycle", NULL, NULL,
                         FB_TYPE_PDSA_CYCLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-pdsa-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, content);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, change_idea_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, start_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, end_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, objective_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, questions_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, prediction_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, who_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, what_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, where_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, data_to_collect_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, what_happened_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, observations_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, problems_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, results_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, learning_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, next_steps_view);
  gtk_widget_class_bind_template_callback (widget_class, start_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_date_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_date_day_selected_cb);
}

static void
fb_pdsa_editor_init (FbPdsaEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_sensitivity (self);
}

/**
 * fb_pdsa_editor_new:
 * @store: the store edits are saved to
 *
 * Returns: (transfer floating): an editor with no cycle yet
 */
GtkWidget *
fb_pdsa_editor_new (FbStore *store)
{
  g_return_val_if_fail (FB_IS_STORE (store), NULL);

  return g_object_new (FB_TYPE_PDSA_EDITOR, "store", store, NULL);
}

FbStore *
fb_pdsa_editor_get_store (FbPdsaEditor *self)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), NULL);

  return self->store;
}

void
fb_pdsa_editor_set_store (FbPdsaEditor *self,
                          FbStore      *store)
{
  g_return_if_fail (FB_IS_PDSA_EDITOR (self));
  g_return_if_fail (!store || FB_IS_STORE (store));
  /* Edits of one store are never saved to another. */
  g_return_if_fail (self->cycle == NULL);

  if (!g_set_object (&self->store, store))
    return;

  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * fb_pdsa_editor_get_cycle:
 * @self: a #FbPdsaEditor
 *
 * Returns: (transfer none) (nullable): the cycle shown, with what was
 *   typed so far
 */
FbPdsaCycle *
fb_pdsa_editor_get_cycle (FbPdsaEditor *self)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), NULL);

  return self->form ? FB_PDSA_CYCLE (fb_record_form_get_record (self->form)) : NULL;
}

/**
 * fb_pdsa_editor_set_cycle:
 * @self: a #FbPdsaEditor
 * @cycle: (nullable): the cycle to edit
 *
 * Saves what was typed for the previous cycle, then shows @cycle.
 */
void
fb_pdsa_editor_set_cycle (FbPdsaEditor *self,
                          FbPdsaCycle  *cycle)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FB_IS_PDSA_EDITOR (self));
  g_return_if_fail (!cycle || FB_IS_PDSA_CYCLE (cycle));
  g_return_if_fail (!cycle || self->store != NULL);

  if (self->cycle == cycle)
    return;

  if (!fb_pdsa_editor_flush (self, &error))
    show_error_toast (self, error);

  /* Invalid text typed for the previous cycle is dropped with its form. */
  g_clear_object (&self->form);
  g_set_object (&self->cycle, cycle);

  if (cycle != NULL)
    {
      self->form = fb_record_form_new (self->store, FB_RECORD (cycle));
      fb_record_form_set_error_label (self->form, self->error_label);
      g_signal_connect_object (self->form, "save-failed", G_CALLBACK (show_error_toast), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (fb_record_form_get_record (self->form), "notify",
                               G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

          if (ADW_IS_COMBO_ROW (widget))
            fb_record_form_bind_combo (self->form, ADW_COMBO_ROW (widget), fields[i].property);
          else if (GTK_IS_TEXT_VIEW (widget))
            fb_record_form_bind_text_view (self->form, GTK_TEXT_VIEW (widget),
                                           fields[i].property);
          else
            fb_record_form_bind_editable (self->form, GTK_EDITABLE (widget), fields[i].property);
        }
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }

  update_status (self);
  update_sensitivity (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE]);
}

/**
 * fb_pdsa_editor_has_errors:
 * @self: a #FbPdsaEditor
 *
 * Returns: %TRUE if a field holds invalid text that is not saved
 */
gboolean
fb_pdsa_editor_has_errors (FbPdsaEditor *self)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), FALSE);

  return self->form != NULL && fb_record_form_has_errors (self->form);
}

/**
 * fb_pdsa_editor_focus_title:
 * @self: a #FbPdsaEditor
 *
 * Moves the keyboard focus to the title, e.g. for a cycle just started.
 */
void
fb_pdsa_editor_focus_title (FbPdsaEditor *self)
{
  g_return_if_fail (FB_IS_PDSA_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
