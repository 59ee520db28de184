/* hark-test-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>

/* Skips, or fails when the build was configured with -Dfixtures=required (as CI is). */
static void
missing_fixture (const char *message)
{
  if (g_strcmp0 (g_getenv ("HARK_FIXTURES_REQUIRED"), "1") == 0)
    g_error ("%s, and this build requires the fixtures (-Dfixtures=required)", message);
  g_test_skip (message);
}

char *
hark_test_fixture (const char *relative_path)
{
  const char *dir = g_getenv ("HARK_FIXTURES_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    {
      missing_fixture ("HARK_FIXTURES_DIR is not set: run the tests through meson test");
      return NULL;
    }
  path = g_build_filename (dir, relative_path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
          g_strdup_printf ("fixture %s is absent (shared fixtures not checked out beside the "
                           "source tree?)",
                           path);
      missing_fixture (message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
hark_test_source_file (const char *relative_path)
{
  const char *dir = g_getenv ("HARK_SOURCE_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, relative_path, NULL);
}

char *
hark_test_make_tmpdir (const char *name)
{
  const char *build = g_getenv ("HARK_BUILD_DIR");
  g_autofree char *base = g_build_filename (build ? build : g_get_tmp_dir (), "test-tmp", NULL);
  g_autofree char *template = NULL;
  char *dir;

  g_mkdir_with_parents (base, 0700);
  template = g_strdup_printf ("%s/%s-XXXXXX", base, name);
  dir = g_mkdtemp (template);
  g_assert_nonnull (dir);
  return g_strdup (dir);
}

static void
remove_recursively (GFile *file)
{
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (
      file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)))
        {
          g_autoptr (GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_recursively (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
hark_test_remove_tree (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  remove_recursively (file);
}

/* Runs ffmpeg with @argv (its first element "ffmpeg"), which must succeed. FALSE after
 * g_test_skip() when ffmpeg is not installed. */
static gboolean
run_ffmpeg (const char *const *argv)
{
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (ffmpeg == NULL)
    {
      g_test_skip ("ffmpeg is not installed");
      return FALSE;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

gboolean
hark_test_make_long_mp3 (const char *path, guint megabytes)
{
  g_autofree char *piece = g_strconcat (path, ".piece.mp3", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0, written = 0;
  FILE *out;
  const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                         "sine=frequency=440:duration=10", "-c:a", "libmp3lame", "-b:a", "128k",
                         "-write_xing", "0", "-id3v2_version", "0", piece, NULL };

  if (!run_ffmpeg (argv))
    return FALSE;
  g_assert_true (g_file_get_contents (piece, &data, &length, &error));
  g_assert_cmpuint (length, >, 0);
  g_remove (piece);
  /* Whole MPEG frames, ten seconds at a time: the repeats join into one valid stream. */
  out = fopen (path, "wb");
  g_assert_nonnull (out);
  while (written < (gsize) megabytes * 1024 * 1024)
    {
      g_assert_cmpuint (fwrite (data, 1, length, out), ==, length);
      written += length;
    }
  g_assert_cmpint (fclose (out), ==, 0);
  return TRUE;
}

gboolean
hark_test_make_noise_mp3 (const char *path, guint seconds, guint seed, guint kbps)
{
  g_autofree char *source = g_strdup_printf ("anoisesrc=d=%u:c=pink:r=44100:a=0.3:seed=%u",
                                             seconds, seed);
  g_autofree char *bitrate = g_strdup_printf ("%uk", kbps);
  const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source,
                         "-ac", "2", "-b:a", bitrate, path, NULL };

  return run_ffmpeg (argv);
}
