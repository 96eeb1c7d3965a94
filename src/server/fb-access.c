/* fb-access.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-access"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fb-access.h"

/* Who may read and write what (DESIGN §6). Every decision is a pure function
 * of the caller and what the store knows about the record, so the rules are
 * tested without a server and the same rules decide push and pull.
 *
 * - Trusts and users: everyone signed in reads them (team lists show names);
 *   only an admin writes them.
 * - A project and what hangs off it (measures, data, PDSA cycles,
 *   attachments): its team writes; a coordinator of the project's trust
 *   acts for the trust; region-visible projects are read by everyone signed
 *   in; organisers read every project, since nominations come from them.
 *   Nobody moves a project to a trust that is not theirs.
 */

G_DEFINE_QUARK (fb-access-error-quark, fb_access_error)

const char *
fb_access_error_to_reason (const GError *error)
{
  static const char * const reasons[] = {
    [FB_ACCESS_ERROR_PERMISSION] = "permission",
    [FB_ACCESS_ERROR_VALIDATION] = "validation",
    [FB_ACCESS_ERROR_NOT_FOUND] = "not_found",
    [FB_ACCESS_ERROR_QUOTA] = "quota",
    [FB_ACCESS_ERROR_DEADLINE] = "deadline",
    [FB_ACCESS_ERROR_CONFLICT_OF_INTEREST] = "conflict_of_interest",
  };

  if (error != NULL && error->domain == FB_ACCESS_ERROR &&
      error->code >= 0 && error->code < (int) G_N_ELEMENTS (reasons))
    return reasons[error->code];

  return "validation";
}

gboolean
fb_access_is_project_scoped (const char *entity)
{
  static const char * const scoped[] = {
    "project", "measure", "data_point", "pdsa_cycle", "attachment",
  };

  for (guint i = 0; i < G_N_ELEMENTS (scoped); i++)
    if (g_strcmp0 (entity, scoped[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_global (const char *entity)
{
  return g_strcmp0 (entity, "trust") == 0 || g_strcmp0 (entity, "user") == 0;
}

/**
 * fb_access_acts_for_project:
 * @caller: who asks
 * @target: a record of a project
 *
 * Returns: %TRUE if @caller is on the project's team or coordinates its
 *   trust
 */
gboolean
fb_access_acts_for_project (const FbCaller       *caller,
                            const FbAccessTarget *target)
{
  if (target == NULL || !target->project_exists)
    return FALSE;

  if (target->is_member)
    return TRUE;

  return (caller->roles & FB_ROLE_COORDINATOR) != 0 &&
         caller->trust_id != NULL &&
         g_strcmp0 (caller->trust_id, target->project_trust_id) == 0;
}

/**
 * fb_access_can_read:
 * @caller: who asks
 * @target: what is asked for
 *
 * Returns: %TRUE if @caller may read the record
 */
gboolean
fb_access_can_read (const FbCaller       *caller,
                    const FbAccessTarget *target)
{
  if (is_global (target->entity))
    return TRUE;

  if (fb_access_is_project_scoped (target->entity))
    {
      if (!target->project_exists)
        return FALSE;

      return target->project_visibility == FB_VISIBILITY_REGION ||
             (caller->roles & FB_ROLE_ORGANISER) != 0 ||
             fb_access_acts_for_project (caller, target);
    }

  return FALSE;
}

static gboolean
deny (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, FB_ACCESS_ERROR, code, message);
  return FALSE;
}

/**
 * fb_access_check_write:
 * @caller: who writes
 * @before: (nullable): the record as the server has it, %NULL if it is new
 * @after: the record as it would be after the change
 * @error: return location for a #FB_ACCESS_ERROR
 *
 * Returns: %TRUE if @caller may make the change
 */
gboolean
fb_access_check_write (const FbCaller       *caller,
                       const FbAccessTarget *before,
                       const FbAccessTarget *after,
                       GError              **error)
{
  if (is_global (after->entity))
    {
      if ((caller->roles & FB_ROLE_ADMIN) == 0)
        return deny (error, FB_ACCESS_ERROR_PERMISSION,
                     _("Only an administrator can change trusts and users."));
      return TRUE;
    }

  if (!fb_access_is_project_scoped (after->entity))
    return deny (error, FB_ACCESS_ERROR_PERMISSION,
                 _("This kind of record cannot be changed by syncing."));

  if (g_strcmp0 (after->entity, "project") == 0 && before == NULL)
    {
      if ((caller->roles & (FB_ROLE_TEAM | FB_ROLE_COORDINATOR)) == 0)
        return deny (error, FB_ACCESS_ERROR_PERMISSION,
                     _("Only improvement teams and coordinators create projects."));
    }
  else
    {
      if (!after->project_exists)
        return deny (error, FB_ACCESS_ERROR_NOT_FOUND,
                     _("The project this belongs to is not on the server."));

      if (before != NULL && !fb_access_acts_for_project (caller, before))
        return deny (error, FB_ACCESS_ERROR_PERMISSION,
                     _("Only the project’s team and its trust’s coordinators can change it."));

      if (before == NULL && !fb_access_acts_for_project (caller, after))
        return deny (error, FB_ACCESS_ERROR_PERMISSION,
                     _("Only the project’s team and its trust’s coordinators can add to it."));
    }

  if (g_strcmp0 (after->entity, "project") == 0 &&
      g_strcmp0 (after->project_trust_id, caller->trust_id) != 0 &&
      (before == NULL || g_strcmp0 (before->project_trust_id, after->project_trust_id) != 0))
    return deny (error, FB_ACCESS_ERROR_PERMISSION,
                 _("A project can only belong to your own trust."));

  return TRUE;
}

void
fb_access_target_clear (FbAccessTarget *target)
{
  g_clear_pointer (&target->project_id, g_free);
  g_clear_pointer (&target->project_trust_id, g_free);
  g_clear_pointer (&target->owner_id, g_free);
}

FbCaller *
fb_caller_copy (const FbCaller *caller)
{
  FbCaller *copy = g_new0 (FbCaller, 1);

  copy->user_id = g_strdup (caller->user_id);
  copy->email = g_strdup (caller->email);
  copy->trust_id = g_strdup (caller->trust_id);
  copy->roles = caller->roles;
  return copy;
}

void
fb_caller_free (FbCaller *caller)
{
  if (caller == NULL)
    return;

  g_free (caller->user_id);
  g_free (caller->email);
  g_free (caller->trust_id);
  g_free (caller);
}
