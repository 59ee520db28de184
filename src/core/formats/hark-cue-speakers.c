/* hark-cue-speakers.c — speakers named inside caption cues (SubRip and WebVTT alike)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-cue-speakers.h"

#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_BRACKET_NAME 48

/* One speaker's part of a cue. */
typedef struct
{
  char *speaker; /* NULL: not named */
  GString *text;
} Part;

static void
part_clear (Part *part)
{
  g_free (part->speaker);
  g_string_free (part->text, TRUE);
}

/* "[Kim] words" at @p: the name, if it could be one, and where the words start. */
static gboolean
scan_bracket_name (const char *p, const char **name, gsize *length, const char **rest)
{
  const char *close;

  if (*p != '[')
    return FALSE;
  close = memchr (p + 1, ']', MIN (strlen (p + 1), (gsize) MAX_BRACKET_NAME + 1));
  if (close == NULL || close == p + 1 || close[1] != ' ')
    return FALSE;
  *name = p + 1;
  *length = (gsize) (close - p - 1);
  if (!hark_text_looks_like_name (*name, *length)
      || hark_text_is_sound_description (*name, *length)
      || hark_text_is_non_speaker_label (*name, *length))
    return FALSE;
  *rest = close + 1;
  while (**rest == ' ' || **rest == '\t')
    (*rest)++;
  return **rest != '\0';
}

GHashTable *
hark_cue_bracket_speakers (const char *text)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HarkLineReader reader;
  GHashTable *names;
  GHashTableIter iter;
  gpointer key, value;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      const char *p, *name, *rest;
      gsize length;

      if (reader.length < 4 || memchr (reader.line, '[', MIN (reader.length, 4)) == NULL)
        continue;
      line = g_strndup (reader.line, reader.length);
      p = line;
      while (*p == ' ' || *p == '\t' || *p == '-' || *p == '>')
        p++;
      if (scan_bracket_name (p, &name, &length, &rest) && g_hash_table_size (counts) < 10000)
        {
          char *key_name = g_strndup (name, length);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key_name));

          g_hash_table_insert (counts, key_name, GUINT_TO_POINTER (n + 1));
        }
    }
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, counts);
  /* A full name once ("[Kim Scott]") is a guest who spoke once; one word once may be a sound
   * no list has ("[Chuckles]"). */
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) >= 2 || strchr (key, ' ') != NULL)
      g_hash_table_add (names, g_strdup (key));
  if (g_hash_table_size (names) < 2)
    g_clear_pointer (&names, g_hash_table_unref);
  return names;
}

static Part *
start_part (GArray *parts, char *speaker)
{
  Part part = { speaker, g_string_new (NULL) };

  g_array_append_val (parts, part);
  return &g_array_index (parts, Part, parts->len - 1);
}

/* Splits a cue's lines at speaker changes. */
static GArray *
split_parts (char **lines, guint n, GHashTable *bracket_names)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (Part));
  Part *part = NULL;

  g_array_set_clear_func (parts, (GDestroyNotify) part_clear);
  for (guint i = 0; i < n; i++)
    {
      const char *p = lines[i];
      gboolean change = FALSE;
      char *speaker = NULL;
      const char *rest, *name;
      gsize length;

      while (*p == ' ' || *p == '\t')
        p++;
      /* "- " (or "-Text") opens a new speaker's line; "-5 degrees" does not. */
      if (p[0] == '-' && p[1] != '-' && !g_ascii_isdigit (p[1]))
        {
          change = TRUE;
          p++;
          while (*p == ' ' || *p == '\t')
            p++;
        }
      else if (p[0] == '>' && p[1] == '>')
        change = TRUE;
      if (hark_text_split_speaker (p, &speaker, &rest))
        {
          change = TRUE;
          p = rest;
        }
      else
        {
          while (*p == '>')
            p++;
          while (*p == ' ' || *p == '\t')
            p++;
          if (bracket_names && scan_bracket_name (p, &name, &length, &rest))
            {
              g_autofree char *candidate = g_strndup (name, length);

              if (g_hash_table_contains (bracket_names, candidate))
                {
                  speaker = g_steal_pointer (&candidate);
                  change = TRUE;
                  p = rest;
                }
            }
        }

      if (part == NULL || (change && part->text->len > 0))
        part = start_part (parts, speaker);
      else if (speaker)
        {
          g_free (part->speaker);
          part->speaker = speaker;
        }
      if (part->text->len > 0)
        g_string_append_c (part->text, ' ');
      g_string_append (part->text, p);
    }
  if (parts->len == 0)
    start_part (parts, NULL);
  return parts;
}

gboolean
hark_cue_add_with_speakers (HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                            double start, double end, char **lines, guint n,
                            GHashTable *bracket_names, gboolean only_if_named)
{
  g_autoptr (GArray) parts = split_parts (lines, n, bracket_names);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gsize total = 0, done = 0;
  gboolean named = FALSE;

  for (guint i = 0; i < parts->len; i++)
    named |= g_array_index (parts, Part, i).speaker != NULL;
  if (only_if_named && !named)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      char *text = hark_text_collapse_space (g_array_index (parts, Part, i).text->str);

      total += g_utf8_strlen (text, -1);
      g_ptr_array_add (texts, text);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = &g_array_index (parts, Part, i);
      const char *text = g_ptr_array_index (texts, i);
      gsize length = g_utf8_strlen (text, -1);
      double part_start = start, part_end = end;
      int speaker = -1;

      if (parts->len > 1)
        hark_sidecar_split_time (start, end, done, length, total, &part_start, &part_end);
      done += length;
      if (part->speaker)
        {
          speaker = hark_transcript_builder_add_speaker (builder, part->speaker, part->speaker);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      hark_transcript_builder_add_cue (builder, part_start, part_end, text, speaker);
    }
  return TRUE;
}
