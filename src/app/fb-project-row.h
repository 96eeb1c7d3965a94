/* fb-project-row.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_PROJECT_ROW (fb_project_row_get_type ())

G_DECLARE_FINAL_TYPE (FbProjectRow, fb_project_row, FB, PROJECT_ROW, GtkWidget)

GtkWidget *fb_project_row_new         (FbStore      *store);
FbProject *fb_project_row_get_project (FbProjectRow *self);
void       fb_project_row_set_project (FbProjectRow *self,
                                       FbProject    *project);

G_END_DECLS
