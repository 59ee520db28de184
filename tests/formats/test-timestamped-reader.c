/* test-timestamped-reader.c — "HH:MM:SS text", Otter and "Name (00:00):" transcripts
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static void
test_time_lines (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "00:00:00 Have you ever wondered\n\n"
                "00:00:04 You know the folks &amp; more\n"
                "wrapped onto a second line\n\n"
                "[00:01:02] Michael: bracketed, with a speaker\n"
                "(1:05:03) - round brackets and a dash\n"
                "01:06:00\n"
                "time alone, words below\n",
                "ep.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 5);
  g_assert_cmpfloat (r.cues[0].start, ==, 0);
  g_assert_cmpfloat (r.cues[0].end, ==, 4);
  g_assert_cmpstr (r.cues[1].text, ==, "You know the folks & more wrapped onto a second line");
  g_assert_cmpfloat (r.cues[1].end, ==, 62);
  g_assert_cmpstr (r.cues[2].text, ==, "bracketed, with a speaker");
  g_assert_cmpint (r.cues[2].speaker, ==, hark_transcript_find_speaker (r.t, "Michael"));
  g_assert_cmpfloat (r.cues[3].start, ==, 3903);
  g_assert_cmpstr (r.cues[3].text, ==, "round brackets and a dash");
  g_assert_cmpstr (r.cues[4].text, ==, "time alone, words below");
  /* The last one: nothing says how long, so its words at the file's pace (with so few cues,
   * a usual one: 15 characters a second). */
  g_assert_cmpfloat_with_epsilon (r.cues[4].end, r.cues[4].start + 23 / 15.0, 1e-6);
}

static void
test_otter (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n_turns;

  sidecar_read (&r,
                "Michael Kennedy  0:00\n"
                "Welcome to the show.\n"
                "\n"
                "Speaker 2  0:07  \n"
                "Thanks for having me. It is\n"
                "great to be here.\n"
                "\n"
                "Michael Kennedy  1:02:03\n"
                "Let's wrap up.\n"
                "\n\n"
                "Transcribed by https://transcriber.example\n",
                "otter.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpfloat (r.cues[1].start, ==, 7);
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me. It is great to be here.");
  g_assert_cmpint (r.cues[1].speaker, ==, hark_transcript_find_speaker (r.t, "Speaker 2"));
  g_assert_cmpfloat (r.cues[2].start, ==, 3723);
  /* The export's signature is not the last speaker's words. */
  g_assert_cmpstr (r.cues[2].text, ==, "Let's wrap up.");
  turns = hark_transcript_get_turns (r.t, &n_turns);
  g_assert_cmpuint (n_turns, ==, 3);
  g_assert_cmpint (turns[2].speaker, ==, turns[0].speaker);
}

static void
test_name_and_bracketed_time (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Transcript of episode 12\n\n"
                "Anna Smith (00:00:05): Hello and welcome.\n\n"
                "Bob [00:01:10]:\n"
                "Thanks, Anna.\n\n"
                "Anna Smith (2:15) So, Bob.\n",
                "brackets.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[0].start, ==, 5);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks, Anna.");
  g_assert_cmpint (r.cues[1].speaker, ==, hark_transcript_find_speaker (r.t, "Bob"));
  g_assert_cmpfloat (r.cues[2].start, ==, 135);
  g_assert_cmpstr (r.cues[2].text, ==, "So, Bob.");
  /* The title line has no time. */
  g_assert_true (sidecar_has_warning (&r, "brackets.txt:1:1: Expected a time"));
}

static void
test_no_times_is_an_error (void)
{
  g_autoptr (GError) error
      = sidecar_read_error ("just words\n", "w.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);

  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_true (
      g_str_has_prefix (error->message, "w.txt:1:1: Expected lines starting with a time"));
}

static void
test_ep189 (void)
{
  g_autofree char *path = hark_test_fixture ("ep189/ep189.timestamps.txt");
  g_autofree char *vtt_path = hark_test_fixture ("ep189/ep189.vtt");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (HarkTranscript) vtt = NULL;
  HarkSidecarInfo info;
  const HarkCue *cues, *vtt_cues;
  guint n, n_vtt;

  if (path == NULL || vtt_path == NULL)
    return;
  t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, HARK_SIDECAR_FORMAT_TIMESTAMPED);
  vtt = hark_sidecar_read (vtt_path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  cues = hark_transcript_get_cues (t, &n);
  vtt_cues = hark_transcript_get_cues (vtt, &n_vtt);
  /* The same captions with whole-second times: every line is one cue. */
  g_assert_cmpuint (n, ==, 914);
  g_assert_cmpuint (n, ==, n_vtt);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (cues[i].start, <=, vtt_cues[i].start);
      g_assert_cmpfloat (cues[i].start, >, vtt_cues[i].start - 1);
      g_assert_cmpstr (cues[i].text, ==, vtt_cues[i].text);
    }
}

/* Two turns and a third by the first speaker, in one of the heading layouts: each must read as
 * three cues by two named speakers at 1 s, 9 s and 62 s (or 3723 s). */
static void
assert_three_turns (const char *text, double last)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r, text, "episode.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_test_message ("%s", text);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[0].speaker)->name, ==,
                   "Ann Lee");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[1].speaker)->name, ==,
                   "Bo Park");
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[0].speaker);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me.");
  g_assert_cmpfloat (fabs (r.cues[0].start - 1.0), <, 0.6);
  g_assert_cmpfloat (fabs (r.cues[1].start - 9.0), <, 0.6);
  g_assert_cmpfloat (fabs (r.cues[2].start - last), <, 0.6);
}

/* Headings with other separators between name and time. */
static void
test_heading_separators (void)
{
  assert_three_turns ("Ann Lee [00:00:01]:\nHello and welcome.\n\nBo Park [00:00:09]:\n"
                      "Thanks for having me.\n\nAnn Lee [00:01:02]:\nTomatoes.\n", 62);
  assert_three_turns ("Ann Lee [00:01]\nHello and welcome.\n\nBo Park [00:09]\n"
                      "Thanks for having me.\n\nAnn Lee [01:02]\nTomatoes.\n", 62);
  assert_three_turns ("Ann Lee - 00:00:01\nHello and welcome.\n\nBo Park - 00:00:09\n"
                      "Thanks for having me.\n\nAnn Lee - 00:01:02\nTomatoes.\n", 62);
  assert_three_turns ("Ann Lee | 0:01\nHello and welcome.\n\nBo Park | 0:09\n"
                      "Thanks for having me.\n\nAnn Lee | 1:02:03\nTomatoes.\n", 3723);
  /* Rev: the colon before the time. */
  assert_three_turns ("Ann Lee: (00:01)\nHello and welcome.\n\nBo Park: (00:09)\n"
                      "Thanks for having me.\n\nAnn Lee: (01:02)\nTomatoes.\n", 62);
  assert_three_turns ("Ann Lee (0:00:01): Hello and welcome.\n\nBo Park (0:00:09): Thanks for "
                      "having me.\n\nAnn Lee (1:02:03): Tomatoes.\n", 3723);
  assert_three_turns ("(00:00:01) Ann Lee: Hello and welcome.\n(00:00:09) Bo Park: Thanks for "
                      "having me.\n(00:01:02) Ann Lee: Tomatoes.\n", 62);
  /* A spreadsheet's columns pasted as text: time, name, words. */
  assert_three_turns ("00:00:01\tAnn Lee\tHello and welcome.\n00:00:09\tBo Park\tThanks for "
                      "having me.\n00:01:02\tAnn Lee\tTomatoes.\n", 62);
  /* The same with the name first. */
  assert_three_turns ("Ann Lee\t00:00:01\tHello and welcome.\nBo Park\t00:00:09\tThanks for "
                      "having me.\nAnn Lee\t00:01:02\tTomatoes.\n", 62);
  /* An em dash between the time and the name. */
  assert_three_turns ("00:01 — Ann Lee: Hello and welcome.\n00:09 — Bo Park: Thanks for "
                      "having me.\n01:02 — Ann Lee: Tomatoes.\n", 62);
}

/* The name, the time and the words on one line; but not a sentence that mentions a time. */
static void
test_name_time_words (void)
{
  assert_three_turns ("Ann Lee 00:00:01 Hello and welcome.\nBo Park 00:00:09 Thanks for having "
                      "me.\nAnn Lee 00:01:02 Tomatoes.\n", 62);
  assert_three_turns ("Ann Lee 0:01 Hello and welcome.\n\nBo Park 0:09 Thanks for having "
                      "me.\n\nAnn Lee 1:02 Tomatoes.\n", 62);
  {
    const char *prose = "At 10:30 we met the others.\nThen we walked.\nBy 11:45 it rained.\n"
                        "We went home.\n";

    g_assert_cmpint (hark_sidecar_sniff (prose, strlen (prose), "notes.txt"), !=,
                     HARK_SIDECAR_FORMAT_TIMESTAMPED);
  }
}

/* The name marked up after the time: a voice tag, or bold with no colon. */
static void
test_marked_names (void)
{
  assert_three_turns ("00:00:01 <v Ann Lee>Hello and welcome.\n00:00:09 <v Bo Park>Thanks for "
                      "having me.\n00:01:02 <v Ann Lee>Tomatoes.\n", 62);
  assert_three_turns ("0:00:01.0 **Ann Lee** Hello and welcome.\n\n0:00:09.2 **Bo Park** Thanks for "
                      "having me.\n\n0:01:02.5 **Ann Lee** Tomatoes.\n", 62.5);
}

/* Captions exported a line each keep a voice tag where the voice changes mid-line: the line
 * becomes a cue per voice, its time shared by the length of their words, no tag left. */
static void
test_voice_change_mid_line (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "00:00:00 <v Ann Lee>Hello and welcome.\n\n"
                "00:00:10 <v Ann Lee>Glad to have you here, <v Bo Park>glad to be here.</v>\n\n"
                "00:00:20 <v Bo Park>Shall we start?\n",
                "episode.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[1].text, ==, "Glad to have you here,");
  g_assert_cmpstr (r.cues[2].text, ==, "glad to be here.");
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 10.0, 1e-9);
  /* 23 characters of 39 before the second voice */
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 10.0 + 10.0 * 23.0 / 39.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[2].end, 20.0, 1e-9);
  g_assert_cmpint (r.cues[1].speaker, ==, r.cues[0].speaker);
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[3].speaker);
  g_assert_cmpint (r.cues[2].speaker, !=, r.cues[1].speaker);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

/* The name set off by a dash after the time, not by a colon. */
static void
test_dashed_names (void)
{
  g_auto (SidecarRead) r = { 0 };

  assert_three_turns ("[00:01] Ann Lee — Hello and welcome.\n[00:09] Bo Park — Thanks for "
                      "having me.\n[01:02] Ann Lee — Tomatoes.\n", 62);
  assert_three_turns ("00:00:01 Ann Lee - Hello and welcome.\n00:00:09 Bo Park - Thanks for "
                      "having me.\n00:01:02 Ann Lee - Tomatoes.\n", 62);
  /* Dashes that a few answers open with are words, not names. */
  sidecar_read (&r,
                "[00:01] Welcome back, this week is about soil.\n"
                "[00:09] Right — so the first thing is compost.\n"
                "[00:15] And the second is water, lots of it.\n"
                "[00:22] Well — that depends on the weather.\n",
                "episode.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 0);
  g_assert_cmpstr (r.cues[1].text, ==, "Right — so the first thing is compost.");
}

/* Times with a fraction after a comma, or an editor's frame count. */
static void
test_fractions_and_frames (void)
{
  assert_three_turns ("Ann Lee 00:00:01,000\nHello and welcome.\n\nBo Park 00:00:09,250\n"
                      "Thanks for having me.\n\nAnn Lee 00:01:02,500\nTomatoes.\n", 62.5);
  assert_three_turns ("Ann Lee 00:00:01:12\nHello and welcome.\n\nBo Park 00:00:09:00\n"
                      "Thanks for having me.\n\nAnn Lee 00:01:02:24\nTomatoes.\n", 62);
  assert_three_turns ("00:00:01:12 Ann Lee: Hello and welcome.\n00:00:09:00 Bo Park: Thanks for "
                      "having me.\n00:01:02:24 Ann Lee: Tomatoes.\n", 62);
}

/* Descript and Riverside: the name alone on its line, the time alone on the next (or the other
 * way round), then the words. */
static void
test_name_and_time_lines (void)
{
  g_auto (SidecarRead) answer = { 0 };

  assert_three_turns ("Ann Lee\n00:00:01\nHello and welcome.\n\nBo Park\n00:00:09\n"
                      "Thanks for having me.\n\nAnn Lee\n00:01:02\nTomatoes.\n", 62);
  assert_three_turns ("00:00:01\nAnn Lee\nHello and welcome.\n\n00:00:09\nBo Park\n"
                      "Thanks for having me.\n\n00:01:02\nAnn Lee\nTomatoes.\n", 62);
  /* Bare times between paragraphs, one of which is a one-word answer: no speakers invented. */
  sidecar_read (&answer,
                "00:00:01\nSo what did you plant this year?\n\n00:00:09\nTomatoes\n\n"
                "00:00:15\nOnly tomatoes, and far too many.\n",
                "episode.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (answer.n_cues, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (answer.t), ==, 0);
  g_assert_cmpstr (answer.cues[1].text, ==, "Tomatoes");
}

/* "[00:00:01] Kim Scott" with the words on the lines below, and times given as ranges. */
static void
test_time_then_name_and_ranges (void)
{
  assert_three_turns ("[00:00:01.12] Ann Lee\nHello and welcome.\n\n[00:00:09.00] Bo Park\n"
                      "Thanks for having me.\n\n[00:01:02.50] Ann Lee\nTomatoes.\n", 62.5);
  assert_three_turns ("00:00:01 Ann Lee\nHello and welcome.\n\n00:00:09 Bo Park\n"
                      "Thanks for having me.\n\n00:01:02 Ann Lee\nTomatoes.\n", 62);
  assert_three_turns ("[00:00:01 - 00:00:08] Ann Lee: Hello and welcome.\n"
                      "[00:00:09 - 00:00:15] Bo Park: Thanks for having me.\n"
                      "[00:01:02 - 00:01:05] Ann Lee: Tomatoes.\n", 62);
  assert_three_turns ("00:00:01 – 00:00:08 Ann Lee: Hello and welcome.\n"
                      "00:00:09 – 00:00:15 Bo Park: Thanks for having me.\n"
                      "00:01:02 – 00:01:05 Ann Lee: Tomatoes.\n", 62);
}

/* A title and a summary before a "Transcript" heading: left out, with a warning. */
static void
test_intro_block (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "The Garden Hour, episode 12\n\nAnn talks to Bo about tomatoes.\n\n"
                "Transcript\n\nAnn Lee  0:01\nHello and welcome.\n\nBo Park  0:09\n"
                "Thanks for having me.\n",
                "episode.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome.");
  g_assert_true (sidecar_has_warning (&r, "episode.txt:1:1: Expected a time"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timestamped/time-lines", test_time_lines);
  g_test_add_func ("/timestamped/otter", test_otter);
  g_test_add_func ("/timestamped/name-and-bracketed-time", test_name_and_bracketed_time);
  g_test_add_func ("/timestamped/no-times-is-an-error", test_no_times_is_an_error);
  g_test_add_func ("/timestamped/ep189", test_ep189);
  g_test_add_func ("/timestamped/heading-separators", test_heading_separators);
  g_test_add_func ("/timestamped/dashed-names", test_dashed_names);
  g_test_add_func ("/timestamped/marked-names", test_marked_names);
  g_test_add_func ("/timestamped/name-time-words", test_name_time_words);
  g_test_add_func ("/timestamped/fractions-and-frames", test_fractions_and_frames);
  g_test_add_func ("/timestamped/name-and-time-lines", test_name_and_time_lines);
  g_test_add_func ("/timestamped/voice-change-mid-line", test_voice_change_mid_line);
  g_test_add_func ("/timestamped/intro-block", test_intro_block);
  g_test_add_func ("/timestamped/time-then-name-and-ranges", test_time_then_name_and_ranges);
  return g_test_run ();
}
