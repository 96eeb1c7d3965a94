/* fb-user.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-user"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-enum-types.h"
#include "fb-model-private.h"
#include "fb-user.h"
#include "fb-utils.h"

/**
 * FbUser:
 *
 * A person who signs in: a team member, a trust coordinator, a panel member,
 * an organiser or an administrator.
 */
struct _FbUser
{
  FbRecord  parent_instance;

  char     *name;
  char     *email;
  char     *trust_id;
  FbRoles   roles;
  char     *description;
};

G_DEFINE_FINAL_TYPE (FbUser, fb_user, FB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_TRUST_ID,
  PROP_ROLES,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fb_user_validate (FbRecord  *record,
                  GError   **error)
{
  FbUser *self = FB_USER (record);

  if (_fb_text_is_blank (self->name))
    {
      g_set_error_literal (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                           _("The user has no name. Enter the person’s full name."));
      return FALSE;
    }

  if (!_fb_text_is_blank (self->email) && !email_looks_valid (self->email))
    {
      g_set_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID,
                   _("“%s” does not look like an email address. Enter an address such as "
                     "kari.nordmann@example.no."),
                   self->email);
      return FALSE;
    }

  return TRUE;
}

static void
fb_user_finalize (GObject *object)
{
  FbUser *self = (FbUser *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->trust_id, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (fb_user_parent_class)->finalize (object);
}

static void
fb_user_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FbUser *self = FB_USER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_TRUST_ID:
      g_value_set_string (value, self->trust_id);
      break;

    case PROP_ROLES:
      g_value_set_flags (value, self->roles);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_user_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FbUser *self = FB_USER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      fb_user_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      fb_user_set_email (self, g_value_get_string (value));
      break;

    case PROP_TRUST_ID:
      fb_user_set_trust_id (self, g_value_get_string (value));
      break;

    case PROP_ROLES:
      fb_user_set_roles (self, g_value_get_flags (value));
      break;

    case PROP_DESCRIPTION:
      fb_user_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_user_class_init (FbUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FbRecordClass *record_class = FB_RECORD_CLASS (klass);

  object_class->finalize = fb_user_finalize;
  object_class->get_property = fb_user_get_property;
  object_class->set_property = fb_user_set_property;

  record_class->entity = "user";
  record_class->validate = fb_user_validate;

  /* The order below is the column order of the table. */

  /**
   * FbUser:name:
   *
   * The person's full name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbUser:email:
   *
   * The email address, also used to sign in.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbUser:trust-id:
   *
   * The id of the person's home trust, or %NULL for someone from a regional body.
   */
  properties[PROP_TRUST_ID] =
    g_param_spec_string ("trust-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbUser:roles:
   *
   * What the person may do.
   */
  properties[PROP_ROLES] =
    g_param_spec_flags ("roles", NULL, NULL,
                        FB_TYPE_ROLES, FB_ROLE_NONE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbUser:description:
   *
   * The job title or affiliation, e.g. "Sykepleier, medisinsk avdeling".
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fb_user_init (FbUser *self)
{
}

/**
 * fb_user_new:
 * @id: (nullable): the user's UUID, or %NULL to make a new one
 *
 * Returns: (transfer full): a new user with default values
 */
FbUser *
fb_user_new (const char *id)
{
  return (FbUser *)fb_record_new (FB_TYPE_USER, id);
}

/**
 * fb_user_get_name:
 * @self: a #FbUser
 *
 * Returns: (nullable): the full name
 */
const char *
fb_user_get_name (FbUser *self)
{
  g_return_val_if_fail (FB_IS_USER (self), NULL);

  return self->name;
}

/**
 * fb_user_set_name:
 * @self: a #FbUser
 * @name: (nullable): the new full name
 */
void
fb_user_set_name (FbUser     *self,
                  const char *name)
{
  g_return_if_fail (FB_IS_USER (self));

  if (fb_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * fb_user_get_email:
 * @self: a #FbUser
 *
 * Returns: (nullable): the email address
 */
const char *
fb_user_get_email (FbUser *self)
{
  g_return_val_if_fail (FB_IS_USER (self), NULL);

  return self->email;
}

/**
 * fb_user_set_email:
 * @self: a #FbUser
 * @email: (nullable): the new email address
 */
void
fb_user_set_email (FbUser     *self,
                   const char *email)
{
  g_return_if_fail (FB_IS_USER (self));

  if (fb_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/**
 * fb_user_get_trust_id:
 * @self: a #FbUser
 *
 * Returns: (nullable): the id of the home trust
 */
const char *
fb_user_get_trust_id (FbUser *self)
{
  g_return_val_if_fail (FB_IS_USER (self), NULL);

  return self->trust_id;
}

/**
 * fb_user_set_trust_id:
 * @self: a #FbUser
 * @trust_id: (nullable): the new id of the home trust
 */
void
fb_user_set_trust_id (FbUser     *self,
                      const char *trust_id)
{
  g_return_if_fail (FB_IS_USER (self));

  if (fb_set_str (&self->trust_id, trust_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST_ID]);
}

/**
 * fb_user_get_roles:
 * @self: a #FbUser
 *
 * Returns: the roles
 */
FbRoles
fb_user_get_roles (FbUser *self)
{
  g_return_val_if_fail (FB_IS_USER (self), 0);

  return self->roles;
}

/**
 * fb_user_set_roles:
 * @self: a #FbUser
 * @roles: the new roles
 */
void
fb_user_set_roles (FbUser  *self,
                   FbRoles  roles)
{
  g_return_if_fail (FB_IS_USER (self));

  if (self->roles == roles)
    return;

  self->roles = roles;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
}

/**
 * fb_user_get_description:
 * @self: a #FbUser
 *
 * Returns: (nullable): the job title or affiliation
 */
const char *
fb_user_get_description (FbUser *self)
{
  g_return_val_if_fail (FB_IS_USER (self), NULL);

  return self->description;
}

/**
 * fb_user_set_description:
 * @self: a #FbUser
 * @description: (nullable): the new job title or affiliation
 */
void
fb_user_set_description (FbUser     *self,
                         const char *description)
{
  g_return_if_fail (FB_IS_USER (self));

  if (fb_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
