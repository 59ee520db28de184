/* test-srt-reader.c — SubRip as real files write it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "sidecar-test-util.h"

static void
test_basic (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (
      &r,
      "1\r\n00:00:01,000 --> 00:00:04,500\r\n<i>Hello</i> &amp; {\\an8}welcome\r\n"
      "to the show\r\n\r\n"
      "2\r\n00:00:05.000 --> 00:00:06.000 X1:10 X2:20\r\n<font color=\"red\">Dot</font>\r\n",
      "ep.srt", HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat (r.cues[0].start, ==, 1);
  g_assert_cmpfloat (r.cues[0].end, ==, 4.5);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello & welcome to the show");
  g_assert_cmpfloat (r.cues[1].start, ==, 5);
  g_assert_cmpstr (r.cues[1].text, ==, "Dot");
  g_assert_cmpuint (r.warnings->len, ==, 0);
  g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_TIMED);
}

static void
test_missing_indexes_and_blank_lines (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "00:00:01,000 --> 00:00:02,000\n"
                "no index\n"
                "\n"
                "00:00:02,000 --> 00:00:03,000\n"
                "no blank line after me\n"
                "3\n"
                "00:00:03,000 --> 00:00:04,000\n"
                "7\n"
                "\n"
                "4\n"
                "00:00:04,000 --> 00:00:05,000\n",
                "x.srt", HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "no index");
  g_assert_cmpstr (r.cues[1].text, ==, "no blank line after me"); /* "3" was an index */
  g_assert_cmpstr (r.cues[2].text, ==, "7");                      /* a cue that is a number */
  g_assert_cmpstr (r.cues[3].text, ==, "");                       /* no text at all */
  g_assert_true (sidecar_has_warning (&r, "x.srt:7:1: Expected a blank line"));
}

static void
test_negative_and_bad_times (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "1\n-00:00:01,500 --> 00:00:01,000\nbefore zero\n\n"
                "2\n-00:00:03,000 --> -00:00:02,000\nentirely before zero\n\n"
                "3\n00:00:02,000 --> 00:0:03,000\nbad end\n\n"
                "4\n00:00:05,000 --> 00:00:04,000\nbackwards\n\n"
                "5\n00:00:06,000 --> 00:00:07,000\nfine\n",
                "t.srt", HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "before zero");
  g_assert_cmpfloat (r.cues[0].start, ==, 0);
  g_assert_cmpfloat (r.cues[0].end, ==, 1);
  g_assert_cmpfloat (r.cues[1].start, ==, 0); /* wholly before zero: an instant at 0 */
  g_assert_cmpfloat (r.cues[1].end, ==, 0);
  g_assert_cmpstr (r.cues[3].text, ==, "fine");
  g_assert_true (sidecar_has_warning (&r, "t.srt:2:1: Expected times from zero on"));
  g_assert_true (sidecar_has_warning (&r, "t.srt:10:18: Expected an end time"));
  g_assert_true (sidecar_has_warning (&r, "t.srt:14:1: Expected the cue to end after"));
}

static void
test_speaker_prefixes (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "1\n00:00:00,000 --> 00:00:02,000\nJOHN: Hello there.\n\n"
                "2\n00:00:02,000 --> 00:00:04,000\nstill John\n\n"
                "3\n00:00:04,000 --> 00:00:08,000\n- MARY: Hi John.\n- JOHN: Hi Mary.\n\n"
                "4\n00:00:08,000 --> 00:00:10,000\n>> MARY: Note: the meeting is at 10:30.\n\n"
                "5\n00:00:10,000 --> 00:00:12,000\nSee https://example.org: it is there.\n\n"
                "6\n00:00:12,000 --> 00:00:14,000\n- Unnamed one\n- Unnamed two\n\n"
                "7\n00:00:14,000 --> 00:00:16,000\n-5 degrees outside\n",
                "s.srt", HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpuint (r.n_cues, ==, 9);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello there.");
  g_assert_cmpint (r.cues[0].speaker, ==, hark_transcript_find_speaker (r.t, "JOHN"));
  g_assert_cmpint (r.cues[1].speaker, ==, r.cues[0].speaker); /* continues */
  /* Two speakers in one cue: split in two, time shared by text length (8 and 8 characters). */
  g_assert_cmpstr (r.cues[2].text, ==, "Hi John.");
  g_assert_cmpint (r.cues[2].speaker, ==, hark_transcript_find_speaker (r.t, "MARY"));
  g_assert_cmpfloat (r.cues[2].end, ==, 6);
  g_assert_cmpstr (r.cues[3].text, ==, "Hi Mary.");
  g_assert_cmpint (r.cues[3].speaker, ==, r.cues[0].speaker);
  g_assert_cmpfloat (r.cues[3].start, ==, 6);
  /* "Note:" and "10:30" after a real prefix stay text. */
  g_assert_cmpstr (r.cues[4].text, ==, "Note: the meeting is at 10:30.");
  g_assert_cmpint (r.cues[4].speaker, ==, r.cues[2].speaker);
  g_assert_cmpstr (r.cues[5].text, ==, "See https://example.org: it is there.");
  g_assert_cmpstr (r.cues[6].text, ==, "Unnamed one");
  g_assert_cmpstr (r.cues[7].text, ==, "Unnamed two");
  g_assert_cmpstr (r.cues[8].text, ==, "-5 degrees outside");
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
}

static void
test_garbage_is_an_error (void)
{
  g_autoptr (GError) error
      = sidecar_read_error ("\n\nnothing here\nat all\n", "g.srt", HARK_SIDECAR_FORMAT_SRT);

  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "g.srt:3:1: Expected SubRip cues"));
}

static const char *
speaker_name (const SidecarRead *r, guint cue)
{
  int s = r->cues[cue].speaker;

  return s < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) s)->name;
}

/* "[Kim] words" cues name the speaker when several names are written that way; a sound in
 * brackets, or one word in brackets once, names nobody. */
static void
test_bracketed_names (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_auto (SidecarRead) sounds = { 0 };

  sidecar_read (&r,
                "1\n00:00:01,000 --> 00:00:08,000\n[Ann Lee] Hello and welcome.\n\n"
                "2\n00:00:09,000 --> 00:00:15,000\n[Bo Park] Thanks for having me.\n\n"
                "3\n00:00:15,000 --> 00:00:20,000\n[Chuckles] It is good to be here.\n\n"
                "4\n00:01:02,000 --> 00:01:05,000\n[Ann Lee] Tomatoes.\n\n"
                "5\n00:01:05,000 --> 00:01:07,000\n[Music] [Laughter] More.\n",
                "episode.srt", HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpuint (r.n_cues, ==, 5);
  g_assert_cmpstr (speaker_name (&r, 0), ==, "Ann Lee");
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (speaker_name (&r, 1), ==, "Bo Park");
  /* "Chuckles" is nobody: Bo goes on. */
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[1].speaker);
  g_assert_cmpstr (r.cues[2].text, ==, "[Chuckles] It is good to be here.");
  g_assert_cmpstr (speaker_name (&r, 3), ==, "Ann Lee");
  g_assert_cmpstr (r.cues[4].text, ==, "[Music] [Laughter] More.");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);

  /* Sounds alone are never speakers. */
  sidecar_read (&sounds,
                "1\n00:00:01,000 --> 00:00:02,000\n[Applause] Thank you.\n\n"
                "2\n00:00:03,000 --> 00:00:04,000\n[Chuckles] Right.\n\n"
                "3\n00:00:05,000 --> 00:00:06,000\n[Chuckles] Right again.\n\n"
                "4\n00:00:07,000 --> 00:00:08,000\n[Laughs] Yes.\n",
                "episode.srt", HARK_SIDECAR_FORMAT_SRT);
  g_assert_cmpuint (hark_transcript_get_n_speakers (sounds.t), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/srt/basic", test_basic);
  g_test_add_func ("/srt/missing-indexes-and-blank-lines", test_missing_indexes_and_blank_lines);
  g_test_add_func ("/srt/negative-and-bad-times", test_negative_and_bad_times);
  g_test_add_func ("/srt/speaker-prefixes", test_speaker_prefixes);
  g_test_add_func ("/srt/garbage-is-an-error", test_garbage_is_an_error);
  g_test_add_func ("/srt/bracketed-names", test_bracketed_names);
  return g_test_run ();
}
