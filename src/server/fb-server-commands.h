/* fb-server-commands.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses: done, failed, wrong usage. */
#define FB_SERVER_EXIT_OK      0
#define FB_SERVER_EXIT_FAILED  1
#define FB_SERVER_EXIT_USAGE   2

typedef int (*FbServerCommand) (const char  *db_path,
                                int          argc,
                                char       **argv);

int fb_server_usage        (const char  *message);
int fb_server_cmd_init     (const char  *db_path,
                            int          argc,
                            char       **argv);
int fb_server_cmd_trust    (const char  *db_path,
                            int          argc,
                            char       **argv);
int fb_server_cmd_user     (const char  *db_path,
                            int          argc,
                            char       **argv);
int fb_server_cmd_demo     (const char  *db_path,
                            int          argc,
                            char       **argv);
int fb_server_cmd_backup   (const char  *db_path,
                            int          argc,
                            char       **argv);
int fb_server_cmd_check    (const char  *db_path,
                            int          argc,
                            char       **argv);
int fb_server_cmd_serve    (const char  *db_path,
                            int          argc,
                            char       **argv);

G_END_DECLS
