/* fb-password.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FB_PASSWORD_MIN_LENGTH 10

gboolean  fb_password_init        (GError     **error);
char     *fb_password_hash        (const char  *password,
                                   GError     **error);
gboolean  fb_password_verify      (const char  *hash,
                                   const char  *password);
char     *fb_token_new            (void);
char     *fb_token_hash           (const char  *token);

G_END_DECLS
