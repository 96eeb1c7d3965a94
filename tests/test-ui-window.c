/* test-ui-window.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fb-window.h"
#include "fb-test-ui.h"

/* Drives the real window in-process against a real database in a temp
 * dir: empty state, loading the sample data, live updates, and a
 * database it must refuse. */

static char *
make_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fb-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "forbedring.db", NULL);
}

static gboolean
store_open (gpointer data)
{
  return fb_window_get_store (data) != NULL;
}

static const char *
visible_page (FbWindow *window)
{
  GtkWidget *stack = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK, "pages");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static guint
listed_projects (FbWindow *window)
{
  GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
  GtkSelectionModel *model;

  g_assert_nonnull (list);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

static gboolean
fifteen_listed (gpointer data)
{
  return listed_projects (data) == 15;
}

static gboolean
page_is_select (gpointer data)
{
  return g_strcmp0 (visible_page (data), "select") == 0;
}

static FbWindow *
open_window (const char *path)
{
  FbWindow *window = fb_window_new (NULL, path);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
close_window (FbWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_empty_state_loads_sample_data (void)
{
  g_autofree char *path = make_db_path ();
  FbWindow *window = open_window (path);

  fb_test_spin_until (store_open, window);
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpuint (listed_projects (window), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL);
  fb_test_spin_until (fifteen_listed, window);
  fb_test_spin_until (page_is_select, window);

  /* The data went into the database, not only into the view. */
  g_assert_cmpint (fb_store_count (fb_window_get_store (window), FB_TYPE_PROJECT), ==, 15);
  g_assert_cmpint (fb_store_count (fb_window_get_store (window), FB_TYPE_DATA_POINT), >, 900);

  /* Opening projects one after another builds and disposes their pages
   * (overview, measures with chart and grid, PDSA cycles) cleanly. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);

      g_signal_emit_by_name (list, "activate", i);
      g_assert_cmpstr (visible_page (window), ==, "project");
      for (guint k = 0; k < 20; k++)
        g_main_context_iteration (NULL, FALSE);
    }

  /* The shortcuts' actions add a measure and a PDSA cycle to the open
   * project, switching to their views. */
  {
    FbStore *store = fb_window_get_store (window);
    gint64 measures = fb_store_count (store, FB_TYPE_MEASURE);
    gint64 cycles = fb_store_count (store, FB_TYPE_PDSA_CYCLE);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-measure", NULL);
    fb_test_wait_for_writes (store);
    g_assert_cmpint (fb_store_count (store, FB_TYPE_MEASURE), ==, measures + 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL);
    fb_test_wait_for_writes (store);
    g_assert_cmpint (fb_store_count (store, FB_TYPE_PDSA_CYCLE), ==, cycles + 1);
    for (guint k = 0; k < 20; k++)
      g_main_context_iteration (NULL, FALSE);
  }

  close_window (window);
}

static gboolean
one_listed (gpointer data)
{
  return listed_projects (data) == 1;
}

static gboolean
none_listed (gpointer data)
{
  return listed_projects (data) == 0;
}

static void
test_list_follows_the_store (void)
{
  g_autofree char *path = make_db_path ();
  FbWindow *window = open_window (path);
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(GError) error = NULL;
  FbStore *store;

  fb_test_spin_until (store_open, window);
  store = fb_window_get_store (window);

  fb_trust_set_name (trust, "Testsykehuset HF");
  fb_project_set_title (project, "Færre fall om natten");
  fb_project_set_trust_id (project, fb_record_get_id (FB_RECORD (trust)));
  fb_store_save (store, FB_RECORD (trust), &error);
  g_assert_no_error (error);
  fb_store_save (store, FB_RECORD (project), &error);
  g_assert_no_error (error);

  fb_test_spin_until (one_listed, window);
  fb_test_spin_until (page_is_select, window);

  fb_store_delete (store, FB_RECORD (project), &error);
  g_assert_no_error (error);
  fb_test_spin_until (none_listed, window);
  g_assert_cmpstr (visible_page (window), ==, "empty");

  close_window (window);
}

static gboolean
page_is_error (gpointer data)
{
  return g_strcmp0 (visible_page (data), "error") == 0;
}

static void
test_newer_database_is_refused (void)
{
  g_autofree char *path = make_db_path ();
  FbWindow *window;
  AdwStatusPage *page;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1178747986; "
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  window = open_window (path);
  fb_test_spin_until (page_is_error, window);

  page = ADW_STATUS_PAGE (fb_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "error-page"));
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "newer version"));
  g_assert_null (fb_window_get_store (window));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK finds the MIME database, and so
   * its icons, through XDG_DATA_DIRS. The database is in a temp dir. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/window/empty-state-loads-sample-data", test_empty_state_loads_sample_data);
  g_test_add_func ("/ui/window/list-follows-the-store", test_list_follows_the_store);
  g_test_add_func ("/ui/window/newer-database-is-refused", test_newer_database_is_refused);

  return g_test_run ();
}
