/* fb-sync-protocol.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FB_SYNC_ERROR (fb_sync_error_quark ())

/* Bounds every request body is held to before a JSON parser sees it. */
#define FB_SYNC_MAX_DEPTH       16
#define FB_SYNC_MAX_STRING      (256 * 1024)
#define FB_SYNC_MAX_CHANGES     1000
#define FB_SYNC_MAX_PULL_LIMIT  1000

typedef enum
{
  FB_SYNC_ERROR_ENCODING,
  FB_SYNC_ERROR_TOO_DEEP,
  FB_SYNC_ERROR_TOO_LONG,
  FB_SYNC_ERROR_MALFORMED,
  FB_SYNC_ERROR_TOO_MANY,
} FbSyncError;

/**
 * FbSyncChange:
 * @entity: the entity name ("project")
 * @id: the record's id
 * @base_rev: the server revision the change was made on, 0 for a new record
 * @fields: the changed fields by JSON member name; never %NULL
 * @has_deleted: whether the change sets the tombstone flag
 * @deleted: the tombstone flag, if @has_deleted
 *
 * One record's change in a push.
 */
typedef struct
{
  char       *entity;
  char       *id;
  gint64      base_rev;
  JsonObject *fields;
  gboolean    has_deleted;
  gboolean    deleted;
} FbSyncChange;

/**
 * FbPushRequest:
 * @device_id: the pushing device
 * @batch_id: the batch's id; the same batch is applied once
 * @changes: (element-type FbSyncChange): the changes, in order
 */
typedef struct
{
  char      *device_id;
  char      *batch_id;
  GPtrArray *changes;
} FbPushRequest;

GQuark         fb_sync_error_quark       (void);
JsonNode      *fb_sync_parse_json        (const char     *data,
                                          gsize           length,
                                          GError        **error);
FbPushRequest *fb_push_request_parse     (const char     *data,
                                          gsize           length,
                                          GError        **error);
void           fb_push_request_free      (FbPushRequest  *request);
gboolean       fb_login_request_parse    (const char     *data,
                                          gsize           length,
                                          char          **email,
                                          char          **password,
                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FbPushRequest, fb_push_request_free)

G_END_DECLS
