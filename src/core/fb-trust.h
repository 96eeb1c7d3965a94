/* fb-trust.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_TRUST (fb_trust_get_type ())

G_DECLARE_FINAL_TYPE (FbTrust, fb_trust, FB, TRUST, FbRecord)

FbTrust     *fb_trust_new            (const char  *id);
const char  *fb_trust_get_name       (FbTrust     *self);
void         fb_trust_set_name       (FbTrust     *self,
                                      const char  *name);
const char  *fb_trust_get_short_name (FbTrust     *self);
void         fb_trust_set_short_name (FbTrust     *self,
                                      const char  *short_name);
FbTrustKind  fb_trust_get_kind       (FbTrust     *self);
void         fb_trust_set_kind       (FbTrust     *self,
                                      FbTrustKind  kind);
const char  *fb_trust_get_region_id  (FbTrust     *self);
void         fb_trust_set_region_id  (FbTrust     *self,
                                      const char  *region_id);

/**
 * FbRegion:
 * @id: the region's id, as trusts refer to it
 * @name: its name, a proper noun not translated
 *
 * A health region, the level above the trusts.
 */
typedef struct
{
  const char *id;
  const char *name;
} FbRegion;

const FbRegion *fb_region_get_all (guint *n_regions);

G_END_DECLS
