/* hark-time-map.h — where a moment of one cut of an episode is in another cut
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dynamic ad insertion and re-edits move whole stretches: everything after an inserted ad is
 * later by the ad's length, everything after a removed stretch earlier by its length. The map is
 * built from pairs of times known to be the same speech in both cuts (aligned words). Their
 * offsets are smoothed by a running median, which ignores the odd false match, and split into
 * pieces of constant offset; between two pieces lies the edit. A moment inside a removed stretch
 * has no place in the new cut.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double old_start; /* first and last paired moment of the piece, in the old cut */
  double old_end;
  double offset;    /* new time - old time inside the piece */
} HarkTimePiece;

typedef struct _HarkTimeMap HarkTimeMap;

/* @old_times and @new_times: @n pairs in increasing order of both. Returns NULL when there are
 * too few pairs to trust (fewer than HARK_TIME_MAP_MIN_PAIRS). */
#define HARK_TIME_MAP_MIN_PAIRS 8
HarkTimeMap *hark_time_map_new (const double *old_times, const double *new_times, guint n);
void hark_time_map_free (HarkTimeMap *self);

const HarkTimePiece *hark_time_map_get_pieces (const HarkTimeMap *self, guint *n_pieces);

/* The index of the piece whose offset applies at @old_time; *@removed is set when the moment
 * lies in a stretch the new cut no longer has (then the piece is the one before the cut). */
guint hark_time_map_find_piece (const HarkTimeMap *self, double old_time, gboolean *removed);

/* @old_time in the new cut; for a removed moment, where the cut is. */
double hark_time_map_apply (const HarkTimeMap *self, double old_time, gboolean *removed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkTimeMap, hark_time_map_free)

G_END_DECLS
