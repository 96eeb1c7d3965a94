/* test-ui-narrow.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a phone: the sidebar and every page of a project fit in
 * 360 pixels, in whatever language the test runs in. A widget that will not
 * shrink (a label that cannot ellipsize or wrap, a row of buttons) widens the
 * whole window and pushes its right edge off the screen.
 */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fb-project-page.h"
#include "fb-test-ui.h"
#include "fb-window.h"

#define PHONE_WIDTH 360

static gboolean
store_open (gpointer data)
{
  return fb_window_get_store (data) != NULL;
}

static gboolean
projects_listed (gpointer data)
{
  GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (data), GTK_TYPE_LIST_VIEW, "project-list");

  return list != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))) > 0;
}

/* The narrowest the window's content can be, as its layout asks for. */
static int
content_min_width (FbWindow *window)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Names the widest widget under @widget that cannot shrink, for the
 * message of a failing test. */
static void
find_widest (GtkWidget  *widget,
             GtkWidget **widest,
             int        *widest_min)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_get_visible (child) || GTK_IS_POPOVER (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > PHONE_WIDTH && min >= *widest_min)
        {
          *widest = child;
          *widest_min = min;
        }
      find_widest (child, widest, widest_min);
    }
}

static void
assert_fits (FbWindow   *window,
             const char *where)
{
  int min = content_min_width (window);

  if (min > PHONE_WIDTH)
    {
      GtkWidget *widest = NULL;
      int widest_min = 0;

      find_widest (GTK_WIDGET (window), &widest, &widest_min);
      g_test_message ("%s: %d px wide at the least; the deepest widget that wide is a %s",
                      where, min, widest ? G_OBJECT_TYPE_NAME (widest) : "?");
    }
  g_assert_cmpint (min, <=, PHONE_WIDTH);
}

static void
test_every_page_fits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("forbedring-narrow-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "narrow.db", NULL);
  g_autoptr(GFile) demo = fb_demo_dup_builtin ();
  static const char * const views[] = { "overview", "measures", "cycles", "attachments" };
  FbWindow *window;
  GtkWidget *list;
  GtkWidget *page;

  g_assert_no_error (error);
  window = fb_window_new (NULL, path);
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), PHONE_WIDTH, 720);
  gtk_window_present (GTK_WINDOW (window));
  fb_test_spin_until (store_open, window);

  assert_fits (window, "empty state");

  g_assert_true (fb_demo_load (fb_window_get_store (window), demo, NULL, NULL, &error));
  g_assert_no_error (error);
  fb_test_spin_until (projects_listed, window);
  assert_fits (window, "project list");

  /* The first project has measures with long names, PDSA cycles with
   * their buttons, and attachments. */
  list = fb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "project-list");
  g_signal_emit_by_name (list, "activate", 0);
  fb_test_spin_a_while ();
  page = fb_test_find_descendant (GTK_WIDGET (window), FB_TYPE_PROJECT_PAGE, NULL);
  g_assert_nonnull (page);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (fb_project_page_get_stack (FB_PROJECT_PAGE (page)),
                                             views[i]);
      fb_test_spin_a_while ();
      assert_fits (window, views[i]);
    }

  fb_test_wait_for_writes (fb_window_get_store (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  /* gtk_init () set the locale from the environment. */
  if (g_getenv ("FB_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FB_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/ui/narrow/every-page-fits", test_every_page_fits);

  return g_test_run ();
}
