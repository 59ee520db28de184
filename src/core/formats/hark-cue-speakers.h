/* hark-cue-speakers.h — speakers named inside caption cues (SubRip and WebVTT alike)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Captions without voice tags name speakers in the text: "Kim: words", "KIM: words",
 * ">> KIM: words", "[Kim] words", and "- words" for a change of speaker. A cue holding two
 * speakers becomes two cues sharing its time by the length of their words.
 */
#pragma once

#include "formats/hark-sidecar-private.h"

G_BEGIN_DECLS

/* The names written "[Kim] words" at the start of cue lines of @text: those used at least
 * twice or of two words or more, and only when two or more are (a conversation; a lone
 * "[Chuckles]" twice is a sound).
 * NULL when there are none. */
GHashTable *hark_cue_bracket_speakers (const char *text);

/* Adds the cue from @start to @end whose text is @lines (@n of them, tags already stripped,
 * references decoded), split where a line names a new speaker. @bracket_names (may be NULL)
 * are the "[Kim] words" names to believe. With @only_if_named, a cue naming nobody is not
 * added and FALSE returned (WebVTT keeps such cues whole, its own way). */
gboolean hark_cue_add_with_speakers (HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                                     double start, double end, char **lines, guint n,
                                     GHashTable *bracket_names, gboolean only_if_named);

G_END_DECLS
