/* hark-timestamped-reader.c — plain text with a time at the start of each paragraph
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three layouts people publish:
 *   00:01:02 Some words           one line per cue, optional "[…]" and "Name:" after the time
 *   Michael Kennedy  1:02         Otter: a heading with a name and a time, the words below
 *   Michael Kennedy (00:01:02):   a heading with the time in brackets, words after or below
 * Each heading starts a cue that ends where the next one starts (the last one is an instant:
 * nothing says how long it lasts).
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

typedef struct
{
  double start;
  char *speaker;    /* NULL when the heading names nobody */
  const char *text; /* the words on the heading's own line, may be empty */
} Heading;

/* "00:01:02 text", "[00:01:02] text", "(1:02) - text", "00:01:02" alone. */
static gboolean
parse_time_first (const char *line, Heading *heading)
{
  const char *p = hark_reader_skip_blanks (line);
  char close = '\0';
  const char *rest;

  if (*p == '[')
    close = ']';
  else if (*p == '(')
    close = ')';
  if (close)
    p++;
  if (!hark_text_scan_time (p, &p, &heading->start))
    return FALSE;
  if (close)
    {
      if (*p != close)
        return FALSE;
      p++;
    }
  if (*p != '\0' && *p != ' ' && *p != '\t')
    return FALSE;
  p = hark_reader_skip_blanks (p);
  /* A dash between time and words: "00:01:02 - Hello" */
  if (*p == '-' && p[1] == ' ')
    p = hark_reader_skip_blanks (p + 1);
  else if (g_str_has_prefix (p, "– "))
    p = hark_reader_skip_blanks (p + strlen ("– "));
  if (hark_text_split_speaker (p, &heading->speaker, &rest))
    p = rest;
  heading->text = p;
  return TRUE;
}

/* "Name  M:SS" (Otter) and "Name (00:00):" / "Name [00:00]" with optional words after. */
static gboolean
parse_name_first (const char *line, Heading *heading)
{
  const char *p = hark_reader_skip_blanks (line);
  const char *time_at, *name_end, *after;
  char close = '\0';

  time_at = strpbrk (p, "([");
  if (time_at)
    close = *time_at == '(' ? ')' : ']';
  else
    {
      /* Otter: the time is the last word. */
      time_at = p + strlen (p);
      while (time_at > p && time_at[-1] != ' ' && time_at[-1] != '\t')
        time_at--;
    }
  if (*time_at == '\0')
    return FALSE;
  name_end = time_at;
  while (name_end > p && (name_end[-1] == ' ' || name_end[-1] == '\t'))
    name_end--;
  if (name_end == p || !hark_text_looks_like_name (p, (gsize) (name_end - p))
      || hark_text_is_non_speaker_label (p, (gsize) (name_end - p)))
    return FALSE;

  if (!hark_text_scan_time (time_at + (close ? 1 : 0), &after, &heading->start))
    return FALSE;
  if (close)
    {
      if (*after != close)
        return FALSE;
      after++;
      if (*after == ':')
        after++;
    }
  after = hark_reader_skip_blanks (after);
  /* Otter's heading has nothing after the time; the bracketed one may carry words. */
  if (!close && *after != '\0')
    return FALSE;
  heading->speaker = g_strndup (p, (gsize) (name_end - p));
  heading->text = after;
  return TRUE;
}

static gboolean
parse_heading (const char *line, Heading *heading)
{
  heading->speaker = NULL;
  heading->text = NULL;
  return parse_time_first (line, heading) || parse_name_first (line, heading);
}

gboolean
hark_timestamped_sniff (const char *text)
{
  HarkLineReader reader;
  guint lines = 0, headings = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 200)
    {
      g_autofree char *line = NULL;
      Heading heading;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strchomp (g_strndup (reader.line, reader.length));
      lines++;
      if (parse_heading (line, &heading))
        headings++;
      g_free (heading.speaker);
    }
  /* Otter paragraphs may wrap over a few lines, so a fifth of the lines is enough. */
  return headings >= 2 && headings * 5 >= lines;
}

/* Starts like HarkTimedItem, for hark_sidecar_fill_missing_ends(). */
typedef struct
{
  double start;
  double end;
  int speaker;
  GString *text;
} PendingCue;

static int
compare_start (gconstpointer a, gconstpointer b)
{
  double sa = ((const PendingCue *) a)->start, sb = ((const PendingCue *) b)->start;

  return (sa > sb) - (sa < sb);
}

static void
pending_cue_clear (PendingCue *cue)
{
  g_string_free (cue->text, TRUE);
}

gboolean
hark_timestamped_read (const char *text, HarkTranscriptBuilder *builder,
                       HarkSidecarContext *context, GError **error)
{
  g_autoptr (GArray) cues = g_array_new (FALSE, FALSE, sizeof (PendingCue));
  HarkLineReader reader;
  guint first_unplaced = 0;

  g_array_set_clear_func (cues, (GDestroyNotify) pending_cue_clear);
  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      Heading heading;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strchomp (g_strndup (reader.line, reader.length));
      if (parse_heading (line, &heading))
        {
          PendingCue cue = { heading.start, -1, -1, g_string_new (heading.text) };

          if (heading.speaker)
            {
              cue.speaker
                  = hark_transcript_builder_add_speaker (builder, heading.speaker, heading.speaker);
              context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
              g_free (heading.speaker);
            }
          g_array_append_val (cues, cue);
          continue;
        }
      if (cues->len == 0)
        {
          if (first_unplaced == 0)
            first_unplaced = reader.number;
          continue;
        }
      {
        GString *cue_text = g_array_index (cues, PendingCue, cues->len - 1).text;

        if (cue_text->len > 0)
          g_string_append_c (cue_text, ' ');
        g_string_append (cue_text, line);
      }
    }

  if (cues->len == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected lines starting with a time such as “00:01:02 text”, "
                                   "or headings such as “Name  1:02” or “Name (00:01:02):”."));
      return FALSE;
    }
  if (first_unplaced > 0)
    hark_text_warn (context->warnings, context->name, first_unplaced, 1,
                    _("Expected a time such as “00:01:02” before the first words; the text before "
                      "the first time was left out."));

  /* Each cue ends where the next later heading starts (headings may come out of order). */
  g_array_sort (cues, compare_start);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) (gpointer) cues->data, cues->len,
                                  sizeof (PendingCue));
  for (guint i = 0; i < cues->len; i++)
    {
      const PendingCue *cue = &g_array_index (cues, PendingCue, i);
      g_autofree char *decoded = hark_text_decode_entities (cue->text->str);
      g_autofree char *collapsed = hark_text_collapse_space (decoded);

      hark_transcript_builder_add_cue (builder, cue->start, cue->end, collapsed, cue->speaker);
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
