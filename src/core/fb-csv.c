/* fb-csv.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-csv"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fb-csv-private.h"
#include "fb-utils.h"

/* The reader works on the whole file in memory (at most FB_CSV_MAX_BYTES).
 * Fields are slices of that buffer; only a note is copied, so a row costs
 * one allocation. Dates and numbers are copied to a small stack buffer to
 * be NUL-terminated for fb_date_parse () and g_ascii_strtod ().
 *
 * Numbers are plain decimals: an optional '-', digits, and an optional
 * decimal mark ('.' in the comma form, ',' in the semicolon form) followed
 * by digits. Exponents ("1e5"), a leading '+', thousands separators, units,
 * "NaN" and "inf" are refused, so nothing a spreadsheet shows as text is
 * read as a number by accident. */

#define N_COLUMNS     4
#define FIELD_BUF     64
#define EXCERPT_CHARS 40

static const char * const column_names[N_COLUMNS] = { "date", "value", "denominator", "note" };

G_DEFINE_QUARK (fb-csv-error-quark, fb_csv_error)

typedef struct
{
  const char *start;
  gsize       len;
  gboolean    escaped;  /* holds "" or CR, so it must go through unescape_field () */
} Field;

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  char        sep;
  GArray     *rows;
  int         value_type;
} Parser;

/**
 * fb_csv_row_clear:
 * @row: a row
 *
 * Frees the row's note. It is the clear function of the arrays returned by
 * fb_csv_parse ().
 */
void
fb_csv_row_clear (FbCsvRow *row)
{
  g_return_if_fail (row != NULL);

  g_clear_pointer (&row->note, g_free);
}

static char *
excerpt (const char *text,
         gsize       len)
{
  const char *cut;

  /* The whole file was checked to be UTF-8, so this never splits a character. */
  if (g_utf8_strlen (text, len) <= EXCERPT_CHARS)
    return g_strndup (text, len);

  cut = g_utf8_offset_to_pointer (text, EXCERPT_CHARS);
  return g_strdup_printf ("%.*s…", (int)(cut - text), text);
}

static guint
count_lines (const char *start,
             const char *end)
{
  guint line = 1;
  const char *p = start;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

static void
set_too_large_error (GError **error)
{
  g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_TOO_LARGE,
               _("The file is too large: a measure file can be at most %u MiB."),
               (guint)(FB_CSV_MAX_BYTES / (1024 * 1024)));
}

static gboolean
check_encoding (const char  *data,
                gsize        len,
                GError     **error)
{
  const char *bad;

  /* With a length, g_utf8_validate_len () also stops at a NUL byte. */
  if (g_utf8_validate_len (data, len, &bad))
    return TRUE;

  if (*bad == '\0')
    g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_ENCODING,
                 _("Line %u holds a NUL byte, so this is not a text file. "
                   "Choose a CSV file with the columns date, value, denominator and note."),
                 count_lines (data, bad));
  else
    g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_ENCODING,
                 _("Line %u is not valid UTF-8 text. "
                   "Save the file as “CSV UTF-8” and try again."),
                 count_lines (data, bad));

  return FALSE;
}

/* Reads one record of RFC 4180 fields separated by self->sep. A record ends
 * at LF, CRLF or the end of the data; quoted fields may hold the separator,
 * line breaks and "" for a quote. Only the first N_COLUMNS fields are kept
 * in @fields, but all are counted in @n_fields. @blank tells whether every
 * field is unquoted and only white space (an empty line, or ",,," from a
 * spreadsheet). */
static gboolean
read_record (Parser    *self,
             Field      fields[N_COLUMNS],
             guint     *n_fields,
             gboolean  *blank,
             GError   **error)
{
  guint n = 0;

  *blank = TRUE;

  for (;;)
    {
      Field field = { self->p, 0, FALSE };

      if (self->p < self->end && *self->p == '"')
        {
          guint open_line = self->line;
          const char *q = self->p + 1;

          field.start = q;

          for (;;)
            {
              if (q == self->end)
                {
                  g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_SYNTAX,
                               _("Line %u: a quoted field has no closing double quote (\")."),
                               open_line);
                  return FALSE;
                }

              if (*q == '"')
                {
                  if (q + 1 < self->end && q[1] == '"')
                    {
                      field.escaped = TRUE;
                      q += 2;
                      continue;
                    }
                  break;
                }

              if (*q == '\n')
                self->line++;
              else if (*q == '\r')
                field.escaped = TRUE;

              q++;
            }

          field.len = q - field.start;
          self->p = q + 1;

          if (self->p < self->end &&
              *self->p != self->sep &&
              *self->p != '\n' &&
              !(*self->p == '\r' && (self->p + 1 == self->end || self->p[1] == '\n')))
            {
              g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_SYNTAX,
                           _("Line %u: there is text after the closing double quote of a field. "
                             "Inside a quoted field, write a double quote twice (\"\")."),
                           self->line);
              return FALSE;
            }

          *blank = FALSE;
        }
      else
        {
          const char *q = self->p;

          while (q < self->end && *q != self->sep && *q != '\n')
            {
              if (*blank && !g_ascii_isspace (*q))
                *blank = FALSE;
              q++;
            }

          field.len = q - self->p;

          /* The CR of a CRLF line ending is not part of the field. */
          if (field.len > 0 && q[-1] == '\r' && (q == self->end || *q == '\n'))
            field.len--;

          self->p = q;
        }

      if (n < N_COLUMNS)
        fields[n] = field;
      n++;

      if (self->p == self->end)
        break;

      if (*self->p == self->sep)
        {
          self->p++;
          continue;
        }

      if (*self->p == '\r')
        self->p++;

      if (self->p < self->end)
        {
          self->p++;
          self->line++;
        }

      break;
    }

  *n_fields = n;

  return TRUE;
}

/* Copies a field's text to @out, which has room for field->len + 1 bytes,
 * turning "" into " and a CRLF inside quotes into LF. */
static char *
unescape_field (const Field *field,
                char        *out)
{
  const char *s = field->start;
  const char *e = field->start + field->len;
  char *o = out;

  if (!field->escaped)
    {
      memcpy (out, field->start, field->len);
      out[field->len] = '\0';
      return out;
    }

  while (s < e)
    {
      if (*s == '"')
        {
          /* Inside a quoted field a quote always comes doubled. */
          *o++ = '"';
          s += 2;
        }
      else if (*s == '\r' && s + 1 < e && s[1] == '\n')
        {
          s++;
        }
      else
        {
          *o++ = *s++;
        }
    }

  *o = '\0';

  return out;
}

/* Returns the field's text, stripped of surrounding white space, in @buf
 * when it fits and otherwise in a new *@heap the caller frees. */
static char *
field_text (const Field  *field,
            char          buf[FIELD_BUF],
            char        **heap)
{
  const char *s = field->start;
  const char *e = field->start + field->len;
  char *out;
  gsize len;

  if (field->escaped)
    {
      out = field->len < FIELD_BUF ? buf : (*heap = g_malloc (field->len + 1));
      return g_strstrip (unescape_field (field, out));
    }

  /* The common case, stripped in place without strlen () or memmove (). */
  while (s < e && g_ascii_isspace (*s))
    s++;
  while (e > s && g_ascii_isspace (e[-1]))
    e--;

  len = e - s;
  out = len < FIELD_BUF ? buf : (*heap = g_malloc (len + 1));
  memcpy (out, s, len);
  out[len] = '\0';

  return out;
}

/* Reads @text, already stripped, as a plain decimal with @decimal_mark;
 * "" is NAN (a missing value). @text is changed while it is read and put
 * back before this returns. Data entry reads typed numbers with it too. */
gboolean
_fb_csv_parse_decimal (char   *text,
                       char    decimal_mark,
                       double *number)
{
  char *s = text;
  char *mark = NULL;
  gboolean negative = FALSE;
  guint64 integer = 0;
  guint n_digits = 0;

  if (*s == '\0')
    {
      *number = NAN;
      return TRUE;
    }

  if (*s == '-')
    {
      negative = TRUE;
      s++;
    }

  for (; g_ascii_isdigit (*s); s++, n_digits++)
    if (n_digits < 18)
      integer = integer * 10 + (guint64)(*s - '0');

  if (*s == decimal_mark)
    {
      mark = s++;

      if (!g_ascii_isdigit (*s))
        return FALSE;

      while (g_ascii_isdigit (*s))
        s++;
    }
  else if (n_digits == 0)
    {
      return FALSE;
    }

  if (*s != '\0')
    return FALSE;

  /* Most values are small whole numbers, exact in a double: skip strtod. */
  if (mark == NULL && n_digits <= 15)
    {
      *number = negative ? -(double)integer : (double)integer;
      return TRUE;
    }

  if (mark != NULL)
    *mark = '.';

  *number = g_ascii_strtod (text, NULL);

  /* Put the mark back, so that messages quote the text as written. */
  if (mark != NULL)
    *mark = decimal_mark;

  return isfinite (*number);
}

static gboolean
is_whole (double number)
{
  return number == floor (number);
}

/* Checks one period's numbers against @value_type (or only the format, for
 * -1): a denominator greater than 0; for proportions and rates, a whole
 * numerator of 0 or more with a whole denominator (and, in a proportion, no
 * more than it); for counts, a whole number of 0 or more. Nothing observed
 * out of nothing, 0 over 0 (or nothing over 0), is a missing period: then
 * both become NAN. The numbers change only when there is no problem. */
FbValueProblem
_fb_csv_find_value_problem (int     value_type,
                            double *value,
                            double *denominator)
{
  double v = *value;
  double d = *denominator;

  if (!isnan (v) && !isfinite (v))
    return FB_VALUE_PROBLEM_VALUE_NOT_FINITE;

  if (!isnan (d) && !isfinite (d))
    return FB_VALUE_PROBLEM_DENOMINATOR_NOT_FINITE;

  if (!isnan (d))
    {
      if (d < 0 || (d == 0 && !isnan (v) && v != 0))
        return FB_VALUE_PROBLEM_DENOMINATOR_NOT_POSITIVE;

      if (d == 0)
        {
          v = NAN;
          d = NAN;
        }
    }

  switch (value_type)
    {
    case FB_VALUE_TYPE_PROPORTION:
    case FB_VALUE_TYPE_RATE:
      if (!isnan (v) && (v < 0 || !is_whole (v)))
        return FB_VALUE_PROBLEM_NUMERATOR_NOT_WHOLE;

      if (!isnan (v) && isnan (d))
        return FB_VALUE_PROBLEM_NO_DENOMINATOR;

      if (!isnan (d) && !is_whole (d))
        return FB_VALUE_PROBLEM_DENOMINATOR_NOT_WHOLE;

      if (value_type == FB_VALUE_TYPE_PROPORTION && v > d)
        return FB_VALUE_PROBLEM_NUMERATOR_EXCEEDS;
      break;

    case FB_VALUE_TYPE_COUNT:
      if (!isnan (v) && (v < 0 || !is_whole (v)))
        return FB_VALUE_PROBLEM_COUNT_NOT_WHOLE;
      break;

    case FB_VALUE_TYPE_CONTINUOUS:
    default:
      break;
    }

  *value = v;
  *denominator = d;

  return FB_VALUE_PROBLEM_NONE;
}

static gboolean
set_order_error (Parser      *self,
                 const char  *date,
                 guint        line,
                 GError     **error)
{
  const FbCsvRow *last = &g_array_index (self->rows, FbCsvRow, self->rows->len - 1);
  guint lo = 0;
  guint hi = self->rows->len;

  /* The rows so far are in ascending order, so a repeated date can be
   * found by bisection and named instead of an order error. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const FbCsvRow *row = &g_array_index (self->rows, FbCsvRow, mid);
      int cmp = strcmp (row->date, date);

      if (cmp == 0)
        {
          g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_DUPLICATE,
                       _("Lines %u and %u have the same date %s. "
                         "Each date may occur only once: keep the right row and delete the other."),
                       row->line, line, date);
          return FALSE;
        }

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_ORDER,
               _("Line %u: the date %s is earlier than %s on line %u. "
                 "The rows must be in ascending date order, oldest first."),
               line, date, last->date, last->line);

  return FALSE;
}

static gboolean
set_number_error (Parser      *self,
                  guint        line,
                  guint        column,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *shown = excerpt (text, strlen (text));
  const char *expected;

  if (self->sep == ';')
    expected = _("digits with a decimal comma, such as 12,5");
  else
    expected = _("digits with a decimal point, such as 12.5");

  if (column == 1)
    g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_NUMBER,
                 _("Line %u: the value “%s” is not a number (expected %s)."),
                 line, shown, expected);
  else
    g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_NUMBER,
                 _("Line %u: the denominator “%s” is not a number (expected %s)."),
                 line, shown, expected);

  return FALSE;
}

static gboolean
parse_row (Parser       *self,
           const Field  *fields,
           guint         line,
           GError      **error)
{
  char date_buf[FIELD_BUF];
  char value_buf[FIELD_BUF];
  char denominator_buf[FIELD_BUF];
  g_autofree char *date_heap = NULL;
  g_autofree char *value_heap = NULL;
  g_autofree char *denominator_heap = NULL;
  char decimal_mark = self->sep == ';' ? ',' : '.';
  const char *date;
  char *value_text;
  char *denominator_text;
  double value;
  double denominator;
  FbCsvRow row;

  date = field_text (&fields[0], date_buf, &date_heap);

  if (!fb_date_parse (date, NULL))
    {
      g_autofree char *shown = excerpt (date, strlen (date));

      if (*date == '\0')
        g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_DATE,
                     _("Line %u: the date is missing (expected YYYY-MM-DD)."),
                     line);
      else
        g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_DATE,
                     _("Line %u: “%s” is not a valid date (expected YYYY-MM-DD)."),
                     line, shown);
      return FALSE;
    }

  if (self->rows->len > 0 &&
      strcmp (date, g_array_index (self->rows, FbCsvRow, self->rows->len - 1).date) <= 0)
    return set_order_error (self, date, line, error);

  value_text = field_text (&fields[1], value_buf, &value_heap);
  if (!_fb_csv_parse_decimal (value_text, decimal_mark, &value))
    return set_number_error (self, line, 1, value_text, error);

  denominator_text = field_text (&fields[2], denominator_buf, &denominator_heap);
  if (!_fb_csv_parse_decimal (denominator_text, decimal_mark, &denominator))
    return set_number_error (self, line, 2, denominator_text, error);

  switch (_fb_csv_find_value_problem (self->value_type, &value, &denominator))
    {
    case FB_VALUE_PROBLEM_NONE:
      break;

    case FB_VALUE_PROBLEM_VALUE_NOT_FINITE:
      return set_number_error (self, line, 1, value_text, error);

    case FB_VALUE_PROBLEM_DENOMINATOR_NOT_FINITE:
      return set_number_error (self, line, 2, denominator_text, error);

    case FB_VALUE_PROBLEM_DENOMINATOR_NOT_POSITIVE:
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_DENOMINATOR,
                   _("Line %u: the denominator is %s, but it must be greater than 0."),
                   line, denominator_text);
      return FALSE;

    case FB_VALUE_PROBLEM_NUMERATOR_NOT_WHOLE:
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_NUMBER,
                   _("Line %u: the value “%s” must be a whole number of 0 or more "
                     "(the numerator: patients or events)."),
                   line, value_text);
      return FALSE;

    case FB_VALUE_PROBLEM_NO_DENOMINATOR:
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_DENOMINATOR,
                   _("Line %u: the value %s has no denominator. "
                     "Proportions and rates need a denominator greater than 0."),
                   line, value_text);
      return FALSE;

    case FB_VALUE_PROBLEM_DENOMINATOR_NOT_WHOLE:
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_DENOMINATOR,
                   _("Line %u: the denominator “%s” must be a whole number greater than 0."),
                   line, denominator_text);
      return FALSE;

    case FB_VALUE_PROBLEM_NUMERATOR_EXCEEDS:
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_NUMERATOR,
                   _("Line %u: the value %s is greater than the denominator %s. "
                     "In a proportion the numerator cannot exceed the denominator."),
                   line, value_text, denominator_text);
      return FALSE;

    case FB_VALUE_PROBLEM_COUNT_NOT_WHOLE:
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_NUMBER,
                   _("Line %u: the count “%s” must be a whole number of 0 or more."),
                   line, value_text);
      return FALSE;

    default:
      g_assert_not_reached ();
    }

  memcpy (row.date, date, sizeof row.date);
  row.value = value;
  row.denominator = denominator;
  row.line = line;
  row.note = unescape_field (&fields[3], g_malloc (fields[3].len + 1));
  g_array_append_val (self->rows, row);

  return TRUE;
}

static gboolean
read_header (Parser  *self,
             GError **error)
{
  const char *start = self->p;
  const char *eol = memchr (start, '\n', self->end - start);
  Field fields[N_COLUMNS];
  guint n_fields;
  gboolean blank;
  gboolean ok;

  if (eol == NULL)
    eol = self->end;
  if (eol > start && eol[-1] == '\r')
    eol--;

  /* A spreadsheet set to a locale with a decimal comma separates with ';'. */
  if (memchr (start, ';', eol - start) != NULL && memchr (start, ',', eol - start) == NULL)
    self->sep = ';';
  else
    self->sep = ',';

  if (!read_record (self, fields, &n_fields, &blank, error))
    return FALSE;

  ok = n_fields == N_COLUMNS;

  for (guint i = 0; ok && i < N_COLUMNS; i++)
    {
      char buf[FIELD_BUF];
      g_autofree char *heap = NULL;

      ok = g_ascii_strcasecmp (field_text (&fields[i], buf, &heap), column_names[i]) == 0;
    }

  if (!ok)
    {
      g_autofree char *found = excerpt (start, eol - start);

      if (*found == '\0')
        {
          g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_HEADER,
                       _("Line 1 is empty, but a measure file must begin with "
                         "“date,value,denominator,note”."));
          return FALSE;
        }

      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_HEADER,
                   _("Line 1: the header is “%s”, but a measure file must begin with "
                     "“date,value,denominator,note” (or “date;value;denominator;note” "
                     "with decimal commas)."),
                   found);
      return FALSE;
    }

  return TRUE;
}

static GArray *
parse_data (const char  *data,
            gsize        len,
            int          value_type,
            GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  Parser self = { 0 };
  guint blank_line = 0;
  const char *p;

  if (len > FB_CSV_MAX_BYTES)
    {
      set_too_large_error (error);
      return NULL;
    }

  if (len > 0 && !check_encoding (data, len, error))
    return NULL;

  /* An empty GBytes has no data pointer. */
  if (data == NULL)
    data = "";

  self.p = data;
  self.end = data + len;
  self.line = 1;
  self.value_type = value_type;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self.p += 3;

  for (p = self.p; p < self.end && g_ascii_isspace (*p); p++)
    ;

  if (p == self.end)
    {
      g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_EMPTY,
                   _("The file is empty. A measure file begins with the line "
                     "“date,value,denominator,note”, followed by one line for each period."));
      return NULL;
    }

  if (!read_header (&self, error))
    return NULL;

  rows = g_array_new (FALSE, FALSE, sizeof (FbCsvRow));
  g_array_set_clear_func (rows, (GDestroyNotify)fb_csv_row_clear);
  self.rows = rows;

  while (self.p < self.end)
    {
      Field fields[N_COLUMNS];
      guint line = self.line;
      guint n_fields;
      gboolean blank;

      if (!read_record (&self, fields, &n_fields, &blank, error))
        return NULL;

      /* Blank lines at the end are common after editing; in the middle
       * they are more likely a row that was lost. */
      if (blank)
        {
          if (blank_line == 0)
            blank_line = line;
          continue;
        }

      if (blank_line != 0)
        {
          g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_SYNTAX,
                       _("Line %u is empty. Delete the line, or fill in its date, value, "
                         "denominator and note."),
                       blank_line);
          return NULL;
        }

      if (n_fields != N_COLUMNS)
        {
          if (self.sep == ';')
            g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_SYNTAX,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Line %u has %u field, but 4 are expected: date, value, "
                                      "denominator and note. Put a note that holds a semicolon "
                                      "in double quotes.",
                                      "Line %u has %u fields, but 4 are expected: date, value, "
                                      "denominator and note. Put a note that holds a semicolon "
                                      "in double quotes.",
                                      n_fields),
                         line, n_fields);
          else
            g_set_error (error, FB_CSV_ERROR, FB_CSV_ERROR_SYNTAX,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Line %u has %u field, but 4 are expected: date, value, "
                                      "denominator and note. Put a note that holds a comma "
                                      "in double quotes.",
                                      "Line %u has %u fields, but 4 are expected: date, value, "
                                      "denominator and note. Put a note that holds a comma "
                                      "in double quotes.",
                                      n_fields),
                         line, n_fields);
          return NULL;
        }

      if (!parse_row (&self, fields, line, error))
        return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * fb_csv_parse:
 * @bytes: the contents of a measure data file
 * @value_type: the #FbValueType of the measure the data is for, or -1 to
 *   check only the format
 * @error: return location for a #GError
 *
 * Reads a measure data file: UTF-8 (with or without a byte-order mark),
 * LF or CRLF line endings, the header `date,value,denominator,note` and one
 * row for each period, with dates ascending and unique. The Nordic
 * spreadsheet form, header `date;value;denominator;note`, separates fields
 * with `;` and writes numbers with a decimal comma. Fields follow RFC 4180:
 * a quoted field may hold the separator, `""` for a quote, and line breaks
 * (read as LF).
 *
 * Numbers are plain decimals (no exponent, no thousands separator, no
 * leading `+`); an empty value is a missing period, NAN. A denominator
 * must be greater than 0, except that 0 over 0 (or nothing over 0) is read
 * as a missing period without a denominator.
 *
 * With a @value_type, the values are also checked against it: proportions
 * and rates need a whole numerator of 0 or more and a whole denominator
 * with every value (and a proportion's numerator cannot exceed its
 * denominator), counts are whole numbers of 0 or more, and continuous
 * values may be any number.
 *
 * The first problem found is reported with a message that names its line.
 *
 * Returns: (transfer full) (element-type FbCsvRow) (nullable): the rows, in
 *   an array whose clear function frees each note, or %NULL with @error set
 */
GArray *
fb_csv_parse (GBytes  *bytes,
              int      value_type,
              GError **error)
{
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (value_type >= -1 && value_type <= FB_VALUE_TYPE_CONTINUOUS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  return parse_data (data, len, value_type, error);
}

/* Reads at most FB_CSV_MAX_BYTES + 1 bytes, so that a file that grew after
 * its size was checked still can't take more memory than the limit. */
static GBytes *
read_limited (GInputStream  *stream,
              goffset        size_hint,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize allocated = (gsize)size_hint + 1;
  gsize total = 0;
  g_autofree char *buffer = g_malloc (allocated);

  for (;;)
    {
      gsize n_read;

      if (!g_input_stream_read_all (stream, buffer + total, allocated - total,
                                    &n_read, cancellable, error))
        return NULL;

      total += n_read;

      if (total < allocated)
        break;

      if (total > FB_CSV_MAX_BYTES)
        {
          set_too_large_error (error);
          return NULL;
        }

      allocated = MIN (allocated * 2, (gsize)FB_CSV_MAX_BYTES + 1);
      buffer = g_realloc (buffer, allocated);
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), total);
}

/**
 * fb_csv_parse_file:
 * @file: a measure data file
 * @value_type: the #FbValueType of the measure, or -1 to check only the format
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file as fb_csv_parse () does. A file larger than %FB_CSV_MAX_BYTES
 * is refused before it is read. This blocks: the UI uses
 * fb_csv_parse_file_async ().
 *
 * Returns: (transfer full) (element-type FbCsvRow) (nullable): the rows, or
 *   %NULL with @error set (in %FB_CSV_ERROR, or %G_IO_ERROR when the file
 *   can't be read)
 */
GArray *
fb_csv_parse_file (GFile         *file,
                   int            value_type,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (value_type >= -1 && value_type <= FB_VALUE_TYPE_CONTINUOUS, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  /* A pipe or a special file may have no size; read_limited () still stops
   * at the limit. */
  size = 0;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  if (size > FB_CSV_MAX_BYTES)
    {
      set_too_large_error (error);
      return NULL;
    }

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  if (!(bytes = read_limited (G_INPUT_STREAM (stream), MAX (size, 0), cancellable, error)))
    return NULL;

  return fb_csv_parse (bytes, value_type, error);
}

typedef struct
{
  GFile *file;
  int    value_type;
} ParseFileData;

static void
parse_file_data_free (ParseFileData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
parse_file_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ParseFileData *data = task_data;
  GError *error = NULL;
  GArray *rows;

  rows = fb_csv_parse_file (data->file, data->value_type, cancellable, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify)g_array_unref);
}

/**
 * fb_csv_parse_file_async:
 * @file: a measure data file
 * @value_type: the #FbValueType of the measure, or -1 to check only the format
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been read
 * @user_data: data for @callback
 *
 * Runs fb_csv_parse_file () on a worker thread.
 */
void
fb_csv_parse_file_async (GFile               *file,
                         int                  value_type,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseFileData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (value_type >= -1 && value_type <= FB_VALUE_TYPE_CONTINUOUS);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ParseFileData, 1);
  data->file = g_object_ref (file);
  data->value_type = value_type;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fb_csv_parse_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)parse_file_data_free);
  g_task_run_in_thread (task, parse_file_worker);
}

/**
 * fb_csv_parse_file_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FbCsvRow) (nullable): the rows, or
 *   %NULL with @error set
 */
GArray *
fb_csv_parse_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fb_csv_parse_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Appends the shortest decimal of at most 17 significant digits that reads
 * back as @number, without an exponent (which the reader refuses) and
 * always with '.', whatever the locale. */
static void
append_number (GString *out,
               double   number)
{
  static const char * const formats[] = { "%.14e", "%.15e", "%.16e" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[20];
  guint n_digits = 0;
  int exponent;
  const char *s;

  if (!isfinite (number))
    return;

  if (number == 0)
    {
      g_string_append_c (out, '0');
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], number);
      if (g_ascii_strtod (buf, NULL) == number)
        break;
    }

  s = buf;
  if (*s == '-')
    {
      g_string_append_c (out, '-');
      s++;
    }

  for (; *s != 'e'; s++)
    if (g_ascii_isdigit (*s))
      digits[n_digits++] = *s;

  exponent = atoi (s + 1);

  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;

  if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append_len (out, digits, n_digits);
    }
  else if ((guint)exponent + 1 >= n_digits)
    {
      g_string_append_len (out, digits, n_digits);
      for (guint i = n_digits; i < (guint)exponent + 1; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits, exponent + 1);
      g_string_append_c (out, '.');
      g_string_append_len (out, digits + exponent + 1, n_digits - exponent - 1);
    }
}

static void
append_note (GString    *out,
             const char *note)
{
  if (note == NULL)
    return;

  if (strpbrk (note, ",\"\r\n") == NULL)
    {
      g_string_append (out, note);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *s = note; *s != '\0'; s++)
    {
      if (*s == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
}

/**
 * fb_csv_format:
 * @rows: (array length=n_rows): the rows, in date order
 * @n_rows: the number of rows
 *
 * Writes rows in the measure data format that fb_csv_parse () reads: UTF-8
 * without a byte-order mark, LF line endings, the header
 * `date,value,denominator,note`, numbers with a decimal point in the
 * shortest form that reads back as the same double (27, 48.5, never an
 * exponent), NAN (and infinities) as an empty field, and notes quoted per
 * RFC 4180 when they hold a comma, a quote or a line break.
 *
 * Returns: (transfer full): the file's text
 */
char *
fb_csv_format (const FbCsvRow *rows,
               guint           n_rows)
{
  GString *out;

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  out = g_string_sized_new (32 + n_rows * 24);
  g_string_append (out, "date,value,denominator,note\n");

  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append (out, rows[i].date);
      g_string_append_c (out, ',');
      append_number (out, rows[i].value);
      g_string_append_c (out, ',');
      append_number (out, rows[i].denominator);
      g_string_append_c (out, ',');
      append_note (out, rows[i].note);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
