/* hark-library.h — what Hark remembers about episodes: where you stopped, at what speed, when
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SQLite database, $XDG_DATA_HOME/hark/library.db by default, in WAL mode so a save is one
 * small append that survives the process being killed right after it returns.
 *
 * Episodes are keyed by their content, not their path (hark_library_compute_key()), so a file
 * that was renamed or moved is still recognised; the path stored is the last one it was played
 * from.
 *
 * What the window does with it:
 *  - at start-up: hark_library_open (NULL, &error); when that fails, show error->message (a
 *    banner or toast) and carry on with no library: playback never depends on it;
 *  - on the empty state: hark_library_list_recent() for the recent episodes;
 *  - after hark_player_open(): hark_library_compute_key (path, hark_player_get_duration (), …),
 *    hark_library_lookup(), and when there is an entry, seek to
 *    hark_library_entry_get_resume_position (entry, g_get_real_time () / G_USEC_PER_SEC,
 *    g_settings_get_boolean (settings, "rewind-on-resume")) and set its speed;
 *  - hark_library_save() on pause, on seek, on close, and every HARK_LIBRARY_SAVE_INTERVAL
 *    seconds while playing (a g_timeout_add_seconds()); a save that fails is reported once, not
 *    retried in a loop, and never stops playback.
 *
 * A HarkLibrary is used from one thread (the main thread).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How often to save while playing: a crash loses at most this much of the position. */
#define HARK_LIBRARY_SAVE_INTERVAL 10

/* The schema version this build writes (see hark-library.c for the migrations). */
#define HARK_LIBRARY_SCHEMA_VERSION 3

typedef struct _HarkLibrary HarkLibrary;

typedef struct
{
  char *key;
  char *path;           /* where the episode was last played from */
  char *title;          /* may be NULL */
  double duration;      /* seconds */
  double position;      /* seconds, where listening stopped */
  double speed;
  gint64 last_listened; /* Unix time in seconds */
} HarkLibraryEntry;

void hark_library_entry_free (HarkLibraryEntry *entry);

/* Where to continue: the saved position, a few seconds earlier when @rewind is set and the last
 * listen was long ago (the longer, the more, up to 30 s), and 0 when the episode was played to
 * within HARK_LIBRARY_FINISHED_MARGIN seconds of its end. @now is Unix time in seconds. */
#define HARK_LIBRARY_FINISHED_MARGIN 15.0
double hark_library_entry_get_resume_position (const HarkLibraryEntry *entry, gint64 now,
                                               gboolean rewind);

/* The default location: $XDG_DATA_HOME/hark/library.db. */
char *hark_library_get_default_path (void);

/* Opens or creates the database at @path (NULL: the default), creating its folder and migrating
 * an older schema. Fails with HARK_ERROR_CORRUPT when the file is damaged or not a database,
 * HARK_ERROR_UNSUPPORTED when a newer Hark wrote it, HARK_ERROR_IO when it cannot be created or
 * written. The message is a sentence for the listener that names the file. */
HarkLibrary *hark_library_open (const char *path, GError **error);

/* How often a read-only library tries to open for writing again, on a save. */
#define HARK_LIBRARY_RETRY_SECONDS 30

/* NULL when saving works. Otherwise the library could be opened only to read (the file or its
 * folder is read-only, the disk is full, another program holds a lock): positions are still
 * looked up, saves fail with this sentence and retry opening for writing every
 * HARK_LIBRARY_RETRY_SECONDS. A front end shows it once. */
const char *hark_library_get_problem (HarkLibrary *self);

/* Tries to open a read-only library for writing now (a Retry button, or after the listener
 * fixed the cause). TRUE when saving works again. */
gboolean hark_library_retry (HarkLibrary *self, GError **error);
void hark_library_free (HarkLibrary *self);
const char *hark_library_get_path (HarkLibrary *self);

/* The episode's identity: its size, its duration in whole seconds and a SHA-256 of its first
 * MiB, e.g. "v1:48213334:3541:9f86d0…". Reads at most 1 MiB. */
char *hark_library_compute_key (const char *path, double duration, GError **error);

/* Records where listening is now; last_listened becomes the current time. */
gboolean hark_library_save (HarkLibrary *self, const char *key, const char *path,
                            const char *title, double duration, double position, double speed,
                            GError **error);

/* The entry for @key, or NULL without an error when the episode was never played. */
HarkLibraryEntry *hark_library_lookup (HarkLibrary *self, const char *key, GError **error);

/* Up to @limit entries (0: all), the most recently listened first, or NULL with @error set. */
GPtrArray *hark_library_list_recent (HarkLibrary *self, guint limit, GError **error);

gboolean hark_library_forget (HarkLibrary *self, const char *key, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkLibrary, hark_library_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkLibraryEntry, hark_library_entry_free)

G_END_DECLS
