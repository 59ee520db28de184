/* hark-generate.h — a transcript made from recognized words, when the show has none
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recognized words are grouped into cues where the speaker pauses (a gap between words, or a
 * pause the audio shows), with a cap on a cue's length so each stays readable, and the cues into
 * paragraphs (turns without a speaker) at longer pauses. Every word keeps
 * its time (karaoke), the transcript is marked generated and says so in its source note: it is
 * good enough to search and to find a place, and honest about being machine-made.
 */
#pragma once

#include "speech/hark-speech.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

HarkTranscript *hark_generate_transcript (HarkSpeech *speech);

G_END_DECLS
