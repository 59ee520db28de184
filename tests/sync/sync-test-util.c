/* sync-test-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync-test-util.h"

#include <string.h>

#include "formats/hark-labelled-text.h"
#include "hark-test-util.h"
#include "speech/hark-recognizer.h"
#include "transcript/hark-align.h"

JsonObject *
sync_test_load_truth (const char *relative_path, JsonParser **parser_out)
{
  g_autofree char *path = hark_test_fixture (relative_path);
  JsonParser *parser;
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return NULL;
  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  *parser_out = parser;
  return json_node_get_object (json_parser_get_root (parser));
}

HarkMergeTurn *
sync_test_turns_for_truth (JsonObject *truth, const char *dir, guint *n_turns,
                           GPtrArray **storage)
{
  g_autofree char *source = hark_test_fixture ("ep189/ep189.transcript.txt");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *path = g_build_filename (dir, "turns.transcript.txt", NULL);
  JsonArray *turns = json_object_get_array_member (truth, "turns");
  GString *text = g_string_new (NULL);
  g_autoptr (HarkLabelledText) labelled = NULL;
  g_autoptr (GError) error = NULL;
  const HarkLabelledTurn *lt;
  HarkMergeTurn *out;
  guint n;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; i < json_array_get_length (turns); i++)
    {
      gint64 index = json_object_get_int_member (json_array_get_object_element (turns, i), "index");

      g_assert_cmpint (index, <, g_strv_length (lines));
      g_string_append_printf (text, "%s\n", lines[index]);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  g_string_free (text, TRUE);

  labelled = hark_labelled_text_load (path, NULL, &error);
  g_assert_no_error (error);
  lt = hark_labelled_text_get_turns (labelled, &n);
  g_assert_cmpuint (n, ==, json_array_get_length (turns));
  *storage = g_ptr_array_new_with_free_func (g_free);
  out = g_new0 (HarkMergeTurn, n + 1);
  for (guint i = 0; i < n; i++)
    {
      char *speaker = g_strdup (lt[i].speaker), *words = g_strdup (lt[i].text);

      g_ptr_array_add (*storage, speaker);
      g_ptr_array_add (*storage, words);
      out[i].speaker = speaker;
      out[i].text = words;
    }
  *n_turns = n;
  return out;
}

void
sync_test_score_turns (JsonObject *truth, const HarkTranscript *t, double *within_1s,
                       double *within_3s, gboolean *speakers_ok)
{
  JsonArray *truth_turns = json_object_get_array_member (truth, "turns");
  guint n, scored = 0, one = 0, three = 0;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n);

  g_assert_cmpuint (n, ==, json_array_get_length (truth_turns));
  *speakers_ok = TRUE;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *o = json_array_get_object_element (truth_turns, i);
      double start = json_object_get_double_member (o, "start");
      double d = ABS (turns[i].start - start);
      const char *speaker = json_object_get_string_member (o, "speaker");

      if (g_strcmp0 (hark_transcript_get_speaker (t, (guint) turns[i].speaker)->name, speaker))
        *speakers_ok = FALSE;
      if ((json_object_has_member (o, "starts_before_excerpt")
           && json_object_get_boolean_member (o, "starts_before_excerpt"))
          || (json_object_has_member (o, "in_audio") && !json_object_get_boolean_member (o, "in_audio")))
        continue;
      scored++;
      one += d <= 1.0;
      three += d <= 3.0;
      if (d > 1.0)
        g_test_message ("turn %u: %.2f s, truth %.2f s (confidence %.2f)", i, turns[i].start,
                        start, turns[i].evidence);
    }
  g_assert_cmpuint (scored, >, 0);
  *within_1s = (double) one / scored;
  *within_3s = (double) three / scored;
}

gboolean
sync_test_ffmpeg (const char *const *args)
{
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (ffmpeg == NULL)
    {
      g_test_skip ("ffmpeg is not installed: it makes the re-cut audio");
      return FALSE;
    }
  g_ptr_array_add (argv, ffmpeg);
  g_ptr_array_add (argv, (gpointer) "-nostdin");
  g_ptr_array_add (argv, (gpointer) "-y");
  g_ptr_array_add (argv, (gpointer) "-loglevel");
  g_ptr_array_add (argv, (gpointer) "error");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ffmpeg failed: %s", err);
  return TRUE;
}

static GArray *
word_ids (HarkWordTable *table, const char *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (int));

  hark_word_table_intern_text (table, text, raw);
  for (guint i = 0; i < raw->len; i++)
    if (g_array_index (raw, int, i) >= 0)
      g_array_append_val (ids, g_array_index (raw, int, i));
  return ids;
}

double
sync_test_wer (const char *ref, const char *hyp)
{
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  g_autoptr (GArray) r = word_ids (table, ref);
  g_autoptr (GArray) h = word_ids (table, hyp);
  guint n = r->len, m = h->len;
  g_autofree guint *prev = g_new (guint, m + 1);
  g_autofree guint *cur = g_new (guint, m + 1);

  /* Levenshtein distance over words, two rows. */
  for (guint j = 0; j <= m; j++)
    prev[j] = j;
  for (guint i = 1; i <= n; i++)
    {
      cur[0] = i;
      for (guint j = 1; j <= m; j++)
        {
          guint sub = prev[j - 1]
                      + (g_array_index (r, int, i - 1) != g_array_index (h, int, j - 1));

          cur[j] = MIN (sub, MIN (prev[j] + 1, cur[j - 1] + 1));
        }
      memcpy (prev, cur, (m + 1) * sizeof (guint));
    }
  return n > 0 ? (double) prev[m] / n : 0;
}

char *
sync_test_cue_text (const HarkTranscript *t)
{
  guint n;
  const HarkCue *cues = hark_transcript_get_cues (t, &n);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", cues[i].text);
  return g_string_free (out, FALSE);
}

typedef struct
{
  double last;
  guint calls;
} Progress;

static void
on_progress (double fraction, gpointer data)
{
  Progress *p = data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
}

HarkSpeech *
sync_test_recognize (const char *path)
{
  Progress progress = { 0 };
  g_autoptr (GError) error = NULL;
  HarkSpeech *speech = hark_recognize_file (path, HARK_RECOGNIZE_DEFAULT, on_progress, &progress,
                                            NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  return speech;
}
