/* hark-writer-hark-json.c — Hark's own sidecar, episode.hark.json (see docs/sidecar.md)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-writer-private.h"

#define HARK_SIDECAR_FORMAT 1

static void
append_time_pair (GString *out, const char *start_key, double start, const char *end_key,
                  double end)
{
  hark_json_append_key (out, start_key);
  hark_json_append_seconds (out, start);
  g_string_append (out, ", ");
  hark_json_append_key (out, end_key);
  hark_json_append_seconds (out, end);
}

/* Appends `, "key": "value"` when @value is set. */
static void
append_optional_string (GString *out, const char *key, const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, ", ");
  hark_json_append_key (out, key);
  hark_json_append_string (out, value);
}

static const char *
speaker_field (const HarkTranscript *t, int speaker, gboolean id)
{
  const HarkSpeaker *s;

  if (speaker < 0 || (guint) speaker >= hark_transcript_get_n_speakers (t))
    return NULL;
  s = hark_transcript_get_speaker (t, speaker);
  return id ? s->id : s->name;
}

/* Items start with the speaker when there is one, as the Podcasting 2.0 examples do. */
static void
append_speaker_first (GString *out, const char *speaker)
{
  if (speaker == NULL)
    return;
  hark_json_append_key (out, "speaker");
  hark_json_append_string (out, speaker);
  g_string_append (out, ", ");
}

static void
append_words (GString *out, const HarkWord *words, guint n)
{
  g_string_append (out, ", \"words\": [");
  for (guint w = 0; w < n; w++)
    {
      g_string_append (out, w > 0 ? ", {" : "{");
      append_time_pair (out, "startTime", words[w].start, "endTime", words[w].end);
      append_optional_string (out, "body", words[w].text);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* One Podcasting 2.0 segment per cue, so other apps read the cues with their speakers. */
static void
append_segments (GString *out, const HarkTranscript *t)
{
  guint n_cues;
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);
  const HarkWord *words = hark_transcript_get_words (t, NULL);

  g_string_append (out, "  \"segments\": [");
  for (guint i = 0; i < n_cues; i++)
    {
      hark_json_begin_item (out, i, "    ");
      append_speaker_first (out, speaker_field (t, cues[i].speaker, FALSE));
      append_time_pair (out, "startTime", cues[i].start, "endTime", cues[i].end);
      append_optional_string (out, "body", cues[i].text);
      if (cues[i].n_words > 0)
        append_words (out, words + cues[i].first_word, cues[i].n_words);
      g_string_append_c (out, '}');
    }
  hark_json_end_array (out, n_cues, "    ");
  g_string_append (out, ",\n");
}

static void
append_speakers (GString *out, const HarkTranscript *t)
{
  guint n = hark_transcript_get_n_speakers (t);

  g_string_append (out, "    \"speakers\": [");
  for (guint i = 0; i < n; i++)
    {
      const HarkSpeaker *s = hark_transcript_get_speaker (t, i);

      hark_json_begin_item (out, i, "      ");
      hark_json_append_key (out, "id");
      hark_json_append_string (out, s->id);
      append_optional_string (out, "name", s->name);
      g_string_append_c (out, '}');
    }
  hark_json_end_array (out, n, "      ");
  g_string_append (out, ",\n");
}

static void
append_turns (GString *out, const HarkTranscript *t)
{
  guint n;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n);

  g_string_append (out, "    \"turns\": [");
  for (guint i = 0; i < n; i++)
    {
      hark_json_begin_item (out, i, "      ");
      append_speaker_first (out, speaker_field (t, turns[i].speaker, TRUE));
      append_time_pair (out, "start", turns[i].start, "end", turns[i].end);
      append_optional_string (out, "text", turns[i].text);
      g_string_append (out, ", ");
      hark_json_append_key (out, "evidence");
      hark_json_append_seconds (out, turns[i].evidence);
      g_string_append_c (out, '}');
    }
  hark_json_end_array (out, n, "      ");
  g_string_append (out, ",\n");
}

void
hark_json_append_chapters (GString *out, const HarkTranscript *transcript, const char *indent)
{
  guint n;
  const HarkChapter *chapters = hark_transcript_get_chapters (transcript, &n);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      hark_json_begin_item (out, i, indent);
      append_time_pair (out, "start", chapters[i].start, "end", chapters[i].end);
      append_optional_string (out, "title", chapters[i].title);
      append_optional_string (out, "url", chapters[i].url);
      g_string_append_printf (out, ", \"toc\": %s}", chapters[i].toc ? "true" : "false");
    }
  hark_json_end_array (out, n, indent);
}

void
hark_json_append_skips (GString *out, const HarkTranscript *transcript, const char *indent)
{
  guint n;
  const HarkSegment *segments = hark_transcript_get_segments (transcript, &n);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      hark_json_begin_item (out, i, indent);
      append_time_pair (out, "start", segments[i].start, "end", segments[i].end);
      append_optional_string (out, "category", hark_category_to_string (segments[i].category));
      append_optional_string (out, "source", segments[i].source);
      append_optional_string (out, "evidence", segments[i].evidence);
      g_string_append_c (out, '}');
    }
  hark_json_end_array (out, n, indent);
}

static void
append_media (GString *out, const char *media_file, double media_duration)
{
  const char *sep = "";

  if (media_duration < 0 && media_file == NULL)
    return;
  g_string_append (out, "    \"media\": {");
  if (media_duration >= 0)
    {
      hark_json_append_key (out, "duration");
      hark_json_append_seconds (out, media_duration);
      sep = ", ";
    }
  if (media_file)
    {
      g_string_append (out, sep);
      hark_json_append_key (out, "file");
      hark_json_append_string (out, media_file);
    }
  g_string_append (out, "},\n");
}

char *
hark_writer_hark_json (const HarkTranscript *transcript, const char *media_file,
                       double media_duration)
{
  GString *out = g_string_sized_new (64 * 1024);
  const char *note = hark_transcript_get_source_note (transcript);

  if (media_duration < 0)
    media_duration = hark_transcript_get_media_duration (transcript);

  g_string_append (out, "{\n  \"version\": \"1.0.0\",\n");
  append_segments (out, transcript);
  g_string_append_printf (out, "  \"hark\": {\n    \"format\": %d,\n", HARK_SIDECAR_FORMAT);
  if (note)
    {
      g_string_append (out, "    ");
      hark_json_append_key (out, "source");
      hark_json_append_string (out, note);
      g_string_append (out, ",\n");
    }
  if (hark_transcript_is_generated (transcript))
    g_string_append (out, "    \"generated\": true,\n");
  append_media (out, media_file, media_duration);
  append_speakers (out, transcript);
  append_turns (out, transcript);
  g_string_append (out, "    \"chapters\": ");
  hark_json_append_chapters (out, transcript, "      ");
  g_string_append (out, ",\n    \"skips\": ");
  hark_json_append_skips (out, transcript, "      ");
  g_string_append (out, "\n  }\n}\n");
  return g_string_free (out, FALSE);
}
