/* fb-window.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

#include "fb-application.h"

G_BEGIN_DECLS

#define FB_TYPE_WINDOW (fb_window_get_type ())

G_DECLARE_FINAL_TYPE (FbWindow, fb_window, FB, WINDOW, AdwApplicationWindow)

FbWindow *fb_window_new        (FbApplication *application,
                                const char    *db_path);
FbStore  *fb_window_get_store  (FbWindow      *self);
void      fb_window_offer_undo (FbWindow      *self,
                                AdwToast      *toast);

G_END_DECLS
