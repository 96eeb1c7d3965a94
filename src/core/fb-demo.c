/* fb-demo.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-award.h"
#include "fb-criterion.h"
#include "fb-csv.h"
#include "fb-demo.h"
#include "fb-demo-resources.h"
#include "fb-measure.h"
#include "fb-nomination.h"
#include "fb-pdsa-cycle.h"
#include "fb-prize.h"
#include "fb-prize-round.h"
#include "fb-project.h"
#include "fb-score.h"
#include "fb-store-private.h"
#include "fb-trust.h"
#include "fb-user.h"

/* Loads the synthetic sample data set (format "forbedring-demo", version 1)
 * into a store: every record and every data file in one transaction, so a
 * bad file leaves the store as it was. Loading it twice changes nothing. */

G_DEFINE_QUARK (fb-demo-error-quark, fb_demo_error)

#define DEMO_RESOURCE "resource:///io/github/forbedring/Forbedring/demo/demo.json"
#define DEMO_MAX_BYTES (8 * 1024 * 1024)

typedef struct
{
  char   *measure_id;
  GArray *rows;
} MeasureData;

static void
measure_data_free (gpointer data)
{
  MeasureData *md = data;

  g_free (md->measure_id);
  g_clear_pointer (&md->rows, g_array_unref);
  g_free (md);
}

/**
 * fb_demo_dup_builtin:
 *
 * Returns: (transfer full): the sample data set built into the program
 */
GFile *
fb_demo_dup_builtin (void)
{
  static gsize registered;

  /* Registered on first use: a static library would drop a constructor. */
  if (g_once_init_enter (&registered))
    {
      fb_demo_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return g_file_new_for_uri (DEMO_RESOURCE);
}

/* Sample files nest some fields ("aim": {"what": …}); records keep them
 * flat with the object's name as a prefix ("aim_what"). */
static const char *
rename_member (const char *flat)
{
  if (g_strcmp0 (flat, "study_results_vs_prediction") == 0)
    return "study_results";
  if (g_strcmp0 (flat, "weight_percent") == 0)
    return "weight";

  return flat;
}

static gboolean
set_member (FbRecord    *record,
            const char  *name,
            JsonNode    *node,
            GError     **error)
{
  GParamSpec *pspec;
  g_autoptr(GError) local_error = NULL;

  if (!(pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (record), rename_member (name))))
    return TRUE;

  if (!fb_record_set_field_json (record, pspec, node, &local_error))
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_RECORD,
                   _("The %s “%s” in the sample data is invalid: %s"),
                   fb_record_get_entity (record), fb_record_get_id (record), local_error->message);
      return FALSE;
    }

  return TRUE;
}

static char *
format_team_other (JsonNode *node)
{
  JsonObject *object;
  const char *name, *role;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  name = json_object_get_string_member_with_default (object, "name", NULL);
  role = json_object_get_string_member_with_default (object, "role", NULL);

  if (name == NULL)
    return NULL;
  if (role == NULL || *role == '\0')
    return g_strdup (name);

  return g_strdup_printf ("%s (%s)", name, role);
}

static FbRecord *
record_from_json (GType        type,
                  JsonNode    *node,
                  GError     **error)
{
  g_autoptr(FbRecord) record = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !(id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL)) ||
      !g_uuid_string_is_valid (id))
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_RECORD,
                   _("The sample data holds a record without a valid id."));
      return NULL;
    }

  object = json_node_get_object (node);
  record = fb_record_new (type, id);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (g_strcmp0 (name, "team_others") == 0 && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);
          g_autoptr(JsonArray) names = json_array_new ();
          g_autoptr(JsonNode) flat = NULL;

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *text = format_team_other (json_array_get_element (array, i));

              if (text != NULL)
                json_array_add_string_element (names, text);
            }

          flat = json_node_init_array (json_node_alloc (), names);
          if (!set_member (record, name, flat, error))
            return NULL;
        }
      else if (JSON_NODE_HOLDS_OBJECT (member) &&
               !fb_record_class_find_field (FB_RECORD_GET_CLASS (record), name))
        {
          JsonObjectIter inner;
          const char *inner_name;
          JsonNode *inner_member;

          json_object_iter_init (&inner, json_node_get_object (member));
          while (json_object_iter_next (&inner, &inner_name, &inner_member))
            {
              g_autofree char *flat = g_strdup_printf ("%s_%s", name, inner_name);

              if (!set_member (record, flat, inner_member, error))
                return NULL;
            }
        }
      else if (!set_member (record, name, member, error))
        {
          return NULL;
        }
    }

  if (!fb_record_validate (record, error))
    {
      g_prefix_error (error, _("Sample data: "));
      return NULL;
    }

  return g_steal_pointer (&record);
}

static gboolean
collect (JsonObject   *root,
         const char   *member,
         GType         type,
         GPtrArray    *records,
         guint        *count,
         GError      **error)
{
  JsonArray *array;

  if (!json_object_has_member (root, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, member)))
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_FORMAT,
                   _("The sample data has no list of “%s”."), member);
      return FALSE;
    }

  array = json_object_get_array_member (root, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FbRecord *record = record_from_json (type, json_array_get_element (array, i), error);

      if (record == NULL)
        return FALSE;

      g_ptr_array_add (records, record);
      (*count)++;
    }

  return TRUE;
}

/* A round nests its prizes and criteria; the store keeps each as a record
 * of its own that names the round. */
static gboolean
collect_nested (JsonObject   *round,
                const char   *member,
                GType         type,
                GPtrArray    *records,
                guint        *count,
                GError      **error)
{
  const char *round_id = json_object_get_string_member_with_default (round, "id", NULL);
  JsonArray *array;

  if (!json_object_has_member (round, member))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (round, member)))
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_FORMAT,
                   _("The prize round in the sample data has no list of “%s”."), member);
      return FALSE;
    }

  array = json_object_get_array_member (round, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(JsonNode) node = NULL;
      FbRecord *record;

      if (JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autoptr(JsonObject) object = json_object_new ();
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          json_object_iter_init (&iter, json_node_get_object (element));
          while (json_object_iter_next (&iter, &name, &value))
            json_object_set_member (object, name, json_node_copy (value));
          json_object_set_string_member (object, "round_id", round_id);
          node = json_node_init_object (json_node_alloc (), object);
        }
      else
        {
          node = json_node_copy (element);
        }

      if (!(record = record_from_json (type, node, error)))
        return FALSE;

      g_ptr_array_add (records, record);
      (*count)++;
    }

  return TRUE;
}

static gboolean
collect_rounds (JsonObject   *root,
                GPtrArray    *records,
                FbDemoStats  *counts,
                GError      **error)
{
  JsonArray *rounds;

  if (!collect (root, "prize_rounds", FB_TYPE_PRIZE_ROUND, records, &counts->prize_rounds,
                error))
    return FALSE;

  rounds = json_object_get_array_member (root, "prize_rounds");
  for (guint i = 0; i < json_array_get_length (rounds); i++)
    {
      JsonObject *round = json_array_get_object_element (rounds, i);

      if (!collect_nested (round, "prizes", FB_TYPE_PRIZE, records, &counts->prizes, error) ||
          !collect_nested (round, "criteria", FB_TYPE_CRITERION, records, &counts->criteria,
                           error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_measure_data (JsonObject    *root,
                   GFile         *folder,
                   GPtrArray     *data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  JsonArray *measures = json_object_get_array_member (root, "measures");

  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      JsonObject *measure = json_array_get_object_element (measures, i);
      const char *data_file = json_object_get_string_member_with_default (measure, "data_file",
                                                                          NULL);
      const char *value_type = json_object_get_string_member_with_default (measure, "value_type",
                                                                           "");
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;
      MeasureData *md;
      int type = -1;

      if (data_file == NULL)
        continue;

      /* A data file stays inside the sample's folder. */
      file = g_file_resolve_relative_path (folder, data_file);
      if (!g_file_has_prefix (file, folder))
        {
          g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_DATA,
                       _("The sample data names a data file outside its folder: “%s”."),
                       data_file);
          return FALSE;
        }

      if (g_strcmp0 (value_type, "proportion") == 0)
        type = FB_VALUE_TYPE_PROPORTION;
      else if (g_strcmp0 (value_type, "rate") == 0)
        type = FB_VALUE_TYPE_RATE;
      else if (g_strcmp0 (value_type, "count") == 0)
        type = FB_VALUE_TYPE_COUNT;
      else if (g_strcmp0 (value_type, "continuous") == 0)
        type = FB_VALUE_TYPE_CONTINUOUS;

      md = g_new0 (MeasureData, 1);
      md->measure_id = g_strdup (json_object_get_string_member (measure, "id"));
      md->rows = fb_csv_parse_file (file, type, cancellable, &local_error);
      g_ptr_array_add (data, md);

      if (md->rows == NULL)
        {
          g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_DATA,
                       _("The data file “%s” could not be read: %s"),
                       data_file, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_all (FbStore      *store,
           GPtrArray    *records,
           GPtrArray    *data,
           FbDemoStats  *stats,
           GError      **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new ();
  gboolean ok;

  _fb_store_lock (store);

  ok = _fb_store_begin (store, error) &&
       _fb_store_save_many_locked (store, (FbRecord **)records->pdata, records->len, written,
                                   error);

  for (guint i = 0; ok && i < data->len; i++)
    {
      MeasureData *md = g_ptr_array_index (data, i);
      FbStoreImportResult result = { 0, };

      ok = _fb_store_import_locked (store, md->measure_id, md->rows, &result, error);
      stats->data_points += md->rows->len;
    }

  if (ok)
    ok = _fb_store_commit (store, error);
  else
    _fb_store_rollback (store);

  _fb_store_unlock (store);

  if (ok)
    {
      static const char * const entities[] = {
        "trust", "user", "project", "measure", "pdsa_cycle", "data_point",
        "prize_round", "prize", "criterion", "nomination", "score", "award",
      };

      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        _fb_store_emit_changed (store, entities[i], NULL);
    }

  return ok;
}

/**
 * fb_demo_load:
 * @store: the store to load into
 * @file: a sample data file (demo.json), its data files beside it
 * @stats: (out) (optional): what the file held
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads a sample data set: all of it, or on any error nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
fb_demo_load (FbStore       *store,
              GFile         *file,
              FbDemoStats   *stats,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) data = g_ptr_array_new_with_free_func (measure_data_free);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  FbDemoStats counts = { 0, };
  JsonObject *root;

  g_return_val_if_fail (FB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return FALSE;

  if (g_bytes_get_size (bytes) > DEMO_MAX_BYTES)
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_FORMAT,
                   _("The file is too large to be sample data (the limit is 8 MiB)."));
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_FORMAT,
                   _("The file is not valid JSON: %s"), local_error->message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      g_strcmp0 (json_object_get_string_member_with_default (
                   json_node_get_object (json_parser_get_root (parser)), "format", NULL),
                 "forbedring-demo") != 0)
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_FORMAT,
                   _("The file is not Forbedring sample data (its “format” is not "
                     "“forbedring-demo”)."));
      return FALSE;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "format_version", 0) != 1)
    {
      g_set_error (error, FB_DEMO_ERROR, FB_DEMO_ERROR_FORMAT,
                   _("The sample data is of format version %d; this version of Forbedring "
                     "reads version 1."),
                   (int)json_object_get_int_member_with_default (root, "format_version", 0));
      return FALSE;
    }

  /* Parents before children, so references are satisfied in order. */
  if (!collect (root, "trusts", FB_TYPE_TRUST, records, &counts.trusts, error) ||
      !collect (root, "users", FB_TYPE_USER, records, &counts.users, error) ||
      !collect (root, "projects", FB_TYPE_PROJECT, records, &counts.projects, error) ||
      !collect (root, "measures", FB_TYPE_MEASURE, records, &counts.measures, error) ||
      !collect (root, "pdsa_cycles", FB_TYPE_PDSA_CYCLE, records, &counts.pdsa_cycles, error) ||
      !collect_rounds (root, records, &counts, error) ||
      !collect (root, "nominations", FB_TYPE_NOMINATION, records, &counts.nominations, error) ||
      !collect (root, "scores", FB_TYPE_SCORE, records, &counts.scores, error) ||
      !collect (root, "awards", FB_TYPE_AWARD, records, &counts.awards, error))
    return FALSE;

  folder = g_file_get_parent (file);
  if (!read_measure_data (root, folder, data, cancellable, error))
    return FALSE;

  if (!write_all (store, records, data, &counts, error))
    return FALSE;

  if (stats != NULL)
    *stats = counts;

  return TRUE;
}

typedef struct
{
  GFile       *file;
  FbDemoStats  stats;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->file);
  g_free (ld);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  GError *error = NULL;

  if (fb_demo_load (source_object, ld->file, &ld->stats, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fb_demo_load_async:
 * @store: the store to load into
 * @file: a sample data file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs fb_demo_load() on a worker thread.
 */
void
fb_demo_load_async (FbStore             *store,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *ld;

  g_return_if_fail (FB_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  ld = g_new0 (LoadData, 1);
  ld->file = g_object_ref (file);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, fb_demo_load_async);
  g_task_set_task_data (task, ld, load_data_free);
  g_task_run_in_thread (task, load_worker);
}

gboolean
fb_demo_load_finish (FbStore       *store,
                     GAsyncResult  *result,
                     FbDemoStats   *stats,
                     GError       **error)
{
  LoadData *ld;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  ld = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = ld->stats;

  return TRUE;
}
