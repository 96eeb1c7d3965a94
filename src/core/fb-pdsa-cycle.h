/* fb-pdsa-cycle.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_PDSA_CYCLE (fb_pdsa_cycle_get_type ())

G_DECLARE_FINAL_TYPE (FbPdsaCycle, fb_pdsa_cycle, FB, PDSA_CYCLE, FbRecord)

FbPdsaCycle    *fb_pdsa_cycle_new                      (const char     *id);
const char     *fb_pdsa_cycle_get_project_id           (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_project_id           (FbPdsaCycle    *self,
                                                        const char     *project_id);
guint           fb_pdsa_cycle_get_number               (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_number               (FbPdsaCycle    *self,
                                                        guint           number);
const char     *fb_pdsa_cycle_get_title                (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_title                (FbPdsaCycle    *self,
                                                        const char     *title);
const char     *fb_pdsa_cycle_get_change_idea          (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_change_idea          (FbPdsaCycle    *self,
                                                        const char     *change_idea);
FbPdsaPhase     fb_pdsa_cycle_get_phase                (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_phase                (FbPdsaCycle    *self,
                                                        FbPdsaPhase     phase);
const char     *fb_pdsa_cycle_get_start_date           (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_start_date           (FbPdsaCycle    *self,
                                                        const char     *start_date);
const char     *fb_pdsa_cycle_get_end_date             (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_end_date             (FbPdsaCycle    *self,
                                                        const char     *end_date);
const char     *fb_pdsa_cycle_get_plan_objective       (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_objective       (FbPdsaCycle    *self,
                                                        const char     *plan_objective);
const char     *fb_pdsa_cycle_get_plan_prediction      (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_prediction      (FbPdsaCycle    *self,
                                                        const char     *plan_prediction);
const char     *fb_pdsa_cycle_get_plan_who             (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_who             (FbPdsaCycle    *self,
                                                        const char     *plan_who);
const char     *fb_pdsa_cycle_get_plan_what            (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_what            (FbPdsaCycle    *self,
                                                        const char     *plan_what);
const char     *fb_pdsa_cycle_get_plan_where           (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_where           (FbPdsaCycle    *self,
                                                        const char     *plan_where);
const char     *fb_pdsa_cycle_get_plan_when            (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_when            (FbPdsaCycle    *self,
                                                        const char     *plan_when);
const char     *fb_pdsa_cycle_get_plan_data_to_collect (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_plan_data_to_collect (FbPdsaCycle    *self,
                                                        const char     *plan_data_to_collect);
const char     *fb_pdsa_cycle_get_do_what_happened     (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_do_what_happened     (FbPdsaCycle    *self,
                                                        const char     *do_what_happened);
const char     *fb_pdsa_cycle_get_do_observations      (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_do_observations      (FbPdsaCycle    *self,
                                                        const char     *do_observations);
const char     *fb_pdsa_cycle_get_do_problems          (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_do_problems          (FbPdsaCycle    *self,
                                                        const char     *do_problems);
const char     *fb_pdsa_cycle_get_study_results        (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_study_results        (FbPdsaCycle    *self,
                                                        const char     *study_results);
const char     *fb_pdsa_cycle_get_study_learning       (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_study_learning       (FbPdsaCycle    *self,
                                                        const char     *study_learning);
FbPdsaDecision  fb_pdsa_cycle_get_act_decision         (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_act_decision         (FbPdsaCycle    *self,
                                                        FbPdsaDecision  act_decision);
const char     *fb_pdsa_cycle_get_act_next_steps       (FbPdsaCycle    *self);
void            fb_pdsa_cycle_set_act_next_steps       (FbPdsaCycle    *self,
                                                        const char     *act_next_steps);

const char * const *fb_pdsa_cycle_get_measure_ids    (FbPdsaCycle        *self);
void                fb_pdsa_cycle_set_measure_ids    (FbPdsaCycle        *self,
                                                      const char * const *measure_ids);
const char * const *fb_pdsa_cycle_get_plan_questions (FbPdsaCycle        *self);
void                fb_pdsa_cycle_set_plan_questions (FbPdsaCycle        *self,
                                                      const char * const *plan_questions);

G_END_DECLS
