/* test-reading.c — the reading order: turns with skippable segments in place
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "reading/hark-reading.h"

/* Host asks, guest answers, the host's long turn carries a sponsor read in its middle. */
static HarkTranscript *
make_episode (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  int host = hark_transcript_builder_add_speaker (b, "host", "Host");
  int guest = hark_transcript_builder_add_speaker (b, "guest", "Guest");

  hark_transcript_builder_add_cue (b, 0, 5, "Welcome to the show.", host);
  hark_transcript_builder_add_cue (b, 5, 10, "What do you do?", host);
  hark_transcript_builder_add_cue (b, 10, 20, "I write compilers for a living.", guest);
  hark_transcript_builder_add_cue (b, 20, 25, "Nice, we will talk about that.", host);
  hark_transcript_builder_add_cue (b, 25, 30, "This episode is brought to you by Acme.", host);
  hark_transcript_builder_add_cue (b, 30, 35, "Visit acme.example today.", host);
  hark_transcript_builder_add_cue (b, 35, 40, "So, compilers: why?", host);
  hark_transcript_builder_add_cue (b, 40, 50, "Because they are fun.", guest);
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static HarkSegmentEntry
sponsor (double start, double end, HarkSkipAction action)
{
  HarkSegmentEntry e = {
    .segment = { start, end, HARK_CATEGORY_SPONSOR, "detected", "brought to you by" },
    .action = action,
  };
  return e;
}

static void
test_rows_without_segments (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  g_autoptr (HarkReading) r = hark_reading_new (t, NULL, 0);
  guint n_rows, n_turns;
  const HarkReadingRow *rows = hark_reading_get_rows (r, &n_rows);
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);

  g_assert_cmpuint (n_rows, ==, n_turns);
  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_cmpint (rows[i].kind, ==, HARK_READING_ROW_TURN);
      g_assert_cmpint (rows[i].turn, ==, (int) i);
      g_assert_cmpstr (rows[i].text, ==, turns[i].text);
      g_assert_false (rows[i].continued);
    }
  g_assert_cmpint (hark_reading_row_at (r, -1), ==, -1);
  g_assert_cmpint (hark_reading_row_at (r, 12), ==, 1);
  g_assert_cmpint (hark_reading_row_of_turn (r, 2), ==, 2);
}

static void
test_segment_splits_turn (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  HarkSegmentEntry entries[] = { sponsor (25, 35, HARK_SKIP_ACTION_SKIP) };
  g_autoptr (HarkReading) r = hark_reading_new (t, entries, G_N_ELEMENTS (entries));
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (r, &n_rows);

  /* Host, Guest, Host (before), Sponsor, Host (after), Guest. */
  g_assert_cmpuint (n_rows, ==, 6);
  g_assert_cmpint (rows[2].kind, ==, HARK_READING_ROW_TURN);
  g_assert_cmpstr (rows[2].text, ==, "Nice, we will talk about that.");
  g_assert_false (rows[2].continued);
  g_assert_cmpint (rows[3].kind, ==, HARK_READING_ROW_SEGMENT);
  g_assert_cmpint (rows[3].turn, ==, 2);
  g_assert_cmpstr (rows[3].text, ==,
                   "This episode is brought to you by Acme. Visit acme.example today.");
  g_assert_cmpint (rows[4].kind, ==, HARK_READING_ROW_TURN);
  g_assert_true (rows[4].continued);
  g_assert_cmpstr (rows[4].text, ==, "So, compilers: why?");
  g_assert_cmpfloat (rows[4].start, ==, 35);

  g_assert_cmpint (hark_reading_row_at (r, 22), ==, 2);
  g_assert_cmpint (hark_reading_row_at (r, 25), ==, 3);
  g_assert_cmpint (hark_reading_row_at (r, 34.9), ==, 3);
  g_assert_cmpint (hark_reading_row_at (r, 35), ==, 4);
  g_assert_cmpint (hark_reading_row_at (r, 45), ==, 5);
  g_assert_cmpint (hark_reading_row_of_turn (r, 2), ==, 2);
  g_assert_cmpint (hark_reading_row_of_turn (r, 3), ==, 5);
}

static void
test_off_segments_hidden (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  HarkSegmentEntry entries[] = { sponsor (25, 35, HARK_SKIP_ACTION_OFF) };
  g_autoptr (HarkReading) r = hark_reading_new (t, entries, G_N_ELEMENTS (entries));
  guint n_rows, n_turns;

  hark_reading_get_rows (r, &n_rows);
  hark_transcript_get_turns (t, &n_turns);
  g_assert_cmpuint (n_rows, ==, n_turns);
}

static void
test_segment_spanning_turns (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  /* From the middle of the guest's answer to the middle of the host's long turn. */
  HarkSegmentEntry entries[] = { sponsor (15, 30, HARK_SKIP_ACTION_MARK) };
  g_autoptr (HarkReading) r = hark_reading_new (t, entries, G_N_ELEMENTS (entries));
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (r, &n_rows);

  g_assert_cmpuint (n_rows, ==, 5);
  g_assert_cmpint (rows[1].turn, ==, 1);
  g_assert_cmpint (rows[2].kind, ==, HARK_READING_ROW_SEGMENT);
  g_assert_cmpint (rows[3].turn, ==, 2);
  g_assert_true (rows[3].continued);
  g_assert_cmpstr (rows[3].text, ==, "Visit acme.example today. So, compilers: why?");
  for (guint i = 1; i < n_rows; i++)
    g_assert_cmpfloat (rows[i].start, >=, rows[i - 1].start);
  g_assert_cmpint (hark_reading_row_at (r, 26), ==, 2);
  g_assert_cmpint (hark_reading_row_at (r, 31), ==, 3);
}

static void
test_cue_ranges (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  g_autoptr (HarkReading) r = hark_reading_new (t, NULL, 0);
  const HarkReadingRow *rows = hark_reading_get_rows (r, NULL);
  gsize start, end;

  /* Row 2 is the host's long turn: its second cue is the sponsor sentence. */
  g_assert_true (hark_reading_row_cue_range (r, 2, 4, &start, &end));
  g_assert_cmpstr (rows[2].text + start, ==,
                   "This episode is brought to you by Acme. Visit acme.example today. "
                   "So, compilers: why?");
  g_assert_cmpuint (end - start, ==, strlen ("This episode is brought to you by Acme. "));
  g_assert_false (hark_reading_row_cue_range (r, 0, 4, &start, &end));
}

static void
test_search_and_quote (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  HarkSegmentEntry entries[] = { sponsor (25, 35, HARK_SKIP_ACTION_SKIP) };
  g_autoptr (HarkReading) r = hark_reading_new (t, entries, G_N_ELEMENTS (entries));
  g_autoptr (GArray) hits = hark_reading_search (r, "ACME");
  g_autoptr (GArray) none = hark_reading_search (r, "");
  g_autoptr (GArray) all = hark_reading_find_all ("Compilers, compilers, ÉCOLE école", "école");
  g_autofree char *quote = hark_reading_row_to_markdown (r, 1);

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, HarkReadingMatch, 0).row, ==, 3);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (quote, ==, "> I write compilers for a living.\n>\n> — **Guest**, [0:10]\n");
}

/* Human text and machine captions disagree in length; the split still falls between words the
 * cue really starts with. */
static void
test_split_snaps_to_cue_words (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (HarkReading) r = NULL;
  int host = hark_transcript_builder_add_speaker (b, "host", "Host");
  HarkSegmentEntry entries[] = { sponsor (10, 20, HARK_SKIP_ACTION_SKIP) };
  const HarkReadingRow *rows;

  hark_transcript_builder_add_cue (b, 0, 10, "right that comes out pretty quick", host);
  hark_transcript_builder_add_cue (b, 10, 20, "this portion is brought to you by Acme", host);
  hark_transcript_builder_add_cue (b, 20, 30, "so back to you", host);
  hark_transcript_builder_add_turn (b, 0, 30,
                                    "Right, that comes out pretty, pretty quick, honestly. This "
                                    "portion is brought to you by Acme. So, back to you.",
                                    host, 1);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  r = hark_reading_new (t, entries, G_N_ELEMENTS (entries));
  rows = hark_reading_get_rows (r, NULL);
  g_assert_cmpstr (rows[0].text, ==, "Right, that comes out pretty, pretty quick, honestly.");
  g_assert_cmpstr (rows[1].text, ==, "This portion is brought to you by Acme.");
  g_assert_cmpstr (rows[2].text, ==, "So, back to you.");
}

static void
test_no_turns (void)
{
  g_autoptr (HarkTranscript) t = hark_transcript_builder_finish (hark_transcript_builder_new ());
  HarkSegmentEntry entries[] = { sponsor (5, 10, HARK_SKIP_ACTION_SKIP) };
  g_autoptr (HarkReading) r = hark_reading_new (t, entries, G_N_ELEMENTS (entries));
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (r, &n_rows);

  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_cmpstr (rows[0].text, ==, "");
  g_assert_cmpint (hark_reading_row_at (r, 7), ==, 0);
  g_assert_cmpint (hark_reading_row_at (r, 12), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reading/rows-without-segments", test_rows_without_segments);
  g_test_add_func ("/reading/segment-splits-turn", test_segment_splits_turn);
  g_test_add_func ("/reading/off-segments-hidden", test_off_segments_hidden);
  g_test_add_func ("/reading/segment-spanning-turns", test_segment_spanning_turns);
  g_test_add_func ("/reading/cue-ranges", test_cue_ranges);
  g_test_add_func ("/reading/search-and-quote", test_search_and_quote);
  g_test_add_func ("/reading/split-snaps-to-cue-words", test_split_snaps_to_cue_words);
  g_test_add_func ("/reading/no-turns", test_no_turns);
  return g_test_run ();
}
