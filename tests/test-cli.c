/* test-cli.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "forbedring-core.h"

/* These tests run the built forbedring-cli as a user or a script would, on a
 * database in the test's own temporary folder, and check what it prints and
 * how it exits: 0 done, 1 failed, 2 wrong usage. */

#define EXIT_OK      0
#define EXIT_FAILED  1
#define EXIT_USAGE   2

#define JUNK_SIZE 10485760

typedef struct
{
  char *dir;
  char *db;
  int   status;
  char *out;
  char *err;
} Fixture;

typedef struct
{
  const char  *file;
  FbValueType  value_type;
  guint        n_rows;
} Sample;

/* The series table of data/demo/README.md. */
static const Sample samples[] = {
  { "cauti_per_1000_catheter_days.csv", FB_VALUE_TYPE_RATE, 36 },
  { "colorectal_cancer_pathway_within_standard_time.csv", FB_VALUE_TYPE_PROPORTION, 30 },
  { "medication_reconciliation_24h.csv", FB_VALUE_TYPE_PROPORTION, 78 },
  { "ed_time_to_doctor_minutes.csv", FB_VALUE_TYPE_CONTINUOUS, 52 },
  { "door_to_needle_minutes.csv", FB_VALUE_TYPE_CONTINUOUS, 45 },
  { "news2_complete_observations.csv", FB_VALUE_TYPE_PROPORTION, 34 },
  { "sepsis_antibiotics_within_1h.csv", FB_VALUE_TYPE_PROPORTION, 112 },
  { "falls_per_1000_bed_days.csv", FB_VALUE_TYPE_RATE, 42 },
  { "days_between_falls.csv", FB_VALUE_TYPE_CONTINUOUS, 85 },
  { "pressure_ulcers_count.csv", FB_VALUE_TYPE_COUNT, 33 },
  { "lung_cancer_pathway_within_standard_time.csv", FB_VALUE_TYPE_PROPORTION, 40 },
  { "gtt_adverse_events_per_1000_patient_days.csv", FB_VALUE_TYPE_RATE, 48 },
  { "discharge_conversation_documented.csv", FB_VALUE_TYPE_PROPORTION, 41 },
  { "hand_hygiene_compliance.csv", FB_VALUE_TYPE_PROPORTION, 31 },
  { "readmissions_30_days.csv", FB_VALUE_TYPE_PROPORTION, 20 },
  { "discharge_summary_within_1_day.csv", FB_VALUE_TYPE_PROPORTION, 73 },
  { "waiting_time_days.csv", FB_VALUE_TYPE_CONTINUOUS, 120 },
};

typedef struct
{
  const char  *file;
  FbValueType  value_type;
  const char  *where;
  const char  *what;
} BadFile;

/* The import problems table of data/demo/README.md: the line the message
 * must name (NULL when the problem is the whole file) and a piece of the
 * offending text it must quote. */
static const BadFile bad_files[] = {
  { "wrong_header.csv", FB_VALUE_TYPE_RATE, "Line 1", "Måned,Antall,Liggedøgn,Kommentar" },
  { "bad_date.csv", FB_VALUE_TYPE_RATE, "Line 7", "2023-09-31" },
  { "negative_denominator.csv", FB_VALUE_TYPE_PROPORTION, "Line 6", "-37" },
  { "numerator_exceeds_denominator.csv", FB_VALUE_TYPE_PROPORTION, "Line 10", "40" },
  { "text_in_value.csv", FB_VALUE_TYPE_PROPORTION, "Line 5", "ca. 11" },
  { "duplicate_date.csv", FB_VALUE_TYPE_RATE, "Lines 8 and 9", "2023-10-01" },
  { "empty.csv", FB_VALUE_TYPE_PROPORTION, NULL, "empty" },
};

static const char *value_type_names[] = {
  [FB_VALUE_TYPE_COUNT] = "count",
  [FB_VALUE_TYPE_PROPORTION] = "proportion",
  [FB_VALUE_TYPE_RATE] = "rate",
  [FB_VALUE_TYPE_CONTINUOUS] = "continuous",
};

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("FB_CLI");

      path = env ? g_strdup (env)
                 : g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "forbedring-cli",
                                          NULL);
    }

  return path;
}

static char *demo_path (const char *first,
                        ...) G_GNUC_NULL_TERMINATED;

static char *
demo_path (const char *first,
           ...)
{
  const char *demo_dir = g_getenv ("FB_DEMO_DIR");
  g_autofree char *rest = NULL;
  va_list args;

  va_start (args, first);
  rest = g_build_filename_valist (first, &args);
  va_end (args);

  if (demo_dir != NULL)
    return g_build_filename (demo_dir, rest, NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", rest, NULL);
}

static char *
bad_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test a fresh cache folder and
   * deletes it afterwards. */
  fixture->dir = g_build_filename (g_get_user_cache_dir (), "cli", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->status = -1;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
}

static int
exit_status (int wait_status)
{
  g_autoptr(GError) error = NULL;

  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;

  if (error->domain != G_SPAWN_EXIT_ERROR)
    g_error ("forbedring-cli did not exit normally: %s", error->message);

  return error->code;
}

/* Runs forbedring-cli --db DB ARGS… and keeps its exit status and output. */
static int
run_argv (Fixture     *fixture,
          const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  int wait_status = 0;

  /* English messages whatever the machine's language, and UTF-8 output. */
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_ptr_array_add (argv, (gpointer)cli_path ());
  g_ptr_array_add (argv, (gpointer)"--db");
  g_ptr_array_add (argv, fixture->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);

  command = g_strjoinv (" ", (char **)argv->pdata + 3);
  g_test_message ("forbedring-cli %s", command);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &fixture->out, &fixture->err, &wait_status, &error);
  g_assert_no_error (error);

  fixture->status = exit_status (wait_status);

  return fixture->status;
}

static int run (Fixture    *fixture,
                const char *first,
                ...) G_GNUC_NULL_TERMINATED;

static int
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv (fixture, (const char **)args->pdata);
}

static void
assert_status (Fixture *fixture,
               int      expected)
{
  if (fixture->status != expected)
    g_error ("forbedring-cli exited with %d, expected %d.\nstdout: %s\nstderr: %s",
             fixture->status, expected, fixture->out, fixture->err);
}

/* A command that succeeded says nothing on stderr (no warnings either). */
static void
assert_ok (Fixture *fixture)
{
  assert_status (fixture, EXIT_OK);
  g_assert_cmpstr (fixture->err, ==, "");
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, text);
}

/* "Line 1" must not be satisfied by "Line 10": the needle must end at a
 * non-digit. */
static void
assert_names_line (const char *text,
                   const char *needle)
{
  gsize len = strlen (needle);

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    if (!g_ascii_isdigit (p[len]))
      return;

  g_error ("“%s” not found in “%s”", needle, text);
}

static void
assert_failed (Fixture    *fixture,
               int         expected,
               const char *needle)
{
  assert_status (fixture, expected);
  g_assert_cmpstr (fixture->out, ==, "");
  assert_contains (fixture->err, "forbedring-cli: ");
  if (needle != NULL)
    assert_contains (fixture->err, needle);
}

/* The last line of output, without its newline: an id that a command printed. */
static char *
dup_printed_id (Fixture *fixture)
{
  g_autofree char *id = NULL;

  assert_ok (fixture);
  g_assert_true (g_str_has_suffix (fixture->out, "\n"));
  id = g_strndup (fixture->out, strlen (fixture->out) - 1);
  if (!g_uuid_string_is_valid (id))
    g_error ("“%s” is not a UUID", id);

  return g_steal_pointer (&id);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

static GArray *
parse_csv_text (const char  *text,
                FbValueType  value_type)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GArray *rows;

  rows = fb_csv_parse (bytes, value_type, &error);
  g_assert_no_error (error);

  return rows;
}

static GArray *
parse_csv_file (const char  *path,
                FbValueType  value_type)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GArray *rows;

  rows = fb_csv_parse_file (file, value_type, NULL, &error);
  g_assert_no_error (error);

  return rows;
}

static char *
format_number (double value)
{
  return isnan (value) ? g_strdup ("(none)") : g_strdup_printf ("%.17g", value);
}

static char *
describe_row (const FbCsvRow *row)
{
  g_autofree char *value = format_number (row->value);
  g_autofree char *denominator = format_number (row->denominator);

  return g_strdup_printf ("%s value=%s denominator=%s note=“%s”",
                          row->date, value, denominator, row->note);
}

/* Compares what the rows hold, not the lines they came from. */
static void
assert_rows_equal (GArray *expected,
                   GArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *a = describe_row (&g_array_index (expected, FbCsvRow, i));
      g_autofree char *b = describe_row (&g_array_index (actual, FbCsvRow, i));

      g_assert_cmpstr (b, ==, a);
    }
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
load_demo (Fixture *fixture)
{
  run (fixture, "demo", "load", NULL);
  assert_ok (fixture);
}

static char *
create_project (Fixture    *fixture,
                const char *title)
{
  run (fixture, "project", "create", "--title", title, "--trust", "Testsykehuset HF", NULL);

  return dup_printed_id (fixture);
}

static char *
create_measure (Fixture     *fixture,
                const char  *project_id,
                const char  *name,
                FbValueType  value_type)
{
  if (value_type == FB_VALUE_TYPE_RATE)
    run (fixture, "measure", "create", "--project", project_id, "--name", name,
         "--value-type", "rate", "--multiplier", "1000", NULL);
  else
    run (fixture, "measure", "create", "--project", project_id, "--name", name,
         "--value-type", value_type_names[value_type], NULL);

  return dup_printed_id (fixture);
}

static char *
export_data (Fixture    *fixture,
             const char *measure_id)
{
  run (fixture, "data", "export", "--measure", measure_id, NULL);
  assert_ok (fixture);

  return g_strdup (fixture->out);
}

static gint64
outbox_size (Fixture *fixture)
{
  g_autoptr(JsonNode) node = NULL;

  run (fixture, "--json", "check", NULL);
  assert_ok (fixture);
  node = parse_json (fixture->out);

  return json_object_get_int_member (json_node_get_object (node), "outbox");
}

static char *
find_project_line (const char *list,
                   const char *id)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], id))
      return g_strdup (lines[i]);

  return NULL;
}

static void
test_demo_builtin (Fixture       *fixture,
                   gconstpointer  data)
{
  run (fixture, "demo", "load", NULL);
  assert_ok (fixture);
  g_assert_cmpstr (fixture->out, ==,
                   "Loaded 12 trusts, 45 users, 15 projects, 21 measures, 920 data points and "
                   "60 PDSA cycles.\n"
                   "Prize rounds: 1, prizes: 3, criteria: 5, nominations: 14, scores: 78, "
                   "awards: 0.\n");

  run (fixture, "project", "list", NULL);
  assert_ok (fixture);
  g_assert_cmpuint (count_lines (fixture->out), ==, 15);
}

static void
test_demo_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = demo_path ("demo.json", NULL);

  run (fixture, "demo", "load", path, NULL);
  assert_ok (fixture);
  g_assert_cmpstr (fixture->out, ==,
                   "Loaded 12 trusts, 45 users, 15 projects, 21 measures, 920 data points and "
                   "60 PDSA cycles.\n"
                   "Prize rounds: 1, prizes: 3, criteria: 5, nominations: 14, scores: 78, "
                   "awards: 0.\n");

  run (fixture, "project", "list", NULL);
  assert_ok (fixture);
  g_assert_cmpuint (count_lines (fixture->out), ==, 15);

  /* A missing file fails without creating anything in the database. */
  run (fixture, "demo", "load", "/nonexistent/demo.json", NULL);
  assert_failed (fixture, EXIT_FAILED, NULL);
  run (fixture, "demo", "load", "a.json", "b.json", NULL);
  assert_failed (fixture, EXIT_USAGE, NULL);
}

static void
test_project_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) text_ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  load_demo (fixture);

  run (fixture, "project", "list", NULL);
  assert_ok (fixture);
  g_assert_true (g_str_has_suffix (fixture->out, "\n"));
  lines = g_strsplit (fixture->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 16);
  for (guint i = 0; i < 15; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      /* id, title, trust, status, focus area */
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_true (g_uuid_string_is_valid (fields[0]));
      for (guint j = 1; j < 5; j++)
        g_assert_cmpstr (fields[j], !=, "");
      g_ptr_array_add (text_ids, g_strdup (fields[0]));
    }

  run (fixture, "--json", "project", "list", NULL);
  assert_ok (fixture);
  node = parse_json (fixture->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 15);
  for (guint i = 0; i < 15; i++)
    {
      JsonObject *project = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member (project, "id");
      const char *title = json_object_get_string_member (project, "title");

      g_autofree char *stripped = g_strstrip (g_strdup (title));

      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_cmpstr (stripped, !=, "");
      g_assert_cmpstr (json_object_get_string_member (project, "trust_name"), !=, "");
      g_assert_false (json_object_get_boolean_member (project, "deleted"));
      /* The same projects in the same order as the text list. */
      g_assert_cmpstr (id, ==, text_ids->pdata[i]);
    }

  /* The global options may stand anywhere. */
  run (fixture, "project", "list", "--json", NULL);
  assert_ok (fixture);
  g_clear_pointer (&node, json_node_unref);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 15);

  run (fixture, "project", "list", "extra", NULL);
  assert_failed (fixture, EXIT_USAGE, NULL);
}

static void
test_project_create (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  load_demo (fixture);

  id = create_project (fixture, "Færre fall på sengepost 3");

  run (fixture, "project", "list", NULL);
  assert_ok (fixture);
  g_assert_cmpuint (count_lines (fixture->out), ==, 16);
  line = find_project_line (fixture->out, id);
  g_assert_nonnull (line);
  expected = g_strdup_printf ("%s\tFærre fall på sengepost 3\tTestsykehuset HF\t", id);
  g_assert_true (g_str_has_prefix (line, expected));

  run (fixture, "project", "show", id, NULL);
  assert_ok (fixture);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("id: %s\n", id);
  g_assert_true (g_str_has_prefix (fixture->out, expected));
  assert_contains (fixture->out, "\ntitle: Færre fall på sengepost 3\n");
  assert_contains (fixture->out, "\nstatus: planning\n");

  run (fixture, "--json", "project", "show", id, NULL);
  assert_ok (fixture);
  node = parse_json (fixture->out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "Færre fall på sengepost 3");

  /* A second project in the same trust does not create the trust again. */
  g_clear_pointer (&id, g_free);
  id = create_project (fixture, "Tryggere utskrivning");
  run (fixture, "--json", "project", "list", NULL);
  assert_ok (fixture);
  g_clear_pointer (&node, json_node_unref);
  node = parse_json (fixture->out);
  {
    JsonArray *array = json_node_get_array (node);
    const char *trust_ids[2] = { NULL, NULL };
    guint n = 0;

    g_assert_cmpuint (json_array_get_length (array), ==, 17);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *project = json_array_get_object_element (array, i);

        if (g_strcmp0 (json_object_get_string_member (project, "trust_name"),
                       "Testsykehuset HF") == 0)
          {
            g_assert_cmpuint (n, <, 2);
            trust_ids[n++] = json_object_get_string_member (project, "trust_id");
          }
      }
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpstr (trust_ids[0], ==, trust_ids[1]);
  }

  run (fixture, "project", "create", "--trust", "Testsykehuset HF", NULL);
  assert_failed (fixture, EXIT_USAGE, "--title");
  run (fixture, "project", "create", "--title", "Uten foretak", NULL);
  assert_failed (fixture, EXIT_USAGE, "--trust");
  run (fixture, "project", "create", "--title", "   ", "--trust", "Testsykehuset HF", NULL);
  assert_failed (fixture, EXIT_FAILED, "title");
  run (fixture, "project", "show", NULL);
  assert_failed (fixture, EXIT_USAGE, NULL);
  run (fixture, "project", "show", "00000000-0000-4000-8000-000000000000", NULL);
  assert_failed (fixture, EXIT_FAILED, "00000000-0000-4000-8000-000000000000");
}

static void
test_project_set (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(JsonNode) node = NULL;

  load_demo (fixture);
  id = create_project (fixture, "Færre trykksår");

  run (fixture, "project", "set", id, "status", "testing", NULL);
  assert_ok (fixture);
  g_assert_cmpstr (fixture->out, ==, "");
  run (fixture, "project", "set", id, "title", "Færre trykksår – alle sengeposter", NULL);
  assert_ok (fixture);
  run (fixture, "project", "set", id, "start_date", "2026-01-05", NULL);
  assert_ok (fixture);

  run (fixture, "project", "show", id, NULL);
  assert_ok (fixture);
  assert_contains (fixture->out, "\nstatus: testing\n");
  assert_contains (fixture->out, "\ntitle: Færre trykksår – alle sengeposter\n");
  assert_contains (fixture->out, "\nstart_date: 2026-01-05\n");
  shown = g_strdup (fixture->out);

  run (fixture, "--json", "project", "show", id, NULL);
  assert_ok (fixture);
  node = parse_json (fixture->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "status"), ==,
                   "testing");

  /* A refused change names the field and leaves the project as it was. */
  run (fixture, "project", "set", id, "status", "bogus", NULL);
  assert_failed (fixture, EXIT_FAILED, "status");
  run (fixture, "project", "set", id, "start_date", "2026-02-30", NULL);
  assert_failed (fixture, EXIT_FAILED, "2026-02-30");
  run (fixture, "project", "set", id, "nosuchfield", "x", NULL);
  assert_failed (fixture, EXIT_FAILED, "nosuchfield");
  run (fixture, "project", "set", "00000000-0000-4000-8000-000000000000", "status", "testing",
       NULL);
  assert_failed (fixture, EXIT_FAILED, "00000000-0000-4000-8000-000000000000");

  run (fixture, "project", "show", id, NULL);
  assert_ok (fixture);
  g_assert_cmpstr (fixture->out, ==, shown);

  run (fixture, "project", "set", id, "status", NULL);
  assert_failed (fixture, EXIT_USAGE, NULL);
}

static void
test_measure_create (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    FbValueType  value_type;
    const char  *chart_type;
  } types[] = {
    { FB_VALUE_TYPE_PROPORTION, "p" },
    { FB_VALUE_TYPE_RATE, "u" },
    { FB_VALUE_TYPE_COUNT, "c" },
    { FB_VALUE_TYPE_CONTINUOUS, "run" },
  };
  g_autofree char *project_id = NULL;
  g_autofree char *other_id = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  project_id = create_project (fixture, "Riktig legemiddelliste");
  other_id = create_project (fixture, "Et annet prosjekt");

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *name = g_strdup_printf ("Målet %s", value_type_names[types[i].value_type]);

      g_ptr_array_add (ids, create_measure (fixture, project_id, name, types[i].value_type));
    }

  run (fixture, "measure", "create", "--project", project_id, "--name", "x",
       "--value-type", "percentage", NULL);
  assert_failed (fixture, EXIT_USAGE, "value_type");
  run (fixture, "measure", "create", "--project", project_id, "--name", "x",
       "--value-type", "rate", "--multiplier", "many", NULL);
  assert_failed (fixture, EXIT_USAGE, "rate_multiplier");
  run (fixture, "measure", "create", "--project", project_id, "--name", "x", NULL);
  assert_failed (fixture, EXIT_USAGE, "--value-type");
  run (fixture, "measure", "create", "--project", "00000000-0000-4000-8000-000000000000",
       "--name", "x", "--value-type", "count", NULL);
  assert_failed (fixture, EXIT_FAILED, "00000000-0000-4000-8000-000000000000");
  /* A rate without its multiplier is a usage error that names the option. */
  run (fixture, "measure", "create", "--project", project_id, "--name", "x",
       "--value-type", "rate", NULL);
  assert_failed (fixture, EXIT_USAGE, "--multiplier");

  run (fixture, "--json", "measure", "list", "--project", project_id, NULL);
  assert_ok (fixture);
  node = parse_json (fixture->out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      JsonObject *measure = NULL;
      const char *value_type = value_type_names[types[i].value_type];
      g_autofree char *name = g_strdup_printf ("Målet %s", value_type);

      for (guint j = 0; j < json_array_get_length (array); j++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, j),
                                                      "id"), ids->pdata[i]) == 0)
          measure = json_array_get_object_element (array, j);

      g_assert_nonnull (measure);
      g_assert_cmpstr (json_object_get_string_member (measure, "name"), ==, name);
      g_assert_cmpstr (json_object_get_string_member (measure, "project_id"), ==, project_id);
      g_assert_cmpstr (json_object_get_string_member (measure, "value_type"), ==, value_type);
      g_assert_cmpstr (json_object_get_string_member (measure, "chart_type"), ==,
                       types[i].chart_type);
      if (types[i].value_type == FB_VALUE_TYPE_RATE)
        g_assert_cmpfloat (json_object_get_double_member (measure, "rate_multiplier"), ==, 1000);
      else
        g_assert_true (json_object_get_null_member (measure, "rate_multiplier"));
    }

  run (fixture, "measure", "list", "--project", project_id, NULL);
  assert_ok (fixture);
  g_assert_cmpuint (count_lines (fixture->out), ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < ids->len; i++)
    assert_contains (fixture->out, ids->pdata[i]);

  /* Another project's list holds none of them. */
  run (fixture, "--json", "measure", "list", "--project", other_id, NULL);
  assert_ok (fixture);
  g_clear_pointer (&node, json_node_unref);
  node = parse_json (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);

  run (fixture, "measure", "list", NULL);
  assert_failed (fixture, EXIT_USAGE, "--project");
}

static void
test_data_samples (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *project_id = create_project (fixture, "Alle eksempelseriene");
  g_autofree char *measures_dir = demo_path ("measures", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;

  /* Every sample on disk is in the table, so none escapes this test. */
  dir = g_dir_open (measures_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    {
      gboolean known = FALSE;

      if (!g_str_has_suffix (name, ".csv"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
        known |= g_str_equal (samples[i].file, name);
      if (!known)
        g_error ("%s is not in this test's table of samples", name);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (samples));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      g_autofree char *path = demo_path ("measures", sample->file, NULL);
      g_autofree char *export_path = g_build_filename (fixture->dir, sample->file, NULL);
      g_autofree char *measure_id = create_measure (fixture, project_id, sample->file,
                                                    sample->value_type);
      g_autofree char *expected = NULL;
      g_autofree char *exported = NULL;
      g_autofree char *written = NULL;
      g_autoptr(GArray) original = parse_csv_file (path, sample->value_type);
      g_autoptr(GArray) round_trip = NULL;

      g_assert_cmpuint (original->len, ==, sample->n_rows);

      run (fixture, "data", "import", "--measure", measure_id, path, NULL);
      assert_ok (fixture);
      expected = g_strdup_printf ("%u rows read: %u added, 0 updated, 0 unchanged.\n",
                                  sample->n_rows, sample->n_rows);
      g_assert_cmpstr (fixture->out, ==, expected);

      exported = export_data (fixture, measure_id);
      round_trip = parse_csv_text (exported, sample->value_type);
      assert_rows_equal (original, round_trip);

      /* Export to a file writes the same text. */
      run (fixture, "data", "export", "--measure", measure_id, export_path, NULL);
      assert_ok (fixture);
      g_assert_cmpstr (fixture->out, ==, "");
      g_file_get_contents (export_path, &written, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (written, ==, exported);

      /* Importing the export again changes nothing. */
      run (fixture, "data", "import", "--measure", measure_id, export_path, NULL);
      assert_ok (fixture);
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("%u rows read: 0 added, 0 updated, %u unchanged.\n",
                                  sample->n_rows, sample->n_rows);
      g_assert_cmpstr (fixture->out, ==, expected);
    }

  run (fixture, "--json", "measure", "list", "--project", project_id, NULL);
  assert_ok (fixture);
  {
    g_autoptr(JsonNode) node = parse_json (fixture->out);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==,
                      G_N_ELEMENTS (samples));
  }

  run (fixture, "check", NULL);
  assert_ok (fixture);
}

static void
test_data_variants (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char  *variant;
    const char  *same_as;
    FbValueType  value_type;
    guint        n_rows;
  } variants[] = {
    { "ok_bom_crlf.csv", "hand_hygiene_compliance.csv", FB_VALUE_TYPE_PROPORTION, 31 },
    { "ok_semicolon_decimal_comma.csv", "door_to_needle_minutes.csv", FB_VALUE_TYPE_CONTINUOUS,
      45 },
  };
  g_autofree char *project_id = create_project (fixture, "Varianter");

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *path = bad_path (variants[i].variant);
      g_autofree char *reference_path = demo_path ("measures", variants[i].same_as, NULL);
      g_autofree char *measure_id = create_measure (fixture, project_id, variants[i].variant,
                                                    variants[i].value_type);
      g_autoptr(GArray) reference = parse_csv_file (reference_path, variants[i].value_type);
      g_autoptr(GArray) exported = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *text = NULL;

      run (fixture, "data", "import", "--measure", measure_id, path, NULL);
      assert_ok (fixture);
      expected = g_strdup_printf ("%u rows read: %u added, 0 updated, 0 unchanged.\n",
                                  variants[i].n_rows, variants[i].n_rows);
      g_assert_cmpstr (fixture->out, ==, expected);

      text = export_data (fixture, measure_id);
      exported = parse_csv_text (text, variants[i].value_type);
      assert_rows_equal (reference, exported);

      /* The canonical file is the same data: nothing changes. */
      run (fixture, "data", "import", "--measure", measure_id, reference_path, NULL);
      assert_ok (fixture);
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("%u rows read: 0 added, 0 updated, %u unchanged.\n",
                                  variants[i].n_rows, variants[i].n_rows);
      g_assert_cmpstr (fixture->out, ==, expected);
    }
}

/* Daily rows over the years the bad files cover, with values none of them
 * has: an import that wrote even one row would show in the export. */
static char *
write_existing_data (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "existing.csv", NULL);
  g_autoptr(GString) text = g_string_new ("date,value,denominator,note\n");
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2023);
  while (g_date_get_year (&date) < 2027)
    {
      g_string_append_printf (text, "%04u-%02u-%02u,1,1000,Før importen\n",
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
      g_date_add_days (&date, 1);
    }

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
assert_rejected_unchanged (Fixture     *fixture,
                           const char  *measure_id,
                           const char  *path,
                           const char  *where,
                           const char  *what)
{
  g_autofree char *before = export_data (fixture, measure_id);
  g_autofree char *after = NULL;
  gint64 outbox = outbox_size (fixture);

  run (fixture, "data", "import", "--measure", measure_id, path, NULL);
  assert_failed (fixture, EXIT_FAILED, path);
  if (where != NULL)
    assert_names_line (fixture->err, where);
  if (what != NULL)
    assert_contains (fixture->err, what);

  after = export_data (fixture, measure_id);
  g_assert_true (g_str_equal (after, before));
  g_assert_cmpint (outbox_size (fixture), ==, outbox);
}

static void
test_data_bad_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *project_id = create_project (fixture, "Dårlige filer");
  g_autofree char *existing = write_existing_data (fixture);
  char *measure_ids[FB_VALUE_TYPE_CONTINUOUS + 1] = { NULL, };
  g_autofree char *bad_dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  /* Every problem file on disk is in the table. junk_10mb.csv may be there
   * when make_samples.py wrote it; the junk test makes its own. */
  dir = g_dir_open (bad_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    {
      gboolean known = FALSE;

      if (g_str_has_prefix (name, "ok_") || g_str_equal (name, "junk_10mb.csv"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        known |= g_str_equal (bad_files[i].file, name);
      if (!known)
        g_error ("%s is not in this test's table of bad files", name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      FbValueType value_type = bad_files[i].value_type;
      g_autofree char *path = bad_path (bad_files[i].file);

      if (measure_ids[value_type] == NULL)
        {
          measure_ids[value_type] = create_measure (fixture, project_id, "Med data", value_type);
          run (fixture, "data", "import", "--measure", measure_ids[value_type], existing, NULL);
          assert_ok (fixture);
          assert_contains (fixture->out, "1461 rows read: 1461 added");
        }

      g_test_message ("%s into a %s measure", bad_files[i].file, value_type_names[value_type]);
      assert_rejected_unchanged (fixture, measure_ids[value_type], path, bad_files[i].where,
                                 bad_files[i].what);
    }

  /* The numerator check needs the measure's value type: in a rate, 40
   * events in 37 bed days is fine. */
  {
    g_autofree char *path = bad_path ("numerator_exceeds_denominator.csv");
    g_autofree char *rate_id = create_measure (fixture, project_id, "Rate", FB_VALUE_TYPE_RATE);

    run (fixture, "data", "import", "--measure", rate_id, path, NULL);
    assert_ok (fixture);
  }

  /* So does a missing denominator. */
  {
    g_autofree char *path = bad_path ("ok_semicolon_decimal_comma.csv");
    g_autofree char *proportion_id = create_measure (fixture, project_id, "Andel",
                                                     FB_VALUE_TYPE_PROPORTION);

    assert_rejected_unchanged (fixture, proportion_id, path, "Line 2", "denominator");
  }

  run (fixture, "data", "import", "--measure", "00000000-0000-4000-8000-000000000000", existing,
       NULL);
  assert_failed (fixture, EXIT_FAILED, "00000000-0000-4000-8000-000000000000");
  run (fixture, "data", "export", "--measure", "00000000-0000-4000-8000-000000000000", NULL);
  assert_failed (fixture, EXIT_FAILED, "00000000-0000-4000-8000-000000000000");
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);

    assert_rejected_unchanged (fixture, measure_ids[FB_VALUE_TYPE_RATE], missing, NULL,
                               NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (measure_ids); i++)
    g_free (measure_ids[i]);

  run (fixture, "check", NULL);
  assert_ok (fixture);
}

static char *
write_junk_file (Fixture *fixture)
{
  static const char header[] = "date,value,denominator,note\n";
  g_autofree char *path = g_build_filename (fixture->dir, "junk_10mb.csv", NULL);
  g_autofree guint8 *bytes = g_malloc (JUNK_SIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  memcpy (bytes, header, sizeof header - 1);
  for (gsize i = sizeof header - 1; i < JUNK_SIZE; i += 4)
    {
      guint32 r = g_rand_int (rand);

      memcpy (bytes + i, &r, MIN (4, JUNK_SIZE - i));
    }

  g_file_set_contents (path, (const char *)bytes, JUNK_SIZE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_data_junk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *project_id = create_project (fixture, "Søppel");
  g_autofree char *existing = write_existing_data (fixture);
  g_autofree char *measure_id = create_measure (fixture, project_id, "Andel",
                                                FB_VALUE_TYPE_PROPORTION);
  g_autofree char *junk = write_junk_file (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;
  gint64 start, elapsed;

  g_assert_cmpint (g_stat (junk, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, JUNK_SIZE);

  run (fixture, "data", "import", "--measure", measure_id, existing, NULL);
  assert_ok (fixture);
  before = export_data (fixture, measure_id);

  start = g_get_monotonic_time ();
  run (fixture, "data", "import", "--measure", measure_id, junk, NULL);
  elapsed = g_get_monotonic_time () - start;

  assert_failed (fixture, EXIT_FAILED, junk);
  g_test_message ("10 MiB of junk rejected in %.1f ms: %s", elapsed / 1000.0, fixture->err);
  /* Whether the parser stops at the first bad byte or at a size limit, it
   * must not chew on the whole file for long. The parser alone takes a few
   * ms; the bound leaves room for a loaded machine or valgrind. */
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);

  after = export_data (fixture, measure_id);
  g_assert_true (g_str_equal (after, before));
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  /* A database that does not exist yet is created empty, and is sound. */
  run (fixture, "check", NULL);
  assert_ok (fixture);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  load_demo (fixture);

  run (fixture, "check", NULL);
  assert_ok (fixture);
  assert_contains (fixture->out,
                   "The database is sound: 15 projects, 21 measures, 920 data points, ");

  run (fixture, "--json", "check", NULL);
  assert_ok (fixture);
  node = parse_json (fixture->out);
  object = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (object, "ok"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "problems")),
                    ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "outbox"), >, 0);

  run (fixture, "check", "extra", NULL);
  assert_failed (fixture, EXIT_USAGE, NULL);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *commands[][5] = {
    { "frobnicate", NULL },
    { "project", NULL },
    { "project", "frobnicate", NULL },
    { "project", "list", "--bogus", NULL },
    { "demo", NULL },
    { "measure", NULL },
    { "measure", "create", "--name", "x", NULL },
    { "data", NULL },
    { "data", "import", "file.csv", NULL },
    { "data", "import", "--measure", "x", NULL },
    { "data", "export", NULL },
  };

  static const char *no_command[] = { NULL };

  /* No command: the help on stderr, and the exit code of a usage error. */
  run_argv (fixture, no_command);
  assert_status (fixture, EXIT_USAGE);
  assert_contains (fixture->err, "Usage: forbedring-cli");
  g_assert_cmpstr (fixture->out, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_argv (fixture, commands[i]);
      assert_failed (fixture, EXIT_USAGE, "forbedring-cli --help");
    }

  run (fixture, "frobnicate", NULL);
  assert_contains (fixture->err, "frobnicate");

  run (fixture, "--help", NULL);
  assert_ok (fixture);
  assert_contains (fixture->out, "Usage: forbedring-cli");
  run (fixture, "project", "list", "--help", NULL);
  assert_ok (fixture);

  /* None of these opened, let alone created, the database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  /* --db without a path (run () puts its own first). */
  {
    const char *argv[] = { cli_path (), "--db", NULL };
    g_autofree char *err = NULL;
    int wait_status;
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                  &wait_status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (exit_status (wait_status), ==, EXIT_USAGE);
    assert_contains (err, "--db");
  }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *commands[][5] = {
    { "project", "list", NULL },
    { "check", NULL },
    { "demo", "load", NULL },
    { "data", "export", "--measure", "00000000-0000-4000-8000-000000000000", NULL },
  };
  g_autoptr(GBytes) before = NULL;
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);

  exec_sql (fixture->db, "PRAGMA user_version = 99;");
  before = read_bytes (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GBytes) after = NULL;

      run_argv (fixture, commands[i]);
      assert_failed (fixture, EXIT_FAILED, "newer version");
      assert_contains (fixture->err, "99");

      after = read_bytes (fixture->db);
      g_assert_true (g_bytes_equal (after, before));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* Another program's database, and a file that is no database at all. */
  exec_sql (fixture->db, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
  before = read_bytes (fixture->db);
  run (fixture, "demo", "load", NULL);
  assert_failed (fixture, EXIT_FAILED, "not of Forbedring");
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (after, before));

  g_assert_true (g_file_set_contents (fixture->db, "date,value\n", -1, NULL));
  run (fixture, "project", "list", NULL);
  assert_failed (fixture, EXIT_FAILED, NULL);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (fixture->db);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   "date,value\n", strlen ("date,value\n"));
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!g_file_test (cli_path (), G_FILE_TEST_IS_EXECUTABLE))
    g_error ("forbedring-cli not found at %s (set FB_CLI)", cli_path ());

  ADD_TEST ("/cli/demo/builtin", test_demo_builtin);
  ADD_TEST ("/cli/demo/file", test_demo_file);
  ADD_TEST ("/cli/project/list", test_project_list);
  ADD_TEST ("/cli/project/create", test_project_create);
  ADD_TEST ("/cli/project/set", test_project_set);
  ADD_TEST ("/cli/measure/create", test_measure_create);
  ADD_TEST ("/cli/data/samples", test_data_samples);
  ADD_TEST ("/cli/data/variants", test_data_variants);
  ADD_TEST ("/cli/data/bad-files", test_data_bad_files);
  ADD_TEST ("/cli/data/junk", test_data_junk);
  ADD_TEST ("/cli/check", test_check);
  ADD_TEST ("/cli/usage", test_usage);
  ADD_TEST ("/cli/database/newer", test_newer_database);
  ADD_TEST ("/cli/database/foreign", test_foreign_database);

  return g_test_run ();
}
