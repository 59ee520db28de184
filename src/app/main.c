/* main.c — the hark program
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hark-application.h"
#include "hark-first-paint.h"

int
main (int argc, char *argv[])
{
  g_autoptr (HarkApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, HARK_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hark_application_new (G_APPLICATION_DEFAULT_FLAGS);
  hark_first_paint_watch (app);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
