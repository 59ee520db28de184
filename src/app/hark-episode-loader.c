/* hark-episode-loader.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-episode-loader.h"

#include "audio/hark-cover-art.h"
#include "audio/hark-media-info.h"

typedef struct
{
  char *audio_path;
  char **sidecars;
  double media_duration;
  HarkSkipPolicy policy;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->audio_path);
  g_strfreev (data->sidecars);
  g_free (data);
}

void
hark_loaded_episode_free (HarkLoadedEpisode *loaded)
{
  if (loaded == NULL)
    return;
  g_clear_pointer (&loaded->reading, hark_reading_unref);
  g_clear_pointer (&loaded->segments, hark_segment_list_free);
  g_clear_pointer (&loaded->episode, hark_episode_unref);
  g_free (loaded->title);
  g_free (loaded->artist);
  g_free (loaded->art_url);
  g_free (loaded);
}

void
hark_loaded_episode_apply_policy (HarkLoadedEpisode *loaded, const HarkSkipPolicy *policy)
{
  HarkTranscript *transcript = hark_episode_get_transcript (loaded->episode);
  const HarkSegmentEntry *entries;
  guint n_entries;

  g_clear_pointer (&loaded->reading, hark_reading_unref);
  g_clear_pointer (&loaded->segments, hark_segment_list_free);
  loaded->segments = hark_segment_list_collect (transcript, policy,
                                                hark_episode_has_duration_mismatch (loaded->episode));
  entries = hark_segment_list_get (loaded->segments, &n_entries);
  loaded->reading = hark_reading_new (transcript, entries, n_entries);
}

static void
load_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (HarkLoadedEpisode) loaded = g_new0 (HarkLoadedEpisode, 1);
  GError *error = NULL;

  loaded->episode = hark_episode_load (data->audio_path, (const char *const *) data->sidecars,
                                       data->media_duration, &error);
  if (loaded->episode == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  hark_loaded_episode_apply_policy (loaded, &data->policy);

  /* Tags, cover and the library key read the file too: here, not on the main thread. Neither is
   * needed to play, so failures only leave them unset. */
  if (data->audio_path != NULL)
    {
      g_autoptr (HarkMediaInfo) info = hark_media_info_probe (data->audio_path, NULL);

      if (info != NULL)
        {
          const char *title = hark_media_info_get_tag (info, "title");
          const char *artist = hark_media_info_get_tag (info, "artist");

          loaded->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
          loaded->artist = artist != NULL && *artist != '\0' ? g_strdup (artist) : NULL;
        }
      loaded->art_url = hark_cover_art_extract (data->audio_path, NULL, NULL);
    }
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) hark_loaded_episode_free);
}

void
hark_episode_loader_load_async (const char *audio_path, const char *const *sidecars,
                                double media_duration, const HarkSkipPolicy *policy,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->audio_path = g_strdup (audio_path);
  data->sidecars = g_strdupv ((char **) sidecars);
  data->media_duration = media_duration;
  data->policy = *policy;
  g_task_set_source_tag (task, hark_episode_loader_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

HarkLoadedEpisode *
hark_episode_loader_load_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
