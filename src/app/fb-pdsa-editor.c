/* fb-pdsa-editor.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-pdsa-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fb-pdsa-editor.h"

/* A guided form for one PDSA cycle: its title, change idea and dates, then
 * Plan, Do, Study and Act. Every edit saves itself a moment after the
 * typing stops, and at once when the editor is hidden, switches cycle or
 * goes away, so no keystroke is lost. A field whose text is invalid (a bad
 * date, an end before the start, an empty title) is marked on its row and
 * kept out of the store until it is fixed; the other fields still save.
 *
 * The widgets hold what was typed and not yet saved: a field is "dirty"
 * from the keystroke until it is saved, and while dirty the cycle's own
 * changes (a save elsewhere, a sync) do not overwrite it. */

#define SAVE_DELAY_MS 500

typedef enum
{
  FIELD_TITLE,
  FIELD_CHANGE_IDEA,
  FIELD_START_DATE,
  FIELD_END_DATE,
  FIELD_PHASE,
  FIELD_PLAN_OBJECTIVE,
  FIELD_PLAN_QUESTIONS,
  FIELD_PLAN_PREDICTION,
  FIELD_PLAN_WHO,
  FIELD_PLAN_WHAT,
  FIELD_PLAN_WHERE,
  FIELD_PLAN_WHEN,
  FIELD_PLAN_DATA_TO_COLLECT,
  FIELD_DO_WHAT_HAPPENED,
  FIELD_DO_OBSERVATIONS,
  FIELD_DO_PROBLEMS,
  FIELD_STUDY_RESULTS,
  FIELD_STUDY_LEARNING,
  FIELD_ACT_DECISION,
  FIELD_ACT_NEXT_STEPS,
  N_FIELDS
} Field;

#define FIELD_BIT(field) (1u << (field))
#define DATE_BITS (FIELD_BIT (FIELD_START_DATE) | FIELD_BIT (FIELD_END_DATE))

struct _FbPdsaEditor
{
  AdwBin          parent_instance;

  FbStore        *store;
  FbPdsaCycle    *cycle;
  GSignalGroup   *signals;
  AdwToast       *error_toast;
  guint           save_source;
  guint32         dirty;
  guint           loading;
  gboolean        syncing_calendar;
  const char     *errors[N_FIELDS];

  GtkWidget      *content;
  GtkLabel       *heading_label;
  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  AdwEntryRow    *change_idea_row;
  AdwEntryRow    *start_date_row;
  GtkMenuButton  *start_date_button;
  GtkCalendar    *start_date_calendar;
  AdwEntryRow    *end_date_row;
  GtkMenuButton  *end_date_button;
  GtkCalendar    *end_date_calendar;
  AdwComboRow    *phase_row;
  GtkTextView    *objective_view;
  GtkTextView    *questions_view;
  GtkTextView    *prediction_view;
  AdwEntryRow    *who_row;
  AdwEntryRow    *what_row;
  AdwEntryRow    *where_row;
  AdwEntryRow    *when_row;
  GtkTextView    *data_to_collect_view;
  GtkTextView    *what_happened_view;
  GtkTextView    *observations_view;
  GtkTextView    *problems_view;
  GtkTextView    *results_view;
  GtkTextView    *learning_view;
  AdwComboRow    *decision_row;
  GtkTextView    *next_steps_view;
};

/* Each field: the cycle property it edits and the widget that edits it. */
static const struct
{
  const char *property;
  glong       offset;
} field_info[N_FIELDS] = {
  [FIELD_TITLE] = { "title", G_STRUCT_OFFSET (FbPdsaEditor, title_row) },
  [FIELD_CHANGE_IDEA] = { "change-idea", G_STRUCT_OFFSET (FbPdsaEditor, change_idea_row) },
  [FIELD_START_DATE] = { "start-date", G_STRUCT_OFFSET (FbPdsaEditor, start_date_row) },
  [FIELD_END_DATE] = { "end-date", G_STRUCT_OFFSET (FbPdsaEditor, end_date_row) },
  [FIELD_PHASE] = { "phase", G_STRUCT_OFFSET (FbPdsaEditor, phase_row) },
  [FIELD_PLAN_OBJECTIVE] = { "plan-objective", G_STRUCT_OFFSET (FbPdsaEditor, objective_view) },
  [FIELD_PLAN_QUESTIONS] = { "plan-questions", G_STRUCT_OFFSET (FbPdsaEditor, questions_view) },
  [FIELD_PLAN_PREDICTION] = { "plan-prediction",
                              G_STRUCT_OFFSET (FbPdsaEditor, prediction_view) },
  [FIELD_PLAN_WHO] = { "plan-who", G_STRUCT_OFFSET (FbPdsaEditor, who_row) },
  [FIELD_PLAN_WHAT] = { "plan-what", G_STRUCT_OFFSET (FbPdsaEditor, what_row) },
  [FIELD_PLAN_WHERE] = { "plan-where", G_STRUCT_OFFSET (FbPdsaEditor, where_row) },
  [FIELD_PLAN_WHEN] = { "plan-when", G_STRUCT_OFFSET (FbPdsaEditor, when_row) },
  [FIELD_PLAN_DATA_TO_COLLECT] = { "plan-data-to-collect",
                                   G_STRUCT_OFFSET (FbPdsaEditor, data_to_collect_view) },
  [FIELD_DO_WHAT_HAPPENED] = { "do-what-happened",
                               G_STRUCT_OFFSET (FbPdsaEditor, what_happened_view) },
  [FIELD_DO_OBSERVATIONS] = { "do-observations",
                              G_STRUCT_OFFSET (FbPdsaEditor, observations_view) },
  [FIELD_DO_PROBLEMS] = { "do-problems", G_STRUCT_OFFSET (FbPdsaEditor, problems_view) },
  [FIELD_STUDY_RESULTS] = { "study-results", G_STRUCT_OFFSET (FbPdsaEditor, results_view) },
  [FIELD_STUDY_LEARNING] = { "study-learning", G_STRUCT_OFFSET (FbPdsaEditor, learning_view) },
  [FIELD_ACT_DECISION] = { "act-decision", G_STRUCT_OFFSET (FbPdsaEditor, decision_row) },
  [FIELD_ACT_NEXT_STEPS] = { "act-next-steps", G_STRUCT_OFFSET (FbPdsaEditor, next_steps_view) },
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FbPdsaEditor, fb_pdsa_editor, ADW_TYPE_BIN)

static GtkWidget *
field_widget (FbPdsaEditor *self,
              Field         field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field_info[field].offset);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static char *
dup_widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

/* Leaves the widget alone when it already shows the text, so the cursor
 * does not jump. */
static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  g_autofree char *current = dup_widget_text (widget);

  if (text == NULL)
    text = "";

  if (g_strcmp0 (current, text) == 0)
    return;

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
show_error_toast (FbPdsaEditor *self,
                  const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("Could not save the PDSA cycle: %s", error->message);
      return;
    }

  /* One toast at a time, however often the save fails. */
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);

  /* A toast's title is markup. */
  title = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  g_set_weak_pointer (&self->error_toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
update_status (FbPdsaEditor *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *suggestion = NULL;
  FbPdsaPhase suggested;

  if (self->cycle == NULL)
    {
      gtk_label_set_label (self->heading_label, "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row), "");
      return;
    }

  /* Translators: the heading of the PDSA cycle editor, with the cycle's number */
  heading = g_strdup_printf (_("PDSA %u"), fb_pdsa_cycle_get_number (self->cycle));
  gtk_label_set_label (self->heading_label, heading);

  suggested = fb_pdsa_cycle_suggest_phase (self->cycle);
  if (suggested != fb_pdsa_cycle_get_phase (self->cycle))
    {
      /* Translators: under the Phase row, the phase the filled-in fields suggest */
      suggestion = g_strdup_printf (_("Suggested: %s"), fb_pdsa_phase_get_label (suggested));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row),
                               suggestion != NULL ? suggestion : "");
}

static void
show_errors (FbPdsaEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = field_widget (self, i);
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
      const char *message = self->errors[i];

      if (message == NULL)
        {
          gtk_widget_remove_css_class (row, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (row),
                                         GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
          continue;
        }

      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      /* A single reference, not a NULL-terminated list. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label,
                                      -1);

      if (strstr (text->str, message) != NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }

  gtk_label_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
}

static void
load_field (FbPdsaEditor *self,
            Field         field)
{
  GtkWidget *widget = field_widget (self, field);

  self->loading++;

  if (field == FIELD_PHASE)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget),
                                  self->cycle ? fb_pdsa_cycle_get_phase (self->cycle) : 0);
    }
  else if (field == FIELD_ACT_DECISION)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget),
                                  self->cycle ? fb_pdsa_cycle_get_act_decision (self->cycle) : 0);
    }
  else if (field == FIELD_PLAN_QUESTIONS)
    {
      g_autofree char *text = NULL;

      if (self->cycle != NULL)
        text = fb_pdsa_questions_to_text (fb_pdsa_cycle_get_plan_questions (self->cycle));
      set_widget_text (widget, text);
    }
  else
    {
      g_autofree char *text = NULL;

      if (self->cycle != NULL)
        g_object_get (self->cycle, field_info[field].property, &text, NULL);
      set_widget_text (widget, text);
    }

  self->loading--;
}

static void
load_all (FbPdsaEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    load_field (self, i);
}

/* Takes the widget's value into the cycle. Returns: %FALSE if it is
 * invalid and was left out. */
static gboolean
apply_field (FbPdsaEditor *self,
             Field         field)
{
  GtkWidget *widget = field_widget (self, field);
  g_autofree char *text = NULL;
  guint selected;

  g_assert (field != FIELD_START_DATE && field != FIELD_END_DATE);

  self->errors[field] = NULL;

  if (field == FIELD_PHASE || field == FIELD_ACT_DECISION)
    {
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
      if (selected == GTK_INVALID_LIST_POSITION)
        return TRUE;

      if (field == FIELD_PHASE)
        fb_pdsa_cycle_set_phase (self->cycle, selected);
      else
        fb_pdsa_cycle_set_act_decision (self->cycle, selected);

      return TRUE;
    }

  text = dup_widget_text (widget);

  if (field == FIELD_PLAN_QUESTIONS)
    {
      g_auto(GStrv) questions = fb_pdsa_questions_from_text (text);

      fb_pdsa_cycle_set_plan_questions (self->cycle, (const char * const *)questions);
      return TRUE;
    }

  /* One-line fields are kept without surrounding white space. */
  if (GTK_IS_EDITABLE (widget))
    g_strstrip (text);

  if (field == FIELD_TITLE && is_blank (text))
    {
      self->errors[field] = _("Every cycle needs a title. Until you enter one, the old title "
                              "is kept.");
      return FALSE;
    }

  g_object_set (self->cycle, field_info[field].property, is_blank (text) ? NULL : text, NULL);

  return TRUE;
}

/* Returns: the bits of the dates that were left out */
static guint32
apply_dates (FbPdsaEditor *self)
{
  g_autofree char *start = dup_widget_text (field_widget (self, FIELD_START_DATE));
  g_autofree char *end = dup_widget_text (field_widget (self, FIELD_END_DATE));
  FbPdsaDateProblem problems;
  guint32 rejected = 0;

  problems = fb_pdsa_cycle_apply_dates (self->cycle, start, end);

  self->errors[FIELD_START_DATE] = NULL;
  self->errors[FIELD_END_DATE] = NULL;

  if (problems & FB_PDSA_DATE_PROBLEM_START_INVALID)
    self->errors[FIELD_START_DATE] =
      fb_pdsa_date_problem_get_message (FB_PDSA_DATE_PROBLEM_START_INVALID);

  if (problems & FB_PDSA_DATE_PROBLEM_END_INVALID)
    self->errors[FIELD_END_DATE] =
      fb_pdsa_date_problem_get_message (FB_PDSA_DATE_PROBLEM_END_INVALID);

  /* Ending before the start is the end date's fault, unless the end typed
   * is itself invalid: then the start clashes with the end kept. */
  if (problems & FB_PDSA_DATE_PROBLEM_END_BEFORE_START)
    {
      const char *message =
        fb_pdsa_date_problem_get_message (FB_PDSA_DATE_PROBLEM_END_BEFORE_START);

      if (self->errors[FIELD_END_DATE] == NULL)
        self->errors[FIELD_END_DATE] = message;
      else if (self->errors[FIELD_START_DATE] == NULL)
        self->errors[FIELD_START_DATE] = message;

      rejected = DATE_BITS;
    }

  if (problems & FB_PDSA_DATE_PROBLEM_START_INVALID)
    rejected |= FIELD_BIT (FIELD_START_DATE);
  if (problems & FB_PDSA_DATE_PROBLEM_END_INVALID)
    rejected |= FIELD_BIT (FIELD_END_DATE);

  return rejected;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FbPdsaEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fb_store_save_finish (FB_STORE (object), result, &error))
    return;

  /* Gone with its window: there is no one left to show a toast to. */
  if (self->cycle == NULL)
    {
      g_message ("Could not save the PDSA cycle: %s", error->message);
      return;
    }

  /* Written again with the next change. */
  self->dirty |= FIELD_BIT (N_FIELDS) - 1;
  update_status (self);
  show_error_toast (self, error);
}

/**
 * fb_pdsa_editor_flush:
 * @self: a #FbPdsaEditor
 * @error: return location for a #GError
 *
 * Saves what was typed now instead of after the pause. Invalid fields are
 * left out and stay marked; they do not make the flush fail.
 *
 * Returns: %TRUE unless the store refused the save
 */
gboolean
fb_pdsa_editor_flush (FbPdsaEditor  *self,
                      GError       **error)
{
  guint32 pending = 0;
  guint32 was_dirty;

  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->cycle == NULL || self->dirty == 0)
    return TRUE;

  /* A cycle deleted meanwhile is not written back. */
  if (fb_record_get_deleted (FB_RECORD (self->cycle)))
    {
      self->dirty = 0;
      return TRUE;
    }

  /* The dirty bits stay set while the values go in, so the notifications
   * they cause do not reload the widgets. */
  was_dirty = self->dirty;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (!(was_dirty & FIELD_BIT (i)) || (FIELD_BIT (i) & DATE_BITS))
        continue;

      if (!apply_field (self, i))
        pending |= FIELD_BIT (i);
    }

  if (was_dirty & DATE_BITS)
    pending |= apply_dates (self);

  /* Invalid text stays pending: saved once it is fixed, never before. */
  self->dirty = pending;
  show_errors (self);
  update_status (self);

  if (!fb_record_validate (FB_RECORD (self->cycle), error))
    {
      self->dirty = was_dirty;
      return FALSE;
    }

  /* The store takes a copy now and writes it in order with the editor's
   * earlier saves, even if the editor goes meanwhile. */
  fb_store_save_async (self->store, FB_RECORD (self->cycle), NULL, saved_cb,
                       g_object_ref (self));

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  FbPdsaEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;

  if (!fb_pdsa_editor_flush (self, &error))
    show_error_toast (self, error);

  return G_SOURCE_REMOVE;
}

static void
field_changed (FbPdsaEditor *self,
               Field         field)
{
  if (self->loading > 0 || self->cycle == NULL)
    return;

  self->dirty |= FIELD_BIT (field);

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
editable_changed_cb (FbPdsaEditor *self,
                     GtkEditable  *editable)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (field_widget (self, i) == GTK_WIDGET (editable))
      field_changed (self, i);
}

static void
buffer_changed_cb (FbPdsaEditor  *self,
                   GtkTextBuffer *buffer)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = field_widget (self, i);

      if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)) == buffer)
        field_changed (self, i);
    }
}

static void
combo_selected_cb (FbPdsaEditor *self,
                   GParamSpec   *pspec,
                   AdwComboRow  *row)
{
  editable_changed_cb (self, (GtkEditable *)row);
}

static void
cycle_notify_cb (FbPdsaEditor *self,
                 GParamSpec   *pspec,
                 FbPdsaCycle  *cycle)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (strcmp (field_info[i].property, pspec->name) == 0 && !(self->dirty & FIELD_BIT (i)))
      load_field (self, i);

  update_status (self);
}

/* The calendar shows the typed date, or today when there is none. */
static void
sync_calendar (FbPdsaEditor *self,
               GtkCalendar  *calendar,
               AdwEntryRow  *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (fb_date_parse (text, &date))
    date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                       g_date_get_day (&date), 0, 0, 0);
  else
    date_time = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (calendar, date_time);
  self->syncing_calendar = FALSE;
}

static void
take_calendar_date (FbPdsaEditor  *self,
                    GtkCalendar   *calendar,
                    AdwEntryRow   *row,
                    GtkMenuButton *button)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;

  if (self->syncing_calendar)
    return;

  date_time = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date_time, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_popdown (button);
}

static void
start_date_popover_show_cb (FbPdsaEditor *self)
{
  sync_calendar (self, self->start_date_calendar, self->start_date_row);
}

static void
end_date_popover_show_cb (FbPdsaEditor *self)
{
  sync_calendar (self, self->end_date_calendar, self->end_date_row);
}

static void
start_date_day_selected_cb (FbPdsaEditor *self)
{
  take_calendar_date (self, self->start_date_calendar, self->start_date_row,
                      self->start_date_button);
}

static void
end_date_day_selected_cb (FbPdsaEditor *self)
{
  take_calendar_date (self, self->end_date_calendar, self->end_date_row, self->end_date_button);
}

static void
update_sensitivity (FbPdsaEditor *self)
{
  gtk_widget_set_sensitive (self->content,
                            self->cycle != NULL && self->store != NULL &&
                            !fb_store_is_read_only (self->store));
}

static void
fb_pdsa_editor_unmap (GtkWidget *widget)
{
  FbPdsaEditor *self = FB_PDSA_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!fb_pdsa_editor_flush (self, &error))
    show_error_toast (self, error);

  GTK_WIDGET_CLASS (fb_pdsa_editor_parent_class)->unmap (widget);
}

static void
fb_pdsa_editor_dispose (GObject *object)
{
  FbPdsaEditor *self = (FbPdsaEditor *)object;
  g_autoptr(GError) error = NULL;

  /* What was typed is saved before the editor goes, e.g. with its window;
   * there is no one left to show a toast to. */
  if (!fb_pdsa_editor_flush (self, &error))
    g_message ("Could not save the PDSA cycle: %s", error->message);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_weak_pointer (&self->error_toast);
  g_clear_object (&self->signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), FB_TYPE_PDSA_EDITOR);

  g_clear_object (&self->cycle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fb_pdsa_editor_parent_class)->dispose (object);
}

static void
fb_pdsa_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FbPdsaEditor *self = FB_PDSA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CYCLE:
      g_value_set_object (value, self->cycle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FbPdsaEditor *self = FB_PDSA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fb_pdsa_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_CYCLE:
      fb_pdsa_editor_set_cycle (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fb_pdsa_editor_class_init (FbPdsaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fb_pdsa_editor_dispose;
  object_class->get_property = fb_pdsa_editor_get_property;
  object_class->set_property = fb_pdsa_editor_set_property;

  widget_class->unmap = fb_pdsa_editor_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CYCLE] =
    g_param_spec_object ("cycle", NULL, NULL,
                         FB_TYPE_PDSA_CYCLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/forbedring/Forbedring/fb-pdsa-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, content);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, change_idea_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, start_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, end_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, objective_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, questions_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, prediction_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, who_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, what_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, where_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, data_to_collect_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, what_happened_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, observations_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, problems_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, results_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, learning_view);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, FbPdsaEditor, next_steps_view);
  gtk_widget_class_bind_template_callback (widget_class, editable_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_date_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_date_day_selected_cb);
}

static void
fb_pdsa_editor_init (FbPdsaEditor *self)
{
  g_autoptr(GtkStringList) phases = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) decisions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows list the values in enum order, so a position is a value. */
  for (FbPdsaPhase phase = FB_PDSA_PHASE_PLAN; phase <= FB_PDSA_PHASE_DONE; phase++)
    gtk_string_list_append (phases, fb_pdsa_phase_get_label (phase));
  for (FbPdsaDecision decision = FB_PDSA_DECISION_NONE;
       decision <= FB_PDSA_DECISION_ABANDON;
       decision++)
    gtk_string_list_append (decisions, fb_pdsa_decision_get_label (decision));

  self->loading++;
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (decisions));
  self->loading--;

  self->signals = g_signal_group_new (FB_TYPE_PDSA_CYCLE);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (cycle_notify_cb), self);

  update_sensitivity (self);
}

/**
 * fb_pdsa_editor_new:
 * @store: the store edits are saved to
 *
 * Returns: (transfer floating): an editor with no cycle yet
 */
GtkWidget *
fb_pdsa_editor_new (FbStore *store)
{
  g_return_val_if_fail (FB_IS_STORE (store), NULL);

  return g_object_new (FB_TYPE_PDSA_EDITOR, "store", store, NULL);
}

FbStore *
fb_pdsa_editor_get_store (FbPdsaEditor *self)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), NULL);

  return self->store;
}

void
fb_pdsa_editor_set_store (FbPdsaEditor *self,
                          FbStore      *store)
{
  g_return_if_fail (FB_IS_PDSA_EDITOR (self));
  g_return_if_fail (!store || FB_IS_STORE (store));
  /* Edits of one store are never saved to another. */
  g_return_if_fail (self->cycle == NULL);

  if (!g_set_object (&self->store, store))
    return;

  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

FbPdsaCycle *
fb_pdsa_editor_get_cycle (FbPdsaEditor *self)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), NULL);

  return self->cycle;
}

/**
 * fb_pdsa_editor_set_cycle:
 * @self: a #FbPdsaEditor
 * @cycle: (nullable): the cycle to edit
 *
 * Saves what was typed for the previous cycle, then shows @cycle.
 */
void
fb_pdsa_editor_set_cycle (FbPdsaEditor *self,
                          FbPdsaCycle  *cycle)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FB_IS_PDSA_EDITOR (self));
  g_return_if_fail (!cycle || FB_IS_PDSA_CYCLE (cycle));
  g_return_if_fail (!cycle || self->store != NULL);

  if (self->cycle == cycle)
    return;

  if (!fb_pdsa_editor_flush (self, &error))
    show_error_toast (self, error);

  g_set_object (&self->cycle, cycle);
  g_signal_group_set_target (self->signals, cycle);

  /* Invalid text typed for the previous cycle is dropped with it. */
  self->dirty = 0;
  memset (self->errors, 0, sizeof self->errors);

  load_all (self);
  show_errors (self);
  update_status (self);
  update_sensitivity (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE]);
}

/**
 * fb_pdsa_editor_has_errors:
 * @self: a #FbPdsaEditor
 *
 * Returns: %TRUE if a field holds invalid text that is not saved
 */
gboolean
fb_pdsa_editor_has_errors (FbPdsaEditor *self)
{
  g_return_val_if_fail (FB_IS_PDSA_EDITOR (self), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      return TRUE;

  return FALSE;
}

/**
 * fb_pdsa_editor_focus_title:
 * @self: a #FbPdsaEditor
 *
 * Moves the keyboard focus to the title, e.g. for a cycle just started.
 */
void
fb_pdsa_editor_focus_title (FbPdsaEditor *self)
{
  g_return_if_fail (FB_IS_PDSA_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
