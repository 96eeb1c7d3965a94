/* fb-store-mapping.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-store"

#include "config.h"

#include <math.h>

#include "fb-store-private.h"

/* The generic mapping between record fields and sqlite columns, so that
 * every entity is stored by the same code. */

static char *
dup_json_text (FbRecord   *record,
               GParamSpec *pspec)
{
  g_autoptr(JsonNode) node = fb_record_dup_field_json (record, pspec);

  return json_to_string (node, FALSE);
}

void
_fb_store_bind_field (sqlite3_stmt *stmt,
                      int           index,
                      FbRecord     *record,
                      GParamSpec   *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;

  if (G_TYPE_IS_FLAGS (type) || type == G_TYPE_STRV)
    {
      sqlite3_bind_text (stmt, index, dup_json_text (record, pspec), -1, g_free);
      return;
    }

  if (type == JSON_TYPE_NODE)
    {
      g_autoptr(JsonNode) node = fb_record_dup_field_json (record, pspec);

      if (JSON_NODE_HOLDS_NULL (node))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
      return;
    }

  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (record), pspec->name, &value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (&value);

      if (str == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, str, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (&value));
  else if (type == G_TYPE_INT)
    sqlite3_bind_int64 (stmt, index, g_value_get_int (&value));
  else if (type == G_TYPE_UINT)
    sqlite3_bind_int64 (stmt, index, g_value_get_uint (&value));
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
  else if (type == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (&value);

      if (isfinite (d))
        sqlite3_bind_double (stmt, index, d);
      else
        sqlite3_bind_null (stmt, index);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (&value));

      sqlite3_bind_text (stmt, index, ev ? ev->value_nick : NULL, -1, SQLITE_STATIC);
    }
  else
    g_assert_not_reached ();
}

void
_fb_store_read_field (sqlite3_stmt *stmt,
                      int           column,
                      FbRecord     *record,
                      GParamSpec   *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  int ctype = sqlite3_column_type (stmt, column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);

  if (G_TYPE_IS_FLAGS (type) || type == G_TYPE_STRV || G_TYPE_IS_ENUM (type) ||
      type == JSON_TYPE_NODE)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, column);
      g_autoptr(JsonNode) node = NULL;

      if (text == NULL)
        return;

      if (G_TYPE_IS_ENUM (type))
        {
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (node, text);
        }
      else if (!(node = json_from_string (text, NULL)))
        {
          return;
        }

      /* A value this version does not know (written by a newer one) keeps
       * the default rather than failing the whole read. */
      fb_record_set_field_json (record, pspec, node, NULL);
      return;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (&value, (const char *)sqlite3_column_text (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&value, sqlite3_column_int (stmt, column) != 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (&value, sqlite3_column_int (stmt, column));
  else if (type == G_TYPE_UINT)
    g_value_set_uint (&value, (guint)CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXUINT));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (&value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (&value, ctype == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column));
  else
    g_assert_not_reached ();

  g_param_value_validate (pspec, &value);
  g_object_set_property (G_OBJECT (record), pspec->name, &value);
}

/* Columns come in the order of _fb_store_select_sql (): id, rev,
 * updated_at, deleted, then the fields. */
FbRecord *
_fb_store_read_record (sqlite3_stmt *stmt,
                       GType         type)
{
  g_autoptr(FbRecordClass) klass = g_type_class_ref (type);
  FbRecord *record;
  GParamSpec **fields;
  guint n_fields;

  record = fb_record_new (type, (const char *)sqlite3_column_text (stmt, 0));
  fb_record_set_rev (record, sqlite3_column_int64 (stmt, 1));
  fb_record_set_updated_at (record, (const char *)sqlite3_column_text (stmt, 2));
  fb_record_set_deleted (record, sqlite3_column_int (stmt, 3) != 0);

  fields = fb_record_class_list_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    _fb_store_read_field (stmt, 4 + i, record, fields[i]);

  return record;
}

char *
_fb_store_select_sql (GType type)
{
  g_autoptr(FbRecordClass) klass = g_type_class_ref (type);
  GString *sql = g_string_new ("SELECT id, rev, updated_at, deleted");
  GParamSpec **fields;
  guint n_fields;

  fields = fb_record_class_list_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = fb_record_field_to_column (fields[i]);

      g_string_append_printf (sql, ", \"%s\"", column);
    }

  g_string_append_printf (sql, " FROM \"%s\"", klass->entity);

  return g_string_free (sql, FALSE);
}
