/* test-speech-cutter.c — utterances and pauses from synthetic sound
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "speech/hark-speech-cutter.h"

typedef struct
{
  GArray *utterances; /* double start, end pairs */
  GArray *pauses;
} Seen;

static void
on_utterance (HarkUtterance *u, gpointer data)
{
  Seen *seen = data;
  double span[2] = { u->start, u->start + (double) u->n_samples / HARK_SPEECH_RATE };

  g_assert_cmpuint (u->n_samples % HARK_SPEECH_FRAME, ==, 0);
  g_array_append_vals (seen->utterances, span, 2);
  hark_utterance_free (u);
}

static void
on_pause (double start, double end, gpointer data)
{
  Seen *seen = data;
  double span[2] = { start, end };

  g_assert_cmpfloat (end - start, >=, 0.2 - 1e-9);
  g_array_append_vals (seen->pauses, span, 2);
}

/* A noisy tone for @seconds (speech-like level) or near silence, pushed in odd-sized blocks. */
static void
push (HarkSpeechCutter *cutter, double seconds, gboolean sound, guint *phase)
{
  gsize n = (gsize) (seconds * HARK_SPEECH_RATE);
  g_autofree float *x = g_new (float, n);

  for (gsize i = 0; i < n; i++, (*phase)++)
    x[i] = sound ? 0.3f * sinf (*phase * 0.07f) * (1.0f + 0.3f * sinf (*phase * 0.0009f))
                 : 0.0005f * (float) ((int) ((*phase * 7919u) % 13u) - 6) / 6.0f;
  for (gsize done = 0; done < n;)
    {
      gsize take = MIN (n - done, (gsize) 997);

      hark_speech_cutter_push (cutter, x + done, take);
      done += take;
    }
}

static void
test_cuts_at_pauses (void)
{
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (double)),
                g_array_new (FALSE, FALSE, sizeof (double)) };
  g_autoptr (HarkSpeechCutter) cutter = hark_speech_cutter_new (on_utterance, on_pause, &seen);
  guint phase = 0;
  const double *u, *p;

  push (cutter, 1.0, FALSE, &phase); /* 0-1 quiet */
  push (cutter, 3.0, TRUE, &phase);  /* 1-4 sound */
  push (cutter, 0.1, FALSE, &phase); /* a short gap inside the utterance */
  push (cutter, 2.0, TRUE, &phase);  /* 4.1-6.1 */
  push (cutter, 2.0, FALSE, &phase); /* 6.1-8.1 a pause */
  push (cutter, 2.5, TRUE, &phase);  /* 8.1-10.6 */
  hark_speech_cutter_finish (cutter);

  u = (const double *) (gconstpointer) seen.utterances->data;
  p = (const double *) (gconstpointer) seen.pauses->data;
  g_assert_cmpuint (seen.utterances->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (u[0], 1.0 - 0.15, 0.05);
  g_assert_cmpfloat_with_epsilon (u[1], 6.1 + 0.15, 0.05);
  g_assert_cmpfloat_with_epsilon (u[2], 8.1 - 0.15, 0.05);
  g_assert_cmpfloat_with_epsilon (u[3], 10.6, 0.05);
  /* The leading quiet, then the pause between the utterances; the 0.1 s gap is not one. */
  g_assert_cmpuint (seen.pauses->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (p[0], 0.0, 0.02);
  g_assert_cmpfloat_with_epsilon (p[1], 1.0, 0.02);
  g_assert_cmpfloat_with_epsilon (p[2], 6.1, 0.02);
  g_assert_cmpfloat_with_epsilon (p[3], 8.1, 0.02);
  g_array_unref (seen.utterances);
  g_array_unref (seen.pauses);
}

static void
test_long_sound_is_cut (void)
{
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (double)),
                g_array_new (FALSE, FALSE, sizeof (double)) };
  g_autoptr (HarkSpeechCutter) cutter = hark_speech_cutter_new (on_utterance, NULL, &seen);
  guint phase = 0;
  double covered = 0;

  push (cutter, 65.0, TRUE, &phase);
  hark_speech_cutter_finish (cutter);
  g_assert_cmpuint (seen.utterances->len, >=, 2 * 4);
  for (guint i = 0; i < seen.utterances->len; i += 2)
    {
      double s = g_array_index (seen.utterances, double, i);
      double e = g_array_index (seen.utterances, double, i + 1);

      g_assert_cmpfloat (e - s, <=, 20.0 + 1e-9);
      if (i > 0)
        g_assert_cmpfloat_with_epsilon (s, g_array_index (seen.utterances, double, i - 1), 1e-9);
      covered += e - s;
    }
  g_assert_cmpfloat_with_epsilon (covered, 65.0, 0.02);
  g_array_unref (seen.utterances);
  g_array_unref (seen.pauses);
}

static void
test_bad_samples (void)
{
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (double)),
                g_array_new (FALSE, FALSE, sizeof (double)) };
  g_autoptr (HarkSpeechCutter) cutter = hark_speech_cutter_new (on_utterance, on_pause, &seen);
  float x[HARK_SPEECH_RATE];

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    x[i] = i % 3 == 0 ? NAN : i % 3 == 1 ? INFINITY : -1e30f;
  hark_speech_cutter_push (cutter, x, G_N_ELEMENTS (x));
  hark_speech_cutter_push (cutter, x, 17);
  hark_speech_cutter_finish (cutter);
  g_assert_cmpuint (seen.utterances->len, ==, 2);
  hark_speech_cutter_finish (cutter); /* twice is harmless */
  g_array_unref (seen.utterances);
  g_array_unref (seen.pauses);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/speech/cutter/pauses", test_cuts_at_pauses);
  g_test_add_func ("/speech/cutter/long-sound", test_long_sound_is_cut);
  g_test_add_func ("/speech/cutter/bad-samples", test_bad_samples);
  return g_test_run ();
}
