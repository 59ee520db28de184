/* hark-transcript.h — the timed, speaker-labelled transcript of one episode
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A HarkTranscript is immutable once built, so the window, the sponsor detector and the player
 * can all read it from any thread without locking. Build one with HarkTranscriptBuilder.
 * Times are media seconds from the first sample of the audio.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SponsorBlock's categories, in SponsorBlock's spelling (see hark_category_to_string()). */
typedef enum
{
  HARK_CATEGORY_SPONSOR,
  HARK_CATEGORY_SELFPROMO,
  HARK_CATEGORY_INTERACTION,
  HARK_CATEGORY_INTRO,
  HARK_CATEGORY_OUTRO,
  HARK_CATEGORY_PREVIEW,
  HARK_CATEGORY_FILLER,
  HARK_CATEGORY_MUSIC_OFFTOPIC,
  HARK_N_CATEGORIES
} HarkCategory;

const char *hark_category_to_string (HarkCategory category);
/* Case-insensitive; accepts SponsorBlock's names. */
gboolean hark_category_from_string (const char *name, HarkCategory *category);
/* "Sponsor", "Self-promotion", … for people. */
const char *hark_category_get_label (HarkCategory category);

typedef struct
{
  const char *id;   /* stable key as the source spelled it ("SPEAKER_00", "Roger Bingham") */
  const char *name; /* what to show */
  const char *role; /* what the feed says they are ("host", "guest", …), or NULL */
} HarkSpeaker;

typedef struct
{
  double start;
  double end;
  const char *text;
} HarkWord;

typedef struct
{
  double start;
  double end;       /* >= start */
  const char *text; /* plain text: tags stripped, character references decoded */
  int speaker;      /* index into the speakers, or -1 when unknown */
  guint first_word; /* word times inside the cue, when the source had them */
  guint n_words;
  gboolean interpolated; /* its times were estimated between the source's time marks */
} HarkCue;

typedef struct
{
  double start;
  double end;
  const char *text;
  int speaker;      /* index into the speakers, or -1 when unknown */
  guint first_cue;  /* the cues overlapping this turn, when there are cues */
  guint n_cues;
  float evidence;   /* 0..1: share of the turn's words whose times came from a timed source */
  gboolean interpolated; /* its times were estimated between the source's time marks (shown
                          * less precisely), not read */
} HarkTurn;

typedef struct
{
  double start;
  double end;       /* the next chapter's start when the source gave none */
  const char *title;
  const char *url;  /* may be NULL */
  gboolean toc;     /* FALSE: hidden from the table of contents (Podcasting 2.0 "toc": false) */
} HarkChapter;

typedef struct
{
  double start;
  double end;
  HarkCategory category;
  const char *source;   /* where it came from: "hark.json", "chapters", "sponsorblock", "detected" */
  const char *evidence; /* a human sentence on why, may be NULL */
} HarkSegment;

typedef struct _HarkTranscript HarkTranscript;
typedef struct _HarkTranscriptBuilder HarkTranscriptBuilder;

HarkTranscript *hark_transcript_ref (HarkTranscript *self);
void hark_transcript_unref (HarkTranscript *self);

guint hark_transcript_get_n_speakers (const HarkTranscript *self);
const HarkSpeaker *hark_transcript_get_speaker (const HarkTranscript *self, guint index);
/* Index of the speaker whose name or id matches (case-insensitive), or -1. */
int hark_transcript_find_speaker (const HarkTranscript *self, const char *name);

/* The arrays are sorted by start time and stay valid for the transcript's lifetime. */
const HarkCue *hark_transcript_get_cues (const HarkTranscript *self, guint *n_cues);
const HarkTurn *hark_transcript_get_turns (const HarkTranscript *self, guint *n_turns);
const HarkWord *hark_transcript_get_words (const HarkTranscript *self, guint *n_words);
const HarkChapter *hark_transcript_get_chapters (const HarkTranscript *self, guint *n_chapters);
const HarkSegment *hark_transcript_get_segments (const HarkTranscript *self, guint *n_segments);

/* Duration of the media the sidecar was made for, or a negative number when it did not say. */
double hark_transcript_get_media_duration (const HarkTranscript *self);
/* Free-form note on where the transcript came from, or NULL. */
const char *hark_transcript_get_source_note (const HarkTranscript *self);
/* The name the sidecar's own metadata gives (its show's, or its own title: a Podcasting 2.0
 * or Hark JSON "show" or "title", a WebVTT header's title, a TTML <ttm:title>), or NULL.
 * Untrusted text, for telling the show's own promotion from a sponsor's. */
const char *hark_transcript_get_title (const HarkTranscript *self);
/* TRUE when the words were recognized by a machine from the audio, not written by a person:
 * shown as "Generated" and never trusted as the show's own text. */
gboolean hark_transcript_is_generated (const HarkTranscript *self);
gboolean hark_transcript_is_empty (const HarkTranscript *self);

/* Lookups, each O(log n). All return an index or -1. */

/* The cue whose [start, end) holds @time (the latest-starting one when cues overlap). */
int hark_transcript_cue_at (const HarkTranscript *self, double time);
/* The turn being spoken at @time. A pause after a turn still belongs to that turn, so the
 * highlight does not flicker between turns; before the first turn there is none. */
int hark_transcript_turn_at (const HarkTranscript *self, double time);
/* The first turn starting after @time, and the last one starting before the turn at @time. */
int hark_transcript_next_turn (const HarkTranscript *self, double time);
int hark_transcript_previous_turn (const HarkTranscript *self, double time);
/* The same, restricted to turns of @speaker. */
int hark_transcript_next_turn_of_speaker (const HarkTranscript *self, double time, int speaker);
int hark_transcript_previous_turn_of_speaker (const HarkTranscript *self, double time, int speaker);
/* The chapter holding @time. */
int hark_transcript_chapter_at (const HarkTranscript *self, double time);

/* How many turns a speaker has and for how long they speak in total. */
void hark_transcript_get_speaker_stats (const HarkTranscript *self, int speaker, guint *n_turns,
                                        double *seconds);

/* Building. Strings are copied. Cues, turns and chapters may be added in any order. */
HarkTranscriptBuilder *hark_transcript_builder_new (void);
void hark_transcript_builder_free (HarkTranscriptBuilder *builder);

/* Returns the index of the speaker with that name, adding it when new. */
int hark_transcript_builder_add_speaker (HarkTranscriptBuilder *builder, const char *id,
                                         const char *name);
/* Renames speaker @index (its id stays) and gives it @role (NULL: none). */
void hark_transcript_builder_set_speaker (HarkTranscriptBuilder *builder, int index,
                                          const char *name, const char *role);
/* The speakers added so far. */
const HarkSpeaker *hark_transcript_builder_get_speakers (HarkTranscriptBuilder *builder, guint *n);
/* Speaker i becomes speaker @map[i] (each @map[i] maps to itself) in every cue and turn; the
 * speakers merged away are dropped and the others renumbered in order. @map has one entry per
 * speaker added so far. */
void hark_transcript_builder_merge_speakers (HarkTranscriptBuilder *builder, const guint *map);
void hark_transcript_builder_add_cue (HarkTranscriptBuilder *builder, double start, double end,
                                      const char *text, int speaker);
/* Adds a word time to the cue added last. */
void hark_transcript_builder_add_word (HarkTranscriptBuilder *builder, double start, double end,
                                       const char *text);
/* Marks the cue, or the turn, added last as timed by interpolation between the source's time
 * marks (a paragraph with no time of its own). */
void hark_transcript_builder_mark_cue_interpolated (HarkTranscriptBuilder *builder);
void hark_transcript_builder_mark_turn_interpolated (HarkTranscriptBuilder *builder);
/* Explicit turns. When none are added, turns are derived from the cues: a run of cues by one
 * speaker is a turn; a cue with no speaker continues the previous turn when that had a speaker,
 * and with no speakers at all every cue is its own turn. */
void hark_transcript_builder_add_turn (HarkTranscriptBuilder *builder, double start, double end,
                                       const char *text, int speaker, float evidence);
void hark_transcript_builder_add_chapter (HarkTranscriptBuilder *builder, double start, double end,
                                          const char *title, const char *url, gboolean toc);
void hark_transcript_builder_add_segment (HarkTranscriptBuilder *builder, double start, double end,
                                          HarkCategory category, const char *source,
                                          const char *evidence);
void hark_transcript_builder_set_media_duration (HarkTranscriptBuilder *builder, double seconds);
void hark_transcript_builder_set_source_note (HarkTranscriptBuilder *builder, const char *note);
/* The first title set is kept; blank ones and ones over 200 bytes are ignored. */
void hark_transcript_builder_set_title (HarkTranscriptBuilder *builder, const char *title);
void hark_transcript_builder_set_generated (HarkTranscriptBuilder *builder, gboolean generated);

/* Sorts, links turns to cues, fills missing chapter ends, and frees the builder. */
HarkTranscript *hark_transcript_builder_finish (HarkTranscriptBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkTranscript, hark_transcript_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkTranscriptBuilder, hark_transcript_builder_free)

G_END_DECLS
