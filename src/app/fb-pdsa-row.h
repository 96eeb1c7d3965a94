/* fb-pdsa-row.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_PDSA_ROW (fb_pdsa_row_get_type ())

G_DECLARE_FINAL_TYPE (FbPdsaRow, fb_pdsa_row, FB, PDSA_ROW, AdwActionRow)

GtkWidget   *fb_pdsa_row_new       (FbPdsaCycle *cycle);
FbPdsaCycle *fb_pdsa_row_get_cycle (FbPdsaRow   *self);

G_END_DECLS
