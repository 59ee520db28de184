/* audio-test-util.h — what the audio tests share: references from ffmpeg, WAV files, decoding
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "audio/hark-decoder.h"

G_BEGIN_DECLS

/* The six codecs of the excerpt fixture, by file extension. */
extern const char *const audio_test_codecs[];

/* `ffmpeg -i PATH [-af FILTER] -ar 48000 -ac 2 -f f32le -`, or NULL after g_test_skip() when
 * ffmpeg is not installed. */
float *audio_test_ffmpeg_decode (const char *path, const char *filter, gsize *n_frames);

/* Reads a 32-bit float WAV in the output format; fails the test on anything else. */
float *audio_test_read_wav (const char *path, gsize *n_frames);

/* Everything @decoder still has to give, in the output format. */
float *audio_test_decode_rest (HarkDecoder *decoder, gsize *n_frames);

/* Largest absolute difference over @n_frames frames. */
double audio_test_max_diff (const float *a, const float *b, gsize n_frames);

/* Signal-to-noise ratio of @a against the reference @b, in dB (infinite when equal). */
double audio_test_snr (const float *a, const float *b, gsize n_frames);

/* Largest absolute change between neighbouring frames in [from, to). */
double audio_test_max_step (const float *a, gsize from, gsize to);

/* Runs hark-cli with @argv (NULL-terminated, without the program); returns its exit status
 * and, when asked, what it printed. */
int audio_test_run_cli (const char *const *argv, char **out, char **err);

G_END_DECLS
