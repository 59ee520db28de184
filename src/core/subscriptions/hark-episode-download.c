/* hark-episode-download.c — audio, transcripts and chapters of a show's episode to disk
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "subscriptions/hark-episode-download.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "episode/hark-speaker-persons.h"
#include "util/hark-error.h"

void
hark_episode_download_free (HarkEpisodeDownload *download)
{
  if (download == NULL)
    return;
  g_free (download->audio_path);
  g_ptr_array_unref (download->sidecars);
  g_ptr_array_unref (download->warnings);
  g_free (download);
}

char *
hark_episode_download_default_root (void)
{
  return g_build_filename (g_get_user_data_dir (), "hark", "podcasts", NULL);
}

/* A file or folder name from a title: no separators or control characters, no leading dot,
 * at most 100 bytes cut at a character boundary. */
static char *
safe_name (const char *text, const char *fallback)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == ':' || c == '*' || c == '?'
          || c == '"' || c == '<' || c == '>' || c == '|')
        c = ' ';
      if (out->len + 6 > 100)
        break;
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  if (out->len == 0)
    g_string_assign (out, fallback);
  return g_string_free (out, FALSE);
}

/* The extension for @url or @type: the URL's own when it is a short word, else by type. */
static const char *
audio_extension (const char *url, const char *type, char buffer[8])
{
  static const struct
  {
    const char *type;
    const char *extension;
  } types[] = {
    { "audio/mpeg", "mp3" }, { "audio/mp3", "mp3" }, { "audio/mp4", "m4a" },
    { "audio/x-m4a", "m4a" }, { "audio/aac", "aac" }, { "audio/ogg", "ogg" },
    { "audio/opus", "opus" }, { "audio/flac", "flac" }, { "audio/wav", "wav" },
    { "audio/x-wav", "wav" }, { "video/mp4", "mp4" }, { "video/webm", "webm" },
  };
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *path = uri ? g_uri_get_path (uri) : NULL;
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot && !strchr (dot, '/'))
    {
      gsize n = strlen (dot + 1);
      gboolean word = n >= 2 && n <= 5;
      for (gsize i = 0; word && i < n; i++)
        word = g_ascii_isalnum (dot[1 + i]);
      if (word)
        {
          for (gsize i = 0; i <= n; i++)
            buffer[i] = g_ascii_tolower (dot[1 + i]);
          return buffer;
        }
    }
  for (guint i = 0; type && i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (type, types[i].type) == 0)
      return types[i].extension;
  return "mp3";
}

char *
hark_episode_download_path (const HarkShow *show, const HarkShowEpisode *episode, const char *root)
{
  g_autofree char *folder = safe_name (show->title, "Show");
  g_autofree char *title = safe_name (episode->title, episode->episode_id);
  g_autofree char *date = NULL;
  g_autofree char *file = NULL;
  char buffer[8];

  if (episode->published > 0)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (episode->published);
      date = g_date_time_format (dt, "%Y-%m-%d ");
    }
  file = g_strdup_printf ("%s%s.%s", date ? date : "", title,
                          audio_extension (episode->enclosure_url, episode->enclosure_type, buffer));
  return g_build_filename (root, folder, file, NULL);
}

/* Timed with speakers (Podcasting 2.0 JSON) 0, timed captions 1, HTML 2 (its <cite> and <time>
 * carry speakers and times), plain text 3, unknown 4. */
static int
transcript_quality (const HarkFeedTranscript *t)
{
  const char *type = t->type ? t->type : "";
  if (strstr (type, "json"))
    return 0;
  if (strstr (type, "vtt") || strstr (type, "subrip") || strstr (type, "srt"))
    return 1;
  if (g_str_has_prefix (type, "text/html"))
    return 2;
  if (g_str_has_prefix (type, "text/plain"))
    return 3;
  return 4;
}

static const char *
transcript_extension (const HarkFeedTranscript *t)
{
  const char *type = t->type ? t->type : "";
  if (strstr (type, "json"))
    return "json";
  if (strstr (type, "vtt"))
    return "vtt";
  if (strstr (type, "subrip") || strstr (type, "srt"))
    return "srt";
  if (g_str_has_prefix (type, "text/plain"))
    return "txt";
  if (g_str_has_prefix (type, "text/html"))
    return "html";
  return NULL; /* unknown types: nothing Hark reads as a sidecar */
}

static gboolean
same_language (const char *a, const char *b)
{
  gsize n;
  if (a == NULL || b == NULL)
    return FALSE;
  n = strcspn (a, "-_");
  return n == strcspn (b, "-_") && g_ascii_strncasecmp (a, b, n) == 0;
}

int
hark_episode_download_pick_transcript (GPtrArray *transcripts, const char *language)
{
  int best = -1, best_score = G_MAXINT;

  for (guint i = 0; i < transcripts->len; i++)
    {
      const HarkFeedTranscript *t = g_ptr_array_index (transcripts, i);
      int score;
      if (transcript_extension (t) == NULL)
        continue;
      /* Quality first; among equals, the show's language (or none given) before others. */
      score = transcript_quality (t) * 2
              + (t->language && language && !same_language (t->language, language) ? 1 : 0);
      if (score < best_score)
        {
          best = (int) i;
          best_score = score;
        }
    }
  return best;
}

static gboolean
is_language_tag (const char *tag)
{
  gsize n = tag ? strlen (tag) : 0;
  if (n < 2 || n > 12)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (tag[i]) && tag[i] != '-')
      return FALSE;
  return TRUE;
}

/* A sidecar to fetch: where from, where to. */
typedef struct
{
  char *url;
  char *path;
} Sidecar;

static void
sidecar_free (Sidecar *sidecar)
{
  g_free (sidecar->url);
  g_free (sidecar->path);
  g_free (sidecar);
}

static void
plan_sidecar (GPtrArray *plan, const char *url, char *path)
{
  Sidecar *sidecar = g_new0 (Sidecar, 1);
  sidecar->url = g_strdup (url);
  sidecar->path = path;
  g_ptr_array_add (plan, sidecar);
}

/* The sidecars (Sidecar *) to save beside @audio_path, best transcript first. */
static GPtrArray *
plan_sidecars (const HarkShow *show, const HarkShowEpisode *episode, const char *audio_path)
{
  static const char *const qualifiers[] = { "transcript", "captions", "subtitles", "subs" };
  const char *dot = strrchr (audio_path, '.');
  g_autofree char *stem = dot ? g_strndup (audio_path, dot - audio_path) : g_strdup (audio_path);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int best = hark_episode_download_pick_transcript (episode->transcripts, show->language);
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_free);

  for (guint i = 0; i < episode->transcripts->len; i++)
    {
      const HarkFeedTranscript *t = g_ptr_array_index (episode->transcripts, i);
      const char *extension = transcript_extension (t);
      g_autofree char *path = NULL;

      if (extension == NULL)
        continue;
      if ((int) i == best)
        path = g_strdup_printf ("%s.transcript.%s", stem, extension);
      else
        for (guint q = 0; q < G_N_ELEMENTS (qualifiers) && path == NULL; q++)
          {
            g_autofree char *candidate = is_language_tag (t->language)
                                             ? g_strdup_printf ("%s.%s.%s.%s", stem, t->language,
                                                                qualifiers[q], extension)
                                             : g_strdup_printf ("%s.%s.%s", stem, qualifiers[q],
                                                                extension);
            if (!g_hash_table_contains (used, candidate))
              path = g_steal_pointer (&candidate);
          }
      if (path == NULL || g_hash_table_contains (used, path))
        continue;
      g_hash_table_add (used, g_strdup (path));
      plan_sidecar (plan, t->url, g_steal_pointer (&path));
    }
  if (episode->chapters_url)
    plan_sidecar (plan, episode->chapters_url, g_strdup_printf ("%s.chapters.json", stem));
  return plan;
}

/* Who speaks, saved beside the audio so opening the episode can name its speakers. */
static void
write_persons (const HarkShowEpisode *episode, HarkEpisodeDownload *download)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (episode->persons == NULL || episode->persons->len == 0)
    return;
  path = hark_speaker_persons_path (download->audio_path);
  if (hark_speaker_persons_write (path, episode->persons, &error))
    g_ptr_array_add (download->sidecars, g_strdup (path));
  else
    g_ptr_array_add (download->warnings, g_strdup (error->message));
}

typedef struct
{
  HarkHttp *http;
  HarkLibrary *library;
  HarkShowEpisode *episode;
  HarkShow *show;
  char *path;
  char *part;
  GPtrArray *plan;  /* Sidecar *, fetched one after another once the audio is in */
  guint next;
  HarkEpisodeDownload *download;
} EpisodeJob;

static void
episode_job_free (EpisodeJob *job)
{
  hark_show_episode_free (job->episode);
  hark_show_free (job->show);
  g_free (job->path);
  g_free (job->part);
  if (job->plan)
    g_ptr_array_unref (job->plan);
  hark_episode_download_free (job->download);
  g_free (job);
}

/* Writes a fetched sidecar beside the audio and records it, for a download and a stream alike.
 * A sidecar that cannot be fetched (@error) or written is a warning, never a failure: the audio
 * plays all the same. */
static void
keep_sidecar (HarkEpisodeDownload *download, const Sidecar *sidecar, HarkHttpResponse *response,
              const GError *error)
{
  g_autoptr (GError) write_error = NULL;

  if (response != NULL)
    {
      gsize length;
      const char *bytes = g_bytes_get_data (response->body, &length);

      if (g_file_set_contents (sidecar->path, bytes, length, &write_error))
        g_ptr_array_add (download->sidecars, g_strdup (sidecar->path));
    }
  if (error == NULL)
    error = write_error;
  if (error != NULL)
    g_ptr_array_add (download->warnings, g_strdup (error->message));
}

static void fetch_next_sidecar (GTask *task);

static void
on_sidecar_fetched (GObject *source, GAsyncResult *async, gpointer data)
{
  GTask *task = data;
  EpisodeJob *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkHttpResponse) response = hark_http_get_finish (job->http, async, &error);

  keep_sidecar (job->download, g_ptr_array_index (job->plan, job->next - 1), response, error);
  fetch_next_sidecar (task);
}

static void
fetch_next_sidecar (GTask *task)
{
  EpisodeJob *job = g_task_get_task_data (task);
  Sidecar *sidecar;

  if (job->next >= job->plan->len || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      /* The audio is in: a cancel while sidecars load leaves a finished download. */
      g_task_return_pointer (task, g_steal_pointer (&job->download),
                             (GDestroyNotify) hark_episode_download_free);
      g_object_unref (task);
      return;
    }
  sidecar = g_ptr_array_index (job->plan, job->next++);
  hark_http_get_async (job->http, sidecar->url, NULL, NULL, g_task_get_cancellable (task),
                       on_sidecar_fetched, task);
}

static void
on_audio_downloaded (GObject *source, GAsyncResult *async, gpointer data)
{
  GTask *task = data;
  EpisodeJob *job = g_task_get_task_data (task);
  g_autoptr (HarkDownloadResult) result = NULL;
  GError *error = NULL;

  result = hark_http_download_finish (job->http, async, &error);
  if (result == NULL)
    {
      GStatBuf st;
      gboolean have_part = g_stat (job->part, &st) == 0;
      /* What is on disk stays for next time: the download resumes from there. */
      hark_library_set_download (job->library, job->episode->row,
                                 have_part ? HARK_DOWNLOAD_PARTIAL : HARK_DOWNLOAD_FAILED,
                                 have_part ? job->part : NULL, have_part ? st.st_size : 0, 0,
                                 NULL, NULL);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (!hark_library_set_download (job->library, job->episode->row, HARK_DOWNLOAD_DONE, job->path,
                                  result->bytes, result->bytes, result->etag, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  job->download = g_new0 (HarkEpisodeDownload, 1);
  job->download->audio_path = g_strdup (job->path);
  job->download->sidecars = g_ptr_array_new_with_free_func (g_free);
  job->download->warnings = g_ptr_array_new_with_free_func (g_free);
  job->download->resumed = result->resumed;
  job->plan = plan_sidecars (job->show, job->episode, job->path);
  write_persons (job->episode, job->download);
  fetch_next_sidecar (task);
}

void
hark_episode_download_async (HarkHttp *http, HarkLibrary *library, const char *what,
                             const char *root, HarkDownloadProgressFunc progress,
                             gpointer progress_data, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  EpisodeJob *job = g_new0 (EpisodeJob, 1);
  HarkShowEpisode *episode;
  g_autofree char *default_root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *number = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, hark_episode_download_async);
  g_task_set_task_data (task, job, (GDestroyNotify) episode_job_free);
  job->http = http;
  job->library = library;
  if ((episode = job->episode = hark_library_find_show_episode (library, what, &error)) == NULL)
    goto fail;
  if (episode->enclosure_url == NULL)
    {
      g_set_error (&error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("Episode “%s” has no audio in its feed to download"), episode->title);
      goto fail;
    }
  number = g_strdup_printf ("%" G_GINT64_FORMAT, episode->show_id);
  if ((job->show = hark_library_find_show (library, number, &error)) == NULL)
    goto fail;
  if (root == NULL)
    root = default_root = hark_episode_download_default_root ();
  /* Resume where an interrupted download left its .part, even if the title changed since. */
  if (episode->download_state == HARK_DOWNLOAD_PARTIAL && episode->download_path
      && g_str_has_suffix (episode->download_path, ".part"))
    job->path = g_strndup (episode->download_path, strlen (episode->download_path) - 5);
  else
    job->path = hark_episode_download_path (job->show, episode, root);
  dir = g_path_get_dirname (job->path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (&error, HARK_ERROR, HARK_ERROR_IO, _("Could not create the folder %s: %s"), dir,
                   g_strerror (saved));
      goto fail;
    }
  job->part = g_strconcat (job->path, ".part", NULL);
  if (!hark_library_set_download (library, episode->row, HARK_DOWNLOAD_PARTIAL, job->part,
                                  episode->download_bytes, episode->download_total,
                                  episode->download_etag, &error))
    goto fail;
  hark_http_download_async (http, episode->enclosure_url, job->path,
                            episode->download_state == HARK_DOWNLOAD_PARTIAL
                                ? episode->download_etag : NULL,
                            progress, progress_data, cancellable, on_audio_downloaded, task);
  return;

fail:
  g_task_return_error (task, error);
  g_object_unref (task);
}

HarkEpisodeDownload *
hark_episode_download_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_run_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

HarkEpisodeDownload *
hark_episode_download_run (HarkHttp *http, HarkLibrary *library, const char *what,
                           const char *root, HarkDownloadProgressFunc progress,
                           gpointer progress_data, GError **error)
{
  GAsyncResult *result = NULL;
  HarkEpisodeDownload *download;

  hark_episode_download_async (http, library, what, root, progress, progress_data, NULL,
                               on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  download = hark_episode_download_finish (result, error);
  g_object_unref (result);
  return download;
}

/* What downloading @what needs: the episode, its show and the audio's path (folder made; with
 * @record, the library told a download is under way and an interrupted one continued). */
static gboolean
prepare (HarkLibrary *library, const char *what, const char *root, gboolean record,
         HarkShowEpisode **episode_out, HarkShow **show_out, char **path_out, GError **error)
{
  g_autoptr (HarkShowEpisode) episode = hark_library_find_show_episode (library, what, error);
  g_autoptr (HarkShow) show = NULL;
  g_autofree char *default_root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *part = NULL;
  g_autofree char *number = NULL;

  if (episode == NULL)
    return FALSE;
  if (episode->enclosure_url == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("Episode “%s” has no audio in its feed to download"), episode->title);
      return FALSE;
    }
  number = g_strdup_printf ("%" G_GINT64_FORMAT, episode->show_id);
  if ((show = hark_library_find_show (library, number, error)) == NULL)
    return FALSE;
  if (root == NULL)
    root = default_root = hark_episode_download_default_root ();
  /* Resume where an interrupted download left its .part, even if the title changed since. */
  if (record && episode->download_state == HARK_DOWNLOAD_PARTIAL && episode->download_path
      && g_str_has_suffix (episode->download_path, ".part"))
    path = g_strndup (episode->download_path, strlen (episode->download_path) - 5);
  else
    path = hark_episode_download_path (show, episode, root);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Could not create the folder %s: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  part = g_strconcat (path, ".part", NULL);
  if (record && !hark_library_set_download (library, episode->row, HARK_DOWNLOAD_PARTIAL, part,
                                  episode->download_bytes, episode->download_total,
                                  episode->download_etag, error))
    return FALSE;
  *episode_out = g_steal_pointer (&episode);
  *show_out = g_steal_pointer (&show);
  *path_out = g_steal_pointer (&path);
  return TRUE;
}

/* Records how a download of @episode to @path ended. */
static gboolean
record_result (HarkLibrary *library, const HarkShowEpisode *episode, const char *path,
               const HarkDownloadResult *result, GError **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  GStatBuf st;
  gboolean have_part;

  if (result != NULL)
    return hark_library_set_download (library, episode->row, HARK_DOWNLOAD_DONE, path,
                                      result->bytes, result->bytes, result->etag, error);
  have_part = g_stat (part, &st) == 0;
  return hark_library_set_download (library, episode->row,
                                    have_part ? HARK_DOWNLOAD_PARTIAL : HARK_DOWNLOAD_FAILED,
                                    have_part ? part : NULL, have_part ? st.st_size : 0, 0, NULL,
                                    error);
}

static HarkEpisodeDownload *
download_new (const char *path)
{
  HarkEpisodeDownload *download = g_new0 (HarkEpisodeDownload, 1);

  download->audio_path = g_strdup (path);
  download->sidecars = g_ptr_array_new_with_free_func (g_free);
  download->warnings = g_ptr_array_new_with_free_func (g_free);
  return download;
}

static gboolean
unlink_if_there (const char *path, GError **error)
{
  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  {
    int saved = errno;
    g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Could not delete %s: %s"), path,
                 g_strerror (saved));
  }
  return FALSE;
}

gboolean
hark_episode_download_delete (HarkLibrary *library, const char *what, GError **error)
{
  g_autoptr (HarkShowEpisode) episode = hark_library_find_show_episode (library, what, error);
  g_autoptr (HarkShow) show = NULL;
  g_autoptr (GPtrArray) plan = NULL;
  g_autofree char *number = NULL;
  g_autofree char *audio = NULL;
  g_autofree char *part = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *ranges = NULL;
  g_autofree char *persons = NULL;

  if (episode == NULL)
    return FALSE;
  if (episode->download_path == NULL)
    return hark_library_set_download (library, episode->row, HARK_DOWNLOAD_NONE, NULL, 0, 0,
                                      NULL, error);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, episode->show_id);
  if ((show = hark_library_find_show (library, number, error)) == NULL)
    return FALSE;
  audio = g_str_has_suffix (episode->download_path, ".part")
              ? g_strndup (episode->download_path, strlen (episode->download_path) - 5)
              : g_strdup (episode->download_path);
  part = g_strconcat (audio, ".part", NULL);
  etag = g_strconcat (part, ".etag", NULL);
  ranges = g_strconcat (part, ".ranges", NULL);
  persons = hark_speaker_persons_path (audio);
  /* The sidecars are where a download of the episode as the library has it puts them. */
  plan = plan_sidecars (show, episode, audio);
  if (!unlink_if_there (audio, error) || !unlink_if_there (part, error)
      || !unlink_if_there (etag, error) || !unlink_if_there (ranges, error)
      || !unlink_if_there (persons, error))
    return FALSE;
  for (guint i = 0; i < plan->len; i++)
    if (!unlink_if_there (((Sidecar *) g_ptr_array_index (plan, i))->path, error))
      return FALSE;
  return hark_library_set_download (library, episode->row, HARK_DOWNLOAD_NONE, NULL, 0, 0, NULL,
                                    error);
}

/* ---- playing while downloading ------------------------------------------------------- */

struct _HarkEpisodeStream
{
  HarkLibrary *library;
  HarkShowEpisode *episode;
  HarkEpisodeDownload *download; /* audio path, sidecars, warnings */
  HarkMediaSource *source;
  GCancellable *cancellable;
  gboolean keep;
  gboolean finished;
  gboolean *alive;               /* cleared when freed, for the callback */
  GError *error;
  HarkEpisodeStreamDoneFunc done;
  gpointer done_data;
  HarkDownloadProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  HarkDownloadProgress last_progress;
};

/* What the download's callbacks hold: it outlives the stream when the stream is freed first. */
typedef struct
{
  HarkEpisodeStream *stream;
  gboolean alive;
} StreamRef;

static void
on_stream_progress (const HarkDownloadProgress *progress, gpointer data)
{
  StreamRef *ref = data;

  if (!ref->alive)
    return;
  ref->stream->last_progress = *progress;
  if (ref->stream->progress != NULL)
    ref->stream->progress (progress, ref->stream->progress_data);
}

static void
on_stream_downloaded (GObject *object, GAsyncResult *async, gpointer data)
{
  StreamRef *ref = data;
  HarkEpisodeStream *stream = ref->stream;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDownloadResult) result = hark_http_download_to_source_finish (NULL, async,
                                                                               &error);

  if (!ref->alive)
    {
      g_free (ref);
      return;
    }
  stream->alive = NULL;
  g_free (ref);
  stream->finished = TRUE;
  if (stream->keep)
    record_result (stream->library, stream->episode, stream->download->audio_path, result,
                   result != NULL ? &error : NULL);
  if (result == NULL || error != NULL)
    stream->error = g_steal_pointer (&error);
  else
    stream->download->resumed = result->resumed;
  if (stream->done)
    stream->done (stream, stream->error, stream->done_data);
}

char *
hark_episode_stream_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "hark", "streams", NULL);
}

/* Starting a stream: the sidecars one after another, then the audio. */
typedef struct
{
  HarkHttp *http;
  HarkEpisodeStream *stream; /* until it is handed over */
  HarkShow *show;
  GPtrArray *plan;           /* Sidecar * */
  guint next;
} StreamStart;

static void
stream_start_free (StreamStart *start)
{
  g_clear_pointer (&start->stream, hark_episode_stream_free);
  hark_show_free (start->show);
  g_ptr_array_unref (start->plan);
  g_free (start);
}

static void
begin_audio (GTask *task)
{
  StreamStart *start = g_task_get_task_data (task);
  HarkEpisodeStream *stream = start->stream;
  const HarkShowEpisode *episode = stream->episode;
  StreamRef *ref;

  write_persons (episode, stream->download);
  stream->source = hark_media_source_new (episode->title != NULL && *episode->title != '\0'
                                              ? episode->title
                                              : episode->enclosure_url);
  ref = g_new0 (StreamRef, 1);
  ref->stream = stream;
  ref->alive = TRUE;
  stream->alive = &ref->alive;
  hark_http_download_to_source_async (start->http, episode->enclosure_url,
                                      stream->download->audio_path,
                                      stream->keep
                                              && episode->download_state == HARK_DOWNLOAD_PARTIAL
                                          ? episode->download_etag
                                          : NULL,
                                      stream->source, on_stream_progress, ref,
                                      stream->cancellable, on_stream_downloaded, ref);
  g_task_return_pointer (task, g_steal_pointer (&start->stream),
                         (GDestroyNotify) hark_episode_stream_free);
  g_object_unref (task);
}

static void fetch_next_stream_sidecar (GTask *task);

static void
on_stream_sidecar_fetched (GObject *object, GAsyncResult *async, gpointer data)
{
  GTask *task = data;
  StreamStart *start = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkHttpResponse) response = hark_http_get_finish (start->http, async, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  keep_sidecar (start->stream->download, g_ptr_array_index (start->plan, start->next - 1),
                response, error);
  fetch_next_stream_sidecar (task);
}

static void
fetch_next_stream_sidecar (GTask *task)
{
  StreamStart *start = g_task_get_task_data (task);
  Sidecar *sidecar;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (start->next >= start->plan->len)
    {
      begin_audio (task);
      return;
    }
  sidecar = g_ptr_array_index (start->plan, start->next++);
  hark_http_get_async (start->http, sidecar->url, NULL, NULL, g_task_get_cancellable (task),
                       on_stream_sidecar_fetched, task);
}

void
hark_episode_stream_start_async (HarkHttp *http, HarkLibrary *library, const char *what,
                                 const char *root, gboolean keep,
                                 HarkDownloadProgressFunc progress, gpointer progress_data,
                                 GDestroyNotify progress_destroy, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (HarkShowEpisode) episode = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cache = NULL;
  HarkEpisodeStream *stream;
  StreamStart *start;
  GError *error = NULL;

  g_task_set_source_tag (task, hark_episode_stream_start_async);
  start = g_new0 (StreamStart, 1);
  start->http = http;
  g_task_set_task_data (task, start, (GDestroyNotify) stream_start_free);
  start->plan = g_ptr_array_new ();
  if (!keep)
    root = cache = hark_episode_stream_cache_dir ();
  if (!prepare (library, what, root, keep, &episode, &start->show, &path, &error))
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  stream = start->stream = g_new0 (HarkEpisodeStream, 1);
  stream->library = library;
  stream->keep = keep;
  stream->download = download_new (path);
  stream->cancellable = g_cancellable_new ();
  stream->progress = progress;
  stream->progress_data = progress_data;
  stream->progress_destroy = progress_destroy;
  stream->episode = g_steal_pointer (&episode);
  /* Transcripts and chapters are small and come first, so the session finds them beside the
   * audio when it opens; the audio then plays as it arrives. */
  g_ptr_array_unref (start->plan);
  start->plan = plan_sidecars (start->show, stream->episode, path);
  fetch_next_stream_sidecar (task);
}

HarkEpisodeStream *
hark_episode_stream_start_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

HarkEpisodeStream *
hark_episode_stream_start (HarkHttp *http, HarkLibrary *library, const char *what,
                           const char *root, gboolean keep, HarkDownloadProgressFunc progress,
                           gpointer progress_data, GError **error)
{
  GAsyncResult *result = NULL;
  HarkEpisodeStream *stream;

  hark_episode_stream_start_async (http, library, what, root, keep, progress, progress_data,
                                   NULL, NULL, on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  stream = hark_episode_stream_start_finish (result, error);
  g_object_unref (result);
  return stream;
}

gint64
hark_episode_stream_get_row (HarkEpisodeStream *stream)
{
  return stream->episode->row;
}

void
hark_episode_stream_get_progress (HarkEpisodeStream *stream, HarkDownloadProgress *progress)
{
  *progress = stream->last_progress;
}

void
hark_episode_stream_set_done_func (HarkEpisodeStream *stream, HarkEpisodeStreamDoneFunc func,
                                   gpointer user_data)
{
  stream->done = func;
  stream->done_data = user_data;
}

HarkMediaSource *
hark_episode_stream_get_source (HarkEpisodeStream *stream)
{
  return stream->source;
}

const HarkEpisodeDownload *
hark_episode_stream_get_download (HarkEpisodeStream *stream)
{
  return stream->download;
}

const HarkShowEpisode *
hark_episode_stream_get_episode (HarkEpisodeStream *stream)
{
  return stream->episode;
}

gboolean
hark_episode_stream_is_finished (HarkEpisodeStream *stream, const GError **error)
{
  if (error != NULL)
    *error = stream->error;
  return stream->finished;
}

void
hark_episode_stream_free (HarkEpisodeStream *stream)
{
  if (stream == NULL)
    return;
  if (!stream->finished)
    {
      GStatBuf st;
      g_autofree char *part = g_strconcat (stream->download->audio_path, ".part", NULL);
      gboolean have_part = g_stat (part, &st) == 0;

      /* The callback comes later and finds the stream gone; the .part stays to resume. */
      if (stream->alive != NULL)
        *stream->alive = FALSE;
      g_cancellable_cancel (stream->cancellable);
      /* Stopped before the audio began: the episode is as it was, not a failed download. */
      if (stream->keep)
        hark_library_set_download (stream->library, stream->episode->row,
                                   have_part ? HARK_DOWNLOAD_PARTIAL : HARK_DOWNLOAD_NONE,
                                   have_part ? part : NULL, have_part ? st.st_size : 0, 0, NULL,
                                   NULL);
    }
  if (stream->progress_destroy != NULL)
    stream->progress_destroy (stream->progress_data);
  if (!stream->keep)
    {
      g_autofree char *part = g_strconcat (stream->download->audio_path, ".part", NULL);
      g_autofree char *etag = g_strconcat (part, ".etag", NULL);
      g_autofree char *ranges = g_strconcat (part, ".ranges", NULL);

      /* A stream not kept leaves nothing behind. */
      g_unlink (stream->download->audio_path);
      g_unlink (part);
      g_unlink (etag);
      g_unlink (ranges);
      for (guint i = 0; i < stream->download->sidecars->len; i++)
        g_unlink (g_ptr_array_index (stream->download->sidecars, i));
    }
  g_clear_object (&stream->cancellable);
  g_clear_pointer (&stream->source, hark_media_source_unref);
  hark_episode_download_free (stream->download);
  hark_show_episode_free (stream->episode);
  g_clear_error (&stream->error);
  g_free (stream);
}
