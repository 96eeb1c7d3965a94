/* fb-attachment.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-attachment"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-attachment.h"
#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-utils.h"

/**
 * FbAttachment:
 *
 * A file attached to a project or a nomination. The bytes are stored apart,
 * addressed by their SHA-256; a chart snapshot also names its measure and the
 * analysis it shows.
 */
struct _FbAttachment
{
  FbRecord  parent_instance;

  char     *owner_entity;
  char     *owner_id;
  char     *file_name;
  char     *media_type;
  gint64    size;
  char     *sha256;
  char     *measure_id;
  char     *analysis;
};

G_DEFINE_FINAL_TYPE (FbAttachment, fb_attachment, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_OWNER_ENTITY,
  PROP_OWNER_ID,
  PROP_FILE_NAME,
  PROP_MEDIA_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_MEASURE_ID,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SHA256_HEX_LENGTH 64

static gboolean
sha256_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != SHA256_HEX_LENGTH)
    return FALSE;

  for (guint i = 0; i < SHA256_HEX_LENGTH; i++)
    {
      if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fb_attachment_validate (FbRecord  *record,
                        GError   **error)
{
  FbAttachment *self = FB_ATTACHMENT (record);

  if (g_strcmp0 (self->owner_entity, "project") != 0 &&
      g_strcmp0 (self->owner_entity, "nomination") != 0)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("A file can only be attached to a project or a nomination. "
                             "Attach it from one of those."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->owner_id))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The attachment belongs to no project or nomination. Attach the "
                             "file again from the one it belongs to."));
      return FALSE;
    }

  if (_fb_text_is_blank (self->file_name))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The attachment has no file name. Enter a name for the file."));
      return FALSE;
    }

  /* The name is used when the file is exported, so it must not lead elsewhere. */
  if (strpbrk (self->file_name, "/\\") != NULL ||
      g_str_equal (self->file_name, ".") || g_str_equal (self->file_name, ".."))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("“%s” is not a file name. Enter a name without “/” or “\\”."),
                   self->file_name);
      return FALSE;
    }

  if (!sha256_is_valid (self->sha256))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The attachment’s checksum is missing or damaged. Attach the "
                             "file again."));
      return FALSE;
    }

  if (self->size < 0)
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The attachment’s size is negative. Attach the file again."));
      return FALSE;
    }

  if (self->analysis != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, self->analysis, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                               _("The chart settings saved with the attachment are damaged. "
                                 "Attach the chart again."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
fb_attachment_finalize (GObject *object)
{
  FbAttachment *self = (FbAttachment *)object;

  g_clear_pointer (&self->owner_entity, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->measure_id, g_free);
  g_clear_pointer (&self->analysis, g_free);

  G_OBJECT_CLASS (fb_attachment_parent_class)->finalize (object);
}

static void
fb_attachment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FbAttachment *self = FB_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_OWNER_ENTITY:
      g_value_set_string (value, self->owner_entity);
      break;

    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_MEASURE_ID:
      g_value_set_string (value, self->measure_id);
      break;

    case PROP_ANALYSIS:
      g_value_set_string (value, self->analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_attachment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FbAttachment *self = FB_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_OWNER_ENTITY:
      fb_attachment_set_owner_entity (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      fb_attachment_set_owner_id (self, g_value_get_string (value));
      break;

    case PROP_FILE_NAME:
      fb_attachment_set_file_name (self, g_value_get_string (value));
      break;

    case PROP_MEDIA_TYPE:
      fb_attachment_set_media_type (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      fb_attachment_set_size (self, g_value_get_int64 (value));
      break;

    case PROP_SHA256:
      fb_attachment_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_MEASURE_ID:
      fb_attachment_set_measure_id (self, g_value_get_string (value));
      break;

    case PROP_ANALYSIS:
      fb_attachment_set_analysis (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_attachment_class_init (FbAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_attachment_finalize;
  object_class->get_property = fb_attachment_get_property;
  object_class->set_property = fb_attachment_set_property;

  record_class->entity = "attachment";
  record_class->validate = fb_attachment_validate;

  /* The order below is the column order of the table. */

  /**
   * FbAttachment:owner-entity:
   *
   * The kind of record the file is attached to: "project" or "nomination".
   */
  properties[PROP_OWNER_ENTITY] =
    g_param_spec_string ("owner-entity", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:owner-id:
   *
   * The id of the project or nomination the file is attached to.
   */
  properties[PROP_OWNER_ID] =
    g_param_spec_string ("owner-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:file-name:
   *
   * The file name shown and used on export, without any folder.
   */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:media-type:
   *
   * The media type, e.g. "image/png".
   */
  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:size:
   *
   * The size of the file in bytes.
   */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:sha256:
   *
   * The SHA-256 of the bytes, as 64 lowercase hexadecimal digits.
   */
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:measure-id:
   *
   * For a chart snapshot, the id of the measure it shows; %NULL otherwise.
   */
  properties[PROP_MEASURE_ID] =
    g_param_spec_string ("measure-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbAttachment:analysis:
   *
   * For a chart snapshot, the chart options it was made with, as JSON text; %NULL otherwise.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_string ("analysis", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_attachment_init (FbAttachment *self)
{
}

/**
 * fb_attachment_new:
 * @id: (nullable): the attachment's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new attachment with default values
 */
FbAttachment *
fb_attachment_new (const char *id)
{
  return (FbAttachment *)fb_record_new (FB_TYPE_ATTACHMENT, id);
}

/**
 * fb_attachment_get_owner_entity:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the kind of record the file is attached to
 */
const char *
fb_attachment_get_owner_entity (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->owner_entity;
}

/**
 * fb_attachment_set_owner_entity:
 * @self: a #FbAttachment
 * @owner_entity: (nullable): the new kind of record the file is attached to
 */
void
fb_attachment_set_owner_entity (FbAttachment *self,
                                const char   *owner_entity)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->owner_entity, owner_entity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ENTITY]);
}

/**
 * fb_attachment_get_owner_id:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the id of the owner
 */
const char *
fb_attachment_get_owner_id (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->owner_id;
}

/**
 * fb_attachment_set_owner_id:
 * @self: a #FbAttachment
 * @owner_id: (nullable): the new id of the owner
 */
void
fb_attachment_set_owner_id (FbAttachment *self,
                            const char   *owner_id)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->owner_id, owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/**
 * fb_attachment_get_file_name:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the file name
 */
const char *
fb_attachment_get_file_name (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->file_name;
}

/**
 * fb_attachment_set_file_name:
 * @self: a #FbAttachment
 * @file_name: (nullable): the new file name
 */
void
fb_attachment_set_file_name (FbAttachment *self,
                             const char   *file_name)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->file_name, file_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

/**
 * fb_attachment_get_media_type:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the media type
 */
const char *
fb_attachment_get_media_type (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->media_type;
}

/**
 * fb_attachment_set_media_type:
 * @self: a #FbAttachment
 * @media_type: (nullable): the new media type
 */
void
fb_attachment_set_media_type (FbAttachment *self,
                              const char   *media_type)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->media_type, media_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_TYPE]);
}

/**
 * fb_attachment_get_size:
 * @self: a #FbAttachment
 *
 * Returns: the size in bytes
 */
gint64
fb_attachment_get_size (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), 0);

  return self->size;
}

/**
 * fb_attachment_set_size:
 * @self: a #FbAttachment
 * @size: the new size in bytes
 */
void
fb_attachment_set_size (FbAttachment *self,
                        gint64        size)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (self->size == size)
    return;

  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

/**
 * fb_attachment_get_sha256:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the SHA-256 of the bytes
 */
const char *
fb_attachment_get_sha256 (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->sha256;
}

/**
 * fb_attachment_set_sha256:
 * @self: a #FbAttachment
 * @sha256: (nullable): the new SHA-256 of the bytes
 */
void
fb_attachment_set_sha256 (FbAttachment *self,
                          const char   *sha256)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->sha256, sha256))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

/**
 * fb_attachment_get_measure_id:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the id of the measure a chart snapshot shows
 */
const char *
fb_attachment_get_measure_id (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->measure_id;
}

/**
 * fb_attachment_set_measure_id:
 * @self: a #FbAttachment
 * @measure_id: (nullable): the new id of the measure a chart snapshot shows
 */
void
fb_attachment_set_measure_id (FbAttachment *self,
                              const char   *measure_id)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->measure_id, measure_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_ID]);
}

/**
 * fb_attachment_get_analysis:
 * @self: a #FbAttachment
 *
 * Returns: (nullable): the chart options as JSON text
 */
const char *
fb_attachment_get_analysis (FbAttachment *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENT (self), NULL);

  return self->analysis;
}

/**
 * fb_attachment_set_analysis:
 * @self: a #FbAttachment
 * @analysis: (nullable): the new chart options as JSON text
 */
void
fb_attachment_set_analysis (FbAttachment *self,
                            const char   *analysis)
{
  g_return_if_fail (FB_IS_ATTACHMENT (self));

  if (fb_set_str (&self->analysis, analysis))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}
