/* fb-data-grid.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_DATA_GRID (fb_data_grid_get_type ())

G_DECLARE_FINAL_TYPE (FbDataGrid, fb_data_grid, FB, DATA_GRID, GtkWidget)

GtkWidget *fb_data_grid_new         (FbStore    *store,
                                     FbMeasure  *measure);
FbStore   *fb_data_grid_get_store   (FbDataGrid *self);
FbMeasure *fb_data_grid_get_measure (FbDataGrid *self);

G_END_DECLS
