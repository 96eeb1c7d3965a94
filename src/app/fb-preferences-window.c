/* fb-preferences-window.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-preferences-window.h"

/* The app's settings, each bound straight to its GSettings key. */

struct _FbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *rules_row;
  GtkSwitch            *archived_switch;
};

G_DEFINE_FINAL_TYPE (FbPreferencesWindow, fb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the rules in the order of the key's choices. */
static const char * const rules[] = { "anhoej", "ihi" };

static gboolean
rules_to_row (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i], nick) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
row_to_rules (const GValue       *value,
              const GVariantType *type,
              gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (rules))
    return NULL;

  return g_variant_new_string (rules[selected]);
}

static void
fb_preferences_window_dispose (GObject *object)
{
  FbPreferencesWindow *self = (FbPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fb_preferences_window_parent_class)->dispose (object);
}

static void
fb_preferences_window_class_init (FbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FbPreferencesWindow, rules_row);
  gtk_widget_class_bind_template_child (widget_class, FbPreferencesWindow, archived_switch);
}

static void
fb_preferences_window_init (FbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "runs-rules", self->rules_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, rules_to_row, row_to_rules, NULL, NULL);
  g_settings_bind (self->settings, "show-archived", self->archived_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
fb_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (FB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
