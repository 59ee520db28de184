/* hark-labelled-text.h — a speaker-labelled transcript with no times
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Human transcripts often come as "Name: what they said" per line and nothing else. They know
 * who spoke but not when, so they are not a HarkTranscript: the merge gives them times from
 * timed captions. Some put the name on a line of its own above the words instead, and
 * broadcasters add the role in capitals ("ANN LEE, HOST:"). Lines without a speaker prefix ("Note: …", "10:30 …", a URL, a wrapped
 * paragraph) continue the turn before them.
 */
#pragma once

#include <glib.h>

#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef struct
{
  const char
      *speaker; /* as written ("Michael Kennedy", "SPEAKER_00"), or NULL before the first label */
  const char *text; /* the words, white space collapsed, character references decoded */
  guint line;       /* where the turn starts in the file, from 1 */
} HarkLabelledTurn;

typedef struct _HarkLabelledText HarkLabelledText;

/* Reads a file (any encoding hark_text_normalize() accepts). Lines that could not be given a
 * speaker are reported in @warnings (char *, may be NULL). Fails when the file cannot be read or
 * has no speaker label at all. */
HarkLabelledText *hark_labelled_text_load (const char *path, GPtrArray *warnings, GError **error);
/* The turns of an untimed transcript another reader made (a Markdown or HTML page of "Name:"
 * paragraphs with no times), in their order; a turn's "line" is its number from 1. NULL when no
 * turn names a speaker. */
HarkLabelledText *hark_labelled_text_new_from_transcript (const HarkTranscript *transcript);
/* The same from memory; @name is used in messages ("file:line:column: …"). */
HarkLabelledText *hark_labelled_text_parse (const char *data, gsize length, const char *name,
                                            GPtrArray *warnings, GError **error);

HarkLabelledText *hark_labelled_text_ref (HarkLabelledText *self);
void hark_labelled_text_unref (HarkLabelledText *self);

const HarkLabelledTurn *hark_labelled_text_get_turns (const HarkLabelledText *self, guint *n_turns);
/* Distinct speaker names in order of first appearance, NULL-terminated. */
const char *const *hark_labelled_text_get_speakers (const HarkLabelledText *self);

/* TRUE when at least @min_share (0..1) of the text's non-blank lines start with a speaker
 * label: cheap enough for sniffing. */
gboolean hark_labelled_text_sniff (const char *text, double min_share);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkLabelledText, hark_labelled_text_unref)

G_END_DECLS
