/* fb-project-page.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-project-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-attachments-page.h"
#include "fb-measures-page.h"
#include "fb-pdsa-page.h"
#include "fb-project-editor.h"
#include "fb-project-page.h"

/* One open project: its overview, its measures, its PDSA cycles and its
 * attachments, as views the window's switcher moves between. */

struct _FbProjectPage
{
  AdwBin        parent_instance;

  AdwViewStack *view_stack;
  AdwBin       *overview_bin;
  AdwBin       *measures_bin;
  AdwBin       *cycles_bin;
  AdwBin       *attachments_bin;
};

G_DEFINE_FINAL_TYPE (FbProjectPage, fb_project_page, ADW_TYPE_BIN)

static void
fb_project_page_dispose (GObject *object)
{
  /* The template's root is the bin's child: let the bin drop it once. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), FB_TYPE_PROJECT_PAGE);

  G_OBJECT_CLASS (fb_project_page_parent_class)->dispose (object);
}

static void
fb_project_page_class_init (FbProjectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_project_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-project-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FbProjectPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FbProjectPage, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, FbProjectPage, measures_bin);
  gtk_widget_class_bind_template_child (widget_class, FbProjectPage, cycles_bin);
  gtk_widget_class_bind_template_child (widget_class, FbProjectPage, attachments_bin);
}

static void
fb_project_page_init (FbProjectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fb_project_page_new:
 * @store: the store
 * @project: the project to show
 *
 * Returns: (transfer full): the page
 */
GtkWidget *
fb_project_page_new (FbStore   *store,
                     FbProject *project)
{
  FbProjectPage *self;
  const char *id;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (FB_IS_PROJECT (project), NULL);

  id = fb_record_get_id (FB_RECORD (project));

  self = g_object_new (FB_TYPE_PROJECT_PAGE, NULL);
  adw_bin_set_child (self->overview_bin, fb_project_editor_new (store, project));
  adw_bin_set_child (self->measures_bin, fb_measures_page_new (store, id));
  adw_bin_set_child (self->cycles_bin, fb_pdsa_page_new (store, id));
  adw_bin_set_child (self->attachments_bin, fb_attachments_page_new (store, id));

  return GTK_WIDGET (self);
}

AdwViewStack *
fb_project_page_get_stack (FbProjectPage *self)
{
  g_return_val_if_fail (FB_IS_PROJECT_PAGE (self), NULL);

  return self->view_stack;
}

/**
 * fb_project_page_flush:
 * @self: a #FbProjectPage
 * @error: return location for a #GError
 *
 * Saves what was typed on every view.
 *
 * Returns: %TRUE when everything is saved
 */
gboolean
fb_project_page_flush (FbProjectPage  *self,
                       GError        **error)
{
  g_return_val_if_fail (FB_IS_PROJECT_PAGE (self), FALSE);

  return fb_project_editor_flush (FB_PROJECT_EDITOR (adw_bin_get_child (self->overview_bin)),
                                  error) &&
         fb_measures_page_flush (FB_MEASURES_PAGE (adw_bin_get_child (self->measures_bin)),
                                 error);
}

/**
 * fb_project_page_activate:
 * @self: a #FbProjectPage
 * @view: the view to show: "overview", "measures", "cycles" or "attachments"
 * @action: (nullable): an action of that view to run, e.g. "measures.new"
 *
 * Shows a view and runs one of its actions, for the window's shortcuts.
 *
 * Returns: %TRUE if the action ran (it may be disabled)
 */
gboolean
fb_project_page_activate (FbProjectPage *self,
                          const char    *view,
                          const char    *action)
{
  GtkWidget *child;

  g_return_val_if_fail (FB_IS_PROJECT_PAGE (self), FALSE);

  adw_view_stack_set_visible_child_name (self->view_stack, view);
  child = adw_view_stack_get_visible_child (self->view_stack);

  /* Each view is a bin around its page, which owns the actions. */
  if (action == NULL || !ADW_IS_BIN (child) || adw_bin_get_child (ADW_BIN (child)) == NULL)
    return FALSE;

  return gtk_widget_activate_action (adw_bin_get_child (ADW_BIN (child)), action, NULL);
}
