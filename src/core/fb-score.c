/* fb-score.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-score"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-score.h"
#include "fb-utils.h"

/**
 * FbScore:
 *
 * One panel member's score of one nomination: a value for each
 * criterion, or a declared conflict of interest.
 */
struct _FbScore
{
  FbRecord parent_instance;

  char     *round_id;
  char     *nomination_id;
  char     *panel_member_id;
  gboolean conflict_declared;
  char     *conflict_reason;
  JsonNode *values;
  char     *comment;
  gboolean final;
};

G_DEFINE_FINAL_TYPE (FbScore, fb_score, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROUND_ID,
  PROP_NOMINATION_ID,
  PROP_PANEL_MEMBER_ID,
  PROP_CONFLICT_DECLARED,
  PROP_CONFLICT_REASON,
  PROP_VALUES,
  PROP_COMMENT,
  PROP_FINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* values is an array of {"criterion_id": UUID, "value": whole number}, each
 * criterion at most once: the form demo.json and the sync protocol use. */
static gboolean
check_values (JsonNode  *values,
              GError   **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (values == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (values))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The score’s values are damaged: they are not a list."));
      return FALSE;
    }

  array = json_node_get_array (values);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *value;
      const char *criterion_id;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !(object = json_node_get_object (element)) ||
          !(criterion_id = json_object_get_string_member_with_default (object, "criterion_id",
                                                                       NULL)) ||
          !(value = json_object_get_member (object, "value")) ||
          !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) < G_MININT || json_node_get_int (value) > G_MAXINT)
        {
          g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                               _("The score’s values are damaged: each must name a "
                                 "criterion and give it a whole number."));
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)criterion_id))
        {
          g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                               _("The score gives one criterion two values."));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
fb_score_validate (FbRecord  *record,
                   GError   **error)
{
  FbScore *self = FB_SCORE (record);

  if (_fb_text_is_blank (self->round_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The score belongs to no prize round."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->nomination_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The score is for no nomination."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->panel_member_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The score names no panel member."));
      return FALSE;
    }

  if (!check_values (self->values, error))
    return FALSE;

  if (!self->conflict_declared)
    return TRUE;

  if (_fb_text_is_blank (self->conflict_reason))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("Say briefly why you have a conflict of interest, so the "
                             "organisers can record it."));
      return FALSE;
    }

  if (fb_score_get_n_values (self) > 0)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A panel member who declared a conflict of interest does "
                             "not score the nomination. Remove the values, or withdraw "
                             "the declaration."));
      return FALSE;
    }

  return TRUE;
}

static void
fb_score_finalize (GObject *object)
{
  FbScore *self = (FbScore *)object;

  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->nomination_id, g_free);
  g_clear_pointer (&self->panel_member_id, g_free);
  g_clear_pointer (&self->conflict_reason, g_free);
  g_clear_pointer (&self->values, json_node_unref);
  g_clear_pointer (&self->comment, g_free);

  G_OBJECT_CLASS (fb_score_parent_class)->finalize (object);
}

static void
fb_score_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FbScore *self = FB_SCORE (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      g_value_set_string (value, self->round_id);
      break;

    case PROP_NOMINATION_ID:
      g_value_set_string (value, self->nomination_id);
      break;

    case PROP_PANEL_MEMBER_ID:
      g_value_set_string (value, self->panel_member_id);
      break;

    case PROP_CONFLICT_DECLARED:
      g_value_set_boolean (value, self->conflict_declared);
      break;

    case PROP_CONFLICT_REASON:
      g_value_set_string (value, self->conflict_reason);
      break;

    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;

    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;

    case PROP_FINAL:
      g_value_set_boolean (value, self->final);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_score_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FbScore *self = FB_SCORE (object);

  switch (prop_id)
    {
    case PROP_ROUND_ID:
      fb_score_set_round_id (self, g_value_get_string (value));
      break;

    case PROP_NOMINATION_ID:
      fb_score_set_nomination_id (self, g_value_get_string (value));
      break;

    case PROP_PANEL_MEMBER_ID:
      fb_score_set_panel_member_id (self, g_value_get_string (value));
      break;

    case PROP_CONFLICT_DECLARED:
      fb_score_set_conflict_declared (self, g_value_get_boolean (value));
      break;

    case PROP_CONFLICT_REASON:
      fb_score_set_conflict_reason (self, g_value_get_string (value));
      break;

    case PROP_VALUES:
      fb_score_set_values (self, g_value_get_boxed (value));
      break;

    case PROP_COMMENT:
      fb_score_set_comment (self, g_value_get_string (value));
      break;

    case PROP_FINAL:
      fb_score_set_final (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_score_class_init (FbScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_score_finalize;
  object_class->get_property = fb_score_get_property;
  object_class->set_property = fb_score_set_property;

  record_class->entity = "score";
  record_class->validate = fb_score_validate;

  /* The order below is the column order of the table. */

  /**
   * FbScore:round-id:
   *
   * The id of the prize round.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_string ("round-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:nomination-id:
   *
   * The id of the nomination scored.
   */
  properties[PROP_NOMINATION_ID] =
    g_param_spec_string ("nomination-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:panel-member-id:
   *
   * The id of the panel member who scores.
   */
  properties[PROP_PANEL_MEMBER_ID] =
    g_param_spec_string ("panel-member-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:conflict-declared:
   *
   * Whether the panel member declared a conflict of interest and so
   * does not score this nomination.
   */
  properties[PROP_CONFLICT_DECLARED] =
    g_param_spec_boolean ("conflict-declared", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:conflict-reason:
   *
   * Why the panel member has a conflict of interest.
   */
  properties[PROP_CONFLICT_REASON] =
    g_param_spec_string ("conflict-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:values:
   *
   * The values, a JSON array of `{"criterion_id": …, "value": …}`, at
   * most one for each criterion; unset or empty before any is given.
   */
  properties[PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:comment:
   *
   * The panel member's comment.
   */
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbScore:final:
   *
   * Whether the panel member has finished; only final scores count.
   */
  properties[PROP_FINAL] =
    g_param_spec_boolean ("final", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_score_init (FbScore *self)
{
}

/**
 * fb_score_new:
 * @id: (nullable): the score's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new score with default values
 */
FbScore *
fb_score_new (const char *id)
{
  return (FbScore *)fb_record_new (FB_TYPE_SCORE, id);
}

/**
 * fb_score_get_round_id:
 * @self: a #FbScore
 *
 * Returns: (nullable): the id of the prize round
 */
const char *
fb_score_get_round_id (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), NULL);

  return self->round_id;
}

/**
 * fb_score_set_round_id:
 * @self: a #FbScore
 * @round_id: (nullable): the new id of the prize round
 */
void
fb_score_set_round_id (FbScore    *self,
                       const char *round_id)
{
  g_return_if_fail (FB_IS_SCORE (self));

  if (fb_set_str (&self->round_id, round_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/**
 * fb_score_get_nomination_id:
 * @self: a #FbScore
 *
 * Returns: (nullable): the id of the nomination
 */
const char *
fb_score_get_nomination_id (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), NULL);

  return self->nomination_id;
}

/**
 * fb_score_set_nomination_id:
 * @self: a #FbScore
 * @nomination_id: (nullable): the new id of the nomination
 */
void
fb_score_set_nomination_id (FbScore    *self,
                            const char *nomination_id)
{
  g_return_if_fail (FB_IS_SCORE (self));

  if (fb_set_str (&self->nomination_id, nomination_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOMINATION_ID]);
}

/**
 * fb_score_get_panel_member_id:
 * @self: a #FbScore
 *
 * Returns: (nullable): the id of the panel member
 */
const char *
fb_score_get_panel_member_id (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), NULL);

  return self->panel_member_id;
}

/**
 * fb_score_set_panel_member_id:
 * @self: a #FbScore
 * @panel_member_id: (nullable): the new id of the panel member
 */
void
fb_score_set_panel_member_id (FbScore    *self,
                              const char *panel_member_id)
{
  g_return_if_fail (FB_IS_SCORE (self));

  if (fb_set_str (&self->panel_member_id, panel_member_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL_MEMBER_ID]);
}

/**
 * fb_score_get_conflict_declared:
 * @self: a #FbScore
 *
 * Returns: the whether a conflict of interest is declared
 */
gboolean
fb_score_get_conflict_declared (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), FALSE);

  return self->conflict_declared;
}

/**
 * fb_score_set_conflict_declared:
 * @self: a #FbScore
 * @conflict_declared: the new whether a conflict of interest is declared
 */
void
fb_score_set_conflict_declared (FbScore  *self,
                                gboolean  conflict_declared)
{
  g_return_if_fail (FB_IS_SCORE (self));

  conflict_declared = !!conflict_declared;
  if (self->conflict_declared == conflict_declared)
    return;

  self->conflict_declared = conflict_declared;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT_DECLARED]);
}

/**
 * fb_score_get_conflict_reason:
 * @self: a #FbScore
 *
 * Returns: (nullable): the reason for the conflict of interest
 */
const char *
fb_score_get_conflict_reason (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), NULL);

  return self->conflict_reason;
}

/**
 * fb_score_set_conflict_reason:
 * @self: a #FbScore
 * @conflict_reason: (nullable): the new reason for the conflict of interest
 */
void
fb_score_set_conflict_reason (FbScore    *self,
                              const char *conflict_reason)
{
  g_return_if_fail (FB_IS_SCORE (self));

  if (fb_set_str (&self->conflict_reason, conflict_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT_REASON]);
}

/**
 * fb_score_get_values:
 * @self: a #FbScore
 *
 * Returns: (nullable) (transfer none): the values given to the criteria
 */
JsonNode *
fb_score_get_values (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), NULL);

  return self->values;
}

/**
 * fb_score_set_values:
 * @self: a #FbScore
 * @values: (nullable): the new values given to the criteria
 */
void
fb_score_set_values (FbScore  *self,
                     JsonNode *values)
{
  g_return_if_fail (FB_IS_SCORE (self));

  if (_fb_set_json (&self->values, values))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUES]);
}

/**
 * fb_score_get_comment:
 * @self: a #FbScore
 *
 * Returns: (nullable): the comment
 */
const char *
fb_score_get_comment (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), NULL);

  return self->comment;
}

/**
 * fb_score_set_comment:
 * @self: a #FbScore
 * @comment: (nullable): the new comment
 */
void
fb_score_set_comment (FbScore    *self,
                      const char *comment)
{
  g_return_if_fail (FB_IS_SCORE (self));

  if (fb_set_str (&self->comment, comment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENT]);
}

/**
 * fb_score_get_final:
 * @self: a #FbScore
 *
 * Returns: the whether the score is final
 */
gboolean
fb_score_get_final (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), FALSE);

  return self->final;
}

/**
 * fb_score_set_final:
 * @self: a #FbScore
 * @final: the new whether the score is final
 */
void
fb_score_set_final (FbScore  *self,
                    gboolean  final)
{
  g_return_if_fail (FB_IS_SCORE (self));

  final = !!final;
  if (self->final == final)
    return;

  self->final = final;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINAL]);
}

static JsonObject *
find_value (JsonNode   *values,
            const char *criterion_id,
            guint      *index)
{
  JsonArray *array;

  if (values == NULL || !JSON_NODE_HOLDS_ARRAY (values))
    return NULL;

  array = json_node_get_array (values);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      object = json_node_get_object (element);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "criterion_id", NULL),
                     criterion_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return object;
        }
    }

  return NULL;
}

/**
 * fb_score_get_n_values:
 * @self: a #FbScore
 *
 * Returns: how many criteria the score gives a value
 */
guint
fb_score_get_n_values (FbScore *self)
{
  g_return_val_if_fail (FB_IS_SCORE (self), 0);

  if (self->values == NULL || !JSON_NODE_HOLDS_ARRAY (self->values))
    return 0;

  return json_array_get_length (json_node_get_array (self->values));
}

/**
 * fb_score_get_value:
 * @self: a #FbScore
 * @criterion_id: a criterion's id
 * @value: (out) (optional): where to store the value
 *
 * Returns: %TRUE if the score gives the criterion a whole-number value
 */
gboolean
fb_score_get_value (FbScore    *self,
                    const char *criterion_id,
                    int        *value)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (FB_IS_SCORE (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  if (!(object = find_value (self->values, criterion_id, NULL)) ||
      !(node = json_object_get_member (object, "value")) ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  if (value != NULL)
    *value = (int)CLAMP (json_node_get_int (node), G_MININT, G_MAXINT);

  return TRUE;
}

/**
 * fb_score_set_value:
 * @self: a #FbScore
 * @criterion_id: a criterion's id
 * @value: the value for the criterion
 *
 * Gives a criterion a value, replacing the one it had, and keeps the other
 * criteria in their order.
 */
void
fb_score_set_value (FbScore    *self,
                    const char *criterion_id,
                    int         value)
{
  g_autoptr(JsonNode) values = NULL;
  JsonObject *object;
  JsonArray *array;

  g_return_if_fail (FB_IS_SCORE (self));
  g_return_if_fail (criterion_id != NULL);

  if (self->values != NULL && JSON_NODE_HOLDS_ARRAY (self->values))
    {
      values = _fb_json_deep_copy (self->values);
    }
  else
    {
      g_autoptr(JsonArray) empty = json_array_new ();

      values = json_node_init_array (json_node_alloc (), empty);
    }

  array = json_node_get_array (values);
  if (!(object = find_value (values, criterion_id, NULL)))
    {
      object = json_object_new ();
      json_object_set_string_member (object, "criterion_id", criterion_id);
      json_array_add_object_element (array, object);
    }
  json_object_set_int_member (object, "value", value);

  fb_score_set_values (self, values);
}

/**
 * fb_score_unset_value:
 * @self: a #FbScore
 * @criterion_id: a criterion's id
 *
 * Takes the value away from a criterion, if it had one.
 */
void
fb_score_unset_value (FbScore    *self,
                      const char *criterion_id)
{
  g_autoptr(JsonNode) values = NULL;
  guint index;

  g_return_if_fail (FB_IS_SCORE (self));
  g_return_if_fail (criterion_id != NULL);

  if (!find_value (self->values, criterion_id, &index))
    return;

  values = _fb_json_deep_copy (self->values);
  json_array_remove_element (json_node_get_array (values), index);
  fb_score_set_values (self, values);
}
