/* episode-test-util.h — what the episode tests share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

/* Turn count, speakers and turn starts of @t against a truth file of the fixtures: at least 95%
 * of the starts within 0.5 s, all within 2 s (the acceptance). Skips when absent. */
void assert_matches_truth_of (HarkTranscript *t, const char *fixture, guint expected_turns);
void assert_matches_truth (HarkTranscript *t);

/* A private copy of ep189 (audio, captions, labelled text) to write sidecars into, or NULL after
 * skipping when the fixtures are absent. */
char *make_episode_copy (const char *name);

/* Runs the built hark-cli with @args; returns its stdout. */
char *run_cli (const char *const *args, int *status);
JsonObject *parse_object (JsonParser *parser, const char *text);

G_END_DECLS
