/* fb-user.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_USER (fb_user_get_type ())

G_DECLARE_FINAL_TYPE (FbUser, fb_user, FB, USER, FbRecord)

FbUser     *fb_user_new             (const char *id);
const char *fb_user_get_name        (FbUser     *self);
void        fb_user_set_name        (FbUser     *self,
                                     const char *name);
const char *fb_user_get_email       (FbUser     *self);
void        fb_user_set_email       (FbUser     *self,
                                     const char *email);
const char *fb_user_get_trust_id    (FbUser     *self);
void        fb_user_set_trust_id    (FbUser     *self,
                                     const char *trust_id);
FbRoles     fb_user_get_roles       (FbUser     *self);
void        fb_user_set_roles       (FbUser     *self,
                                     FbRoles     roles);
const char *fb_user_get_description (FbUser     *self);
void        fb_user_set_description (FbUser     *self,
                                     const char *description);

G_END_DECLS
