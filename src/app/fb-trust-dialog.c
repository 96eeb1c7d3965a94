/* fb-trust-dialog.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-trust-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-trust-dialog.h"

/* Adds a health trust or hospital: its name and its region. Core checks the
 * name; a refusal is shown in the dialog, which stays open to correct it. */

struct _FbTrustDialog
{
  AdwWindow    parent_instance;

  FbStore     *store;

  AdwEntryRow *name_row;
  AdwComboRow *region_row;
  GtkLabel    *message_label;
};

enum {
  SIGNAL_TRUST_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FbTrustDialog, fb_trust_dialog, ADW_TYPE_WINDOW)

static void
show_message (FbTrustDialog *self,
              const char    *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

typedef struct
{
  FbTrustDialog *dialog;
  FbRecord      *trust;
} Adding;

static void
adding_free (Adding *adding)
{
  g_object_unref (adding->dialog);
  g_object_unref (adding->trust);
  g_free (adding);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Adding, adding_free)

static void
trust_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Adding) adding = user_data;
  FbTrustDialog *self = adding->dialog;
  FbRecord *trust = adding->trust;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (!fb_store_save_finish (FB_STORE (object), result, &error))
    {
      show_message (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_TRUST_ADDED], 0, trust);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FbTrustDialog *self = FB_TRUST_DIALOG (widget);
  g_autoptr(FbRecord) trust = NULL;
  g_autoptr(GError) error = NULL;
  const FbRegion *regions;
  const char *region_id = NULL;
  Adding *adding;
  guint n_regions, selected;

  regions = fb_region_get_all (&n_regions);
  selected = adw_combo_row_get_selected (self->region_row);
  if (selected < n_regions)
    region_id = regions[selected].id;

  trust = fb_store_new_trust (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                              region_id, &error);
  if (trust == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Saved on the store's queue; the dialog waits for it, insensitive, so
   * that a refusal can still be shown in it. */
  adding = g_new0 (Adding, 1);
  adding->dialog = g_object_ref (self);
  adding->trust = g_steal_pointer (&trust);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  fb_store_save_async (self->store, adding->trust, NULL, trust_saved_cb, adding);
}

/* Enter in the name adds. */
static void
name_activated_cb (FbTrustDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "trust.add", NULL);
}

static void
fb_trust_dialog_dispose (GObject *object)
{
  FbTrustDialog *self = (FbTrustDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_TRUST_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_trust_dialog_parent_class)->dispose (object);
}

static void
fb_trust_dialog_class_init (FbTrustDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_trust_dialog_dispose;

  /**
   * FbTrustDialog::trust-added:
   * @self: the dialog
   * @trust: the #FbTrust, saved
   *
   * A trust was added; the dialog closes.
   */
  signals[SIGNAL_TRUST_ADDED] =
    g_signal_new ("trust-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, FB_TYPE_TRUST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-trust-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FbTrustDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FbTrustDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, FbTrustDialog, message_label);

  gtk_widget_class_install_action (widget_class, "trust.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fb_trust_dialog_init (FbTrustDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const FbRegion *regions;
  guint n_regions;

  gtk_widget_init_template (GTK_WIDGET (self));

  regions = fb_region_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    gtk_string_list_append (names, regions[i].name);
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));

  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (name_activated_cb),
                            self);
}

/**
 * fb_trust_dialog_new:
 * @store: where the trust is added
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
FbTrustDialog *
fb_trust_dialog_new (FbStore *store)
{
  FbTrustDialog *self;

  g_return_val_if_fail (FB_IS_STORE (store), NULL);

  self = g_object_new (FB_TYPE_TRUST_DIALOG, NULL);
  self->store = g_object_ref (store);

  return self;
}

/**
 * fb_trust_dialog_get_message:
 * @self: a #FbTrustDialog
 *
 * Returns: (nullable): why the last try to add was refused, or %NULL
 */
const char *
fb_trust_dialog_get_message (FbTrustDialog *self)
{
  g_return_val_if_fail (FB_IS_TRUST_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;

  return gtk_label_get_label (self->message_label);
}
