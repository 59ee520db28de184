/* hark-skip-tracker.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "segments/hark-skip-tracker.h"

/* How far before the range what is heard may still be when the skip is reported. */
#define UNSKIP_LEAD 2.0

struct _HarkSkipTracker
{
  GHashTable *skipped; /* range ids skipped in this pass */
  double saved;
  gboolean has_last;
  guint last_id;
  double last_start;
  double last_end;
};

HarkSkipTracker *
hark_skip_tracker_new (void)
{
  HarkSkipTracker *self = g_new0 (HarkSkipTracker, 1);

  self->skipped = g_hash_table_new (NULL, NULL);
  return self;
}

void
hark_skip_tracker_free (HarkSkipTracker *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->skipped);
  g_free (self);
}

gboolean
hark_skip_tracker_note_skip (HarkSkipTracker *self, guint id, double start, double end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_hash_table_add (self->skipped, GUINT_TO_POINTER (id)))
    return FALSE;
  if (end > start)
    self->saved += end - start;
  self->has_last = TRUE;
  self->last_id = id;
  self->last_start = start;
  self->last_end = end;
  return TRUE;
}

gboolean
hark_skip_tracker_can_unskip (HarkSkipTracker *self, double position)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* The offer lasts a few seconds of what is heard after the jump; a seek back before the
   * range ends it, since the listener chose where to be. The skip is reported as soon as the
   * jump is queued, while what is heard may still be the moment just before the range. */
  return self->has_last && position >= self->last_start - UNSKIP_LEAD
         && position < self->last_end + HARK_SKIP_TRACKER_UNSKIP_WINDOW;
}

gboolean
hark_skip_tracker_unskip (HarkSkipTracker *self, double position, guint *id, double *seek_to)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!hark_skip_tracker_can_unskip (self, position))
    return FALSE;
  if (self->last_end > self->last_start)
    self->saved = MAX (0.0, self->saved - (self->last_end - self->last_start));
  self->has_last = FALSE;
  if (id)
    *id = self->last_id;
  if (seek_to)
    *seek_to = self->last_start;
  return TRUE;
}

gboolean
hark_skip_tracker_was_skipped (HarkSkipTracker *self, guint id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->skipped, GUINT_TO_POINTER (id));
}

double
hark_skip_tracker_get_time_saved (HarkSkipTracker *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->saved;
}

void
hark_skip_tracker_new_pass (HarkSkipTracker *self)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove_all (self->skipped);
  self->has_last = FALSE;
}
