/* test-library-faults.c — a library that cannot be written still gives the saved positions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue item 10: with library.db read-only, full or locked, the saved position was ignored (the
 * episode opened at 0:00) and saving stayed off for the session. The full disk and the
 * read-only folder are real: as root, the test runs in its own mount namespace and mounts a
 * small tmpfs and a read-only bind mount there (gone when it exits, never seen outside).
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "hark-test-util.h"
#include "library/hark-library.h"
#include "output/hark-output.h"
#include "session/hark-session.h"
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
  /* A sentence a listener understands, not SQLite's "(database is locked)". */
  g_assert_nonnull (strstr (hark_library_get_problem (library), "another program is using it"));
  g_assert_null (strstr (hark_library_get_problem (library), "(database"));
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

/* Set in main(): this process has a mount namespace of its own, so it may mount. */
static gboolean own_mounts;

static gboolean
can_mount (void)
{
  if (!own_mounts)
    g_test_skip ("needs root and a mount namespace of its own (unshare) to mount a small "
                 "tmpfs or a read-only folder; a plain chmod does not stop root");
  return own_mounts;
}

/* A read-only folder: a chmod as a user, a read-only bind mount as root (whom permissions do
 * not stop). Positions are read, saves fail with a sentence, and once the folder is writable
 * again saving works. */
static void
test_read_only (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("library-read-only");
  g_autofree char *path = make_library (dir);
  g_autoptr (GError) error = NULL;
  HarkLibrary *library;
  gboolean as_root = geteuid () == 0;

  if (as_root)
    {
      if (!can_mount ())
        {
          hark_test_remove_tree (dir);
          return;
        }
      g_assert_cmpint (mount (dir, dir, NULL, MS_BIND, NULL), ==, 0);
      g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);
      /* Really read-only, even for root. */
      {
        g_autofree char *probe = g_build_filename (dir, "probe", NULL);

        g_assert_false (g_file_set_contents (probe, "x", -1, NULL));
      }
    }
  else
    {
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }
  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hark_library_get_problem (library));
  g_test_message ("%s", hark_library_get_problem (library));
  /* What happened, not "Could not read" for a file that reads fine. */
  g_assert_nonnull (strstr (hark_library_get_problem (library), "read-only"));
  assert_position_read (library);
  g_assert_false (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                     &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_clear_error (&error);
  assert_position_read (library);

  if (as_root)
    g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND, NULL), ==, 0);
  else
    {
      g_chmod (dir, 0700);
      g_chmod (path, 0644);
    }
  g_assert_true (hark_library_retry (library, &error));
  g_assert_no_error (error);
  g_assert_null (hark_library_get_problem (library));
  g_assert_true (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                    &error));
  g_assert_no_error (error);
  hark_library_free (library);
  if (as_root)
    g_assert_cmpint (umount (dir), ==, 0);
  hark_test_remove_tree (dir);
}

/* Fills the file system holding @dir until a write fails for want of space; returns the
 * filler's path. */
static char *
fill_disk (const char *dir)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  static const char block[4096];
  int fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      ssize_t n = write (fd, block, sizeof block);

      if (n < 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
      g_assert_cmpint (n, >, 0);
    }
  close (fd);
  return filler;
}

/* The disk holding the library fills up while listening: the last position saved stays, each
 * failed save says in a sentence that the disk is full, and saving works again once there is
 * room. */
static void
test_disk_full (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("library-full");
  g_autofree char *path = NULL, *filler = NULL;
  g_autoptr (GError) error = NULL;
  HarkLibrary *library;
  guint saved = 0;

  if (!can_mount ())
    {
      hark_test_remove_tree (dir);
      return;
    }
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=512k"), ==, 0);
  path = make_library (dir);
  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (hark_library_get_problem (library));
  filler = fill_disk (dir);

  /* A save may still fit in pages SQLite holds already; new episodes soon need more. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u-with-a-long-name-to-take-room-%0200u", i, i);

      if (!hark_library_save (library, key, "/tmp/other.mp3", "Other", 3600, i, 1.0, &error))
        break;
      saved++;
    }
  g_assert_nonnull (error);
  g_test_message ("after %u more saves: %s", saved, error->message);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_clear_error (&error);
  g_assert_false (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                     &error));
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_clear_error (&error);
  /* The place saved before is there, in this library and in one opened now. */
  assert_position_read (library);
  {
    HarkLibrary *again = hark_library_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
    assert_position_read (again);
    hark_library_free (again);
  }

  /* Room again: the next save goes through. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  hark_library_retry (library, NULL);
  g_assert_true (hark_library_save (library, "key-1", "/tmp/ep.mp3", "Ep", 3600, 99, 1.0,
                                    &error));
  g_assert_no_error (error);
  hark_library_free (library);
  g_assert_cmpint (umount (dir), ==, 0);
  hark_test_remove_tree (dir);
}

typedef struct
{
  guint n_errors;
  char *error;
  HarkSessionErrorKind kind;
} Heard;

static void
on_session_event (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  Heard *heard = user_data;

  if (event->type != HARK_SESSION_EVENT_ERROR)
    return;
  heard->n_errors++;
  heard->kind = event->error_kind;
  g_free (heard->error);
  heard->error = g_strdup (event->error ? event->error->message : "");
}

/* Runs the default context until the session is at @position or later, or fails after 20 s. */
static void
wait_position (HarkSession *session, double position)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (hark_session_get_position (session) < position)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The place saved for the session's episode now, or -1 when none is. */
static double
saved_position (HarkLibrary *library, HarkSession *session)
{
  g_autoptr (GError) error = NULL;
  HarkLibraryEntry *entry = hark_library_lookup (library, hark_session_get_library_key (session),
                                                 &error);
  double position;

  g_assert_no_error (error);
  if (entry == NULL)
    return -1;
  position = entry->position;
  hark_library_entry_free (entry);
  return position;
}

/* Waits (20 s at most, then fails) until the saved place is within @from and @to: saves come
 * after the events that cause them. */
static double
wait_saved (HarkLibrary *library, HarkSession *session, double from, double to)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  double position;

  while ((position = saved_position (library, session)) < from || position > to)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the saved place stayed at %.3f, not in %.3f–%.3f", position, from, to);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return position;
}

/* Listening while the disk fills: the session says once, in a sentence, that the place cannot
 * be saved, playback goes on, the last place saved stays, and saving resumes with room. */
static void
test_disk_full_while_playing (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("library-full-playing");
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autofree char *audio = NULL, *lib_dir = NULL, *path = NULL, *filler = NULL;
  g_autoptr (GError) error = NULL;
  Heard heard = { 0 };
  HarkLibrary *library;
  HarkSession *session;
  int status = 0;

  if (ffmpeg == NULL)
    {
      g_test_skip ("ffmpeg is not installed");
      hark_test_remove_tree (dir);
      return;
    }
  if (!can_mount ())
    {
      hark_test_remove_tree (dir);
      return;
    }
  audio = g_build_filename (dir, "ep.wav", NULL);
  {
    const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                           "sine=frequency=440:duration=8", audio, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  lib_dir = g_build_filename (dir, "data", NULL);
  g_assert_cmpint (g_mkdir (lib_dir, 0700), ==, 0);
  g_assert_cmpint (mount ("tmpfs", lib_dir, "tmpfs", 0, "size=512k"), ==, 0);
  path = g_build_filename (lib_dir, "library.db", NULL);
  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  session = hark_session_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), library, NULL);
  hark_session_add_listener (session, on_session_event, &heard, NULL);
  hark_session_open (session, audio, NULL);
  while (hark_session_is_loading (session))
    g_main_context_iteration (NULL, TRUE);

  /* A seek saves the place. */
  g_assert_true (hark_session_seek (session, 2.0));
  wait_position (session, 2.0);
  wait_saved (library, session, 1.95, 2.05);
  g_assert_cmpuint (heard.n_errors, ==, 0);

  /* Disk full: the next save fails with a sentence; playing goes on. */
  filler = fill_disk (lib_dir);
  g_assert_true (hark_session_seek (session, 3.0));
  g_assert_true (hark_session_play (session));
  wait_position (session, 4.0);
  g_assert_cmpuint (heard.n_errors, ==, 1);
  g_assert_cmpint (heard.kind, ==, HARK_SESSION_ERROR_LIBRARY);
  g_test_message ("%s", heard.error);
  g_assert_nonnull (strstr (heard.error, "the disk is full"));
  g_assert_cmpint (hark_session_get_snapshot (session)->state, ==, HARK_PLAYER_STATE_PLAYING);
  /* Said once, not at every save. */
  g_assert_true (hark_session_seek (session, 4.5));
  wait_position (session, 5.0);
  g_assert_cmpuint (heard.n_errors, ==, 1);
  /* The last place saved is still there. */
  g_assert_cmpfloat_with_epsilon (saved_position (library, session), 2.0, 0.05);

  /* Room again: the next save goes through. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  hark_library_retry (library, NULL);
  g_assert_true (hark_session_pause (session));
  while (hark_session_get_snapshot (session)->state == HARK_PLAYER_STATE_PLAYING)
    g_main_context_iteration (NULL, TRUE);
  wait_saved (library, session, 5.0, 100);
  g_assert_cmpuint (heard.n_errors, ==, 1);

  hark_session_free (session);
  hark_library_free (library);
  g_free (heard.error);
  g_assert_cmpint (umount (lib_dir), ==, 0);
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
  /* Mounts made here stay here: a namespace of its own, nothing propagated back. */
  own_mounts = geteuid () == 0 && unshare (CLONE_NEWNS) == 0
               && mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/library-faults/locked", test_locked);
  g_test_add_func ("/library-faults/read-only", test_read_only);
  g_test_add_func ("/library-faults/disk-full", test_disk_full);
  g_test_add_func ("/library-faults/disk-full-while-playing", test_disk_full_while_playing);
  g_test_add_func ("/library-faults/damaged-still-refused", test_damaged_still_refused);
  return g_test_run ();
}
