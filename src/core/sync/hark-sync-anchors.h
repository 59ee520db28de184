/* hark-sync-anchors.h — matching a text's words with recognized words, checked against time
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain word alignment (hark-align.h) anchors on words that occur once in both sequences.
 * A recognizer that mishears a rare word where it was said and "hears" it half a minute later
 * makes such an anchor wrong, and everything between is lost. Here that first alignment only
 * gives a rough map from text position (characters) to time: matches whose time disagrees with
 * their neighbours' (a running median of the residual against a constant pace) are dropped, the
 * map is interpolated between the rest, and the words are matched again, each only with
 * recognized words within a window of where the map puts it: the most matches in order, found
 * as the heaviest chain in order (a match that puts a sentence edge at a pause edge weighs
 * more), wide windows first, then narrower. A match among several equal words takes the one
 * nearest in time to where its neighbours put it, and a match with more text words than
 * recognized words on one side and the reverse on the other is dropped: it was pulled to the
 * same word said elsewhere.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Edge flags: a text word that starts or ends a sentence; a recognized word right after or
 * right before a pause. A match where both sides have the same edge counts for more, so among
 * equally long alignments the one that puts sentence breaks at pauses wins. */
#define HARK_SYNC_EDGE_START 1
#define HARK_SYNC_EDGE_END 2

/* @a: ids of the text's words, @a_pos: each word's position in the text (characters before
 * it), @a_edge: its edge flags; @b: ids of the recognized words, @b_time: their start times
 * (non-decreasing), @b_edge: their edge flags. Fills @a_to_b (index into b or -1, strictly
 * increasing) and returns the number of matches. */
guint hark_sync_anchor_words (const int *a, const double *a_pos, const guint8 *a_edge, guint n_a,
                              const int *b, const double *b_time, const guint8 *b_edge,
                              guint n_b, int *a_to_b);

G_END_DECLS
