/* test-ui-attachments.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fb-attachments-page-private.h"
#include "fb-test-ui.h"

/* Drives the attachments page in-process against a real database in a
 * temp dir: adding files through the path the chooser and drops take,
 * refusing one over the size limit, remove with undo, and the empty
 * state. */

typedef struct
{
  char              *dir;
  FbStore           *store;
  char              *project_id;
  GtkWindow         *window;
  FbAttachmentsPage *page;
} Fixture;

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
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FbTrust) trust = fb_trust_new (NULL);
  g_autoptr(FbProject) project = fb_project_new (NULL);

  f->dir = g_dir_make_tmp ("fb-ui-attach-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "forbedring.db", NULL);
  f->store = fb_store_open (path, &error);
  g_assert_no_error (error);

  fb_trust_set_name (trust, "Testsykehuset HF");
  save (f, FB_RECORD (trust));

  fb_project_set_title (project, "Trygg utskriving");
  fb_project_set_trust_id (project, fb_record_get_id (FB_RECORD (trust)));
  save (f, FB_RECORD (project));
  f->project_id = g_strdup (fb_record_get_id (FB_RECORD (project)));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->page = FB_ATTACHMENTS_PAGE (fb_attachments_page_new (f->store, f->project_id));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  fb_test_spin_a_while ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  fb_test_spin_a_while ();
  fb_test_wait_for_writes (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->project_id);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static guint
n_listed (Fixture *f)
{
  GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX, NULL);
  guint n = 0;

  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;

  return n;
}

static gboolean
two_listed (gpointer data)
{
  return n_listed (data) == 2;
}

static gboolean
one_listed (gpointer data)
{
  return n_listed (data) == 1;
}

static gboolean
idle (gpointer data)
{
  Fixture *f = data;

  return _fb_attachments_page_get_n_pending (f->page) == 0;
}

static AdwActionRow *
row_named (Fixture    *f,
           const char *title)
{
  GtkWidget *list = fb_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX, NULL);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)); i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return ADW_ACTION_ROW (row);

  return NULL;
}

static FbAttachment *
attachment_named (Fixture    *f,
                  const char *name)
{
  GListModel *model = fb_attachments_page_get_attachments (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FbAttachment) attachment = g_list_model_get_item (model, i);

      if (g_strcmp0 (fb_attachment_get_file_name (attachment), name) == 0)
        return g_steal_pointer (&attachment);
    }

  return NULL;
}

/* A tiny valid PNG: its signature and IHDR are enough to be guessed. */
static const guchar png_data[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static void
add_two (Fixture *f)
{
  g_autoptr(GFile) notes = write_file (f, "notes.txt", "Huddle at 08:15.\n", -1);
  g_autoptr(GFile) chart = write_file (f, "board.png", (const char *) png_data, sizeof png_data);
  GSList *files = NULL;

  files = g_slist_append (files, notes);
  files = g_slist_append (files, chart);
  _fb_attachments_page_add_files (f->page, files);
  g_slist_free (files);

  fb_test_spin_until (idle, f);
  fb_test_spin_until (two_listed, f);
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *status = fb_test_find_descendant (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, NULL);

  g_assert_cmpstr (_fb_attachments_page_get_state (f->page), ==, "empty");
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Attachments");
  g_assert_cmpuint (n_listed (f), ==, 0);
}

static void
test_add_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FbAttachment) notes = NULL;
  g_autoptr(FbAttachment) board = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  AdwActionRow *row;

  add_two (f);
  g_assert_cmpstr (_fb_attachments_page_get_state (f->page), ==, "list");
  g_assert_null (_fb_attachments_page_get_last_message (f->page));

  notes = attachment_named (f, "notes.txt");
  board = attachment_named (f, "board.png");
  g_assert_nonnull (notes);
  g_assert_nonnull (board);

  g_assert_cmpstr (fb_attachment_get_owner_entity (board), ==, "project");
  g_assert_cmpstr (fb_attachment_get_owner_id (board), ==, f->project_id);
  g_assert_cmpstr (fb_attachment_get_media_type (board), ==, "image/png");
  g_assert_cmpstr (fb_attachment_get_media_type (notes), ==, "text/plain");
  g_assert_cmpint (fb_attachment_get_size (board), ==, sizeof png_data);
  g_assert_cmpint (fb_attachment_get_size (notes), ==, strlen ("Huddle at 08:15.\n"));

  /* The bytes went into the store under their hash. */
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png_data, sizeof png_data);
  g_assert_cmpstr (fb_attachment_get_sha256 (board), ==, sha256);
  bytes = fb_store_dup_blob (f->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   png_data, sizeof png_data);

  /* The row names the file, its type and size. */
  row = row_named (f, "board.png");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), " · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "bytes"));
}

static void
test_too_large_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *limit = g_format_size_full (FB_STORE_MAX_BLOB_BYTES, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *actual = g_format_size (40 * 1000 * 1000);
  g_autofree char *expected = NULL;
  const char *message;
  g_autoptr(GError) error = NULL;
  GSList files = { file, NULL };

  /* Sparse: larger than the limit without writing it. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (truncate (path, 40 * 1000 * 1000), ==, 0);

  _fb_attachments_page_add_files (f->page, &files);
  fb_test_spin_until (idle, f);
  fb_test_spin_a_while ();

  message = _fb_attachments_page_get_last_message (f->page);
  /* g_format_size () puts a no-break space before the unit. */
  expected = g_strdup_printf ("“scan.pdf” is %s, larger than the limit of %s for "
                              "attachments. Nothing was added.", actual, limit);
  g_assert_cmpstr (message, ==, expected);
  g_assert_cmpstr (actual, ==, "40.0\u00a0MB");
  g_assert_cmpstr (limit, ==, "25.0\u00a0MiB");

  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpint (fb_store_count (f->store, FB_TYPE_ATTACHMENT), ==, 0);
  g_assert_cmpstr (_fb_attachments_page_get_state (f->page), ==, "empty");
}

static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FbAttachment) notes = NULL;
  g_autoptr(FbRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *message;
  GtkWidget *undo;

  add_two (f);
  notes = attachment_named (f, "notes.txt");
  id = g_strdup (fb_record_get_id (FB_RECORD (notes)));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "attachments.remove", "s", id);
  fb_test_spin_until (one_listed, f);
  g_assert_null (row_named (f, "notes.txt"));
  g_assert_nonnull (row_named (f, "board.png"));

  message = _fb_attachments_page_get_last_message (f->page);
  g_assert_cmpstr (message, ==, "“notes.txt” removed");

  /* Tombstoned, not gone. */
  stored = fb_store_get_record (f->store, FB_TYPE_ATTACHMENT, id, &error);
  g_assert_no_error (error);
  g_assert_true (fb_record_get_deleted (stored));

  /* The toast's Undo button restores it. */
  undo = fb_test_find_button (GTK_WIDGET (f->page), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  fb_test_spin_until (two_listed, f);
  g_assert_nonnull (row_named (f, "notes.txt"));

  g_clear_object (&stored);
  stored = fb_store_get_record (f->store, FB_TYPE_ATTACHMENT, id, &error);
  g_assert_no_error (error);
  g_assert_false (fb_record_get_deleted (stored));
}

static void
test_empty_after_removing_all (Fixture       *f,
                               gconstpointer  data)
{
  add_two (f);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FbAttachment) attachment =
        g_list_model_get_item (fb_attachments_page_get_attachments (f->page), 0);

      gtk_widget_activate_action (GTK_WIDGET (f->page), "attachments.remove", "s",
                                  fb_record_get_id (FB_RECORD (attachment)));
      /* The list drops it once the store has written the removal. */
      fb_test_wait_for_writes (f->store);
    }

  fb_test_spin_a_while ();
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpstr (_fb_attachments_page_get_state (f->page), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/attachments/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty-state", test_empty_state);
  ADD ("add-files", test_add_files);
  ADD ("too-large-refused", test_too_large_refused);
  ADD ("remove-and-undo", test_remove_and_undo);
  ADD ("empty-after-removing-all", test_empty_after_removing_all);

  return g_test_run ();
}
