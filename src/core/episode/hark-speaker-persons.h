/* hark-speaker-persons.h — the people a feed names (podcast:person) as a transcript's speakers
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A feed says who is on an episode ("Ada Lovelace", host; "Alan Turing", guest); transcripts
 * often say only "Speaker 1". Only what the two together prove is applied, because a wrong name
 * on a voice is worse than a label:
 *  - a speaker whose name is a person's (case and spacing aside), or begins exactly one of the
 *    persons' names ("Ada" for "Ada Lovelace"), is that person: the full name and the role;
 *  - a speaker labelled by a role ("Host", "Guest 1") is the one person with that role;
 *  - the one speaker left with a generic label ("Speaker 1") is the one person left.
 * Real names are never replaced, and two labelled voices with two persons left stay labelled:
 * nothing says which voice is whose. Only the feed's cast (group "cast") speak.
 *
 * Downloads save the persons beside the audio as EPISODE.persons.json (a JSON array of
 * {"name", "role", "group", "img", "href"}), which hark_episode_load() applies.
 */
#pragma once

#include <glib.h>

#include "feeds/hark-feed.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

/* What to do to each speaker of @transcript: @names and @roles get one entry per speaker, NULL
 * to leave it. @notes (may be NULL) gets a sentence per speaker named. Returns how many
 * speakers change. @persons: HarkFeedPerson *. */
guint hark_speaker_persons_plan (const HarkTranscript *transcript, GPtrArray *persons,
                                 GPtrArray *names, GPtrArray *roles, GPtrArray *notes);

/* The sidecar path for @audio_path: its name without extension + ".persons.json". */
char *hark_speaker_persons_path (const char *audio_path);
/* Writes @persons (HarkFeedPerson *) to @path. */
gboolean hark_speaker_persons_write (const char *path, GPtrArray *persons, GError **error);
/* Reads a file hark_speaker_persons_write() wrote: HarkFeedPerson *, or NULL with @error naming
 * the file and what was wrong. At most HARK_SPEAKER_PERSONS_MAX persons are read. */
#define HARK_SPEAKER_PERSONS_MAX 256
GPtrArray *hark_speaker_persons_read (const char *path, GError **error);

G_END_DECLS
