/* hark-media-open.h — opening an audio file with FFmpeg, with errors a listener understands
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libavformat/avformat.h>

G_BEGIN_DECLS

/* Opens @path, reads the stream info and picks the best audio stream. On failure @error says
 * in a sentence why (missing, empty, not audio, damaged) and nothing is left open. */
AVFormatContext *hark_media_open_input (const char *path, int *stream_index, GError **error);

/* A FFmpeg error code as text, for messages. */
char *hark_media_error_string (int averror);

G_END_DECLS
