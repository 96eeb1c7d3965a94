/* fb-record-list.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-record.h"
#include "fb-store.h"

G_BEGIN_DECLS

#define FB_TYPE_RECORD_LIST (fb_record_list_get_type ())

G_DECLARE_FINAL_TYPE (FbRecordList, fb_record_list, FB, RECORD_LIST, GObject)

FbRecordList *fb_record_list_new    (FbStore    *store,
                                     GType       type,
                                     const char *field,
                                     const char *value);
FbRecord     *fb_record_list_lookup (FbRecordList *self,
                                     const char   *id);

G_END_DECLS
