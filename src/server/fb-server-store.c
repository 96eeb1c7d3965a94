/* fb-server-store.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-server-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fb-round-access.h"
#include "fb-server-store.h"

/* The server's own database. Records are kept as one JSON object of fields
 * each: the server never queries inside them, it merges them field by field,
 * and a pull sends the stored text as it is. What access is decided on
 * (project, owner) sits in columns beside it, and the project_access and
 * project_member tables let a pull decide visibility in one query.
 *
 * Revisions come from one counter in the same transaction as the write, and
 * writes are serialised, so a pull "rev > cursor ORDER BY rev" never skips
 * nor repeats a change. A record appears once, at its latest revision. */

#define SERVER_APPLICATION_ID 0x46425356 /* "FBSV" */

struct _FbServerStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  gboolean    writing;
};

G_DEFINE_FINAL_TYPE (FbServerStore, fb_server_store, G_TYPE_OBJECT)

static const char * const migrations[FB_SERVER_STORE_SCHEMA_VERSION] = {
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('last_rev', 0);"
  "CREATE TABLE record ("
  "  id TEXT PRIMARY KEY NOT NULL, entity TEXT NOT NULL, rev INTEGER NOT NULL,"
  "  updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  fields TEXT NOT NULL, field_revs TEXT NOT NULL,"
  "  project_id TEXT, trust_id TEXT, round_id TEXT, owner_id TEXT);"
  "CREATE UNIQUE INDEX record_rev ON record (rev);"
  "CREATE INDEX record_project ON record (project_id);"
  "CREATE INDEX record_attachment_blob ON record (json_extract (fields, '$.sha256'))"
  "  WHERE entity = 'attachment';"
  "CREATE TABLE project_access ("
  "  project_id TEXT PRIMARY KEY NOT NULL, trust_id TEXT, visibility TEXT NOT NULL);"
  "CREATE TABLE project_member ("
  "  project_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (project_id, user_id))"
  "  WITHOUT ROWID;"
  "CREATE TABLE account ("
  "  id TEXT PRIMARY KEY NOT NULL, email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  name TEXT, trust_id TEXT, roles INTEGER NOT NULL DEFAULT 0, password_hash TEXT,"
  "  disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);"
  "CREATE TABLE token ("
  "  hash TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL, created_at TEXT NOT NULL,"
  "  expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX token_user ON token (user_id);"
  "CREATE TABLE batch ("
  "  user_id TEXT NOT NULL, batch_id TEXT NOT NULL, answer TEXT NOT NULL,"
  "  created_at TEXT NOT NULL, PRIMARY KEY (user_id, batch_id));"
  "CREATE TABLE conflict ("
  "  id TEXT PRIMARY KEY NOT NULL, entity TEXT NOT NULL, record_id TEXT NOT NULL,"
  "  user_id TEXT NOT NULL, base_rev INTEGER NOT NULL, server_rev INTEGER NOT NULL,"
  "  server_values TEXT NOT NULL, client_values TEXT NOT NULL, created_at TEXT NOT NULL);"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, action TEXT NOT NULL,"
  "  entity TEXT NOT NULL, record_id TEXT NOT NULL, rev INTEGER NOT NULL, fields TEXT);"
  "CREATE TABLE blob ("
  "  sha256 TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL,"
  "  user_id TEXT, created_at TEXT NOT NULL);",
};

static gboolean
set_sqlite_error (GError  **error,
                  sqlite3  *db)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The server database failed: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/* Statements are prepared once and kept; each call hands back a reset one.
 * No caller keeps one across another call with the same text. */
static sqlite3_stmt *
prepare (FbServerStore  *self,
         const char     *sql,
         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, self->db);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (FbServerStore  *self,
      const char     *sql,
      GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, self->db);
  return TRUE;
}

static gboolean
step_done (FbServerStore  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (error, self->db);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
fb_server_store_finalize (GObject *object)
{
  FbServerStore *self = (FbServerStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (fb_server_store_parent_class)->finalize (object);
}

static void
fb_server_store_class_init (FbServerStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fb_server_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
fb_server_store_init (FbServerStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

static int
query_int (FbServerStore *self,
           const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
migrate (FbServerStore  *self,
         GError        **error)
{
  int version = query_int (self, "PRAGMA user_version");
  int app_id = query_int (self, "PRAGMA application_id");

  if (version < 0 || app_id < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a Forbedring server database."), self->path);
      return FALSE;
    }

  if (version > 0 && app_id != SERVER_APPLICATION_ID)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a Forbedring server database."), self->path);
      return FALSE;
    }

  if (version > FB_SERVER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” was made by a newer server (schema %d); this one reads up to %d."),
                   self->path, version, FB_SERVER_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  for (int v = version; v < FB_SERVER_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version =
        g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                         v + 1, SERVER_APPLICATION_ID);

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (self, migrations[v], error) || !exec (self, set_version, error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!exec (self, "COMMIT", error))
        return FALSE;
    }

  return TRUE;
}

/**
 * fb_server_store_open:
 * @path: the database file, made if missing
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the store, or %NULL
 */
FbServerStore *
fb_server_store_open (const char  *path,
                      GError     **error)
{
  g_autoptr(FbServerStore) self = g_object_new (FB_TYPE_SERVER_STORE, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
fb_server_store_get_path (FbServerStore *self)
{
  return self->path;
}

/* The serving threads of one process take turns to write through this
 * lock: waiting on sqlite's busy handler instead means sleeping in steps of
 * up to 100 ms, which put seconds on the slowest pushes. Another process
 * (the command line) still meets the busy handler. */
static GMutex write_lock;

gboolean
fb_server_store_begin (FbServerStore  *self,
                       GError        **error)
{
  g_mutex_lock (&write_lock);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    {
      g_mutex_unlock (&write_lock);
      return FALSE;
    }
  self->writing = TRUE;
  return TRUE;
}

static void
end_write (FbServerStore *self)
{
  if (self->writing)
    {
      self->writing = FALSE;
      g_mutex_unlock (&write_lock);
    }
}

gboolean
fb_server_store_commit (FbServerStore  *self,
                        GError        **error)
{
  if (!exec (self, "COMMIT", error))
    {
      fb_server_store_rollback (self);
      return FALSE;
    }
  end_write (self);
  return TRUE;
}

void
fb_server_store_rollback (FbServerStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  end_write (self);
}

/**
 * fb_server_store_next_rev:
 *
 * Takes the next revision; call inside a transaction.
 *
 * Returns: the revision, or 0 on error
 */
gint64
fb_server_store_next_rev (FbServerStore  *self,
                          GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 rev = 0;

  stmt = prepare (self, "UPDATE meta SET value = value + 1 WHERE key = 'last_rev' RETURNING value",
                  error);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    rev = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (error, self->db);
  sqlite3_reset (stmt);
  return rev;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_object_new ();

  return json_object_ref (json_node_get_object (root));
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

/**
 * fb_server_store_get_row:
 * @id: a record id
 *
 * Returns: (transfer full) (nullable): the record's row; %NULL without an
 *   error if there is none
 */
FbServerRow *
fb_server_store_get_row (FbServerStore  *self,
                         const char     *id,
                         GError        **error)
{
  sqlite3_stmt *stmt;
  FbServerRow *row;
  int rc;

  stmt = prepare (self,
                  "SELECT entity, rev, updated_at, deleted, fields, field_revs,"
                  " project_id, trust_id, round_id, owner_id FROM record WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        set_sqlite_error (error, self->db);
      sqlite3_reset (stmt);
      return NULL;
    }

  row = g_new0 (FbServerRow, 1);
  row->id = g_strdup (id);
  row->entity = dup_column (stmt, 0);
  row->rev = sqlite3_column_int64 (stmt, 1);
  row->updated_at = dup_column (stmt, 2);
  row->deleted = sqlite3_column_int (stmt, 3);
  row->fields = parse_object ((const char *) sqlite3_column_text (stmt, 4));
  row->field_revs = parse_object ((const char *) sqlite3_column_text (stmt, 5));
  row->project_id = dup_column (stmt, 6);
  row->trust_id = dup_column (stmt, 7);
  row->round_id = dup_column (stmt, 8);
  row->owner_id = dup_column (stmt, 9);
  sqlite3_reset (stmt);
  return row;
}

gboolean
fb_server_store_put_row (FbServerStore      *self,
                         const FbServerRow  *row,
                         GError            **error)
{
  g_autofree char *fields = object_to_string (row->fields);
  g_autofree char *field_revs = object_to_string (row->field_revs);
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO record (id, entity, rev, updated_at, deleted, fields, field_revs,"
                  " project_id, trust_id, round_id, owner_id)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                  " ON CONFLICT (id) DO UPDATE SET rev = ?3, updated_at = ?4, deleted = ?5,"
                  " fields = ?6, field_revs = ?7, project_id = ?8, trust_id = ?9,"
                  " round_id = ?10, owner_id = ?11",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, row->id);
  bind_text (stmt, 2, row->entity);
  sqlite3_bind_int64 (stmt, 3, row->rev);
  bind_text (stmt, 4, row->updated_at);
  sqlite3_bind_int (stmt, 5, row->deleted);
  bind_text (stmt, 6, fields);
  bind_text (stmt, 7, field_revs);
  bind_text (stmt, 8, row->project_id);
  bind_text (stmt, 9, row->trust_id);
  bind_text (stmt, 10, row->round_id);
  bind_text (stmt, 11, row->owner_id);
  return step_done (self, stmt, error);
}

static gboolean
add_member (FbServerStore  *self,
            const char     *project_id,
            const char     *user_id,
            GError        **error)
{
  sqlite3_stmt *stmt;

  if (user_id == NULL)
    return TRUE;

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO project_member (project_id, user_id) VALUES (?1, ?2)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, project_id);
  bind_text (stmt, 2, user_id);
  return step_done (self, stmt, error);
}

/**
 * fb_server_store_put_project_access:
 * @project: the project as it now is
 * @owner_id: (nullable): the user who made it, who keeps access to it
 *
 * Records who may see and change @project and what hangs off it.
 */
gboolean
fb_server_store_put_project_access (FbServerStore  *self,
                                    FbProject      *project,
                                    const char     *owner_id,
                                    GError        **error)
{
  const char *id = fb_record_get_id (FB_RECORD (project));
  const char * const *members = fb_project_get_team_member_ids (project);
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT OR REPLACE INTO project_access (project_id, trust_id, visibility)"
                  " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, fb_project_get_trust_id (project));
  bind_text (stmt, 3, fb_project_get_visibility (project) == FB_VISIBILITY_REGION ? "region" : "team");
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM project_member WHERE project_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!add_member (self, id, owner_id, error))
    return FALSE;
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    if (!add_member (self, id, members[i], error))
      return FALSE;

  return TRUE;
}

/**
 * fb_server_store_fill_target:
 * @caller: who asks
 * @project_id: (nullable): the project a record belongs to
 * @target: the target to fill in (its project fields)
 *
 * Looks up who may see and change @project_id.
 */
gboolean
fb_server_store_fill_target (FbServerStore   *self,
                             const FbCaller  *caller,
                             const char      *project_id,
                             FbAccessTarget  *target,
                             GError         **error)
{
  sqlite3_stmt *stmt;

  g_free (target->project_id);
  target->project_id = g_strdup (project_id);
  target->project_exists = FALSE;
  target->is_member = FALSE;
  g_clear_pointer (&target->project_trust_id, g_free);

  if (project_id == NULL)
    return TRUE;

  stmt = prepare (self,
                  "SELECT trust_id, visibility,"
                  " EXISTS (SELECT 1 FROM project_member m"
                  "         WHERE m.project_id = ?1 AND m.user_id = ?2)"
                  " FROM project_access WHERE project_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, project_id);
  bind_text (stmt, 2, caller != NULL ? caller->user_id : NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      target->project_exists = TRUE;
      target->project_trust_id = dup_column (stmt, 0);
      target->project_visibility =
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "region") == 0
          ? FB_VISIBILITY_REGION : FB_VISIBILITY_TEAM;
      target->is_member = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
dup_row_project (FbServerStore *self,
                 const char    *id)
{
  sqlite3_stmt *stmt;
  char *project_id = NULL;

  if (id == NULL || (stmt = prepare (self, "SELECT project_id FROM record WHERE id = ?1", NULL)) == NULL)
    return NULL;

  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    project_id = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return project_id;
}

/**
 * fb_server_store_dup_record_project:
 * @record: a record
 *
 * Returns: (transfer full) (nullable): the id of the project @record
 *   belongs to: itself for a project, its measure's for a data point
 */
char *
fb_server_store_dup_record_project (FbServerStore *self,
                                    FbRecord      *record)
{
  if (FB_IS_PROJECT (record))
    return g_strdup (fb_record_get_id (record));
  if (FB_IS_MEASURE (record))
    return g_strdup (fb_measure_get_project_id (FB_MEASURE (record)));
  if (FB_IS_PDSA_CYCLE (record))
    return g_strdup (fb_pdsa_cycle_get_project_id (FB_PDSA_CYCLE (record)));
  if (FB_IS_DATA_POINT (record))
    return dup_row_project (self, fb_data_point_get_measure_id (FB_DATA_POINT (record)));
  if (FB_IS_NOMINATION (record))
    return g_strdup (fb_nomination_get_project_id (FB_NOMINATION (record)));
  if (FB_IS_ATTACHMENT (record) &&
      g_strcmp0 (fb_attachment_get_owner_entity (FB_ATTACHMENT (record)), "project") == 0)
    return g_strdup (fb_attachment_get_owner_id (FB_ATTACHMENT (record)));
  return NULL;
}

/**
 * fb_server_store_touch_project:
 * @project_id: a project whose trust, team or visibility changed
 *
 * Gives everything that hangs off the project a new revision, so that
 * callers who may now see it get it on their next pull.
 */
gboolean
fb_server_store_touch_project (FbServerStore  *self,
                               const char     *project_id,
                               GError        **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT id FROM record WHERE project_id = ?1 AND id != ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, project_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, dup_column (stmt, 0));
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 rev = fb_server_store_next_rev (self, error);

      if (rev == 0 || (stmt = prepare (self, "UPDATE record SET rev = ?2 WHERE id = ?1", error)) == NULL)
        return FALSE;
      bind_text (stmt, 1, g_ptr_array_index (ids, i));
      sqlite3_bind_int64 (stmt, 2, rev);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * fb_server_store_scan:
 * @caller: who pulls
 * @since: the cursor: changes after this revision
 * @limit: how many rows to look at
 * @func: called for each row, with what access depends on
 * @last_rev: (out): the revision of the last row looked at, @since if none
 *
 * Walks the records changed after @since in revision order. Rows are
 * counted whether or not the caller may see them, so @last_rev is the next
 * cursor and nothing is skipped.
 */
gboolean
fb_server_store_scan (FbServerStore    *self,
                      const FbCaller   *caller,
                      gint64            since,
                      guint             limit,
                      FbServerRowFunc   func,
                      gpointer          user_data,
                      gint64           *last_rev,
                      guint            *n_rows,
                      GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *last_rev = since;
  *n_rows = 0;
  stmt = prepare (self,
                  "SELECT r.id, r.entity, r.rev, r.updated_at, r.deleted, r.fields,"
                  " r.project_id, r.owner_id, pa.trust_id, pa.visibility,"
                  " pa.project_id IS NOT NULL,"
                  " EXISTS (SELECT 1 FROM project_member m"
                  "         WHERE m.project_id = r.project_id AND m.user_id = ?3)"
                  " FROM record r LEFT JOIN project_access pa ON pa.project_id = r.project_id"
                  " WHERE r.rev > ?1 ORDER BY r.rev LIMIT ?2",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int (stmt, 2, limit);
  bind_text (stmt, 3, caller->user_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FbServerRow row = { 0, };
      FbAccessTarget target = { 0, };

      row.id = (char *) sqlite3_column_text (stmt, 0);
      row.entity = (char *) sqlite3_column_text (stmt, 1);
      row.rev = sqlite3_column_int64 (stmt, 2);
      row.updated_at = (char *) sqlite3_column_text (stmt, 3);
      row.deleted = sqlite3_column_int (stmt, 4);
      row.project_id = (char *) sqlite3_column_text (stmt, 6);
      row.owner_id = (char *) sqlite3_column_text (stmt, 7);

      target.entity = row.entity;
      target.project_id = row.project_id;
      target.owner_id = row.owner_id;
      target.project_trust_id = (char *) sqlite3_column_text (stmt, 8);
      target.project_visibility =
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 9), "region") == 0
          ? FB_VISIBILITY_REGION : FB_VISIBILITY_TEAM;
      target.project_exists = sqlite3_column_int (stmt, 10);
      target.is_member = sqlite3_column_int (stmt, 11);

      func (&row, (const char *) sqlite3_column_text (stmt, 5), &target, user_data);
      *last_rev = row.rev;
      (*n_rows)++;
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db);
  return TRUE;
}

gboolean
fb_server_store_add_audit (FbServerStore  *self,
                           const char     *user_id,
                           const char     *action,
                           const char     *entity,
                           const char     *record_id,
                           gint64          rev,
                           JsonObject     *fields,
                           GError        **error)
{
  g_autofree char *now = fb_timestamp_now ();
  g_autofree char *text = fields != NULL ? object_to_string (fields) : NULL;
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO audit (at, user_id, action, entity, record_id, rev, fields)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, now);
  bind_text (stmt, 2, user_id);
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  bind_text (stmt, 5, record_id);
  sqlite3_bind_int64 (stmt, 6, rev);
  bind_text (stmt, 7, text);
  return step_done (self, stmt, error);
}

gboolean
fb_server_store_add_conflict (FbServerStore       *self,
                              const char          *conflict_id,
                              const char          *user_id,
                              const FbSyncChange  *change,
                              gint64               server_rev,
                              JsonObject          *server_values,
                              JsonObject          *client_values,
                              GError             **error)
{
  g_autofree char *now = fb_timestamp_now ();
  g_autofree char *server_text = object_to_string (server_values);
  g_autofree char *client_text = object_to_string (client_values);
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO conflict (id, entity, record_id, user_id, base_rev, server_rev,"
                  " server_values, client_values, created_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, conflict_id);
  bind_text (stmt, 2, change->entity);
  bind_text (stmt, 3, change->id);
  bind_text (stmt, 4, user_id);
  sqlite3_bind_int64 (stmt, 5, change->base_rev);
  sqlite3_bind_int64 (stmt, 6, server_rev);
  bind_text (stmt, 7, server_text);
  bind_text (stmt, 8, client_text);
  bind_text (stmt, 9, now);
  return step_done (self, stmt, error);
}

char *
fb_server_store_dup_batch_answer (FbServerStore *self,
                                  const char    *user_id,
                                  const char    *batch_id)
{
  sqlite3_stmt *stmt;
  char *answer = NULL;

  stmt = prepare (self, "SELECT answer FROM batch WHERE user_id = ?1 AND batch_id = ?2", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, user_id);
  bind_text (stmt, 2, batch_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    answer = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return answer;
}

gboolean
fb_server_store_put_batch_answer (FbServerStore  *self,
                                  const char     *user_id,
                                  const char     *batch_id,
                                  const char     *answer,
                                  GError        **error)
{
  g_autofree char *now = fb_timestamp_now ();
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO batch (user_id, batch_id, answer, created_at) VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, user_id);
  bind_text (stmt, 2, batch_id);
  bind_text (stmt, 3, answer);
  bind_text (stmt, 4, now);
  return step_done (self, stmt, error);
}

/* Records outside a push: a fresh revision, every field changed in it. */
gboolean
fb_server_store_put_record (FbServerStore  *self,
                            FbRecord       *record,
                            const char     *user_id,
                            GError        **error)
{
  g_autoptr(FbServerRow) old = NULL;
  g_autofree char *now = fb_timestamp_now ();
  FbServerRow row = { 0, };
  JsonObjectIter iter;
  const char *name;
  gboolean ok;

  if (!fb_record_validate (record, error))
    return FALSE;

  old = fb_server_store_get_row (self, fb_record_get_id (record), NULL);
  row.id = (char *) fb_record_get_id (record);
  row.entity = (char *) fb_record_get_entity (record);
  row.rev = fb_server_store_next_rev (self, error);
  if (row.rev == 0)
    return FALSE;
  row.updated_at = now;
  row.deleted = fb_record_get_deleted (record);
  row.fields = fb_server_record_to_fields (record);
  row.field_revs = json_object_new ();
  row.project_id = fb_server_store_dup_record_project (self, record);
  row.round_id = fb_round_access_dup_round_id (record);
  row.owner_id = old != NULL ? g_strdup (old->owner_id) : g_strdup (user_id);

  json_object_iter_init (&iter, row.fields);
  while (json_object_iter_next (&iter, &name, NULL))
    json_object_set_int_member (row.field_revs, name, row.rev);

  ok = fb_server_store_put_row (self, &row, error) &&
       (!FB_IS_PROJECT (record) ||
        fb_server_store_put_project_access (self, FB_PROJECT (record), row.owner_id, error)) &&
       fb_server_store_add_audit (self, user_id, old != NULL ? "update" : "create",
                                  row.entity, row.id, row.rev, row.fields, error);

  json_object_unref (row.fields);
  json_object_unref (row.field_revs);
  g_free (row.project_id);
  g_free (row.round_id);
  g_free (row.owner_id);
  fb_record_set_rev (record, row.rev);
  return ok;
}

/**
 * fb_server_store_find_trust:
 * @name: a trust's full or short name
 *
 * Returns: (transfer full) (nullable): the trust
 */
FbRecord *
fb_server_store_find_trust (FbServerStore *self,
                            const char    *name)
{
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;
  g_autofree char *fields = NULL;
  g_autoptr(JsonObject) object = NULL;
  FbRecord *trust;

  stmt = prepare (self,
                  "SELECT id, fields FROM record WHERE entity = 'trust' AND deleted = 0 AND"
                  " (json_extract (fields, '$.name') = ?1 COLLATE NOCASE OR"
                  "  json_extract (fields, '$.short_name') = ?1 COLLATE NOCASE)", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = dup_column (stmt, 0);
      fields = dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (id == NULL)
    return NULL;

  trust = fb_record_new (FB_TYPE_TRUST, id);
  object = parse_object (fields);
  fb_server_row_fill_record (trust, object);
  return trust;
}

gboolean
fb_server_store_add_account (FbServerStore  *self,
                             FbUser         *user,
                             const char     *password_hash,
                             GError        **error)
{
  g_autofree char *now = fb_timestamp_now ();
  sqlite3_stmt *stmt;

  if (!fb_server_store_put_record (self, FB_RECORD (user), NULL, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO account (id, email, name, trust_id, roles, password_hash, created_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, fb_record_get_id (FB_RECORD (user)));
  bind_text (stmt, 2, fb_user_get_email (user));
  bind_text (stmt, 3, fb_user_get_name (user));
  bind_text (stmt, 4, fb_user_get_trust_id (user));
  sqlite3_bind_int (stmt, 5, fb_user_get_roles (user));
  bind_text (stmt, 6, password_hash);
  bind_text (stmt, 7, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gboolean taken = sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE;

      sqlite3_reset (stmt);
      if (taken)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("A user with the e-mail address “%s” already exists."),
                     fb_user_get_email (user));
      else
        set_sqlite_error (error, self->db);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static FbServerAccount *
read_account (sqlite3_stmt *stmt)
{
  FbServerAccount *account = g_new0 (FbServerAccount, 1);

  account->id = dup_column (stmt, 0);
  account->email = dup_column (stmt, 1);
  account->name = dup_column (stmt, 2);
  account->trust_id = dup_column (stmt, 3);
  account->roles = sqlite3_column_int (stmt, 4);
  account->disabled = sqlite3_column_int (stmt, 5);
  account->password_hash = dup_column (stmt, 6);
  return account;
}

#define ACCOUNT_COLUMNS "id, email, name, trust_id, roles, disabled, password_hash"

FbServerAccount *
fb_server_store_find_account (FbServerStore *self,
                              const char    *email)
{
  sqlite3_stmt *stmt;
  FbServerAccount *account = NULL;

  stmt = prepare (self, "SELECT " ACCOUNT_COLUMNS " FROM account WHERE email = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, email);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account = read_account (stmt);
  sqlite3_reset (stmt);
  return account;
}

GPtrArray *
fb_server_store_list_accounts (FbServerStore *self)
{
  GPtrArray *accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) fb_server_account_free);
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT " ACCOUNT_COLUMNS " FROM account ORDER BY email", NULL);
  if (stmt == NULL)
    return accounts;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (accounts, read_account (stmt));
  sqlite3_reset (stmt);
  return accounts;
}

static gboolean
update_account (FbServerStore  *self,
                const char     *sql,
                const char     *email,
                const char     *text,
                int             number,
                GError        **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, email);
  bind_text (stmt, 2, text);
  sqlite3_bind_int (stmt, 3, number);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no user with the e-mail address “%s”."), email);
      return FALSE;
    }

  /* Either change ends every session the user has. */
  if ((stmt = prepare (self,
                       "UPDATE token SET revoked = 1 WHERE user_id ="
                       " (SELECT id FROM account WHERE email = ?1)", error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, email);
  return step_done (self, stmt, error);
}

gboolean
fb_server_store_set_disabled (FbServerStore  *self,
                              const char     *email,
                              gboolean        disabled,
                              GError        **error)
{
  return update_account (self, "UPDATE account SET disabled = ?3 WHERE email = ?1 AND ?2 IS NULL",
                         email, NULL, disabled, error);
}

gboolean
fb_server_store_set_password (FbServerStore  *self,
                              const char     *email,
                              const char     *password_hash,
                              GError        **error)
{
  return update_account (self,
                         "UPDATE account SET password_hash = ?2 WHERE email = ?1 AND ?3 = 0",
                         email, password_hash, 0, error);
}

gboolean
fb_server_store_add_token (FbServerStore  *self,
                           const char     *token_hash,
                           const char     *user_id,
                           gint64          expires_at,
                           GError        **error)
{
  g_autofree char *now = fb_timestamp_now ();
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO token (hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, token_hash);
  bind_text (stmt, 2, user_id);
  bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, expires_at);
  return step_done (self, stmt, error);
}

gboolean
fb_server_store_revoke_token (FbServerStore  *self,
                              const char     *token_hash,
                              GError        **error)
{
  sqlite3_stmt *stmt = prepare (self, "UPDATE token SET revoked = 1 WHERE hash = ?1", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, token_hash);
  return step_done (self, stmt, error);
}

/**
 * fb_server_store_find_caller:
 * @token_hash: the hash of a bearer token
 * @now: the current time in seconds since the epoch
 *
 * Returns: (transfer full) (nullable): the user of a valid, unexpired,
 *   unrevoked token whose account is enabled
 */
FbCaller *
fb_server_store_find_caller (FbServerStore *self,
                             const char    *token_hash,
                             gint64         now)
{
  sqlite3_stmt *stmt;
  FbCaller *caller = NULL;

  stmt = prepare (self,
                  "SELECT a.id, a.email, a.trust_id, a.roles FROM token t"
                  " JOIN account a ON a.id = t.user_id"
                  " WHERE t.hash = ?1 AND t.revoked = 0 AND t.expires_at > ?2 AND a.disabled = 0",
                  NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      caller = g_new0 (FbCaller, 1);
      caller->user_id = dup_column (stmt, 0);
      caller->email = dup_column (stmt, 1);
      caller->trust_id = dup_column (stmt, 2);
      caller->roles = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  return caller;
}

gboolean
fb_server_store_put_blob (FbServerStore  *self,
                          const char     *sha256,
                          GBytes         *bytes,
                          const char     *user_id,
                          GError        **error)
{
  g_autofree char *now = fb_timestamp_now ();
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO blob (sha256, size, data, user_id, created_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_blob64 (stmt, 3, size ? data : "", size, SQLITE_STATIC);
  bind_text (stmt, 4, user_id);
  bind_text (stmt, 5, now);
  return step_done (self, stmt, error);
}

GBytes *
fb_server_store_dup_blob (FbServerStore  *self,
                          const char     *sha256,
                          char          **uploaded_by)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  stmt = prepare (self, "SELECT data, user_id FROM blob WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, sha256);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      if (uploaded_by != NULL)
        *uploaded_by = dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
  return bytes;
}

/**
 * fb_server_store_list_blob_owners:
 * @sha256: a blob's hash
 *
 * Returns: (transfer full) (element-type utf8): the project ids of the
 *   attachments that name the blob
 */
GPtrArray *
fb_server_store_list_blob_owners (FbServerStore *self,
                                  const char    *sha256)
{
  GPtrArray *projects = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "SELECT project_id FROM record WHERE entity = 'attachment' AND deleted = 0"
                  " AND json_extract (fields, '$.sha256') = ?1", NULL);
  if (stmt == NULL)
    return projects;
  bind_text (stmt, 1, sha256);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      g_ptr_array_add (projects, dup_column (stmt, 0));
  sqlite3_reset (stmt);
  return projects;
}

/**
 * fb_server_store_backup:
 * @path: the server's database, possibly in use by a running server
 * @destination: the copy to write
 *
 * Copies the database with sqlite's online backup: readers and the writer
 * carry on while it runs, and the copy is one consistent state.
 */
gboolean
fb_server_store_backup (const char  *path,
                        const char  *destination,
                        GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no server database at “%s”."), path);
      return FALSE;
    }

  if (sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_open_v2 (destination, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not open “%s”: %s"),
                   copy == NULL ? path : destination,
                   sqlite3_errmsg (copy != NULL ? copy : source));
      goto out;
    }

  sqlite3_busy_timeout (source, 5000);
  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, copy);
      goto out;
    }

  /* Small steps let the running server write between them. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, copy);
  else
    ok = TRUE;

out:
  sqlite3_close_v2 (source);
  sqlite3_close_v2 (copy);
  if (!ok)
    g_unlink (destination);
  return ok;
}

gboolean
fb_server_store_check (FbServerStore  *self,
                       GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, self->db);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = dup_column (stmt, 0);
  sqlite3_finalize (stmt);

  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server database is damaged: %s"), result ? result : "?");
      return FALSE;
    }
  return TRUE;
}

void
fb_server_row_free (FbServerRow *row)
{
  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->entity);
  g_free (row->updated_at);
  g_clear_pointer (&row->fields, json_object_unref);
  g_clear_pointer (&row->field_revs, json_object_unref);
  g_free (row->project_id);
  g_free (row->trust_id);
  g_free (row->round_id);
  g_free (row->owner_id);
  g_free (row);
}

void
fb_server_account_free (FbServerAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->id);
  g_free (account->email);
  g_free (account->name);
  g_free (account->trust_id);
  g_free (account->password_hash);
  g_free (account);
}

/**
 * fb_server_row_fill_record:
 * @record: a record
 * @fields: stored fields
 *
 * Sets the fields of @record from @fields, skipping any the class no longer
 * has. Stored fields were checked when written.
 */
void
fb_server_row_fill_record (FbRecord   *record,
                           JsonObject *fields)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &member, &node))
    {
      GParamSpec *pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (record), member);

      if (pspec != NULL)
        fb_record_set_field_json (record, pspec, node, NULL);
    }
}

/* Reads rows of (id, rev, fields) into records of @type. */
static void
read_records (sqlite3_stmt *stmt,
              GType         type,
              GPtrArray    *records)
{
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FbRecord *record = fb_record_new (type, (const char *) sqlite3_column_text (stmt, 0));
      g_autoptr(JsonObject) fields = parse_object ((const char *) sqlite3_column_text (stmt, 2));

      fb_record_set_rev (record, sqlite3_column_int64 (stmt, 1));
      fb_server_row_fill_record (record, fields);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
}

/**
 * fb_server_store_list_records:
 * @type: a record class
 *
 * Returns: (transfer full) (element-type FbRecord): the records of @type
 *   that are not deleted
 */
GPtrArray *
fb_server_store_list_records (FbServerStore *self,
                              GType          type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT id, rev, fields FROM record WHERE entity = ?1 AND deleted = 0"
                        " ORDER BY rev", NULL);
  if (stmt == NULL)
    return records;
  bind_text (stmt, 1, FB_RECORD_CLASS (klass)->entity);
  read_records (stmt, type, records);
  return records;
}

/**
 * fb_server_store_list_round_records:
 * @type: a prize-round record class
 * @round_id: the round
 *
 * Returns: (transfer full) (element-type FbRecord): the round's records of
 *   @type that are not deleted
 */
GPtrArray *
fb_server_store_list_round_records (FbServerStore *self,
                                    GType          type,
                                    const char    *round_id)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT id, rev, fields FROM record"
                        " WHERE entity = ?1 AND round_id = ?2 AND deleted = 0 ORDER BY rev", NULL);
  if (stmt == NULL)
    return records;
  bind_text (stmt, 1, FB_RECORD_CLASS (klass)->entity);
  bind_text (stmt, 2, round_id);
  read_records (stmt, type, records);
  return records;
}

/**
 * fb_server_store_count_submitted:
 * @round_id: a prize round
 * @trust_id: a trust
 * @except_id: a nomination not to count
 *
 * Returns: how many of the trust's nominations in the round, other than
 *   @except_id, are submitted
 */
guint
fb_server_store_count_submitted (FbServerStore *self,
                                 const char    *round_id,
                                 const char    *trust_id,
                                 const char    *except_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  stmt = prepare (self, "SELECT count(*) FROM record WHERE entity = 'nomination' AND deleted = 0"
                        " AND round_id = ?1 AND json_extract (fields, '$.trust_id') = ?2"
                        " AND json_extract (fields, '$.status') = 'submitted' AND id != ?3", NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  bind_text (stmt, 1, round_id);
  bind_text (stmt, 2, trust_id);
  bind_text (stmt, 3, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * fb_server_store_dup_project_snapshot:
 * @project_id: a project
 *
 * Freezes a project as it is now: the project, its measures with their
 * data, and its PDSA cycles, as the records' stored fields.
 *
 * Returns: (transfer full): `{"taken_at", "records": [{entity, id, rev,
 *   fields}]}`
 */
JsonNode *
fb_server_store_dup_project_snapshot (FbServerStore *self,
                                      const char    *project_id)
{
  g_autofree char *now = fb_timestamp_now ();
  JsonObject *snapshot = json_object_new ();
  JsonArray *records = json_array_new ();
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT entity, id, rev, fields FROM record WHERE project_id = ?1"
                        " AND deleted = 0 AND entity IN ('project', 'measure', 'data_point', 'pdsa_cycle')"
                        " ORDER BY rev", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, project_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          JsonObject *record = json_object_new ();

          json_object_set_string_member (record, "entity", (const char *) sqlite3_column_text (stmt, 0));
          json_object_set_string_member (record, "id", (const char *) sqlite3_column_text (stmt, 1));
          json_object_set_int_member (record, "rev", sqlite3_column_int64 (stmt, 2));
          json_object_set_object_member (record, "fields",
                                         parse_object ((const char *) sqlite3_column_text (stmt, 3)));
          json_array_add_object_element (records, record);
        }
      sqlite3_reset (stmt);
    }

  json_object_set_string_member (snapshot, "taken_at", now);
  json_object_set_array_member (snapshot, "records", records);
  return json_node_init_object (json_node_alloc (), snapshot);
}

/**
 * fb_server_record_to_fields:
 * @record: a record
 *
 * Returns: (transfer full): every field of @record by its JSON member name,
 *   as the server stores them
 */
JsonObject *
fb_server_record_to_fields (FbRecord *record)
{
  JsonObject *object = json_object_new ();
  GParamSpec **fields;
  guint n_fields;

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (record), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = fb_record_field_to_column (fields[i]);

      json_object_set_member (object, name, fb_record_dup_field_json (record, fields[i]));
    }
  return object;
}
