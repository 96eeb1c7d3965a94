/* test-ui-data-grid.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fb-data-grid-private.h"
#include "fb-store-private.h"
#include "fb-test-ui.h"

/* Drives the real grid in a window against a real store in a temp dir:
 * typing into the row for the next period, refused values, paste, and
 * CSV import, each checked in the store and not only on screen. */

typedef struct
{
  char      *dir;
  FbStore   *store;
  FbMeasure *measure;
  GtkWindow *window;
  GtkWidget *grid;
  guint      n_changed;
} Fixture;

static GtkWidget *
find_text (Fixture    *f,
           const char *name)
{
  return fb_test_find_descendant (f->grid, GTK_TYPE_TEXT, name);
}

static GtkWidget *
get_text (Fixture    *f,
          const char *name)
{
  GtkWidget *text = find_text (f, name);

  if (text == NULL)
    g_error ("No cell named “%s”", name);

  return text;
}

static void
type_into (Fixture    *f,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_text (f, name)), text);
}

/* What GtkText does on Enter; GTK 4.8 offers no way to send a key. */
static void
press_enter (Fixture    *f,
             const char *name)
{
  g_signal_emit_by_name (get_text (f, name), "activate");
}

static GtkLabel *
get_message_label (Fixture *f)
{
  GtkWidget *label = fb_test_find_descendant (f->grid, GTK_TYPE_LABEL, "message");

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static gboolean
message_shown (Fixture *f)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (get_message_label (f)),
                                                 GTK_TYPE_REVEALER);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static const char *
message (Fixture *f)
{
  return gtk_label_get_label (get_message_label (f));
}

static void
assert_message_has (Fixture    *f,
                    const char *needle)
{
  g_assert_true (message_shown (f));
  if (strstr (message (f), needle) == NULL)
    g_error ("“%s” not found in the message “%s”", needle, message (f));
}

static void
assert_error_shown (Fixture    *f,
                    const char *needle)
{
  assert_message_has (f, needle);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (get_message_label (f)), "error"));
}

static guint
count_points (Fixture *f)
{
  return (guint)fb_store_count (f->store, FB_TYPE_DATA_POINT);
}

/* A snapshot: the list, and so the updates of its points, goes with it. */
static FbDataPoint *
dup_point (Fixture *f,
           guint    i)
{
  const char *measure_id = fb_record_get_id (FB_RECORD (f->measure));
  g_autoptr(GListModel) points = fb_store_list_data_points (f->store, measure_id);

  g_assert_cmpuint (i, <, g_list_model_get_n_items (points));
  return g_list_model_get_item (points, i);
}

static gboolean
draft_row_shown (gpointer data)
{
  Fixture *f = data;

  return find_text (f, "draft-value") != NULL;
}

static void
changed_cb (FbStore    *store,
            const char *entity,
            const char *id,
            Fixture    *f)
{
  f->n_changed++;
}

static void
save (Fixture  *f,
      FbRecord *record)
{
  g_autoptr(GError) error = NULL;

  fb_store_save (f->store, record, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  FbValueType value_type = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbProject) project = fb_project_new (NULL);

  f->dir = g_dir_make_tmp ("fb-ui-grid-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "forbedring.db", NULL);
  f->store = fb_store_open (path, &error);
  g_assert_no_error (error);

  fb_trust_set_name (trust, "Testsykehuset HF");
  save (f, FB_RECORD (trust));

  fb_project_set_title (project, "Samstemte legemiddellister");
  fb_project_set_trust_id (project, fb_record_get_id (FB_RECORD (trust)));
  save (f, FB_RECORD (project));

  f->measure = fb_measure_new (NULL);
  fb_measure_set_project_id (f->measure, fb_record_get_id (FB_RECORD (project)));
  fb_measure_set_name (f->measure, "Legemiddelsamstemming innen 24 timer");
  fb_measure_set_value_type (f->measure, value_type);
  fb_measure_set_frequency (f->measure, FB_FREQUENCY_WEEK);
  save (f, FB_RECORD (f->measure));

  g_signal_connect (f->store, "changed::data_point", G_CALLBACK (changed_cb), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  f->grid = fb_data_grid_new (f->store, f->measure);
  gtk_window_set_child (f->window, f->grid);
  gtk_window_present (f->window);

  fb_test_spin_until (draft_row_shown, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_signal_handlers_disconnect_by_data (f->store, f);
  fb_test_wait_for_writes (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_clear_object (&f->measure);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static const char *
text_of (Fixture    *f,
         const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (get_text (f, name)));
}

static gboolean
draft_value_focused (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && g_strcmp0 (gtk_widget_get_name (focus), "draft-value") == 0;
}

static gboolean
first_row_shown (gpointer data)
{
  Fixture *f = data;

  return find_text (f, "value") != NULL;
}

static void
test_add_next_period (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *proposed = fb_frequency_next_period (FB_FREQUENCY_WEEK, NULL);
  g_autofree char *after = fb_frequency_next_period (FB_FREQUENCY_WEEK, proposed);
  g_autoptr(FbDataPoint) point = NULL;

  /* The last row proposes this week's Monday. */
  g_assert_cmpstr (text_of (f, "draft-period"), ==, proposed);
  g_assert_cmpuint (count_points (f), ==, 0);

  type_into (f, "draft-value", "30");
  type_into (f, "draft-denominator", " 37 ");
  press_enter (f, "draft-value");

  /* At once, before the store has written: the last row moves on to the
   * next week, and the new week shows as a row of its own. */
  g_assert_cmpstr (text_of (f, "draft-period"), ==, after);
  g_assert_cmpstr (text_of (f, "draft-value"), ==, "");
  fb_test_spin_until (first_row_shown, f);
  g_assert_cmpstr (text_of (f, "value"), ==, "30");

  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 1);
  point = dup_point (f, 0);
  g_assert_cmpstr (fb_data_point_get_period (point), ==, proposed);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 30);
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 37);

  /* The new row shows the point, and the last row proposes the next week,
   * empty and focused for the next value. */
  fb_test_spin_until (first_row_shown, f);
  g_assert_cmpstr (text_of (f, "value"), ==, "30");
  g_assert_cmpstr (text_of (f, "draft-period"), ==, after);
  g_assert_cmpstr (text_of (f, "draft-value"), ==, "");
  g_assert_cmpstr (text_of (f, "draft-denominator"), ==, "");
  fb_test_spin_until (draft_value_focused, f);
  g_assert_false (message_shown (f));

  /* Enter with nothing typed adds nothing. */
  press_enter (f, "draft-value");
  g_assert_cmpuint (count_points (f), ==, 1);

  /* A week already entered is not added twice, nor a date that is none. */
  type_into (f, "draft-period", proposed);
  type_into (f, "draft-value", "31");
  type_into (f, "draft-denominator", "37");
  press_enter (f, "draft-value");
  g_assert_cmpuint (count_points (f), ==, 1);
  assert_error_shown (f, "is already in row 1.");

  type_into (f, "draft-period", "2026-02-30");
  press_enter (f, "draft-value");
  g_assert_cmpuint (count_points (f), ==, 1);
  assert_error_shown (f, "Row 2: “2026-02-30” is not a date.");
  g_assert_true (gtk_widget_has_css_class (get_text (f, "draft-period"), "error"));

  /* A typed date holds, and the next proposal follows it. */
  type_into (f, "draft-period", "2030-01-07");
  press_enter (f, "draft-value");
  g_assert_cmpstr (text_of (f, "draft-period"), ==, "2030-01-14");
  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 2);
  g_assert_cmpstr (text_of (f, "draft-period"), ==, "2030-01-14");
}

static void
test_refuses_bad_values (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *proposed = fb_frequency_next_period (FB_FREQUENCY_WEEK, NULL);
  g_autofree char *shown = fb_data_entry_format_period (proposed);
  g_autofree char *where = g_strdup_printf ("Row 1, %s: ", shown);
  g_autoptr(FbDataPoint) point = NULL;
  gint64 outbox;

  type_into (f, "draft-value", "ca. 11");
  type_into (f, "draft-denominator", "37");
  press_enter (f, "draft-value");

  g_assert_cmpuint (count_points (f), ==, 0);
  assert_error_shown (f, "“ca. 11” is not a number.");
  assert_error_shown (f, where);
  /* What was typed stays, to be corrected. */
  g_assert_cmpstr (text_of (f, "draft-value"), ==, "ca. 11");
  g_assert_true (gtk_widget_has_css_class (get_text (f, "draft-value"), "error"));

  type_into (f, "draft-value", "40");
  press_enter (f, "draft-value");
  g_assert_cmpuint (count_points (f), ==, 0);
  assert_error_shown (f, "The numerator 40 is larger than the denominator 37.");
  g_assert_cmpstr (text_of (f, "draft-denominator"), ==, "37");

  type_into (f, "draft-value", "30");
  press_enter (f, "draft-value");
  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 1);
  g_assert_false (message_shown (f));

  /* Editing a stored row: refused, the store keeps the old value and the
   * cell the new text. */
  fb_test_spin_until (first_row_shown, f);
  outbox = fb_store_count_outbox (f->store);
  type_into (f, "value", "38");
  press_enter (f, "value");
  assert_error_shown (f, where);
  assert_error_shown (f, "The numerator 38 is larger than the denominator 37.");
  point = dup_point (f, 0);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 30);
  g_assert_cmpint (fb_store_count_outbox (f->store), ==, outbox);
  g_assert_cmpstr (text_of (f, "value"), ==, "38");

  /* Correcting the denominator saves the row, numerator and all; Enter
   * moves down to the row for the next period. */
  type_into (f, "denominator", "40");
  press_enter (f, "denominator");
  g_assert_false (message_shown (f));
  /* The typed text stays while the store writes: no old value between. */
  g_assert_cmpstr (text_of (f, "value"), ==, "38");
  g_assert_cmpstr (text_of (f, "denominator"), ==, "40");
  g_assert_false (gtk_widget_has_css_class (get_text (f, "value"), "error"));
  fb_test_wait_for_writes (f->store);
  g_clear_object (&point);
  point = dup_point (f, 0);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 38);
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 40);
  g_assert_cmpstr (text_of (f, "value"), ==, "38");
  g_assert_false (gtk_widget_has_css_class (get_text (f, "value"), "error"));

  type_into (f, "value", "39");
  press_enter (f, "value");
  fb_test_wait_for_writes (f->store);
  g_clear_object (&point);
  point = dup_point (f, 0);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 39);
  fb_test_spin_until (draft_value_focused, f);

  /* The excluded box saves too; ticked right after an edit of the row,
   * before the list has it, it keeps that edit. */
  type_into (f, "value", "36");
  press_enter (f, "value");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fb_test_find_descendant (f->grid,
                                                                  GTK_TYPE_CHECK_BUTTON,
                                                                  "excluded")), TRUE);
  fb_test_wait_for_writes (f->store);
  g_clear_object (&point);
  point = dup_point (f, 0);
  g_assert_true (fb_data_point_get_excluded (point));
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 36);
  g_assert_cmpstr (text_of (f, "value"), ==, "36");
  g_assert_false (gtk_widget_get_sensitive (fb_test_find_descendant (f->grid, GTK_TYPE_CHECK_BUTTON,
                                                             "draft-excluded")));
}

static void
test_paste_column (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *first = fb_frequency_next_period (FB_FREQUENCY_WEEK, NULL);
  g_autofree char *second = fb_frequency_next_period (FB_FREQUENCY_WEEK, first);
  g_autofree char *third = fb_frequency_next_period (FB_FREQUENCY_WEEK, second);
  g_autoptr(FbDataPoint) point = NULL;
  gint64 outbox = fb_store_count_outbox (f->store);

  /* A count has no denominator column. */
  g_assert_null (find_text (f, "draft-denominator"));

  /* Three new weeks, written in one transaction. */
  f->n_changed = 0;
  g_assert_true (_fb_data_grid_paste_text (FB_DATA_GRID (f->grid), 0,
                                           FB_DATA_ENTRY_FIELD_VALUE, "12\n13\n14\n"));
  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 3);
  g_assert_cmpint (fb_store_count_outbox (f->store), ==, outbox + 3);
  g_assert_cmpuint (f->n_changed, ==, 1);

  point = dup_point (f, 0);
  g_assert_cmpstr (fb_data_point_get_period (point), ==, first);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 12);
  g_clear_object (&point);
  point = dup_point (f, 2);
  g_assert_cmpstr (fb_data_point_get_period (point), ==, third);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 14);
  g_clear_object (&point);
  assert_message_has (f, "Pasted 3 rows.");

  /* A bad cell saves nothing and says where it is. */
  f->n_changed = 0;
  g_assert_false (_fb_data_grid_paste_text (FB_DATA_GRID (f->grid), 3,
                                            FB_DATA_ENTRY_FIELD_VALUE, "15\nx\n17\n"));
  g_assert_cmpuint (fb_store_get_pending_writes (f->store), ==, 0);
  g_assert_cmpuint (count_points (f), ==, 3);
  g_assert_cmpint (fb_store_count_outbox (f->store), ==, outbox + 3);
  g_assert_cmpuint (f->n_changed, ==, 0);
  assert_error_shown (f, "Row 5, ");
  assert_error_shown (f, "“x” is not a number.");

  /* Pasting over rows changes them, from the row given on. */
  g_assert_true (_fb_data_grid_paste_text (FB_DATA_GRID (f->grid), 1,
                                           FB_DATA_ENTRY_FIELD_VALUE, "23\r\n24\r\n"));
  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 3);
  point = dup_point (f, 1);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 23);
  g_clear_object (&point);
  point = dup_point (f, 2);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 24);
}

static gboolean
five_points (gpointer data)
{
  Fixture *f = data;

  return count_points (f) == 5;
}

static void
test_paste_from_clipboard (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FbDataPoint) point = NULL;
  GtkWidget *draft_value;

  g_assert_true (_fb_data_grid_paste_text (FB_DATA_GRID (f->grid), 0,
                                           FB_DATA_ENTRY_FIELD_VALUE, "12\n13\n14\n"));
  fb_test_wait_for_writes (f->store);
  fb_test_spin_a_while ();

  /* Ctrl+V from the row for the next period adds two more. */
  draft_value = get_text (f, "draft-value");
  gtk_widget_grab_focus (draft_value);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->grid), "20\n21\n");
  g_assert_true (gtk_widget_activate_action (draft_value, "data-grid.paste", NULL));
  fb_test_spin_until (five_points, f);

  point = dup_point (f, 4);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 21);
  g_clear_object (&point);

  /* A single value goes into the cell, as any paste would. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->grid), "48");
  draft_value = get_text (f, "draft-value");
  gtk_widget_grab_focus (draft_value);
  g_signal_emit_by_name (draft_value, "paste-clipboard");
  while (g_strcmp0 (text_of (f, "draft-value"), "48") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_points (f), ==, 5);
}

static void
test_paste_proportion (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FbDataPoint) point = NULL;
  gint64 outbox = fb_store_count_outbox (f->store);

  /* Numerators without their denominators are refused. */
  g_assert_false (_fb_data_grid_paste_text (FB_DATA_GRID (f->grid), 0,
                                            FB_DATA_ENTRY_FIELD_VALUE, "12\n13\n14\n"));
  g_assert_cmpuint (count_points (f), ==, 0);
  assert_error_shown (f, "Row 1, ");
  assert_error_shown (f, "has no denominator");

  f->n_changed = 0;
  g_assert_true (_fb_data_grid_paste_text (FB_DATA_GRID (f->grid), 0,
                                           FB_DATA_ENTRY_FIELD_VALUE,
                                           "12\t40\n13\t41\tNy sjekkliste\n14\t42\n"));
  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 3);
  g_assert_cmpint (fb_store_count_outbox (f->store), ==, outbox + 3);
  g_assert_cmpuint (f->n_changed, ==, 1);

  point = dup_point (f, 1);
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 13);
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 41);
  g_assert_cmpstr (fb_data_point_get_note (point), ==, "Ny sjekkliste");
}

static gboolean
import_done (gpointer data)
{
  Fixture *f = data;

  return message_shown (f) && strstr (message (f), "Importing") == NULL;
}

static gboolean
grid_has_31_rows (gpointer data)
{
  Fixture *f = data;
  g_autofree char *expected = fb_frequency_next_period (FB_FREQUENCY_WEEK, "2026-09-01");

  /* The proposal follows the list, which follows the store. */
  return g_strcmp0 (text_of (f, "draft-period"), expected) == 0;
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ok_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "ok_bom_crlf.csv",
                                                    NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "bad_date.csv",
                                                     NULL);
  g_autoptr(GFile) ok_file = g_file_new_for_path (ok_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(FbDataPoint) point = NULL;
  gint64 outbox;

  _fb_data_grid_import_file (FB_DATA_GRID (f->grid), ok_file);
  assert_message_has (f, "Importing “ok_bom_crlf.csv”");
  fb_test_spin_until (import_done, f);
  assert_message_has (f, "31 added, 0 updated");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (get_message_label (f)), "error"));
  g_assert_cmpuint (count_points (f), ==, 31);
  fb_test_spin_until (grid_has_31_rows, f);

  point = dup_point (f, 0);
  g_assert_cmpstr (fb_data_point_get_period (point), ==, "2024-03-01");
  g_assert_cmpfloat (fb_data_point_get_value (point), ==, 65);
  g_assert_cmpfloat (fb_data_point_get_denominator (point), ==, 90);

  /* A bad file changes nothing, and the message says where it is wrong. */
  outbox = fb_store_count_outbox (f->store);
  _fb_data_grid_import_file (FB_DATA_GRID (f->grid), bad_file);
  fb_test_spin_until (import_done, f);
  assert_error_shown (f, "“bad_date.csv” was not imported.");
  assert_error_shown (f, "Line 7");
  g_assert_cmpuint (count_points (f), ==, 31);
  g_assert_cmpint (fb_store_count_outbox (f->store), ==, outbox);

  /* Importing the same file again changes nothing either. */
  _fb_data_grid_import_file (FB_DATA_GRID (f->grid), ok_file);
  fb_test_spin_until (import_done, f);
  assert_message_has (f, "0 added, 0 updated, 31 unchanged");
  g_assert_cmpint (fb_store_count_outbox (f->store), ==, outbox);
}

static gboolean
focus_moved (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && focus != g_object_get_data (G_OBJECT (f->window), "fb-was-focused");
}

static void
test_enter_walks_down (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "ok_bom_crlf.csv",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) points = NULL;
  GtkWidget *view;
  GtkAdjustment *adjustment;
  GtkWidget *focus;

  /* More rows than fit, so that walking down has to scroll. */
  gtk_window_set_default_size (f->window, 900, 300);
  _fb_data_grid_import_file (FB_DATA_GRID (f->grid), file);
  fb_test_spin_until (import_done, f);
  fb_test_spin_until (grid_has_31_rows, f);
  fb_test_spin_a_while ();

  points = fb_store_list_data_points (f->store, fb_record_get_id (FB_RECORD (f->measure)));
  focus = get_text (f, "value");
  gtk_editable_select_region (GTK_EDITABLE (focus), 0, -1);
  gtk_text_grab_focus_without_selecting (GTK_TEXT (focus));

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(FbDataPoint) point = g_list_model_get_item (points, i);
      g_autofree char *shown = fb_data_entry_format_number (fb_data_point_get_value (point));

      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_cmpstr (gtk_widget_get_name (focus), ==, "value");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, shown);

      g_object_set_data (G_OBJECT (f->window), "fb-was-focused", focus);
      g_signal_emit_by_name (focus, "activate");
      fb_test_spin_until (focus_moved, f);
    }

  g_assert_true (draft_value_focused (f));

  /* The focused row was scrolled into view. */
  fb_test_spin_a_while ();
  view = fb_test_find_descendant (f->grid, GTK_TYPE_COLUMN_VIEW, NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) +
                     gtk_adjustment_get_page_size (adjustment),
                     >=, gtk_adjustment_get_upper (adjustment) - 1);
}

/* Sends a key to the key controller the grid added to a cell: the last
 * added, which GTK lists (and runs) before GtkText's own. */
static gboolean
press_key (GtkWidget       *cell,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cell);
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && keys == NULL)
        keys = controller;
    }

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);

  return handled;
}

static const char *
focused_name (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus ? gtk_widget_get_name (focus) : NULL;
}

static void
test_tab_and_escape (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FbDataPoint) point = fb_data_point_new (NULL);
  g_autofree char *period = fb_frequency_next_period (FB_FREQUENCY_WEEK, NULL);
  GtkWidget *value;

  fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (f->measure)));
  fb_data_point_set_period (point, period);
  fb_data_point_set_value (point, 30);
  fb_data_point_set_denominator (point, 37);
  save (f, FB_RECORD (point));
  fb_test_spin_until (first_row_shown, f);
  fb_test_spin_a_while ();

  /* Tab goes along the row and on to the next; Shift+Tab back. */
  value = get_text (f, "value");
  gtk_editable_select_region (GTK_EDITABLE (value), 0, -1);
  gtk_text_grab_focus_without_selecting (GTK_TEXT (value));
  g_assert_true (press_key (value, GDK_KEY_Tab, 0));
  g_assert_cmpstr (focused_name (f), ==, "denominator");
  g_assert_true (press_key (get_text (f, "denominator"), GDK_KEY_Tab, 0));
  g_assert_cmpstr (focused_name (f), ==, "note");
  g_assert_true (press_key (get_text (f, "note"), GDK_KEY_Tab, 0));
  g_assert_cmpstr (focused_name (f), ==, "excluded");
  g_assert_true (press_key (gtk_root_get_focus (GTK_ROOT (f->window)), GDK_KEY_Tab, 0));
  g_assert_cmpstr (focused_name (f), ==, "reason");
  g_assert_true (press_key (get_text (f, "reason"), GDK_KEY_Tab, 0));
  g_assert_cmpstr (focused_name (f), ==, "draft-period");
  g_assert_true (press_key (get_text (f, "draft-period"), GDK_KEY_ISO_Left_Tab,
                            GDK_SHIFT_MASK));
  g_assert_cmpstr (focused_name (f), ==, "reason");
  g_assert_true (press_key (get_text (f, "reason"), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (focused_name (f), ==, "excluded");
  fb_test_spin_a_while ();

  /* The text is selected, so that typing replaces it. */
  g_assert_true (press_key (gtk_root_get_focus (GTK_ROOT (f->window)), GDK_KEY_ISO_Left_Tab,
                            GDK_SHIFT_MASK));
  g_assert_cmpstr (focused_name (f), ==, "note");
  g_assert_true (press_key (get_text (f, "note"), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (get_text (f, "denominator")),
                                                    NULL, NULL));
  fb_test_spin_a_while ();

  /* Escape puts back what is saved. */
  type_into (f, "value", "99");
  g_assert_true (press_key (get_text (f, "value"), GDK_KEY_Escape, 0));
  g_assert_cmpstr (text_of (f, "value"), ==, "30");
  g_assert_false (press_key (get_text (f, "value"), GDK_KEY_Escape, 0));
}

static gboolean
grid_finalized (gpointer data)
{
  Fixture *f = data;

  return f->grid == NULL;
}

static void
test_close_while_importing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "ok_bom_crlf.csv",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* The grid goes away with the work under way; what finishes after that
   * reports to nobody, and all of it lets go of the grid and the store. */
  _fb_data_grid_import_file (FB_DATA_GRID (f->grid), file);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->grid), "1\n2\n");
  g_assert_true (gtk_widget_activate_action (f->grid, "data-grid.paste", NULL));

  g_object_add_weak_pointer (G_OBJECT (f->grid), (gpointer *)&f->grid);
  gtk_window_destroy (g_steal_pointer (&f->window));
  fb_test_spin_until (grid_finalized, f);
}

static GtkColumnViewColumn *
find_column (Fixture    *f,
             const char *title)
{
  GtkWidget *view = fb_test_find_descendant (f->grid, GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  gboolean is_proportion = GPOINTER_TO_INT (data) == FB_VALUE_TYPE_PROPORTION;

  g_assert_nonnull (find_column (f, "Period"));
  g_assert_nonnull (find_column (f, "Note"));
  g_assert_nonnull (find_column (f, "Excluded"));
  g_assert_nonnull (find_column (f, "Reason"));
  g_assert_nonnull (find_column (f, "Denominator"));

  /* Only proportions and rates have a numerator and a denominator. */
  g_assert_true (gtk_column_view_column_get_visible (find_column (f, "Denominator")) ==
                 is_proportion);
  g_assert_nonnull (find_column (f, is_proportion ? "Numerator" : "Value"));
  g_assert_null (find_column (f, is_proportion ? "Value" : "Numerator"));

  /* The measure may change its type while shown. */
  fb_measure_set_value_type (f->measure, is_proportion ? FB_VALUE_TYPE_CONTINUOUS
                                                       : FB_VALUE_TYPE_RATE);
  g_assert_true (gtk_column_view_column_get_visible (find_column (f, "Denominator")) ==
                 !is_proportion);
  g_assert_nonnull (find_column (f, is_proportion ? "Value" : "Numerator"));
}

static gboolean
reason_focused (gpointer data)
{
  return g_strcmp0 (focused_name (data), "reason") == 0;
}

static void
test_exclude_takes_reason (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FbDataPoint) point = fb_data_point_new (NULL);
  g_autoptr(FbDataPoint) stored = NULL;
  g_autofree char *period = fb_frequency_next_period (FB_FREQUENCY_WEEK, NULL);
  GtkWidget *reason;

  fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (f->measure)));
  fb_data_point_set_period (point, period);
  fb_data_point_set_value (point, 30);
  fb_data_point_set_denominator (point, 37);
  save (f, FB_RECORD (point));
  fb_test_spin_until (first_row_shown, f);

  /* Ticking the box saves it and puts the cursor in the row's reason. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fb_test_find_descendant (f->grid,
                                                                          GTK_TYPE_CHECK_BUTTON,
                                                                          "excluded")), TRUE);
  fb_test_spin_until (reason_focused, f);
  fb_test_wait_for_writes (f->store);
  stored = dup_point (f, 0);
  g_assert_true (fb_data_point_get_excluded (stored));
  g_assert_null (fb_data_point_get_exclude_reason (stored));

  reason = get_text (f, "reason");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (reason)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (get_text (f, "draft-reason"))));

  type_into (f, "reason", "  Ny journalmal  ");
  press_enter (f, "reason");
  g_assert_false (message_shown (f));
  fb_test_wait_for_writes (f->store);
  g_clear_object (&stored);
  stored = dup_point (f, 0);
  g_assert_true (fb_data_point_get_excluded (stored));
  g_assert_cmpstr (fb_data_point_get_exclude_reason (stored), ==, "Ny journalmal");

  /* Unticking keeps the reason. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fb_test_find_descendant (f->grid,
                                                                          GTK_TYPE_CHECK_BUTTON,
                                                                          "excluded")), FALSE);
  /* The box stays unticked while the store writes. */
  g_assert_false (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (fb_test_find_descendant (f->grid, GTK_TYPE_CHECK_BUTTON, "excluded"))));
  fb_test_wait_for_writes (f->store);
  g_clear_object (&stored);
  stored = dup_point (f, 0);
  g_assert_false (fb_data_point_get_excluded (stored));
  g_assert_cmpstr (fb_data_point_get_exclude_reason (stored), ==, "Ny journalmal");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_text (f, "reason"))), ==,
                   "Ny journalmal");
}

static void
set_query_only (Fixture  *f,
                gboolean  query_only)
{
  int rc = sqlite3_exec (_fb_store_get_db (f->store),
                         query_only ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0",
                         NULL, NULL, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static void
test_store_error_keeps_text (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FbDataPoint) point = fb_data_point_new (NULL);
  g_autoptr(FbDataPoint) stored = NULL;
  g_autofree char *period = fb_frequency_next_period (FB_FREQUENCY_WEEK, NULL);

  fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (f->measure)));
  fb_data_point_set_period (point, period);
  fb_data_point_set_value (point, 30);
  fb_data_point_set_denominator (point, 37);
  save (f, FB_RECORD (point));
  fb_test_spin_until (first_row_shown, f);

  /* The value passes its checks, then the store cannot write it: the
   * error comes back into the grid, and the typed text stays. */
  set_query_only (f, TRUE);
  type_into (f, "value", "31");
  press_enter (f, "value");
  g_assert_false (message_shown (f));
  fb_test_wait_for_writes (f->store);
  assert_error_shown (f, "Row 1, ");
  assert_error_shown (f, "read-only");
  g_assert_cmpstr (text_of (f, "value"), ==, "31");
  g_assert_true (gtk_widget_has_css_class (get_text (f, "value"), "error"));
  stored = dup_point (f, 0);
  g_assert_cmpfloat (fb_data_point_get_value (stored), ==, 30);

  /* Once the store can write again, Enter saves it. */
  set_query_only (f, FALSE);
  press_enter (f, "value");
  fb_test_wait_for_writes (f->store);
  g_assert_false (message_shown (f));
  g_clear_object (&stored);
  stored = dup_point (f, 0);
  g_assert_cmpfloat (fb_data_point_get_value (stored), ==, 31);
  g_assert_false (gtk_widget_has_css_class (get_text (f, "value"), "error"));

  /* A new period the store refuses goes back into the last row. */
  set_query_only (f, TRUE);
  type_into (f, "draft-value", "20");
  type_into (f, "draft-denominator", "30");
  press_enter (f, "draft-value");
  fb_test_wait_for_writes (f->store);
  set_query_only (f, FALSE);
  assert_error_shown (f, "Row 2, ");
  g_assert_cmpuint (count_points (f), ==, 1);
  g_assert_cmpstr (text_of (f, "draft-value"), ==, "20");
  g_assert_cmpstr (text_of (f, "draft-denominator"), ==, "30");
  press_enter (f, "draft-value");
  fb_test_wait_for_writes (f->store);
  g_assert_cmpuint (count_points (f), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gpointer proportion = GINT_TO_POINTER (FB_VALUE_TYPE_PROPORTION);
  gpointer count = GINT_TO_POINTER (FB_VALUE_TYPE_COUNT);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK finds the MIME database, and so
   * its icons, through XDG_DATA_DIRS. The database is in a temp dir. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/ui/data-grid/add-next-period", Fixture, proportion,
              fixture_set_up, test_add_next_period, fixture_tear_down);
  g_test_add ("/ui/data-grid/refuses-bad-values", Fixture, proportion,
              fixture_set_up, test_refuses_bad_values, fixture_tear_down);
  g_test_add ("/ui/data-grid/paste-column", Fixture, count,
              fixture_set_up, test_paste_column, fixture_tear_down);
  g_test_add ("/ui/data-grid/paste-from-clipboard", Fixture, count,
              fixture_set_up, test_paste_from_clipboard, fixture_tear_down);
  g_test_add ("/ui/data-grid/paste-proportion", Fixture, proportion,
              fixture_set_up, test_paste_proportion, fixture_tear_down);
  g_test_add ("/ui/data-grid/import-csv", Fixture, proportion,
              fixture_set_up, test_import_csv, fixture_tear_down);
  g_test_add ("/ui/data-grid/enter-walks-down", Fixture, proportion,
              fixture_set_up, test_enter_walks_down, fixture_tear_down);
  g_test_add ("/ui/data-grid/tab-and-escape", Fixture, proportion,
              fixture_set_up, test_tab_and_escape, fixture_tear_down);
  g_test_add ("/ui/data-grid/close-while-importing", Fixture, proportion,
              fixture_set_up, test_close_while_importing, fixture_tear_down);
  g_test_add ("/ui/data-grid/exclude-takes-reason", Fixture, proportion,
              fixture_set_up, test_exclude_takes_reason, fixture_tear_down);
  g_test_add ("/ui/data-grid/store-error-keeps-text", Fixture, proportion,
              fixture_set_up, test_store_error_keeps_text, fixture_tear_down);
  g_test_add ("/ui/data-grid/columns-proportion", Fixture, proportion,
              fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/ui/data-grid/columns-count", Fixture, count,
              fixture_set_up, test_columns, fixture_tear_down);

  return g_test_run ();
}
