/* hark-paragraphs.h — where a long turn's text breaks into paragraphs
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A speaker can talk for two minutes without a pause: shown as one block that is a wall of
 * text. Readers take it in as paragraphs, so a turn is broken where a sentence ends once the
 * paragraph so far holds about @target characters. The breaks are byte offsets into the text
 * (the first byte of the sentence that starts a paragraph), so every other offset into the text
 * (the current caption, search matches) keeps its meaning.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A paragraph is not broken before @target characters; about 320 reads as 4–5 lines. */
#define HARK_PARAGRAPH_TARGET_CHARS 320

/* Offsets (gsize, ascending, all > 0 and < strlen (@text)) where a new paragraph begins. Empty
 * for short texts and for texts without sentence ends. @text must be valid UTF-8. */
GArray *hark_paragraphs_find (const char *text, gsize target);

G_END_DECLS
