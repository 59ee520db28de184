/* test-csv-reader.c — transcripts exported as spreadsheet rows under a header
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-written files: columns in any order and any of three separators, quoted fields with
 * separators, quotes and line breaks, clock times, frames, seconds and milliseconds, a missing
 * end, damaged rows that cost only themselves, and text that is not a table.
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
test_rows (void)
{
  g_auto (SidecarRead) r = { 0 };

  /* Named .txt: the content decides. */
  sidecar_read (&r,
                "\xef\xbb\xbfSpeaker,Start Time,End Time,Text\r\n"
                "Ann,00:00:01.500,00:00:04.000,\"Welcome back, everyone.\"\r\n"
                "Bo,00:00:04.000,00:00:09.000,\"Thanks. It is \"\"good\"\" to be here.\"\r\n"
                "Ann,00:00:09.000,,\"Let us talk\r\nabout bread.\"\r\n"
                "Bo,00:00:15:12,00:00:18:00,Frames say less than a second.\r\n",
                "export.txt", HARK_SIDECAR_FORMAT_CSV);
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "Welcome back, everyone.");
  g_assert_cmpstr (r.cues[1].text, ==, "Thanks. It is \"good\" to be here.");
  g_assert_cmpstr (r.cues[2].text, ==, "Let us talk about bread.");
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[0].end, 4.0, 1e-9);
  /* No end: it lasts to the next row's start. */
  g_assert_cmpfloat_with_epsilon (r.cues[2].end, 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[3].start, 15.0, 1e-9);
  g_assert_cmpstr (speaker_of (&r, 0), ==, "Ann");
  g_assert_cmpstr (speaker_of (&r, 1), ==, "Bo");
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_SPEAKERS);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

static void
test_other_layouts (void)
{
  g_auto (SidecarRead) semi = { 0 };
  g_auto (SidecarRead) tabs = { 0 };

  /* Semicolons, columns in another order, milliseconds named in the header. */
  sidecar_read (&semi,
                "transcript;start_ms;end_ms;speaker_label\n"
                "Hello there;1500;4000;SPEAKER_00\n"
                "Hi;4000;5250;SPEAKER_01\n",
                "a.csv", HARK_SIDECAR_FORMAT_CSV);
  g_assert_cmpuint (semi.n_cues, ==, 2);
  g_assert_cmpfloat_with_epsilon (semi.cues[1].end, 5.25, 1e-9);
  g_assert_cmpstr (speaker_of (&semi, 1), ==, "SPEAKER_01");

  /* Tabs, seconds, no speaker column. */
  sidecar_read (&tabs, "Start\tEnd\tCaption\n0.5\t2.0\tOne\n2.0\t3.5\tTwo\n", "a.tsv",
                HARK_SIDECAR_FORMAT_CSV);
  g_assert_cmpuint (tabs.n_cues, ==, 2);
  g_assert_cmpfloat_with_epsilon (tabs.cues[0].start, 0.5, 1e-9);
  g_assert_cmpint (tabs.cues[0].speaker, ==, -1);
}

/* An editor's subtitle list, its times named as an edit decision list names them. */
static void
test_edit_list_columns (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "EDL\tRecord In\tRecord Out\tClipname\tSubtitle\n"
                "EDL\t00:00:00,512\t00:00:01,792\t| ep.mp3_1 |\tHere is something\n"
                "EDL\t00:00:02,816\t00:00:04,608\t| ep.mp3_1 |\tthat I learned\n",
                "ep.tsv", HARK_SIDECAR_FORMAT_CSV);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat_with_epsilon (r.cues[0].start, 0.512, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 4.608, 1e-9);
  g_assert_cmpstr (r.cues[1].text, ==, "that I learned");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 0);
}

static void
test_damaged_rows (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Start,End,Text\n"
                "00:00:01,00:00:02,kept one\n"
                "soon,00:00:03,no start time\n"
                "00:00:05,00:00:04,ends before it starts\n"
                "00:00:06,00:00:07,kept three\n",
                "a.csv", HARK_SIDECAR_FORMAT_CSV);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "kept one");
  g_assert_cmpstr (r.cues[1].text, ==, "ends before it starts");
  /* Its end was not believed: it ends where the next row starts. */
  g_assert_cmpfloat_with_epsilon (r.cues[1].end, 6.0, 1e-9);
  g_assert_true (sidecar_has_warning (&r, "a.csv:3:"));
  g_assert_true (sidecar_has_warning (&r, "a.csv:4:"));
}

static void
test_not_csv (void)
{
  const char *prose = "Ann: Hello, and welcome, everyone.\nBo: Thanks, glad to be here.\n";
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (hark_sidecar_sniff (prose, strlen (prose), "a.txt"), ==,
                   HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_true (hark_sidecar_is_candidate ("/x/episode.csv"));
  error = sidecar_read_error ("Name,Email\nAnn,ann@example.org\n", "a.csv",
                              HARK_SIDECAR_FORMAT_CSV);
  g_assert_nonnull (strstr (error->message, "Speaker,Start Time,End Time,Text"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/rows", test_rows);
  g_test_add_func ("/csv/other-layouts", test_other_layouts);
  g_test_add_func ("/csv/edit-list-columns", test_edit_list_columns);
  g_test_add_func ("/csv/damaged-rows", test_damaged_rows);
  g_test_add_func ("/csv/not-csv", test_not_csv);
  return g_test_run ();
}
