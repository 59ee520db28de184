/* test-sbv-reader.c — YouTube's SBV captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written files: cues with speakers in the text, a missing blank line, a damaged
 * timing line that costs only its cue, and text that is not SBV.
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
test_cues (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* Named .txt: the content decides. */
  sidecar_read (&r,
                "0:00:01.000,0:00:04.500\n>> ANN: Hello and welcome\nto the garden hour.\n\n"
                "0:00:04.500,0:00:09.000\n>> BO: Thanks, <b>glad</b> to be here.\n"
                "1:02:03.250,1:02:05.000\nno blank line before this one\n\n",
                "captions.txt", HARK_SIDECAR_FORMAT_SBV);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome to the garden hour.");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks, glad to be here.");
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 3723.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[2].end, 3725.0, 1e-9);
  g_assert_cmpstr (speaker_of (&r, 0), !=, NULL);
  g_assert_cmpstr (speaker_of (&r, 1), !=, NULL);
  g_assert_cmpint (r.cues[0].speaker, !=, r.cues[1].speaker);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_damaged_cue (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "0:00:01.000,0:00:02.000\nkept one\n\n"
                "0:00:05.000,0:00:04.000\nends before it starts\n\n"
                "0:99:01.000,0:00:02.000\nminutes out of range\n\n"
                "0:00:06.000,0:00:07.000\nkept two\n",
                "c.sbv", HARK_SIDECAR_FORMAT_SBV);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "kept one");
  g_assert_cmpstr (r.cues[1].text, ==, "kept two");
  g_assert_true (sidecar_has_warning (&r, "c.sbv:4:"));
  g_assert_true (sidecar_has_warning (&r, "c.sbv:7:"));
}

static void
test_not_sbv (void)
{
  const char *srt = "1\n00:00:01,000 --> 00:00:02,000\nhi\n";
  const char *text = "Hello there, 1:00:00.000,2:00:00.000\n0:00:01.000,0:00:02.000\nx\n";
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (hark_sidecar_sniff (srt, strlen (srt), "a.sbv"), ==, HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpint (hark_sidecar_sniff (text, strlen (text), NULL), !=, HARK_SIDECAR_FORMAT_SBV);
  g_assert_true (hark_sidecar_is_candidate ("/x/episode.sbv"));
  error = sidecar_read_error ("only words\nand more words\n", "c.sbv", HARK_SIDECAR_FORMAT_SBV);
  g_assert_nonnull (strstr (error->message, "0:00:01.000,0:00:04.000"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sbv/cues", test_cues);
  g_test_add_func ("/sbv/damaged-cue", test_damaged_cue);
  g_test_add_func ("/sbv/not-sbv", test_not_sbv);
  return g_test_run ();
}
