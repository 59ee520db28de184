/* hark-mpris.h — the media controls of the desktop (MPRIS 2 on the session bus) for a session
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
 * It is a view of a HarkSession (session/hark-session.h): it subscribes to the session's events,
 * reads the snapshot once per change to announce what changed (PropertiesChanged, Seeked), and
 * sends D-Bus commands through the session's checked commands, so a peer's NaN or 2^63 is
 * refused or clamped there like any other view's. The application makes it once:
 * hark_mpris_new (g_application_get_dbus_connection (app), session, &callbacks, app, &error),
 * and frees it before the session.
 */
#pragma once

#include <gio/gio.h>

#include "session/hark-session.h"
#include "util/hark-limits.h"

G_BEGIN_DECLS

#define HARK_MPRIS_BUS_NAME "org.mpris.MediaPlayer2.org.hark.Hark"
#define HARK_MPRIS_OBJECT_PATH "/org/mpris/MediaPlayer2"
#define HARK_MPRIS_MINIMUM_RATE HARK_SPEED_MIN
#define HARK_MPRIS_MAXIMUM_RATE HARK_SPEED_MAX
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

/* Exports the interfaces on @connection, owns the bus name and subscribes to @session (not
 * taken; it must outlive the object). @callbacks is copied. Fails when the objects cannot be
 * exported (another HarkMpris on the same connection). */
HarkMpris *hark_mpris_new (GDBusConnection *connection, HarkSession *session,
                           const HarkMprisCallbacks *callbacks, gpointer user_data,
                           GError **error);
void hark_mpris_free (HarkMpris *self);

/* The D-Bus object path of the current track (mpris:trackid). */
const char *hark_mpris_get_track_id (HarkMpris *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkMpris, hark_mpris_free)

G_END_DECLS
