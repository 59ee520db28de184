/* hark-mpris.h — the media controls of the desktop (MPRIS 2 on the session bus) for a HarkPlayer
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports org.mpris.MediaPlayer2 and org.mpris.MediaPlayer2.Player at /org/mpris/MediaPlayer2
 * under the bus name org.mpris.MediaPlayer2.org.hark.Hark (a name Flatpak lets the app own
 * without extra permissions; playerctl calls the player "org.hark.Hark"). Shell widgets, media
 * keys and playerctl then play, pause, seek, change the rate and the volume, and read the
 * metadata, including the turn being spoken in xesam:asText.
 *
 * Next and Previous move by **chapter** when the episode has chapters (those shown in the table
 * of contents), and by **speaker turn** otherwise. Previous first goes back to the start of the
 * current turn or chapter when more than HARK_MPRIS_PREVIOUS_RESTART seconds of it have played,
 * like the previous-track button of a music player.
 *
 * How the window uses it (all from the main thread, the one that owns the player):
 *  - once: hark_mpris_new (g_application_get_dbus_connection (app), player, &callbacks, app,
 *    &error) — Raise presents the window, Quit quits the application;
 *  - after opening an episode: hark_mpris_set_episode (mpris, path, transcript, &tags) with the
 *    title/artist/album tags of the file (the engine's probe), and again when the transcript is
 *    replaced (NULL transcript: none);
 *  - from the player's event function: hark_mpris_handle_event (mpris, event);
 *  - after the window itself changes speed or volume, or when the highlighted turn changes:
 *    hark_mpris_update (mpris). While playing, the object also checks on its own four times a
 *    second, so forgetting a call delays a change, it does not lose it.
 *  - hark_mpris_free() before the player is freed.
 */
#pragma once

#include <gio/gio.h>

#include "audio/hark-player.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

#define HARK_MPRIS_BUS_NAME "org.mpris.MediaPlayer2.org.hark.Hark"
#define HARK_MPRIS_OBJECT_PATH "/org/mpris/MediaPlayer2"
#define HARK_MPRIS_MINIMUM_RATE 0.5
#define HARK_MPRIS_MAXIMUM_RATE 3.0
#define HARK_MPRIS_PREVIOUS_RESTART 3.0

typedef struct _HarkMpris HarkMpris;

typedef struct
{
  /* Bring the window to the front. NULL: CanRaise is false. */
  void (*raise) (gpointer user_data);
  /* Quit the application. NULL: CanQuit is false. */
  void (*quit) (gpointer user_data);
  /* Open a file:// URI. NULL: OpenUri answers that it is not supported. */
  gboolean (*open_uri) (const char *uri, gpointer user_data, GError **error);
} HarkMprisCallbacks;

/* What the shell shows about the episode; every field may be NULL. */
typedef struct
{
  const char *title;   /* NULL: the file name without its extension */
  const char *artist;  /* the show or the host */
  const char *album;
  const char *art_url; /* a file:// or https:// URI of the cover (see hark_cover_art_extract()) */
} HarkMprisTags;

/* Exports the interfaces on @connection and owns the bus name. @callbacks is copied. Fails when
 * the objects cannot be exported (another HarkMpris on the same connection). */
HarkMpris *hark_mpris_new (GDBusConnection *connection, HarkPlayer *player,
                           const HarkMprisCallbacks *callbacks, gpointer user_data,
                           GError **error);
void hark_mpris_free (HarkMpris *self);

/* The episode the player has open: @path (NULL when none), its @transcript (may be NULL; a
 * reference is taken) and its @tags (copied; may be NULL). */
void hark_mpris_set_episode (HarkMpris *self, const char *path, HarkTranscript *transcript,
                             const HarkMprisTags *tags);

/* Forward every player event: a completed seek becomes the Seeked signal. */
void hark_mpris_handle_event (HarkMpris *self, const HarkPlayerEvent *event);

/* Emits PropertiesChanged for whatever changed since the last call (status, rate, volume,
 * current turn, …). Cheap when nothing did. */
void hark_mpris_update (HarkMpris *self);

/* The D-Bus object path of the current track (mpris:trackid). */
const char *hark_mpris_get_track_id (HarkMpris *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkMpris, hark_mpris_free)

G_END_DECLS
