/* fb-cli.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "forbedring-core.h"

G_BEGIN_DECLS

/* Exit codes: scripts tell a failed action from a mistyped command. */
#define FB_CLI_EXIT_OK      0
#define FB_CLI_EXIT_FAILED  1
#define FB_CLI_EXIT_USAGE   2

typedef struct
{
  char     *db_path;
  gboolean  json;
} FbCliOptions;

typedef int (*FbCliCommand) (FbCliOptions  *options,
                             int            argc,
                             char         **argv);

typedef struct
{
  const char   *name;
  FbCliCommand  run;
} FbCliSubcommand;

int       fb_cli_dispatch       (FbCliOptions          *options,
                                 int                    argc,
                                 char                 **argv,
                                 const FbCliSubcommand *subcommands,
                                 guint                  n_subcommands);
int       fb_cli_fail           (GError        *error);
int       fb_cli_usage          (const char    *format,
                                 ...) G_GNUC_PRINTF (1, 2);
gboolean  fb_cli_parse          (GOptionContext *context,
                                 int           *argc,
                                 char        ***argv,
                                 int           *exit_code);
FbStore  *fb_cli_open_store     (FbCliOptions  *options,
                                 GError       **error);
void      fb_cli_print_json     (JsonNode      *node);
FbRecord *fb_cli_get_record     (FbStore       *store,
                                 GType          type,
                                 const char    *id,
                                 GError       **error);

int       fb_cli_demo           (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);
int       fb_cli_project        (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);
int       fb_cli_measure        (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);
int       fb_cli_data           (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);
int       fb_cli_analyse        (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);
int       fb_cli_chart          (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);
int       fb_cli_check          (FbCliOptions  *options,
                                 int            argc,
                                 char         **argv);

G_END_DECLS
