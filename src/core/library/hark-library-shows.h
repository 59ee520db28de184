/* hark-library-shows.h — subscriptions in the library: shows, their episodes, downloads
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A show is a feed URL with what its last fetch said (and the validators to ask again
 * cheaply); its episodes are kept by the feed's episode id, so a refresh updates them in place
 * and an episode that leaves the feed stays, marked as gone. Transcripts, chapters and persons
 * from the feed are stored with each episode; a download records where the audio is.
 */
#pragma once

#include "feeds/hark-feed.h"
#include "library/hark-library.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *feed_url;
  char *title; /* NULL until the first fetch */
  char *link;
  char *language;
  char *image;
  char *description;
  char *etag;
  char *last_modified;
  char *next_page;
  gint64 added;
  gint64 last_checked; /* 0: never */
  char *last_error;    /* of the last refresh, or NULL */
  guint n_episodes;
  guint n_new;         /* episodes not yet played or downloaded, seen in the last refresh */
} HarkShow;

typedef enum
{
  HARK_DOWNLOAD_NONE,
  HARK_DOWNLOAD_PARTIAL, /* a .part file waits to be resumed */
  HARK_DOWNLOAD_DONE,
  HARK_DOWNLOAD_FAILED,
} HarkDownloadState;

typedef struct
{
  gint64 row;          /* the library's id for it */
  gint64 show_id;
  char *episode_id;    /* HarkFeedEpisode.id */
  char *guid;
  char *title;
  char *description;
  gint64 published;    /* Unix seconds, or 0 when unknown */
  double duration;     /* seconds, or -1 */
  char *enclosure_url;
  char *enclosure_type;
  gint64 enclosure_length;
  char *image;
  char *chapters_url;
  char *chapters_type;
  gboolean in_feed;    /* FALSE once it left the feed */
  gboolean is_new;     /* appeared in the most recent refresh that found anything new */
  GPtrArray *transcripts; /* HarkFeedTranscript * */
  GPtrArray *persons;     /* HarkFeedPerson * */
  HarkDownloadState download_state;
  char *download_path;    /* the audio (or its .part), or NULL */
  gint64 download_bytes;
  gint64 download_total;
  char *download_etag;    /* validator for If-Range when resuming */
} HarkShowEpisode;

void hark_show_free (HarkShow *show);
void hark_show_episode_free (HarkShowEpisode *episode);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkShow, hark_show_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkShowEpisode, hark_show_episode_free)

/* Adds a subscription (or finds the existing one for @feed_url); returns its id or 0. */
gint64 hark_library_add_show (HarkLibrary *self, const char *feed_url, GError **error);
gboolean hark_library_remove_show (HarkLibrary *self, gint64 show_id, GError **error);
/* Shows by title, with their episode counts. */
GPtrArray *hark_library_list_shows (HarkLibrary *self, GError **error);
/* A show by id, exact feed URL, or title (case-insensitive; unique prefix accepted). NULL with
 * HARK_ERROR_NOT_FOUND when none (or several) match. */
HarkShow *hark_library_find_show (HarkLibrary *self, const char *what, GError **error);

/* Stores what a fetch of the show's feed gave: the show's fields, every episode (added or
 * updated by id), and marks the episodes that are no longer in it (unless the feed is paged:
 * older episodes are then on other pages). @n_new receives the number of new episodes. */
gboolean hark_library_store_feed (HarkLibrary *self, gint64 show_id, const HarkFeed *feed,
                                  const char *etag, const char *last_modified, gint64 now,
                                  guint *n_new, GError **error);
/* Adds the episodes of an older page of a paged feed (atom:link rel="next"); the show's next
 * page becomes @page's. Nothing is marked as gone and the show's validators stay. */
gboolean hark_library_store_older_page (HarkLibrary *self, gint64 show_id, const HarkFeed *page,
                                        gint64 now, guint *n_new, GError **error);
/* A refresh that found nothing new (304) or failed (@failure not NULL). */
gboolean hark_library_mark_checked (HarkLibrary *self, gint64 show_id, gint64 now,
                                    const char *failure, GError **error);
/* The feed moved (a permanent redirect, or itunes:new-feed-url). Fails if another show
 * already has @new_url. */
gboolean hark_library_move_show (HarkLibrary *self, gint64 show_id, const char *new_url,
                                 GError **error);

/* Newest first; episodes that left the feed included (marked). */
GPtrArray *hark_library_list_show_episodes (HarkLibrary *self, gint64 show_id, GError **error);
/* An episode by its row number or its id (a unique prefix of at least 6 characters). */
HarkShowEpisode *hark_library_find_show_episode (HarkLibrary *self, const char *what,
                                                 GError **error);

gboolean hark_library_set_download (HarkLibrary *self, gint64 episode_row, HarkDownloadState state,
                                    const char *path, gint64 bytes, gint64 total,
                                    const char *etag, GError **error);

/* The resume key (hark_library_save()) of a show's episode: its row, so the place is kept
 * whether it is streamed, still downloading or on disk. */
char *hark_library_episode_key (gint64 episode_row);

G_END_DECLS
