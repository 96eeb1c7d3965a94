/* fb-test-server.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real forbedring server on 127.0.0.1, a port of its own, a fresh
 * database in a temporary directory and its own thread, and a plain HTTP
 * client to talk to it.
 */

#pragma once

#include <libsoup/soup.h>

#include "fb-password.h"
#include "fb-server.h"

G_BEGIN_DECLS

#define FB_TEST_PASSWORD "test-password-1"

typedef struct
{
  char          *dir;
  char          *db_path;
  FbServerStore *store;       /* the test's own connection */
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  guint          port;
  char          *base_url;
  SoupSession   *session;
  GMutex         mutex;
  GCond          cond;
  gboolean       ready;
} FbTestServer;

FbTestServer *fb_test_server_new          (void);
void          fb_test_server_free         (FbTestServer  *ts);
char         *fb_test_server_add_trust    (FbTestServer  *ts,
                                           const char    *name);
char         *fb_test_server_add_user     (FbTestServer  *ts,
                                           const char    *email,
                                           const char    *trust_name,
                                           FbRoles        roles);
char         *fb_test_server_login        (FbTestServer  *ts,
                                           const char    *email);
guint         fb_test_server_request      (FbTestServer  *ts,
                                           const char    *method,
                                           const char    *path,
                                           const char    *token,
                                           const char    *body,
                                           gssize         body_length,
                                           GBytes       **response);
JsonNode     *fb_test_server_request_json (FbTestServer  *ts,
                                           const char    *method,
                                           const char    *path,
                                           const char    *token,
                                           const char    *body,
                                           guint         *status);
void          fb_test_server_assert_intact (FbTestServer *ts);
gint64        fb_test_server_current_rev  (FbTestServer  *ts,
                                           const char    *id);
char         *fb_test_server_push_one     (FbTestServer  *ts,
                                           const char    *token,
                                           const char    *entity,
                                           const char    *id,
                                           const char    *fields);
gboolean      fb_test_server_pull_sees    (FbTestServer  *ts,
                                           const char    *token,
                                           const char    *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FbTestServer, fb_test_server_free)

G_END_DECLS
