/* test-library.c — the resume store: positions, keys, migrations, damage, kill -9
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "util/hark-error.h"
#include "library/hark-library.h"
#include "hark-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = hark_test_make_tmpdir ("library");
  /* A folder that does not exist yet: opening must create it. */
  f->db_path = g_build_filename (f->dir, "hark", "library.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  hark_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static HarkLibrary *
open_ok (const char *path)
{
  g_autoptr (GError) error = NULL;
  HarkLibrary *library = hark_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static void
test_positions (Fixture *f, gconstpointer data)
{
  g_autoptr (HarkLibrary) library = open_ok (f->db_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  g_autoptr (GPtrArray) recent = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpstr (hark_library_get_path (library), ==, f->db_path);
  g_assert_null (hark_library_lookup (library, "v1:1:1:unknown", &error));
  g_assert_no_error (error);

  g_assert_true (hark_library_save (library, "a", "/m/a.mp3", "Episode A", 3600, 720.5, 1.5,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (hark_library_save (library, "b", "/m/b.mp3", NULL, 100, 10, 1.0, &error));
  g_assert_true (hark_library_save (library, "c", "/m/c.mp3", "C", 200, 20, 2.0, &error));

  entry = hark_library_lookup (library, "a", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->path, ==, "/m/a.mp3");
  g_assert_cmpstr (entry->title, ==, "Episode A");
  g_assert_cmpfloat (entry->position, ==, 720.5);
  g_assert_cmpfloat (entry->duration, ==, 3600);
  g_assert_cmpfloat (entry->speed, ==, 1.5);
  g_assert_cmpint (entry->last_listened, >=, before);
  g_clear_pointer (&entry, hark_library_entry_free);

  /* A later save moves the position; a save without a title keeps the one known. */
  g_assert_true (hark_library_save (library, "a", "/m/moved/a.mp3", NULL, 3600, 800, 1.75,
                                    &error));
  entry = hark_library_lookup (library, "a", &error);
  g_assert_cmpfloat (entry->position, ==, 800);
  g_assert_cmpfloat (entry->speed, ==, 1.75);
  g_assert_cmpstr (entry->path, ==, "/m/moved/a.mp3");
  g_assert_cmpstr (entry->title, ==, "Episode A");

  /* Nonsense from a confused caller is stored as something playable. */
  g_assert_true (hark_library_save (library, "b", "/m/b.mp3", NULL, NAN, -5, 0, &error));
  g_clear_pointer (&entry, hark_library_entry_free);
  entry = hark_library_lookup (library, "b", &error);
  g_assert_cmpfloat (entry->position, ==, 0);
  g_assert_cmpfloat (entry->speed, ==, 1.0);

  /* Most recent first: b was saved last, then a, then c. */
  recent = hark_library_list_recent (library, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 3);
  g_assert_cmpstr (((HarkLibraryEntry *) recent->pdata[0])->key, ==, "b");
  g_assert_cmpstr (((HarkLibraryEntry *) recent->pdata[1])->key, ==, "a");
  g_assert_cmpstr (((HarkLibraryEntry *) recent->pdata[2])->key, ==, "c");
  g_clear_pointer (&recent, g_ptr_array_unref);
  recent = hark_library_list_recent (library, 2, &error);
  g_assert_cmpuint (recent->len, ==, 2);

  g_assert_true (hark_library_forget (library, "b", &error));
  g_clear_pointer (&entry, hark_library_entry_free);
  g_assert_null (hark_library_lookup (library, "b", &error));
  g_assert_no_error (error);
}

/* Positions outlive the process that saved them, and the file is in WAL mode. */
static void
test_reopen_wal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  HarkLibrary *library = open_ok (f->db_path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (hark_library_save (library, "k", "/m/k.opus", NULL, 60, 42, 1, &error));
  hark_library_free (library);

  library = open_ok (f->db_path);
  entry = hark_library_lookup (library, "k", &error);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->position, ==, 42);
  hark_library_free (library);

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode;", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT version FROM schema_version;", -1, &stmt,
                                       NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, HARK_LIBRARY_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* A renamed or moved episode is the same episode; another episode is not. */
static void
test_key (Fixture *f, gconstpointer data)
{
  g_autofree char *original = hark_test_fixture ("ep189/ep189.opus");
  g_autofree char *other = NULL;
  g_autofree char *moved_dir = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *key = NULL;
  g_autofree char *moved_key = NULL;
  g_autofree char *other_key = NULL;
  g_autofree char *changed_key = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (original == NULL)
    return;
  other = hark_test_fixture ("ep189/ep189.mp3");
  moved_dir = g_build_filename (f->dir, "Podcasts", "Talk Python", NULL);
  g_assert_cmpint (g_mkdir_with_parents (moved_dir, 0700), ==, 0);
  moved = g_build_filename (moved_dir, "189 - war stories.opus", NULL);
  copy_file (original, moved);

  key = hark_library_compute_key (original, 3541.02, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (key, "v1:11168274:3541:"));
  g_assert_cmpuint (strlen (key), ==, strlen ("v1:11168274:3541:") + 64);
  moved_key = hark_library_compute_key (moved, 3540.98, &error);
  g_assert_cmpstr (moved_key, ==, key);
  other_key = hark_library_compute_key (other, 3541.0, &error);
  g_assert_cmpstr (other_key, !=, key);

  /* Same size and duration but other bytes at the start: another file. */
  g_assert_true (g_file_get_contents (moved, &contents, &length, NULL));
  contents[1000] ^= 0x55;
  g_assert_true (g_file_set_contents (moved, contents, length, NULL));
  changed_key = hark_library_compute_key (moved, 3541.0, &error);
  g_assert_cmpstr (changed_key, !=, key);

  library = open_ok (f->db_path);
  g_assert_true (hark_library_save (library, key, original, NULL, 3541, 720, 1, &error));
  entry = hark_library_lookup (library, moved_key, &error);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->position, ==, 720);

  g_assert_null (hark_library_compute_key ("/nonexistent/episode.mp3", 1, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/episode.mp3"));
}

static void
test_resume_position (void)
{
  HarkLibraryEntry entry = { .duration = 3600, .position = 720, .last_listened = 1000000 };

  /* Back a moment later: exactly where it stopped, rewind or not. */
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 60, TRUE), ==,
                     720);
  /* Long ago: a few seconds earlier, more the longer it has been, unless turned off. */
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 600, TRUE), ==,
                     715);
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 7200, TRUE), ==,
                     710);
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 2 * 86400, TRUE),
                     ==, 705);
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 30 * 86400, TRUE),
                     ==, 690);
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 30 * 86400,
                                                             FALSE),
                     ==, 720);
  /* Never before the start. */
  entry.position = 3;
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000 + 30 * 86400, TRUE),
                     ==, 0);
  /* Played to the end (or near it): start over. */
  entry.position = 3590;
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000, TRUE), ==, 0);
  entry.position = 3580;
  g_assert_cmpfloat (hark_library_entry_get_resume_position (&entry, 1000000, TRUE), ==, 3580);
}

static void
exec_or_fail (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A file written by the first release (schema 1, no titles) opens, keeps its rows, and is
 * brought to the current schema. */
static void
test_migration (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->db_path);
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) recent = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  exec_or_fail (db, "CREATE TABLE schema_version (version INTEGER NOT NULL);"
                    "INSERT INTO schema_version VALUES (1);"
                    "CREATE TABLE episodes (key TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL,"
                    " duration REAL NOT NULL, position REAL NOT NULL DEFAULT 0,"
                    " speed REAL NOT NULL DEFAULT 1.0, last_listened INTEGER NOT NULL);"
                    "INSERT INTO episodes"
                    " VALUES ('old', '/m/old.mp3', 1800, 900, 1.5, 1700000000);");
  sqlite3_close (db);

  library = open_ok (f->db_path);
  entry = hark_library_lookup (library, "old", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->position, ==, 900);
  g_assert_cmpfloat (entry->speed, ==, 1.5);
  g_assert_cmpint (entry->last_listened, ==, 1700000000);
  g_assert_null (entry->title);

  g_assert_true (hark_library_save (library, "old", "/m/old.mp3", "Old one", 1800, 950, 1.5,
                                    &error));
  g_assert_no_error (error);
  recent = hark_library_list_recent (library, 10, &error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpstr (((HarkLibraryEntry *) recent->pdata[0])->title, ==, "Old one");
  g_clear_pointer (&library, hark_library_free);

  /* Opening again does not migrate twice. */
  library = open_ok (f->db_path);
}

static void
test_newer_schema (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->db_path);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  exec_or_fail (db, "CREATE TABLE schema_version (version INTEGER NOT NULL);"
                    "INSERT INTO schema_version VALUES (99);");
  sqlite3_close (db);

  g_assert_null (hark_library_open (f->db_path, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "newer version of Hark"));
}

static void
assert_open_fails (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = hark_library_open (path, &error);

  g_assert_null (library);
  g_assert_error (error, HARK_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_corrupt_garbage (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->db_path);
  g_autofree char *garbage = g_malloc (8192);

  for (guint i = 0; i < 8192; i++)
    garbage[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->db_path, garbage, 8192, NULL));
  assert_open_fails (f->db_path, HARK_ERROR_CORRUPT);
}

/* A valid header with damaged pages behind it, as a disk error or a half-copied file leaves. */
static void
test_corrupt_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  HarkLibrary *library = open_ok (f->db_path);
  gsize length;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *key = g_strdup_printf ("episode-%u", i);
      g_autofree char *path = g_strdup_printf ("/podcasts/some show/episode number %u.mp3", i);

      g_assert_true (hark_library_save (library, key, path, "A title", 3600, i, 1, &error));
    }
  hark_library_free (library);
  /* Fold the log into the main file so the damage below hits the rows. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
    exec_or_fail (db, "PRAGMA wal_checkpoint(TRUNCATE);");
    sqlite3_close (db);
  }

  g_assert_true (g_file_get_contents (f->db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  for (gsize i = 4096 + 100; i < length; i += 7)
    contents[i] = (char) 0xA5;
  g_assert_true (g_file_set_contents (f->db_path, contents, length, NULL));
  assert_open_fails (f->db_path, HARK_ERROR_CORRUPT);
}

static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *below_file = g_build_filename (blocker, "hark", "library.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "library.db", NULL);

  /* Tests often run as root, where file modes do not stop writes: use paths that no one can
   * write instead. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  assert_open_fails (below_file, HARK_ERROR_IO);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_open_fails (folder, HARK_ERROR_IO);
}

/* kill -9 in the middle of listening: every save that had returned is still there, and the
 * file opens cleanly. */
static void
test_kill_durability (Fixture *f, gconstpointer data)
{
  g_autofree char *writer =
      g_build_filename (g_getenv ("HARK_BUILD_DIR"), "tests", "library", "library-writer", NULL);
  const char *argv[] = { writer, f->db_path, "v1:episode", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GIOChannel) channel = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  double announced = 0;
  guint lines = 0;
  guint target = g_test_rand_int_range (200, 2000);
  GPid pid;
  int out_fd;
  int status;
  char *line = NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);

  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      announced = g_ascii_strtod (line, NULL);
      g_free (line);
      if (++lines == target)
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          break;
        }
    }
  g_assert_cmpuint (lines, ==, target);
  /* Drain what it said before dying: those saves had returned too. */
  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      announced = g_ascii_strtod (line, NULL);
      g_free (line);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  library = open_ok (f->db_path);
  entry = hark_library_lookup (library, "v1:episode", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_test_message ("killed after %.2f s announced; the database has %.2f s", announced,
                  entry->position);
  /* The save in flight when the signal came may or may not have made it; none before it may be
   * lost. */
  g_assert_cmpfloat (entry->position, >=, announced);
  g_assert_cmpfloat (entry->position, <=, announced + 0.25);
  g_assert_cmpfloat (entry->speed, ==, 1.25);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/desktop/library/positions", test_positions);
  ADD ("/desktop/library/reopen-wal", test_reopen_wal);
  ADD ("/desktop/library/key", test_key);
  g_test_add_func ("/desktop/library/resume-position", test_resume_position);
  ADD ("/desktop/library/migration", test_migration);
  ADD ("/desktop/library/newer-schema", test_newer_schema);
  ADD ("/desktop/library/corrupt-garbage", test_corrupt_garbage);
  ADD ("/desktop/library/corrupt-pages", test_corrupt_pages);
  ADD ("/desktop/library/unwritable", test_unwritable);
  ADD ("/desktop/library/kill-durability", test_kill_durability);
#undef ADD
  return g_test_run ();
}
