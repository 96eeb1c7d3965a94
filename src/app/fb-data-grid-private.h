/* fb-data-grid-private.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-data-grid.h"

G_BEGIN_DECLS

/* What the clipboard and the file chooser call once they have their text or
 * file, for the UI test to drive without a real clipboard or dialog. */
gboolean _fb_data_grid_paste_text  (FbDataGrid       *self,
                                    guint             position,
                                    FbDataEntryField  field,
                                    const char       *text);
void     _fb_data_grid_import_file (FbDataGrid       *self,
                                    GFile            *file);

G_END_DECLS
