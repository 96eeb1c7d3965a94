/* fb-test-records.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records for the tests with every field set to a value other than its
 * default, with Norwegian letters in the text.
 */

#pragma once

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TEST_REGION_ID  "3f0c5c52-8f0e-4d39-9a57-0b1c7d0e6a11"
#define FB_TEST_TRUST_ID   "6b8e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
#define FB_TEST_USER_ID    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#define FB_TEST_USER_ID_2  "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"
#define FB_TEST_PROJECT_ID "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
#define FB_TEST_MEASURE_ID "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"
#define FB_TEST_ROUND_ID      "4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b"
#define FB_TEST_PRIZE_ID      "5f6a7b8c-9d0e-4f1a-9b2c-4d5e6f7a8b9c"
#define FB_TEST_CRITERION_ID  "6a7b8c9d-0e1f-4a2b-8c3d-5e6f7a8b9c0d"
#define FB_TEST_CRITERION_ID_2 "7b8c9d0e-1f2a-4b3c-9d4e-6f7a8b9c0d1e"
#define FB_TEST_NOMINATION_ID "8c9d0e1f-2a3b-4c4d-8e5f-7a8b9c0d1e2f"
#define FB_TEST_SHA256     "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

/* A trust in FB_TEST_REGION_ID. */
FbRecord *fb_test_make_trust      (const char  *id,
                                   const char  *name);
/* FB_TEST_USER_ID, in FB_TEST_TRUST_ID. */
FbRecord *fb_test_make_user       (void);
/* A project of FB_TEST_TRUST_ID with FB_TEST_USER_ID and _2 on the team. */
FbRecord *fb_test_make_project    (const char  *id,
                                   const char  *title);
/* The rate multiplier is set only for FB_VALUE_TYPE_RATE. */
FbRecord *fb_test_make_measure    (const char  *id,
                                   const char  *project_id,
                                   FbValueType  value_type);
/* A point of FB_TEST_MEASURE_ID. */
FbRecord *fb_test_make_data_point (const char  *period);
/* A cycle of FB_TEST_PROJECT_ID on FB_TEST_MEASURE_ID. */
FbRecord *fb_test_make_pdsa_cycle (void);
/* An attachment of FB_TEST_PROJECT_ID. */
FbRecord *fb_test_make_attachment (void);
/* FB_TEST_ROUND_ID, open from 2026-08-17T08:00:00+02:00, nominations
 * closing 2026-10-01T23:59:59+02:00, scoring 2026-11-30T23:59:59+01:00;
 * FB_TEST_USER_ID_2 on the panel, FB_TEST_USER_ID organises it. */
FbRecord *fb_test_make_prize_round (void);
FbRecord *fb_test_make_prize       (void);
/* FB_TEST_CRITERION_ID (weight 30, 1–6) or _2 (weight 70, 0–10). */
FbRecord *fb_test_make_criterion   (const char  *id);
/* FB_TEST_NOMINATION_ID of FB_TEST_PROJECT_ID, submitted by FB_TEST_TRUST_ID. */
FbRecord *fb_test_make_nomination  (void);
/* FB_TEST_USER_ID_2's final score of FB_TEST_NOMINATION_ID: 5 and 7. */
FbRecord *fb_test_make_score       (void);
FbRecord *fb_test_make_award       (void);

G_END_DECLS
