/* fb-project-editor.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_PROJECT_EDITOR (fb_project_editor_get_type ())

G_DECLARE_FINAL_TYPE (FbProjectEditor, fb_project_editor, FB, PROJECT_EDITOR, AdwBin)

GtkWidget *fb_project_editor_new   (FbStore         *store,
                                    FbProject       *project);
gboolean   fb_project_editor_flush (FbProjectEditor *self,
                                    GError         **error);

G_END_DECLS
