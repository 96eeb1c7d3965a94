/* fb-attachments-page.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_ATTACHMENTS_PAGE (fb_attachments_page_get_type ())

G_DECLARE_FINAL_TYPE (FbAttachmentsPage, fb_attachments_page, FB, ATTACHMENTS_PAGE, AdwBin)

GtkWidget  *fb_attachments_page_new             (FbStore           *store,
                                                 const char        *project_id);
GListModel *fb_attachments_page_get_attachments (FbAttachmentsPage *self);

G_END_DECLS
