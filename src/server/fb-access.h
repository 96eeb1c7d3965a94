/* fb-access.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_ACCESS_ERROR (fb_access_error_quark ())

/* The machine-readable reasons of a rejected change, sent as they are. */
typedef enum
{
  FB_ACCESS_ERROR_PERMISSION,
  FB_ACCESS_ERROR_VALIDATION,
  FB_ACCESS_ERROR_NOT_FOUND,
  FB_ACCESS_ERROR_QUOTA,
  FB_ACCESS_ERROR_DEADLINE,
  FB_ACCESS_ERROR_CONFLICT_OF_INTEREST,
} FbAccessError;

/**
 * FbCaller:
 *
 * The signed-in user a request is made for.
 */
typedef struct
{
  char    *user_id;
  char    *email;
  char    *trust_id;
  FbRoles  roles;
} FbCaller;

/**
 * FbAccessTarget:
 * @entity: the record's entity
 * @project_id: the project the record belongs to, if any
 * @project_exists: whether that project is on the server
 * @project_trust_id: the trust of that project
 * @project_visibility: who may read that project
 * @is_member: whether the caller is on that project's team (or made it)
 * @owner_id: the user the record belongs to (a score's panel member)
 *
 * What an access decision about one record depends on.
 */
typedef struct
{
  const char   *entity;
  char         *project_id;
  gboolean      project_exists;
  char         *project_trust_id;
  FbVisibility  project_visibility;
  gboolean      is_member;
  char         *owner_id;
} FbAccessTarget;

GQuark      fb_access_error_quark       (void);
const char *fb_access_error_to_reason   (const GError         *error);
gboolean    fb_access_is_project_scoped (const char           *entity);
gboolean    fb_access_acts_for_project  (const FbCaller       *caller,
                                         const FbAccessTarget *target);
gboolean    fb_access_can_read          (const FbCaller       *caller,
                                         const FbAccessTarget *target);
gboolean    fb_access_check_write       (const FbCaller       *caller,
                                         const FbAccessTarget *before,
                                         const FbAccessTarget *after,
                                         GError              **error);
void        fb_access_target_clear      (FbAccessTarget       *target);
FbCaller   *fb_caller_copy              (const FbCaller       *caller);
void        fb_caller_free              (FbCaller             *caller);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FbCaller, fb_caller_free)

G_END_DECLS
