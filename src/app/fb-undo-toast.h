/* fb-undo-toast.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

AdwToast *fb_undo_toast_add  (AdwToastOverlay *overlay,
                              FbStore         *store,
                              FbRecord        *record,
                              const char      *title);
void      fb_undo_toast_undo (AdwToast        *toast);

G_END_DECLS
