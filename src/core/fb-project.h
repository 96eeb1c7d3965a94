/* fb-project.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-enums.h"
#include "fb-record.h"

G_BEGIN_DECLS

#define FB_TYPE_PROJECT (fb_project_get_type ())

G_DECLARE_FINAL_TYPE (FbProject, fb_project, FB, PROJECT, FbRecord)

FbProject       *fb_project_new                     (const char      *id);
const char      *fb_project_get_title               (FbProject       *self);
void             fb_project_set_title               (FbProject       *self,
                                                     const char      *title);
const char      *fb_project_get_trust_id            (FbProject       *self);
void             fb_project_set_trust_id            (FbProject       *self,
                                                     const char      *trust_id);
const char      *fb_project_get_department          (FbProject       *self);
void             fb_project_set_department          (FbProject       *self,
                                                     const char      *department);
FbFocusArea      fb_project_get_focus_area          (FbProject       *self);
void             fb_project_set_focus_area          (FbProject       *self,
                                                     FbFocusArea      focus_area);
FbProjectStatus  fb_project_get_status              (FbProject       *self);
void             fb_project_set_status              (FbProject       *self,
                                                     FbProjectStatus  status);
const char      *fb_project_get_start_date          (FbProject       *self);
void             fb_project_set_start_date          (FbProject       *self,
                                                     const char      *start_date);
const char      *fb_project_get_end_date            (FbProject       *self);
void             fb_project_set_end_date            (FbProject       *self,
                                                     const char      *end_date);
const char      *fb_project_get_problem             (FbProject       *self);
void             fb_project_set_problem             (FbProject       *self,
                                                     const char      *problem);
const char      *fb_project_get_aim_statement       (FbProject       *self);
void             fb_project_set_aim_statement       (FbProject       *self,
                                                     const char      *aim_statement);
const char      *fb_project_get_aim_what            (FbProject       *self);
void             fb_project_set_aim_what            (FbProject       *self,
                                                     const char      *aim_what);
const char      *fb_project_get_aim_how_much        (FbProject       *self);
void             fb_project_set_aim_how_much        (FbProject       *self,
                                                     const char      *aim_how_much);
const char      *fb_project_get_aim_by_when         (FbProject       *self);
void             fb_project_set_aim_by_when         (FbProject       *self,
                                                     const char      *aim_by_when);
const char      *fb_project_get_patient_involvement (FbProject       *self);
void             fb_project_set_patient_involvement (FbProject       *self,
                                                     const char      *patient_involvement);
FbVisibility     fb_project_get_visibility          (FbProject       *self);
void             fb_project_set_visibility          (FbProject       *self,
                                                     FbVisibility     visibility);
gboolean         fb_project_get_archived            (FbProject       *self);
void             fb_project_set_archived            (FbProject       *self,
                                                     gboolean         archived);

const char * const *fb_project_get_team_member_ids (FbProject          *self);
void                fb_project_set_team_member_ids (FbProject          *self,
                                                    const char * const *team_member_ids);
const char * const *fb_project_get_team_others     (FbProject          *self);
void                fb_project_set_team_others     (FbProject          *self,
                                                    const char * const *team_others);

gboolean  fb_project_matches (FbProject  *self,
                              const char *search);

/**
 * FbProjectFilter:
 * @search: (nullable): words typed in the search entry
 * @trust_id: (nullable): only projects of this trust, or %NULL for all
 * @status: only projects with this #FbProjectStatus, or -1 for all
 * @focus_area: only projects with this #FbFocusArea, or -1 for all
 * @show_archived: whether archived projects are shown
 *
 * What the project list shows. Start from FB_PROJECT_FILTER_INIT.
 */
typedef struct
{
  const char *search;
  const char *trust_id;
  int         status;
  int         focus_area;
  gboolean    show_archived;
} FbProjectFilter;

#define FB_PROJECT_FILTER_INIT { NULL, NULL, -1, -1, FALSE }

gboolean  fb_project_filter_matches (const FbProjectFilter *filter,
                                     FbProject             *project);
gboolean  fb_project_filter_is_narrowed (const FbProjectFilter *filter);

G_END_DECLS
