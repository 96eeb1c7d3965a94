/* fb-sync-service.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-server-store.h"

G_BEGIN_DECLS

#define FB_TYPE_SYNC_SERVICE (fb_sync_service_get_type ())

G_DECLARE_FINAL_TYPE (FbSyncService, fb_sync_service, FB, SYNC_SERVICE, GObject)

FbSyncService *fb_sync_service_new            (FbServerStore   *store);
FbServerStore *fb_sync_service_get_store      (FbSyncService   *self);
char          *fb_sync_service_push           (FbSyncService   *self,
                                               const FbCaller  *caller,
                                               FbPushRequest   *request,
                                               GError         **error);
GString       *fb_sync_service_pull           (FbSyncService   *self,
                                               const FbCaller  *caller,
                                               gint64           since,
                                               guint            limit,
                                               GError         **error);
gboolean       fb_sync_service_can_read_blob  (FbSyncService   *self,
                                               const FbCaller  *caller,
                                               const char      *sha256,
                                               const char      *uploaded_by);

G_END_DECLS
