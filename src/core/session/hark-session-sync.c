/* hark-session-sync.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "session/hark-session-sync.h"

#include <math.h>

#include "formats/hark-sidecar.h"
#include "formats/hark-writer.h"
#include "speech/hark-recognizer.h"
#include "sync/hark-generate.h"
#include "sync/hark-resync.h"
#include "sync/hark-sync-text.h"
#include "util/hark-error.h"
#include "util/hark-i18n.h"
#include "util/hark-main-context.h"

/* Recognition is nearly all of the work; aligning takes the rest of the bar. */
#define RECOGNIZED_SHARE 0.95
#define PROGRESS_INTERVAL_US 100000
/* A sidecar whose media length differs from the audio's by more than this is for another cut. */
#define FITS_TOLERANCE 1.0

typedef struct
{
  char *audio_path;
  double duration;
  HarkSessionSyncKind kind;
  HarkEpisode *source;
  GMainContext *context;
  GCancellable *cancellable;
  HarkSessionSyncProgressFunc progress;
  HarkSessionSyncDoneFunc done;
  gpointer user_data;
  gint64 last_progress;
  HarkSessionSyncResult result;
} Job;

typedef struct
{
  Job *job;
  double fraction;
} Progress;

static void
job_clear (Job *job)
{
  g_free (job->audio_path);
  hark_episode_unref (job->source);
  g_main_context_unref (job->context);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->result.error);
  g_clear_pointer (&job->result.episode, hark_episode_unref);
  g_free (job->result.saved_path);
  g_clear_error (&job->result.save_error);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static gboolean
deliver_progress (gpointer data)
{
  Progress *p = data;

  if (!g_cancellable_is_cancelled (p->job->cancellable))
    p->job->progress (p->fraction, p->job->user_data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *p)
{
  job_unref (p->job);
  g_free (p);
}

static void
post_progress (Job *job, double fraction, gboolean always)
{
  gint64 now = g_get_monotonic_time ();
  Progress *p;

  if (job->progress == NULL || (!always && now - job->last_progress < PROGRESS_INTERVAL_US))
    return;
  job->last_progress = now;
  p = g_new (Progress, 1);
  p->job = g_atomic_rc_box_acquire (job);
  p->fraction = fraction;
  hark_main_context_post (job->context, deliver_progress, p, (GDestroyNotify) progress_free);
}

static void
on_recognized (double fraction, gpointer user_data)
{
  post_progress (user_data, fraction * RECOGNIZED_SHARE, FALSE);
}

/* Was @path one of the files the episode was read from? */
static gboolean
was_read (HarkEpisode *episode, const char *path)
{
  const GPtrArray *sources = hark_episode_get_sources (episode);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < sources->len; i++)
    {
      const HarkSidecarUse *use = g_ptr_array_index (sources, i);
      g_autoptr (GFile) other = g_file_new_for_path (use->path);

      if (g_file_equal (file, other))
        return TRUE;
    }
  return FALSE;
}

/* What to write over @path: @fresh, plus the chapters and skips of a sidecar already there that
 * the episode was not read from (the listener named other files). One made for another cut is
 * not replaced: its edits have no place in this audio. */
static HarkTranscript *
keep_sidecar_on_disk (Job *job, HarkTranscript *fresh, const char *path, GError **error)
{
  g_autoptr (HarkTranscript) previous = NULL;
  g_autoptr (GError) local = NULL;
  double made_for;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || was_read (job->source, path))
    return hark_transcript_ref (fresh);
  previous = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &local);
  if (previous == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("%s was not replaced: it could not be read (%s)."), path, local->message);
      return NULL;
    }
  made_for = hark_transcript_get_media_duration (previous);
  if (made_for >= 0 && fabs (made_for - job->duration) > FITS_TOLERANCE)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                   _("%s was not replaced: it was made for another cut of the episode and was "
                     "not used. Open it with the audio to re-synchronize it."),
                   path);
      return NULL;
    }
  return hark_episode_keep_edits (fresh, previous);
}

static HarkTranscript *
make_transcript (Job *job, HarkSpeech *speech, const char **reason)
{
  HarkTranscript *source = hark_episode_get_transcript (job->source);
  g_autoptr (HarkTranscript) fresh = NULL;

  switch (job->kind)
    {
    case HARK_SESSION_SYNC_ALIGN:
      *reason = N_("timed from the audio");
      fresh = hark_sync_transcript (speech, source, NULL);
      break;
    case HARK_SESSION_SYNC_RESYNC:
      /* Its chapters and skips move with the speech. */
      *reason = N_("re-synchronized with the audio");
      return hark_resync (speech, source, NULL);
    case HARK_SESSION_SYNC_GENERATE:
      *reason = N_("generated from the audio");
      fresh = hark_generate_transcript (speech);
      break;
    case HARK_SESSION_SYNC_NONE:
    default:
      g_assert_not_reached ();
    }
  /* The new speech keeps the chapters and skips read with the old transcript. */
  return hark_episode_keep_edits (fresh, source);
}

static void
save (Job *job, HarkTranscript *transcript, const char *path)
{
  g_autofree char *base = g_path_get_basename (job->audio_path);
  g_autofree char *json = NULL;
  g_autoptr (HarkTranscript) to_save = NULL;

  to_save = keep_sidecar_on_disk (job, transcript, path, &job->result.save_error);
  if (to_save == NULL)
    return;
  json = hark_writer_hark_json (to_save, base, job->duration);
  if (hark_writer_save (json, path, &job->result.save_error))
    job->result.saved_path = g_strdup (path);
}

static gboolean
deliver_done (gpointer data)
{
  Job *job = data;

  if (!g_cancellable_is_cancelled (job->cancellable))
    job->done (&job->result, job->user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
sync_thread (gpointer data)
{
  Job *job = data;
  g_autoptr (HarkSpeech) speech = NULL;
  g_autoptr (HarkTranscript) transcript = NULL;
  g_autofree char *path = hark_episode_sidecar_path_for (job->audio_path);
  const char *reason = NULL;

  speech = hark_recognize_file (job->audio_path, HARK_RECOGNIZE_DEFAULT, on_recognized, job,
                                job->cancellable, &job->result.error);
  if (speech != NULL && !g_cancellable_set_error_if_cancelled (job->cancellable,
                                                                &job->result.error))
    {
      transcript = make_transcript (job, speech, &reason);
      post_progress (job, RECOGNIZED_SHARE + (1 - RECOGNIZED_SHARE) / 2, TRUE);
      /* The cancel check last: a result saved after a cancel would surprise. */
      if (!g_cancellable_set_error_if_cancelled (job->cancellable, &job->result.error))
        {
          save (job, transcript, path);
          job->result.episode = hark_episode_new_made (
              job->audio_path, g_steal_pointer (&transcript),
              job->result.saved_path ? job->result.saved_path : job->audio_path,
              hark_sidecar_format_to_string (HARK_SIDECAR_FORMAT_HARK),
              _(reason));
          post_progress (job, 1.0, TRUE);
        }
    }
  hark_main_context_post (job->context, deliver_done, job, (GDestroyNotify) job_unref);
  return NULL;
}

void
hark_session_sync_job_start (const char *audio_path, double duration, HarkSessionSyncKind kind,
                             HarkEpisode *source, GMainContext *context,
                             GCancellable *cancellable, HarkSessionSyncProgressFunc progress,
                             HarkSessionSyncDoneFunc done, gpointer user_data)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  g_return_if_fail (kind != HARK_SESSION_SYNC_NONE && cancellable != NULL);
  job->audio_path = g_strdup (audio_path);
  job->duration = duration;
  job->kind = kind;
  job->result.kind = kind;
  job->source = hark_episode_ref (source);
  job->context = g_main_context_ref (context);
  job->cancellable = g_object_ref (cancellable);
  job->progress = progress;
  job->done = done;
  job->user_data = user_data;
  g_thread_unref (g_thread_new ("hark-session-sync", sync_thread, job));
}
