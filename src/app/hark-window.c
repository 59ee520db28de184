/* hark-window.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-window-private.h"

#include <glib/gi18n.h>

#include "hark-app-settings.h"
#include "hark-flat-bin.h"
#include "util/hark-limits.h"
#include "util/hark-time.h"

G_DEFINE_FINAL_TYPE (HarkWindow, hark_window, ADW_TYPE_APPLICATION_WINDOW)

enum { SIGNAL_EPISODE_SHOWN, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_FILTER_SPEAKER, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Messages */

void
hark_window_show_toast (HarkWindow *self, const char *title, const char *button, const char *action)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      adw_toast_set_timeout (toast, 8);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
hark_window_show_banner (HarkWindow *self, const char *text)
{
  g_free (self->banner_text);
  self->banner_text = g_strdup (text);
  if (text != NULL)
    gtk_label_set_label (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* The list */

void
hark_window_set_following (HarkWindow *self, gboolean following)
{
  hark_transcript_view_set_following (self->transcript_view, following);
}

/* "Back to now" shows while the list does not follow the audio. */
static void
on_following_changed (HarkWindow *self)
{
  gtk_revealer_set_reveal_child (self->back_to_now_revealer,
                                 !hark_transcript_view_get_following (self->transcript_view)
                                   && self->reading != NULL);
}

/* While the list shows one speaker, a chip says whose turns they are; clicking it clears it. */
static void
update_filter_chip (HarkWindow *self)
{
  gboolean filtered = self->filter_speaker && self->chosen_speaker >= 0 && self->reading != NULL;

  if (filtered)
    {
      HarkTranscript *transcript = hark_reading_get_transcript (self->reading);
      /* Translators: the transcript shows only this speaker's turns, "Only Kim" */
      g_autofree char *label = g_strdup_printf (
        _("Only %s"), hark_transcript_get_speaker (transcript, self->chosen_speaker)->name);
      g_autofree char *name = NULL;

      adw_button_content_set_label (self->filter_content, label);
      /* Translators: what a screen reader says for the chip, "Only Kim: show everyone" */
      name = g_strdup_printf (_("%s: show everyone"), label);
      gtk_accessible_update_property (
        GTK_ACCESSIBLE (gtk_revealer_get_child (self->filter_revealer)),
        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  gtk_revealer_set_reveal_child (self->filter_revealer, filtered);
}

/* The rows shown: everyone's, or the chosen speaker's. */
static void
hark_window_apply_filter (HarkWindow *self)
{
  update_filter_chip (self);
  hark_transcript_view_set_speaker_filter (self->transcript_view,
                                           self->filter_speaker ? self->chosen_speaker : -1);
  hark_window_update_now (self);
  hark_window_set_following (self, TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* The clock */

double
hark_window_get_position (HarkWindow *self)
{
  return hark_session_get_position (self->session);
}

/* The Skip button of an "ask" segment, while the session offers it. */
static void
show_skip_offer (HarkWindow *self, const HarkSegmentEntry *entry)
{
  if (entry != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Skip %s"),
                                                hark_category_get_label (entry->segment.category));

      adw_button_content_set_label (self->skip_content, label);
    }
  gtk_revealer_set_reveal_child (self->skip_revealer, entry != NULL);
}

void
hark_window_update_now (HarkWindow *self)
{
  double position = hark_window_get_position (self);

  hark_player_bar_set_times (self->player_bar, position, self->duration);
  hark_transcript_view_show_time (self->transcript_view, position);
}

/* Playing or not: the button, and the wake-ups for what moves (hark-window-clock.c). */
static void
update_ticking (HarkWindow *self)
{
  gboolean playing = hark_session_get_snapshot (self->session)->state == HARK_PLAYER_STATE_PLAYING;

  hark_player_bar_set_playing (self->player_bar, playing);
  hark_window_update_now (self);
  hark_window_clock_schedule (self);
}

static int
row_of_segment (HarkWindow *self, int segment)
{
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (self->reading, &n_rows);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT && rows[i].segment == segment)
      return i;
  return -1;
}

/* A skip the session made: a toast with Unskip, and the segment's row says "skipped". */
static void
show_skip (HarkWindow *self, const HarkSessionEvent *event)
{
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  int seconds = (int) (event->range.end - event->range.start + 0.5);

  if (!event->counted || event->entry == NULL || self->reading == NULL)
    return;
  label = g_ascii_strdown (hark_category_get_label (event->entry->segment.category), -1);
  /* Translators: "Skipped sponsor (53 s)" */
  title = g_strdup_printf (_("Skipped %s (%d s)"), label, seconds);
  hark_window_show_toast (self, title, _("_Unskip"), "win.unskip");
  hark_transcript_view_refresh_row (self->transcript_view, row_of_segment (self, event->segment));
}

static void on_session_opened (HarkWindow *self);
static void on_session_loaded (HarkWindow *self);
static void on_session_failed (HarkWindow *self, const HarkSessionEvent *event);
static void show_reading (HarkWindow *self);
static void on_transcript_replaced (HarkWindow *self);
static void show_open_progress (HarkWindow *self);

/* A word on how a streamed episode's bytes come, once per new sentence. */
static void
show_stream_notice (HarkWindow *self, const char *notice)
{
  if (notice == NULL
      || g_strcmp0 (g_object_get_data (G_OBJECT (self), "hark-stream-notice"), notice) == 0)
    return;
  g_object_set_data_full (G_OBJECT (self), "hark-stream-notice", g_strdup (notice), g_free);
  hark_window_show_toast (self, notice, NULL, NULL);
}

static void
on_session_event (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  HarkWindow *self = user_data;

  hark_window_sync_handle_event (self, event);
  switch (event->type)
    {
    case HARK_SESSION_EVENT_TRANSCRIPT:
      /* A transcript the listener added is shown as if it had been there at opening. */
      if (g_object_steal_data (G_OBJECT (self), HARK_WINDOW_ADDING_TRANSCRIPT) != NULL)
        on_session_loaded (self);
      else
        on_transcript_replaced (self);
      break;
    case HARK_SESSION_EVENT_PROGRESS:
      show_open_progress (self);
      break;
    case HARK_SESSION_EVENT_OPENED:
      show_open_progress (self);
      on_session_opened (self);
      break;
    case HARK_SESSION_EVENT_LOADED:
      on_session_loaded (self);
      break;
    case HARK_SESSION_EVENT_SEGMENTS:
      show_reading (self);
      break;
    case HARK_SESSION_EVENT_STATE:
    case HARK_SESSION_EVENT_END:
      update_ticking (self);
      break;
    case HARK_SESSION_EVENT_SEEKED:
      hark_window_update_now (self);
      hark_window_clock_schedule (self);
      break;
    case HARK_SESSION_EVENT_UNSKIP:
      /* The read plays after all: its row (now playing) shows its words; the list goes there. */
      hark_window_update_now (self);
      hark_window_clock_schedule (self);
      hark_window_set_following (self, TRUE);
      break;
    case HARK_SESSION_EVENT_SKIP:
      show_skip (self, event);
      hark_window_update_now (self);
      hark_window_clock_schedule (self);
      break;
    case HARK_SESSION_EVENT_OFFER_STARTED:
      show_skip_offer (self, event->entry);
      break;
    case HARK_SESSION_EVENT_OFFER_ENDED:
      show_skip_offer (self, NULL);
      break;
    case HARK_SESSION_EVENT_CHANGED:
      hark_player_bar_set_speed (self->player_bar, hark_session_get_snapshot (session)->speed);
      show_stream_notice (self, hark_session_get_snapshot (session)->stream_notice);
      hark_window_sync_sleep (self);
      hark_window_clock_schedule (self);
      break;
    case HARK_SESSION_EVENT_ERROR:
      on_session_failed (self, event);
      break;
    case HARK_SESSION_EVENT_TURN:
      hark_window_show_chapter (self);
      break;
    case HARK_SESSION_EVENT_CLOSED:
    case HARK_SESSION_EVENT_UNSKIP_ENDED:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Opening */

/* Shows the reading order of what is loaded (again, after a policy change). */
static void
show_reading (HarkWindow *self)
{
  HarkTranscript *transcript = hark_session_get_transcript (self->session);

  self->reading = hark_session_get_reading (self->session);
  self->search_index = -1;
  g_clear_pointer (&self->search_matches, g_array_unref);
  if (self->chosen_speaker >= (int) hark_transcript_get_n_speakers (transcript))
    self->chosen_speaker = -1;

  hark_transcript_view_set_reading (self->transcript_view, self->reading);
  hark_window_clock_set_reading (self);
  hark_transcript_view_set_speaker_filter (self->transcript_view,
                                           self->filter_speaker ? self->chosen_speaker : -1);
  hark_seek_bar_set_episode (hark_player_bar_get_seek_bar (self->player_bar), self->reading,
                             self->duration);
  hark_speakers_popover_set_transcript (self->speakers_popover,
                                        self->reading != NULL ? transcript : NULL);
  hark_window_build_chapters_menu (self);
  hark_window_set_has_transcript (self, self->reading != NULL);
  update_filter_chip (self);
  gtk_stack_set_visible_child_name (self->stack, self->reading != NULL ? "episode"
                                                                       : "no-transcript");
  if (self->search_query != NULL)
    hark_window_search (self, self->search_query);
  hark_window_update_now (self);
  hark_window_set_following (self, hark_transcript_view_get_following (self->transcript_view));
  on_following_changed (self);
}

/* The transcript is read: show it, with what it was read from and what went wrong. */
static void
on_session_loaded (HarkWindow *self)
{
  HarkEpisode *episode = hark_session_get_episode (self->session);
  const char *const *warnings;

  gtk_spinner_stop (self->spinner);
  hark_window_show_context (self);

  warnings = hark_episode_get_warnings (episode);
  if (warnings != NULL && warnings[0] != NULL)
    {
      guint n = g_strv_length ((char **) warnings);
      g_autofree char *text = n > 1 ? g_strdup_printf (g_dngettext (NULL, "%s (and %u more problem)",
                                                                     "%s (and %u more problems)",
                                                                     n - 1),
                                                        warnings[0], n - 1)
                                    : g_strdup (warnings[0]);
      hark_window_show_banner (self, text);
    }

  show_reading (self);
  /* Keys then move in the transcript, and Space is not taken by whatever button had focus. */
  if (self->reading != NULL)
    hark_transcript_view_focus_now (self->transcript_view);
  g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, TRUE);
}

/* A sync job's result: a transcript timed for this audio, so the warnings about the old one
 * (no times, another cut) no longer hold. */
static void
on_transcript_replaced (HarkWindow *self)
{
  g_autofree char *subtitle = hark_window_describe_sources (hark_session_get_episode (self->session));

  hark_window_show_banner (self, NULL);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  show_reading (self);
}

/* The audio is open (maybe where the listener stopped last time); the transcript comes later. */
static void
on_session_opened (HarkWindow *self)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (self->session);
  gboolean audio = snap->path != NULL;

  self->duration = snap->duration;
  /* Resumed: the list goes to where the listener stopped. */
  if (snap->position > 0)
    hark_window_set_following (self, TRUE);
  hark_player_bar_set_speed (self->player_bar, snap->speed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->player_bar), audio);
  gtk_widget_set_visible (GTK_WIDGET (self->player_bar), audio);
  hark_seek_bar_set_episode (hark_player_bar_get_seek_bar (self->player_bar), NULL, self->duration);
  hark_window_set_has_transcript (self, FALSE);
  if (audio)
    hark_window_show_context (self);
  if (audio && self->play_on_open)
    hark_session_play (self->session);
  self->play_on_open = FALSE;
  update_ticking (self);
}

static void
on_session_failed (HarkWindow *self, const HarkSessionEvent *event)
{
  const char *message = event->error != NULL ? event->error->message : NULL;

  switch (event->error_kind)
    {
    case HARK_SESSION_ERROR_AUDIO:
      hark_window_show_banner (self, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->player_bar), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->player_bar), FALSE);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      /* A file that does not play does not name the window. */
      hark_window_clear_context (self);
      g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, FALSE);
      break;
    case HARK_SESSION_ERROR_SIDECAR:
      /* A transcript added to the episode playing that could not be read: the banner says why,
       * and what was shown stays. */
      if (g_object_steal_data (G_OBJECT (self), HARK_WINDOW_ADDING_TRANSCRIPT) != NULL)
        {
          hark_window_show_banner (self, message);
          g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, FALSE);
          break;
        }
      /* Only a sidecar the user named explicitly fails the load; the audio still plays. */
      gtk_spinner_stop (self->spinner);
      hark_window_show_banner (self, message);
      gtk_stack_set_visible_child_name (self->stack, "no-transcript");
      /* The banner says why; "Reading the transcript…" would say it is still coming. */
      adw_window_title_set_subtitle (self->window_title, NULL);
      g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, FALSE);
      break;
    case HARK_SESSION_ERROR_OUTPUT:
      hark_window_show_banner (self, message != NULL ? message : _("The audio output failed."));
      update_ticking (self);
      break;
    case HARK_SESSION_ERROR_LIBRARY:
    default:
      /* A save that failed: said once until saving works again, and playback goes on. */
      hark_window_show_toast (self, message, NULL, NULL);
      break;
    }
}

/* A file without a table of contents is scanned before it plays (an hour-long MP3 can take a
 * while): the page says so, shows how far it got and offers to stop. */
static void
show_open_progress (HarkWindow *self)
{
  double progress = hark_session_get_snapshot (self->session)->open_progress;
  gboolean scanning = progress >= 0;

  gtk_widget_set_visible (GTK_WIDGET (self->loading_progress), scanning);
  gtk_widget_set_visible (self->loading_cancel, scanning);
  gtk_label_set_text (self->loading_label,
                      scanning ? _("Scanning the audio…") : _("Reading the transcript…"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    adw_window_title_set_subtitle (self->window_title, gtk_label_get_text (self->loading_label));
  if (scanning)
    gtk_progress_bar_set_fraction (self->loading_progress, CLAMP (progress, 0.0, 1.0));
}

static void
action_cancel_open (GtkWidget *widget, const char *name, GVariant *parameter)
{
  HarkWindow *self = HARK_WINDOW (widget);

  /* Closing stops the scan on the worker where it is; nothing of the episode was shown yet. */
  hark_session_close (self->session);
  gtk_spinner_stop (self->spinner);
  show_open_progress (self);
  gtk_widget_set_visible (GTK_WIDGET (self->player_bar), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  hark_window_clear_context (self);
}

/* Runs after the window painted the episode's title and spinner: the session then probes and
 * reads on its worker thread. */
static gboolean
open_deferred (gpointer user_data)
{
  HarkWindow *self = user_data;
  g_autofree char *audio_path = g_steal_pointer (&self->pending_audio);
  g_auto (GStrv) sidecars = g_steal_pointer (&self->pending_sidecars);

  self->open_id = 0;
  if (self->pending_stream != NULL)
    hark_session_open_stream (self->session, g_steal_pointer (&self->pending_stream));
  else if (self->pending_episode != 0)
    hark_session_open_episode (self->session, audio_path, self->pending_episode);
  else
    hark_session_open (self->session, audio_path, (const char *const *) sidecars);
  self->pending_episode = 0;
  return G_SOURCE_REMOVE;
}

void
hark_window_open (HarkWindow *self, const char *audio_path, const char *const *sidecars)
{
  g_autofree char *title = NULL;

  g_return_if_fail (HARK_IS_WINDOW (self));
  g_return_if_fail (audio_path != NULL || (sidecars != NULL && sidecars[0] != NULL));
  /* A transcript being added to the episode before is forgotten with it. */
  g_object_set_data (G_OBJECT (self), HARK_WINDOW_ADDING_TRANSCRIPT, NULL);

  hark_window_show_banner (self, NULL);

  /* Leaving an episode is like closing it: the session keeps its place. Until the new one is
   * open, commands find no episode rather than the old one. */
  hark_session_close (self->session);
  self->reading = NULL;
  show_skip_offer (self, NULL);
  update_ticking (self);
  self->duration = -1;

  /* The title is the file name until tags say better; the extension is noise to a listener. */
  title = g_path_get_basename (audio_path != NULL ? audio_path : sidecars[0]);
  if (strrchr (title, '.') != NULL && strrchr (title, '.') != title)
    *strrchr (title, '.') = '\0';
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, _("Reading the transcript…"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  show_open_progress (self);

  g_free (self->pending_audio);
  g_strfreev (self->pending_sidecars);
  g_clear_pointer (&self->pending_stream, hark_episode_stream_free);
  self->pending_episode = 0;
  self->play_on_open = FALSE;
  self->pending_audio = g_strdup (audio_path);
  self->pending_sidecars = g_strdupv ((char **) sidecars);
  if (self->open_id == 0)
    self->open_id = g_idle_add_full (G_PRIORITY_LOW, open_deferred, self, NULL);
}

void
hark_window_open_episode (HarkWindow *self, const char *audio_path, gint64 episode_row)
{
  hark_window_open (self, audio_path, NULL);
  self->pending_episode = episode_row;
  self->play_on_open = TRUE;
}

void
hark_window_open_stream (HarkWindow *self, HarkEpisodeStream *stream)
{
  g_return_if_fail (stream != NULL);

  hark_window_open (self, hark_episode_stream_get_download (stream)->audio_path, NULL);
  self->pending_stream = stream;
  self->play_on_open = TRUE;
}

gboolean
hark_window_is_loading (HarkWindow *self)
{
  return self->open_id != 0 || hark_session_is_loading (self->session);
}

/* ------------------------------------------------------------------------------------------ */
/* Commands */

void
hark_window_play (HarkWindow *self)
{
  hark_session_play (self->session);
}

void
hark_window_pause (HarkWindow *self)
{
  hark_session_pause (self->session);
}

void
hark_window_play_pause (HarkWindow *self)
{
  hark_session_toggle (self->session);
}

/* A seek is the listener moving: the list goes along, even if they had scrolled away before. */
void
hark_window_seek (HarkWindow *self, double seconds)
{
  if (!hark_session_seek (self->session, seconds))
    return;
  hark_window_update_now (self);
  hark_window_clock_schedule (self);
  hark_window_set_following (self, TRUE);
}

void
hark_window_skip_by (HarkWindow *self, double delta)
{
  if (!hark_session_seek_by (self->session, delta))
    return;
  hark_window_update_now (self);
  hark_window_clock_schedule (self);
  hark_window_set_following (self, TRUE);
}

/* After a jump by turn: the list follows, or a bell says there was nowhere to go. */
static void
turn_jumped (HarkWindow *self, gboolean jumped)
{
  if (!jumped)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  hark_window_update_now (self);
  hark_window_set_following (self, TRUE);
}

void
hark_window_next_turn (HarkWindow *self, int direction)
{
  if (self->reading == NULL)
    return;
  turn_jumped (self, hark_session_next_turn (self->session, direction));
}

void
hark_window_choose_speaker (HarkWindow *self, int speaker)
{
  HarkTranscript *transcript = hark_reading_get_transcript (self->reading);

  if (speaker == self->chosen_speaker)
    return;
  self->chosen_speaker = speaker;
  hark_player_bar_set_speaker (self->player_bar,
                               speaker >= 0 ? hark_transcript_get_speaker (transcript, speaker)->name
                                            : NULL);
  hark_speakers_popover_set_chosen (self->speakers_popover, speaker);
  if (self->filter_speaker)
    hark_window_apply_filter (self);
}

void
hark_window_next_answer (HarkWindow *self, const char *speaker, int direction)
{
  HarkTranscript *transcript;
  int index;

  if (self->reading == NULL)
    return;
  transcript = hark_reading_get_transcript (self->reading);
  if (speaker != NULL)
    {
      index = hark_transcript_find_speaker (transcript, speaker);
      if (index < 0)
        {
          g_autofree char *text = g_strdup_printf (_("No speaker called “%s” in this episode"),
                                                   speaker);
          hark_window_show_toast (self, text, NULL, NULL);
          return;
        }
      hark_window_choose_speaker (self, index);
    }
  if (self->chosen_speaker < 0)
    {
      hark_window_show_toast (self, _("Choose a speaker first"), NULL, NULL);
      gtk_menu_button_popup (hark_player_bar_get_speaker_button (self->player_bar));
      return;
    }
  turn_jumped (self, hark_session_next_answer (self->session, self->chosen_speaker, direction));
}

/* The speed menu and keys move in steps; the session checks and clamps the number. */
void
hark_window_set_speed (HarkWindow *self, double speed)
{
  hark_session_set_speed (self->session, round (speed / HARK_SPEED_STEP) * HARK_SPEED_STEP);
}

void
hark_window_change_speed (HarkWindow *self, int steps)
{
  hark_window_set_speed (self,
                         hark_session_get_snapshot (self->session)->speed + steps * HARK_SPEED_STEP);
}

void
hark_window_unskip (HarkWindow *self)
{
  hark_session_unskip (self->session);
}

/* ------------------------------------------------------------------------------------------ */
/* Search */

/* ------------------------------------------------------------------------------------------ */
/* Signals and actions */

static void
on_row_activated (HarkWindow *self, int row)
{
  /* A click means "listen from here": the list follows again, a paused player stays paused. */
  hark_window_seek (self, hark_reading_get_rows (self->reading, NULL)[row].start);
  hark_window_set_following (self, TRUE);
}

static void
on_bar_seek (HarkWindow *self, double position)
{
  hark_window_seek (self, position);
}

static void
on_volume_changed (GtkAdjustment *adjustment, HarkWindow *self)
{
  if (self->session != NULL)
    hark_session_set_volume (self->session, gtk_adjustment_get_value (adjustment));
}

static void
set_filter_speaker (HarkWindow *self, gboolean filter)
{
  if (self->filter_speaker == filter)
    return;
  self->filter_speaker = filter;
  if (self->reading != NULL)
    {
      hark_window_apply_filter (self);
      if (self->search_query != NULL)
        hark_window_search (self, self->search_query);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_SPEAKER]);
}

static void
hark_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILTER_SPEAKER:
      g_value_set_boolean (value, HARK_WINDOW (object)->filter_speaker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hark_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILTER_SPEAKER:
      set_filter_speaker (HARK_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
on_close_request (HarkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  hark_app_settings_save_window (self->settings, width, height,
                                 gtk_window_is_maximized (GTK_WINDOW (self)));
  /* Closing the window ends listening: the session saves the place. */
  hark_session_close (self->session);
  return FALSE;
}

static void
on_skip_seconds_changed (HarkWindow *self)
{
  hark_player_bar_set_skip_seconds (self->player_bar,
                                    hark_app_settings_get_int (self->settings, "skip-back-seconds", 15),
                                    hark_app_settings_get_int (self->settings, "skip-forward-seconds", 30));
}

static void
on_follow_changed (HarkWindow *self)
{
  hark_window_set_following (self, hark_app_settings_get_boolean (self->settings,
                                                                  "follow-transcript", TRUE));
}

static void
hark_window_dispose (GObject *object)
{
  HarkWindow *self = HARK_WINDOW (object);

  g_clear_handle_id (&self->open_id, g_source_remove);
  g_clear_pointer (&self->pending_stream, hark_episode_stream_free);
  hark_window_clock_stop (self);
  if (self->listener != 0)
    hark_session_remove_listener (self->session, self->listener);
  self->listener = 0;
  hark_window_sync_free (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HARK_TYPE_WINDOW);
  self->reading = NULL;
  g_clear_object (&self->text_size);
  g_cancellable_cancel (self->art_cancellable);
  g_clear_object (&self->art_cancellable);
  if (self->transcript_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->transcript_chooser));
  g_clear_object (&self->transcript_chooser);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hark_window_parent_class)->dispose (object);
}

static void
hark_window_finalize (GObject *object)
{
  HarkWindow *self = HARK_WINDOW (object);

  g_free (self->pending_audio);
  g_strfreev (self->pending_sidecars);
  g_clear_pointer (&self->search_matches, g_array_unref);
  g_free (self->search_query);
  g_free (self->last_toast);
  g_free (self->banner_text);
  g_free (self->art_url);
  g_clear_pointer (&self->boundaries, g_array_unref);
  G_OBJECT_CLASS (hark_window_parent_class)->finalize (object);
}

static void
hark_window_class_init (HarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_window_dispose;
  object_class->finalize = hark_window_finalize;
  object_class->get_property = hark_window_get_property;
  object_class->set_property = hark_window_set_property;

  properties[PROP_FILTER_SPEAKER] =
    g_param_spec_boolean ("filter-speaker", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EPISODE_SHOWN] = g_signal_new ("episode-shown", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (HARK_TYPE_PLAYER_BAR);
  g_type_ensure (HARK_TYPE_TRANSCRIPT_VIEW);
  g_type_ensure (HARK_TYPE_FLAT_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hark/Hark/hark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, chapters_button);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, loading_cancel);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, action_cancel_open);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, transcript_view);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, back_to_now_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, skip_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, skip_content);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, player_bar);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, filter_content);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_following_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_seek);
  hark_window_class_add_search (widget_class);
  hark_window_class_add_recent (widget_class);
  hark_window_class_add_actions (widget_class);
  hark_window_class_add_drop (widget_class);
  hark_window_class_add_sync (widget_class);
}

static void
hark_window_init (HarkWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen_speaker = -1;
  self->search_index = -1;
  self->clock_last = -1;
  self->duration = -1;

  self->settings = hark_app_settings_new ();
  hark_window_set_following (self, hark_app_settings_get_boolean (self->settings,
                                                                  "follow-transcript", TRUE));
  hark_app_settings_get_window (self->settings, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (hark_app_settings_get_boolean (self->settings, "window-maximized", FALSE))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_adjustment_set_value (hark_player_bar_get_volume (self->player_bar),
                            hark_app_settings_get_double (self->settings, "volume", 1.0));
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "volume", hark_player_bar_get_volume (self->player_bar),
                       "value", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_swapped (self->settings, "changed::follow-transcript",
                                G_CALLBACK (on_follow_changed), self);
      g_signal_connect_swapped (self->settings, "changed::skip-back-seconds",
                                G_CALLBACK (on_skip_seconds_changed), self);
      g_signal_connect_swapped (self->settings, "changed::skip-forward-seconds",
                                G_CALLBACK (on_skip_seconds_changed), self);
    }
  on_skip_seconds_changed (self);
  g_signal_connect (hark_player_bar_get_volume (self->player_bar), "value-changed",
                    G_CALLBACK (on_volume_changed), self);

  self->speakers_popover = HARK_SPEAKERS_POPOVER (hark_speakers_popover_new ());
  gtk_menu_button_set_popover (hark_player_bar_get_speaker_button (self->player_bar),
                               GTK_WIDGET (self->speakers_popover));

  hark_window_setup_shortcuts (self);
  hark_window_setup_keys (self);
  hark_window_setup_sleep (self);
  self->text_size = hark_text_size_new (self->settings);
  hark_text_size_add_actions (self->text_size, G_ACTION_MAP (self));
  hark_window_setup_search (self);
  hark_window_setup_sync (self);

  hark_window_setup_drop (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

HarkWindow *
hark_window_new (GtkApplication *application, HarkSession *session)
{
  HarkWindow *self = g_object_new (HARK_TYPE_WINDOW, "application", application, NULL);

  self->session = session;
  hark_transcript_view_set_session (self->transcript_view, session);
  self->listener = hark_session_add_listener (session, on_session_event, self, NULL);
  hark_session_set_volume (session,
                           gtk_adjustment_get_value (hark_player_bar_get_volume (self->player_bar)));
  hark_window_fill_recent (self);
  hark_window_setup_library (self);
  return self;
}

/* Stays until dismissed: opening an episode must not hide it. */
void
hark_window_show_lasting_message (HarkWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

HarkSession *
hark_window_get_session (HarkWindow *self)
{
  return self->session;
}

