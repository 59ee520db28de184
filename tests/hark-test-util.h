/* hark-test-util.h — what the C tests share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Path of a file under the shared fixtures (HARK_FIXTURES_DIR), or NULL after calling
 * g_test_skip() with a clear message when the fixtures are not there. */
char *hark_test_fixture (const char *relative_path);

/* Path of a file in the source tree (HARK_SOURCE_DIR). */
char *hark_test_source_file (const char *relative_path);

/* A fresh folder under the build dir, removed by hark_test_remove_tree(). */
char *hark_test_make_tmpdir (const char *name);
void hark_test_remove_tree (const char *path);

/* A long constant-bitrate MP3 without a Xing header (so Hark indexes it on open) at @path:
 * ten seconds of tone encoded by ffmpeg, its frames repeated to @megabytes (128 kbit/s:
 * about a minute a megabyte). FALSE after g_test_skip() when ffmpeg is not installed. */
gboolean hark_test_make_long_mp3 (const char *path, guint megabytes);

/* @seconds of pink noise, stereo, at @kbps encoded by ffmpeg to @path: noise, not a tone, so
 * that samples from the wrong place of the file cannot look right; @seed makes it repeatable.
 * FALSE after g_test_skip() when ffmpeg is not installed. */
gboolean hark_test_make_noise_mp3 (const char *path, guint seconds, guint seed, guint kbps);

G_END_DECLS
