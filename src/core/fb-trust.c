/* fb-trust.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-trust"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-trust.h"
#include "fb-utils.h"

/**
 * FbTrust:
 *
 * A health trust or private hospital of a health region, the organisation
 * projects belong to.
 */
struct _FbTrust
{
  FbRecord     parent_instance;

  char        *name;
  char        *short_name;
  FbTrustKind  kind;
  char        *region_id;
};

G_DEFINE_FINAL_TYPE (FbTrust, fb_trust, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_KIND,
  PROP_REGION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fb_trust_validate (FbRecord  *record,
                   GError   **error)
{
  FbTrust *self = FB_TRUST (record);

  if (_fb_text_is_blank (self->name))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The trust has no name. Enter its full name, "
                             "e.g. “Oslo universitetssykehus HF”."));
      return FALSE;
    }

  return TRUE;
}

static void
fb_trust_finalize (GObject *object)
{
  FbTrust *self = (FbTrust *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->region_id, g_free);

  G_OBJECT_CLASS (fb_trust_parent_class)->finalize (object);
}

static void
fb_trust_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FbTrust *self = FB_TRUST (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_REGION_ID:
      g_value_set_string (value, self->region_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_trust_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FbTrust *self = FB_TRUST (object);

  switch (prop_id)
    {
    case PROP_NAME:
      fb_trust_set_name (self, g_value_get_string (value));
      break;

    case PROP_SHORT_NAME:
      fb_trust_set_short_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      fb_trust_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_REGION_ID:
      fb_trust_set_region_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_trust_class_init (FbTrustClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_trust_finalize;
  object_class->get_property = fb_trust_get_property;
  object_class->set_property = fb_trust_set_property;

  record_class->entity = "trust";
  record_class->validate = fb_trust_validate;

  /* The order below is the column order of the table. */

  /**
   * FbTrust:name:
   *
   * The full name, e.g. "Oslo universitetssykehus HF".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbTrust:short-name:
   *
   * The abbreviation shown where space is short, e.g. "OUS".
   */
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbTrust:kind:
   *
   * Whether this is a health trust or a private hospital.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       FB_TYPE_TRUST_KIND, FB_TRUST_KIND_HEALTH_TRUST,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbTrust:region-id:
   *
   * The id of the health region the trust belongs to.
   */
  properties[PROP_REGION_ID] =
    g_param_spec_string ("region-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_trust_init (FbTrust *self)
{
}

/**
 * fb_trust_new:
 * @id: (nullable): the trust's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new trust with default values
 */
FbTrust *
fb_trust_new (const char *id)
{
  return (FbTrust *)fb_record_new (FB_TYPE_TRUST, id);
}

/**
 * fb_trust_get_name:
 * @self: a #FbTrust
 *
 * Returns: (nullable): the name
 */
const char *
fb_trust_get_name (FbTrust *self)
{
  g_return_val_if_fail (FB_IS_TRUST (self), NULL);

  return self->name;
}

/**
 * fb_trust_set_name:
 * @self: a #FbTrust
 * @name: (nullable): the new name
 */
void
fb_trust_set_name (FbTrust    *self,
                   const char *name)
{
  g_return_if_fail (FB_IS_TRUST (self));

  if (fb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * fb_trust_get_short_name:
 * @self: a #FbTrust
 *
 * Returns: (nullable): the short name
 */
const char *
fb_trust_get_short_name (FbTrust *self)
{
  g_return_val_if_fail (FB_IS_TRUST (self), NULL);

  return self->short_name;
}

/**
 * fb_trust_set_short_name:
 * @self: a #FbTrust
 * @short_name: (nullable): the new short name
 */
void
fb_trust_set_short_name (FbTrust    *self,
                         const char *short_name)
{
  g_return_if_fail (FB_IS_TRUST (self));

  if (fb_set_str (&self->short_name, short_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}

/**
 * fb_trust_get_kind:
 * @self: a #FbTrust
 *
 * Returns: the kind of organisation
 */
FbTrustKind
fb_trust_get_kind (FbTrust *self)
{
  g_return_val_if_fail (FB_IS_TRUST (self), 0);

  return self->kind;
}

/**
 * fb_trust_set_kind:
 * @self: a #FbTrust
 * @kind: the new kind of organisation
 */
void
fb_trust_set_kind (FbTrust     *self,
                   FbTrustKind  kind)
{
  g_return_if_fail (FB_IS_TRUST (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * fb_trust_get_region_id:
 * @self: a #FbTrust
 *
 * Returns: (nullable): the id of the health region
 */
const char *
fb_trust_get_region_id (FbTrust *self)
{
  g_return_val_if_fail (FB_IS_TRUST (self), NULL);

  return self->region_id;
}

/**
 * fb_trust_set_region_id:
 * @self: a #FbTrust
 * @region_id: (nullable): the new id of the health region
 */
void
fb_trust_set_region_id (FbTrust    *self,
                        const char *region_id)
{
  g_return_if_fail (FB_IS_TRUST (self));

  if (fb_set_str (&self->region_id, region_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION_ID]);
}

/* The four Norwegian health regions. Helse Sør-Øst keeps the id of the
 * sample data, so that its trusts are found in it. */
static const FbRegion regions[] = {
  { "a7f799c5-3491-4c78-84de-fd4332fb1980", "Helse Sør-Øst RHF" },
  { "5643eb39-40a6-4aaf-afcf-c0b39239598d", "Helse Vest RHF" },
  { "bfbc5f7c-cbbd-41e3-b1b9-d29410116195", "Helse Midt-Norge RHF" },
  { "bd8475fb-4668-4136-9d08-e6bcd091c10e", "Helse Nord RHF" },
};

/**
 * fb_region_get_all:
 * @n_regions: (out): return location for the number of regions
 *
 * Returns: (array length=n_regions) (transfer none): the health regions a
 *   trust can belong to
 */
const FbRegion *
fb_region_get_all (guint *n_regions)
{
  g_return_val_if_fail (n_regions != NULL, NULL);

  *n_regions = G_N_ELEMENTS (regions);
  return regions;
}
