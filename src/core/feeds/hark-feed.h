/* hark-feed.h — a podcast feed as Hark reads it: the show and its episodes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RSS 2.0 with iTunes tags, Podcasting 2.0 (transcript, chapters, person) and Atom all become
 * this one model. Real feeds are broken in well-known ways; the parser still gives their
 * episodes and says what it repaired in @warnings, one line per kind of repair.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *url;
  char *type;     /* MIME type as the feed gives it, may be NULL */
  char *language; /* may be NULL */
  char *rel;      /* "captions" or NULL */
} HarkFeedTranscript;

typedef struct
{
  char *name;
  char *role;  /* lower case; "host" when the feed gives none */
  char *group; /* lower case; "cast" when the feed gives none */
  char *img;
  char *href;
} HarkFeedPerson;

typedef struct
{
  char *id;          /* stable across refreshes: see hark_feed_episode_identity() */
  char *guid;        /* may be NULL */
  char *title;       /* plain text, never NULL ("" when the feed gives none) */
  char *link;
  char *description; /* plain text, markup removed */
  gboolean has_published;
  gint64 published;  /* Unix seconds, UTC */
  double duration;   /* seconds, or -1 when unknown */
  char *enclosure_url; /* NULL when the item has nothing playable */
  char *enclosure_type;
  gint64 enclosure_length; /* bytes, or -1 when missing or 0 */
  char *image;
  GPtrArray *transcripts; /* HarkFeedTranscript * */
  char *chapters_url;
  char *chapters_type;
  GPtrArray *persons; /* HarkFeedPerson *; the show's when the item names none */
} HarkFeedEpisode;

typedef struct
{
  char *title;
  char *link;
  char *language;
  char *image;
  char *description;
  char *author;
  char *new_feed_url; /* itunes:new-feed-url: the publisher moved the feed */
  char *next_page;    /* atom:link rel="next": older episodes are on another page */
  char *self_url;     /* atom:link rel="self" */
  GPtrArray *persons;  /* HarkFeedPerson *, show level */
  GPtrArray *episodes; /* HarkFeedEpisode *, in feed order */
  GPtrArray *warnings; /* char *, "NAME:LINE: what was repaired" */
} HarkFeed;

/* Hard limits: anything larger is refused (input) or cut with a warning (text). */
#define HARK_FEED_MAX_BYTES (64u * 1024 * 1024)
#define HARK_FEED_MAX_DEPTH 64
#define HARK_FEED_MAX_TEXT (256u * 1024)
#define HARK_FEED_MAX_EPISODES 100000

/* Parses a feed held in memory. @name is used in messages (a file name or URL); @base_url
 * (may be NULL) resolves relative links — without it the feed's own atom:link rel="self" is
 * used. Nothing is fetched: no DTD, no external entity, no network. Fails with HARK_ERROR_PARSE
 * for a document that declares entities (billion laughs, XXE) or nests too deep, and with
 * HARK_ERROR_UNSUPPORTED when the document is not RSS or Atom. */
HarkFeed *hark_feed_parse (const char *data, gsize length, const char *name, const char *base_url,
                           GError **error);
/* Reads and parses a file (at most HARK_FEED_MAX_BYTES). */
HarkFeed *hark_feed_parse_file (const char *path, const char *base_url, GError **error);

void hark_feed_free (HarkFeed *feed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkFeed, hark_feed_free)

HarkFeedEpisode *hark_feed_episode_new (void);
void hark_feed_episode_free (HarkFeedEpisode *episode);
HarkFeedPerson *hark_feed_person_copy (const HarkFeedPerson *person);
void hark_feed_person_free (HarkFeedPerson *person);
void hark_feed_transcript_free (HarkFeedTranscript *transcript);

/* The episode's identity key: "guid:GUID", else "url:" the enclosure URL without its query
 * string or fragment, else "link:LINK", else "title:TITLE@PUBLISHED". The id is a short hash
 * of it, so a re-published guid or a changed tracking query does not make a new episode. */
char *hark_feed_episode_identity (const HarkFeedEpisode *episode);
char *hark_feed_episode_id_from_identity (const char *identity);

/* The feed as JSON (the shape `hark-cli feed --format json` prints). */
char *hark_feed_to_json (const HarkFeed *feed, gboolean pretty);

G_END_DECLS
