/* fb-pdsa-editor.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_PDSA_EDITOR (fb_pdsa_editor_get_type ())

G_DECLARE_FINAL_TYPE (FbPdsaEditor, fb_pdsa_editor, FB, PDSA_EDITOR, AdwBin)

GtkWidget   *fb_pdsa_editor_new         (FbStore       *store);
FbStore     *fb_pdsa_editor_get_store   (FbPdsaEditor  *self);
void         fb_pdsa_editor_set_store   (FbPdsaEditor  *self,
                                         FbStore       *store);
FbPdsaCycle *fb_pdsa_editor_get_cycle   (FbPdsaEditor  *self);
void         fb_pdsa_editor_set_cycle   (FbPdsaEditor  *self,
                                         FbPdsaCycle   *cycle);
gboolean     fb_pdsa_editor_flush       (FbPdsaEditor  *self,
                                         GError       **error);
gboolean     fb_pdsa_editor_has_errors  (FbPdsaEditor  *self);
void         fb_pdsa_editor_focus_title (FbPdsaEditor  *self);

G_END_DECLS
