/* hark-decoder.h — an audio file as a stream of output-format samples, with exact seeks
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FFmpeg demuxes and decodes; skip ranges are cut in the source domain; libavfilter's atempo
 * changes the speed (pitch kept); libswresample converts to the output format. Memory does not
 * grow with the length of the file. One thread at a time uses a decoder.
 */
#pragma once

#include <glib.h>

#include "audio/hark-media-source.h"
#include "audio/hark-player.h"
#include "audio/hark-seek-index.h"

G_BEGIN_DECLS

typedef struct _HarkDecoder HarkDecoder;

/* What hark_decoder_read() returned: frames of one contiguous stretch of media. */
typedef struct
{
  double media_start;     /* media seconds of the first frame */
  double media_per_frame; /* media seconds each frame advances: speed / output rate */
  gboolean skipped;       /* a skip range was jumped over right before this chunk */
  HarkSkipRange range;    /* which one, when skipped */
} HarkDecoderChunk;

/* @rate, @channels: the output format (float, interleaved). */
HarkDecoder *hark_decoder_open (const char *path, int rate, int channels, GError **error);
/* The same, for a worker thread: a file without a usable table of contents (VBR MP3, ADTS) is
 * scanned for exact seek points first, which for hours of audio takes seconds. @progress hears
 * the share scanned (see hark_seek_index_build()); cancelling @cancellable stops the scan and
 * fails with G_IO_ERROR_CANCELLED. Both may be NULL. */
HarkDecoder *hark_decoder_open_full (const char *path, int rate, int channels,
                                     HarkSeekIndexProgress progress, gpointer user_data,
                                     GCancellable *cancellable, GError **error);
/* The same for bytes still arriving (audio/hark-media-source.h): reads wait for them on the
 * thread that reads the decoder; an MP3 is indexed only as far as each seek needs. Messages
 * name the source. Cancelling @cancellable (may be NULL) stops the open, and any read after
 * it, like hark_decoder_interrupt(). */
HarkDecoder *hark_decoder_open_source (HarkMediaSource *source, GCancellable *cancellable,
                                       int rate, int channels, GError **error);
void hark_decoder_free (HarkDecoder *self);
/* From any thread: a read waiting for bytes of a source fails at once, and so do later ones
 * (closing). Does nothing to a decoder of a file. */
void hark_decoder_interrupt (HarkDecoder *self);

/* Exact (docs/architecture.md, "Exact seeks"): the next frames read are those a decode from
 * the start would produce at @seconds. Resets which skip ranges have been passed. */
gboolean hark_decoder_seek (HarkDecoder *self, double seconds, GError **error);
/* 0.5 – 3.0; takes effect for the frames decoded from now on. */
void hark_decoder_set_speed (HarkDecoder *self, double speed);
/* Copies @ranges; ranges already behind the read position are not skipped this pass. */
void hark_decoder_set_skip_ranges (HarkDecoder *self, const HarkSkipRange *ranges,
                                   guint n_ranges);

/* Fills up to @max_frames frames of @buffer. Returns the number of frames, 0 at the end of the
 * stream, -1 with @error when reading failed beyond repair. A chunk never spans a jump. */
gssize hark_decoder_read (HarkDecoder *self, float *buffer, gsize max_frames,
                          HarkDecoderChunk *chunk, GError **error);

/* Exact when the container says so or when the file was indexed; otherwise FFmpeg's estimate. */
/* Packets the codec refused as damaged and that were skipped so far. */
gint64 hark_decoder_get_damaged_packets (HarkDecoder *self);
double hark_decoder_get_duration (HarkDecoder *self);
int hark_decoder_get_rate (HarkDecoder *self);
int hark_decoder_get_channels (HarkDecoder *self);

/* For probing: the demuxer and the stream being decoded. */
struct AVFormatContext;
struct AVStream;
const struct AVFormatContext *hark_decoder_get_format (HarkDecoder *self);
const struct AVStream *hark_decoder_get_stream (HarkDecoder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkDecoder, hark_decoder_free)

G_END_DECLS
