/* fb-test-ui.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the UI tests share.
 */

#pragma once

#include <gtk/gtk.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

/* Runs the main context until done (data) holds; fails after 20 seconds. */
void       fb_test_spin_until      (gboolean  (*done) (gpointer),
                                    gpointer    data);
/* Runs the main context for a tenth of a second. */
void       fb_test_spin_a_while    (void);
/* Runs the main context until the store has written everything queued
 * (its list models have heard of it then); fails after 20 seconds. */
void       fb_test_wait_for_writes (FbStore    *store);
/* The first of widget and its descendants (depth first) of type, with
 * the widget name name unless that is NULL. */
GtkWidget *fb_test_find_descendant (GtkWidget  *widget,
                                    GType       type,
                                    const char *name);
/* The first button under widget (depth first) whose label is label. */
GtkWidget *fb_test_find_button     (GtkWidget  *widget,
                                    const char *label);

G_END_DECLS
