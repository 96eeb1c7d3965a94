/* fb-utils.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-utils"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fb-utils.h"

/**
 * fb_set_str:
 * @str_ptr: a pointer to an owned string
 * @new_str: (nullable): the new value
 *
 * Replaces *@str_ptr by a copy of @new_str (GLib 2.76's g_set_str (), which
 * Debian 12 lacks).
 *
 * Returns: %TRUE if the value changed
 */
gboolean
fb_set_str (char       **str_ptr,
            const char  *new_str)
{
  char *copy;

  g_assert (str_ptr != NULL);

  if (*str_ptr == new_str || g_strcmp0 (*str_ptr, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_ptr);
  *str_ptr = copy;

  return TRUE;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint la = a ? g_strv_length ((char **)a) : 0;
  guint lb = b ? g_strv_length ((char **)b) : 0;

  if (la != lb)
    return FALSE;

  for (guint i = 0; i < la; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;

  return TRUE;
}

/**
 * fb_set_strv:
 * @strv_ptr: a pointer to an owned string array
 * @new_strv: (nullable): the new value; %NULL and an empty array are the same
 *
 * Returns: %TRUE if the value changed
 */
gboolean
fb_set_strv (char               ***strv_ptr,
             const char * const   *new_strv)
{
  char **copy;

  g_assert (strv_ptr != NULL);

  if (strv_equal ((const char * const *)*strv_ptr, new_strv))
    return FALSE;

  copy = g_strdupv ((char **)new_strv);
  g_strfreev (*strv_ptr);
  *strv_ptr = copy;

  return TRUE;
}

/**
 * fb_set_double:
 * @ptr: a pointer to a double, where NAN means "no value"
 * @value: the new value
 *
 * Returns: %TRUE if the value changed (NAN equals NAN here)
 */
gboolean
fb_set_double (double *ptr,
               double  value)
{
  g_assert (ptr != NULL);

  if ((isnan (*ptr) && isnan (value)) || *ptr == value)
    return FALSE;

  *ptr = value;
  return TRUE;
}

static char *
format_uuid (const guint8 b[16])
{
  static const char hex[] = "0123456789abcdef";
  char *text = g_malloc (37);
  char *p = text;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[b[i] >> 4];
      *p++ = hex[b[i] & 0x0f];
    }
  *p = '\0';

  return text;
}

/**
 * fb_uuid_new:
 *
 * Makes a UUID in the version-7 layout: 48 bits of Unix time in
 * milliseconds, a counter for ids made in the same millisecond, then
 * random bits. Ids made one after another sort one after another, so a
 * bulk insert appends to the primary-key index instead of scattering
 * writes across it, and the random part keeps ids made on different
 * devices apart.
 *
 * Returns: (transfer full): a new UUID in lower case
 */
char *
fb_uuid_new (void)
{
  static GMutex lock;
  static guint64 last_ms;
  static guint counter;
  guint64 ms = (guint64)(g_get_real_time () / 1000);
  guint8 b[16];

  g_mutex_lock (&lock);
  if (ms <= last_ms)
    {
      /* The same millisecond (or a clock step back): count on from the
       * last id so that order still holds. */
      ms = last_ms;
      if (++counter > 0xfff)
        {
          ms++;
          counter = 0;
        }
    }
  else
    {
      counter = g_random_int_range (0, 0x800);
    }
  last_ms = ms;

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8)(ms >> (40 - 8 * i));
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  g_mutex_unlock (&lock);

  for (guint i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (b + i, &r, 4);
    }
  b[8] = 0x80 | (b[8] & 0x3f);

  return format_uuid (b);
}

/**
 * fb_uuid_is_valid:
 * @text: (nullable): a string
 *
 * Returns: %TRUE if @text is a UUID in the 8-4-4-4-12 layout
 */
gboolean
fb_uuid_is_valid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

/**
 * fb_timestamp_now:
 *
 * Returns: (transfer full): the current time as ISO 8601 UTC with milliseconds
 */
char *
fb_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/**
 * fb_date_parse:
 * @text: (nullable): an ISO 8601 calendar date, `YYYY-MM-DD`
 * @date: (out) (optional): where to store the date
 *
 * Parses a calendar date strictly: exactly ten characters and a real day of
 * the calendar (2023-09-31 is refused).
 *
 * Returns: %TRUE if @text is a valid date
 */
gboolean
fb_date_parse (const char *text,
               GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/**
 * fb_date_is_valid:
 * @text: (nullable): a string
 *
 * Returns: %TRUE if @text is a valid ISO 8601 calendar date
 */
gboolean
fb_date_is_valid (const char *text)
{
  return fb_date_parse (text, NULL);
}

/**
 * fb_timestamp_parse:
 * @text: (nullable): an ISO 8601 date and time with an offset or `Z`, e.g.
 *   `2026-10-01T23:59:59+02:00`
 *
 * A time without an offset is refused: it would mean a different instant
 * on the server than in the app.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is not
 *   such a timestamp
 */
GDateTime *
fb_timestamp_parse (const char *text)
{
  if (text == NULL || strchr (text, 'T') == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}
