/* hark-show-context.h — who the show is, so its own promotion is told from a sponsor's read
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read that sends the listener to the show's own site, or names the show and no one else's,
 * is the show's own promotion; a read for a brand that is not the show's is a sponsor's. What
 * the show is called and where it lives come from outside the transcript (the audio's tags, the
 * feed's title, link and author) and from the episode itself (a host saying "welcome to X" or
 * "our website is x.com"). Nothing here knows any show: only how identity is said and written.
 */
#pragma once

#include <glib.h>

#include "audio/hark-media-info.h"
#include "episode/hark-episode.h"
#include "transcript/hark-transcript.h"
#include "segments/hark-ad-evidence.h"

G_BEGIN_DECLS

typedef struct _HarkShowContext HarkShowContext;

HarkShowContext *hark_show_context_new (void);
void hark_show_context_free (HarkShowContext *self);
/* A new context knowing what @self knows (an empty one for NULL). */
HarkShowContext *hark_show_context_copy (const HarkShowContext *self);

/* The show's title, its author, a product of its own: said as words in a read. Untrusted text:
 * too long or too short a name, or one past the cap on names, is ignored. */
void hark_show_context_add_name (HarkShowContext *self, const char *name);
/* The show's web address ("https://www.example.fm/show", "example.fm"): its host's own label
 * ("example") is the show's, wherever a read says it as a domain. */
void hark_show_context_add_link (HarkShowContext *self, const char *link);

/* The names and links @info's tags give (album, artist, album artist, a URL tag); @info may be
 * NULL. */
void hark_show_context_add_media_info (HarkShowContext *self, const HarkMediaInfo *info);
/* The names and links the audio file's tags give (album, artist, album artist, a URL tag);
 * nothing when @audio_path is NULL or unreadable. Probes the file. */
void hark_show_context_add_audio_tags (HarkShowContext *self, const char *audio_path);

/* What the transcript's own file says the show is: the name its metadata gives
 * (hark_transcript_get_title()), and a chapter titled as a greeting ("Welcome to X"). */
void hark_show_context_add_transcript (HarkShowContext *self, const HarkTranscript *transcript);

/* A context for @episode: its audio's tags. Never NULL. */
HarkShowContext *hark_show_context_new_for_episode (HarkEpisode *episode);

/* What the episode's own sentences say the show is: "welcome to X" near its start or end, a
 * domain said as "our website" or "this show's". Sentences talking of a sponsor are not
 * listened to. */
void hark_show_context_learn (HarkShowContext *self, const HarkAdSentence *sentences, guint n);

/* TRUE when neither names nor links are known. */
gboolean hark_show_context_is_empty (const HarkShowContext *self);
/* TRUE when a site of the show's is known (so another site is someone else's). */
gboolean hark_show_context_knows_sites (const HarkShowContext *self);

typedef struct
{
  guint own_sites;     /* domains said that are the show's (or named as a show: "examplepod.com") */
  guint other_sites;   /* domains said that are not */
  guint names_show;    /* the show's name said */
  char *quote;         /* the first of them as said, for explanations (free it) */
  /* The show's own domain with a path ("example.fm/brand"): a sponsor's redirect when the path
   * is a name said in the read, the show's own page otherwise; the paths' first words. */
  char *paths[4];
  guint n_paths;
} HarkShowMentions;

void hark_show_mentions_clear (HarkShowMentions *mentions);

/* Adds what @text (@length bytes) says of the show to @mentions. */
void hark_show_context_scan (const HarkShowContext *self, const char *text, gsize length,
                             HarkShowMentions *mentions);
/* Whether @text (@length bytes) opens with the show's own name or site ("Fieldnotes Supply",
 * "the example.fm store"), as the backer a hand-off names does when the show backs itself. */
gboolean hark_show_context_opens_with_own (const HarkShowContext *self, const char *text,
                                           gsize length);
/* Whether @text (@length bytes) says @word as a name (capitalized, not in a link). */
gboolean hark_show_context_says_name (const char *text, gsize length, const char *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkShowContext, hark_show_context_free)

G_END_DECLS
