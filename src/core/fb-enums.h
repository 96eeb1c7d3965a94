/* fb-enums.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nicks are the strings stored in the database, in JSON and in the
 * sample data, so they are spelled out where they differ from the default. */

typedef enum
{
  FB_VALUE_TYPE_COUNT,
  FB_VALUE_TYPE_PROPORTION,
  FB_VALUE_TYPE_RATE,
  FB_VALUE_TYPE_CONTINUOUS,
} FbValueType;

typedef enum
{
  FB_MEASURE_KIND_OUTCOME,
  FB_MEASURE_KIND_PROCESS,
  FB_MEASURE_KIND_BALANCING,
} FbMeasureKind;

typedef enum
{
  FB_DIRECTION_UP,
  FB_DIRECTION_DOWN,
} FbDirection;

typedef enum
{
  FB_CHART_TYPE_RUN, /*< nick=run >*/
  FB_CHART_TYPE_I,   /*< nick=i >*/
  FB_CHART_TYPE_MR,  /*< nick=mr >*/
  FB_CHART_TYPE_P,   /*< nick=p >*/
  FB_CHART_TYPE_U,   /*< nick=u >*/
  FB_CHART_TYPE_C,   /*< nick=c >*/
  FB_CHART_TYPE_G,   /*< nick=g >*/
  FB_CHART_TYPE_T,   /*< nick=t >*/
  FB_CHART_TYPE_PP,  /*< nick=pp >*/
  FB_CHART_TYPE_UP,  /*< nick=up >*/
} FbChartType;

typedef enum
{
  FB_FREQUENCY_DAY,
  FB_FREQUENCY_WEEK,
  FB_FREQUENCY_MONTH,
  FB_FREQUENCY_QUARTER,
  FB_FREQUENCY_EVENT,
} FbFrequency;

typedef enum
{
  FB_PROJECT_STATUS_PLANNING,
  FB_PROJECT_STATUS_TESTING,
  FB_PROJECT_STATUS_IMPLEMENTING,
  FB_PROJECT_STATUS_SUSTAINING,
  FB_PROJECT_STATUS_COMPLETED,
  FB_PROJECT_STATUS_ABANDONED,
} FbProjectStatus;

typedef enum
{
  FB_FOCUS_AREA_OTHER,                     /*< nick=other >*/
  FB_FOCUS_AREA_INFECTIONS,                /*< nick=infections >*/
  FB_FOCUS_AREA_MEDICATION_RECONCILIATION, /*< nick=medication_reconciliation >*/
  FB_FOCUS_AREA_SAFE_DISCHARGE,            /*< nick=safe_discharge >*/
  FB_FOCUS_AREA_FALLS,                     /*< nick=falls >*/
  FB_FOCUS_AREA_PRESSURE_ULCERS,           /*< nick=pressure_ulcers >*/
  FB_FOCUS_AREA_SEPSIS,                    /*< nick=sepsis >*/
  FB_FOCUS_AREA_CANCER_PATHWAYS,           /*< nick=cancer_pathways >*/
  FB_FOCUS_AREA_GLOBAL_TRIGGER_TOOL,       /*< nick=global_trigger_tool >*/
  FB_FOCUS_AREA_WAITING_TIMES,             /*< nick=waiting_times >*/
} FbFocusArea;

typedef enum
{
  FB_VISIBILITY_TEAM,
  FB_VISIBILITY_REGION,
} FbVisibility;

typedef enum
{
  FB_TRUST_KIND_HEALTH_TRUST,     /*< nick=health_trust >*/
  FB_TRUST_KIND_PRIVATE_HOSPITAL, /*< nick=private_hospital >*/
} FbTrustKind;

typedef enum /*< flags >*/
{
  FB_ROLE_NONE        = 0,
  FB_ROLE_TEAM        = 1 << 0,
  FB_ROLE_COORDINATOR = 1 << 1,
  FB_ROLE_PANEL       = 1 << 2,
  FB_ROLE_ORGANISER   = 1 << 3,
  FB_ROLE_ADMIN       = 1 << 4,
} FbRoles;

typedef enum
{
  FB_PDSA_PHASE_PLAN,
  FB_PDSA_PHASE_DO,
  FB_PDSA_PHASE_STUDY,
  FB_PDSA_PHASE_ACT,
  FB_PDSA_PHASE_DONE,
} FbPdsaPhase;

typedef enum
{
  FB_PDSA_DECISION_NONE,
  FB_PDSA_DECISION_ADOPT,
  FB_PDSA_DECISION_ADAPT,
  FB_PDSA_DECISION_ABANDON,
} FbPdsaDecision;

typedef enum
{
  FB_ROUND_STATUS_DRAFT,
  FB_ROUND_STATUS_OPEN,
  FB_ROUND_STATUS_SCORING,
  FB_ROUND_STATUS_CLOSED,
  FB_ROUND_STATUS_PUBLISHED,
} FbRoundStatus;

typedef enum
{
  FB_NOMINATION_STATUS_DRAFT,
  FB_NOMINATION_STATUS_SUBMITTED,
  FB_NOMINATION_STATUS_WITHDRAWN,
  FB_NOMINATION_STATUS_INELIGIBLE,
} FbNominationStatus;

G_END_DECLS
