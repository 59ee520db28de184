/* test-sync-synthetic.c — aligning, re-syncing and generating from made-up recognized words
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These run without a recognizer: the "recognized" words are the true words at known times with
 * a third of them misheard or dropped, as a small recognizer does, so every check can fail.
 */
#include <string.h>

#include "formats/hark-sidecar.h"
#include "formats/hark-writer.h"
#include "hark-test-util.h"
#include "sync/hark-generate.h"
#include "sync/hark-resync.h"
#include "sync/hark-sync-text.h"

#define N_TURNS 40

typedef struct
{
  GPtrArray *texts;    /* char *, one per turn */
  GArray *starts;      /* double: true start of each turn */
  GArray *word_start;  /* double per word, all turns */
  GArray *word_end;
  GPtrArray *words;    /* char *, per word */
  double duration;
} Episode;

static const char *const syllables[] = { "ka", "lo", "mi", "ren", "to", "sa", "vi", "del",
                                         "or", "pan", "gu", "zel", "ti", "mo", "ber", "na" };

static char *
make_word (GRand *rand)
{
  GString *w = g_string_new (NULL);
  /* Short words are common, long ones rare (as in speech). */
  guint n = g_rand_int_range (rand, 0, 10) < 6 ? 1 : g_rand_int_range (rand, 2, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  return g_string_free (w, FALSE);
}

/* Turns of 3-40 words, sentences of 4-12 words, 0.3-1.2 s pauses between turns and sentences,
 * ~0.33 s per short word. */
static Episode *
make_episode (guint seed)
{
  Episode *e = g_new0 (Episode, 1);
  GRand *rand = g_rand_new_with_seed (seed);
  double t = 5.0;

  e->texts = g_ptr_array_new_with_free_func (g_free);
  e->words = g_ptr_array_new_with_free_func (g_free);
  e->starts = g_array_new (FALSE, FALSE, sizeof (double));
  e->word_start = g_array_new (FALSE, FALSE, sizeof (double));
  e->word_end = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint turn = 0; turn < N_TURNS; turn++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 3, 41), in_sentence = 0;
      guint sentence = g_rand_int_range (rand, 4, 13);

      g_array_append_val (e->starts, t);
      for (guint i = 0; i < n; i++)
        {
          char *w = make_word (rand);
          double len = 0.12 * strlen (w) + 0.05;

          g_array_append_val (e->word_start, t);
          t += len;
          g_array_append_val (e->word_end, t);
          t += 0.04;
          g_string_append_printf (text, "%s%s", text->len ? " " : "", w);
          g_ptr_array_add (e->words, w);
          if (++in_sentence == sentence || i + 1 == n)
            {
              g_string_append_c (text, '.');
              in_sentence = 0;
              t += g_rand_double_range (rand, 0.3, 0.6);
            }
        }
      g_ptr_array_add (e->texts, g_string_free (text, FALSE));
      t += g_rand_double_range (rand, 0.3, 1.2);
    }
  e->duration = t + 3;
  g_rand_free (rand);
  return e;
}

static void
episode_free (Episode *e)
{
  g_ptr_array_unref (e->texts);
  g_ptr_array_unref (e->words);
  g_array_unref (e->starts);
  g_array_unref (e->word_start);
  g_array_unref (e->word_end);
  g_free (e);
}

/* What a weak recognizer hears: each word kept (70%), misheard (20%) or dropped (10%), times
 * jittered by a frame or two; pauses where the sound stops for 0.25 s or more. With @shift > 0,
 * @shift seconds of other speech (words of the same show, in random order: false matches) are
 * inserted at old time @at; with @shift < 0, -@shift seconds from @at are cut out. */
static HarkSpeech *
recognize (const Episode *e, guint seed, double at, double shift)
{
  HarkSpeech *speech = hark_speech_new (e->duration + shift);
  GRand *rand = g_rand_new_with_seed (seed);
  double last_end = 0;

  for (guint i = 0; i < e->words->len; i++)
    {
      double s = g_array_index (e->word_start, double, i);
      double x = g_array_index (e->word_end, double, i);
      double move = s >= at - MIN (shift, 0) ? shift : 0;
      int roll = g_rand_int_range (rand, 0, 10);

      if (shift < 0 && s >= at && s < at - shift)
        continue;
      if (s - last_end >= 0.25)
        hark_speech_add_pause (speech, MAX (last_end + move, last_end), s + move);
      last_end = x;
      if (roll == 0)
        continue;
      hark_speech_add_word (speech, s + move + g_rand_double_range (rand, -0.02, 0.02),
                            x + move, 0.5f,
                            roll < 3 ? "uh" : (const char *) g_ptr_array_index (e->words, i));
    }
  for (double t = at; shift > 0 && t < at + shift - 0.5; t += 0.4)
    hark_speech_add_word (speech, t + 0.1, t + 0.35, 0.3f,
                          g_ptr_array_index (e->words, g_rand_int_range (rand, 0, e->words->len)));
  g_rand_free (rand);
  return speech;
}

static HarkMergeTurn *
make_turns (const Episode *e)
{
  HarkMergeTurn *turns = g_new0 (HarkMergeTurn, N_TURNS);

  for (guint t = 0; t < N_TURNS; t++)
    {
      turns[t].speaker = t % 2 ? "Bob Bee" : "Ann Ay";
      turns[t].text = g_ptr_array_index (e->texts, t);
    }
  return turns;
}

static void
test_sync_text (void)
{
  Episode *e = make_episode (1);
  g_autoptr (HarkSpeech) speech = recognize (e, 2, 1e9, 0);
  g_autofree HarkMergeTurn *input = make_turns (e);
  HarkSyncReport report;
  g_autoptr (HarkTranscript) t = hark_sync_text (speech, input, N_TURNS, &report);
  guint n_turns, n_cues, close = 0, n_sentences = 0;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);

  g_assert_cmpuint (n_turns, ==, N_TURNS);
  g_assert_cmpfloat (report.coverage, >, 0.55);
  g_assert_cmpfloat (report.coverage, <, 0.8);
  for (guint i = 0; i < N_TURNS; i++)
    {
      double truth = g_array_index (e->starts, double, i);

      g_assert_cmpstr (hark_transcript_get_speaker (t, (guint) turns[i].speaker)->name, ==,
                       input[i].speaker);
      g_assert_cmpstr (turns[i].text, ==, input[i].text);
      if (ABS (turns[i].start - truth) >= 0.1)
        g_test_message ("turn %u: %.2f, truth %.2f, evidence %.2f, %s", i, turns[i].start, truth, turns[i].evidence, input[i].text);
      g_assert_cmpfloat (ABS (turns[i].start - truth), <, 3.0);
      close += ABS (turns[i].start - truth) < 0.1;
      g_assert_cmpfloat (turns[i].end, >=, turns[i].start);
      g_assert_cmpfloat (turns[i].evidence, >, 0.2);
      if (i > 0)
        g_assert_cmpfloat (turns[i].start, >=, turns[i - 1].start);
    }
  g_assert_cmpuint (close, >=, N_TURNS * 9 / 10);
  for (guint i = 0; i < N_TURNS; i++)
    for (const char *p = input[i].text; *p; p++)
      n_sentences += *p == '.';
  g_assert_cmpuint (n_cues, ==, n_sentences);
  for (guint i = 0; i < n_cues; i++)
    {
      g_assert_true (g_str_has_suffix (cues[i].text, "."));
      g_assert_cmpint (cues[i].speaker, >=, 0);
    }
  episode_free (e);
}

/* A stretch the recognizer got nothing of: its turns are uncertain but still in order. */
static void
test_sync_text_gap (void)
{
  Episode *e = make_episode (3);
  g_autoptr (HarkSpeech) full = recognize (e, 4, 1e9, 0);
  g_autoptr (HarkSpeech) speech = hark_speech_new (e->duration);
  g_autofree HarkMergeTurn *input = make_turns (e);
  double gap_from = g_array_index (e->starts, double, 10);
  double gap_to = g_array_index (e->starts, double, 14);
  guint n, n_words, n_pauses;
  const HarkSpeechWord *w = hark_speech_get_words (full, &n_words);
  const HarkSpeechPause *p = hark_speech_get_pauses (full, &n_pauses);
  HarkSyncReport report;
  g_autoptr (HarkTranscript) t = NULL;
  const HarkTurn *turns;

  for (guint i = 0; i < n_words; i++)
    if (w[i].start < gap_from || w[i].start >= gap_to)
      hark_speech_add_word (speech, w[i].start, w[i].end, w[i].confidence, w[i].text);
  for (guint i = 0; i < n_pauses; i++)
    hark_speech_add_pause (speech, p[i].start, p[i].end);
  t = hark_sync_text (speech, input, N_TURNS, &report);
  turns = hark_transcript_get_turns (t, &n);
  g_assert_cmpuint (report.n_weak_turns, >=, 4);
  for (guint i = 10; i < 14; i++)
    {
      g_assert_cmpfloat (turns[i].evidence, <, HARK_SYNC_WEAK_CONFIDENCE);
      g_assert_cmpfloat (turns[i].start, >=, gap_from - 1.0);
      g_assert_cmpfloat (turns[i].start, <=, gap_to);
    }
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (turns[i].start, >=, turns[i - 1].start);
  g_assert_cmpfloat (ABS (turns[14].start - gap_to), <, 0.1);
  episode_free (e);
}

/* Captions for the old cut: one cue per sentence, from its first word to a little after. */
static HarkTranscript *
make_captions (const Episode *e, double media_duration)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  GString *text = g_string_new (NULL);
  guint first = 0;

  for (guint t = 0, w = 0; t < N_TURNS; t++)
    {
      g_auto (GStrv) words = g_strsplit (g_ptr_array_index (e->texts, t), " ", -1);

      for (guint k = 0; words[k]; k++, w++)
        {
          if (text->len == 0)
            first = w;
          g_string_append_printf (text, "%s%s", text->len ? " " : "", words[k]);
          if (g_str_has_suffix (words[k], "."))
            {
              hark_transcript_builder_add_cue (b, g_array_index (e->word_start, double, first),
                                               g_array_index (e->word_end, double, w) + 0.3,
                                               text->str, -1);
              g_string_truncate (text, 0);
            }
        }
    }
  hark_transcript_builder_add_chapter (b, 0, 30, "Start", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 30, e->duration, "Later", NULL, TRUE);
  hark_transcript_builder_set_media_duration (b, media_duration);
  g_string_free (text, TRUE);
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

/* Inserts 25 s before turn 20, or cuts turns 20-23 out (edits fall between sentences). */
static void
check_resync (gboolean insert)
{
  Episode *e = make_episode (5);
  double at = g_array_index (e->starts, double, 20) - 0.2;
  double shift = insert ? 25.0
                        : -(g_array_index (e->starts, double, 24) - g_array_index (e->starts, double, 20));
  g_autoptr (HarkSpeech) speech = recognize (e, 6, at, shift);
  g_autoptr (HarkTranscript) old = make_captions (e, e->duration);
  HarkResyncReport report;
  g_autoptr (HarkTranscript) t = hark_resync (speech, old, &report);
  guint n_old, n_new, good = 0, kept = 0, n_chapters;
  const HarkCue *a = hark_transcript_get_cues (old, &n_old);
  const HarkCue *b = hark_transcript_get_cues (t, &n_new);
  const HarkChapter *chapters = hark_transcript_get_chapters (t, &n_chapters);

  g_assert_true (report.duration_mismatch);
  g_assert_cmpuint (report.n_pieces, ==, 2);
  g_assert_cmpfloat (hark_transcript_get_media_duration (t), ==, hark_speech_get_duration (speech));
  g_assert_false (hark_resync_is_needed (t, hark_speech_get_duration (speech)));
  for (guint i = 0, j = 0; i < n_old; i++)
    {
      double expected = a[i].start;

      if (shift < 0 && a[i].start >= at && a[i].start < at - shift)
        continue; /* cut out: must be gone */
      if (a[i].start >= at)
        expected += shift;
      kept++;
      while (j < n_new && strcmp (b[j].text, a[i].text) != 0)
        j++;
      g_assert_cmpuint (j, <, n_new);
      good += ABS (b[j].start - expected) < 0.2;
    }
  g_assert_cmpuint (n_new, ==, kept);
  g_assert_cmpuint (good, >=, kept * 95 / 100);
  g_assert_cmpuint (n_chapters, ==, 2);
  g_assert_cmpfloat_with_epsilon (chapters[1].start, 30, 0.2);
  episode_free (e);
}

static void
test_resync_insert (void)
{
  check_resync (TRUE);
}

static void
test_resync_remove (void)
{
  check_resync (FALSE);
}

static void
test_generate (void)
{
  Episode *e = make_episode (7);
  g_autoptr (HarkSpeech) speech = recognize (e, 8, 1e9, 0);
  g_autoptr (HarkTranscript) t = hark_generate_transcript (speech);
  g_autoptr (HarkTranscript) back = NULL;
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  guint n_cues, n_words, n_speech, n_turns;
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);
  const HarkTurn *turns;

  hark_transcript_get_words (t, &n_words);
  hark_speech_get_words (speech, &n_speech);
  g_assert_true (hark_transcript_is_generated (t));
  g_assert_cmpuint (n_words, ==, n_speech);
  g_assert_cmpuint (n_cues, >, N_TURNS);
  for (guint i = 0; i < n_cues; i++)
    {
      g_assert_cmpuint (cues[i].n_words, >=, 1);
      g_assert_cmpuint (cues[i].n_words, <=, 20);
      g_assert_cmpfloat (cues[i].end - cues[i].start, <=, 10.0);
      if (i > 0)
        g_assert_cmpfloat (cues[i].start, >=, cues[i - 1].end);
    }
  /* No speaker is made up; the cues are gathered into paragraphs of a few cues, each paragraph
   * covering its cues, at most 40 s long, with a capital only where it begins. */
  g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 0);
  turns = hark_transcript_get_turns (t, &n_turns);
  g_assert_cmpuint (n_turns, >=, 2);
  g_assert_cmpuint (n_turns * 2, <=, n_cues);
  for (guint i = 0, c = 0; i < n_turns; i++)
    {
      g_assert_cmpint (turns[i].speaker, ==, -1);
      g_assert_cmpfloat (turns[i].end - turns[i].start, <=, 40.0);
      g_assert_true (g_ascii_isupper (turns[i].text[0]));
      for (; c < n_cues && cues[c].start < turns[i].end; c++)
        {
          g_assert_cmpfloat (cues[c].start, >=, turns[i].start);
          g_assert_cmpfloat (cues[c].end, <=, turns[i].end);
          g_assert_nonnull (strstr (turns[i].text, cues[c].text));
        }
    }
  /* Marked in the sidecar too, and read back with the same paragraphs. */
  json = hark_writer_hark_json (t, "x.opus", hark_speech_get_duration (speech));
  g_assert_nonnull (strstr (json, "\"generated\": true"));
  back = hark_sidecar_read_data (json, strlen (json), "x.hark.json", HARK_SIDECAR_FORMAT_HARK,
                                 NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hark_transcript_is_generated (back));
  g_assert_cmpuint (hark_transcript_get_n_speakers (back), ==, 0);
  {
    guint n_back;

    hark_transcript_get_turns (back, &n_back);
    g_assert_cmpuint (n_back, ==, n_turns);
  }
  episode_free (e);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/text/synthetic", test_sync_text);
  g_test_add_func ("/sync/text/unrecognized-stretch", test_sync_text_gap);
  g_test_add_func ("/sync/resync/insert", test_resync_insert);
  g_test_add_func ("/sync/resync/remove", test_resync_remove);
  g_test_add_func ("/sync/generate/synthetic", test_generate);
  return g_test_run ();
}
