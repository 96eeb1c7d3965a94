/* fb-round-access.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-server-store.h"

G_BEGIN_DECLS

gboolean  fb_round_access_is_round_entity (const char      *entity);
char     *fb_round_access_dup_round_id    (FbRecord        *record);
gboolean  fb_round_access_check_write     (FbServerStore   *store,
                                           const FbCaller  *caller,
                                           const FbAccessTarget *project,
                                           FbRecord        *before,
                                           FbRecord        *after,
                                           GDateTime       *now,
                                           GError         **error);
gboolean  fb_round_access_can_read        (FbServerStore   *store,
                                           const FbCaller  *caller,
                                           const FbAccessTarget *project,
                                           FbRecord        *record,
                                           GDateTime       *now,
                                           GHashTable      *rounds);

G_END_DECLS
