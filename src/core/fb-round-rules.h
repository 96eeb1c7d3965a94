/* fb-round-rules.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fb-criterion.h"
#include "fb-nomination.h"
#include "fb-prize-round.h"
#include "fb-score.h"
#include "fb-user.h"

G_BEGIN_DECLS

#define FB_RULE_ERROR (fb_rule_error_quark ())

/**
 * FbRuleError:
 * @FB_RULE_ERROR_PERMISSION: the user may not do this at all
 * @FB_RULE_ERROR_VALIDATION: the records do not fit together
 * @FB_RULE_ERROR_QUOTA: the trust has used its nominations
 * @FB_RULE_ERROR_DEADLINE: too early or too late
 * @FB_RULE_ERROR_CONFLICT_OF_INTEREST: the user is too close to the nomination
 *
 * Why a prize round's rule refused a change; the sync protocol's
 * "rejected" reasons.
 */
typedef enum
{
  FB_RULE_ERROR_PERMISSION,
  FB_RULE_ERROR_VALIDATION,
  FB_RULE_ERROR_QUOTA,
  FB_RULE_ERROR_DEADLINE,
  FB_RULE_ERROR_CONFLICT_OF_INTEREST,
} FbRuleError;

GQuark   fb_rule_error_quark                 (void);
gboolean fb_round_rules_check_submit         (FbPrizeRound  *round,
                                              FbNomination  *nomination,
                                              FbUser        *user,
                                              guint          n_other_submitted,
                                              GDateTime     *now,
                                              GError       **error);
gboolean fb_round_rules_check_score          (FbPrizeRound  *round,
                                              FbNomination  *nomination,
                                              FbScore       *score,
                                              FbScore       *stored,
                                              FbUser        *user,
                                              GPtrArray     *criteria,
                                              GDateTime     *now,
                                              GError       **error);
gboolean fb_round_rules_check_see_nomination (FbPrizeRound  *round,
                                              FbNomination  *nomination,
                                              FbUser        *user,
                                              GDateTime     *now,
                                              GError       **error);
gboolean fb_round_rules_check_see_score      (FbPrizeRound  *round,
                                              FbScore       *score,
                                              FbUser        *user,
                                              GError       **error);

G_END_DECLS
