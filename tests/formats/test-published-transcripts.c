/* test-published-transcripts.c — Markdown and Whisper text transcripts, sniffed by content
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written files in the shapes shows publish: bold speaker labels with a time mark
 * every minute, timed section headings over untimed paragraphs, "[Speaker N] [mm:ss]" lines,
 * Whisper's text and TSV outputs under any name, and one person written two ways.
 */
#include <math.h>

#include <glib/gstdio.h>

#include "formats/hark-speaker-names.h"
#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static const HarkTurn *
turns_of (const SidecarRead *r, guint *n)
{
  return hark_transcript_get_turns (r->t, n);
}

static void
test_minute_marks (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n_turns;

  /* CRLF, a mark mid-sentence, untimed paragraphs between marks. */
  sidecar_read (&r,
                "**Ann Lee:** [00:00:00] Hello and *welcome* to the [show](https://x.example).\r\n"
                "\r\n"
                "Second paragraph by Ann, untimed.\r\n"
                "\r\n"
                "**Bo:** A reply that goes on [00:01:00] past the minute.\r\n"
                "\r\n"
                "**ann lee:** Back to Ann, whose name is written in lower case here.\r\n",
                "notes.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  /* Cues are the units carrying a time: Ann's first paragraph (with the one after it) and Bo's. */
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==,
                   "Hello and welcome to the show. Second paragraph by Ann, untimed.");
  g_assert_false (r.cues[0].interpolated);
  g_assert_true (r.cues[1].interpolated); /* Bo's mark is mid-paragraph */
  g_assert_cmpfloat (r.cues[1].start, >, 0);
  g_assert_cmpfloat (r.cues[1].start, <, 60);
  g_assert_cmpstr (r.cues[1].text, ==,
                   "A reply that goes on past the minute. Back to Ann, whose name is written in "
                   "lower case here.");
  /* "ann lee" is Ann Lee. */
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpint (hark_transcript_find_speaker (r.t, "Ann Lee"), >=, 0);
  turns = turns_of (&r, &n_turns);
  g_assert_cmpuint (n_turns, ==, 3);
  g_assert_cmpint (turns[2].speaker, ==, turns[0].speaker);
  g_assert_true (turns[1].interpolated);
  g_assert_true (turns[2].interpolated);
  /* Times follow the text: Bo's turn ends after the 60 s mark, Ann's last one later still. */
  g_assert_cmpfloat (turns[1].end, >, 60);
  g_assert_cmpfloat (turns[2].start, >=, turns[1].end - 0.01);
}

static void
test_timed_sections (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n_chapters;

  sidecar_read (&r,
                "---\n"
                "title: \"An episode: with a colon\"\n"
                "sponsor: Nobody\n"
                "---\n\n"
                "{/* TAB: SHOW NOTES */}\n\n"
                "Show notes the transcript does not hold.\n\n"
                "#### Kim\n\n"
                "- https://example.org\n\n"
                "[00:00:00] Introduction\n"
                "[00:02:00] The Middle\n\n"
                "<Tab name=\"transcript\">\n\n"
                "## [00:00:00] Introduction\n\n"
                "**Kim Scott:** First words.\n\n"
                "**Tom:** An answer.\n\n"
                "## The Middle (00:02:00)\n\n"
                "**Kim:** Later words, and <b>bold</b> and __strong__ text.\n\n"
                "</Tab>\n",
                "episode.mdx", HARK_SIDECAR_FORMAT_MARKDOWN);
  /* One cue per timed section; the table of contents and the show notes are not transcript. */
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat (r.cues[0].start, ==, 0);
  g_assert_cmpfloat (fabs (r.cues[0].end - 120), <, 0.01);
  g_assert_cmpstr (r.cues[0].text, ==, "First words. An answer.");
  g_assert_cmpstr (r.cues[1].text, ==, "Later words, and bold and strong text.");
  chapters = hark_transcript_get_chapters (r.t, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 2);
  g_assert_cmpstr (chapters[1].title, ==, "The Middle");
  g_assert_cmpfloat (chapters[1].start, ==, 120);
  /* "Kim" is Kim Scott: the only fuller name that begins with it. */
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpint (r.cues[1].speaker, ==, hark_transcript_find_speaker (r.t, "Kim Scott"));
  g_assert_true (sidecar_has_warning (&r, "episode.mdx:1:1: Expected a time before"));
}

static void
test_bracketed_speakers (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* Starts with "[" but is not JSON. */
  sidecar_read (&r,
                "[Speaker 1] [00:00] Hey, everyone.\n"
                "[Speaker 2] [00:22] Hello.\n"
                "[Speaker 1] [01:05:01] After an hour.\n",
                "talk.txt", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[1].start, ==, 22);
  g_assert_cmpfloat (r.cues[1].end, ==, 3901);
  g_assert_cmpfloat (r.cues[2].start, ==, 3901);
  g_assert_cmpstr (r.cues[2].text, ==, "After an hour.");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
}

static void
test_whisper_text (void)
{
  g_auto (SidecarRead) a = { 0 };
  g_auto (SidecarRead) b = { 0 };
  g_auto (SidecarRead) c = { 0 };

  /* Named .json, holding Whisper's text. */
  sidecar_read (&a,
                "[0.00 --> 3.84]  Welcome to the show\n"
                "[3.84 --> 12.5]  and a second line\n"
                "this line is damaged\n"
                "[12.50 --> 20.00]  the line after it is kept\n",
                "episode.json", HARK_SIDECAR_FORMAT_WHISPER_TEXT);
  g_assert_cmpuint (a.n_cues, ==, 3);
  g_assert_cmpfloat (a.cues[1].end, ==, 12.5);
  g_assert_cmpstr (a.cues[2].text, ==, "the line after it is kept");
  g_assert_true (sidecar_has_warning (&a, "episode.json:3:1: Expected “[start --> end] text”"));

  /* Clock times with and without hours, the arrow as "→", in a .srt. */
  sidecar_read (&b,
                "[00:00.000 --> 00:05.000] one\n"
                "[59:58.000 → 01:00:02.500] two\n",
                "episode.srt", HARK_SIDECAR_FORMAT_WHISPER_TEXT);
  g_assert_cmpuint (b.n_cues, ==, 2);
  g_assert_cmpfloat (b.cues[1].start, ==, 3598);
  g_assert_cmpfloat (b.cues[1].end, ==, 3602.5);

  /* No extension, Whisper's TSV. */
  sidecar_read (&c, "start\tend\ttext\n0\t5000\tone\n5000\t9250\ttwo  words\n", "episode",
                HARK_SIDECAR_FORMAT_WHISPER_TSV);
  g_assert_cmpuint (c.n_cues, ==, 2);
  g_assert_cmpfloat (c.cues[1].end, ==, 9.25);
  g_assert_cmpstr (c.cues[1].text, ==, "two words");
}

/* What scripts around faster-whisper print, and Audacity's label tracks. */
static void
test_seconds_with_units_and_labels (void)
{
  g_auto (SidecarRead) a = { 0 };
  g_auto (SidecarRead) b = { 0 };
  g_autoptr (GError) e = NULL;

  /* Starts with "[" but is no JSON: "[0.00s -> 4.52s]  text". */
  sidecar_read (&a, "[0.00s -> 4.52s]  one\n[4.52s -> 9.10s]  two\n[00:09.100 -> 00:12.000] three\n",
                "episode.txt", HARK_SIDECAR_FORMAT_WHISPER_TEXT);
  g_assert_cmpuint (a.n_cues, ==, 3);
  g_assert_cmpfloat_with_epsilon (a.cues[1].start, 4.52, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.cues[1].end, 9.10, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.cues[2].end, 12.0, 1e-9);

  /* Audacity: seconds with a fraction, a frequency line after a label, an empty point label,
   * speakers named in the text. */
  sidecar_read (&b,
                "0.000000\t4.520000\tAnn Lee: Hello and welcome.\n"
                "\\\t200.000000\t4000.000000\n"
                "4.520000\t9.100000\tBo Park: Thanks.\n"
                "9.100000\t9.100000\t\n"
                "9.100000\t12.000000\tAnn Lee: Tomatoes.\n",
                "labels.txt", HARK_SIDECAR_FORMAT_WHISPER_TSV);
  g_assert_cmpuint (b.n_cues, ==, 3);
  g_assert_cmpuint (b.warnings->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (b.cues[1].start, 4.52, 1e-9);
  g_assert_cmpstr (b.cues[1].text, ==, "Thanks.");
  g_assert_cmpstr (hark_transcript_get_speaker (b.t, (guint) b.cues[1].speaker)->name, ==,
                   "Bo Park");

  /* Brackets that open no JSON and no format: the error says what was tried, not where some
   * JSON broke. */
  e = sidecar_read_error ("[0.00 to 4.52] one\n[4.52 to 9.10] two\n", "x.txt",
                          HARK_SIDECAR_FORMAT_AUTO);
  g_assert_error (e, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
}

static void
test_not_a_transcript (void)
{
  g_autoptr (GError) e1 = sidecar_read_error ("[not json and not a transcript\n", "x.json",
                                              HARK_SIDECAR_FORMAT_AUTO);
  g_autoptr (GError) e2 = sidecar_read_error ("ID3\x03\x00 binary audio", "x.mp3",
                                              HARK_SIDECAR_FORMAT_AUTO);

  g_assert_error (e1, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (e1->message, "Markdown"));
  g_assert_error (e2, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_false (hark_sidecar_is_candidate ("/music/episode.mp3"));
  g_assert_false (hark_sidecar_is_candidate ("episode.opus"));
  g_assert_true (hark_sidecar_is_candidate ("episode.MDX"));
  g_assert_true (hark_sidecar_is_candidate ("/a.b/transcript"));
  g_assert_true (hark_sidecar_is_candidate ("episode.tsv"));
}

/* Real audio files renamed without an extension stay audio: their first bytes decide, so they
 * are never taken for a transcript, and reading one as a sidecar says it is audio. A text file
 * without an extension is still a candidate. */
static void
test_audio_without_extension (void)
{
  static const char *const audio[] = { "ep189/excerpt-linode.mp3", "ep189/excerpt-linode.flac",
                                       "ep189/excerpt-linode.m4a", "ep189/ep189.opus" };
  g_autofree char *dir = hark_test_make_tmpdir ("audio-no-extension");
  g_autofree char *text = g_build_filename (dir, "notes", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (audio); i++)
    {
      g_autofree char *path = hark_test_fixture (audio[i]);
      g_autofree char *bare = g_build_filename (dir, "episode", NULL);
      g_autofree char *contents = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkTranscript) t = NULL;
      gsize length;

      if (path == NULL)
        return;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      length = MIN (length, (gsize) 4096);
      g_assert_true (g_file_set_contents (bare, contents, (gssize) length, NULL));
      g_assert_true (hark_sidecar_looks_like_audio ((const guint8 *) contents, length));
      g_assert_false (hark_sidecar_is_candidate (bare));
      t = hark_sidecar_read_data (contents, length, "episode", HARK_SIDECAR_FORMAT_AUTO, NULL,
                                  NULL, &error);
      g_assert_null (t);
      g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "audio"));
      g_unlink (bare);
    }
  g_assert_true (g_file_set_contents (text, "Kim: Hello there.\nLee: Hi.\n", -1, NULL));
  g_assert_true (hark_sidecar_is_candidate (text));
  g_assert_false (hark_sidecar_looks_like_audio ((const guint8 *) "\xef\xbb\xbfWEBVTT", 9));
  g_assert_false (hark_sidecar_looks_like_audio ((const guint8 *) "\xff\xfeW\0E\0", 6));
  g_assert_false (hark_sidecar_looks_like_audio ((const guint8 *) "\xfe\xff\0W\0E", 6));
  g_unlink (text);
  g_rmdir (dir);
}

static void
test_speaker_names (void)
{
  const char *names[] = { "Kim", "Kim Scott", "KIM SCOTT", "Andrew", "Andrew - 1", "Speaker 1",
                          "speaker 1", "Speaker 10", "Lee", "Lee Ann", "Lee Park" };
  guint map[G_N_ELEMENTS (names)];

  g_assert_true (hark_speaker_names_unify (names, G_N_ELEMENTS (names), map));
  g_assert_cmpuint (map[0], ==, 1);
  g_assert_cmpuint (map[1], ==, 1);
  g_assert_cmpuint (map[2], ==, 1);
  g_assert_cmpuint (map[3], ==, 3); /* "Andrew - 1" is someone else */
  g_assert_cmpuint (map[4], ==, 4);
  g_assert_cmpuint (map[6], ==, 5); /* labels are unified by case only */
  g_assert_cmpuint (map[7], ==, 7);
  g_assert_cmpuint (map[8], ==, 8); /* "Lee" could be either: ambiguous, left alone */
  g_assert_cmpuint (map[9], ==, 9);
}

/* Whisper text from a diarising tool: "[… --> …] SPEAKER_00: words". */
static void
test_whisper_text_speakers (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[00:00:00.000 --> 00:00:05.000] SPEAKER_00: Hello and welcome.\n"
                "[00:00:05.000 --> 00:00:09.000] SPEAKER_01: Thanks for having me.\n"
                "[00:00:09.000 --> 00:00:12.000] SPEAKER_00: Tomatoes.\n",
                "episode.txt", HARK_SIDECAR_FORMAT_WHISPER_TEXT);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks for having me.");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[1].speaker)->name, ==,
                   "SPEAKER_01");
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[0].speaker);
}

/* Front matter and headings make it Markdown; each turn is "Name: 00:01:02" on its own line
 * with the words below, one sentence a line. */
static void
test_name_time_lines_in_markdown (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_auto (SidecarRead) dash = { 0 };

  sidecar_read (&r,
                "---\ntitle: Soil\nspeakers:\n  - Ann Lee\n  - Bo Park\n---\n## Introductions\n\n"
                "Ann Lee: 00:00:01\n\nHello and welcome.\nToday it is soil.\n\n"
                "Bo Park: 00:00:09\n\nThanks.\n\n## Compost\n\n"
                "Ann Lee: 00:01:02\n\nTomatoes.\n",
                "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome. Today it is soil.");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[1].speaker)->name, ==,
                   "Bo Park");
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 62.0, 1e-9);

  /* The same with a dash between name and time, and a colon closing the line. */
  sidecar_read (&dash,
                "---\ntitle: Soil\n---\n"
                "Ann Lee – 00:00:01:\n\nHello and welcome.\n\n"
                "Bo Park – 00:00:09:\n\nThanks.\n\nAnn Lee: 00:00:30:\n\nSo, compost.\n\n"
                "Ann Lee – 00:01:02:\n\nTomatoes.\n",
                "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (dash.n_cues, ==, 4);
  g_assert_cmpuint (hark_transcript_get_n_speakers (dash.t), ==, 2);
  g_assert_cmpstr (hark_transcript_get_speaker (dash.t, (guint) dash.cues[1].speaker)->name, ==,
                   "Bo Park");
  g_assert_cmpstr (dash.cues[1].text, ==, "Thanks.");
  g_assert_cmpfloat_with_epsilon (dash.cues[2].start, 30.0, 1e-9);
  g_assert_cmpint (dash.cues[2].speaker, ==, dash.cues[0].speaker);
  g_assert_cmpfloat_with_epsilon (dash.cues[3].start, 62.0, 1e-9);
}

/* What exporters write: escaped brackets around times and other marks, a label over a time
 * alone (a break), names with a degree after a comma, a front matter over plain labels. */
static void
test_exporters_markdown (void)
{
  g_auto (SidecarRead) esc = { 0 };
  g_auto (SidecarRead) names = { 0 };
  g_auto (SidecarRead) plain = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&esc,
                "**Ada Brisk:** \\[00:00\\] Welcome back, everybody.\n\n"
                "**Omar Tell:** Thanks for having me \\[laughs\\], s\\*\\*\\* happens.\n\n"
                "**Ada Brisk:** \\[02:41\\] So, the new compiler.\n\n"
                "**Break:** \\[23:04\\]\n\n"
                "**Omar Tell:** \\[23:30\\] We are back.\n",
                "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (hark_transcript_get_n_speakers (esc.t), ==, 2);
  turns = hark_transcript_get_turns (esc.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me [laughs], s*** happens.");
  g_assert_cmpfloat_with_epsilon (turns[2].start, 161.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (turns[3].start, 1410.0, 1e-9);
  g_assert_cmpstr (turns[3].text, ==, "We are back.");

  {
    g_auto (SidecarRead) late = { 0 };

    /* The first mark comes a few turns in: the turns above it are not lost. */
    sidecar_read (&late,
                  "**Ada Brisk:** Hello there.\n\n**Omar Tell:** Hi.\n\n"
                  "**Ada Brisk:** \\[01:00\\] Later words.\n",
                  "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
    turns = hark_transcript_get_turns (late.t, &n);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpfloat_with_epsilon (turns[0].start, 0.0, 1e-9);
    g_assert_cmpstr (turns[1].text, ==, "Hi.");
    g_assert_cmpfloat_with_epsilon (turns[2].start, 60.0, 1e-9);
  }

  sidecar_read (&names,
                "**Dana Frow, Ph.D:** Good morning, Lev.\n\n**Lev Ostra:** Morning!\n\n"
                "**Dana Frow, Ph.D:** Always.\n\n**Lev Ostra:** Me too.\n",
                "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  turns = hark_transcript_get_turns (names.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (hark_transcript_get_speaker (names.t, (guint) turns[2].speaker)->name, ==,
                   "Dana Frow, Ph.D");

  sidecar_read (&plain,
                "---\ntitle: Boats\n---\n## Warm-up\n\nPella Quist:\n\nWelcome back.\n"
                "Today, sails.\n\nTomas Ruud:\n\nHi.\n\n## Sails\n\nPella Quist:\n\nSo.\n",
                "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  turns = hark_transcript_get_turns (plain.t, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (turns[0].text, ==, "Welcome back. Today, sails.");
  g_assert_cmpstr (turns[1].text, ==, "Hi.");
}

static void
test_bold_timed_titles (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* A bold time and a title with no colon is a section, not a speaker. */
  sidecar_read (&r,
                "**[00:00:00] Why soil matters**\n\nWe start with the ground.\n\n"
                "**[00:05:00] Making Compost**\n\nThen we make compost.\n",
                "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 0);
  g_assert_cmpfloat_with_epsilon (r.cues[r.n_cues - 1].start, 300.0, 1e-9);
}

static void
test_bold_timed_speakers (void)
{
  const char *const shapes[] = {
    "**Ann Lee** (00:00:01): Hello and welcome.\n\n**Bo Park** (00:00:09): Thanks.\n\n"
    "**Ann Lee** (00:01:02): Tomatoes.\n",
    "**Ann Lee** [00:00:01]\n\nHello and welcome.\n\n**Bo Park** [00:00:09]\n\nThanks.\n\n"
    "**Ann Lee** [00:01:02]\n\nTomatoes.\n",
    "**Ann Lee (00:00:01):** Hello and welcome.\n\n**Bo Park (00:00:09):** Thanks.\n\n"
    "**Ann Lee (00:01:02):** Tomatoes.\n",
    "### Ann Lee (00:00:01)\n\nHello and welcome.\n\n### Bo Park (00:00:09)\n\nThanks.\n\n"
    "### Ann Lee (00:01:02)\n\nTomatoes.\n\n### Bo Park (00:01:10)\n\nGreat.\n",
    "### Ann Lee 00:00:01\n\nHello and welcome.\n\n### Bo Park 00:00:09\n\nThanks.\n\n"
    "### Ann Lee 00:01:02\n\nTomatoes.\n\n### Bo Park 00:01:10\n\nGreat.\n",
    "**[00:00:01] Ann Lee:** Hello and welcome.\n\n**[00:00:09] Bo Park:** Thanks.\n\n"
    "**[00:01:02] Ann Lee:** Tomatoes.\n",
    "**00:00:01 - Ann Lee**: Hello and welcome.\n\n**00:00:09 - Bo Park**: Thanks.\n\n"
    "**00:01:02 - Ann Lee**: Tomatoes.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_auto (SidecarRead) r = { 0 };
      guint n_chapters;

      g_test_message ("%s", shapes[i]);
      sidecar_read (&r, shapes[i], "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
      g_assert_cmpuint (r.n_cues, >=, 3);
      g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
      g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[1].speaker)->name, ==,
                       "Bo Park");
      g_assert_cmpint (r.cues[2].speaker, ==, r.cues[0].speaker);
      g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome.");
      g_assert_cmpstr (r.cues[1].text, ==, "Thanks.");
      g_assert_cmpfloat_with_epsilon (r.cues[1].start, 9.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (r.cues[2].start, 62.0, 1e-9);
      g_assert_false (r.cues[1].interpolated);
      /* Speaker headings are turns, not chapters. */
      hark_transcript_get_chapters (r.t, &n_chapters);
      g_assert_cmpuint (n_chapters, ==, 0);
    }
}

/* Times written as links to the show's player or video: the address is not speech, and the
 * file is still known as Markdown by its content. */
static void
test_linked_times (void)
{
  const char *const shapes[] = {
    "# Episode 3\n\n[00:00:01](https://v.example/watch?v=a&t=1s) **Ann Lee:** Hello and welcome.\n\n"
    "[00:00:09](https://v.example/watch?v=a&t=9s) **Bo Park:** Thanks.\n\n"
    "[00:01:02](https://v.example/watch?v=a&t=62s) **Ann Lee:** Tomatoes.\n",
    "**Ann Lee** [(00:00:01)](https://p.example/ep3#t=1) Hello and welcome.\n\n"
    "**Bo Park** [(00:00:09)](https://p.example/ep3#t=9) Thanks.\n\n"
    "**Ann Lee** [(00:01:02)](https://p.example/ep3#t=62) Tomatoes.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_auto (SidecarRead) r = { 0 };

      g_test_message ("%s", shapes[i]);
      g_assert_cmpint (hark_sidecar_sniff (shapes[i], strlen (shapes[i]), "episode.txt"), ==,
                       HARK_SIDECAR_FORMAT_MARKDOWN);
      sidecar_read (&r, shapes[i], "episode.txt", HARK_SIDECAR_FORMAT_MARKDOWN);
      g_assert_cmpuint (r.n_cues, ==, 3);
      g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
      g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[1].speaker)->name, ==,
                       "Bo Park");
      g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome.");
      g_assert_cmpstr (r.cues[2].text, ==, "Tomatoes.");
      g_assert_cmpfloat_with_epsilon (r.cues[1].start, 9.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (r.cues[2].start, 62.0, 1e-9);
    }
}

/* "**Name:** words" with no time anywhere: a speaker-labelled text, its turns in order, for the
 * captions to time (it was refused for want of times). */
static void
test_untimed_speakers (void)
{
  const char *md = "# Episode 3\n\n**Ann Lee:** Hello and welcome.\n\nMore from Ann.\n\n"
                   "**Bo Park:** Thanks.\n\n**Ann Lee:** Tomatoes.\n";
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&r, md, "episode.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_false (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (turns[0].text, ==, "Hello and welcome. More from Ann.");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) turns[1].speaker)->name, ==,
                   "Bo Park");
  g_assert_cmpstr (turns[2].text, ==, "Tomatoes.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/published/audio-without-extension", test_audio_without_extension);
  g_test_add_func ("/published/markdown/minute-marks", test_minute_marks);
  g_test_add_func ("/published/markdown/timed-sections", test_timed_sections);
  g_test_add_func ("/published/markdown/bracketed-speakers", test_bracketed_speakers);
  g_test_add_func ("/published/whisper-text", test_whisper_text);
  g_test_add_func ("/published/seconds-with-units-and-labels", test_seconds_with_units_and_labels);
  g_test_add_func ("/published/not-a-transcript", test_not_a_transcript);
  g_test_add_func ("/published/speaker-names", test_speaker_names);
  g_test_add_func ("/published/markdown/bold-timed-speakers", test_bold_timed_speakers);
  g_test_add_func ("/published/markdown/bold-timed-titles", test_bold_timed_titles);
  g_test_add_func ("/published/markdown/exporters", test_exporters_markdown);
  g_test_add_func ("/published/markdown/name-time-lines", test_name_time_lines_in_markdown);
  g_test_add_func ("/published/markdown/linked-times", test_linked_times);
  g_test_add_func ("/published/markdown/untimed-speakers", test_untimed_speakers);
  g_test_add_func ("/published/whisper-text-speakers", test_whisper_text_speakers);
  return g_test_run ();
}
