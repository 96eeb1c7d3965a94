/* fb-record.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FB_RECORD_ERROR (fb_record_error_quark ())

typedef enum
{
  FB_RECORD_ERROR_UNKNOWN_FIELD,
  FB_RECORD_ERROR_INVALID_VALUE,
  FB_RECORD_ERROR_INVALID,
} FbRecordError;

#define FB_TYPE_RECORD (fb_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (FbRecord, fb_record, FB, RECORD, GObject)

/**
 * FbRecordClass:
 * @entity: the entity name, also the name of its table and of the entity in
 *   the sync protocol ("project")
 * @validate: checks the whole record before it is saved
 *
 * Every synced record has an id, a server revision, an update time and a
 * tombstone flag. Its other readable and writable properties are its fields:
 * the store maps each to a column and the sync engine to a JSON member, both
 * named after the property with underscores ("aim-how-much" → aim_how_much).
 */
struct _FbRecordClass
{
  GObjectClass parent_class;

  const char *entity;

  gboolean (*validate) (FbRecord  *self,
                        GError   **error);

  /*< private >*/
  gpointer padding[8];
};

GQuark       fb_record_error_quark            (void);
FbRecord    *fb_record_new                    (GType         type,
                                               const char   *id);
const char  *fb_record_get_entity             (FbRecord     *self);
const char  *fb_record_get_id                 (FbRecord     *self);
gint64       fb_record_get_rev                (FbRecord     *self);
void         fb_record_set_rev                (FbRecord     *self,
                                               gint64        rev);
const char  *fb_record_get_updated_at         (FbRecord     *self);
void         fb_record_set_updated_at         (FbRecord     *self,
                                               const char   *updated_at);
gboolean     fb_record_get_deleted            (FbRecord     *self);
void         fb_record_set_deleted            (FbRecord     *self,
                                               gboolean      deleted);
gboolean     fb_record_validate               (FbRecord     *self,
                                               GError      **error);
GParamSpec **fb_record_class_list_fields      (FbRecordClass *klass,
                                               guint         *n_fields);
GParamSpec  *fb_record_class_find_field       (FbRecordClass *klass,
                                               const char    *name);
char        *fb_record_field_to_column        (GParamSpec   *pspec);
gboolean     fb_record_field_equal            (FbRecord     *self,
                                               FbRecord     *other,
                                               GParamSpec   *pspec);
JsonNode    *fb_record_dup_field_json         (FbRecord     *self,
                                               GParamSpec   *pspec);
gboolean     fb_record_set_field_json         (FbRecord     *self,
                                               GParamSpec   *pspec,
                                               JsonNode     *node,
                                               GError      **error);
gboolean     fb_record_set_field_from_string  (FbRecord     *self,
                                               const char   *field,
                                               const char   *text,
                                               GError      **error);
char        *fb_record_dup_field_string       (FbRecord     *self,
                                               GParamSpec   *pspec);
JsonObject  *fb_record_to_json                (FbRecord     *self);
FbRecord    *fb_record_copy                   (FbRecord     *self);

G_END_DECLS
