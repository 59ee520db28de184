/* hark-byte-ranges.h — which bytes of a partly downloaded file are there
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A download that jumps ahead (a listener seeking past what has arrived) leaves holes in its
 * .part file. The set of byte ranges held is kept sorted, merged and small; it is saved beside
 * the .part as text so a download in another run continues without fetching them again:
 *
 *     hark-ranges 1
 *     total 48213003
 *     0-1048576
 *     38000000-40960000
 *
 * (each line START-END, END excluded). The text comes from disk, so it is untrusted: parsing
 * refuses anything not exactly that (unsorted, overlapping, past the total, too many ranges).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ranges a saved map may hold; a download makes one per seek, merged as they meet. */
#define HARK_BYTE_RANGES_MAX 4096
/* The largest saved map read: a full one is under 200 KB. */
#define HARK_BYTE_RANGES_MAX_TEXT (256 * 1024)

typedef struct _HarkByteRanges HarkByteRanges;

HarkByteRanges *hark_byte_ranges_new (void);
HarkByteRanges *hark_byte_ranges_copy (const HarkByteRanges *self);
void hark_byte_ranges_free (HarkByteRanges *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkByteRanges, hark_byte_ranges_free)

void hark_byte_ranges_clear (HarkByteRanges *self);
/* Marks [@start, @end) held, merging with ranges it touches. An empty range changes nothing. */
void hark_byte_ranges_add (HarkByteRanges *self, guint64 start, guint64 end);
/* The end of the held range that contains @offset, or @offset when it is not held. */
guint64 hark_byte_ranges_end_of (const HarkByteRanges *self, guint64 offset);
/* Whether every byte of [@start, @end) is held (TRUE for an empty range). */
gboolean hark_byte_ranges_contains (const HarkByteRanges *self, guint64 start, guint64 end);
/* The start of the first held range beginning after @offset, or G_MAXUINT64. */
guint64 hark_byte_ranges_next_start (const HarkByteRanges *self, guint64 offset);
/* The first byte not held: where a download filling the holes goes next. */
guint64 hark_byte_ranges_first_hole (const HarkByteRanges *self);
guint64 hark_byte_ranges_get_held (const HarkByteRanges *self);
guint hark_byte_ranges_get_count (const HarkByteRanges *self);
void hark_byte_ranges_get (const HarkByteRanges *self, guint index, guint64 *start, guint64 *end);

/* The saved form, for a file of @total bytes. */
char *hark_byte_ranges_to_text (const HarkByteRanges *self, guint64 total);
/* Reads the saved form: NULL with an error naming @name, the line and what was expected when
 * it is anything else. @total gets the file's size, always > 0. */
HarkByteRanges *hark_byte_ranges_parse (const char *text, gsize length, const char *name,
                                        guint64 *total, GError **error);

G_END_DECLS
