/* fb-pdsa-page.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-pdsa-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-pdsa-page.h"
#include "fb-pdsa-row.h"
#include "fb-undo-toast.h"

/* A project's PDSA cycles: a timeline grouped by change idea on the left,
 * the selected cycle's editor on the right, and an empty state that starts
 * the first cycle. The grouping comes from core; the page only keeps the
 * rows and the selection in step with the store. */

struct _FbPdsaPage
{
  AdwBin           parent_instance;

  FbStore         *store;
  char            *project_id;
  GCancellable    *cancellable;
  GListModel      *cycles;
  GListStore      *timeline;
  gulong           changed_handler;
  gboolean         rebuilding;
  char            *pending_select_id;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list_box;
  GtkStack        *editor_stack;
  AdwLeaflet      *leaflet;
  GtkWidget       *editor_box;
  FbPdsaEditor    *editor;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROJECT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbPdsaPage, fb_pdsa_page, ADW_TYPE_BIN)

static void
show_error (FbPdsaPage   *self,
            const GError *error)
{
  /* A toast's title is markup. */
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_state (FbPdsaPage *self)
{
  FbPdsaCycle *cycle = fb_pdsa_editor_get_cycle (self->editor);
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "cycles");
  gtk_stack_set_visible_child_name (self->editor_stack, cycle != NULL ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdsa.start-next", cycle != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdsa.delete", cycle != NULL);
}

static GtkListBoxRow *
find_row (FbPdsaPage *self,
          const char *cycle_id)
{
  GtkListBoxRow *row;

  if (cycle_id == NULL)
    return NULL;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)); i++)
    {
      FbPdsaCycle *cycle = fb_pdsa_row_get_cycle (FB_PDSA_ROW (row));

      if (g_strcmp0 (fb_record_get_id (FB_RECORD (cycle)), cycle_id) == 0)
        return row;
    }

  return NULL;
}

/**
 * fb_pdsa_page_select_cycle:
 * @self: a #FbPdsaPage
 * @cycle_id: (nullable): the id of one of the project's cycles, or %NULL
 *
 * Shows that cycle in the editor, or none.
 *
 * Returns: %TRUE if the cycle is in the list and now selected
 */
gboolean
fb_pdsa_page_select_cycle (FbPdsaPage *self,
                           const char *cycle_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (FB_IS_PDSA_PAGE (self), FALSE);

  if ((row = find_row (self, cycle_id)))
    {
      gtk_list_box_select_row (self->list_box, row);
      return TRUE;
    }

  gtk_list_box_unselect_all (self->list_box);
  fb_pdsa_editor_set_cycle (self->editor, NULL);
  update_state (self);

  return FALSE;
}

/* The cycle most likely worked on: the one with the highest number. */
static void
select_latest (FbPdsaPage *self)
{
  guint n_items = g_list_model_get_n_items (self->cycles);
  g_autoptr(FbPdsaCycle) latest = NULL;

  if (n_items > 0)
    latest = g_list_model_get_item (self->cycles, n_items - 1);

  fb_pdsa_page_select_cycle (self, latest ? fb_record_get_id (FB_RECORD (latest)) : NULL);
}

static gboolean
same_items (GListModel *model,
            GPtrArray  *items)
{
  if (g_list_model_get_n_items (model) != items->len)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item != g_ptr_array_index (items, i))
        return FALSE;
    }

  return TRUE;
}

static void
rebuild (FbPdsaPage *self)
{
  g_autoptr(GListModel) groups = fb_pdsa_group_by_change_idea (self->cycles);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  FbPdsaCycle *current = fb_pdsa_editor_get_cycle (self->editor);
  g_autofree char *current_id = NULL;

  if (current != NULL)
    current_id = g_strdup (fb_record_get_id (FB_RECORD (current)));

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GListModel) group = g_list_model_get_item (groups, i);

      for (guint j = 0; j < g_list_model_get_n_items (group); j++)
        g_ptr_array_add (order, g_list_model_get_item (group, j));
    }

  /* The same rows in the same order: at most a change idea was renamed. */
  if (same_items (G_LIST_MODEL (self->timeline), order))
    {
      gtk_list_box_invalidate_headers (self->list_box);
      update_state (self);
      return;
    }

  self->rebuilding = TRUE;
  g_list_store_splice (self->timeline, 0, g_list_model_get_n_items (G_LIST_MODEL (self->timeline)),
                       order->pdata, order->len);
  self->rebuilding = FALSE;

  /* The selection follows its cycle to the new rows; a deleted cycle
   * leaves none. */
  fb_pdsa_page_select_cycle (self, current_id);
  update_state (self);
}

static void
store_changed_cb (FbPdsaPage *self)
{
  rebuild (self);

  if (self->pending_select_id != NULL &&
      fb_pdsa_page_select_cycle (self, self->pending_select_id))
    g_clear_pointer (&self->pending_select_id, g_free);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return fb_pdsa_row_new (FB_PDSA_CYCLE (item));
}

static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  FbPdsaCycle *cycle = fb_pdsa_row_get_cycle (FB_PDSA_ROW (row));
  const char *change_idea = fb_pdsa_cycle_get_change_idea (cycle);
  g_autofree char *idea = g_strstrip (g_strdup (change_idea != NULL ? change_idea : ""));
  g_autofree char *accessible = NULL;
  const char *label;
  GtkWidget *header;

  if (before != NULL &&
      fb_pdsa_cycle_same_change_idea (cycle, fb_pdsa_row_get_cycle (FB_PDSA_ROW (before))))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (!(header = gtk_list_box_row_get_header (row)))
    {
      header = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_end (header, 12);
      gtk_list_box_row_set_header (row, header);
    }

  label = *idea != '\0' ? idea : _("No change idea");
  gtk_label_set_label (GTK_LABEL (header), label);

  /* Translators: read out before the cycles that test one change idea */
  accessible = g_strdup_printf (_("Change idea: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
row_selected_cb (FbPdsaPage    *self,
                 GtkListBoxRow *row)
{
  /* Rows come and go while the timeline is rebuilt; the rebuild restores
   * the selection itself. */
  if (self->rebuilding)
    return;

  fb_pdsa_editor_set_cycle (self->editor, row ? fb_pdsa_row_get_cycle (FB_PDSA_ROW (row)) : NULL);
  update_state (self);

  /* Folded, choosing a cycle shows it. */
  if (row != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_box);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FbPdsaPage *self = FB_PDSA_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* What a write's callback needs: the page, used only while it is alive,
 * and the cycle written. */
typedef struct
{
  FbPdsaPage  *page;
  char        *cycle_id;
  FbPdsaCycle *cycle;
} CycleWrite;

static CycleWrite *
cycle_write_new (FbPdsaPage  *self,
                 FbPdsaCycle *cycle)
{
  CycleWrite *write = g_new0 (CycleWrite, 1);

  write->page = g_object_ref (self);
  write->cycle_id = g_strdup (fb_record_get_id (FB_RECORD (cycle)));
  write->cycle = FB_PDSA_CYCLE (fb_record_copy (FB_RECORD (cycle)));

  return write;
}

static void
cycle_write_free (CycleWrite *write)
{
  g_object_unref (write->page);
  g_free (write->cycle_id);
  g_clear_object (&write->cycle);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleWrite, cycle_write_free)

static gboolean
is_gone (FbPdsaPage *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

static void
cycle_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CycleWrite) write = user_data;
  g_autoptr(GError) error = NULL;

  if (!fb_store_save_finish (FB_STORE (object), result, &error))
    {
      if (!is_gone (write->page))
        show_error (write->page, error);
      return;
    }

  if (!is_gone (write->page) && fb_pdsa_page_select_cycle (write->page, write->cycle_id))
    fb_pdsa_editor_focus_title (write->page->editor);
}

/* A new cycle is not made if the page goes before it is written. */
static void
add_cycle (FbPdsaPage  *self,
           FbPdsaCycle *cycle)
{
  fb_store_save_async (self->store, FB_RECORD (cycle), self->cancellable, cycle_added_cb,
                       cycle_write_new (self, cycle));
}

static void
start_first_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FbPdsaPage *self = FB_PDSA_PAGE (widget);
  g_autoptr(FbPdsaCycle) cycle = fb_pdsa_cycle_new_first (self->project_id, self->cycles);

  add_cycle (self, cycle);
}

static void
start_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FbPdsaPage *self = FB_PDSA_PAGE (widget);
  FbPdsaCycle *previous = fb_pdsa_editor_get_cycle (self->editor);
  g_autoptr(FbPdsaCycle) next = NULL;
  g_autoptr(GError) error = NULL;

  if (previous == NULL)
    return;

  /* The next cycle carries over the change idea just typed. */
  if (!fb_pdsa_editor_flush (self->editor, &error))
    {
      show_error (self, error);
      return;
    }

  next = fb_pdsa_cycle_new_next (previous, self->cycles);
  add_cycle (self, next);
}

/* The undo toast asked for the cycle back: it is shown again once the
 * store has restored it. */
static void
undo_done_cb (AdwToast   *toast,
              FbPdsaPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "cycle-id");

  g_free (self->pending_select_id);
  self->pending_select_id = g_strdup (id);
}

static void
cycle_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CycleWrite) write = user_data;
  FbPdsaPage *self = write->page;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!fb_store_delete_finish (FB_STORE (object), result, &error))
    {
      if (!is_gone (self))
        show_error (self, error);
      return;
    }

  if (is_gone (self))
    return;

  toast = fb_undo_toast_add (self->toast_overlay, self->store, FB_RECORD (write->cycle),
                             _("Cycle deleted"));
  g_object_set_data_full (G_OBJECT (toast), "cycle-id", g_strdup (write->cycle_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_done_cb), self, 0);

  select_latest (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FbPdsaPage *self = FB_PDSA_PAGE (widget);
  FbPdsaCycle *current = fb_pdsa_editor_get_cycle (self->editor);
  g_autoptr(FbPdsaCycle) cycle = NULL;

  if (current == NULL)
    return;

  cycle = g_object_ref (current);

  /* Saved first (the store writes in order), so that Undo brings back
   * what was typed too. A failure here does not stop the delete the user
   * asked for, nor does the page going away. */
  fb_pdsa_editor_flush (self->editor, NULL);
  fb_store_delete_async (self->store, FB_RECORD (cycle), NULL, cycle_deleted_cb,
                         cycle_write_new (self, cycle));
}

static void
fb_pdsa_page_constructed (GObject *object)
{
  FbPdsaPage *self = (FbPdsaPage *)object;

  G_OBJECT_CLASS (fb_pdsa_page_parent_class)->constructed (object);

  g_assert (FB_IS_STORE (self->store));
  g_assert (self->project_id != NULL);

  fb_pdsa_editor_set_store (self->editor, self->store);

  self->cycles = fb_store_list_pdsa_cycles (self->store, self->project_id);
  self->timeline = g_list_store_new (FB_TYPE_PDSA_CYCLE);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->timeline),
                           create_row_cb, NULL, NULL);
  gtk_list_box_set_header_func (self->list_box, header_cb, NULL, NULL);

  /* Connected after the list was made, so the list has reloaded by the
   * time the page looks at it. */
  self->changed_handler = g_signal_connect_object (self->store, "changed::pdsa_cycle",
                                                   G_CALLBACK (store_changed_cb), self,
                                                   G_CONNECT_SWAPPED);

  rebuild (self);
  select_latest (self);
}

static void
fb_pdsa_page_dispose (GObject *object)
{
  FbPdsaPage *self = (FbPdsaPage *)object;

  /* The editor saves as it goes, and the list unselects as its rows go;
   * the page no longer follows either. */
  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_handler, self->store);
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_func (self->list_box, row_selected_cb, self);

  /* The toast overlay is both the bin's child and a template child: the
   * bin lets go of it first, or disposing the template would unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_PDSA_PAGE);

  g_clear_object (&self->timeline);
  g_clear_object (&self->cycles);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_pdsa_page_parent_class)->dispose (object);
}

static void
fb_pdsa_page_finalize (GObject *object)
{
  FbPdsaPage *self = (FbPdsaPage *)object;

  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->pending_select_id, g_free);

  G_OBJECT_CLASS (fb_pdsa_page_parent_class)->finalize (object);
}

static void
fb_pdsa_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FbPdsaPage *self = FB_PDSA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROJECT_ID:
      g_value_set_string (value, self->project_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FbPdsaPage *self = FB_PDSA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROJECT_ID:
      self->project_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_page_class_init (FbPdsaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fb_pdsa_page_constructed;
  object_class->dispose = fb_pdsa_page_dispose;
  object_class->finalize = fb_pdsa_page_finalize;
  object_class->get_property = fb_pdsa_page_get_property;
  object_class->set_property = fb_pdsa_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECT_ID] =
    g_param_spec_string ("project-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pdsa.start-first", NULL, start_first_action);
  gtk_widget_class_install_action (widget_class, "pdsa.start-next", NULL, start_next_action);
  gtk_widget_class_install_action (widget_class, "pdsa.delete", NULL, delete_action);

  g_type_ensure (FB_TYPE_PDSA_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-pdsa-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, editor_box);
  gtk_widget_class_install_action (widget_class, "pdsa.show-list", NULL, show_list_action);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
fb_pdsa_page_init (FbPdsaPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fb_pdsa_page_new:
 * @store: the store
 * @project_id: the project whose cycles to show
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
fb_pdsa_page_new (FbStore    *store,
                  const char *project_id)
{
  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (project_id != NULL, NULL);

  return g_object_new (FB_TYPE_PDSA_PAGE,
                       "store", store,
                       "project-id", project_id,
                       NULL);
}

FbPdsaEditor *
fb_pdsa_page_get_editor (FbPdsaPage *self)
{
  g_return_val_if_fail (FB_IS_PDSA_PAGE (self), NULL);

  return self->editor;
}

/**
 * fb_pdsa_page_get_timeline:
 * @self: a #FbPdsaPage
 *
 * Returns: (transfer none): the cycles as listed, grouped by change idea
 */
GListModel *
fb_pdsa_page_get_timeline (FbPdsaPage *self)
{
  g_return_val_if_fail (FB_IS_PDSA_PAGE (self), NULL);

  return G_LIST_MODEL (self->timeline);
}

/**
 * fb_pdsa_page_flush:
 * @self: a #FbPdsaPage
 * @error: return location for a #GError
 *
 * Saves what was typed in the editor now.
 *
 * Returns: %TRUE when it is saved
 */
gboolean
fb_pdsa_page_flush (FbPdsaPage  *self,
                    GError     **error)
{
  g_return_val_if_fail (FB_IS_PDSA_PAGE (self), FALSE);

  return fb_pdsa_editor_flush (self->editor, error);
}
