/* fb-nomination.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_NOMINATION (fb_nomination_get_type ())

G_DECLARE_FINAL_TYPE (FbNomination, fb_nomination, FB, NOMINATION, FbRecord)

FbNomination       *fb_nomination_new                               (const char         *id);
const char         *fb_nomination_get_round_id                      (FbNomination       *self);
void                fb_nomination_set_round_id                      (FbNomination       *self,
                                                                     const char         *round_id);
const char         *fb_nomination_get_project_id                    (FbNomination       *self);
void                fb_nomination_set_project_id                    (FbNomination       *self,
                                                                     const char         *project_id);
const char         *fb_nomination_get_trust_id                      (FbNomination       *self);
void                fb_nomination_set_trust_id                      (FbNomination       *self,
                                                                     const char         *trust_id);
const char         *fb_nomination_get_nominated_by                  (FbNomination       *self);
void                fb_nomination_set_nominated_by                  (FbNomination       *self,
                                                                     const char         *nominated_by);
FbNominationStatus  fb_nomination_get_status                        (FbNomination       *self);
void                fb_nomination_set_status                        (FbNomination       *self,
                                                                     FbNominationStatus  status);
const char         *fb_nomination_get_submitted_at                  (FbNomination       *self);
void                fb_nomination_set_submitted_at                  (FbNomination       *self,
                                                                     const char         *submitted_at);
const char         *fb_nomination_get_withdrawn_at                  (FbNomination       *self);
void                fb_nomination_set_withdrawn_at                  (FbNomination       *self,
                                                                     const char         *withdrawn_at);
const char         *fb_nomination_get_sections_problem              (FbNomination       *self);
void                fb_nomination_set_sections_problem              (FbNomination       *self,
                                                                     const char         *sections_problem);
const char         *fb_nomination_get_sections_what_was_done        (FbNomination       *self);
void                fb_nomination_set_sections_what_was_done        (FbNomination       *self,
                                                                     const char         *sections_what_was_done);
const char         *fb_nomination_get_sections_results              (FbNomination       *self);
void                fb_nomination_set_sections_results              (FbNomination       *self,
                                                                     const char         *sections_results);
const char         *fb_nomination_get_sections_benefit_for_patients (FbNomination       *self);
void                fb_nomination_set_sections_benefit_for_patients (FbNomination       *self,
                                                                     const char         *sections_benefit_for_patients);
const char         *fb_nomination_get_sections_user_involvement     (FbNomination       *self);
void                fb_nomination_set_sections_user_involvement     (FbNomination       *self,
                                                                     const char         *sections_user_involvement);
const char         *fb_nomination_get_sections_transferability      (FbNomination       *self);
void                fb_nomination_set_sections_transferability      (FbNomination       *self,
                                                                     const char         *sections_transferability);
const char         *fb_nomination_get_sections_sustainability       (FbNomination       *self);
void                fb_nomination_set_sections_sustainability       (FbNomination       *self,
                                                                     const char         *sections_sustainability);
const char * const *fb_nomination_get_result_measure_ids            (FbNomination       *self);
void                fb_nomination_set_result_measure_ids            (FbNomination       *self,
                                                                     const char * const *result_measure_ids);
const char * const *fb_nomination_get_attachment_ids                (FbNomination       *self);
void                fb_nomination_set_attachment_ids                (FbNomination       *self,
                                                                     const char * const *attachment_ids);
JsonNode           *fb_nomination_get_snapshot                      (FbNomination       *self);
void                fb_nomination_set_snapshot                      (FbNomination       *self,
                                                                     JsonNode           *snapshot);

G_END_DECLS
