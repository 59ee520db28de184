/* hark-ad-shapes.c — made-up reads, spliced into real conversation
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-ad-shapes.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* The stretch of ep189 with no read in it: between its first two sponsor reads. */
#define CONVERSATION_FROM 1300.0
#define CONVERSATION_TO 2500.0

static void
cue_clear (gpointer data)
{
  HarkAdCue *cue = data;

  g_free (cue->speaker);
  g_free (cue->text);
}

void
hark_ad_shape_clear (gpointer data)
{
  HarkAdShape *shape = data;

  g_free (shape->name);
  g_ptr_array_unref (shape->speakers);
  g_ptr_array_unref (shape->lines);
}

static gboolean
category_from (const char *word, HarkCategory *category)
{
  if (g_str_equal (word, "sponsor"))
    *category = HARK_CATEGORY_SPONSOR;
  else if (g_str_equal (word, "selfpromo"))
    *category = HARK_CATEGORY_SELFPROMO;
  else if (g_str_equal (word, "outro"))
    *category = HARK_CATEGORY_OUTRO;
  else if (g_str_equal (word, "none"))
    *category = HARK_N_CATEGORIES;
  else
    return FALSE;
  return TRUE;
}

GArray *
hark_ad_shapes_load (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) shapes = g_array_new (FALSE, TRUE, sizeof (HarkAdShape));
  HarkAdShape *current = NULL;

  g_array_set_clear_func (shapes, hark_ad_shape_clear);
  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        {
          current = NULL;
          continue;
        }
      if (*line == '#')
        continue;
      if (*line == '[')
        {
          char *close = strchr (line, ']');
          HarkAdShape shape = { 0 };

          if (close == NULL)
            goto bad;
          *close = '\0';
          if (!category_from (line + 1, &shape.category))
            goto bad;
          shape.name = g_strdup (g_strstrip (close + 1));
          shape.speakers = g_ptr_array_new_with_free_func (g_free);
          shape.lines = g_ptr_array_new_with_free_func (g_free);
          g_array_append_val (shapes, shape);
          current = &g_array_index (shapes, HarkAdShape, shapes->len - 1);
          continue;
        }
      {
        char *colon = strchr (line, ':');

        if (current == NULL || colon == NULL || colon == line)
          goto bad;
        *colon = '\0';
        g_ptr_array_add (current->speakers, g_strdup (g_strstrip (line)));
        g_ptr_array_add (current->lines, g_strdup (g_strstrip (colon + 1)));
        continue;
      }
    bad:
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s:%u: expected “[category] name”, “speaker: text” or a blank line", path,
                   i + 1);
      return NULL;
    }
  for (guint i = 0; i < shapes->len; i++)
    if (g_array_index (shapes, HarkAdShape, i).lines->len == 0)
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: “%s” has no lines", path,
                     g_array_index (shapes, HarkAdShape, i).name);
        return NULL;
      }
  return g_steal_pointer (&shapes);
}

GArray *
hark_ad_conversation_load (const char *truth_path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GArray *cues;
  JsonArray *all;

  if (!json_parser_load_from_file (parser, truth_path, error))
    return NULL;
  all = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                      "cues");
  cues = g_array_new (FALSE, TRUE, sizeof (HarkAdCue));
  g_array_set_clear_func (cues, cue_clear);
  for (guint i = 0; all && i < json_array_get_length (all); i++)
    {
      JsonObject *o = json_array_get_object_element (all, i);
      HarkAdCue cue = { json_object_get_double_member (o, "start"),
                  json_object_get_double_member (o, "end"),
                  g_strdup (json_object_get_string_member (o, "speaker")),
                  g_strdup (json_object_get_string_member (o, "text")) };

      if (cue.start >= CONVERSATION_FROM && cue.end <= CONVERSATION_TO)
        g_array_append_val (cues, cue);
      else
        cue_clear (&cue);
    }
  return cues;
}

static double
line_seconds (const char *text)
{
  /* About 2.7 words a second, as the episode's own captions run. */
  return MAX (2.0, g_utf8_strlen (text, -1) / 16.0);
}

HarkTranscript *
hark_ad_shape_splice (GArray *cues, const HarkAdShape *shape, guint at, gboolean voices,
                      double *start, double *end)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  int host = -1, guest = -1;
  double t = 0;

  at = MIN (at, cues->len);
  for (guint i = 0; i <= cues->len; i++)
    {
      const HarkAdCue *cue = i < cues->len ? &g_array_index (cues, HarkAdCue, i) : NULL;
      int speaker = cue ? hark_transcript_builder_add_speaker (b, cue->speaker, cue->speaker) : -1;

      if (cue && host < 0)
        host = speaker; /* the first voice of the stretch is the host's */
      else if (cue && guest < 0 && speaker != host)
        guest = speaker;
      if (i == at)
        {
          *start = t;
          for (guint l = 0; l < shape->lines->len; l++)
            {
              const char *who = shape->speakers->pdata[l];
              const char *text = shape->lines->pdata[l];
              int voice = g_str_equal (who, "host")    ? host
                          : g_str_equal (who, "guest") ? guest
                                                       : hark_transcript_builder_add_speaker (b, who, who);
              double d = line_seconds (text);

              hark_transcript_builder_add_cue (b, t, t + d, text, voices ? voice : -1);
              t += d;
            }
          *end = t;
        }
      if (cue)
        {
          hark_transcript_builder_add_cue (b, t, t + (cue->end - cue->start), cue->text,
                                           voices ? speaker : -1);
          t += cue->end - cue->start;
        }
    }
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}
