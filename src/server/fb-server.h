/* fb-server.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-login-throttle.h"
#include "fb-server-store.h"

G_BEGIN_DECLS

/* The largest JSON body any endpoint reads; blobs have the store's limit. */
#define FB_SERVER_MAX_JSON_BODY   (4 * 1024 * 1024)
#define FB_SERVER_TOKEN_LIFETIME  (12 * 60 * 60)

#define FB_TYPE_SERVER (fb_server_get_type ())

G_DECLARE_FINAL_TYPE (FbServer, fb_server, FB, SERVER, GObject)

FbServer *fb_server_new        (FbServerStore    *store);
void      fb_server_set_log    (FbServer         *self,
                                GOutputStream    *log);
void      fb_server_set_throttle (FbServer       *self,
                                  FbLoginThrottle *throttle);
void      fb_server_set_reuse_port (FbServer     *self,
                                    gboolean      reuse_port);
gboolean  fb_server_listen     (FbServer         *self,
                                const char       *address,
                                GTlsCertificate  *certificate,
                                GError          **error);
guint     fb_server_get_port   (FbServer         *self);

G_END_DECLS
