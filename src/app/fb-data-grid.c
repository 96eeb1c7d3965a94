/* fb-data-grid.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-data-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-data-grid-private.h"

/* A measure's data as a spreadsheet-like grid: one row for each data point
 * of the store's live list, then a row for the next period that the
 * frequency proposes. Cells are GtkText, so typing edits in place; Enter
 * (or leaving the cell) saves the row, and Enter moves down a row. What
 * was typed stays in the cell until it is saved, so that a refused value
 * can be corrected: core (fb-data-entry.c) reads and checks it, and says
 * what is wrong; this only shows where. Paste and CSV import go through
 * core too, and save all or nothing.
 *
 * Saves go through the store's write queue: a row checked and handed to
 * the store keeps its typed text until the store has it (the list's point
 * then shows the same), and a new period shows as a row of its own at
 * once, so Enter moves on without waiting for the disk. An edit is based
 * on the last copy handed to the store for that point, so a quick second
 * edit never undoes the first. */

typedef enum
{
  COLUMN_PERIOD,
  COLUMN_VALUE,
  COLUMN_DENOMINATOR,
  COLUMN_NOTE,
  COLUMN_EXCLUDED,
  COLUMN_REASON,
  N_COLUMNS
} Column;

/* Widget names, for the UI test; the draft row's are prefixed "draft-". */
static const char * const column_names[N_COLUMNS] = {
  "period", "value", "denominator", "note", "excluded",
  "reason",
};

struct _FbDataGrid
{
  GtkWidget             parent_instance;

  FbStore              *store;
  FbMeasure            *measure;
  GListModel           *points;
  /* New points handed to the store and not in the list yet; and the
   * points with them, the rows above the draft. */
  GListStore           *saving_store;
  GListModel           *rows;
  FbDataPoint          *draft;
  GListStore           *draft_store;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  /* Text typed into a cell and not saved yet, by "id/column"; and which of
   * it was refused, to mark the cell. */
  GHashTable           *pending;
  GHashTable           *failed;
  GHashTable           *cells[N_COLUMNS];
  /* By id, the last copy of a point handed to the store; by "id/column",
   * the text that copy saves. */
  GHashTable           *queued;
  GHashTable           *in_flight;

  guint                 refreshing;
  gboolean              disposing;
  guint                 focus_position;
  Column                focus_column;
  gboolean              has_focus_request;
  guint                 request_position;
  Column                request_column;
  guint                 focus_idle_id;

  GtkColumnView        *column_view;
  GtkColumnViewColumn  *period_column;
  GtkColumnViewColumn  *value_column;
  GtkColumnViewColumn  *denominator_column;
  GtkColumnViewColumn  *note_column;
  GtkColumnViewColumn  *excluded_column;
  GtkColumnViewColumn  *reason_column;
  GtkRevealer          *message_revealer;
  GtkLabel             *message_label;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbDataGrid, fb_data_grid, GTK_TYPE_WIDGET)

static void
show_message (FbDataGrid *self,
              const char *message,
              gboolean    is_error)
{
  /* A callback may arrive after the template was disposed. */
  if (self->message_label == NULL)
    return;

  gtk_label_set_label (self->message_label, message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
hide_error (FbDataGrid *self)
{
  if (self->message_label == NULL ||
      !gtk_widget_has_css_class (GTK_WIDGET (self->message_label), "error"))
    return;

  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static GtkListItem *
cell_list_item (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "fb-list-item");
}

static Column
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "fb-column"));
}

static FbDataPoint *
cell_point (GtkWidget *cell)
{
  GtkListItem *item = cell_list_item (cell);

  return item != NULL ? gtk_list_item_get_item (item) : NULL;
}

static char *
pending_key (FbDataPoint *point,
             Column       column)
{
  return g_strdup_printf ("%s/%u", fb_record_get_id (FB_RECORD (point)), column);
}

static const char *
lookup_pending (FbDataGrid  *self,
                FbDataPoint *point,
                Column       column)
{
  g_autofree char *key = pending_key (point, column);

  return g_hash_table_lookup (self->pending, key);
}

static void
forget_pending (FbDataGrid  *self,
                FbDataPoint *point)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autofree char *key = pending_key (point, column);

      g_hash_table_remove (self->pending, key);
      g_hash_table_remove (self->failed, key);
    }
}

static GtkColumnViewColumn *
get_column (FbDataGrid *self,
            Column      column)
{
  GtkColumnViewColumn *columns[N_COLUMNS] = {
    self->period_column, self->value_column, self->denominator_column, self->note_column,
    self->excluded_column, self->reason_column,
  };

  return columns[column];
}

static FbDataEntryField
column_to_field (Column column)
{
  switch (column)
    {
    case COLUMN_DENOMINATOR:
      return FB_DATA_ENTRY_FIELD_DENOMINATOR;
    case COLUMN_NOTE:
      return FB_DATA_ENTRY_FIELD_NOTE;
    case COLUMN_PERIOD:
    case COLUMN_VALUE:
    case COLUMN_EXCLUDED:
    case COLUMN_REASON:
    case N_COLUMNS:
    default:
      return FB_DATA_ENTRY_FIELD_VALUE;
    }
}

static char *
dup_cell_text (FbDataPoint *point,
               Column       column,
               gboolean     is_draft)
{
  const char *period = fb_data_point_get_period (point);
  const char *note;
  const char *reason;

  switch (column)
    {
    case COLUMN_PERIOD:
      if (is_draft || period == NULL)
        return g_strdup (period ? period : "");
      return fb_data_entry_format_period (period);

    case COLUMN_VALUE:
      return fb_data_entry_format_number (fb_data_point_get_value (point));

    case COLUMN_DENOMINATOR:
      return fb_data_entry_format_number (fb_data_point_get_denominator (point));

    case COLUMN_NOTE:
      note = fb_data_point_get_note (point);
      return g_strdup (note ? note : "");

    case COLUMN_REASON:
      reason = is_draft ? NULL : fb_data_point_get_exclude_reason (point);
      return g_strdup (reason ? reason : "");

    case COLUMN_EXCLUDED:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
refresh_cell (FbDataGrid *self,
              GtkWidget  *cell)
{
  FbDataPoint *point = cell_point (cell);
  Column column = cell_column (cell);
  const char *title = gtk_column_view_column_get_title (get_column (self, column));
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  const char *period;
  gboolean is_draft;

  if (point == NULL)
    return;

  is_draft = point == self->draft;
  key = pending_key (point, column);
  period = fb_data_point_get_period (point);
  name = g_strconcat (is_draft ? "draft-" : "", column_names[column], NULL);

  self->refreshing++;

  gtk_widget_set_name (cell, name);

  if (column == COLUMN_EXCLUDED)
    {
      FbDataPoint *queued = g_hash_table_lookup (self->queued, fb_record_get_id (FB_RECORD (point)));

      /* A box just ticked stays ticked while the store writes. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (cell),
                                   !is_draft &&
                                   fb_data_point_get_excluded (queued ? queued : point));
      gtk_widget_set_sensitive (cell, !is_draft);
    }
  else
    {
      const char *typed = g_hash_table_lookup (self->pending, key);
      g_autofree char *text = typed ? g_strdup (typed) : dup_cell_text (point, column, is_draft);
      gboolean editable = column == COLUMN_PERIOD ? is_draft
                          : column == COLUMN_REASON ? !is_draft : TRUE;

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (cell), text);

      gtk_editable_set_editable (GTK_EDITABLE (cell), editable);
      gtk_widget_set_focusable (cell, editable);
      gtk_text_set_placeholder_text (GTK_TEXT (cell),
                                     is_draft && column == COLUMN_PERIOD ? _("YYYY-MM-DD") : NULL);

      if (g_hash_table_contains (self->failed, key))
        gtk_widget_add_css_class (cell, "error");
      else
        gtk_widget_remove_css_class (cell, "error");
    }

  self->refreshing--;

  /* The reason's column title is short; its cells say what it is for. */
  if (column == COLUMN_REASON)
    title = _("Reason for excluding");

  if (is_draft)
    {
      /* Translators: the accessible name of a cell in the row that adds a
       * period; %s is the column, e.g. "Numerator" */
      label = g_strdup_printf (_("%s of the next period"), title);
    }
  else
    {
      shown = period ? fb_data_entry_format_period (period) : g_strdup ("");
      /* Translators: the accessible name of a cell; the column and the
       * row's date, e.g. "Numerator, 2 Mar 2026" */
      label = g_strdup_printf (_("%s, %s"), title, shown);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
refresh_all_cells (FbDataGrid *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GHashTableIter iter;
      gpointer cell;

      g_hash_table_iter_init (&iter, self->cells[column]);
      while (g_hash_table_iter_next (&iter, &cell, NULL))
        refresh_cell (self, cell);
    }
}

static GtkWidget *
find_cell (FbDataGrid *self,
           guint       position,
           Column      column)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells[column]);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      GtkListItem *item = cell_list_item (cell);

      if (item != NULL && gtk_list_item_get_position (item) == position)
        return cell;
    }

  return NULL;
}

static GtkWidget *
get_list_view (FbDataGrid *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static void
grab_cell_focus (GtkWidget *cell)
{
  /* Select first, so that typing replaces the cell: GtkText arms its
   * cursor blink when it takes focus without a selection, and GTK 4.8's
   * select-all on focus does not disarm it ("unexpected blinking
   * selection"). */
  if (GTK_IS_TEXT (cell))
    {
      gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
      gtk_text_grab_focus_without_selecting (GTK_TEXT (cell));
    }
  else
    {
      gtk_widget_grab_focus (cell);
    }
}

static gboolean
focus_idle_cb (gpointer data)
{
  FbDataGrid *self = data;
  GtkWidget *cell;
  GtkWidget *list_view;

  self->focus_idle_id = 0;

  if (!self->has_focus_request)
    return G_SOURCE_REMOVE;

  if ((cell = find_cell (self, self->request_position, self->request_column)))
    {
      self->has_focus_request = FALSE;
      grab_cell_focus (cell);
      return G_SOURCE_REMOVE;
    }

  /* The row is scrolled out of view and has no widgets: bring it in, and
   * bind_cell_cb () comes back here once it has. GTK 4.8 has no
   * gtk_column_view_scroll_to (). */
  if ((list_view = get_list_view (self)))
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", self->request_position);

  return G_SOURCE_REMOVE;
}

static void
schedule_focus (FbDataGrid *self)
{
  /* At idle priority, after the list has laid out rows that just moved. */
  if (self->focus_idle_id == 0)
    self->focus_idle_id = g_idle_add (focus_idle_cb, self);
}

static void
focus_cell (FbDataGrid *self,
            guint       position,
            Column      column)
{
  self->has_focus_request = TRUE;
  self->request_position = position;
  self->request_column = column;
  schedule_focus (self);
}

static void
update_draft_period (FbDataGrid *self,
                     gboolean    force)
{
  g_autofree char *next = NULL;
  g_autofree char *key = NULL;
  guint n_points;

  /* A date the person typed for the new row stays until the row is added. */
  key = pending_key (self->draft, COLUMN_PERIOD);
  if (!force && g_hash_table_contains (self->pending, key))
    return;

  n_points = g_list_model_get_n_items (self->rows);
  if (n_points > 0)
    {
      g_autoptr(FbDataPoint) last = g_list_model_get_item (self->rows, n_points - 1);

      next = fb_frequency_next_period (fb_measure_get_frequency (self->measure),
                                       fb_data_point_get_period (last));
    }
  else
    {
      next = fb_frequency_next_period (fb_measure_get_frequency (self->measure), NULL);
    }

  fb_data_point_set_period (self->draft, next);
}

static void
update_columns (FbDataGrid *self)
{
  gboolean has_denominator =
    fb_measure_value_type_has_denominator (fb_measure_get_value_type (self->measure));

  gtk_column_view_column_set_title (self->value_column,
                                    has_denominator ? _("Numerator") : _("Value"));
  gtk_column_view_column_set_visible (self->denominator_column, has_denominator);
  refresh_all_cells (self);
}

static void
rows_changed_cb (FbDataGrid *self,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GListModel *rows)
{
  update_draft_period (self, FALSE);
}

/* A new point's own row goes as soon as the list shows it, in the same
 * change, so it is never drawn twice. */
static void
points_changed_cb (FbDataGrid *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *points)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->saving_store)); i > 0; i--)
    {
      g_autoptr(FbRecord) saving = g_list_model_get_item (G_LIST_MODEL (self->saving_store), i - 1);

      if (fb_record_list_lookup (FB_RECORD_LIST (points), fb_record_get_id (saving)))
        g_list_store_remove (self->saving_store, i - 1);
    }
}

static void
measure_notify_cb (FbDataGrid *self,
                   GParamSpec *pspec,
                   FbMeasure  *measure)
{
  if (g_strcmp0 (pspec->name, "value-type") == 0)
    update_columns (self);
  else if (g_strcmp0 (pspec->name, "frequency") == 0)
    update_draft_period (self, FALSE);
}

static void
mark_failed (FbDataGrid  *self,
             FbDataPoint *point,
             Column       column,
             GtkWidget   *cell)
{
  g_hash_table_add (self->failed, pending_key (point, column));
  if (cell != NULL)
    refresh_cell (self, cell);
}

/* The text columns a row's edit saves. */
static const Column text_columns[] = {
  COLUMN_PERIOD, COLUMN_VALUE, COLUMN_DENOMINATOR, COLUMN_NOTE, COLUMN_REASON,
};

/* "id/column" → text, for what is typed into the row of @point now. */
static GHashTable *
dup_pending_texts (FbDataGrid  *self,
                   FbDataPoint *point)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      g_autofree char *key = pending_key (point, text_columns[i]);
      const char *text = g_hash_table_lookup (self->pending, key);

      if (text != NULL)
        g_hash_table_insert (texts, g_steal_pointer (&key), g_strdup (text));
    }

  return texts;
}

static void
forget_failed (FbDataGrid  *self,
               FbDataPoint *point)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autofree char *key = pending_key (point, column);

      g_hash_table_remove (self->failed, key);
    }
}

/* What a new edit of @point starts from: the last copy handed to the store
 * for it, which the list's point does not show yet, or the list's point. */
static FbDataPoint *
dup_base (FbDataGrid  *self,
          FbDataPoint *point)
{
  FbDataPoint *queued = g_hash_table_lookup (self->queued, fb_record_get_id (FB_RECORD (point)));

  return FB_DATA_POINT (fb_record_copy (FB_RECORD (queued ? queued : point)));
}

/* The row of the point with @id among the points, 1-based, or 0. */
static guint
find_row (FbDataGrid *self,
          const char *id)
{
  guint n_rows = g_list_model_get_n_items (self->rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(FbRecord) record = g_list_model_get_item (self->rows, i);

      if (g_strcmp0 (fb_record_get_id (record), id) == 0)
        return i + 1;
    }

  return 0;
}

typedef struct
{
  FbDataGrid  *self;
  FbDataPoint *point;
  GHashTable  *texts;
  GPtrArray   *points;
  gboolean     past_end;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->point);
  g_clear_pointer (&request->texts, g_hash_table_unref);
  g_clear_pointer (&request->points, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static SaveRequest *
save_request_new (FbDataGrid  *self,
                  FbDataPoint *point,
                  GHashTable  *texts)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->point = point ? g_object_ref (point) : NULL;
  request->texts = texts;

  return request;
}

static void
edit_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  FbDataGrid *self = request->self;
  g_autoptr(GError) error = NULL;
  const char *id = fb_record_get_id (FB_RECORD (request->point));
  gboolean saved = fb_store_save_finish (FB_STORE (object), result, &error);
  GHashTableIter iter;
  gpointer key, text;

  if (g_hash_table_lookup (self->queued, id) == request->point)
    g_hash_table_remove (self->queued, id);

  /* The list's point has the change by now (the store says so first), so
   * the text typed can go; unless more was typed since. */
  g_hash_table_iter_init (&iter, request->texts);
  while (g_hash_table_iter_next (&iter, &key, &text))
    {
      if (g_strcmp0 (g_hash_table_lookup (self->in_flight, key), text) == 0)
        g_hash_table_remove (self->in_flight, key);
      if (g_strcmp0 (g_hash_table_lookup (self->pending, key), text) != 0)
        continue;
      if (saved)
        g_hash_table_remove (self->pending, key);
      else
        g_hash_table_add (self->failed, g_strdup (key));
    }

  if (self->disposing)
    return;

  if (!saved)
    {
      fb_data_entry_prefix_error (&error, find_row (self, id),
                                  fb_data_point_get_period (request->point));
      show_message (self, error->message, TRUE);
    }

  refresh_all_cells (self);
}

/* Hands @copy to the store, with the texts of its row it saves. */
static void
queue_edit (FbDataGrid  *self,
            FbDataPoint *copy,
            GHashTable  *texts)
{
  GHashTableIter iter;
  gpointer key, text;

  g_hash_table_replace (self->queued, g_strdup (fb_record_get_id (FB_RECORD (copy))),
                        g_object_ref (copy));
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, &text))
    g_hash_table_replace (self->in_flight, g_strdup (key), g_strdup (text));

  /* Not cancelled with the grid: an edit made is saved even when the page
   * closes at once. */
  fb_store_save_async (self->store, FB_RECORD (copy), NULL, edit_saved_cb,
                       save_request_new (self, copy, texts));
}

/* Saves what was typed into the row of @cell, a stored point's: the cells
 * of a row are checked together, so a numerator refused for its
 * denominator is saved once the denominator is corrected. Returns FALSE,
 * with the message shown and the text kept, when it is refused; TRUE once
 * it is handed to the store. */
static gboolean
commit_cell (FbDataGrid *self,
             GtkWidget  *cell)
{
  FbDataPoint *point = cell_point (cell);
  g_autoptr(FbDataPoint) copy = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, text;
  gboolean unsaved = FALSE;

  if (point == NULL || point == self->draft)
    return TRUE;

  /* Nothing typed, or only what is already on its way to the store. */
  texts = dup_pending_texts (self, point);
  g_hash_table_iter_init (&iter, texts);
  while (!unsaved && g_hash_table_iter_next (&iter, &key, &text))
    unsaved = g_strcmp0 (g_hash_table_lookup (self->in_flight, key), text) != 0;
  if (!unsaved)
    return TRUE;

  /* The list's point changes only once the store has it. */
  copy = dup_base (self, point);

  if (!fb_data_entry_apply (copy, fb_measure_get_value_type (self->measure),
                            lookup_pending (self, point, COLUMN_VALUE),
                            lookup_pending (self, point, COLUMN_DENOMINATOR),
                            lookup_pending (self, point, COLUMN_NOTE), &error))
    {
      fb_data_entry_prefix_error (&error, gtk_list_item_get_position (cell_list_item (cell)) + 1,
                                  fb_data_point_get_period (point));
      show_message (self, error->message, TRUE);
      mark_failed (self, point, cell_column (cell), cell);
      return FALSE;
    }
  fb_data_entry_set_exclude_reason (copy, lookup_pending (self, point, COLUMN_REASON));

  queue_edit (self, copy, g_steal_pointer (&texts));
  forget_failed (self, point);
  refresh_all_cells (self);
  hide_error (self);

  return TRUE;
}

static void
add_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  FbDataGrid *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) typed = NULL;
  GHashTableIter iter;
  gpointer key, text;
  guint position;

  if (fb_store_save_finish (FB_STORE (object), result, &error) || self->disposing)
    return;

  if (g_list_store_find (self->saving_store, request->point, &position))
    g_list_store_remove (self->saving_store, position);

  /* The period goes back into the last row, to be corrected there, unless
   * the next one is being typed already. */
  typed = dup_pending_texts (self, self->draft);
  if (g_hash_table_size (typed) == 0)
    {
      g_hash_table_iter_init (&iter, request->texts);
      while (g_hash_table_iter_next (&iter, &key, &text))
        g_hash_table_replace (self->pending, g_strdup (key), g_strdup (text));
      g_hash_table_add (self->failed, pending_key (self->draft, COLUMN_VALUE));
      update_draft_period (self, FALSE);
    }

  fb_data_entry_prefix_error (&error, g_list_model_get_n_items (self->rows) + 1,
                              fb_data_point_get_period (request->point));
  show_message (self, error->message, TRUE);
  refresh_all_cells (self);
}

/* Adds the period typed into the last row. Returns FALSE when nothing was
 * typed, or with the message shown when it is refused. */
static gboolean
commit_draft (FbDataGrid *self,
              GtkWidget  *cell)
{
  g_autoptr(FbDataPoint) point = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  const char *period_text = lookup_pending (self, self->draft, COLUMN_PERIOD);
  const char *value_text = lookup_pending (self, self->draft, COLUMN_VALUE);
  const char *denominator_text = lookup_pending (self, self->draft, COLUMN_DENOMINATOR);
  const char *note = lookup_pending (self, self->draft, COLUMN_NOTE);
  guint row = g_list_model_get_n_items (self->rows) + 1;
  GHashTable *texts;

  if (period_text == NULL)
    period_text = fb_data_point_get_period (self->draft);

  if (!fb_measure_value_type_has_denominator (fb_measure_get_value_type (self->measure)))
    denominator_text = NULL;

  /* Enter in an empty row adds nothing: a missing period is added by
   * typing its note, or by leaving its value empty in a paste. */
  if ((value_text == NULL || *value_text == '\0') &&
      (denominator_text == NULL || *denominator_text == '\0') &&
      (note == NULL || *note == '\0'))
    return FALSE;

  if (!(period = fb_data_entry_parse_period (period_text ? period_text : "", &error)) ||
      !fb_data_entry_check_new_period (self->measure, self->rows, period, &error))
    {
      fb_data_entry_prefix_error (&error, row, NULL);
      show_message (self, error->message, TRUE);
      mark_failed (self, self->draft, COLUMN_PERIOD, find_cell (self, row - 1, COLUMN_PERIOD));
      return FALSE;
    }

  point = fb_data_point_new (NULL);
  fb_data_point_set_measure_id (point, fb_record_get_id (FB_RECORD (self->measure)));
  fb_data_point_set_period (point, period);

  if (!fb_data_entry_apply (point, fb_measure_get_value_type (self->measure),
                            value_text ? value_text : "",
                            denominator_text ? denominator_text : "",
                            note, &error))
    {
      fb_data_entry_prefix_error (&error, row, period);
      show_message (self, error->message, TRUE);
      mark_failed (self, self->draft, cell_column (cell), cell);
      return FALSE;
    }

  /* The row's text, to put back should the store refuse it. */
  texts = dup_pending_texts (self, self->draft);
  g_hash_table_replace (texts, pending_key (self->draft, COLUMN_PERIOD), g_strdup (period));

  /* The new period shows as a row now, and the last row moves on to the
   * next; the list takes the row over once the store has it. */
  g_list_store_append (self->saving_store, point);
  forget_pending (self, self->draft);
  update_draft_period (self, TRUE);
  refresh_all_cells (self);
  hide_error (self);

  fb_store_save_async (self->store, FB_RECORD (point), NULL, add_saved_cb,
                       save_request_new (self, point, texts));

  return TRUE;
}

static void
text_changed_cb (GtkEditable *text,
                 FbDataGrid  *self)
{
  FbDataPoint *point;

  if (self->refreshing > 0 || !(point = cell_point (GTK_WIDGET (text))))
    return;

  g_hash_table_insert (self->pending,
                       pending_key (point, cell_column (GTK_WIDGET (text))),
                       g_strdup (gtk_editable_get_text (text)));
}

static void
text_activate_cb (GtkText    *text,
                  FbDataGrid *self)
{
  GtkWidget *cell = GTK_WIDGET (text);
  FbDataPoint *point = cell_point (cell);
  Column column = cell_column (cell);

  if (point == NULL)
    return;

  if (point == self->draft)
    {
      if (commit_draft (self, cell))
        focus_cell (self, g_list_model_get_n_items (self->rows), COLUMN_VALUE);
      return;
    }

  if (commit_cell (self, cell))
    focus_cell (self, gtk_list_item_get_position (cell_list_item (cell)) + 1, column);
}

static gboolean
cell_can_focus (GtkWidget *cell)
{
  return gtk_widget_get_focusable (cell) && gtk_widget_get_sensitive (cell);
}

/* Tab goes from cell to cell along the row, then on to the next row, as
 * in a spreadsheet, through grab_cell_focus (): GTK's own focus chain
 * would select a cell's text after focusing it (see there). Returns FALSE
 * past the first or last cell, for focus to leave the grid. */
static gboolean
move_focus (FbDataGrid *self,
            GtkWidget  *cell,
            gboolean    backward)
{
  guint n_rows = g_list_model_get_n_items (self->rows) + 1;
  guint position = gtk_list_item_get_position (cell_list_item (cell));
  Column column = cell_column (cell);

  for (;;)
    {
      GtkWidget *next;

      if (backward && column == 0)
        {
          if (position == 0)
            return FALSE;
          position--;
          column = N_COLUMNS - 1;
        }
      else if (backward)
        {
          column--;
        }
      else if (++column == N_COLUMNS)
        {
          if (++position >= n_rows)
            return FALSE;
          column = 0;
        }

      if (!gtk_column_view_column_get_visible (get_column (self, column)))
        continue;

      if (!(next = find_cell (self, position, column)))
        {
          focus_cell (self, position, column);
          return TRUE;
        }

      if (cell_can_focus (next))
        {
          grab_cell_focus (next);
          return TRUE;
        }
    }
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     FbDataGrid            *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FbDataPoint *point = cell_point (cell);
  g_autofree char *key = NULL;

  if (point == NULL)
    return FALSE;

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    return move_focus (self, cell,
                       keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0);

  if (keyval != GDK_KEY_Escape || !GTK_IS_TEXT (cell))
    return FALSE;

  /* Escape puts back what is saved. */
  key = pending_key (point, cell_column (cell));
  if (!g_hash_table_remove (self->pending, key))
    return FALSE;

  g_hash_table_remove (self->failed, key);
  refresh_cell (self, cell);
  hide_error (self);

  return TRUE;
}

static void
cell_enter_cb (GtkEventControllerFocus *controller,
               FbDataGrid              *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkListItem *item = cell_list_item (cell);

  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return;

  /* Focus is where the person put it: a move asked for earlier is moot. */
  self->has_focus_request = FALSE;
  self->focus_position = gtk_list_item_get_position (item);
  self->focus_column = cell_column (cell);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               FbDataGrid              *self)
{
  /* Leaving the new row keeps its text: its cells are filled in turn. */
  if (!self->disposing)
    commit_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

typedef struct
{
  FbDataGrid       *self;
  guint             position;
  FbDataEntryField  field;
  GWeakRef          text;
} PasteRequest;

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PasteRequest *request = user_data;
  g_autoptr(FbDataGrid) self = request->self;
  g_autoptr(GtkWidget) text = g_weak_ref_get (&request->text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *clipboard_text = NULL;
  guint position = request->position;
  FbDataEntryField field = request->field;

  g_weak_ref_clear (&request->text);
  g_free (request);

  if (self->disposing)
    return;

  if (!(clipboard_text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result,
                                                         &error)))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      return;
    }

  /* One cell goes into the cell being edited, as a paste always does. */
  rows = fb_data_entry_split_paste (clipboard_text);
  if (text != NULL && rows->len == 1 && g_strv_length (g_ptr_array_index (rows, 0)) == 1)
    {
      const char *cell_text = ((char **)g_ptr_array_index (rows, 0))[0];
      int cursor;

      gtk_editable_delete_selection (GTK_EDITABLE (text));
      cursor = gtk_editable_get_position (GTK_EDITABLE (text));
      gtk_editable_insert_text (GTK_EDITABLE (text), cell_text, -1, &cursor);
      gtk_editable_set_position (GTK_EDITABLE (text), cursor);
      return;
    }

  _fb_data_grid_paste_text (self, position, field, clipboard_text);
}

static void
start_paste (FbDataGrid *self,
             guint       position,
             Column      column,
             GtkWidget  *text)
{
  PasteRequest *request = g_new0 (PasteRequest, 1);

  request->self = g_object_ref (self);
  request->position = MIN (position, g_list_model_get_n_items (self->rows));
  request->field = column_to_field (column);
  g_weak_ref_init (&request->text, text);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->cancellable,
                                 paste_read_cb, request);
}

static void
text_paste_cb (GtkText    *text,
               FbDataGrid *self)
{
  GtkWidget *cell = GTK_WIDGET (text);
  GtkListItem *item = cell_list_item (cell);

  /* Only the numbers and the note are filled in from a paste. */
  if (item == NULL || cell_column (cell) == COLUMN_REASON)
    return;

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  start_paste (self, gtk_list_item_get_position (item), cell_column (cell), cell);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FbDataGrid *self = FB_DATA_GRID (widget);

  start_paste (self, self->focus_position, self->focus_column, NULL);
}

static void
excluded_toggled_cb (GtkCheckButton *check,
                     FbDataGrid     *self)
{
  GtkWidget *cell = GTK_WIDGET (check);
  FbDataPoint *point = cell_point (cell);
  g_autoptr(FbDataPoint) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->refreshing > 0 || point == NULL || point == self->draft)
    return;

  copy = dup_base (self, point);

  if (!fb_data_entry_set_excluded (copy, gtk_check_button_get_active (check), NULL, &error))
    {
      fb_data_entry_prefix_error (&error, gtk_list_item_get_position (cell_list_item (cell)) + 1,
                                  fb_data_point_get_period (point));
      show_message (self, error->message, TRUE);
      refresh_cell (self, cell);
      return;
    }

  queue_edit (self, copy, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));

  /* Excluding takes a reason: the person types it next. */
  if (fb_data_entry_needs_exclude_reason (copy))
    focus_cell (self, gtk_list_item_get_position (cell_list_item (cell)), COLUMN_REASON);
}

static void
cell_destroy_cb (GtkWidget  *cell,
                 FbDataGrid *self)
{
  g_hash_table_remove (self->cells[cell_column (cell)], cell);
}

static void
setup_cell (FbDataGrid  *self,
            GtkListItem *item,
            GtkWidget   *cell,
            Column       column)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_object_set_data (G_OBJECT (cell), "fb-list-item", item);
  g_object_set_data (G_OBJECT (cell), "fb-column", GUINT_TO_POINTER (column));

  g_signal_connect (focus, "enter", G_CALLBACK (cell_enter_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  g_signal_connect (cell, "destroy", G_CALLBACK (cell_destroy_cb), self);

  if (GTK_IS_TEXT (cell))
    {
      g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
      g_signal_connect (cell, "changed", G_CALLBACK (text_changed_cb), self);
      g_signal_connect (cell, "activate", G_CALLBACK (text_activate_cb), self);
      g_signal_connect (cell, "paste-clipboard", G_CALLBACK (text_paste_cb), self);
    }

  gtk_widget_add_controller (cell, focus);
  gtk_widget_add_controller (cell, keys);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, cell);
}

static GtkWidget *
new_text_cell (int   width_chars,
               float xalign)
{
  GtkWidget *text = gtk_text_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (text), width_chars);
  gtk_editable_set_alignment (GTK_EDITABLE (text), xalign);

  return text;
}

static void
setup_period_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 FbDataGrid               *self)
{
  setup_cell (self, item, new_text_cell (12, 0), COLUMN_PERIOD);
}

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                FbDataGrid               *self)
{
  GtkWidget *text = new_text_cell (8, 1);

  gtk_text_set_input_purpose (GTK_TEXT (text), GTK_INPUT_PURPOSE_NUMBER);
  setup_cell (self, item, text, COLUMN_VALUE);
}

static void
setup_denominator_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      FbDataGrid               *self)
{
  GtkWidget *text = new_text_cell (8, 1);

  gtk_text_set_input_purpose (GTK_TEXT (text), GTK_INPUT_PURPOSE_DIGITS);
  setup_cell (self, item, text, COLUMN_DENOMINATOR);
}

static void
setup_note_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               FbDataGrid               *self)
{
  GtkWidget *text = new_text_cell (20, 0);

  gtk_widget_set_hexpand (text, TRUE);
  setup_cell (self, item, text, COLUMN_NOTE);
}

static void
setup_excluded_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   FbDataGrid               *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (excluded_toggled_cb), self);
  setup_cell (self, item, check, COLUMN_EXCLUDED);
}

static void
setup_reason_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 FbDataGrid               *self)
{
  GtkWidget *text = new_text_cell (20, 0);

  gtk_widget_set_hexpand (text, TRUE);
  setup_cell (self, item, text, COLUMN_REASON);
}

static void
point_notify_cb (GtkWidget   *cell,
                 GParamSpec  *pspec,
                 FbDataPoint *point)
{
  FbDataGrid *self = FB_DATA_GRID (gtk_widget_get_ancestor (cell, FB_TYPE_DATA_GRID));

  if (self != NULL)
    refresh_cell (self, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              FbDataGrid               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  FbDataPoint *point = gtk_list_item_get_item (item);
  Column column = cell_column (cell);
  gulong handler;

  /* Points are updated in place when the store changes. */
  handler = g_signal_connect_object (point, "notify", G_CALLBACK (point_notify_cb), cell,
                                     G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (cell), "fb-bound-point", point);
  g_object_set_data (G_OBJECT (cell), "fb-notify-handler", GSIZE_TO_POINTER (handler));
  g_hash_table_add (self->cells[column], cell);

  refresh_cell (self, cell);

  if (self->has_focus_request && self->request_column == column &&
      self->request_position == gtk_list_item_get_position (item))
    schedule_focus (self);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                FbDataGrid               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  FbDataPoint *point = g_object_get_data (G_OBJECT (cell), "fb-bound-point");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), "fb-notify-handler"));

  if (point != NULL && g_signal_handler_is_connected (point, handler))
    g_signal_handler_disconnect (point, handler);

  g_object_set_data (G_OBJECT (cell), "fb-bound-point", NULL);
  g_object_set_data (G_OBJECT (cell), "fb-notify-handler", NULL);
  g_hash_table_remove (self->cells[cell_column (cell)], cell);
}

static void
paste_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  FbDataGrid *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_points = request->points->len;

  if (!fb_store_save_many_finish (FB_STORE (object), result, &error))
    {
      if (!self->disposing)
        show_message (self, error->message, TRUE);
      return;
    }

  if (self->disposing)
    return;

  for (guint i = 0; i < n_points; i++)
    forget_pending (self, g_ptr_array_index (request->points, i));
  if (request->past_end)
    {
      forget_pending (self, self->draft);
      update_draft_period (self, TRUE);
    }
  refresh_all_cells (self);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pasted %u row.", "Pasted %u rows.",
                                          n_points),
                             n_points);
  show_message (self, message, FALSE);
}

/**
 * _fb_data_grid_paste_text:
 * @self: a #FbDataGrid
 * @position: the row the paste starts in; past the last point for the new row
 * @field: the column the paste starts in
 * @text: the text from the clipboard
 *
 * Fills the grid from @position down with a range copied from a
 * spreadsheet, adding periods past the last one, in one transaction: when
 * a cell is refused, the message names it and nothing is saved. The store
 * writes in the background; the grid says how many rows were pasted once
 * it has.
 *
 * Returns: %TRUE when every cell was accepted and handed to the store
 */
gboolean
_fb_data_grid_paste_text (FbDataGrid       *self,
                          guint             position,
                          FbDataEntryField  field,
                          const char       *text)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  SaveRequest *request;
  guint n_points;

  g_return_val_if_fail (FB_IS_DATA_GRID (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  n_points = g_list_model_get_n_items (self->rows);
  position = MIN (position, n_points);

  if (!(points = fb_data_entry_fill (self->measure, self->rows, position, field, text,
                                     &error)))
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }

  if (points->len == 0)
    return TRUE;

  request = save_request_new (self, NULL, NULL);
  request->past_end = position + points->len > n_points;
  request->points = g_ptr_array_ref (points);
  fb_store_save_many_async (self->store, (FbRecord **)points->pdata, points->len, NULL,
                            paste_saved_cb, request);

  return TRUE;
}

typedef struct
{
  FbDataGrid *self;
  char       *name;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->self);
  g_clear_pointer (&request->name, g_free);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

static void
set_importing (FbDataGrid *self,
               gboolean    importing)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data-grid.import", !importing);
}

static void
import_failed (FbDataGrid   *self,
               const char   *name,
               const GError *error)
{
  g_autofree char *message = NULL;

  if (self->disposing || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_importing (self, FALSE);
  /* Translators: %s is a file name, then comes what is wrong with it */
  message = g_strdup_printf (_("“%s” was not imported. %s"), name, error->message);
  show_message (self, message, TRUE);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  FbDataGrid *self = request->self;
  g_autoptr(GError) error = NULL;
  FbStoreImportResult counts;
  g_autofree char *message = NULL;

  if (!fb_store_import_data_finish (FB_STORE (object), result, &counts, &error))
    {
      import_failed (self, request->name, error);
      return;
    }

  if (self->disposing)
    return;

  set_importing (self, FALSE);
  /* Translators: %s is a file name; then the numbers of periods */
  message = g_strdup_printf (_("Imported “%s”: %u added, %u updated, %u unchanged."),
                             request->name, counts.added, counts.updated, counts.unchanged);
  show_message (self, message, FALSE);
}

static void
parse_file_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  FbDataGrid *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;

  if (!(rows = fb_csv_parse_file_finish (result, &error)))
    {
      import_failed (self, request->name, error);
      return;
    }

  if (self->disposing)
    return;

  /* The store writes on its queue, after the edits made before; the list
   * follows when it says so. */
  fb_store_import_data_async (self->store, fb_record_get_id (FB_RECORD (self->measure)), rows,
                              self->cancellable, import_cb, g_steal_pointer (&request));
}

/**
 * _fb_data_grid_import_file:
 * @self: a #FbDataGrid
 * @file: a CSV file
 *
 * Reads @file as the measure's data and adds or updates its periods, both
 * on worker threads, then says how many were added and updated, or what is
 * wrong with the file and on which line (and then nothing is imported).
 */
void
_fb_data_grid_import_file (FbDataGrid *self,
                           GFile      *file)
{
  g_autofree char *message = NULL;
  ImportRequest *request;

  g_return_if_fail (FB_IS_DATA_GRID (self));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (ImportRequest, 1);
  request->self = g_object_ref (self);
  request->name = g_file_get_basename (file);

  set_importing (self, TRUE);
  message = g_strdup_printf (_("Importing “%s”…"), request->name);
  show_message (self, message, FALSE);

  fb_csv_parse_file_async (file, (int)fb_measure_get_value_type (self->measure),
                           self->cancellable, parse_file_cb, request);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FbDataGrid      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    _fb_data_grid_import_file (self, file);

  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FbDataGrid *self = FB_DATA_GRID (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Data"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (FB_DATA_GRID (widget)->message_revealer, FALSE);
}

static void
fb_data_grid_constructed (GObject *object)
{
  FbDataGrid *self = (FbDataGrid *)object;
  g_autoptr(GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) rows = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkNoSelection *selection;

  G_OBJECT_CLASS (fb_data_grid_parent_class)->constructed (object);

  g_assert (FB_IS_STORE (self->store));
  g_assert (FB_IS_MEASURE (self->measure));

  self->points = fb_store_list_data_points (self->store,
                                            fb_record_get_id (FB_RECORD (self->measure)));
  self->saving_store = g_list_store_new (FB_TYPE_DATA_POINT);
  g_list_store_append (rows, self->points);
  g_list_store_append (rows, self->saving_store);
  self->rows = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&rows))));
  /* After the rows have taken the change in. */
  g_signal_connect_object (self->points, "items-changed", G_CALLBACK (points_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->draft = fb_data_point_new (NULL);
  fb_data_point_set_measure_id (self->draft, fb_record_get_id (FB_RECORD (self->measure)));
  update_draft_period (self, TRUE);
  self->draft_store = g_list_store_new (FB_TYPE_DATA_POINT);
  g_list_store_append (self->draft_store, self->draft);

  /* The points, then the row that adds the next period. */
  g_list_store_append (models, self->rows);
  g_list_store_append (models, self->draft_store);
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (
    G_LIST_MODEL (g_steal_pointer (&models)))));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->focus_position = G_MAXUINT;
  self->focus_column = COLUMN_VALUE;

  g_signal_connect_object (self->measure, "notify", G_CALLBACK (measure_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_columns (self);
}

static void
fb_data_grid_dispose (GObject *object)
{
  FbDataGrid *self = (FbDataGrid *)object;
  GtkWidget *child;

  self->disposing = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->focus_idle_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_DATA_GRID);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->draft_store);
  g_clear_object (&self->draft);
  g_clear_object (&self->rows);
  g_clear_object (&self->saving_store);
  g_clear_object (&self->points);
  g_clear_object (&self->measure);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_data_grid_parent_class)->dispose (object);
}

static void
fb_data_grid_finalize (GObject *object)
{
  FbDataGrid *self = (FbDataGrid *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
  g_clear_pointer (&self->queued, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  for (Column column = 0; column < N_COLUMNS; column++)
    g_clear_pointer (&self->cells[column], g_hash_table_unref);

  G_OBJECT_CLASS (fb_data_grid_parent_class)->finalize (object);
}

static void
fb_data_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FbDataGrid *self = FB_DATA_GRID (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_data_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FbDataGrid *self = FB_DATA_GRID (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MEASURE:
      self->measure = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_data_grid_class_init (FbDataGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fb_data_grid_constructed;
  object_class->dispose = fb_data_grid_dispose;
  object_class->finalize = fb_data_grid_finalize;
  object_class->get_property = fb_data_grid_get_property;
  object_class->set_property = fb_data_grid_set_property;

  /**
   * FbDataGrid:store:
   *
   * The store the data points are read from and saved to.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * FbDataGrid:measure:
   *
   * The measure whose data points the grid shows.
   */
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL,
                         FB_TYPE_MEASURE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-data-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, column_view);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, period_column);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, value_column);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, denominator_column);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, note_column);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, excluded_column);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, reason_column);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, FbDataGrid, message_label);
  gtk_widget_class_bind_template_callback (widget_class, setup_period_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_value_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_denominator_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_excluded_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_reason_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);

  gtk_widget_class_install_action (widget_class, "data-grid.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "data-grid.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "data-grid.dismiss", NULL, dismiss_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "data-grid.paste", NULL);

  gtk_widget_class_set_css_name (widget_class, "datagrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fb_data_grid_init (FbDataGrid *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (Column column = 0; column < N_COLUMNS; column++)
    self->cells[column] = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fb_data_grid_new:
 * @store: the store to read from and save to
 * @measure: the measure whose data to show
 *
 * Returns: (transfer floating): a new #FbDataGrid
 */
GtkWidget *
fb_data_grid_new (FbStore   *store,
                  FbMeasure *measure)
{
  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (FB_IS_MEASURE (measure), NULL);

  return g_object_new (FB_TYPE_DATA_GRID,
                       "store", store,
                       "measure", measure,
                       NULL);
}

FbStore *
fb_data_grid_get_store (FbDataGrid *self)
{
  g_return_val_if_fail (FB_IS_DATA_GRID (self), NULL);

  return self->store;
}

FbMeasure *
fb_data_grid_get_measure (FbDataGrid *self)
{
  g_return_val_if_fail (FB_IS_DATA_GRID (self), NULL);

  return self->measure;
}
