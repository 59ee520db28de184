/* test-lrc-reader.c — LRC, the lyrics layout some tools write transcripts in
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written files: tags that describe the file, an offset, a line said at two times, an
 * ending tag, speakers, word times, a damaged line that costs only itself, and timestamped text
 * that is not LRC.
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
test_lines (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* Named .txt: the content decides. */
  sidecar_read (&r,
                "[ti:Bread, Episode 4]\n[ar:The Crumb Hour]\n[offset:+500]\n\n"
                "[00:01.50]Ann: Welcome back to the kitchen.\n"
                "[00:06.00]Bo: Thanks, glad to be here.\n"
                "[00:10.00][01:00.00]Ann: Knead it again.\n"
                "[00:14.50]\n"
                "[00:20.00]Bo: And then we wait.\n"
                "[length: 01:10]\n",
                "episode.txt", HARK_SIDECAR_FORMAT_LRC);
  g_assert_cmpuint (r.n_cues, ==, 5);
  /* The offset moves every time half a second earlier. */
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 5.5, 1e-9);
  g_assert_cmpstr (r.cues[0].text, ==, "Welcome back to the kitchen.");
  g_assert_cmpstr (speaker_of (&r, 0), ==, "Ann");
  g_assert_cmpstr (speaker_of (&r, 1), ==, "Bo");
  /* The ending tag ends the line before it and adds nothing. */
  g_assert_cmpstr (r.cues[2].text, ==, "Knead it again.");
  g_assert_cmpfloat_with_epsilon (r.cues[2].end, 14.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[3].start, 19.5, 1e-9);
  /* Said again at a second time, and lasting to the file's length. */
  g_assert_cmpstr (r.cues[4].text, ==, "Knead it again.");
  g_assert_cmpfloat_with_epsilon (r.cues[4].start, 59.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[4].end, 70.0, 1e-9);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_word_times (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkCue *cue;

  sidecar_read (&r,
                "[00:01.00]<00:01.00>Rise <00:01.40>and <00:01.70>shine\n"
                "[00:03.00]<00:03.00>Coffee <00:03.60>first\n",
                "a.lrc", HARK_SIDECAR_FORMAT_LRC);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Rise and shine");
  cue = &r.cues[0];
  g_assert_cmpuint (cue->n_words, ==, 3);
  g_assert_cmpfloat_with_epsilon (hark_transcript_get_words (r.t, NULL)[cue->first_word + 1].start,
                                  1.4, 1e-9);
}

static void
test_damaged_lines (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[ar:Someone]\n[offset:lots]\n[00:01.00]kept one\n"
                "a stray line with no time\n[00:02.00]kept two\n",
                "a.lrc", HARK_SIDECAR_FORMAT_LRC);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[1].text, ==, "kept two");
  g_assert_true (sidecar_has_warning (&r, "a.lrc:2:"));
  g_assert_true (sidecar_has_warning (&r, "a.lrc:4:"));
}

static void
test_not_lrc (void)
{
  const char *timestamped = "[00:01] Ann: Hello there.\n[00:05] Bo: Hi.\n[00:09] Ann: So.\n";
  g_autoptr (GError) error = NULL;

  /* "[01:02] words" with a space and no tags is timestamped text. */
  g_assert_cmpint (hark_sidecar_sniff (timestamped, strlen (timestamped), "a.txt"), ==,
                   HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_true (hark_sidecar_is_candidate ("/x/episode.lrc"));
  error = sidecar_read_error ("[ti:Only a title]\n", "a.lrc", HARK_SIDECAR_FORMAT_LRC);
  g_assert_nonnull (strstr (error->message, "[01:02.50]"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lrc/lines", test_lines);
  g_test_add_func ("/lrc/word-times", test_word_times);
  g_test_add_func ("/lrc/damaged-lines", test_damaged_lines);
  g_test_add_func ("/lrc/not-lrc", test_not_lrc);
  return g_test_run ();
}
