/* fb-record.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-record"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-model-private.h"
#include "fb-record.h"
#include "fb-utils.h"

typedef struct
{
  char     *id;
  gint64    rev;
  char     *updated_at;
  gboolean  deleted;
} FbRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_UPDATED_AT,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FbRecord, fb_record, G_TYPE_OBJECT)
G_DEFINE_QUARK (fb-record-error-quark, fb_record_error)

typedef struct
{
  GParamSpec **fields;
  guint        n_fields;
} FieldCache;

static GMutex field_cache_lock;
static GQuark field_cache_quark;

static void
fb_record_finalize (GObject *object)
{
  FbRecord *self = (FbRecord *)object;
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->updated_at, g_free);

  G_OBJECT_CLASS (fb_record_parent_class)->finalize (object);
}

static void
fb_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FbRecord *self = FB_RECORD (object);
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, priv->rev);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FbRecord *self = FB_RECORD (object);
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      if (priv->id == NULL)
        priv->id = fb_uuid_new ();
      break;

    case PROP_REV:
      fb_record_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      fb_record_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_DELETED:
      fb_record_set_deleted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_record_class_init (FbRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fb_record_finalize;
  object_class->get_property = fb_record_get_property;
  object_class->set_property = fb_record_set_property;

  field_cache_quark = g_quark_from_static_string ("fb-record-fields");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_record_init (FbRecord *self)
{
}

/**
 * fb_record_new:
 * @type: a subtype of #FbRecord
 * @id: (nullable): the record's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new record with default field values
 */
FbRecord *
fb_record_new (GType       type,
               const char *id)
{
  g_return_val_if_fail (g_type_is_a (type, FB_TYPE_RECORD), NULL);

  return g_object_new (type, "id", id, NULL);
}

const char *
fb_record_get_entity (FbRecord *self)
{
  g_return_val_if_fail (FB_IS_RECORD (self), NULL);

  return FB_RECORD_GET_CLASS (self)->entity;
}

const char *
fb_record_get_id (FbRecord *self)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_val_if_fail (FB_IS_RECORD (self), NULL);

  return priv->id;
}

gint64
fb_record_get_rev (FbRecord *self)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_val_if_fail (FB_IS_RECORD (self), 0);

  return priv->rev;
}

void
fb_record_set_rev (FbRecord *self,
                   gint64    rev)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_if_fail (FB_IS_RECORD (self));

  if (priv->rev == rev)
    return;

  priv->rev = rev;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
fb_record_get_updated_at (FbRecord *self)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_val_if_fail (FB_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
fb_record_set_updated_at (FbRecord   *self,
                          const char *updated_at)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_if_fail (FB_IS_RECORD (self));

  if (fb_set_str (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gboolean
fb_record_get_deleted (FbRecord *self)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_val_if_fail (FB_IS_RECORD (self), FALSE);

  return priv->deleted;
}

void
fb_record_set_deleted (FbRecord *self,
                       gboolean  deleted)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);

  g_return_if_fail (FB_IS_RECORD (self));

  deleted = !!deleted;
  if (priv->deleted == deleted)
    return;

  priv->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

/**
 * fb_record_validate:
 * @self: a #FbRecord
 * @error: return location for a #GError
 *
 * Checks the record as a whole, e.g. that a project has a title.
 *
 * Returns: %TRUE if the record may be saved
 */
gboolean
fb_record_validate (FbRecord  *self,
                    GError   **error)
{
  FbRecordClass *klass;

  g_return_val_if_fail (FB_IS_RECORD (self), FALSE);

  klass = FB_RECORD_GET_CLASS (self);
  if (klass->validate == NULL)
    return TRUE;

  return klass->validate (self, error);
}

static gboolean
is_field (GParamSpec *pspec)
{
  return pspec->owner_type != FB_TYPE_RECORD &&
         (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0;
}

/**
 * fb_record_class_list_fields:
 * @klass: a #FbRecordClass
 * @n_fields: (out): the number of fields
 *
 * Returns: (transfer none) (array length=n_fields): the synced fields of the
 *   class, in the order they were installed
 */
GParamSpec **
fb_record_class_list_fields (FbRecordClass *klass,
                             guint         *n_fields)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  FieldCache *cache;

  g_return_val_if_fail (FB_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  g_mutex_lock (&field_cache_lock);

  if (!(cache = g_type_get_qdata (type, field_cache_quark)))
    {
      g_autofree GParamSpec **all = NULL;
      guint n_all = 0;

      all = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_all);
      cache = g_new0 (FieldCache, 1);
      cache->fields = g_new0 (GParamSpec *, n_all + 1);

      for (guint i = 0; i < n_all; i++)
        if (is_field (all[i]))
          cache->fields[cache->n_fields++] = all[i];

      /* Lives as long as the type: types are never unloaded. */
      g_type_set_qdata (type, field_cache_quark, cache);
    }

  g_mutex_unlock (&field_cache_lock);

  *n_fields = cache->n_fields;
  return cache->fields;
}

/**
 * fb_record_class_find_field:
 * @klass: a #FbRecordClass
 * @name: a field name, with underscores or dashes
 *
 * Returns: (transfer none) (nullable): the field's #GParamSpec
 */
GParamSpec *
fb_record_class_find_field (FbRecordClass *klass,
                            const char    *name)
{
  g_autofree char *dashed = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (FB_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  dashed = g_strdelimit (g_strdup (name), "_", '-');
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), dashed);

  if (pspec == NULL || !is_field (pspec))
    return NULL;

  return pspec;
}

/**
 * fb_record_field_to_column:
 * @pspec: a field
 *
 * Returns: (transfer full): the column and JSON member name of the field
 */
char *
fb_record_field_to_column (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

/**
 * fb_record_dup_field_json:
 * @self: a #FbRecord
 * @pspec: one of its fields
 *
 * Encodes a field for JSON: strings (null when unset), integers, numbers
 * (null when unset), booleans, enums as their nick, flags and string lists
 * as arrays, and #JsonNode fields as they are (null when unset).
 *
 * Returns: (transfer full): the value as a #JsonNode
 */
JsonNode *
fb_record_dup_field_json (FbRecord   *self,
                          GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  JsonNode *node;

  g_return_val_if_fail (FB_IS_RECORD (self), NULL);

  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (self), pspec->name, &value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (&value);

      node = json_node_new (str ? JSON_NODE_VALUE : JSON_NODE_NULL);
      if (str != NULL)
        json_node_set_string (node, str);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, g_value_get_boolean (&value));
    }
  else if (type == G_TYPE_INT)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, g_value_get_int (&value));
    }
  else if (type == G_TYPE_UINT)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, g_value_get_uint (&value));
    }
  else if (type == G_TYPE_INT64)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, g_value_get_int64 (&value));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (&value);

      node = json_node_new (isfinite (d) ? JSON_NODE_VALUE : JSON_NODE_NULL);
      if (isfinite (d))
        json_node_set_double (node, d);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (&value));

      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, ev ? ev->value_nick : "");
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      JsonArray *array = json_array_new ();
      guint flags = g_value_get_flags (&value);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 && (flags & klass->values[i].value) == klass->values[i].value)
          json_array_add_string_element (array, klass->values[i].value_nick);

      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }
  else if (type == JSON_TYPE_NODE)
    {
      JsonNode *json = g_value_get_boxed (&value);

      node = json ? _fb_json_deep_copy (json) : json_node_new (JSON_NODE_NULL);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);

      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }
  else
    {
      g_assert_not_reached ();
    }

  return node;
}

static gboolean
invalid_value (GError     **error,
               GParamSpec  *pspec,
               const char  *expected)
{
  g_autofree char *column = fb_record_field_to_column (pspec);

  g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID_VALUE,
               /* Translators: the first %s is a field name, the second what it takes */
               _("The field “%s” takes %s."), column, expected);
  return FALSE;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType vt;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  vt = json_node_get_value_type (node);
  return vt == G_TYPE_INT64 || vt == G_TYPE_DOUBLE;
}

static gboolean
enum_from_nick (GType        type,
                const char  *nick,
                int         *out)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *underscored = g_strdelimit (g_strdup (nick), "-", '_');
  GEnumValue *ev = g_enum_get_value_by_nick (klass, underscored);

  if (ev == NULL)
    ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *out = ev->value;
  return TRUE;
}

static char *
describe_enum (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  /* Translators: followed by a list of the values a field takes */
  GString *str = g_string_new (_("one of "));

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (str, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);

  return g_string_free (str, FALSE);
}

static char *
describe_flags (GType type)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  /* Translators: followed by a list of the values a field takes */
  GString *str = g_string_new (_("a list of "));
  guint n = 0;

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0)
      g_string_append_printf (str, "%s“%s”", n++ ? ", " : "", klass->values[i].value_nick);

  return g_string_free (str, FALSE);
}

/**
 * fb_record_set_field_json:
 * @self: a #FbRecord
 * @pspec: one of its fields
 * @node: the value, as written by fb_record_dup_field_json()
 * @error: return location for a #GError
 *
 * Sets a field from JSON, refusing wrong types and out-of-range values
 * without changing the record.
 *
 * Returns: %TRUE if the field was set
 */
gboolean
fb_record_set_field_json (FbRecord    *self,
                          GParamSpec  *pspec,
                          JsonNode    *node,
                          GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gboolean is_null = node == NULL || JSON_NODE_HOLDS_NULL (node);

  g_return_val_if_fail (FB_IS_RECORD (self), FALSE);

  g_value_init (&value, type);

  if (type == G_TYPE_STRING)
    {
      if (!is_null && (!JSON_NODE_HOLDS_VALUE (node) ||
                       json_node_get_value_type (node) != G_TYPE_STRING))
        return invalid_value (error, pspec, _("text"));
      if (!is_null && !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return invalid_value (error, pspec, _("valid UTF-8 text"));
      g_value_set_string (&value, is_null ? NULL : json_node_get_string (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (is_null || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return invalid_value (error, pspec, _("true or false"));
      g_value_set_boolean (&value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_INT || type == G_TYPE_UINT || type == G_TYPE_INT64)
    {
      gint64 v;

      if (is_null)
        {
          g_param_value_set_default (pspec, &value);
        }
      else
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            return invalid_value (error, pspec, _("a whole number"));

          v = json_node_get_int (node);
          if (type == G_TYPE_INT)
            {
              if (v < G_MININT || v > G_MAXINT)
                return invalid_value (error, pspec, _("a whole number in range"));
              g_value_set_int (&value, (int)v);
            }
          else if (type == G_TYPE_UINT)
            {
              if (v < 0 || v > G_MAXUINT)
                return invalid_value (error, pspec, _("a whole number in range"));
              g_value_set_uint (&value, (guint)v);
            }
          else
            {
              g_value_set_int64 (&value, v);
            }
        }
    }
  else if (type == G_TYPE_DOUBLE)
    {
      if (is_null)
        g_value_set_double (&value, NAN);
      else if (!node_is_number (node))
        return invalid_value (error, pspec, _("a number"));
      else
        g_value_set_double (&value, json_node_get_double (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int v;

      if (is_null || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING ||
          !enum_from_nick (type, json_node_get_string (node), &v))
        {
          g_autofree char *choices = describe_enum (type);
          return invalid_value (error, pspec, choices);
        }
      g_value_set_enum (&value, v);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      guint flags = 0;

      if (!is_null)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              g_autofree char *choices = describe_flags (type);
              return invalid_value (error, pspec, choices);
            }

          array = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *el = json_array_get_element (array, i);
              GFlagsValue *fv = NULL;

              if (JSON_NODE_HOLDS_VALUE (el) && json_node_get_value_type (el) == G_TYPE_STRING)
                fv = g_flags_get_value_by_nick (klass, json_node_get_string (el));
              if (fv == NULL)
                {
                  g_autofree char *choices = describe_flags (type);
                  return invalid_value (error, pspec, choices);
                }
              flags |= fv->value;
            }
        }
      g_value_set_flags (&value, flags);
    }
  else if (type == JSON_TYPE_NODE)
    {
      /* Any JSON: the record's validate () checks its shape. */
      g_value_set_boxed (&value, is_null ? NULL : node);
    }
  else if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (!is_null)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            return invalid_value (error, pspec, _("a list of text"));

          array = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *el = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (el) || json_node_get_value_type (el) != G_TYPE_STRING ||
                  !g_utf8_validate (json_node_get_string (el), -1, NULL))
                return invalid_value (error, pspec, _("a list of text"));
              g_strv_builder_add (builder, json_node_get_string (el));
            }
        }
      g_value_take_boxed (&value, g_strv_builder_end (builder));
    }
  else
    {
      g_assert_not_reached ();
    }

  if (g_param_value_validate (pspec, &value))
    return invalid_value (error, pspec, _("a value in range"));

  g_object_set_property (G_OBJECT (self), pspec->name, &value);
  return TRUE;
}

/**
 * fb_record_set_field_from_string:
 * @self: a #FbRecord
 * @field: a field name ("title", "aim_how_much")
 * @text: the value as typed: numbers with a decimal point, enums by name,
 *   lists separated by commas or as a JSON array, JSON fields as JSON text,
 *   empty for "no value"
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the field was set
 */
gboolean
fb_record_set_field_from_string (FbRecord    *self,
                                 const char  *field,
                                 const char  *text,
                                 GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  GParamSpec *pspec;
  GType type;

  g_return_val_if_fail (FB_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!(pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (self), field)))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_UNKNOWN_FIELD,
                   _("A %s has no field “%s”."), fb_record_get_entity (self), field);
      return FALSE;
    }

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      node = json_node_new (*text ? JSON_NODE_VALUE : JSON_NODE_NULL);
      if (*text)
        json_node_set_string (node, text);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      node = json_node_new (JSON_NODE_VALUE);
      if (g_strv_contains ((const char *[]) { "true", "yes", "1", NULL }, text))
        json_node_set_boolean (node, TRUE);
      else if (g_strv_contains ((const char *[]) { "false", "no", "0", NULL }, text))
        json_node_set_boolean (node, FALSE);
      else
        return invalid_value (error, pspec, _("true or false"));
    }
  else if (type == G_TYPE_INT || type == G_TYPE_UINT || type == G_TYPE_INT64)
    {
      gint64 v;

      if (*text == '\0')
        {
          node = json_node_new (JSON_NODE_NULL);
        }
      else
        {
          if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v, NULL))
            return invalid_value (error, pspec, _("a whole number"));
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_int (node, v);
        }
    }
  else if (type == G_TYPE_DOUBLE)
    {
      char *end = NULL;
      double d;

      if (*text == '\0')
        {
          node = json_node_new (JSON_NODE_NULL);
        }
      else
        {
          errno = 0;
          d = g_ascii_strtod (text, &end);
          if (errno != 0 || end == text || *end != '\0' || !isfinite (d))
            return invalid_value (error, pspec, _("a number"));
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_double (node, d);
        }
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
    }
  else if (type == JSON_TYPE_NODE)
    {
      if (*text == '\0')
        node = json_node_new (JSON_NODE_NULL);
      else if (!(node = json_from_string (text, NULL)))
        return invalid_value (error, pspec, _("JSON"));
    }
  else if (G_TYPE_IS_FLAGS (type) || type == G_TYPE_STRV)
    {
      if (text[0] == '[')
        {
          if (!(node = json_from_string (text, NULL)))
            return invalid_value (error, pspec, _("a JSON list or items separated by commas"));
        }
      else
        {
          g_auto(GStrv) parts = g_strsplit (text, ",", -1);
          JsonArray *array = json_array_new ();

          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_strstrip (parts[i]);
              if (*parts[i])
                json_array_add_string_element (array, parts[i]);
            }
          node = json_node_init_array (json_node_alloc (), array);
          json_array_unref (array);
        }
    }
  else
    {
      g_assert_not_reached ();
    }

  return fb_record_set_field_json (self, pspec, node, error);
}

/**
 * fb_record_dup_field_string:
 * @self: a #FbRecord
 * @pspec: one of its fields
 *
 * Returns: (transfer full): the field as text for a person or a script:
 *   empty when unset, lists joined with ", ", JSON fields as compact JSON
 */
char *
fb_record_dup_field_string (FbRecord   *self,
                            GParamSpec *pspec)
{
  g_autoptr(JsonNode) node = fb_record_dup_field_json (self, pspec);

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == JSON_TYPE_NODE)
    return json_to_string (node, FALSE);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *str = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (str, "%s%s", i ? ", " : "",
                                json_array_get_string_element (array, i));
      return g_string_free (str, FALSE);
    }

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
  }
}

/**
 * fb_record_field_equal:
 * @self: a #FbRecord
 * @other: a record of the same type
 * @pspec: a field of both
 *
 * Returns: %TRUE if both records hold the same value in the field
 */
gboolean
fb_record_field_equal (FbRecord   *self,
                       FbRecord   *other,
                       GParamSpec *pspec)
{
  g_autoptr(JsonNode) a = fb_record_dup_field_json (self, pspec);
  g_autoptr(JsonNode) b = fb_record_dup_field_json (other, pspec);

  return json_node_equal (a, b);
}

/**
 * fb_record_to_json:
 * @self: a #FbRecord
 *
 * Returns: (transfer full): the whole record, with its sync bookkeeping
 */
JsonObject *
fb_record_to_json (FbRecord *self)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);
  JsonObject *object;
  GParamSpec **fields;
  guint n_fields;

  g_return_val_if_fail (FB_IS_RECORD (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", priv->id);
  json_object_set_int_member (object, "rev", priv->rev);
  if (priv->updated_at != NULL)
    json_object_set_string_member (object, "updated_at", priv->updated_at);
  else
    json_object_set_null_member (object, "updated_at");
  json_object_set_boolean_member (object, "deleted", priv->deleted);

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (self), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = fb_record_field_to_column (fields[i]);

      json_object_set_member (object, column, fb_record_dup_field_json (self, fields[i]));
    }

  return object;
}

/**
 * fb_record_copy:
 * @self: a #FbRecord
 *
 * Returns: (transfer full): a new record with the same id, bookkeeping and
 *   fields, for a worker thread or an undo step to own
 */
FbRecord *
fb_record_copy (FbRecord *self)
{
  FbRecordPrivate *priv = fb_record_get_instance_private (self);
  FbRecord *copy;
  GParamSpec **fields;
  guint n_fields;

  g_return_val_if_fail (FB_IS_RECORD (self), NULL);

  copy = fb_record_new (G_OBJECT_TYPE (self), priv->id);
  fb_record_set_rev (copy, priv->rev);
  fb_record_set_updated_at (copy, priv->updated_at);
  fb_record_set_deleted (copy, priv->deleted);

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (self), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_object_get_property (G_OBJECT (self), fields[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), fields[i]->name, &value);
    }

  return copy;
}
