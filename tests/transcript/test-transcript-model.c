/* test-transcript-model.c — building a transcript and looking things up in it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "transcript/hark-transcript.h"

/* Three speakers, a pause between turns, an unvoiced cue that continues its turn. */
static HarkTranscript *
make_conversation (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  int host = hark_transcript_builder_add_speaker (b, "host", "Host");
  int guest = hark_transcript_builder_add_speaker (b, "guest", "Guest");

  /* Added out of order on purpose: the builder sorts. */
  hark_transcript_builder_add_cue (b, 10, 14, "Thanks for having me.", guest);
  hark_transcript_builder_add_cue (b, 0, 4, "Welcome to the show.", host);
  hark_transcript_builder_add_cue (b, 4, 8, "Our guest is here.", -1);
  hark_transcript_builder_add_cue (b, 14, 20, "It is great.", -1);
  hark_transcript_builder_add_cue (b, 21, 25, "Tell us more.", host);
  hark_transcript_builder_add_word (b, 21, 22, "Tell");
  hark_transcript_builder_add_word (b, 22, 23, "us");
  hark_transcript_builder_add_cue (b, 26, 30, "Sure.", guest);
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static void
test_derived_turns (void)
{
  g_autoptr (HarkTranscript) t = make_conversation ();
  guint n_turns, n_cues;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);

  g_assert_cmpuint (n_cues, ==, 6);
  g_assert_cmpuint (n_turns, ==, 4);
  g_assert_cmpstr (turns[0].text, ==, "Welcome to the show. Our guest is here.");
  g_assert_cmpint (turns[0].speaker, ==, 0);
  g_assert_cmpfloat (turns[0].end, ==, 8);
  g_assert_cmpuint (turns[0].n_cues, ==, 2);
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me. It is great.");
  g_assert_cmpint (turns[1].speaker, ==, 1);
  g_assert_cmpint (cues[3].speaker, ==, 1); /* the unvoiced cue got its turn's speaker */
  g_assert_cmpuint (cues[4].n_words, ==, 2);
  g_assert_cmpstr (hark_transcript_get_words (t, NULL)[cues[4].first_word + 1].text, ==, "us");
}

static void
test_lookups (void)
{
  g_autoptr (HarkTranscript) t = make_conversation ();

  g_assert_cmpint (hark_transcript_turn_at (t, -1), ==, -1);
  g_assert_cmpint (hark_transcript_turn_at (t, 0), ==, 0);
  g_assert_cmpint (hark_transcript_turn_at (t, 9), ==, 0); /* the pause stays with turn 0 */
  g_assert_cmpint (hark_transcript_turn_at (t, 10), ==, 1);
  g_assert_cmpint (hark_transcript_turn_at (t, 1000), ==, 3);

  g_assert_cmpint (hark_transcript_cue_at (t, 9), ==, -1);
  g_assert_cmpint (hark_transcript_cue_at (t, 4), ==, 1);
  g_assert_cmpint (hark_transcript_cue_at (t, 29.99), ==, 5);
  g_assert_cmpint (hark_transcript_cue_at (t, 30), ==, -1);

  g_assert_cmpint (hark_transcript_next_turn (t, 0), ==, 1); /* at a start, next is the one after */
  g_assert_cmpint (hark_transcript_next_turn (t, 26), ==, -1);
  g_assert_cmpint (hark_transcript_previous_turn (t, 12), ==, 0);
  g_assert_cmpint (hark_transcript_previous_turn (t, 2), ==, -1);

  g_assert_cmpint (hark_transcript_find_speaker (t, "GUEST"), ==, 1);
  g_assert_cmpint (hark_transcript_find_speaker (t, "nobody"), ==, -1);
  g_assert_cmpint (hark_transcript_next_turn_of_speaker (t, 0, 1), ==, 1);
  g_assert_cmpint (hark_transcript_next_turn_of_speaker (t, 10, 1), ==, 3);
  g_assert_cmpint (hark_transcript_next_turn_of_speaker (t, 26, 1), ==, -1);
  g_assert_cmpint (hark_transcript_previous_turn_of_speaker (t, 27, 1), ==, 1);
  g_assert_cmpint (hark_transcript_previous_turn_of_speaker (t, 22, 0), ==, 0);
  g_assert_cmpint (hark_transcript_previous_turn_of_speaker (t, 2, 0), ==, -1);
  g_assert_cmpint (hark_transcript_next_turn_of_speaker (t, 0, 7), ==, -1);

  {
    guint n;
    double seconds;

    hark_transcript_get_speaker_stats (t, 1, &n, &seconds);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpfloat_with_epsilon (seconds, 10 + 4, 1e-9);
  }
}

static void
test_no_speakers (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  guint n;

  hark_transcript_builder_add_cue (b, 0, 1, "one", -1);
  hark_transcript_builder_add_cue (b, 1, 2, "two", -1);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  hark_transcript_get_turns (t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (hark_transcript_get_turns (t, NULL)[1].speaker, ==, -1);
}

static void
test_explicit_turns_link_cues (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  int a = hark_transcript_builder_add_speaker (b, NULL, "A");
  int c = hark_transcript_builder_add_speaker (b, NULL, "C");
  const HarkTurn *turns;

  g_assert_cmpint (hark_transcript_builder_add_speaker (b, "A", NULL), ==, a);
  for (int i = 0; i < 10; i++)
    hark_transcript_builder_add_cue (b, i * 3, i * 3 + 3, "words", -1);
  hark_transcript_builder_add_turn (b, 14, 30, "second", c, 0.5f);
  hark_transcript_builder_add_turn (b, 0, 14, "first", a, 2.0f);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  turns = hark_transcript_get_turns (t, NULL);
  g_assert_cmpstr (turns[0].text, ==, "first");
  g_assert_cmpfloat (turns[0].evidence, ==, 1.0f);
  g_assert_cmpuint (turns[0].first_cue, ==, 0);
  g_assert_cmpuint (turns[0].n_cues, ==, 5); /* cue 4 (12–15) straddles the change */
  g_assert_cmpuint (turns[1].first_cue, ==, 4);
  g_assert_cmpuint (turns[1].n_cues, ==, 6);
}

static void
test_chapters_and_categories (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  const HarkChapter *chapters;
  HarkCategory category;

  hark_transcript_builder_set_media_duration (b, 600);
  hark_transcript_builder_add_chapter (b, 300, -1, "Second", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 0, -1, "First", "https://example.org", TRUE);
  hark_transcript_builder_add_segment (b, 100, 160, HARK_CATEGORY_SPONSOR, "test", NULL);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  chapters = hark_transcript_get_chapters (t, NULL);
  g_assert_cmpstr (chapters[0].title, ==, "First");
  g_assert_cmpfloat (chapters[0].end, ==, 300);
  g_assert_cmpfloat (chapters[1].end, ==, 600);
  g_assert_cmpint (hark_transcript_chapter_at (t, 350), ==, 1);
  g_assert_true (hark_transcript_is_empty (t));

  g_assert_true (hark_category_from_string ("Music_OffTopic", &category));
  g_assert_cmpint (category, ==, HARK_CATEGORY_MUSIC_OFFTOPIC);
  g_assert_false (hark_category_from_string ("advert", &category));
  g_assert_cmpstr (hark_category_to_string (HARK_CATEGORY_SELFPROMO), ==, "selfpromo");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/transcript/model/derived-turns", test_derived_turns);
  g_test_add_func ("/transcript/model/lookups", test_lookups);
  g_test_add_func ("/transcript/model/no-speakers", test_no_speakers);
  g_test_add_func ("/transcript/model/explicit-turns", test_explicit_turns_link_cues);
  g_test_add_func ("/transcript/model/chapters-categories", test_chapters_and_categories);
  return g_test_run ();
}
