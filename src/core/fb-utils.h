/* fb-utils.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   fb_set_str          (char       **str_ptr,
                                const char  *new_str);
gboolean   fb_set_strv         (char      ***strv_ptr,
                                const char * const *new_strv);
gboolean   fb_set_double       (double      *ptr,
                                double       value);
char      *fb_uuid_new         (void);
gboolean   fb_uuid_is_valid    (const char  *text);
char      *fb_timestamp_now    (void);
GDateTime *fb_timestamp_parse  (const char  *text);
gboolean   fb_date_is_valid    (const char  *text);
gboolean   fb_date_parse       (const char  *text,
                                GDate       *date);

G_END_DECLS
