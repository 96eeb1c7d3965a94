/* fb-pdsa-page.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"
#include "fb-pdsa-editor.h"

G_BEGIN_DECLS

#define FB_TYPE_PDSA_PAGE (fb_pdsa_page_get_type ())

G_DECLARE_FINAL_TYPE (FbPdsaPage, fb_pdsa_page, FB, PDSA_PAGE, AdwBin)

GtkWidget    *fb_pdsa_page_new          (FbStore     *store,
                                         const char  *project_id);
FbPdsaEditor *fb_pdsa_page_get_editor   (FbPdsaPage  *self);
GListModel   *fb_pdsa_page_get_timeline (FbPdsaPage  *self);
gboolean      fb_pdsa_page_select_cycle (FbPdsaPage  *self,
                                         const char  *cycle_id);
gboolean      fb_pdsa_page_flush        (FbPdsaPage  *self,
                                         GError     **error);

G_END_DECLS
