/* fb-pdsa-row.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-pdsa-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fb-pdsa-row.h"

/* One cycle in a project's PDSA timeline: "PDSA 3 · title", its dates
 * under it, and its phase or decision as a pill at the end. */

struct _FbPdsaRow
{
  AdwActionRow  parent_instance;

  FbPdsaCycle  *cycle;
  GSignalGroup *signals;

  GtkLabel     *status_label;
};

enum {
  PROP_0,
  PROP_CYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbPdsaRow, fb_pdsa_row, ADW_TYPE_ACTION_ROW)

/* The date as the rest of the app writes it ("3. jun. 2024" in
 * Norwegian), or NULL when there is none. */
static char *
dup_local_date (const char *iso)
{
  if (!fb_date_is_valid (iso))
    return NULL;

  return fb_data_entry_format_period (iso);
}

static char *
dup_dates (FbPdsaCycle *cycle)
{
  g_autofree char *start = dup_local_date (fb_pdsa_cycle_get_start_date (cycle));
  g_autofree char *end = dup_local_date (fb_pdsa_cycle_get_end_date (cycle));

  if (start != NULL && end != NULL)
    {
      /* Translators: the dates of a PDSA cycle, start – end */
      return g_strdup_printf (_("%s – %s"), start, end);
    }

  if (start != NULL)
    {
      /* Translators: a PDSA cycle with a start date and no end date yet */
      return g_strdup_printf (_("From %s"), start);
    }

  if (end != NULL)
    {
      /* Translators: a PDSA cycle with an end date and no start date */
      return g_strdup_printf (_("Until %s"), end);
    }

  return g_strdup (_("No dates yet"));
}

static void
update (FbPdsaRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *accessible = NULL;
  const char *status;

  if (self->cycle == NULL)
    return;

  /* Translators: a PDSA cycle in the list, its number and title: "PDSA 3 · Tavlemøte" */
  title = g_strdup_printf (_("PDSA %u · %s"), fb_pdsa_cycle_get_number (self->cycle),
                           fb_pdsa_cycle_get_title (self->cycle));
  dates = dup_dates (self->cycle);
  status = fb_pdsa_cycle_get_status_label (self->cycle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), dates);
  gtk_label_set_label (self->status_label, status);

  accessible = g_strdup_printf ("%s. %s. %s", title, dates, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
cycle_notify_cb (FbPdsaRow *self)
{
  update (self);
}

static void
fb_pdsa_row_dispose (GObject *object)
{
  FbPdsaRow *self = (FbPdsaRow *)object;

  g_clear_object (&self->signals);
  g_clear_object (&self->cycle);

  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_PDSA_ROW);

  G_OBJECT_CLASS (fb_pdsa_row_parent_class)->dispose (object);
}

static void
fb_pdsa_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FbPdsaRow *self = FB_PDSA_ROW (object);

  switch (prop_id)
    {
    case PROP_CYCLE:
      g_value_set_object (value, self->cycle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FbPdsaRow *self = FB_PDSA_ROW (object);

  switch (prop_id)
    {
    case PROP_CYCLE:
      self->cycle = g_value_dup_object (value);
      g_signal_group_set_target (self->signals, self->cycle);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_row_class_init (FbPdsaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_pdsa_row_dispose;
  object_class->get_property = fb_pdsa_row_get_property;
  object_class->set_property = fb_pdsa_row_set_property;

  properties[PROP_CYCLE] =
    g_param_spec_object ("cycle", NULL, NULL,
                         FB_TYPE_PDSA_CYCLE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-pdsa-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FbPdsaRow, status_label);
}

static void
fb_pdsa_row_init (FbPdsaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signals = g_signal_group_new (FB_TYPE_PDSA_CYCLE);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (cycle_notify_cb), self);
}

/**
 * fb_pdsa_row_new:
 * @cycle: the cycle to show
 *
 * Returns: (transfer floating): a row that follows @cycle's changes
 */
GtkWidget *
fb_pdsa_row_new (FbPdsaCycle *cycle)
{
  g_return_val_if_fail (FB_IS_PDSA_CYCLE (cycle), NULL);

  return g_object_new (FB_TYPE_PDSA_ROW, "cycle", cycle, NULL);
}

FbPdsaCycle *
fb_pdsa_row_get_cycle (FbPdsaRow *self)
{
  g_return_val_if_fail (FB_IS_PDSA_ROW (self), NULL);

  return self->cycle;
}
