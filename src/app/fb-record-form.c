/* fb-record-form.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-record-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fb-record-form.h"

/* Ties the widgets of a form to the fields of one record, so that every
 * edit saves itself: a change is checked by core (fb_record_set_field_from_string
 * and the record's validation), marked on its widget when wrong, and saved
 * a moment after the typing stops — or at once when the form goes away, so
 * closing a window never loses a keystroke.
 *
 * A value that would make the record invalid as a whole (an empty title, an
 * end before the start) is kept out of it and marked, so the record always
 * stays as valid as it came and the other fields still save; marked fields
 * are tried again after every change, since fixing one field (the start
 * date) can make another (the end date) valid. Changes to the record the
 * form was made from (a save elsewhere, a sync) are shown in the fields
 * not being edited. */

#define SAVE_DELAY_MS 400

typedef enum
{
  BINDING_EDITABLE,
  BINDING_TEXT_VIEW,
  BINDING_COMBO,
  BINDING_SWITCH,
} BindingKind;

typedef struct
{
  FbRecordForm *form;
  BindingKind  kind;
  GtkWidget   *widget;
  GObject     *instance;
  gulong       handler;
  char        *field;
  char        *error;
  GValue       kept;
} Binding;

struct _FbRecordForm
{
  GObject     parent_instance;

  FbStore    *store;
  FbRecord   *record;
  FbRecord   *source;
  GPtrArray  *bindings;
  GHashTable *pending;
  GtkLabel   *error_label;
  gulong      source_handler;
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
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_signal_handler (&binding->handler, binding->instance);
  g_clear_object (&binding->instance);
  g_clear_object (&binding->widget);
  g_free (binding->field);
  g_free (binding->error);
  if (G_IS_VALUE (&binding->kept))
    g_value_unset (&binding->kept);
  g_free (binding);
}

static GtkWidget *
mark_target (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row ? row : widget;
}

/* The error label lists each message of the marked fields once. */
static void
update_error_label (FbRecordForm *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->error_label == NULL)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->error == NULL || strstr (text->str, binding->error) != NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, binding->error);
    }

  gtk_label_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
}

static void
mark (FbRecordForm *self,
      Binding      *binding,
      const GError *error)
{
  GtkWidget *target = mark_target (binding->widget);

  g_free (binding->error);
  binding->error = error ? g_strdup (error->message) : NULL;

  if (error != NULL)
    {
      gtk_widget_add_css_class (target, "error");
      gtk_widget_set_tooltip_text (target, error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (target),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      /* A single reference, not a NULL-terminated list. */
      if (self->error_label != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (target),
                                        GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label,
                                        -1);
    }
  else
    {
      gtk_widget_remove_css_class (target, "error");
      gtk_widget_set_tooltip_text (target, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (target),
                                     GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
    }

  update_error_label (self);
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

static char *
dup_widget_text (Binding *binding)
{
  if (binding->kind == BINDING_TEXT_VIEW)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (binding->instance), &start, &end);
      return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (binding->instance), &start, &end, FALSE);
    }

  /* One-line fields are kept without surrounding white space. */
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (binding->widget))));
}

/* Shows the record's value; a text already shown is left alone, so the
 * cursor does not jump. */
static void
load_binding (FbRecordForm *self,
              Binding      *binding)
{
  GParamSpec *pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record),
                                                  binding->field);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  self->loading = TRUE;

  switch (binding->kind)
    {
    case BINDING_EDITABLE:
    case BINDING_TEXT_VIEW:
      text = dup_text_for_field (self->record, pspec);
      shown = binding->kind == BINDING_TEXT_VIEW
        ? dup_widget_text (binding)
        : g_strdup (gtk_editable_get_text (GTK_EDITABLE (binding->widget)));
      if (g_strcmp0 (text, shown) == 0)
        break;
      if (binding->kind == BINDING_TEXT_VIEW)
        gtk_text_buffer_set_text (GTK_TEXT_BUFFER (binding->instance), text, -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (binding->widget), text);
      break;

    case BINDING_COMBO:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (pspec));
        int current = 0;

        g_object_get (self->record, pspec->name, &current, NULL);
        for (guint i = 0; i < klass->n_values; i++)
          if (klass->values[i].value == current)
            adw_combo_row_set_selected (ADW_COMBO_ROW (binding->widget), i);
      }
      break;

    case BINDING_SWITCH:
      {
        gboolean active = FALSE;

        g_object_get (self->record, pspec->name, &active, NULL);
        gtk_switch_set_active (GTK_SWITCH (binding->widget), active);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  self->loading = FALSE;
}

static gboolean
set_from_widget (FbRecordForm  *self,
                 Binding       *binding,
                 GParamSpec    *pspec,
                 GError       **error)
{
  g_autofree char *text = NULL;

  switch (binding->kind)
    {
    case BINDING_EDITABLE:
    case BINDING_TEXT_VIEW:
      text = dup_widget_text (binding);
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
          return TRUE;
        }
      return fb_record_set_field_from_string (self->record, binding->field, text, error);

    case BINDING_COMBO:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (pspec));
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (binding->widget));

        if (selected != GTK_INVALID_LIST_POSITION && selected < klass->n_values)
          g_object_set (self->record, pspec->name, klass->values[selected].value, NULL);
      }
      return TRUE;

    case BINDING_SWITCH:
      g_object_set (self->record, pspec->name,
                    gtk_switch_get_active (GTK_SWITCH (binding->widget)), NULL);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Takes the widget's value into the record, unless it is invalid itself or
 * makes a valid record invalid: then it is marked and the record keeps
 * its old value. Returns: %TRUE if it was taken. */
static gboolean
apply_binding (FbRecordForm *self,
               Binding      *binding)
{
  GParamSpec *pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record),
                                                  binding->field);
  g_autoptr(GError) error = NULL;
  gboolean was_valid = fb_record_validate (self->record, NULL);

  /* What the field held before this edit, kept until it is saved: an
   * invalid text goes back to it, not to whatever was typed on the way. */
  if (!G_IS_VALUE (&binding->kept))
    {
      g_value_init (&binding->kept, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (self->record), pspec->name, &binding->kept);
    }

  if (!set_from_widget (self, binding, pspec, &error) ||
      (was_valid && !fb_record_validate (self->record, &error)))
    {
      g_object_set_property (G_OBJECT (self->record), pspec->name, &binding->kept);
      mark (self, binding, error);
      return FALSE;
    }

  if (binding->error != NULL)
    mark (self, binding, NULL);
  g_hash_table_add (self->pending, (gpointer)g_intern_string (pspec->name));

  return TRUE;
}

static void
widget_changed_cb (Binding *binding)
{
  FbRecordForm *self = binding->form;

  if (self->loading)
    return;

  if (!apply_binding (self, binding))
    return;

  /* A field marked before may fit now (an end date once the start moved). */
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *other = g_ptr_array_index (self->bindings, i);

      if (other != binding && other->error != NULL)
        apply_binding (self, other);
    }

  schedule_save (self);
}

static void
bind (FbRecordForm *self,
      BindingKind   kind,
      GtkWidget    *widget,
      GObject      *instance,
      const char   *signal,
      const char   *field)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->form = self;
  binding->kind = kind;
  binding->widget = g_object_ref (widget);
  binding->instance = g_object_ref (instance);
  binding->field = g_strdup (field);
  g_ptr_array_add (self->bindings, binding);

  /* Marks left by a form that had these widgets before go. */
  mark (self, binding, NULL);
  load_binding (self, binding);

  binding->handler = g_signal_connect_swapped (instance, signal,
                                               G_CALLBACK (widget_changed_cb), binding);
}

void
fb_record_form_bind_editable (FbRecordForm *self,
                              GtkEditable  *editable,
                              const char   *field)
{
  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field));

  bind (self, BINDING_EDITABLE, GTK_WIDGET (editable), G_OBJECT (editable), "changed", field);
}

void
fb_record_form_bind_text_view (FbRecordForm *self,
                               GtkTextView  *text_view,
                               const char   *field)
{
  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));
  g_return_if_fail (fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field));

  bind (self, BINDING_TEXT_VIEW, GTK_WIDGET (text_view),
        G_OBJECT (gtk_text_view_get_buffer (text_view)), "changed", field);
}

void
fb_record_form_bind_combo (FbRecordForm *self,
                           AdwComboRow  *row,
                           const char   *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = NULL;
  GParamSpec *pspec;

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

  self->loading = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  self->loading = FALSE;

  bind (self, BINDING_COMBO, GTK_WIDGET (row), G_OBJECT (row), "notify::selected", field);
}

void
fb_record_form_bind_switch (FbRecordForm *self,
                            GtkSwitch    *toggle,
                            const char   *field)
{
  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_SWITCH (toggle));
  g_return_if_fail (fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record), field));

  bind (self, BINDING_SWITCH, GTK_WIDGET (toggle), G_OBJECT (toggle), "notify::active", field);
}

/**
 * fb_record_form_set_error_label:
 * @self: a #FbRecordForm
 * @label: (nullable): a label for the messages of the marked fields
 *
 * Shows why the marked fields are not saved in @label, hidden while none
 * is marked, and points the fields' error relation at it.
 */
void
fb_record_form_set_error_label (FbRecordForm *self,
                                GtkLabel     *label)
{
  g_return_if_fail (FB_IS_RECORD_FORM (self));
  g_return_if_fail (!label || GTK_IS_LABEL (label));

  g_set_object (&self->error_label, label);
  update_error_label (self);
}

/**
 * fb_record_form_has_errors:
 * @self: a #FbRecordForm
 *
 * Returns: %TRUE if a field holds a value that is marked and not saved
 */
gboolean
fb_record_form_has_errors (FbRecordForm *self)
{
  g_return_val_if_fail (FB_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->bindings->len; i++)
    if (((Binding *)g_ptr_array_index (self->bindings, i))->error != NULL)
      return TRUE;

  return FALSE;
}

/* The record the form came from changed: fields with no edit pending take
 * the new value. */
static void
source_notify_cb (FbRecordForm *self,
                  GParamSpec   *pspec)
{
  g_auto(GValue) theirs = G_VALUE_INIT;
  g_auto(GValue) ours = G_VALUE_INIT;

  if (fb_record_class_find_field (FB_RECORD_GET_CLASS (self->source), pspec->name) == NULL ||
      g_hash_table_contains (self->pending, g_intern_string (pspec->name)))
    return;

  /* Nor fields with an edit marked invalid. */
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (G_IS_VALUE (&binding->kept) && g_str_equal (g_intern_string (binding->field),
                                                       g_intern_string (pspec->name)))
        return;
    }

  g_value_init (&theirs, pspec->value_type);
  g_value_init (&ours, pspec->value_type);
  g_object_get_property (G_OBJECT (self->source), pspec->name, &theirs);
  g_object_get_property (G_OBJECT (self->record), pspec->name, &ours);
  if (g_param_values_cmp (pspec, &theirs, &ours) == 0)
    return;

  g_object_set_property (G_OBJECT (self->record), pspec->name, &theirs);

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);
      GParamSpec *field = fb_record_class_find_field (FB_RECORD_GET_CLASS (self->record),
                                                      binding->field);

      if (field == pspec && binding->error == NULL)
        load_binding (self, binding);
    }
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
  GWeakRef *ref = user_data;
  g_autoptr(FbRecordForm) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);

  if (fb_store_save_finish (FB_STORE (object), result, &error))
    return;

  /* The form went away meanwhile: nobody is left to show it to. */
  if (self == NULL)
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
  GWeakRef *ref;

  g_return_val_if_fail (FB_IS_RECORD_FORM (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty)
    return TRUE;

  /* A record deleted meanwhile is not written back. */
  if (fb_record_get_deleted (self->source))
    {
      self->dirty = FALSE;
      return TRUE;
    }

  if (!fb_record_validate (self->record, error))
    return FALSE;

  /* The store takes its own copy now. No cancellable: an edit once handed
   * over is written, even if the form goes meanwhile. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fb_store_save_async (self->store, self->record, NULL, save_cb, ref);
  self->dirty = FALSE;
  g_hash_table_remove_all (self->pending);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (G_IS_VALUE (&binding->kept))
        g_value_unset (&binding->kept);
    }

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
  g_clear_signal_handler (&self->source_handler, self->source);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->error_label);
  g_clear_object (&self->source);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_record_form_parent_class)->dispose (object);
}

static void
fb_record_form_finalize (GObject *object)
{
  FbRecordForm *self = (FbRecordForm *)object;

  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (fb_record_form_parent_class)->finalize (object);
}

static void
fb_record_form_class_init (FbRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fb_record_form_dispose;
  object_class->finalize = fb_record_form_finalize;

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
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
  self->pending = g_hash_table_new (NULL, NULL);
}

/**
 * fb_record_form_new:
 * @store: where edits are saved
 * @record: the record to edit; the form edits its own copy and shows
 *   the changes @record sees meanwhile in the fields not being edited
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
  self->source = g_object_ref (record);
  self->source_handler = g_signal_connect_swapped (record, "notify",
                                                   G_CALLBACK (source_notify_cb), self);

  return self;
}
