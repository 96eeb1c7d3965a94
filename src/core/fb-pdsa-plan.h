/* fb-pdsa-plan.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fb-pdsa-cycle.h"

G_BEGIN_DECLS

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
char              **fb_pdsa_questions_from_text       (const char          *text);
char               *fb_pdsa_questions_to_text         (const char * const  *questions);

G_END_DECLS
