/* hark-window-sync.h — "Synchronize with Audio" and "Generate Transcript" in the window
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header offers the session's sync job when it has something to do (a transcript without
 * times, one made for another cut, none at all), shows its progress with a Cancel button, and
 * marks a generated transcript as such. When speech recognition is not installed the button
 * stays, and says what is missing. Nothing outside src/app/ and tests/ includes this header.
 */
#pragma once

#include "hark-window.h"

G_BEGIN_DECLS

typedef struct _HarkWindowSync HarkWindowSync;

/* The win.sync and win.sync-cancel actions. */
void hark_window_class_add_sync (GtkWidgetClass *widget_class);
/* Builds the header widgets; hark_window_sync_free() in dispose. */
void hark_window_setup_sync (HarkWindow *self);
void hark_window_sync_free (HarkWindow *self);
/* Follows the session: what to offer, progress, the end of a job. */
void hark_window_sync_handle_event (HarkWindow *self, const HarkSessionEvent *event);

/* For the UI tests: the start button (NULL when not built) and the progress label; the label
 * is visible only while a job runs. */
GtkButton *hark_window_sync_get_button (HarkWindow *self);
GtkLabel *hark_window_sync_get_progress_label (HarkWindow *self);
GtkWidget *hark_window_sync_get_generated_label (HarkWindow *self);

G_END_DECLS
