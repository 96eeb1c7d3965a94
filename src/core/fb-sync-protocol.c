/* fb-sync-protocol.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-sync-protocol.h"
#include "fb-utils.h"

/* The decoder of what the server reads from the network and the client
 * from the server: both treat every byte as hostile. json-glib recurses per
 * nesting level and takes any length, so the bounds are checked by a scan
 * of the raw text first, then the shape of the parsed tree. */

G_DEFINE_QUARK (fb-sync-error-quark, fb_sync_error)

/* A strict RFC 8259 scan of the raw text, before json-glib sees it:
 * json-glib takes single quotes, bare control characters in text and
 * escapes it then decodes to a NUL or half a surrogate pair, and recurses
 * once per nesting level. The scan recurses at most FB_SYNC_MAX_DEPTH
 * times. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GError    **error;
} Scan;

static gboolean
scan_fail (Scan       *scan,
           int         code,
           const char *message)
{
  g_set_error_literal (scan->error, FB_SYNC_ERROR, code, message);
  return FALSE;
}

static gboolean
scan_malformed (Scan *scan)
{
  g_set_error (scan->error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
               _("The request is not valid JSON (at byte %zu)."),
               (gsize) (scan->p - scan->start));
  return FALSE;
}

static void
scan_space (Scan *scan)
{
  while (scan->p < scan->end &&
         (*scan->p == ' ' || *scan->p == '\t' || *scan->p == '\n' || *scan->p == '\r'))
    scan->p++;
}

static gboolean
scan_hex4 (Scan     *scan,
           gunichar *out)
{
  gunichar value = 0;

  if (scan->end - scan->p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (*scan->p++);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }

  *out = value;
  return TRUE;
}

static gboolean
scan_string (Scan *scan)
{
  const char *start = ++scan->p;

  while (scan->p < scan->end)
    {
      guchar c = *scan->p;

      if (c == '"')
        {
          if (scan->p - start > FB_SYNC_MAX_STRING)
            break;
          scan->p++;
          return TRUE;
        }

      if (c < 0x20)
        return scan_malformed (scan);

      if (c != '\\')
        {
          scan->p++;
          continue;
        }

      if (++scan->p >= scan->end)
        return scan_malformed (scan);

      switch (*scan->p++)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;

        case 'u':
          {
            gunichar unit;
            gunichar low;

            if (!scan_hex4 (scan, &unit))
              return scan_malformed (scan);
            if (unit == 0)
              return scan_fail (scan, FB_SYNC_ERROR_ENCODING, _("The request holds a NUL byte."));
            if (unit >= 0xdc00 && unit <= 0xdfff)
              return scan_fail (scan, FB_SYNC_ERROR_ENCODING,
                                _("The request is not valid UTF-8 text."));
            if (unit >= 0xd800 && unit <= 0xdbff &&
                (scan->end - scan->p < 2 || scan->p[0] != '\\' || scan->p[1] != 'u' ||
                 (scan->p += 2, !scan_hex4 (scan, &low)) || low < 0xdc00 || low > 0xdfff))
              return scan_fail (scan, FB_SYNC_ERROR_ENCODING,
                                _("The request is not valid UTF-8 text."));
          }
          break;

        default:
          return scan_malformed (scan);
        }
    }

  if (scan->p - start > FB_SYNC_MAX_STRING)
    {
      g_set_error (scan->error, FB_SYNC_ERROR, FB_SYNC_ERROR_TOO_LONG,
                   _("The request holds a text longer than %d bytes."),
                   FB_SYNC_MAX_STRING);
      return FALSE;
    }
  return scan_malformed (scan);
}

static gboolean
scan_digits (Scan *scan)
{
  const char *start = scan->p;

  while (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    scan->p++;
  return scan->p > start;
}

static gboolean
scan_number (Scan *scan)
{
  if (*scan->p == '-')
    scan->p++;

  if (scan->p < scan->end && *scan->p == '0')
    scan->p++;
  else if (!scan_digits (scan))
    return scan_malformed (scan);

  if (scan->p < scan->end && *scan->p == '.')
    {
      scan->p++;
      if (!scan_digits (scan))
        return scan_malformed (scan);
    }

  if (scan->p < scan->end && (*scan->p == 'e' || *scan->p == 'E'))
    {
      scan->p++;
      if (scan->p < scan->end && (*scan->p == '+' || *scan->p == '-'))
        scan->p++;
      if (!scan_digits (scan))
        return scan_malformed (scan);
    }

  return TRUE;
}

static gboolean
scan_literal (Scan       *scan,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (scan->end - scan->p) < length || memcmp (scan->p, word, length) != 0)
    return scan_malformed (scan);
  scan->p += length;
  return TRUE;
}

static gboolean
scan_value (Scan *scan,
            guint depth)
{
  char open;

  scan_space (scan);
  if (scan->p >= scan->end)
    return scan_malformed (scan);

  switch (*scan->p)
    {
    case '"':
      return scan_string (scan);
    case 't':
      return scan_literal (scan, "true");
    case 'f':
      return scan_literal (scan, "false");
    case 'n':
      return scan_literal (scan, "null");
    case '{':
    case '[':
      break;
    default:
      if (*scan->p == '-' || g_ascii_isdigit (*scan->p))
        return scan_number (scan);
      return scan_malformed (scan);
    }

  if (depth + 1 > FB_SYNC_MAX_DEPTH)
    {
      g_set_error (scan->error, FB_SYNC_ERROR, FB_SYNC_ERROR_TOO_DEEP,
                   _("The request nests deeper than %d levels."),
                   FB_SYNC_MAX_DEPTH);
      return FALSE;
    }

  open = *scan->p++;
  scan_space (scan);
  if (scan->p < scan->end && *scan->p == (open == '{' ? '}' : ']'))
    {
      scan->p++;
      return TRUE;
    }

  for (;;)
    {
      if (open == '{')
        {
          scan_space (scan);
          if (scan->p >= scan->end || *scan->p != '"')
            return scan_malformed (scan);
          if (!scan_string (scan))
            return FALSE;
          scan_space (scan);
          if (scan->p >= scan->end || *scan->p != ':')
            return scan_malformed (scan);
          scan->p++;
        }

      if (!scan_value (scan, depth + 1))
        return FALSE;

      scan_space (scan);
      if (scan->p >= scan->end)
        return scan_malformed (scan);
      if (*scan->p == ',')
        {
          scan->p++;
          continue;
        }
      if (*scan->p == (open == '{' ? '}' : ']'))
        {
          scan->p++;
          return TRUE;
        }
      return scan_malformed (scan);
    }
}

static gboolean
check_bounds (const char  *data,
              gsize        length,
              GError     **error)
{
  Scan scan = { data, data, data + length, error };

  /* This also refuses NUL bytes. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      if (memchr (data, '\0', length) != NULL)
        g_set_error_literal (error, FB_SYNC_ERROR, FB_SYNC_ERROR_ENCODING,
                             _("The request holds a NUL byte."));
      else
        g_set_error_literal (error, FB_SYNC_ERROR, FB_SYNC_ERROR_ENCODING,
                             _("The request is not valid UTF-8 text."));
      return FALSE;
    }

  if (!scan_value (&scan, 0))
    return FALSE;

  scan_space (&scan);
  if (scan.p != scan.end)
    return scan_malformed (&scan);

  return TRUE;
}

/**
 * fb_sync_parse_json:
 * @data: the bytes received
 * @length: their length
 * @error: return location for a #FB_SYNC_ERROR
 *
 * Parses @data as JSON once it is known to be UTF-8 without NUL bytes,
 * nested at most %FB_SYNC_MAX_DEPTH levels and with no string longer
 * than %FB_SYNC_MAX_STRING bytes.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
fb_sync_parse_json (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                           _("The request is empty."));
      return NULL;
    }

  if (!check_bounds (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                   _("The request is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                           _("The request is empty."));
      return NULL;
    }

  return json_node_ref (root);
}

static gboolean
malformed (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED, message);
  return FALSE;
}

/* Returns the string member @name, NULL if absent; FALSE if it is there
 * but not a string. */
static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out = json_node_get_string (node);
  return TRUE;
}

static void
fb_sync_change_free (FbSyncChange *change)
{
  g_free (change->entity);
  g_free (change->id);
  g_clear_pointer (&change->fields, json_object_unref);
  g_free (change);
}

static FbSyncChange *
parse_change (JsonNode  *node,
              guint      index,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  FbSyncChange *change;
  JsonObject *object;
  JsonNode *member;
  const char *entity;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                   _("Change %u is not an object."), index + 1);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string_member (object, "entity", &entity) || entity == NULL ||
      !get_string_member (object, "id", &id) || id == NULL)
    {
      g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                   _("Change %u needs “entity” and “id” as text."), index + 1);
      return NULL;
    }

  if (!fb_uuid_is_valid (id))
    {
      g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                   _("Change %u has an id that is not a UUID."), index + 1);
      return NULL;
    }

  change = g_new0 (FbSyncChange, 1);
  change->entity = g_strdup (entity);
  change->id = g_ascii_strdown (id, -1);

  member = json_object_get_member (object, "base_rev");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < 0)
        {
          g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                       _("Change %u has a “base_rev” that is not a whole number ≥ 0."),
                       index + 1);
          fb_sync_change_free (change);
          return NULL;
        }
      change->base_rev = json_node_get_int (member);
    }

  member = json_object_get_member (object, "deleted");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                       _("Change %u has a “deleted” that is not true or false."),
                       index + 1);
          fb_sync_change_free (change);
          return NULL;
        }
      change->has_deleted = TRUE;
      change->deleted = json_node_get_boolean (member);
    }

  member = json_object_get_member (object, "fields");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    change->fields = json_object_new ();
  else if (JSON_NODE_HOLDS_OBJECT (member))
    change->fields = json_object_ref (json_node_get_object (member));
  else
    {
      g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_MALFORMED,
                   _("Change %u has “fields” that are not an object."), index + 1);
      fb_sync_change_free (change);
      return NULL;
    }

  return change;
}

/**
 * fb_push_request_parse:
 * @data: the request body
 * @length: its length
 * @error: return location for a #FB_SYNC_ERROR
 *
 * Decodes `{device_id, batch_id, changes: [{entity, id, base_rev, fields,
 * deleted}]}`. Whether the entity exists and the fields fit it is for the
 * receiver to decide per change; this checks only the shape.
 *
 * Returns: (transfer full): the request, or %NULL
 */
FbPushRequest *
fb_push_request_parse (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(FbPushRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *changes;
  JsonArray *array;
  const char *device_id;
  const char *batch_id;
  guint n_changes;

  root = fb_sync_parse_json (data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return malformed (error, _("The request is not a JSON object.")), NULL;

  object = json_node_get_object (root);
  if (!get_string_member (object, "batch_id", &batch_id) || batch_id == NULL ||
      strlen (batch_id) == 0 || strlen (batch_id) > 64)
    return malformed (error, _("The request needs a “batch_id” of 1 to 64 characters.")), NULL;

  if (!get_string_member (object, "device_id", &device_id) ||
      (device_id != NULL && strlen (device_id) > 64))
    return malformed (error, _("The “device_id” must be text of at most 64 characters.")), NULL;

  changes = json_object_get_member (object, "changes");
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
    return malformed (error, _("The request needs “changes” as a list.")), NULL;

  array = json_node_get_array (changes);
  n_changes = json_array_get_length (array);
  if (n_changes > FB_SYNC_MAX_CHANGES)
    {
      g_set_error (error, FB_SYNC_ERROR, FB_SYNC_ERROR_TOO_MANY,
                   _("A push holds at most %d changes; this one has %u."),
                   FB_SYNC_MAX_CHANGES, n_changes);
      return NULL;
    }

  request = g_new0 (FbPushRequest, 1);
  request->device_id = g_strdup (device_id);
  request->batch_id = g_strdup (batch_id);
  request->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fb_sync_change_free);

  for (guint i = 0; i < n_changes; i++)
    {
      FbSyncChange *change = parse_change (json_array_get_element (array, i), i, error);

      if (change == NULL)
        return NULL;
      g_ptr_array_add (request->changes, change);
    }

  return g_steal_pointer (&request);
}

void
fb_push_request_free (FbPushRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->device_id);
  g_free (request->batch_id);
  g_clear_pointer (&request->changes, g_ptr_array_unref);
  g_free (request);
}

/**
 * fb_login_request_parse:
 * @data: the request body
 * @length: its length
 * @email: (out): the e-mail address
 * @password: (out): the password
 * @error: return location for a #FB_SYNC_ERROR
 *
 * Decodes `{email, password}`.
 *
 * Returns: %TRUE if both are there as text
 */
gboolean
fb_login_request_parse (const char  *data,
                        gsize        length,
                        char       **email,
                        char       **password,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *e;
  const char *p;

  root = fb_sync_parse_json (data, length, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !get_string_member (json_node_get_object (root), "email", &e) ||
      !get_string_member (json_node_get_object (root), "password", &p) ||
      e == NULL || p == NULL || strlen (e) > 320 || strlen (p) > 1024)
    return malformed (error, _("Sign in with “email” and “password” as text."));

  *email = g_strdup (e);
  *password = g_strdup (p);
  return TRUE;
}
