/* hark-ui-test.h — what the window tests share: the real application, waiting, screenshots
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hark-application.h"
#include "hark-window-private.h"

G_BEGIN_DECLS

/* gtk_init() when there is a display; FALSE (the tests then skip) when there is none. */
gboolean hark_ui_test_init (int *argc, char ***argv);
/* Skips the current test with a clear message when there is no display; TRUE when it may run. */
gboolean hark_ui_test_have_display (void);

typedef gboolean (*HarkUiTestCondition) (gpointer user_data);

/* Runs the main loop until @condition holds; fails the test with @what after @timeout_s (a
 * safety net against hangs, not a timing assertion). */
void hark_ui_test_wait_until (HarkUiTestCondition condition, gpointer user_data, double timeout_s,
                              const char *what);
/* Lets the window lay out and paint: a few frames of its clock. */
void hark_ui_test_wait_frames (GtkWidget *widget, guint n_frames);

/* A fresh, non-unique application with its window shown. */
HarkApplication *hark_ui_test_app_new (void);
void hark_ui_test_app_free (HarkApplication *app);
/* Opens and waits until the episode is shown; returns whether loading worked. */
gboolean hark_ui_test_open (HarkWindow *window, const char *audio, const char *const *sidecars);

/* Renders @widget to tests/ui/screenshots/@name.png under the build dir; returns the path. */
char *hark_ui_test_screenshot (GtkWidget *widget, const char *name);

G_END_DECLS
