/* fb-project-row.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-project-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-project-row.h"

/* One project in the project list: its title, and under it its status and
 * trust. */

struct _FbProjectRow
{
  GtkWidget   parent_instance;

  FbStore    *store;
  FbProject  *project;
  GSignalGroup *signals;

  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
};

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbProjectRow, fb_project_row, GTK_TYPE_WIDGET)

static void
update (FbProjectRow *self)
{
  g_autofree char *trust = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  const char *status;
  const char *focus;

  if (self->project == NULL)
    return;

  trust = fb_store_dup_trust_name (self->store, fb_project_get_trust_id (self->project));
  status = fb_project_status_get_label (fb_project_get_status (self->project));
  focus = fb_focus_area_get_label (fb_project_get_focus_area (self->project));

  /* Translators: status and trust under a project's title */
  subtitle = *trust ? g_strdup_printf (_("%s · %s"), status, trust) : g_strdup (status);

  gtk_label_set_label (self->title_label, fb_project_get_title (self->project));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), fb_project_get_title (self->project));

  accessible = g_strdup_printf ("%s. %s. %s", fb_project_get_title (self->project),
                                subtitle, focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
project_notify_cb (FbProjectRow *self)
{
  update (self);
}

static void
fb_project_row_dispose (GObject *object)
{
  FbProjectRow *self = (FbProjectRow *)object;
  GtkWidget *child;

  /* A plain GtkWidget parent unparents its template children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->signals);
  g_clear_object (&self->project);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_project_row_parent_class)->dispose (object);
}

static void
fb_project_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FbProjectRow *self = FB_PROJECT_ROW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_project_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FbProjectRow *self = FB_PROJECT_ROW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      fb_project_row_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_project_row_class_init (FbProjectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_project_row_dispose;
  object_class->get_property = fb_project_row_get_property;
  object_class->set_property = fb_project_row_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         FB_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-project-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FbProjectRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FbProjectRow, subtitle_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "projectrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fb_project_row_init (FbProjectRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signals = g_signal_group_new (FB_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (project_notify_cb), self);
}

GtkWidget *
fb_project_row_new (FbStore *store)
{
  FbProjectRow *self = g_object_new (FB_TYPE_PROJECT_ROW, NULL);

  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}

FbProject *
fb_project_row_get_project (FbProjectRow *self)
{
  g_return_val_if_fail (FB_IS_PROJECT_ROW (self), NULL);

  return self->project;
}

void
fb_project_row_set_project (FbProjectRow *self,
                            FbProject    *project)
{
  g_return_if_fail (FB_IS_PROJECT_ROW (self));
  g_return_if_fail (!project || FB_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_signal_group_set_target (self->signals, project);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}
