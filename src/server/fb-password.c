/* fb-password.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-password"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "fb-password.h"

/* Passwords are hashed with argon2id at libsodium's "interactive" cost
 * (64 MiB, 2 passes): about a tenth of a second here, run on a worker so
 * the server keeps serving while someone signs in. Tokens are 256 random
 * bits; only their SHA-256 is stored, so a copy of the database opens no
 * session. */

gboolean
fb_password_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fb_password_hash:
 * @password: the password
 *
 * Returns: (transfer full): the argon2id hash in its encoded form
 */
char *
fb_password_hash (const char  *password,
                  GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (g_utf8_strlen (password, -1) < FB_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A password needs at least %d characters."), FB_PASSWORD_MIN_LENGTH);
      return NULL;
    }

  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There was not enough memory to hash the password."));
      return NULL;
    }

  return g_strdup (hash);
}

gboolean
fb_password_verify (const char *hash,
                    const char *password)
{
  if (hash == NULL || password == NULL)
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/**
 * fb_token_new:
 *
 * Returns: (transfer full): a new bearer token, 256 random bits as
 *   URL-safe base64
 */
char *
fb_token_new (void)
{
  guchar bytes[32];
  char text[sodium_base64_ENCODED_LEN (sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);
  return g_strdup (text);
}

/**
 * fb_token_hash:
 * @token: a bearer token
 *
 * Returns: (transfer full): what the database keeps of @token
 */
char *
fb_token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}
