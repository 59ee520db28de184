/* test-file-saver.c — a small file saved from a worker: the newest text wins
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "util/hark-file-saver.h"

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("hark-saver-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
contents_of (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_newest_wins (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map", NULL);
  g_autoptr (HarkFileSaver) saver = hark_file_saver_new (path);
  g_autofree char *text = NULL;
  guint n;

  /* Many saves in a row fold into fewer writes, and the last text is what stays. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *line = g_strdup_printf ("version %u\n", i);
      hark_file_saver_save (saver, line);
    }
  hark_file_saver_drain (saver, FALSE);
  text = contents_of (path);
  g_assert_cmpstr (text, ==, "version 199\n");
  n = hark_file_saver_get_n_written (saver, NULL);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 200);

  /* Once drained, nothing writes the file again: removing it is final. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_usleep (50 * 1000);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (hark_file_saver_get_n_written (saver, NULL), ==, n);
  g_rmdir (dir);
}

static void
test_discard (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map", NULL);
  g_autoptr (HarkFileSaver) saver = hark_file_saver_new (path);

  /* A discarding drain leaves no write behind it: what is on disk after it stays. */
  for (guint i = 0; i < 50; i++)
    hark_file_saver_save (saver, "old\n");
  hark_file_saver_drain (saver, TRUE);
  g_unlink (path);
  g_usleep (50 * 1000);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_errors_are_kept (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "map", NULL);
  g_autoptr (HarkFileSaver) saver = hark_file_saver_new (path);
  g_autofree char *error = NULL;

  hark_file_saver_save (saver, "text\n");
  hark_file_saver_drain (saver, FALSE);
  g_assert_cmpuint (hark_file_saver_get_n_written (saver, &error), ==, 1);
  g_assert_nonnull (error);
  g_rmdir (dir);
}

/* The owner may let go while a write is in flight: the write finishes on its own. */
static void
test_unref_while_writing (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map", NULL);
  HarkFileSaver *saver = hark_file_saver_new (path);
  g_autofree char *text = NULL;

  hark_file_saver_save (saver, "last\n");
  hark_file_saver_unref (saver);
  for (guint i = 0; i < 500 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    g_usleep (10 * 1000);
  text = contents_of (path);
  g_assert_cmpstr (text, ==, "last\n");
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-saver/newest-wins", test_newest_wins);
  g_test_add_func ("/file-saver/discard", test_discard);
  g_test_add_func ("/file-saver/errors-are-kept", test_errors_are_kept);
  g_test_add_func ("/file-saver/unref-while-writing", test_unref_while_writing);
  return g_test_run ();
}
