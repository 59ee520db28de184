/* fuzz-feed.c — libFuzzer target: the podcast feed parser
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the input as a feed (with and without a base URL), then walks the model and its JSON:
 * every string must be UTF-8, every number in range, and the JSON must parse back.
 */
#include <json-glib/json-glib.h>
#include <stdint.h>
#include <string.h>

#include "feeds/hark-feed.h"

static void
check_string (const char *text)
{
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
walk (const HarkFeed *feed)
{
  g_autofree char *json = hark_feed_to_json (feed, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();

  check_string (feed->title);
  check_string (feed->link);
  check_string (feed->image);
  check_string (feed->description);
  for (guint i = 0; i < feed->warnings->len; i++)
    check_string (g_ptr_array_index (feed->warnings, i));
  for (guint i = 0; i < feed->episodes->len; i++)
    {
      const HarkFeedEpisode *e = g_ptr_array_index (feed->episodes, i);
      g_assert_nonnull (e->id);
      g_assert_nonnull (e->title);
      check_string (e->title);
      check_string (e->guid);
      check_string (e->description);
      check_string (e->enclosure_url);
      g_assert_true (e->duration == -1 || (e->duration >= 0 && e->duration < 1e7));
      g_assert_true (e->enclosure_length == -1 || e->enclosure_length > 0);
      for (guint j = 0; j < e->transcripts->len; j++)
        check_string (((HarkFeedTranscript *) g_ptr_array_index (e->transcripts, j))->url);
      for (guint j = 0; j < e->persons->len; j++)
        check_string (((HarkFeedPerson *) g_ptr_array_index (e->persons, j))->name);
    }
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkFeed) feed = hark_feed_parse ((const char *) data, size, "fuzz.xml",
                                                   pass ? "https://fuzz.example/a/feed.xml" : NULL,
                                                   &error);
      if (feed != NULL)
        walk (feed);
      else
        g_assert_nonnull (error);
    }
  return 0;
}
