/* fb-application.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_APPLICATION (fb_application_get_type ())

G_DECLARE_FINAL_TYPE (FbApplication, fb_application, FB, APPLICATION, AdwApplication)

FbApplication *fb_application_new         (void);
void           fb_application_watch_store (FbApplication *self,
                                           FbStore       *store);

G_END_DECLS
