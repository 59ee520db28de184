/* test-reading-chapters.c — chapter titles as heading rows in the reading order
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "reading/hark-reading.h"

/* Host and guest over 60 s; chapters at 0 (Intro), 20.5 (just after a turn start), 33 (in the
 * middle of a turn), one hidden from the table of contents and one after the last word. */
static HarkTranscript *
make_episode (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  int host = hark_transcript_builder_add_speaker (b, "host", "Host");
  int guest = hark_transcript_builder_add_speaker (b, "guest", "Guest");

  hark_transcript_builder_add_cue (b, 0, 10, "Welcome to the show.", host);
  hark_transcript_builder_add_cue (b, 10, 20, "I write compilers.", guest);
  hark_transcript_builder_add_cue (b, 20, 30, "Tell us about parsers.", host);
  hark_transcript_builder_add_cue (b, 30, 45, "Parsers are fun. Errors are hard.", guest);
  hark_transcript_builder_add_cue (b, 45, 50, "Thanks for coming.", host);
  hark_transcript_builder_add_chapter (b, 0, -1, "Intro", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 20.5, -1, "Parsers", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 33, -1, "Errors", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 40, -1, "Hidden", NULL, FALSE);
  hark_transcript_builder_add_chapter (b, 55, -1, "Credits", NULL, TRUE);
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static void
test_headings_in_order (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  g_autoptr (HarkReading) plain = hark_reading_new (t, NULL, 0);
  g_autoptr (HarkReading) r = hark_reading_new_full (t, NULL, 0, HARK_READING_CHAPTER_HEADINGS);
  const HarkReadingRow *rows;
  guint n_plain, n;
  g_autoptr (GString) order = g_string_new (NULL);

  hark_reading_get_rows (plain, &n_plain);
  rows = hark_reading_get_rows (r, &n);
  /* Without the flag, no headings: what existing views show does not change. */
  g_assert_cmpuint (n_plain, ==, 5);
  g_assert_cmpuint (n, ==, 5 + 4);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_assert_cmpfloat (rows[i].start, >=, rows[i - 1].start);
      if (rows[i].kind == HARK_READING_ROW_CHAPTER)
        {
          g_assert_cmpint (rows[i].turn, ==, -1);
          g_assert_cmpint (rows[i].speaker, ==, -1);
          g_assert_cmpint (rows[i].chapter, >=, 0);
          g_string_append_printf (order, "[%s] ", rows[i].text);
        }
      else
        {
          g_assert_cmpint (rows[i].chapter, ==, -1);
          g_string_append_printf (order, "%d ", rows[i].turn);
        }
    }
  /* 20.5 is heard with the turn at 20; 33 starts before the next turn; hidden ones stay out. */
  g_assert_cmpstr (order->str, ==, "[Intro] 0 1 [Parsers] 2 [Errors] 3 4 [Credits] ");
  g_assert_cmpfloat (rows[3].start, ==, 20);
}

static void
test_heading_is_never_current (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  g_autoptr (HarkReading) r = hark_reading_new_full (t, NULL, 0, HARK_READING_CHAPTER_HEADINGS);
  const HarkReadingRow *rows = hark_reading_get_rows (r, NULL);

  for (double time = 0; time < 60; time += 0.25)
    {
      int row = hark_reading_row_at (r, time);

      if (row >= 0)
        g_assert_cmpint (rows[row].kind, ==, HARK_READING_ROW_TURN);
    }
  g_assert_cmpint (rows[hark_reading_row_at (r, 21)].turn, ==, 2);
  g_assert_cmpint (rows[hark_reading_row_of_turn (r, 3)].turn, ==, 3);
}

static void
test_headings_with_segments (void)
{
  g_autoptr (HarkTranscript) t = make_episode ();
  HarkSegmentEntry sponsor = {
    .segment = { 15, 25, HARK_CATEGORY_SPONSOR, "detected", NULL },
    .action = HARK_SKIP_ACTION_SKIP,
  };
  g_autoptr (HarkReading) r = hark_reading_new_full (t, &sponsor, 1,
                                                     HARK_READING_CHAPTER_HEADINGS);
  const HarkReadingRow *rows;
  guint n, headings = 0;
  g_autofree char *quote = NULL;

  rows = hark_reading_get_rows (r, &n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_assert_cmpfloat (rows[i].start, >=, rows[i - 1].start);
      if (rows[i].kind == HARK_READING_ROW_CHAPTER)
        {
          headings++;
          if (g_str_equal (rows[i].text, "Parsers"))
            quote = hark_reading_row_to_markdown (r, i);
        }
    }
  g_assert_cmpuint (headings, ==, 4);
  g_assert_cmpint (rows[hark_reading_row_at (r, 18)].kind, ==, HARK_READING_ROW_SEGMENT);
  g_assert_nonnull (quote);
  g_assert_true (g_str_has_prefix (quote, "## Parsers ["));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reading/chapters/headings-in-order", test_headings_in_order);
  g_test_add_func ("/reading/chapters/never-current", test_heading_is_never_current);
  g_test_add_func ("/reading/chapters/with-segments", test_headings_with_segments);
  return g_test_run ();
}
