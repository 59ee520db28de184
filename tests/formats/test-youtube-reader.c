/* test-youtube-reader.c — YouTube's timed text as downloaders save it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written files in each shape (json3, srv1, srv3, a downloader's list with
 * durations): times, word times, speakers written in the text, doubly escaped text, a caption
 * whose time cannot be read, a DOCTYPE, and XML that is not timed text.
 */
#include <string.h>

#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static void
test_json3 (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words;

  sidecar_read (&r,
                "{\"wireMagic\": \"pb3\", \"events\": ["
                "{\"tStartMs\": 0, \"dDurationMs\": 9000, \"id\": 1, \"wpWinPosId\": 1},"
                "{\"tStartMs\": 500, \"dDurationMs\": 3500, \"segs\": [{\"utf8\": \"welcome\"},"
                " {\"utf8\": \" back\", \"tOffsetMs\": 600}, {\"utf8\": \" everyone\", \"tOffsetMs\": 1100}]},"
                "{\"tStartMs\": 4000, \"dDurationMs\": 10, \"aAppend\": 1, \"segs\": [{\"utf8\": \"\\n\"}]},"
                "{\"tStartMs\": 4000, \"dDurationMs\": 2000, \"segs\": [{\"utf8\": \"thanks for having me\"}]}"
                "]}",
                "episode.en.json3", HARK_SIDECAR_FORMAT_YOUTUBE_JSON);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "welcome back everyone");
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 4.0, 1e-9);
  g_assert_cmpuint (r.cues[0].n_words, ==, 3);
  words = hark_transcript_get_words (r.t, NULL);
  g_assert_cmpfloat_with_epsilon (words[r.cues[0].first_word + 1].start, 1.1, 1e-9);
  g_assert_cmpstr (words[r.cues[0].first_word + 2].text, ==, "everyone");
  /* An untimed line has no word times. */
  g_assert_cmpuint (r.cues[1].n_words, ==, 0);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_srv1 (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* Named .xml: the root decides. The text is escaped twice, as YouTube writes it. */
  sidecar_read (&r,
                "<?xml version=\"1.0\" encoding=\"utf-8\" ?><transcript>"
                "<text start=\"1.5\" dur=\"2.25\">&gt;&gt; ANN: it&amp;#39;s good</text>"
                "<text start=\"3.75\" dur=\"2\">&gt;&gt; BO: to be back</text>"
                "<text start=\"soon\" dur=\"2\">no time</text>"
                "<text start=\"6\">last words\nover two lines</text>"
                "</transcript>",
                "captions.xml", HARK_SIDECAR_FORMAT_YOUTUBE_XML);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "it's good");
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 3.75, 1e-9);
  g_assert_cmpint (r.cues[0].speaker, >=, 0);
  g_assert_cmpint (r.cues[1].speaker, !=, r.cues[0].speaker);
  g_assert_cmpstr (r.cues[2].text, ==, "last words over two lines");
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  g_assert_true (sidecar_has_warning (&r, "captions.xml:1:"));
}

static void
test_srv3 (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words;

  sidecar_read (&r,
                "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<timedtext format=\"3\">\n<body>\n"
                "<p t=\"500\" d=\"3200\" w=\"1\"><s>Welcome</s><s t=\"400\"> back</s><s t=\"900\"> "
                "friends</s></p>\n"
                "<p t=\"3700\" d=\"2000\">Thanks<br/>for having me.</p>\n"
                "</body>\n</timedtext>\n",
                "captions.srv3", HARK_SIDECAR_FORMAT_YOUTUBE_XML);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Welcome back friends");
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 3.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 5.7, 1e-9);
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me.");
  g_assert_cmpuint (r.cues[0].n_words, ==, 3);
  words = hark_transcript_get_words (r.t, NULL);
  g_assert_cmpfloat_with_epsilon (words[r.cues[0].first_word + 2].start, 1.4, 1e-9);
}

static void
test_downloader_list (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[{\"text\": \"Welcome back.\", \"start\": 0.5, \"duration\": 3.2},"
                " {\"text\": \"Thanks.\", \"start\": 3.7, \"duration\": 2.0}]",
                "episode.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 3.7, 1e-9);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_refused (void)
{
  const char *ttml = "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body/></tt>";
  g_autoptr (GError) error = NULL;
  g_auto (SidecarRead) r = { 0 };

  g_assert_cmpint (hark_sidecar_sniff (ttml, strlen (ttml), "a.xml"), ==, HARK_SIDECAR_FORMAT_TTML);
  /* Entities are never defined or expanded: a DOCTYPE before the root is refused, and one
   * inside the document costs what follows it. */
  g_clear_error (&error);
  error = sidecar_read_error ("<!DOCTYPE transcript [<!ENTITY e \"boom\">]><transcript>"
                              "<text start=\"1\" dur=\"1\">&e;</text></transcript>",
                              "a.xml", HARK_SIDECAR_FORMAT_YOUTUBE_XML);
  g_assert_nonnull (strstr (error->message, "<timedtext>"));
  sidecar_read (&r,
                "<transcript><text start=\"1\" dur=\"1\">kept</text>"
                "<!DOCTYPE x [<!ENTITY e \"boom\">]><text start=\"2\" dur=\"1\">&e;</text>"
                "</transcript>",
                "a.xml", HARK_SIDECAR_FORMAT_YOUTUBE_XML);
  g_assert_cmpuint (r.n_cues, ==, 1);
  g_assert_cmpstr (r.cues[0].text, ==, "kept");
  g_clear_error (&error);
  error = sidecar_read_error ("<transcript><text>no times</text></transcript>", "a.xml",
                              HARK_SIDECAR_FORMAT_YOUTUBE_XML);
  g_assert_nonnull (strstr (error->message, "t=\"1500\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/youtube/json3", test_json3);
  g_test_add_func ("/youtube/srv1", test_srv1);
  g_test_add_func ("/youtube/srv3", test_srv3);
  g_test_add_func ("/youtube/downloader-list", test_downloader_list);
  g_test_add_func ("/youtube/refused", test_refused);
  return g_test_run ();
}
