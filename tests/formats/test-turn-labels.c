/* test-turn-labels.c — who speaks, told by where a file puts its labels, and what is no turn
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A caller or an announcer speaks once, under a one-word name: the layout, not recurrence, says
 * it is a label. A talk's header ("Topic:", "Date:", "Location:") names nobody. Initials after
 * a name in the first turn ("Kim Lee (KL)") label the same speaker later. The last cue of a
 * timed text lasts as long as its words. Also the shapes a survey of published transcripts
 * showed: a time closed by a colon, initials with a particle, a transcript marked by a bold line
 * below show notes, header lines in paragraphs of their own, two turns stamped with one second.
 * Every file here is made up.
 */
#include <string.h>

#include "hark-test-util.h"
#include "sidecar-test-util.h"

static const char *
speaker_name (const SidecarRead *r, int speaker)
{
  return speaker < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) speaker)->name;
}

/* The speaker of the turn whose text starts with @prefix, or "(none)" when none does. */
static const char *
turn_speaker (const SidecarRead *r, const char *prefix)
{
  guint n;
  const HarkTurn *turns = hark_transcript_get_turns (r->t, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (turns[i].text, prefix))
      return speaker_name (r, turns[i].speaker);
  return "(none)";
}

/* Every paragraph opens with a label; a one-word one seen once is a speaker too, unless what
 * follows it goes on with a sentence in lower case. */
static void
test_paragraph_once (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Ines: Welcome to the allotment hour.\n\n"
                "Tomas: Glad to be back.\n\n"
                "Ines: Beans first?\n\n"
                "Tomas: Beans first. Compost: the rest of it.\n\n"
                "Dolores: Hello, I am calling about my pears.\n\n"
                "Ines: Go ahead.\n\n"
                "Tomas: Mulch: it keeps the water in.\n\n"
                "Ines: Thanks, all.\n",
                "allotment.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_cmpstr (turn_speaker (&r, "Hello, I am calling"), ==, "Dolores");
  g_assert_cmpstr (turn_speaker (&r, "Mulch: it keeps"), ==, "Tomas");
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 3);
}

/* A timed line per turn: "[time] Name: words". */
static void
test_timed_line_once (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[00:00:01] Ines: Welcome to the allotment hour.\n"
                "[00:00:05] Tomas: Glad to be back.\n"
                "[00:00:09] Ines: Beans first?\n"
                "[00:00:12] Tomas: Beans first.\n"
                "[00:00:15] Announcer: This hour is made by listeners.\n"
                "[00:00:20] Ines: Back to the beans.\n"
                "[00:00:24] Twine: it holds the vines up.\n",
                "allotment.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 7);
  g_assert_cmpstr (speaker_name (&r, r.cues[4].speaker), ==, "Announcer");
  g_assert_cmpstr (r.cues[6].text, ==, "Twine: it holds the vines up.");
  g_assert_cmpstr (speaker_name (&r, r.cues[6].speaker), ==, "Ines");
}

/* Markdown paragraphs with plain labels; a file with notes between its turns says nothing about
 * its layout, and there the recurrence rule stands. */
static void
test_markdown_once (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_auto (SidecarRead) notes = { 0 };

  sidecar_read (&r,
                "# The allotment hour\n\n"
                "Ines: [00:00:01] Welcome to the allotment hour.\n\n"
                "Tomas: Glad to be back.\n\n"
                "Ines: Beans first? [00:00:09]\n\n"
                "Tomas: Beans first.\n\n"
                "Dolores: Hello, I am calling about my pears. [00:00:15]\n\n"
                "Ines: Go ahead. [00:00:20]\n",
                "allotment.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpstr (turn_speaker (&r, "Hello, I am calling"), ==, "Dolores");

  sidecar_read (&notes,
                "# The allotment hour\n\n"
                "Ines: [00:00:01] Welcome to the allotment hour.\n\n"
                "Tomas: Glad to be back.\n\n"
                "A few words from us between the turns.\n\n"
                "Ines: Beans first? [00:00:09]\n\n"
                "More words from us.\n\n"
                "Tomas: Beans first.\n\n"
                "Dolores: Hello, I am calling about my pears. [00:00:15]\n\n"
                "Ines: Go ahead. [00:00:20]\n",
                "allotment.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpstr (turn_speaker (&notes, "Hello, I am calling"), ==, "(none)");
}

/* "Topic:", "Fecha:", "Location:" over a talk: a header, not three speakers. */
static void
test_header_block (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_auto (SidecarRead) md = { 0 };
  g_auto (SidecarRead) caller = { 0 };
  guint n;

  sidecar_read (&r,
                "Tópico: Huertos en balcones\n"
                "Fecha: 3 de marzo\n"
                "Location: Porto\n\n"
                "Ines Vaz: Bienvenidos a todos.\n\n"
                "Tomas Rey: Gracias por venir.\n\n"
                "Ines Vaz: Empecemos.\n",
                "charla.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (sidecar_has_warning (&r, "charla.txt:1:1:"));

  sidecar_read (&md,
                "**Topic:** Balcony gardens\n"
                "**Date:** March 3\n\n"
                "**Ines Vaz:** Welcome, all.\n\n"
                "**Tomas Rey:** Thanks for coming.\n",
                "talk.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (hark_transcript_get_n_speakers (md.t), ==, 2);
  hark_transcript_get_turns (md.t, &n);
  g_assert_cmpuint (n, ==, 2);

  /* A first turn that is a sentence is a turn, and so is a key that speaks again below. */
  sidecar_read (&caller,
                "Announcer: Live from the garden.\n\n"
                "Ines Vaz: Welcome, all.\n\n"
                "Tomas Rey: Thanks for coming.\n\n"
                "Announcer: And we are back\n",
                "talk.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_cmpuint (hark_transcript_get_n_speakers (caller.t), ==, 3);
}

/* "Kim Lee (KL)" once, then "KL": one speaker, the full name kept, in every layout. */
static void
test_initials_after_name (void)
{
  static const struct
  {
    const char *name;
    const char *text;
    HarkSidecarFormat format;
  } files[] = {
    { "bold.md",
      "**Kim Lee (KL):** [00:00:01] Welcome back.\n\n**Sam Ortiz (SO):** Thanks.\n\n"
      "**KL:** [00:00:09] Tomatoes?\n\n**SO:** Yes. [00:00:12]\n",
      HARK_SIDECAR_FORMAT_MARKDOWN },
    { "otter.txt",
      "Kim Lee (KL)  0:01\nWelcome back.\n\nSam Ortiz (SO)  0:05\nThanks.\n\n"
      "KL  0:09\nTomatoes?\n\nSO  0:12\nYes.\n",
      HARK_SIDECAR_FORMAT_TIMESTAMPED },
    { "bold-timed.txt",
      "00:00:01 **Kim Lee (KL):** Welcome back.\n00:00:05 **Sam Ortiz (SO):** Thanks.\n"
      "00:00:09 **KL:** Tomatoes?\n00:00:12 **SO:** Yes.\n",
      HARK_SIDECAR_FORMAT_MARKDOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto (SidecarRead) r = { 0 };

      sidecar_read (&r, files[i].text, files[i].name, files[i].format);
      g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
      g_assert_cmpstr (turn_speaker (&r, "Tomatoes"), ==, "Kim Lee");
      g_assert_cmpstr (turn_speaker (&r, "Welcome"), ==, "Kim Lee");
    }
}

/* The last cue of a timed text lasts as long as its words take at the file's pace. */
static void
test_last_cue_length (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkCue *last;

  sidecar_read (&r,
                "[00:00:00] Ines: Twenty characters...\n"
                "[00:00:02] Tomas: Twenty characters...\n"
                "[00:00:04] Ines: Forty characters of words, said slowly..\n",
                "pace.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  last = &r.cues[r.n_cues - 1];
  g_assert_cmpfloat (last->start, ==, 4);
  /* Forty characters at the ten a second the first two cues are said at. */
  g_assert_cmpfloat_with_epsilon (last->end, 8, 1e-9);
}


/* "Name – 00:02:46:" over the words: the time closed by a colon, as a label would be. */
static void
test_dashed_time_colon (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Ines – 00:00:05:\nWelcome back to the allotment hour.\n\n"
                "Tomas – 00:00:09:\nGlad to be back.\n\n"
                "Ines – 00:00:14:\nBeans first?\n",
                "allotment.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[1].start, ==, 9);
  g_assert_cmpstr (r.cues[1].text, ==, "Glad to be back.");
  g_assert_cmpstr (speaker_name (&r, r.cues[1].speaker), ==, "Tomas");
}

/* Initials with a particle's letter: "Ana de Souza (AdS)", then "AdS". */
static void
test_initials_with_particle (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "Ana de Souza (AdS): Welcome.\n\n"
                "Tomas Rey (TR): Thanks.\n\n"
                "AdS: Beans?\n\n"
                "TR: Beans.\n",
                "beans.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (turn_speaker (&r, "Beans?"), ==, "Ana de Souza");
}

/* Show notes with times in their links, then "**Transcript below:**" (no heading) over the
 * untimed turns: the notes are no turns, their times no cues. */
static void
test_transcript_below_marker (void)
{
  g_auto (SidecarRead) r = { 0 };
  guint n;

  sidecar_read (&r,
                "Ines talks beans with Tomas.\n\n"
                "**Links:**\n\n"
                "- [Bean guide](https://example.org/beans) [04:10]\n"
                "- [Trellis plans](https://example.org/trellis) [12:30]\n\n"
                "**Transcript below:**\n\n"
                "**Ines Vaz:** Welcome to the allotment hour.\n\n"
                "**Tomas Rey:** Glad to be back.\n\n"
                "**Ines Vaz:** Beans first?\n",
                "beans.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (turn_speaker (&r, "Glad"), ==, "Tomas Rey");
}

/* A header whose lines stand in paragraphs of their own, over turns. */
static void
test_header_paragraphs (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "# Balcony gardens\n\n"
                "Tópico: Huertos en balcones\n\n"
                "Localização: Porto\n\n"
                "**Ines Vaz:** [00:00:01] Bienvenidos a todos.\n\n"
                "**Tomas Rey:** [00:00:05] Gracias por venir.\n",
                "charla.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Bienvenidos a todos.");
}

/* Two turns stamped with the same second: the second starts by its share of the words up to
 * the next time, so the first lasts some time. */
static void
test_same_second_marks (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "**Ines:** [00:01:00] Yes.\n\n"
                "**Tomas:** [00:01:00] And beans climb anything you give them, poles or string.\n\n"
                "**Ines:** [00:01:10] True.\n",
                "beans.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[0].start, ==, 60);
  g_assert_cmpfloat (r.cues[0].end, >, 60);
  g_assert_cmpfloat (r.cues[1].start, ==, r.cues[0].end);
  g_assert_cmpfloat (r.cues[1].end, ==, 70);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/turn-labels/paragraph-once", test_paragraph_once);
  g_test_add_func ("/turn-labels/timed-line-once", test_timed_line_once);
  g_test_add_func ("/turn-labels/markdown-once", test_markdown_once);
  g_test_add_func ("/turn-labels/header-block", test_header_block);
  g_test_add_func ("/turn-labels/initials-after-name", test_initials_after_name);
  g_test_add_func ("/turn-labels/last-cue-length", test_last_cue_length);
  g_test_add_func ("/turn-labels/dashed-time-colon", test_dashed_time_colon);
  g_test_add_func ("/turn-labels/initials-with-particle", test_initials_with_particle);
  g_test_add_func ("/turn-labels/transcript-below-marker", test_transcript_below_marker);
  g_test_add_func ("/turn-labels/header-paragraphs", test_header_paragraphs);
  g_test_add_func ("/turn-labels/same-second-marks", test_same_second_marks);
  return g_test_run ();
}
