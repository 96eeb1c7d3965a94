/* test-model.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "forbedring-core.h"
#include "fb-test-records.h"


/* Records with every field set to a value other than its default, from
 * the shared fixtures; these take no arguments, for the table below. */

static FbRecord *
full_trust (void)
{
  return fb_test_make_trust (NULL, "Sykehuset i Vestfold HF");
}

/* The text form joins a list with ", " (see fb_record_dup_field_string()),
 * so for the text round trip no item may hold a comma of its own. */
/* Every field away from its default: a quota of 3, the second prize. */
static FbRecord *
full_prize_round (void)
{
  FbRecord *round = fb_test_make_prize_round ();

  fb_prize_round_set_quota_per_trust (FB_PRIZE_ROUND (round), 3);
  return round;
}

static FbRecord *
full_prize (void)
{
  FbRecord *prize = fb_test_make_prize ();

  fb_prize_set_rank (FB_PRIZE (prize), 2);
  return prize;
}

static FbRecord *
full_criterion (void)
{
  return fb_test_make_criterion (FB_TEST_CRITERION_ID_2);
}

/* A withdrawn nomination with an attachment. */
static FbRecord *
full_nomination (void)
{
  FbRecord *nomination = fb_test_make_nomination ();
  const char * const attachments[] = { "9d0e1f2a-3b4c-4d5e-8f6a-8b9c0d1e2f3a", NULL };

  fb_nomination_set_status (FB_NOMINATION (nomination), FB_NOMINATION_STATUS_WITHDRAWN);
  fb_nomination_set_withdrawn_at (FB_NOMINATION (nomination), "2026-09-25T09:00:00+02:00");
  fb_nomination_set_attachment_ids (FB_NOMINATION (nomination), attachments);
  return nomination;
}

/* A declared conflict: an empty list of values, as in the sample data. */
static FbRecord *
full_score (void)
{
  FbRecord *score = fb_test_make_score ();
  g_autoptr(JsonNode) empty = json_from_string ("[]", NULL);

  fb_score_set_values (FB_SCORE (score), empty);
  fb_score_set_conflict_declared (FB_SCORE (score), TRUE);
  fb_score_set_conflict_reason (FB_SCORE (score), "Har vært veileder for prosjektet.");
  return score;
}

static FbRecord *
full_project (void)
{
  const char * const others[] = {
    "Ola Hansen (fysioterapeut)", "Åse Berg \"bruker\"", NULL,
  };
  FbRecord *project = fb_test_make_project (FB_TEST_PROJECT_ID, "Færre fall på sengepost 3");

  fb_project_set_team_others (FB_PROJECT (project), others);

  return project;
}

static FbRecord *
full_measure (void)
{
  return fb_test_make_measure (FB_TEST_MEASURE_ID, FB_TEST_PROJECT_ID, FB_VALUE_TYPE_RATE);
}

static FbRecord *
full_data_point (void)
{
  return fb_test_make_data_point ("2025-03-01");
}
typedef struct
{
  const char          *entity;
  GType              (*get_type)  (void);
  FbRecord          *(*make_full) (void);
  const char * const  *columns;
} ModelCase;

static const ModelCase model_cases[] = {
  {
    "trust", fb_trust_get_type, full_trust,
    (const char * const[]) { "name", "short_name", "kind", "region_id", NULL },
  },
  {
    "user", fb_user_get_type, fb_test_make_user,
    (const char * const[]) { "name", "email", "trust_id", "roles", "description", NULL },
  },
  {
    "project", fb_project_get_type, full_project,
    (const char * const[]) {
      "title", "trust_id", "department", "focus_area", "status", "start_date", "end_date",
      "problem", "aim_statement", "aim_what", "aim_how_much", "aim_by_when", "team_member_ids",
      "team_others", "patient_involvement", "visibility", "archived", NULL,
    },
  },
  {
    "measure", fb_measure_get_type, full_measure,
    (const char * const[]) {
      "project_id", "name", "definition", "kind", "value_type", "unit", "rate_multiplier",
      "improvement_direction", "target", "chart_type", "frequency", "baseline_points",
      "phase_starts", "data_source", NULL,
    },
  },
  {
    "data_point", fb_data_point_get_type, full_data_point,
    (const char * const[]) {
      "measure_id", "period", "value", "denominator", "note", "excluded", "exclude_reason", NULL,
    },
  },
  {
    "pdsa_cycle", fb_pdsa_cycle_get_type, fb_test_make_pdsa_cycle,
    (const char * const[]) {
      "project_id", "number", "title", "change_idea", "phase", "start_date", "end_date",
      "measure_ids", "plan_objective", "plan_questions", "plan_prediction", "plan_who",
      "plan_what", "plan_where", "plan_when", "plan_data_to_collect", "do_what_happened",
      "do_observations", "do_problems", "study_results", "study_learning", "act_decision",
      "act_next_steps", NULL,
    },
  },
  {
    "attachment", fb_attachment_get_type, fb_test_make_attachment,
    (const char * const[]) {
      "owner_entity", "owner_id", "file_name", "media_type", "size", "sha256", "measure_id",
      "analysis", NULL,
    },
  },
  {
    "prize_round", fb_prize_round_get_type, full_prize_round,
    (const char * const[]) {
      "name", "year", "region_id", "status", "nomination_opens", "nomination_closes",
      "scoring_closes", "award_date", "award_event", "quota_per_trust", "currency",
      "panel_member_ids", "organiser_ids", NULL,
    },
  },
  {
    "prize", fb_prize_get_type, full_prize,
    (const char * const[]) { "round_id", "rank", "title", "amount", NULL },
  },
  {
    "criterion", fb_criterion_get_type, full_criterion,
    (const char * const[]) {
      "round_id", "position", "name", "description", "weight", "scale_min", "scale_max", NULL,
    },
  },
  {
    "nomination", fb_nomination_get_type, full_nomination,
    (const char * const[]) {
      "round_id", "project_id", "trust_id", "nominated_by", "status", "submitted_at",
      "withdrawn_at", "sections_problem", "sections_what_was_done", "sections_results",
      "sections_benefit_for_patients", "sections_user_involvement", "sections_transferability",
      "sections_sustainability", "result_measure_ids", "attachment_ids", "snapshot", NULL,
    },
  },
  {
    "score", fb_score_get_type, full_score,
    (const char * const[]) {
      "round_id", "nomination_id", "panel_member_id", "conflict_declared", "conflict_reason",
      "values", "comment", "final", NULL,
    },
  },
  {
    "award", fb_award_get_type, fb_test_make_award,
    (const char * const[]) {
      "round_id", "prize_id", "nomination_id", "assigned_by", "assigned_at", NULL,
    },
  },
};

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer)pspec->name);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
assert_records_equal (FbRecord *a,
                      FbRecord *b)
{
  g_autoptr(JsonNode) node_a = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) node_b = json_node_new (JSON_NODE_OBJECT);
  GParamSpec **fields;
  guint n_fields;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (a), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!fb_record_field_equal (a, b, fields[i]))
        g_error ("Field “%s” differs", fields[i]->name);
    }

  json_node_take_object (node_a, fb_record_to_json (a));
  json_node_take_object (node_b, fb_record_to_json (b));
  g_assert_true (json_node_equal (node_a, node_b));
}

static void
test_model_fields (gconstpointer data)
{
  const ModelCase *mc = data;
  g_autoptr(FbRecord) full = mc->make_full ();
  g_autoptr(FbRecord) fresh = fb_record_new (mc->get_type (), NULL);
  GParamSpec **fields;
  guint n_fields;

  g_assert_cmpstr (fb_record_get_entity (full), ==, mc->entity);
  g_assert_true (fb_uuid_is_valid (fb_record_get_id (fresh)));

  /* The install order is the column order. */
  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (full), &n_fields);
  g_assert_cmpuint (n_fields, ==, g_strv_length ((char **)mc->columns));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = fb_record_field_to_column (fields[i]);
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_cmpstr (column, ==, mc->columns[i]);
      g_assert_true (fb_record_class_find_field (FB_RECORD_GET_CLASS (full), column) == fields[i]);
      g_assert_true (fields[i]->flags & G_PARAM_EXPLICIT_NOTIFY);

      /* A new record holds the defaults, and the full one differs in every
       * field, so the other tests cover them all. */
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_object_get_property (G_OBJECT (fresh), fields[i]->name, &value);
      if (!g_param_value_defaults (fields[i], &value))
        g_error ("Field “%s” does not start at its default", fields[i]->name);
      if (fb_record_field_equal (full, fresh, fields[i]))
        g_error ("The full %s leaves “%s” at its default", mc->entity, fields[i]->name);
    }

  g_assert_true (fb_record_validate (full, NULL));

  g_assert_finalize_object (g_steal_pointer (&full));
  g_assert_finalize_object (g_steal_pointer (&fresh));
}

static void
test_model_notify (gconstpointer data)
{
  const ModelCase *mc = data;
  g_autoptr(FbRecord) full = mc->make_full ();
  g_autoptr(FbRecord) record = fb_record_new (mc->get_type (), NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GParamSpec **fields;
  guint n_fields;

  g_signal_connect (record, "notify", G_CALLBACK (notify_cb), names);

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (full), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) same = G_VALUE_INIT;
      g_auto(GValue) reset = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_value_init (&same, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_value_init (&reset, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_object_get_property (G_OBJECT (full), fields[i]->name, &value);
      g_value_copy (&value, &same);
      g_param_value_set_default (fields[i], &reset);

      g_ptr_array_set_size (names, 0);

      /* A change notifies once, and only this property. */
      g_object_set_property (G_OBJECT (record), fields[i]->name, &value);
      g_assert_cmpuint (names->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (names, 0), ==, fields[i]->name);

      /* An equal value, even a copy, does not. */
      g_object_set_property (G_OBJECT (record), fields[i]->name, &same);
      g_object_set_property (G_OBJECT (record), fields[i]->name, &value);
      g_assert_cmpuint (names->len, ==, 1);
      g_assert_true (fb_record_field_equal (full, record, fields[i]));

      /* Back to the default (NULL, NAN, 0…) notifies once more. */
      g_object_set_property (G_OBJECT (record), fields[i]->name, &reset);
      g_object_set_property (G_OBJECT (record), fields[i]->name, &reset);
      g_assert_cmpuint (names->len, ==, 2);
    }

  g_assert_finalize_object (g_steal_pointer (&record));
  g_assert_finalize_object (g_steal_pointer (&full));
}

static void
test_model_json (gconstpointer data)
{
  const ModelCase *mc = data;
  g_autoptr(FbRecord) full = mc->make_full ();
  g_autoptr(FbRecord) by_field = NULL;
  g_autoptr(FbRecord) by_object = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  GParamSpec **fields;
  guint n_fields;

  fb_record_set_rev (full, 42);
  fb_record_set_updated_at (full, "2026-03-01T10:15:00.000Z");

  by_field = fb_record_new (mc->get_type (), fb_record_get_id (full));
  by_object = fb_record_new (mc->get_type (), fb_record_get_id (full));
  fb_record_set_rev (by_object, 42);
  fb_record_set_updated_at (by_object, "2026-03-01T10:15:00.000Z");

  /* Through text, as the sync protocol carries it. */
  object = fb_record_to_json (full);
  node = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (node, FALSE);
  parsed = json_from_string (text, NULL);
  g_assert_nonnull (parsed);
  g_assert_true (json_node_equal (node, parsed));

  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (full), &n_fields);
  g_assert_cmpuint (json_object_get_size (object), ==, n_fields + 4);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, fb_record_get_id (full));
  g_assert_cmpint (json_object_get_int_member (object, "rev"), ==, 42);
  g_assert_false (json_object_get_boolean_member (object, "deleted"));

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) field = fb_record_dup_field_json (full, fields[i]);
      g_autofree char *column = fb_record_field_to_column (fields[i]);
      JsonNode *member;

      g_assert_cmpstr (column, ==, mc->columns[i]);
      g_assert_true (fb_record_set_field_json (by_field, fields[i], field, &error));
      g_assert_no_error (error);
      g_assert_true (fb_record_field_equal (full, by_field, fields[i]));

      g_assert_true (json_object_has_member (json_node_get_object (parsed), column));
      member = json_object_get_member (json_node_get_object (parsed), column);
      g_assert_true (json_node_equal (member, field));
      g_assert_true (fb_record_set_field_json (by_object, fields[i], member, &error));
      g_assert_no_error (error);
    }

  assert_records_equal (full, by_object);
  g_assert_cmpint (fb_record_get_rev (by_field), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&full));
  g_assert_finalize_object (g_steal_pointer (&by_field));
  g_assert_finalize_object (g_steal_pointer (&by_object));
}

static void
test_model_string (gconstpointer data)
{
  const ModelCase *mc = data;
  g_autoptr(FbRecord) full = mc->make_full ();
  g_autoptr(FbRecord) record = fb_record_new (mc->get_type (), fb_record_get_id (full));
  GParamSpec **fields;
  guint n_fields;

  /* What a person or script reads can be typed back. */
  fields = fb_record_class_list_fields (FB_RECORD_GET_CLASS (full), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = fb_record_dup_field_string (full, fields[i]);

      g_assert_true (fb_record_set_field_from_string (record, mc->columns[i], text, &error));
      g_assert_no_error (error);
      if (!fb_record_field_equal (full, record, fields[i]))
        g_error ("“%s” = “%s” did not survive as text", mc->columns[i], text);
    }

  assert_records_equal (full, record);

  g_assert_finalize_object (g_steal_pointer (&full));
  g_assert_finalize_object (g_steal_pointer (&record));
}

static void
test_model_copy (gconstpointer data)
{
  const ModelCase *mc = data;
  g_autoptr(FbRecord) full = mc->make_full ();
  g_autoptr(FbRecord) copy = NULL;
  g_autoptr(FbRecord) empty = fb_record_new (mc->get_type (), NULL);
  g_autoptr(FbRecord) empty_copy = NULL;

  fb_record_set_rev (full, 7);
  fb_record_set_updated_at (full, "2026-01-02T03:04:05.000Z");
  fb_record_set_deleted (full, TRUE);

  copy = fb_record_copy (full);
  g_assert_true (copy != full);
  g_assert_cmpstr (fb_record_get_id (copy), ==, fb_record_get_id (full));
  g_assert_cmpint (fb_record_get_rev (copy), ==, 7);
  g_assert_true (fb_record_get_deleted (copy));
  assert_records_equal (full, copy);

  empty_copy = fb_record_copy (empty);
  assert_records_equal (empty, empty_copy);

  g_assert_finalize_object (g_steal_pointer (&full));
  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&empty));
  g_assert_finalize_object (g_steal_pointer (&empty_copy));
}

typedef struct
{
  const char *entity;
  const char *field;
  const char *text;
} BadCase;

static const BadCase bad_cases[] = {
  { "trust", "name", "" },
  { "trust", "name", " \t\n" },
  { "user", "name", "" },
  { "user", "name", "   " },
  { "user", "email", "kari.nordmann.example.no" },
  { "user", "email", "kari@" },
  { "user", "email", "@example.no" },
  { "user", "email", "kari@nordmann@example.no" },
  { "user", "email", "kari nordmann@example.no" },
  { "project", "title", "" },
  { "project", "title", "  \t " },
  { "project", "trust_id", "" },
  { "project", "start_date", "2024-02-30" },
  { "project", "start_date", "1. mars 2024" },
  { "project", "end_date", "2026-13-01" },
  { "project", "end_date", "2024-02-29" },
  { "project", "aim_by_when", "neste år" },
  { "measure", "name", "" },
  { "measure", "project_id", "" },
  { "measure", "rate_multiplier", "" },
  { "measure", "rate_multiplier", "0" },
  { "measure", "rate_multiplier", "-1000" },
  { "measure", "phase_starts", "2024-06-01, 2023-02-29" },
  { "data_point", "measure_id", "" },
  { "data_point", "period", "" },
  { "data_point", "period", "2025-02-29" },
  { "data_point", "period", "2025-3-1" },
  { "data_point", "denominator", "0" },
  { "data_point", "denominator", "-37" },
  { "pdsa_cycle", "project_id", "" },
  { "pdsa_cycle", "title", "" },
  { "pdsa_cycle", "start_date", "2024-06-31" },
  { "pdsa_cycle", "end_date", "snart" },
  { "pdsa_cycle", "end_date", "2024-06-02" },
  { "attachment", "owner_entity", "" },
  { "attachment", "owner_entity", "trust" },
  { "attachment", "owner_id", "" },
  { "attachment", "file_name", "" },
  { "attachment", "file_name", "../../etc/passwd" },
  { "attachment", "file_name", ".." },
  { "attachment", "sha256", "" },
  { "attachment", "sha256", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08" },
  { "attachment", "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0" },
  { "attachment", "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g" },
  { "attachment", "analysis", "{\"chart_type\": " },
  { "prize_round", "name", " " },
  { "prize_round", "year", "1850" },
  { "prize_round", "nomination_opens", "2026-08-17" },
  { "prize_round", "nomination_closes", "1. oktober" },
  { "prize_round", "nomination_closes", "2026-10-01T23:59:59" },
  { "prize_round", "nomination_closes", "2026-08-17T08:00:00+02:00" },
  { "prize_round", "scoring_closes", "2026-10-01T21:59:59Z" },
  { "prize_round", "scoring_closes", "" },
  { "prize_round", "award_date", "2026-12-32" },
  { "prize_round", "quota_per_trust", "0" },
  { "prize_round", "currency", "kr" },
  { "prize_round", "panel_member_ids", FB_TEST_USER_ID ", " FB_TEST_USER_ID },
  { "prize", "round_id", "" },
  { "prize", "rank", "0" },
  { "prize", "title", "" },
  { "prize", "amount", "-1" },
  { "criterion", "round_id", "" },
  { "criterion", "position", "0" },
  { "criterion", "name", "" },
  { "criterion", "weight", "0" },
  { "criterion", "weight", "-30" },
  { "criterion", "scale_min", "10" },
  { "criterion", "scale_max", "-1" },
  { "nomination", "round_id", "" },
  { "nomination", "project_id", "" },
  { "nomination", "trust_id", "" },
  { "nomination", "withdrawn_at", "" },
  { "nomination", "submitted_at", "i går" },
  { "nomination", "snapshot", "[1, 2]" },
  { "score", "nomination_id", "" },
  { "score", "panel_member_id", "" },
  { "score", "conflict_reason", " " },
  { "score", "values", "{}" },
  { "score", "values", "[{\"criterion_id\": \"a\"}]" },
  { "score", "values", "[{\"criterion_id\": \"a\", \"value\": 4.5}]" },
  { "score", "values", "[{\"criterion_id\": \"a\", \"value\": 4}, "
                       "{\"criterion_id\": \"a\", \"value\": 5}]" },
  { "score", "values", "[{\"criterion_id\": \"a\", \"value\": 4}]" },
  { "award", "prize_id", "" },
  { "award", "nomination_id", "" },
  { "award", "assigned_at", "snart" },
};

static const ModelCase *
find_case (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    {
      if (g_str_equal (model_cases[i].entity, entity))
        return &model_cases[i];
    }

  g_assert_not_reached ();
}

static void
assert_invalid (FbRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fb_record_validate (record, &error));
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", fb_record_get_entity (record), error->message);
}

static void
test_model_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bc = &bad_cases[i];
      g_autoptr(FbRecord) record = find_case (bc->entity)->make_full ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s.%s = “%s”", bc->entity, bc->field, bc->text);
      g_assert_true (fb_record_validate (record, NULL));
      g_assert_true (fb_record_set_field_from_string (record, bc->field, bc->text, &error));
      g_assert_no_error (error);
      assert_invalid (record);
      g_assert_finalize_object (g_steal_pointer (&record));
    }
}

static void
test_model_validate_typed (void)
{
  g_autoptr(FbRecord) project = full_project ();
  g_autoptr(FbRecord) measure = full_measure ();
  g_autoptr(FbRecord) point = full_data_point ();
  g_autoptr(FbRecord) cycle = fb_test_make_pdsa_cycle ();
  g_autoptr(FbRecord) attachment = fb_test_make_attachment ();
  g_autoptr(FbRecord) user = fb_test_make_user ();
  g_autoptr(GString) title = g_string_new (NULL);

  /* The title limit counts characters, not bytes: 300 "ø" are 600 bytes. */
  for (guint i = 0; i < 300; i++)
    g_string_append (title, "ø");
  fb_project_set_title (FB_PROJECT (project), title->str);
  g_assert_true (fb_record_validate (project, NULL));
  g_string_append (title, "x");
  fb_project_set_title (FB_PROJECT (project), title->str);
  assert_invalid (project);

  /* The end may be the start day, and may be missing. */
  fb_project_set_title (FB_PROJECT (project), "Færre fall");
  fb_project_set_end_date (FB_PROJECT (project), "2024-03-01");
  g_assert_true (fb_record_validate (project, NULL));
  fb_project_set_end_date (FB_PROJECT (project), NULL);
  fb_project_set_aim_by_when (FB_PROJECT (project), NULL);
  g_assert_true (fb_record_validate (project, NULL));

  fb_measure_set_target (FB_MEASURE (measure), INFINITY);
  assert_invalid (measure);
  fb_measure_set_target (FB_MEASURE (measure), NAN);
  g_assert_true (fb_record_validate (measure, NULL));
  fb_measure_set_rate_multiplier (FB_MEASURE (measure), NAN);
  assert_invalid (measure);
  fb_measure_set_value_type (FB_MEASURE (measure), FB_VALUE_TYPE_COUNT);
  g_assert_true (fb_record_validate (measure, NULL));
  fb_measure_set_phase_starts (FB_MEASURE (measure), NULL);
  g_assert_true (fb_record_validate (measure, NULL));

  fb_data_point_set_value (FB_DATA_POINT (point), -INFINITY);
  assert_invalid (point);
  fb_data_point_set_value (FB_DATA_POINT (point), NAN);
  g_assert_true (fb_record_validate (point, NULL));
  fb_data_point_set_denominator (FB_DATA_POINT (point), INFINITY);
  assert_invalid (point);
  fb_data_point_set_denominator (FB_DATA_POINT (point), NAN);
  g_assert_true (fb_record_validate (point, NULL));

  fb_pdsa_cycle_set_number (FB_PDSA_CYCLE (cycle), 0);
  assert_invalid (cycle);
  fb_pdsa_cycle_set_number (FB_PDSA_CYCLE (cycle), 1);
  g_assert_true (fb_record_validate (cycle, NULL));

  fb_attachment_set_size (FB_ATTACHMENT (attachment), -1);
  assert_invalid (attachment);
  fb_attachment_set_size (FB_ATTACHMENT (attachment), 0);
  fb_attachment_set_measure_id (FB_ATTACHMENT (attachment), NULL);
  fb_attachment_set_analysis (FB_ATTACHMENT (attachment), NULL);
  fb_attachment_set_owner_entity (FB_ATTACHMENT (attachment), "project");
  g_assert_true (fb_record_validate (attachment, NULL));

  /* An email address is optional. */
  fb_user_set_email (FB_USER (user), NULL);
  g_assert_true (fb_record_validate (user, NULL));

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&measure));
  g_assert_finalize_object (g_steal_pointer (&point));
  g_assert_finalize_object (g_steal_pointer (&cycle));
  g_assert_finalize_object (g_steal_pointer (&attachment));
  g_assert_finalize_object (g_steal_pointer (&user));
}

static void
test_model_notify_typed (void)
{
  g_autoptr(FbProject) project = fb_project_new ("c0ffee");
  g_autoptr(FbMeasure) measure = fb_measure_new (NULL);
  g_autofree char *title = g_strdup ("Færre fall");
  g_auto(GStrv) ids = g_strsplit (FB_TEST_USER_ID "," FB_TEST_USER_ID_2, ",", -1);
  g_auto(GStrv) same_ids = g_strsplit (FB_TEST_USER_ID "," FB_TEST_USER_ID_2, ",", -1);
  const char * const no_ids[] = { NULL };
  guint title_count = 0;
  guint ids_count = 0;
  guint archived_count = 0;
  guint target_count = 0;
  guint status_count = 0;

  g_assert_cmpstr (fb_record_get_id (FB_RECORD (project)), ==, "c0ffee");

  g_signal_connect_swapped (project, "notify::title", G_CALLBACK (count_cb), &title_count);
  g_signal_connect_swapped (project, "notify::team-member-ids", G_CALLBACK (count_cb), &ids_count);
  g_signal_connect_swapped (project, "notify::archived", G_CALLBACK (count_cb), &archived_count);
  g_signal_connect_swapped (project, "notify::status", G_CALLBACK (count_cb), &status_count);
  g_signal_connect_swapped (measure, "notify::target", G_CALLBACK (count_cb), &target_count);

  fb_project_set_title (project, "Færre fall");
  fb_project_set_title (project, title);
  g_assert_cmpuint (title_count, ==, 1);
  fb_project_set_title (project, NULL);
  fb_project_set_title (project, NULL);
  g_assert_cmpuint (title_count, ==, 2);
  g_assert_null (fb_project_get_title (project));

  /* NULL and an empty list are the same list. */
  fb_project_set_team_member_ids (project, no_ids);
  g_assert_cmpuint (ids_count, ==, 0);
  fb_project_set_team_member_ids (project, (const char * const *)ids);
  fb_project_set_team_member_ids (project, (const char * const *)same_ids);
  fb_project_set_team_member_ids (project, fb_project_get_team_member_ids (project));
  g_assert_cmpuint (ids_count, ==, 1);
  g_assert_true (fb_project_get_team_member_ids (project) != (const char * const *)ids);
  g_assert_true (g_strv_equal ((const char * const *)ids,
                              fb_project_get_team_member_ids (project)));
  fb_project_set_team_member_ids (project, NULL);
  g_assert_cmpuint (ids_count, ==, 2);

  /* Any true value is TRUE. */
  fb_project_set_archived (project, TRUE);
  fb_project_set_archived (project, 2);
  g_assert_cmpuint (archived_count, ==, 1);
  g_assert_true (fb_project_get_archived (project) == TRUE);

  fb_project_set_status (project, FB_PROJECT_STATUS_PLANNING);
  g_assert_cmpuint (status_count, ==, 0);
  fb_project_set_status (project, FB_PROJECT_STATUS_COMPLETED);
  fb_project_set_status (project, FB_PROJECT_STATUS_COMPLETED);
  g_assert_cmpuint (status_count, ==, 1);

  /* NAN is "no value" and equals itself. */
  g_assert_true (isnan (fb_measure_get_target (measure)));
  fb_measure_set_target (measure, NAN);
  g_assert_cmpuint (target_count, ==, 0);
  fb_measure_set_target (measure, 0.9);
  fb_measure_set_target (measure, 0.9);
  g_assert_cmpuint (target_count, ==, 1);
  fb_measure_set_target (measure, NAN);
  fb_measure_set_target (measure, NAN);
  g_assert_cmpuint (target_count, ==, 2);
  g_object_set (measure, "target", NAN, NULL);
  g_assert_cmpuint (target_count, ==, 2);
  g_object_set (measure, "target", 0.0, NULL);
  g_assert_cmpuint (target_count, ==, 3);
  g_assert_cmpfloat (fb_measure_get_target (measure), ==, 0.0);

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&measure));
}

static void
test_model_defaults (void)
{
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbUser) user = fb_user_new (NULL);
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(FbMeasure) measure = fb_measure_new (NULL);
  g_autoptr(FbDataPoint) point = fb_data_point_new (NULL);
  g_autoptr(FbPdsaCycle) cycle = fb_pdsa_cycle_new (NULL);
  g_autoptr(FbAttachment) attachment = fb_attachment_new (NULL);

  g_assert_cmpstr (fb_record_get_id (FB_RECORD (trust)), !=, fb_record_get_id (FB_RECORD (user)));

  g_assert_null (fb_trust_get_name (trust));
  g_assert_cmpint (fb_trust_get_kind (trust), ==, FB_TRUST_KIND_HEALTH_TRUST);
  g_assert_cmpint (fb_user_get_roles (user), ==, FB_ROLE_NONE);

  g_assert_null (fb_project_get_title (project));
  g_assert_null (fb_project_get_team_member_ids (project));
  g_assert_cmpint (fb_project_get_focus_area (project), ==, FB_FOCUS_AREA_OTHER);
  g_assert_cmpint (fb_project_get_status (project), ==, FB_PROJECT_STATUS_PLANNING);
  g_assert_cmpint (fb_project_get_visibility (project), ==, FB_VISIBILITY_TEAM);
  g_assert_false (fb_project_get_archived (project));

  g_assert_cmpint (fb_measure_get_kind (measure), ==, FB_MEASURE_KIND_OUTCOME);
  g_assert_cmpint (fb_measure_get_value_type (measure), ==, FB_VALUE_TYPE_PROPORTION);
  g_assert_true (isnan (fb_measure_get_rate_multiplier (measure)));
  g_assert_cmpint (fb_measure_get_improvement_direction (measure), ==, FB_DIRECTION_UP);
  g_assert_true (isnan (fb_measure_get_target (measure)));
  g_assert_cmpint (fb_measure_get_chart_type (measure), ==, FB_CHART_TYPE_RUN);
  g_assert_cmpint (fb_measure_get_frequency (measure), ==, FB_FREQUENCY_MONTH);
  g_assert_cmpuint (fb_measure_get_baseline_points (measure), ==, 0);

  g_assert_true (isnan (fb_data_point_get_value (point)));
  g_assert_true (isnan (fb_data_point_get_denominator (point)));
  g_assert_false (fb_data_point_get_excluded (point));

  g_assert_cmpuint (fb_pdsa_cycle_get_number (cycle), ==, 1);
  g_assert_cmpint (fb_pdsa_cycle_get_phase (cycle), ==, FB_PDSA_PHASE_PLAN);
  g_assert_cmpint (fb_pdsa_cycle_get_act_decision (cycle), ==, FB_PDSA_DECISION_NONE);

  g_assert_cmpint (fb_attachment_get_size (attachment), ==, 0);
  g_assert_null (fb_attachment_get_sha256 (attachment));

  /* A new record is not ready to save until its required fields are set. */
  g_assert_false (fb_record_validate (FB_RECORD (trust), NULL));
  g_assert_false (fb_record_validate (FB_RECORD (user), NULL));
  g_assert_false (fb_record_validate (FB_RECORD (project), NULL));
  g_assert_false (fb_record_validate (FB_RECORD (measure), NULL));
  g_assert_false (fb_record_validate (FB_RECORD (point), NULL));
  g_assert_false (fb_record_validate (FB_RECORD (cycle), NULL));
  g_assert_false (fb_record_validate (FB_RECORD (attachment), NULL));

  g_assert_finalize_object (g_steal_pointer (&trust));
  g_assert_finalize_object (g_steal_pointer (&user));
  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&measure));
  g_assert_finalize_object (g_steal_pointer (&point));
  g_assert_finalize_object (g_steal_pointer (&cycle));
  g_assert_finalize_object (g_steal_pointer (&attachment));
}

static void
assert_unchanged_after_error (FbRecord   *record,
                              const char *field,
                              const char *text,
                              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) after = json_node_new (JSON_NODE_OBJECT);
  guint notified = 0;
  gulong handler;

  json_node_take_object (before, fb_record_to_json (record));
  handler = g_signal_connect_swapped (record, "notify", G_CALLBACK (count_cb), &notified);

  g_assert_false (fb_record_set_field_from_string (record, field, text, &error));
  g_assert_error (error, FB_RECORD_ERROR, code);
  g_test_message ("%s = “%s”: %s", field, text, error->message);

  g_signal_handler_disconnect (record, handler);
  json_node_take_object (after, fb_record_to_json (record));
  g_assert_true (json_node_equal (before, after));
  g_assert_cmpuint (notified, ==, 0);
}

static void
test_model_set_from_string (void)
{
  g_autoptr(FbRecord) project = full_project ();
  g_autoptr(FbRecord) measure = full_measure ();
  g_autoptr(FbRecord) user = fb_test_make_user ();
  g_autoptr(FbRecord) cycle = fb_test_make_pdsa_cycle ();
  g_autoptr(FbRecord) attachment = fb_test_make_attachment ();
  g_autoptr(FbRecord) point = full_data_point ();
  g_autoptr(GError) error = NULL;
  const char * const *list;

  assert_unchanged_after_error (project, "colour", "blue", FB_RECORD_ERROR_UNKNOWN_FIELD);
  assert_unchanged_after_error (project, "rev", "3", FB_RECORD_ERROR_UNKNOWN_FIELD);
  assert_unchanged_after_error (project, "id", FB_TEST_PROJECT_ID, FB_RECORD_ERROR_UNKNOWN_FIELD);
  assert_unchanged_after_error (measure, "target", "abc", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (measure, "target", "2,5", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (measure, "target", "inf", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (measure, "baseline_points", "twelve",
                                FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (measure, "chart_type", "pie", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (project, "focus_area", "fall", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (project, "archived", "maybe", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (user, "roles", "team,boss", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (cycle, "number", "0", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (cycle, "number", "-2", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (attachment, "size", "-1", FB_RECORD_ERROR_INVALID_VALUE);
  assert_unchanged_after_error (point, "value", "ca. 11", FB_RECORD_ERROR_INVALID_VALUE);

  /* Enums and flags by their nicks. */
  g_assert_true (fb_record_set_field_from_string (project, "focus_area",
                                                  "medication_reconciliation", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fb_project_get_focus_area (FB_PROJECT (project)), ==,
                   FB_FOCUS_AREA_MEDICATION_RECONCILIATION);
  g_assert_true (fb_record_set_field_from_string (project, "status", "sustaining", &error));
  g_assert_cmpint (fb_project_get_status (FB_PROJECT (project)), ==, FB_PROJECT_STATUS_SUSTAINING);
  g_assert_true (fb_record_set_field_from_string (user, "roles", "team,panel", &error));
  g_assert_cmpint (fb_user_get_roles (FB_USER (user)), ==, FB_ROLE_TEAM | FB_ROLE_PANEL);
  g_assert_true (fb_record_set_field_from_string (user, "roles", "coordinator, admin", &error));
  g_assert_cmpint (fb_user_get_roles (FB_USER (user)), ==, FB_ROLE_COORDINATOR | FB_ROLE_ADMIN);
  g_assert_true (fb_record_set_field_from_string (user, "roles", "", &error));
  g_assert_cmpint (fb_user_get_roles (FB_USER (user)), ==, FB_ROLE_NONE);
  g_assert_true (fb_record_set_field_from_string (measure, "chart_type", "pp", &error));
  g_assert_cmpint (fb_measure_get_chart_type (FB_MEASURE (measure)), ==, FB_CHART_TYPE_PP);
  g_assert_true (fb_record_set_field_from_string (cycle, "act_decision", "abandon", &error));
  g_assert_cmpint (fb_pdsa_cycle_get_act_decision (FB_PDSA_CYCLE (cycle)), ==,
                   FB_PDSA_DECISION_ABANDON);
  g_assert_no_error (error);

  /* Numbers, with dashes in the field name too; empty is "no value". */
  g_assert_true (fb_record_set_field_from_string (measure, "target", "0.85", &error));
  g_assert_cmpfloat (fb_measure_get_target (FB_MEASURE (measure)), ==, 0.85);
  g_assert_true (fb_record_set_field_from_string (measure, "target", "", &error));
  g_assert_true (isnan (fb_measure_get_target (FB_MEASURE (measure))));
  g_assert_true (fb_record_set_field_from_string (measure, "rate-multiplier", "100000", &error));
  g_assert_cmpfloat (fb_measure_get_rate_multiplier (FB_MEASURE (measure)), ==, 100000);
  g_assert_true (fb_record_set_field_from_string (cycle, "number", "12", &error));
  g_assert_cmpuint (fb_pdsa_cycle_get_number (FB_PDSA_CYCLE (cycle)), ==, 12);
  g_assert_true (fb_record_set_field_from_string (attachment, "size", "10485760", &error));
  g_assert_cmpint (fb_attachment_get_size (FB_ATTACHMENT (attachment)), ==, 10485760);
  g_assert_true (fb_record_set_field_from_string (point, "value", "", &error));
  g_assert_true (isnan (fb_data_point_get_value (FB_DATA_POINT (point))));
  g_assert_no_error (error);

  /* Booleans, text and lists. */
  g_assert_true (fb_record_set_field_from_string (project, "archived", "no", &error));
  g_assert_false (fb_project_get_archived (FB_PROJECT (project)));
  g_assert_true (fb_record_set_field_from_string (project, "aim_how_much", "fra 6 til 3", &error));
  g_assert_cmpstr (fb_project_get_aim_how_much (FB_PROJECT (project)), ==, "fra 6 til 3");
  g_assert_true (fb_record_set_field_from_string (project, "department", "", &error));
  g_assert_null (fb_project_get_department (FB_PROJECT (project)));
  g_assert_true (fb_record_set_field_from_string (project, "team_others",
                                                  "Kari (lege) , Per (sykepleier),", &error));
  list = fb_project_get_team_others (FB_PROJECT (project));
  g_assert_cmpuint (g_strv_length ((char **)list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Kari (lege)");
  g_assert_cmpstr (list[1], ==, "Per (sykepleier)");
  g_assert_true (fb_record_set_field_from_string (cycle, "plan_questions",
                                                  "[\"Hvem, og når?\", \"Hvor?\"]", &error));
  list = fb_pdsa_cycle_get_plan_questions (FB_PDSA_CYCLE (cycle));
  g_assert_cmpuint (g_strv_length ((char **)list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Hvem, og når?");
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&measure));
  g_assert_finalize_object (g_steal_pointer (&user));
  g_assert_finalize_object (g_steal_pointer (&cycle));
  g_assert_finalize_object (g_steal_pointer (&attachment));
  g_assert_finalize_object (g_steal_pointer (&point));
}

static void
test_model_json_values (void)
{
  g_autoptr(FbRecord) project = full_project ();
  g_autoptr(FbRecord) user = fb_test_make_user ();
  g_autoptr(FbRecord) measure = full_measure ();
  g_autoptr(JsonObject) project_json = NULL;
  g_autoptr(JsonObject) user_json = NULL;
  g_autoptr(JsonObject) measure_json = NULL;
  g_autoptr(JsonNode) number = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;
  GParamSpec *target;
  JsonArray *array;

  fb_measure_set_target (FB_MEASURE (measure), NAN);
  target = fb_record_class_find_field (FB_RECORD_GET_CLASS (measure), "target");
  g_assert_nonnull (target);

  project_json = fb_record_to_json (project);
  user_json = fb_record_to_json (user);
  measure_json = fb_record_to_json (measure);

  g_assert_cmpstr (json_object_get_string_member (project_json, "focus_area"), ==,
                   "pressure_ulcers");
  g_assert_cmpstr (json_object_get_string_member (project_json, "status"), ==, "testing");
  g_assert_cmpstr (json_object_get_string_member (project_json, "aim_by_when"), ==, "2026-12-31");
  g_assert_true (json_object_get_boolean_member (project_json, "archived"));
  array = json_object_get_array_member (project_json, "team_member_ids");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, FB_TEST_USER_ID_2);

  array = json_object_get_array_member (user_json, "roles");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "team");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "panel");
  g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "admin");

  g_assert_true (json_object_get_null_member (measure_json, "target"));
  g_assert_cmpfloat (json_object_get_double_member (measure_json, "rate_multiplier"), ==, 1000);
  g_assert_cmpstr (json_object_get_string_member (measure_json, "value_type"), ==, "rate");
  g_assert_cmpint (json_object_get_int_member (measure_json, "baseline_points"), ==, 12);

  /* A JSON null clears a number; text is refused without a change. */
  json_node_set_int (number, 1000);
  g_assert_true (fb_record_set_field_json (measure, target, number, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fb_measure_get_target (FB_MEASURE (measure)), ==, 1000);
  g_assert_true (fb_record_set_field_json (measure, target,
                                           json_object_get_member (measure_json, "target"),
                                           &error));
  g_assert_no_error (error);
  g_assert_true (isnan (fb_measure_get_target (FB_MEASURE (measure))));
  g_assert_false (fb_record_set_field_json (measure, target,
                                            json_object_get_member (measure_json, "name"),
                                            &error));
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID_VALUE);
  g_assert_true (isnan (fb_measure_get_target (FB_MEASURE (measure))));

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&user));
  g_assert_finalize_object (g_steal_pointer (&measure));
}

/* The generic JSON field: a value of its own, typed as JSON text, compared
 * by content. */
static void
test_model_json_field (void)
{
  g_autoptr(FbRecord) score = fb_test_make_score ();
  g_autoptr(FbRecord) other = fb_test_make_score ();
  g_autoptr(JsonNode) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GParamSpec *pspec = fb_record_class_find_field (FB_RECORD_GET_CLASS (score), "values");
  guint notified = 0;
  int value = 0;

  g_assert_nonnull (pspec);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == JSON_TYPE_NODE);

  text = fb_record_dup_field_string (score, pspec);
  g_assert_cmpstr (text, ==,
                   "[{\"criterion_id\":\"" FB_TEST_CRITERION_ID "\",\"value\":5},"
                   "{\"criterion_id\":\"" FB_TEST_CRITERION_ID_2 "\",\"value\":7}]");

  /* Replacing a value keeps the order and notifies once; the same value
   * does not notify. */
  g_signal_connect_swapped (score, "notify::values", G_CALLBACK (count_cb), &notified);
  fb_score_set_value (FB_SCORE (score), FB_TEST_CRITERION_ID, 6);
  fb_score_set_value (FB_SCORE (score), FB_TEST_CRITERION_ID, 6);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (fb_score_get_value (FB_SCORE (score), FB_TEST_CRITERION_ID, &value));
  g_assert_cmpint (value, ==, 6);
  g_assert_cmpuint (fb_score_get_n_values (FB_SCORE (score)), ==, 2);
  g_assert_false (fb_record_field_equal (score, other, pspec));

  fb_score_unset_value (FB_SCORE (score), FB_TEST_CRITERION_ID);
  fb_score_unset_value (FB_SCORE (score), FB_TEST_CRITERION_ID);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (fb_score_get_value (FB_SCORE (score), FB_TEST_CRITERION_ID, NULL));
  g_assert_cmpuint (fb_score_get_n_values (FB_SCORE (score)), ==, 1);

  /* The record keeps its own copy: changing the caller's node later
   * changes nothing. */
  values = json_from_string ("[{\"criterion_id\": \"" FB_TEST_CRITERION_ID "\", "
                             "\"value\": 2}]", NULL);
  fb_score_set_values (FB_SCORE (score), values);
  json_object_set_int_member (json_array_get_object_element (json_node_get_array (values), 0),
                              "value", 3);
  g_assert_true (fb_score_get_value (FB_SCORE (score), FB_TEST_CRITERION_ID, &value));
  g_assert_cmpint (value, ==, 2);

  /* Equal content is equal, whatever the spacing it was typed with. */
  g_assert_true (fb_record_set_field_from_string (other, "values",
                                                  "[ { \"criterion_id\" : \""
                                                  FB_TEST_CRITERION_ID "\", \"value\" : 2 } ]",
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (fb_record_field_equal (score, other, pspec));

  /* Not JSON is refused and leaves the field alone; empty and null clear it. */
  g_assert_false (fb_record_set_field_from_string (other, "values", "[{", &error));
  g_assert_error (error, FB_RECORD_ERROR, FB_RECORD_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (fb_score_get_n_values (FB_SCORE (other)), ==, 1);
  g_assert_true (fb_record_set_field_from_string (other, "values", "null", &error));
  g_assert_null (fb_score_get_values (FB_SCORE (other)));
  g_assert_true (fb_record_set_field_from_string (score, "values", "", &error));
  g_assert_no_error (error);
  g_assert_null (fb_score_get_values (FB_SCORE (score)));
  g_assert_true (fb_record_field_equal (score, other, pspec));
  g_clear_pointer (&text, g_free);
  text = fb_record_dup_field_string (score, pspec);
  g_assert_cmpstr (text, ==, "");

  g_assert_finalize_object (g_steal_pointer (&score));
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* The rules of a prize round's records that need more than one field. */
static void
test_model_validate_prize (void)
{
  g_autoptr(FbRecord) round = fb_test_make_prize_round ();
  g_autoptr(FbRecord) nomination = fb_test_make_nomination ();
  g_autoptr(FbRecord) score = fb_test_make_score ();
  g_autoptr(FbRecord) criterion = fb_test_make_criterion (FB_TEST_CRITERION_ID);

  /* A draft round may miss its times; an open one may not. */
  fb_prize_round_set_scoring_closes (FB_PRIZE_ROUND (round), NULL);
  assert_invalid (round);
  fb_prize_round_set_status (FB_PRIZE_ROUND (round), FB_ROUND_STATUS_DRAFT);
  g_assert_true (fb_record_validate (round, NULL));
  /* The same instant in two offsets is not "before". */
  fb_prize_round_set_status (FB_PRIZE_ROUND (round), FB_ROUND_STATUS_OPEN);
  fb_prize_round_set_scoring_closes (FB_PRIZE_ROUND (round), "2026-10-01T21:59:59Z");
  assert_invalid (round);
  fb_prize_round_set_scoring_closes (FB_PRIZE_ROUND (round), "2026-10-01T22:00:00Z");
  g_assert_true (fb_record_validate (round, NULL));

  /* A submitted nomination has every section; a draft need not. */
  fb_nomination_set_sections_sustainability (FB_NOMINATION (nomination), "  ");
  assert_invalid (nomination);
  fb_nomination_set_status (FB_NOMINATION (nomination), FB_NOMINATION_STATUS_DRAFT);
  fb_nomination_set_submitted_at (FB_NOMINATION (nomination), NULL);
  g_assert_true (fb_record_validate (nomination, NULL));
  fb_nomination_set_status (FB_NOMINATION (nomination), FB_NOMINATION_STATUS_INELIGIBLE);
  assert_invalid (nomination);

  /* A declared conflict and values do not go together. */
  fb_score_set_conflict_declared (FB_SCORE (score), TRUE);
  fb_score_set_conflict_reason (FB_SCORE (score), "Kollega i prosjektgruppen.");
  assert_invalid (score);
  fb_score_unset_value (FB_SCORE (score), FB_TEST_CRITERION_ID);
  fb_score_unset_value (FB_SCORE (score), FB_TEST_CRITERION_ID_2);
  g_assert_true (fb_record_validate (score, NULL));

  /* A criterion's scale is inclusive at both ends. */
  g_assert_true (fb_criterion_value_in_scale (FB_CRITERION (criterion), 1));
  g_assert_true (fb_criterion_value_in_scale (FB_CRITERION (criterion), 6));
  g_assert_false (fb_criterion_value_in_scale (FB_CRITERION (criterion), 0));
  g_assert_false (fb_criterion_value_in_scale (FB_CRITERION (criterion), 7));
}

static void
test_project_matches (void)
{
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(FbProject) other = fb_project_new (NULL);

  fb_project_set_title (project, "Færre fall på sengepost 3");
  fb_project_set_department (project, "Medisinsk klinikk");
  fb_project_set_problem (project, "Antall fall øker om natten");
  fb_project_set_aim_statement (project, "Halvere antall fall innen 2026");
  fb_project_set_aim_what (project, "Liggedøgn");
  fb_project_set_patient_involvement (project, "Brukerutvalget");

  g_assert_true (fb_project_matches (project, NULL));
  g_assert_true (fb_project_matches (project, ""));
  g_assert_true (fb_project_matches (project, "  \t"));

  g_assert_true (fb_project_matches (project, "FALL"));
  g_assert_true (fb_project_matches (project, "fall"));
  g_assert_true (fb_project_matches (project, "Færre"));
  g_assert_true (fb_project_matches (project, "FÆRRE"));
  g_assert_true (fb_project_matches (project, "færre fall"));
  g_assert_true (fb_project_matches (project, "PÅ"));
  g_assert_true (fb_project_matches (project, "ØKER"));
  g_assert_true (fb_project_matches (project, "natten"));
  g_assert_true (fb_project_matches (project, "halvere"));
  g_assert_true (fb_project_matches (project, "klinikk"));

  /* "å" typed as "a" and a combining ring (NFD) is still "å". */
  g_assert_true (fb_project_matches (project, "PA\xcc\x8a"));

  /* Every word must match, each in any of the fields. */
  g_assert_true (fb_project_matches (project, "  medisinsk   NATTEN  2026 "));
  g_assert_false (fb_project_matches (project, "fall kirurgisk"));
  g_assert_false (fb_project_matches (project, "trykksår"));

  /* Words do not run across fields, and other fields are not searched. */
  g_assert_false (fb_project_matches (project, "3medisinsk"));
  g_assert_false (fb_project_matches (project, "liggedøgn"));
  g_assert_false (fb_project_matches (project, "brukerutvalget"));

  /* Lower case in the project, capitals in the search. */
  fb_project_set_title (other, "færre trykksår");
  g_assert_true (fb_project_matches (other, "Færre"));
  g_assert_true (fb_project_matches (other, "TRYKKSÅR"));
  g_assert_false (fb_project_matches (other, "fall"));

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_measure_multiplier (void)
{
  g_autoptr(FbMeasure) measure = fb_measure_new (NULL);

  g_assert_false (fb_measure_value_type_has_denominator (FB_VALUE_TYPE_COUNT));
  g_assert_true (fb_measure_value_type_has_denominator (FB_VALUE_TYPE_PROPORTION));
  g_assert_true (fb_measure_value_type_has_denominator (FB_VALUE_TYPE_RATE));
  g_assert_false (fb_measure_value_type_has_denominator (FB_VALUE_TYPE_CONTINUOUS));

  g_assert_cmpfloat (fb_measure_get_display_multiplier (measure), ==, 100);

  fb_measure_set_value_type (measure, FB_VALUE_TYPE_RATE);
  g_assert_cmpfloat (fb_measure_get_display_multiplier (measure), ==, 1);
  fb_measure_set_rate_multiplier (measure, 1000);
  g_assert_cmpfloat (fb_measure_get_display_multiplier (measure), ==, 1000);

  fb_measure_set_value_type (measure, FB_VALUE_TYPE_COUNT);
  g_assert_cmpfloat (fb_measure_get_display_multiplier (measure), ==, 1);
  fb_measure_set_value_type (measure, FB_VALUE_TYPE_CONTINUOUS);
  g_assert_cmpfloat (fb_measure_get_display_multiplier (measure), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&measure));
}

static void
assert_label (GHashTable *seen,
              const char *label)
{
  g_assert_nonnull (label);
  g_assert_cmpstr (label, !=, "");
  g_assert_true (g_utf8_validate (label, -1, NULL));
  g_assert_true (g_unichar_isupper (g_utf8_get_char (label)));

  /* No two values of an enum look the same. */
  g_assert_true (g_hash_table_add (seen, (gpointer)label));
}

#define assert_enum_labels(type, get_label) \
  G_STMT_START { \
    g_autoptr(GEnumClass) klass = g_type_class_ref (type); \
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal); \
    for (guint j = 0; j < klass->n_values; j++) \
      assert_label (seen, get_label (klass->values[j].value)); \
  } G_STMT_END

static void
test_labels (void)
{
  assert_enum_labels (FB_TYPE_PROJECT_STATUS, fb_project_status_get_label);
  assert_enum_labels (FB_TYPE_FOCUS_AREA, fb_focus_area_get_label);
  assert_enum_labels (FB_TYPE_VALUE_TYPE, fb_value_type_get_label);
  assert_enum_labels (FB_TYPE_MEASURE_KIND, fb_measure_kind_get_label);
  assert_enum_labels (FB_TYPE_DIRECTION, fb_direction_get_label);
  assert_enum_labels (FB_TYPE_CHART_TYPE, fb_chart_type_get_label);
  assert_enum_labels (FB_TYPE_FREQUENCY, fb_frequency_get_label);
  assert_enum_labels (FB_TYPE_VISIBILITY, fb_visibility_get_label);
  assert_enum_labels (FB_TYPE_PDSA_PHASE, fb_pdsa_phase_get_label);
  assert_enum_labels (FB_TYPE_PDSA_DECISION, fb_pdsa_decision_get_label);

  g_assert_cmpstr (fb_project_status_get_label (FB_PROJECT_STATUS_SUSTAINING), ==, "Sustaining");
  g_assert_cmpstr (fb_focus_area_get_label (FB_FOCUS_AREA_WAITING_TIMES), ==,
                   "Waiting times and unwarranted variation");
  g_assert_cmpstr (fb_focus_area_get_label (FB_FOCUS_AREA_INFECTIONS), ==,
                   "Healthcare-associated infections");
  g_assert_cmpstr (fb_chart_type_get_label (FB_CHART_TYPE_RUN), ==, "Run chart");
}

static void
test_project_filter (void)
{
  g_autoptr(FbProject) project = fb_project_new (NULL);
  FbProjectFilter filter = FB_PROJECT_FILTER_INIT;

  fb_project_set_title (project, "Færre fall");
  fb_project_set_trust_id (project, "trust-a");
  fb_project_set_status (project, FB_PROJECT_STATUS_TESTING);
  fb_project_set_focus_area (project, FB_FOCUS_AREA_FALLS);

  g_assert_false (fb_project_filter_is_narrowed (&filter));
  g_assert_true (fb_project_filter_matches (&filter, project));

  filter.trust_id = "trust-b";
  g_assert_true (fb_project_filter_is_narrowed (&filter));
  g_assert_false (fb_project_filter_matches (&filter, project));
  filter.trust_id = "trust-a";
  g_assert_true (fb_project_filter_matches (&filter, project));

  filter.status = FB_PROJECT_STATUS_COMPLETED;
  g_assert_false (fb_project_filter_matches (&filter, project));
  filter.status = FB_PROJECT_STATUS_TESTING;
  g_assert_true (fb_project_filter_matches (&filter, project));

  filter.focus_area = FB_FOCUS_AREA_SEPSIS;
  g_assert_false (fb_project_filter_matches (&filter, project));
  filter.focus_area = FB_FOCUS_AREA_FALLS;
  g_assert_true (fb_project_filter_matches (&filter, project));

  /* The search words and the rest must all hold. */
  filter.search = "sepsis";
  g_assert_false (fb_project_filter_matches (&filter, project));
  filter.search = "FALL";
  g_assert_true (fb_project_filter_matches (&filter, project));

  fb_project_set_archived (project, TRUE);
  g_assert_false (fb_project_filter_matches (&filter, project));
  filter.show_archived = TRUE;
  g_assert_true (fb_project_filter_matches (&filter, project));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    {
      const ModelCase *mc = &model_cases[i];
      const struct {
        const char    *name;
        GTestDataFunc  func;
      } generic[] = {
        { "fields", test_model_fields },
        { "notify", test_model_notify },
        { "json", test_model_json },
        { "string", test_model_string },
        { "copy", test_model_copy },
      };

      for (guint j = 0; j < G_N_ELEMENTS (generic); j++)
        {
          g_autofree char *path = NULL;

          path = g_strdup_printf ("/core/model/%s/%s", mc->entity, generic[j].name);

          g_test_add_data_func (path, mc, generic[j].func);
        }
    }

  g_test_add_func ("/core/model/defaults", test_model_defaults);
  g_test_add_func ("/core/model/notify-typed", test_model_notify_typed);
  g_test_add_func ("/core/model/validate", test_model_validate);
  g_test_add_func ("/core/model/validate-typed", test_model_validate_typed);
  g_test_add_func ("/core/model/set-from-string", test_model_set_from_string);
  g_test_add_func ("/core/model/json-values", test_model_json_values);
  g_test_add_func ("/core/model/json-field", test_model_json_field);
  g_test_add_func ("/core/model/validate-prize", test_model_validate_prize);
  g_test_add_func ("/core/project/matches", test_project_matches);
  g_test_add_func ("/core/project/filter", test_project_filter);
  g_test_add_func ("/core/measure/display-multiplier", test_measure_multiplier);
  g_test_add_func ("/core/labels/all", test_labels);

  return g_test_run ();
}
