/* fb-sync-service.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-sync-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-round-access.h"
#include "fb-sync-service.h"

/* Push and pull, apart from HTTP (DESIGN §5).
 *
 * A push is one transaction: every change is checked (entity, fields,
 * validation, permission) before anything of it is written, and its answer
 * is stored under the batch id in the same transaction, so a batch sent
 * again gets the same answer and applies nothing twice.
 *
 * The merge is per field: each stored field remembers the revision it last
 * changed in. A pushed field is applied unless the server changed it after
 * the change's base revision to a different value; then both values are
 * kept in a conflict record for the user to resolve, and the other fields
 * of the change still apply. */

struct _FbSyncService
{
  GObject        parent_instance;

  FbServerStore *store;
};

G_DEFINE_FINAL_TYPE (FbSyncService, fb_sync_service, G_TYPE_OBJECT)

static void
fb_sync_service_finalize (GObject *object)
{
  FbSyncService *self = (FbSyncService *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_sync_service_parent_class)->finalize (object);
}

static void
fb_sync_service_class_init (FbSyncServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fb_sync_service_finalize;
}

static void
fb_sync_service_init (FbSyncService *self)
{
}

FbSyncService *
fb_sync_service_new (FbServerStore *store)
{
  FbSyncService *self = g_object_new (FB_TYPE_SYNC_SERVICE, NULL);

  self->store = g_object_ref (store);
  return self;
}

FbServerStore *
fb_sync_service_get_store (FbSyncService *self)
{
  return self->store;
}

static JsonObject *
new_result (const FbSyncChange *change)
{
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "entity", change->entity);
  json_object_set_string_member (result, "id", change->id);
  return result;
}

static void
reject (JsonArray          *results,
        const FbSyncChange *change,
        const GError       *error)
{
  JsonObject *result = new_result (change);

  json_object_set_string_member (result, "status", "rejected");
  json_object_set_string_member (result, "reason", fb_access_error_to_reason (error));
  json_object_set_string_member (result, "message", error->message);
  json_array_add_object_element (results, result);
}

static void
reject_literal (JsonArray          *results,
                const FbSyncChange *change,
                int                 code,
                const char         *message)
{
  g_autoptr(GError) error = g_error_new_literal (FB_ACCESS_ERROR, code, message);

  reject (results, change, error);
}

static gboolean
is_bookkeeping (const char *name)
{
  return g_str_equal (name, "id") || g_str_equal (name, "rev") ||
         g_str_equal (name, "updated_at") || g_str_equal (name, "deleted");
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

/* A change to who may see a project reaches what hangs off it too. */
static gboolean
project_access_changed (FbRecord *before,
                        FbRecord *after)
{
  FbProject *a = FB_PROJECT (before);
  FbProject *b = FB_PROJECT (after);

  return g_strcmp0 (fb_project_get_trust_id (a), fb_project_get_trust_id (b)) != 0 ||
         fb_project_get_visibility (a) != fb_project_get_visibility (b) ||
         !strv_equal0 (fb_project_get_team_member_ids (a), fb_project_get_team_member_ids (b));
}

/* What access to a project about to be made depends on: the project itself. */
static void
fill_new_project_target (FbProject      *project,
                         FbAccessTarget *target)
{
  target->project_id = g_strdup (fb_record_get_id (FB_RECORD (project)));
  target->project_exists = TRUE;
  target->project_trust_id = g_strdup (fb_project_get_trust_id (project));
  target->project_visibility = fb_project_get_visibility (project);
  target->is_member = TRUE; /* its maker keeps access to it */
}

static gboolean
apply_change (FbSyncService       *self,
              const FbCaller      *caller,
              const FbSyncChange  *change,
              JsonArray           *results,
              GError             **error)
{
  g_autoptr(FbServerRow) row = NULL;
  g_autoptr(FbRecord) record = NULL;
  g_autoptr(FbRecord) original = NULL;
  g_autoptr(JsonObject) applied = json_object_new ();
  g_autoptr(JsonObject) server_values = json_object_new ();
  g_autoptr(JsonObject) client_values = json_object_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *project_id = NULL;
  g_autofree char *round_id = NULL;
  FbAccessTarget before = { 0, };
  FbAccessTarget after = { 0, };
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  JsonObject *result;
  GType type;
  gint64 rev;
  gboolean allowed;
  gboolean ok = FALSE;

  type = fb_model_type_from_entity (change->entity);
  if (type == G_TYPE_INVALID)
    {
      g_autofree char *message = g_strdup_printf (_("There is no kind of record called “%s”."),
                                                  change->entity);

      reject_literal (results, change, FB_ACCESS_ERROR_VALIDATION, message);
      return TRUE;
    }

  row = fb_server_store_get_row (self->store, change->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (row != NULL && g_strcmp0 (row->entity, change->entity) != 0)
    {
      reject_literal (results, change, FB_ACCESS_ERROR_VALIDATION,
                      _("This id belongs to another kind of record."));
      return TRUE;
    }

  if (row == NULL && change->base_rev > 0)
    {
      reject_literal (results, change, FB_ACCESS_ERROR_NOT_FOUND,
                      _("The record is not on the server, so it cannot be changed."));
      return TRUE;
    }

  record = fb_record_new (type, change->id);
  if (row != NULL)
    {
      fb_server_row_fill_record (record, row->fields);
      fb_record_set_deleted (record, row->deleted);
      fb_record_set_rev (record, row->rev);
      original = fb_record_copy (record);

      before.entity = row->entity;
      if (!fb_server_store_fill_target (self->store, caller, row->project_id, &before, error))
        goto out;
    }

  /* Merge field by field. */
  json_object_iter_init (&iter, change->fields);
  while (json_object_iter_next (&iter, &name, &node))
    {
      GParamSpec *pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (record), name);

      if (pspec == NULL || is_bookkeeping (name))
        {
          g_autofree char *message = g_strdup_printf (_("A %s has no field “%s”."),
                                                      change->entity, name);

          reject_literal (results, change, FB_ACCESS_ERROR_VALIDATION, message);
          ok = TRUE;
          goto out;
        }

      if (row != NULL &&
          json_object_get_int_member_with_default (row->field_revs, name, 0) > change->base_rev)
        {
          JsonNode *server_node = json_object_get_member (row->fields, name);

          if (server_node == NULL || !json_node_equal (server_node, node))
            {
              json_object_set_member (server_values, name,
                                      server_node ? json_node_copy (server_node) : json_node_new (JSON_NODE_NULL));
              json_object_set_member (client_values, name, json_node_copy (node));
            }
          continue;
        }

      if (!fb_record_set_field_json (record, pspec, node, &local_error))
        {
          local_error->domain = FB_ACCESS_ERROR;
          local_error->code = FB_ACCESS_ERROR_VALIDATION;
          reject (results, change, local_error);
          ok = TRUE;
          goto out;
        }

      json_object_set_member (applied, name, json_node_copy (node));
    }

  if (change->has_deleted && (row == NULL || row->deleted != change->deleted))
    {
      if (row != NULL &&
          json_object_get_int_member_with_default (row->field_revs, "deleted", 0) > change->base_rev)
        {
          json_object_set_boolean_member (server_values, "deleted", row->deleted);
          json_object_set_boolean_member (client_values, "deleted", change->deleted);
        }
      else
        {
          fb_record_set_deleted (record, change->deleted);
          json_object_set_boolean_member (applied, "deleted", change->deleted);
        }
    }

  if (!fb_record_get_deleted (record) && !fb_record_validate (record, &local_error))
    {
      local_error->domain = FB_ACCESS_ERROR;
      local_error->code = FB_ACCESS_ERROR_VALIDATION;
      reject (results, change, local_error);
      ok = TRUE;
      goto out;
    }

  after.entity = change->entity;
  if (FB_IS_PROJECT (record) && row == NULL)
    fill_new_project_target (FB_PROJECT (record), &after);
  else
    {
      project_id = fb_server_store_dup_record_project (self->store, record);
      if (!fb_server_store_fill_target (self->store, caller, project_id, &after, error))
        goto out;
      if (FB_IS_PROJECT (record))
        {
          g_free (after.project_trust_id);
          after.project_trust_id = g_strdup (fb_project_get_trust_id (FB_PROJECT (record)));
        }
    }

  if (fb_round_access_is_round_entity (change->entity))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      allowed = fb_round_access_check_write (self->store, caller, &after, original, record,
                                             now, &local_error);
    }
  else
    allowed = fb_access_check_write (caller, row != NULL ? &before : NULL, &after, &local_error);

  if (!allowed)
    {
      reject (results, change, local_error);
      ok = TRUE;
      goto out;
    }

  /* A nomination keeps the project as it was when submitted, for the panel
   * to read what was nominated, not what it became. */
  if (FB_IS_NOMINATION (record) &&
      fb_nomination_get_status (FB_NOMINATION (record)) == FB_NOMINATION_STATUS_SUBMITTED &&
      (original == NULL ||
       fb_nomination_get_status (FB_NOMINATION (original)) != FB_NOMINATION_STATUS_SUBMITTED))
    {
      g_autoptr(JsonNode) snapshot =
        fb_server_store_dup_project_snapshot (self->store,
                                              fb_nomination_get_project_id (FB_NOMINATION (record)));

      fb_nomination_set_snapshot (FB_NOMINATION (record), snapshot);
      json_object_set_member (applied, "snapshot", json_node_copy (snapshot));
    }

  rev = row != NULL ? row->rev : 0;
  if (json_object_get_size (applied) > 0)
    {
      g_autofree char *now = fb_timestamp_now ();
      g_autoptr(JsonObject) fields = row != NULL ? json_object_ref (row->fields) : fb_server_record_to_fields (record);
      g_autoptr(JsonObject) field_revs = row != NULL ? json_object_ref (row->field_revs) : json_object_new ();
      FbServerRow new_row = { 0, };

      rev = fb_server_store_next_rev (self->store, error);
      if (rev == 0)
        goto out;

      /* A new record's defaults count as written now, like its fields. */
      if (row == NULL)
        {
          json_object_iter_init (&iter, fields);
          while (json_object_iter_next (&iter, &name, &node))
            json_object_set_int_member (field_revs, name, rev);
        }

      json_object_iter_init (&iter, applied);
      while (json_object_iter_next (&iter, &name, &node))
        {
          if (!g_str_equal (name, "deleted"))
            json_object_set_member (fields, name, json_node_copy (node));
          json_object_set_int_member (field_revs, name, rev);
        }

      new_row.id = (char *) change->id;
      new_row.entity = (char *) change->entity;
      new_row.rev = rev;
      new_row.updated_at = now;
      new_row.deleted = fb_record_get_deleted (record);
      new_row.fields = fields;
      new_row.field_revs = field_revs;
      new_row.project_id = project_id != NULL ? project_id : after.project_id;
      new_row.owner_id = row != NULL ? row->owner_id : caller->user_id;
      round_id = fb_round_access_dup_round_id (record);
      new_row.round_id = round_id;

      if (!fb_server_store_put_row (self->store, &new_row, error))
        goto out;

      if (FB_IS_PROJECT (record) &&
          !fb_server_store_put_project_access (self->store, FB_PROJECT (record),
                                               new_row.owner_id, error))
        goto out;

      if (FB_IS_PROJECT (record) && original != NULL &&
          project_access_changed (original, record) &&
          !fb_server_store_touch_project (self->store, change->id, error))
        goto out;

      if (!fb_server_store_add_audit (self->store, caller->user_id,
                                      row == NULL ? "create" : new_row.deleted ? "delete" : "update",
                                      change->entity, change->id, rev, applied, error))
        goto out;
    }

  result = new_result (change);
  json_object_set_int_member (result, "rev", rev);
  if (json_object_get_size (server_values) > 0)
    {
      g_autofree char *conflict_id = fb_uuid_new ();
      JsonObject *fields = json_object_new ();

      if (!fb_server_store_add_conflict (self->store, conflict_id, caller->user_id, change, rev,
                                         server_values, client_values, error))
        {
          json_object_unref (fields);
          json_object_unref (result);
          goto out;
        }

      json_object_iter_init (&iter, server_values);
      while (json_object_iter_next (&iter, &name, &node))
        {
          JsonObject *pair = json_object_new ();

          json_object_set_member (pair, "server", json_node_copy (node));
          json_object_set_member (pair, "yours",
                                  json_node_copy (json_object_get_member (client_values, name)));
          json_object_set_object_member (fields, name, pair);
        }

      json_object_set_string_member (result, "status", "conflict");
      json_object_set_string_member (result, "conflict_id", conflict_id);
      json_object_set_object_member (result, "fields", fields);
    }
  else
    json_object_set_string_member (result, "status", "applied");

  json_array_add_object_element (results, result);
  ok = TRUE;

out:
  fb_access_target_clear (&before);
  fb_access_target_clear (&after);
  return ok;
}

/**
 * fb_sync_service_push:
 * @caller: who pushes
 * @request: the decoded request
 * @error: return location for a #GError about the store only
 *
 * Applies @request and answers per change. Rejected changes are answers,
 * not errors.
 *
 * Returns: (transfer full): the answer as JSON text, or %NULL if the store
 *   failed (nothing was written then)
 */
char *
fb_sync_service_push (FbSyncService   *self,
                      const FbCaller  *caller,
                      FbPushRequest   *request,
                      GError         **error)
{
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  char *stored;
  JsonArray *results;

  if (!fb_server_store_begin (self->store, error))
    return NULL;

  stored = fb_server_store_dup_batch_answer (self->store, caller->user_id, request->batch_id);
  if (stored != NULL)
    {
      fb_server_store_rollback (self->store);
      return stored;
    }

  results = json_array_new ();
  answer = json_object_new ();
  json_object_set_string_member (answer, "batch_id", request->batch_id);
  json_object_set_array_member (answer, "results", results);

  for (guint i = 0; i < request->changes->len; i++)
    if (!apply_change (self, caller, g_ptr_array_index (request->changes, i), results, error))
      {
        fb_server_store_rollback (self->store);
        return NULL;
      }

  node = json_node_init_object (json_node_alloc (), answer);
  text = json_to_string (node, FALSE);

  if (!fb_server_store_put_batch_answer (self->store, caller->user_id, request->batch_id, text, error) ||
      !fb_server_store_commit (self->store, error))
    {
      fb_server_store_rollback (self->store);
      return NULL;
    }

  return g_steal_pointer (&text);
}

typedef struct
{
  FbServerStore  *store;
  const FbCaller *caller;
  GDateTime      *now;
  GHashTable     *rounds;
  GString        *json;
  guint           n_changes;
} PullState;

/* Prize-round records are few; their rules need the record itself. */
static gboolean
can_read_round_record (PullState            *state,
                       const FbServerRow    *row,
                       const char           *fields_json,
                       const FbAccessTarget *target)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(FbRecord) record = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, fields_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  record = fb_record_new (fb_model_type_from_entity (row->entity), row->id);
  fb_server_row_fill_record (record, json_node_get_object (root));
  return fb_round_access_can_read (state->store, state->caller, target, record, state->now,
                                   state->rounds);
}

static void
append_change (const FbServerRow    *row,
               const char           *fields_json,
               const FbAccessTarget *target,
               gpointer              user_data)
{
  PullState *state = user_data;

  if (fb_round_access_is_round_entity (row->entity)
      ? !can_read_round_record (state, row, fields_json, target)
      : !fb_access_can_read (state->caller, target))
    return;

  /* Ids, entities and times were checked when written: no escaping needed.
   * Appended piece by piece: printf of the fields text was a tenth of a pull. */
  if (state->n_changes > 0)
    g_string_append_c (state->json, ',');
  g_string_append (state->json, "{\"entity\":\"");
  g_string_append (state->json, row->entity);
  g_string_append (state->json, "\",\"id\":\"");
  g_string_append (state->json, row->id);
  g_string_append_printf (state->json, "\",\"rev\":%" G_GINT64_FORMAT ",\"updated_at\":\"", row->rev);
  g_string_append (state->json, row->updated_at);
  g_string_append (state->json, row->deleted ? "\",\"deleted\":true,\"fields\":"
                                             : "\",\"deleted\":false,\"fields\":");
  g_string_append (state->json, fields_json);
  g_string_append_c (state->json, '}');
  state->n_changes++;
}

/**
 * fb_sync_service_pull:
 * @caller: who pulls
 * @since: the cursor from the last pull, 0 at first
 * @limit: at most this many changes
 *
 * Returns: (transfer full): `{"changes": [...], "cursor": N, "more": bool}`
 *   with only what @caller may see
 */
GString *
fb_sync_service_pull (FbSyncService   *self,
                      const FbCaller  *caller,
                      gint64           since,
                      guint            limit,
                      GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) rounds = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        g_free, g_object_unref);
  PullState state = { self->store, caller, now, rounds, g_string_sized_new (4096), 0 };
  gint64 cursor;
  guint n_rows;

  g_string_append (state.json, "{\"changes\":[");
  if (!fb_server_store_scan (self->store, caller, since, limit, append_change, &state,
                             &cursor, &n_rows, error))
    {
      g_string_free (state.json, TRUE);
      return NULL;
    }

  /* Fewer rows than asked for means the end was reached. */
  g_string_append_printf (state.json, "],\"cursor\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          cursor, n_rows == limit ? "true" : "false");
  return state.json;
}

/**
 * fb_sync_service_can_read_blob:
 *
 * Returns: %TRUE if @caller uploaded the blob or may read a project with an
 *   attachment that names it
 */
gboolean
fb_sync_service_can_read_blob (FbSyncService  *self,
                               const FbCaller *caller,
                               const char     *sha256,
                               const char     *uploaded_by)
{
  g_autoptr(GPtrArray) projects = NULL;

  if (g_strcmp0 (uploaded_by, caller->user_id) == 0)
    return TRUE;

  projects = fb_server_store_list_blob_owners (self->store, sha256);
  for (guint i = 0; i < projects->len; i++)
    {
      FbAccessTarget target = { .entity = "project" };
      gboolean readable;

      if (!fb_server_store_fill_target (self->store, caller, g_ptr_array_index (projects, i),
                                        &target, NULL))
        continue;
      readable = fb_access_can_read (caller, &target);
      fb_access_target_clear (&target);
      if (readable)
        return TRUE;
    }

  return FALSE;
}
