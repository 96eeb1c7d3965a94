/* fb-model.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-attachment.h"
#include "fb-award.h"
#include "fb-criterion.h"
#include "fb-data-point.h"
#include "fb-measure.h"
#include "fb-model.h"
#include "fb-model-private.h"
#include "fb-nomination.h"
#include "fb-pdsa-cycle.h"
#include "fb-prize.h"
#include "fb-prize-round.h"
#include "fb-project.h"
#include "fb-record.h"
#include "fb-score.h"
#include "fb-trust.h"
#include "fb-user.h"
#include "fb-utils.h"

/* A GParamSpecDouble counts NAN as out of range, whatever its range: GObject
 * then warns whenever a field is cleared, fb_record_set_field_json () refuses
 * a JSON null and g_param_spec_double () refuses NAN as the default. The
 * model's doubles use NAN for "no value", so they use this subtype, which
 * lets NAN through and checks every other value as its parent does. Being a
 * GParamSpecDouble, it is read and written like any double field. */

static GParamSpecClass *optional_double_parent_class;

static gboolean
optional_double_validate (GParamSpec *pspec,
                          GValue     *value)
{
  if (isnan (g_value_get_double (value)))
    return FALSE;

  return optional_double_parent_class->value_validate (pspec, value);
}

static gboolean
optional_double_is_valid (GParamSpec   *pspec,
                          const GValue *value)
{
  if (isnan (g_value_get_double (value)))
    return TRUE;

  return optional_double_parent_class->value_is_valid (pspec, value);
}

static int
optional_double_values_cmp (GParamSpec   *pspec,
                            const GValue *value1,
                            const GValue *value2)
{
  gboolean nan1 = isnan (g_value_get_double (value1));
  gboolean nan2 = isnan (g_value_get_double (value2));

  /* "No value" sorts first and equals itself. */
  if (nan1 || nan2)
    return (nan1 ? 0 : 1) - (nan2 ? 0 : 1);

  return optional_double_parent_class->values_cmp (pspec, value1, value2);
}

static void
optional_double_class_init (gpointer klass,
                            gpointer class_data)
{
  GParamSpecClass *pspec_class = klass;

  optional_double_parent_class = g_type_class_peek_parent (klass);

  pspec_class->value_validate = optional_double_validate;
  pspec_class->value_is_valid = optional_double_is_valid;
  pspec_class->values_cmp = optional_double_values_cmp;
}

static GType
optional_double_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      GTypeInfo info = { 0, };
      GType type;

      info.class_size = sizeof (GParamSpecClass);
      info.class_init = optional_double_class_init;
      info.instance_size = sizeof (GParamSpecDouble);

      type = g_type_register_static (G_TYPE_PARAM_DOUBLE,
                                     g_intern_static_string ("FbParamSpecOptionalDouble"),
                                     &info, 0);
      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/**
 * _fb_param_spec_optional_double:
 * @name: the property name
 * @flags: the property flags
 *
 * Creates a double property of any finite value, where NAN, the default,
 * means "no value".
 *
 * Returns: (transfer floating): a #GParamSpecDouble
 */
GParamSpec *
_fb_param_spec_optional_double (const char  *name,
                                GParamFlags  flags)
{
  GParamSpecDouble *dspec;

  dspec = g_param_spec_internal (optional_double_get_type (), name, NULL, NULL, flags);
  dspec->minimum = -G_MAXDOUBLE;
  dspec->maximum = G_MAXDOUBLE;
  dspec->default_value = NAN;

  return G_PARAM_SPEC (dspec);
}

/**
 * _fb_text_is_blank:
 * @text: (nullable): a UTF-8 string
 *
 * Returns: %TRUE if @text is %NULL, empty or only white space, as a
 *   required field must not be
 */
gboolean
_fb_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* A start and an end date, either unset: each a real date, and the end
 * not before the start. @reversed says so in the record's own words. */
gboolean
_fb_check_dates (const char  *start_date,
                 const char  *end_date,
                 const char  *reversed,
                 GError     **error)
{
  if (start_date != NULL && !fb_date_is_valid (start_date))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The start date “%s” is not a valid date. Enter it as YYYY-MM-DD, "
                     "e.g. 2026-03-01."),
                   start_date);
      return FALSE;
    }

  if (end_date != NULL && !fb_date_is_valid (end_date))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("The end date “%s” is not a valid date. Enter it as YYYY-MM-DD, "
                     "e.g. 2026-12-31."),
                   end_date);
      return FALSE;
    }

  /* Valid ISO dates sort as text. */
  if (start_date != NULL && end_date != NULL && strcmp (end_date, start_date) < 0)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID, reversed);
      return FALSE;
    }

  return TRUE;
}

/**
 * fb_model_list_types:
 * @n_types: (out): where to store the number of types
 *
 * Lists every synced record class, parents before the records that name
 * them (trusts before projects, projects before measures), the order in
 * which a fresh copy is best written.
 *
 * Returns: (array length=n_types): the types, owned by the library
 */
const GType *
fb_model_list_types (guint *n_types)
{
  static GType types[13];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      guint i = 0;

      types[i++] = FB_TYPE_TRUST;
      types[i++] = FB_TYPE_USER;
      types[i++] = FB_TYPE_PROJECT;
      types[i++] = FB_TYPE_MEASURE;
      types[i++] = FB_TYPE_DATA_POINT;
      types[i++] = FB_TYPE_PDSA_CYCLE;
      types[i++] = FB_TYPE_ATTACHMENT;
      types[i++] = FB_TYPE_PRIZE_ROUND;
      types[i++] = FB_TYPE_PRIZE;
      types[i++] = FB_TYPE_CRITERION;
      types[i++] = FB_TYPE_NOMINATION;
      types[i++] = FB_TYPE_SCORE;
      types[i++] = FB_TYPE_AWARD;
      g_assert (i == G_N_ELEMENTS (types));
      g_once_init_leave (&initialized, 1);
    }

  *n_types = G_N_ELEMENTS (types);
  return types;
}

/**
 * fb_model_type_from_entity:
 * @entity: an entity name from the sync protocol ("project")
 *
 * Returns: the record class of @entity, or %G_TYPE_INVALID if no record
 *   class has that name
 */
GType
fb_model_type_from_entity (const char *entity)
{
  const GType *types;
  guint n_types;

  if (entity == NULL)
    return G_TYPE_INVALID;

  types = fb_model_list_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (FB_RECORD_CLASS (klass)->entity, entity) == 0)
        return types[i];
    }

  return G_TYPE_INVALID;
}

/* A timestamp field, if set, holds a real time with its offset. @what
 * names the field in a sentence ("the time nominations close"). */
gboolean
_fb_check_timestamp (const char  *text,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || (time = fb_timestamp_parse (text)) != NULL)
    return TRUE;

  g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
               /* Translators: the first %s names a field, e.g. "the time nominations close" */
               _("The value “%s” for %s is not a valid time. Enter it with its offset, "
                 "e.g. 2026-10-01T23:59:59+02:00."),
               text, what);
  return FALSE;
}

/**
 * _fb_json_deep_copy:
 * @node: a JSON value
 *
 * json_node_copy() shares the objects and arrays inside; this copies them.
 *
 * Returns: (transfer full): a copy sharing nothing with @node, not sealed
 */
JsonNode *
_fb_json_deep_copy (JsonNode *node)
{
  g_assert (node != NULL);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (copy, name, _fb_json_deep_copy (member));

      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, _fb_json_deep_copy (json_array_get_element (array, i)));

      return json_node_init_array (json_node_alloc (), copy);
    }

  return json_node_copy (node);
}

/**
 * _fb_set_json:
 * @node_ptr: a pointer to a JSON field, %NULL for "no value"
 * @node: (nullable): the new value; a JSON null counts as no value
 *
 * Returns: %TRUE if the value changed, as fb_set_str() does for text
 */
gboolean
_fb_set_json (JsonNode **node_ptr,
              JsonNode  *node)
{
  g_assert (node_ptr != NULL);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    node = NULL;

  if (*node_ptr == node)
    return FALSE;
  if (*node_ptr != NULL && node != NULL && json_node_equal (*node_ptr, node))
    return FALSE;

  g_clear_pointer (node_ptr, json_node_unref);
  if (node != NULL)
    {
      /* Sealed, so that the value borrowed from a getter cannot change
       * behind the record's back. */
      *node_ptr = _fb_json_deep_copy (node);
      json_node_seal (*node_ptr);
    }

  return TRUE;
}
