/* fb-store-private.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fb-store.h"

G_BEGIN_DECLS

/* Each entry upgrades the schema by one version; entry 0 makes version 1. */
extern const char * const _fb_store_migrations[FB_STORE_SCHEMA_VERSION];

gboolean      _fb_store_set_sqlite_error  (GError       **error,
                                           sqlite3       *db,
                                           int            rc);
void          _fb_store_bind_field        (sqlite3_stmt  *stmt,
                                           int            index,
                                           FbRecord      *record,
                                           GParamSpec    *pspec);
void          _fb_store_read_field        (sqlite3_stmt  *stmt,
                                           int            column,
                                           FbRecord      *record,
                                           GParamSpec    *pspec);
FbRecord     *_fb_store_read_record       (sqlite3_stmt  *stmt,
                                           GType          type);
char         *_fb_store_select_sql        (GType          type);
GPtrArray    *_fb_store_query_records     (FbStore       *self,
                                           GType          type,
                                           const char    *field,
                                           const char    *value,
                                           GError       **error);
GPtrArray    *_fb_store_query_ids         (FbStore       *self,
                                           GType          type,
                                           const char    *field,
                                           const char    *value,
                                           GError       **error);
void          _fb_store_lock              (FbStore       *self);
void          _fb_store_unlock            (FbStore       *self);
sqlite3      *_fb_store_get_db            (FbStore       *self);
sqlite3_stmt *_fb_store_prepare           (FbStore       *self,
                                           const char    *sql,
                                           GError       **error);
void          _fb_store_finish_stmt       (sqlite3_stmt  *stmt);
gboolean      _fb_store_begin             (FbStore       *self,
                                           GError       **error);
gboolean      _fb_store_commit            (FbStore       *self,
                                           GError       **error);
void          _fb_store_rollback          (FbStore       *self);
void          _fb_store_emit_changed      (FbStore       *self,
                                           const char    *entity,
                                           const char    *id);
gboolean      _fb_store_append_outbox     (FbStore       *self,
                                           const char    *entity,
                                           const char    *record_id,
                                           gint64         base_rev,
                                           const char    *fields_json,
                                           gboolean       deleted,
                                           const char    *now,
                                           GError       **error);
gboolean      _fb_store_save_many_locked  (FbStore       *self,
                                           FbRecord     **records,
                                           guint          n_records,
                                           GPtrArray     *written,
                                           GError       **error);
gboolean      _fb_store_import_locked     (FbStore              *self,
                                           const char           *measure_id,
                                           GArray               *rows,
                                           FbStoreImportResult  *result,
                                           GError              **error);

G_END_DECLS
