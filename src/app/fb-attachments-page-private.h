/* fb-attachments-page-private.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the file chooser, the drop target and the tests share.
 */

#pragma once

#include "fb-attachments-page.h"

G_BEGIN_DECLS

/* Reads and attaches files (a list of GFile) on a worker; each file
 * that cannot be attached is reported in a toast. */
void        _fb_attachments_page_add_files      (FbAttachmentsPage *self,
                                                 GSList            *files);
/* How many add_files () calls are still running. */
guint       _fb_attachments_page_get_n_pending  (FbAttachmentsPage *self);
/* The last message shown in a toast, or NULL. */
const char *_fb_attachments_page_get_last_message (FbAttachmentsPage *self);
/* The name of the visible state: "empty" or "list". */
const char *_fb_attachments_page_get_state      (FbAttachmentsPage *self);

G_END_DECLS
