/* hark-session-load.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "session/hark-session-load.h"

#include "audio/hark-cover-art.h"
#include "audio/hark-decoder.h"
#include "audio/hark-media-info.h"
#include "output/hark-output.h"
#include "util/hark-main-context.h"

typedef struct
{
  HarkSessionLoad load;
  char **sidecars;
  HarkSkipPolicy policy;
  GMainContext *context;
  GCancellable *cancellable;
  HarkSessionLoadFunc func;
  HarkSessionLoadProgressFunc progress;
  gpointer user_data;
} Job;

static gint n_running;

typedef struct
{
  Job *job;
  gboolean audio_step;
  double fraction; /* >= 0: a progress report, not a step */
} Step;

static void
job_unref (Job *job)
{
  g_clear_pointer (&job->load.decoder, hark_decoder_free);
  g_clear_error (&job->load.audio_error);
  g_clear_error (&job->load.sidecar_error);
  g_clear_pointer (&job->load.episode, hark_episode_unref);
  g_clear_pointer (&job->load.segments, hark_segment_list_free);
  g_clear_pointer (&job->load.reading, hark_reading_unref);
  g_free (job->load.audio_path);
  g_clear_pointer (&job->load.source, hark_media_source_unref);
  g_free (job->load.title);
  g_free (job->load.artist);
  g_free (job->load.art_url);
  g_clear_pointer (&job->load.show, hark_show_context_free);
  g_strfreev (job->sidecars);
  g_main_context_unref (job->context);
  g_clear_object (&job->cancellable);
}

static gboolean
run_step (gpointer data)
{
  Step *step = data;

  /* Cancelling happens on this same context, so a cancelled open never calls back. */
  if (step->job->cancellable != NULL && g_cancellable_is_cancelled (step->job->cancellable))
    return G_SOURCE_REMOVE;
  if (step->fraction >= 0)
    step->job->progress (step->fraction, step->job->user_data);
  else
    step->job->func (&step->job->load, step->audio_step, step->job->user_data);
  return G_SOURCE_REMOVE;
}

static void
step_free (Step *step)
{
  g_atomic_rc_box_release_full (step->job, (GDestroyNotify) job_unref);
  g_free (step);
}

static void
post_step (Job *job, gboolean audio_step)
{
  Step *step = g_new0 (Step, 1);

  step->job = g_atomic_rc_box_acquire (job);
  step->audio_step = audio_step;
  step->fraction = -1;
  hark_main_context_post (job->context, run_step, step, (GDestroyNotify) step_free);
}

/* On the worker, while the seek index is built (at most every 50 ms). */
static void
post_progress (double fraction, gpointer data)
{
  Job *job = data;
  Step *step = g_new0 (Step, 1);

  step->job = g_atomic_rc_box_acquire (job);
  step->fraction = fraction;
  hark_main_context_post (job->context, run_step, step, (GDestroyNotify) step_free);
}

void
hark_session_load_segments (HarkEpisode *episode, const HarkShowContext *show,
                            const HarkSkipPolicy *policy,
                            HarkSegmentList **segments, HarkReading **reading)
{
  HarkTranscript *transcript = hark_episode_get_transcript (episode);
  const HarkSegmentEntry *entries;
  guint n_entries;

  *segments = hark_segment_list_collect_for_show (transcript, show, policy,
                                                  hark_episode_has_duration_mismatch (episode));
  entries = hark_segment_list_get (*segments, &n_entries);
  /* Views show the table of contents' chapters as headings in the list. */
  *reading = hark_reading_new_full (transcript, entries, n_entries, HARK_READING_CHAPTER_HEADINGS);
}

/* Whether the audio file is all there (always, without a source). */
static gboolean
source_complete (HarkMediaSource *source)
{
  HarkMediaSourceProgress progress;

  if (source == NULL)
    return TRUE;
  hark_media_source_get_progress (source, &progress);
  return progress.complete;
}

/* With the audio, so the shell never shows the file name where the episode has a title. Tags
 * are not needed to play: a failure only leaves them unset. */
static void
read_tags (HarkSessionLoad *load)
{
  g_autoptr (HarkMediaInfo) info = hark_media_info_probe (load->audio_path, NULL);
  const char *title, *artist;

  if (info == NULL)
    return;
  title = hark_media_info_get_tag (info, "title");
  artist = hark_media_info_get_tag (info, "artist");
  load->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
  load->artist = artist != NULL && *artist != '\0' ? g_strdup (artist) : NULL;
  hark_show_context_add_media_info (load->show, info);
}

static gpointer
load_thread (gpointer data)
{
  Job *job = data;
  HarkSessionLoad *load = &job->load;

  if (load->audio_path != NULL)
    {
      load->decoder = load->source != NULL
                          ? hark_decoder_open_source (load->source, job->cancellable,
                                                      HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS,
                                                      &load->audio_error)
                          : hark_decoder_open_full (load->audio_path, HARK_OUTPUT_RATE,
                                                    HARK_OUTPUT_CHANNELS,
                                                    job->progress != NULL ? post_progress : NULL,
                                                    job, job->cancellable, &load->audio_error);
      if (load->decoder != NULL)
        {
          load->duration = hark_decoder_get_duration (load->decoder);
          /* An episode still downloading has no file to read them from yet. */
          if (source_complete (load->source))
            read_tags (load);
        }
    }
  /* From here on the main thread owns the decoder, the audio error and the tags; this thread
   * only fills the fields of the second step. */
  post_step (job, TRUE);
  if (load->audio_path != NULL && load->audio_error != NULL)
    goto done;
  if (job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
    goto done;

  load->episode = hark_episode_load (load->audio_path, (const char *const *) job->sidecars,
                                     load->duration, &load->sidecar_error);
  if (load->episode != NULL)
    hark_session_load_segments (load->episode, load->show, &job->policy, &load->segments,
                                &load->reading);

  /* The cover is not needed to play: a failure only leaves it unset. */
  if (load->audio_path != NULL && load->episode != NULL && source_complete (load->source))
    load->art_url = hark_cover_art_extract (load->audio_path, NULL, NULL);
  post_step (job, FALSE);

done:
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_unref);
  g_atomic_int_dec_and_test (&n_running);
  return NULL;
}

guint
hark_session_load_get_n_running (void)
{
  return (guint) g_atomic_int_get (&n_running);
}

void
hark_session_load_start (const char *audio_path, HarkMediaSource *source,
                         const char *const *sidecars, const HarkShowContext *show,
                         const HarkSkipPolicy *policy, GMainContext *context,
                         GCancellable *cancellable, HarkSessionLoadFunc func,
                         HarkSessionLoadProgressFunc progress, gpointer user_data)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  job->load.audio_path = g_strdup (audio_path);
  job->load.source = source != NULL ? hark_media_source_ref (source) : NULL;
  job->load.duration = -1;
  job->load.show = hark_show_context_copy (show);
  job->sidecars = g_strdupv ((char **) sidecars);
  job->policy = *policy;
  job->context = g_main_context_ref (context);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->func = func;
  job->progress = progress;
  job->user_data = user_data;
  g_atomic_int_inc (&n_running);
  g_thread_unref (g_thread_new ("hark-session-load", load_thread, job));
}
