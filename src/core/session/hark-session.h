/* hark-session.h — one listening session: the player, the episode, skips, resume; many views
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session owns everything about listening to one episode: the HarkPlayer, the loaded
 * HarkEpisode with its segments and reading order, the skip policy and the one skip / offer /
 * Unskip / time-saved logic, resume tracking in the library, speed and volume. Views (the
 * window, `hark-cli play`, MPRIS) send it commands and subscribe to its events; they never
 * touch the player. Every number entering a command is checked here (util/hark-limits.h), so a
 * view may pass on what a user or a D-Bus peer sent as it came.
 *
 * Events are delivered on the main context the session was made with, to every listener in
 * the order they subscribed. A snapshot (hark_session_get_snapshot()) is kept up to date
 * before each event, so a listener reads it once per change. docs/architecture.md draws it.
 */
#pragma once

#include <gio/gio.h>

#include "audio/hark-media-source.h"
#include "audio/hark-player.h"
#include "episode/hark-episode.h"
#include "library/hark-library.h"
#include "reading/hark-reading.h"
#include "segments/hark-segments.h"
#include "session/hark-sleep-timer.h"
#include "subscriptions/hark-episode-download.h"

G_BEGIN_DECLS

/* While playing, the session looks at the clock when a turn, chapter or offer boundary comes,
 * and about every HARK_SESSION_POLL_MAX_MS otherwise (a whole-second timer, which GLib may fire
 * up to 0.75 s late to share a wake-up); every HARK_SESSION_POLL_MS while the sleep timer
 * is armed or Unskip is on offer. Views that paint read the clock themselves on their frame
 * tick. */
#define HARK_SESSION_POLL_MS 100
#define HARK_SESSION_POLL_MAX_MS 1000

/* Range ids at or above this are the caller's own ranges (hark_session_set_extra_ranges());
 * below it, an id is the index of a segment entry. */
#define HARK_SESSION_EXTRA_RANGE_ID 0x100000u

typedef enum
{
  HARK_SESSION_EVENT_OPENED,        /* the audio is open (paused, maybe at a resumed place) */
  HARK_SESSION_EVENT_LOADED,        /* transcript, segments, tags and cover are read */
  HARK_SESSION_EVENT_SEGMENTS,      /* the policy changed: new segments and reading order */
  HARK_SESSION_EVENT_CLOSED,        /* nothing open any more */
  HARK_SESSION_EVENT_STATE,         /* playing, paused, ended, error */
  HARK_SESSION_EVENT_SEEKED,        /* a seek completed at position */
  HARK_SESSION_EVENT_END,           /* the last sample was played */
  HARK_SESSION_EVENT_TURN,          /* the turn (or chapter) being heard changed */
  HARK_SESSION_EVENT_SKIP,          /* a segment or range was jumped over; Unskip offered */
  HARK_SESSION_EVENT_UNSKIP,        /* the last skip was undone; its segment plays */
  HARK_SESSION_EVENT_UNSKIP_ENDED,  /* the Unskip offer ran out */
  HARK_SESSION_EVENT_OFFER_STARTED, /* an "ask" segment is playing: a Skip may be offered */
  HARK_SESSION_EVENT_OFFER_ENDED,   /* it is not any more */
  HARK_SESSION_EVENT_CHANGED,       /* speed, volume or tags changed */
  HARK_SESSION_EVENT_ERROR,         /* error and error_kind say what went wrong */
  HARK_SESSION_EVENT_PROGRESS,      /* opening: the snapshot's open_progress moved */
  HARK_SESSION_EVENT_SYNC_PROGRESS, /* a sync job started or got further (snapshot sync_*) */
  HARK_SESSION_EVENT_TRANSCRIPT,    /* a sync job's result replaced the transcript, segments
                                     * and reading order (and was saved, or ERROR says why not) */
  HARK_SESSION_EVENT_SYNC_ENDED,    /* the job ended: error NULL after TRANSCRIPT, else why
                                     * (G_IO_ERROR_CANCELLED when cancelled); nothing changed */
} HarkSessionEventType;

/* What a sync job does for the episode open (hark_session_get_sync_kind()). */
typedef enum
{
  HARK_SESSION_SYNC_NONE,     /* nothing to do: no audio, or the transcript's times fit it */
  HARK_SESSION_SYNC_ALIGN,    /* the transcript has no times: time it from the audio */
  HARK_SESSION_SYNC_RESYNC,   /* it was made for another cut: move it onto this audio */
  HARK_SESSION_SYNC_GENERATE, /* there is none: make one from the recognized words */
} HarkSessionSyncKind;

typedef enum
{
  HARK_SESSION_ERROR_AUDIO,   /* the audio could not be opened: nothing plays */
  HARK_SESSION_ERROR_SIDECAR, /* a transcript the user named could not be read: audio plays */
  HARK_SESSION_ERROR_OUTPUT,  /* the sound device failed: position kept, play tries again */
  HARK_SESSION_ERROR_LIBRARY, /* saving the place failed: playback goes on */
  HARK_SESSION_ERROR_SYNC_SAVE, /* a sync result is shown but could not be saved as the sidecar */
} HarkSessionErrorKind;

typedef struct
{
  HarkSessionEventType type;
  double position;               /* media seconds when it happened */
  /* SKIP, UNSKIP: what was jumped over (start, end, id) */
  HarkSkipRange range;
  /* SKIP, UNSKIP, OFFER_*: the segment entry, NULL for a caller's range */
  const HarkSegmentEntry *entry;
  int segment;                   /* its index, or -1 */
  gboolean counted;              /* SKIP: first time this pass, so time saved grew */
  gboolean taken;                /* SKIP: an offer the listener took (hark_session_skip_offered) */
  const GError *error;           /* ERROR */
  HarkSessionErrorKind error_kind;
} HarkSessionEvent;

/* What views show, current as of the last event. Strings belong to the session and stay valid
 * until the next event. */
typedef struct
{
  HarkPlayerState state;
  gboolean loading;        /* opened, transcript still being read */
  double open_progress;    /* while the audio opens: the share of a long scan done (a file
                            * without a table of contents is indexed first), -1 when none */
  double position;         /* at the last event */
  double duration;         /* -1 when nothing is open */
  double speed;
  double volume;
  const char *path;        /* NULL when nothing is open */
  const char *title;       /* tags, else the file name without extension */
  const char *artist;
  const char *art_url;
  const char *stream_notice; /* playing while downloading: how the bytes come, when that is
                              * worth a word ("This server can’t jump ahead…"), else NULL */
  int turn;                /* the turn being heard, or -1 */
  const char *turn_text;   /* its text, or NULL */
  int chapter;             /* the chapter being heard, or -1 */
  const char *chapter_title;
  gboolean can_next;       /* a next turn exists */
  gboolean can_previous;
  int offer_segment;       /* the "ask" segment playing, or -1 */
  gboolean can_unskip;
  double time_saved;       /* seconds, over all passes */
  HarkSessionSyncKind sync_running; /* the sync job under way, NONE when there is none */
  double sync_fraction;    /* its progress, 0..1 */
  guint serial;            /* grows with every event */
} HarkSessionSnapshot;

typedef struct _HarkSession HarkSession;

typedef void (*HarkSessionListener) (HarkSession *session, const HarkSessionEvent *event,
                                     gpointer user_data);

/* @output: where samples go (NULL: PortAudio's default device); taken. @library may be NULL:
 * then nothing is remembered. Not taken. @context: where events arrive (NULL: the default). */
HarkSession *hark_session_new (HarkOutput *output, HarkLibrary *library, GMainContext *context);
void hark_session_free (HarkSession *self);

/* Returns an id for hark_session_remove_listener(). */
guint hark_session_add_listener (HarkSession *self, HarkSessionListener func, gpointer user_data,
                                 GDestroyNotify destroy);
void hark_session_remove_listener (HarkSession *self, guint id);

const HarkSessionSnapshot *hark_session_get_snapshot (HarkSession *self);

/* Opens @audio_path (may be NULL with @sidecars: a transcript alone, nothing plays) and the
 * transcripts beside it, plus @sidecars the user named. Probing and reading happen on a worker
 * thread; OPENED comes when the audio can play, LOADED when the transcript is read, or ERROR.
 * A newer open, or close, abandons an open under way. */
void hark_session_open (HarkSession *self, const char *audio_path, const char *const *sidecars);
/* The same for an episode still downloading: the audio is read from @source as its bytes
 * arrive (net/hark-http.h: hark_http_download_to_source_async()), so playing can start at
 * once; @audio_path is where the file will be, and where its sidecars already are. Closing
 * stops the session's reads of @source, not the download. The place is not remembered in
 * the library while the file is incomplete. */
void hark_session_open_source (HarkSession *self, HarkMediaSource *source,
                               const char *audio_path, const char *const *sidecars);
/* A show's episode on disk (@audio_path) with its library row: its place is kept under the
 * episode's key (hark_library_episode_key()), the same whether streamed or downloaded. */
void hark_session_open_episode (HarkSession *self, const char *audio_path, gint64 episode_row);
/* A show's episode while it downloads (hark_episode_stream_start_async()): the session owns
 * @stream until the episode is closed, which stops a download not finished (a kept one's
 * .part stays to resume). The place is kept under the episode's key from the start. */
void hark_session_open_stream (HarkSession *self, HarkEpisodeStream *stream);
/* The stream the open episode plays from, or NULL. */
HarkEpisodeStream *hark_session_get_stream (HarkSession *self);
/* How far the bytes of an episode opened with hark_session_open_source() are, to show next to
 * the position; FALSE (and @progress untouched) for a file. Any thread of the session's. */
gboolean hark_session_get_download_progress (HarkSession *self,
                                             HarkMediaSourceProgress *progress);
/* Saves the place and closes. */
void hark_session_close (HarkSession *self);
gboolean hark_session_is_loading (HarkSession *self);

/* How resuming behaves (from the user's settings): rewind a little after a long pause, and the
 * speed of an episode never played before. Takes effect at the next open. */
void hark_session_set_resume_options (HarkSession *self, gboolean rewind, double default_speed);
/* The policy for the next open and, at once, for the episode open (SEGMENTS event). */
void hark_session_set_policy (HarkSession *self, const HarkSkipPolicy *policy);
/* FALSE: nothing is skipped automatically (hark-cli --no-skip); offers still come. */
void hark_session_set_skipping (HarkSession *self, gboolean skipping);
/* Ranges the caller adds (hark-cli --skip A-B); their ids are replaced by
 * HARK_SESSION_EXTRA_RANGE_ID + index. */
void hark_session_set_extra_ranges (HarkSession *self, const HarkSkipRange *ranges, guint n);

/* Commands. Each returns FALSE when it did nothing (nothing open, no such turn, a number that
 * is not one); a refused command changes nothing. */
gboolean hark_session_play (HarkSession *self);
gboolean hark_session_pause (HarkSession *self);
gboolean hark_session_toggle (HarkSession *self);
/* To @seconds, clamped to the episode; NaN and ±inf are refused. */
gboolean hark_session_seek (HarkSession *self, double seconds);
/* By @delta seconds from where playback is; NaN refused, huge clamped. */
gboolean hark_session_seek_by (HarkSession *self, double delta);
gboolean hark_session_seek_to_turn (HarkSession *self, int turn);
/* @direction > 0: the next turn, else the previous. */
gboolean hark_session_next_turn (HarkSession *self, int direction);
/* The next (previous) turn of @speaker (an index into the transcript's speakers). */
gboolean hark_session_next_answer (HarkSession *self, int speaker, int direction);
/* Skips the "ask" segment playing now (the offer); Unskip brings it back like any skip. */
gboolean hark_session_skip_offered (HarkSession *self);
/* Undoes the last skip while its offer lasts: its segment then plays, this pass. */
gboolean hark_session_unskip (HarkSession *self);
/* Clamped to HARK_SPEED_MIN..MAX; NaN and ±inf refused. */
gboolean hark_session_set_speed (HarkSession *self, double speed);
/* Clamped to HARK_VOLUME_MIN..MAX; NaN and ±inf refused. */
gboolean hark_session_set_volume (HarkSession *self, double volume);
/* Arms the sleep timer (see hark-sleep-timer.h): the volume fades over its last seconds, then
 * playback pauses and the volume comes back. Minutes count time spent playing. */
gboolean hark_session_set_sleep (HarkSession *self, HarkSleepMode mode, double minutes);
HarkSleepMode hark_session_get_sleep_mode (HarkSession *self);
/* Seconds until it pauses (of listening, or of media for chapter and episode ends); < 0 off. */
double hark_session_get_sleep_remaining (HarkSession *self);

/* Times from the audio itself: what a sync job would do for the episode open now. */
HarkSessionSyncKind hark_session_get_sync_kind (HarkSession *self);
/* Starts @kind for the episode open, on a worker thread: speech recognition (cached per
 * episode), then aligning, re-syncing or generating. SYNC_PROGRESS events follow; the result
 * replaces the transcript (TRANSCRIPT) and is saved as the sidecar beside the audio
 * (AUDIO.hark.json), keeping the chapters and skips the old one had; then SYNC_ENDED. FALSE
 * when a job is under way or @kind is not what hark_session_get_sync_kind() says (nothing
 * changes), and when recognition is not available (@error then says what to install). Opening
 * or closing an episode cancels the job. */
gboolean hark_session_sync_start (HarkSession *self, HarkSessionSyncKind kind, GError **error);
/* Stops the job: SYNC_ENDED (cancelled) comes at once and nothing changes; the worker stops
 * within a fraction of a second. FALSE when there was none. */
gboolean hark_session_sync_cancel (HarkSession *self);

/* Reads the transcript at @path for the episode open (with the ones beside it), on a worker
 * thread, and puts it in place without touching playback: position, speed and play state stay.
 * TRANSCRIPT follows, or ERROR (SIDECAR) when it could not be read (nothing changes then).
 * FALSE when there is no audio open yet, it is still loading, or a sync job is under way. */
gboolean hark_session_add_transcript (HarkSession *self, const char *path);

/* Media seconds being heard now (lock-free; views call it on their frame tick). */
double hark_session_get_position (HarkSession *self);
/* Present after LOADED, NULL before or without one. */
HarkEpisode *hark_session_get_episode (HarkSession *self);
HarkTranscript *hark_session_get_transcript (HarkSession *self);
/* The reading order shown, NULL when the transcript is empty. */
HarkReading *hark_session_get_reading (HarkSession *self);
const HarkSegmentList *hark_session_get_segments (HarkSession *self);
const HarkSkipPolicy *hark_session_get_policy (HarkSession *self);
gboolean hark_session_was_skipped (HarkSession *self, int segment);
HarkLibrary *hark_session_get_library (HarkSession *self);
/* The episode's key in the library, or NULL. */
const char *hark_session_get_library_key (HarkSession *self);
/* For tests and benchmarks that need the engine's own figures. */
HarkPlayer *hark_session_get_player (HarkSession *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSession, hark_session_free)

G_END_DECLS
