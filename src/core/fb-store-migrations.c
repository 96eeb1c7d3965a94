/* fb-store-migrations.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-store"

#include "config.h"

#include "fb-store-private.h"

/* Migrations only ever move forward and are never edited once released: a
 * new schema is a new entry. The columns of a record table are the fields of
 * its FbRecord class, named with underscores; test-store checks that the two
 * agree. Lists and flags are JSON arrays in TEXT columns, enums their nicks,
 * and "no value" in a REAL column is NULL. */
const char * const _fb_store_migrations[FB_STORE_SCHEMA_VERSION] = {
  /* Version 1: the local store of the foundation. */
  "CREATE TABLE trust ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT, short_name TEXT, kind TEXT, region_id TEXT);"
  "CREATE TABLE user ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT, email TEXT, trust_id TEXT, roles TEXT, description TEXT);"
  "CREATE TABLE project ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT, trust_id TEXT REFERENCES trust (id) DEFERRABLE INITIALLY DEFERRED,"
  "  department TEXT, focus_area TEXT, status TEXT, start_date TEXT, end_date TEXT,"
  "  problem TEXT, aim_statement TEXT, aim_what TEXT, aim_how_much TEXT, aim_by_when TEXT,"
  "  team_member_ids TEXT, team_others TEXT, patient_involvement TEXT, visibility TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX project_trust ON project (trust_id);"
  "CREATE TABLE measure ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  project_id TEXT REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,"
  "  name TEXT, definition TEXT, kind TEXT, value_type TEXT, unit TEXT, rate_multiplier REAL,"
  "  improvement_direction TEXT, target REAL, chart_type TEXT, frequency TEXT,"
  "  baseline_points INTEGER NOT NULL DEFAULT 0, phase_starts TEXT, data_source TEXT);"
  "CREATE INDEX measure_project ON measure (project_id);"
  "CREATE TABLE data_point ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  measure_id TEXT REFERENCES measure (id) DEFERRABLE INITIALLY DEFERRED,"
  "  period TEXT, value REAL, denominator REAL, note TEXT,"
  "  excluded INTEGER NOT NULL DEFAULT 0, exclude_reason TEXT) WITHOUT ROWID;"
  "CREATE INDEX data_point_measure ON data_point (measure_id, period);"
  "CREATE TABLE pdsa_cycle ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  project_id TEXT REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,"
  "  number INTEGER NOT NULL DEFAULT 1, title TEXT, change_idea TEXT, phase TEXT,"
  "  start_date TEXT, end_date TEXT, measure_ids TEXT,"
  "  plan_objective TEXT, plan_questions TEXT, plan_prediction TEXT, plan_who TEXT,"
  "  plan_what TEXT, plan_where TEXT, plan_when TEXT, plan_data_to_collect TEXT,"
  "  do_what_happened TEXT, do_observations TEXT, do_problems TEXT,"
  "  study_results TEXT, study_learning TEXT, act_decision TEXT, act_next_steps TEXT);"
  "CREATE INDEX pdsa_cycle_project ON pdsa_cycle (project_id, number);"
  "CREATE TABLE blob ("
  "  sha256 TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE attachment ("
  "  id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  owner_entity TEXT, owner_id TEXT, file_name TEXT, media_type TEXT,"
  "  size INTEGER NOT NULL DEFAULT 0, sha256 TEXT, measure_id TEXT, analysis TEXT);"
  "CREATE INDEX attachment_owner ON attachment (owner_id);"
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, record_id TEXT NOT NULL,"
  "  base_rev INTEGER NOT NULL, fields TEXT NOT NULL, deleted INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT);"
  "INSERT INTO sync_state (key, value) VALUES ('device_id', lower (hex (randomblob (16))));",
};
