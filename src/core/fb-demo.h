/* fb-demo.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-store.h"

G_BEGIN_DECLS

#define FB_DEMO_ERROR (fb_demo_error_quark ())

typedef enum
{
  FB_DEMO_ERROR_FORMAT,
  FB_DEMO_ERROR_RECORD,
  FB_DEMO_ERROR_DATA,
} FbDemoError;

/**
 * FbDemoStats:
 *
 * What a sample data set held.
 */
typedef struct
{
  guint trusts;
  guint users;
  guint projects;
  guint measures;
  guint data_points;
  guint pdsa_cycles;
  guint prize_rounds;
  guint prizes;
  guint criteria;
  guint nominations;
  guint scores;
  guint awards;
} FbDemoStats;

GQuark    fb_demo_error_quark     (void);
GFile    *fb_demo_dup_builtin     (void);
gboolean  fb_demo_load            (FbStore              *store,
                                   GFile                *file,
                                   FbDemoStats          *stats,
                                   GCancellable         *cancellable,
                                   GError              **error);
void      fb_demo_load_async      (FbStore              *store,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  fb_demo_load_finish     (FbStore              *store,
                                   GAsyncResult         *result,
                                   FbDemoStats          *stats,
                                   GError              **error);

G_END_DECLS
