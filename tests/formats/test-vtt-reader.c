/* test-vtt-reader.c — WebVTT as real files write it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "formats/hark-sidecar.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static void
test_header_and_blocks (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "WEBVTT - A title\n"
                "Kind: captions\n"
                "Language: en\n"
                "\n"
                "STYLE\n"
                "::cue { color: yellow }\n"
                "\n"
                "REGION\n"
                "id:fred width:40%\n"
                "\n"
                "NOTE a comment\n"
                "that runs on\n"
                "\n"
                "intro-1\n"
                "00:00:01.000 --> 00:00:04.000 align:start line:0%\n"
                "Hello\n"
                "world\n"
                "\n"
                "NOTE\n"
                "\n"
                "2\n"
                "00:00:04.000 --> 00:00:06.500\n"
                "Again\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat (r.cues[0].start, ==, 1);
  g_assert_cmpfloat (r.cues[0].end, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello world");
  g_assert_cmpfloat (r.cues[1].end, ==, 6.5);
  g_assert_cmpstr (r.cues[1].text, ==, "Again");
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_encodings (void)
{
  static const char crlf[] = "\xef\xbb\xbfWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nOne\r\n\r\n"
                             "00:02.000 --> 00:03.000\r\nTwo\r\n";
  static const char cr[] = "WEBVTT\r\r00:01.000 --> 00:02.000\rOne\r\r00:02.000 --> 00:03.000\rTwo";
  /* "WEBVTT\n\n00:01.000 --> 00:02.000\nÉté\n" in UTF-16 LE with BOM. */
  g_autofree char *utf16 = NULL;
  glong utf16_items = 0;
  const char *sources[] = { crlf, cr };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_auto (SidecarRead) r = { 0 };

      sidecar_read (&r, sources[i], "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
      g_assert_cmpuint (r.n_cues, ==, 2);
      g_assert_cmpstr (r.cues[0].text, ==, "One");
      g_assert_cmpstr (r.cues[1].text, ==, "Two");
    }

  {
    g_auto (SidecarRead) r = { 0 };
    gunichar2 *units = g_utf8_to_utf16 ("\xef\xbb\xbfWEBVTT\n\n00:01.000 --> 00:02.000\nÉté\n", -1,
                                        NULL, &utf16_items, NULL);

    /* g_utf8_to_utf16 writes host order; a BOM (from U+FEFF) marks which one. */
    utf16 = (char *) units;
    sidecar_read_bytes (&r, utf16, (gsize) utf16_items * 2, "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
    g_assert_cmpuint (r.n_cues, ==, 1);
    g_assert_cmpstr (r.cues[0].text, ==, "Été");
  }
}

static void
test_times (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "WEBVTT\n\n"
                "05:12.340 --> 05:13.5\n"
                "no hours, short fraction\n\n"
                "123:00:00.000 --> 123:00:01,25\n"
                "hours over 99, comma\n\n"
                "00:00:07 --> 00:00:08\n"
                "no fraction\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 3);
  /* Cues come back sorted by start. */
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 312.34, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 313.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 442800, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[2].end, 442801.25, 1e-9);
}

static void
test_missing_blank_lines (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "WEBVTT\n"
                "00:00:01.000 --> 00:00:02.000\n"
                "right after the header\n"
                "00:00:02.000 --> 00:00:03.000\n"
                "first line\n"
                "3\n"
                "00:00:03.000 --> 00:00:04.000\n"
                "42\n"
                "00:00:04.000 --> 00:00:05.000\n"
                "a line\n"
                "   \n"
                "after a line of spaces\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "right after the header");
  g_assert_cmpstr (r.cues[1].text, ==, "first line"); /* "3" was the next cue's identifier */
  g_assert_cmpstr (r.cues[2].text, ==, "42");         /* a cue whose text is only a number */
  g_assert_cmpstr (r.cues[3].text, ==, "a line after a line of spaces");
  g_assert_true (sidecar_has_warning (&r, "test.vtt:4:1: Expected a blank line"));
}

static void
test_bad_cue_keeps_the_rest (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "WEBVTT\n\n"
                "00:00:01.000 --> 00:00:02.000\n"
                "good\n\n"
                "00:00:02.000 -> 00:00:03.000\n"
                "bad arrow\n\n"
                "00:00:03.000 --> 00:0x:04.000\n"
                "bad end\n\n"
                "just some words\n"
                "without a time\n\n"
                "00:00:05.000 --> 00:00:04.000\n"
                "ends before it starts\n\n"
                "00:00:06.000 --> 00:00:07.000\n"
                "still read\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "good");
  g_assert_cmpstr (r.cues[1].text, ==, "ends before it starts");
  g_assert_cmpfloat (r.cues[1].end, ==, r.cues[1].start);
  g_assert_cmpstr (r.cues[2].text, ==, "still read");
  /* "-> " is not an arrow, so that block has no timing line at all. */
  g_assert_true (sidecar_has_warning (&r, "test.vtt:6:1: Expected a cue timing line"));
  g_assert_true (sidecar_has_warning (&r, "test.vtt:9:18: Expected an end time"));
  g_assert_true (sidecar_has_warning (&r, "test.vtt:12:1: Expected a cue timing line"));
  g_assert_true (sidecar_has_warning (&r, "test.vtt:15:1: Expected the cue to end after"));
}

static void
test_voices (void)
{
  g_auto (SidecarRead) r = { 0 };
  guint n_turns;
  const HarkTurn *turns;

  sidecar_read (&r,
                "WEBVTT\n\n"
                "00:00:00.000 --> 00:00:02.000\n"
                "<v Roger Bingham>We are in New York City\n\n"
                "00:00:02.000 --> 00:00:04.000\n"
                "and this continues Roger\n\n"
                "00:00:04.000 --> 00:00:06.000\n"
                "<v.loud Esme>It’s a blue apple tree!</v>\n\n"
                "00:00:06.000 --> 00:00:10.000\n"
                "<v Esme>No doubt</v> <v Roger Bingham>about it\n\n"
                "00:00:10.000 --> 00:00:11.000\n"
                "<v Jos&eacute;  Mar&#237;a>Hola\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 6);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 3);
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, 2)->name, ==, "José María");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, 0)->name, ==, "Roger Bingham");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, 1)->name, ==, "Esme");
  g_assert_cmpint (r.cues[1].speaker, ==, 0); /* no <v>: the previous speaker continues */
  g_assert_cmpint (r.cues[2].speaker, ==, 1);
  g_assert_cmpstr (r.cues[2].text, ==, "It’s a blue apple tree!");
  /* Two voices in one cue: split by text length ("No doubt" 8, "about it" 8). */
  g_assert_cmpstr (r.cues[3].text, ==, "No doubt");
  g_assert_cmpint (r.cues[3].speaker, ==, 1);
  g_assert_cmpfloat (r.cues[3].end, ==, 8);
  g_assert_cmpstr (r.cues[4].text, ==, "about it");
  g_assert_cmpint (r.cues[4].speaker, ==, 0);
  turns = hark_transcript_get_turns (r.t, &n_turns);
  g_assert_cmpuint (n_turns, ==, 4); /* Roger, Esme (two cues), Roger, José María */
  g_assert_cmpstr (turns[0].text, ==, "We are in New York City and this continues Roger");
}

static void
test_tags_and_references (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words = NULL;

  sidecar_read (&r,
                "WEBVTT\n\n"
                "00:00:00.000 --> 00:00:02.000\n"
                "<c.yellow>Tom</c> &amp; <i>Jerry</i> &lt;3 caf&eacute; &#8212; <b><u>x</u></b>\n\n"
                "00:00:02.000 --> 00:00:04.000\n"
                "<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> <lang en>ok</lang>\n\n"
                "00:00:04.000 --> 00:00:07.000\n"
                "<c>Never</c><00:00:05.000><c> drink</c> <00:00:06.000><c>liquid</c>\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "Tom & Jerry <3 café — x");
  g_assert_cmpstr (r.cues[1].text, ==, "漢字 ok");
  g_assert_cmpstr (r.cues[2].text, ==, "Never drink liquid");
  g_assert_cmpuint (r.cues[2].n_words, ==, 3);
  g_assert_cmpuint (r.cues[0].n_words, ==, 0);
  words = hark_transcript_get_words (r.t, NULL) + r.cues[2].first_word;
  g_assert_cmpstr (words[0].text, ==, "Never");
  g_assert_cmpfloat (words[0].start, ==, 4);
  g_assert_cmpfloat (words[0].end, ==, 5);
  g_assert_cmpstr (words[1].text, ==, "drink");
  g_assert_cmpfloat (words[1].start, ==, 5);
  g_assert_cmpstr (words[2].text, ==, "liquid");
  g_assert_cmpfloat (words[2].start, ==, 6);
  g_assert_cmpfloat (words[2].end, ==, 7);
}

/* YouTube's auto-captions: each cue repeats the line before, with 10 ms bridges between. */
static void
test_rolling_auto_captions (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "WEBVTT\nKind: captions\nLanguage: en\n\n"
                "00:00:00.000 --> 00:00:02.000 align:start position:0%\n"
                "hello<00:00:00.500><c> everyone</c>\n\n"
                "00:00:02.000 --> 00:00:02.010 align:start position:0%\n"
                "hello everyone\n \n\n"
                "00:00:02.010 --> 00:00:04.000 align:start position:0%\n"
                "hello everyone\n"
                "welcome<00:00:03.000><c> back</c>\n\n"
                "00:00:04.000 --> 00:00:04.010\n"
                "welcome back\n",
                "test.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 4); /* no cue is lost, bridges become empty */
  g_assert_cmpstr (r.cues[0].text, ==, "hello everyone");
  g_assert_cmpstr (r.cues[1].text, ==, "");
  g_assert_cmpstr (r.cues[2].text, ==, "welcome back");
  g_assert_cmpuint (r.cues[2].n_words, ==, 2);
  g_assert_cmpstr (r.cues[3].text, ==, "");
}

static void
test_missing_header (void)
{
  g_autoptr (GError) error = NULL;

  {
    /* Without the header, the name and the arrows still say WebVTT. */
    g_auto (SidecarRead) r = { 0 };

    sidecar_read (&r, "00:00:01.000 --> 00:00:02.000\nHi\n", "x.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
    g_assert_cmpuint (r.n_cues, ==, 1);
    g_assert_true (sidecar_has_warning (&r, "x.vtt:1:1: Expected “WEBVTT”"));
  }
  {
    g_auto (SidecarRead) r = { 0 };

    sidecar_read (&r, "WEBVTT\n", "x.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
    g_assert_true (hark_transcript_is_empty (r.t));
    g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_NONE);
  }

  error = sidecar_read_error ("garbage\n", "x.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "x.vtt:1:1: Expected “WEBVTT” at the start of a WebVTT file.");
}

/* Counts "-->" timing lines the simplest way, independently of the reader. */
static guint
count_timing_lines (const char *contents)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "-->"))
      n++;
  return n;
}

static void
check_file_keeps_every_cue (const char *relative, guint expected_cues)
{
  g_autofree char *path = hark_test_fixture (relative);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  HarkSidecarInfo info;
  guint n_cues, timing_lines;

  if (path == NULL)
    return;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  timing_lines = count_timing_lines (contents);
  if (expected_cues > 0)
    g_assert_cmpuint (timing_lines, ==, expected_cues);
  t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, &info, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_true (info.kind & HARK_SIDECAR_KIND_TIMED);
  hark_transcript_get_cues (t, &n_cues);
  g_test_message ("%s: %u cues, %u timing lines, %u warnings", relative, n_cues, timing_lines,
                  warnings->len);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("  %s", (char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (n_cues, ==, timing_lines);
  /* None of these files rolls lines over, so no cue with a duration may lose its text. */
  for (guint i = 0; i < n_cues; i++)
    {
      const HarkCue *cue = &hark_transcript_get_cues (t, NULL)[i];

      if (cue->end > cue->start)
        g_assert_cmpstr (cue->text, !=, "");
      g_assert_null (strchr (cue->text, '<'));
      g_assert_null (strstr (cue->text, "&amp;"));
    }
}

static void
test_real_files (void)
{
  g_autofree char *dir_path = hark_test_fixture ("real-vtt");
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint files = 0;

  if (dir_path == NULL)
    return;
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *relative = g_build_filename ("real-vtt", name, NULL);

      if (!g_str_has_suffix (name, ".vtt"))
        continue;
      check_file_keeps_every_cue (relative, 0);
      files++;
    }
  g_assert_cmpuint (files, ==, 7);
}

static void
test_real_voices (void)
{
  g_autofree char *path
      = hark_test_fixture ("real-vtt/529-python-apps-with-llm-building-blocks.vtt");
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GError) error = NULL;
  const HarkCue *cues;
  guint n;

  if (path == NULL)
    return;
  t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  cues = hark_transcript_get_cues (t, &n);
  g_assert_cmpint (hark_transcript_find_speaker (t, "Michael Kennedy"), >=, 0);
  g_assert_cmpuint (hark_transcript_get_n_speakers (t), >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (cues[i].speaker, >=, 0);
      g_assert_null (strchr (cues[i].text, '<'));
    }
}

static void
test_ep189 (void)
{
  check_file_keeps_every_cue ("ep189/ep189.vtt", 914);
}

static const char *
speaker_name (const SidecarRead *r, guint cue)
{
  int s = r->cues[cue].speaker;

  return s < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) s)->name;
}

/* Captions without voice tags that name the speaker in the text, as SubRip's do; and voice
 * tags with classes. */
static void
test_names_in_text (void)
{
  g_auto (SidecarRead) caps = { 0 };
  g_auto (SidecarRead) styled = { 0 };
  g_auto (SidecarRead) classes = { 0 };

  sidecar_read (&caps,
                "WEBVTT\n\n00:00:01.000 --> 00:00:08.000\nANN: Hello and welcome.\n\n"
                "00:00:09.000 --> 00:00:15.000\n>> BO PARK: Thanks for having me.\n\n"
                "00:00:15.000 --> 00:00:20.000\nIt is good to be here.\n\n"
                "00:01:02.000 --> 00:01:05.000\n[Ann Lee] Tomatoes.\n"
                "- [Bo Park] Lovely.\n\n"
                "00:01:05.000 --> 00:01:06.000\n[Ann Lee] Yes.\n\n"
                "00:01:06.000 --> 00:01:07.000\n[Bo Park] Good.\n",
                "episode.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (caps.n_cues, ==, 7);
  /* "ANN" and "Ann Lee" are one person, under the fuller name. */
  g_assert_cmpuint (hark_transcript_get_n_speakers (caps.t), ==, 2);
  g_assert_cmpstr (speaker_name (&caps, 0), ==, "Ann Lee");
  g_assert_cmpstr (caps.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (speaker_name (&caps, 1), ==, "Bo Park");
  /* A cue naming nobody continues the speaker before, as in every WebVTT file. */
  g_assert_cmpint (caps.cues[2].speaker, ==, caps.cues[1].speaker);
  g_assert_cmpstr (speaker_name (&caps, 3), ==, "Ann Lee");
  g_assert_cmpstr (caps.cues[3].text, ==, "Tomatoes.");
  g_assert_cmpstr (speaker_name (&caps, 4), ==, "Bo Park");
  g_assert_cmpfloat (caps.cues[4].start, >, 62.0);

  sidecar_read (&styled,
                "WEBVTT\n\n00:00:01.000 --> 00:00:08.000\n<c.yellow>ANN:</c> Hello &amp; "
                "<i>welcome</i>.\n\n00:00:09.000 --> 00:00:15.000\n<c.cyan>BO:</c> Thanks.\n",
                "episode.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (styled.n_cues, ==, 2);
  g_assert_cmpstr (speaker_name (&styled, 0), ==, "ANN");
  g_assert_cmpstr (styled.cues[0].text, ==, "Hello & welcome.");
  g_assert_cmpstr (speaker_name (&styled, 1), ==, "BO");

  sidecar_read (&classes,
                "WEBVTT\n\n00:00:01.000 --> 00:00:08.000\n<v.loud Ann Lee>Hello and "
                "<c.yellow>welcome</c>.\n\n00:00:09.000 --> 00:00:15.000\n"
                "<v.quiet.fast Bo Park>Thanks.</v>\n",
                "episode.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpstr (speaker_name (&classes, 0), ==, "Ann Lee");
  g_assert_cmpstr (classes.cues[0].text, ==, "Hello and welcome.");
  g_assert_cmpstr (speaker_name (&classes, 1), ==, "Bo Park");
}

/* Some tools write the first minute's times as seconds alone ("56.440"). */
static void
test_seconds_only_times (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "WEBVTT\n\n0.860 --> 7.380\n<v Ann>Good morning.\n\n"
                "56.440 --> 1:01.080\n<v Ann>Next, the weather.\n\n"
                "1:01.460 --> 1:11.360\n<v Ann>And finally, sport.\n",
                "daily.vtt", HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 0.86, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 56.44, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 61.08, 1e-9);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vtt/header-and-blocks", test_header_and_blocks);
  g_test_add_func ("/vtt/seconds-only-times", test_seconds_only_times);
  g_test_add_func ("/vtt/names-in-text", test_names_in_text);
  g_test_add_func ("/vtt/encodings", test_encodings);
  g_test_add_func ("/vtt/times", test_times);
  g_test_add_func ("/vtt/missing-blank-lines", test_missing_blank_lines);
  g_test_add_func ("/vtt/bad-cue-keeps-the-rest", test_bad_cue_keeps_the_rest);
  g_test_add_func ("/vtt/voices", test_voices);
  g_test_add_func ("/vtt/tags-and-references", test_tags_and_references);
  g_test_add_func ("/vtt/rolling-auto-captions", test_rolling_auto_captions);
  g_test_add_func ("/vtt/missing-header", test_missing_header);
  g_test_add_func ("/vtt/real-files", test_real_files);
  g_test_add_func ("/vtt/real-voices", test_real_voices);
  g_test_add_func ("/vtt/ep189", test_ep189);
  return g_test_run ();
}
