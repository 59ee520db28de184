/* hark-speech.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "speech/hark-speech.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "util/hark-error.h"
#include "util/hark-i18n.h"

/* A cache file larger than this is not one Hark wrote (an hour of speech is about 1 MB). */
#define MAX_CACHE_BYTES (64 * 1024 * 1024)
#define MAX_DURATION (7 * 24 * 3600.0)

struct _HarkSpeech
{
  gatomicrefcount ref;
  double duration;
  GArray *words;  /* HarkSpeechWord, text owned by strings */
  GArray *pauses; /* HarkSpeechPause */
  GStringChunk *strings;
  gboolean words_sorted;
  gboolean pauses_sorted;
};

HarkSpeech *
hark_speech_new (double duration)
{
  HarkSpeech *self = g_new0 (HarkSpeech, 1);

  g_atomic_ref_count_init (&self->ref);
  self->duration = isfinite (duration) && duration > 0 ? duration : 0;
  self->words = g_array_new (FALSE, FALSE, sizeof (HarkSpeechWord));
  self->pauses = g_array_new (FALSE, FALSE, sizeof (HarkSpeechPause));
  self->strings = g_string_chunk_new (4096);
  self->words_sorted = self->pauses_sorted = TRUE;
  return self;
}

HarkSpeech *
hark_speech_ref (HarkSpeech *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
hark_speech_unref (HarkSpeech *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_array_unref (self->words);
  g_array_unref (self->pauses);
  g_string_chunk_free (self->strings);
  g_free (self);
}

void
hark_speech_add_word (HarkSpeech *self, double start, double end, float confidence,
                      const char *text)
{
  HarkSpeechWord word = { start, MAX (start, end), CLAMP (confidence, 0.0f, 1.0f),
                          g_string_chunk_insert_const (self->strings, text) };

  g_return_if_fail (isfinite (start) && isfinite (end));
  if (isnan (confidence))
    word.confidence = 0;
  if (self->words->len > 0
      && g_array_index (self->words, HarkSpeechWord, self->words->len - 1).start > start)
    self->words_sorted = FALSE;
  g_array_append_val (self->words, word);
}

void
hark_speech_add_pause (HarkSpeech *self, double start, double end)
{
  HarkSpeechPause pause = { start, MAX (start, end) };

  g_return_if_fail (isfinite (start) && isfinite (end));
  if (self->pauses->len > 0
      && g_array_index (self->pauses, HarkSpeechPause, self->pauses->len - 1).start > start)
    self->pauses_sorted = FALSE;
  g_array_append_val (self->pauses, pause);
}

static int
compare_start (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b; /* start is the first member */

  return (x > y) - (x < y);
}

const HarkSpeechWord *
hark_speech_get_words (HarkSpeech *self, guint *n_words)
{
  if (!self->words_sorted)
    {
      g_array_sort (self->words, compare_start);
      self->words_sorted = TRUE;
    }
  if (n_words)
    *n_words = self->words->len;
  return (const HarkSpeechWord *) (gconstpointer) self->words->data;
}

const HarkSpeechPause *
hark_speech_get_pauses (HarkSpeech *self, guint *n_pauses)
{
  if (!self->pauses_sorted)
    {
      g_array_sort (self->pauses, compare_start);
      self->pauses_sorted = TRUE;
    }
  if (n_pauses)
    *n_pauses = self->pauses->len;
  return (const HarkSpeechPause *) (gconstpointer) self->pauses->data;
}

double
hark_speech_get_duration (const HarkSpeech *self)
{
  return self->duration;
}

gboolean
hark_speech_save (HarkSpeech *self, const char *path, const char *settings, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  guint n_words, n_pauses;
  const HarkSpeechWord *words = hark_speech_get_words (self, &n_words);
  const HarkSpeechPause *pauses = hark_speech_get_pauses (self, &n_pauses);
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr (GError) local = NULL;

  g_string_append_printf (out, "hark-speech 1\nsettings %s\nduration %s\n", settings,
                          g_ascii_formatd (a, sizeof a, "%.3f", self->duration));
  for (guint i = 0; i < n_pauses; i++)
    g_string_append_printf (out, "p %s %s\n",
                            g_ascii_formatd (a, sizeof a, "%.3f", pauses[i].start),
                            g_ascii_formatd (b, sizeof b, "%.3f", pauses[i].end));
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (out, "w %s %s %s %s\n",
                            g_ascii_formatd (a, sizeof a, "%.3f", words[i].start),
                            g_ascii_formatd (b, sizeof b, "%.3f", words[i].end),
                            g_ascii_formatd (c, sizeof c, "%.4f", words[i].confidence),
                            words[i].text);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Could not create the folder %s (%s)."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &local))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Could not write %s (%s)."), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_time (const char *field, double max, double *out)
{
  char *end = NULL;
  double value;

  if (field == NULL)
    return FALSE;
  value = g_ascii_strtod (field, &end);
  if (end == field || *end != '\0' || !isfinite (value) || value < 0 || value > max)
    return FALSE;
  *out = value;
  return TRUE;
}

HarkSpeech *
hark_speech_load (const char *path, const char *settings, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, HARK_ERROR,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? HARK_ERROR_NOT_FOUND
                                                                             : HARK_ERROR_IO,
                   _("Could not read %s (%s)."), path, local->message);
      return NULL;
    }
  return hark_speech_parse (contents, length, path, settings, error);
}

HarkSpeech *
hark_speech_parse (const char *data, gsize length, const char *name, const char *settings,
                   GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (HarkSpeech) speech = NULL;
  char *line, *next;
  guint line_no = 0;
  double duration = -1;
  gboolean settings_ok = FALSE;
  const char *path = name;

  if (length > MAX_CACHE_BYTES || memchr (data, '\0', length) != NULL
      || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("%s is not a speech cache file Hark wrote."), path);
      return NULL;
    }
  contents = g_strndup (data, length);

  for (line = contents; line && *line; line = next)
    {
      g_auto (GStrv) fields = NULL;
      guint n;
      double start, end, confidence;

      next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      line_no++;
      fields = g_strsplit (line, " ", 6);
      n = g_strv_length (fields);

      if (line_no == 1)
        {
          if (g_strcmp0 (line, "hark-speech 1") != 0)
            break;
          continue;
        }
      if (n == 2 && strcmp (fields[0], "settings") == 0)
        {
          settings_ok = g_strcmp0 (fields[1], settings) == 0;
          if (!settings_ok)
            {
              g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                           _("%s was made with other recognizer settings."), path);
              return NULL;
            }
          continue;
        }
      if (n == 2 && strcmp (fields[0], "duration") == 0 && settings_ok && speech == NULL
          && parse_time (fields[1], MAX_DURATION, &duration))
        {
          speech = hark_speech_new (duration);
          continue;
        }
      if (speech != NULL && n == 3 && strcmp (fields[0], "p") == 0
          && parse_time (fields[1], MAX_DURATION, &start)
          && parse_time (fields[2], MAX_DURATION, &end) && end >= start)
        {
          hark_speech_add_pause (speech, start, end);
          continue;
        }
      if (speech != NULL && n == 5 && strcmp (fields[0], "w") == 0
          && parse_time (fields[1], MAX_DURATION, &start)
          && parse_time (fields[2], MAX_DURATION, &end) && end >= start
          && parse_time (fields[3], 1.0, &confidence) && *fields[4] != '\0')
        {
          hark_speech_add_word (speech, start, end, (float) confidence, fields[4]);
          continue;
        }
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("%s:%u: expected a word (w START END CONFIDENCE TEXT) or a pause "
                     "(p START END)."),
                   path, line_no);
      return NULL;
    }
  if (speech == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("%s is not a speech cache file Hark wrote."), path);
      return NULL;
    }
  return g_steal_pointer (&speech);
}

char *
hark_speech_get_cache_path (const char *content_key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content_key, -1);
  g_autofree char *name = g_strconcat (hash, ".txt", NULL);

  return g_build_filename (g_get_user_cache_dir (), "hark", "speech", name, NULL);
}
