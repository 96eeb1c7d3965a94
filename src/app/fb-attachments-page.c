/* fb-attachments-page.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-attachments-page"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "fb-attachments-page-private.h"
#include "fb-undo-toast.h"

/* A project's attachments: files added with the chooser or dropped on the
 * page, and chart snapshots from the Measures page. Files are read, stored
 * and saved on a worker; opening one writes it to the cache first. */

struct _FbAttachmentsPage
{
  AdwBin                parent_instance;

  FbStore              *store;
  char                 *project_id;
  GListModel           *attachments;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *last_message;
  guint                 n_pending;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *list_box;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROJECT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbAttachmentsPage, fb_attachments_page, ADW_TYPE_BIN)

static void
show_message (FbAttachmentsPage *self,
              const char        *message)
{
  /* A toast's title is markup. */
  g_autofree char *title = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

static void
update_state (FbAttachmentsPage *self)
{
  gboolean empty = g_list_model_get_n_items (self->attachments) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static FbAttachment *
find_attachment (FbAttachmentsPage *self,
                 const char        *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->attachments); i++)
    {
      g_autoptr(FbAttachment) attachment = g_list_model_get_item (self->attachments, i);

      if (g_strcmp0 (fb_record_get_id (FB_RECORD (attachment)), id) == 0)
        return g_steal_pointer (&attachment);
    }

  return NULL;
}

static char *
describe_attachment (FbAttachment *attachment)
{
  const char *media_type = fb_attachment_get_media_type (attachment);
  g_autofree char *content_type = NULL;
  g_autofree char *description = NULL;
  g_autofree char *size = g_format_size (MAX (fb_attachment_get_size (attachment), 0));

  if (media_type != NULL)
    content_type = g_content_type_from_mime_type (media_type);
  if (content_type != NULL)
    description = g_content_type_get_description (content_type);
  if (description == NULL)
    description = g_strdup (media_type != NULL ? media_type : _("File"));

  /* Translators: an attachment's file type and size, as in "PNG image · 245 kB" */
  return g_strdup_printf (_("%s · %s"), description, size);
}

static GtkWidget *
create_suffix_button (const char *icon_name,
                      const char *tooltip,
                      const char *accessible,
                      const char *action_name,
                      const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);

  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  FbAttachment *attachment = FB_ATTACHMENT (item);
  const char *id = fb_record_get_id (FB_RECORD (attachment));
  const char *name = fb_attachment_get_file_name (attachment);
  const char *media_type = fb_attachment_get_media_type (attachment);
  g_autofree char *subtitle = describe_attachment (attachment);
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autoptr(GIcon) icon = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image;

  if (name == NULL)
    name = "";

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* A chart snapshot is told apart from a file that was added. */
  if (fb_attachment_get_measure_id (attachment) != NULL)
    {
      icon = g_themed_icon_new ("x-office-presentation-symbolic");
    }
  else
    {
      g_autofree char *content_type = media_type ? g_content_type_from_mime_type (media_type) : NULL;

      icon = content_type ? g_content_type_get_symbolic_icon (content_type)
                          : g_themed_icon_new ("text-x-generic-symbolic");
    }
  image = gtk_image_new_from_gicon (icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fb_attachment_get_measure_id (attachment) != NULL
                                    ? _("Chart snapshot") : _("File"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  /* Translators: read out for the button that opens an attachment */
  open_label = g_strdup_printf (_("Open “%s”"), name);
  /* Translators: read out for the button that removes an attachment */
  remove_label = g_strdup_printf (_("Remove “%s”"), name);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suffix_button ("document-open-symbolic", _("Open"),
                                                   open_label, "attachments.open", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suffix_button ("user-trash-symbolic", _("Remove"),
                                                   remove_label, "attachments.remove", id));

  return row;
}

static void
items_changed_cb (FbAttachmentsPage *self)
{
  update_state (self);
}

/* Adding files */

typedef struct
{
  FbStore   *store;
  char      *project_id;
  GPtrArray *files;
} AddData;

typedef struct
{
  guint      n_added;
  GPtrArray *messages;
} AddResult;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->project_id, g_free);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_free (data);
}

static void
add_result_free (AddResult *result)
{
  g_clear_pointer (&result->messages, g_ptr_array_unref);
  g_free (result);
}

/* Attaches one file, or returns FALSE with a message that names it. */
static gboolean
add_one_file (AddData       *data,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(FbAttachment) attachment = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *sha256 = NULL;
  const guchar *contents;
  gsize size;
  goffset file_size;

  if (name == NULL)
    name = g_strdup (_("Unnamed file"));

  if (!(info = g_file_query_info (file,
                                  G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NONE, cancellable, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the file's name, then why it could not be read */
                   _("“%s” could not be read: %s"), name, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Only files can be attached."), name);
      return FALSE;
    }

  /* Refused before reading it: the store would refuse it anyway. */
  file_size = g_file_info_get_size (info);
  if (file_size > FB_STORE_MAX_BLOB_BYTES)
    {
      g_autofree char *actual = g_format_size (file_size);
      g_autofree char *limit = g_format_size_full (FB_STORE_MAX_BLOB_BYTES,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_LARGE,
                   _("“%s” is %s, larger than the limit of %s for attachments. "
                     "Nothing was added."),
                   name, actual, limit);
      return FALSE;
    }

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)) ||
      !(sha256 = fb_store_put_blob (data->store, bytes, &local_error)))
    {
      if (g_error_matches (local_error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_LARGE))
        {
          /* It grew between the check and the read. */
          g_autofree char *actual = g_format_size (g_bytes_get_size (bytes));
          g_autofree char *limit = g_format_size_full (FB_STORE_MAX_BLOB_BYTES,
                                                       G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, FB_STORE_ERROR, FB_STORE_ERROR_TOO_LARGE,
                       _("“%s” is %s, larger than the limit of %s for attachments. "
                         "Nothing was added."),
                       name, actual, limit);
          return FALSE;
        }

      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” could not be attached: %s"), name, local_error->message);
      return FALSE;
    }

  contents = g_bytes_get_data (bytes, &size);
  content_type = g_content_type_guess (name, contents, MIN (size, 4096), NULL);
  mime_type = g_content_type_get_mime_type (content_type);

  attachment = fb_attachment_new (NULL);
  fb_attachment_set_owner_entity (attachment, "project");
  fb_attachment_set_owner_id (attachment, data->project_id);
  fb_attachment_set_file_name (attachment, name);
  fb_attachment_set_media_type (attachment,
                                mime_type != NULL ? mime_type : "application/octet-stream");
  fb_attachment_set_size (attachment, size);
  fb_attachment_set_sha256 (attachment, sha256);

  if (!fb_store_save (data->store, FB_RECORD (attachment), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” could not be attached: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
add_files_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AddData *data = task_data;
  AddResult *result = g_new0 (AddResult, 1);

  result->messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data->files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (add_one_file (data, g_ptr_array_index (data->files, i), cancellable, &error))
        result->n_added++;
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_ptr_array_add (result->messages, g_strdup (error->message));
    }

  g_task_return_pointer (task, result, (GDestroyNotify) add_result_free);
}

static void
add_files_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (object);
  AddResult *result = g_task_propagate_pointer (G_TASK (res), NULL);

  g_assert (self->n_pending > 0);
  self->n_pending--;

  /* Cancelled: the page is going away. */
  if (result == NULL)
    return;

  for (guint i = 0; i < result->messages->len; i++)
    show_message (self, g_ptr_array_index (result->messages, i));

  add_result_free (result);
}

void
_fb_attachments_page_add_files (FbAttachmentsPage *self,
                                GSList            *files)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (FB_IS_ATTACHMENTS_PAGE (self));

  if (files == NULL)
    return;

  data = g_new0 (AddData, 1);
  data->store = g_object_ref (self->store);
  data->project_id = g_strdup (self->project_id);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (data->files, g_object_ref (G_FILE (l->data)));

  self->n_pending++;

  task = g_task_new (self, self->cancellable, add_files_cb, NULL);
  g_task_set_source_tag (task, _fb_attachments_page_add_files);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, add_files_worker);
}

guint
_fb_attachments_page_get_n_pending (FbAttachmentsPage *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENTS_PAGE (self), 0);

  return self->n_pending;
}

const char *
_fb_attachments_page_get_last_message (FbAttachmentsPage *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENTS_PAGE (self), NULL);

  return self->last_message;
}

const char *
_fb_attachments_page_get_state (FbAttachmentsPage *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
chooser_response_cb (FbAttachmentsPage *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *files = NULL;

      for (guint i = g_list_model_get_n_items (model); i > 0; i--)
        files = g_slist_prepend (files, g_list_model_get_item (model, i - 1));

      _fb_attachments_page_add_files (self, files);
      g_slist_free_full (files, g_object_unref);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Add Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (FbAttachmentsPage *self,
         const GValue      *value,
         double             x,
         double             y,
         GtkDropTarget     *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  _fb_attachments_page_add_files (self, files);
  g_slist_free (files);

  return TRUE;
}

/* Opening */

typedef struct
{
  FbStore *store;
  char    *sha256;
  char    *file_name;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->sha256, g_free);
  g_clear_pointer (&data->file_name, g_free);
  g_free (data);
}

/* The file name came from elsewhere: nothing that leaves the folder. */
static char *
safe_file_name (const char *file_name)
{
  g_autofree char *name = g_strdup (file_name != NULL ? file_name : "");

  g_strdelimit (name, "/\\", '-');
  if (*name == '\0' || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return g_strdup ("attachment");

  return g_steal_pointer (&name);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = safe_file_name (data->file_name);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gconstpointer contents;
  gsize size;

  /* Hashes are hex; anything else is not used as a folder name. */
  for (const char *p = data->sha256; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      {
        g_task_return_new_error (task, FB_STORE_ERROR, FB_STORE_ERROR_INVALID,
                                 _("“%s” is damaged and cannot be opened."), data->file_name);
        return;
      }

  dir = g_build_filename (g_get_user_cache_dir (), "forbedring", "open", data->sha256, NULL);
  path = g_build_filename (dir, name, NULL);

  if (!(bytes = fb_store_dup_blob (data->store, data->sha256, &error)))
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("“%s” could not be opened: %s"), data->file_name, error->message);
      return;
    }

  contents = g_bytes_get_data (bytes, &size);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, contents, size, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("“%s” could not be opened: %s"), data->file_name,
                               error ? error->message : g_strerror (errno));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
open_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *uri = NULL;
  GtkRoot *root;

  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (widget);
  g_autoptr(FbAttachment) attachment = find_attachment (self, g_variant_get_string (param, NULL));
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  if (attachment == NULL)
    return;

  data = g_new0 (OpenData, 1);
  data->store = g_object_ref (self->store);
  data->sha256 = g_strdup (fb_attachment_get_sha256 (attachment));
  data->file_name = g_strdup (fb_attachment_get_file_name (attachment));

  task = g_task_new (self, self->cancellable, open_cb, NULL);
  g_task_set_source_tag (task, open_action);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_worker);
}

/* Removing */

/* A write is not cancelled with the page: a removal asked for is made.
 * Its callback holds the page and uses it only while it is alive. */
static gboolean
is_gone (FbAttachmentsPage *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

typedef struct
{
  FbAttachmentsPage *page;
  FbAttachment      *attachment;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->page);
  g_object_unref (removal->attachment);
  g_free (removal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Removal, removal_free)

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  FbAttachmentsPage *self = removal->page;
  FbAttachment *attachment = removal->attachment;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!fb_store_delete_finish (FB_STORE (object), result, &error))
    {
      if (!is_gone (self))
        show_message (self, error->message);
      return;
    }

  if (is_gone (self))
    return;

  /* Translators: shown when an attachment was removed; the file's name */
  message = g_strdup_printf (_("“%s” removed"), fb_attachment_get_file_name (attachment));
  fb_undo_toast_add (self->toast_overlay, self->store, FB_RECORD (attachment), message);

  g_free (self->last_message);
  self->last_message = g_steal_pointer (&message);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (widget);
  g_autoptr(FbAttachment) attachment = find_attachment (self, g_variant_get_string (param, NULL));
  Removal *removal;

  if (attachment == NULL)
    return;

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (self);
  removal->attachment = g_steal_pointer (&attachment);
  fb_store_delete_async (self->store, FB_RECORD (removal->attachment), NULL, removed_cb,
                         removal);
}

/* The class */

static void
fb_attachments_page_constructed (GObject *object)
{
  FbAttachmentsPage *self = (FbAttachmentsPage *)object;

  G_OBJECT_CLASS (fb_attachments_page_parent_class)->constructed (object);

  g_assert (FB_IS_STORE (self->store));
  g_assert (self->project_id != NULL);

  self->attachments = fb_store_list_attachments (self->store, self->project_id);
  gtk_list_box_bind_model (self->list_box, self->attachments, create_row_cb, NULL, NULL);
  g_signal_connect_object (self->attachments, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
}

static void
fb_attachments_page_dispose (GObject *object)
{
  FbAttachmentsPage *self = (FbAttachmentsPage *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->chooser, chooser_response_cb, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  /* The toast overlay is both the bin's child and a template child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_ATTACHMENTS_PAGE);

  g_clear_object (&self->attachments);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_attachments_page_parent_class)->dispose (object);
}

static void
fb_attachments_page_finalize (GObject *object)
{
  FbAttachmentsPage *self = (FbAttachmentsPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (fb_attachments_page_parent_class)->finalize (object);
}

static void
fb_attachments_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (object);

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
fb_attachments_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FbAttachmentsPage *self = FB_ATTACHMENTS_PAGE (object);

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
fb_attachments_page_class_init (FbAttachmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fb_attachments_page_constructed;
  object_class->dispose = fb_attachments_page_dispose;
  object_class->finalize = fb_attachments_page_finalize;
  object_class->get_property = fb_attachments_page_get_property;
  object_class->set_property = fb_attachments_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECT_ID] =
    g_param_spec_string ("project-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "attachments.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "attachments.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove", "s", remove_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-attachments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FbAttachmentsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FbAttachmentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FbAttachmentsPage, list_box);
}

static void
fb_attachments_page_init (FbAttachmentsPage *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * fb_attachments_page_new:
 * @store: the store
 * @project_id: the project whose attachments to show
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
fb_attachments_page_new (FbStore    *store,
                         const char *project_id)
{
  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (project_id != NULL, NULL);

  return g_object_new (FB_TYPE_ATTACHMENTS_PAGE,
                       "store", store,
                       "project-id", project_id,
                       NULL);
}

/**
 * fb_attachments_page_get_attachments:
 * @self: a #FbAttachmentsPage
 *
 * Returns: (transfer none): the attachments as listed
 */
GListModel *
fb_attachments_page_get_attachments (FbAttachmentsPage *self)
{
  g_return_val_if_fail (FB_IS_ATTACHMENTS_PAGE (self), NULL);

  return self->attachments;
}
