/* test-merge.c — giving speaker-labelled turns the times of caption words
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "transcript/hark-merge.h"

/* Captions without speakers, wording a little off, one cue spanning a change of speaker. */
static HarkTranscript *
make_captions (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();

  hark_transcript_builder_add_cue (b, 0, 4, "Welcome to the show, everyone.", -1);
  hark_transcript_builder_add_cue (b, 4, 8, "Today our guest is Ada Lovelace.", -1);
  /* "Thanks for having me" starts at the 5th of 8 words: 10 + 4/8 * 4 = 12 s. */
  hark_transcript_builder_add_cue (b, 10, 14, "Ada, please say hello. Thanks for having me.", -1);
  hark_transcript_builder_add_cue (b, 14, 20, "It's great to be here, really.", -1);
  hark_transcript_builder_add_cue (b, 21, 23, "[music]", -1);
  hark_transcript_builder_add_cue (b, 23, 25, "So, how did it start?", -1);
  hark_transcript_builder_add_chapter (b, 0, -1, "Intro", NULL, TRUE);
  hark_transcript_builder_add_segment (b, 21, 23, HARK_CATEGORY_MUSIC_OFFTOPIC, "test", NULL);
  hark_transcript_builder_set_media_duration (b, 30);
  hark_transcript_builder_set_source_note (b, "made in a test");
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static const HarkMergeTurn labelled[] = {
  { "Host Person",
    "Welcome to the show everyone! Today our guest is Ada Lovelace. Ada, please say hi." },
  { "Ada Lovelace", "Thanks for having me. It is great to be here, really." },
  { "Host Person", "So how did it all start?" },
};

static void
test_merge_times (void)
{
  g_autoptr (HarkTranscript) captions = make_captions ();
  HarkMergeReport report;
  g_autoptr (HarkTranscript) t = hark_merge (captions, labelled, G_N_ELEMENTS (labelled), &report);
  guint n_turns, n_cues;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);

  g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 2);
  g_assert_cmpstr (hark_transcript_get_speaker (t, 0)->id, ==, "host-person");
  g_assert_cmpstr (hark_transcript_get_speaker (t, 1)->name, ==, "Ada Lovelace");

  g_assert_cmpuint (n_turns, ==, 3);
  g_assert_cmpint (turns[0].speaker, ==, 0);
  g_assert_cmpfloat_with_epsilon (turns[0].start, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (turns[0].end, 12, 1e-9);
  g_assert_cmpint (turns[1].speaker, ==, 1);
  g_assert_cmpfloat_with_epsilon (turns[1].start, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (turns[1].end, 20, 1e-9);
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me. It is great to be here, really.");
  g_assert_cmpint (turns[2].speaker, ==, 0);
  /* "[music]" has no word in the transcript: it stays with the turn before. */
  g_assert_cmpfloat_with_epsilon (turns[2].start, 23, 1e-9);
  g_assert_cmpfloat_with_epsilon (turns[2].end, 25, 1e-9);
  g_assert_cmpfloat (turns[2].evidence, >, 0.6);

  /* The cue with the change of speaker is split at the change, text and all. */
  g_assert_cmpuint (n_cues, ==, 7);
  g_assert_cmpstr (cues[2].text, ==, "Ada, please say hello.");
  g_assert_cmpfloat_with_epsilon (cues[2].end, 12, 1e-9);
  g_assert_cmpint (cues[2].speaker, ==, 0);
  g_assert_cmpstr (cues[3].text, ==, "Thanks for having me.");
  g_assert_cmpfloat_with_epsilon (cues[3].start, 12, 1e-9);
  g_assert_cmpint (cues[3].speaker, ==, 1);
  g_assert_cmpint (cues[5].speaker, ==, 1); /* [music] */
  g_assert_cmpint (cues[6].speaker, ==, 0);
  g_assert_cmpuint (turns[1].first_cue, ==, 3);
  g_assert_cmpuint (turns[1].n_cues, ==, 2);

  /* hi/hello, It is/It's and "all" do not match; [music] is not a word. */
  g_assert_cmpuint (report.n_labelled_words, ==, 32);
  g_assert_cmpuint (report.n_timed_words, ==, 30);
  g_assert_cmpuint (report.n_matched, ==, 28);
  g_assert_cmpfloat_with_epsilon (report.coverage, 28.0 / 32, 1e-9);
  g_assert_cmpuint (report.n_weak_turns, ==, 0);
  hark_merge_report_clear (&report);

  /* What the captions carried besides cues survives the merge. */
  g_assert_cmpuint (hark_transcript_get_chapters (t, NULL)[0].end, ==, 30);
  g_assert_cmpint (hark_transcript_get_segments (t, NULL)[0].category, ==,
                   HARK_CATEGORY_MUSIC_OFFTOPIC);
  g_assert_cmpfloat (hark_transcript_get_media_duration (t), ==, 30);
  g_assert_cmpstr (hark_transcript_get_source_note (t), ==, "made in a test");
}

/* A turn the captions do not have at all gets a zero-length place and is reported as weak. */
static void
test_merge_weak_turn (void)
{
  g_autoptr (HarkTranscript) captions = make_captions ();
  const HarkMergeTurn turns[] = {
    labelled[0],
    { "Ada Lovelace", "Zebras quietly juggle marmalade." },
    labelled[1],
    labelled[2],
  };
  HarkMergeReport report;
  g_autoptr (HarkTranscript) t = hark_merge (captions, turns, G_N_ELEMENTS (turns), &report);
  guint n_turns;
  const HarkTurn *merged = hark_transcript_get_turns (t, &n_turns);

  g_assert_cmpuint (n_turns, ==, 4);
  g_assert_cmpuint (report.n_weak_turns, ==, 1);
  g_assert_cmpuint (report.weak_turns[0], ==, 1);
  g_assert_cmpfloat (merged[1].evidence, ==, 0);
  g_assert_cmpfloat (merged[1].start, <=, merged[2].start);
  g_assert_cmpfloat (merged[0].start, <=, merged[1].start);
  g_assert_cmpfloat_with_epsilon (merged[2].start, 12, 1e-9);
  hark_merge_report_clear (&report);
}

/* Karaoke word times are used as they are, not spread over the cue. */
static void
test_merge_word_times (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) captions = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  const HarkMergeTurn turns[] = { { "A", "one two" }, { "B", "three four" } };
  const HarkCue *cues;
  guint n_cues;

  hark_transcript_builder_add_cue (b, 0, 10, "one two three four", -1);
  hark_transcript_builder_add_word (b, 0, 1, "one");
  hark_transcript_builder_add_word (b, 1, 2, "two");
  hark_transcript_builder_add_word (b, 7, 8, "three");
  hark_transcript_builder_add_word (b, 8, 10, "four");
  captions = hark_transcript_builder_finish (g_steal_pointer (&b));
  t = hark_merge (captions, turns, 2, NULL);

  g_assert_cmpfloat_with_epsilon (hark_transcript_get_turns (t, NULL)[1].start, 7, 1e-9);
  cues = hark_transcript_get_cues (t, &n_cues);
  g_assert_cmpuint (n_cues, ==, 2);
  g_assert_cmpstr (cues[1].text, ==, "three four");
  g_assert_cmpuint (cues[1].n_words, ==, 2);
  g_assert_cmpuint (cues[0].n_words, ==, 2);
}

static void
test_merge_nothing (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) empty = hark_transcript_builder_finish (g_steal_pointer (&b));
  g_autoptr (HarkTranscript) captions = make_captions ();
  g_autoptr (HarkTranscript) t1 = hark_merge (empty, labelled, G_N_ELEMENTS (labelled), NULL);
  g_autoptr (HarkTranscript) t2 = hark_merge (captions, NULL, 0, NULL);
  guint n;

  g_assert_cmpuint (hark_transcript_get_turns (t1, &n)[2].start, ==, 0);
  g_assert_cmpuint (n, ==, 3);
  hark_transcript_get_cues (t2, &n);
  g_assert_cmpuint (n, ==, 6);
}

/* The lookups the window uses agree with a plain scan, at cue edges and in between. */
static void
test_lookups_match_scan (void)
{
  g_autoptr (HarkTranscript) captions = make_captions ();
  g_autoptr (HarkTranscript) t = hark_merge (captions, labelled, G_N_ELEMENTS (labelled), NULL);
  guint n_cues, n_turns;
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);

  for (double time = -1; time <= 27; time += 0.125)
    {
      int want_cue = -1, want_turn = -1;

      for (guint i = 0; i < n_cues; i++)
        if (cues[i].start <= time && time < cues[i].end)
          want_cue = (int) i;
      for (guint i = 0; i < n_turns && turns[i].start <= time; i++)
        want_turn = (int) i;
      g_assert_cmpint (hark_transcript_cue_at (t, time), ==, want_cue);
      g_assert_cmpint (hark_transcript_turn_at (t, time), ==, want_turn);
    }
  {
    g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
    g_autoptr (HarkTranscript) empty = hark_transcript_builder_finish (g_steal_pointer (&b));

    g_assert_cmpint (hark_transcript_cue_at (empty, 1), ==, -1);
    g_assert_cmpint (hark_transcript_turn_at (empty, 1), ==, -1);
    g_assert_cmpint (hark_transcript_next_turn (empty, 1), ==, -1);
  }
}

static void
test_speaker_id (void)
{
  g_autofree char *a = hark_speaker_id_from_name ("Michael Kennedy");
  g_autofree char *b = hark_speaker_id_from_name ("  Dr. Ada  LOVELACE ");
  g_autofree char *c = hark_speaker_id_from_name ("—");

  g_assert_cmpstr (a, ==, "michael-kennedy");
  g_assert_cmpstr (b, ==, "dr-ada-lovelace");
  g_assert_cmpstr (c, ==, "speaker");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/merge/times", test_merge_times);
  g_test_add_func ("/merge/merge/weak-turn", test_merge_weak_turn);
  g_test_add_func ("/merge/merge/word-times", test_merge_word_times);
  g_test_add_func ("/merge/merge/nothing", test_merge_nothing);
  g_test_add_func ("/merge/merge/lookups", test_lookups_match_scan);
  g_test_add_func ("/merge/merge/speaker-id", test_speaker_id);
  return g_test_run ();
}
