/* fb-login-throttle.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FB_TYPE_LOGIN_THROTTLE (fb_login_throttle_get_type ())

G_DECLARE_FINAL_TYPE (FbLoginThrottle, fb_login_throttle, FB, LOGIN_THROTTLE, GObject)

FbLoginThrottle *fb_login_throttle_new             (void);
guint            fb_login_throttle_get_wait        (FbLoginThrottle *self,
                                                    const char      *account,
                                                    const char      *address,
                                                    gint64           now_us);
void             fb_login_throttle_failed          (FbLoginThrottle *self,
                                                    const char      *account,
                                                    const char      *address,
                                                    gint64           now_us);
void             fb_login_throttle_succeeded       (FbLoginThrottle *self,
                                                    const char      *account,
                                                    const char      *address);

G_END_DECLS
