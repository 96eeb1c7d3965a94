/* fb-record-form.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-record-form"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-record-form.h"

/* Ties the widgets of a form to the fields of one record, so that every
 * edit saves itself: a change is checked by core (fb_record_set_field_from_string
 * and the record's validation), marked on its widget when wrong, and saved
 * a moment after the typing stops — or at once when the form goes away, so
 * closing a window never loses a keystroke. */

#define SAVE_DELAY_MS 400

struct _FbRecordForm
{
  GObject     parent_instance;

  FbStore    *store;
  FbRecord   *record;
  guint       save_source;
  gboolean    dirty;
  gboolean    loading;
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FbRecordForm, fb_record_form, G_TYPE_OBJECT)

static void
mark (GtkWidget    *widget,
      const GError *error)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *target = row ? row : widget;

  if (error != NULL)
    {
      gtk_widget_add_css_class (target, "error");
      gtk_widget_set_tooltip_text (target, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (target, "error");
      gtk_widget_set_tooltip_text (target, NULL);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  FbRecordForm *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!fb_record_form_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (FbRecordForm *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Applies text to a field; an invalid value is marked and not applied. */
static void
apply_text (FbRecordForm *self,
            GtkWidget    *widget,
            const char   *field,
            const char   *text)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!fb_record_set_field_from_string (self->record, field, text, &error))
    {
      mark (widget, error);
      return;
    }

  mark (widget, NULL);
  schedule_save (self);
}

static void
editable_changed_cb (GtkEditable  *editable,
                     FbRecordForm *self)
{
  apply_text (self, GTK_WIDGET (editable), g_object_get_data (G_OBJECT (editable), "field"),
              gtk_editable_get_text (editable));
}

void
fb_record_form_bind_editable (FbRecordForm *self,
                              GtkEditable  *editable,
                              const char   *field)
{
  GParamSpec *pspec;
  g_autofree char *text = NULL;

  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field);
  g_return_if_fail (pspec != NULL);

  text = fb_record_dup_field_string (self->record, pspec);
  self->loading = TRUE;
  gtk_editable_set_text (editable, text);
  self->loading = FALSE;

  g_object_set_data_full (G_OBJECT (editable), "field", g_strdup (field), g_free);
  g_signal_connect_object (editable, "changed", G_CALLBACK (editable_changed_cb), self, 0);
}

/* String lists are edited one item a line. */
static char *
dup_text_for_field (FbRecord   *record,
                    GParamSpec *pspec)
{
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
    {
      g_auto(GStrv) strv = NULL;

      g_object_get (record, pspec->name, &strv, NULL);
      return strv ? g_strjoinv ("\n", strv) : g_strdup ("");
    }

  return fb_record_dup_field_string (record, pspec);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   FbRecordForm  *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "view");
  const char *field = g_object_get_data (G_OBJECT (buffer), "field");
  GParamSpec *pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_strv_builder_add (builder, lines[i]);
      items = g_strv_builder_end (builder);

      g_object_set (self->record, pspec->name, items, NULL);
      mark (view, NULL);
      schedule_save (self);
      return;
    }

  apply_text (self, view, field, text);
}

void
fb_record_form_bind_text_view (FbRecordForm *self,
                               GtkTextView  *text_view,
                               const char   *field)
{
  GtkTextBuffer *buffer;
  GParamSpec *pspec;
  g_autofree char *text = NULL;

  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field);
  g_return_if_fail (pspec != NULL);

  buffer = gtk_text_view_get_buffer (text_view);
  text = dup_text_for_field (self->record, pspec);
  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->loading = FALSE;

  g_object_set_data_full (G_OBJECT (buffer), "field", g_strdup (field), g_free);
  g_object_set_data (G_OBJECT (buffer), "view", text_view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, 0);
}

static void
combo_selected_cb (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   FbRecordForm *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  GParamSpec *field_pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record),
                                                        field);
  g_autoptr(GEnumClass) klass = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (field_pspec));
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION || selected >= klass->n_values)
    return;

  g_object_set (self->record, field_pspec->name, klass->values[selected].value, NULL);
  schedule_save (self);
}

void
fb_record_form_bind_combo (FbRecordForm *self,
                           AdwComboRow  *row,
                           const char   *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = NULL;
  GParamSpec *pspec;
  int current = 0;

  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field);
  g_return_if_fail (pspec != NULL && G_TYPE_IS_ENUM (G_PARAM_SPEC_VALUE_TYPE (pspec)));

  klass = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (pspec));
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = fb_enum_get_label (G_PARAM_SPEC_VALUE_TYPE (pspec),
                                             klass->values[i].value);

      gtk_string_list_append (labels, label ? label : klass->values[i].value_nick);
    }

  g_object_get (self->record, pspec->name, &current, NULL);

  self->loading = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == current)
      adw_combo_row_set_selected (row, i);
  self->loading = FALSE;

  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_selected_cb), self, 0);
}

static void
switch_active_cb (GtkSwitch    *toggle,
                  GParamSpec   *pspec,
                  FbRecordForm *self)
{
  if (self->loading)
    return;

  g_object_set (self->record, g_object_get_data (G_OBJECT (toggle), "field"),
                gtk_switch_get_active (toggle), NULL);
  schedule_save (self);
}

void
fb_record_form_bind_switch (FbRecordForm *self,
                            GtkSwitch    *toggle,
                            const char   *field)
{
  gboolean active = FALSE;

  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_SWITCH (toggle));

  g_object_get (self->record, field, &active, NULL);
  self->loading = TRUE;
  gtk_switch_set_active (toggle, active);
  self->loading = FALSE;

  g_object_set_data_full (G_OBJECT (toggle), "field", g_strdup (field), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (switch_active_cb), self, 0);
}

/**
 * fb_record_form_changed:
 * @self: a #FbRecordForm
 *
 * Tells the form its record was changed directly (by a widget the form
 * does not bind), so that it is saved like any other edit.
 */
void
fb_record_form_changed (FbRecordForm *self)
{
  g_return_if_fail (FB_IS_RECORD_FORM (self));

  schedule_save (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FbRecordForm) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fb_store_save_finish (FB_STORE (object), result, &error))
    return;

  /* The form went away meanwhile: nobody is left to show it to. */
  if (self->record == NULL)
    {
      g_message ("Could not save the last edit of a form: %s", error->message);
      return;
    }

  /* The edits are still in the form: the next change saves them again. */
  self->dirty = TRUE;
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

/**
 * fb_record_form_flush:
 * @self: a #FbRecordForm
 * @error: return location for a #GError
 *
 * Hands pending edits to the store now. A record that does not validate as
 * a whole (say, an empty title) is not saved and the error says why; the
 * edits stay in the form. A valid record is saved on the store's write
 * thread, in order with the form's earlier saves, even if the form goes
 * away meanwhile; a failed write is reported by #FbRecordForm::save-failed.
 *
 * Returns: %TRUE if nothing was pending or the edits were handed to the store
 */
gboolean
fb_record_form_flush (FbRecordForm  *self,
                      GError       **error)
{
  g_return_val_if_fail (FB_IS_RECORD_FORM (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty)
    return TRUE;

  if (!fb_record_validate (self->record, error))
    return FALSE;

  /* The store takes its own copy now; the callback holds the form. No
   * cancellable: an edit once handed over is written. */
  fb_store_save_async (self->store, self->record, NULL, save_cb, g_object_ref (self));
  self->dirty = FALSE;

  return TRUE;
}

FbRecord *
fb_record_form_get_record (FbRecordForm *self)
{
  g_return_val_if_fail (FB_IS_RECORD_FORM (self), NULL);

  return self->record;
}

static void
fb_record_form_dispose (GObject *object)
{
  FbRecordForm *self = (FbRecordForm *)object;

  /* Whatever was typed last is handed to the store's queue before the
   * form goes; the store keeps the application running until it is
   * written. */
  if (self->store != NULL && self->dirty)
    {
      g_autoptr(GError) error = NULL;

      if (!fb_record_form_flush (self, &error))
        g_warning ("Could not save the last edit of a %s: %s",
                   fb_record_get_entity (self->record), error->message);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_record_form_parent_class)->dispose (object);
}

static void
fb_record_form_class_init (FbRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fb_record_form_dispose;

  /**
   * FbRecordForm::save-failed:
   * @self: the form
   * @error: why the record was not saved
   *
   * Emitted when a save in the background fails, for the page to show.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
fb_record_form_init (FbRecordForm *self)
{
}

/**
 * fb_record_form_new:
 * @store: where edits are saved
 * @record: the record to edit; the form edits its own copy
 *
 * Returns: (transfer full): a new form
 */
FbRecordForm *
fb_record_form_new (FbStore  *store,
                    FbRecord *record)
{
  FbRecordForm *self;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (FB_IS_RECORD (record), NULL);

  self = g_object_new (FB_TYPE_RECORD_FORM, NULL);
  self->store = g_object_ref (store);
  self->record = fb_record_copy (record);

  return self;
}
