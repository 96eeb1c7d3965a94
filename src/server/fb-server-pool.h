/* fb-server-pool.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FB_SERVER_POOL_MAX_THREADS 32

#define FB_TYPE_SERVER_POOL (fb_server_pool_get_type ())

G_DECLARE_FINAL_TYPE (FbServerPool, fb_server_pool, FB, SERVER_POOL, GObject)

FbServerPool *fb_server_pool_new       (const char       *db_path,
                                        guint             n_threads,
                                        GTlsCertificate  *certificate,
                                        gboolean          log);
gboolean      fb_server_pool_start     (FbServerPool     *self,
                                        const char       *address,
                                        GError          **error);
guint         fb_server_pool_get_port  (FbServerPool     *self);
void          fb_server_pool_stop      (FbServerPool     *self);

G_END_DECLS
