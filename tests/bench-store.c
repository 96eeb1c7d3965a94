/* bench-store.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "forbedring-core.h"

/* Figures for the store and the command line, printed one per line as
 * `name: value unit (target …)`. Nothing here asserts a time: machines
 * differ, and CI runs this only with `meson test --benchmark`. Run it
 * directly as build/tests/bench-store [--keep] [--cli PATH]. */

#define N_CSV_ROWS        100000
#define N_PROJECTS        1000
#define N_MEASURES        5     /* per project */
#define N_MEASURES_DATA   2     /* of which have data */
#define N_POINTS          100   /* per measure with data */
#define BATCH             100
#define N_RUNS            5

typedef struct
{
  char *dir;
  char *cli;
  char *csv;
  char *big_db;
  char *import_measure_id;
  pid_t launcher;
  int   requests;
  int   replies;
} Bench;

static void
die_on_error (gboolean    ok,
              GError     *error,
              const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error ? error->message : "failed");
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_figure (const char *name,
              double      value,
              const char *unit,
              const char *target)
{
  g_print ("%s: %.1f %s (target %s)\n", name, value, unit, target);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* 100 000 consecutive days of a proportion, with a missing period now and
 * then and notes (some needing quotes), as a team's export would look. */
static char *
write_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench-100k.csv", NULL);
  g_autoptr(GString) text = g_string_sized_new (N_CSV_ROWS * 24);
  g_autoptr(GRand) rand = g_rand_new_with_seed (100000);
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1750);
  g_string_append (text, "date,value,denominator,note\n");

  for (guint i = 0; i < N_CSV_ROWS; i++)
    {
      guint denominator = g_rand_int_range (rand, 20, 120);
      guint numerator = g_rand_int_range (rand, 0, denominator + 1);

      g_string_append_printf (text, "%04u-%02u-%02u,", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
      if (i % 97 != 96)
        g_string_append_printf (text, "%u", numerator);
      g_string_append_printf (text, ",%u,", denominator);
      if (i % 50 == 0)
        g_string_append_printf (text, "\"PDSA %u: ny rutine, «sjekk» av \"\"tavla\"\"\"",
                                i / 50 + 1);
      else if (i % 7 == 0)
        g_string_append (text, "Helg – færre pasienter");
      g_string_append_c (text, '\n');
      g_date_add_days (&date, 1);
    }

  die_on_error (g_file_set_contents (path, text->str, text->len, &error), error, path);

  return g_steal_pointer (&path);
}

static FbRecord *
new_trust (const char *name)
{
  FbTrust *trust = fb_trust_new (NULL);

  fb_trust_set_name (trust, name);

  return FB_RECORD (trust);
}

static FbRecord *
new_project (const char *trust_id,
             guint       i)
{
  FbProject *project = fb_project_new (NULL);
  g_autofree char *title = g_strdup_printf ("Forbedringsprosjekt %04u: færre fall og trykksår",
                                            i + 1);

  fb_project_set_title (project, title);
  fb_project_set_trust_id (project, trust_id);
  fb_project_set_department (project, "Medisinsk avdeling");
  fb_project_set_problem (project, "For mange pasienter faller i løpet av innleggelsen.");
  fb_project_set_status (project, (FbProjectStatus)(i % 6));

  return FB_RECORD (project);
}

static FbRecord *
new_measure (const char  *project_id,
             const char  *name,
             FbValueType  value_type)
{
  FbMeasure *measure = fb_measure_new (NULL);

  fb_measure_set_project_id (measure, project_id);
  fb_measure_set_name (measure, name);
  fb_measure_set_value_type (measure, value_type);
  if (value_type == FB_VALUE_TYPE_RATE)
    fb_measure_set_rate_multiplier (measure, 1000);

  return FB_RECORD (measure);
}

static void
save_batch (FbStore   *store,
            GPtrArray *records)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = fb_store_save_many (store, (FbRecord **)records->pdata, records->len, &error);
  die_on_error (ok, error, "fb_store_save_many");
  g_ptr_array_set_size (records, 0);
}

/* (a) Parse a 100 000-row file and import it into a fresh measure. */
static void
bench_csv_import (Bench *bench)
{
  g_autofree char *db = g_build_filename (bench->dir, "import.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bench->csv);
  g_autoptr(FbStore) store = NULL;
  g_autoptr(FbRecord) trust = new_trust ("Benkemerke HF");
  g_autoptr(FbRecord) project = NULL;
  g_autoptr(FbRecord) measure = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  FbStoreImportResult result;
  double parse_ms, import_ms;
  gint64 start;
  gboolean ok;

  store = fb_store_open (db, &error);
  die_on_error (store != NULL, error, db);
  project = new_project (fb_record_get_id (trust), 0);
  measure = new_measure (fb_record_get_id (project), "Andel", FB_VALUE_TYPE_PROPORTION);
  ok = fb_store_save (store, trust, &error) &&
       fb_store_save (store, project, &error) &&
       fb_store_save (store, measure, &error);
  die_on_error (ok, error, "saving the measure");

  start = g_get_monotonic_time ();
  rows = fb_csv_parse_file (file, FB_VALUE_TYPE_PROPORTION, NULL, &error);
  parse_ms = ms_since (start);
  die_on_error (rows != NULL, error, bench->csv);
  if (rows->len != N_CSV_ROWS)
    g_error ("parsed %u rows, expected %u", rows->len, N_CSV_ROWS);

  start = g_get_monotonic_time ();
  ok = fb_store_import_data (store, fb_record_get_id (measure), rows, &result, &error);
  import_ms = ms_since (start);
  die_on_error (ok, error, "fb_store_import_data");
  if (result.added != N_CSV_ROWS)
    g_error ("imported %u rows, expected %u", result.added, N_CSV_ROWS);

  print_figure ("csv parse 100000 rows", parse_ms, "ms", "part of < 500 ms");
  print_figure ("store import 100000 rows", import_ms, "ms", "part of < 500 ms");
  print_figure ("csv parse + import 100000 rows", parse_ms + import_ms, "ms", "< 500 ms");
}

static GArray *
make_rows (GRand *rand)
{
  GArray *rows = g_array_sized_new (FALSE, TRUE, sizeof (FbCsvRow), N_POINTS);
  GDate date;

  g_array_set_clear_func (rows, (GDestroyNotify)fb_csv_row_clear);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2018);

  for (guint i = 0; i < N_POINTS; i++)
    {
      FbCsvRow row = { { 0, }, };

      g_snprintf (row.date, sizeof row.date, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      row.denominator = g_rand_int_range (rand, 50, 500);
      row.value = g_rand_int_range (rand, 0, (gint32)row.denominator + 1);
      row.note = g_strdup (i % 10 == 0 ? "PDSA-syklus startet" : "");
      row.line = i + 2;
      g_array_append_val (rows, row);
      g_date_add_months (&date, 1);
    }

  return rows;
}

/* (b), setup: 1 000 projects, 5 measures each, 200 000 data points. */
static void
build_big_db (Bench *bench)
{
  /* Two measures with data (a proportion and a rate), then an empty
   * proportion, a count and a continuous one. */
  static const FbValueType types[N_MEASURES] = {
    FB_VALUE_TYPE_PROPORTION, FB_VALUE_TYPE_RATE, FB_VALUE_TYPE_PROPORTION,
    FB_VALUE_TYPE_COUNT, FB_VALUE_TYPE_CONTINUOUS,
  };
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GPtrArray) trusts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) data_measures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_points = 0;
  gboolean ok;

  bench->big_db = g_build_filename (bench->dir, "big.db", NULL);
  store = fb_store_open (bench->big_db, &error);
  die_on_error (store != NULL, error, bench->big_db);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Helseforetak %u HF", i + 1);

      g_ptr_array_add (trusts, new_trust (name));
    }
  ok = fb_store_save_many (store, (FbRecord **)trusts->pdata, trusts->len, &error);
  die_on_error (ok, error, "saving the trusts");

  for (guint p = 0; p < N_PROJECTS; p += BATCH)
    {
      g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = p; i < p + BATCH; i++)
        g_ptr_array_add (projects,
                         new_project (fb_record_get_id (trusts->pdata[i % trusts->len]), i));
      ok = fb_store_save_many (store, (FbRecord **)projects->pdata, projects->len, &error);
      die_on_error (ok, error, "saving the projects");

      for (guint i = 0; i < projects->len; i++)
        {
          const char *project_id = fb_record_get_id (projects->pdata[i]);

          for (guint m = 0; m < N_MEASURES; m++)
            {
              g_autofree char *name = g_strdup_printf ("Måling %u", m + 1);
              FbRecord *measure = new_measure (project_id, name, types[m]);

              if (m < N_MEASURES_DATA)
                g_ptr_array_add (data_measures, g_strdup (fb_record_get_id (measure)));
              if (p + i == 0 && m == N_MEASURES_DATA)
                bench->import_measure_id = g_strdup (fb_record_get_id (measure));
              g_ptr_array_add (batch, measure);
            }
          if (batch->len >= BATCH)
            save_batch (store, batch);
        }
      save_batch (store, batch);
    }

  for (guint i = 0; i < data_measures->len; i++)
    {
      g_autoptr(GArray) rows = make_rows (rand);
      FbStoreImportResult result;

      ok = fb_store_import_data (store, data_measures->pdata[i], rows, &result, &error);
      die_on_error (ok, error, "fb_store_import_data");
      n_points += result.added;
    }

  if (fb_store_count (store, FB_TYPE_PROJECT) != N_PROJECTS ||
      fb_store_count (store, FB_TYPE_MEASURE) != N_PROJECTS * N_MEASURES ||
      n_points != N_PROJECTS * N_MEASURES_DATA * N_POINTS)
    g_error ("the benchmark database came out wrong");

  print_figure ("setup: 1000 projects, 5000 measures, 200000 points", ms_since (start), "ms",
                "none");
}

/* (b) A fresh open and the project list, as the app's first screen needs. */
static void
bench_open_list (Bench *bench)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(FbStore) store = NULL;
      g_autoptr(GListModel) projects = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gsize title_bytes = 0;
      guint n;

      store = fb_store_open (bench->big_db, &error);
      die_on_error (store != NULL, error, bench->big_db);
      projects = fb_store_list_projects (store);
      n = g_list_model_get_n_items (projects);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FbProject) project = g_list_model_get_item (projects, i);

          title_bytes += strlen (fb_project_get_title (project));
        }
      times[run] = ms_since (start);

      if (n != N_PROJECTS || title_bytes == 0)
        g_error ("listed %u projects, expected %u", n, N_PROJECTS);
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  print_figure ("open + list 1000 projects + titles, min of 5", times[0], "ms", "< 50 ms");
  print_figure ("open + list 1000 projects + titles, median of 5", times[N_RUNS / 2], "ms",
                "< 50 ms");
}

/* ru_maxrss of a child includes the memory it had before exec: a forked
 * child starts with its parent's pages counted. So the command line is not
 * forked from this process, which holds the benchmark's data by then, but
 * from a launcher forked at the start of main (), while it is still small.
 * It reads one NUL-separated argv per request and answers with the exit
 * status, the peak RSS and the wall time. It uses only plain libc. */
typedef struct
{
  int    status;
  long   maxrss_kib;
  gint64 wall_us;
} LaunchResult;

static gboolean
read_all (int    fd,
          void  *buf,
          size_t len)
{
  char *p = buf;

  while (len > 0)
    {
      ssize_t n = read (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (size_t)n;
    }

  return TRUE;
}

static gboolean
write_all (int         fd,
           const void *buf,
           size_t      len)
{
  const char *p = buf;

  while (len > 0)
    {
      ssize_t n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (size_t)n;
    }

  return TRUE;
}

static gint64
monotonic_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return (gint64)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

G_GNUC_NORETURN static void
launcher_main (int requests,
               int replies)
{
  for (;;)
    {
      LaunchResult result = { -1, 0, 0 };
      struct rusage usage;
      char *argv[64];
      guint32 len;
      char *block;
      int argc = 0;
      gint64 start;
      pid_t pid;

      if (!read_all (requests, &len, sizeof len))
        _exit (0);
      if (!(block = malloc (len)) || !read_all (requests, block, len))
        _exit (1);
      for (guint32 i = 0; i < len && argc < 63; i += strlen (block + i) + 1)
        argv[argc++] = block + i;
      argv[argc] = NULL;

      start = monotonic_us ();
      if ((pid = fork ()) == 0)
        {
          int null = open ("/dev/null", O_WRONLY);

          if (null >= 0)
            {
              dup2 (null, STDOUT_FILENO);
              dup2 (null, STDERR_FILENO);
            }
          execv (argv[0], argv);
          _exit (127);
        }

      if (pid > 0)
        {
          while (wait4 (pid, &result.status, 0, &usage) < 0 && errno == EINTR)
            ;
          result.maxrss_kib = usage.ru_maxrss;
        }
      result.wall_us = monotonic_us () - start;
      free (block);

      if (!write_all (replies, &result, sizeof result))
        _exit (1);
    }
}

static void
start_launcher (Bench *bench)
{
  int requests[2], replies[2];
  pid_t pid;

  if (pipe (requests) != 0 || pipe (replies) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  if ((pid = fork ()) < 0)
    g_error ("fork: %s", g_strerror (errno));

  if (pid == 0)
    {
      close (requests[1]);
      close (replies[0]);
      launcher_main (requests[0], replies[1]);
    }

  close (requests[0]);
  close (replies[1]);
  bench->launcher = pid;
  bench->requests = requests[1];
  bench->replies = replies[0];
}

static void
stop_launcher (Bench *bench)
{
  int status;

  close (bench->requests);
  close (bench->replies);
  while (waitpid (bench->launcher, &status, 0) < 0 && errno == EINTR)
    ;
}

/* Runs forbedring-cli --db BIG ARGS… with its output discarded; returns its
 * peak resident set size in KiB (Linux reports ru_maxrss in KiB). */
static long
run_cli (Bench       *bench,
         const char **args,
         double      *wall_ms)
{
  g_autoptr(GByteArray) block = g_byte_array_new ();
  const char *fixed[] = { bench->cli, "--db", bench->big_db };
  LaunchResult result;
  guint32 len;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_byte_array_append (block, (const guint8 *)fixed[i], strlen (fixed[i]) + 1);
  for (guint i = 0; args[i] != NULL; i++)
    g_byte_array_append (block, (const guint8 *)args[i], strlen (args[i]) + 1);

  len = block->len;
  if (!write_all (bench->requests, &len, sizeof len) ||
      !write_all (bench->requests, block->data, block->len) ||
      !read_all (bench->replies, &result, sizeof result))
    g_error ("the launcher process went away");

  if (!WIFEXITED (result.status) || WEXITSTATUS (result.status) != 0)
    g_error ("forbedring-cli %s failed (wait status %d)", args[0], result.status);

  *wall_ms = result.wall_us / 1000.0;

  return result.maxrss_kib;
}

/* (c) Peak memory of the command line on the big database. */
static void
bench_cli_rss (Bench *bench)
{
  const char *help[] = { "--help", NULL };
  const char *list[] = { "project", "list", NULL };
  const char *import[] = { "data", "import", "--measure", bench->import_measure_id, bench->csv,
                           NULL };
  double wall_ms;
  long rss;

  rss = run_cli (bench, help, &wall_ms);
  print_figure ("cli --help peak RSS (baseline)", rss / 1024.0, "MiB", "none");

  rss = run_cli (bench, list, &wall_ms);
  print_figure ("cli project list (1000 projects) peak RSS", rss / 1024.0, "MiB", "none");
  print_figure ("cli project list (1000 projects) wall time", wall_ms, "ms", "none");

  rss = run_cli (bench, import, &wall_ms);
  print_figure ("cli data import 100000 rows peak RSS", rss / 1024.0, "MiB", "none");
  print_figure ("cli data import 100000 rows wall time", wall_ms, "ms", "none");
}

static char *
dup_default_cli (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;

  if (self == NULL)
    return NULL;

  dir = g_path_get_dirname (self);

  return g_build_filename (dir, "..", "src", "cli", "forbedring-cli", NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  gboolean keep = FALSE;
  g_autofree char *cli = NULL;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary folder", NULL },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "The forbedring-cli to measure", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— store and command line figures");
  g_autoptr(GError) error = NULL;
  Bench bench = { NULL, };

  /* First, while this process is small: see launcher_main (). */
  start_launcher (&bench);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (cli != NULL)
    bench.cli = g_strdup (cli);
  else if (g_getenv ("FB_CLI") != NULL)
    bench.cli = g_strdup (g_getenv ("FB_CLI"));
  else
    bench.cli = dup_default_cli ();
  if (bench.cli == NULL || !g_file_test (bench.cli, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("forbedring-cli not found (use --cli PATH or FB_CLI)");

  bench.dir = g_dir_make_tmp ("forbedring-bench-XXXXXX", &error);
  die_on_error (bench.dir != NULL, error, "g_dir_make_tmp");

  bench.csv = write_csv (bench.dir);
  bench_csv_import (&bench);
  build_big_db (&bench);
  bench_open_list (&bench);
  bench_cli_rss (&bench);
  stop_launcher (&bench);

  if (keep)
    g_print ("Kept %s\n", bench.dir);
  else
    remove_dir (bench.dir);

  g_free (bench.dir);
  g_free (bench.cli);
  g_free (bench.csv);
  g_free (bench.big_db);
  g_free (bench.import_measure_id);

  return 0;
}
