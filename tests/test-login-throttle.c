/* test-login-throttle.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long a sign-in must wait after failures, per account and per
 * address, with the clock given by the test.
 */

#include "config.h"

#include "fb-login-throttle.h"

#define S ((gint64) G_USEC_PER_SEC)

static void
test_waits_double (void)
{
  g_autoptr(FbLoginThrottle) throttle = fb_login_throttle_new ();
  gint64 now = 1000 * S;

  /* People mistype: the first failures cost nothing. */
  for (guint i = 0; i < 4; i++)
    {
      fb_login_throttle_failed (throttle, "kari@a.example", "10.0.0.1", now);
      g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now), ==, 0);
    }

  fb_login_throttle_failed (throttle, "kari@a.example", "10.0.0.1", now);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now), ==, 1);
  fb_login_throttle_failed (throttle, "kari@a.example", "10.0.0.1", now);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now), ==, 2);
  fb_login_throttle_failed (throttle, "kari@a.example", "10.0.0.1", now);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now), ==, 4);

  /* The wait runs down with time. */
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now + 3 * S), ==, 1);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now + 4 * S), ==, 0);

  /* The account is slowed from any address, the address for any account;
   * case does not make another account. */
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "KARI@a.example", "10.9.9.9", now), ==, 4);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "ola@a.example", "10.0.0.1", now), ==, 4);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "ola@a.example", "10.9.9.9", now), ==, 0);

  /* A success clears the account, not the address. */
  fb_login_throttle_succeeded (throttle, "kari@a.example", "10.0.0.1");
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.9.9.9", now), ==, 0);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "ola@a.example", "10.0.0.1", now), ==, 4);
}

static void
test_longest_wait_and_forgetting (void)
{
  g_autoptr(FbLoginThrottle) throttle = fb_login_throttle_new ();
  gint64 now = 1000 * S;

  for (guint i = 0; i < 40; i++)
    fb_login_throttle_failed (throttle, "kari@a.example", "10.0.0.1", now);

  /* A quarter of an hour at the most... */
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1", now), ==, 15 * 60);

  /* ...and an hour after the last failure, all is forgiven. */
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "10.0.0.1",
                                                now + 60 * 60 * S + 1), ==, 0);
}

static void
test_many_addresses (void)
{
  g_autoptr(FbLoginThrottle) throttle = fb_login_throttle_new ();
  gint64 now = 1000 * S;

  /* Guesses from 10 000 addresses an hour apart from the next one: the old
   * counts are pruned without forgetting the recent one. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *address = g_strdup_printf ("10.%u.%u.%u", i >> 16, (i >> 8) & 255, i & 255);

      fb_login_throttle_failed (throttle, "nobody@a.example", address, now);
    }

  for (guint i = 0; i < 5; i++)
    fb_login_throttle_failed (throttle, "kari@a.example", "192.0.2.1", now + 2 * 60 * 60 * S);

  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "kari@a.example", "192.0.2.1",
                                                now + 2 * 60 * 60 * S), ==, 1);
  g_assert_cmpuint (fb_login_throttle_get_wait (throttle, "nobody@a.example", "10.0.0.1",
                                                now + 2 * 60 * 60 * S), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/login-throttle/waits-double", test_waits_double);
  g_test_add_func ("/server/login-throttle/longest-wait-and-forgetting", test_longest_wait_and_forgetting);
  g_test_add_func ("/server/login-throttle/many-addresses", test_many_addresses);

  return g_test_run ();
}
