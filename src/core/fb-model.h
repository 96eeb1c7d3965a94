/* fb-model.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const GType *fb_model_list_types        (guint      *n_types);
GType        fb_model_type_from_entity  (const char *entity);

G_END_DECLS
