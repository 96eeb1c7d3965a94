/* fb-application.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-application.h"
#include "fb-preferences-window.h"
#include "fb-window.h"

struct _FbApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  guint           n_writing;
  gboolean        quit_pending;
};

G_DEFINE_FINAL_TYPE (FbApplication, fb_application, ADW_TYPE_APPLICATION)

static void
fb_application_activate (GApplication *app)
{
  FbApplication *self = FB_APPLICATION (app);
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (app))))
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (fb_window_new (self, self->db_path));
  gtk_window_present (window);
}

static int
fb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  FbApplication *self = FB_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("forbedring %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      self->db_path = g_file_get_path (file);
      /* Another database means another instance, not the running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  FbApplication *self = user_data;
  static const char *developers[] = { "The Forbedring developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", "Forbedring",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Document hospital improvement work with run charts "
                                       "and PDSA cycles."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (fb_preferences_window_new (parent)));
}

/* The store notifies when it starts writing and when it has written
 * everything: the application stays alive in between, so that closing the
 * last window or quitting never drops an edit still on its way to disk. */
static void
store_pending_writes_cb (FbStore       *store,
                         GParamSpec    *pspec,
                         FbApplication *self)
{
  if (fb_store_get_pending_writes (store) > 0)
    {
      self->n_writing++;
      g_application_hold (G_APPLICATION (self));
      return;
    }

  g_return_if_fail (self->n_writing > 0);
  self->n_writing--;
  g_application_release (G_APPLICATION (self));

  if (self->n_writing == 0 && self->quit_pending)
    g_application_quit (G_APPLICATION (self));
}

/**
 * fb_application_watch_store:
 * @self: a #FbApplication
 * @store: a store a window has opened, not writing yet
 *
 * Keeps the application running while @store has writes queued.
 */
void
fb_application_watch_store (FbApplication *self,
                            FbStore       *store)
{
  g_return_if_fail (FB_IS_APPLICATION (self));
  g_return_if_fail (FB_IS_STORE (store));

  g_signal_connect_object (store, "notify::pending-writes",
                           G_CALLBACK (store_pending_writes_cb), self, 0);
  if (fb_store_get_pending_writes (store) > 0)
    store_pending_writes_cb (store, NULL, self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  FbApplication *self = FB_APPLICATION (app);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it store its size; edits are saved as typed. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }

  /* Closing saved the last edits; quit once they are written. */
  if (self->n_writing > 0)
    self->quit_pending = TRUE;
  else
    g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
fb_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (fb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
fb_application_finalize (GObject *object)
{
  FbApplication *self = (FbApplication *)object;

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (fb_application_parent_class)->finalize (object);
}

static void
fb_application_class_init (FbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = fb_application_finalize;

  app_class->activate = fb_application_activate;
  app_class->startup = fb_application_startup;
  app_class->handle_local_options = fb_application_handle_local_options;
}

static void
fb_application_init (FbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database file"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

FbApplication *
fb_application_new (void)
{
  return g_object_new (FB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/forbedring/Forbedring",
                       NULL);
}
