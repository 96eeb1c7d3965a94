/* fb-pdsa-plan.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-pdsa-cycle.h"

G_BEGIN_DECLS

/**
 * FbPdsaDateProblem:
 * @FB_PDSA_DATE_PROBLEM_NONE: both dates are fine
 * @FB_PDSA_DATE_PROBLEM_START_INVALID: the start date is not a YYYY-MM-DD date
 * @FB_PDSA_DATE_PROBLEM_END_INVALID: the end date is not a YYYY-MM-DD date
 * @FB_PDSA_DATE_PROBLEM_END_BEFORE_START: the end date is before the start date
 *
 * What is wrong with the dates typed for a cycle; several can hold at once.
 */
typedef enum
{
  FB_PDSA_DATE_PROBLEM_NONE             = 0,
  FB_PDSA_DATE_PROBLEM_START_INVALID    = 1 << 0,
  FB_PDSA_DATE_PROBLEM_END_INVALID      = 1 << 1,
  FB_PDSA_DATE_PROBLEM_END_BEFORE_START = 1 << 2,
} FbPdsaDateProblem;

FbPdsaCycle        *fb_pdsa_cycle_new_first           (const char          *project_id,
                                                       GListModel          *cycles);
FbPdsaCycle        *fb_pdsa_cycle_new_next            (FbPdsaCycle         *previous,
                                                       GListModel          *cycles);
guint               fb_pdsa_next_number               (GListModel          *cycles,
                                                       const char          *project_id);
char              **fb_pdsa_dup_change_ideas          (GListModel          *cycles);
GListModel         *fb_pdsa_group_by_change_idea      (GListModel          *cycles);
gboolean            fb_pdsa_cycle_same_change_idea    (FbPdsaCycle         *self,
                                                       FbPdsaCycle         *other);
FbPdsaPhase         fb_pdsa_cycle_suggest_phase       (FbPdsaCycle         *self);
const char         *fb_pdsa_cycle_get_status_label    (FbPdsaCycle         *self);
FbPdsaDateProblem   fb_pdsa_cycle_apply_dates         (FbPdsaCycle         *self,
                                                       const char          *start_text,
                                                       const char          *end_text);
const char         *fb_pdsa_date_problem_get_message  (FbPdsaDateProblem    problem);
char              **fb_pdsa_questions_from_text       (const char          *text);
char               *fb_pdsa_questions_to_text         (const char * const  *questions);

G_END_DECLS
