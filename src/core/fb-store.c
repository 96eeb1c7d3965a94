/* fb-store.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fb-attachment.h"
#include "fb-csv.h"
#include "fb-data-point.h"
#include "fb-measure.h"
#include "fb-pdsa-cycle.h"
#include "fb-project.h"
#include "fb-record-list.h"
#include "fb-store-private.h"
#include "fb-trust.h"
#include "fb-user.h"
#include "fb-utils.h"

/* "FBDR": marks the file as ours, so that a stray sqlite file is refused. */
#define FB_STORE_APPLICATION_ID 0x46424452

struct _FbStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GHashTable   *statements;
  GRecMutex     lock;
  GThread      *lock_holder;
  guint         lock_depth;
  /* A second, read-only connection: see begin_read (). */
  sqlite3      *reader;
  GHashTable   *reader_statements;
  GMutex        reader_lock;
  GMainContext *context;
  GThread      *owner;
  GThreadPool  *writes;
  guint         pending_writes;
  guint         read_only : 1;
};

enum {
  PROP_0,
  PROP_PENDING_WRITES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void write_queue_cb (gpointer data,
                            gpointer user_data);

G_DEFINE_FINAL_TYPE (FbStore, fb_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (fb-store-error-quark, fb_store_error)

static const char *
order_for_entity (const char *entity)
{
  if (strcmp (entity, "project") == 0)
    return "title COLLATE NOCASE, id";
  if (strcmp (entity, "trust") == 0 || strcmp (entity, "user") == 0)
    return "name COLLATE NOCASE, id";
  if (strcmp (entity, "data_point") == 0)
    return "period, id";
  if (strcmp (entity, "pdsa_cycle") == 0)
    return "number, id";
  if (strcmp (entity, "prize") == 0)
    return "rank, id";
  if (strcmp (entity, "criterion") == 0)
    return "position, id";

  return "rowid";
}

gboolean
_fb_store_set_sqlite_error (GError  **error,
                            sqlite3  *db,
                            int       rc)
{
  int primary = rc & 0xff;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_FULL,
                   _("The disk is full. This change was not saved; everything saved before it "
                     "is safe. Free some space and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_READ_ONLY,
                   _("The database file is read-only, so this change was not saved; "
                     "everything saved before it is safe. Check the file’s permissions."));
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_A_DATABASE,
                   _("The file is not a Forbedring database or is damaged (%s)."), detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_BUSY,
                   _("The database is busy in another program. Try again in a moment."));
      break;

    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_INVALID,
                       _("The change refers to a record that does not exist (such as a trust "
                         "or project that was deleted). Nothing was saved."));
          break;
        }
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_INVALID,
                   _("The change conflicts with what is already saved (%s). Nothing was "
                     "saved."), detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_FAILED,
                   _("The database could not be opened (%s)."), detail);
      break;

    default:
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
    }

  return FALSE;
}

static void
fb_store_finalize (GObject *object)
{
  FbStore *self = (FbStore *)object;

  /* Every queued write holds a reference, so the queue is empty here; the
   * pool's thread may still be returning from the last one, so do not wait
   * for it (this may even run on that thread). */
  if (self->writes != NULL)
    g_thread_pool_free (g_steal_pointer (&self->writes), FALSE, FALSE);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->reader_statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  if (self->reader != NULL)
    sqlite3_close_v2 (self->reader);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_rec_mutex_clear (&self->lock);
  g_mutex_clear (&self->reader_lock);

  G_OBJECT_CLASS (fb_store_parent_class)->finalize (object);
}

static void
fb_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FbStore *self = FB_STORE (object);

  switch (prop_id)
    {
    case PROP_PENDING_WRITES:
      g_value_set_uint (value, self->pending_writes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_store_class_init (FbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fb_store_finalize;
  object_class->get_property = fb_store_get_property;

  /**
   * FbStore:pending-writes:
   *
   * The number of asynchronous writes queued or running. It is notified,
   * on the thread that opened the store, only when the store starts
   * writing (0 → 1) and when it has written everything (→ 0), so that an
   * application can stay alive until its last edit is on disk.
   */
  properties[PROP_PENDING_WRITES] =
    g_param_spec_uint ("pending-writes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FbStore::changed:
   * @self: the store
   * @entity: the entity that changed ("project")
   * @id: (nullable): the record, or %NULL when many changed at once
   *
   * Emitted on the thread that opened the store, after a commit.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
fb_store_init (FbStore *self)
{
  g_rec_mutex_init (&self->lock);
  g_mutex_init (&self->reader_lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_stmt);
  self->reader_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   finalize_stmt);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  /* One thread at most, taking writes first in, first out: two quick
   * saves of the same record land in the order they were made. */
  self->writes = g_thread_pool_new (write_queue_cb, self, 1, FALSE, NULL);
}

/* Statements are prepared once per connection and kept; the caller holds
 * that connection's lock and resets the statement when done (see
 * _fb_store_finish_stmt ()). */
static sqlite3_stmt *
prepare_on (FbStore     *self,
            sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  GHashTable *statements = db == self->db ? self->statements : self->reader_statements;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = g_hash_table_lookup (statements, sql)))
    return stmt;

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _fb_store_set_sqlite_error (error, db, rc);
      return NULL;
    }

  g_hash_table_insert (statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3_stmt *
_fb_store_prepare (FbStore     *self,
                   const char  *sql,
                   GError     **error)
{
  return prepare_on (self, self->db, sql, error);
}

void
_fb_store_finish_stmt (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
exec (FbStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _fb_store_set_sqlite_error (error, self->db, rc);

  return TRUE;
}

void
_fb_store_lock (FbStore *self)
{
  g_rec_mutex_lock (&self->lock);
  if (self->lock_depth++ == 0)
    g_atomic_pointer_set (&self->lock_holder, g_thread_self ());
}

void
_fb_store_unlock (FbStore *self)
{
  g_assert (self->lock_depth > 0);

  if (--self->lock_depth == 0)
    g_atomic_pointer_set (&self->lock_holder, NULL);
  g_rec_mutex_unlock (&self->lock);
}

/* Reads go to the read-only connection and take only its own lock, so a
 * read never waits for a write: in WAL mode it sees the last commit while
 * the writer's transaction is still open. A thread that holds the write
 * lock (inside a transaction) reads through the writer instead, to see
 * its own changes. Returns the connection to use, locked; hand it back to
 * end_read (). */
static sqlite3 *
begin_read (FbStore *self)
{
  if (self->reader == NULL || g_atomic_pointer_get (&self->lock_holder) == g_thread_self ())
    {
      _fb_store_lock (self);
      return self->db;
    }

  g_mutex_lock (&self->reader_lock);
  return self->reader;
}

static void
end_read (FbStore *self,
          sqlite3 *db)
{
  if (db == self->db)
    _fb_store_unlock (self);
  else
    g_mutex_unlock (&self->reader_lock);
}

sqlite3 *
_fb_store_get_db (FbStore *self)
{
  return self->db;
}

static gint64
query_int_on (sqlite3    *db,
              const char *sql,
              gint64      fallback)
{
  sqlite3_stmt *stmt;
  gint64 ret = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return ret;
}

static gint64
query_int (FbStore    *self,
           const char *sql,
           gint64      fallback)
{
  return query_int_on (self->db, sql, fallback);
}

static gboolean
check_writable (FbStore  *self,
                GError  **error)
{
  if (!self->read_only)
    return TRUE;

  return _fb_store_set_sqlite_error (error, NULL, SQLITE_READONLY);
}

gboolean
_fb_store_begin (FbStore  *self,
       GError  **error)
{
  if (!check_writable (self, error))
    return FALSE;

  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_fb_store_commit (FbStore  *self,
        GError  **error)
{
  if (exec (self, "COMMIT", error))
    return TRUE;

  /* A failed COMMIT (a full disk, a deferred foreign key) leaves the
   * transaction open: roll it back so nothing half-done remains. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return FALSE;
}

void
_fb_store_rollback (FbStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

typedef struct
{
  FbStore *store;
  char    *entity;
  char    *id;
} ChangedEvent;

static gboolean
emit_changed_cb (gpointer data)
{
  ChangedEvent *event = data;

  g_signal_emit (event->store, signals[CHANGED], g_quark_from_string (event->entity),
                 event->entity, event->id);

  g_object_unref (event->store);
  g_free (event->entity);
  g_free (event->id);
  g_free (event);

  return G_SOURCE_REMOVE;
}

/* Listeners live on the thread that opened the store; a write from a worker
 * thread tells them there, always through their main context. (Not with
 * g_main_context_invoke (): a worker with no context of its own would
 * acquire the default one while it is idle and emit right there.) */
void
_fb_store_emit_changed (FbStore    *self,
              const char *entity,
              const char *id)
{
  ChangedEvent *event = g_new0 (ChangedEvent, 1);
  GSource *source;

  event->store = g_object_ref (self);
  event->entity = g_strdup (entity);
  event->id = g_strdup (id);

  if (g_thread_self () == self->owner)
    {
      emit_changed_cb (event);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_changed_cb, event, NULL);
  g_source_set_static_name (source, "[fb-store] changed");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static gboolean
migrate (FbStore  *self,
         gint64    version,
         GError  **error)
{
  g_autofree char *set_version = NULL;

  if (version == FB_STORE_SCHEMA_VERSION)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_READ_ONLY,
                   _("The database must be upgraded to this version of Forbedring, but the "
                     "file is read-only."));
      return FALSE;
    }

  if (!_fb_store_begin (self, error))
    return FALSE;

  for (gint64 v = version; v < FB_STORE_SCHEMA_VERSION; v++)
    if (!exec (self, _fb_store_migrations[v], error))
      {
        _fb_store_rollback (self);
        return FALSE;
      }

  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 FB_STORE_SCHEMA_VERSION, FB_STORE_APPLICATION_ID);
  if (!exec (self, set_version, error))
    {
      _fb_store_rollback (self);
      return FALSE;
    }

  return _fb_store_commit (self, error);
}

/* Opens the connection that reads go through (see begin_read ()). Only a
 * WAL database lets it read beside a writer; in any other journal mode a
 * reader would block the writer's commit, so reads then share the writer's
 * connection, as they do when this connection cannot be opened. */
static void
open_reader (FbStore *self)
{
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt;
  gboolean wal = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        wal = g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") == 0;
      sqlite3_finalize (stmt);
    }

  if (!wal)
    return;

  rc = sqlite3_open_v2 (self->path, &reader, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (reader, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Reads share the writer’s connection: %s", sqlite3_errstr (rc));
      sqlite3_close_v2 (reader);
      return;
    }

  sqlite3_extended_result_codes (reader, TRUE);
  sqlite3_busy_timeout (reader, 5000);
  self->reader = reader;
}

/**
 * fb_store_dup_default_path:
 *
 * Returns: (transfer full): where the app keeps its database:
 *   `$XDG_DATA_HOME/forbedring/forbedring.db`
 */
char *
fb_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "forbedring", "forbedring.db", NULL);
}

/**
 * fb_store_open:
 * @path: (nullable): the database file, or %NULL for the default
 * @error: return location for a #GError
 *
 * Opens or creates the local store and brings its schema up to date. A
 * database written by a newer version, or a file that is not ours, is
 * refused without being changed.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FbStore *
fb_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(FbStore) self = NULL;
  g_autofree char *dir = NULL;
  gint64 version, app_id, n_tables;
  int rc;

  self = g_object_new (FB_TYPE_STORE, NULL);
  self->path = path ? g_strdup (path) : fb_store_dup_default_path ();

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _fb_store_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  self->read_only = sqlite3_db_readonly (self->db, "main") == 1;

  /* Read before anything writes: a newer or foreign file stays untouched. */
  rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK && self->read_only && (rc & 0xff) == SQLITE_READONLY)
    {
      /* A read-only WAL database can only be read when its -wal and -shm
       * files exist or its folder lets sqlite create them. */
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only, and so is its folder, so it cannot be opened. "
                     "Check the permissions of the file and its folder, or open a copy."),
                   self->path);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      _fb_store_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  version = query_int (self, "PRAGMA user_version", 0);
  app_id = query_int (self, "PRAGMA application_id", 0);
  n_tables = query_int (self, "SELECT count(*) FROM sqlite_schema", 0);

  if ((app_id != 0 && app_id != FB_STORE_APPLICATION_ID) || (version == 0 && n_tables > 0))
    {
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Forbedring. It was "
                     "left unchanged."), self->path);
      return NULL;
    }

  if (version > FB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Forbedring (schema %d; "
                     "this version knows up to %d). It was left unchanged: update Forbedring "
                     "to open it."),
                   (int)version, FB_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* WAL with full sync: an acknowledged commit survives a crash or kill. */
  if (!self->read_only &&
      !exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                 "PRAGMA cache_size = -65536;", error))
    return NULL;

  if (!exec (self, "PRAGMA foreign_keys = ON;", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  open_reader (self);

  return g_steal_pointer (&self);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  FbStore *store;

  if ((store = fb_store_open (task_data, &error)))
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * fb_store_open_async:
 * @path: (nullable): the database file, or %NULL for the default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open
 * @user_data: data for @callback
 *
 * Opens the store on a worker thread (migrations may take a while).
 */
void
fb_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fb_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

/**
 * fb_store_open_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the store, whose signals are emitted on the
 *   calling thread, or %NULL with @error set
 */
FbStore *
fb_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  FbStore *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!(self = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();

  return self;
}

const char *
fb_store_get_path (FbStore *self)
{
  g_return_val_if_fail (FB_IS_STORE (self), NULL);

  return self->path;
}

gboolean
fb_store_is_read_only (FbStore *self)
{
  g_return_val_if_fail (FB_IS_STORE (self), TRUE);

  return self->read_only;
}

static sqlite3_stmt *
prepare_select_by_id (FbStore     *self,
                      sqlite3     *db,
                      GType        type,
                      GError     **error)
{
  g_autofree char *select = _fb_store_select_sql (type);
  g_autofree char *sql = g_strdup_printf ("%s WHERE id = ?", select);

  return prepare_on (self, db, sql, error);
}

/* Returns the stored row, deleted or not, or NULL when there is none; the
 * caller holds the lock of @db. */
static FbRecord *
load_record (FbStore     *self,
             sqlite3     *db,
             GType        type,
             const char  *id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  FbRecord *record = NULL;
  int rc;

  if (!(stmt = prepare_select_by_id (self, db, type, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _fb_store_read_record (stmt, type);
  else if (rc != SQLITE_DONE)
    _fb_store_set_sqlite_error (error, db, rc);
  _fb_store_finish_stmt (stmt);

  return record;
}

/**
 * fb_store_get_record:
 * @self: a #FbStore
 * @type: the record type, e.g. %FB_TYPE_PROJECT
 * @id: the record's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new copy of the record (a deleted one has
 *   #FbRecord:deleted set), or %NULL with %FB_STORE_ERROR_NOT_FOUND
 */
FbRecord *
fb_store_get_record (FbStore     *self,
                     GType        type,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FbRecord *record;
  sqlite3 *db;

  g_return_val_if_fail (FB_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, FB_TYPE_RECORD), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  db = begin_read (self);
  record = load_record (self, db, type, id, &local_error);
  end_read (self, db);

  if (record == NULL && local_error == NULL)
    {
      g_autoptr(FbRecordClass) klass = g_type_class_ref (type);

      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the id “%s”."), klass->entity, id);
      return NULL;
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return record;
}

static char *
upsert_sql (FbRecordClass *klass)
{
  GString *cols = g_string_new ("id, rev, updated_at, deleted");
  GString *vals = g_string_new ("?, ?, ?, ?");
  GString *sets = g_string_new ("updated_at = excluded.updated_at, deleted = excluded.deleted");
  GParamSpec **fields;
  guint n_fields;
  char *sql;

  fields = fb_record_class_list_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = fb_record_field_to_column (fields[i]);

      g_string_append_printf (cols, ", \"%s\"", column);
      g_string_append (vals, ", ?");
      g_string_append_printf (sets, ", \"%s\" = excluded.\"%s\"", column, column);
    }

  sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s) ON CONFLICT (id) DO UPDATE SET %s",
                         klass->entity, cols->str, vals->str, sets->str);

  g_string_free (cols, TRUE);
  g_string_free (vals, TRUE);
  g_string_free (sets, TRUE);

  return sql;
}

gboolean
_fb_store_append_outbox (FbStore     *self,
               const char  *entity,
               const char  *record_id,
               gint64       base_rev,
               const char  *fields_json,
               gboolean     deleted,
               const char  *now,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _fb_store_prepare (self,
                        "INSERT INTO outbox (entity, record_id, base_rev, fields, deleted, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, base_rev);
  sqlite3_bind_text (stmt, 4, fields_json, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, deleted);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  _fb_store_finish_stmt (stmt);

  if (rc != SQLITE_DONE)
    return _fb_store_set_sqlite_error (error, self->db, rc);

  return TRUE;
}

/* Writes one record inside the caller's transaction: the row and, when
 * anything changed, one outbox entry with the changed fields only. */
static gboolean
write_record (FbStore   *self,
              FbRecord  *record,
              gboolean  *wrote,
              GError   **error)
{
  FbRecordClass *klass = FB_RECORD_GET_CLASS (record);
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(JsonArray) changed = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *fields_json = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) local_error = NULL;
  GParamSpec **fields;
  guint n_fields;
  gboolean deleted_changed;
  sqlite3_stmt *stmt;
  int rc;

  *wrote = FALSE;

  stored = load_record (self, self->db, G_OBJECT_TYPE (record), fb_record_get_id (record),
                        &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The outbox names the changed fields; their values are read from the
   * record when it is sent, so later edits coalesce and nothing is stored
   * twice. "*" marks a new record: all of it. */
  fields = fb_record_class_list_fields (klass, &n_fields);
  if (stored == NULL)
    json_array_add_string_element (changed, "*");
  else
    for (guint i = 0; i < n_fields; i++)
      if (!fb_record_field_equal (record, stored, fields[i]))
        {
          g_autofree char *column = fb_record_field_to_column (fields[i]);

          json_array_add_string_element (changed, column);
        }

  deleted_changed = stored != NULL &&
                    fb_record_get_deleted (stored) != fb_record_get_deleted (record);

  if (stored != NULL && json_array_get_length (changed) == 0 && !deleted_changed)
    return TRUE;

  now = fb_timestamp_now ();
  sql = upsert_sql (klass);
  if (!(stmt = _fb_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, fb_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, stored ? fb_record_get_rev (stored) : fb_record_get_rev (record));
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, fb_record_get_deleted (record));
  for (guint i = 0; i < n_fields; i++)
    _fb_store_bind_field (stmt, 5 + i, record, fields[i]);

  rc = sqlite3_step (stmt);
  _fb_store_finish_stmt (stmt);
  if (rc != SQLITE_DONE)
    return _fb_store_set_sqlite_error (error, self->db, rc);

  root = json_node_init_array (json_node_alloc (), changed);
  fields_json = json_to_string (root, FALSE);

  if (!_fb_store_append_outbox (self, klass->entity, fb_record_get_id (record),
                      stored ? fb_record_get_rev (stored) : fb_record_get_rev (record),
                      fields_json, fb_record_get_deleted (record), now, error))
    return FALSE;

  fb_record_set_updated_at (record, now);
  *wrote = TRUE;

  return TRUE;
}

gboolean
_fb_store_save_many_locked (FbStore    *self,
                  FbRecord  **records,
                  guint       n_records,
                  GPtrArray  *written,
                  GError    **error)
{
  for (guint i = 0; i < n_records; i++)
    {
      gboolean wrote;

      if (!write_record (self, records[i], &wrote, error))
        return FALSE;
      if (wrote)
        g_ptr_array_add (written, records[i]);
    }

  return TRUE;
}

/**
 * fb_store_save_many:
 * @self: a #FbStore
 * @records: (array length=n_records): records to create or update
 * @n_records: the number of records
 * @error: return location for a #GError
 *
 * Validates and saves the records in one transaction: all of them or, on
 * any error, none. Each changed record gets one outbox entry holding the
 * fields that changed. Records that did not change are left alone.
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_save_many (FbStore   *self,
                    FbRecord **records,
                    guint      n_records,
                    GError   **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new ();
  g_autoptr(GHashTable) entities = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *entity;
  gboolean ok;

  g_return_val_if_fail (FB_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL || n_records == 0, FALSE);

  for (guint i = 0; i < n_records; i++)
    if (!fb_record_validate (records[i], error))
      return FALSE;

  _fb_store_lock (self);
  ok = _fb_store_begin (self, error);
  if (ok && !(ok = _fb_store_save_many_locked (self, records, n_records, written, error)))
    _fb_store_rollback (self);
  if (ok)
    ok = _fb_store_commit (self, error);
  _fb_store_unlock (self);

  if (!ok)
    return FALSE;

  if (written->len == 1)
    {
      _fb_store_emit_changed (self, fb_record_get_entity (written->pdata[0]),
                              fb_record_get_id (written->pdata[0]));
      return TRUE;
    }

  for (guint i = 0; i < written->len; i++)
    g_hash_table_add (entities, (gpointer)fb_record_get_entity (written->pdata[i]));

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, (gpointer *)&entity, NULL))
    _fb_store_emit_changed (self, entity, NULL);

  return TRUE;
}

/**
 * fb_store_save:
 * @self: a #FbStore
 * @record: the record to create or update
 * @error: return location for a #GError
 *
 * Saves one record durably; see fb_store_save_many().
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_save (FbStore   *self,
               FbRecord  *record,
               GError   **error)
{
  return fb_store_save_many (self, &record, 1, error);
}

static gboolean
set_deleted (FbStore   *self,
             FbRecord  *record,
             gboolean   deleted,
             GError   **error)
{
  gboolean was = fb_record_get_deleted (record);

  fb_record_set_deleted (record, deleted);
  if (fb_store_save (self, record, error))
    return TRUE;

  fb_record_set_deleted (record, was);
  return FALSE;
}

/**
 * fb_store_delete:
 * @self: a #FbStore
 * @record: a saved record
 * @error: return location for a #GError
 *
 * Marks the record deleted (a tombstone that syncs), so it can be restored.
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_delete (FbStore   *self,
                 FbRecord  *record,
                 GError   **error)
{
  return set_deleted (self, record, TRUE, error);
}

/**
 * fb_store_restore:
 * @self: a #FbStore
 * @record: a deleted record
 * @error: return location for a #GError
 *
 * Undoes fb_store_delete().
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_restore (FbStore   *self,
                  FbRecord  *record,
                  GError   **error)
{
  return set_deleted (self, record, FALSE, error);
}

/* Asynchronous writes. They go through the store's own queue, one at a
 * time and in the order they were asked for, on a thread of their own; the
 * worker owns copies of what it writes, never objects the caller can
 * change. */

typedef struct
{
  GTaskThreadFunc      worker;
  GPtrArray           *records;
  char                *measure_id;
  GArray              *rows;
  GBytes              *bytes;
  FbStoreImportResult  counts;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_pointer (&write->records, g_ptr_array_unref);
  g_clear_pointer (&write->measure_id, g_free);
  g_clear_pointer (&write->rows, g_array_unref);
  g_clear_pointer (&write->bytes, g_bytes_unref);
  g_free (write);
}

static void
set_pending_writes (FbStore *self,
                    int      delta)
{
  guint was = self->pending_writes;

  g_assert (delta > 0 || self->pending_writes > 0);

  self->pending_writes += delta;
  if ((was == 0) != (self->pending_writes == 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_WRITES]);
}

static gboolean
write_done_cb (gpointer data)
{
  set_pending_writes (g_task_get_source_object (data), -1);
  return G_SOURCE_REMOVE;
}

static void
write_queue_cb (gpointer data,
                gpointer user_data)
{
  GTask *task = data;
  FbStore *self = g_task_get_source_object (task);
  WriteData *write = g_task_get_task_data (task);
  GSource *source;

  /* A write cancelled while it waited is not made; once started it is. */
  if (!g_task_return_error_if_cancelled (task))
    write->worker (task, self, write, g_task_get_cancellable (task));

  /* The count drops on the owner's context, after the task's callback
   * (queued before it, at the same priority). The source takes the task
   * over, so this thread holds no reference to the store after this. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, write_done_cb, task, g_object_unref);
  g_source_set_static_name (source, "[fb-store] write done");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
queue_write (FbStore             *self,
             gpointer             source_tag,
             WriteData           *write,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, write, write_data_free);

  /* The count is kept on the thread that opened the store, which is
   * where the async writes are queued from. */
  g_warn_if_fail (g_thread_self () == self->owner);
  set_pending_writes (self, 1);
  g_thread_pool_push (self->writes, task, NULL);
}

static gboolean
propagate_write (FbStore       *self,
                 GAsyncResult  *result,
                 gpointer       source_tag,
                 GError       **error)
{
  g_return_val_if_fail (FB_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_many_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  if (fb_store_save_many (source_object, (FbRecord **)write->records->pdata,
                          write->records->len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static WriteData *
write_data_for_records (FbRecord **records,
                        guint      n_records)
{
  WriteData *write = g_new0 (WriteData, 1);

  write->worker = save_many_worker;
  write->records = g_ptr_array_new_full (n_records, g_object_unref);
  for (guint i = 0; i < n_records; i++)
    g_ptr_array_add (write->records, fb_record_copy (records[i]));

  return write;
}

/**
 * fb_store_save_many_async:
 * @self: a #FbStore
 * @records: (array length=n_records): records to create or update
 * @n_records: the number of records
 * @cancellable: (nullable): cancels the write if it has not started yet
 * @callback: called on the calling thread's context when it is done
 * @user_data: data for @callback
 *
 * Saves copies of the records, taken now, on the store's write thread; see
 * fb_store_save_many(). Writes queued by one store are made one at a time,
 * in the order they were queued, so later edits always win.
 */
void
fb_store_save_many_async (FbStore             *self,
                          FbRecord           **records,
                          guint                n_records,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (FB_IS_STORE (self));
  g_return_if_fail (records != NULL || n_records == 0);

  queue_write (self, fb_store_save_many_async, write_data_for_records (records, n_records),
               cancellable, callback, user_data);
}

/**
 * fb_store_save_many_finish:
 * @self: a #FbStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_save_many_finish (FbStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return propagate_write (self, result, fb_store_save_many_async, error);
}

/**
 * fb_store_save_async:
 * @self: a #FbStore
 * @record: the record to create or update
 * @cancellable: (nullable): cancels the write if it has not started yet
 * @callback: called on the calling thread's context when it is done
 * @user_data: data for @callback
 *
 * Saves a copy of @record, taken now; see fb_store_save_many_async().
 */
void
fb_store_save_async (FbStore             *self,
                     FbRecord            *record,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (FB_IS_STORE (self));
  g_return_if_fail (FB_IS_RECORD (record));

  queue_write (self, fb_store_save_async, write_data_for_records (&record, 1),
               cancellable, callback, user_data);
}

/**
 * fb_store_save_finish:
 * @self: a #FbStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_save_finish (FbStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return propagate_write (self, result, fb_store_save_async, error);
}

static void
queue_set_deleted (FbStore             *self,
                   FbRecord            *record,
                   gboolean             deleted,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  WriteData *write = write_data_for_records (&record, 1);

  /* The caller's record is left as it is; the list models drop or bring
   * back the record once the change is committed. */
  fb_record_set_deleted (write->records->pdata[0], deleted);
  queue_write (self, source_tag, write, cancellable, callback, user_data);
}

/**
 * fb_store_delete_async:
 * @self: a #FbStore
 * @record: a saved record
 * @cancellable: (nullable): cancels the write if it has not started yet
 * @callback: called on the calling thread's context when it is done
 * @user_data: data for @callback
 *
 * Marks a copy of the record deleted and saves it; see fb_store_delete().
 * @record itself is not changed.
 */
void
fb_store_delete_async (FbStore             *self,
                       FbRecord            *record,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (FB_IS_STORE (self));
  g_return_if_fail (FB_IS_RECORD (record));

  queue_set_deleted (self, record, TRUE, fb_store_delete_async, cancellable, callback,
                     user_data);
}

/**
 * fb_store_delete_finish:
 * @self: a #FbStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_delete_finish (FbStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return propagate_write (self, result, fb_store_delete_async, error);
}

/**
 * fb_store_restore_async:
 * @self: a #FbStore
 * @record: a deleted record
 * @cancellable: (nullable): cancels the write if it has not started yet
 * @callback: called on the calling thread's context when it is done
 * @user_data: data for @callback
 *
 * Undoes fb_store_delete_async() on a copy of @record.
 */
void
fb_store_restore_async (FbStore             *self,
                        FbRecord            *record,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (FB_IS_STORE (self));
  g_return_if_fail (FB_IS_RECORD (record));

  queue_set_deleted (self, record, FALSE, fb_store_restore_async, cancellable, callback,
                     user_data);
}

/**
 * fb_store_restore_finish:
 * @self: a #FbStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_restore_finish (FbStore       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate_write (self, result, fb_store_restore_async, error);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  if (fb_store_import_data (source_object, write->measure_id, write->rows, &write->counts,
                            &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fb_store_import_data_async:
 * @self: a #FbStore
 * @measure_id: the measure the rows belong to
 * @rows: (element-type FbCsvRow): rows from fb_csv_parse (); the store keeps a reference and
 *   the caller must not change them any more
 * @cancellable: (nullable): cancels the import if it has not started yet
 * @callback: called on the calling thread's context when it is done
 * @user_data: data for @callback
 *
 * Runs fb_store_import_data() on the store's write thread, in order with
 * the other writes.
 */
void
fb_store_import_data_async (FbStore             *self,
                            const char          *measure_id,
                            GArray              *rows,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WriteData *write;

  g_return_if_fail (FB_IS_STORE (self));
  g_return_if_fail (measure_id != NULL);
  g_return_if_fail (rows != NULL);

  write = g_new0 (WriteData, 1);
  write->worker = import_worker;
  write->measure_id = g_strdup (measure_id);
  write->rows = g_array_ref (rows);

  queue_write (self, fb_store_import_data_async, write, cancellable, callback, user_data);
}

/**
 * fb_store_import_data_finish:
 * @self: a #FbStore
 * @result: the result given to the callback
 * @counts: (out) (optional): how many points were added, updated and unchanged
 * @error: return location for a #GError
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_import_data_finish (FbStore              *self,
                             GAsyncResult         *result,
                             FbStoreImportResult  *counts,
                             GError              **error)
{
  if (!propagate_write (self, result, fb_store_import_data_async, error))
    return FALSE;

  if (counts != NULL)
    *counts = ((WriteData *)g_task_get_task_data (G_TASK (result)))->counts;

  return TRUE;
}

/**
 * fb_store_get_pending_writes:
 * @self: a #FbStore
 *
 * Returns: the number of asynchronous writes queued or running, as seen
 *   from the thread that opened the store
 */
guint
fb_store_get_pending_writes (FbStore *self)
{
  g_return_val_if_fail (FB_IS_STORE (self), 0);

  return self->pending_writes;
}

static char *
list_sql (GType       type,
          const char *select,
          const char *field)
{
  g_autoptr(FbRecordClass) klass = g_type_class_ref (type);
  GParamSpec *pspec;
  g_autofree char *column = NULL;

  if (field == NULL)
    return g_strdup_printf ("%s WHERE deleted = 0 ORDER BY %s",
                            select, order_for_entity (klass->entity));

  pspec = fb_record_class_find_field (klass, field);
  g_return_val_if_fail (pspec != NULL, NULL);

  column = fb_record_field_to_column (pspec);
  return g_strdup_printf ("%s WHERE deleted = 0 AND \"%s\" = ? ORDER BY %s",
                          select, column, order_for_entity (klass->entity));
}

/* The ids of the records fb_store_list () would hold, in its order: much
 * cheaper than the records, for a list to place one changed record. */
GPtrArray *
_fb_store_query_ids (FbStore     *self,
                     GType        type,
                     const char  *field,
                     const char  *value,
                     GError     **error)
{
  g_autoptr(FbRecordClass) klass = g_type_class_ref (type);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *select = g_strdup_printf ("SELECT id FROM \"%s\"", klass->entity);
  g_autofree char *sql = list_sql (type, select, field);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  db = begin_read (self);

  if (!(stmt = prepare_on (self, db, sql, error)))
    {
      end_read (self, db);
      return NULL;
    }

  if (field != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  _fb_store_finish_stmt (stmt);
  if (rc != SQLITE_DONE)
    _fb_store_set_sqlite_error (error, db, rc);
  end_read (self, db);

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&ids);
}

GPtrArray *
_fb_store_query_records (FbStore     *self,
                         GType        type,
                         const char  *field,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *select = _fb_store_select_sql (type);
  g_autofree char *sql = list_sql (type, select, field);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  db = begin_read (self);

  if (!(stmt = prepare_on (self, db, sql, error)))
    {
      end_read (self, db);
      return NULL;
    }

  if (field != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _fb_store_read_record (stmt, type));

  _fb_store_finish_stmt (stmt);
  if (rc != SQLITE_DONE)
    _fb_store_set_sqlite_error (error, db, rc);
  end_read (self, db);

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&records);
}

/**
 * fb_store_list:
 * @self: a #FbStore
 * @type: the record type
 * @field: (nullable): a field to filter on
 * @value: (nullable): the value @field must have
 *
 * Returns: (transfer full): a live #GListModel of the records that are not
 *   deleted, which follows every change to the store
 */
GListModel *
fb_store_list (FbStore    *self,
               GType       type,
               const char *field,
               const char *value)
{
  g_return_val_if_fail (FB_IS_STORE (self), NULL);

  return G_LIST_MODEL (fb_record_list_new (self, type, field, value));
}

GListModel *
fb_store_list_projects (FbStore *self)
{
  return fb_store_list (self, FB_TYPE_PROJECT, NULL, NULL);
}

GListModel *
fb_store_list_trusts (FbStore *self)
{
  return fb_store_list (self, FB_TYPE_TRUST, NULL, NULL);
}

GListModel *
fb_store_list_measures (FbStore    *self,
                        const char *project_id)
{
  return fb_store_list (self, FB_TYPE_MEASURE, "project-id", project_id);
}

GListModel *
fb_store_list_data_points (FbStore    *self,
                           const char *measure_id)
{
  return fb_store_list (self, FB_TYPE_DATA_POINT, "measure-id", measure_id);
}

GListModel *
fb_store_list_pdsa_cycles (FbStore    *self,
                           const char *project_id)
{
  return fb_store_list (self, FB_TYPE_PDSA_CYCLE, "project-id", project_id);
}

GListModel *
fb_store_list_attachments (FbStore    *self,
                           const char *owner_id)
{
  return fb_store_list (self, FB_TYPE_ATTACHMENT, "owner-id", owner_id);
}

/**
 * fb_store_find_trust:
 * @self: a #FbStore
 * @name: a trust's name or short name, in any case
 *
 * Returns: (transfer full) (nullable): the trust, or %NULL
 */
FbRecord *
fb_store_find_trust (FbStore    *self,
                     const char *name)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;
  FbRecord *trust = NULL;
  g_autofree char *select = _fb_store_select_sql (FB_TYPE_TRUST);
  g_autofree char *sql = g_strdup_printf ("%s WHERE deleted = 0 AND (name = ?1 COLLATE NOCASE "
                                          "OR short_name = ?1 COLLATE NOCASE) ORDER BY rowid",
                                          select);

  g_return_val_if_fail (FB_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  db = begin_read (self);
  if ((stmt = prepare_on (self, db, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        trust = _fb_store_read_record (stmt, FB_TYPE_TRUST);
      _fb_store_finish_stmt (stmt);
    }
  end_read (self, db);

  return trust;
}

/**
 * fb_store_add_trust:
 * @self: a #FbStore
 * @name: the trust's full name, as typed
 * @region_id: (nullable): the id of its health region
 *
 * Adds a health trust or hospital, as a person adds one from a project. The
 * name is trimmed; a blank one, or one another trust already has (in any
 * case, or as its short name), is refused with a message saying so.
 *
 * Returns: (transfer full): the new, saved #FbTrust, or %NULL with @error set
 */
FbRecord *
fb_store_add_trust (FbStore     *self,
                    const char  *name,
                    const char  *region_id,
                    GError     **error)
{
  g_autoptr(FbRecord) trust = fb_store_new_trust (self, name, region_id, error);

  if (trust == NULL || !fb_store_save (self, trust, error))
    return NULL;

  return g_steal_pointer (&trust);
}

/**
 * fb_store_new_trust:
 * @self: a #FbStore
 * @name: the trust's name; surrounding spaces are dropped
 * @region_id: (nullable): its health region
 * @error: return location for a #GError
 *
 * Makes a trust ready to save, refusing a blank name and one already taken,
 * for a caller that saves it on the write queue.
 *
 * Returns: (transfer full) (nullable): the trust, not yet saved
 */
FbRecord *
fb_store_new_trust (FbStore     *self,
                    const char  *name,
                    const char  *region_id,
                    GError     **error)
{
  g_autoptr(FbTrust) trust = NULL;
  g_autoptr(FbRecord) existing = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (FB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  trust = fb_trust_new (NULL);
  fb_trust_set_name (trust, trimmed);
  fb_trust_set_region_id (trust, region_id);

  if (!fb_record_validate (FB_RECORD (trust), error))
    return NULL;

  if ((existing = fb_store_find_trust (self, trimmed)))
    {
      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_INVALID,
                   _("“%s” is already in the list of trusts. Choose it there."),
                   fb_trust_get_name (FB_TRUST (existing)));
      return NULL;
    }

  return FB_RECORD (g_steal_pointer (&trust));
}

/**
 * fb_store_count_outbox:
 * @self: a #FbStore
 *
 * Returns: the number of local changes not yet sent to a server
 */
gint64
fb_store_count_outbox (FbStore *self)
{
  sqlite3 *db;
  gint64 n;

  g_return_val_if_fail (FB_IS_STORE (self), 0);

  db = begin_read (self);
  n = query_int_on (db, "SELECT count(*) FROM outbox", 0);
  end_read (self, db);

  return n;
}

/**
 * fb_store_count:
 * @self: a #FbStore
 * @type: a record type
 *
 * Returns: the number of records of @type that are not deleted
 */
gint64
fb_store_count (FbStore *self,
                GType    type)
{
  g_autoptr(FbRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted = 0",
                                          klass->entity);
  sqlite3 *db;
  gint64 n;

  g_return_val_if_fail (FB_IS_STORE (self), 0);

  db = begin_read (self);
  n = query_int_on (db, sql, 0);
  end_read (self, db);

  return n;
}

static const char * const entities[] = {
  "trust", "user", "project", "measure", "data_point", "pdsa_cycle", "attachment",
  "prize_round", "prize", "criterion", "nomination", "score", "award",
};

static gboolean
check_locked (FbStore    *self,
              GPtrArray  *problems,
              GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _fb_store_set_sqlite_error (error, self->db, rc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Integrity: %s"), line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _fb_store_set_sqlite_error (error, self->db, rc);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _fb_store_set_sqlite_error (error, self->db, rc);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("A %s (row %lld) refers to a missing %s."),
                                      sqlite3_column_text (stmt, 0),
                                      (long long)sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *orphans = NULL;
      g_autofree char *unsent = NULL;
      gint64 n;

      /* Every outbox entry names a record that exists... */
      orphans = g_strdup_printf ("SELECT count(*) FROM outbox o LEFT JOIN \"%s\" r "
                                 "ON r.id = o.record_id WHERE o.entity = '%s' AND r.id IS NULL",
                                 entities[i], entities[i]);
      if ((n = query_int (self, orphans, -1)) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%lld outbox entries name a %s that does not exist."),
                                          (long long)n, entities[i]));

      /* ...and every record never synced has an outbox entry to send it. */
      unsent = g_strdup_printf ("SELECT count(*) FROM \"%s\" r WHERE r.rev = 0 AND r.id NOT IN "
                                "(SELECT record_id FROM outbox WHERE entity = '%s')",
                                entities[i], entities[i]);
      if ((n = query_int (self, unsent, -1)) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%lld unsynced %s records have no outbox entry."),
                                          (long long)n, entities[i]));
    }

  return TRUE;
}

/**
 * fb_store_check:
 * @self: a #FbStore
 * @problems: (out) (transfer full) (element-type utf8): what is wrong, one
 *   sentence each; empty when the store is sound
 * @error: return location for a #GError
 *
 * Checks the database file (sqlite's integrity check), references between
 * records, and that the outbox and the records agree.
 *
 * Returns: %TRUE if the check ran (look at @problems), %FALSE with @error
 *   when it could not
 */
gboolean
fb_store_check (FbStore    *self,
                GPtrArray **problems,
                GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  g_return_val_if_fail (FB_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  _fb_store_lock (self);
  ok = check_locked (self, found, error);
  _fb_store_unlock (self);

  if (ok)
    *problems = g_steal_pointer (&found);

  return ok;
}

/**
 * fb_store_put_blob:
 * @self: a #FbStore
 * @bytes: the file's contents
 * @error: return location for a #GError
 *
 * Stores bytes once, under their SHA-256.
 *
 * Returns: (transfer full): the lowercase hex SHA-256, or %NULL with @error
 */
char *
fb_store_put_blob (FbStore  *self,
                   GBytes   *bytes,
                   GError  **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  int rc;

  g_return_val_if_fail (FB_IS_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  size = g_bytes_get_size (bytes);
  if (size > FB_STORE_MAX_BLOB_BYTES)
    {
      g_autofree char *limit = g_format_size_full (FB_STORE_MAX_BLOB_BYTES, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_LARGE,
                   _("The file is %s, larger than the limit of %s for attachments."),
                   actual, limit);
      return NULL;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  now = fb_timestamp_now ();

  _fb_store_lock (self);

  if (!check_writable (self, error) ||
      !(stmt = _fb_store_prepare (self,
                                  "INSERT OR IGNORE INTO blob (sha256, size, data, created_at) "
                                  "VALUES (?, ?, ?, ?)",
                                  error)))
    {
      _fb_store_unlock (self);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, size);
  /* An empty GBytes has no data pointer, which would bind NULL (and OR
   * IGNORE would then drop the row without a word). */
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, 3, 0);
  else
    sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (bytes, NULL), size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  _fb_store_finish_stmt (stmt);

  _fb_store_unlock (self);

  if (rc != SQLITE_DONE)
    {
      _fb_store_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&sha256);
}

/**
 * fb_store_dup_blob:
 * @self: a #FbStore
 * @sha256: the blob's hash
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the bytes, or %NULL with %FB_STORE_ERROR_NOT_FOUND
 */
GBytes *
fb_store_dup_blob (FbStore     *self,
                   const char  *sha256,
                   GError     **error)
{
  GBytes *bytes = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (FB_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  db = begin_read (self);
  if ((stmt = prepare_on (self, db, "SELECT data FROM blob WHERE sha256 = ?", error)))
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else if (rc != SQLITE_DONE)
        _fb_store_set_sqlite_error (error, db, rc);
      _fb_store_finish_stmt (stmt);
    }
  end_read (self, db);

  if (bytes == NULL && stmt != NULL && rc == SQLITE_DONE)
    g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND,
                 _("The attachment’s contents are not in this database."));

  return bytes;
}

/**
 * fb_store_dup_trust_name:
 * @self: a #FbStore
 * @trust_id: (nullable): a trust's id
 *
 * Returns: (transfer full): the trust's name, or "" when there is none
 */
char *
fb_store_dup_trust_name (FbStore    *self,
                         const char *trust_id)
{
  g_autoptr(FbRecord) trust = NULL;

  g_return_val_if_fail (FB_IS_STORE (self), NULL);

  if (trust_id == NULL ||
      !(trust = fb_store_get_record (self, FB_TYPE_TRUST, trust_id, NULL)) ||
      fb_record_get_deleted (trust))
    return g_strdup ("");

  return g_strdup (fb_trust_get_name (FB_TRUST (trust)));
}
