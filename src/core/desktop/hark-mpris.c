/* hark-mpris.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "desktop/hark-mpris.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <string.h>

#include "hark-config.h"

/* MPRIS times are microseconds. */
#define USEC_PER_SEC 1000000.0
#define NO_TRACK "/org/mpris/MediaPlayer2/TrackList/NoTrack"

static const char introspection_xml[] =
    "<node>"
    "  <interface name='org.mpris.MediaPlayer2'>"
    "    <method name='Raise'/>"
    "    <method name='Quit'/>"
    "    <property name='CanQuit' type='b' access='read'/>"
    "    <property name='CanRaise' type='b' access='read'/>"
    "    <property name='HasTrackList' type='b' access='read'/>"
    "    <property name='Identity' type='s' access='read'/>"
    "    <property name='DesktopEntry' type='s' access='read'/>"
    "    <property name='SupportedUriSchemes' type='as' access='read'/>"
    "    <property name='SupportedMimeTypes' type='as' access='read'/>"
    "  </interface>"
    "  <interface name='org.mpris.MediaPlayer2.Player'>"
    "    <method name='Next'/>"
    "    <method name='Previous'/>"
    "    <method name='Pause'/>"
    "    <method name='PlayPause'/>"
    "    <method name='Stop'/>"
    "    <method name='Play'/>"
    "    <method name='Seek'><arg direction='in' name='Offset' type='x'/></method>"
    "    <method name='SetPosition'>"
    "      <arg direction='in' name='TrackId' type='o'/>"
    "      <arg direction='in' name='Position' type='x'/>"
    "    </method>"
    "    <method name='OpenUri'><arg direction='in' name='Uri' type='s'/></method>"
    "    <signal name='Seeked'><arg name='Position' type='x'/></signal>"
    "    <property name='PlaybackStatus' type='s' access='read'/>"
    "    <property name='Rate' type='d' access='readwrite'/>"
    "    <property name='Metadata' type='a{sv}' access='read'/>"
    "    <property name='Volume' type='d' access='readwrite'/>"
    "    <property name='Position' type='x' access='read'/>"
    "    <property name='MinimumRate' type='d' access='read'/>"
    "    <property name='MaximumRate' type='d' access='read'/>"
    "    <property name='CanGoNext' type='b' access='read'/>"
    "    <property name='CanGoPrevious' type='b' access='read'/>"
    "    <property name='CanPlay' type='b' access='read'/>"
    "    <property name='CanPause' type='b' access='read'/>"
    "    <property name='CanSeek' type='b' access='read'/>"
    "    <property name='CanControl' type='b' access='read'/>"
    "  </interface>"
    "</node>";

/* Properties whose changes are announced with PropertiesChanged (Position never is: clients
 * extrapolate it from Rate and learn about jumps from Seeked). */
static const char *const watched_properties[] = {
  "PlaybackStatus", "Rate", "Volume", "Metadata", "CanGoNext", "CanGoPrevious",
  "CanPlay", "CanPause", "CanSeek",
};

static const char *const supported_mime_types[] = {
  "audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/aac", "audio/ogg", "audio/opus",
  "audio/flac", "audio/x-flac", "audio/wav", "audio/x-wav", "audio/webm", NULL,
};

struct _HarkMpris
{
  GDBusConnection *connection;
  HarkSession *session;
  guint listener;
  HarkMprisCallbacks callbacks;
  gpointer user_data;
  GDBusNodeInfo *node_info;
  guint root_id;
  guint player_id;
  guint name_id;

  char *track_id;
  /* Stop pauses at 0; MPRIS wants "Stopped" until something plays again. */
  gboolean stopped;

  GHashTable *emitted; /* property name → GVariant last announced */
};

static void hark_mpris_update (HarkMpris *self);

static const HarkSessionSnapshot *
snap (HarkMpris *self)
{
  return hark_session_get_snapshot (self->session);
}

static gboolean
has_episode (HarkMpris *self)
{
  return snap (self)->state != HARK_PLAYER_STATE_EMPTY;
}

static gint64
to_usec (double seconds)
{
  return (gint64) llround (seconds * USEC_PER_SEC);
}

/* Where Next and Previous go: the chapters in the table of contents when there are any,
 * otherwise the speaker turns. Fills @starts with the start times, sorted. */
static GArray *
navigation_points (HarkMpris *self)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_chapters = 0;
  guint n_turns = 0;
  const HarkChapter *chapters;
  const HarkTurn *turns;
  HarkTranscript *transcript = hark_session_get_transcript (self->session);

  if (transcript == NULL)
    return starts;
  chapters = hark_transcript_get_chapters (transcript, &n_chapters);
  for (guint i = 0; i < n_chapters; i++)
    if (chapters[i].toc)
      g_array_append_val (starts, chapters[i].start);
  if (starts->len > 0)
    return starts;
  turns = hark_transcript_get_turns (transcript, &n_turns);
  for (guint i = 0; i < n_turns; i++)
    g_array_append_val (starts, turns[i].start);
  return starts;
}

/* The last point at or before @time (with a millisecond of slack, so having just sought to a
 * point counts as being at it), or -1. */
static int
point_at (GArray *starts, double time)
{
  int found = -1;

  for (guint i = 0; i < starts->len; i++)
    {
      if (g_array_index (starts, double, i) > time + 1e-3)
        break;
      found = i;
    }
  return found;
}

static gboolean
can_go_next (HarkMpris *self)
{
  g_autoptr (GArray) starts = NULL;

  if (!has_episode (self))
    return FALSE;
  starts = navigation_points (self);
  return point_at (starts, snap (self)->position) + 1 < (int) starts->len;
}

static gboolean
can_go_previous (HarkMpris *self)
{
  g_autoptr (GArray) starts = NULL;

  if (!has_episode (self))
    return FALSE;
  starts = navigation_points (self);
  return starts->len > 0;
}

static const char *
playback_status (HarkMpris *self)
{
  switch (snap (self)->state)
    {
    case HARK_PLAYER_STATE_PLAYING:
      return "Playing";
    case HARK_PLAYER_STATE_PAUSED:
    case HARK_PLAYER_STATE_ERROR:
      return self->stopped ? "Stopped" : "Paused";
    case HARK_PLAYER_STATE_EMPTY:
    case HARK_PLAYER_STATE_ENDED:
    default:
      return "Stopped";
    }
}

static GVariant *
build_metadata (HarkMpris *self)
{
  GVariantBuilder builder;
  double duration;
  const HarkSessionSnapshot *now = snap (self);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "mpris:trackid",
                         g_variant_new_object_path (self->track_id));
  if (now->path == NULL || !has_episode (self))
    return g_variant_builder_end (&builder);

  duration = now->duration;
  if (duration > 0)
    g_variant_builder_add (&builder, "{sv}", "mpris:length",
                           g_variant_new_int64 (to_usec (duration)));
  if (now->title)
    g_variant_builder_add (&builder, "{sv}", "xesam:title", g_variant_new_string (now->title));
  if (now->artist)
    {
      const char *artists[] = { now->artist, NULL };

      g_variant_builder_add (&builder, "{sv}", "xesam:artist",
                             g_variant_new_strv (artists, -1));
    }
  if (now->art_url)
    g_variant_builder_add (&builder, "{sv}", "mpris:artUrl",
                           g_variant_new_string (now->art_url));
  {
    g_autofree char *uri = g_filename_to_uri (now->path, NULL, NULL);

    if (uri)
      g_variant_builder_add (&builder, "{sv}", "xesam:url", g_variant_new_string (uri));
  }
  if (now->turn_text)
    g_variant_builder_add (&builder, "{sv}", "xesam:asText",
                           g_variant_new_string (now->turn_text));
  return g_variant_builder_end (&builder);
}

static GVariant *
get_property_value (HarkMpris *self, const char *name)
{
  if (g_str_equal (name, "CanQuit"))
    return g_variant_new_boolean (self->callbacks.quit != NULL);
  if (g_str_equal (name, "CanRaise"))
    return g_variant_new_boolean (self->callbacks.raise != NULL);
  if (g_str_equal (name, "HasTrackList"))
    return g_variant_new_boolean (FALSE);
  if (g_str_equal (name, "Identity"))
    return g_variant_new_string ("Hark");
  if (g_str_equal (name, "DesktopEntry"))
    return g_variant_new_string (HARK_APP_ID);
  if (g_str_equal (name, "SupportedUriSchemes"))
    {
      const char *schemes[] = { "file", NULL };

      return g_variant_new_strv (self->callbacks.open_uri ? schemes : NULL,
                                 self->callbacks.open_uri ? -1 : 0);
    }
  if (g_str_equal (name, "SupportedMimeTypes"))
    return g_variant_new_strv (supported_mime_types, self->callbacks.open_uri ? -1 : 0);

  if (g_str_equal (name, "PlaybackStatus"))
    return g_variant_new_string (playback_status (self));
  if (g_str_equal (name, "Rate"))
    return g_variant_new_double (snap (self)->speed);
  if (g_str_equal (name, "Volume"))
    return g_variant_new_double (snap (self)->volume);
  if (g_str_equal (name, "Metadata"))
    return build_metadata (self);
  if (g_str_equal (name, "Position"))
    /* Asked for, never announced: the live clock, not the last event's. */
    return g_variant_new_int64 (has_episode (self)
                                    ? to_usec (hark_session_get_position (self->session))
                                    : 0);
  if (g_str_equal (name, "MinimumRate"))
    return g_variant_new_double (HARK_MPRIS_MINIMUM_RATE);
  if (g_str_equal (name, "MaximumRate"))
    return g_variant_new_double (HARK_MPRIS_MAXIMUM_RATE);
  if (g_str_equal (name, "CanGoNext"))
    return g_variant_new_boolean (can_go_next (self));
  if (g_str_equal (name, "CanGoPrevious"))
    return g_variant_new_boolean (can_go_previous (self));
  if (g_str_equal (name, "CanPlay") || g_str_equal (name, "CanPause")
      || g_str_equal (name, "CanSeek"))
    return g_variant_new_boolean (has_episode (self));
  if (g_str_equal (name, "CanControl"))
    return g_variant_new_boolean (TRUE);
  return NULL;
}

/* Emits PropertiesChanged for whatever changed since the last call. */
static void
hark_mpris_update (HarkMpris *self)
{
  GVariantBuilder changed;
  gboolean any = FALSE;

  g_variant_builder_init (&changed, G_VARIANT_TYPE_VARDICT);
  for (guint i = 0; i < G_N_ELEMENTS (watched_properties); i++)
    {
      const char *name = watched_properties[i];
      GVariant *value = g_variant_ref_sink (get_property_value (self, name));
      GVariant *old = g_hash_table_lookup (self->emitted, name);

      if (old && g_variant_equal (old, value))
        {
          g_variant_unref (value);
          continue;
        }
      g_variant_builder_add (&changed, "{sv}", name, value);
      g_hash_table_insert (self->emitted, (gpointer) name, value);
      any = TRUE;
    }
  if (!any)
    {
      g_variant_builder_clear (&changed);
      return;
    }
  g_dbus_connection_emit_signal (self->connection, NULL, HARK_MPRIS_OBJECT_PATH,
                                 "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                 g_variant_new ("(sa{sv}as)", "org.mpris.MediaPlayer2.Player",
                                                &changed, NULL),
                                 NULL);
}

static void
emit_seeked (HarkMpris *self)
{
  g_dbus_connection_emit_signal (self->connection, NULL, HARK_MPRIS_OBJECT_PATH,
                                 "org.mpris.MediaPlayer2.Player", "Seeked",
                                 g_variant_new ("(x)",
                                                to_usec (snap (self)->position)),
                                 NULL);
}

/* The session's events: one read of the snapshot per change. */
static void
on_session_event (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  HarkMpris *self = user_data;
  static guint serial;

  switch (event->type)
    {
    case HARK_SESSION_EVENT_OPENED:
    case HARK_SESSION_EVENT_CLOSED:
      g_free (self->track_id);
      /* A new id per opening, so a client holding the old one cannot SetPosition on this one. */
      self->track_id = event->type == HARK_SESSION_EVENT_OPENED && snap (self)->path != NULL
                         ? g_strdup_printf ("/org/hark/Hark/episode/%u", ++serial)
                         : g_strdup (NO_TRACK);
      self->stopped = FALSE;
      break;
    case HARK_SESSION_EVENT_STATE:
      if (snap (self)->state == HARK_PLAYER_STATE_PLAYING)
        self->stopped = FALSE;
      break;
    default:
      break;
    }
  hark_mpris_update (self);
  /* A skipped sponsor read is a jump too: clients that extrapolate must hear about it. */
  if (event->type == HARK_SESSION_EVENT_SEEKED || event->type == HARK_SESSION_EVENT_SKIP)
    emit_seeked (self);
}

static void
seek_to (HarkMpris *self, double seconds)
{
  hark_session_seek (self->session, seconds);
}

static void
go_next (HarkMpris *self)
{
  g_autoptr (GArray) starts = navigation_points (self);
  int index = point_at (starts, hark_session_get_position (self->session));

  if (index + 1 < (int) starts->len)
    seek_to (self, g_array_index (starts, double, index + 1));
}

static void
go_previous (HarkMpris *self)
{
  g_autoptr (GArray) starts = navigation_points (self);
  double position = hark_session_get_position (self->session);
  int index = point_at (starts, position);

  if (starts->len == 0)
    return;
  if (index >= 0 && position - g_array_index (starts, double, index) > HARK_MPRIS_PREVIOUS_RESTART)
    seek_to (self, g_array_index (starts, double, index));
  else if (index > 0)
    seek_to (self, g_array_index (starts, double, index - 1));
  else
    seek_to (self, 0);
}

/* A device that fails is the session's ERROR event, which every view reports. */
static void
play (HarkMpris *self)
{
  if (!has_episode (self))
    return;
  self->stopped = FALSE;
  hark_session_play (self->session);
}

static void
player_method_call (GDBusConnection *connection, const char *sender, const char *object_path,
                    const char *interface_name, const char *method_name, GVariant *parameters,
                    GDBusMethodInvocation *invocation, gpointer user_data)
{
  HarkMpris *self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean episode = has_episode (self);

  if (g_str_equal (method_name, "Play"))
    play (self);
  else if (g_str_equal (method_name, "Pause"))
    hark_session_pause (self->session);
  else if (g_str_equal (method_name, "PlayPause"))
    {
      if (snap (self)->state == HARK_PLAYER_STATE_PLAYING)
        hark_session_pause (self->session);
      else
        play (self);
    }
  else if (g_str_equal (method_name, "Stop"))
    {
      if (episode)
        {
          hark_session_pause (self->session);
          hark_session_seek (self->session, 0);
          self->stopped = TRUE;
        }
    }
  else if (g_str_equal (method_name, "Next"))
    {
      if (episode)
        go_next (self);
    }
  else if (g_str_equal (method_name, "Previous"))
    {
      if (episode)
        go_previous (self);
    }
  else if (g_str_equal (method_name, "Seek"))
    {
      gint64 offset;

      g_variant_get (parameters, "(x)", &offset);
      /* Any int64 arrives here; the session clamps a jump past either end. */
      hark_session_seek_by (self->session, offset / USEC_PER_SEC);
    }
  else if (g_str_equal (method_name, "SetPosition"))
    {
      const char *track_id;
      gint64 position;
      double duration = snap (self)->duration;

      g_variant_get (parameters, "(&ox)", &track_id, &position);
      /* The specification: ignore a stale track id and positions outside the track. */
      if (episode && g_str_equal (track_id, self->track_id) && position >= 0
          && (duration <= 0 || position <= to_usec (duration)))
        hark_session_seek (self->session, position / USEC_PER_SEC);
    }
  else if (g_str_equal (method_name, "OpenUri"))
    {
      const char *uri;

      g_variant_get (parameters, "(&s)", &uri);
      if (self->callbacks.open_uri == NULL)
        g_set_error (&error, G_DBUS_ERROR, G_DBUS_ERROR_NOT_SUPPORTED,
                     _("Hark does not open files from other programs here."));
      else
        self->callbacks.open_uri (uri, self->user_data, &error);
    }
  else
    g_set_error (&error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD, _("No method %s."),
                 method_name);

  if (error)
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
  hark_mpris_update (self);
}

static void
root_method_call (GDBusConnection *connection, const char *sender, const char *object_path,
                  const char *interface_name, const char *method_name, GVariant *parameters,
                  GDBusMethodInvocation *invocation, gpointer user_data)
{
  HarkMpris *self = user_data;

  /* Answer first: Quit may tear everything down, this object included. */
  g_dbus_method_invocation_return_value (invocation, NULL);
  if (g_str_equal (method_name, "Raise") && self->callbacks.raise)
    self->callbacks.raise (self->user_data);
  else if (g_str_equal (method_name, "Quit") && self->callbacks.quit)
    self->callbacks.quit (self->user_data);
}

static GVariant *
get_property (GDBusConnection *connection, const char *sender, const char *object_path,
              const char *interface_name, const char *property_name, GError **error,
              gpointer user_data)
{
  GVariant *value = get_property_value (user_data, property_name);

  if (value == NULL)
    g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, _("No property %s."),
                 property_name);
  return value;
}

static gboolean
set_property (GDBusConnection *connection, const char *sender, const char *object_path,
              const char *interface_name, const char *property_name, GVariant *value,
              GError **error, gpointer user_data)
{
  HarkMpris *self = user_data;
  double number = g_variant_get_double (value);

  if (!isfinite (number))
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, _("%s must be a number."),
                   property_name);
      return FALSE;
    }
  if (g_str_equal (property_name, "Rate"))
    {
      /* The specification: a rate of 0 means pause; below it is no rate at all. */
      if (number <= 0)
        hark_session_pause (self->session);
      else
        hark_session_set_speed (self->session, number);
    }
  else if (g_str_equal (property_name, "Volume"))
    hark_session_set_volume (self->session, number);
  else
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_PROPERTY_READ_ONLY, _("%s is read-only."),
                   property_name);
      return FALSE;
    }
  hark_mpris_update (self);
  return TRUE;
}

static const GDBusInterfaceVTable root_vtable = { root_method_call, get_property, NULL };
static const GDBusInterfaceVTable player_vtable = { player_method_call, get_property,
                                                    set_property };

HarkMpris *
hark_mpris_new (GDBusConnection *connection, HarkSession *session,
                const HarkMprisCallbacks *callbacks, gpointer user_data, GError **error)
{
  g_autoptr (HarkMpris) self = NULL;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);
  g_return_val_if_fail (session != NULL, NULL);

  self = g_new0 (HarkMpris, 1);
  self->connection = g_object_ref (connection);
  self->session = session;
  if (callbacks)
    self->callbacks = *callbacks;
  self->user_data = user_data;
  self->track_id = g_strdup (NO_TRACK);
  self->emitted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_variant_unref);
  self->node_info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_assert (self->node_info != NULL);

  self->root_id = g_dbus_connection_register_object (
      connection, HARK_MPRIS_OBJECT_PATH, self->node_info->interfaces[0], &root_vtable, self,
      NULL, error);
  if (self->root_id == 0)
    return NULL;
  self->player_id = g_dbus_connection_register_object (
      connection, HARK_MPRIS_OBJECT_PATH, self->node_info->interfaces[1], &player_vtable, self,
      NULL, error);
  if (self->player_id == 0)
    return NULL;
  /* Not queued: with two Hark processes on one session, the second one simply is not the one
   * the shell controls. */
  self->name_id = g_bus_own_name_on_connection (connection, HARK_MPRIS_BUS_NAME,
                                                G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE, NULL, NULL,
                                                NULL, NULL);

  self->listener = hark_session_add_listener (session, on_session_event, self, NULL);
  hark_mpris_update (self);
  return g_steal_pointer (&self);
}

void
hark_mpris_free (HarkMpris *self)
{
  if (self == NULL)
    return;
  if (self->listener)
    hark_session_remove_listener (self->session, self->listener);
  if (self->name_id)
    g_bus_unown_name (self->name_id);
  if (self->player_id)
    g_dbus_connection_unregister_object (self->connection, self->player_id);
  if (self->root_id)
    g_dbus_connection_unregister_object (self->connection, self->root_id);
  g_clear_pointer (&self->node_info, g_dbus_node_info_unref);
  g_clear_pointer (&self->emitted, g_hash_table_unref);
  g_clear_object (&self->connection);
  g_free (self->track_id);
  g_free (self);
}

const char *
hark_mpris_get_track_id (HarkMpris *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->track_id;
}
