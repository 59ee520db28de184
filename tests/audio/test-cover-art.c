/* test-cover-art.c — covers come out of the episode file, or from an image beside it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "audio/hark-cover-art.h"
#include "util/hark-error.h"
#include "hark-test-util.h"

static gboolean
run_ffmpeg (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "ffmpeg");
  g_ptr_array_add (argv, (char *) "-hide_banner");
  g_ptr_array_add (argv, (char *) "-loglevel");
  g_ptr_array_add (argv, (char *) "error");
  g_ptr_array_add (argv, (char *) "-y");
  for (; *args; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("ffmpeg: %s", err);
  return g_spawn_check_wait_status (status, NULL);
}

static void
assert_same_file (const char *uri, const char *path)
{
  g_autofree char *from_uri = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_len, b_len;

  g_assert_nonnull (from_uri);
  g_assert_true (g_file_get_contents (from_uri, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (path, &b, &b_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
}

static void
test_embedded_and_beside (void)
{
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autofree char *dir = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *with_art = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *again = NULL;
  g_autofree char *none = NULL;
  g_autofree char *beside_uri = NULL;
  g_autofree char *beside = NULL;
  g_autoptr (GError) error = NULL;

  if (ffmpeg == NULL)
    {
      g_test_skip ("ffmpeg is not installed (needed to make a file with a cover)");
      return;
    }
  dir = hark_test_make_tmpdir ("cover-art");
  cover = g_build_filename (dir, "art.png", NULL);
  with_art = g_build_filename (dir, "with-art.mp3", NULL);
  plain = g_build_filename (dir, "plain.mp3", NULL);
  cache = g_build_filename (dir, "cache", NULL);

  {
    const char *make_png[] = { "-f", "lavfi", "-i", "color=c=orange:s=64x64", "-frames:v", "1",
                               cover, NULL };
    const char *make_plain[] = { "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                                 "-c:a", "libmp3lame", plain, NULL };
    const char *make_with_art[] = { "-i", plain, "-i", cover, "-map", "0", "-map", "1",
                                    "-c", "copy", "-id3v2_version", "3",
                                    "-disposition:v", "attached_pic", with_art, NULL };

    if (!run_ffmpeg (make_png) || !run_ffmpeg (make_plain) || !run_ffmpeg (make_with_art))
      {
        g_test_skip ("this ffmpeg cannot make an MP3 with a cover");
        hark_test_remove_tree (dir);
        return;
      }
  }

  uri = hark_cover_art_extract (with_art, cache, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (uri, "file://"));
  g_assert_true (g_str_has_suffix (uri, ".png"));
  assert_same_file (uri, cover);
  /* Cached: the same file again. */
  again = hark_cover_art_extract (with_art, cache, &error);
  g_assert_cmpstr (again, ==, uri);

  none = hark_cover_art_extract (plain, cache, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* An image named like the episode wins over the embedded one. */
  beside = g_build_filename (dir, "with-art.jpg", NULL);
  g_assert_true (g_file_set_contents (beside, "not really a jpeg", -1, NULL));
  beside_uri = hark_cover_art_extract (with_art, cache, &error);
  g_assert_no_error (error);
  assert_same_file (beside_uri, beside);

  g_assert_null (hark_cover_art_extract ("/nonexistent/episode.mp3", cache, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
  hark_test_remove_tree (dir);
}

/* The fixtures carry tags but no picture. */
static void
test_fixture_without_cover (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/excerpt-linode.m4a");
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GError) error = NULL;

  if (audio == NULL)
    return;
  dir = hark_test_make_tmpdir ("cover-none");
  uri = hark_cover_art_extract (audio, dir, &error);
  g_assert_no_error (error);
  g_assert_null (uri);
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop/cover-art/embedded-and-beside", test_embedded_and_beside);
  g_test_add_func ("/desktop/cover-art/fixture-without-cover", test_fixture_without_cover);
  return g_test_run ();
}
