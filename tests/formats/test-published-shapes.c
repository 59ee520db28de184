/* test-published-shapes.c — more shapes of published transcripts, each in a small made-up file
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blockquoted turns and rules in Markdown, show notes with chapter times above the transcript,
 * words that only look like labels, handles as labels, punctuation as its own word, HTML
 * tables of turns, JSON lists of turns, a single narrator, initials standing for a name.
 */
#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static const char *
speaker_name (const SidecarRead *r, int speaker)
{
  return speaker < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) speaker)->name;
}

/* "> " quote markers and "---" / "***" rules are markup, not speech. */
static void
test_markdown_quotes_and_rules (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&r,
                "# Night gardens\n\n"
                "**Ana Ruiz:** [00:00:05] Welcome back. Tonight: moths.\n\n"
                "> **Ben Oko:** [00:00:12] Thanks for having me.\n\n"
                "---\n\n"
                "**Ana Ruiz:** [00:00:30] How many did you count?\n"
                "***\n"
                "> **Ben Oko:** [00:00:41] About four hundred.\n"
                "> It was a good year.\n"
                ">\n"
                "> > Nested quote, still Ben.\n",
                "garden.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (speaker_name (&r, turns[1].speaker), ==, "Ben Oko");
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me.");
  g_assert_cmpstr (turns[2].text, ==, "How many did you count?");
  g_assert_cmpstr (turns[3].text, ==,
                   "About four hundred. It was a good year. Nested quote, still Ben.");
  g_assert_cmpfloat (turns[3].start, ==, 41);
}

/* A table of turns whose times carry units; a plain number in a cell stays a count. */
static void
test_html_table_unit_times (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&r,
                "<html><body><h1>Rivers</h1><table>\n"
                "<tr><th>Time</th><th>Speaker</th><th>Text</th></tr>\n"
                "<tr><td>0h00m05s</td><td>Ola Berg</td><td>Welcome to the river show.</td></tr>\n"
                "<tr><td>0h00m44s</td><td>Sam Kito</td><td>Thanks for having me.</td></tr>\n"
                "<tr><td>0h01m30s</td><td>Ola Berg</td><td>Tell us about floods.</td></tr>\n"
                "<tr><td>1h2m3s</td><td>Sam Kito</td><td>12</td></tr>\n"
                "</table></body></html>\n",
                "rivers.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (turns[0].start, ==, 5);
  g_assert_cmpfloat (turns[1].start, ==, 44);
  g_assert_cmpfloat (turns[2].start, ==, 90);
  g_assert_cmpfloat (turns[3].start, ==, 3723);
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me.");
  g_assert_cmpstr (turns[3].text, ==, "12");
  g_assert_cmpstr (speaker_name (&r, turns[2].speaker), ==, "Ola Berg");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shapes/markdown/quotes-and-rules", test_markdown_quotes_and_rules);
  g_test_add_func ("/shapes/html/table-unit-times", test_html_table_unit_times);
  return g_test_run ();
}
