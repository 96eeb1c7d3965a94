/* fb-server-store.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "forbedring-core.h"

#include "fb-access.h"

G_BEGIN_DECLS

#define FB_SERVER_STORE_SCHEMA_VERSION 1

#define FB_TYPE_SERVER_STORE (fb_server_store_get_type ())

G_DECLARE_FINAL_TYPE (FbServerStore, fb_server_store, FB, SERVER_STORE, GObject)

/**
 * FbServerRow:
 *
 * A record as the server keeps it: its fields as one JSON object, the
 * revision each field last changed in (for the per-field merge) and the
 * columns access is decided on.
 */
typedef struct
{
  char       *id;
  char       *entity;
  gint64      rev;
  char       *updated_at;
  gboolean    deleted;
  JsonObject *fields;
  JsonObject *field_revs;
  char       *project_id;
  char       *trust_id;
  char       *round_id;
  char       *owner_id;
} FbServerRow;

/**
 * FbServerAccount:
 *
 * A user's sign-in details.
 */
typedef struct
{
  char     *id;
  char     *email;
  char     *name;
  char     *trust_id;
  FbRoles   roles;
  gboolean  disabled;
  char     *password_hash;
} FbServerAccount;

/* @row has no parsed fields: @fields_json is their stored text. */
typedef void (*FbServerRowFunc) (const FbServerRow    *row,
                                 const char           *fields_json,
                                 const FbAccessTarget *target,
                                 gpointer              user_data);

FbServerStore   *fb_server_store_open                (const char          *path,
                                                      GError             **error);
const char      *fb_server_store_get_path            (FbServerStore       *self);
gboolean         fb_server_store_begin               (FbServerStore       *self,
                                                      GError             **error);
gboolean         fb_server_store_commit              (FbServerStore       *self,
                                                      GError             **error);
void             fb_server_store_rollback            (FbServerStore       *self);
gint64           fb_server_store_next_rev            (FbServerStore       *self,
                                                      GError             **error);
FbServerRow     *fb_server_store_get_row             (FbServerStore       *self,
                                                      const char          *id,
                                                      GError             **error);
gboolean         fb_server_store_put_row             (FbServerStore       *self,
                                                      const FbServerRow   *row,
                                                      GError             **error);
gboolean         fb_server_store_put_project_access  (FbServerStore       *self,
                                                      FbProject           *project,
                                                      const char          *owner_id,
                                                      GError             **error);
gboolean         fb_server_store_fill_target         (FbServerStore       *self,
                                                      const FbCaller      *caller,
                                                      const char          *project_id,
                                                      FbAccessTarget      *target,
                                                      GError             **error);
char            *fb_server_store_dup_record_project  (FbServerStore       *self,
                                                      FbRecord            *record);
gboolean         fb_server_store_touch_project       (FbServerStore       *self,
                                                      const char          *project_id,
                                                      GError             **error);
gboolean         fb_server_store_scan                (FbServerStore       *self,
                                                      const FbCaller      *caller,
                                                      gint64               since,
                                                      guint                limit,
                                                      FbServerRowFunc      func,
                                                      gpointer             user_data,
                                                      gint64              *last_rev,
                                                      guint               *n_rows,
                                                      GError             **error);
gboolean         fb_server_store_add_audit           (FbServerStore       *self,
                                                      const char          *user_id,
                                                      const char          *action,
                                                      const char          *entity,
                                                      const char          *record_id,
                                                      gint64               rev,
                                                      JsonObject          *fields,
                                                      GError             **error);
gboolean         fb_server_store_add_conflict        (FbServerStore       *self,
                                                      const char          *conflict_id,
                                                      const char          *user_id,
                                                      const FbSyncChange  *change,
                                                      gint64               server_rev,
                                                      JsonObject          *server_values,
                                                      JsonObject          *client_values,
                                                      GError             **error);
char            *fb_server_store_dup_batch_answer    (FbServerStore       *self,
                                                      const char          *user_id,
                                                      const char          *batch_id);
gboolean         fb_server_store_put_batch_answer    (FbServerStore       *self,
                                                      const char          *user_id,
                                                      const char          *batch_id,
                                                      const char          *answer,
                                                      GError             **error);

/* Accounts and tokens */
gboolean         fb_server_store_add_account         (FbServerStore       *self,
                                                      FbUser              *user,
                                                      const char          *password_hash,
                                                      GError             **error);
FbServerAccount *fb_server_store_find_account        (FbServerStore       *self,
                                                      const char          *email);
GPtrArray       *fb_server_store_list_accounts       (FbServerStore       *self);
gboolean         fb_server_store_set_disabled        (FbServerStore       *self,
                                                      const char          *email,
                                                      gboolean             disabled,
                                                      GError             **error);
gboolean         fb_server_store_set_password        (FbServerStore       *self,
                                                      const char          *email,
                                                      const char          *password_hash,
                                                      GError             **error);
gboolean         fb_server_store_add_token           (FbServerStore       *self,
                                                      const char          *token_hash,
                                                      const char          *user_id,
                                                      gint64               expires_at,
                                                      GError             **error);
gboolean         fb_server_store_revoke_token        (FbServerStore       *self,
                                                      const char          *token_hash,
                                                      GError             **error);
FbCaller        *fb_server_store_find_caller         (FbServerStore       *self,
                                                      const char          *token_hash,
                                                      gint64               now);

/* Records written outside a push (command line, demo data) */
gboolean         fb_server_store_put_record          (FbServerStore       *self,
                                                      FbRecord            *record,
                                                      const char          *user_id,
                                                      GError             **error);
GPtrArray       *fb_server_store_list_records        (FbServerStore       *self,
                                                      GType                type);
GPtrArray       *fb_server_store_list_round_records  (FbServerStore       *self,
                                                      GType                type,
                                                      const char          *round_id);
JsonNode        *fb_server_store_dup_project_snapshot (FbServerStore      *self,
                                                      const char          *project_id);
guint            fb_server_store_count_submitted     (FbServerStore       *self,
                                                      const char          *round_id,
                                                      const char          *trust_id,
                                                      const char          *except_id);
FbRecord        *fb_server_store_find_trust          (FbServerStore       *self,
                                                      const char          *name);

/* Blobs */
gboolean         fb_server_store_put_blob            (FbServerStore       *self,
                                                      const char          *sha256,
                                                      GBytes              *bytes,
                                                      const char          *user_id,
                                                      GError             **error);
GBytes          *fb_server_store_dup_blob            (FbServerStore       *self,
                                                      const char          *sha256,
                                                      char               **uploaded_by);
GPtrArray       *fb_server_store_list_blob_owners    (FbServerStore       *self,
                                                      const char          *sha256);

gboolean         fb_server_store_backup              (const char          *path,
                                                      const char          *destination,
                                                      GError             **error);
gboolean         fb_server_store_check               (FbServerStore       *self,
                                                      GError             **error);

JsonObject      *fb_server_record_to_fields          (FbRecord            *record);
void             fb_server_row_fill_record           (FbRecord            *record,
                                                      JsonObject          *fields);
void             fb_server_row_free                  (FbServerRow         *row);
void             fb_server_account_free              (FbServerAccount     *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FbServerRow, fb_server_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FbServerAccount, fb_server_account_free)

G_END_DECLS
