/* fb-undo-toast.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-undo-toast.h"
#include "fb-window.h"

/* The one way a deletion is undone: a toast with an Undo button that
 * restores the record's tombstone. Every page that deletes shows one, and
 * the window's Ctrl+Z presses the button of the latest while it is shown. */

/* libadwaita 1.2 frees a toast's bookkeeping when its hide animation ends
 * but lets its show animation (300 ms, 500 ms when it replaced another)
 * run on and touch it: a toast dismissed sooner crashes the app. Undo is
 * at once; the dismissal waits that long. */
#define SHOW_ANIMATION_MS 600

typedef struct
{
  FbStore  *store;
  FbRecord *record;
  GWeakRef  overlay;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->record);
  g_weak_ref_clear (&undo->overlay);
  g_free (undo);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *failed;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (fb_store_restore_finish (FB_STORE (object), result, &error))
    return;

  if (overlay == NULL)
    {
      g_warning ("Could not undo the deletion: %s", error->message);
      return;
    }

  title = g_markup_escape_text (error->message, -1);
  failed = adw_toast_new (title);
  adw_toast_set_timeout (failed, 0);
  adw_toast_overlay_add_toast (overlay, failed);
}

/* The restore goes on the store's write queue, after the deletion it
 * undoes; the overlay may be gone by the time it lands. */
static void
button_clicked_cb (AdwToast *toast,
                   UndoData *undo)
{
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&undo->overlay);
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, overlay);
  fb_store_restore_async (undo->store, undo->record, NULL, restored_cb, weak);
}

/* Once dismissed, the toast cannot undo any more: the store and the record
 * go now, not when the overlay lets go of the toast. */
static void
dismissed_cb (AdwToast *toast)
{
  g_signal_handlers_disconnect_matched (toast, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        button_clicked_cb, NULL);
}

/**
 * fb_undo_toast_add:
 * @overlay: where the toast shows
 * @store: the store @record was deleted from
 * @record: the deleted record, as it was
 * @title: what the toast says, as plain text
 *
 * Shows that @record was deleted, with an Undo button that restores it. When
 * @overlay is in an #FbWindow, the window's undo action presses the button
 * while the toast is shown. Take @overlay before deleting: the widget that
 * deleted may go with the record.
 *
 * Returns: (transfer none): the toast, for callers that do more on undo
 *   through #AdwToast::button-clicked
 */
AdwToast *
fb_undo_toast_add (AdwToastOverlay *overlay,
                   FbStore         *store,
                   FbRecord        *record,
                   const char      *title)
{
  g_autofree char *markup = NULL;
  UndoData *undo;
  AdwToast *toast;
  GtkRoot *root;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);
  g_return_val_if_fail (FB_IS_STORE (store), NULL);
  g_return_val_if_fail (FB_IS_RECORD (record), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (store);
  undo->record = fb_record_copy (record);
  g_weak_ref_init (&undo->overlay, overlay);

  /* A toast's title is markup. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (button_clicked_cb),
                         undo, (GClosureNotify)(void (*) (void))undo_data_free, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (dismissed_cb), NULL);

  g_object_set_data (G_OBJECT (toast), "fb-added-at",
                     GSIZE_TO_POINTER ((gsize)(g_get_monotonic_time () / 1000)));
  adw_toast_overlay_add_toast (overlay, toast);

  root = gtk_widget_get_root (GTK_WIDGET (overlay));
  if (FB_IS_WINDOW (root))
    fb_window_offer_undo (FB_WINDOW (root), toast);

  return toast;
}

static gboolean
dismiss_later_cb (gpointer data)
{
  adw_toast_dismiss (data);

  return G_SOURCE_REMOVE;
}

/**
 * fb_undo_toast_undo:
 * @toast: a toast from fb_undo_toast_add ()
 *
 * Does what the toast's Undo button does, and dismisses the toast.
 */
void
fb_undo_toast_undo (AdwToast *toast)
{
  g_autoptr(AdwToast) hold = NULL;
  gint64 added_at, shown_for;

  g_return_if_fail (ADW_IS_TOAST (toast));

  hold = g_object_ref (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  /* Undone once only, however soon the toast goes. */
  dismissed_cb (toast);

  added_at = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "fb-added-at"));
  shown_for = g_get_monotonic_time () / 1000 - added_at;
  if (shown_for >= SHOW_ANIMATION_MS)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, SHOW_ANIMATION_MS - shown_for, dismiss_later_cb,
                        g_steal_pointer (&hold), g_object_unref);
}
