/* hark-library.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "library/hark-library.h"
#include "util/hark-i18n.h"
#include "library/hark-library-private.h"

#include <errno.h>
#include <math.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "util/hark-error.h"

#define KEY_HASHED_BYTES (1024 * 1024)

struct _HarkLibrary
{
  sqlite3 *db;
  char *path;
  sqlite3_stmt *save;
  sqlite3_stmt *lookup;
  char *problem;     /* why it is read-only, or NULL when saving works */
  gint64 last_retry; /* monotonic time of the last try to open for writing */
};

/* Each migration takes the database from version i to i + 1. Never edit one that has shipped:
 * add a new one and bump HARK_LIBRARY_SCHEMA_VERSION. */
static const char *const migrations[HARK_LIBRARY_SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE episodes ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  path TEXT NOT NULL,"
  "  duration REAL NOT NULL,"
  "  position REAL NOT NULL DEFAULT 0,"
  "  speed REAL NOT NULL DEFAULT 1.0,"
  "  last_listened INTEGER NOT NULL"
  ");",
  /* 1 → 2: titles for the recent list, and an index so it stays quick with many episodes. */
  "ALTER TABLE episodes ADD COLUMN title TEXT;"
  "CREATE INDEX episodes_by_last_listened ON episodes (last_listened DESC);",
  /* 2 → 3: subscriptions (library/hark-library-shows.c). Episodes that leave a feed keep
   * their row with in_feed = 0; refresh_stamp/seen_stamp tell which ones the last fetch saw. */
  "CREATE TABLE shows ("
  "  id INTEGER PRIMARY KEY,"
  "  feed_url TEXT NOT NULL UNIQUE,"
  "  title TEXT, link TEXT, language TEXT, image TEXT, description TEXT,"
  "  etag TEXT, last_modified TEXT, next_page TEXT,"
  "  added INTEGER NOT NULL, last_checked INTEGER NOT NULL DEFAULT 0, last_error TEXT,"
  "  refresh_stamp INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE show_episodes ("
  "  id INTEGER PRIMARY KEY,"
  "  show_id INTEGER NOT NULL REFERENCES shows (id),"
  "  episode_id TEXT NOT NULL,"
  "  guid TEXT, title TEXT NOT NULL, link TEXT, description TEXT,"
  "  published INTEGER, duration REAL,"
  "  enclosure_url TEXT, enclosure_type TEXT, enclosure_length INTEGER,"
  "  image TEXT, chapters_url TEXT, chapters_type TEXT,"
  "  in_feed INTEGER NOT NULL DEFAULT 1, is_new INTEGER NOT NULL DEFAULT 0,"
  "  first_seen INTEGER NOT NULL, seen_stamp INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (show_id, episode_id)"
  ");"
  "CREATE INDEX show_episodes_by_date ON show_episodes (show_id, published DESC);"
  "CREATE INDEX show_episodes_by_id ON show_episodes (episode_id);"
  "CREATE TABLE episode_transcripts ("
  "  episode INTEGER NOT NULL REFERENCES show_episodes (id), position INTEGER NOT NULL,"
  "  url TEXT NOT NULL, type TEXT, language TEXT, rel TEXT"
  ");"
  "CREATE INDEX episode_transcripts_by_episode ON episode_transcripts (episode);"
  "CREATE TABLE episode_persons ("
  "  episode INTEGER NOT NULL REFERENCES show_episodes (id), position INTEGER NOT NULL,"
  "  name TEXT NOT NULL, role TEXT, person_group TEXT, img TEXT, href TEXT"
  ");"
  "CREATE INDEX episode_persons_by_episode ON episode_persons (episode);"
  "CREATE TABLE downloads ("
  "  episode INTEGER PRIMARY KEY REFERENCES show_episodes (id),"
  "  state INTEGER NOT NULL, path TEXT, bytes INTEGER NOT NULL DEFAULT 0,"
  "  total INTEGER NOT NULL DEFAULT 0, etag TEXT, updated INTEGER NOT NULL"
  ");",
};

static const char *const entry_columns =
    "key, path, title, duration, position, speed, last_listened";

void
hark_library_entry_free (HarkLibraryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->path);
  g_free (entry->title);
  g_free (entry);
}

double
hark_library_entry_get_resume_position (const HarkLibraryEntry *entry, gint64 now,
                                        gboolean rewind)
{
  /* Away for up to five minutes the sentence is still in mind; after that, hearing the last
   * few seconds again helps pick up the thread, more so the longer it has been. */
  static const struct
  {
    gint64 away;
    double back;
  } steps[] = {
    { 7 * 24 * 3600, 30.0 },
    { 24 * 3600, 15.0 },
    { 3600, 10.0 },
    { 5 * 60, 5.0 },
  };
  double position;

  g_return_val_if_fail (entry != NULL, 0.0);

  position = entry->position;
  if (!(position > 0) || (entry->duration > 0
                          && position >= entry->duration - HARK_LIBRARY_FINISHED_MARGIN))
    return 0.0;
  if (rewind)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (now - entry->last_listened >= steps[i].away)
        {
          position -= steps[i].back;
          break;
        }
  return MAX (position, 0.0);
}

char *
hark_library_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hark", "library.db", NULL);
}

/* Turns SQLite's view of a failure into a sentence the listener can act on. */
static void set_db_error (GError **error, sqlite3 *db, const char *path, const char *doing);

sqlite3 *
hark_library_get_db (HarkLibrary *self)
{
  return self->db;
}

void
hark_library_set_db_error (HarkLibrary *self, const char *doing, GError **error)
{
  set_db_error (error, self->db, self->path, doing);
}

static void
set_db_error (GError **error, sqlite3 *db, const char *path, const char *doing)
{
  int code = db ? sqlite3_errcode (db) & 0xff : SQLITE_CANTOPEN;
  const char *detail = db ? sqlite3_errmsg (db) : "out of memory";

  switch (code)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("The library file %s is damaged (%s), so listening positions cannot be "
                     "remembered. Move it away and Hark will start a new one."),
                   path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not %s the library file %s: the disk is full."), doing, path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not %s the library file %s: another program is using it."), doing,
                   path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not %s the library file %s: it is read-only."), doing, path);
      break;
    default:
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Could not %s the library file %s (%s)."),
                   doing, path, detail);
      break;
    }
}

static gboolean
exec_sql (HarkLibrary *self, const char *sql, const char *doing, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  set_db_error (error, self->db, self->path, doing);
  return FALSE;
}

/* Runs a statement that returns one row of one integer or text column. */
static gboolean
query_single (HarkLibrary *self, const char *sql, sqlite3_int64 *out_int, char **out_text,
              GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_db_error (error, self->db, self->path, _("read"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (out_int)
    *out_int = sqlite3_column_int64 (stmt, 0);
  if (out_text)
    *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return TRUE;
}

/* quick_check reads every page, which is cheap for a file of a few hundred rows and catches
 * damage up front instead of at the first save in the middle of an episode. */
static gboolean
check_integrity (HarkLibrary *self, GError **error)
{
  g_autofree char *verdict = NULL;

  if (!query_single (self, "PRAGMA quick_check;", NULL, &verdict, error))
    return FALSE;
  if (g_strcmp0 (verdict, "ok") != 0)
    {
      /* The verdict lists every damaged page; the first finding is enough for a sentence. */
      if (verdict)
        {
          g_strdelimit (verdict, "\n", ' ');
          if (g_utf8_strlen (verdict, -1) > 120)
            strcpy (g_utf8_offset_to_pointer (verdict, 117), "…");
        }
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("The library file %s is damaged (%s), so listening positions cannot be "
                     "remembered. Move it away and Hark will start a new one."),
                   self->path, verdict ? verdict : "no verdict");
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (HarkLibrary *self, GError **error)
{
  sqlite3_int64 version = 0;

  /* IMMEDIATE: two Hark windows starting at once must not both run the same migration. */
  if (!exec_sql (self, "BEGIN IMMEDIATE;", "update", error))
    return FALSE;
  if (!exec_sql (self, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);",
                 "update", error))
    goto fail;
  if (!query_single (self, "SELECT COALESCE (MAX (version), 0) FROM schema_version;", &version,
                     NULL, error))
    goto fail;
  if (version > HARK_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("The library file %s was written by a newer version of Hark (schema %d; "
                     "this one knows up to %d). Positions will not be remembered until Hark is "
                     "updated."),
                   self->path, (int) version, HARK_LIBRARY_SCHEMA_VERSION);
      goto fail;
    }
  for (; version < HARK_LIBRARY_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = NULL;

      if (!exec_sql (self, migrations[version], "update", error))
        goto fail;
      bump = g_strdup_printf ("DELETE FROM schema_version;"
                              "INSERT INTO schema_version (version) VALUES (%d);",
                              (int) version + 1);
      if (!exec_sql (self, bump, "update", error))
        goto fail;
    }
  return exec_sql (self, "COMMIT;", "update", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
prepare (HarkLibrary *self, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) == SQLITE_OK)
    return TRUE;
  set_db_error (error, self->db, self->path, _("read"));
  return FALSE;
}

/* Opens self->path for reading and writing, creating and migrating it as needed. */
/* FALSE, with the reason, when a read-only library lost even its read access. */
static gboolean
check_open (HarkLibrary *self, GError **error)
{
  if (self->db != NULL && self->lookup != NULL)
    return TRUE;
  g_set_error (error, HARK_ERROR, HARK_ERROR_IO, "%s",
               self->problem ? self->problem : "The library file is not open.");
  return FALSE;
}

static gboolean
open_read_write (HarkLibrary *self, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *lookup_sql = NULL;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not create the folder %s for the library file %s (%s)."), dir,
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not open the library file %s: it is a folder."), self->path);
      return FALSE;
    }

  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      set_db_error (error, self->db, self->path, _("open"));
      return FALSE;
    }
  /* SQLite falls back to reading a file it may not write (a read-only file, folder or file
   * system), and would fail later on the first read of a WAL database, saying it could not
   * read a file that reads fine. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not write the library file %s: it, its folder or its disk is "
                     "read-only."),
                   self->path);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Another Hark window may be saving at the same moment. */
  sqlite3_busy_timeout (self->db, 2000);

  if (!check_integrity (self, error))
    return FALSE;
  /* WAL: a save appends to the log, so a process killed right after hark_library_save()
   * returned keeps that save, and readers never block the writer. NORMAL is durable against
   * a crash of Hark (only a power cut can lose the last commits), without an fsync per save. */
  if (!query_single (self, "PRAGMA journal_mode = WAL;", NULL, &journal_mode, error))
    return FALSE;
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not switch the library file %s to write-ahead logging (the journal "
                     "mode stayed “%s”)."),
                   self->path, journal_mode);
      return FALSE;
    }
  if (!exec_sql (self, "PRAGMA synchronous = NORMAL;", "open", error)
      || !migrate (self, error))
    return FALSE;

  lookup_sql = g_strdup_printf ("SELECT %s FROM episodes WHERE key = ?1;", entry_columns);
  if (!prepare (self,
                /* REPLACE rather than an update: the row gets a new rowid, which orders
                 * the recent list when two saves fall in the same second. */
                "INSERT OR REPLACE INTO episodes (key, path, title, duration, position, "
                "speed, last_listened) VALUES (?1, ?2, "
                "COALESCE (?3, (SELECT title FROM episodes WHERE key = ?1)), "
                "?4, ?5, ?6, ?7);",
                &self->save, error)
      || !prepare (self, lookup_sql, &self->lookup, error))
    return FALSE;

  return TRUE;
}

static void
close_db (HarkLibrary *self)
{
  g_clear_pointer (&self->save, sqlite3_finalize);
  g_clear_pointer (&self->lookup, sqlite3_finalize);
  /* close_v2 still closes when a statement leaked, instead of failing with BUSY. */
  g_clear_pointer (&self->db, sqlite3_close_v2);
}

/* Opens an existing library only to read positions: for a file or folder that is read-only,
 * a full disk or a lock held elsewhere. "immutable" reads a WAL database even where its
 * -shm file cannot be created. */
static gboolean
open_read_only (HarkLibrary *self)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autofree char *lookup_sql =
      g_strdup_printf ("SELECT %s FROM episodes WHERE key = ?1;", entry_columns);
  static const char *const modes[] = { "?mode=ro", "?immutable=1" };

  if (uri == NULL || !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strconcat (uri, modes[i], NULL);

      close_db (self);
      if (sqlite3_open_v2 (name, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
              == SQLITE_OK
          && sqlite3_prepare_v2 (self->db, lookup_sql, -1, &self->lookup, NULL) == SQLITE_OK)
        {
          sqlite3_busy_timeout (self->db, 200);
          return TRUE;
        }
    }
  close_db (self);
  return FALSE;
}

HarkLibrary *
hark_library_open (const char *path, GError **error)
{
  g_autoptr (HarkLibrary) self = g_new0 (HarkLibrary, 1);
  g_autoptr (GError) local = NULL;

  self->path = path ? g_strdup (path) : hark_library_get_default_path ();
  if (open_read_write (self, &local))
    return g_steal_pointer (&self);
  /* A damaged file is not read at all; anything else may still give the saved positions. */
  if (!g_error_matches (local, HARK_ERROR, HARK_ERROR_CORRUPT) && open_read_only (self))
    {
      self->problem = g_strdup_printf (
          _("Listening positions are read but not saved: %s Hark will try to save again."),
          local->message);
      self->last_retry = g_get_monotonic_time ();
      return g_steal_pointer (&self);
    }
  close_db (self);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

const char *
hark_library_get_problem (HarkLibrary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problem;
}

/* While read-only, tries to open for writing again, at most every HARK_LIBRARY_RETRY_SECONDS:
 * the disk may have room again, the lock be released, the permission restored. */
static gboolean
ensure_writable_now (HarkLibrary *self, gboolean now_anyway, GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 now = g_get_monotonic_time ();

  if (self->problem == NULL)
    return TRUE;
  if (now_anyway || now - self->last_retry >= HARK_LIBRARY_RETRY_SECONDS * G_USEC_PER_SEC)
    {
      self->last_retry = now;
      close_db (self);
      if (open_read_write (self, &local))
        {
          g_clear_pointer (&self->problem, g_free);
          return TRUE;
        }
      close_db (self);
      if (!open_read_only (self))
        {
          /* Not even readable any more: the next lookups say so. */
        }
    }
  g_set_error (error, HARK_ERROR, HARK_ERROR_IO, "%s", self->problem);
  return FALSE;
}

static gboolean
ensure_writable (HarkLibrary *self, GError **error)
{
  return ensure_writable_now (self, FALSE, error);
}

gboolean
hark_library_retry (HarkLibrary *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return ensure_writable_now (self, TRUE, error);
}

void
hark_library_free (HarkLibrary *self)
{
  if (self == NULL)
    return;
  close_db (self);
  g_free (self->problem);
  g_free (self->path);
  g_free (self);
}

const char *
hark_library_get_path (HarkLibrary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

char *
hark_library_compute_key (const char *path, double duration, GError **error)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  GStatBuf st;
  FILE *file;
  size_t n_read;
  gboolean failed;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_fopen (path, "rb");
  if (file == NULL || fstat (fileno (file), &st) != 0)
    {
      int saved_errno = errno;

      if (file)
        fclose (file);
      g_set_error (error, HARK_ERROR,
                   saved_errno == ENOENT ? HARK_ERROR_NOT_FOUND : HARK_ERROR_IO,
                   _("Could not read %s to recognise the episode (%s)."), path,
                   g_strerror (saved_errno));
      return NULL;
    }
  buffer = g_malloc (KEY_HASHED_BYTES);
  n_read = fread (buffer, 1, KEY_HASHED_BYTES, file);
  failed = ferror (file);
  fclose (file);
  if (failed)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("Could not read %s to recognise the episode."), path);
      return NULL;
    }
  g_checksum_update (checksum, buffer, n_read);

  /* Whole seconds: two probes of one file may disagree in the last decimals. */
  return g_strdup_printf ("v1:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", (gint64) st.st_size,
                          (gint64) (duration > 0 ? duration + 0.5 : 0),
                          g_checksum_get_string (checksum));
}

static gboolean
check_done (HarkLibrary *self, sqlite3_stmt *stmt, int rc, const char *doing, GError **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  set_db_error (error, self->db, self->path, doing);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
hark_library_save (HarkLibrary *self, const char *key, const char *path, const char *title,
                   double duration, double position, double speed, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL && path != NULL, FALSE);

  if (!ensure_writable (self, error))
    return FALSE;
  stmt = self->save;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  if (title)
    sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_double (stmt, 4, isfinite (duration) ? duration : 0.0);
  sqlite3_bind_double (stmt, 5, isfinite (position) && position > 0 ? position : 0.0);
  sqlite3_bind_double (stmt, 6, isfinite (speed) && speed > 0 ? speed : 1.0);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  if (!check_done (self, stmt, rc, "write", error))
    return FALSE;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

static HarkLibraryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  HarkLibraryEntry *entry = g_new0 (HarkLibraryEntry, 1);

  entry->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  entry->path = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  entry->duration = sqlite3_column_double (stmt, 3);
  entry->position = sqlite3_column_double (stmt, 4);
  entry->speed = sqlite3_column_double (stmt, 5);
  entry->last_listened = sqlite3_column_int64 (stmt, 6);
  return entry;
}

HarkLibraryEntry *
hark_library_lookup (HarkLibrary *self, const char *key, GError **error)
{
  sqlite3_stmt *stmt;
  HarkLibraryEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  stmt = self->lookup;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (!check_done (self, stmt, rc, "read", error))
    return NULL;
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return entry;
}

GPtrArray *
hark_library_list_recent (HarkLibrary *self, guint limit, GError **error)
{
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) hark_library_entry_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  /* rowid breaks ties: the last save has the highest (see the REPLACE in open). */
  sql = g_strdup_printf ("SELECT %s FROM episodes ORDER BY last_listened DESC, rowid DESC "
                         "LIMIT %d;",
                         entry_columns, limit ? (int) MIN (limit, G_MAXINT) : -1);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, self->path, _("read"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, self->path, _("read"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&entries);
}

gboolean
hark_library_forget (HarkLibrary *self, const char *key, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!ensure_writable (self, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "DELETE FROM episodes WHERE key = ?1;", -1, &stmt, NULL)
      != SQLITE_OK)
    {
      set_db_error (error, self->db, self->path, _("write"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    set_db_error (error, self->db, self->path, _("write"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}
