/* hark-sidecar-private.h — what hark-sidecar.c and the readers share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reader gets the sidecar as normalised UTF-8 (see hark_text_normalize()) and fills a
 * builder; hark-sidecar.c decides which reader runs and finishes the transcript.
 */
#pragma once

#include "formats/hark-sidecar.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;     /* for messages */
  GPtrArray *warnings;  /* char *, may be NULL */
  HarkSidecarKind kind; /* readers add what they found */
} HarkSidecarContext;

typedef gboolean (*HarkSidecarReadFunc) (const char *text, HarkTranscriptBuilder *builder,
                                         HarkSidecarContext *context, GError **error);

gboolean hark_vtt_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_srt_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_timestamped_read (const char *text, HarkTranscriptBuilder *builder,
                                HarkSidecarContext *context, GError **error);
gboolean hark_labelled_read (const char *text, HarkTranscriptBuilder *builder,
                             HarkSidecarContext *context, GError **error);

/* TRUE when the text is mostly timestamped lines or headings (see hark-timestamped-reader.c). */
gboolean hark_timestamped_sniff (const char *text);

/* When one cue holds several speakers, each part gets a share of the cue's time in proportion
 * to its text: @before characters come before the part, which has @length of @total. */
void hark_sidecar_split_time (double start, double end, gsize before, gsize length, gsize total,
                              double *part_start, double *part_end);

/* What the readers' own item structs start with. */
typedef struct
{
  double start;
  double end; /* < 0: missing */
} HarkTimedItem;

/* For @n items sorted by start, each @stride bytes apart: a missing end (< 0) becomes the start
 * of the next item that starts later, or the item's own start for the last ones. */
void hark_sidecar_fill_missing_ends (HarkTimedItem *items, guint n, gsize stride);

G_END_DECLS
