/* test-notes-below.c — show notes under a transcript, and words that only look like labels
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages that publish a transcript often put links, credits, a chapter list and the name of the
 * tool that made it below the last turn. None of it is speech: the last cue keeps its own words
 * and its own end, and a chapter list becomes chapters. Also the small marks around turns that
 * such pages use: breaks over a span of time, time marks escaped twice, a label on a line of its
 * own, a reference's address after a label. Every file here is made up.
 */
#include <string.h>

#include "hark-test-util.h"
#include "sidecar-test-util.h"

static const char *
speaker_name (const SidecarRead *r, int speaker)
{
  return speaker < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) speaker)->name;
}

/* One line per cue, then links, a chapter list and a footer. */
static void
test_timestamped_notes (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n;

  sidecar_read (&r,
                "00:00:01 Ann Lee: Welcome back, today it is all about kettles.\n"
                "00:00:09 Bo Park: Thanks for having me.\n"
                "00:00:15 Ann Lee: What makes a good one?\n"
                "00:00:21 Bo Park: The spout, mostly.\n"
                "00:00:23 Ann Lee: And the lid?\n"
                "00:00:24 Bo Park: Less so.\n"
                "00:00:25 Ann Lee: The handle?\n"
                "00:00:26 Bo Park: Yes, that.\n"
                "00:00:28 Ann Lee: Good.\n"
                "00:00:30 Ann Lee: That is all for today.\n"
                "\n"
                "Links:\n"
                "- https://example.org/kettles\n"
                "\n"
                "Chapters\n"
                "00:00 Intro\n"
                "00:15 Spouts\n"
                "00:30 Goodbye\n"
                "\n"
                "Transcript made with a tool.\n",
                "kettles.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 10);
  g_assert_cmpstr (r.cues[9].text, ==, "That is all for today.");
  g_assert_cmpfloat (r.cues[0].start, ==, 1);
  g_assert_cmpfloat (r.cues[9].start, ==, 30);
  /* Its own words at the pace of the cues before it; the notes below are no words of it. */
  g_assert_cmpfloat (r.cues[9].end, >, 33);
  g_assert_cmpfloat (r.cues[9].end, <, 36);
  chapters = hark_transcript_get_chapters (r.t, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (chapters[1].title, ==, "Spouts");
  g_assert_cmpfloat (chapters[1].start, ==, 15);
}

/* Otter's shape: a heading over one paragraph; a second paragraph under the last is a footer. */
static void
test_timestamped_otter_footer (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Ann Lee  0:01\nWelcome back to the show.\n\n"
                "Bo Park  0:09\nThanks for having me.\nGlad to be here.\n\n"
                "Ann Lee  0:15\nWhat makes a good kettle?\n\n"
                "Bo Park  0:21\nThe spout, mostly.\n\n"
                "Ann Lee  0:23\nAnd the lid?\n\n"
                "Bo Park  0:24\nLess so.\n\n"
                "Ann Lee  0:25\nThe handle?\n\n"
                "Bo Park  0:26\nYes, that.\n\n"
                "Ann Lee  0:30\nThat is all for today.\n\n"
                "Made with a transcription service, https://example.com\n",
                "otter.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 9);
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me. Glad to be here.");
  g_assert_cmpstr (r.cues[8].text, ==, "That is all for today.");
}

/* When the cues hold several paragraphs, the last one may too: nothing is cut. */
static void
test_timestamped_long_cues_kept (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "00:00:01 Ann Lee: Welcome.\n\nFirst point.\n\nSecond point.\n"
                "00:00:09 Bo Park: Thanks.\n\nMore.\n"
                "00:00:15 Ann Lee: Next.\n"
                "00:00:21 Bo Park: Sure.\n"
                "00:00:23 Ann Lee: And?\n"
                "00:00:24 Bo Park: Yes.\n"
                "00:00:25 Ann Lee: Or?\n"
                "00:00:26 Bo Park: No.\n"
                "00:00:30 Ann Lee: Last words.\n\nAnd a second paragraph.\n",
                "long.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 9);
  g_assert_cmpstr (r.cues[8].text, ==, "Last words. And a second paragraph.");
}

/* "00:00:25 Terraform: it plans…" once, among recurring names, is words of the cue. */
static void
test_timestamped_lone_label (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "00:00:01 Ann Lee: Welcome.\n"
                "00:00:09 Bo: Thanks.\n"
                "00:00:15 Ann Lee: So, tools?\n"
                "00:00:21 Bo: A few.\n"
                "00:00:25 Terraform: it plans first.\n"
                "00:00:30 Ann Lee: Nice.\n",
                "tools.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 6);
  g_assert_cmpstr (r.cues[4].text, ==, "Terraform: it plans first.");
  g_assert_cmpstr (speaker_name (&r, r.cues[4].speaker), ==, "Bo");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

/* A single-word name said only once in a short file is still a name: nothing recurs yet. */
static void
test_timestamped_short_file_trusts (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "00:00:01 Ann: Welcome.\n"
                "00:00:09 Bo: Thanks.\n",
                "short.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (speaker_name (&r, r.cues[1].speaker), ==, "Bo");
}

/* Markdown: "## Links" after the last time, a chapter list and a footer; the last cue's end is
 * estimated from its own words only. */
static void
test_markdown_notes (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n;

  sidecar_read (&r,
                "# Kettles\n\n"
                "[00:00:01] **Ann Lee:** Welcome back, today it is all about kettles.\n\n"
                "[00:00:09] **Bo Park:** Thanks for having me.\n\n"
                "[00:00:15] **Ann Lee:** What makes a good one?\n\n"
                "[00:00:21] **Bo Park:** The spout, mostly.\n\n"
                "[00:00:30] **Ann Lee:** Bye.\n\n"
                "## Links\n\n"
                "- [A kettle guide](https://example.org/kettles)\n"
                "- Music by someone\n\n"
                "## Chapters\n\n"
                "- 00:00 Intro\n"
                "- 00:15 Spouts\n\n"
                "*Transcript made with a tool.*\n",
                "kettles.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 5);
  g_assert_cmpstr (r.cues[4].text, ==, "Bye.");
  g_assert_cmpfloat (r.cues[4].end, >, 30);
  g_assert_cmpfloat (r.cues[4].end, <, 31);
  chapters = hark_transcript_get_chapters (r.t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (chapters[1].title, ==, "Spouts");
}

/* Markdown without a heading over the notes: paragraphs with no label past what any turn holds. */
static void
test_markdown_unlabelled_tail (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[00:00:01] **Ann Lee:** Welcome.\n\n"
                "[00:00:09] **Bo Park:** Thanks.\n\nAnd more from me.\n\n"
                "[00:00:15] **Ann Lee:** Next?\n\n"
                "[00:00:21] **Bo Park:** Sure.\n\n"
                "[00:00:23] **Ann Lee:** And?\n\n"
                "[00:00:24] **Bo Park:** Yes.\n\n"
                "[00:00:25] **Ann Lee:** Or?\n\n"
                "[00:00:26] **Bo Park:** No.\n\n"
                "[00:00:30] **Ann Lee:** Last words.\n\nStill me.\n\n"
                "Follow the show on the web.\n\n"
                "Produced by a friend.\n",
                "tail.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 9);
  g_assert_cmpstr (r.cues[8].text, ==, "Last words. Still me.");
}

/* Untimed section headings inside the transcript are sections, not the start of notes. */
static void
test_markdown_untimed_sections_kept (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[00:00:01] **Ann Lee:** Welcome.\n\n"
                "## Part one\n\n"
                "[00:00:09] **Bo Park:** Thanks.\n\n"
                "[00:00:15] **Ann Lee:** Next?\n\n"
                "[00:00:21] **Bo Park:** Sure.\n\n"
                "## Part two\n\n"
                "[00:00:30] **Ann Lee:** Last words.\n\n"
                "## Part three\n\n"
                "**Bo Park:** And mine.\n",
                "parts.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 5);
  g_assert_cmpstr (r.cues[4].text, ==, "Last words. And mine.");
}

/* A one-off "Terraform:" paragraph among bold labels is words of the turn before it. */
static void
test_markdown_lone_label (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&r,
                "**Ann Lee:** [00:00:01] Welcome.\n\n"
                "**Bo Park:** Thanks.\n\n"
                "**Ann Lee:** Tools? [00:00:15]\n\n"
                "**Bo Park:** A few.\n\n"
                "Terraform: it plans first.\n\n"
                "**Ann Lee:** Nice. [00:00:30]\n",
                "tools.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (speaker_name (&r, turns[3].speaker), ==, "Bo Park");
  g_assert_cmpstr (turns[3].text, ==, "A few. Terraform: it plans first.");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

/* "**Break:** [01:10] to [02:40]": a span nobody speaks in; the words after it start at its end.
 * "**Break:**" alone over nothing is no speaker either. Marks escaped over again are times. */
static void
test_markdown_breaks_and_escapes (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkCue *last;

  sidecar_read (&r,
                "**Ann Lee:** \\[00:00:05.00\\\\\\] Welcome back.\n\n"
                "**Bo Park:** Thanks.\n\n"
                "**Break:** \\[01:10\\] to \\[02:40\\]\n\n"
                "**Ann Lee:** And we are back.\n\n"
                "**Break:**\n\n"
                "**Bo Park:** \\[\\\\00:03:30.50\\] Good.\n",
                "breaks.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[0].start, ==, 5);
  g_assert_cmpstr (r.cues[1].text, ==, "And we are back.");
  g_assert_cmpfloat (r.cues[1].start, ==, 160);
  last = &r.cues[2];
  g_assert_cmpfloat (last->start, ==, 210.5);
  g_assert_cmpstr (speaker_name (&r, last->speaker), ==, "Bo Park");
}

/* "Slides: https://…" above the talk names no speaker. */
static void
test_address_is_no_speaker (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Slides: https://example.org/slides\n"
                "Paper: <https://example.org/paper.pdf>\n"
                "Ann Lee: Welcome to the talk.\n"
                "Bo Park: Glad to be here.\n"
                "Ann Lee: Let us start.\n",
                "talk.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/notes-below/timestamped", test_timestamped_notes);
  g_test_add_func ("/notes-below/timestamped-otter-footer", test_timestamped_otter_footer);
  g_test_add_func ("/notes-below/timestamped-long-cues-kept", test_timestamped_long_cues_kept);
  g_test_add_func ("/notes-below/timestamped-lone-label", test_timestamped_lone_label);
  g_test_add_func ("/notes-below/timestamped-short-file", test_timestamped_short_file_trusts);
  g_test_add_func ("/notes-below/markdown", test_markdown_notes);
  g_test_add_func ("/notes-below/markdown-unlabelled-tail", test_markdown_unlabelled_tail);
  g_test_add_func ("/notes-below/markdown-untimed-sections", test_markdown_untimed_sections_kept);
  g_test_add_func ("/notes-below/markdown-lone-label", test_markdown_lone_label);
  g_test_add_func ("/notes-below/markdown-breaks-and-escapes", test_markdown_breaks_and_escapes);
  g_test_add_func ("/notes-below/address-is-no-speaker", test_address_is_no_speaker);
  return g_test_run ();
}
