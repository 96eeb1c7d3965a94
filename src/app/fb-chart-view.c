/* fb-chart-view.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-chart-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fb-chart-view.h"

/* A run chart or control chart on screen. Core's renderer draws it and
 * finds the point under the pointer; this widget only feeds it the style
 * (dark mode, markers, the highlighted point) and says what that point is:
 * in a tooltip for the pointer and in the accessible description for the
 * keyboard (Left, Right, Home, End move between points). With no analysis
 * it draws nothing and takes no focus. */

#define MIN_WIDTH      300
#define MIN_HEIGHT     200
#define NATURAL_WIDTH  640
#define NATURAL_HEIGHT 360

struct _FbChartView
{
  GtkWidget   parent_instance;

  FbAnalysis   *analysis;
  FbChartCache *cache;
  gboolean      drawn;
  GListModel *points;
  char       *title;
  GArray     *markers;
  int         highlight;
  gboolean    percent;
  gboolean    pointer_highlight;

  GtkPopover *popover;
  GtkLabel   *details_label;
  GtkWidget  *exclude_box;
  GtkEditable *reason_entry;
  GtkWidget  *include_button;
  int         menu_row;
};

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_POINTS,
  PROP_TITLE,
  PROP_PERCENT,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SET_EXCLUDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FbChartView, fb_chart_view, GTK_TYPE_WIDGET)

static void
marker_clear (gpointer data)
{
  FbChartMarker *marker = data;

  g_free ((gpointer)marker->date);
  g_free ((gpointer)marker->label);
}

static guint
n_rows (FbChartView *self)
{
  return self->analysis != NULL ? fb_analysis_get_n_rows (self->analysis) : 0;
}

static void
fill_style (FbChartView  *self,
            FbChartStyle *style)
{
  fb_chart_style_init (style);
  style->title = self->title;
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->markers = (const FbChartMarker *)(gpointer)self->markers->data;
  style->n_markers = self->markers->len;
  style->highlight = self->highlight;
  style->percent = self->percent;
}

/* As few decimals as the value needs, at most two (one for a percentage).
 * The point details are written into stack buffers: the only allocation
 * when the highlight moves is the text itself. */
static void
format_value (char     *buffer,
              gsize     size,
              double    value,
              gboolean  percent)
{
  int max = percent ? 1 : 2;
  int decimals = 0;

  while (decimals < max)
    {
      double scale = pow (10, decimals);

      if (fabs (value - round (value * scale) / scale) <= 1e-9 * MAX (1.0, fabs (value)))
        break;
      decimals++;
    }

  if (percent)
    /* Translators: a percentage in a chart's point details; use your language's spacing */
    g_snprintf (buffer, size, _("%.*f %%"), decimals, value);
  else
    g_snprintf (buffer, size, "%.*f", decimals, value);
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* The point's data, when the model holds the same period at that index. */
static FbDataPoint *
dup_data_point (FbChartView         *self,
                guint                index,
                const FbAnalysisRow *row)
{
  g_autoptr(FbDataPoint) point = NULL;

  if (self->points == NULL || index >= g_list_model_get_n_items (self->points))
    return NULL;

  point = g_list_model_get_item (self->points, index);
  if (!FB_IS_DATA_POINT (point) || g_strcmp0 (fb_data_point_get_period (point), row->date) != 0)
    return NULL;

  return g_steal_pointer (&point);
}

static char *
dup_point_text (FbChartView *self,
                guint        index)
{
  const FbAnalysisRow *row = fb_analysis_get_row (self->analysis, index);
  g_autoptr(FbDataPoint) point = dup_data_point (self, index, row);
  g_autoptr(GString) text = g_string_sized_new (128);
  /* Translators: the date of a point on a chart, see strftime (3) */
  const char *format = C_("chart point date", "%-d %B %Y");
  char buffer[256];
  GDate date;

  g_date_clear (&date, 1);
  if (fb_date_parse (row->date, &date) &&
      g_date_strftime (buffer, sizeof buffer, format, &date) > 0)
    append_line (text, buffer);
  else if (row->date != NULL)
    append_line (text, row->date);

  if (isnan (row->y))
    {
      append_line (text, _("No value"));
    }
  else
    {
      format_value (buffer, sizeof buffer, row->y, self->percent);
      append_line (text, buffer);
    }

  if (point != NULL && isfinite (fb_data_point_get_denominator (point)) &&
      isfinite (fb_data_point_get_value (point)))
    {
      char numerator[64];
      char denominator[64];

      format_value (numerator, sizeof numerator, fb_data_point_get_value (point), FALSE);
      format_value (denominator, sizeof denominator, fb_data_point_get_denominator (point),
                    FALSE);
      /* Translators: a proportion's or a rate's numerator and denominator */
      g_snprintf (buffer, sizeof buffer, _("%s of %s"), numerator, denominator);
      append_line (text, buffer);
    }

  if (point != NULL && fb_data_point_get_note (point) != NULL &&
      *fb_data_point_get_note (point) != '\0')
    append_line (text, fb_data_point_get_note (point));

  if (row->excluded)
    {
      const char *reason = point != NULL ? fb_data_point_get_exclude_reason (point) : NULL;

      if (reason != NULL && *reason != '\0')
        {
          append_line (text, "");
          /* Translators: a point left out of the calculations, and why */
          g_string_append_printf (text, _("Excluded: %s"), reason);
        }
      else
        {
          append_line (text, _("Excluded"));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The tooltip and the accessible description say what is highlighted, or
 * the description sums the chart up. */
static void
update_point_text (FbChartView *self)
{
  g_autofree char *text = NULL;

  if (self->analysis != NULL && self->highlight >= 0)
    text = dup_point_text (self, (guint)self->highlight);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else if (self->analysis != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    fb_analysis_get_summary (self->analysis),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_highlight (FbChartView *self,
               int          highlight,
               gboolean     from_pointer)
{
  if (highlight < 0 || (guint)highlight >= n_rows (self))
    highlight = -1;

  self->pointer_highlight = from_pointer && highlight >= 0;

  if (self->highlight == highlight)
    return;

  self->highlight = highlight;
  update_point_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           FbChartView              *self)
{
  FbChartStyle style;
  int index;

  if (self->analysis == NULL)
    return;

  /* The chart as last drawn is laid out already: no need to measure it
   * again on every motion. */
  if (self->drawn)
    {
      index = fb_chart_cache_hit_test (self->cache, x, y);
    }
  else
    {
      fill_style (self, &style);
      index = fb_chart_hit_test (self->analysis, &style,
                                 gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)),
                                 x, y);
    }

  /* Outside the plot the pointer leaves a keyboard highlight alone. */
  if (index < 0 && !self->pointer_highlight)
    return;

  set_highlight (self, index, TRUE);
}

static void
leave_cb (GtkEventControllerMotion *motion,
          FbChartView              *self)
{
  if (self->pointer_highlight)
    set_highlight (self, -1, FALSE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FbChartView           *self)
{
  int n = (int)n_rows (self);
  int target;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = self->highlight < 0 ? n - 1 : MAX (self->highlight - 1, 0);
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = self->highlight < 0 ? 0 : MIN (self->highlight + 1, n - 1);
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = n - 1;
      break;

    default:
      return FALSE;
    }

  set_highlight (self, target, FALSE);

  return TRUE;
}

/* The point the menu is about, or NULL when it has no stored point. */
static FbDataPoint *
dup_menu_point (FbChartView *self)
{
  if (self->analysis == NULL || self->menu_row < 0 || (guint)self->menu_row >= n_rows (self))
    return NULL;

  return dup_data_point (self, self->menu_row,
                         fb_analysis_get_row (self->analysis, self->menu_row));
}

static void
update_menu_actions (FbChartView *self)
{
  g_autoptr(FbDataPoint) point = dup_menu_point (self);
  const char *reason = gtk_editable_get_text (self->reason_entry);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.exclude-point",
                                 point != NULL && !fb_data_point_get_excluded (point) &&
                                 *trimmed != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.include-point",
                                 point != NULL && fb_data_point_get_excluded (point));
}

/* Opens the point's menu: its details, and excluding it from the
 * calculations (with a reason) or including it again. */
static void
open_point_menu (FbChartView *self,
                 int          index)
{
  g_autoptr(FbDataPoint) point = NULL;
  g_autofree char *text = NULL;
  double x, y;

  if (index < 0 || (guint)index >= n_rows (self))
    return;

  set_highlight (self, index, FALSE);
  self->menu_row = index;
  if (!(point = dup_menu_point (self)))
    return;

  text = dup_point_text (self, index);
  gtk_label_set_label (self->details_label, text);
  gtk_editable_set_text (self->reason_entry, "");
  gtk_widget_set_visible (self->exclude_box, !fb_data_point_get_excluded (point));
  gtk_widget_set_visible (self->include_button, fb_data_point_get_excluded (point));
  update_menu_actions (self);

  if (!fb_chart_cache_get_point (self->cache, index, &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  gtk_popover_set_pointing_to (self->popover, &(GdkRectangle) { (int)x - 4, (int)y - 4, 8, 8 });
  gtk_popover_popup (self->popover);

  if (!fb_data_point_get_excluded (point))
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  /* Focus on popup selects the selectable details: they are there to be
   * read, and copied only on purpose. */
  gtk_label_select_region (self->details_label, 0, 0);
}

static void
point_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FbChartView *self = FB_CHART_VIEW (widget);

  open_point_menu (self, self->highlight);
}

static void
set_menu_point_excluded (FbChartView *self,
                         gboolean     excluded)
{
  g_autoptr(FbDataPoint) point = dup_menu_point (self);
  g_autofree char *reason = NULL;

  if (point == NULL)
    return;

  reason = excluded ? g_strdup (gtk_editable_get_text (self->reason_entry)) : NULL;
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[SIGNAL_SET_EXCLUDED], 0, point, excluded, reason);
}

static void
exclude_point_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  set_menu_point_excluded (FB_CHART_VIEW (widget), TRUE);
}

static void
include_point_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  set_menu_point_excluded (FB_CHART_VIEW (widget), FALSE);
}

static void
reason_activate_cb (FbChartView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chart.exclude-point", NULL);
}

static void
pressed_cb (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            FbChartView     *self)
{
  int index;

  if (self->analysis == NULL || (index = fb_chart_cache_hit_test (self->cache, x, y)) < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  open_point_menu (self, index);
}

static void
long_pressed_cb (GtkGestureLongPress *press,
                 double               x,
                 double               y,
                 FbChartView         *self)
{
  int index;

  if (self->analysis == NULL || (index = fb_chart_cache_hit_test (self->cache, x, y)) < 0)
    return;

  open_point_menu (self, index);
}

static void
fb_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
fb_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FbChartView *self = FB_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  FbChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->analysis == NULL || width <= 0 || height <= 0)
    return;

  /* Drawn through the cache: after a keystroke only the changed point's
   * columns and the lines that follow the analysis are drawn again. */
  fill_style (self, &style);
  surface = fb_chart_cache_draw (self->cache, self->analysis, &style, width, height,
                                 gtk_widget_get_scale_factor (widget));
  if (surface == NULL)
    return;

  self->drawn = TRUE;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  /* The theme has no focus outline for this widget, so it draws its own. */
  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
      GdkRGBA colors[4];
      float widths[4] = { 2, 2, 2, 2 };

      /* As libadwaita draws focus on buttons: the accent at half strength. */
      gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                      &accent);
      accent.alpha *= 0.5;
      for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
        colors[i] = accent;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2),
                                       6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
fb_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FbChartView *self = FB_CHART_VIEW (widget);

  if (self->popover != NULL)
    gtk_popover_present (self->popover);
}

static void
fb_chart_view_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (fb_chart_view_parent_class)->state_flags_changed (widget, previous);
}

static void
fb_chart_view_dispose (GObject *object)
{
  FbChartView *self = (FbChartView *)object;

  g_clear_object (&self->analysis);
  g_clear_object (&self->points);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }

  G_OBJECT_CLASS (fb_chart_view_parent_class)->dispose (object);
}

static void
fb_chart_view_finalize (GObject *object)
{
  FbChartView *self = (FbChartView *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->cache, fb_chart_cache_free);

  G_OBJECT_CLASS (fb_chart_view_parent_class)->finalize (object);
}

static void
fb_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FbChartView *self = FB_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    case PROP_POINTS:
      g_value_set_object (value, self->points);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PERCENT:
      g_value_set_boolean (value, self->percent);
      break;

    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FbChartView *self = FB_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      fb_chart_view_set_analysis (self, g_value_get_object (value));
      break;

    case PROP_POINTS:
      fb_chart_view_set_points (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      fb_chart_view_set_title (self, g_value_get_string (value));
      break;

    case PROP_PERCENT:
      fb_chart_view_set_percent (self, g_value_get_boolean (value));
      break;

    case PROP_HIGHLIGHT:
      fb_chart_view_set_highlight (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_chart_view_class_init (FbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_chart_view_dispose;
  object_class->finalize = fb_chart_view_finalize;
  object_class->get_property = fb_chart_view_get_property;
  object_class->set_property = fb_chart_view_set_property;

  widget_class->measure = fb_chart_view_measure;
  widget_class->snapshot = fb_chart_view_snapshot;
  widget_class->size_allocate = fb_chart_view_size_allocate;
  widget_class->state_flags_changed = fb_chart_view_state_flags_changed;

  /**
   * FbChartView:analysis:
   *
   * The analysed series to draw, or %NULL for none.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         FB_TYPE_ANALYSIS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbChartView:points:
   *
   * The #FbDataPoint behind each row of the analysis, in the same order,
   * for the numerator, denominator and note of the highlighted point.
   */
  properties[PROP_POINTS] =
    g_param_spec_object ("points", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbChartView:title:
   *
   * The chart's title, drawn above it and its accessible label.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbChartView:percent:
   *
   * Whether values are percentages, see fb_measure_chart_is_percent ().
   */
  properties[PROP_PERCENT] =
    g_param_spec_boolean ("percent", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FbChartView:highlight:
   *
   * The highlighted row of the analysis, or -1 for none.
   */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FbChartView::set-excluded:
   * @self: the view
   * @point: the #FbDataPoint chosen in the point's menu
   * @excluded: whether to exclude it from the calculations
   * @reason: (nullable): why, when excluding
   *
   * Asks for @point to be excluded or included again; whoever holds the
   * store saves it, see fb_data_entry_set_excluded ().
   */
  signals[SIGNAL_SET_EXCLUDED] =
    g_signal_new ("set-excluded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, FB_TYPE_DATA_POINT, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "chart.point-menu", NULL, point_menu_action);
  gtk_widget_class_install_action (widget_class, "chart.exclude-point", NULL,
                                   exclude_point_action);
  gtk_widget_class_install_action (widget_class, "chart.include-point", NULL,
                                   include_point_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.point-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.point-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fb_chart_view_init (FbChartView *self)
{
  GtkEventController *controller;

  self->highlight = -1;
  self->cache = fb_chart_cache_new ();
  self->markers = g_array_new (FALSE, TRUE, sizeof (FbChartMarker));
  g_array_set_clear_func (self->markers, marker_clear);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  g_signal_connect (controller, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_long_press_new ());
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (controller), TRUE);
  g_signal_connect (controller, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* The point menu is a popover of its own, not a template of this widget. */
  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/forbedring/Forbedring/fb-chart-point-popover.ui");

    self->popover = GTK_POPOVER (gtk_builder_get_object (builder, "popover"));
    self->details_label = GTK_LABEL (gtk_builder_get_object (builder, "details_label"));
    self->exclude_box = GTK_WIDGET (gtk_builder_get_object (builder, "exclude_box"));
    self->reason_entry = GTK_EDITABLE (gtk_builder_get_object (builder, "reason_entry"));
    self->include_button = GTK_WIDGET (gtk_builder_get_object (builder, "include_button"));
    gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
    g_signal_connect_object (self->reason_entry, "changed", G_CALLBACK (update_menu_actions),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->reason_entry, "activate", G_CALLBACK (reason_activate_cb),
                             self, G_CONNECT_SWAPPED);
  }
  self->menu_row = -1;

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

/**
 * fb_chart_view_new:
 *
 * Returns: (transfer floating): a new, empty #FbChartView
 */
GtkWidget *
fb_chart_view_new (void)
{
  return g_object_new (FB_TYPE_CHART_VIEW, NULL);
}

/**
 * fb_chart_view_get_analysis:
 * @self: a #FbChartView
 *
 * Returns: (transfer none) (nullable): the analysis drawn
 */
FbAnalysis *
fb_chart_view_get_analysis (FbChartView *self)
{
  g_return_val_if_fail (FB_IS_CHART_VIEW (self), NULL);

  return self->analysis;
}

/**
 * fb_chart_view_set_analysis:
 * @self: a #FbChartView
 * @analysis: (nullable): the analysis to draw
 *
 * Sets the analysis to draw. A highlight past its last row is cleared.
 */
void
fb_chart_view_set_analysis (FbChartView *self,
                            FbAnalysis  *analysis)
{
  g_return_if_fail (FB_IS_CHART_VIEW (self));
  g_return_if_fail (analysis == NULL || FB_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  gtk_widget_set_focusable (GTK_WIDGET (self), analysis != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->highlight >= 0 && (guint)self->highlight >= n_rows (self))
    {
      self->highlight = -1;
      self->pointer_highlight = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
    }
  update_point_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * fb_chart_view_get_points:
 * @self: a #FbChartView
 *
 * Returns: (transfer none) (nullable): the data points behind the rows
 */
GListModel *
fb_chart_view_get_points (FbChartView *self)
{
  g_return_val_if_fail (FB_IS_CHART_VIEW (self), NULL);

  return self->points;
}

/**
 * fb_chart_view_set_points:
 * @self: a #FbChartView
 * @points: (nullable): a #GListModel of #FbDataPoint, in the analysis's
 *   order
 *
 * Sets the points whose numerator, denominator and note the details of the
 * highlighted point show. A point is used only when its period is the
 * row's date.
 */
void
fb_chart_view_set_points (FbChartView *self,
                          GListModel  *points)
{
  g_return_if_fail (FB_IS_CHART_VIEW (self));
  g_return_if_fail (points == NULL || G_IS_LIST_MODEL (points));

  if (!g_set_object (&self->points, points))
    return;

  if (self->highlight >= 0)
    update_point_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTS]);
}

/**
 * fb_chart_view_get_title:
 * @self: a #FbChartView
 *
 * Returns: (nullable): the chart's title
 */
const char *
fb_chart_view_get_title (FbChartView *self)
{
  g_return_val_if_fail (FB_IS_CHART_VIEW (self), NULL);

  return self->title;
}

/**
 * fb_chart_view_set_title:
 * @self: a #FbChartView
 * @title: (nullable): the title
 *
 * Sets the title drawn above the chart, which is also its accessible label.
 */
void
fb_chart_view_set_title (FbChartView *self,
                         const char  *title)
{
  g_return_if_fail (FB_IS_CHART_VIEW (self));

  if (!fb_set_str (&self->title, title))
    return;

  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * fb_chart_view_get_percent:
 * @self: a #FbChartView
 *
 * Returns: whether values are shown as percentages
 */
gboolean
fb_chart_view_get_percent (FbChartView *self)
{
  g_return_val_if_fail (FB_IS_CHART_VIEW (self), FALSE);

  return self->percent;
}

/**
 * fb_chart_view_set_percent:
 * @self: a #FbChartView
 * @percent: whether values are percentages
 *
 * Sets whether the axis and the point details show percentages; pass
 * fb_measure_chart_is_percent () of the measure drawn.
 */
void
fb_chart_view_set_percent (FbChartView *self,
                           gboolean     percent)
{
  g_return_if_fail (FB_IS_CHART_VIEW (self));

  percent = !!percent;
  if (self->percent == percent)
    return;

  self->percent = percent;
  if (self->highlight >= 0)
    update_point_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
}

/**
 * fb_chart_view_get_highlight:
 * @self: a #FbChartView
 *
 * Returns: the highlighted row, or -1
 */
int
fb_chart_view_get_highlight (FbChartView *self)
{
  g_return_val_if_fail (FB_IS_CHART_VIEW (self), -1);

  return self->highlight;
}

/**
 * fb_chart_view_set_highlight:
 * @self: a #FbChartView
 * @highlight: a row of the analysis, or -1 for none
 *
 * Highlights a point, as the arrow keys do: it is drawn ringed, and the
 * tooltip and the accessible description give its date, value and data.
 * A row outside the analysis clears the highlight.
 */
void
fb_chart_view_set_highlight (FbChartView *self,
                             int          highlight)
{
  g_return_if_fail (FB_IS_CHART_VIEW (self));

  set_highlight (self, highlight, FALSE);
}

/**
 * fb_chart_view_set_markers:
 * @self: a #FbChartView
 * @markers: (array length=n_markers) (nullable): PDSA cycle markers, such
 *   as fb_measure_dup_markers () gives
 * @n_markers: the number of markers
 *
 * Sets the PDSA cycles marked on the chart. The markers and their strings
 * are copied.
 */
void
fb_chart_view_set_markers (FbChartView         *self,
                           const FbChartMarker *markers,
                           guint                n_markers)
{
  GArray *copy;

  g_return_if_fail (FB_IS_CHART_VIEW (self));
  g_return_if_fail (markers != NULL || n_markers == 0);

  /* Copied before the old ones go: @markers may be this view's own. */
  copy = g_array_sized_new (FALSE, TRUE, sizeof (FbChartMarker), n_markers);
  g_array_set_clear_func (copy, marker_clear);
  for (guint i = 0; i < n_markers; i++)
    {
      FbChartMarker marker = { g_strdup (markers[i].date), g_strdup (markers[i].label) };

      g_array_append_val (copy, marker);
    }

  g_array_unref (self->markers);
  self->markers = copy;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
