/* forbedring-core.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The one header the app, the server and the command line include. */

#include "fb-enums.h"
#include "fb-enum-types.h"
#include "fb-utils.h"
#include "fb-record.h"

#include "fb-analysis.h"
#include "fb-attachment.h"
#include "fb-award.h"
#include "fb-chart.h"
#include "fb-chart-attachment.h"
#include "fb-criterion.h"
#include "fb-csv.h"
#include "fb-data-entry.h"
#include "fb-data-point.h"
#include "fb-demo.h"
#include "fb-labels.h"
#include "fb-measure.h"
#include "fb-measure-analysis.h"
#include "fb-model.h"
#include "fb-nomination.h"
#include "fb-pdsa-cycle.h"
#include "fb-pdsa-plan.h"
#include "fb-prize.h"
#include "fb-prize-round.h"
#include "fb-project.h"
#include "fb-record-list.h"
#include "fb-round-rules.h"
#include "fb-score.h"
#include "fb-store.h"
#include "fb-sync-protocol.h"
#include "fb-trust.h"
#include "fb-user.h"
