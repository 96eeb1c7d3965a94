/* fb-measures-page.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_MEASURES_PAGE (fb_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (FbMeasuresPage, fb_measures_page, FB, MEASURES_PAGE, AdwBin)

GtkWidget *fb_measures_page_new   (FbStore        *store,
                                   const char     *project_id);
gboolean   fb_measures_page_flush (FbMeasuresPage *self,
                                   GError        **error);

G_END_DECLS
