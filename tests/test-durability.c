/* test-durability.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "forbedring-core.h"
#include "fb-store-private.h"

/* DESIGN §4: an acknowledged save is durable; kill -9 at any moment leaves
 * an intact database with every committed edit. A writer process makes
 * edits and acknowledges each one, after fb_store_*() returned TRUE, on a
 * pipe; the test kills it at a random moment and checks the file. */

#define TRUST_ID   "6b8e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
#define PROJECT_ID "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
#define MEASURE_ID "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"

/* Rounds of writing and killing; more with -m slow. */
#define N_ROUNDS      150
#define N_ROUNDS_SLOW 1000
#define MAX_DELAY_MS  30
/* Data points per import. */
#define BATCH         3

/* Edit n is one of three kinds. */
typedef enum
{
  EDIT_CREATE,  /* a new project titled "edit n" */
  EDIT_RETITLE, /* edit n - 1's project retitled "edit n" */
  EDIT_IMPORT,  /* BATCH data points noted "edit n" */
} EditKind;

/* What the writer sends after each acknowledged edit. */
typedef struct
{
  guint32 n;
} Ack;

static EditKind
edit_kind (guint n)
{
  return n % 3;
}

/* Outbox entries an edit adds: one per record written. */
static guint
edit_outbox_rows (guint n)
{
  return edit_kind (n) == EDIT_IMPORT ? BATCH : 1;
}

static char *
project_id_for (guint n)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%012x", n);
}

static char *
title_for (guint n)
{
  return g_strdup_printf ("edit %u", n);
}

static GArray *
rows_for (guint n)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (FbCsvRow));

  g_array_set_clear_func (rows, (GDestroyNotify)fb_csv_row_clear);
  for (guint k = 0; k < BATCH; k++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
      FbCsvRow row = { 0, };

      g_date_add_days (date, n * BATCH + k);
      g_date_strftime (row.date, sizeof row.date, "%Y-%m-%d", date);
      row.value = n;
      row.denominator = NAN;
      row.note = g_strdup_printf ("edit %u", n);
      row.line = k + 2;
      g_array_append_val (rows, row);
    }

  return rows;
}

static gboolean
make_edit (FbStore  *store,
           guint     n,
           GError  **error)
{
  g_autofree char *title = title_for (n);

  switch (edit_kind (n))
    {
    case EDIT_CREATE:
      {
        g_autofree char *id = project_id_for (n);
        g_autoptr(FbProject) project = fb_project_new (id);

        fb_project_set_title (project, title);
        fb_project_set_trust_id (project, TRUST_ID);
        fb_project_set_department (project, "Akuttmottaket, Ullevål");
        return fb_store_save (store, FB_RECORD (project), error);
      }

    case EDIT_RETITLE:
      {
        g_autofree char *id = project_id_for (n - 1);
        g_autoptr(FbRecord) project = NULL;

        if (!(project = fb_store_get_record (store, FB_TYPE_PROJECT, id, error)))
          return FALSE;
        fb_project_set_title (FB_PROJECT (project), title);
        return fb_store_save (store, project, error);
      }

    case EDIT_IMPORT:
      {
        g_autoptr(GArray) rows = rows_for (n);
        FbStoreImportResult result = { 0, };

        if (!fb_store_import_data (store, MEASURE_ID, rows, &result, error))
          return FALSE;
        g_assert (result.added == BATCH);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* The writer, in the forked child: never returns. Its exit codes tell the
 * parent what went wrong, if it was not killed first. */
G_NORETURN static void
run_writer (const char *path,
            guint       first,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  FbStore *store;

  /* A forked child inherits GLib's random state (seeded by g_test_init ())
   * and would make the same record ids as the writer before it. */
  g_random_set_seed ((guint32)getpid ());

  if (!(store = fb_store_open (path, &error)))
    {
      g_printerr ("# writer: %s\n", error->message);
      _exit (2);
    }

  for (guint n = first; n < first + 100000; n++)
    {
      Ack ack = { n };

      if (!make_edit (store, n, &error))
        {
          g_printerr ("# writer, edit %u: %s\n", n, error->message);
          _exit (3);
        }

      if (write (fd, &ack, sizeof ack) != sizeof ack)
        _exit (4);
    }

  _exit (0);
}

/* Verifying */

/* The first column of the first row, with up to two text parameters. */
static gint64
query_int (FbStore    *store,
           const char *sql,
           const char *arg1,
           const char *arg2)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ret;

  g_assert_cmpint (sqlite3_prepare_v2 (_fb_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return ret;
}

static gint64
count_points (FbStore *store,
              guint    n)
{
  g_autofree char *note = title_for (n);

  return query_int (store,
                    "SELECT count(*) FROM data_point WHERE measure_id = '" MEASURE_ID "' "
                    "AND note = ?1 AND deleted = 0",
                    note, NULL);
}

/* Whether edit n is in the records. */
static gboolean
edit_is_present (FbStore *store,
                 guint    n)
{
  g_autofree char *title = title_for (n);

  switch (edit_kind (n))
    {
    case EDIT_CREATE:
      {
        g_autofree char *id = project_id_for (n);

        return query_int (store, "SELECT count(*) FROM project WHERE id = ?1 AND deleted = 0",
                          id, NULL) == 1;
      }

    case EDIT_RETITLE:
      {
        g_autofree char *id = project_id_for (n - 1);
        g_autoptr(FbRecord) project = fb_store_get_record (store, FB_TYPE_PROJECT, id, NULL);

        return project != NULL && g_strcmp0 (fb_project_get_title (FB_PROJECT (project)),
                                             title) == 0;
      }

    case EDIT_IMPORT:
      {
        gint64 points = count_points (store, n);

        /* An import is all or nothing. */
        g_assert_true (points == 0 || points == BATCH);
        return points == BATCH;
      }

    default:
      g_assert_not_reached ();
    }
}

/* The outbox names the fields an entry sends, not their values: "*" for
 * a new record (all of it), else the changed columns. json () makes the
 * comparison exact, whatever the spacing. */
#define ALL_FIELDS   "[\"*\"]"
#define TITLE_FIELDS "[\"title\"]"

/* The outbox entry of one edit of one record, by record_id + entity +
 * fields: its seq, or -1 when there is none. Asserts there is at most one. */
static gint64
outbox_entry_seq (FbStore    *store,
                  const char *entity,
                  const char *record_id,
                  const char *fields)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq = -1;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (_fb_store_get_db (store),
                                       "SELECT seq FROM outbox WHERE record_id = ?1 "
                                       "AND entity = ?2 AND json (fields) = json (?3) "
                                       "AND base_rev = 0 AND deleted = 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fields, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_error ("The %s %s has more than one outbox entry %s", entity, record_id, fields);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return seq;
}

/* Asserts that committed edit n is whole: its records with their values,
 * and its outbox entries naming just the fields it changed. */
static void
assert_edit_committed (FbStore *store,
                       guint    n,
                       gboolean later_retitled)
{
  g_autofree char *title = title_for (n);
  g_autofree char *number = g_strdup_printf ("%u", n);

  if (!edit_is_present (store, n))
    g_error ("Acknowledged edit %u is missing", n);

  switch (edit_kind (n))
    {
    case EDIT_CREATE:
      {
        g_autofree char *id = project_id_for (n);
        g_autofree char *expected = title_for (later_retitled ? n + 1 : n);
        g_autoptr(FbRecord) project = NULL;
        g_autoptr(GError) error = NULL;

        /* The values are on the record: the create's, or the retitle's title. */
        project = fb_store_get_record (store, FB_TYPE_PROJECT, id, &error);
        g_assert_no_error (error);
        g_assert_false (fb_record_get_deleted (project));
        g_assert_cmpstr (fb_project_get_title (FB_PROJECT (project)), ==, expected);
        g_assert_cmpstr (fb_project_get_trust_id (FB_PROJECT (project)), ==, TRUST_ID);
        g_assert_cmpstr (fb_project_get_department (FB_PROJECT (project)), ==,
                         "Akuttmottaket, Ullevål");
        g_assert_cmpint (query_int (store,
                                    "SELECT count(*) FROM project WHERE id = ?1 AND title = ?2 "
                                    "AND trust_id = '" TRUST_ID "' AND deleted = 0",
                                    id, expected), ==, 1);
        g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE record_id = ?1",
                                    id, NULL), ==, later_retitled ? 2 : 1);
        /* The create's entry is for all of the new record. */
        if (outbox_entry_seq (store, "project", id, ALL_FIELDS) < 0)
          g_error ("Edit %u, a create, has no outbox entry " ALL_FIELDS, n);
        break;
      }

    case EDIT_RETITLE:
      {
        g_autofree char *id = project_id_for (n - 1);
        g_autoptr(FbRecord) project = NULL;
        g_autoptr(GError) error = NULL;
        gint64 created, retitled;

        /* The new title is on the record, and nothing else changed. */
        project = fb_store_get_record (store, FB_TYPE_PROJECT, id, &error);
        g_assert_no_error (error);
        g_assert_false (fb_record_get_deleted (project));
        g_assert_cmpstr (fb_project_get_title (FB_PROJECT (project)), ==, title);
        g_assert_cmpstr (fb_project_get_trust_id (FB_PROJECT (project)), ==, TRUST_ID);
        g_assert_cmpstr (fb_project_get_department (FB_PROJECT (project)), ==,
                         "Akuttmottaket, Ullevål");
        g_assert_cmpint (query_int (store,
                                    "SELECT count(*) FROM project WHERE id = ?1 AND title = ?2 "
                                    "AND deleted = 0",
                                    id, title), ==, 1);

        /* Two entries: the create's for all of it, then this one naming
         * only the title. */
        g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE record_id = ?1",
                                    id, NULL), ==, 2);
        if ((created = outbox_entry_seq (store, "project", id, ALL_FIELDS)) < 0)
          g_error ("Edit %u's project has no outbox entry " ALL_FIELDS, n);
        if ((retitled = outbox_entry_seq (store, "project", id, TITLE_FIELDS)) < 0)
          g_error ("Edit %u, a retitle, has no outbox entry " TITLE_FIELDS, n);
        g_assert_cmpint (retitled, >, created);
        break;
      }

    case EDIT_IMPORT:
      {
        g_autoptr(GArray) rows = rows_for (n);
        g_autofree char *by_period = NULL;

        /* Each point with its values, on the record... */
        g_assert_cmpint (query_int (store,
                                    "SELECT count(*) FROM data_point WHERE note = ?1 "
                                    "AND value = CAST (?2 AS INTEGER) AND denominator IS NULL",
                                    title, number), ==, BATCH);
        by_period = g_strdup_printf ("SELECT count(*) FROM data_point "
                                     "WHERE measure_id = '" MEASURE_ID "' AND period = ?1 "
                                     "AND note = ?2 AND value = %u AND denominator IS NULL "
                                     "AND deleted = 0 AND excluded = 0", n);
        for (guint k = 0; k < rows->len; k++)
          g_assert_cmpint (query_int (store, by_period,
                                      g_array_index (rows, FbCsvRow, k).date, title), ==, 1);
        /* ...and each new point's entry for all of it, one per point. */
        g_assert_cmpint (query_int (store,
                                    "SELECT count(DISTINCT o.record_id) FROM outbox o "
                                    "JOIN data_point d ON d.id = o.record_id WHERE d.note = ?1 "
                                    "AND o.entity = 'data_point' AND o.base_rev = 0 "
                                    "AND o.deleted = 0 AND json (o.fields) = json (?2)",
                                    title, ALL_FIELDS), ==, BATCH);
        g_assert_cmpint (query_int (store,
                                    "SELECT count(*) FROM outbox o JOIN data_point d "
                                    "ON d.id = o.record_id WHERE d.note = ?1",
                                    title, NULL), ==, BATCH);
        break;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
assert_store_sound (FbStore *store)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_fb_store_get_db (store), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_true (fb_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *)problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

static FbStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FbStore *store = fb_store_open (path, &error);

  g_assert_no_error (error);

  return store;
}

static void
create_database (const char *path)
{
  g_autoptr(FbStore) store = open_store (path);
  g_autoptr(FbTrust) trust = fb_trust_new (TRUST_ID);
  g_autoptr(FbProject) project = fb_project_new (PROJECT_ID);
  g_autoptr(FbMeasure) measure = fb_measure_new (MEASURE_ID);
  g_autoptr(GError) error = NULL;
  FbRecord *records[3];

  fb_trust_set_name (trust, "Oslo universitetssykehus HF");
  fb_project_set_title (project, "Kortere ventetid i akuttmottaket");
  fb_project_set_trust_id (project, TRUST_ID);
  fb_measure_set_project_id (measure, PROJECT_ID);
  fb_measure_set_name (measure, "Minutter til første legevurdering");
  fb_measure_set_value_type (measure, FB_VALUE_TYPE_COUNT);

  records[0] = FB_RECORD (trust);
  records[1] = FB_RECORD (project);
  records[2] = FB_RECORD (measure);
  g_assert_true (fb_store_save_many (store, records, G_N_ELEMENTS (records), &error));
  g_assert_no_error (error);
}

/* Reads one acknowledgement; FALSE if the writer ended without one. */
static gboolean
read_one_ack (int     fd,
              GArray *acks)
{
  Ack ack;
  gssize r;

  do
    r = read (fd, &ack, sizeof ack);
  while (r < 0 && errno == EINTR);

  if (r == 0)
    return FALSE;
  g_assert_cmpint (r, ==, sizeof ack);
  g_array_append_val (acks, ack.n);

  return TRUE;
}

/* Reads every acknowledgement the writer managed to send, until the pipe
 * is closed. */
static void
read_acks (int     fd,
           GArray *acks)
{
  guint8 buf[4096];
  gsize have = 0;

  for (;;)
    {
      gssize r = read (fd, buf + have, sizeof buf - have);

      if (r < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (r, >=, 0);
      if (r == 0)
        break;

      have += r;
      while (have >= sizeof (Ack))
        {
          Ack ack;

          memcpy (&ack, buf, sizeof ack);
          g_array_append_val (acks, ack.n);
          memmove (buf, buf + sizeof ack, have - sizeof ack);
          have -= sizeof ack;
        }
    }

  /* Each ack is one write(2) of less than PIPE_BUF: never torn. */
  g_assert_cmpuint (have, ==, 0);
}

static void
test_durability_kill (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FbStore) store = NULL;
  guint rounds = g_test_slow () ? N_ROUNDS_SLOW : N_ROUNDS;
  guint next = 0;
  guint n_unacked_commits = 0, n_no_ack = 0, most_acks = 0;
  gint64 outbox_expected, projects_expected, points_expected = 0, retitles_expected = 0;
  gint64 start = g_get_monotonic_time ();

  dir = g_dir_make_tmp ("fb-durability-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "forbedring.db", NULL);

  create_database (path);
  store = open_store (path);
  outbox_expected = fb_store_count_outbox (store);
  projects_expected = fb_store_count (store, FB_TYPE_PROJECT);
  g_clear_object (&store);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GArray) acks = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint delay_ms = g_test_rand_int_range (0, MAX_DELAY_MS + 1);
      guint first = next;
      guint committed;
      gboolean extra;
      int fds[2];
      int status = 0;
      pid_t pid;

      /* No connection may be open across fork (). */
      g_assert_null (store);
      g_assert_cmpint (pipe (fds), ==, 0);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_writer (path, first, fds[1]);
        }

      close (fds[1]);

      /* Every other round the delay starts at the first acknowledgement,
       * so that however slow the machine, kills land among the edits; the
       * others count from the fork and may come before any edit. */
      if (round % 2 == 1 && !read_one_ack (fds[0], acks))
        {
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          g_error ("The writer ended before its first edit, with status %d", status);
        }
      if (delay_ms > 0)
        g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("The writer was not killed but ended with status %d", status);

      read_acks (fds[0], acks);
      close (fds[0]);

      /* The writer acknowledges its edits in order. */
      for (guint i = 0; i < acks->len; i++)
        g_assert_cmpuint (g_array_index (acks, guint32, i), ==, first + i);

      store = open_store (path);
      assert_store_sound (store);

      /* The edit after the last acknowledged one may have committed
       * before its acknowledgement was written; none after it. */
      extra = edit_is_present (store, first + acks->len);
      g_assert_false (edit_is_present (store, first + acks->len + 1));
      committed = acks->len + (extra ? 1 : 0);

      for (guint i = 0; i < committed; i++)
        {
          guint n = first + i;

          assert_edit_committed (store, n,
                                 edit_kind (n) == EDIT_CREATE && i + 1 < committed);
          outbox_expected += edit_outbox_rows (n);
          if (edit_kind (n) == EDIT_CREATE)
            projects_expected++;
          else if (edit_kind (n) == EDIT_RETITLE)
            retitles_expected++;
          else if (edit_kind (n) == EDIT_IMPORT)
            points_expected += BATCH;
        }

      g_assert_cmpint (fb_store_count_outbox (store), ==, outbox_expected);
      /* Each retitle named the title; everything else was a new record. */
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE json (fields) = json (?1)",
                                  TITLE_FIELDS, NULL), ==, retitles_expected);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE json (fields) = json (?1)",
                                  ALL_FIELDS, NULL), ==, outbox_expected - retitles_expected);
      g_assert_cmpint (fb_store_count (store, FB_TYPE_PROJECT), ==, projects_expected);
      g_assert_cmpint (fb_store_count (store, FB_TYPE_DATA_POINT), ==, points_expected);
      g_clear_object (&store);

      next = first + committed;
      n_unacked_commits += extra ? 1 : 0;
      n_no_ack += acks->len == 0 ? 1 : 0;
      most_acks = MAX (most_acks, acks->len);
    }

  /* At the end, every edit ever committed is still there. */
  store = open_store (path);
  assert_store_sound (store);
  for (guint n = 0; n < next; n++)
    assert_edit_committed (store, n,
                           edit_kind (n) == EDIT_CREATE && n + 1 < next);
  g_clear_object (&store);

  g_test_message ("%u rounds, %u edits committed (at most %u in a round); %u rounds without an "
                  "acknowledgement; %u commits landed before their acknowledgement; %.1f s",
                  rounds, next, most_acks, n_no_ack, n_unacked_commits,
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);

  /* Half the rounds waited for an edit before the kill. */
  g_assert_cmpuint (next, >=, rounds / 2);
  g_assert_cmpuint (n_no_ack, <=, rounds - rounds / 2);

  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/durability/kill", test_durability_kill);

  return g_test_run ();
}
