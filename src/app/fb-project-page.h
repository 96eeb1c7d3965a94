/* fb-project-page.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_PROJECT_PAGE (fb_project_page_get_type ())

G_DECLARE_FINAL_TYPE (FbProjectPage, fb_project_page, FB, PROJECT_PAGE, AdwBin)

GtkWidget    *fb_project_page_new       (FbStore        *store,
                                         FbProject      *project);
AdwViewStack *fb_project_page_get_stack (FbProjectPage  *self);
gboolean      fb_project_page_activate  (FbProjectPage  *self,
                                         const char     *view,
                                         const char     *action);
gboolean      fb_project_page_flush     (FbProjectPage  *self,
                                         GError        **error);

G_END_DECLS
