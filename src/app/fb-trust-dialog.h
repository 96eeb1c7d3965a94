/* fb-trust-dialog.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_TRUST_DIALOG (fb_trust_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FbTrustDialog, fb_trust_dialog, FB, TRUST_DIALOG, AdwWindow)

FbTrustDialog *fb_trust_dialog_new         (FbStore       *store);
const char    *fb_trust_dialog_get_message (FbTrustDialog *self);

G_END_DECLS
