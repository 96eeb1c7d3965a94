/* fb-record-list.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-record-list"

#include "config.h"

#include <string.h>

#include "fb-record-list.h"
#include "fb-store-private.h"

/* A live query over the store: the records of one type (optionally with one
 * field equal to a value) that are not deleted. When the store says one
 * record changed, it reads that record and the list's ids in order (not
 * every record again); when many changed, it reloads. Either way it keeps
 * the same object for the same id (updating its fields in place, so bound
 * widgets just see notifications), and emits items-changed only over the
 * range that differs. */

struct _FbRecordList
{
  GObject     parent_instance;

  FbStore    *store;
  GType       type;
  char       *field;
  char       *value;
  GPtrArray  *items;
  GHashTable *by_id;
};

static GType
fb_record_list_get_item_type (GListModel *model)
{
  return FB_RECORD_LIST (model)->type;
}

static guint
fb_record_list_get_n_items (GListModel *model)
{
  return FB_RECORD_LIST (model)->items->len;
}

static gpointer
fb_record_list_get_item (GListModel *model,
                         guint       position)
{
  FbRecordList *self = FB_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fb_record_list_get_item_type;
  iface->get_n_items = fb_record_list_get_n_items;
  iface->get_item = fb_record_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FbRecordList, fb_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
update_in_place (FbRecord *target,
                 FbRecord *source)
{
  GParamSpec **fields;
  guint n_fields;

  g_object_freeze_notify (G_OBJECT (target));

  fb_record_set_rev (target, fb_record_get_rev (source));
  fb_record_set_updated_at (target, fb_record_get_updated_at (source));

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (target), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_object_get_property (G_OBJECT (source), fields[i]->name, &value);
      g_object_set_property (G_OBJECT (target), fields[i]->name, &value);
    }

  g_object_thaw_notify (G_OBJECT (target));
}

/* Takes @items as the list's contents and says what changed. */
static void
replace_items (FbRecordList *self,
               GPtrArray    *items)
{
  g_autoptr(GPtrArray) old = NULL;
  guint prefix = 0, suffix = 0;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_ref (items);

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->items->len; i++)
    {
      FbRecord *record = g_ptr_array_index (self->items, i);

      g_hash_table_insert (self->by_id, (gpointer)fb_record_get_id (record), record);
    }

  while (prefix < old->len && prefix < self->items->len &&
         old->pdata[prefix] == self->items->pdata[prefix])
    prefix++;

  while (suffix < old->len - prefix && suffix < self->items->len - prefix &&
         old->pdata[old->len - 1 - suffix] == self->items->pdata[self->items->len - 1 - suffix])
    suffix++;

  if (prefix == old->len && prefix == self->items->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix,
                              self->items->len - prefix - suffix);
}

static void
reload (FbRecordList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!(fresh = _fb_store_query_records (self->store, self->type, self->field, self->value,
                                         &error)))
    {
      /* The list keeps showing what it had; the write that failed has
       * already reported its own error to whoever made it. */
      g_debug ("Could not reload a %s list: %s", g_type_name (self->type), error->message);
      return;
    }

  items = g_ptr_array_new_full (fresh->len, g_object_unref);
  for (guint i = 0; i < fresh->len; i++)
    {
      FbRecord *record = g_ptr_array_index (fresh, i);
      FbRecord *existing = g_hash_table_lookup (self->by_id, fb_record_get_id (record));

      if (existing != NULL)
        {
          update_in_place (existing, record);
          g_ptr_array_add (items, g_object_ref (existing));
        }
      else
        {
          g_ptr_array_add (items, g_object_ref (record));
        }
    }

  replace_items (self, items);
}

/* Brings one changed record into the list: it may have been added,
 * changed in place, moved, or deleted. Only the record and the ids are
 * read. Returns FALSE when the list must be reloaded instead: another
 * record it does not hold appeared, or the record changed again. */
static gboolean
patch (FbRecordList *self,
       const char   *id)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(FbRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  FbRecord *existing;

  if (!(ids = _fb_store_query_ids (self->store, self->type, self->field, self->value, &error)))
    {
      g_debug ("Could not update a %s list: %s", g_type_name (self->type), error->message);
      return TRUE;
    }

  existing = g_hash_table_lookup (self->by_id, id);
  items = g_ptr_array_new_full (ids->len, g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *item_id = g_ptr_array_index (ids, i);
      FbRecord *record;

      if (strcmp (item_id, id) == 0)
        {
          if (!(fresh = fb_store_get_record (self->store, self->type, id, &error)) ||
              fb_record_get_deleted (fresh))
            return FALSE;
          record = existing != NULL ? existing : fresh;
        }
      else if (!(record = g_hash_table_lookup (self->by_id, item_id)))
        {
          return FALSE;
        }

      g_ptr_array_add (items, g_object_ref (record));
    }

  if (existing != NULL && fresh != NULL)
    update_in_place (existing, fresh);

  replace_items (self, items);

  return TRUE;
}

static void
store_changed_cb (FbRecordList *self,
                  const char   *entity,
                  const char   *id,
                  FbStore      *store)
{
  if (id == NULL || !patch (self, id))
    reload (self);
}

static void
fb_record_list_finalize (GObject *object)
{
  FbRecordList *self = (FbRecordList *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_record_list_parent_class)->finalize (object);
}

static void
fb_record_list_class_init (FbRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fb_record_list_finalize;
}

static void
fb_record_list_init (FbRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * fb_record_list_new:
 * @store: the store to follow
 * @type: the record type
 * @field: (nullable): a field to filter on
 * @value: (nullable): the value @field must have
 *
 * Returns: (transfer full): a list loaded now and kept up to date
 */
FbRecordList *
fb_record_list_new (FbStore    *store,
                    GType       type,
                    const char *field,
                    const char *value)
{
  g_autoptr(FbRecordClass) klass = NULL;
  FbRecordList *self;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, FB_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);

  self = g_object_new (FB_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->field = g_strdup (field);
  self->value = g_strdup (value);

  detail = g_strdup_printf ("changed::%s", klass->entity);
  g_signal_connect_object (store, detail, G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  reload (self);

  return self;
}

/**
 * fb_record_list_lookup:
 * @self: a #FbRecordList
 * @id: a record id
 *
 * Returns: (transfer none) (nullable): the list's record with that id
 */
FbRecord *
fb_record_list_lookup (FbRecordList *self,
                       const char   *id)
{
  g_return_val_if_fail (FB_IS_RECORD_LIST (self), NULL);

  return g_hash_table_lookup (self->by_id, id);
}
