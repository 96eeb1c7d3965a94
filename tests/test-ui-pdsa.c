/* test-ui-pdsa.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fb-pdsa-editor.h"
#include "fb-pdsa-page.h"
#include "fb-pdsa-row.h"
#include "fb-test-ui.h"

/* Drives the PDSA page and editor in-process against a real database in a
 * temp dir holding the sample data: the CAUTI project's timeline, starting
 * the next cycle, saving on a pause and on dispose, invalid input, and
 * delete with undo. */

/* The CAUTI project of the sample data: five cycles testing four change
 * ideas, the first two the same one. */
#define CAUTI_ID "8c6e4b3a-4986-456f-9906-794d5276407d"

typedef struct
{
  char    *dir;
  FbStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *demo_dir = g_getenv ("FB_DEMO_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) demo = NULL;
  g_autoptr(GError) error = NULL;
  FbDemoStats stats = { 0 };

  fixture->dir = g_dir_make_tmp ("fb-ui-pdsa-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "forbedring.db", NULL);

  fixture->store = fb_store_open (path, &error);
  g_assert_no_error (error);

  /* The same sample data, from the source tree or built in. */
  if (demo_dir != NULL)
    {
      g_autofree char *demo_path = g_build_filename (demo_dir, "demo.json", NULL);

      demo = g_file_new_for_path (demo_path);
    }
  else
    {
      demo = fb_demo_dup_builtin ();
    }

  fb_demo_load (fixture->store, demo, &stats, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pdsa_cycles, ==, 60);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  fb_test_wait_for_writes (fixture->store);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static GtkWidget *
find_widget (GtkWidget     *widget,
             GType          type,
             gboolean     (*match) (GtkWidget *, gconstpointer),
             gconstpointer  data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
click (GtkWidget  *root,
       const char *action_name)
{
  GtkWidget *button = find_widget (root, GTK_TYPE_BUTTON, has_action, action_name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "clicked" at once; gtk_widget_activate () clicks after an animation. */
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
template_child (gpointer    widget,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget),
                                                  G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (child);

  return GTK_WIDGET (child);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static FbPdsaCycle *
stored_cycle (FbStore    *store,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  FbRecord *record = fb_store_get_record (store, FB_TYPE_PDSA_CYCLE, id, &error);

  g_assert_no_error (error);

  return FB_PDSA_CYCLE (record);
}

/* The cycle with that number in a fresh, store-ordered list. */
static FbPdsaCycle *
cauti_cycle (FbStore *store,
             guint    number)
{
  g_autoptr(GListModel) cycles = fb_store_list_pdsa_cycles (store, CAUTI_ID);

  for (guint i = 0; i < g_list_model_get_n_items (cycles); i++)
    {
      g_autoptr(FbPdsaCycle) cycle = g_list_model_get_item (cycles, i);

      if (fb_pdsa_cycle_get_number (cycle) == number)
        return g_steal_pointer (&cycle);
    }

  return NULL;
}

static guint
count_cauti (FbStore *store)
{
  g_autoptr(GListModel) cycles = fb_store_list_pdsa_cycles (store, CAUTI_ID);

  return g_list_model_get_n_items (cycles);
}

static GtkWindow *
show_page (Fixture     *fixture,
           const char  *project_id,
           FbPdsaPage **page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *page = FB_PDSA_PAGE (fb_pdsa_page_new (fixture->store, project_id));
  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_set_child (window, GTK_WIDGET (*page));
  gtk_window_present (window);

  return window;
}

static guint
timeline_number (FbPdsaPage *page,
                 guint       position)
{
  g_autoptr(FbPdsaCycle) cycle = g_list_model_get_item (fb_pdsa_page_get_timeline (page),
                                                        position);

  g_assert_nonnull (cycle);

  return fb_pdsa_cycle_get_number (cycle);
}

static GtkListBoxRow *
list_row (FbPdsaPage *page,
          guint       position)
{
  GtkListBox *list_box = GTK_LIST_BOX (template_child (page, "list_box"));

  return gtk_list_box_get_row_at_index (list_box, position);
}

static guint
count_rows (FbPdsaPage *page)
{
  guint n = 0;

  while (list_row (page, n) != NULL)
    n++;

  return n;
}

static const char *
visible_page (FbPdsaPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, "stack")));
}

static void
test_lists_cauti_cycles (Fixture       *fixture,
                         gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);
  FbPdsaEditor *editor = fb_pdsa_page_get_editor (page);
  g_autoptr(FbPdsaCycle) first = cauti_cycle (fixture->store, 1);
  g_autofree char *expected = g_strdup_printf ("PDSA 1 · %s", fb_pdsa_cycle_get_title (first));
  GtkWidget *header;

  g_assert_cmpstr (visible_page (page), ==, "cycles");
  g_assert_cmpuint (count_rows (page), ==, 5);

  /* Grouped by change idea: cycles 1 and 2 share one header. */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (timeline_number (page, i), ==, i + 1);
  g_assert_nonnull (gtk_list_box_row_get_header (list_row (page, 0)));
  g_assert_null (gtk_list_box_row_get_header (list_row (page, 1)));
  for (guint i = 2; i < 5; i++)
    g_assert_nonnull (gtk_list_box_row_get_header (list_row (page, i)));

  header = gtk_list_box_row_get_header (list_row (page, 0));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==,
                   fb_pdsa_cycle_get_change_idea (first));

  /* "PDSA 1 · title", with the decision of a finished cycle as its pill. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (page, 0))), ==,
                   expected);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (list_row (page, 0),
                                                                   "status_label"))), ==,
                   "Adapt");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (list_row (page, 0))));

  /* The latest cycle opens in the editor. */
  g_assert_nonnull (fb_pdsa_editor_get_cycle (editor));
  g_assert_cmpuint (fb_pdsa_cycle_get_number (fb_pdsa_editor_get_cycle (editor)), ==, 5);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (editor, "heading_label"))), ==,
                   "PDSA 5");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (editor, "title_row"))), ==,
                   fb_pdsa_cycle_get_title (fb_pdsa_editor_get_cycle (editor)));

  /* Selecting a row shows that cycle. */
  gtk_list_box_select_row (GTK_LIST_BOX (template_child (page, "list_box")), list_row (page, 0));
  g_assert_cmpuint (fb_pdsa_cycle_get_number (fb_pdsa_editor_get_cycle (editor)), ==, 1);

  gtk_window_destroy (window);
}

static void
test_start_next_cycle (Fixture       *fixture,
                       gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);
  FbPdsaEditor *editor = fb_pdsa_page_get_editor (page);
  g_autoptr(FbPdsaCycle) second = cauti_cycle (fixture->store, 2);
  g_autoptr(FbPdsaCycle) sixth = NULL;
  g_autofree char *id = NULL;

  g_assert_true (fb_pdsa_page_select_cycle (page, fb_record_get_id (FB_RECORD (second))));
  click (GTK_WIDGET (page), "pdsa.start-next");
  fb_test_wait_for_writes (fixture->store);

  /* In the store: number 6, the same change idea, in the plan phase. */
  g_assert_cmpuint (count_cauti (fixture->store), ==, 6);
  sixth = cauti_cycle (fixture->store, 6);
  g_assert_nonnull (sixth);
  g_assert_cmpstr (fb_pdsa_cycle_get_change_idea (sixth), ==,
                   fb_pdsa_cycle_get_change_idea (second));
  g_assert_cmpint (fb_pdsa_cycle_get_phase (sixth), ==, FB_PDSA_PHASE_PLAN);
  g_assert_true (g_strv_equal ((const char * const *)fb_pdsa_cycle_get_measure_ids (sixth),
                               (const char * const *)fb_pdsa_cycle_get_measure_ids (second)));

  /* Selected, and listed in its change idea's group after cycle 2. */
  id = g_strdup (fb_record_get_id (FB_RECORD (sixth)));
  g_assert_cmpstr (fb_record_get_id (FB_RECORD (fb_pdsa_editor_get_cycle (editor))), ==, id);
  g_assert_cmpuint (count_rows (page), ==, 6);
  g_assert_cmpuint (timeline_number (page, 2), ==, 6);
  g_assert_null (gtk_list_box_row_get_header (list_row (page, 2)));
  g_assert_true (gtk_list_box_row_is_selected (list_row (page, 2)));

  gtk_window_destroy (window);
}

static void
test_editor_saves_on_dispose (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(FbPdsaCycle) first = cauti_cycle (fixture->store, 1);
  g_autoptr(FbPdsaCycle) before = NULL;
  g_autoptr(FbPdsaCycle) after = NULL;
  const char *id = fb_record_get_id (FB_RECORD (first));
  FbPdsaEditor *editor;

  editor = FB_PDSA_EDITOR (g_object_ref_sink (fb_pdsa_editor_new (fixture->store)));
  fb_pdsa_editor_set_cycle (editor, first);

  set_text_view (template_child (editor, "objective_view"), "Teste spørsmålet på tavlemøtet");
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "who_row")), "Team A");
  set_text_view (template_child (editor, "questions_view"), "Hvor mange?\n\n Hvem glemte det? ");

  /* Nothing is written while the typing goes on… */
  before = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_plan_who (before), !=, "Team A");

  /* …and all of it when the editor goes away at once. */
  g_object_unref (editor);

  after = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_plan_objective (after), ==, "Teste spørsmålet på tavlemøtet");
  g_assert_cmpstr (fb_pdsa_cycle_get_plan_who (after), ==, "Team A");
  g_assert_cmpstrv (fb_pdsa_cycle_get_plan_questions (after),
                    ((const char *[]) { "Hvor mange?", "Hvem glemte det?", NULL }));
}

static void
test_page_saves_when_window_closes (Fixture       *fixture,
                                    gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);
  FbPdsaEditor *editor = fb_pdsa_page_get_editor (page);
  g_autofree char *id = g_strdup (fb_record_get_id (FB_RECORD (fb_pdsa_editor_get_cycle (editor))));
  g_autoptr(FbPdsaCycle) after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "when_row")), "Uke 12–14");
  set_text_view (template_child (editor, "next_steps_view"), "Spre til post 2");
  gtk_window_destroy (window);

  after = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_plan_when (after), ==, "Uke 12–14");
  g_assert_cmpstr (fb_pdsa_cycle_get_act_next_steps (after), ==, "Spre til post 2");
}

typedef struct
{
  FbStore    *store;
  const char *id;
} Lookup;

static gboolean
learning_saved (gpointer data)
{
  Lookup *lookup = data;
  g_autoptr(FbPdsaCycle) cycle = stored_cycle (lookup->store, lookup->id);

  return g_strcmp0 (fb_pdsa_cycle_get_study_learning (cycle), "Virker best på dagtid") == 0;
}

static void
test_saves_after_a_pause (Fixture       *fixture,
                          gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);
  FbPdsaEditor *editor = fb_pdsa_page_get_editor (page);
  g_autofree char *id = g_strdup (fb_record_get_id (FB_RECORD (fb_pdsa_editor_get_cycle (editor))));
  Lookup lookup = { fixture->store, id };
  gint64 typed;

  set_text_view (template_child (editor, "learning_view"), "Virker best på dagtid");
  typed = g_get_monotonic_time ();
  g_assert_false (learning_saved (&lookup));

  fb_test_spin_until (learning_saved, &lookup);
  g_assert_cmpint (g_get_monotonic_time () - typed, >=, 400 * 1000);

  gtk_window_destroy (window);
}

static gboolean
row_has_error (gpointer    editor,
               const char *name)
{
  return gtk_widget_has_css_class (template_child (editor, name), "error");
}

static void
test_invalid_input_is_not_saved (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FbPdsaCycle) first = cauti_cycle (fixture->store, 1);
  g_autofree char *id = g_strdup (fb_record_get_id (FB_RECORD (first)));
  g_autofree char *title = g_strdup (fb_pdsa_cycle_get_title (first));
  g_autofree char *start = g_strdup (fb_pdsa_cycle_get_start_date (first));
  g_autofree char *end = g_strdup (fb_pdsa_cycle_get_end_date (first));
  GtkWidget *error_label;
  FbPdsaEditor *editor;
  FbPdsaCycle *stored;

  editor = FB_PDSA_EDITOR (g_object_ref_sink (fb_pdsa_editor_new (fixture->store)));
  fb_pdsa_editor_set_cycle (editor, first);
  error_label = template_child (editor, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* A bad start date is marked and kept out; the valid field next to it
   * is saved. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "start_date_row")), "2024-13-01");
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "where_row")), "Post 1");
  g_assert_true (fb_pdsa_editor_flush (editor, NULL));
  fb_test_wait_for_writes (fixture->store);

  g_assert_true (row_has_error (editor, "start_date_row"));
  g_assert_false (row_has_error (editor, "end_date_row"));
  g_assert_true (fb_pdsa_editor_has_errors (editor));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "YYYY-MM-DD"));
  stored = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_start_date (stored), ==, start);
  g_assert_cmpstr (fb_pdsa_cycle_get_plan_where (stored), ==, "Post 1");
  g_clear_object (&stored);

  /* An end before the start is marked on the end date. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "start_date_row")), start);
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "end_date_row")), "2024-01-01");
  g_assert_true (fb_pdsa_editor_flush (editor, NULL));
  fb_test_wait_for_writes (fixture->store);
  g_assert_false (row_has_error (editor, "start_date_row"));
  g_assert_true (row_has_error (editor, "end_date_row"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "before it starts"));
  stored = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_end_date (stored), ==, end);
  g_clear_object (&stored);

  /* An empty title too. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "title_row")), "  ");
  g_assert_true (fb_pdsa_editor_flush (editor, NULL));
  fb_test_wait_for_writes (fixture->store);
  g_assert_true (row_has_error (editor, "title_row"));
  stored = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_title (stored), ==, title);
  g_clear_object (&stored);

  /* Fixed, they save and the marks go; pending invalid text never saves,
   * not even on dispose. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "end_date_row")), "2024-06-28");
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "title_row")), "Morgenmøtet ");
  g_assert_true (fb_pdsa_editor_flush (editor, NULL));
  fb_test_wait_for_writes (fixture->store);
  g_assert_false (row_has_error (editor, "end_date_row"));
  g_assert_false (row_has_error (editor, "title_row"));
  g_assert_false (fb_pdsa_editor_has_errors (editor));
  g_assert_false (gtk_widget_get_visible (error_label));
  stored = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_end_date (stored), ==, "2024-06-28");
  g_assert_cmpstr (fb_pdsa_cycle_get_title (stored), ==, "Morgenmøtet");
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "end_date_row")), "28.06.2024");
  g_object_unref (editor);
  stored = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_end_date (stored), ==, "2024-06-28");
  g_clear_object (&stored);
}

typedef struct
{
  FbStore    *store;
  const char *id;
  const char *start;
  const char *end;
} PlanLookup;

static gboolean
plan_saved (gpointer data)
{
  PlanLookup *lookup = data;
  g_autoptr(FbPdsaCycle) cycle = stored_cycle (lookup->store, lookup->id);
  const char * const *questions = (const char * const *)fb_pdsa_cycle_get_plan_questions (cycle);

  return g_strcmp0 (fb_pdsa_cycle_get_start_date (cycle), lookup->start) == 0 &&
         g_strcmp0 (fb_pdsa_cycle_get_end_date (cycle), lookup->end) == 0 &&
         questions != NULL &&
         g_strv_equal (questions, (const char * const []) { "Hvor mange?", "Hvem?", NULL });
}

static void
test_questions_and_dates_save_through_form (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(FbPdsaCycle) first = cauti_cycle (fixture->store, 1);
  g_autofree char *id = g_strdup (fb_record_get_id (FB_RECORD (first)));
  PlanLookup lookup = { fixture->store, id, "2024-05-01", "2024-05-20" };
  FbPdsaEditor *editor;

  editor = FB_PDSA_EDITOR (g_object_ref_sink (fb_pdsa_editor_new (fixture->store)));
  fb_pdsa_editor_set_cycle (editor, first);

  /* An end before the start kept is marked and left out… */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "end_date_row")), "2024-05-20");
  set_text_view (template_child (editor, "questions_view"), " Hvor mange?\n\nHvem?");
  g_assert_true (row_has_error (editor, "end_date_row"));
  g_assert_true (fb_pdsa_editor_has_errors (editor));

  /* …until the start moves before it: the dates are checked together. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "start_date_row")), "2024-05-01");
  g_assert_false (row_has_error (editor, "end_date_row"));
  g_assert_false (fb_pdsa_editor_has_errors (editor));

  /* The questions and both dates save after the pause, with no flush. */
  g_assert_false (plan_saved (&lookup));
  fb_test_spin_until (plan_saved, &lookup);

  g_object_unref (editor);
}

static void
test_calendar_sets_date (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FbPdsaCycle) first = cauti_cycle (fixture->store, 1);
  g_autoptr(GDateTime) day = g_date_time_new_local (2024, 6, 28, 0, 0, 0);
  g_autoptr(FbPdsaCycle) stored = NULL;
  FbPdsaEditor *editor;
  GtkWidget *calendar;

  editor = FB_PDSA_EDITOR (g_object_ref_sink (fb_pdsa_editor_new (fixture->store)));
  fb_pdsa_editor_set_cycle (editor, first);

  /* Picking a day types it as YYYY-MM-DD, and it saves like typing. */
  calendar = template_child (editor, "end_date_calendar");
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (editor, "end_date_row"))),
                   ==, "2024-06-28");

  g_object_unref (editor);
  stored = stored_cycle (fixture->store, fb_record_get_id (FB_RECORD (first)));
  g_assert_cmpstr (fb_pdsa_cycle_get_end_date (stored), ==, "2024-06-28");
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return has_label (widget, "_Undo") || has_label (widget, "Undo");
}

static gboolean
timeline_has (FbPdsaPage *page,
              const char *id)
{
  GListModel *timeline = fb_pdsa_page_get_timeline (page);

  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(FbRecord) cycle = g_list_model_get_item (timeline, i);

      if (g_strcmp0 (fb_record_get_id (cycle), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);
  FbPdsaEditor *editor = fb_pdsa_page_get_editor (page);
  g_autoptr(FbPdsaCycle) third = cauti_cycle (fixture->store, 3);
  g_autofree char *id = g_strdup (fb_record_get_id (FB_RECORD (third)));
  g_autoptr(FbPdsaCycle) restored = NULL;
  GtkWidget *undo;

  g_assert_true (fb_pdsa_page_select_cycle (page, id));
  /* Typed just before deleting: kept for the undo. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "who_row")), "Nattevakten");
  click (GTK_WIDGET (page), "pdsa.delete");
  fb_test_wait_for_writes (fixture->store);

  g_assert_cmpuint (count_cauti (fixture->store), ==, 4);
  g_assert_false (timeline_has (page, id));
  g_assert_cmpuint (count_rows (page), ==, 4);
  g_assert_nonnull (fb_pdsa_editor_get_cycle (editor));
  g_assert_cmpstr (fb_record_get_id (FB_RECORD (fb_pdsa_editor_get_cycle (editor))), !=, id);

  /* The toast's Undo button brings it back, selected. */
  undo = find_widget (template_child (page, "toast_overlay"), GTK_TYPE_BUTTON,
                      is_undo_button, NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  fb_test_wait_for_writes (fixture->store);

  g_assert_cmpuint (count_cauti (fixture->store), ==, 5);
  g_assert_true (timeline_has (page, id));
  g_assert_cmpuint (count_rows (page), ==, 5);
  g_assert_cmpstr (fb_record_get_id (FB_RECORD (fb_pdsa_editor_get_cycle (editor))), ==, id);
  restored = stored_cycle (fixture->store, id);
  g_assert_cmpstr (fb_pdsa_cycle_get_plan_who (restored), ==, "Nattevakten");

  gtk_window_destroy (window);
}

static void
test_change_idea_regroups (Fixture       *fixture,
                           gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);
  FbPdsaEditor *editor = fb_pdsa_page_get_editor (page);
  g_autoptr(FbPdsaCycle) first = cauti_cycle (fixture->store, 1);
  g_autoptr(FbPdsaCycle) fourth = cauti_cycle (fixture->store, 4);

  g_assert_true (fb_pdsa_page_select_cycle (page, fb_record_get_id (FB_RECORD (fourth))));
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, "change_idea_row")),
                         fb_pdsa_cycle_get_change_idea (first));
  g_assert_true (fb_pdsa_page_flush (page, NULL));
  fb_test_wait_for_writes (fixture->store);

  /* Cycle 4 joins the first idea's group, and stays selected. */
  g_assert_cmpuint (timeline_number (page, 0), ==, 1);
  g_assert_cmpuint (timeline_number (page, 1), ==, 2);
  g_assert_cmpuint (timeline_number (page, 2), ==, 4);
  g_assert_cmpuint (timeline_number (page, 3), ==, 3);
  g_assert_cmpuint (timeline_number (page, 4), ==, 5);
  g_assert_null (gtk_list_box_row_get_header (list_row (page, 2)));
  g_assert_true (gtk_list_box_row_is_selected (list_row (page, 2)));
  g_assert_cmpuint (fb_pdsa_cycle_get_number (fb_pdsa_editor_get_cycle (editor)), ==, 4);

  gtk_window_destroy (window);
}

static void
test_empty_state_starts_first_cycle (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(FbProject) project = fb_project_new (NULL);
  g_autoptr(GListModel) trusts = fb_store_list_trusts (fixture->store);
  g_autoptr(FbRecord) trust = g_list_model_get_item (trusts, 0);
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(FbPdsaCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  const char *project_id = fb_record_get_id (FB_RECORD (project));
  GtkWindow *window;
  FbPdsaPage *page;

  fb_project_set_title (project, "Færre fall om natten");
  fb_project_set_trust_id (project, fb_record_get_id (trust));
  fb_store_save (fixture->store, FB_RECORD (project), &error);
  g_assert_no_error (error);

  window = show_page (fixture, project_id, &page);
  g_assert_cmpstr (visible_page (page), ==, "empty");
  g_assert_null (fb_pdsa_editor_get_cycle (fb_pdsa_page_get_editor (page)));

  click (GTK_WIDGET (page), "pdsa.start-first");
  fb_test_wait_for_writes (fixture->store);

  cycles = fb_store_list_pdsa_cycles (fixture->store, project_id);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  cycle = g_list_model_get_item (cycles, 0);
  g_assert_cmpuint (fb_pdsa_cycle_get_number (cycle), ==, 1);
  g_assert_cmpstr (visible_page (page), ==, "cycles");
  g_assert_cmpstr (fb_record_get_id (FB_RECORD (fb_pdsa_editor_get_cycle (fb_pdsa_page_get_editor (page)))),
                   ==, fb_record_get_id (FB_RECORD (cycle)));

  gtk_window_destroy (window);
}

/* Every control can be named by assistive technology: by its own text, a
 * row title, an accessible label or a labelling widget. */
static void
assert_labelled (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  gboolean labelled;

  labelled = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
             gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (!labelled && GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    labelled = gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
               gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL;

  if (!labelled)
    g_error ("%s (%s) has no accessible label", G_OBJECT_TYPE_NAME (widget),
             gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
}

static guint
check_labels (GtkWidget *widget)
{
  guint checked = 0;

  /* Buttons inside rows and menu buttons are parts of their row or
   * button; the row or button is checked. */
  if (GTK_IS_TEXT_VIEW (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_LIST_BOX (widget) ||
      ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_CALENDAR (widget) ||
      (GTK_IS_BUTTON (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) &&
       g_str_has_prefix (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "pdsa.")))
    {
      assert_labelled (widget);
      checked++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_labels (child);

  return checked;
}

static void
test_controls_have_labels (Fixture       *fixture,
                           gconstpointer  data)
{
  FbPdsaPage *page;
  GtkWindow *window = show_page (fixture, CAUTI_ID, &page);

  /* 11 text views, 8 entry rows, 2 combo rows, 2 menu buttons, the list
   * and the page's buttons at least. */
  g_assert_cmpuint (check_labels (GTK_WIDGET (page)), >=, 25);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK finds the MIME database, and so
   * its icons, through XDG_DATA_DIRS. The database is in a temp dir. */
  g_test_init (&argc, &argv, NULL);

  /* The test accessibility backend records the accessible properties, so
   * the labels can be checked; like "none", it needs no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/pdsa/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("lists-cauti-cycles", test_lists_cauti_cycles);
  ADD ("start-next-cycle", test_start_next_cycle);
  ADD ("editor-saves-on-dispose", test_editor_saves_on_dispose);
  ADD ("page-saves-when-window-closes", test_page_saves_when_window_closes);
  ADD ("saves-after-a-pause", test_saves_after_a_pause);
  ADD ("invalid-input-is-not-saved", test_invalid_input_is_not_saved);
  ADD ("questions-and-dates-save-through-form", test_questions_and_dates_save_through_form);
  ADD ("calendar-sets-date", test_calendar_sets_date);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("change-idea-regroups", test_change_idea_regroups);
  ADD ("empty-state-starts-first-cycle", test_empty_state_starts_first_cycle);
  ADD ("controls-have-labels", test_controls_have_labels);

#undef ADD

  return g_test_run ();
}
