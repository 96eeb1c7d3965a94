/* fuzz-push-request.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fb-sync-protocol.h"
#include "fb-utils.h"

/* libFuzzer target for the decoder of what the server reads from the
 * network: the bytes go, as they are, to the JSON reader, the push decoder
 * and the sign-in decoder. Each must accept or refuse cleanly; what is
 * accepted must keep the bounds the decoder promises (depth, text length,
 * UTF-8 without NUL, at most FB_SYNC_MAX_CHANGES changes with UUID ids). */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
assert_refusal (GError *error)
{
  g_assert (error != NULL && error->domain == FB_SYNC_ERROR);
  g_assert (error->message != NULL && *error->message);
}

static void
assert_text (const char *text)
{
  g_assert (text != NULL);
  g_assert (strlen (text) <= FB_SYNC_MAX_STRING);
  g_assert (g_utf8_validate (text, -1, NULL));
}

static void
check_node (JsonNode *node,
            guint     depth)
{
  g_assert (depth <= FB_SYNC_MAX_DEPTH);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            assert_text (name);
            check_node (member, depth + 1);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          check_node (json_array_get_element (array, i), depth + 1);
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        assert_text (json_node_get_string (node));
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FbPushRequest) request = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GError) push_error = NULL;
  g_autoptr(GError) login_error = NULL;
  g_autofree char *email = NULL;
  g_autofree char *password = NULL;

  root = fb_sync_parse_json (text, size, &json_error);
  if (root == NULL)
    assert_refusal (json_error);
  else
    check_node (root, 0);

  request = fb_push_request_parse (text, size, &push_error);
  if (request == NULL)
    assert_refusal (push_error);
  else
    {
      /* Whatever the JSON reader refuses, the push decoder refuses too. */
      g_assert (root != NULL);
      g_assert (request->batch_id != NULL && *request->batch_id);
      g_assert (strlen (request->batch_id) <= 64);
      assert_text (request->batch_id);
      g_assert (request->device_id == NULL || strlen (request->device_id) <= 64);
      g_assert (request->changes->len <= FB_SYNC_MAX_CHANGES);

      for (guint i = 0; i < request->changes->len; i++)
        {
          FbSyncChange *change = g_ptr_array_index (request->changes, i);

          assert_text (change->entity);
          g_assert (fb_uuid_is_valid (change->id));
          g_assert (change->base_rev >= 0);
          g_assert (change->fields != NULL);
        }
    }

  if (fb_login_request_parse (text, size, &email, &password, &login_error))
    {
      g_assert (root != NULL);
      assert_text (email);
      assert_text (password);
      g_assert (strlen (email) <= 320 && strlen (password) <= 1024);
    }
  else
    {
      assert_refusal (login_error);
      g_assert (email == NULL && password == NULL);
    }

  return 0;
}
