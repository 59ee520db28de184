/* bench-library.c — what remembering the position costs the main thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; judges nothing. hark_library_save() runs on the main thread every 10 s and on
 * every pause and seek, so it must stay far below a frame (16 ms). Side by side:
 *  - a save in Hark's library (WAL, synchronous=NORMAL, prepared statement) against the naive
 *    way (SQLite's defaults: rollback journal, synchronous=FULL, a statement prepared per save);
 *  - recognising the 59-minute episode by its first MiB against hashing the whole file.
 */
#include <gio/gio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "library/hark-library.h"

#define SAVES 300
#define OTHER_EPISODES 2000

static void
print_row (const char *what, double *ms, guint n)
{
  bench_sort (ms, n);
  printf ("  %-34s median %8.3f ms   p99 %8.3f ms   max %8.3f ms\n", what, ms[n / 2],
          ms[n * 99 / 100], ms[n - 1]);
}

static void
bench_hark_saves (const char *dir, double *ms)
{
  g_autofree char *path = g_build_filename (dir, "hark.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = hark_library_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < OTHER_EPISODES; i++)
    {
      g_autofree char *key = g_strdup_printf ("v1:%u:3600:other", i);

      hark_library_save (library, key, "/podcasts/other.mp3", "Other", 3600, i, 1.0, &error);
    }
  for (guint i = 0; i < SAVES; i++)
    {
      gint64 start = g_get_monotonic_time ();

      hark_library_save (library, "v1:ep189", "/podcasts/ep189.opus", "Episode 189", 3541,
                         i * 10.0, 1.25, &error);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }
}

static void
bench_naive_saves (const char *dir, double *ms)
{
  g_autofree char *path = g_build_filename (dir, "naive.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db,
                "PRAGMA synchronous = FULL;"
                "CREATE TABLE episodes (key TEXT PRIMARY KEY, path TEXT, title TEXT,"
                " duration REAL, position REAL, speed REAL, last_listened INTEGER);",
                NULL, NULL, NULL);
  sqlite3_exec (db, "BEGIN;", NULL, NULL, NULL);
  for (guint i = 0; i < OTHER_EPISODES; i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "INSERT INTO episodes VALUES ('v1:%u:3600:other', '/podcasts/other.mp3', 'Other',"
          " 3600, %u, 1.0, 0);",
          i, i);

      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }
  sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL);
  for (guint i = 0; i < SAVES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *sql = g_strdup_printf (
          "INSERT OR REPLACE INTO episodes VALUES ('v1:ep189', '/podcasts/ep189.opus',"
          " 'Episode 189', 3541, %u, 1.25, %" G_GINT64_FORMAT ");",
          i * 10, g_get_real_time () / G_USEC_PER_SEC);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  sqlite3_close (db);
}

static double
time_whole_file_hash (const char *path)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 16);
  gint64 start = g_get_monotonic_time ();
  FILE *file = fopen (path, "rb");
  size_t n;

  g_assert_nonnull (file);
  while ((n = fread (buffer, 1, 1 << 16, file)) > 0)
    g_checksum_update (checksum, buffer, n);
  fclose (file);
  g_assert_nonnull (g_checksum_get_string (checksum));
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  const char *build = g_getenv ("HARK_BUILD_DIR");
  const char *fixtures = bench_fixtures_dir ();
  g_autofree char *base = g_build_filename (build ? build : g_get_tmp_dir (), "bench-tmp", NULL);
  g_autofree char *template = NULL;
  g_autofree char *audio = NULL;
  double hark_ms[SAVES], naive_ms[SAVES];
  char *dir;

  g_mkdir_with_parents (base, 0700);
  template = g_build_filename (base, "library-XXXXXX", NULL);
  dir = g_mkdtemp (template);
  g_assert_nonnull (dir);

  bench_hark_saves (dir, hark_ms);
  bench_naive_saves (dir, naive_ms);
  printf ("Saving a position (%d saves, %d other episodes in the file):\n", SAVES,
          OTHER_EPISODES);
  print_row ("Hark (WAL, NORMAL, prepared)", hark_ms, SAVES);
  print_row ("naive (rollback journal, FULL)", naive_ms, SAVES);

  if (fixtures)
    audio = g_build_filename (fixtures, "ep189", "ep189.opus", NULL);
  if (audio && g_file_test (audio, G_FILE_TEST_EXISTS))
    {
      double key_ms[5], whole_ms[5];

      for (guint i = 0; i < 5; i++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autofree char *key = hark_library_compute_key (audio, 3541, NULL);

          g_assert_nonnull (key);
          key_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
          whole_ms[i] = time_whole_file_hash (audio);
        }
      printf ("Recognising ep189.opus (11 MB, 59 min), 5 runs:\n");
      print_row ("Hark key (size, length, first MiB)", key_ms, 5);
      print_row ("SHA-256 of the whole file", whole_ms, 5);
    }
  else if (bench_skip ("recognising an episode needs ep189.opus from the fixtures") != 77)
    return 1;

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (cmd) != 0)
      printf ("could not remove %s\n", dir);
  }
  return 0;
}
