/* hark-media-open.h — opening an audio file with FFmpeg, with errors a listener understands
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libavformat/avformat.h>

#include "audio/hark-media-source.h"

G_BEGIN_DECLS

/* The most bytes one packet read may pass over without finding audio (zero padding, junk).
 * Beyond it the rest of the file is taken as not audio: a 3 GB zero-padded MP3 would
 * otherwise take tens of seconds and gigabytes in the MP3 parser's buffer. */
#define HARK_MEDIA_MAX_GAP_BYTES (16 * 1024 * 1024)
/* The largest ID3v2 tag FFmpeg is let read. A larger one (a 200 MB frame) is skipped whole,
 * its metadata given up, instead of taking minutes and gigabytes to parse. */
#define HARK_MEDIA_MAX_TAG_BYTES (32 * 1024 * 1024)

/* Opens @path (a regular file, named through FFmpeg's file protocol so a colon in the name is
 * no protocol), reads the stream info and picks the best audio stream. On failure @error says
 * in a sentence why (missing, empty, not audio, damaged) and nothing is left open. Close with
 * hark_media_close_input(). */
AVFormatContext *hark_media_open_input (const char *path, int *stream_index, GError **error);

/* The same for bytes still arriving (see audio/hark-media-source.h): reads wait for them. The
 * source is opened as a stream that cannot seek first, so demuxers do not wait for the end of
 * the file to look for tags there; a file that cannot be opened that way (an MP4 with its
 * index at the end) is opened again as one that can, waiting for the bytes it needs.
 * Cancelling @cancellable (may be NULL) stops the open and, later, every read of the input. */
AVFormatContext *hark_media_open_source (HarkMediaSource *source, GCancellable *cancellable,
                                         int *stream_index, GError **error);

/* av_read_frame() that gives up after HARK_MEDIA_MAX_GAP_BYTES without a packet, returning
 * AVERROR_EOF then (and telling once). */
int hark_media_read_frame (AVFormatContext *fmt, AVPacket *pkt);

void hark_media_close_input (AVFormatContext **fmt);

/* A FFmpeg error code as text, for messages. */
char *hark_media_error_string (int averror);

G_END_DECLS
