/* test-store.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "forbedring-core.h"
#include "fb-store-private.h"
#include "fb-test-records.h"

#define TRUST_ID_2   "7c9f3a5b-2d4e-4f6a-9b0c-1d2e3f4a5b6c"
#define PROJECT_ID_2 "4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b"
#define MISSING_ID   "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b9c"

/* The user the read-only test switches to. */
#define NOBODY 65534

static const char * const record_entities[] = {
  "trust", "user", "project", "measure", "data_point", "pdsa_cycle", "attachment",
  "prize_round", "prize", "criterion", "nomination", "score", "award",
};

/* Helpers */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fb-store-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static char *
db_path (const char *dir)
{
  return g_build_filename (dir, "forbedring.db", NULL);
}

static FbStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FbStore *store = fb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (FB_IS_STORE (store));

  return store;
}

static gint64
query_int (FbStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ret;
  int rc;

  rc = sqlite3_prepare_v2 (_fb_store_get_db (store), sql, -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return ret;
}

static char *
query_text (FbStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *ret;
  int rc;

  rc = sqlite3_prepare_v2 (_fb_store_get_db (store), sql, -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return ret;
}

static void
exec_sql (FbStore    *store,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (_fb_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A connection of its own, as another program would have. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  rc = sqlite3_close (db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static void
assert_no_problems (FbStore *store)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fb_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *)problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
assert_integrity_ok (FbStore *store)
{
  g_autofree char *result = query_text (store, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
}

static void
save_ok (FbStore  *store,
         FbRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fb_store_save (store, record, &error));
  g_assert_no_error (error);
}

/* A project with only what it needs, the rest left at the defaults. */
static FbRecord *
make_plain_project (const char *id,
                    const char *title)
{
  FbProject *project = fb_project_new (id);

  fb_project_set_title (project, title);
  fb_project_set_trust_id (project, FB_TEST_TRUST_ID);

  return FB_RECORD (project);
}

/* Saves a trust and a project for tests that need a parent. */
static void
save_parents (FbStore *store)
{
  g_autoptr(FbRecord) trust = fb_test_make_trust (FB_TEST_TRUST_ID, "Sykehuset Østfold HF");
  g_autoptr(FbRecord) project = fb_test_make_project (FB_TEST_PROJECT_ID, "Færre trykksår på sengepost 3");

  save_ok (store, trust);
  save_ok (store, project);
}

static void
assert_records_equal (FbRecord *a,
                      FbRecord *b)
{
  GParamSpec **fields;
  guint n_fields;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  g_assert_cmpstr (fb_record_get_id (a), ==, fb_record_get_id (b));
  g_assert_cmpint (fb_record_get_deleted (a), ==, fb_record_get_deleted (b));

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (a), &n_fields);
  g_assert_cmpuint (n_fields, >, 0);
  for (guint i = 0; i < n_fields; i++)
    if (!fb_record_field_equal (a, b, fields[i]))
      {
        g_autoptr(JsonNode) na = fb_record_dup_field_json (a, fields[i]);
        g_autoptr(JsonNode) nb = fb_record_dup_field_json (b, fields[i]);
        g_autofree char *ta = json_to_string (na, FALSE);
        g_autofree char *tb = json_to_string (nb, FALSE);

        g_error ("%s.%s differs after a round trip: %s, stored %s",
                 fb_record_get_entity (a), fields[i]->name, ta, tb);
      }
}

typedef struct
{
  gint64  seq;
  char   *entity;
  char   *record_id;
  gint64  base_rev;
  char   *fields;
  gboolean deleted;
} OutboxRow;

static void
outbox_row_clear (OutboxRow *row)
{
  g_clear_pointer (&row->entity, g_free);
  g_clear_pointer (&row->record_id, g_free);
  g_clear_pointer (&row->fields, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutboxRow, outbox_row_clear)

static void
last_outbox_row (FbStore   *store,
                 OutboxRow *row)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (_fb_store_get_db (store),
                           "SELECT seq, entity, record_id, base_rev, fields, deleted FROM outbox "
                           "ORDER BY seq DESC LIMIT 1",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  row->seq = sqlite3_column_int64 (stmt, 0);
  row->entity = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  row->record_id = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  row->base_rev = sqlite3_column_int64 (stmt, 3);
  row->fields = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  row->deleted = sqlite3_column_int (stmt, 5) != 0;
  sqlite3_finalize (stmt);
}

/* Asserts that an outbox entry's fields are exactly the names given, in
 * this order: the changed columns, or "*" for a whole new record. The
 * outbox holds no values: they are read from the record when it is sent. */
static void
assert_fields (const char         *text,
               const char * const *names)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint n_names = g_strv_length ((char **)names);
  JsonArray *array;

  g_assert_nonnull (text);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    g_error ("The outbox entry's fields %s are not an array", text);

  array = json_node_get_array (json_parser_get_root (parser));
  if (json_array_get_length (array) != n_names)
    g_error ("The outbox entry's fields are %s, not %u names", text, n_names);

  for (guint i = 0; i < n_names; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        g_error ("The outbox entry's fields %s hold something else than names", text);
      if (g_strcmp0 (json_node_get_string (node), names[i]) != 0)
        g_error ("The outbox entry's fields are %s; name %u should be “%s”", text, i, names[i]);
    }
}

static const char * const all_fields[] = { "*", NULL };
static const char * const no_fields[] = { NULL };

/* Opening */

static void
test_store_open_schema (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "forbedring.db", NULL);
  g_autoptr(FbStore) store = open_store (path);
  g_autofree char *mode = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (fb_store_get_path (store), ==, path);
  g_assert_false (fb_store_is_read_only (store));

  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, FB_STORE_SCHEMA_VERSION);
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  /* Full sync, so that an acknowledged commit survives a power cut. */
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (fb_store_count_outbox (store), ==, 0);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 0);
  assert_no_problems (store);

  /* Opening again keeps the schema and the version. */
  g_clear_object (&store);
  store = open_store (path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, FB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);

  g_clear_object (&store);
  remove_tree (dir);
}

/* Guards the generic mapping: every field of every record class is a
 * column of the same name in the entity's table. */
static void
test_store_open_columns (void)
{
  const GType types[] = {
    FB_TYPE_TRUST, FB_TYPE_USER, FB_TYPE_PROJECT, FB_TYPE_MEASURE, FB_TYPE_DATA_POINT,
    FB_TYPE_PDSA_CYCLE, FB_TYPE_ATTACHMENT, FB_TYPE_PRIZE_ROUND, FB_TYPE_PRIZE,
    FB_TYPE_CRITERION, FB_TYPE_NOMINATION, FB_TYPE_SCORE, FB_TYPE_AWARD,
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);

  G_STATIC_ASSERT (G_N_ELEMENTS (types) == G_N_ELEMENTS (record_entities));

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(FbRecordClass) klass = g_type_class_ref (types[t]);
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *sql = NULL;
      const char * const bookkeeping[] = { "id", "rev", "updated_at", "deleted" };
      sqlite3_stmt *stmt = NULL;
      GParamSpec **fields;
      guint n_fields;

      g_assert_cmpstr (klass->entity, ==, record_entities[t]);

      sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", klass->entity);
      g_assert_cmpint (sqlite3_prepare_v2 (_fb_store_get_db (store), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (columns, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      if (g_hash_table_size (columns) == 0)
        g_error ("There is no table “%s”", klass->entity);

      for (guint i = 0; i < G_N_ELEMENTS (bookkeeping); i++)
        if (!g_hash_table_contains (columns, bookkeeping[i]))
          g_error ("The table “%s” has no column “%s”", klass->entity, bookkeeping[i]);

      fields = fb_record_class_list_fields (klass, &n_fields);
      g_assert_cmpuint (n_fields, >, 0);
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *column = fb_record_field_to_column (fields[i]);

          if (!g_hash_table_remove (columns, column))
            g_error ("The field %s.%s has no column “%s”", klass->entity, fields[i]->name,
                     column);
        }

      /* Nothing else than the bookkeeping is left: no column without a field. */
      g_assert_cmpuint (g_hash_table_size (columns), ==, G_N_ELEMENTS (bookkeeping));
    }

  g_clear_object (&store);
  remove_tree (dir);
}

/* A database of schema 1, made by the released statements of version 1,
 * gains the prize tables on open and keeps what it held. */
static void
test_store_open_migrate_v1 (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autofree char *v1 = g_strdup_printf ("%s PRAGMA user_version = 1; "
                                         "PRAGMA application_id = %d;",
                                         _fb_store_migrations[0], 0x46424452);
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) trust = NULL;
  g_autoptr(FbRecord) round = fb_test_make_prize_round ();
  g_autoptr(GError) error = NULL;

  raw_exec (path, v1);
  raw_exec (path, "INSERT INTO trust (id, name, kind) "
                  "VALUES ('" FB_TEST_TRUST_ID "', 'Sykehuset Østfold HF', 'health_trust')");
  raw_exec (path, "INSERT INTO outbox (entity, record_id, base_rev, fields, deleted, created_at) "
                  "VALUES ('trust', '" FB_TEST_TRUST_ID "', 0, '[\"*\"]', 0, 'x')");

  store = open_store (path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                     "AND name IN ('prize_round', 'prize', 'criterion', "
                                     "'nomination', 'score', 'award')"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                     "AND name IN ('score_round', 'score_nomination', "
                                     "'nomination_round', 'award_round')"), ==, 4);

  trust = fb_store_get_record (store, FB_TYPE_TRUST, FB_TEST_TRUST_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_trust_get_name (FB_TRUST (trust)), ==, "Sykehuset Østfold HF");

  /* The new tables take records at once, and the store is sound. */
  save_ok (store, round);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PRIZE_ROUND), ==, 1);
  assert_no_problems (store);

  /* Opening again runs no migration twice. */
  g_clear_object (&store);
  store = open_store (path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PRIZE_ROUND), ==, 1);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_open_too_new (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GError) error = NULL;

  save_parents (store);
  g_clear_object (&store);

  raw_exec (path, "PRAGMA user_version = 99");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = file_checksum (path);

  store = fb_store_open (path, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "99"));
  g_test_message ("%s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_store_open_foreign (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  raw_exec (path, "CREATE TABLE recipe (name TEXT, minutes INTEGER);"
                  "INSERT INTO recipe VALUES ('Fårikål', 180);");
  before = file_checksum (path);

  store = fb_store_open (path, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
  g_test_message ("%s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

static void
test_store_open_not_a_database (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 8192; i++)
    {
      if (g_test_rand_int_range (0, 60) == 0)
        g_string_append_c (text, '\n');
      else
        g_string_append_c (text, (char)g_test_rand_int_range (' ', '~' + 1));
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  before = file_checksum (path);

  store = fb_store_open (path, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
  g_test_message ("%s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

/* Saving */

static void
round_trip (FbStore  *store,
            FbRecord *record)
{
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (store, record);
  g_assert_nonnull (fb_record_get_updated_at (record));

  stored = fb_store_get_record (store, G_OBJECT_TYPE (record), fb_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (stored != record);
  assert_records_equal (record, stored);
  g_assert_cmpint (fb_record_get_rev (stored), ==, 0);
  g_assert_cmpstr (fb_record_get_updated_at (stored), ==, fb_record_get_updated_at (record));
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) trust = fb_test_make_trust (FB_TEST_TRUST_ID, "Sykehuset Østfold HF");
  g_autoptr(FbRecord) user = fb_test_make_user ();
  g_autoptr(FbRecord) project = fb_test_make_project (FB_TEST_PROJECT_ID, "Færre trykksår på sengepost 3");
  g_autoptr(FbRecord) plain = make_plain_project (PROJECT_ID_2, "Bare tittel");
  g_autoptr(FbRecord) measure = fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID, FB_VALUE_TYPE_RATE);
  g_autoptr(FbRecord) point = fb_test_make_data_point ("2025-03-01");
  g_autoptr(FbRecord) empty_point = fb_test_make_data_point ("2025-04-01");
  g_autoptr(FbRecord) cycle = fb_test_make_pdsa_cycle ();
  g_autoptr(FbRecord) attachment = fb_test_make_attachment ();
  g_autoptr(FbRecord) round = fb_test_make_prize_round ();
  g_autoptr(FbRecord) prize = fb_test_make_prize ();
  g_autoptr(FbRecord) criterion = fb_test_make_criterion (FB_TEST_CRITERION_ID);
  g_autoptr(FbRecord) nomination = fb_test_make_nomination ();
  g_autoptr(FbRecord) score = fb_test_make_score ();
  g_autoptr(FbRecord) award = fb_test_make_award ();
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *strv;
  JsonNode *snapshot;
  int value;

  round_trip (store, trust);
  round_trip (store, user);
  round_trip (store, project);
  round_trip (store, plain);
  round_trip (store, measure);
  round_trip (store, point);
  /* A missing period: no value, no denominator, no note. */
  fb_data_point_set_value (FB_DATA_POINT (empty_point), NAN);
  fb_data_point_set_denominator (FB_DATA_POINT (empty_point), NAN);
  fb_data_point_set_note (FB_DATA_POINT (empty_point), NULL);
  fb_data_point_set_excluded (FB_DATA_POINT (empty_point), FALSE);
  round_trip (store, empty_point);
  round_trip (store, cycle);
  round_trip (store, attachment);
  round_trip (store, round);
  round_trip (store, prize);
  round_trip (store, criterion);
  round_trip (store, nomination);
  round_trip (store, score);
  round_trip (store, award);

  /* A JSON field comes back as JSON, not as text holding JSON. */
  stored = fb_store_get_record (store, FB_TYPE_SCORE, fb_record_get_id (score), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fb_score_get_n_values (FB_SCORE (stored)), ==, 2);
  g_assert_true (fb_score_get_value (FB_SCORE (stored), FB_TEST_CRITERION_ID_2, &value));
  g_assert_cmpint (value, ==, 7);
  g_assert_true (fb_score_get_final (FB_SCORE (stored)));
  g_clear_object (&stored);

  stored = fb_store_get_record (store, FB_TYPE_NOMINATION, FB_TEST_NOMINATION_ID, &error);
  g_assert_no_error (error);
  snapshot = fb_nomination_get_snapshot (FB_NOMINATION (stored));
  g_assert_nonnull (snapshot);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (snapshot));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (snapshot), "title"), ==,
                   "Færre trykksår");
  g_assert_cmpint (fb_nomination_get_status (FB_NOMINATION (stored)), ==,
                   FB_NOMINATION_STATUS_SUBMITTED);
  g_clear_object (&stored);

  stored = fb_store_get_record (store, FB_TYPE_PRIZE_ROUND, FB_TEST_ROUND_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fb_prize_round_get_quota_per_trust (FB_PRIZE_ROUND (stored)), ==, 2);
  g_assert_true (fb_prize_round_has_panel_member (FB_PRIZE_ROUND (stored), FB_TEST_USER_ID_2));
  g_clear_object (&stored);

  /* With no JSON value, the column is NULL and reads back as unset. */
  fb_nomination_set_snapshot (FB_NOMINATION (nomination), NULL);
  round_trip (store, nomination);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM nomination WHERE snapshot IS NULL"),
                   ==, 1);
  stored = fb_store_get_record (store, FB_TYPE_NOMINATION, FB_TEST_NOMINATION_ID, &error);
  g_assert_null (fb_nomination_get_snapshot (FB_NOMINATION (stored)));
  g_clear_object (&stored);

  /* The typed values, not only their JSON, come back. */
  stored = fb_store_get_record (store, FB_TYPE_USER, FB_TEST_USER_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_user_get_name (FB_USER (stored)), ==, "Åse Ærlig Øverby");
  g_assert_cmpint (fb_user_get_roles (FB_USER (stored)), ==,
                   FB_ROLE_TEAM | FB_ROLE_PANEL | FB_ROLE_ADMIN);
  g_clear_object (&stored);

  stored = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (stored)), ==, "Færre trykksår på sengepost 3");
  g_assert_cmpint (fb_project_get_focus_area (FB_PROJECT (stored)), ==,
                   FB_FOCUS_AREA_PRESSURE_ULCERS);
  g_assert_cmpint (fb_project_get_status (FB_PROJECT (stored)), ==, FB_PROJECT_STATUS_TESTING);
  g_assert_true (fb_project_get_archived (FB_PROJECT (stored)));
  strv = fb_project_get_team_others (FB_PROJECT (stored));
  g_assert_nonnull (strv);
  g_assert_cmpstr (strv[0], ==, "Ola Hansen (fysioterapeut)");
  g_assert_cmpstr (strv[1], ==, "Åse Berg, \"bruker\"");
  g_assert_null (strv[2]);
  g_clear_object (&stored);

  stored = fb_store_get_record (store, FB_TYPE_MEASURE, FB_TEST_MEASURE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fb_measure_get_target (FB_MEASURE (stored)), ==, 2.5);
  g_assert_cmpfloat (fb_measure_get_rate_multiplier (FB_MEASURE (stored)), ==, 1000);
  g_assert_cmpuint (fb_measure_get_baseline_points (FB_MEASURE (stored)), ==, 12);
  g_assert_cmpint (fb_measure_get_chart_type (FB_MEASURE (stored)), ==, FB_CHART_TYPE_U);
  g_clear_object (&stored);

  stored = fb_store_get_record (store, FB_TYPE_DATA_POINT, fb_record_get_id (empty_point),
                                &error);
  g_assert_no_error (error);
  g_assert_true (isnan (fb_data_point_get_value (FB_DATA_POINT (stored))));
  g_assert_true (isnan (fb_data_point_get_denominator (FB_DATA_POINT (stored))));
  g_clear_object (&stored);

  /* A cleared double goes back to NAN (stored as NULL), not to 0. */
  fb_measure_set_target (FB_MEASURE (measure), NAN);
  save_ok (store, measure);
  stored = fb_store_get_record (store, FB_TYPE_MEASURE, FB_TEST_MEASURE_ID, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (fb_measure_get_target (FB_MEASURE (stored))));
  g_assert_cmpint (query_int (store, "SELECT target IS NULL FROM measure"), ==, 1);
  g_clear_object (&stored);

  /* Unknown ids and a stored row of another type are not found. */
  stored = fb_store_get_record (store, FB_TYPE_PROJECT, MISSING_ID, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_assert_null (stored);
  g_clear_error (&error);
  stored = fb_store_get_record (store, FB_TYPE_TRUST, FB_TEST_PROJECT_ID, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_assert_null (stored);

  assert_no_problems (store);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_outbox_changed_fields (void)
{
  const char * const only_title_status[] = { "title", "status", NULL };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) trust = fb_test_make_trust (FB_TEST_TRUST_ID, "Sykehuset Østfold HF");
  g_autoptr(FbRecord) project = fb_test_make_project (FB_TEST_PROJECT_ID, "Færre trykksår");
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_auto(OutboxRow) row = { 0, };
  g_auto(OutboxRow) second = { 0, };
  gint64 before;

  save_ok (store, trust);
  before = fb_store_count_outbox (store);
  g_assert_cmpint (before, ==, 1);

  /* A new record: one entry for all of it, ["*"]; the values are on the
   * record, every field as saved. */
  save_ok (store, project);
  g_assert_cmpint (fb_store_count_outbox (store), ==, before + 1);
  last_outbox_row (store, &row);
  g_assert_cmpstr (row.entity, ==, "project");
  g_assert_cmpstr (row.record_id, ==, FB_TEST_PROJECT_ID);
  g_assert_cmpint (row.base_rev, ==, 0);
  g_assert_false (row.deleted);
  assert_fields (row.fields, all_fields);
  stored = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  assert_records_equal (project, stored);
  title = query_text (store, "SELECT title FROM project WHERE id = '" FB_TEST_PROJECT_ID "'");
  g_assert_cmpstr (title, ==, "Færre trykksår");
  g_clear_object (&stored);
  g_clear_pointer (&title, g_free);

  /* As if a sync had confirmed revision 7: the next edit is based on it. */
  exec_sql (store, "UPDATE project SET rev = 7 WHERE id = '" FB_TEST_PROJECT_ID "'");
  fb_record_set_rev (project, 7);

  fb_project_set_title (FB_PROJECT (project), "Færre trykksår – ny tittel");
  fb_project_set_status (FB_PROJECT (project), FB_PROJECT_STATUS_COMPLETED);
  save_ok (store, project);
  g_assert_cmpint (fb_store_count_outbox (store), ==, before + 2);
  last_outbox_row (store, &second);
  g_assert_cmpint (second.seq, >, row.seq);
  g_assert_cmpstr (second.entity, ==, "project");
  g_assert_cmpstr (second.record_id, ==, FB_TEST_PROJECT_ID);
  g_assert_cmpint (second.base_rev, ==, 7);
  g_assert_false (second.deleted);
  /* Just the two changed fields, in the order they are declared. */
  assert_fields (second.fields, only_title_status);
  /* Their new values are on the record, the others as they were. */
  title = query_text (store, "SELECT title FROM project WHERE id = '" FB_TEST_PROJECT_ID "'");
  g_assert_cmpstr (title, ==, "Færre trykksår – ny tittel");
  status = query_text (store, "SELECT status FROM project WHERE id = '" FB_TEST_PROJECT_ID "'");
  g_assert_cmpstr (status, ==, "completed");
  stored = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  assert_records_equal (project, stored);

  /* The stored revision stays what the server said. */
  g_assert_cmpint (query_int (store, "SELECT rev FROM project"), ==, 7);

  assert_no_problems (store);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
count_changed_cb (FbStore    *store,
                  const char *entity,
                  const char *id,
                  guint      *count)
{
  (*count)++;
}

static void
test_store_outbox_unchanged (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) copy = NULL;
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  sqlite3 *db = _fb_store_get_db (store);
  guint changed = 0;
  gint64 outbox;
  int changes;

  save_parents (store);
  project = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  updated_at = g_strdup (fb_record_get_updated_at (project));
  outbox = fb_store_count_outbox (store);
  changes = sqlite3_total_changes (db);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changed);

  /* The same record, and an equal copy of it. */
  save_ok (store, project);
  copy = fb_record_copy (project);
  save_ok (store, copy);
  /* Setting a field to the value it has. */
  fb_project_set_title (FB_PROJECT (project), fb_project_get_title (FB_PROJECT (project)));
  save_ok (store, project);

  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
  g_assert_cmpuint (changed, ==, 0);
  g_clear_object (&project);
  project = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_record_get_updated_at (project), ==, updated_at);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_outbox_invalid (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) untitled = fb_test_make_project (PROJECT_ID_2, "   ");
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(FbRecord) trust = fb_test_make_trust (TRUST_ID_2, "Helse Bergen HF");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _fb_store_get_db (store);
  FbRecord *many[2];
  gint64 outbox;
  int changes;

  save_parents (store);
  outbox = fb_store_count_outbox (store);
  changes = sqlite3_total_changes (db);

  /* A new invalid record. */
  g_assert_false (fb_store_save (store, untitled, &error));
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fb_record_get_updated_at (untitled));

  /* An invalid edit of a stored one. */
  project = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  fb_project_set_title (FB_PROJECT (project), "");
  g_assert_false (fb_store_save (store, project, &error));
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  /* A valid record together with an invalid one: neither. */
  many[0] = trust;
  many[1] = untitled;
  g_assert_false (fb_store_save_many (store, many, G_N_ELEMENTS (many), &error));
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_TRUST), ==, 1);
  stored = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (stored)), ==, "Færre trykksår på sengepost 3");

  /* A reference to a missing trust fails at commit, and leaves nothing. */
  g_clear_object (&project);
  project = make_plain_project (PROJECT_ID_2, "Uten helseforetak");
  fb_project_set_trust_id (FB_PROJECT (project), MISSING_ID);
  g_assert_false (fb_store_save (store, project, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == FB_STORE_ERROR);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_assert_true (sqlite3_get_autocommit (db));

  assert_no_problems (store);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_delete_restore (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(OutboxRow) row = { 0, };
  g_auto(OutboxRow) back = { 0, };
  gint64 outbox;

  save_parents (store);
  project = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  outbox = fb_store_count_outbox (store);

  g_assert_true (fb_store_delete (store, project, &error));
  g_assert_no_error (error);
  g_assert_true (fb_record_get_deleted (project));

  /* A tombstone: the row stays, marked deleted, and the deletion syncs. */
  g_assert_cmpint (query_int (store, "SELECT deleted FROM project WHERE id = '" FB_TEST_PROJECT_ID "'"),
                   ==, 1);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 0);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 1);
  last_outbox_row (store, &row);
  g_assert_cmpstr (row.entity, ==, "project");
  g_assert_cmpstr (row.record_id, ==, FB_TEST_PROJECT_ID);
  g_assert_true (row.deleted);
  /* No field changed: only the deletion, an empty list. */
  assert_fields (row.fields, no_fields);

  stored = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_true (fb_record_get_deleted (stored));
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (stored)), ==, "Færre trykksår på sengepost 3");
  g_clear_object (&stored);

  /* Deleting again changes nothing. */
  g_assert_true (fb_store_delete (store, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 1);

  g_assert_true (fb_store_restore (store, project, &error));
  g_assert_no_error (error);
  g_assert_false (fb_record_get_deleted (project));
  g_assert_cmpint (query_int (store, "SELECT deleted FROM project WHERE id = '" FB_TEST_PROJECT_ID "'"),
                   ==, 0);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 2);
  last_outbox_row (store, &back);
  g_assert_cmpint (back.seq, >, row.seq);
  g_assert_cmpstr (back.entity, ==, "project");
  g_assert_false (back.deleted);
  g_assert_cmpstr (back.record_id, ==, FB_TEST_PROJECT_ID);
  assert_fields (back.fields, no_fields);

  stored = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_false (fb_record_get_deleted (stored));
  assert_records_equal (project, stored);

  assert_no_problems (store);
  g_clear_object (&store);
  remove_tree (dir);
}

/* Live lists */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

/* Records each items-changed and applies it to a copy of the list, which
 * must then hold the same objects as the list itself. */
typedef struct
{
  GListModel *model;
  GArray     *changes;
  GPtrArray  *mirror;
  GThread    *thread;
  gboolean    wrong_thread;
} ChangeLog;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ChangeLog  *log)
{
  Change change = { position, removed, added };

  if (g_thread_self () != log->thread)
    log->wrong_thread = TRUE;
  g_array_append_val (log->changes, change);

  g_assert_cmpuint (position + removed, <=, log->mirror->len);
  g_ptr_array_remove_range (log->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (log->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
change_log_init (ChangeLog  *log,
                 GListModel *model)
{
  log->model = g_object_ref (model);
  log->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  log->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  log->thread = g_thread_self ();
  log->wrong_thread = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (log->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
}

static void
change_log_clear (ChangeLog *log)
{
  if (log->model != NULL)
    g_signal_handlers_disconnect_by_data (log->model, log);
  g_clear_object (&log->model);
  g_clear_pointer (&log->changes, g_array_unref);
  g_clear_pointer (&log->mirror, g_ptr_array_unref);
}

static void
assert_mirror (ChangeLog *log)
{
  g_assert_cmpuint (log->mirror->len, ==, g_list_model_get_n_items (log->model));
  for (guint i = 0; i < log->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (log->model, i);

      g_assert_true (item == log->mirror->pdata[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChangeLog, change_log_clear)

static void
assert_one_change (ChangeLog *log,
                   guint      position,
                   guint      removed,
                   guint      added)
{
  Change *change;

  g_assert_cmpuint (log->changes->len, ==, 1);
  change = &g_array_index (log->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (log->changes, 0);
  assert_mirror (log);
}

static const char *
title_at (GListModel *model,
          guint       position)
{
  g_autoptr(FbProject) project = g_list_model_get_item (model, position);

  g_assert_nonnull (project);
  /* The list holds its own reference, so the string outlives ours. */
  return fb_project_get_title (project);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_store_list_projects (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) trust = fb_test_make_trust (FB_TEST_TRUST_ID, "Sykehuset Østfold HF");
  g_autoptr(FbRecord) bravo = make_plain_project (NULL, "Bravo");
  g_autoptr(FbRecord) alfa = make_plain_project (NULL, "alfa");
  g_autoptr(FbRecord) charlie = make_plain_project (NULL, "Charlie");
  g_autoptr(FbRecord) edit = NULL;
  g_autoptr(FbProject) item = NULL;
  g_autoptr(FbProject) again = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChangeLog) log = { 0, };
  guint title_notified = 0;

  save_ok (store, trust);
  list = fb_store_list_projects (store);
  g_assert_true (g_list_model_get_item_type (list) == FB_TYPE_PROJECT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  change_log_init (&log, list);

  save_ok (store, bravo);
  assert_one_change (&log, 0, 0, 1);
  save_ok (store, alfa);
  assert_one_change (&log, 0, 0, 1);
  save_ok (store, charlie);
  assert_one_change (&log, 2, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (title_at (list, 0), ==, "alfa");
  g_assert_cmpstr (title_at (list, 1), ==, "Bravo");
  g_assert_cmpstr (title_at (list, 2), ==, "Charlie");
  g_assert_null (g_list_model_get_item (list, 3));

  /* An edit keeps the object, which notifies; the list does not change. */
  item = g_list_model_get_item (list, 1);
  g_assert_cmpstr (fb_record_get_id (FB_RECORD (item)), ==, fb_record_get_id (bravo));
  g_assert_true ((gpointer)item != (gpointer)bravo);
  g_signal_connect (item, "notify::title", G_CALLBACK (count_notify_cb), &title_notified);
  edit = fb_store_get_record (store, FB_TYPE_PROJECT, fb_record_get_id (bravo), &error);
  g_assert_no_error (error);
  fb_project_set_title (FB_PROJECT (edit), "Bravo, endret");
  save_ok (store, edit);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpstr (fb_project_get_title (item), ==, "Bravo, endret");
  again = g_list_model_get_item (list, 1);
  g_assert_true (again == item);
  g_assert_true (fb_record_list_lookup (FB_RECORD_LIST (list), fb_record_get_id (bravo)) ==
                 FB_RECORD (item));

  /* Deleting removes, restoring adds back at the same place. */
  g_assert_true (fb_store_delete (store, alfa, &error));
  g_assert_no_error (error);
  assert_one_change (&log, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_null (fb_record_list_lookup (FB_RECORD_LIST (list), fb_record_get_id (alfa)));
  g_assert_true (fb_store_restore (store, alfa, &error));
  g_assert_no_error (error);
  assert_one_change (&log, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (title_at (list, 0), ==, "alfa");

  /* A rename that moves the project: the same object, at its new place. */
  g_clear_object (&again);
  again = g_list_model_get_item (list, 2);
  fb_project_set_title (FB_PROJECT (charlie), "Aaa først");
  save_ok (store, charlie);
  g_assert_cmpuint (log.changes->len, >=, 1);
  g_array_set_size (log.changes, 0);
  assert_mirror (&log);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (title_at (list, 0), ==, "Aaa først");
  g_assert_cmpstr (title_at (list, 1), ==, "alfa");
  g_assert_cmpstr (title_at (list, 2), ==, "Bravo, endret");
  g_clear_object (&item);
  item = g_list_model_get_item (list, 0);
  g_assert_true (item == again);

  /* Other entities do not touch the list. */
  fb_trust_set_name (FB_TRUST (trust), "Sykehuset Østfold HF, Kalnes");
  save_ok (store, trust);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_false (log.wrong_thread);

  g_clear_object (&list);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_list_filtered (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) other = make_plain_project (PROJECT_ID_2, "Et annet prosjekt");
  g_autoptr(FbRecord) mine = fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID, FB_VALUE_TYPE_COUNT);
  g_autoptr(FbRecord) theirs = fb_test_make_measure (NULL, PROJECT_ID_2, FB_VALUE_TYPE_COUNT);
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChangeLog) log = { 0, };

  save_parents (store);
  save_ok (store, other);
  list = fb_store_list_measures (store, FB_TEST_PROJECT_ID);
  g_assert_true (g_list_model_get_item_type (list) == FB_TYPE_MEASURE);
  change_log_init (&log, list);

  /* Another project's measure: no change, however often. */
  save_ok (store, theirs);
  fb_measure_set_name (FB_MEASURE (theirs), "Endret navn");
  save_ok (store, theirs);
  g_assert_true (fb_store_delete (store, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  save_ok (store, mine);
  assert_one_change (&log, 0, 0, 1);
  stored = g_list_model_get_item (list, 0);
  g_assert_cmpstr (fb_record_get_id (stored), ==, FB_TEST_MEASURE_ID);
  g_clear_object (&stored);

  /* Moving a measure to the other project takes it out of the list. */
  fb_measure_set_project_id (FB_MEASURE (mine), PROJECT_ID_2);
  save_ok (store, mine);
  assert_one_change (&log, 0, 1, 0);
  g_assert_false (log.wrong_thread);

  g_clear_object (&list);
  g_clear_object (&store);
  remove_tree (dir);
}

typedef struct
{
  FbStore  *store;
  FbRecord *record;
  gboolean  ok;
} WorkerSave;

static gpointer
worker_save_thread (gpointer data)
{
  WorkerSave *ws = data;

  ws->ok = fb_store_save (ws->store, ws->record, NULL);

  return NULL;
}

static void
worker_save_task (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WorkerSave *ws = task_data;
  GError *error = NULL;

  if (fb_store_save (ws->store, ws->record, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
wait_for_change (ChangeLog *log)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (log->changes->len == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_store_list_worker_thread (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) first = make_plain_project (NULL, "Fra en tråd");
  g_autoptr(FbRecord) second = make_plain_project (NULL, "Fra en GTask");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_auto(ChangeLog) log = { 0, };
  WorkerSave ws = { 0, };
  GThread *thread;

  save_parents (store);
  list = fb_store_list_projects (store);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  change_log_init (&log, list);

  /* A plain thread: the save commits there, the list changes here. */
  ws.store = store;
  ws.record = first;
  thread = g_thread_new ("fb-test-writer", worker_save_thread, &ws);
  g_thread_join (thread);
  g_assert_true (ws.ok);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 2);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  wait_for_change (&log);
  g_assert_false (log.wrong_thread);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_array_set_size (log.changes, 0);

  /* A GTask worker, the way the app saves. */
  ws.record = second;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, &ws, NULL);
  g_task_run_in_thread_sync (task, worker_save_task);
  g_assert_true (g_task_propagate_boolean (task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 3);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  wait_for_change (&log);
  g_assert_false (log.wrong_thread);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  g_clear_object (&list);
  g_clear_object (&store);
  remove_tree (dir);
}

/* Data import */

static GArray *
parse_csv (const char *text,
           FbValueType value_type)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GArray *rows = fb_csv_parse (bytes, value_type, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static void
save_measure (FbStore     *store,
              FbValueType  value_type)
{
  g_autoptr(FbRecord) measure = fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID, value_type);

  save_parents (store);
  save_ok (store, measure);
}

static void
test_store_import_merge (void)
{
  const char * const only_value[] = { "value", NULL };
  const char * const value_note[] = { "value", "note", NULL };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) changed = NULL;
  g_autoptr(GArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) points = NULL;
  g_autoptr(FbDataPoint) first = NULL;
  g_autoptr(FbDataPoint) third = NULL;
  g_autofree char *sql = NULL;
  g_auto(OutboxRow) row = { 0, };
  g_auto(OutboxRow) again = { 0, };
  g_auto(ChangeLog) log = { 0, };
  FbStoreImportResult result = { 0, };
  gint64 outbox;

  save_measure (store, FB_VALUE_TYPE_PROPORTION);
  points = fb_store_list_data_points (store, FB_TEST_MEASURE_ID);
  change_log_init (&log, points);
  rows = parse_csv ("date,value,denominator,note\n"
                    "2024-01-01,3,10,\n"
                    "2024-02-01,,,Ingen data i februar\n"
                    "2024-03-01,7,12,\"PDSA 1: «tavlemøte», hver dag\"\n",
                    FB_VALUE_TYPE_PROPORTION);

  outbox = fb_store_count_outbox (store);
  g_assert_true (fb_store_import_data (store, FB_TEST_MEASURE_ID, rows, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 0);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_DATA_POINT), ==, 3);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 3);
  /* One entry per new point, each for all of it, each naming its own. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(DISTINCT o.record_id) FROM outbox o JOIN data_point d "
                              "ON d.id = o.record_id WHERE o.entity = 'data_point' "
                              "AND o.base_rev = 0 AND o.deleted = 0 AND json (o.fields) = '[\"*\"]' "
                              "AND d.measure_id = '" FB_TEST_MEASURE_ID "'"),
                   ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'data_point'"),
                   ==, 3);
  assert_one_change (&log, 0, 0, 3);
  assert_no_problems (store);

  /* The same rows again: nothing to do. */
  outbox = fb_store_count_outbox (store);
  memset (&result, 0, sizeof result);
  g_assert_true (fb_store_import_data (store, FB_TEST_MEASURE_ID, rows, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 3);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpuint (log.changes->len, ==, 0);

  /* One value changed: one update, whose outbox entry names that field. */
  changed = parse_csv ("date,value,denominator,note\n"
                       "2024-01-01,4,10,\n"
                       "2024-02-01,,,Ingen data i februar\n"
                       "2024-03-01,7,12,\"PDSA 1: «tavlemøte», hver dag\"\n",
                       FB_VALUE_TYPE_PROPORTION);
  memset (&result, 0, sizeof result);
  g_assert_true (fb_store_import_data (store, FB_TEST_MEASURE_ID, changed, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 2);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 1);
  last_outbox_row (store, &row);
  g_assert_cmpstr (row.entity, ==, "data_point");
  g_assert_false (row.deleted);
  g_assert_cmpint (row.base_rev, ==, 0);
  assert_fields (row.fields, only_value);
  /* The new value is on the point the entry names, the rest unchanged. */
  sql = g_strdup_printf ("SELECT count(*) FROM data_point WHERE id = '%s' AND deleted = 0 "
                         "AND measure_id = '" FB_TEST_MEASURE_ID "' AND period = '2024-01-01' "
                         "AND value = 4 AND denominator = 10 AND note IS NULL",
                         row.record_id);
  g_assert_cmpint (query_int (store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  /* The list keeps its objects and updates the changed one in place. */
  g_assert_cmpuint (log.changes->len, ==, 0);
  assert_mirror (&log);
  first = g_list_model_get_item (points, 0);
  g_assert_cmpstr (fb_data_point_get_period (first), ==, "2024-01-01");
  g_assert_cmpfloat (fb_data_point_get_value (first), ==, 4);

  back = fb_store_dup_data_rows (store, FB_TEST_MEASURE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  g_assert_cmpstr (g_array_index (back, FbCsvRow, 0).date, ==, "2024-01-01");
  g_assert_cmpfloat (g_array_index (back, FbCsvRow, 0).value, ==, 4);
  g_assert_cmpfloat (g_array_index (back, FbCsvRow, 0).denominator, ==, 10);
  g_assert_true (isnan (g_array_index (back, FbCsvRow, 1).value));
  g_assert_true (isnan (g_array_index (back, FbCsvRow, 1).denominator));
  g_assert_cmpstr (g_array_index (back, FbCsvRow, 1).note, ==, "Ingen data i februar");
  g_assert_cmpstr (g_array_index (back, FbCsvRow, 2).note, ==, "PDSA 1: «tavlemøte», hver dag");

  /* A value and a note changed: both named, in the order declared. */
  g_clear_pointer (&changed, g_array_unref);
  changed = parse_csv ("date,value,denominator,note\n"
                       "2024-03-01,8,12,PDSA 2\n",
                       FB_VALUE_TYPE_PROPORTION);
  outbox = fb_store_count_outbox (store);
  memset (&result, 0, sizeof result);
  g_assert_true (fb_store_import_data (store, FB_TEST_MEASURE_ID, changed, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 0);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 1);
  last_outbox_row (store, &again);
  g_assert_cmpint (again.seq, >, row.seq);
  g_assert_cmpstr (again.entity, ==, "data_point");
  g_assert_false (again.deleted);
  g_assert_cmpint (again.base_rev, ==, 0);
  g_assert_cmpstr (again.record_id, !=, row.record_id);
  assert_fields (again.fields, value_note);
  sql = g_strdup_printf ("SELECT count(*) FROM data_point WHERE id = '%s' AND deleted = 0 "
                         "AND measure_id = '" FB_TEST_MEASURE_ID "' AND period = '2024-03-01' "
                         "AND value = 8 AND denominator = 12 AND note = 'PDSA 2'",
                         again.record_id);
  g_assert_cmpint (query_int (store, sql), ==, 1);
  g_assert_cmpuint (log.changes->len, ==, 0);
  assert_mirror (&log);
  third = g_list_model_get_item (points, 2);
  g_assert_cmpstr (fb_data_point_get_period (third), ==, "2024-03-01");
  g_assert_cmpfloat (fb_data_point_get_value (third), ==, 8);
  g_assert_cmpstr (fb_data_point_get_note (third), ==, "PDSA 2");

  assert_no_problems (store);
  g_clear_object (&points);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_import_unknown_measure (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) measure = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) back = NULL;
  g_autoptr(GError) error = NULL;
  FbStoreImportResult result = { 0, };

  save_measure (store, FB_VALUE_TYPE_COUNT);
  rows = parse_csv ("date,value,denominator,note\n2024-01-01,3,,\n", FB_VALUE_TYPE_COUNT);

  g_assert_false (fb_store_import_data (store, MISSING_ID, rows, &result, &error));
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  back = fb_store_dup_data_rows (store, MISSING_ID, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_assert_null (back);
  g_clear_error (&error);

  /* A deleted measure takes no data either. */
  measure = fb_store_get_record (store, FB_TYPE_MEASURE, FB_TEST_MEASURE_ID, &error);
  g_assert_no_error (error);
  g_assert_true (fb_store_delete (store, measure, &error));
  g_assert_no_error (error);
  g_assert_false (fb_store_import_data (store, FB_TEST_MEASURE_ID, rows, &result, &error));
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM data_point"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'data_point'"),
                   ==, 0);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
append_row (GArray     *rows,
            const char *date,
            double      value)
{
  FbCsvRow row = { 0, };

  g_strlcpy (row.date, date, sizeof row.date);
  row.value = value;
  row.denominator = NAN;
  row.note = g_strdup ("");
  row.line = rows->len + 2;
  g_array_append_val (rows, row);
}

static void
test_store_import_all_or_nothing (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) bad = g_array_new (FALSE, TRUE, sizeof (FbCsvRow));
  g_autoptr(GArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) points = NULL;
  g_auto(ChangeLog) log = { 0, };
  FbStoreImportResult result = { 0, };
  gint64 outbox;

  g_array_set_clear_func (bad, (GDestroyNotify)fb_csv_row_clear);
  save_measure (store, FB_VALUE_TYPE_COUNT);
  rows = parse_csv ("date,value,denominator,note\n2024-01-01,3,,\n2024-02-01,5,,\n",
                    FB_VALUE_TYPE_COUNT);
  g_assert_true (fb_store_import_data (store, FB_TEST_MEASURE_ID, rows, &result, &error));
  g_assert_no_error (error);
  outbox = fb_store_count_outbox (store);
  points = fb_store_list_data_points (store, FB_TEST_MEASURE_ID);
  change_log_init (&log, points);

  /* A new date, a changed value, then a date twice: none of it. */
  append_row (bad, "2024-03-01", 8);
  append_row (bad, "2024-01-01", 30);
  append_row (bad, "2024-03-01", 9);
  memset (&result, 0, sizeof result);
  g_assert_false (fb_store_import_data (store, FB_TEST_MEASURE_ID, bad, &result, &error));
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-03-01"));
  g_clear_error (&error);
  g_assert_cmpuint (result.added + result.updated + result.unchanged, ==, 0);

  g_assert_cmpint (fb_store_count (store, FB_TYPE_DATA_POINT), ==, 2);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_true (sqlite3_get_autocommit (_fb_store_get_db (store)));
  back = fb_store_dup_data_rows (store, FB_TEST_MEASURE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpfloat (g_array_index (back, FbCsvRow, 0).value, ==, 3);

  assert_no_problems (store);
  g_clear_object (&points);
  g_clear_object (&store);
  remove_tree (dir);
}

/* Asynchronous writes */

typedef struct
{
  GArray  *finished;  /* the index of each write, in the order it finished */
  GError  *errors[8]; /* the error of each of the first writes */
  guint    n_notified;
  gboolean saw_pending;
  FbStoreImportResult counts;
} AsyncLog;

static void
async_log_clear (AsyncLog *log)
{
  g_clear_pointer (&log->finished, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (log->errors); i++)
    g_clear_error (&log->errors[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AsyncLog, async_log_clear)

/* The write's index is packed into the user data with the log. */
typedef struct
{
  AsyncLog *log;
  guint     index;
} AsyncCall;

static AsyncCall *
async_call (AsyncLog *log,
            guint     index)
{
  AsyncCall *call = g_new (AsyncCall, 1);

  call->log = log;
  call->index = index;

  return call;
}

static void
async_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree AsyncCall *call = user_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == fb_store_save_async)
    ok = fb_store_save_finish (FB_STORE (object), result, &error);
  else if (g_task_get_source_tag (G_TASK (result)) == fb_store_delete_async)
    ok = fb_store_delete_finish (FB_STORE (object), result, &error);
  else if (g_task_get_source_tag (G_TASK (result)) == fb_store_restore_async)
    ok = fb_store_restore_finish (FB_STORE (object), result, &error);
  else if (g_task_get_source_tag (G_TASK (result)) == fb_store_import_data_async)
    ok = fb_store_import_data_finish (FB_STORE (object), result, &call->log->counts, &error);
  else
    ok = fb_store_save_many_finish (FB_STORE (object), result, &error);

  /* The callback runs while the store still counts the write. */
  call->log->saw_pending |= fb_store_get_pending_writes (FB_STORE (object)) > 0;
  g_assert_true (ok == (error == NULL));
  if (call->index < G_N_ELEMENTS (call->log->errors))
    call->log->errors[call->index] = error;
  else
    g_clear_error (&error);

  g_array_append_val (call->log->finished, call->index);
}

static void
pending_notified_cb (FbStore    *store,
                     GParamSpec *pspec,
                     AsyncLog   *log)
{
  log->n_notified++;
}

static void
wait_for_writes (FbStore  *store,
                 AsyncLog *log,
                 guint     n_writes)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (log->finished->len < n_writes || fb_store_get_pending_writes (store) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

#define N_RAPID_SAVES 200

static void
test_store_async_order (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) project = make_plain_project (PROJECT_ID_2, "Tittel");
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_auto(AsyncLog) log = { 0, };
  FbRecord *listed;
  gint64 outbox;

  save_parents (store);
  list = fb_store_list_projects (store);
  outbox = fb_store_count_outbox (store);
  log.finished = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (store, "notify::pending-writes", G_CALLBACK (pending_notified_cb), &log);

  /* The same object, changed between the calls as a form would: each
   * write must take the title it had when it was queued, and they must
   * land in order, the last one winning. */
  for (guint i = 0; i < N_RAPID_SAVES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Tittel %u", i);

      fb_project_set_title (FB_PROJECT (project), title);
      fb_store_save_async (store, project, NULL, async_written_cb, async_call (&log, i));
    }
  g_assert_cmpuint (fb_store_get_pending_writes (store), ==, N_RAPID_SAVES);
  /* Nothing is reported before the main loop runs. */
  g_assert_cmpuint (log.finished->len, ==, 0);

  wait_for_writes (store, &log, N_RAPID_SAVES);

  for (guint i = 0; i < N_RAPID_SAVES; i++)
    {
      g_assert_cmpuint (g_array_index (log.finished, guint, i), ==, i);
      if (i < G_N_ELEMENTS (log.errors))
        g_assert_no_error (log.errors[i]);
    }
  g_assert_true (log.saw_pending);
  /* Started once and finished once, not once per write. */
  g_assert_cmpuint (log.n_notified, ==, 2);
  g_assert_cmpuint (fb_store_get_pending_writes (store), ==, 0);

  expected = g_strdup_printf ("Tittel %u", N_RAPID_SAVES - 1);
  stored = fb_store_get_record (store, FB_TYPE_PROJECT, PROJECT_ID_2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (stored)), ==, expected);
  /* Each save changed the title: one outbox entry each, none lost. */
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + N_RAPID_SAVES);

  /* The list heard of it on this thread and shows the last title. */
  listed = fb_record_list_lookup (FB_RECORD_LIST (list), PROJECT_ID_2);
  g_assert_nonnull (listed);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (listed)), ==, expected);

  /* A delete then a restore queued at once land in that order too, and
   * leave the caller's object as it was. */
  g_array_set_size (log.finished, 0);
  fb_store_delete_async (store, project, NULL, async_written_cb, async_call (&log, 0));
  fb_store_restore_async (store, project, NULL, async_written_cb, async_call (&log, 1));
  fb_store_delete_async (store, project, NULL, async_written_cb, async_call (&log, 2));
  g_assert_false (fb_record_get_deleted (project));
  wait_for_writes (store, &log, 3);
  g_assert_no_error (log.errors[0]);
  g_assert_no_error (log.errors[1]);
  g_assert_no_error (log.errors[2]);
  g_assert_cmpint (query_int (store, "SELECT deleted FROM project WHERE id = '" PROJECT_ID_2 "'"),
                   ==, 1);
  g_assert_null (fb_record_list_lookup (FB_RECORD_LIST (list), PROJECT_ID_2));

  g_clear_object (&list);
  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_store_async_errors (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) orphan = make_plain_project (PROJECT_ID_2, "Uten helseforetak");
  g_autoptr(FbRecord) untitled = make_plain_project (NULL, "");
  g_autoptr(FbRecord) good = make_plain_project (NULL, "Gyldig");
  g_autoptr(GArray) rows = NULL;
  g_auto(AsyncLog) log = { 0, };
  FbRecord *pair[2];

  save_measure (store, FB_VALUE_TYPE_COUNT);
  log.finished = g_array_new (FALSE, FALSE, sizeof (guint));
  fb_project_set_trust_id (FB_PROJECT (orphan), TRUST_ID_2);
  pair[0] = good;
  pair[1] = orphan;

  fb_store_save_async (store, orphan, NULL, async_written_cb, async_call (&log, 0));
  fb_store_save_async (store, untitled, NULL, async_written_cb, async_call (&log, 1));
  /* All or nothing: the good one is not saved with the orphan. */
  fb_store_save_many_async (store, pair, 2, NULL, async_written_cb, async_call (&log, 2));
  rows = parse_csv ("date,value,denominator,note\n2024-01-01,3,,\n", FB_VALUE_TYPE_COUNT);
  fb_store_import_data_async (store, MISSING_ID, rows, NULL, async_written_cb,
                              async_call (&log, 3));
  fb_store_import_data_async (store, FB_TEST_MEASURE_ID, rows, NULL, async_written_cb,
                              async_call (&log, 4));
  wait_for_writes (store, &log, 5);

  g_assert_error (log.errors[0], FB_STORE_ERROR, FB_STORE_ERROR_INVALID);
  g_assert_nonnull (log.errors[1]);
  g_assert_error (log.errors[2], FB_STORE_ERROR, FB_STORE_ERROR_INVALID);
  g_assert_error (log.errors[3], FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_assert_no_error (log.errors[4]);
  g_assert_cmpuint (log.counts.added, ==, 1);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_DATA_POINT), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_store_async_cancel (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) first = make_plain_project (NULL, "Først");
  g_autoptr(FbRecord) waiting = make_plain_project (NULL, "Venter");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FbRecord) stored = NULL;
  g_auto(AsyncLog) log = { 0, };

  save_parents (store);
  log.finished = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Holding the store's lock keeps the first write from finishing, so
   * the second is still queued when it is cancelled. */
  _fb_store_lock (store);
  fb_store_save_async (store, first, NULL, async_written_cb, async_call (&log, 0));
  fb_store_save_async (store, waiting, cancelled, async_written_cb, async_call (&log, 1));
  g_cancellable_cancel (cancelled);
  _fb_store_unlock (store);
  wait_for_writes (store, &log, 2);

  g_assert_no_error (log.errors[0]);
  g_assert_error (log.errors[1], G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 2);
  stored = fb_store_get_record (store, FB_TYPE_PROJECT, fb_record_get_id (waiting), &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

/* Sample data */

static const char *
demo_dir (void)
{
  const char *dir = g_getenv ("FB_DEMO_DIR");

  if (dir == NULL)
    g_error ("FB_DEMO_DIR is not set; run the test with meson test");

  return dir;
}

static GFile *
demo_file (void)
{
  g_autofree char *path = g_build_filename (demo_dir (), "demo.json", NULL);

  return g_file_new_for_path (path);
}

static JsonObject *
load_demo_json (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (demo_dir (), "demo.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The number of data rows in the sample's files, counted independently of
 * the importer. */
static guint
demo_data_rows (void)
{
  g_autoptr(JsonObject) root = load_demo_json ();
  JsonArray *measures = json_object_get_array_member (root, "measures");
  guint total = 0;

  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      JsonObject *measure = json_array_get_object_element (measures, i);
      const char *data_file = json_object_get_string_member_with_default (measure, "data_file",
                                                                          NULL);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GArray) rows = NULL;
      g_autoptr(GEnumClass) klass = g_type_class_ref (FB_TYPE_VALUE_TYPE);
      g_autoptr(GError) error = NULL;
      GEnumValue *value_type;

      if (data_file == NULL)
        continue;

      value_type = g_enum_get_value_by_nick (klass,
                                             json_object_get_string_member (measure, "value_type"));
      g_assert_nonnull (value_type);
      path = g_build_filename (demo_dir (), data_file, NULL);
      file = g_file_new_for_path (path);
      rows = fb_csv_parse_file (file, value_type->value, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, >, 0);
      total += rows->len;
    }

  return total;
}

/* The criteria of the file's one round, counted from the file itself. */
static guint
demo_n_criteria (void)
{
  g_autoptr(JsonObject) root = load_demo_json ();
  JsonArray *rounds = json_object_get_array_member (root, "prize_rounds");
  JsonObject *round = json_array_get_object_element (rounds, 0);

  return json_array_get_length (json_object_get_array_member (round, "criteria"));
}

static void
assert_demo_counts (FbStore           *store,
                    const FbDemoStats *stats)
{
  guint data_rows = demo_data_rows ();
  guint n_criteria = demo_n_criteria ();

  g_assert_cmpuint (n_criteria, >, 0);
  g_assert_cmpuint (stats->trusts, ==, 12);
  g_assert_cmpuint (stats->users, ==, 45);
  g_assert_cmpuint (stats->projects, ==, 15);
  g_assert_cmpuint (stats->measures, ==, 21);
  g_assert_cmpuint (stats->pdsa_cycles, ==, 60);
  g_assert_cmpuint (stats->data_points, ==, data_rows);

  g_assert_cmpint (fb_store_count (store, FB_TYPE_TRUST), ==, 12);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_USER), ==, 45);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 15);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_MEASURE), ==, 21);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PDSA_CYCLE), ==, 60);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_DATA_POINT), ==, data_rows);

  g_assert_cmpuint (stats->prize_rounds, ==, 1);
  g_assert_cmpuint (stats->prizes, ==, 3);
  g_assert_cmpuint (stats->criteria, ==, n_criteria);
  g_assert_cmpuint (stats->nominations, ==, 14);
  g_assert_cmpuint (stats->scores, ==, 78);
  g_assert_cmpuint (stats->awards, ==, 0);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PRIZE_ROUND), ==, 1);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PRIZE), ==, 3);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_CRITERION), ==, n_criteria);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_NOMINATION), ==, 14);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_SCORE), ==, 78);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_AWARD), ==, 0);

  /* One outbox entry per record, none synced yet. */
  g_assert_cmpint (fb_store_count_outbox (store), ==,
                   12 + 45 + 15 + 21 + 60 + (gint64)data_rows + 1 + 3 + n_criteria + 14 + 78);
}

static void
assert_store_empty (FbStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_entities); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", record_entities[i]);

      g_assert_cmpint (query_int (store, sql), ==, 0);
    }
  g_assert_cmpint (fb_store_count_outbox (store), ==, 0);
}

static void
test_store_demo_load (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GFile) file = demo_file ();
  g_autoptr(GError) error = NULL;
  FbDemoStats stats = { 0, };
  FbDemoStats again = { 0, };
  gint64 outbox;
  int changes;

  g_assert_true (fb_demo_load (store, file, &stats, NULL, &error));
  g_assert_no_error (error);
  assert_demo_counts (store, &stats);
  assert_no_problems (store);

  /* Twice: the file still holds as much, the store gains nothing. */
  outbox = fb_store_count_outbox (store);
  changes = sqlite3_total_changes (_fb_store_get_db (store));
  g_assert_true (fb_demo_load (store, file, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpint (sqlite3_total_changes (_fb_store_get_db (store)), ==, changes);
  g_assert_cmpmem (&stats, sizeof stats, &again, sizeof again);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_demo_builtin (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GFile) file = fb_demo_dup_builtin ();
  g_autoptr(GError) error = NULL;
  FbDemoStats stats = { 0, };

  g_assert_true (fb_demo_load (store, file, &stats, NULL, &error));
  g_assert_no_error (error);
  assert_demo_counts (store, &stats);
  assert_no_problems (store);

  g_clear_object (&store);
  remove_tree (dir);
}

/* Writes a copy of the sample beside links to its data files, after
 * @edit has changed it. */
static GFile *
write_broken_demo (const char *dir,
                   void      (*edit) (JsonObject *root))
{
  g_autoptr(JsonObject) root = load_demo_json ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.json", NULL);
  g_autofree char *measures = g_build_filename (demo_dir (), "measures", NULL);
  g_autofree char *link = g_build_filename (dir, "measures", NULL);
  g_autofree char *target = NULL;

  edit (root);
  node = json_node_init_object (json_node_alloc (), root);
  text = json_to_string (node, TRUE);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  /* The data files, for a test that fails only once they are read. */
  target = g_canonicalize_filename (measures, NULL);
  g_assert_cmpint (symlink (target, link), ==, 0);

  return g_file_new_for_path (path);
}

static void
break_status (JsonObject *root)
{
  JsonArray *projects = json_object_get_array_member (root, "projects");
  guint last = json_array_get_length (projects) - 1;
  JsonObject *project = json_array_get_object_element (projects, last - 1);

  json_object_set_string_member (project, "status", "halvferdig");
}

static void
break_trust_reference (JsonObject *root)
{
  JsonArray *projects = json_object_get_array_member (root, "projects");
  JsonObject *project = json_array_get_object_element (projects, 4);

  json_object_set_string_member (project, "trust_id", MISSING_ID);
}

static void
break_data_file (JsonObject *root)
{
  JsonArray *measures = json_object_get_array_member (root, "measures");
  guint last = json_array_get_length (measures) - 1;
  JsonObject *measure = json_array_get_object_element (measures, last);

  json_object_set_string_member (measure, "data_file", "measures/finnes-ikke.csv");
}

static void
test_store_demo_bad (void)
{
  static const struct {
    const char *name;
    void      (*edit) (JsonObject *root);
    GQuark    (*domain) (void);
  } cases[] = {
    { "invalid status", break_status, fb_demo_error_quark },
    { "missing trust", break_trust_reference, fb_store_error_quark },
    { "missing data file", break_data_file, fb_demo_error_quark },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = make_tmp_dir ();
      g_autofree char *path = db_path (dir);
      g_autoptr(FbStore) store = open_store (path);
      g_autoptr(GFile) file = write_broken_demo (dir, cases[i].edit);
      g_autoptr(GListModel) projects = fb_store_list_projects (store);
      g_autoptr(GError) error = NULL;
      g_auto(ChangeLog) log = { 0, };
      FbDemoStats stats = { 0, };

      g_test_message ("%s", cases[i].name);
      change_log_init (&log, projects);

      g_assert_false (fb_demo_load (store, file, &stats, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == cases[i].domain ());
      g_test_message ("%s", error->message);
      g_assert_cmpuint (stats.projects, ==, 0);
      assert_store_empty (store);
      g_assert_cmpuint (log.changes->len, ==, 0);
      g_assert_true (sqlite3_get_autocommit (_fb_store_get_db (store)));

      g_clear_object (&projects);
      g_clear_object (&store);
      remove_tree (dir);
    }
}

/* Exporting every sample file gives back the file. */
static void
test_store_csv_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GFile) file = demo_file ();
  g_autoptr(JsonObject) root = load_demo_json ();
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *measures_dir = g_build_filename (demo_dir (), "measures", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *measures;
  const char *name;
  guint compared = 0;

  g_assert_true (fb_demo_load (store, file, NULL, NULL, &error));
  g_assert_no_error (error);

  listing = g_dir_open (measures_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".csv"))
      g_hash_table_add (files, g_strdup_printf ("measures/%s", name));
  g_assert_cmpuint (g_hash_table_size (files), >, 0);

  measures = json_object_get_array_member (root, "measures");
  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      JsonObject *measure = json_array_get_object_element (measures, i);
      const char *data_file = json_object_get_string_member_with_default (measure, "data_file",
                                                                          NULL);
      g_autofree char *file_path = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      g_autoptr(GArray) rows = NULL;

      if (data_file == NULL)
        continue;

      g_assert_true (g_hash_table_remove (files, data_file));

      file_path = g_build_filename (demo_dir (), data_file, NULL);
      g_file_get_contents (file_path, &expected, NULL, &error);
      g_assert_no_error (error);

      rows = fb_store_dup_data_rows (store, json_object_get_string_member (measure, "id"),
                                     &error);
      g_assert_no_error (error);
      written = fb_csv_format ((const FbCsvRow *)(gpointer)rows->data, rows->len);

      if (g_strcmp0 (written, expected) != 0)
        g_error ("Exporting %s does not give back the file:\n%s\n---\n%s", data_file,
                 written, expected);
      compared++;
    }

  /* Every file in the folder belongs to a measure. */
  g_assert_cmpuint (g_hash_table_size (files), ==, 0);
  g_assert_cmpuint (compared, >, 0);

  g_clear_object (&store);
  remove_tree (dir);
}

/* Blobs */

static void
test_store_blob (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) empty_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *empty_sha = NULL;
  guint8 *data = g_malloc (100000);

  for (guint i = 0; i < 100000; i++)
    data[i] = (guint8)g_test_rand_int_range (0, 256);
  bytes = g_bytes_new_take (data, 100000);
  same = g_bytes_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  sha = fb_store_put_blob (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, expected);

  back = fb_store_dup_blob (store, sha, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));

  /* The same bytes again: the same key, stored once. */
  sha_again = fb_store_put_blob (store, same, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha_again, ==, sha);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM blob"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT size FROM blob"), ==, 100000);

  /* An empty file is a file too. */
  empty = g_bytes_new (NULL, 0);
  empty_sha = fb_store_put_blob (store, empty, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty_sha, ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  empty_back = fb_store_dup_blob (store, empty_sha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty_back), ==, 0);

  g_clear_pointer (&back, g_bytes_unref);
  back = fb_store_dup_blob (store, FB_TEST_SHA256, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_assert_null (back);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_blob_limit (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GBytes) largest = NULL;
  g_autoptr(GBytes) too_large = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *refused = NULL;

  /* One byte over the limit is refused before anything is written. */
  too_large = g_bytes_new_take (g_malloc0 (FB_STORE_MAX_BLOB_BYTES + 1),
                                FB_STORE_MAX_BLOB_BYTES + 1);
  refused = fb_store_put_blob (store, too_large, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_LARGE);
  g_assert_null (refused);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM blob"), ==, 0);

  /* Exactly the limit is allowed. */
  largest = g_bytes_new_from_bytes (too_large, 0, FB_STORE_MAX_BLOB_BYTES);
  sha = fb_store_put_blob (store, largest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sha);
  back = fb_store_dup_blob (store, sha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (back), ==, FB_STORE_MAX_BLOB_BYTES);

  g_clear_object (&store);
  remove_tree (dir);
}

/* Checking */

static gboolean
problems_mention (GPtrArray  *problems,
                  const char *word)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], word) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_store_check (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) lonely = make_plain_project (PROJECT_ID_2, "Uten barn");
  g_autoptr(FbRecord) measure = fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID, FB_VALUE_TYPE_COUNT);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  save_parents (store);
  save_ok (store, lonely);
  save_ok (store, measure);
  assert_no_problems (store);

  /* A project that has an outbox entry disappears. */
  exec_sql (store, "DELETE FROM project WHERE id = '" PROJECT_ID_2 "'");
  g_assert_true (fb_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *)problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_mention (problems, "outbox"));
  g_assert_true (problems_mention (problems, "project"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A record never synced, with nothing in the outbox to send it. */
  exec_sql (store, "INSERT INTO trust (id, rev, name) VALUES ('" TRUST_ID_2 "', 0, 'Løs')");
  g_assert_true (fb_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *)problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (problems_mention (problems, "trust"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A measure whose project is gone. */
  exec_sql (store, "PRAGMA foreign_keys = OFF;"
                   "DELETE FROM outbox WHERE record_id = '" FB_TEST_PROJECT_ID "';"
                   "DELETE FROM project WHERE id = '" FB_TEST_PROJECT_ID "';"
                   "PRAGMA foreign_keys = ON;");
  g_assert_true (fb_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *)problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (problems_mention (problems, "measure"));

  g_clear_object (&store);
  remove_tree (dir);
}

/* A full disk */

static void
test_store_full (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) big = make_plain_project (PROJECT_ID_2, "Stort prosjekt");
  g_autoptr(FbRecord) kept = NULL;
  g_autoptr(FbRecord) measure = fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID, FB_VALUE_TYPE_COUNT);
  g_autoptr(GString) problem = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *sql = NULL;
  gint64 pages, outbox;

  save_parents (store);
  save_ok (store, measure);
  outbox = fb_store_count_outbox (store);

  pages = query_int (store, "PRAGMA page_count");
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_cmpint (query_int (store, sql), ==, pages + 2);

  while (problem->len < 256 * 1024)
    g_string_append (problem, "Pasientene på sengepost 3 faller om natten. ");
  fb_project_set_problem (FB_PROJECT (big), problem->str);

  g_assert_false (fb_store_save (store, big, &error));
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (_fb_store_get_db (store)));

  /* So is a large import. */
  rows = g_array_new (FALSE, TRUE, sizeof (FbCsvRow));
  g_array_set_clear_func (rows, (GDestroyNotify)fb_csv_row_clear);
  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
      char text[11];

      g_date_add_days (date, i);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      append_row (rows, text, i);
    }
  g_assert_false (fb_store_import_data (store, FB_TEST_MEASURE_ID, rows, NULL, &error));
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* Everything before is still there, and the file is sound. */
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_DATA_POINT), ==, 0);
  kept = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (kept)), ==, "Færre trykksår på sengepost 3");
  g_clear_object (&kept);
  kept = fb_store_get_record (store, FB_TYPE_PROJECT, PROJECT_ID_2, &error);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_integrity_ok (store);
  assert_no_problems (store);

  /* With room again, the same save works. */
  exec_sql (store, "PRAGMA max_page_count = 1073741823");
  save_ok (store, big);
  g_assert_cmpint (fb_store_count_outbox (store), ==, outbox + 1);

  /* And after reopening the file, all of it is there. */
  g_clear_object (&store);
  store = open_store (path);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 2);
  assert_integrity_ok (store);
  assert_no_problems (store);

  g_clear_object (&store);
  remove_tree (dir);
}

/* A read-only database */

enum {
  CHILD_OK,
  CHILD_SETUID_FAILED = 10,
  CHILD_STILL_WRITABLE,
  CHILD_OPEN_FAILED,
  CHILD_OPEN_SUCCEEDED,
  CHILD_NOT_READ_ONLY,
  CHILD_NOT_READABLE,
  CHILD_SAVE_SUCCEEDED,
  CHILD_WRONG_ERROR,
};

/* Runs in the forked child, as nobody: exits with one of the codes above. */
static int
read_only_child (const char *path,
                 gboolean    expect_open)
{
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(FbRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0 ||
      getuid () != NOBODY)
    return CHILD_SETUID_FAILED;

  /* The point of the exercise: this user cannot write the file. */
  fd = open (path, O_RDWR);
  if (fd >= 0 || errno != EACCES)
    return CHILD_STILL_WRITABLE;

  store = fb_store_open (path, &error);
  if (!expect_open)
    {
      if (store != NULL)
        return CHILD_OPEN_SUCCEEDED;
      g_printerr ("# open refused: %s\n", error->message);
      if (!g_error_matches (error, FB_STORE_ERROR, FB_STORE_ERROR_READ_ONLY) ||
          strstr (error->message, "read-only") == NULL)
        return CHILD_WRONG_ERROR;
      return CHILD_OK;
    }

  if (store == NULL)
    {
      g_printerr ("# open failed: %s\n", error->message);
      return CHILD_OPEN_FAILED;
    }
  if (!fb_store_is_read_only (store))
    return CHILD_NOT_READ_ONLY;

  /* What is there can be read... */
  project = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  if (project == NULL || fb_store_count (store, FB_TYPE_PROJECT) != 1)
    return CHILD_NOT_READABLE;

  /* ...but neither an edit nor a new record can be saved. */
  fb_project_set_title (FB_PROJECT (project), "Endret uten lov");
  if (fb_store_save (store, project, &error))
    return CHILD_SAVE_SUCCEEDED;
  g_printerr ("# save refused: %s\n", error->message);
  if (!g_error_matches (error, FB_STORE_ERROR, FB_STORE_ERROR_READ_ONLY) ||
      strstr (error->message, "read-only") == NULL)
    return CHILD_WRONG_ERROR;
  g_clear_error (&error);

  fresh = make_plain_project (PROJECT_ID_2, "Nytt prosjekt");
  if (fb_store_save (store, fresh, &error))
    return CHILD_SAVE_SUCCEEDED;
  if (!g_error_matches (error, FB_STORE_ERROR, FB_STORE_ERROR_READ_ONLY))
    return CHILD_WRONG_ERROR;

  return CHILD_OK;
}

static void
run_read_only_child (const char *path,
                     gboolean    expect_open)
{
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (read_only_child (path, expect_open));

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, CHILD_OK);
}

static void
make_root_owned_read_only (const char *path)
{
  g_assert_cmpint (chown (path, 0, 0), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FbStore) store = NULL;
  GStatBuf st;
  int persist = 1;

  if (getuid () != 0)
    {
      g_test_skip ("Needs root, to run the store as another user");
      return;
    }

  dir = make_tmp_dir ();
  path = db_path (dir);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  store = open_store (path);
  save_parents (store);

  /* Keep the -wal and -shm files when closing (as after a crash, or with
   * another reader), with everything checkpointed into the database. */
  exec_sql (store, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_size_limit = 0;");
  g_assert_cmpint (sqlite3_file_control (_fb_store_get_db (store), "main",
                                         SQLITE_FCNTL_PERSIST_WAL, &persist), ==, SQLITE_OK);
  g_clear_object (&store);

  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_true (g_file_test (shm, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (chown (dir, 0, 0), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  make_root_owned_read_only (path);
  make_root_owned_read_only (wal);
  make_root_owned_read_only (shm);
  before = file_checksum (path);

  /* Opens read-only; saving fails with READ_ONLY. */
  run_read_only_child (path, TRUE);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  /* Without the -wal and -shm files, which only the owner of the folder
   * could create, the file cannot even be read: a clear refusal. */
  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_assert_cmpint (g_unlink (shm), ==, 0);
  run_read_only_child (path, FALSE);
  g_clear_pointer (&after, g_free);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* The owner still can. */
  store = open_store (path);
  g_assert_false (fb_store_is_read_only (store));
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_clear_object (&store);

  remove_tree (dir);
}

static void
test_store_add_trust (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(GListModel) trusts = fb_store_list_trusts (store);
  g_autoptr(FbRecord) added = NULL;
  g_autoptr(FbRecord) same = NULL;
  g_autoptr(FbRecord) blank = NULL;
  g_autoptr(GError) error = NULL;
  const FbRegion *regions;
  guint n_regions;

  regions = fb_region_get_all (&n_regions);
  g_assert_cmpuint (n_regions, ==, 4);

  /* Trimmed, in its region, saved and listed. */
  added = fb_store_add_trust (store, "  Sykehuset Innlandet HF ", regions[0].id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_trust_get_name (FB_TRUST (added)), ==, "Sykehuset Innlandet HF");
  g_assert_cmpstr (fb_trust_get_region_id (FB_TRUST (added)), ==, regions[0].id);
  g_assert_cmpuint (g_list_model_get_n_items (trusts), ==, 1);

  /* A blank name is refused with a message, and nothing is saved. */
  blank = fb_store_add_trust (store, " \t", regions[1].id, &error);
  g_assert_null (blank);
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no name"));
  g_clear_error (&error);

  /* So is a second trust of the same name, in another case. */
  same = fb_store_add_trust (store, "sykehuset innlandet hf", NULL, &error);
  g_assert_null (same);
  g_assert_error (error, FB_STORE_ERROR, FB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Sykehuset Innlandet HF"));
  g_assert_cmpint (fb_store_count (store, FB_TYPE_TRUST), ==, 1);

  g_clear_object (&store);
  remove_tree (dir);
}

/* A transaction held open on another thread, as a long import would. */
typedef struct
{
  FbStore  *store;
  GMutex    mutex;
  GCond     cond;
  gboolean  started;
  gboolean  release;
  gboolean  released;
  char     *own_title;
} LongWrite;

static gpointer
long_write_thread (gpointer data)
{
  LongWrite *write = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FbRecord) own = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  _fb_store_lock (write->store);
  g_assert_true (_fb_store_begin (write->store, &error));
  g_assert_no_error (error);
  exec_sql (write->store, "UPDATE project SET title = 'Uferdig' WHERE id = '"
                          FB_TEST_PROJECT_ID "'");

  /* The thread that writes reads its own change. */
  own = fb_store_get_record (write->store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  write->own_title = g_strdup (fb_project_get_title (FB_PROJECT (own)));

  g_mutex_lock (&write->mutex);
  write->started = TRUE;
  g_cond_broadcast (&write->cond);
  while (!write->release && g_cond_wait_until (&write->cond, &write->mutex, deadline))
    ;
  write->released = TRUE;
  g_mutex_unlock (&write->mutex);

  g_assert_true (_fb_store_commit (write->store, &error));
  g_assert_no_error (error);
  _fb_store_unlock (write->store);

  return NULL;
}

static void
test_store_read_beside_write (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(FbRecord) after = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  LongWrite write = { 0, };
  GThread *thread;
  gint64 start;
  double read_ms;

  save_parents (store);

  write.store = store;
  g_mutex_init (&write.mutex);
  g_cond_init (&write.cond);
  thread = g_thread_new ("long-write", long_write_thread, &write);

  g_mutex_lock (&write.mutex);
  while (!write.started)
    g_cond_wait (&write.cond, &write.mutex);
  g_mutex_unlock (&write.mutex);

  /* With the write lock and a write transaction held on the other thread,
   * reads return at once, with what was last committed. */
  start = g_get_monotonic_time ();
  project = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  list = fb_store_list_projects (store);
  g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, 1);
  g_assert_cmpint (fb_store_count_outbox (store), ==, 2);
  read_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_mutex_lock (&write.mutex);
  g_assert_false (write.released);
  write.release = TRUE;
  g_cond_broadcast (&write.cond);
  g_mutex_unlock (&write.mutex);
  g_thread_join (thread);

  g_test_message ("reads beside an open write took %.3f ms", read_ms);
  g_assert_cmpfloat (read_ms, <, 1000);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (project)), ==,
                   "Færre trykksår på sengepost 3");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpstr (title_at (list, 0), ==, "Færre trykksår på sengepost 3");
  g_assert_cmpstr (write.own_title, ==, "Uferdig");

  /* Once committed, the next read sees it. */
  after = fb_store_get_record (store, FB_TYPE_PROJECT, FB_TEST_PROJECT_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fb_project_get_title (FB_PROJECT (after)), ==, "Uferdig");

  g_free (write.own_title);
  g_mutex_clear (&write.mutex);
  g_cond_clear (&write.cond);
  g_clear_object (&list);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_store_list_patch_one (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbRecord) measure = fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID,
                                                      FB_VALUE_TYPE_RATE);
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FbRecord) added = fb_test_make_data_point ("2025-01-10");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(FbDataPoint) item = NULL;
  g_autoptr(FbDataPoint) other = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChangeLog) log = { 0, };
  guint value_notified = 0;

  save_parents (store);
  save_ok (store, measure);
  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *period = g_strdup_printf ("2025-01-%02u", 2 * i + 1);

      g_ptr_array_add (points, fb_test_make_data_point (period));
    }
  fb_store_save_many (store, (FbRecord **)points->pdata, points->len, &error);
  g_assert_no_error (error);

  list = fb_store_list_data_points (store, FB_TEST_MEASURE_ID);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 15);
  change_log_init (&log, list);
  item = g_list_model_get_item (list, 7);
  other = g_list_model_get_item (list, 8);
  g_signal_connect (item, "notify::value", G_CALLBACK (count_notify_cb), &value_notified);

  /* Behind the store's back, so no list hears of it... */
  exec_sql (store, "UPDATE data_point SET value = 99 WHERE period = '2025-01-17'");

  /* ...then one point changes its value: it is updated in place, and only
   * it is read again (the other point keeps what the list had). */
  fb_data_point_set_value (FB_DATA_POINT (points->pdata[7]), 42);
  save_ok (store, points->pdata[7]);
  g_assert_cmpuint (log.changes->len, ==, 0);
  g_assert_cmpuint (value_notified, ==, 1);
  g_assert_cmpfloat (fb_data_point_get_value (item), ==, 42);
  g_assert_cmpfloat (fb_data_point_get_value (other), ==, 3.25);
  assert_mirror (&log);

  /* A point added between two others: one items-changed, 0 removed, 1
   * added, at its place. */
  save_ok (store, added);
  assert_one_change (&log, 5, 0, 1);

  /* A point whose date moves it one place on: the same object, moved. */
  fb_data_point_set_period (FB_DATA_POINT (points->pdata[7]), "2025-01-18");
  save_ok (store, points->pdata[7]);
  assert_one_change (&log, 8, 2, 2);
  g_assert_true (fb_record_list_lookup (FB_RECORD_LIST (list),
                                        fb_record_get_id (points->pdata[7])) == FB_RECORD (item));
  {
    g_autoptr(FbDataPoint) moved = g_list_model_get_item (list, 9);

    g_assert_true (moved == item);
  }

  /* A deleted point: one items-changed, 1 removed. */
  g_assert_true (fb_store_delete (store, points->pdata[0], &error));
  g_assert_no_error (error);
  assert_one_change (&log, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 15);
  g_assert_false (log.wrong_thread);

  g_clear_object (&list);
  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/open/schema", test_store_open_schema);
  g_test_add_func ("/core/store/add-trust", test_store_add_trust);
  g_test_add_func ("/core/store/open/columns", test_store_open_columns);
  g_test_add_func ("/core/store/open/migrate-v1", test_store_open_migrate_v1);
  g_test_add_func ("/core/store/open/too-new", test_store_open_too_new);
  g_test_add_func ("/core/store/open/foreign", test_store_open_foreign);
  g_test_add_func ("/core/store/open/not-a-database", test_store_open_not_a_database);
  g_test_add_func ("/core/store/open/read-only", test_store_read_only);
  g_test_add_func ("/core/store/save/round-trip", test_store_round_trip);
  g_test_add_func ("/core/store/save/outbox-changed-fields", test_store_outbox_changed_fields);
  g_test_add_func ("/core/store/save/unchanged", test_store_outbox_unchanged);
  g_test_add_func ("/core/store/save/invalid", test_store_outbox_invalid);
  g_test_add_func ("/core/store/save/delete-restore", test_store_delete_restore);
  g_test_add_func ("/core/store/save/full", test_store_full);
  g_test_add_func ("/core/store/list/projects", test_store_list_projects);
  g_test_add_func ("/core/store/list/filtered", test_store_list_filtered);
  g_test_add_func ("/core/store/list/worker-thread", test_store_list_worker_thread);
  g_test_add_func ("/core/store/import/merge", test_store_import_merge);
  g_test_add_func ("/core/store/import/unknown-measure", test_store_import_unknown_measure);
  g_test_add_func ("/core/store/import/all-or-nothing", test_store_import_all_or_nothing);
  g_test_add_func ("/core/store/import/csv-round-trip", test_store_csv_round_trip);
  g_test_add_func ("/core/store/async/order", test_store_async_order);
  g_test_add_func ("/core/store/async/errors", test_store_async_errors);
  g_test_add_func ("/core/store/async/cancel", test_store_async_cancel);
  g_test_add_func ("/core/store/read-beside-write", test_store_read_beside_write);
  g_test_add_func ("/core/store/list/patch-one", test_store_list_patch_one);
  g_test_add_func ("/core/store/blob/round-trip", test_store_blob);
  g_test_add_func ("/core/store/blob/limit", test_store_blob_limit);
  g_test_add_func ("/core/store/check", test_store_check);
  g_test_add_func ("/core/store/demo/load", test_store_demo_load);
  g_test_add_func ("/core/store/demo/builtin", test_store_demo_builtin);
  g_test_add_func ("/core/store/demo/bad", test_store_demo_bad);

  return g_test_run ();
}
