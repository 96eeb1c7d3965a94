/* fb-window.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-application.h"
#include "fb-project-page.h"
#include "fb-project-row.h"
#include "fb-undo-toast.h"
#include "fb-window.h"

/* The main window: the projects in a sidebar (searchable, archived ones
 * hidden unless asked for) and the open project beside it. On a narrow
 * screen the leaflet folds and shows one at a time. */

struct _FbWindow
{
  AdwApplicationWindow  parent_instance;

  FbStore              *store;
  GListModel           *projects;
  GListModel           *trusts;
  GtkFilter            *filter;
  GtkFilterListModel   *filtered;
  GCancellable         *cancellable;
  GSettings            *settings;
  char                 *open_id;
  AdwToast             *undo_toast;
  gboolean              empty_shown;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherTitle *content_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkCheckButton       *archived_check;
  GtkMenuButton        *filter_button;
  GtkDropDown          *trust_filter;
  GtkDropDown          *status_filter;
  GtkDropDown          *focus_area_filter;
  GPtrArray            *trust_ids;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListView          *project_list;
  GtkButton            *demo_button;
  AdwBin               *project_bin;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbWindow, fb_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error_toast (FbWindow     *self,
                  const GError *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What the sidebar shows; entry 0 of each drop-down is "All". */
static void
get_filter (FbWindow        *self,
            FbProjectFilter *filter)
{
  guint trust = gtk_drop_down_get_selected (self->trust_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint focus_area = gtk_drop_down_get_selected (self->focus_area_filter);

  *filter = (FbProjectFilter) FB_PROJECT_FILTER_INIT;
  filter->search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter->show_archived = gtk_check_button_get_active (self->archived_check);
  if (trust != GTK_INVALID_LIST_POSITION && trust > 0 && self->trust_ids != NULL &&
      trust <= self->trust_ids->len)
    filter->trust_id = g_ptr_array_index (self->trust_ids, trust - 1);
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    filter->status = status - 1;
  if (focus_area != GTK_INVALID_LIST_POSITION && focus_area > 0)
    filter->focus_area = focus_area - 1;
}

static gboolean
project_visible_cb (gpointer item,
                    gpointer user_data)
{
  FbWindow *self = user_data;
  FbProjectFilter filter;

  get_filter (self, &filter);

  return fb_project_filter_matches (&filter, item);
}

static void
close_project (FbWindow *self)
{
  g_clear_pointer (&self->open_id, g_free);
  adw_view_switcher_title_set_stack (self->content_title, NULL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  adw_bin_set_child (self->project_bin, NULL);
  adw_view_switcher_title_set_title (self->content_title, "");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_page (FbWindow *self)
{
  guint n_projects, n_shown;
  g_autofree char *subtitle = NULL;

  if (self->projects == NULL)
    return;

  /* A project deleted (here, or by a sync) closes. */
  if (self->open_id != NULL &&
      fb_record_list_lookup (FB_RECORD_LIST (self->projects), self->open_id) == NULL)
    close_project (self);

  n_projects = g_list_model_get_n_items (self->projects);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    n_shown == 0 && n_projects > 0 ? "no-match" : "list");

  if (self->open_id != NULL)
    gtk_stack_set_visible_child_name (self->stack, "project");
  else
    gtk_stack_set_visible_child_name (self->stack, n_projects > 0 ? "select" : "empty");

  /* On the way into the empty state only: a search typed then keeps the
   * focus. */
  if (n_projects == 0 && !self->empty_shown)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      gtk_widget_grab_focus (GTK_WIDGET (self->demo_button));
    }
  self->empty_shown = n_projects == 0;

  if (n_projects > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects",
                                             n_projects),
                                n_projects);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

static void
refilter (FbWindow *self)
{
  FbProjectFilter filter;

  if (self->filter == NULL)
    return;

  get_filter (self, &filter);
  if (fb_project_filter_is_narrowed (&filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

/* The trust drop-down lists the store's trusts, and keeps the one picked
 * when they change. */
static void
trusts_changed_cb (FbWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *picked = NULL;
  guint selected = gtk_drop_down_get_selected (self->trust_filter);
  guint select = 0;

  if (self->trust_ids != NULL && selected > 0 && selected <= self->trust_ids->len)
    picked = g_strdup (g_ptr_array_index (self->trust_ids, selected - 1));

  gtk_string_list_append (names, _("All trusts"));
  for (guint i = 0; i < g_list_model_get_n_items (self->trusts); i++)
    {
      g_autoptr(FbTrust) trust = g_list_model_get_item (self->trusts, i);
      const char *id = fb_record_get_id (FB_RECORD (trust));

      gtk_string_list_append (names, fb_trust_get_name (trust));
      g_ptr_array_add (ids, g_strdup (id));
      if (g_strcmp0 (id, picked) == 0)
        select = i + 1;
    }

  g_clear_pointer (&self->trust_ids, g_ptr_array_unref);
  self->trust_ids = g_steal_pointer (&ids);
  gtk_drop_down_set_model (self->trust_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->trust_filter, select);
  refilter (self);
}

static GListModel *
enum_labels (GType       type,
             const char *all)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* The values run from 0 without gaps: position - 1 is the value. */
  gtk_string_list_append (labels, all);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = fb_enum_get_label (type, klass->values[i].value);

      g_assert ((guint)klass->values[i].value == i);
      gtk_string_list_append (labels, label ? label : klass->values[i].value_nick);
    }

  return G_LIST_MODEL (labels);
}

static gboolean
flush_open_project (FbWindow  *self,
                    GError   **error)
{
  GtkWidget *page = adw_bin_get_child (self->project_bin);

  return page == NULL || fb_project_page_flush (FB_PROJECT_PAGE (page), error);
}

static void
open_project (FbWindow  *self,
              FbProject *project)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  if (!flush_open_project (self, &error))
    show_error_toast (self, error);

  g_free (self->open_id);
  self->open_id = g_strdup (fb_record_get_id (FB_RECORD (project)));

  page = fb_project_page_new (self->store, project);
  adw_bin_set_child (self->project_bin, page);
  adw_view_switcher_title_set_stack (self->content_title,
                                     fb_project_page_get_stack (FB_PROJECT_PAGE (page)));
  adw_view_switcher_bar_set_stack (self->switcher_bar,
                                   fb_project_page_get_stack (FB_PROJECT_PAGE (page)));
  adw_view_switcher_title_set_title (self->content_title, fb_project_get_title (project));
  gtk_stack_set_visible_child_name (self->stack, "project");
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  /* Side by side, the list keeps the focus, so arrows go on browsing. */
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->project_list));
}

static void
project_activated_cb (GtkListView *list,
                      guint        position,
                      FbWindow    *self)
{
  g_autoptr(FbProject) project = NULL;
  GtkSelectionModel *model = gtk_list_view_get_model (list);

  if ((project = g_list_model_get_item (G_LIST_MODEL (model), position)))
    open_project (self, project);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              FbWindow                 *self)
{
  gtk_list_item_set_child (item, fb_project_row_new (self->store));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FbWindow                 *self)
{
  fb_project_row_set_project (FB_PROJECT_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               FbWindow                 *self)
{
  fb_project_row_set_project (FB_PROJECT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
set_store (FbWindow *self,
           FbStore  *store)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  g_assert (self->store == NULL);

  self->store = g_object_ref (store);
  if (FB_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    fb_application_watch_store (FB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                store);
  self->projects = fb_store_list_projects (store);
  self->trusts = fb_store_list_trusts (store);

  g_signal_connect_object (self->trusts, "items-changed", G_CALLBACK (trusts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->filter = GTK_FILTER (gtk_custom_filter_new (project_visible_cb, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->projects),
                                              g_object_ref (self->filter));

  /* The store orders by title byte-wise; people expect their language's
   * order (Å after Ø in Norwegian), which the string sorter's collation
   * gives. */
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (FB_TYPE_PROJECT, NULL,
                                                                            "title")));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), sorter);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);

  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_list_view_set_factory (self->project_list, factory);
  gtk_list_view_set_model (self->project_list, GTK_SELECTION_MODEL (selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-project", TRUE);

  g_signal_connect_object (self->projects, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);
  trusts_changed_cb (self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
open_store_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FbWindow) self = user_data;
  g_autoptr(FbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = fb_store_open_finish (result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }

  set_store (self, store);
}

static void
load_demo_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  FbDemoStats stats;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", TRUE);

  if (!fb_demo_load_finish (FB_STORE (object), result, &stats, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_toast (self, error);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Loaded %u sample project",
                                          "Loaded %u sample projects",
                                          stats.projects),
                             stats.projects);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FbWindow *self = FB_WINDOW (widget);
  g_autoptr(GFile) file = fb_demo_dup_builtin ();

  if (self->store == NULL)
    return;

  gtk_widget_action_set_enabled (widget, "win.load-demo", FALSE);
  fb_demo_load_async (self->store, file, self->cancellable, load_demo_cb, g_object_ref (self));
}

/* A new project belongs to the open project's trust, or the first one; a
 * database without trusts gets a new one to be renamed, saved with it. */
static FbRecord *
dup_trust_for_new_project (FbWindow *self,
                           gboolean *is_new)
{
  g_autoptr(FbRecord) open = NULL;
  FbTrust *trust;

  *is_new = FALSE;

  if (self->open_id != NULL &&
      (open = fb_store_get_record (self->store, FB_TYPE_PROJECT, self->open_id, NULL)))
    {
      FbRecord *found = fb_store_get_record (self->store, FB_TYPE_TRUST,
                                             fb_project_get_trust_id (FB_PROJECT (open)), NULL);
      if (found != NULL)
        return found;
    }

  if (g_list_model_get_n_items (self->trusts) > 0)
    return g_list_model_get_item (self->trusts, 0);

  trust = fb_trust_new (NULL);
  fb_trust_set_name (trust, _("My hospital"));
  *is_new = TRUE;

  return FB_RECORD (trust);
}

typedef struct
{
  FbWindow  *window;
  FbProject *project;
} NewProject;

static void
new_project_free (NewProject *data)
{
  g_object_unref (data->window);
  g_object_unref (data->project);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewProject, new_project_free)

static void
new_project_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(NewProject) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!fb_store_save_many_finish (FB_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_toast (data->window, error);
      return;
    }

  open_project (data->window, data->project);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FbWindow *self = FB_WINDOW (widget);
  g_autoptr(FbProject) project = NULL;
  g_autoptr(FbRecord) trust = NULL;
  FbRecord *records[2];
  NewProject *data;
  gboolean new_trust;
  guint n = 0;

  if (self->store == NULL)
    return;

  trust = dup_trust_for_new_project (self, &new_trust);

  project = fb_project_new (NULL);
  fb_project_set_title (project, _("Untitled project"));
  fb_project_set_trust_id (project, fb_record_get_id (trust));

  if (new_trust)
    records[n++] = trust;
  records[n++] = FB_RECORD (project);

  /* Opened once saved: the page reads the project's measures and cycles
   * from the store. */
  data = g_new0 (NewProject, 1);
  data->window = g_object_ref (self);
  data->project = g_object_ref (project);
  fb_store_save_many_async (self->store, records, n, self->cancellable, new_project_saved_cb,
                            data);
}

static void
project_view_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FbWindow *self = FB_WINDOW (widget);
  GtkWidget *page = adw_bin_get_child (self->project_bin);

  if (page == NULL)
    return;

  if (g_strcmp0 (action_name, "win.new-measure") == 0)
    fb_project_page_activate (FB_PROJECT_PAGE (page), "measures", "measures.new");
  else if (g_strcmp0 (action_name, "win.new-cycle") == 0 &&
           !fb_project_page_activate (FB_PROJECT_PAGE (page), "cycles", "pdsa.start-next"))
    fb_project_page_activate (FB_PROJECT_PAGE (page), "cycles", "pdsa.start-first");

  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FbWindow *self = FB_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FbWindow *self = FB_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Undo */

static void
clear_undo (FbWindow *self)
{
  if (self->undo_toast == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *)&self->undo_toast);
  self->undo_toast = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FbWindow *self = FB_WINDOW (widget);
  g_autoptr(AdwToast) toast = NULL;

  if (self->undo_toast == NULL)
    return;

  toast = g_object_ref (self->undo_toast);
  clear_undo (self);
  fb_undo_toast_undo (toast);
}

/* Ctrl+Z in a text field undoes typing, which GtkText and GtkTextView do
 * themselves; the key only reaches here when they had nothing to undo, and
 * even then a deletion is not undone behind the field's back. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  FbWindow *self = FB_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->undo_toast == NULL || GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus))
    return FALSE;

  return gtk_widget_activate_action (widget, "win.undo", NULL);
}

/**
 * fb_window_offer_undo:
 * @self: a #FbWindow
 * @toast: a toast from fb_undo_toast_add (), shown in @self
 *
 * Makes @toast the one the undo action acts on, until it is dismissed or
 * another is offered.
 */
void
fb_window_offer_undo (FbWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (FB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  clear_undo (self);
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&self->undo_toast);
  g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (clear_undo), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
}

static gboolean
fb_window_close_request (GtkWindow *window)
{
  FbWindow *self = FB_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width, height;

  /* The last keystrokes are saved before the window goes. */
  if (!flush_open_project (self, &error))
    g_warning ("Could not save the last edit: %s", error->message);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (fb_window_parent_class)->close_request (window);
}

static void
fb_window_dispose (GObject *object)
{
  FbWindow *self = (FbWindow *)object;

  g_cancellable_cancel (self->cancellable);
  clear_undo (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->projects);
  g_clear_object (&self->trusts);
  g_clear_pointer (&self->trust_ids, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->open_id, g_free);

  G_OBJECT_CLASS (fb_window_parent_class)->dispose (object);
}

static void
fb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FbWindow *self = FB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_window_class_init (FbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fb_window_dispose;
  object_class->get_property = fb_window_get_property;

  window_class->close_request = fb_window_close_request;

  /**
   * FbWindow:store:
   *
   * The open store, once it is open.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FB_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, content);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, archived_check);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, trust_filter);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, focus_area_filter);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, project_list);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, FbWindow, project_bin);

  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-measure", NULL, project_view_action);
  gtk_widget_class_install_action (widget_class, "win.new-cycle", NULL, project_view_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-measure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-cycle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                undo_shortcut_cb, NULL);
}

static void
fb_window_init (FbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (refilter), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "show-archived", self->archived_check, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->archived_check, "toggled", G_CALLBACK (refilter), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project_list, "activate", G_CALLBACK (project_activated_cb),
                           self, 0);

  {
    g_autoptr(GListModel) statuses = enum_labels (FB_TYPE_PROJECT_STATUS, _("All statuses"));
    g_autoptr(GListModel) focus_areas = enum_labels (FB_TYPE_FOCUS_AREA, _("All focus areas"));

    gtk_drop_down_set_model (self->status_filter, statuses);
    gtk_drop_down_set_model (self->focus_area_filter, focus_areas);
  }
  g_signal_connect_object (self->trust_filter, "notify::selected", G_CALLBACK (refilter), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (refilter), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus_area_filter, "notify::selected", G_CALLBACK (refilter),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-project", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

/**
 * fb_window_new:
 * @application: (nullable): the application
 * @db_path: (nullable): the database, or %NULL for the default
 *
 * Returns: (transfer full): a window that opens the store and shows it
 */
FbWindow *
fb_window_new (FbApplication *application,
               const char    *db_path)
{
  FbWindow *self = g_object_new (FB_TYPE_WINDOW, "application", application, NULL);

  fb_store_open_async (db_path, self->cancellable, open_store_cb, g_object_ref (self));

  return self;
}

FbStore *
fb_window_get_store (FbWindow *self)
{
  g_return_val_if_fail (FB_IS_WINDOW (self), NULL);

  return self->store;
}
