/* main.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FbApplication) app = NULL;

  /* FB_LOCALEDIR lets the build tree's translations be used uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("FB_LOCALEDIR") ? g_getenv ("FB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fb_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
