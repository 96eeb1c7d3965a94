/* fb-model-private.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

GParamSpec *_fb_param_spec_optional_double (const char  *name,
                                            GParamFlags  flags);
gboolean    _fb_text_is_blank              (const char  *text);
gboolean    _fb_check_dates                (const char  *start_date,
                                            const char  *end_date,
                                            const char  *reversed,
                                            GError     **error);
gboolean    _fb_check_timestamp            (const char  *text,
                                            const char  *what,
                                            GError     **error);
JsonNode   *_fb_json_deep_copy             (JsonNode    *node);
gboolean    _fb_set_json                   (JsonNode   **node_ptr,
                                            JsonNode    *node);

G_END_DECLS
