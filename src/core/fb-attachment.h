/* fb-attachment.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_ATTACHMENT (fb_attachment_get_type ())

G_DECLARE_FINAL_TYPE (FbAttachment, fb_attachment, FB, ATTACHMENT, FbRecord)

FbAttachment *fb_attachment_new              (const char   *id);
const char   *fb_attachment_get_owner_entity (FbAttachment *self);
void          fb_attachment_set_owner_entity (FbAttachment *self,
                                              const char   *owner_entity);
const char   *fb_attachment_get_owner_id     (FbAttachment *self);
void          fb_attachment_set_owner_id     (FbAttachment *self,
                                              const char   *owner_id);
const char   *fb_attachment_get_file_name    (FbAttachment *self);
void          fb_attachment_set_file_name    (FbAttachment *self,
                                              const char   *file_name);
const char   *fb_attachment_get_media_type   (FbAttachment *self);
void          fb_attachment_set_media_type   (FbAttachment *self,
                                              const char   *media_type);
gint64        fb_attachment_get_size         (FbAttachment *self);
void          fb_attachment_set_size         (FbAttachment *self,
                                              gint64        size);
const char   *fb_attachment_get_sha256       (FbAttachment *self);
void          fb_attachment_set_sha256       (FbAttachment *self,
                                              const char   *sha256);
const char   *fb_attachment_get_measure_id   (FbAttachment *self);
void          fb_attachment_set_measure_id   (FbAttachment *self,
                                              const char   *measure_id);
const char   *fb_attachment_get_analysis     (FbAttachment *self);
void          fb_attachment_set_analysis     (FbAttachment *self,
                                              const char   *analysis);

G_END_DECLS
