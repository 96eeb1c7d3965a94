/* fb-test-records.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fb-test-records.h"

FbRecord *
fb_test_make_trust (const char *id,
                    const char *name)
{
  FbTrust *trust = fb_trust_new (id);

  fb_trust_set_name (trust, name);
  fb_trust_set_short_name (trust, "SØA");
  fb_trust_set_kind (trust, FB_TRUST_KIND_PRIVATE_HOSPITAL);
  fb_trust_set_region_id (trust, FB_TEST_REGION_ID);

  return FB_RECORD (trust);
}

FbRecord *
fb_test_make_user (void)
{
  FbUser *user = fb_user_new (FB_TEST_USER_ID);

  fb_user_set_name (user, "Åse Ærlig Øverby");
  fb_user_set_email (user, "ase.overby@example.no");
  fb_user_set_trust_id (user, FB_TEST_TRUST_ID);
  fb_user_set_roles (user, FB_ROLE_TEAM | FB_ROLE_PANEL | FB_ROLE_ADMIN);
  fb_user_set_description (user, "Sykepleier, «medisinsk» avdeling\nlinje to");

  return FB_RECORD (user);
}

FbRecord *
fb_test_make_project (const char *id,
                      const char *title)
{
  const char * const members[] = { FB_TEST_USER_ID, FB_TEST_USER_ID_2, NULL };
  const char * const others[] = { "Ola Hansen (fysioterapeut)", "Åse Berg, \"bruker\"", NULL };
  FbProject *project = fb_project_new (id);

  fb_project_set_title (project, title);
  fb_project_set_trust_id (project, FB_TEST_TRUST_ID);
  fb_project_set_department (project, "Medisinsk klinikk, Ullevål");
  fb_project_set_focus_area (project, FB_FOCUS_AREA_PRESSURE_ULCERS);
  fb_project_set_status (project, FB_PROJECT_STATUS_TESTING);
  fb_project_set_start_date (project, "2024-03-01");
  fb_project_set_end_date (project, "2026-06-30");
  fb_project_set_problem (project, "Eldre pasienter faller om natten; «fallrunden» mangler.");
  fb_project_set_aim_statement (project, "Halvere antall fall innen utgangen av 2026");
  fb_project_set_aim_what (project, "Fall per 1000 liggedøgn");
  fb_project_set_aim_how_much (project, "50 % færre");
  fb_project_set_aim_by_when (project, "2026-12-31");
  fb_project_set_team_member_ids (project, members);
  fb_project_set_team_others (project, others);
  fb_project_set_patient_involvement (project, "Brukerutvalget har lest prosedyren.");
  fb_project_set_visibility (project, FB_VISIBILITY_REGION);
  fb_project_set_archived (project, TRUE);

  return FB_RECORD (project);
}

FbRecord *
fb_test_make_measure (const char  *id,
                      const char  *project_id,
                      FbValueType  value_type)
{
  const char * const phases[] = { "2024-06-01", "2025-01-01", NULL };
  FbMeasure *measure = fb_measure_new (id);

  fb_measure_set_project_id (measure, project_id);
  fb_measure_set_name (measure, "Trykksår per 1000 liggedøgn");
  fb_measure_set_definition (measure, "Antall trykksår delt på liggedøgn, ganger 1000");
  fb_measure_set_kind (measure, FB_MEASURE_KIND_BALANCING);
  fb_measure_set_value_type (measure, value_type);
  fb_measure_set_unit (measure, "per 1000 liggedøgn");
  if (value_type == FB_VALUE_TYPE_RATE)
    fb_measure_set_rate_multiplier (measure, 1000);
  fb_measure_set_improvement_direction (measure, FB_DIRECTION_DOWN);
  fb_measure_set_target (measure, 2.5);
  fb_measure_set_chart_type (measure, FB_CHART_TYPE_U);
  fb_measure_set_frequency (measure, FB_FREQUENCY_WEEK);
  fb_measure_set_baseline_points (measure, 12);
  fb_measure_set_phase_starts (measure, phases);
  fb_measure_set_data_source (measure, "DIPS, uttrekk fra kvalitetsavdelingen");

  return FB_RECORD (measure);
}

FbRecord *
fb_test_make_data_point (const char *period)
{
  FbDataPoint *point = fb_data_point_new (NULL);

  fb_data_point_set_measure_id (point, FB_TEST_MEASURE_ID);
  fb_data_point_set_period (point, period);
  fb_data_point_set_value (point, 3.25);
  fb_data_point_set_denominator (point, 812);
  fb_data_point_set_note (point, "PDSA 2 startet: \"fallrunde\" hver kveld, ærlig talt");
  fb_data_point_set_excluded (point, TRUE);
  fb_data_point_set_exclude_reason (point, "Feilregistrering på nattevakt");

  return FB_RECORD (point);
}

FbRecord *
fb_test_make_pdsa_cycle (void)
{
  const char * const measures[] = { FB_TEST_MEASURE_ID, NULL };
  const char * const questions[] = { "Blir runden gjort hver kveld?", "Hva tar tid?", NULL };
  FbPdsaCycle *cycle = fb_pdsa_cycle_new (NULL);

  fb_pdsa_cycle_set_project_id (cycle, FB_TEST_PROJECT_ID);
  fb_pdsa_cycle_set_number (cycle, 3);
  fb_pdsa_cycle_set_title (cycle, "Fallrunde på kveldsvakt");
  fb_pdsa_cycle_set_change_idea (cycle, "Fast runde kl. 21");
  fb_pdsa_cycle_set_phase (cycle, FB_PDSA_PHASE_STUDY);
  fb_pdsa_cycle_set_start_date (cycle, "2024-06-03");
  fb_pdsa_cycle_set_end_date (cycle, "2024-06-21");
  fb_pdsa_cycle_set_measure_ids (cycle, measures);
  fb_pdsa_cycle_set_plan_objective (cycle, "Prøve runden på én sengepost");
  fb_pdsa_cycle_set_plan_questions (cycle, questions);
  fb_pdsa_cycle_set_plan_prediction (cycle, "Færre fall om natten");
  fb_pdsa_cycle_set_plan_who (cycle, "Kveldsvakten");
  fb_pdsa_cycle_set_plan_what (cycle, "Runde med sjekkliste");
  fb_pdsa_cycle_set_plan_where (cycle, "Sengepost 3");
  fb_pdsa_cycle_set_plan_when (cycle, "3. juni–21. juni 2024");
  fb_pdsa_cycle_set_plan_data_to_collect (cycle, "Antall runder og fall");
  fb_pdsa_cycle_set_do_what_happened (cycle, "Runden ble gjort 17 av 19 kvelder");
  fb_pdsa_cycle_set_do_observations (cycle, "Pasientene satte pris på det");
  fb_pdsa_cycle_set_do_problems (cycle, "Travle kvelder");
  fb_pdsa_cycle_set_study_results (cycle, "Som forventet");
  fb_pdsa_cycle_set_study_learning (cycle, "Sjekklisten må være kortere");
  fb_pdsa_cycle_set_act_decision (cycle, FB_PDSA_DECISION_ADAPT);
  fb_pdsa_cycle_set_act_next_steps (cycle, "Prøve på to poster");

  return FB_RECORD (cycle);
}

FbRecord *
fb_test_make_attachment (void)
{
  FbAttachment *attachment = fb_attachment_new (NULL);

  fb_attachment_set_owner_entity (attachment, "project");
  fb_attachment_set_owner_id (attachment, FB_TEST_PROJECT_ID);
  fb_attachment_set_file_name (attachment, "seriediagram-fall-på-natt.png");
  fb_attachment_set_media_type (attachment, "image/png");
  fb_attachment_set_size (attachment, 48213);
  fb_attachment_set_sha256 (attachment, FB_TEST_SHA256);
  fb_attachment_set_measure_id (attachment, FB_TEST_MEASURE_ID);
  fb_attachment_set_analysis (attachment, "{\"chart_type\": \"u\", \"baseline_points\": 12}");

  return FB_RECORD (attachment);
}

FbRecord *
fb_test_make_prize_round (void)
{
  FbPrizeRound *round = fb_prize_round_new (FB_TEST_ROUND_ID);
  const char * const panel[] = { FB_TEST_USER_ID_2, NULL };
  const char * const organisers[] = { FB_TEST_USER_ID, NULL };

  fb_prize_round_set_name (round, "Forbedringsprisen 2026");
  fb_prize_round_set_year (round, 2026);
  fb_prize_round_set_region_id (round, FB_TEST_REGION_ID);
  fb_prize_round_set_status (round, FB_ROUND_STATUS_OPEN);
  fb_prize_round_set_nomination_opens (round, "2026-08-17T08:00:00+02:00");
  fb_prize_round_set_nomination_closes (round, "2026-10-01T23:59:59+02:00");
  fb_prize_round_set_scoring_closes (round, "2026-11-30T23:59:59+01:00");
  fb_prize_round_set_award_date (round, "2026-12-03");
  fb_prize_round_set_award_event (round, "Regional forbedringskonferanse – «Bedre sammen»");
  fb_prize_round_set_currency (round, "NOK");
  fb_prize_round_set_panel_member_ids (round, panel);
  fb_prize_round_set_organiser_ids (round, organisers);

  return FB_RECORD (round);
}

FbRecord *
fb_test_make_prize (void)
{
  FbPrize *prize = fb_prize_new (FB_TEST_PRIZE_ID);

  fb_prize_set_round_id (prize, FB_TEST_ROUND_ID);
  fb_prize_set_rank (prize, 1);
  fb_prize_set_title (prize, "Forbedringsprisen 2026 – hovedpris");
  fb_prize_set_amount (prize, 100000);

  return FB_RECORD (prize);
}

FbRecord *
fb_test_make_criterion (const char *id)
{
  FbCriterion *criterion = fb_criterion_new (id);
  gboolean first = g_strcmp0 (id, FB_TEST_CRITERION_ID) == 0;

  fb_criterion_set_round_id (criterion, FB_TEST_ROUND_ID);
  fb_criterion_set_position (criterion, first ? 1 : 2);
  fb_criterion_set_name (criterion, first ? "Nytte for pasientene" : "Overføringsverdi");
  fb_criterion_set_description (criterion, "Hvor godt?");
  fb_criterion_set_weight (criterion, first ? 30 : 70);
  fb_criterion_set_scale_min (criterion, first ? 1 : 0);
  fb_criterion_set_scale_max (criterion, first ? 6 : 10);

  return FB_RECORD (criterion);
}

FbRecord *
fb_test_make_nomination (void)
{
  FbNomination *nomination = fb_nomination_new (FB_TEST_NOMINATION_ID);
  const char * const measures[] = { FB_TEST_MEASURE_ID, NULL };
  g_autoptr(JsonNode) snapshot = json_from_string ("{\"title\": \"Færre trykksår\", "
                                                   "\"measures\": [{\"n\": 12}]}", NULL);

  fb_nomination_set_round_id (nomination, FB_TEST_ROUND_ID);
  fb_nomination_set_project_id (nomination, FB_TEST_PROJECT_ID);
  fb_nomination_set_trust_id (nomination, FB_TEST_TRUST_ID);
  fb_nomination_set_nominated_by (nomination, FB_TEST_USER_ID);
  fb_nomination_set_status (nomination, FB_NOMINATION_STATUS_SUBMITTED);
  fb_nomination_set_submitted_at (nomination, "2026-09-20T14:03:00+02:00");
  fb_nomination_set_sections_problem (nomination, "For mange trykksår.");
  fb_nomination_set_sections_what_was_done (nomination, "Snuplan og «hudsjekk».");
  fb_nomination_set_sections_results (nomination, "Median fra 6 til 2 per måned.");
  fb_nomination_set_sections_benefit_for_patients (nomination, "Færre sår.");
  fb_nomination_set_sections_user_involvement (nomination, "Brukerrepresentant i gruppen.");
  fb_nomination_set_sections_transferability (nomination, "Alle sengeposter.");
  fb_nomination_set_sections_sustainability (nomination, "I prosedyren.");
  fb_nomination_set_result_measure_ids (nomination, measures);
  fb_nomination_set_snapshot (nomination, snapshot);

  return FB_RECORD (nomination);
}

FbRecord *
fb_test_make_score (void)
{
  FbScore *score = fb_score_new (NULL);

  fb_score_set_round_id (score, FB_TEST_ROUND_ID);
  fb_score_set_nomination_id (score, FB_TEST_NOMINATION_ID);
  fb_score_set_panel_member_id (score, FB_TEST_USER_ID_2);
  fb_score_set_value (score, FB_TEST_CRITERION_ID, 5);
  fb_score_set_value (score, FB_TEST_CRITERION_ID_2, 7);
  fb_score_set_comment (score, "Godt dokumentert, «overførbart».");
  fb_score_set_final (score, TRUE);

  return FB_RECORD (score);
}

FbRecord *
fb_test_make_award (void)
{
  FbAward *award = fb_award_new (NULL);

  fb_award_set_round_id (award, FB_TEST_ROUND_ID);
  fb_award_set_prize_id (award, FB_TEST_PRIZE_ID);
  fb_award_set_nomination_id (award, FB_TEST_NOMINATION_ID);
  fb_award_set_assigned_by (award, FB_TEST_USER_ID);
  fb_award_set_assigned_at (award, "2026-12-01T10:00:00+01:00");

  return FB_RECORD (award);
}
