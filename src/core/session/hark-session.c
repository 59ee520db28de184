/* hark-session.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "session/hark-session.h"

#include <math.h>
#include <string.h>

#include "library/hark-library-context.h"
#include "library/hark-resume-tracker.h"
#include "segments/hark-skip-tracker.h"
#include "session/hark-session-load.h"
#include "session/hark-session-sync.h"
#include "session/hark-sleep-timer.h"
#include "speech/hark-recognizer.h"
#include "subscriptions/hark-episode-download.h"
#include "subscriptions/hark-show-artwork.h"
#include "sync/hark-resync.h"
#include "sync/hark-sync-text.h"
#include "util/hark-i18n.h"
#include "util/hark-limits.h"

typedef struct
{
  guint id;
  HarkSessionListener func; /* NULL once removed while events were being sent */
  gpointer user_data;
  GDestroyNotify destroy;
} Listener;

struct _HarkSession
{
  GMainContext *context;
  HarkPlayer *player;
  HarkLibrary *library;
  HarkResumeTracker *resume;
  gboolean rewind;
  double default_speed;

  GArray *listeners;
  guint next_listener_id;
  guint emitting;

  HarkSessionSnapshot snap;
  HarkMediaSource *source; /* the audio's bytes while they download, or NULL */
  HarkEpisodeStream *stream; /* the download feeding source, when the session owns it */
  char *episode_key;       /* the library's key of a show's episode, or NULL: by content */
  char *path;
  char *title;
  char *artist;
  char *art_url;
  char *stream_notice; /* the source's, when it has one */

  GCancellable *load_cancellable;
  HarkEpisode *episode;
  HarkSegmentList *segments;
  HarkShowContext *show; /* who the show is, for the finder: the feed's and the tags' names */
  HarkReading *reading;
  HarkSkipPolicy policy;
  gboolean skipping;
  GArray *extra_ranges;   /* HarkSkipRange, ids already HARK_SESSION_EXTRA_RANGE_ID + i */
  HarkSkipTracker *skips; /* what was skipped this pass, Unskip, time saved */
  GHashTable *unskipped;  /* range ids the listener chose to hear this pass */
  gboolean quiet_seek;    /* the pending seek only refills the decoder: views need not know */
  guint poll_id;

  HarkSleepTimer *sleep;
  double volume;          /* the listener's; the player's is lower while the sleep timer fades */
  double sleep_gain;
  double listened;        /* seconds spent playing: the sleep timer's clock for minutes */
  gint64 listened_at;     /* g_get_monotonic_time() when last counted while playing, or 0 */
  gboolean sleep_fired;   /* paused by the timer: the volume comes back once it is paused */
  GCancellable *sync_cancellable; /* the sync job under way, or NULL */
  GCancellable *add_cancellable;  /* a transcript being added, or NULL */
};

static void stop_sync (HarkSession *self, gboolean tell);

static void poll_clock (HarkSession *self);
static void update_polling (HarkSession *self);
static char *feed_art_url (HarkSession *self);

/* ------------------------------------------------------------------------------------------ */
/* Listeners */

guint
hark_session_add_listener (HarkSession *self, HarkSessionListener func, gpointer user_data,
                           GDestroyNotify destroy)
{
  Listener l = { ++self->next_listener_id, func, user_data, destroy };

  g_return_val_if_fail (func != NULL, 0);
  g_array_append_val (self->listeners, l);
  return l.id;
}

static void
listener_clear (Listener *l)
{
  if (l->destroy != NULL)
    l->destroy (l->user_data);
  l->func = NULL;
  l->destroy = NULL;
}

void
hark_session_remove_listener (HarkSession *self, guint id)
{
  for (guint i = 0; i < self->listeners->len; i++)
    {
      Listener *l = &g_array_index (self->listeners, Listener, i);

      if (l->id != id || l->func == NULL)
        continue;
      listener_clear (l);
      /* Removing from the array while emit() walks it would skip the next listener. */
      if (self->emitting == 0)
        g_array_remove_index (self->listeners, i);
      return;
    }
}

static void
emit (HarkSession *self, const HarkSessionEvent *event)
{
  self->snap.serial++;
  self->emitting++;
  /* A listener added during the event hears the next one; the array may grow meanwhile. */
  for (guint i = 0, n = self->listeners->len; i < n; i++)
    {
      Listener l = g_array_index (self->listeners, Listener, i);

      if (l.func != NULL)
        l.func (self, event, l.user_data);
    }
  if (--self->emitting == 0)
    for (guint i = self->listeners->len; i-- > 0;)
      if (g_array_index (self->listeners, Listener, i).func == NULL)
        g_array_remove_index (self->listeners, i);
}

static void
emit_simple (HarkSession *self, HarkSessionEventType type)
{
  HarkSessionEvent event = { .type = type, .position = self->snap.position, .segment = -1 };

  emit (self, &event);
}

static void
emit_error (HarkSession *self, HarkSessionErrorKind kind, const GError *error)
{
  HarkSessionEvent event = { .type = HARK_SESSION_EVENT_ERROR, .position = self->snap.position,
                             .segment = -1, .error = error, .error_kind = kind };

  emit (self, &event);
}

/* ------------------------------------------------------------------------------------------ */
/* The snapshot */

static const HarkSegmentEntry *
get_entry (HarkSession *self, int index)
{
  guint n = 0;
  const HarkSegmentEntry *e = self->segments ? hark_segment_list_get (self->segments, &n) : NULL;

  return index >= 0 && (guint) index < n ? &e[index] : NULL;
}

static void
update_player_fields (HarkSession *self)
{
  self->snap.state = hark_player_get_state (self->player);
  self->snap.position = hark_player_get_position (self->player);
  self->snap.speed = hark_player_get_speed (self->player);
  self->snap.volume = self->volume;
}

static void
update_tags (HarkSession *self)
{
  self->snap.path = self->path;
  self->snap.title = self->title;
  self->snap.artist = self->artist;
  self->snap.art_url = self->art_url;
  self->snap.stream_notice = self->stream_notice;
}

const HarkSessionSnapshot *
hark_session_get_snapshot (HarkSession *self)
{
  return &self->snap;
}

/* ------------------------------------------------------------------------------------------ */
/* Skip ranges */

static gboolean
has_audio (HarkSession *self)
{
  return hark_player_get_state (self->player) != HARK_PLAYER_STATE_EMPTY;
}

/* Every range to skip now: the segments' and the caller's, less what was unskipped this pass. */
static GArray *
build_ranges (HarkSession *self)
{
  GArray *ranges = self->segments && self->skipping
                     ? hark_segment_list_get_skip_ranges (self->segments)
                     : g_array_new (FALSE, TRUE, sizeof (HarkSkipRange));

  if (self->skipping)
    g_array_append_vals (ranges, self->extra_ranges->data, self->extra_ranges->len);
  for (guint i = ranges->len; i-- > 0;)
    if (g_hash_table_contains (self->unskipped,
                               GUINT_TO_POINTER (g_array_index (ranges, HarkSkipRange, i).id)))
      g_array_remove_index (ranges, i);
  return ranges;
}

static void
apply_ranges (HarkSession *self)
{
  g_autoptr (GArray) ranges = build_ranges (self);

  hark_player_set_skip_ranges (self->player, (const HarkSkipRange *) ranges->data, ranges->len);
}

/* Decodes again from what is heard now, without telling views (nothing moved). */
static void
refill (HarkSession *self)
{
  if (!has_audio (self))
    return;
  self->quiet_seek = TRUE;
  hark_player_seek (self->player, hark_player_get_position (self->player));
}

/* New ranges while something is open: the decoder has read ahead under the old ones (a range
 * may already be cut from the audio waiting in the ring), so decoding starts again from what is
 * heard now. */
static void
apply_ranges_again (HarkSession *self)
{
  apply_ranges (self);
  refill (self);
}

static void
new_pass (HarkSession *self)
{
  hark_skip_tracker_new_pass (self->skips);
  g_hash_table_remove_all (self->unskipped);
  apply_ranges (self);
}

/* The "ask" segment playing at @position, or -1. */
static int
ask_entry_at (HarkSession *self, double position)
{
  guint n = 0;
  const HarkSegmentEntry *e = self->segments ? hark_segment_list_get (self->segments, &n) : NULL;

  for (guint i = 0; i < n; i++)
    if (e[i].action == HARK_SKIP_ACTION_ASK && position >= e[i].segment.start
        && position < e[i].segment.end)
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* The clock: turn, chapter, offer and Unskip changes */

static void
update_turn (HarkSession *self, double position, gboolean *changed)
{
  HarkTranscript *transcript = self->episode ? hark_episode_get_transcript (self->episode) : NULL;
  int turn = -1, chapter = -1;

  if (transcript != NULL)
    {
      const HarkTurn *turns = hark_transcript_get_turns (transcript, NULL);
      const HarkChapter *chapters = hark_transcript_get_chapters (transcript, NULL);

      turn = hark_transcript_turn_at (transcript, position);
      chapter = hark_transcript_chapter_at (transcript, position);
      self->snap.turn_text = turn >= 0 ? turns[turn].text : NULL;
      self->snap.chapter_title = chapter >= 0 ? chapters[chapter].title : NULL;
      self->snap.can_next = hark_transcript_next_turn (transcript, position) >= 0;
      self->snap.can_previous = hark_transcript_previous_turn (transcript, position) >= 0;
    }
  else
    {
      self->snap.turn_text = NULL;
      self->snap.chapter_title = NULL;
      self->snap.can_next = self->snap.can_previous = FALSE;
    }
  *changed = turn != self->snap.turn || chapter != self->snap.chapter;
  self->snap.turn = turn;
  self->snap.chapter = chapter;
}

/* ------------------------------------------------------------------------------------------ */
/* The sleep timer: armed by the listener, it fades the volume out and pauses */

static void
count_listening (HarkSession *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->listened_at != 0)
    self->listened += (now - self->listened_at) / (double) G_USEC_PER_SEC;
  self->listened_at = hark_player_get_state (self->player) == HARK_PLAYER_STATE_PLAYING ? now : 0;
}

static HarkSleepClock
sleep_clock (HarkSession *self)
{
  HarkTranscript *transcript = hark_session_get_transcript (self);
  const HarkChapter *chapters = transcript != NULL && self->snap.chapter >= 0
                                  ? hark_transcript_get_chapters (transcript, NULL)
                                  : NULL;

  return (HarkSleepClock) {
    .now = self->listened,
    .position = hark_player_get_position (self->player),
    .chapter_end = chapters != NULL ? chapters[self->snap.chapter].end : -1,
    .duration = hark_player_get_duration (self->player),
  };
}

static void
set_sleep_gain (HarkSession *self, double gain)
{
  if (gain == self->sleep_gain)
    return;
  self->sleep_gain = gain;
  hark_player_set_volume (self->player, self->volume * gain);
}

static void
update_sleep (HarkSession *self)
{
  HarkSleepClock clock;
  gboolean fired = FALSE;
  double gain;

  count_listening (self);
  if (hark_sleep_timer_get_mode (self->sleep) == HARK_SLEEP_OFF)
    return;
  clock = sleep_clock (self);
  gain = hark_sleep_timer_update (self->sleep, &clock, &fired);
  if (!fired)
    {
      set_sleep_gain (self, gain);
      return;
    }
  /* Silent by now: pause, and once the player has stopped (it does so on its own thread), the
   * volume comes back for the next listen. */
  set_sleep_gain (self, 0.0);
  self->sleep_fired = TRUE;
  hark_player_pause (self->player);
  emit_simple (self, HARK_SESSION_EVENT_CHANGED);
}

gboolean
hark_session_set_sleep (HarkSession *self, HarkSleepMode mode, double minutes)
{
  count_listening (self);
  if (!hark_sleep_timer_set (self->sleep, mode, minutes, self->listened))
    return FALSE;
  if (mode == HARK_SLEEP_OFF && !self->sleep_fired)
    set_sleep_gain (self, 1.0);
  update_polling (self); /* armed, it is looked at often */
  emit_simple (self, HARK_SESSION_EVENT_CHANGED);
  return TRUE;
}

HarkSleepMode
hark_session_get_sleep_mode (HarkSession *self)
{
  return hark_sleep_timer_get_mode (self->sleep);
}

double
hark_session_get_sleep_remaining (HarkSession *self)
{
  HarkSleepClock clock;

  count_listening (self);
  clock = sleep_clock (self);
  return hark_sleep_timer_remaining (self->sleep, &clock);
}

static void
poll_clock (HarkSession *self)
{
  double position;
  gboolean turn_changed, can_unskip;
  int offer;

  update_player_fields (self);
  position = self->snap.position;
  update_turn (self, position, &turn_changed);
  update_sleep (self);
  if (turn_changed)
    emit_simple (self, HARK_SESSION_EVENT_TURN);

  offer = has_audio (self) ? ask_entry_at (self, position) : -1;
  if (offer != self->snap.offer_segment)
    {
      HarkSessionEvent event = { .position = position };

      if (self->snap.offer_segment >= 0)
        {
          event.type = HARK_SESSION_EVENT_OFFER_ENDED;
          event.segment = self->snap.offer_segment;
          event.entry = get_entry (self, event.segment);
          self->snap.offer_segment = -1;
          emit (self, &event);
        }
      self->snap.offer_segment = offer;
      if (offer >= 0)
        {
          event.type = HARK_SESSION_EVENT_OFFER_STARTED;
          event.segment = offer;
          event.entry = get_entry (self, offer);
          emit (self, &event);
        }
    }

  can_unskip = hark_skip_tracker_can_unskip (self->skips, position);
  if (self->snap.can_unskip && !can_unskip)
    {
      self->snap.can_unskip = FALSE;
      emit_simple (self, HARK_SESSION_EVENT_UNSKIP_ENDED);
    }
  self->snap.can_unskip = can_unskip;
  /* What is next to change may have moved (a seek, a skip, a new transcript). */
  update_polling (self);
}

/* The next episode time at which the turn, the chapter or an offer can change: the next turn's
 * or chapter's start, an offered segment's start or end. INFINITY when none is ahead. */
static double
next_boundary (HarkSession *self, double position)
{
  HarkTranscript *transcript = self->episode ? hark_episode_get_transcript (self->episode) : NULL;
  guint n = 0;
  const HarkSegmentEntry *e = self->segments ? hark_segment_list_get (self->segments, &n) : NULL;
  double next = INFINITY;

  if (transcript != NULL)
    {
      guint n_turns = 0, n_chapters = 0;
      const HarkTurn *turns = hark_transcript_get_turns (transcript, &n_turns);
      const HarkChapter *chapters = hark_transcript_get_chapters (transcript, &n_chapters);
      int turn = hark_transcript_next_turn (transcript, position);
      int chapter = hark_transcript_chapter_at (transcript, position) + 1;

      if (turn >= 0 && (guint) turn < n_turns)
        next = MIN (next, turns[turn].start);
      if (chapter >= 0 && (guint) chapter < n_chapters)
        next = MIN (next, chapters[chapter].start);
    }
  for (guint i = 0; i < n; i++)
    if (e[i].action == HARK_SKIP_ACTION_ASK)
      {
        if (position < e[i].segment.start)
          next = MIN (next, e[i].segment.start);
        else if (position < e[i].segment.end)
          next = MIN (next, e[i].segment.end);
      }
  return next;
}

static gboolean on_poll (gpointer data);

static void
stop_polling (HarkSession *self)
{
  if (self->poll_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->poll_id);

      if (source != NULL)
        g_source_destroy (source);
      self->poll_id = 0;
    }
}

/* While playing, the session looks at the clock again when something it reports can next
 * change, at the playing speed: a turn, chapter or offer boundary, else within
 * HARK_SESSION_POLL_MAX_MS. While the sleep timer is armed (it fades) or Unskip is on offer
 * (its few seconds run out) it looks every HARK_SESSION_POLL_MS. Waking ten times a second
 * whatever happens cost an idle window more than drawing it. */
static void
update_polling (HarkSession *self)
{
  gboolean playing = hark_player_get_state (self->player) == HARK_PLAYER_STATE_PLAYING;
  double position, speed, wait_ms = HARK_SESSION_POLL_MAX_MS;
  GSource *source;

  stop_polling (self);
  if (!playing)
    return;
  if (hark_sleep_timer_get_mode (self->sleep) != HARK_SLEEP_OFF || self->snap.can_unskip)
    wait_ms = HARK_SESSION_POLL_MS;
  else
    {
      position = self->snap.position;
      speed = self->snap.speed > 0 && isfinite (self->snap.speed) ? self->snap.speed : 1.0;
      /* A couple of milliseconds past the boundary, so the clock has reached it. */
      wait_ms = MIN (wait_ms, (next_boundary (self, position) - position) / speed * 1000.0 + 2);
    }
  wait_ms = isfinite (wait_ms) ? CLAMP (wait_ms, 2, HARK_SESSION_POLL_MAX_MS)
                               : HARK_SESSION_POLL_MAX_MS;
  /* With nothing due within the longest wait, a whole-second timer: it wakes together with the
   * player's watch and the library's saves (GLib fires a process's whole-second timers at the
   * same instant), one wake-up for all three instead of three. */
  if (wait_ms >= HARK_SESSION_POLL_MAX_MS)
    source = g_timeout_source_new_seconds (HARK_SESSION_POLL_MAX_MS / 1000);
  else
    source = g_timeout_source_new ((guint) ceil (wait_ms));
  g_source_set_callback (source, on_poll, self, NULL);
  self->poll_id = g_source_attach (source, self->context);
  g_source_unref (source);
}

static gboolean
on_poll (gpointer data)
{
  HarkSession *self = data;

  /* This source ends here: poll_clock() arms the next one. */
  self->poll_id = 0;
  poll_clock (self);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------------------------ */
/* Player events */

static void
on_skip (HarkSession *self, const HarkPlayerEvent *pe)
{
  HarkSessionEvent event = { .type = HARK_SESSION_EVENT_SKIP, .position = pe->position,
                             .range = pe->range, .segment = -1 };

  if (pe->range.id < HARK_SESSION_EXTRA_RANGE_ID)
    {
      event.segment = (int) pe->range.id;
      event.entry = get_entry (self, event.segment);
    }
  event.counted = hark_skip_tracker_note_skip (self->skips, pe->range.id, pe->range.start,
                                               pe->range.end);
  self->snap.time_saved = hark_skip_tracker_get_time_saved (self->skips);
  self->snap.can_unskip = hark_skip_tracker_can_unskip (self->skips, pe->position);
  emit (self, &event);
}

static void
on_player_event (HarkPlayer *player, const HarkPlayerEvent *pe, gpointer user_data)
{
  HarkSession *self = user_data;

  hark_resume_tracker_handle_event (self->resume, pe);
  update_player_fields (self);
  self->snap.position = pe->position;

  switch (pe->type)
    {
    case HARK_PLAYER_EVENT_STATE:
      self->snap.state = pe->state;
      count_listening (self); /* paused time is not listening time */
      if (self->sleep_fired && pe->state != HARK_PLAYER_STATE_PLAYING)
        {
          self->sleep_fired = FALSE;
          set_sleep_gain (self, 1.0);
        }
      update_polling (self);
      emit_simple (self, HARK_SESSION_EVENT_STATE);
      break;
    case HARK_PLAYER_EVENT_SEEKED:
      /* The player announces only the latest seek, so this is the refill's when it is quiet. */
      if (!self->quiet_seek)
        emit_simple (self, HARK_SESSION_EVENT_SEEKED);
      self->quiet_seek = FALSE;
      poll_clock (self);
      break;
    case HARK_PLAYER_EVENT_SKIP:
      on_skip (self, pe);
      poll_clock (self);
      break;
    case HARK_PLAYER_EVENT_END:
      update_polling (self);
      emit_simple (self, HARK_SESSION_EVENT_END);
      break;
    case HARK_PLAYER_EVENT_ERROR:
      update_polling (self);
      emit_error (self, HARK_SESSION_ERROR_OUTPUT, pe->error);
      break;
    default:
      break;
    }
}

static void
on_library_error (const GError *error, gpointer user_data)
{
  emit_error (user_data, HARK_SESSION_ERROR_LIBRARY, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Life */

HarkSession *
hark_session_new (HarkOutput *output, HarkLibrary *library, GMainContext *context)
{
  HarkSession *self = g_new0 (HarkSession, 1);

  self->context = g_main_context_ref (context ? context : g_main_context_default ());
  self->player = hark_player_new (output, self->context);
  self->library = library;
  self->resume = hark_resume_tracker_new (library, self->player);
  hark_resume_tracker_set_error_func (self->resume, on_library_error, self, NULL);
  hark_player_set_event_func (self->player, on_player_event, self, NULL);
  self->rewind = TRUE;
  self->default_speed = 1.0;
  self->sleep = hark_sleep_timer_new ();
  self->volume = 1.0;
  self->sleep_gain = 1.0;
  self->listeners = g_array_new (FALSE, FALSE, sizeof (Listener));
  hark_skip_policy_init_default (&self->policy);
  self->skipping = TRUE;
  self->extra_ranges = g_array_new (FALSE, FALSE, sizeof (HarkSkipRange));
  self->skips = hark_skip_tracker_new ();
  self->unskipped = g_hash_table_new (NULL, NULL);
  self->snap.duration = -1;
  self->snap.open_progress = -1;
  self->snap.turn = -1;
  self->snap.chapter = -1;
  self->snap.offer_segment = -1;
  update_player_fields (self);
  return self;
}

static void
clear_episode (HarkSession *self)
{
  g_clear_pointer (&self->episode, hark_episode_unref);
  g_clear_pointer (&self->segments, hark_segment_list_free);
  g_clear_pointer (&self->reading, hark_reading_unref);
  g_clear_pointer (&self->show, hark_show_context_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->artist, g_free);
  g_clear_pointer (&self->art_url, g_free);
  hark_skip_tracker_free (self->skips);
  self->skips = hark_skip_tracker_new ();
  g_hash_table_remove_all (self->unskipped);
  self->snap.turn = -1;
  self->snap.chapter = -1;
  self->snap.offer_segment = -1;
  self->snap.can_unskip = FALSE;
  self->snap.time_saved = 0;
  self->snap.turn_text = NULL;
  self->snap.chapter_title = NULL;
  self->snap.can_next = self->snap.can_previous = FALSE;
}

/* Stops what is open without telling anyone. */
static void
close_quietly (HarkSession *self)
{
  stop_sync (self, FALSE);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->add_cancellable != NULL)
    g_cancellable_cancel (self->add_cancellable);
  g_clear_object (&self->add_cancellable);
  self->snap.loading = FALSE;
  self->quiet_seek = FALSE;
  hark_resume_tracker_episode_closing (self->resume);
  hark_player_close (self->player);
  update_polling (self);
  clear_episode (self);
  if (self->source != NULL)
    hark_media_source_set_notice_func (self->source, NULL, NULL, NULL);
  g_clear_pointer (&self->source, hark_media_source_unref);
  g_clear_pointer (&self->stream_notice, g_free);
  /* After the player: its decoder no longer reads what the stream writes. */
  g_clear_pointer (&self->stream, hark_episode_stream_free);
  g_clear_pointer (&self->episode_key, g_free);
  g_clear_pointer (&self->path, g_free);
  self->snap.duration = -1;
  self->snap.open_progress = -1;
  update_tags (self);
  update_player_fields (self);
}

void
hark_session_free (HarkSession *self)
{
  if (self == NULL)
    return;
  close_quietly (self);
  stop_polling (self);
  for (guint i = 0; i < self->listeners->len; i++)
    listener_clear (&g_array_index (self->listeners, Listener, i));
  g_array_unref (self->listeners);
  hark_resume_tracker_free (self->resume);
  hark_player_free (self->player);
  g_array_unref (self->extra_ranges);
  hark_skip_tracker_free (self->skips);
  hark_sleep_timer_free (self->sleep);
  g_hash_table_unref (self->unskipped);
  g_main_context_unref (self->context);
  g_free (self);
}

void
hark_session_close (HarkSession *self)
{
  gboolean was_open = has_audio (self) || self->path != NULL;

  stop_sync (self, TRUE);
  close_quietly (self);
  if (was_open)
    emit_simple (self, HARK_SESSION_EVENT_CLOSED);
}

/* The file name without its extension: the title until tags say better. */
static char *
title_from_path (const char *path)
{
  char *title = g_path_get_basename (path);
  char *dot = strrchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';
  return title;
}

static void
on_load_step (HarkSessionLoad *load, gboolean audio_step, gpointer user_data)
{
  HarkSession *self = user_data;

  if (audio_step)
    {
      self->snap.open_progress = -1;
      if (load->audio_path != NULL && load->decoder == NULL)
        {
          g_clear_object (&self->load_cancellable);
          self->snap.loading = FALSE;
          emit_error (self, HARK_SESSION_ERROR_AUDIO, load->audio_error);
          return;
        }
      if (load->title != NULL)
        {
          g_free (self->title);
          self->title = g_steal_pointer (&load->title);
        }
      self->artist = g_steal_pointer (&load->artist);
      update_tags (self);
      if (load->decoder != NULL)
        {
          hark_player_open_decoder (self->player, g_steal_pointer (&load->decoder),
                                    load->audio_path);
          self->snap.duration = load->duration;
          /* Continues where the listener stopped, at the speed they listened at. A show's
           * episode is known by its row in the library, whole or still downloading; any other
           * file by its content, which an incomplete one does not have yet. */
          if (self->episode_key != NULL)
            hark_resume_tracker_episode_opened_as (self->resume, self->episode_key, self->title,
                                                   self->rewind, self->default_speed);
          else if (self->source == NULL)
            hark_resume_tracker_episode_opened (self->resume, self->title, self->rewind,
                                                self->default_speed);
          apply_ranges (self);
        }
      update_player_fields (self);
      emit_simple (self, HARK_SESSION_EVENT_OPENED);
      poll_clock (self);
      return;
    }

  g_clear_object (&self->load_cancellable);
  self->snap.loading = FALSE;
  if (load->episode == NULL)
    {
      emit_error (self, HARK_SESSION_ERROR_SIDECAR, load->sidecar_error);
      return;
    }
  self->episode = g_steal_pointer (&load->episode);
  self->segments = g_steal_pointer (&load->segments);
  hark_show_context_free (self->show);
  self->show = g_steal_pointer (&load->show);
  self->reading = g_steal_pointer (&load->reading);
  self->art_url = g_steal_pointer (&load->art_url);
  if (self->art_url == NULL)
    self->art_url = feed_art_url (self);
  update_tags (self);
  apply_ranges (self);
  /* The decoder has read ahead, and ranges behind its read position count as passed: until
   * playing starts, seeking to where it will start makes a segment there (0:00) count. */
  if (hark_player_get_state (self->player) != HARK_PLAYER_STATE_PLAYING)
    refill (self);
  update_player_fields (self);
  emit_simple (self, HARK_SESSION_EVENT_LOADED);
  poll_clock (self);
}

/* What the library knows of the open file (its show, as a download or a stream), or NULL. */
static HarkLibraryContext *
library_context (HarkSession *self)
{
  g_autofree char *absolute = NULL;
  g_autoptr (GError) error = NULL;
  HarkLibraryContext *context;

  if (self->library == NULL || self->path == NULL)
    return NULL;
  absolute = g_canonicalize_filename (self->path, NULL);
  context = hark_library_find_context (self->library, absolute,
                                       hark_resume_tracker_get_key (self->resume), &error);
  if (error != NULL)
    g_debug ("library context of %s: %s", absolute, error->message);
  return context;
}

/* A file without a picture of its own (nor a cover beside it) that the library knows, as a
 * show's download or stream: the feed's artwork, when the library has it cached (it fetched it
 * to show the show). A file: URI, or NULL. Every view (the window, MPRIS) then shows the same. */
static char *
feed_art_url (HarkSession *self)
{
  g_autoptr (HarkLibraryContext) context = library_context (self);
  g_autofree char *cached = NULL;

  if (context == NULL || context->image == NULL)
    return NULL;
  cached = hark_show_artwork_cache_path (context->image, NULL);
  if (cached == NULL || !g_file_test (cached, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_filename_to_uri (cached, NULL, NULL);
}

/* Who the show is as its feed says (title and site), when the library knows the file; the
 * audio's tags are added as they are read. Never NULL. */
static HarkShowContext *
show_of_feed (HarkSession *self)
{
  HarkShowContext *show = hark_show_context_new ();
  g_autoptr (HarkLibraryContext) context = library_context (self);

  if (context != NULL)
    {
      hark_show_context_add_name (show, context->show_title);
      hark_show_context_add_link (show, context->show_link);
    }
  return show;
}

static void
on_load_progress (double fraction, gpointer user_data)
{
  HarkSession *self = user_data;

  self->snap.open_progress = fraction;
  emit_simple (self, HARK_SESSION_EVENT_PROGRESS);
}

/* The stream has something to tell the listener (a server that cannot jump ahead, say). */
static void
on_source_notice (HarkMediaSource *source, gpointer data)
{
  HarkSession *self = data;

  g_free (self->stream_notice);
  self->stream_notice = hark_media_source_dup_notice (source);
  update_tags (self);
  emit_simple (self, HARK_SESSION_EVENT_CHANGED);
}

static void
open_with (HarkSession *self, const char *audio_path, HarkMediaSource *source,
           const char *const *sidecars)
{
  hark_session_close (self);
  self->source = source != NULL ? hark_media_source_ref (source) : NULL;
  if (source != NULL)
    {
      self->stream_notice = hark_media_source_dup_notice (source);
      hark_media_source_set_notice_func (source, self->context, on_source_notice, self);
    }
  self->path = g_strdup (audio_path);
  self->title = title_from_path (audio_path != NULL ? audio_path : sidecars[0]);
  update_tags (self);
  g_clear_pointer (&self->show, hark_show_context_free);
  self->show = show_of_feed (self);
  self->snap.loading = TRUE;
  self->load_cancellable = g_cancellable_new ();
  hark_session_load_start (audio_path, source, sidecars, self->show, &self->policy, self->context,
                           self->load_cancellable, on_load_step, on_load_progress, self);
}

void
hark_session_open (HarkSession *self, const char *audio_path, const char *const *sidecars)
{
  g_return_if_fail (audio_path != NULL || (sidecars != NULL && sidecars[0] != NULL));

  open_with (self, audio_path, NULL, sidecars);
}

void
hark_session_open_source (HarkSession *self, HarkMediaSource *source, const char *audio_path,
                          const char *const *sidecars)
{
  g_return_if_fail (source != NULL && audio_path != NULL);

  open_with (self, audio_path, source, sidecars);
}

void
hark_session_open_episode (HarkSession *self, const char *audio_path, gint64 episode_row)
{
  g_return_if_fail (audio_path != NULL);

  open_with (self, audio_path, NULL, NULL);
  self->episode_key = hark_library_episode_key (episode_row);
}

void
hark_session_open_stream (HarkSession *self, HarkEpisodeStream *stream)
{
  const HarkEpisodeDownload *download;

  g_return_if_fail (stream != NULL);

  download = hark_episode_stream_get_download (stream);
  open_with (self, download->audio_path, hark_episode_stream_get_source (stream), NULL);
  self->stream = stream;
  self->episode_key = hark_library_episode_key (hark_episode_stream_get_row (stream));
}

HarkEpisodeStream *
hark_session_get_stream (HarkSession *self)
{
  return self->stream;
}

gboolean
hark_session_get_download_progress (HarkSession *self, HarkMediaSourceProgress *progress)
{
  if (self->source == NULL)
    return FALSE;
  hark_media_source_get_progress (self->source, progress);
  return TRUE;
}

gboolean
hark_session_is_loading (HarkSession *self)
{
  return self->snap.loading;
}

void
hark_session_set_resume_options (HarkSession *self, gboolean rewind, double default_speed)
{
  self->rewind = rewind;
  if (hark_limits_is_number (default_speed))
    self->default_speed = CLAMP (default_speed, HARK_SPEED_MIN, HARK_SPEED_MAX);
}

void
hark_session_set_policy (HarkSession *self, const HarkSkipPolicy *policy)
{
  self->policy = *policy;
  if (self->episode == NULL)
    return;
  /* Entry indices change with the policy, so what was skipped under the old one is forgotten. */
  g_clear_pointer (&self->segments, hark_segment_list_free);
  g_clear_pointer (&self->reading, hark_reading_unref);
  hark_session_load_segments (self->episode, self->show, &self->policy, &self->segments,
                              &self->reading);
  hark_skip_tracker_free (self->skips);
  self->skips = hark_skip_tracker_new ();
  g_hash_table_remove_all (self->unskipped);
  self->snap.can_unskip = FALSE;
  self->snap.time_saved = 0;
  self->snap.offer_segment = -1;
  apply_ranges_again (self);
  emit_simple (self, HARK_SESSION_EVENT_SEGMENTS);
  poll_clock (self);
}

void
hark_session_set_skipping (HarkSession *self, gboolean skipping)
{
  self->skipping = skipping;
  apply_ranges_again (self);
}

void
hark_session_set_extra_ranges (HarkSession *self, const HarkSkipRange *ranges, guint n)
{
  g_array_set_size (self->extra_ranges, 0);
  for (guint i = 0; i < n; i++)
    {
      HarkSkipRange r = ranges[i];

      if (!hark_limits_is_number (r.start) || !hark_limits_is_number (r.end) || !(r.end > r.start))
        continue;
      r.id = HARK_SESSION_EXTRA_RANGE_ID + i;
      g_array_append_val (self->extra_ranges, r);
    }
  apply_ranges_again (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Commands */

gboolean
hark_session_play (HarkSession *self)
{
  g_autoptr (GError) error = NULL;

  if (!has_audio (self))
    return FALSE;
  /* Playing again from the end is a new pass: every segment may be skipped once more. */
  if (hark_player_get_state (self->player) == HARK_PLAYER_STATE_ENDED)
    new_pass (self);
  if (!hark_player_play (self->player, &error))
    {
      update_player_fields (self);
      emit_error (self, HARK_SESSION_ERROR_OUTPUT, error);
      return FALSE;
    }
  update_polling (self);
  return TRUE;
}

gboolean
hark_session_pause (HarkSession *self)
{
  if (!has_audio (self))
    return FALSE;
  hark_player_pause (self->player);
  update_polling (self);
  return TRUE;
}

gboolean
hark_session_toggle (HarkSession *self)
{
  if (hark_player_get_state (self->player) == HARK_PLAYER_STATE_PLAYING)
    return hark_session_pause (self);
  return hark_session_play (self);
}

gboolean
hark_session_seek (HarkSession *self, double seconds)
{
  double duration = hark_player_get_duration (self->player);

  if (!has_audio (self) || !hark_limits_is_number (seconds))
    return FALSE;
  seconds = MAX (seconds, 0.0);
  if (duration > 0)
    seconds = MIN (seconds, duration);
  self->quiet_seek = FALSE;
  hark_player_seek (self->player, seconds);
  poll_clock (self);
  return TRUE;
}

gboolean
hark_session_seek_by (HarkSession *self, double delta)
{
  if (!hark_limits_is_number (delta))
    return FALSE;
  delta = CLAMP (delta, -HARK_SEEK_MAX_DELTA, HARK_SEEK_MAX_DELTA);
  return hark_session_seek (self, hark_player_get_position (self->player) + delta);
}

gboolean
hark_session_seek_to_turn (HarkSession *self, int turn)
{
  HarkTranscript *transcript = hark_session_get_transcript (self);
  guint n_turns = 0;
  const HarkTurn *turns = transcript ? hark_transcript_get_turns (transcript, &n_turns) : NULL;

  if (turn < 0 || (guint) turn >= n_turns)
    return FALSE;
  return hark_session_seek (self, turns[turn].start);
}

gboolean
hark_session_next_turn (HarkSession *self, int direction)
{
  HarkTranscript *transcript = hark_session_get_transcript (self);
  double position = hark_player_get_position (self->player);

  if (transcript == NULL)
    return FALSE;
  return hark_session_seek_to_turn (self, direction > 0
                                            ? hark_transcript_next_turn (transcript, position)
                                            : hark_transcript_previous_turn (transcript, position));
}

gboolean
hark_session_next_answer (HarkSession *self, int speaker, int direction)
{
  HarkTranscript *transcript = hark_session_get_transcript (self);
  double position = hark_player_get_position (self->player);

  if (transcript == NULL || speaker < 0
      || (guint) speaker >= hark_transcript_get_n_speakers (transcript))
    return FALSE;
  return hark_session_seek_to_turn (
    self, direction > 0 ? hark_transcript_next_turn_of_speaker (transcript, position, speaker)
                        : hark_transcript_previous_turn_of_speaker (transcript, position, speaker));
}

/* Where a jump to @target really lands: a seek onto a skip range's first sample would play the
 * range, so a target at (or in) a range moves to its end. */
static double
past_ranges (HarkSession *self, double target)
{
  g_autoptr (GArray) ranges = build_ranges (self);
  gboolean moved = TRUE;

  for (guint rounds = 0; moved && rounds <= ranges->len; rounds++)
    {
      moved = FALSE;
      for (guint i = 0; i < ranges->len; i++)
        {
          const HarkSkipRange *r = &g_array_index (ranges, HarkSkipRange, i);

          if (target >= r->start && target < r->end)
            {
              target = r->end;
              moved = TRUE;
            }
        }
    }
  return target;
}

gboolean
hark_session_skip_offered (HarkSession *self)
{
  double position = hark_player_get_position (self->player);
  int index = has_audio (self) ? ask_entry_at (self, position) : -1;
  const HarkSegmentEntry *e = get_entry (self, index);
  HarkSessionEvent event = { .type = HARK_SESSION_EVENT_SKIP, .position = position,
                             .segment = index, .entry = e, .taken = TRUE };

  if (e == NULL)
    return FALSE;
  /* What is left of it counts as saved, and Unskip brings it back like any other skip. */
  event.range = (HarkSkipRange) { position, e->segment.end, (guint) index };
  event.counted = hark_skip_tracker_note_skip (self->skips, index, position, e->segment.end);
  self->quiet_seek = FALSE;
  hark_player_seek (self->player, past_ranges (self, e->segment.end));
  update_player_fields (self);
  self->snap.time_saved = hark_skip_tracker_get_time_saved (self->skips);
  self->snap.can_unskip = hark_skip_tracker_can_unskip (self->skips, self->snap.position);
  emit (self, &event);
  poll_clock (self);
  return TRUE;
}

gboolean
hark_session_unskip (HarkSession *self)
{
  HarkSessionEvent event = { .type = HARK_SESSION_EVENT_UNSKIP, .segment = -1 };
  double seek_to, end = 0;
  guint id;

  if (!has_audio (self)
      || !hark_skip_tracker_unskip (self->skips, hark_player_get_position (self->player), &id,
                                    &seek_to))
    return FALSE;
  /* The listener wants to hear it: its range is off for the rest of this pass. Otherwise a
   * seek to a range at 0:00 would be skipped again (a start from 0 is no deliberate seek). */
  g_hash_table_add (self->unskipped, GUINT_TO_POINTER (id));
  for (guint i = 0; i < self->extra_ranges->len; i++)
    if (g_array_index (self->extra_ranges, HarkSkipRange, i).id == id)
      end = g_array_index (self->extra_ranges, HarkSkipRange, i).end;
  if (id < HARK_SESSION_EXTRA_RANGE_ID)
    {
      event.segment = (int) id;
      event.entry = get_entry (self, event.segment);
      end = event.entry ? event.entry->segment.end : end;
    }
  apply_ranges (self);
  self->quiet_seek = FALSE;
  hark_player_seek (self->player, seek_to);
  event.range = (HarkSkipRange) { seek_to, MAX (end, seek_to), id };
  self->snap.time_saved = hark_skip_tracker_get_time_saved (self->skips);
  self->snap.can_unskip = FALSE;
  update_player_fields (self);
  event.position = self->snap.position;
  emit (self, &event);
  if (hark_player_get_state (self->player) != HARK_PLAYER_STATE_PLAYING)
    hark_session_play (self);
  poll_clock (self);
  return TRUE;
}

gboolean
hark_session_set_speed (HarkSession *self, double speed)
{
  if (!hark_limits_is_number (speed))
    return FALSE;
  hark_player_set_speed (self->player, CLAMP (speed, HARK_SPEED_MIN, HARK_SPEED_MAX));
  update_player_fields (self);
  update_polling (self); /* the next boundary comes sooner or later */
  emit_simple (self, HARK_SESSION_EVENT_CHANGED);
  return TRUE;
}

gboolean
hark_session_set_volume (HarkSession *self, double volume)
{
  if (!hark_limits_is_number (volume))
    return FALSE;
  self->volume = CLAMP (volume, HARK_VOLUME_MIN, HARK_VOLUME_MAX);
  hark_player_set_volume (self->player, self->volume * self->sleep_gain);
  update_player_fields (self);
  emit_simple (self, HARK_SESSION_EVENT_CHANGED);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Sync jobs: times from the audio itself */

HarkSessionSyncKind
hark_session_get_sync_kind (HarkSession *self)
{
  HarkTranscript *transcript = hark_session_get_transcript (self);

  if (transcript == NULL || self->path == NULL || !has_audio (self))
    return HARK_SESSION_SYNC_NONE;
  if (hark_transcript_is_empty (transcript))
    return HARK_SESSION_SYNC_GENERATE;
  if (hark_sync_is_untimed (transcript))
    return HARK_SESSION_SYNC_ALIGN;
  if (hark_episode_has_duration_mismatch (self->episode)
      || hark_resync_is_needed (transcript, self->snap.duration))
    return HARK_SESSION_SYNC_RESYNC;
  return HARK_SESSION_SYNC_NONE;
}

static void
end_sync (HarkSession *self, const GError *error)
{
  HarkSessionEvent event = { .type = HARK_SESSION_EVENT_SYNC_ENDED, .error = error };

  g_clear_object (&self->sync_cancellable);
  self->snap.sync_running = HARK_SESSION_SYNC_NONE;
  self->snap.sync_fraction = 0;
  event.position = hark_player_get_position (self->player);
  emit (self, &event);
}

static void
stop_sync (HarkSession *self, gboolean tell)
{
  g_autoptr (GError) error = NULL;

  if (self->sync_cancellable == NULL)
    return;
  /* The worker's callbacks check the cancellable on this thread, so none runs after this. */
  g_cancellable_cancel (self->sync_cancellable);
  if (!tell)
    {
      g_clear_object (&self->sync_cancellable);
      self->snap.sync_running = HARK_SESSION_SYNC_NONE;
      return;
    }
  g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
  end_sync (self, error);
}

static void
on_sync_progress (double fraction, gpointer user_data)
{
  HarkSession *self = user_data;

  self->snap.sync_fraction = CLAMP (fraction, 0, 1);
  emit_simple (self, HARK_SESSION_EVENT_SYNC_PROGRESS);
}

/* @episode takes the place of the one open: new turns, cues and segments, and skips apply
 * again. Like a policy change, what was skipped so far is forgotten. The audio plays on. */
static void
replace_episode (HarkSession *self, HarkEpisode *episode)
{
  g_clear_pointer (&self->episode, hark_episode_unref);
  g_clear_pointer (&self->segments, hark_segment_list_free);
  g_clear_pointer (&self->reading, hark_reading_unref);
  self->episode = hark_episode_ref (episode);
  hark_session_load_segments (self->episode, self->show, &self->policy, &self->segments,
                              &self->reading);
  hark_skip_tracker_free (self->skips);
  self->skips = hark_skip_tracker_new ();
  g_hash_table_remove_all (self->unskipped);
  self->snap.can_unskip = FALSE;
  self->snap.time_saved = 0;
  self->snap.offer_segment = -1;
  self->snap.turn = -1;
  self->snap.chapter = -1;
  apply_ranges_again (self);
  update_player_fields (self);
  emit_simple (self, HARK_SESSION_EVENT_TRANSCRIPT);
}

/* The result replaces the episode: new turns, cues and segments, and, since its times fit this
 * audio, skips apply again. Like a policy change, what was skipped so far is forgotten. */
static void
on_sync_done (HarkSessionSyncResult *result, gpointer user_data)
{
  HarkSession *self = user_data;

  if (result->error != NULL)
    {
      end_sync (self, result->error);
      return;
    }
  replace_episode (self, result->episode);
  if (result->save_error != NULL)
    emit_error (self, HARK_SESSION_ERROR_SYNC_SAVE, result->save_error);
  poll_clock (self);
  end_sync (self, NULL);
}

gboolean
hark_session_sync_start (HarkSession *self, HarkSessionSyncKind kind, GError **error)
{
  if (self->sync_cancellable != NULL || kind == HARK_SESSION_SYNC_NONE
      || kind != hark_session_get_sync_kind (self) || !hark_recognizer_check_available (error))
    return FALSE;
  self->sync_cancellable = g_cancellable_new ();
  self->snap.sync_running = kind;
  self->snap.sync_fraction = 0;
  hark_session_sync_job_start (self->path, self->snap.duration, kind, self->episode,
                               self->context, self->sync_cancellable, on_sync_progress,
                               on_sync_done, self);
  emit_simple (self, HARK_SESSION_EVENT_SYNC_PROGRESS);
  return TRUE;
}

gboolean
hark_session_sync_cancel (HarkSession *self)
{
  if (self->sync_cancellable == NULL)
    return FALSE;
  stop_sync (self, TRUE);
  return TRUE;
}

/* Adding a transcript: read on a worker thread, the audio playing on untouched. */
typedef struct
{
  char *audio_path;
  char *sidecar;
  double duration;
  GCancellable *cancellable;
} AddJob;

static void
add_job_free (gpointer data)
{
  AddJob *job = data;

  g_free (job->audio_path);
  g_free (job->sidecar);
  g_object_unref (job->cancellable);
  g_free (job);
}

static void
add_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  AddJob *job = data;
  const char *sidecars[] = { job->sidecar, NULL };
  GError *error = NULL;
  HarkEpisode *episode = hark_episode_load (job->audio_path, sidecars, job->duration, &error);

  if (episode != NULL)
    g_task_return_pointer (task, episode, (GDestroyNotify) hark_episode_unref);
  else
    g_task_return_error (task, error);
}

static void
on_add_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AddJob *job = g_task_get_task_data (G_TASK (result));
  HarkSession *self = user_data;
  g_autoptr (GError) error = NULL;
  HarkEpisode *episode;

  /* Cancelled when the episode was closed (or the session freed): @self may be gone. */
  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  g_clear_object (&self->add_cancellable);
  episode = g_task_propagate_pointer (G_TASK (result), &error);
  if (episode == NULL)
    {
      emit_error (self, HARK_SESSION_ERROR_SIDECAR, error);
      return;
    }
  replace_episode (self, episode);
  hark_episode_unref (episode);
  poll_clock (self);
}

gboolean
hark_session_add_transcript (HarkSession *self, const char *path)
{
  AddJob *job;
  g_autoptr (GTask) task = NULL;

  if (path == NULL || self->path == NULL || self->snap.loading || !has_audio (self)
      || self->sync_cancellable != NULL)
    return FALSE;
  if (self->add_cancellable != NULL)
    g_cancellable_cancel (self->add_cancellable);
  g_clear_object (&self->add_cancellable);
  self->add_cancellable = g_cancellable_new ();
  job = g_new0 (AddJob, 1);
  job->audio_path = g_strdup (self->path);
  job->sidecar = g_strdup (path);
  job->duration = self->snap.duration;
  job->cancellable = g_object_ref (self->add_cancellable);
  /* The result comes back on the session's context, like every other event. */
  g_main_context_push_thread_default (self->context);
  task = g_task_new (NULL, NULL, on_add_done, self);
  g_main_context_pop_thread_default (self->context);
  g_task_set_task_data (task, job, add_job_free);
  g_task_set_source_tag (task, hark_session_add_transcript);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, add_thread);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Getters */

double
hark_session_get_position (HarkSession *self)
{
  return hark_player_get_position (self->player);
}

HarkEpisode *
hark_session_get_episode (HarkSession *self)
{
  return self->episode;
}

HarkTranscript *
hark_session_get_transcript (HarkSession *self)
{
  return self->episode ? hark_episode_get_transcript (self->episode) : NULL;
}

HarkReading *
hark_session_get_reading (HarkSession *self)
{
  HarkTranscript *transcript = hark_session_get_transcript (self);

  return transcript && !hark_transcript_is_empty (transcript) ? self->reading : NULL;
}

const HarkSegmentList *
hark_session_get_segments (HarkSession *self)
{
  return self->segments;
}

const HarkSkipPolicy *
hark_session_get_policy (HarkSession *self)
{
  return &self->policy;
}

gboolean
hark_session_was_skipped (HarkSession *self, int segment)
{
  return segment >= 0 && hark_skip_tracker_was_skipped (self->skips, segment);
}

HarkLibrary *
hark_session_get_library (HarkSession *self)
{
  return self->library;
}

const char *
hark_session_get_library_key (HarkSession *self)
{
  return hark_resume_tracker_get_key (self->resume);
}

HarkPlayer *
hark_session_get_player (HarkSession *self)
{
  return self->player;
}
