/* test-html-reader.c — HTML transcripts (Podcasting 2.0 text/html and hosts' pages)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written pages in the shapes shows publish: the spec's <cite>/<time>/<p> turns, a
 * whole page whose head, scripts, styles and navigation are not speech, a table of rows, lines
 * broken by <br>, text in <pre>, untimed labelled paragraphs, and pages with no transcript.
 */
#include <string.h>

#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static const char *
speaker_of (const SidecarRead *r, guint cue)
{
  int s = r->cues[cue].speaker;

  return s < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) s)->name;
}

static void
test_podcasting2_shape (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* No extension and no doctype: the content decides. */
  sidecar_read (&r,
                "<cite>Ann Lee:</cite>\n<time>0:00</time>\n"
                "<p>Hello &amp; welcome to the garden hour. Today&rsquo;s guest&#33;</p>\n"
                "<cite>Bo Park:</cite>\n<time>0:09</time>\n"
                "<p>Thanks for having me,\n   it is good to be here.</p>\n"
                "<cite>Ann Lee:</cite>\n<time>1:02:03</time>\n<p>Tomatoes.</p>\n",
                "transcript", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello & welcome to the garden hour. Today’s guest!");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me, it is good to be here.");
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 3723.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 3723.0, 1e-9);
  g_assert_cmpstr (speaker_of (&r, 0), ==, "Ann Lee");
  g_assert_cmpstr (speaker_of (&r, 1), ==, "Bo Park");
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[0].speaker);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
}

static void
test_whole_page (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "<!DOCTYPE html>\n"
                "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ep 12</title>\n"
                "<style>p > b { color: red; }</style>\n"
                "<script>var s = \"<p>00:00:05 Not: speech</p>\"; if (s < 3) {}</script>\n"
                "</head>\n"
                "<body><nav><a href=\"/\">Home</a> <a href=\"/feed\">00:00:07 Feed</a></nav>\n"
                "<h1>The Garden Hour: Episode 12</h1>\n"
                "<p>In this episode Ann talks to Bo.</p>\n"
                "<h2>Transcript</h2>\n"
                "<!-- <p><strong>Nobody</strong> 00:00:00</p> -->\n"
                "<p><strong>Ann Lee</strong> 00:00:01</p>\n"
                "<p>Hello and <em>welcome</em> to the <a href=\"https://x.example\">show</a>.</p>\n"
                "<p><strong>Bo Park</strong> 00:00:09</p>\n"
                "<p>Thanks for having me.</p>\n"
                "<p><strong>Ann Lee</strong> 00:01:02</p>\n"
                "<p>Let us talk about tomatoes.</p>\n"
                "<footer>&copy; 2026 The Garden Hour</footer>\n"
                "<SCRIPT type=\"text/javascript\">track('<p>x</p>');</SCRIPT>\n"
                "</body></html>\n",
                "episode.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome to the show.");
  g_assert_cmpstr (r.cues[2].text, ==, "Let us talk about tomatoes.");
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 1.0, 1e-9);
  g_assert_cmpstr (speaker_of (&r, 1), ==, "Bo Park");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  /* The summary before the first time is left out, and the warning names the page's line. */
  g_assert_true (sidecar_has_warning (&r, "episode.html:8:1: Expected a time"));
}

static void
test_table (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "<table class=\"transcript\">\n"
                "<thead><tr><th>Speaker</th><th>Time</th><th>Text</th></tr></thead>\n"
                "<tbody>\n"
                "<tr><td>Ann Lee</td><td>[00:00:01]</td><td>Hello &lt;all&gt;.</td></tr>\n"
                "<tr><td>Bo Park:</td><td>00:00:09</td><td>Thanks for <b>having</b> me.</td></tr>\n"
                "<tr><td></td><td>00:00:15</td><td>It is good to be here.</td></tr>\n"
                "<tr><td>Ann Lee</td><td>00:01:02</td><td>Tomatoes.</td></tr>\n"
                "</tbody></table>\n",
                "t.htm", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello <all>.");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me.");
  g_assert_cmpstr (speaker_of (&r, 1), ==, "Bo Park");
  /* A row without a name is no one's in particular (the readers do not guess). */
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 15.0, 1e-9);
  g_assert_cmpstr (r.cues[2].text, ==, "It is good to be here.");
  g_assert_cmpstr (speaker_of (&r, 3), ==, "Ann Lee");
}

static void
test_wrapped_text (void)
{
  g_auto (SidecarRead) br = { 0 };
  g_auto (SidecarRead) pre = { 0 };

  sidecar_read (&br,
                "<div class=\"transcript\"><p>00:00:01 Ann Lee: Hello.<br>\n"
                "00:00:09 Bo Park: Thanks &mdash; for having me.<br/>\n"
                "00:01:02 Ann Lee: Tomatoes.</p></div>\n",
                "episode.txt", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (br.n_cues, ==, 3);
  g_assert_cmpstr (br.cues[1].text, ==, "Thanks — for having me.");
  g_assert_cmpstr (speaker_of (&br, 1), ==, "Bo Park");

  /* Text in <pre> keeps its lines: here an Otter export. */
  sidecar_read (&pre,
                "<html><body><pre>\nAnn Lee  0:01\nHello and welcome.\n\nBo Park  0:09\n"
                "Thanks for having me.\n</pre></body></html>\n",
                "page", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (pre.n_cues, ==, 2);
  g_assert_cmpstr (pre.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (speaker_of (&pre, 1), ==, "Bo Park");
}

/* Hosts' markup around "time, name" headings: spans in a paragraph, a definition list. */
static void
test_name_and_time_markup (void)
{
  g_auto (SidecarRead) spans = { 0 };
  g_auto (SidecarRead) dl = { 0 };

  sidecar_read (&spans,
                "<p><span class=\"ts\">00:00:01</span> <span class=\"who\">Ann Lee</span></p>"
                "<p>Hello and welcome.</p>\n<p><span class=\"ts\">00:00:09</span> "
                "<span class=\"who\">Bo Park</span></p><p>Thanks.</p>\n"
                "<p><span class=\"ts\">00:01:02</span> <span class=\"who\">Ann Lee</span></p>"
                "<p>Tomatoes.</p>\n",
                "t.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (spans.n_cues, ==, 3);
  g_assert_cmpstr (spans.cues[1].text, ==, "Thanks.");
  g_assert_cmpstr (speaker_of (&spans, 1), ==, "Bo Park");
  g_assert_cmpint (spans.cues[2].speaker, ==, spans.cues[0].speaker);

  sidecar_read (&dl,
                "<dl>\n<dt>Ann Lee <time>00:00:01</time></dt><dd>Hello and welcome.</dd>\n"
                "<dt>Bo Park: <time>00:00:09</time></dt><dd>Thanks.</dd>\n"
                "<dt>Ann Lee <time>00:01:02</time></dt><dd>Tomatoes.</dd>\n</dl>\n",
                "t.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (dl.n_cues, ==, 3);
  g_assert_cmpstr (dl.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (speaker_of (&dl, 1), ==, "Bo Park");
  g_assert_cmpfloat_with_epsilon (dl.cues[2].start, 62.0, 1e-9);
}

/* The name alone in the term, its time with the words; the name and a bare time in a heading. */
static void
test_names_apart_from_times (void)
{
  g_auto (SidecarRead) dl = { 0 };
  g_auto (SidecarRead) h3 = { 0 };

  sidecar_read (&dl,
                "<dl>\n<dt>Ann Lee</dt><dd><time>00:00:01</time> Hello and welcome.</dd>\n"
                "<dt>Bo Park</dt><dd><time>00:00:09</time> Thanks.</dd>\n"
                "<dt>Ann Lee</dt><dd><time>00:01:02</time> Tomatoes.</dd>\n</dl>\n",
                "t.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (dl.n_cues, ==, 3);
  g_assert_cmpstr (dl.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (speaker_of (&dl, 1), ==, "Bo Park");
  g_assert_cmpstr (dl.cues[1].text, ==, "Thanks.");
  g_assert_cmpfloat_with_epsilon (dl.cues[2].start, 62.0, 1e-9);

  sidecar_read (&h3,
                "<h3>Ann Lee <span>00:00:01</span></h3><p>Hello and welcome.</p>\n"
                "<h3>Bo Park <span>00:00:09</span></h3><p>Thanks.</p>\n"
                "<h3>Ann Lee <span>00:01:02</span></h3><p>Tomatoes.</p>\n"
                "<h3>Bo Park <span>00:01:10</span></h3><p>Onions.</p>\n",
                "t.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (h3.n_cues, ==, 4);
  g_assert_cmpstr (speaker_of (&h3, 0), ==, "Ann Lee");
  g_assert_cmpstr (h3.cues[1].text, ==, "Thanks.");
  g_assert_cmpstr (speaker_of (&h3, 1), ==, "Bo Park");
  g_assert_cmpfloat_with_epsilon (h3.cues[2].start, 62.0, 1e-9);
}

/* A heading carrying a time is a chapter over the paragraphs below it. */
static void
test_timed_headings (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n;

  sidecar_read (&r,
                "<h1>Episode 3</h1>\n"
                "<h2>Cold open [00:00:00]</h2>\n<p><b>Ann:</b> Morning.</p>\n"
                "<p><b>Bo:</b> Morning to you.</p>\n"
                "<h2>Seeds (00:02:00)</h2>\n<p><b>Ann:</b> Let us talk about seeds.</p>\n",
                "episode.html", HARK_SIDECAR_FORMAT_HTML);
  chapters = hark_transcript_get_chapters (r.t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (chapters[1].title, ==, "Seeds");
  g_assert_cmpfloat_with_epsilon (chapters[1].start, 120.0, 1e-9);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 120.0, 1e-9);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

/* Speaker paragraphs without times are a speaker-labelled text. */
static void
test_untimed_labels (void)
{
  g_auto (SidecarRead) r = { 0 };
  guint n_turns;

  sidecar_read (&r,
                "<div><p><b>Ann Lee:</b> Hello and welcome.</p>\n"
                "<p><b>Bo Park:</b> Thanks for having me.</p>\n"
                "<p><b>Ann Lee:</b> Tomatoes.</p></div>\n",
                "episode.html", HARK_SIDECAR_FORMAT_HTML);
  hark_transcript_get_turns (r.t, &n_turns);
  g_assert_cmpuint (n_turns, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

static void
test_not_a_transcript (void)
{
  g_autoptr (GError) page = sidecar_read_error (
      "<!doctype html>\n<html><body>\n<p>Nothing here.</p>\n</body></html>\n", "page.html",
      HARK_SIDECAR_FORMAT_AUTO);
  g_autoptr (GError) script_only = sidecar_read_error (
      "<html><script>\n00:00:01 Ann: hidden\n00:00:02 Bo: hidden\n</script></html>\n", "x.html",
      HARK_SIDECAR_FORMAT_AUTO);
  g_autoptr (GError) unclosed = sidecar_read_error ("<p>00:00:01 <cite attr=\"never closed",
                                                    "u.html", HARK_SIDECAR_FORMAT_HTML);

  g_assert_error (page, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (page->message, "page.html:1:1: Expected a transcript in this "
                                                  "HTML"));
  g_assert_error (script_only, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (unclosed);
}

/* A damaged region costs only itself: a <time> that is no time stays words, an unclosed tag
 * is text. */
static void
test_damaged (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "<cite>Ann:</cite><time>0:00</time><p>Hello.</p>\n"
                "<cite>Bo:</cite><time>soon</time><p>Not timed.</p>\n"
                "<cite>Ann:</cite><time>0:20</time><p>Again.</p>\n"
                "<cite>Bo:</cite><time>0:30</time><p>Last &bogus; 3 < 4.</p>\n",
                "d.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_nonnull (strstr (r.cues[0].text, "Not timed."));
  g_assert_cmpstr (r.cues[2].text, ==, "Last &bogus; 3 < 4.");
}

/* Markdown that holds a tag is still Markdown; an HTML page is HTML whatever its name. */
static void
test_sniffing (void)
{
  const char *md = "**Ann:** [00:00:00] Hello <br> there.\n\n**Bo:** [00:01:00] Hi.\n";
  const char *page = "<html><p><cite>Ann</cite><time>0:00</time>Hi</p></html>";

  g_assert_cmpint (hark_sidecar_sniff (md, strlen (md), "x.md"), ==, HARK_SIDECAR_FORMAT_MARKDOWN);
  {
    const char *commented = "<!-- generated -->\n**Ann:** [00:00:00] Hello.<br>\n\n"
                            "**Bo:** [00:01:00] Hi.\n";
    const char *page_commented = "<!-- generated -->\n<p><cite>Ann</cite> <time>0:00</time> "
                                 "Hi</p>";

    g_assert_cmpint (hark_sidecar_sniff (commented, strlen (commented), "x.md"), ==,
                     HARK_SIDECAR_FORMAT_MARKDOWN);
    g_assert_cmpint (hark_sidecar_sniff (page_commented, strlen (page_commented), NULL), ==,
                     HARK_SIDECAR_FORMAT_HTML);
  }
  g_assert_cmpint (hark_sidecar_sniff (page, strlen (page), "x.json"), ==,
                   HARK_SIDECAR_FORMAT_HTML);
  g_assert_true (hark_sidecar_is_candidate ("episode.transcript.html"));
  g_assert_true (hark_sidecar_is_candidate ("episode.HTM"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/podcasting2-shape", test_podcasting2_shape);
  g_test_add_func ("/html/whole-page", test_whole_page);
  g_test_add_func ("/html/table", test_table);
  g_test_add_func ("/html/wrapped-text", test_wrapped_text);
  g_test_add_func ("/html/timed-headings", test_timed_headings);
  g_test_add_func ("/html/name-and-time-markup", test_name_and_time_markup);
  g_test_add_func ("/html/names-apart-from-times", test_names_apart_from_times);
  g_test_add_func ("/html/untimed-labels", test_untimed_labels);
  g_test_add_func ("/html/not-a-transcript", test_not_a_transcript);
  g_test_add_func ("/html/damaged", test_damaged);
  g_test_add_func ("/html/sniffing", test_sniffing);
  return g_test_run ();
}
