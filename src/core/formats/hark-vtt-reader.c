/* hark-vtt-reader.c — WebVTT captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows the WebVTT parsing rules where real files follow them and recovers where they do not:
 * a missing blank line between cues, a damaged timing line (only that cue is lost), no
 * "WEBVTT" header. Auto-captions that roll lines (each cue repeating the previous cue's last
 * line, with 10 ms "bridge" cues in between) are reduced to their new text, but every cue is
 * kept, even an empty one, so cue indices match the file.
 */
#include "formats/hark-cue-blocks.h"
#include "formats/hark-cue-speakers.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

/* Bridge cues of rolling auto-captions last about 10 ms. */
#define BRIDGE_CUE_SECONDS 0.05

typedef struct
{
  double start;
  double end;
} Word;

/* A run of cue text spoken by one voice. */
typedef struct
{
  char *voice; /* NULL: no <v> tag, the previous speaker continues */
  GString *text;
  GArray *word_times; /* Word, parallel to word_texts */
  GPtrArray *word_texts;
} Span;

static void
span_free (Span *span)
{
  g_free (span->voice);
  g_string_free (span->text, TRUE);
  g_array_unref (span->word_times);
  g_ptr_array_unref (span->word_texts);
  g_free (span);
}

static Span *
span_new (const char *voice)
{
  Span *span = g_new0 (Span, 1);

  span->voice = g_strdup (voice);
  span->text = g_string_new (NULL);
  span->word_times = g_array_new (FALSE, FALSE, sizeof (Word));
  span->word_texts = g_ptr_array_new_with_free_func (g_free);
  return span;
}

static gboolean
line_starts_with_keyword (const HarkLine *line, const char *keyword)
{
  gsize n = strlen (keyword);

  return line->length >= n && strncmp (line->text, keyword, n) == 0
         && (line->length == n || line->text[n] == ' ' || line->text[n] == '\t');
}

/* Tag name from the text after '<': "v", "c", "i", "/v", "rt", … */
static gsize
tag_name_length (const char *tag)
{
  gsize n = 0;

  if (tag[0] == '/')
    n++;
  while (g_ascii_isalnum (tag[n]))
    n++;
  return n;
}

static void
span_add_word (Span *span, GString *word, double start, double end)
{
  g_autofree char *plain = hark_text_decode_entities (word->str);
  g_autofree char *collapsed = hark_text_collapse_space (plain);
  Word w = { start, MAX (start, end) };

  g_string_truncate (word, 0);
  if (*collapsed == '\0')
    return;
  g_array_append_val (span->word_times, w);
  g_ptr_array_add (span->word_texts, g_steal_pointer (&collapsed));
}

/* Splits cue text into voice spans, stripping every tag but keeping karaoke times as words. */
static GPtrArray *
parse_cue_text (const char *text, double cue_start, double cue_end, gboolean *has_words)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  g_autoptr (GString) word = g_string_new (NULL);
  Span *span = span_new (NULL);
  double word_start = cue_start;
  gboolean in_ruby_text = FALSE;
  gboolean no_more_tags = FALSE;

  *has_words = FALSE;
  g_ptr_array_add (spans, span);
  for (const char *p = text; *p;)
    {
      const char *close = NULL;
      double stamp;
      const char *stamp_end;

      /* Once a '<' finds no '>', none after it will: stop looking, so this stays linear. */
      if (*p == '<' && !no_more_tags && (close = strchr (p, '>')) == NULL)
        no_more_tags = TRUE;
      if (close == NULL)
        {
          if (!in_ruby_text)
            {
              g_string_append_c (span->text, *p);
              g_string_append_c (word, *p);
            }
          p++;
          continue;
        }

      if (hark_text_scan_time (p + 1, &stamp_end, &stamp) && stamp_end == close)
        {
          /* Karaoke: the text before the stamp was spoken up to it. */
          span_add_word (span, word, word_start, stamp);
          word_start = CLAMP (stamp, cue_start, cue_end);
          *has_words = TRUE;
        }
      else
        {
          gsize n = tag_name_length (p + 1);

          if (n == 1 && p[1] == 'v')
            {
              const char *name = p + 2;
              g_autofree char *raw = NULL;
              g_autofree char *decoded = NULL;
              g_autofree char *voice = NULL;

              while (name < close && *name != ' ' && *name != '\t')
                name++;
              raw = g_strndup (name, (gsize) (close - name));
              decoded = hark_text_decode_entities (raw);
              voice = hark_text_collapse_space (decoded);
              if (span->text->len > 0
                  && !hark_text_line_is_blank (span->text->str, span->text->len, TRUE))
                {
                  span_add_word (span, word, word_start, word_start);
                  span = span_new (NULL);
                  g_ptr_array_add (spans, span);
                }
              g_free (span->voice);
              span->voice = *voice ? g_strdup (voice) : NULL;
            }
          else if (n == 2 && strncmp (p + 1, "rt", 2) == 0)
            in_ruby_text = TRUE; /* ruby annotations would be read twice */
          else if (n == 3 && strncmp (p + 1, "/rt", 3) == 0)
            in_ruby_text = FALSE;
        }
      p = close + 1;
    }
  if (*has_words)
    span_add_word (span, word, word_start, cue_end);
  return spans;
}

static void
add_cue_with_markup (HarkTranscriptBuilder *builder, HarkSidecarContext *context, double start,
                     double end, const char *text)
{
  gboolean has_words;
  g_autoptr (GPtrArray) spans = parse_cue_text (text, start, end, &has_words);
  g_autoptr (GPtrArray) plain = g_ptr_array_new_with_free_func (g_free);
  gsize total = 0, done = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = g_ptr_array_index (spans, i);
      g_autofree char *decoded = hark_text_decode_entities (span->text->str);
      char *collapsed = hark_text_collapse_space (decoded);

      total += g_utf8_strlen (collapsed, -1);
      g_ptr_array_add (plain, collapsed);
    }

  /* Two voices in one cue become two cues, sharing the time by the length of their text. */
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = g_ptr_array_index (spans, i);
      const char *span_text = g_ptr_array_index (plain, i);
      gsize length = g_utf8_strlen (span_text, -1);
      double span_start = start, span_end = end;
      int speaker = -1;

      if (spans->len > 1)
        {
          if (*span_text == '\0')
            continue;
          hark_sidecar_split_time (start, end, done, length, total, &span_start, &span_end);
          done += length;
        }
      if (span->voice)
        {
          speaker = hark_transcript_builder_add_speaker (builder, span->voice, span->voice);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      hark_transcript_builder_add_cue (builder, span_start, span_end, span_text, speaker);
      for (guint w = 0; has_words && w < span->word_times->len; w++)
        {
          const Word *time = &g_array_index (span->word_times, Word, w);

          hark_transcript_builder_add_word (builder, time->start, time->end,
                                            g_ptr_array_index (span->word_texts, w));
        }
    }
}

/* Markup that names no voice and times no word ("<c.yellow>", "<i>"): the text is plain. */
static gboolean
markup_is_styling (const char *text)
{
  for (const char *p = strchr (text, '<'); p; p = strchr (p + 1, '<'))
    if ((p[1] == 'v' && (p[2] == ' ' || p[2] == '.' || p[2] == '\t')) || g_ascii_isdigit (p[1]))
      return FALSE;
  return TRUE;
}

/* "KIM: words", ">> KIM: words", "[Kim] words": a cue without a voice tag that names its
 * speaker in the text. */
static gboolean
add_cue_named_in_text (HarkTranscriptBuilder *builder, HarkSidecarContext *context, double start,
                       double end, const char *text, GHashTable *bracket_names)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      char *plain = hark_text_strip_markup (lines[i]);

      g_free (lines[i]);
      lines[i] = plain;
    }
  return hark_cue_add_with_speakers (builder, context, start, end, lines, n, bracket_names, TRUE);
}

static void
add_cue (HarkTranscriptBuilder *builder, HarkSidecarContext *context, double start, double end,
         const char *text, GHashTable *bracket_names)
{
  if (markup_is_styling (text)
      && add_cue_named_in_text (builder, context, start, end, text, bracket_names))
    return;
  if (strchr (text, '<') == NULL)
    {
      /* No markup, so no voice and no word times: most machine captions. */
      g_autofree char *decoded = hark_text_decode_entities (text);
      g_autofree char *collapsed = hark_text_collapse_space (decoded);

      hark_transcript_builder_add_cue (builder, start, end, collapsed, -1);
      return;
    }
  add_cue_with_markup (builder, context, start, end, text);
}

static char *
line_plain_text (const HarkLine *line)
{
  g_autofree char *copy = g_strndup (line->text, line->length);
  g_autofree char *plain = hark_text_strip_markup (copy);

  return hark_text_collapse_space (plain);
}

/* Drops what rolling auto-captions repeat from the cue before; returns the cue's text. */
static char *
cue_text_without_rollover (const HarkLine *lines, guint n, double start, double end,
                           char **previous_last_line)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *first = n > 0 ? line_plain_text (&lines[0]) : NULL;
  guint skip = 0;

  if (n > 0 && *previous_last_line && **previous_last_line
      && g_str_equal (first, *previous_last_line))
    {
      if (n >= 2 || end - start <= BRIDGE_CUE_SECONDS)
        skip = 1;
    }
  for (guint i = skip; i < n; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, lines[i].text, (gssize) lines[i].length);
    }
  /* Bridge cues end in a line of spaces; what rolls over is the last line with words. */
  for (guint i = n; i > 0; i--)
    {
      char *plain = line_plain_text (&lines[i - 1]);

      if (*plain == '\0' && i > 1)
        {
          g_free (plain);
          continue;
        }
      g_free (*previous_last_line);
      *previous_last_line = plain;
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The title a header gives: the text after "WEBVTT" (past a dash or a colon), or with
 * @keyed, a "Title:" line's value. */
static void
read_header_title (HarkTranscriptBuilder *builder, const char *text, gsize length, gboolean keyed)
{
  g_autofree char *copy = NULL;
  char *value;

  if (keyed)
    {
      if (length < 6 || g_ascii_strncasecmp (text, "title:", 6) != 0)
        return;
      text += 6, length -= 6;
    }
  copy = g_strndup (text, MIN (length, (gsize) 1024));
  value = g_strstrip (copy);
  if (!keyed)
    {
      while (*value == '-' || *value == ':' || *value == ' ' || *value == '\t')
        value++;
      /* An en or em dash. */
      if (g_str_has_prefix (value, "\u2013") || g_str_has_prefix (value, "\u2014"))
        value = g_strstrip (value + 3);
    }
  hark_transcript_builder_set_title (builder, value);
}

gboolean
hark_vtt_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  static const HarkCueSyntax syntax = { FALSE, FALSE, "00:00:01.000 --> 00:00:04.000" };
  HarkLines lines;
  const HarkLine *line;
  guint i = 0, n_cues = 0;
  gboolean has_header;
  g_autofree char *previous_last_line = NULL;
  g_autoptr (GHashTable) bracket_names = hark_cue_bracket_speakers (text);

  hark_lines_init (&lines, text);
  line = hark_lines_get (&lines, 0);
  has_header = line != NULL && strncmp (line->text, "WEBVTT", 6) == 0
               && (line->length == 6 || line->text[6] == ' ' || line->text[6] == '\t');
  if (has_header)
    {
      /* "WEBVTT - The Show": the file's own title. */
      read_header_title (builder, line->text + 6, line->length - 6, FALSE);
      /* Header lines ("Kind: captions", "Language: en", "Title: …") run to the first blank
       * line. */
      for (i = 1; (line = hark_lines_get (&lines, i)) != NULL && line->length > 0
                  && !hark_line_has_arrow (line);
           i++)
        {
          read_header_title (builder, line->text, line->length, TRUE);
          hark_lines_release (&lines, i);
        }
    }

  /* Released before asking: releasing may move the lines kept. */
  while (hark_lines_release (&lines, i), (line = hark_lines_get (&lines, i)) != NULL)
    {
      HarkCueBlock block;
      g_autofree char *cue_text = NULL;

      if (hark_line_is_blank (line, TRUE))
        {
          i++;
          continue;
        }

      if (line_starts_with_keyword (line, "NOTE") || line_starts_with_keyword (line, "STYLE")
          || line_starts_with_keyword (line, "REGION"))
        {
          for (i++; (line = hark_lines_get (&lines, i)) != NULL && line->length > 0
                    && !hark_line_has_arrow (line);
               i++)
            hark_lines_release (&lines, i);
          if (line != NULL && line->length > 0)
            hark_text_warn (context->warnings, context->name, line->number, 1,
                            _("Expected a blank line to end the comment or style block before "
                              "this cue."));
          continue;
        }

      if (!hark_cue_block_read (&lines, &i, &syntax, context, &block))
        continue;
      cue_text = cue_text_without_rollover (
          block.n_text > 0 ? hark_lines_get (&lines, block.first_text) : NULL, block.n_text,
          block.start, block.end, &previous_last_line);
      add_cue (builder, context, block.start, block.end, cue_text, bracket_names);
      n_cues++;
    }
  hark_lines_clear (&lines);

  if (!has_header)
    {
      if (n_cues == 0)
        {
          hark_text_set_parse_error (error, context->name, 1, 1,
                                     _("Expected “WEBVTT” at the start of a WebVTT file."));
          return FALSE;
        }
      hark_text_warn (context->warnings, context->name, 1, 1,
                      _("Expected “WEBVTT” at the start of the file; read the cues anyway."));
    }
  if (n_cues > 0)
    context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
