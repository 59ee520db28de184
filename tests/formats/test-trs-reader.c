/* test-trs-reader.c — Transcriber's XML, as speech archives publish transcripts
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written files: speakers and topics by id, sync marks inside turns, two people
 * talking at once, noises that are not speech, sections of one topic that make one chapter, a
 * sync whose time cannot be read, a file cut short, a declared Latin-1 encoding, a DOCTYPE with
 * entities, and XML that is not Transcriber's.
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

static const char *const episode
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE Trans SYSTEM \"trans-14.dtd\">\n"
      "<Trans scribe=\"someone\" audio_filename=\"bakery-12\" version=\"2\">\n"
      "<Topics>\n"
      "<Topic id=\"to1\" desc=\"Welcome\"/>\n"
      "<Topic id=\"to2\" desc=\"Sourdough starters\"/>\n"
      "</Topics>\n"
      "<Speakers>\n"
      "<Speaker id=\"spk1\" name=\"Ann Baker\" check=\"no\" dialect=\"native\"/>\n"
      "<Speaker id=\"spk2\" name=\"Bo\" check=\"no\"/>\n"
      "</Speakers>\n"
      "<Episode>\n"
      "<Section type=\"report\" topic=\"to1\" startTime=\"0\" endTime=\"10\">\n"
      "<Turn speaker=\"spk1\" startTime=\"0\" endTime=\"6\">\n"
      "<Sync time=\"0\"/>\n"
      "Welcome back to the\n kitchen.\n"
      "<Sync time=\"3.5\"/>\n"
      "<Event desc=\"laugh\" type=\"noise\" extent=\"instantaneous\"/>\n"
      "Today: bread.\n"
      "</Turn>\n"
      "<Turn speaker=\"spk1 spk2\" startTime=\"6\" endTime=\"10\">\n"
      "<Sync time=\"6\"/>\n"
      "<Who nb=\"1\"/>\n"
      "Right, Bo?\n"
      "<Who nb=\"2\"/>\n"
      "Right, and rye too.\n"
      "</Turn>\n"
      "</Section>\n"
      "<Section type=\"report\" topic=\"to2\" startTime=\"10\" endTime=\"20\">\n"
      "<Turn speaker=\"spk2\" startTime=\"10\" endTime=\"20\">\n"
      "<Sync time=\"10\"/>\n"
      "Feed it <Comment desc=\"unclear\"/> twice a day.\n"
      "<Sync time=\"soon\"/>\n"
      "Then wait.\n"
      "</Turn>\n"
      "</Section>\n"
      "<Section type=\"nontrans\" topic=\"to2\" startTime=\"20\" endTime=\"25\">\n"
      "</Section>\n"
      "</Episode>\n"
      "</Trans>\n";

static void
test_episode (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n_chapters;

  /* Named .xml: the root decides. */
  sidecar_read (&r, episode, "bakery.xml", HARK_SIDECAR_FORMAT_TRANSCRIBER);
  g_assert_cmpuint (r.n_cues, ==, 5);
  g_assert_cmpstr (r.cues[0].text, ==, "Welcome back to the kitchen.");
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 3.5, 1e-9);
  g_assert_cmpstr (speaker_of (&r, 0), ==, "Ann Baker");
  /* The noise is not speech, and the stretch ends with its turn. */
  g_assert_cmpstr (r.cues[1].text, ==, "Today: bread.");
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 6.0, 1e-9);
  /* Two voices in one stretch share its time by their words. */
  g_assert_cmpstr (r.cues[2].text, ==, "Right, Bo?");
  g_assert_cmpstr (speaker_of (&r, 2), ==, "Ann Baker");
  g_assert_cmpstr (r.cues[3].text, ==, "Right, and rye too.");
  g_assert_cmpstr (speaker_of (&r, 3), ==, "Bo");
  g_assert_cmpfloat_with_epsilon (r.cues[2].start, 6.0, 1e-9);
  g_assert_cmpfloat (r.cues[2].end, <, r.cues[3].start + 1e-9);
  g_assert_cmpfloat (r.cues[3].start, >, 6.5);
  g_assert_cmpfloat_with_epsilon (r.cues[3].end, 10.0, 1e-9);
  /* A sync with no readable time costs only itself: the words go on from the one before. */
  g_assert_cmpstr (r.cues[4].text, ==, "Feed it twice a day. Then wait.");
  g_assert_cmpfloat_with_epsilon (r.cues[4].start, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[4].end, 20.0, 1e-9);
  g_assert_true (sidecar_has_warning (&r, "bakery.xml:34:1: Expected a time in seconds"));
  g_assert_cmpuint (r.warnings->len, ==, 1);

  /* Sections of one topic are one chapter. */
  chapters = hark_transcript_get_chapters (r.t, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 2);
  g_assert_cmpstr (chapters[0].title, ==, "Welcome");
  g_assert_cmpstr (chapters[1].title, ==, "Sourdough starters");
  g_assert_cmpfloat_with_epsilon (chapters[1].start, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (chapters[1].end, 25.0, 1e-9);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_CHAPTERS);
}

static void
test_latin1_and_cut_short (void)
{
  g_auto (SidecarRead) r = { 0 };
  /* Transcriber writes ISO-8859-1 by default: "Grüße" in Latin-1 bytes. The file then stops in
   * the middle of a turn. */
  const char data[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                      "<Trans><Speakers><Speaker id=\"a\" name=\"J\xfcrgen\"/></Speakers>"
                      "<Episode><Section type=\"report\" startTime=\"0\" endTime=\"9\">"
                      "<Turn speaker=\"a\" startTime=\"0\" endTime=\"9\"><Sync time=\"0\"/>"
                      "Gr\xfc\xdf" "e aus Wien.<Sync time=\"4\"/>Und dann";

  sidecar_read_bytes (&r, data, sizeof data - 1, "gruss.trs", HARK_SIDECAR_FORMAT_TRANSCRIBER);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Grüße aus Wien.");
  g_assert_cmpstr (speaker_of (&r, 0), ==, "Jürgen");
  /* The words read before the end are kept, to the turn's end. */
  g_assert_cmpstr (r.cues[1].text, ==, "Und dann");
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 9.0, 1e-9);
  g_assert_cmpuint (r.warnings->len, >=, 1);
}

static void
test_unknown_speaker_and_no_times (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* A speaker id with no <Speaker> keeps its id as its name; a turn with no times starts where
   * the one before ended and ends where the next starts; a turn naming nobody is read too. */
  sidecar_read (&r,
                "<Trans><Episode><Section type=\"report\" startTime=\"0\" endTime=\"8\">"
                "<Turn speaker=\"spk7\" startTime=\"1\" endTime=\"4\"><Sync time=\"1\"/>One.</Turn>"
                "<Turn speaker=\"spk7\"><Sync time=\"5\"/>Two.</Turn>"
                "<Turn startTime=\"6\" endTime=\"8\"><Sync time=\"6\"/>Three.</Turn>"
                "</Section></Episode></Trans>",
                "a.trs", HARK_SIDECAR_FORMAT_TRANSCRIBER);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (speaker_of (&r, 0), ==, "spk7");
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 6.0, 1e-9);
  g_assert_cmpstr (r.cues[2].text, ==, "Three.");
}

static void
test_refused (void)
{
  g_autoptr (GError) error = NULL;

  /* Entities are never defined or expanded. */
  error = sidecar_read_error ("<!DOCTYPE Trans [<!ENTITY e \"boom\">]><Trans><Episode><Section>"
                              "<Turn startTime=\"0\" endTime=\"1\"><Sync time=\"0\"/>&e;</Turn>"
                              "</Section></Episode></Trans>",
                              "a.trs", HARK_SIDECAR_FORMAT_TRANSCRIBER);
  g_assert_nonnull (strstr (error->message, "a.trs:1:1: The document declares entities"));
  g_clear_error (&error);
  error = sidecar_read_error ("<Trans><Episode><Section><Turn startTime=\"0\" endTime=\"1\">"
                              "<Sync time=\"0\"/></Turn></Section></Episode></Trans>",
                              "a.trs", HARK_SIDECAR_FORMAT_TRANSCRIBER);
  g_assert_nonnull (strstr (error->message, "Expected <Turn> elements with words"));
  g_clear_error (&error);
  /* Another root is another format. */
  g_assert_cmpint (hark_sidecar_sniff ("<Transcript><p/></Transcript>", 29, "a.trs"), !=,
                   HARK_SIDECAR_FORMAT_TRANSCRIBER);
  error = sidecar_read_error ("<Transcript><p/></Transcript>", "a.trs",
                              HARK_SIDECAR_FORMAT_TRANSCRIBER);
  g_assert_nonnull (strstr (error->message, "<Trans>"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trs/episode", test_episode);
  g_test_add_func ("/trs/latin1-and-cut-short", test_latin1_and_cut_short);
  g_test_add_func ("/trs/unknown-speaker-and-no-times", test_unknown_speaker_and_no_times);
  g_test_add_func ("/trs/refused", test_refused);
  return g_test_run ();
}
