/* test-shows.c — subscriptions in the library: the migration, refreshes stored, episodes kept
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "hark-test-util.h"
#include "library/hark-library-shows.h"
#include "util/hark-error.h"

static HarkLibrary *
open_temp (const char *name, char **dir_out)
{
  g_autoptr (GError) error = NULL;
  char *dir = hark_test_make_tmpdir (name);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  HarkLibrary *library = hark_library_open (path, &error);
  g_assert_no_error (error);
  *dir_out = dir;
  return library;
}

static HarkFeed *
parse (const char *xml)
{
  g_autoptr (GError) error = NULL;
  HarkFeed *feed = hark_feed_parse (xml, strlen (xml), "feed.xml", "https://show.example/feed",
                                    &error);
  g_assert_no_error (error);
  return feed;
}

static const char *feed_v1 =
  "<rss xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>Show</title>"
  "<link>https://show.example/</link><language>en</language>"
  "<item><guid>a</guid><title>A</title><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>"
  "<enclosure url=\"https://cdn.example/a.mp3\" type=\"audio/mpeg\" length=\"10\"/>"
  "<podcast:transcript url=\"https://show.example/a.vtt\" type=\"text/vtt\"/>"
  "<podcast:person role=\"host\">Ann</podcast:person></item>"
  "<item><guid>b</guid><title>B</title><pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate>"
  "<enclosure url=\"https://cdn.example/b.mp3\" type=\"audio/mpeg\" length=\"10\"/></item>"
  "</channel></rss>";
static const char *feed_v2 =
  "<rss><channel><title>Show (renamed)</title>"
  "<item><guid>c</guid><title>C</title><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>"
  "<enclosure url=\"https://cdn.example/c.mp3\" type=\"audio/mpeg\" length=\"10\"/></item>"
  "<item><guid>a</guid><title>A (fixed title)</title><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>"
  "<enclosure url=\"https://cdn.example/a.mp3?new-tracking=1\" type=\"audio/mpeg\" length=\"10\"/></item>"
  "</channel></rss>";

static void
test_store_and_refresh (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (HarkLibrary) library = open_temp ("shows", &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkFeed) v1 = parse (feed_v1);
  g_autoptr (HarkFeed) v2 = parse (feed_v2);
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (GPtrArray) shows = NULL;
  g_autoptr (HarkShow) show = NULL;
  HarkShowEpisode *c, *a, *b;
  gint64 id;
  guint n_new = 99;

  id = hark_library_add_show (library, "https://show.example/feed", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (hark_library_add_show (library, "https://show.example/feed", NULL), ==, id);

  g_assert_true (hark_library_store_feed (library, id, v1, "\"e1\"", "Mon, 30 Nov 2026 10:00:00 GMT",
                                          1000, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 2);
  show = hark_library_find_show (library, "show", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (show->title, ==, "Show");
  g_assert_cmpstr (show->etag, ==, "\"e1\"");
  g_assert_cmpuint (show->n_episodes, ==, 2);
  /* What was there when subscribing is not news. */
  g_assert_cmpuint (show->n_new, ==, 0);

  g_assert_true (hark_library_store_feed (library, id, v2, "\"e2\"", NULL, 2000, &n_new, &error));
  g_assert_cmpuint (n_new, ==, 1);
  episodes = hark_library_list_show_episodes (library, id, &error);
  g_assert_no_error (error);
  /* Newest first; A updated in place although its enclosure's query changed; B left the
   * feed and stays, marked. */
  g_assert_cmpuint (episodes->len, ==, 3);
  c = g_ptr_array_index (episodes, 0);
  a = g_ptr_array_index (episodes, 1);
  b = g_ptr_array_index (episodes, 2);
  g_assert_cmpstr (c->title, ==, "C");
  g_assert_true (c->is_new);
  g_assert_true (c->in_feed);
  g_assert_cmpstr (a->title, ==, "A (fixed title)");
  g_assert_false (a->is_new);
  g_assert_true (a->in_feed);
  g_assert_cmpuint (a->transcripts->len, ==, 0);
  g_assert_cmpstr (b->title, ==, "B");
  g_assert_false (b->in_feed);
  shows = hark_library_list_shows (library, &error);
  g_assert_cmpuint (shows->len, ==, 1);
  g_assert_cmpuint (((HarkShow *) g_ptr_array_index (shows, 0))->n_new, ==, 1);

  /* Transcripts and persons come back from the library. */
  {
    g_autoptr (HarkFeed) again = parse (feed_v1);
    g_autoptr (HarkShowEpisode) found = NULL;
    g_assert_true (hark_library_store_feed (library, id, again, NULL, NULL, 3000, NULL, &error));
    found = hark_library_find_show_episode (library, a->episode_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->transcripts->len, ==, 1);
    g_assert_cmpstr (((HarkFeedTranscript *) g_ptr_array_index (found->transcripts, 0))->url, ==,
                     "https://show.example/a.vtt");
    g_assert_cmpuint (found->persons->len, ==, 1);
    g_assert_cmpstr (((HarkFeedPerson *) g_ptr_array_index (found->persons, 0))->name, ==, "Ann");
  }
  /* The whole show's list reads them too, each episode its own. */
  {
    g_autoptr (GPtrArray) listed = hark_library_list_show_episodes (library, id, &error);
    guint with_transcripts = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < listed->len; i++)
      {
        HarkShowEpisode *e = g_ptr_array_index (listed, i);
        if (g_strcmp0 (e->episode_id, a->episode_id) != 0)
          {
            g_assert_cmpuint (e->transcripts->len, ==, 0);
            continue;
          }
        with_transcripts++;
        g_assert_cmpuint (e->transcripts->len, ==, 1);
        g_assert_cmpstr (((HarkFeedTranscript *) g_ptr_array_index (e->transcripts, 0))->url, ==,
                         "https://show.example/a.vtt");
        g_assert_cmpuint (e->persons->len, ==, 1);
        g_assert_cmpstr (((HarkFeedPerson *) g_ptr_array_index (e->persons, 0))->name, ==, "Ann");
      }
    g_assert_cmpuint (with_transcripts, ==, 1);
  }
}

static void
test_paged_feed_keeps_episodes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (HarkLibrary) library = open_temp ("shows-paged", &dir);
  g_autoptr (HarkFeed) v1 = parse (feed_v1);
  g_autoptr (HarkFeed) page = parse (
    "<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Show</title>"
    "<atom:link rel=\"next\" href=\"https://show.example/feed?page=2\"/>"
    "<item><guid>c</guid><title>C</title></item></channel></rss>");
  g_autoptr (GPtrArray) episodes = NULL;
  gint64 id = hark_library_add_show (library, "https://show.example/feed", NULL);

  g_assert_true (hark_library_store_feed (library, id, v1, NULL, NULL, 1, NULL, NULL));
  g_assert_true (hark_library_store_feed (library, id, page, NULL, NULL, 2, NULL, NULL));
  episodes = hark_library_list_show_episodes (library, id, NULL);
  g_assert_cmpuint (episodes->len, ==, 3);
  for (guint i = 0; i < episodes->len; i++)
    g_assert_true (((HarkShowEpisode *) g_ptr_array_index (episodes, i))->in_feed);
}

static void
test_move_and_find (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (HarkLibrary) library = open_temp ("shows-move", &dir);
  g_autoptr (GError) error = NULL;
  gint64 one = hark_library_add_show (library, "https://one.example/feed", NULL);
  gint64 two = hark_library_add_show (library, "https://two.example/feed", NULL);
  g_autoptr (HarkShow) moved = NULL;

  g_assert_true (hark_library_move_show (library, one, "https://one.example/new", &error));
  g_assert_no_error (error);
  moved = hark_library_find_show (library, "https://one.example/new", &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->id, ==, one);
  g_assert_false (hark_library_move_show (library, two, "https://one.example/new", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (hark_library_find_show (library, "nothing like it", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (hark_library_remove_show (library, one, &error));
  g_assert_null (hark_library_find_show (library, "https://one.example/new", NULL));
}

static void
test_download_state (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (HarkLibrary) library = open_temp ("shows-download", &dir);
  g_autoptr (HarkFeed) v1 = parse (feed_v1);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkShowEpisode) e = NULL;
  g_autoptr (HarkShowEpisode) again = NULL;
  gint64 id = hark_library_add_show (library, "https://show.example/feed", NULL);

  g_assert_true (hark_library_store_feed (library, id, v1, NULL, NULL, 1, NULL, NULL));
  e = hark_library_find_show_episode (library, ((HarkFeedEpisode *) g_ptr_array_index (v1->episodes, 0))->id,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (e->download_state, ==, HARK_DOWNLOAD_NONE);
  g_assert_true (hark_library_set_download (library, e->row, HARK_DOWNLOAD_PARTIAL, "/x/a.mp3.part",
                                            5, 10, "\"v\"", &error));
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, e->row);
    again = hark_library_find_show_episode (library, number, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (again->download_state, ==, HARK_DOWNLOAD_PARTIAL);
  g_assert_cmpstr (again->download_path, ==, "/x/a.mp3.part");
  g_assert_cmpint (again->download_bytes, ==, 5);
  g_assert_cmpstr (again->download_etag, ==, "\"v\"");
}

/* A library written by the previous schema gains the new tables and keeps its positions. */
static void
test_migration_from_v2 (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("shows-migrate");
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE schema_version (version INTEGER NOT NULL);"
                                 "INSERT INTO schema_version VALUES (2);"
                                 "CREATE TABLE episodes (key TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL,"
                                 " duration REAL NOT NULL, position REAL NOT NULL DEFAULT 0,"
                                 " speed REAL NOT NULL DEFAULT 1.0, last_listened INTEGER NOT NULL, title TEXT);"
                                 "INSERT INTO episodes VALUES ('k', '/a.mp3', 100, 42, 1.0, 5, 'T');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  entry = hark_library_lookup (library, "k", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (entry->position, ==, 42);
  g_assert_cmpint (hark_library_add_show (library, "https://x.example/f", &error), >, 0);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shows/store-and-refresh", test_store_and_refresh);
  g_test_add_func ("/shows/paged-feed", test_paged_feed_keeps_episodes);
  g_test_add_func ("/shows/move-and-find", test_move_and_find);
  g_test_add_func ("/shows/download-state", test_download_state);
  g_test_add_func ("/shows/migration-from-v2", test_migration_from_v2);
  return g_test_run ();
}
