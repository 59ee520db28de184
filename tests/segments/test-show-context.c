/* test-show-context.c — the finder knowing who the show is: its own promotion told from a
 * sponsor's read
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows, brands and domains here are made up.
 */
#include <string.h>

#include "formats/hark-sidecar.h"
#include "segments/hark-show-context.h"
#include "segments/hark-sponsor-detector.h"
#include "segments-test-util.h"

typedef struct
{
  double start;
  double end;
  const char *speaker;
  const char *text;
} Line;

static HarkTranscript *
build (const Line *lines, guint n)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      int speaker = hark_transcript_builder_add_speaker (b, lines[i].speaker, lines[i].speaker);

      hark_transcript_builder_add_cue (b, lines[i].start, lines[i].end, lines[i].text, speaker);
    }
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static GArray *
detect (const Line *lines, guint n, const HarkShowContext *show)
{
  g_autoptr (HarkTranscript) t = build (lines, n);
  GArray *found = hark_sponsor_detect_with_context (t, show);

  hark_test_log_detections (found);
  return found;
}

/* The read found in [@start, @end), or NULL. */
static const HarkDetection *
read_in (GArray *found, double start, double end)
{
  for (guint i = 0; i < found->len; i++)
    {
      const HarkDetection *d = &g_array_index (found, HarkDetection, i);

      if (d->start < end && d->end > start)
        return d;
    }
  return NULL;
}

/* A conversation with two reads in it worded alike: a store's offer at 60 s, a coffee
 * roaster's at 140 s. Neither says whose it is. */
static const Line episode[] = {
  { 0, 5, "Host", "Okay so we are recording, and today I want to talk about rivers." },
  { 5, 10, "Guest", "I grew up next to one, so I have strong opinions about floods." },
  { 10, 16, "Host", "Tell me about the year the bridge went under, I remember the photos." },
  { 16, 24, "Guest", "The water came up in a single night and the whole lower town moved upstairs." },
  { 24, 30, "Host", "And people just stayed, they did not leave the town after that?" },
  { 30, 38, "Guest", "Most stayed. They raised the houses on posts and planted willows on the bank." },
  { 38, 44, "Host", "Willows, because the roots hold the soil when the current is strong." },
  { 44, 52, "Guest", "Exactly, and the old farmers knew that long before the engineers did." },
  { 52, 58, "Host", "Let's take a quick break." },
  { 60, 66, "Host", "Ferrowild makes waxed canvas bags that keep your things dry on any trail." },
  { 66, 72, "Host", "Every bag is stitched by hand, and repairs are free for life." },
  { 72, 78, "Host", "Go to ferrowild dot com and use code RIVER for fifteen percent off your first bag." },
  { 80, 86, "Host", "So, the willows. Did the town plant them all at once?" },
  { 86, 94, "Guest", "No, one family started and the others copied them a year later." },
  { 94, 100, "Host", "I love that it spread like that, without anyone in charge." },
  { 100, 108, "Guest", "Nobody was in charge of anything, which is how the bridge fell in the first place." },
  { 108, 114, "Host", "Was there a plan after the flood, from the county or anyone?" },
  { 114, 122, "Guest", "There was a plan, on paper, and it sat in a drawer for ten years." },
  { 122, 128, "Host", "Typical. Okay, we'll take one more quick break." },
  { 130, 136, "Host", "Kettlebrook roasts its coffee the day it ships, in small batches." },
  { 136, 142, "Host", "Their river blend is chocolatey and smooth, and shipping is free." },
  { 142, 148, "Host", "Go to kettlebrook dot com and use code RIVER for twenty percent off." },
  { 150, 156, "Host", "Right, back to the drawer full of plans. Who found it in the end?" },
  { 156, 164, "Guest", "A student writing her thesis, she asked the county for the old files." },
  { 164, 170, "Host", "And that got the new bridge built, the one that is there now?" },
  { 170, 178, "Guest", "It took a petition and two more wet winters, but yes, it did." },
  { 178, 184, "Host", "What a story. Thank you so much for coming on and telling it." },
  { 184, 190, "Guest", "Thank you for having me, this was a lot of fun." },
};

/* Without knowing the show, both reads are a sponsor's; knowing that the show's site is the
 * store's, the store's read is the show's own promotion and the roaster's stays a sponsor's. */
static void
test_feed_link_flips_category (void)
{
  g_autoptr (GArray) plain = detect (episode, G_N_ELEMENTS (episode), NULL);
  g_autoptr (HarkShowContext) show = hark_show_context_new ();
  g_autoptr (GArray) known = NULL;
  const HarkDetection *store, *roaster;

  store = read_in (plain, 60, 78);
  roaster = read_in (plain, 130, 148);
  g_assert_nonnull (store);
  g_assert_nonnull (roaster);
  g_assert_cmpint (store->category, ==, HARK_CATEGORY_SPONSOR);
  g_assert_cmpint (roaster->category, ==, HARK_CATEGORY_SPONSOR);
  /* The talk between the reads (questions asked and answered) is no opening of the second. */
  g_assert_cmpfloat (roaster->start, >=, 122);

  hark_show_context_add_name (show, "The River Hour");
  hark_show_context_add_link (show, "https://www.ferrowild.com/podcast?ref=feed");
  known = detect (episode, G_N_ELEMENTS (episode), show);
  store = read_in (known, 60, 78);
  roaster = read_in (known, 130, 148);
  g_assert_nonnull (store);
  g_assert_nonnull (roaster);
  g_assert_cmpint (store->category, ==, HARK_CATEGORY_SELFPROMO);
  g_assert_true (strstr (store->carried_by, "the show's own") != NULL);
  g_assert_cmpint (roaster->category, ==, HARK_CATEGORY_SPONSOR);
  /* Where the reads are does not change with whose they are. */
  g_assert_cmpuint (known->len, ==, plain->len);
}

/* The hosts say who they are: "welcome to …" and "our website is …". The store's read then is
 * the show's own, without any tag or feed. */
static void
test_episode_says_who_it_is (void)
{
  static const Line hello = { 0, 5, "Host", "Welcome to Ferrowild Field Notes, I'm your host." };
  static const Line bye = { 190, 196, "Host",
                            "Our website is ferrowild dot com, and see you next week." };
  g_autofree Line *said = g_new (Line, G_N_ELEMENTS (episode) + 1);
  g_autoptr (GArray) found = NULL;
  const HarkDetection *store, *roaster;

  said[0] = hello;
  for (guint i = 1; i < G_N_ELEMENTS (episode); i++)
    said[i] = episode[i];
  said[G_N_ELEMENTS (episode)] = bye;
  found = detect (said, G_N_ELEMENTS (episode) + 1, NULL);
  store = read_in (found, 60, 78);
  roaster = read_in (found, 130, 148);
  g_assert_nonnull (store);
  g_assert_nonnull (roaster);
  g_assert_cmpint (store->category, ==, HARK_CATEGORY_SELFPROMO);
  g_assert_cmpint (roaster->category, ==, HARK_CATEGORY_SPONSOR);
}

/* The show's own things often live on sites of their own (a conference, a newsletter, a
 * members' club): knowing the show's site, a plug where the hosts say they run the thing stays
 * the show's own, whatever site it names. */
static void
test_own_thing_on_another_site (void)
{
  static const Line plug[] = {
    { 130, 136, "Host", "One more thing before we go on: registration is open for Riverfest, the "
                        "conference we run every spring." },
    { 136, 142, "Host", "It is two days in Millbrook, with twenty talks and a day of workshops, "
                        "and we would love to meet you there." },
    { 142, 148, "Host", "Early tickets are thirty percent off until Friday at riverfest dot org." },
  };
  g_autofree Line *said = g_new (Line, G_N_ELEMENTS (episode));
  g_autoptr (HarkShowContext) show = hark_show_context_new ();
  g_autoptr (GArray) plain = NULL;
  g_autoptr (GArray) known = NULL;
  const HarkDetection *d;

  for (guint i = 0; i < G_N_ELEMENTS (episode); i++)
    said[i] = episode[i];
  /* No break is announced before it: the hosts' own plug, not a spot. */
  said[18] = (Line){ 122, 128, "Host", "Typical. Which reminds me of something we are doing." };
  for (guint i = 0; i < G_N_ELEMENTS (plug); i++)
    said[19 + i] = plug[i];
  plain = detect (said, G_N_ELEMENTS (episode), NULL);
  d = read_in (plain, 130, 148);
  g_assert_nonnull (d);
  g_assert_cmpint (d->category, ==, HARK_CATEGORY_SELFPROMO);

  hark_show_context_add_name (show, "The River Hour");
  hark_show_context_add_link (show, "https://www.ferrowild.com/podcast");
  known = detect (said, G_N_ELEMENTS (episode), show);
  d = read_in (known, 130, 148);
  g_assert_nonnull (d);
  g_assert_cmpint (d->category, ==, HARK_CATEGORY_SELFPROMO);
}

/* What a name and a link make known, and what is too little to be a name. */
static void
test_scan (void)
{
  g_autoptr (HarkShowContext) show = hark_show_context_new ();
  HarkShowMentions m = { 0 };
  static const char said[] = "Grab a River Hour mug at shop.riverhour.co.uk, or a hat at "
                             "capsmith dot com.";

  g_assert_true (hark_show_context_is_empty (show));
  hark_show_context_add_name (show, "The Podcast"); /* nothing left once the filler goes */
  hark_show_context_add_name (show, NULL);
  hark_show_context_add_link (show, "not a link");
  hark_show_context_add_link (show, NULL);
  g_assert_true (hark_show_context_is_empty (show));

  hark_show_context_add_name (show, "The River Hour Podcast");
  hark_show_context_scan (show, said, sizeof said - 1, &m);
  /* The name run together is its site's name too. */
  g_assert_cmpuint (m.names_show, ==, 1);
  g_assert_cmpuint (m.own_sites, ==, 1);
  g_assert_cmpuint (m.other_sites, ==, 1);
  g_assert_cmpstr (m.quote, ==, "River");
  hark_show_mentions_clear (&m);

  /* A site named as a show is a show's own, known or not. */
  {
    g_autoptr (HarkShowContext) none = hark_show_context_new ();
    static const char plug[] = "Join at lowtide pod dot com, or see capsmith.com/LowTide.";

    memset (&m, 0, sizeof m);
    hark_show_context_scan (none, plug, sizeof plug - 1, &m);
    g_assert_cmpuint (m.own_sites, ==, 1);
    g_assert_cmpuint (m.other_sites, ==, 1);
    hark_show_mentions_clear (&m);
  }

  /* Lower case "river hour" in a cased sentence is not the show's name. */
  memset (&m, 0, sizeof m);
  hark_show_context_scan (show, "An hour on the river hour by hour.",
                          strlen ("An hour on the river hour by hour."), &m);
  g_assert_cmpuint (m.names_show, ==, 0);
  hark_show_mentions_clear (&m);
}

/* The episode written as a sidecar of @format, its own metadata naming the show "Ferrowild"
 * (whose site the store's read sends the listener to). */
static HarkTranscript *
sidecar_naming_the_show (HarkSidecarFormat format)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  HarkTranscript *t;

  for (guint i = 0; i < G_N_ELEMENTS (episode); i++)
    {
      g_autofree char *body = g_strescape (episode[i].text, NULL);
      g_autofree char *start = g_strdup_printf ("%02u:%02u:%02u.000", (guint) episode[i].start / 3600,
                                                (guint) episode[i].start / 60 % 60,
                                                (guint) episode[i].start % 60);
      g_autofree char *end = g_strdup_printf ("%02u:%02u:%02u.000", (guint) episode[i].end / 3600,
                                              (guint) episode[i].end / 60 % 60,
                                              (guint) episode[i].end % 60);

      if (format == HARK_SIDECAR_FORMAT_PODCASTING2)
        g_string_append_printf (text, "%s{\"speaker\": \"%s\", \"startTime\": %g, "
                                "\"endTime\": %g, \"body\": \"%s\"}",
                                i ? ", " : "", episode[i].speaker, episode[i].start,
                                episode[i].end, body);
      else if (format == HARK_SIDECAR_FORMAT_WEBVTT)
        g_string_append_printf (text, "%s --> %s\n<v %s>%s\n\n", start, end, episode[i].speaker,
                                episode[i].text);
      else
        g_string_append_printf (text, "<p begin=\"%gs\" end=\"%gs\">%s</p>\n",
                                episode[i].start, episode[i].end, episode[i].text);
    }
  if (format == HARK_SIDECAR_FORMAT_PODCASTING2)
    {
      g_string_prepend (text, "{\"version\": \"1.0.0\", \"title\": \"Episode 12: Rivers\", "
                              "\"show\": \"Ferrowild\", \"segments\": [");
      g_string_append (text, "]}");
    }
  else if (format == HARK_SIDECAR_FORMAT_WEBVTT)
    g_string_prepend (text, "WEBVTT - Ferrowild\nKind: captions\n\n");
  else
    {
      g_string_prepend (text, "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" "
                              "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"><head><metadata>"
                              "<ttm:title> Ferrowild\n</ttm:title></metadata></head><body><div>\n");
      g_string_append (text, "</div></body></tt>\n");
    }
  t = hark_sidecar_read_data (text->str, text->len, "made-up", format, NULL, NULL, &error);
  g_assert_no_error (error);
  return t;
}

/* A sidecar's own metadata names the show as the feed does: the store's read, sending the
 * listener to the site of that name, is the show's own; the roaster's stays a sponsor's. A
 * chapter greeting the listener names it too. */
static void
test_sidecar_names_the_show (void)
{
  static const HarkSidecarFormat formats[] = { HARK_SIDECAR_FORMAT_PODCASTING2,
                                               HARK_SIDECAR_FORMAT_WEBVTT,
                                               HARK_SIDECAR_FORMAT_TTML };
  /* A header with no title gives none. */
  {
    g_autoptr (HarkTranscript) t = NULL;
    g_autoptr (GError) error = NULL;
    static const char vtt[] = "WEBVTT\nKind: captions\n\n00:00:00.000 --> 00:00:05.000\nHi.\n";

    t = hark_sidecar_read_data (vtt, sizeof vtt - 1, "made-up", HARK_SIDECAR_FORMAT_WEBVTT, NULL,
                                NULL, &error);
    g_assert_no_error (error);
    g_assert_null (hark_transcript_get_title (t));
  }

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr (HarkTranscript) t = sidecar_naming_the_show (formats[f]);
      g_autoptr (GArray) found = hark_sponsor_detect (t);
      const HarkDetection *store = read_in (found, 60, 78), *roaster = read_in (found, 130, 148);

      /* The show's name before a title that may be the episode's. */
      g_assert_cmpstr (hark_transcript_get_title (t), ==, "Ferrowild");
      /* These captions name no voices: the reads and the talk between them run together. */
      if (formats[f] == HARK_SIDECAR_FORMAT_TTML)
        continue;
      g_assert_nonnull (store);
      g_assert_nonnull (roaster);
      g_assert_cmpint (store->category, ==, HARK_CATEGORY_SELFPROMO);
      g_assert_cmpint (roaster->category, ==, HARK_CATEGORY_SPONSOR);
    }

  /* No title, but a chapter saying whose show it is. */
  {
    g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
    g_autoptr (HarkTranscript) t = NULL;
    g_autoptr (GArray) found = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (episode); i++)
      hark_transcript_builder_add_cue (b, episode[i].start, episode[i].end, episode[i].text,
                                       hark_transcript_builder_add_speaker (b, episode[i].speaker,
                                                                            episode[i].speaker));
    hark_transcript_builder_add_chapter (b, 0, 52, "Welcome to Ferrowild", NULL, TRUE);
    hark_transcript_builder_add_chapter (b, 52, 190, "Rivers and willows", NULL, TRUE);
    t = hark_transcript_builder_finish (g_steal_pointer (&b));
    g_assert_null (hark_transcript_get_title (t));
    found = hark_sponsor_detect (t);
    g_assert_cmpint (read_in (found, 60, 78)->category, ==, HARK_CATEGORY_SELFPROMO);
    g_assert_cmpint (read_in (found, 130, 148)->category, ==, HARK_CATEGORY_SPONSOR);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/show-context/scan", test_scan);
  g_test_add_func ("/show-context/feed-link-flips-category", test_feed_link_flips_category);
  g_test_add_func ("/show-context/episode-says-who-it-is", test_episode_says_who_it_is);
  g_test_add_func ("/show-context/own-thing-on-another-site", test_own_thing_on_another_site);
  g_test_add_func ("/show-context/sidecar-names-the-show", test_sidecar_names_the_show);
  return g_test_run ();
}
