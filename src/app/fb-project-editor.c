/* fb-project-editor.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-project-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-project-editor.h"
#include "fb-record-form.h"
#include "fb-trust-dialog.h"
#include "fb-undo-toast.h"

/* The overview of a project: its description, aim, team and status. Every
 * edit saves itself through an FbRecordForm. */

struct _FbProjectEditor
{
  AdwBin        parent_instance;

  FbStore      *store;
  FbRecordForm *form;
  GListModel   *trusts;

  AdwEntryRow  *title_row;
  AdwComboRow  *trust_row;
  AdwEntryRow  *department_row;
  AdwComboRow  *focus_area_row;
  AdwComboRow  *status_row;
  AdwComboRow  *visibility_row;
  GtkTextView  *problem_view;
  AdwEntryRow  *aim_statement_row;
  AdwEntryRow  *aim_what_row;
  AdwEntryRow  *aim_how_much_row;
  AdwEntryRow  *aim_by_when_row;
  AdwEntryRow  *start_date_row;
  AdwEntryRow  *end_date_row;
  GtkTextView  *team_others_view;
  GtkTextView  *involvement_view;
  GtkSwitch    *archived_switch;
};

G_DEFINE_FINAL_TYPE (FbProjectEditor, fb_project_editor, ADW_TYPE_BIN)

static void
show_toast (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
save_failed_cb (FbProjectEditor *self,
                GError          *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  show_toast (GTK_WIDGET (self), toast);
}

static void
trust_selected_cb (FbProjectEditor *self)
{
  g_autoptr(FbTrust) trust = NULL;
  guint selected = adw_combo_row_get_selected (self->trust_row);

  if (selected == GTK_INVALID_LIST_POSITION ||
      !(trust = g_list_model_get_item (self->trusts, selected)))
    return;

  if (g_strcmp0 (fb_project_get_trust_id (FB_PROJECT (fb_record_form_get_record (self->form))),
                 fb_record_get_id (FB_RECORD (trust))) == 0)
    return;

  fb_project_set_trust_id (FB_PROJECT (fb_record_form_get_record (self->form)),
                           fb_record_get_id (FB_RECORD (trust)));
  fb_record_form_changed (self->form);
}

/* Deleting closes the open project, the editor with it: what the toast
 * needs is taken before. */
typedef struct
{
  GtkWidget *overlay;
  FbRecord  *project;
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  g_clear_object (&deletion->overlay);
  g_object_unref (deletion->project);
  g_free (deletion);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Deletion, deletion_free)

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Deletion) deletion = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (deletion->overlay == NULL)
    return;

  if (!fb_store_delete_finish (FB_STORE (object), result, &error))
    {
      title = g_markup_escape_text (error->message, -1);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (deletion->overlay), toast);
      return;
    }

  title = g_strdup_printf (_("“%s” was deleted"), fb_project_get_title (FB_PROJECT (deletion->project)));
  fb_undo_toast_add (ADW_TOAST_OVERLAY (deletion->overlay), FB_STORE (object), deletion->project, title);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FbProjectEditor *self = FB_PROJECT_EDITOR (widget);
  Deletion *deletion = g_new0 (Deletion, 1);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  deletion->overlay = overlay ? g_object_ref (overlay) : NULL;

  /* The last edits are queued first, so that Undo brings them back. */
  fb_record_form_flush (self->form, NULL);
  deletion->project = fb_record_copy (fb_record_form_get_record (self->form));
  fb_store_delete_async (self->store, deletion->project, NULL, deleted_cb, deletion);
}

static void
select_trust (FbProjectEditor *self,
              const char      *trust_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->trusts); i++)
    {
      g_autoptr(FbRecord) trust = g_list_model_get_item (self->trusts, i);

      if (g_strcmp0 (fb_record_get_id (trust), trust_id) == 0)
        {
          adw_combo_row_set_selected (self->trust_row, i);
          return;
        }
    }
}

static void
trust_added_cb (FbProjectEditor *self,
                FbTrust         *trust)
{
  select_trust (self, fb_record_get_id (FB_RECORD (trust)));
}

static void
new_trust_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FbProjectEditor *self = FB_PROJECT_EDITOR (widget);
  FbTrustDialog *dialog = fb_trust_dialog_new (self->store);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "trust-added", G_CALLBACK (trust_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fb_project_editor_dispose (GObject *object)
{
  FbProjectEditor *self = (FbProjectEditor *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_PROJECT_EDITOR);
  /* Disposing the form saves whatever was typed last. */
  g_clear_object (&self->form);
  g_clear_object (&self->trusts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_project_editor_parent_class)->dispose (object);
}

static void
fb_project_editor_class_init (FbProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_project_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, trust_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, focus_area_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, problem_view);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, aim_statement_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, aim_what_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, aim_how_much_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, aim_by_when_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, team_others_view);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, involvement_view);
  gtk_widget_class_bind_template_child (widget_class, FbProjectEditor, archived_switch);

  gtk_widget_class_install_action (widget_class, "project.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "project.new-trust", NULL, new_trust_action);
}

static void
fb_project_editor_init (FbProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
setup_trusts (FbProjectEditor *self,
              FbProject       *project)
{
  GtkExpression *name = gtk_property_expression_new (FB_TYPE_TRUST, NULL, "name");

  self->trusts = fb_store_list_trusts (self->store);
  adw_combo_row_set_expression (self->trust_row, name);
  adw_combo_row_set_model (self->trust_row, self->trusts);
  gtk_expression_unref (name);
  select_trust (self, fb_project_get_trust_id (project));

  g_signal_connect_object (self->trust_row, "notify::selected",
                           G_CALLBACK (trust_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * fb_project_editor_new:
 * @store: where edits are saved
 * @project: the project to edit
 *
 * Returns: (transfer full): the editor
 */
GtkWidget *
fb_project_editor_new (FbStore   *store,
                       FbProject *project)
{
  FbProjectEditor *self;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (FB_IS_PROJECT (project), NULL);

  self = g_object_new (FB_TYPE_PROJECT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->form = fb_record_form_new (store, FB_RECORD (project));
  g_signal_connect_object (self->form, "save-failed", G_CALLBACK (save_failed_cb), self,
                           G_CONNECT_SWAPPED);

  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->title_row), "title");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->department_row), "department");
  fb_record_form_bind_combo (self->form, self->focus_area_row, "focus-area");
  fb_record_form_bind_combo (self->form, self->status_row, "status");
  fb_record_form_bind_combo (self->form, self->visibility_row, "visibility");
  fb_record_form_bind_text_view (self->form, self->problem_view, "problem");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->aim_statement_row),
                                "aim-statement");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->aim_what_row), "aim-what");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->aim_how_much_row), "aim-how-much");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->aim_by_when_row), "aim-by-when");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->start_date_row), "start-date");
  fb_record_form_bind_editable (self->form, GTK_EDITABLE (self->end_date_row), "end-date");
  fb_record_form_bind_text_view (self->form, self->team_others_view, "team-others");
  fb_record_form_bind_text_view (self->form, self->involvement_view, "patient-involvement");
  fb_record_form_bind_switch (self->form, self->archived_switch, "archived");
  setup_trusts (self, project);

  return GTK_WIDGET (self);
}

/**
 * fb_project_editor_flush:
 * @self: a #FbProjectEditor
 * @error: return location for a #GError
 *
 * Hands pending edits to the store now (before the window closes, say).
 *
 * Returns: %TRUE when everything typed is valid and queued for saving
 */
gboolean
fb_project_editor_flush (FbProjectEditor  *self,
                         GError          **error)
{
  g_return_val_if_fail (FB_IS_PROJECT_EDITOR (self), FALSE);

  return fb_record_form_flush (self->form, error);
}
