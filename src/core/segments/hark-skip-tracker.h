/* hark-skip-tracker.h — what was skipped in this pass, Unskip, and the time saved
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player skips; the tracker remembers, so a front end can offer Unskip right after a skip
 * and show a running total of the time saved.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long after a skip the Unskip offer stays, in seconds of playback. */
#define HARK_SKIP_TRACKER_UNSKIP_WINDOW 10.0

typedef struct _HarkSkipTracker HarkSkipTracker;

HarkSkipTracker *hark_skip_tracker_new (void);
void hark_skip_tracker_free (HarkSkipTracker *self);

/* The player jumped over [@start, @end) (range @id). Returns FALSE, and counts nothing, when
 * that range was already skipped in this pass. */
gboolean hark_skip_tracker_note_skip (HarkSkipTracker *self, guint id, double start, double end);
/* TRUE while @position is within the Unskip window after the last skip, which was not undone. */
gboolean hark_skip_tracker_can_unskip (HarkSkipTracker *self, double position);
/* Unskip: gives the start to seek back to and takes the range off the time saved. The range is
 * then played (a seek into a range plays it), and stays counted as skipped for this pass. */
gboolean hark_skip_tracker_unskip (HarkSkipTracker *self, double position, guint *id,
                                   double *seek_to);
gboolean hark_skip_tracker_was_skipped (HarkSkipTracker *self, guint id);
/* Seconds not listened to thanks to skips, over all passes. */
double hark_skip_tracker_get_time_saved (HarkSkipTracker *self);
/* Playback started over: every range may be skipped once again. */
void hark_skip_tracker_new_pass (HarkSkipTracker *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSkipTracker, hark_skip_tracker_free)

G_END_DECLS
