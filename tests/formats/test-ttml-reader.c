/* test-ttml-reader.c — TTML / DFXP captions and Apple-style word-timed TTML
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written documents: every time expression TTML allows, times inherited from and
 * relative to a <div>, dur instead of end, <br/>, speakers from agents and roles, word-timed
 * spans, damaged paragraphs that cost only themselves, and documents that are refused.
 */
#include <string.h>

#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

#define TT_OPEN                                                                                    \
  "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" "     \
  "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\" "

static const char *
speaker_of (const SidecarRead *r, guint cue)
{
  int s = r->cues[cue].speaker;

  return s < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) s)->name;
}

static void
assert_time (double got, double want)
{
  g_assert_cmpfloat_with_epsilon (got, want, 1e-6);
}

static void
test_clock_times_and_agents (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* Named .xml: the content decides. */
  sidecar_read (&r,
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" TT_OPEN "xml:lang=\"en\">\n"
                "<head><metadata>\n"
                "  <ttm:agent xml:id=\"a1\" type=\"person\"><ttm:name type=\"full\">Ann Lee"
                "</ttm:name></ttm:agent>\n"
                "  <ttm:agent xml:id=\"a2\"><ttm:name>Bo Park</ttm:name></ttm:agent>\n"
                "</metadata></head>\n"
                "<body><div>\n"
                "<p begin=\"00:00:01.000\" end=\"00:00:04.500\" ttm:agent=\"a1\">Hello &amp; "
                "welcome<br/>to the garden hour.</p>\n"
                "<p begin=\"00:00:04.500\" end=\"00:00:09\" ttm:agent=\"a2\">Thanks,\n"
                "    glad to be here.</p>\n"
                "<p begin=\"01:02:03.250\" end=\"01:02:05.000\" ttm:agent=\"a1\">Tomatoes.</p>\n"
                "</div></body></tt>\n",
                "episode.xml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello & welcome to the garden hour.");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks, glad to be here.");
  assert_time (r.cues[0].start, 1.0);
  assert_time (r.cues[0].end, 4.5);
  assert_time (r.cues[2].start, 3723.25);
  assert_time (r.cues[2].end, 3725.0);
  g_assert_cmpstr (speaker_of (&r, 0), ==, "Ann Lee");
  g_assert_cmpstr (speaker_of (&r, 1), ==, "Bo Park");
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[0].speaker);
  g_assert_cmpuint (r.cues[0].n_words, ==, 0);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_time_expressions (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                TT_OPEN "ttp:frameRate=\"25\" ttp:tickRate=\"10000000\"><body>\n"
                "<p begin=\"00:00:02:12\" end=\"00:00:03:00\">frames</p>\n"
                "<p begin=\"12.5s\" dur=\"1500ms\">offset seconds and a duration</p>\n"
                "<p begin=\"2m\" end=\"0.05h\">minutes and hours</p>\n"
                "<p begin=\"200000000t\" end=\"210000000t\">ticks</p>\n"
                "<p begin=\"400f\" end=\"425f\">frame offsets</p>\n"
                "</body></tt>\n",
                "captions.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 5);
  assert_time (r.cues[0].start, 2.48);
  assert_time (r.cues[0].end, 3.0);
  assert_time (r.cues[1].start, 12.5);
  assert_time (r.cues[1].end, 14.0);
  assert_time (r.cues[2].start, 16.0);
  assert_time (r.cues[2].end, 17.0);
  assert_time (r.cues[3].start, 20.0);
  assert_time (r.cues[3].end, 21.0);
  assert_time (r.cues[4].start, 120.0);
  assert_time (r.cues[4].end, 180.0);
  g_assert_cmpstr (r.cues[4].text, ==, "minutes and hours");
  g_assert_cmpint (r.cues[0].speaker, ==, -1);
}

static void
test_inherited_times (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* DFXP's older namespace; begin relative to the enclosing div, spans without times. */
  sidecar_read (&r,
                "<tt xmlns=\"http://www.w3.org/2006/10/ttaf1\">\n"
                "<body begin=\"10s\">\n"
                "<div begin=\"00:01:00.000\">\n"
                "<p begin=\"1s\" end=\"3s\"><span>styled</span> words</p>\n"
                "<p begin=\"5s\">no end: until the next one</p>\n"
                "<p begin=\"7s\" end=\"8s\" role=\"dialog\">a content role is no speaker</p>\n"
                "</div>\n"
                "<div begin=\"100s\" end=\"105s\" role=\"Cy Dunn\"><p>the div's own time</p></div>\n"
                "</body></tt>\n",
                "show.dfxp", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 4);
  assert_time (r.cues[0].start, 71.0);
  assert_time (r.cues[0].end, 73.0);
  g_assert_cmpstr (r.cues[0].text, ==, "styled words");
  g_assert_cmpuint (r.cues[0].n_words, ==, 0);
  assert_time (r.cues[1].start, 75.0);
  assert_time (r.cues[1].end, 77.0);
  g_assert_cmpint (r.cues[2].speaker, ==, -1);
  assert_time (r.cues[3].start, 110.0);
  assert_time (r.cues[3].end, 115.0);
  g_assert_cmpstr (speaker_of (&r, 3), ==, "Cy Dunn");
}

static void
test_seq_containers (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* In a seq, each child counts from the end of the one before it; a child that never says
   * when it ends leaves the next one without a time. */
  sidecar_read (&r,
                "<tt xmlns=\"http://www.w3.org/ns/ttml\">\n"
                "<body>\n"
                "<div begin=\"10s\" timeContainer=\"seq\">\n"
                "<p dur=\"4s\">first</p>\n"
                "<p begin=\"1s\" dur=\"3s\">after a second of silence</p>\n"
                "<p dur=\"2.5s\">straight after</p>\n"
                "<p>no end</p>\n"
                "<p dur=\"1s\">lost: nothing says when it starts</p>\n"
                "</div>\n"
                "<div begin=\"30s\"><p begin=\"1s\" end=\"3s\">par again</p></div>\n"
                "</body></tt>\n",
                "show.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 5);
  assert_time (r.cues[0].start, 10.0);
  assert_time (r.cues[0].end, 14.0);
  assert_time (r.cues[1].start, 15.0);
  assert_time (r.cues[1].end, 18.0);
  assert_time (r.cues[2].start, 18.0);
  assert_time (r.cues[2].end, 20.5);
  g_assert_cmpstr (r.cues[3].text, ==, "no end");
  assert_time (r.cues[3].start, 20.5);
  g_assert_cmpstr (r.cues[4].text, ==, "par again");
  assert_time (r.cues[4].start, 31.0);
  g_assert_cmpuint (r.warnings->len, ==, 1);
}

static void
test_apple_word_spans (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words;
  guint n_words;

  sidecar_read (&r,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<tt xmlns=\"http://www.w3.org/ns/ttml\" "
                "xmlns:podcasts=\"http://podcasts.apple.com/transcript-ttml-internal\" "
                "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\">"
                "<body dur=\"60\"><div begin=\"0.5\" end=\"30\">\n"
                "<p begin=\"0.5\" end=\"3.1\" ttm:agent=\"SPEAKER_1\">"
                "<span podcasts:unit=\"sentence\" begin=\"0.5\" end=\"3.1\">"
                "<span podcasts:unit=\"word\" begin=\"0.5\" end=\"0.9\">Good</span> "
                "<span podcasts:unit=\"word\" begin=\"0.9\" end=\"1.4\">morning,</span> "
                "<span podcasts:unit=\"word\" begin=\"1.5\" end=\"3.1\">gardeners.</span>"
                "</span></p>\n"
                "<p begin=\"3.2\" end=\"4.0\" ttm:agent=\"SPEAKER_2\">"
                "<span podcasts:unit=\"word\" begin=\"3.2\" end=\"4.0\">Hi!</span></p>\n"
                "</div></body></tt>\n",
                "transcript.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Good morning, gardeners.");
  /* Apple's times count from the start, not from the div's begin. */
  assert_time (r.cues[0].start, 0.5);
  assert_time (r.cues[0].end, 3.1);
  g_assert_cmpuint (r.cues[0].n_words, ==, 3);
  words = hark_transcript_get_words (r.t, &n_words);
  g_assert_cmpuint (n_words, ==, 4);
  g_assert_cmpstr (words[r.cues[0].first_word + 1].text, ==, "morning,");
  assert_time (words[r.cues[0].first_word + 1].start, 0.9);
  assert_time (words[r.cues[0].first_word + 1].end, 1.4);
  assert_time (words[r.cues[0].first_word + 2].start, 1.5);
  g_assert_cmpstr (speaker_of (&r, 0), ==, "SPEAKER_1");
  g_assert_cmpstr (speaker_of (&r, 1), ==, "SPEAKER_2");
}

static void
test_spans_give_the_time (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words;
  guint n_words;

  /* No time on the <p>: its timed spans give it; a span with a begin only lasts until the
   * next. A <p> with some words outside timed spans keeps no word times. */
  sidecar_read (&r,
                TT_OPEN "><body><div>\n"
                "<p><span begin=\"5s\">one</span> <span begin=\"6s\" end=\"7s\">two</span></p>\n"
                "<p begin=\"8s\" end=\"10s\"><span begin=\"8s\" end=\"9s\">timed</span> "
                "untimed</p>\n"
                "<p begin=\"20s\" end=\"22s\"><span begin=\"20.5s\" end=\"21s\">absolute</span> "
                "<span begin=\"0.5s\" end=\"1s\">relative</span></p>\n"
                "</div></body></tt>\n",
                "t.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 3);
  assert_time (r.cues[0].start, 5.0);
  assert_time (r.cues[0].end, 7.0);
  g_assert_cmpuint (r.cues[0].n_words, ==, 2);
  words = hark_transcript_get_words (r.t, &n_words);
  assert_time (words[r.cues[0].first_word].end, 6.0);
  g_assert_cmpuint (r.cues[1].n_words, ==, 0);
  g_assert_cmpstr (r.cues[1].text, ==, "timed untimed");
  /* A span time that only fits its <p> as it stands counts from the start; one that fits
   * counted from the <p>'s begin counts from there, as TTML says. */
  g_assert_cmpuint (r.cues[2].n_words, ==, 2);
  assert_time (words[r.cues[2].first_word].start, 20.5);
  assert_time (words[r.cues[2].first_word + 1].start, 20.5);
  assert_time (words[r.cues[2].first_word + 1].end, 21.0);
}

static void
test_damaged_paragraphs (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                TT_OPEN "><body><div>\n"
                "<p begin=\"1s\" end=\"2s\">kept one</p>\n"
                "<p begin=\"soon\" end=\"2s\">bad begin</p>\n"
                "<p begin=\"nan\" end=\"inf\">not numbers</p>\n"
                "<p begin=\"999999999h\" end=\"999999999.5h\">too far</p>\n"
                "<p begin=\"5s\" end=\"4s\">ends before it begins</p>\n"
                "<p>no time at all</p>\n"
                "<p begin=\"00:99:00.000\" end=\"3s\">minutes out of range</p>\n"
                "<p begin=\"3s\" end=\"4s\">kept <span begin=\"x\">two</span></p>\n"
                "<p begin=\"6s\" end=\"7s\">kept three</p>\n"
                "</div></body></tt>\n",
                "t.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "kept one");
  g_assert_cmpstr (r.cues[1].text, ==, "kept three");
  for (guint line = 3; line <= 9; line++)
    {
      g_autofree char *prefix = g_strdup_printf ("t.ttml:%u:", line);
      g_assert_true (sidecar_has_warning (&r, prefix));
    }
}

static void
test_broken_markup_recovers (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* A mismatched tag and a document cut short: what was read is kept. */
  sidecar_read (&r,
                TT_OPEN "><body><div>\n"
                "<p begin=\"1s\" end=\"2s\">first <b>bold</i></p>\n"
                "<p begin=\"3s\" end=\"4s\">second</p>\n"
                "<p begin=\"5s\" end=\"6s\">cut",
                "t.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, >=, 1);
  g_assert_cmpstr (r.cues[0].text, ==, "first bold");
  g_assert_true (r.warnings->len > 0);
}

static void
test_refused (void)
{
  g_autoptr (GError) doctype = NULL;
  g_autoptr (GError) entity = NULL;
  g_autoptr (GError) empty = NULL;
  g_autoptr (GError) root = NULL;

  doctype = sidecar_read_error ("<!DOCTYPE tt [<!ENTITY a \"aaaaaaaa\">]>\n" TT_OPEN
                                "><body><p begin=\"1s\" end=\"2s\">&a;&a;</p></body></tt>",
                                "t.ttml", HARK_SIDECAR_FORMAT_TTML);
  g_assert_nonnull (strstr (doctype->message, "DOCTYPE"));
  entity = sidecar_read_error (TT_OPEN "><body><p begin=\"1s\" end=\"2s\">&undeclared;</p>"
                               "<p>x</p></body></tt>",
                               "t.ttml", HARK_SIDECAR_FORMAT_AUTO);
  /* The entity is not expanded, and the <p> without a time is left out: nothing is left. */
  g_assert_nonnull (strstr (entity->message, "t.ttml"));
  empty = sidecar_read_error (TT_OPEN "><head/><body/></tt>", "t.ttml", HARK_SIDECAR_FORMAT_AUTO);
  g_assert_nonnull (strstr (empty->message, "<p>"));
  root = sidecar_read_error ("<html><body><p>x</p></body></html>", "t.ttml",
                             HARK_SIDECAR_FORMAT_TTML);
  g_assert_nonnull (strstr (root->message, "<tt>"));
}

static void
test_sniffing (void)
{
  const char *ttml = TT_OPEN "><body><p begin=\"1s\" end=\"2s\">x</p></body></tt>";
  const char *prefixed = "<?xml version=\"1.0\"?>\n<!-- made by a tool -->\n"
                         "<tt:tt xmlns:tt=\"http://www.w3.org/ns/ttml\"><tt:body>"
                         "<tt:p begin=\"1s\" end=\"2s\">x</tt:p></tt:body></tt:tt>";
  const char *not_ttml = "<tt xmlns=\"http://example.com/other\"><p>x</p></tt>";
  const char *feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>";
  g_auto (SidecarRead) r = { 0 };

  g_assert_cmpint (hark_sidecar_sniff (ttml, strlen (ttml), NULL), ==, HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpint (hark_sidecar_sniff (prefixed, strlen (prefixed), "a.txt"), ==,
                   HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpint (hark_sidecar_sniff (not_ttml, strlen (not_ttml), "a.ttml"), !=,
                   HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpint (hark_sidecar_sniff (feed, strlen (feed), "feed.xml"), !=,
                   HARK_SIDECAR_FORMAT_TTML);
  g_assert_true (hark_sidecar_is_candidate ("/x/episode.ttml"));
  g_assert_true (hark_sidecar_is_candidate ("/x/episode.dfxp"));
  g_assert_true (hark_sidecar_is_candidate ("/x/episode.xml"));
  sidecar_read (&r, prefixed, "a.txt", HARK_SIDECAR_FORMAT_TTML);
  g_assert_cmpuint (r.n_cues, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ttml/clock-times-and-agents", test_clock_times_and_agents);
  g_test_add_func ("/ttml/time-expressions", test_time_expressions);
  g_test_add_func ("/ttml/inherited-times", test_inherited_times);
  g_test_add_func ("/ttml/seq-containers", test_seq_containers);
  g_test_add_func ("/ttml/apple-word-spans", test_apple_word_spans);
  g_test_add_func ("/ttml/spans-give-the-time", test_spans_give_the_time);
  g_test_add_func ("/ttml/damaged-paragraphs", test_damaged_paragraphs);
  g_test_add_func ("/ttml/broken-markup-recovers", test_broken_markup_recovers);
  g_test_add_func ("/ttml/refused", test_refused);
  g_test_add_func ("/ttml/sniffing", test_sniffing);
  return g_test_run ();
}
