/* hark-writer-hark-json.c — Hark's own sidecar, episode.hark.json (see docs/sidecar.md)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-writer-private.h"

#define HARK_SIDECAR_FORMAT 1

static void
append_key (GString *out, const char *key)
{
  hark_json_append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_time_pair (GString *out, const char *start_key, double start, const char *end_key,
                  double end)
{
  append_key (out, start_key);
  hark_json_append_seconds (out, start);
  g_string_append (out, ", ");
  append_key (out, end_key);
  hark_json_append_seconds (out, end);
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
      const char *speaker = speaker_field (t, cues[i].speaker, FALSE);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      if (speaker)
        {
          append_key (out, "speaker");
          hark_json_append_string (out, speaker);
          g_string_append (out, ", ");
        }
      append_time_pair (out, "startTime", cues[i].start, "endTime", cues[i].end);
      g_string_append (out, ", ");
      append_key (out, "body");
      hark_json_append_string (out, cues[i].text);
      if (cues[i].n_words > 0)
        {
          g_string_append (out, ", \"words\": [");
          for (guint w = 0; w < cues[i].n_words; w++)
            {
              const HarkWord *word = &words[cues[i].first_word + w];

              g_string_append (out, w > 0 ? ", {" : "{");
              append_time_pair (out, "startTime", word->start, "endTime", word->end);
              g_string_append (out, ", ");
              append_key (out, "body");
              hark_json_append_string (out, word->text);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_cues > 0 ? "\n  ],\n" : "],\n");
}

static void
append_speakers (GString *out, const HarkTranscript *t)
{
  guint n = hark_transcript_get_n_speakers (t);

  g_string_append (out, "    \"speakers\": [");
  for (guint i = 0; i < n; i++)
    {
      const HarkSpeaker *s = hark_transcript_get_speaker (t, i);

      g_string_append (out, i > 0 ? ",\n      {" : "\n      {");
      append_key (out, "id");
      hark_json_append_string (out, s->id);
      g_string_append (out, ", ");
      append_key (out, "name");
      hark_json_append_string (out, s->name);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n    ],\n" : "],\n");
}

static void
append_turns (GString *out, const HarkTranscript *t)
{
  guint n;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n);

  g_string_append (out, "    \"turns\": [");
  for (guint i = 0; i < n; i++)
    {
      const char *speaker = speaker_field (t, turns[i].speaker, TRUE);

      g_string_append (out, i > 0 ? ",\n      {" : "\n      {");
      if (speaker)
        {
          append_key (out, "speaker");
          hark_json_append_string (out, speaker);
          g_string_append (out, ", ");
        }
      append_time_pair (out, "start", turns[i].start, "end", turns[i].end);
      g_string_append (out, ", ");
      append_key (out, "text");
      hark_json_append_string (out, turns[i].text);
      g_string_append (out, ", ");
      append_key (out, "evidence");
      hark_json_append_seconds (out, turns[i].evidence);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n    ],\n" : "],\n");
}

static void
append_chapters (GString *out, const HarkTranscript *t)
{
  guint n;
  const HarkChapter *chapters = hark_transcript_get_chapters (t, &n);

  g_string_append (out, "    \"chapters\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i > 0 ? ",\n      {" : "\n      {");
      append_time_pair (out, "start", chapters[i].start, "end", chapters[i].end);
      g_string_append (out, ", ");
      append_key (out, "title");
      hark_json_append_string (out, chapters[i].title);
      if (chapters[i].url)
        {
          g_string_append (out, ", ");
          append_key (out, "url");
          hark_json_append_string (out, chapters[i].url);
        }
      g_string_append_printf (out, ", \"toc\": %s}", chapters[i].toc ? "true" : "false");
    }
  g_string_append (out, n > 0 ? "\n    ],\n" : "],\n");
}

static void
append_skips (GString *out, const HarkTranscript *t)
{
  guint n;
  const HarkSegment *segments = hark_transcript_get_segments (t, &n);

  g_string_append (out, "    \"skips\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i > 0 ? ",\n      {" : "\n      {");
      append_time_pair (out, "start", segments[i].start, "end", segments[i].end);
      g_string_append (out, ", ");
      append_key (out, "category");
      hark_json_append_string (out, hark_category_to_string (segments[i].category));
      if (segments[i].source)
        {
          g_string_append (out, ", ");
          append_key (out, "source");
          hark_json_append_string (out, segments[i].source);
        }
      if (segments[i].evidence)
        {
          g_string_append (out, ", ");
          append_key (out, "evidence");
          hark_json_append_string (out, segments[i].evidence);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n    ]\n" : "]\n");
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
      append_key (out, "source");
      hark_json_append_string (out, note);
      g_string_append (out, ",\n");
    }
  if (media_duration >= 0 || media_file)
    {
      const char *sep = "";

      g_string_append (out, "    \"media\": {");
      if (media_duration >= 0)
        {
          append_key (out, "duration");
          hark_json_append_seconds (out, media_duration);
          sep = ", ";
        }
      if (media_file)
        {
          g_string_append (out, sep);
          append_key (out, "file");
          hark_json_append_string (out, media_file);
        }
      g_string_append (out, "},\n");
    }
  append_speakers (out, transcript);
  append_turns (out, transcript);
  append_chapters (out, transcript);
  append_skips (out, transcript);
  g_string_append (out, "  }\n}\n");
  return g_string_free (out, FALSE);
}
