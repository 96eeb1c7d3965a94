/* fb-login-throttle.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-login-throttle"

#include "config.h"

#include "fb-login-throttle.h"

/* Slows password guessing per account and per address: the first few
 * failures cost nothing (people mistype), after that each attempt must
 * wait twice as long as the last, up to a quarter of an hour. A success
 * clears the account's count; the address keeps its own. The counts live
 * in memory: a restart forgives, which costs an attacker more than it
 * gains them. */

#define FREE_FAILURES   5
#define FIRST_WAIT_S    1
#define LONGEST_WAIT_S  (15 * 60)
#define FORGET_AFTER_US ((gint64) G_USEC_PER_SEC * 60 * 60)
#define PRUNE_ABOVE     4096

typedef struct
{
  guint  failures;
  gint64 last_failure_us;
} Failures;

/* Shared by the server's threads: every use takes the mutex. */
struct _FbLoginThrottle
{
  GObject     parent_instance;

  GMutex      mutex;
  GHashTable *by_key;
};

G_DEFINE_FINAL_TYPE (FbLoginThrottle, fb_login_throttle, G_TYPE_OBJECT)

static void
fb_login_throttle_finalize (GObject *object)
{
  FbLoginThrottle *self = (FbLoginThrottle *)object;

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (fb_login_throttle_parent_class)->finalize (object);
}

static void
fb_login_throttle_class_init (FbLoginThrottleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fb_login_throttle_finalize;
}

static void
fb_login_throttle_init (FbLoginThrottle *self)
{
  g_mutex_init (&self->mutex);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

FbLoginThrottle *
fb_login_throttle_new (void)
{
  return g_object_new (FB_TYPE_LOGIN_THROTTLE, NULL);
}

static char *
make_key (const char *kind,
          const char *value)
{
  g_autofree char *folded = g_utf8_casefold (value != NULL ? value : "", -1);

  return g_strconcat (kind, ":", folded, NULL);
}

static guint
wait_for (FbLoginThrottle *self,
          const char      *key,
          gint64           now_us)
{
  Failures *failures = g_hash_table_lookup (self->by_key, key);
  gint64 wait_s;
  gint64 waited_s;

  if (failures == NULL || failures->failures < FREE_FAILURES)
    return 0;

  if (now_us - failures->last_failure_us > FORGET_AFTER_US)
    {
      g_hash_table_remove (self->by_key, key);
      return 0;
    }

  wait_s = MIN ((gint64) FIRST_WAIT_S << MIN (failures->failures - FREE_FAILURES, 20),
                LONGEST_WAIT_S);
  waited_s = (now_us - failures->last_failure_us) / G_USEC_PER_SEC;
  return waited_s >= wait_s ? 0 : (guint) (wait_s - waited_s);
}

/**
 * fb_login_throttle_get_wait:
 * @account: the e-mail address tried
 * @address: the client's address
 * @now_us: the monotonic time
 *
 * Returns: the seconds to wait before this sign-in may be tried, 0 if it
 *   may be tried now
 */
guint
fb_login_throttle_get_wait (FbLoginThrottle *self,
                            const char      *account,
                            const char      *address,
                            gint64           now_us)
{
  g_autofree char *account_key = make_key ("account", account);
  g_autofree char *address_key = make_key ("address", address);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return MAX (wait_for (self, account_key, now_us), wait_for (self, address_key, now_us));
}

static gboolean
is_forgotten (gpointer key,
              gpointer value,
              gpointer user_data)
{
  const Failures *failures = value;
  gint64 now_us = *(gint64 *) user_data;

  return now_us - failures->last_failure_us > FORGET_AFTER_US;
}

static void
count_failure (FbLoginThrottle *self,
               char            *key,
               gint64           now_us)
{
  Failures *failures = g_hash_table_lookup (self->by_key, key);

  /* Guesses from many addresses would grow the table without end: past a
   * size, what has been forgiven anyway goes. */
  if (failures == NULL && g_hash_table_size (self->by_key) >= PRUNE_ABOVE)
    g_hash_table_foreach_remove (self->by_key, is_forgotten, &now_us);

  if (failures == NULL)
    {
      failures = g_new0 (Failures, 1);
      g_hash_table_insert (self->by_key, g_strdup (key), failures);
    }

  failures->failures++;
  failures->last_failure_us = now_us;
}

void
fb_login_throttle_failed (FbLoginThrottle *self,
                          const char      *account,
                          const char      *address,
                          gint64           now_us)
{
  g_autofree char *account_key = make_key ("account", account);
  g_autofree char *address_key = make_key ("address", address);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  count_failure (self, account_key, now_us);
  count_failure (self, address_key, now_us);
}

void
fb_login_throttle_succeeded (FbLoginThrottle *self,
                             const char      *account,
                             const char      *address)
{
  g_autofree char *account_key = make_key ("account", account);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  g_hash_table_remove (self->by_key, account_key);
}
