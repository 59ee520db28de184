/* test-library-faults.c — a library that cannot be written still gives the saved positions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue item 10: with library.db read-only or locked, the saved position was ignored (the
 * episode opened at 0:00) and saving stayed off for the session.
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "hark-test-util.h"
#include "library/hark-library.h"
#include "util/hark-error.h"

static char *
make_library (const char *dir)
{
  char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  HarkLibrary *library = hark_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_null (hark_library_get_problem (library));
  g_assert_true (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 1234.5, 1.5,
                                    &error));
  g_assert_no_error (error);
  hark_library_free (library);
  return path;
}

static void
assert_position_read (HarkLibrary *library)
{
  g_autoptr (GError) error = NULL;
  HarkLibraryEntry *entry = hark_library_lookup (library, "key-1", &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->position, ==, 1234.5);
  g_assert_cmpfloat (entry->speed, ==, 1.5);
  hark_library_entry_free (entry);
}

/* Another program holds an exclusive lock: positions are still read, saves say why they
 * fail, and saving works again once the lock is gone. */
static void
test_locked (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("library-locked");
  g_autofree char *path = make_library (dir);
  g_autoptr (GError) error = NULL;
  sqlite3 *other = NULL;
  HarkLibrary *library;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);

  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);
  g_assert_nonnull (hark_library_get_problem (library));
  g_test_message ("%s", hark_library_get_problem (library));
  g_assert_true (g_str_has_prefix (hark_library_get_problem (library),
                                   "Listening positions are read but not saved: "));
  g_assert_true (g_str_has_suffix (hark_library_get_problem (library), "again."));
  assert_position_read (library);

  g_assert_false (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                     &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (hark_library_retry (library, &error));
  g_clear_error (&error);
  assert_position_read (library);

  sqlite3_exec (other, "COMMIT;", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_true (hark_library_retry (library, &error));
  g_assert_no_error (error);
  g_assert_null (hark_library_get_problem (library));
  g_assert_true (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                    &error));
  g_assert_no_error (error);
  hark_library_free (library);
  hark_test_remove_tree (dir);
}

/* A read-only file in a read-only folder (not for root, whom permissions do not stop). */
static void
test_read_only (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("library-read-only");
  g_autofree char *path = make_library (dir);
  g_autoptr (GError) error = NULL;
  HarkLibrary *library;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes read-only files; the locked case covers the fallback");
      hark_test_remove_tree (dir);
      return;
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hark_library_get_problem (library));
  assert_position_read (library);
  g_assert_false (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                     &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  hark_library_free (library);
  g_chmod (dir, 0700);
  hark_test_remove_tree (dir);
}

/* A damaged file is still refused, with its sentence: nothing is read from it. */
static void
test_damaged_still_refused (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("library-damaged");
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "this is not a database, it is a sentence.\n", -1,
                                      NULL));
  g_assert_null (hark_library_open (path, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_CORRUPT);
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/library-faults/locked", test_locked);
  g_test_add_func ("/library-faults/read-only", test_read_only);
  g_test_add_func ("/library-faults/damaged-still-refused", test_damaged_still_refused);
  return g_test_run ();
}
