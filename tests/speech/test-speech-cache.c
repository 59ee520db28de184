/* test-speech-cache.c — the per-episode cache of recognized words is read as untrusted
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-test-util.h"
#include "speech/hark-recognizer.h"
#include "speech/hark-speech.h"
#include "util/hark-error.h"

static void
test_round_trip (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("speech-cache");
  g_autofree char *path = g_build_filename (dir, "sub", "x.txt", NULL);
  g_autoptr (HarkSpeech) speech = hark_speech_new (12.5);
  g_autoptr (HarkSpeech) back = NULL;
  g_autoptr (GError) error = NULL;
  const HarkSpeechWord *w;
  const HarkSpeechPause *p;
  guint n;

  /* Out of order, as parallel workers add them. */
  hark_speech_add_word (speech, 3.0, 3.4, 0.5f, "world");
  hark_speech_add_word (speech, 1.0, 1.2, 2.0f, "hello");
  hark_speech_add_pause (speech, 2.0, 2.5);
  hark_speech_add_pause (speech, 0.0, 0.9);
  g_assert_true (hark_speech_save (speech, path, "s1", &error));
  g_assert_no_error (error);
  back = hark_speech_load (path, "s1", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hark_speech_get_duration (back), ==, 12.5);
  w = hark_speech_get_words (back, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (w[0].text, ==, "hello");
  g_assert_cmpfloat (w[0].confidence, ==, 1.0f); /* clamped when added */
  g_assert_cmpfloat_with_epsilon (w[1].end, 3.4, 1e-9);
  p = hark_speech_get_pauses (back, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (p[0].start, ==, 0.0);

  /* Made with other settings: not used. */
  g_assert_null (hark_speech_load (path, "s2", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_CORRUPT);
  hark_test_remove_tree (dir);
}

static void
test_damaged (void)
{
  static const struct
  {
    const char *contents;
    const char *expected;
  } cases[] = {
    { "", "not a speech cache" },
    { "hark-speech 2\nsettings s\nduration 1\n", "not a speech cache" },
    { "hark-speech 1\nsettings s\nduration 10\nw 1 2 0.5 a\nw 1 nan 0.5 b\n", ":5:" },
    { "hark-speech 1\nsettings s\nduration 10\nw 2 1 0.5 a\n", ":4:" },
    { "hark-speech 1\nsettings s\nduration 10\nw 1 2 1.5 a\n", ":4:" },
    { "hark-speech 1\nsettings s\nduration 10\np 1e300 1e301\n", ":4:" },
    { "hark-speech 1\nsettings s\nduration -3\n", ":3:" },
    { "hark-speech 1\nsettings s\nduration 10\nw 1 2 0.5\n", ":4:" },
    { "hark-speech 1\nsettings s\nw 1 2 0.5 a\n", ":3:" },
  };
  g_autofree char *dir = hark_test_make_tmpdir ("speech-cache-bad");
  g_autofree char *path = g_build_filename (dir, "bad.txt", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkSpeech) speech = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      speech = hark_speech_load (path, "s", &error);
      g_assert_null (speech);
      g_assert_error (error, HARK_ERROR, HARK_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *missing = g_build_filename (dir, "none.txt", NULL);

    g_assert_null (hark_speech_load (missing, "s", &error));
    g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
  }
  hark_test_remove_tree (dir);
}

static void
test_cache_path (void)
{
  g_autofree char *a = hark_speech_get_cache_path ("v1:1:2:abc");
  g_autofree char *b = hark_speech_get_cache_path ("v1:1:2:abd");

  g_assert_true (g_str_has_prefix (a, g_get_user_cache_dir ()));
  g_assert_nonnull (strstr (a, "hark"));
  g_assert_cmpstr (a, !=, b);
}

/* Built without PocketSphinx or without its model, recognition says what is missing. */
static void
test_availability (void)
{
  g_autoptr (GError) error = NULL;

  if (hark_recognizer_check_available (&error))
    {
      g_assert_no_error (error);
      g_assert_nonnull (hark_recognizer_get_settings ());
      return;
    }
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "pocketsphinx"));
  g_clear_error (&error);
  g_assert_null (hark_recognize_file ("/nonexistent.opus", 0, NULL, NULL, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/speech/cache/round-trip", test_round_trip);
  g_test_add_func ("/speech/cache/damaged", test_damaged);
  g_test_add_func ("/speech/cache/path", test_cache_path);
  g_test_add_func ("/speech/availability", test_availability);
  return g_test_run ();
}
