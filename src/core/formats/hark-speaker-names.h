/* hark-speaker-names.h — one person written two ways is one speaker
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Transcripts name a person "Kim Scott" in one paragraph and "Kim" or "KIM SCOTT" in the next.
 * Names equal but for case and spacing are one speaker; a name whose words begin exactly one
 * fuller name ("Kim" and "Kim Scott", but not when "Kim Lee" is there too) is that speaker.
 * Diarisation labels ("Speaker 1", "SPEAKER_01", "Unknown Speaker") stay as given, and a name
 * that goes on with something other than words ("Andrew - 1") is someone else.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For @n_names names, fills @map (n_names entries) with the index each name is one with
 * (itself when it stays on its own). The name kept for a group is the fullest spelling: the
 * longest, then the one with capitals, then the first. Returns TRUE when any two were unified. */
gboolean hark_speaker_names_unify (const char *const *names, guint n_names, guint *map);

/* Whether @name is a label a tool or an editor gave ("Speaker 1", "SPEAKER_00", "Host",
 * "Guest 2", "Unknown"), not a person's name. */
gboolean hark_speaker_name_is_label (const char *name);
/* The same name but for case and spacing. */
gboolean hark_speaker_names_equal (const char *a, const char *b);

G_END_DECLS
