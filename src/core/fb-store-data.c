/* fb-store-data.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-store"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fb-csv.h"
#include "fb-data-point.h"
#include "fb-measure.h"
#include "fb-store-private.h"
#include "fb-utils.h"

/* Bulk import and export of a measure's data points. A file of 100 000
 * rows goes through prepared statements in one transaction; single edits
 * go through fb_store_save () like every other record. */

typedef struct
{
  char   *id;
  gint64  rev;
  double  value;
  double  denominator;
  char   *note;
} StoredPoint;

static void
stored_point_free (gpointer data)
{
  StoredPoint *point = data;

  g_free (point->id);
  g_free (point->note);
  g_free (point);
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static GHashTable *
load_points (FbStore     *self,
             const char  *measure_id,
             GError     **error)
{
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        stored_point_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _fb_store_prepare (self,
                                  "SELECT id, rev, period, value, denominator, note FROM data_point "
                                  "WHERE measure_id = ? AND deleted = 0",
                                  error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredPoint *point = g_new0 (StoredPoint, 1);

      point->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      point->rev = sqlite3_column_int64 (stmt, 1);
      point->value = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                     ? NAN : sqlite3_column_double (stmt, 3);
      point->denominator = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                           ? NAN : sqlite3_column_double (stmt, 4);
      point->note = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_hash_table_replace (points, g_strdup ((const char *)sqlite3_column_text (stmt, 2)), point);
    }
  _fb_store_finish_stmt (stmt);

  if (rc != SQLITE_DONE)
    {
      _fb_store_set_sqlite_error (error, _fb_store_get_db (self), rc);
      return NULL;
    }

  return g_steal_pointer (&points);
}

static void
bind_number (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static gboolean
measure_exists (FbStore     *self,
                const char  *measure_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _fb_store_prepare (self, "SELECT 1 FROM measure WHERE id = ? AND deleted = 0", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  _fb_store_finish_stmt (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_NOT_FOUND,
                 _("There is no measure with the id “%s”."), measure_id);
  else
    _fb_store_set_sqlite_error (error, _fb_store_get_db (self), rc);

  return FALSE;
}

/* Rows per multi-row INSERT: fewer statements to run is most of what a
 * large import costs in sqlite, after the writing itself. */
#define POINTS_PER_INSERT 64

/* Builds "prefix (row 0), (row 1), …": each row from values_format with
 * its first parameter number, so that ?1 and ?2 stay shared by all rows. */
static sqlite3_stmt *
prepare_insert (FbStore     *self,
                const char  *prefix,
                const char  *values_format,
                guint        params_per_row,
                guint        n_rows,
                gboolean     keep,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new (prefix);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < n_rows; i++)
    {
      guint base = 3 + i * params_per_row;

      g_string_append (sql, i ? ", " : " ");
      /* Formats use as many of the five numbers as they need. */
      g_string_append_printf (sql, values_format, base, base + 1, base + 2, base + 3, base + 4);
    }

  if (keep)
    return _fb_store_prepare (self, sql->str, error);

  rc = sqlite3_prepare_v2 (_fb_store_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _fb_store_set_sqlite_error (error, _fb_store_get_db (self), rc);
      return NULL;
    }

  return stmt;
}

static gboolean
insert_new_points (FbStore      *self,
                   const char   *measure_id,
                   GArray       *rows,
                   GArray       *new_rows,
                   GPtrArray    *new_ids,
                   const char   *now,
                   GError      **error)
{
  static const char *point_prefix =
    "INSERT INTO data_point (id, rev, updated_at, deleted, measure_id, period, value, "
    "denominator, note, excluded) VALUES";
  static const char *outbox_prefix =
    "INSERT INTO outbox (entity, record_id, base_rev, fields, deleted, created_at) VALUES";

  for (guint start = 0; start < new_rows->len; start += POINTS_PER_INSERT)
    {
      guint n = MIN (POINTS_PER_INSERT, new_rows->len - start);
      gboolean full = n == POINTS_PER_INSERT;
      sqlite3_stmt *points, *outbox;
      int rc;

      if (!(points = prepare_insert (self, point_prefix,
                                     "(?%u, 0, ?1, 0, ?2, ?%u, ?%u, ?%u, ?%u, 0)",
                                     5, n, full, error)))
        return FALSE;
      if (!(outbox = prepare_insert (self, outbox_prefix,
                                     "('data_point', ?%u, 0, '[\"*\"]', 0, ?1)",
                                     1, n, full, error)))
        {
          if (!full)
            sqlite3_finalize (points);
          return FALSE;
        }

      sqlite3_bind_text (points, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (points, 2, measure_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (outbox, 1, now, -1, SQLITE_STATIC);

      for (guint k = 0; k < n; k++)
        {
          const FbCsvRow *row = &g_array_index (rows, FbCsvRow,
                                                g_array_index (new_rows, guint, start + k));
          const char *id = g_ptr_array_index (new_ids, start + k);
          int p = 3 + 5 * k;

          sqlite3_bind_text (points, p, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (points, p + 1, row->date, -1, SQLITE_STATIC);
          bind_number (points, p + 2, row->value);
          bind_number (points, p + 3, row->denominator);
          sqlite3_bind_text (points, p + 4, (row->note && *row->note) ? row->note : NULL, -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (outbox, 3 + k, id, -1, SQLITE_STATIC);
        }

      rc = sqlite3_step (points);
      if (rc == SQLITE_DONE)
        rc = sqlite3_step (outbox);

      if (full)
        {
          _fb_store_finish_stmt (points);
          _fb_store_finish_stmt (outbox);
        }
      else
        {
          sqlite3_finalize (points);
          sqlite3_finalize (outbox);
        }

      if (rc != SQLITE_DONE)
        return _fb_store_set_sqlite_error (error, _fb_store_get_db (self), rc);
    }

  return TRUE;
}

gboolean
_fb_store_import_locked (FbStore              *self,
               const char           *measure_id,
               GArray               *rows,
               FbStoreImportResult  *result,
               GError              **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autofree char *now = fb_timestamp_now ();
  g_autoptr(GPtrArray) new_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) new_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *update;

  if (!measure_exists (self, measure_id, error) ||
      !(stored = load_points (self, measure_id, error)) ||
      !(update = _fb_store_prepare (self,
                                    "UPDATE data_point SET updated_at = ?, value = ?, "
                                    "denominator = ?, note = ? WHERE id = ?",
                                    error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const FbCsvRow *row = &g_array_index (rows, FbCsvRow, i);
      const char *note = (row->note && *row->note) ? row->note : NULL;
      StoredPoint *point;
      sqlite3_stmt *stmt;
      gint64 base_rev = 0;
      const char *id;
      int rc;

      if (!g_hash_table_add (seen, (gpointer)row->date))
        {
          g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_INVALID,
                       _("The date %s appears more than once."), row->date);
          return FALSE;
        }

      g_string_truncate (fields, 0);

      if ((point = g_hash_table_lookup (stored, row->date)))
        {
          gboolean value_changed = !same_number (point->value, row->value);
          gboolean denominator_changed = !same_number (point->denominator, row->denominator);
          gboolean note_changed = g_strcmp0 (point->note, note) != 0;

          if (!value_changed && !denominator_changed && !note_changed)
            {
              result->unchanged++;
              continue;
            }

          g_string_append_c (fields, '[');
          if (value_changed)
            g_string_append (fields, "\"value\",");
          if (denominator_changed)
            g_string_append (fields, "\"denominator\",");
          if (note_changed)
            g_string_append (fields, "\"note\",");
          fields->str[fields->len - 1] = ']';

          stmt = update;
          id = point->id;
          base_rev = point->rev;
          sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
          bind_number (stmt, 2, row->value);
          bind_number (stmt, 3, row->denominator);
          sqlite3_bind_text (stmt, 4, note, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, id, -1, SQLITE_STATIC);
          result->updated++;
        }
      else
        {
          /* New points go in afterwards, many to a statement. */
          g_ptr_array_add (new_ids, fb_uuid_new ());
          g_array_append_val (new_rows, i);
          result->added++;
          continue;
        }

      rc = sqlite3_step (stmt);
      _fb_store_finish_stmt (stmt);
      if (rc != SQLITE_DONE)
        return _fb_store_set_sqlite_error (error, _fb_store_get_db (self), rc);

      if (!_fb_store_append_outbox (self, "data_point", id, base_rev, fields->str, FALSE, now,
                                    error))
        return FALSE;
    }

  return insert_new_points (self, measure_id, rows, new_rows, new_ids, now, error);
}

/**
 * fb_store_import_data:
 * @self: a #FbStore
 * @measure_id: the measure the rows belong to
 * @rows: (element-type FbCsvRow): rows from fb_csv_parse(), already checked
 *   against the measure's value type
 * @result: (out) (optional): how many points were added, updated or unchanged
 * @error: return location for a #GError
 *
 * Merges rows into the measure by date: a new date adds a point, a known
 * date updates it, points not in @rows stay. All or nothing: on any error
 * the measure is as before.
 *
 * Returns: %TRUE when committed
 */
gboolean
fb_store_import_data (FbStore              *self,
                      const char           *measure_id,
                      GArray               *rows,
                      FbStoreImportResult  *result,
                      GError              **error)
{
  FbStoreImportResult counts = { 0, };
  gboolean ok;

  g_return_val_if_fail (FB_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure_id != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  _fb_store_lock (self);
  ok = _fb_store_begin (self, error);
  if (ok && !(ok = _fb_store_import_locked (self, measure_id, rows, &counts, error)))
    _fb_store_rollback (self);
  if (ok)
    ok = _fb_store_commit (self, error);
  _fb_store_unlock (self);

  if (!ok)
    return FALSE;

  if (result != NULL)
    *result = counts;

  if (counts.added + counts.updated > 0)
    _fb_store_emit_changed (self, "data_point", NULL);

  return TRUE;
}

/**
 * fb_store_dup_data_rows:
 * @self: a #FbStore
 * @measure_id: a measure
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FbCsvRow): the measure's points in
 *   date order, ready for fb_csv_format(), or %NULL with @error
 */
GArray *
fb_store_dup_data_rows (FbStore     *self,
                        const char  *measure_id,
                        GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FbCsvRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FB_IS_STORE (self), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  g_array_set_clear_func (rows, (GDestroyNotify)fb_csv_row_clear);

  _fb_store_lock (self);

  if (!measure_exists (self, measure_id, error) ||
      !(stmt = _fb_store_prepare (self,
                                  "SELECT period, value, denominator, note FROM data_point "
                                  "WHERE measure_id = ? AND deleted = 0 ORDER BY period",
                                  error)))
    {
      _fb_store_unlock (self);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FbCsvRow row = { 0, };

      g_strlcpy (row.date, (const char *)sqlite3_column_text (stmt, 0), sizeof row.date);
      row.value = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                  ? NAN : sqlite3_column_double (stmt, 1);
      row.denominator = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                        ? NAN : sqlite3_column_double (stmt, 2);
      row.note = g_strdup (sqlite3_column_text (stmt, 3)
                           ? (const char *)sqlite3_column_text (stmt, 3) : "");
      row.line = rows->len + 2;
      g_array_append_val (rows, row);
    }
  _fb_store_finish_stmt (stmt);

  _fb_store_unlock (self);

  if (rc != SQLITE_DONE)
    {
      _fb_store_set_sqlite_error (error, _fb_store_get_db (self), rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}
