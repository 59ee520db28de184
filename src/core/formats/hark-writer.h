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

#include "transcript/hark-transcript.h"

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
/* Appends "key": . */
void hark_json_append_key (GString *out, const char *key);
/* Inside an array opened with '[': starts item @index on its own line, indented, with '{'. */
void hark_json_begin_item (GString *out, guint index, const char *indent);
/* Closes that array: on its own line after items, right away when it has none. */
void hark_json_end_array (GString *out, guint n_items, const char *indent);
/* The arrays of `hark.chapters` and `hark.skips` in docs/sidecar.md, '[' to ']'. @indent is the
 * indentation of the items. */
void hark_json_append_chapters (GString *out, const HarkTranscript *transcript, const char *indent);
void hark_json_append_skips (GString *out, const HarkTranscript *transcript, const char *indent);

G_END_DECLS
