/* test-ui-workspace.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fb-application.h"
#include "fb-chart-view.h"
#include "fb-data-grid.h"
#include "fb-measures-page.h"
#include "fb-project-editor.h"
#include "fb-project-page.h"
#include "fb-store-private.h"
#include "fb-test-ui.h"
#include "fb-window.h"

/* One working session end to end, in-process, against the real window and
 * a real database in a temp dir: a new project is named in its overview,
 * a measure gets twelve weeks of data through the grid and the chart and
 * its summary follow, then the project is deleted and brought back with
 * the toast's Undo. Each step is checked in the store and on screen. */

#define N_WEEKS 12

typedef struct
{
  char     *dir;
  FbWindow *window;
} Fixture;

static void
spin_until (gboolean (*done) (Fixture *),
            Fixture   *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets timeouts run (the forms save 400 ms after the last keystroke). */
static void
spin_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_descendant (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GtkWidget *found = find_descendant (widget, type, name);

  if (found == NULL)
    g_error ("No %s%s%s under %s", g_type_name (type), name ? " named " : "", name ? name : "",
             G_OBJECT_TYPE_NAME (widget));

  return found;
}

/* The editable whose text is @text, the first in tree order. */
static GtkWidget *
find_editable_with_text (GtkWidget  *widget,
                         const char *text)
{
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editable_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static FbStore *
store_of (Fixture *f)
{
  return fb_window_get_store (f->window);
}

static gboolean
store_open (Fixture *f)
{
  return store_of (f) != NULL;
}

static const char *
visible_page (Fixture *f)
{
  GtkWidget *stack = get_descendant (GTK_WIDGET (f->window), GTK_TYPE_STACK, "pages");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The project list: the list view in the leaflet's first page, outside
 * any popover (combo rows and drop-downs have theirs, and the leaflet
 * may order the content's widgets before the sidebar's). */
static GtkWidget *
find_sidebar_list (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return NULL;

  if (GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GListModel *
sidebar_model (Fixture *f)
{
  GtkWidget *leaflet = get_descendant (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, NULL);
  g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (ADW_LEAFLET (leaflet));
  g_autoptr(AdwLeafletPage) sidebar = g_list_model_get_item (G_LIST_MODEL (pages), 0);
  GtkWidget *list = find_sidebar_list (adw_leaflet_page_get_child (sidebar));

  g_assert_nonnull (list);
  g_assert_true (GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))));

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static gboolean
sidebar_lists (Fixture    *f,
               const char *title)
{
  GListModel *model = sidebar_model (f);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) project = g_list_model_get_item (model, i);

      if (FB_IS_PROJECT (project) &&
          g_strcmp0 (fb_project_get_title (FB_PROJECT (project)), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
project_page (Fixture *f)
{
  return find_descendant (GTK_WIDGET (f->window), FB_TYPE_PROJECT_PAGE, NULL);
}

static gboolean
project_page_shown (Fixture *f)
{
  return project_page (f) != NULL && g_strcmp0 (visible_page (f), "project") == 0;
}

static GtkWidget *
measures_page (Fixture *f)
{
  return get_descendant (project_page (f), FB_TYPE_MEASURES_PAGE, NULL);
}

static gboolean
draft_row_shown (Fixture *f)
{
  GtkWidget *grid = find_descendant (measures_page (f), FB_TYPE_DATA_GRID, NULL);

  return grid != NULL && find_descendant (grid, GTK_TYPE_TEXT, "draft-value") != NULL;
}

/* The label under the chart, beside it in the same box. */
static GtkLabel *
summary_label (Fixture *f)
{
  GtkWidget *chart = get_descendant (measures_page (f), FB_TYPE_CHART_VIEW, NULL);
  GtkWidget *bin = gtk_widget_get_parent (chart);
  GtkWidget *label = gtk_widget_get_next_sibling (bin);

  g_assert_true (GTK_IS_LABEL (label));
  return GTK_LABEL (label);
}

static char *
dup_open_project_id (Fixture *f)
{
  GListModel *projects = fb_store_list_projects (store_of (f));
  g_autoptr(FbProject) project = NULL;
  char *id;

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  project = g_list_model_get_item (projects, 0);
  id = g_strdup (fb_record_get_id (FB_RECORD (project)));
  g_object_unref (projects);

  return id;
}

static gboolean
summary_has_twelve (Fixture *f)
{
  return strstr (gtk_label_get_label (summary_label (f)), "12 points") != NULL;
}

static gboolean
sidebar_has_title (Fixture *f)
{
  return sidebar_lists (f, "Færre trykksår");
}

static gboolean
sidebar_lacks_title (Fixture *f)
{
  return !sidebar_has_title (f);
}

static gboolean
undo_shown (Fixture *f)
{
  return fb_test_find_button (GTK_WIDGET (f->window), "_Undo") != NULL;
}

static gboolean
window_mapped (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("fb-ui-workspace-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "forbedring.db", NULL);

  f->window = g_object_ref_sink (fb_window_new (NULL, path));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_until (store_open, f);
  spin_until (window_mapped, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  spin_for (50);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
type_new_title (Fixture *f)
{
  GtkWidget *editor = get_descendant (project_page (f), FB_TYPE_PROJECT_EDITOR, NULL);
  GtkWidget *title_row = find_editable_with_text (editor, "Untitled project");
  g_autofree char *id = NULL;
  g_autoptr(FbRecord) saved = NULL;

  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Færre trykksår");

  /* Saved after the typing pause, in the database and in the sidebar. */
  spin_for (600);
  id = dup_open_project_id (f);
  saved = fb_store_get_record (store_of (f), FB_TYPE_PROJECT, id, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (saved)), ==, "Færre trykksår");
  spin_until (sidebar_has_title, f);
}

static void
type_twelve_weeks (Fixture *f)
{
  GtkWidget *grid = get_descendant (measures_page (f), FB_TYPE_DATA_GRID, NULL);
  FbChartView *chart;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 6, G_DATE_JANUARY, 2025);

  for (guint i = 0; i < N_WEEKS; i++)
    {
      char period[11];
      g_autofree char *value = g_strdup_printf ("%u", 20 + (i * 7) % 11);

      g_date_strftime (period, sizeof period, "%Y-%m-%d", &date);
      gtk_editable_set_text (GTK_EDITABLE (get_descendant (grid, GTK_TYPE_TEXT, "draft-period")),
                             period);
      gtk_editable_set_text (GTK_EDITABLE (get_descendant (grid, GTK_TYPE_TEXT, "draft-value")),
                             value);
      gtk_editable_set_text (GTK_EDITABLE (get_descendant (grid, GTK_TYPE_TEXT,
                                                           "draft-denominator")),
                             "40");
      /* What GtkText does on Enter. */
      g_signal_emit_by_name (get_descendant (grid, GTK_TYPE_TEXT, "draft-value"), "activate");
      /* The next week is typed at once, while the store still writes. */
      g_date_add_days (&date, 7);
    }

  fb_test_wait_for_writes (store_of (f));
  g_assert_cmpint (fb_store_count (store_of (f), FB_TYPE_DATA_POINT), ==, N_WEEKS);

  spin_until (summary_has_twelve, f);
  chart = FB_CHART_VIEW (get_descendant (measures_page (f), FB_TYPE_CHART_VIEW, NULL));
  g_assert_nonnull (fb_chart_view_get_analysis (chart));
  g_assert_cmpstr (fb_analysis_get_summary (fb_chart_view_get_analysis (chart)), ==,
                   gtk_label_get_label (summary_label (f)));
  /* Without a highlighted point, the accessible description sums it up. */
  {
    g_autofree char *mismatch =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          gtk_label_get_label (summary_label (f)));

    g_assert_cmpstr (mismatch, ==, NULL);
  }
}

static void
test_project_measure_delete_undo (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *view_stack;
  GtkWidget *undo;
  g_autofree char *id = NULL;

  g_assert_cmpstr (visible_page (f), ==, "empty");

  /* A new project opens in the overview; a name is typed. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-project", NULL);
  spin_until (project_page_shown, f);
  g_assert_cmpint (fb_store_count (store_of (f), FB_TYPE_PROJECT), ==, 1);
  type_new_title (f);
  id = dup_open_project_id (f);

  /* Measures: a new one, empty at first. */
  view_stack = get_descendant (project_page (f), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "measures");
  g_assert_true (gtk_widget_activate_action (measures_page (f), "measures.new", NULL));
  fb_test_wait_for_writes (store_of (f));
  g_assert_cmpint (fb_store_count (store_of (f), FB_TYPE_MEASURE), ==, 1);
  spin_until (draft_row_shown, f);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (summary_label (f)), "No data yet"));

  /* Twelve weeks typed into the grid: chart and summary follow. */
  type_twelve_weeks (f);

  /* Deleted from the overview: gone from the database and the sidebar,
   * and the window goes back to its empty state. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "overview");
  g_assert_true (gtk_widget_activate_action (get_descendant (project_page (f),
                                                             FB_TYPE_PROJECT_EDITOR, NULL),
                                             "project.delete", NULL));
  fb_test_wait_for_writes (store_of (f));
  g_assert_cmpint (fb_store_count (store_of (f), FB_TYPE_PROJECT), ==, 0);
  spin_until (sidebar_lacks_title, f);
  g_assert_null (project_page (f));
  g_assert_true (g_strcmp0 (visible_page (f), "empty") == 0 ||
                 g_strcmp0 (visible_page (f), "select") == 0);

  /* The toast's Undo brings it back, title and all. */
  spin_until (undo_shown, f);
  undo = fb_test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  spin_until (sidebar_has_title, f);
  g_assert_cmpint (fb_store_count (store_of (f), FB_TYPE_PROJECT), ==, 1);
  {
    g_autoptr(FbRecord) back = fb_store_get_record (store_of (f), FB_TYPE_PROJECT, id, NULL);

    g_assert_nonnull (back);
    g_assert_cmpstr (fb_project_get_title (FB_PROJECT (back)), ==, "Færre trykksår");
  }
  g_assert_cmpstr (visible_page (f), ==, "select");
}

/* Quitting right after typing: the edit is still waiting for the typing
 * pause. Closing the window hands it to the store, and the application
 * must not end before it is written. The store's lock is held for a while
 * so the write cannot finish early by chance: only an application that
 * waits runs its main loop long enough to let go of it. */

typedef struct
{
  Fixture   f;
  FbStore  *store;
  char     *id;
  gboolean  typed;
  gboolean  unlocked;
} QuitTest;

static gboolean
unlock_store_cb (gpointer data)
{
  QuitTest *t = data;

  _fb_store_unlock (t->store);
  t->unlocked = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
drive_quit_cb (gpointer data)
{
  QuitTest *t = data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *editor, *title_row;

  if (window == NULL || fb_window_get_store (FB_WINDOW (window)) == NULL)
    return G_SOURCE_CONTINUE;

  t->f.window = FB_WINDOW (window);
  if (project_page (&t->f) == NULL)
    {
      if (!t->typed)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL);
      t->typed = TRUE;
      return G_SOURCE_CONTINUE;
    }

  editor = get_descendant (project_page (&t->f), FB_TYPE_PROJECT_EDITOR, NULL);
  title_row = find_editable_with_text (editor, "Untitled project");
  g_assert_nonnull (title_row);

  t->store = g_object_ref (fb_window_get_store (FB_WINDOW (window)));
  t->id = dup_open_project_id (&t->f);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Lukket straks");

  _fb_store_lock (t->store);
  g_timeout_add (300, unlock_store_cb, t);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  t->f.window = NULL;

  return G_SOURCE_REMOVE;
}

static void
test_quit_keeps_last_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fb-ui-quit-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "forbedring.db", NULL);
  g_autoptr(FbApplication) app = fb_application_new ();
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) saved = NULL;
  char *argv[] = { (char *)"forbedring", (char *)"--db", path, NULL };
  QuitTest t = { 0, };
  int status;

  g_assert_no_error (error);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (20, drive_quit_cb, &t);

  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_assert_cmpint (status, ==, 0);

  /* The loop ran until the edit was written, not merely queued. */
  g_assert_true (t.unlocked);
  g_assert_nonnull (t.store);
  g_assert_cmpuint (fb_store_get_pending_writes (t.store), ==, 0);
  g_clear_object (&t.store);

  store = fb_store_open (path, &error);
  g_assert_no_error (error);
  saved = fb_store_get_record (store, FB_TYPE_PROJECT, t.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (saved)), ==, "Lukket straks");

  g_clear_object (&store);
  g_free (t.id);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK finds the MIME database, and so
   * its icons, through XDG_DATA_DIRS. The database is in a temp dir. */
  g_test_init (&argc, &argv, NULL);
  /* The test accessibility backend keeps the accessible properties for
   * gtk_test_accessible_check_property () without a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/ui/workspace/project-measure-delete-undo", Fixture, NULL,
              fixture_set_up, test_project_measure_delete_undo, fixture_tear_down);

  g_test_add_func ("/ui/workspace/quit-keeps-last-edit", test_quit_keeps_last_edit);

  return g_test_run ();
}
