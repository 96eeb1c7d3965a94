/* fb-test-ui.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fb-test-ui.h"

void
fb_test_spin_until (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
fb_test_spin_a_while (void)
{
  gint64 until = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

GtkWidget *
fb_test_find_descendant (GtkWidget  *widget,
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
      GtkWidget *found = fb_test_find_descendant (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
store_idle (gpointer data)
{
  return fb_store_get_pending_writes (data) == 0;
}

void
fb_test_wait_for_writes (FbStore *store)
{
  fb_test_spin_until (store_idle, store);
}

GtkWidget *
fb_test_find_button (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fb_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}
