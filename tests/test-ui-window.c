/* test-ui-window.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <gdk/x11/gdkx.h>

#include "fb-project-editor.h"
#include "fb-trust-dialog.h"
#include "fb-window.h"
#include "fb-test-ui.h"

/* Drives the real window in-process against a real database in a temp
 * dir: empty state, loading the sample data, live updates, undoing a
 * deletion, filtering the list and picking or adding a project's trust,
 * and a database it must refuse. */

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
  GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "project-list");
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
      GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "project-list");

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

static void
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Keys typed into @target through the X server, as a person types them;
 * FALSE when that cannot be done here. The window is focused each time: GTK
 * only takes keys once it has seen the focus come in. */
static gboolean
send_keys (GtkWidget  *target,
           const char *command,
           const char *keys)
{
  g_autofree char *program = g_find_program_in_path ("xdotool");
  GtkNative *native = gtk_widget_get_native (target);
  g_autofree char *xid = NULL;
  GtkWidget *focus;

  if (program == NULL || !GDK_IS_X11_DISPLAY (gtk_widget_get_display (target)))
    return FALSE;

  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  {
    const char *argv[] = { program, "windowfocus", "--sync", xid, NULL };

    run_xdotool (argv);
  }
  fb_test_spin_a_while ();
  /* Not again: an entry selects all its text when it takes the focus. */
  focus = gtk_root_get_focus (GTK_ROOT (native));
  if (focus != target && !gtk_widget_is_ancestor (focus, target))
    gtk_widget_grab_focus (target);
  {
    const char *argv[] = { program, command, keys, NULL };

    run_xdotool (argv);
  }

  return TRUE;
}

static gboolean
undo_shown (gpointer data)
{
  return fb_test_find_button (data, "_Undo") != NULL;
}

static gboolean
undo_gone (gpointer data)
{
  return !undo_shown (data);
}

static gboolean
search_is_empty (gpointer data)
{
  GtkWidget *entry = fb_test_find_descendant (data, GTK_TYPE_SEARCH_ENTRY, "search-entry");

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "") == 0;
}

static gboolean
search_has_fall (gpointer data)
{
  GtkWidget *entry = fb_test_find_descendant (data, GTK_TYPE_SEARCH_ENTRY, "search-entry");

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "fall") == 0;
}

static void
delete_open_project (FbWindow *window)
{
  GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "project-list");
  GtkWidget *editor;

  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (visible_page (window), ==, "project");
  editor = fb_test_find_descendant (GTK_WIDGET (window), FB_TYPE_PROJECT_EDITOR, NULL);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_activate_action (editor, "project.delete", NULL));
  fb_test_spin_until (none_listed, window);
  g_assert_cmpint (fb_store_count (fb_window_get_store (window), FB_TYPE_PROJECT), ==, 0);
}

static void
test_undo_deletion (void)
{
  g_autofree char *path = make_db_path ();
  FbWindow *window = open_window (path);
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *search;
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

  /* The window's undo action brings a deleted project back and dismisses
   * the toast, after which there is nothing left to undo. */
  delete_open_project (window);
  g_assert_true (undo_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fb_test_spin_until (one_listed, window);
  back = fb_store_get_record (store, FB_TYPE_PROJECT, fb_record_get_id (FB_RECORD (project)),
                              &error);
  g_assert_no_error (error);
  g_assert_false (fb_record_get_deleted (back));
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (back)), ==, "Færre fall om natten");
  fb_test_spin_until (undo_gone, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);

  /* With the keyboard: Ctrl+Z in the search entry undoes what was typed
   * there and leaves the deletion alone; outside it, it undoes the
   * deletion. */
  delete_open_project (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  search = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, "search-entry");
  if (!send_keys (search, "type", "fall"))
    {
      g_test_skip ("No xdotool or no X11 display to type with");
      close_window (window);
      return;
    }
  fb_test_spin_until (search_has_fall, window);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));
  send_keys (search, "key", "ctrl+z");
  fb_test_spin_until (search_is_empty, window);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 0);
  g_assert_true (undo_shown (window));

  send_keys (fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "project-list"),
             "key", "ctrl+z");
  fb_test_spin_until (one_listed, window);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  fb_test_spin_until (undo_gone, window);

  close_window (window);
}

static guint
string_position (GListModel *model,
                 const char *string)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), string) == 0)
      return i;

  g_error ("“%s” is not listed", string);
}

static void
pick (FbWindow   *window,
      const char *name,
      const char *label)
{
  GtkWidget *drop_down = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, name);

  g_assert_nonnull (drop_down);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                              string_position (gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down)),
                                               label));
}

static FbRecord *
add_project (FbStore         *store,
             const char      *title,
             FbRecord        *trust,
             FbProjectStatus  status,
             FbFocusArea      focus_area)
{
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(GError) error = NULL;

  fb_project_set_title (project, title);
  fb_project_set_trust_id (project, fb_record_get_id (trust));
  fb_project_set_status (project, status);
  fb_project_set_focus_area (project, focus_area);
  fb_store_save (store, FB_RECORD (project), &error);
  g_assert_no_error (error);

  return FB_RECORD (g_steal_pointer (&project));
}

static gboolean
three_listed (gpointer data)
{
  return listed_projects (data) == 3;
}

static FbTrustDialog *
find_trust_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (FB_IS_TRUST_DIALOG (window))
        return FB_TRUST_DIALOG (window);
    }

  return NULL;
}

static const char *
stored_trust_id (FbStore  *store,
                 FbRecord *project)
{
  g_autoptr(FbRecord) stored = fb_store_get_record (store, FB_TYPE_PROJECT,
                                                    fb_record_get_id (project), NULL);
  static char id[64];

  g_assert_nonnull (stored);
  g_strlcpy (id, fb_project_get_trust_id (FB_PROJECT (stored)), sizeof id);
  return id;
}

typedef struct
{
  FbWindow *window;
  guint     n;
} Listed;

static gboolean
listed_cb (gpointer data)
{
  Listed *listed = data;

  return listed_projects (listed->window) == listed->n;
}

/* The list follows the filter within the test's patience. */
static void
assert_listed (FbWindow *window,
               guint     n)
{
  Listed listed = { window, n };

  fb_test_spin_until (listed_cb, &listed);
}

static gboolean
trust_dialog_closed (gpointer data)
{
  return find_trust_dialog () == NULL;
}

static void
test_filter_and_pick_trust (void)
{
  g_autofree char *path = make_db_path ();
  FbWindow *window = open_window (path);
  g_autoptr(FbRecord) ahus = NULL;
  g_autoptr(FbRecord) vestre = NULL;
  g_autoptr(FbRecord) falls = NULL;
  g_autoptr(FbRecord) sepsis = NULL;
  g_autoptr(FbRecord) done = NULL;
  g_autoptr(FbRecord) innlandet = NULL;
  g_autoptr(GError) error = NULL;
  FbTrustDialog *dialog;
  GtkWidget *list, *editor;
  AdwComboRow *trust_row;
  FbStore *store;
  guint n_regions;
  const FbRegion *regions = fb_region_get_all (&n_regions);

  fb_test_spin_until (store_open, window);
  store = fb_window_get_store (window);

  ahus = fb_store_add_trust (store, "Akershus universitetssykehus HF", regions[0].id, &error);
  g_assert_no_error (error);
  vestre = fb_store_add_trust (store, "Sykehuset i Vestfold HF", regions[0].id, &error);
  g_assert_no_error (error);
  falls = add_project (store, "Færre fall", ahus, FB_PROJECT_STATUS_TESTING, FB_FOCUS_AREA_FALLS);
  sepsis = add_project (store, "Tidlig sepsis", vestre, FB_PROJECT_STATUS_PLANNING,
                        FB_FOCUS_AREA_SEPSIS);
  done = add_project (store, "Sepsis på akutten", ahus, FB_PROJECT_STATUS_COMPLETED,
                      FB_FOCUS_AREA_SEPSIS);
  fb_test_spin_until (three_listed, window);

  /* Each drop-down narrows the list, and together they all hold. */
  pick (window, "trust-filter", "Akershus universitetssykehus HF");
  assert_listed (window, 2);
  pick (window, "status-filter", fb_project_status_get_label (FB_PROJECT_STATUS_COMPLETED));
  assert_listed (window, 1);
  pick (window, "status-filter", "All statuses");
  pick (window, "focus-area-filter", fb_focus_area_get_label (FB_FOCUS_AREA_SEPSIS));
  assert_listed (window, 1);
  pick (window, "trust-filter", "All trusts");
  assert_listed (window, 2);
  pick (window, "focus-area-filter", "All focus areas");
  assert_listed (window, 3);

  /* "Tidlig sepsis", last by title, opened in its overview. */
  list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "project-list");
  g_signal_emit_by_name (list, "activate", 2);
  editor = fb_test_find_descendant (GTK_WIDGET (window), FB_TYPE_PROJECT_EDITOR, NULL);
  g_assert_nonnull (editor);
  trust_row = ADW_COMBO_ROW (gtk_widget_get_template_child (editor, FB_TYPE_PROJECT_EDITOR,
                                                            "trust_row"));
  g_assert_cmpstr (fb_trust_get_name (adw_combo_row_get_selected_item (trust_row)), ==,
                   "Sykehuset i Vestfold HF");

  /* Picking another trust saves it. */
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (trust_row)); i++)
    {
      g_autoptr(FbRecord) trust = g_list_model_get_item (adw_combo_row_get_model (trust_row), i);

      if (g_strcmp0 (fb_record_get_id (trust), fb_record_get_id (ahus)) == 0)
        adw_combo_row_set_selected (trust_row, i);
    }
  g_assert_true (fb_project_editor_flush (FB_PROJECT_EDITOR (editor), &error));
  g_assert_no_error (error);
  fb_test_wait_for_writes (store);
  g_assert_cmpstr (stored_trust_id (store, sepsis), ==, fb_record_get_id (ahus));

  /* A new trust: a blank name is refused in the dialog, which stays. */
  g_assert_true (gtk_widget_activate_action (editor, "project.new-trust", NULL));
  dialog = find_trust_dialog ();
  g_assert_nonnull (dialog);
  g_assert_null (fb_trust_dialog_get_message (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "trust.add", NULL));
  g_assert_nonnull (fb_trust_dialog_get_message (dialog));
  g_assert_nonnull (strstr (fb_trust_dialog_get_message (dialog), "no name"));
  g_assert_cmpint (fb_store_count (store, FB_TYPE_TRUST), ==, 2);
  g_assert_true (find_trust_dialog () == dialog);

  /* Named, it is added, picked for the project, and offered as a filter. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      FB_TYPE_TRUST_DIALOG,
                                                                      "name_row")),
                         "Sykehuset Innlandet HF");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "trust.add", NULL));
  fb_test_spin_until (trust_dialog_closed, NULL);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_TRUST), ==, 3);
  innlandet = fb_store_find_trust (store, "Sykehuset Innlandet HF");
  g_assert_nonnull (innlandet);
  g_assert_cmpstr (fb_trust_get_region_id (FB_TRUST (innlandet)), ==, regions[0].id);
  g_assert_cmpstr (fb_trust_get_name (adw_combo_row_get_selected_item (trust_row)), ==,
                   "Sykehuset Innlandet HF");
  g_assert_true (fb_project_editor_flush (FB_PROJECT_EDITOR (editor), &error));
  fb_test_wait_for_writes (store);
  g_assert_cmpstr (stored_trust_id (store, sepsis), ==, fb_record_get_id (innlandet));

  pick (window, "trust-filter", "Sykehuset Innlandet HF");
  assert_listed (window, 1);

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
  g_test_add_func ("/ui/window/undo-deletion", test_undo_deletion);
  g_test_add_func ("/ui/window/filter-and-pick-trust", test_filter_and_pick_trust);
  g_test_add_func ("/ui/window/newer-database-is-refused", test_newer_database_is_refused);

  return g_test_run ();
}
