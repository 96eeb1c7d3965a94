/* fb-store.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-record.h"

G_BEGIN_DECLS

#define FB_STORE_ERROR (fb_store_error_quark ())

typedef enum
{
  FB_STORE_ERROR_FAILED,
  FB_STORE_ERROR_NOT_FOUND,
  FB_STORE_ERROR_INVALID,
  FB_STORE_ERROR_TOO_NEW,
  FB_STORE_ERROR_NOT_A_DATABASE,
  FB_STORE_ERROR_READ_ONLY,
  FB_STORE_ERROR_FULL,
  FB_STORE_ERROR_BUSY,
  FB_STORE_ERROR_TOO_LARGE,
} FbStoreError;

/* The schema this build writes; databases from a newer one are refused. */
#define FB_STORE_SCHEMA_VERSION 2
#define FB_STORE_MAX_BLOB_BYTES (25 * 1024 * 1024)

#define FB_TYPE_STORE (fb_store_get_type ())

G_DECLARE_FINAL_TYPE (FbStore, fb_store, FB, STORE, GObject)

/**
 * FbStoreImportResult:
 * @added: points that were new
 * @updated: points whose date existed and whose values changed
 * @unchanged: points already there with the same values
 */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} FbStoreImportResult;

GQuark      fb_store_error_quark             (void);
char       *fb_store_dup_default_path        (void);
FbStore    *fb_store_open                    (const char           *path,
                                              GError              **error);
void        fb_store_open_async              (const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
FbStore    *fb_store_open_finish             (GAsyncResult         *result,
                                              GError              **error);
const char *fb_store_get_path                (FbStore              *self);
gboolean    fb_store_is_read_only            (FbStore              *self);
FbRecord   *fb_store_get_record              (FbStore              *self,
                                              GType                 type,
                                              const char           *id,
                                              GError              **error);
gboolean    fb_store_save                    (FbStore              *self,
                                              FbRecord             *record,
                                              GError              **error);
gboolean    fb_store_save_many               (FbStore              *self,
                                              FbRecord            **records,
                                              guint                 n_records,
                                              GError              **error);
gboolean    fb_store_delete                  (FbStore              *self,
                                              FbRecord             *record,
                                              GError              **error);
gboolean    fb_store_restore                 (FbStore              *self,
                                              FbRecord             *record,
                                              GError              **error);
void        fb_store_save_async              (FbStore              *self,
                                              FbRecord             *record,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    fb_store_save_finish             (FbStore              *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void        fb_store_save_many_async         (FbStore              *self,
                                              FbRecord            **records,
                                              guint                 n_records,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    fb_store_save_many_finish        (FbStore              *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void        fb_store_delete_async            (FbStore              *self,
                                              FbRecord             *record,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    fb_store_delete_finish           (FbStore              *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void        fb_store_restore_async           (FbStore              *self,
                                              FbRecord             *record,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    fb_store_restore_finish          (FbStore              *self,
                                              GAsyncResult         *result,
                                              GError              **error);
guint       fb_store_get_pending_writes      (FbStore              *self);
GListModel *fb_store_list                    (FbStore              *self,
                                              GType                 type,
                                              const char           *field,
                                              const char           *value);
GListModel *fb_store_list_projects           (FbStore              *self);
GListModel *fb_store_list_trusts             (FbStore              *self);
GListModel *fb_store_list_measures           (FbStore              *self,
                                              const char           *project_id);
GListModel *fb_store_list_data_points        (FbStore              *self,
                                              const char           *measure_id);
GListModel *fb_store_list_pdsa_cycles        (FbStore              *self,
                                              const char           *project_id);
GListModel *fb_store_list_attachments        (FbStore              *self,
                                              const char           *owner_id);
FbRecord   *fb_store_find_trust              (FbStore              *self,
                                              const char           *name);
char       *fb_store_dup_trust_name          (FbStore              *self,
                                              const char           *trust_id);
FbRecord   *fb_store_add_trust               (FbStore              *self,
                                              const char           *name,
                                              const char           *region_id,
                                              GError              **error);
FbRecord   *fb_store_new_trust               (FbStore              *self,
                                              const char           *name,
                                              const char           *region_id,
                                              GError              **error);
gboolean    fb_store_import_data             (FbStore              *self,
                                              const char           *measure_id,
                                              GArray               *rows,
                                              FbStoreImportResult  *result,
                                              GError              **error);
void        fb_store_import_data_async       (FbStore              *self,
                                              const char           *measure_id,
                                              GArray               *rows,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    fb_store_import_data_finish      (FbStore              *self,
                                              GAsyncResult         *result,
                                              FbStoreImportResult  *counts,
                                              GError              **error);
GArray     *fb_store_dup_data_rows           (FbStore              *self,
                                              const char           *measure_id,
                                              GError              **error);
char       *fb_store_put_blob                (FbStore              *self,
                                              GBytes               *bytes,
                                              GError              **error);
GBytes     *fb_store_dup_blob                (FbStore              *self,
                                              const char           *sha256,
                                              GError              **error);
gint64      fb_store_count_outbox            (FbStore              *self);
gint64      fb_store_count                   (FbStore              *self,
                                              GType                 type);
gboolean    fb_store_check                   (FbStore              *self,
                                              GPtrArray           **problems,
                                              GError              **error);

G_END_DECLS
