/* test-discovery.c — which files beside an episode are its sidecars
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "episode/hark-discovery.h"
#include "util/hark-error.h"
#include "hark-test-util.h"

static void
touch (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static const char *
base_of (GPtrArray *found, guint i)
{
  const HarkDiscoveredFile *file = g_ptr_array_index (found, i);

  return strrchr (file->path, G_DIR_SEPARATOR) + 1;
}

static void
test_match (void)
{
  struct
  {
    const char *name;
    gboolean match;
    const char *language, *qualifier, *extension;
  } cases[] = {
    { "episode.vtt", TRUE, NULL, NULL, "vtt" },
    { "Episode.VTT", TRUE, NULL, NULL, "vtt" },
    { "episode.en.vtt", TRUE, "en", NULL, "vtt" },
    { "EPISODE.pt-BR.srt", TRUE, "pt-BR", NULL, "srt" },
    { "episode.zh-Hant.vtt", TRUE, "zh-Hant", NULL, "vtt" },
    { "episode.hark.json", TRUE, NULL, "hark", "json" },
    { "episode.transcript.json", TRUE, NULL, "transcript", "json" },
    { "episode.en.transcript.txt", TRUE, "en", "transcript", "txt" },
    { "episode.transcript.en.txt", TRUE, "en", "transcript", "txt" },
    { "episode.chapters.json", TRUE, NULL, "chapters", "json" },
    { "episode.json", TRUE, NULL, NULL, "json" },
    { "episode.txt", TRUE, NULL, NULL, "txt" },
    { "episode.truth.json", FALSE },
    { "episode.hark.vtt", FALSE },
    { "episode.mp3", FALSE },
    { "episode.vtt.bak", FALSE },
    { "episode2.vtt", FALSE },
    { "episode", FALSE },
    { "episode.", FALSE },
    { "episode.en.fr.vtt", FALSE },
    { "episode.a.b.c.vtt", FALSE },
    { "other.vtt", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HarkDiscoveredFile file = { 0 };
      gboolean match = hark_discovery_match ("episode", cases[i].name, &file);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (match, ==, cases[i].match);
      if (match)
        {
          g_assert_cmpstr (file.language, ==, cases[i].language);
          g_assert_cmpstr (file.qualifier, ==, cases[i].qualifier);
          g_assert_cmpstr (file.extension, ==, cases[i].extension);
        }
      g_free (file.language);
      g_free (file.qualifier);
      g_free (file.extension);
    }
  /* A stem with dots and non-ASCII letters, compared without regard to case. */
  {
    HarkDiscoveredFile file = { 0 };

    g_assert_true (hark_discovery_match ("Épisode.189", "éPISODE.189.vtt", &file));
    g_free (file.extension);
  }
}

static void
test_find (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("discovery");
  g_autofree char *audio = g_build_filename (dir, "episode.mp3", NULL);
  const char *names[] = {
    "episode.mp3", "episode.pt-BR.srt", "episode.vtt", "EPISODE.en.VTT", "episode.transcript.txt",
    "episode.hark.json", "episode.chapters.json", "episode.truth.json", "other.vtt", "episode.txt",
  };
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    touch (dir, names[i]);
  found = hark_discovery_find (audio, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 7);
  g_assert_cmpstr (base_of (found, 0), ==, "episode.hark.json");
  g_assert_cmpstr (base_of (found, 1), ==, "episode.vtt");
  g_assert_cmpstr (base_of (found, 2), ==, "EPISODE.en.VTT");
  g_assert_cmpstr (base_of (found, 3), ==, "episode.pt-BR.srt");
  g_assert_cmpstr (base_of (found, 4), ==, "episode.txt");
  g_assert_cmpstr (base_of (found, 5), ==, "episode.transcript.txt");
  g_assert_cmpstr (base_of (found, 6), ==, "episode.chapters.json");
  g_assert_cmpstr (((HarkDiscoveredFile *) g_ptr_array_index (found, 2))->reason, ==,
                   "found beside the audio as EPISODE.en.VTT");
  hark_test_remove_tree (dir);
}

/* Captions in the user's language come before other languages. */
static void
test_find_languages (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("discovery-languages");
  g_autofree char *audio = g_build_filename (dir, "show.opus", NULL);
  const char *names[] = { "show.de.vtt", "show.en.vtt", "show.pt-BR.vtt", "show.vtt" };
  g_autoptr (GPtrArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    touch (dir, names[i]);
  g_setenv ("LANGUAGE", "pt_BR:pt", TRUE);
  found = hark_discovery_find (audio, NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_cmpstr (base_of (found, 0), ==, "show.vtt");
  g_assert_cmpstr (base_of (found, 1), ==, "show.pt-BR.vtt");
  g_assert_cmpstr (base_of (found, 2), ==, "show.de.vtt");
  g_assert_cmpstr (base_of (found, 3), ==, "show.en.vtt");
  hark_test_remove_tree (dir);
}

static void
test_find_missing_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = hark_discovery_find ("/nonexistent/folder/episode.mp3", &error);

  g_assert_null (found);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
}

static void
test_find_ep189 (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  g_autoptr (GPtrArray) found = NULL;

  if (audio == NULL)
    return;
  found = hark_discovery_find (audio, NULL);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (base_of (found, 0), ==, "ep189.vtt");
  g_assert_cmpstr (base_of (found, 1), ==, "ep189.timestamps.txt");
  g_assert_cmpstr (base_of (found, 2), ==, "ep189.transcript.txt");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/discovery/match", test_match);
  g_test_add_func ("/merge/discovery/find", test_find);
  g_test_add_func ("/merge/discovery/languages", test_find_languages);
  g_test_add_func ("/merge/discovery/missing-folder", test_find_missing_folder);
  g_test_add_func ("/merge/discovery/ep189", test_find_ep189);
  return g_test_run ();
}
