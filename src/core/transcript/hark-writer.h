/* hark-writer.h — writing a transcript back out: Hark's sidecar, WebVTT, SRT
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every writer returns the whole file as a string; hark_writer_save() puts it on disk atomically,
 * so a crash never leaves half a sidecar that the next open would trust.
 */
#pragma once

#include <glib.h>

#include "hark-transcript.h"

G_BEGIN_DECLS

/* Hark's own sidecar (docs/sidecar.md): Podcasting 2.0 `segments` for other apps, and a `hark`
 * object with speakers, explicit turns, chapters and skip segments. @media_file (a base name, may
 * be NULL) and @media_duration (< 0: the transcript's own, if any) say which cut of the episode it
 * was made for. */
char *hark_writer_hark_json (const HarkTranscript *transcript, const char *media_file,
                             double media_duration);
/* WebVTT with a `<v Name>` voice on every cue that has a speaker and karaoke timestamps for word
 * times. */
char *hark_writer_vtt (const HarkTranscript *transcript);
/* SubRip, with "Name: " before the first cue of every change of speaker. */
char *hark_writer_srt (const HarkTranscript *transcript);

/* Replaces @path with @contents in one step (write to a temporary file, then rename). */
gboolean hark_writer_save (const char *contents, const char *path, GError **error);

/* Pieces the command line's JSON shares. */

/* Appends @text as a JSON string literal, quotes included ("null" for NULL). */
void hark_json_append_string (GString *out, const char *text);
/* Appends seconds with millisecond precision and no trailing zeros ("4.68", "0", "-1.5"). */
void hark_json_append_seconds (GString *out, double seconds);

G_END_DECLS
