/* sync-test-util.h — what the recognizer-backed sync tests share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The truth files (ep189.truth.json, excerpt-linode.truth.json) give every transcript turn's
 * start and speaker, every caption cue's window. Helpers here read them, build the inputs the
 * tests need at run time (an untimed text for the excerpt, re-cut audio made with ffmpeg) and
 * score results against them. No fixture content is copied into the repository.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "speech/hark-speech.h"
#include "transcript/hark-merge.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

JsonObject *sync_test_load_truth (const char *relative_path, JsonParser **parser_out);

/* The turns of ep189.transcript.txt whose truth entries are in @truth (by "index"), written to
 * @dir/NAME and loaded as HarkMergeTurn (strings owned by the returned @storage). */
HarkMergeTurn *sync_test_turns_for_truth (JsonObject *truth, const char *dir, guint *n_turns,
                                          GPtrArray **storage);

/* Share of scored truth turns (those that start inside the audio) whose start is within 1 s and
 * 3 s of @t's turn of the same position; FALSE in *speakers_ok when any speaker differs. */
void sync_test_score_turns (JsonObject *truth, const HarkTranscript *t, double *within_1s,
                            double *within_3s, gboolean *speakers_ok);

/* Runs ffmpeg; FALSE (after g_test_skip) when it is not installed. */
gboolean sync_test_ffmpeg (const char *const *args);

/* Word error rate of @hyp against @ref (words normalised as the aligner does). */
double sync_test_wer (const char *ref, const char *hyp);

/* All the cue texts of @t, space separated. */
char *sync_test_cue_text (const HarkTranscript *t);

/* Recognizes @path with progress checks; fails the test on an error. */
HarkSpeech *sync_test_recognize (const char *path);

G_END_DECLS
