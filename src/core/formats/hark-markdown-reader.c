/* hark-markdown-reader.c — Markdown and MDX transcripts as shows publish them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes seen in the wild, in any mix:
 *   **Name:** words                      speaker paragraphs, untimed
 *   [00:01:02] **Name:** words           a time at the start of the paragraph (also as a
 *                                        link: [00:01:02](url), [(01:02)](url))
 *   words [00:01:00] more words          bare time marks inside the text (every minute, say)
 *   ## Title [00:01:02]  / ## [00:01:02] Title / ### Title (01:02)
 *                                        timed section headings over untimed paragraphs
 * Every time is an anchor on the text's characters; a paragraph without a time of its own gets
 * its times by interpolation between the anchors around it (by the characters' share, so the
 * estimate is as good as the speech's pace is even), and is flagged as interpolated. A cue is a
 * unit that carries a time (a paragraph with a time in it, or a timed section with the
 * paragraphs under it); the untimed paragraphs after it belong to it. Turns follow the speaker
 * labels. Timed headings become chapters; a list of times repeating the headings' titles (a
 * table of contents) is not transcript. Front matter, HTML/JSX tags, MDX comments, emphasis and
 * link targets are stripped from the text.
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-label-tally.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_NAME_LENGTH 48
/* A first time mark this far into the audio has speech above it, not only notes. */
#define NARRATED_LEAD_IN_SECONDS 10.0

typedef struct
{
  gsize pos;
  double time;
} Anchor;

typedef struct
{
  gsize start, end; /* byte offsets into the text stream */
  int speaker;
  gboolean anchored; /* a time marks its first word */
  gboolean new_cue;  /* carries a time: starts a cue */
  gboolean labelled; /* opens with a speaker's label of its own */
} Paragraph;

typedef struct
{
  HarkTranscriptBuilder *builder;
  HarkSidecarContext *context;
  GString *stream; /* the transcript's text, paragraphs separated by one space */
  GArray *anchors;
  GArray *paragraphs;
  GPtrArray *heading_titles; /* lower-cased titles of timed headings, for spotting the TOC */
  Paragraph *open;           /* the paragraph being filled, or NULL */
  gboolean section_pending;  /* a timed heading waits for its first paragraph */
  gboolean speaker_headings; /* timed headings name speakers, not chapters */
  int last_speaker;
  char *waiting_name; /* a timed label with nothing said under it yet ("**Break:** [23:04]") */
  gboolean sections_first; /* the first time came with a heading: what is above it is a
                            * preamble (notes, a teaser), not the transcript */
  guint n_bad_times;
  HarkLabelTally *labels; /* every name that labels a turn, for trusting plain "Name:" labels */
  guint notes_heading; /* paragraphs before an untimed heading after the last time, or G_MAXUINT */
  gboolean untimed_sections; /* untimed headings between times: sections, not notes */
} Reader;

/* Past the blockquote markers at the start of @line ("> ", "> > "): a quoted turn is still a
 * turn, and the marker is not speech. ">>" is left alone: captions mark a new speaker with it. */
static const char *
skip_quote_markers (const char *line)
{
  const char *p = hark_reader_skip_blanks (line);

  while (*p == '>' && (p[1] == ' ' || p[1] == '\t' || p[1] == '\0'))
    p = hark_reader_skip_blanks (p + 1);
  return p == hark_reader_skip_blanks (line) ? line : p;
}

/* "---", "***", "___", "- - -": a thematic break, which only separates paragraphs. */
static gboolean
is_thematic_break (const char *p)
{
  char mark;
  guint n = 0;

  p = hark_reader_skip_blanks (p);
  mark = *p;
  if (mark != '-' && mark != '*' && mark != '_')
    return FALSE;
  for (; *p; p++)
    if (*p == mark)
      n++;
    else if (*p != ' ' && *p != '\t')
      return FALSE;
  return n >= 3;
}

/* Past a link's target "(https://…)" at @q, or @q when there is none: shows link each time to
 * their player or video, and the address is not speech. */
static const char *
skip_link_target (const char *q)
{
  const char *close;

  if (*q != '(')
    return q;
  for (close = q + 1; *close && *close != ')' && *close != ' ' && *close != '\t'; close++)
    ;
  return *close == ')' && close > q + 1 ? close + 1 : q;
}

/* "[00:01:02]", "(01:02)" or a bare "00:01:02" at @p, also as a link's text
 * ("[00:01:02](url)", "[(01:02)](url)"); @end past it. */
static gboolean
scan_mark (const char *p, gboolean bare_allowed, const char **end, double *seconds)
{
  char close = *p == '[' ? ']' : *p == '(' ? ')' : '\0';
  const char *q = close ? p + 1 : p;

  if (!close && !bare_allowed)
    return FALSE;
  if (close == ']' && *q == '(')
    {
      /* "[(01:02)](url)": the time in parentheses is the link's text. */
      if (!scan_mark (q, FALSE, &q, seconds) || *q != ']')
        return FALSE;
      *end = skip_link_target (q + 1);
      return TRUE;
    }
  if (!hark_text_scan_time (q, &q, seconds))
    return FALSE;
  if (close)
    {
      if (*q != close)
        return FALSE;
      q++;
      if (close == ']')
        q = skip_link_target (q);
    }
  else if (*q != '\0' && *q != ' ' && *q != '\t')
    return FALSE;
  *end = q;
  return TRUE;
}

/* Removes what is markup rather than speech: HTML and JSX tags, HTML and MDX comments,
 * emphasis markers, inline code ticks, images, and link targets (the link's text stays). Time
 * marks in brackets are kept for the caller. */
static char *
strip_markup (const char *line)
{
  GString *out = g_string_sized_new (strlen (line));
  const char *p = line;

  while (*p)
    {
      if (g_str_has_prefix (p, "{/*"))
        {
          const char *close = strstr (p, "*/}");

          p = close ? close + 3 : p + strlen (p);
          continue;
        }
      if (g_str_has_prefix (p, "<!--"))
        {
          const char *close = strstr (p, "-->");

          p = close ? close + 3 : p + strlen (p);
          continue;
        }
      if (*p == '<' && (g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2]))))
        {
          const char *close = strchr (p, '>');

          if (close)
            {
              p = close + 1;
              continue;
            }
        }
      if (*p == '!' && p[1] == '[')
        {
          const char *mid = strstr (p, "](");
          const char *close = mid ? strchr (mid, ')') : NULL;

          if (close)
            {
              p = close + 1;
              continue;
            }
        }
      if (*p == '[')
        {
          const char *mid = strchr (p, ']');

          if (mid && mid[1] == '(' && strchr (mid, ')'))
            {
              g_string_append_len (out, p + 1, mid - p - 1);
              p = strchr (mid, ')') + 1;
              continue;
            }
        }
      /* "\\*", "\\[": a character written literally, not markup. */
      if (*p == '\\' && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }
      if (*p == '*' || *p == '`')
        {
          p++;
          continue;
        }
      /* "_" marks emphasis only at a word's edge: snake_case stays. */
      if (*p == '_')
        {
          gboolean before = p == line || !g_ascii_isalnum (p[-1]);
          gboolean after = !g_ascii_isalnum (p[1]);

          if (before || after)
            {
              p++;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* "**Name:**", "**Name**:" or "__Name:__" at @p, a label that bold makes clear. */
static gboolean
scan_bold_speaker (const char *p, char **speaker, const char **rest)
{
  const char *marker = g_str_has_prefix (p, "**") ? "**" : g_str_has_prefix (p, "__") ? "__" : NULL;
  const char *name, *close, *name_end;

  if (marker == NULL)
    return FALSE;
  name = p + 2;
  close = strstr (name, marker);
  if (close == NULL || close == name)
    return FALSE;
  name_end = close;
  if (name_end[-1] == ':')
    {
      name_end--;
      *rest = close + 2;
    }
  else if (close[2] == ':')
    *rest = close + 3;
  else
    return FALSE;
  while (name_end > name && name_end[-1] == ' ')
    name_end--;
  /* "**Pia Moss (PM):**": the initials her later turns are labelled with. */
  name_end = hark_text_drop_initials (name, name_end);
  if (name_end == name || name_end - name > MAX_NAME_LENGTH)
    return FALSE;
  /* Abbreviations' dots are a name's ("Dr. Kim", "Dana Frow, Ph.D."); a dot before a lower-case
   * word ends a sentence, which no label holds. */
  for (const char *c = name; c < name_end; c++)
    if (strchr ("?!:*[]()<>/", *c)
        || (*c == '.' && c + 2 < name_end && c[1] == ' ' && g_ascii_islower (c[2])))
      return FALSE;
  if (hark_text_is_non_speaker_label (name, (gsize) (name_end - name)))
    return FALSE;
  *speaker = g_strndup (name, (gsize) (name_end - name));
  *rest = hark_reader_skip_blanks (*rest);
  return TRUE;
}

/* A time mark at @p, bracketed or bare, and an optional colon after it. */
static gboolean
scan_mark_colon (const char *p, const char **end, double *seconds)
{
  if (!scan_mark (p, TRUE, end, seconds) && !(g_ascii_isdigit (*p) && hark_text_scan_time (p, end, seconds)))
    return FALSE;
  if (**end == ':')
    (*end)++;
  return TRUE;
}

/* A bold name with its time: "**Kim** (00:01:02): words", "**Kim** [00:01:02]",
 * "**Kim (00:01:02):** words", "**Kim 00:01:02**", "**[00:01:02] Kim:** words". */
static gboolean
scan_bold_timed_speaker (const char *p, char **speaker, double *seconds, const char **rest)
{
  const char *marker = g_str_has_prefix (p, "**") ? "**" : g_str_has_prefix (p, "__") ? "__" : NULL;
  const char *name, *close, *name_end, *end;

  if (marker == NULL)
    return FALSE;
  name = p + 2;
  close = strstr (name, marker);
  if (close == NULL || close == name)
    return FALSE;
  end = hark_reader_skip_blanks (close + 2);
  if (scan_mark_colon (end, &end, seconds))
    name_end = close;
  else if (scan_mark_colon (name, &end, seconds))
    {
      /* The time first inside the bold: "**[00:01:02] Kim:** words". Only with the colon
       * after the name, and a name: "**[00:12:30] Why soil matters**" is a title. */
      gboolean colon = close[-1] == ':' || close[2] == ':';

      name = hark_reader_skip_blanks (end);
      if (*name == '-')
        name = hark_reader_skip_blanks (name + 1);
      if (name >= close || !colon)
        return FALSE;
      name_end = close[-1] == ':' ? close - 1 : close;
      if (!hark_text_looks_like_name (name, (gsize) (name_end - name)))
        return FALSE;
      end = close + 2;
      if (*end == ':')
        end++;
    }
  else
    {
      /* The time inside the bold: the last word before the marker. */
      const char *inner_end = close;
      const char *t;

      if (inner_end[-1] == ':')
        inner_end--;
      t = inner_end;
      while (t > name && t[-1] != ' ')
        t--;
      if (t == name || !scan_mark_colon (t, &end, seconds) || end < inner_end)
        return FALSE;
      name_end = t;
      end = close + 2;
      if (*end == ':')
        end++;
    }
  while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '-' || name_end[-1] == ':'))
    name_end--;
  if (name_end == name || name_end - name > MAX_NAME_LENGTH)
    return FALSE;
  for (const char *c = name; c < name_end; c++)
    if (strchr ("?!:*[]()<>/", *c))
      return FALSE;
  if (hark_text_is_non_speaker_label (name, (gsize) (name_end - name)))
    return FALSE;
  *speaker = g_strndup (name, (gsize) (name_end - name));
  *rest = hark_reader_skip_blanks (end);
  return TRUE;
}

/* "[Speaker 3] [12:46] words": a bracketed name right before a time. */
static gboolean
scan_bracketed_speaker (const char *p, char **speaker, const char **rest)
{
  const char *close, *end;
  double seconds;

  if (*p != '[')
    return FALSE;
  close = strchr (p + 1, ']');
  if (close == NULL || close == p + 1 || close - p - 1 > MAX_NAME_LENGTH
      || !hark_text_looks_like_name (p + 1, (gsize) (close - p - 1)))
    return FALSE;
  end = hark_reader_skip_blanks (close + 1);
  if (!scan_mark (end, FALSE, &end, &seconds))
    return FALSE;
  *speaker = g_strndup (p + 1, (gsize) (close - p - 1));
  *rest = hark_reader_skip_blanks (close + 1);
  return TRUE;
}

static gboolean
scan_speaker (const char *p, char **speaker, const char **rest)
{
  return scan_bold_speaker (p, speaker, rest) || hark_text_split_speaker (p, speaker, rest);
}

/* As scan_speaker(), but a plain "Name:" must be a label the file's tally trusts: bold makes a
 * label plain, a word with a colon after it may be prose ("Two: the handle."). @opening: @p
 * starts a paragraph or follows a time mark, where the file's turns start. */
static gboolean
scan_trusted_speaker (const HarkLabelTally *tally, const char *p, gboolean opening,
                      char **speaker, const char **rest)
{
  if (scan_bold_speaker (p, speaker, rest))
    return TRUE;
  if (!hark_text_split_speaker (p, speaker, rest))
    return FALSE;
  if (opening ? hark_label_tally_trusts_opening (tally, *speaker, *rest)
              : hark_label_tally_trusts (tally, *speaker, FALSE))
    return TRUE;
  g_clear_pointer (speaker, g_free);
  return FALSE;
}

/* A heading's level markers, or NULL when @line is not a heading. */
static const char *
heading_text (const char *line)
{
  const char *p = line;
  guint level = 0;

  while (*p == '#' && level < 7)
    p++, level++;
  if (level == 0 || level > 6 || (*p != ' ' && *p != '\t'))
    return NULL;
  return hark_reader_skip_blanks (p);
}

/* The time in a heading ("[00:01:02] Title", "Title (01:02)", "00:01:02 - Title", "Kim Scott
 * 01:02") and the title without it. A bare time counts first or last, not inside the title. */
static gboolean
parse_timed_heading (const char *text, double *seconds, char **title)
{
  const char *p;

  for (p = text; *p; p++)
    {
      const char *end;
      gboolean last_word = p > text && p[-1] == ' ' && g_ascii_isdigit (*p);

      if (!scan_mark (p, p == text || last_word, &end, seconds))
        continue;
      if (p != text && last_word && *hark_reader_skip_blanks (end) != '\0')
        continue;
      {
        g_autoptr (GString) rest = g_string_new_len (text, p - text);
        g_autofree char *stripped = NULL;

        g_string_append (rest, end);
        stripped = strip_markup (rest->str);
        g_strstrip (stripped);
        while (*stripped == '-' || *stripped == ':')
          memmove (stripped, stripped + 1, strlen (stripped));
        *title = g_strdup (g_strstrip (stripped));
        return TRUE;
      }
    }
  return FALSE;
}

static void
add_anchor (Reader *r, gsize pos, double time, guint line, guint column)
{
  Anchor anchor = { pos, time };

  if (r->anchors->len > 0)
    {
      const Anchor *last = &g_array_index (r->anchors, Anchor, r->anchors->len - 1);

      /* Interpolation needs times that go forward with the text. */
      if (time < last->time)
        {
          if (r->n_bad_times++ < 20)
            hark_text_warn (r->context->warnings, r->context->name, line, column,
                            _("Expected a time after the one before; this one was ignored."));
          return;
        }
      /* Two marks at one place ("**Break:** [23:04]", then "[23:30]" opening the next
       * words): the one nearest the words says when they start. */
      if (pos == last->pos)
        {
          g_array_index (r->anchors, Anchor, r->anchors->len - 1).time = time;
          return;
        }
      /* Two turns stamped with the same second ("Kim: 00:12:40" over "Yes.", then "Bo:
       * 00:12:40"): the first mark stands and the second turn starts by its share of the
       * words up to the next later time, so that neither lasts no time at all. */
      if (time == last->time)
        return;
    }
  /* A time after an untimed heading: the heading was a section of the transcript. */
  if (r->notes_heading != G_MAXUINT)
    {
      r->untimed_sections = TRUE;
      r->notes_heading = G_MAXUINT;
    }
  g_array_append_val (r->anchors, anchor);
}

static void
close_paragraph (Reader *r)
{
  if (r->open == NULL)
    return;
  r->open->end = r->stream->len;
  if (r->open->end == r->open->start)
    g_array_set_size (r->paragraphs, r->paragraphs->len - 1);
  r->open = NULL;
}

static void
open_paragraph (Reader *r, int speaker)
{
  Paragraph p = { 0 };

  close_paragraph (r);
  if (r->stream->len > 0)
    g_string_append_c (r->stream, ' ');
  p.start = r->stream->len;
  p.speaker = speaker;
  if (r->section_pending)
    p.new_cue = p.anchored = TRUE;
  r->section_pending = FALSE;
  g_array_append_val (r->paragraphs, p);
  r->open = &g_array_index (r->paragraphs, Paragraph, r->paragraphs->len - 1);
}

/* Adds words to the open paragraph's text, markup stripped. */
static void
flush_words (Reader *r, GString *words)
{
  g_autofree char *clean = strip_markup (words->str);
  g_autofree char *decoded = hark_text_decode_entities (clean);
  g_autofree char *collapsed = hark_text_collapse_space (decoded);

  g_string_truncate (words, 0);
  if (collapsed[0] == '\0')
    return;
  if (r->stream->len > r->open->start)
    g_string_append_c (r->stream, ' ');
  g_string_append (r->stream, collapsed);
}

/* Appends @text to the open paragraph, turning its bracketed times into anchors. */
static void
append_text (Reader *r, const char *text, guint line_number, const char *line)
{
  g_autoptr (GString) words = g_string_new ("");
  const char *p = text;

  while (*p)
    {
      const char *end;
      double seconds;

      if (*p == '[' && scan_mark (p, FALSE, &end, &seconds))
        {
          gsize pos;

          flush_words (r, words);
          /* The next word starts after the separating space, if any text came before. */
          pos = r->stream->len + (r->stream->len > r->open->start ? 1 : 0);
          add_anchor (r, pos, seconds, line_number, hark_text_column (line, p));
          if (pos == r->open->start)
            r->open->anchored = TRUE;
          r->open->new_cue = TRUE;
          p = end;
          continue;
        }
      g_string_append_c (words, *p++);
    }
  flush_words (r, words);
}

static gboolean
is_toc_entry (Reader *r, const char *text)
{
  g_autofree char *stripped = strip_markup (text);
  g_autofree char *lower = g_utf8_strdown (g_strstrip (stripped), -1);

  for (guint i = 0; i < r->heading_titles->len; i++)
    if (g_str_equal (lower, g_ptr_array_index (r->heading_titles, i)))
      return TRUE;
  return FALSE;
}

static gboolean
is_speaker_heading (Reader *r, const char *title)
{
  return r->speaker_headings && hark_text_looks_like_name (title, strlen (title));
}

static int
add_speaker (Reader *r, char *name)
{
  int index = hark_transcript_builder_add_speaker (r->builder, name, name);

  g_clear_pointer (&r->waiting_name, g_free);
  r->context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
  g_free (name);
  return index;
}

/* Where the time wrapped in an inline tag at @p ends: "<a id=\"t12\">00:12:30</a>" (a page's
 * anchor on its own time), with the time's digits in @digits and @length; NULL when @p starts
 * no such tag. */
static const char *
scan_tagged_time (const char *p, const char **digits, gsize *length)
{
  const char *name = p + 1, *name_end = name, *q;

  if (p[0] != '<' || !g_ascii_isalpha (*name))
    return NULL;
  while (g_ascii_isalnum (*name_end))
    name_end++;
  q = name_end;
  while (*q && *q != '>' && *q != '<' && q - p < 300)
    q++;
  if (*q != '>')
    return NULL;
  *digits = ++q;
  while (g_ascii_isdigit (*q) || *q == ':' || *q == '.' || *q == ',')
    q++;
  *length = (gsize) (q - *digits);
  if (*length < 3 || memchr (*digits, ':', *length) == NULL || q[0] != '<' || q[1] != '/'
      || g_ascii_strncasecmp (q + 2, name, (gsize) (name_end - name)) != 0
      || q[2 + (name_end - name)] != '>')
    return NULL;
  return q + 3 + (name_end - name);
}

/* Time marks as exporters write them, made plain:
 *   "\\[02:41\\]": the brackets escaped, some over again with more backslashes next to the
 *   digits, which say nothing either;
 *   "[<a id=\"t1\">00:00:13</a>]": a site's anchor wrapped around the time. */
static char *
unescape_time_marks (const char *line)
{
  GString *out = g_string_sized_new (strlen (line));
  const char *p = line;

  while (*p)
    {
      const char *digits, *after;
      gsize length;

      if (p[0] == '\\' && p[1] == '[')
        {
          const char *q, *close;

          digits = p + 2;
          while (*digits == '\\' && digits - p < 8)
            digits++;
          q = digits;
          while (g_ascii_isdigit (*q) || *q == ':' || *q == '.' || *q == ',')
            q++;
          close = q;
          while (*close == '\\' && close - q < 8)
            close++;
          if (g_ascii_isdigit (*digits) && close > q && close[-1] == '\\' && close[0] == ']')
            {
              g_string_append_c (out, '[');
              g_string_append_len (out, digits, q - digits);
              g_string_append_c (out, ']');
              p = close + 1;
              continue;
            }
        }
      if ((after = scan_tagged_time (p, &digits, &length)) != NULL)
        {
          g_string_append_len (out, digits, (gssize) length);
          p = after;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* "to [17:20]" (or with a dash) and nothing else at @p, the end of a span of time whose start
 * came before: sets @seconds to the end. */
static gboolean
scan_span_end (const char *p, double *seconds)
{
  static const char *const joins[] = { "to ", "- ", "– ", "— " };
  const char *end;

  for (guint i = 0; i < G_N_ELEMENTS (joins); i++)
    if (g_str_has_prefix (p, joins[i]))
      return scan_mark (hark_reader_skip_blanks (p + strlen (joins[i])), FALSE, &end, seconds)
             && *hark_reader_skip_blanks (end) == '\0';
  return FALSE;
}

/* "[23:04]" or "[15:51] to [17:20]" and nothing else at @p: sets @seconds to the last time. */
static gboolean
scan_mark_span (const char *p, double *seconds)
{
  const char *end;

  if (!scan_mark (p, FALSE, &end, seconds))
    return FALSE;
  p = hark_reader_skip_blanks (end);
  return *p == '\0' || scan_span_end (p, seconds);
}

/* Who says the words of a paragraph that names nobody: the label waiting over them, else the
 * last speaker. */
static int
current_speaker (Reader *r)
{
  if (r->waiting_name != NULL)
    r->last_speaker = add_speaker (r, g_steal_pointer (&r->waiting_name));
  return r->last_speaker;
}

static void
read_line (Reader *r, const char *escaped_line, guint number)
{
  g_autofree char *unescaped = unescape_time_marks (escaped_line);
  const char *line = unescaped;
  const char *p = hark_reader_skip_blanks (line);
  const char *heading = heading_text (p);
  const char *rest, *end;
  char *speaker = NULL;
  double seconds;
  gboolean labelled;

  if (heading)
    {
      g_autofree char *title = NULL;

      close_paragraph (r);
      if (r->anchors->len == 0 && parse_timed_heading (heading, &seconds, &title))
        r->sections_first = TRUE;
      g_clear_pointer (&title, g_free);
      if (parse_timed_heading (heading, &seconds, &title) && is_speaker_heading (r, title))
        {
          /* "### Kim (00:01:02)": a turn, the words below. */
          r->last_speaker = add_speaker (r, g_steal_pointer (&title));
          add_anchor (r, r->stream->len + (r->stream->len > 0 ? 1 : 0), seconds, number,
                      hark_text_column (line, heading));
          r->section_pending = TRUE;
          return;
        }
      if (title != NULL)
        {
          add_anchor (r, r->stream->len + (r->stream->len > 0 ? 1 : 0), seconds, number,
                      hark_text_column (line, heading));
          hark_transcript_builder_add_chapter (r->builder, seconds, -1, title, NULL, TRUE);
          r->context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
          r->section_pending = TRUE;
        }
      else if (r->anchors->len > 0 && r->notes_heading == G_MAXUINT)
        r->notes_heading = r->paragraphs->len;
      return;
    }

  /* "**Kim** (00:01:02): words": the name, then its time; or as in plain text, "Kim:
   * 00:01:02" or "Kim (00:01:02):" with the words on the line or below. */
  if (scan_bold_timed_speaker (p, &speaker, &seconds, &rest)
      || hark_timestamped_parse_name_heading (p, &speaker, &seconds, &rest))
    {
      if (*rest == '\0' || scan_span_end (rest, &seconds))
        {
          /* The words follow in the paragraphs below, as under a timed heading. The name is
           * a speaker once words come: a label over a time alone marks a break. */
          g_free (r->waiting_name);
          r->waiting_name = speaker;
          close_paragraph (r);
          add_anchor (r, r->stream->len + (r->stream->len > 0 ? 1 : 0), seconds, number,
                      hark_text_column (line, p));
          r->section_pending = TRUE;
          return;
        }
      r->last_speaker = add_speaker (r, speaker);
      open_paragraph (r, r->last_speaker);
      r->open->labelled = TRUE;
      add_anchor (r, r->open->start, seconds, number, hark_text_column (line, p));
      r->open->anchored = r->open->new_cue = TRUE;
      append_text (r, rest, number, line);
      return;
    }

  /* "[Speaker 3] [12:46] words": the name, then the time below. */
  if (scan_bracketed_speaker (p, &speaker, &rest))
    {
      r->last_speaker = add_speaker (r, speaker);
      p = rest;
      if (scan_mark (p, FALSE, &end, &seconds))
        {
          open_paragraph (r, current_speaker (r));
          r->open->labelled = TRUE;
          add_anchor (r, r->open->start, seconds, number, hark_text_column (line, p));
          r->open->anchored = r->open->new_cue = TRUE;
          append_text (r, hark_reader_skip_blanks (end), number, line);
          return;
        }
    }

  /* "[00:01:02] **Name:** words", "(01:02) words", "00:01:02 - words" */
  if (scan_mark (p, TRUE, &end, &seconds))
    {
      rest = hark_reader_skip_blanks (end);
      if (*rest == '-' && rest[1] == ' ')
        rest = hark_reader_skip_blanks (rest + 1);
      if (is_toc_entry (r, rest))
        {
          close_paragraph (r);
          return;
        }
      labelled = scan_trusted_speaker (r->labels, rest, TRUE, &speaker, &rest);
      if (labelled)
        r->last_speaker = add_speaker (r, speaker);
      open_paragraph (r, r->last_speaker);
      r->open->labelled = labelled;
      add_anchor (r, r->open->start, seconds, number, hark_text_column (line, p));
      r->open->anchored = r->open->new_cue = TRUE;
      append_text (r, rest, number, line);
      return;
    }

  if (scan_trusted_speaker (r->labels, p, r->open == NULL, &speaker, &rest))
    {
      /* "**Break:** [23:04]" or "[15:51] to [17:20]": a label over a time alone marks a place;
       * nobody speaks. After a span, the words resume at its end. */
      if (scan_mark_span (rest, &seconds))
        {
          g_free (speaker);
          close_paragraph (r);
          add_anchor (r, r->stream->len + (r->stream->len > 0 ? 1 : 0), seconds, number,
                      hark_text_column (line, rest));
          return;
        }
      /* "**Break:**" alone: a speaker only once words come under it. */
      if (*rest == '\0')
        {
          g_free (r->waiting_name);
          r->waiting_name = speaker;
          close_paragraph (r);
          return;
        }
      r->last_speaker = add_speaker (r, speaker);
      open_paragraph (r, r->last_speaker);
      r->open->labelled = TRUE;
      append_text (r, rest, number, line);
      return;
    }

  if (r->open == NULL)
    open_paragraph (r, current_speaker (r));
  append_text (r, p, number, line);
}

/* ---- Show notes: a list of times above the transcript ------------------------------------ */

/* The most words a chapter title in show notes has: more is a line of the transcript. */
#define MAX_NOTES_TITLE_WORDS 12

/* Past a list item's marker ("- ", "* ", "+ ", "12. ") at @p, or @p. */
static const char *
skip_list_marker (const char *p)
{
  const char *q = p;

  if ((*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t'))
    return hark_reader_skip_blanks (q + 1);
  while (g_ascii_isdigit (*q))
    q++;
  if (q > p && q - p < 4 && (*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
    return hark_reader_skip_blanks (q + 1);
  return p;
}

/* "[12:34](https://…) Title", "- 00:00 Intro", "02:15 - Sourdough": a time and a short title with
 * no speaker: an entry of a chapter list, as show notes give it. With @in_list (the lines before
 * were entries), a title that reads like a label ("Meet Kim: the early years") is one too. Sets
 * @title (new). */
static gboolean
parse_notes_entry (const char *line, gboolean in_list, double *seconds, char **title)
{
  g_autofree char *unescaped = unescape_time_marks (line);
  const char *p = skip_list_marker (hark_reader_skip_blanks (skip_quote_markers (unescaped)));
  const char *end;
  char *speaker = NULL, *words;
  guint n_words = 1;

  if (!scan_mark (p, TRUE, &end, seconds))
    return FALSE;
  p = hark_reader_skip_blanks (end);
  if ((*p == '-' || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—") || *p == ':')
      && *p != '\0')
    p = hark_reader_skip_blanks (g_utf8_next_char (p));
  if (*p == '\0' || (scan_speaker (p, &speaker, &end) && !in_list))
    {
      g_free (speaker);
      return FALSE;
    }
  g_free (speaker);
  words = g_strstrip (strip_markup (p));
  for (const char *q = words; *q; q++)
    n_words += *q == ' ';
  if (*words == '\0' || n_words > MAX_NOTES_TITLE_WORDS || strlen (words) > 120)
    {
      g_free (words);
      return FALSE;
    }
  *title = words;
  return TRUE;
}

/* The first time marked in @line (at its start, or in brackets within it), or -1. */
static double
first_time_in (const char *line)
{
  g_autofree char *unescaped = unescape_time_marks (line);
  const char *p = hark_reader_skip_blanks (skip_quote_markers (unescaped));
  const char *end;
  double seconds;

  if (scan_mark (p, TRUE, &end, &seconds))
    return seconds;
  for (const char *q = p; *q; q++)
    if ((*q == '[' || *q == '(') && scan_mark (q, FALSE, &end, &seconds))
      return seconds;
  return -1;
}

typedef struct
{
  guint first_line, last_line;
  double last_time;
  GArray *entries; /* NotesEntry */
} NotesList;

typedef struct
{
  double time;
  char *title;
} NotesEntry;

static void
notes_entry_clear (gpointer data)
{
  g_free (((NotesEntry *) data)->title);
}

static void
notes_list_clear (gpointer data)
{
  g_clear_pointer (&((NotesList *) data)->entries, g_array_unref);
}

/* Show notes above a transcript often list its chapters ("[12:34](…) Title", "00:00 Intro").
 * Their times are not the transcript's: a run of two or more such entries, on lines one after
 * another, whose times the transcript after it goes back on (its next time is earlier than the
 * run's last), is a list of chapters. Its lines go in @lines; the first such list's entries
 * become chapters when the file has no timed headings of its own. */
static void
find_notes_lists (const char *text, guint skip, GHashTable *lines, GArray *chapters)
{
  g_autoptr (GArray) runs = g_array_new (FALSE, TRUE, sizeof (NotesList));
  NotesList *open = NULL;
  HarkLineReader reader;
  guint judged = 0;

  g_array_set_clear_func (runs, notes_list_clear);
  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      g_autofree char *title = NULL;
      double seconds;

      if (reader.number <= skip)
        continue;
      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        {
          open = NULL;
          continue;
        }
      line = g_strndup (reader.line, reader.length);
      if (parse_notes_entry (line, open != NULL, &seconds, &title)
          && (open == NULL || seconds > open->last_time))
        {
          NotesEntry entry = { seconds, g_steal_pointer (&title) };

          if (open == NULL)
            {
              NotesList run = { reader.number, reader.number, seconds, NULL };

              run.entries = g_array_new (FALSE, FALSE, sizeof (NotesEntry));
              g_array_set_clear_func (run.entries, notes_entry_clear);
              g_array_append_val (runs, run);
              open = &g_array_index (runs, NotesList, runs->len - 1);
            }
          g_array_append_val (open->entries, entry);
          open->last_line = reader.number;
          open->last_time = seconds;
          continue;
        }
      open = NULL;
      /* The first time after the runs not judged yet decides them. */
      seconds = judged < runs->len ? first_time_in (line) : -1;
      if (seconds < 0)
        continue;
      for (; judged < runs->len; judged++)
        {
          NotesList *run = &g_array_index (runs, NotesList, judged);

          if (run->entries->len < 2 || seconds >= run->last_time)
            continue;
          for (guint l = run->first_line; l <= run->last_line; l++)
            g_hash_table_add (lines, GUINT_TO_POINTER (l));
          if (chapters->len == 0)
            for (guint i = 0; i < run->entries->len; i++)
              {
                NotesEntry *e = &g_array_index (run->entries, NotesEntry, i);
                NotesEntry copy = { e->time, g_strdup (e->title) };

                g_array_append_val (chapters, copy);
              }
        }
      /* Once the transcript has begun, later lists are its own lines. */
      if (runs->len > 0)
        break;
    }
}

/* A chapter list below the transcript ("## Chapters", "- 00:00 Intro", "- 00:15 Spouts"): the
 * last run of two or more entries in rising order, with no time after it, whose first time goes
 * back on the transcript's latest. Its lines go in @lines; its entries become chapters when
 * @chapters is still empty (the file has no timed headings and no list above). */
static void
find_trailing_chapter_list (const char *text, guint skip, GHashTable *lines, GArray *chapters)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (NotesEntry));
  HarkLineReader reader;
  double latest = -1, before_run = -1;
  guint first_line = 0, last_line = 0;
  gboolean open = FALSE;

  g_array_set_clear_func (entries, notes_entry_clear);
  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      g_autofree char *title = NULL;
      double seconds;

      if (reader.number <= skip || g_hash_table_contains (lines, GUINT_TO_POINTER (reader.number)))
        continue;
      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        {
          open = FALSE;
          continue;
        }
      line = g_strndup (reader.line, reader.length);
      if (parse_notes_entry (line, FALSE, &seconds, &title))
        {
          NotesEntry entry = { seconds, g_steal_pointer (&title) };

          if (!open || seconds <= g_array_index (entries, NotesEntry, entries->len - 1).time)
            {
              g_array_set_size (entries, 0);
              first_line = reader.number;
              before_run = latest;
              open = TRUE;
            }
          g_array_append_val (entries, entry);
          last_line = reader.number;
          latest = MAX (latest, seconds);
          continue;
        }
      open = FALSE;
      seconds = first_time_in (line);
      if (seconds >= 0)
        {
          /* The transcript goes on: the run was its own lines. */
          g_array_set_size (entries, 0);
          latest = MAX (latest, seconds);
        }
    }
  if (entries->len < 2 || g_array_index (entries, NotesEntry, 0).time >= before_run)
    return;
  for (guint l = first_line; l <= last_line; l++)
    g_hash_table_add (lines, GUINT_TO_POINTER (l));
  if (chapters->len == 0)
    for (guint i = 0; i < entries->len; i++)
      {
        NotesEntry *e = &g_array_index (entries, NotesEntry, i);
        NotesEntry copy = { e->time, g_strdup (e->title) };

        g_array_append_val (chapters, copy);
      }
}

/* Pass one: every label that opens a line, the way read_line() finds them, so that a plain
 * "Name:" is trusted by how often it recurs (hark-label-tally.h). */
static void
count_labels (const char *text, guint skip, HarkLabelTally *tally)
{
  HarkLineReader reader;
  gboolean previous_blank = TRUE;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      g_autofree char *unescaped = NULL;
      g_autofree char *speaker = NULL;
      const char *p, *rest, *end;
      double seconds;
      gboolean opening = previous_blank, marked = FALSE;

      if (reader.number <= skip)
        continue;
      previous_blank = hark_text_line_is_blank (reader.line, reader.length, TRUE);
      if (previous_blank)
        continue;
      line = g_strndup (reader.line, reader.length);
      unescaped = unescape_time_marks (skip_quote_markers (line));
      p = hark_reader_skip_blanks (unescaped);
      if (heading_text (p) != NULL)
        {
          previous_blank = TRUE;
          continue;
        }
      if (scan_bold_timed_speaker (p, &speaker, &seconds, &rest)
          || hark_timestamped_parse_name_heading (p, &speaker, &seconds, &rest)
          || scan_bracketed_speaker (p, &speaker, &rest))
        {
          hark_label_tally_add (tally, speaker);
          hark_label_tally_add_opening (tally, TRUE);
          continue;
        }
      if (scan_mark (p, TRUE, &end, &seconds))
        {
          marked = TRUE;
          p = hark_reader_skip_blanks (end);
          if (*p == '-' && p[1] == ' ')
            p = hark_reader_skip_blanks (p + 1);
        }
      if (scan_speaker (p, &speaker, &rest))
        hark_label_tally_add (tally, speaker);
      /* A time mark starts a cue wherever it stands, as a paragraph does. */
      if (opening || marked)
        hark_label_tally_add_opening (tally, speaker != NULL);
    }
}

/* Pass one: the titles of timed headings, so a list repeating them is known as a TOC; and
 * whether they name speakers ("### Kim (00:01:02)" over each turn): so when at least two
 * names each head several sections, which chapter titles never do. */
static void
collect_heading_titles (const char *text, GPtrArray *titles, gboolean *speaker_headings)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint repeated = 0;

  HarkLineReader reader;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      const char *heading;
      char *title = NULL;
      double seconds;

      if (reader.length == 0 || (reader.line[0] != '#' && reader.line[0] != ' '))
        continue;
      line = g_strndup (reader.line, reader.length);
      heading = heading_text (hark_reader_skip_blanks (line));
      if (heading && parse_timed_heading (heading, &seconds, &title))
        {
          g_ptr_array_add (titles, g_utf8_strdown (title, -1));
          if (hark_text_looks_like_name (title, strlen (title)))
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (names, title)) + 1;

              if (n == 2)
                repeated++;
              g_hash_table_insert (names, g_steal_pointer (&title), GUINT_TO_POINTER (n));
            }
          g_free (title);
        }
    }
  *speaker_headings = repeated >= 2;
}


static double
chars_per_second (GArray *anchors)
{
  const Anchor *first, *last;

  if (anchors->len < 2)
    return hark_reader_speech_rate (0, 0);
  first = &g_array_index (anchors, Anchor, 0);
  last = &g_array_index (anchors, Anchor, anchors->len - 1);
  if (last->time <= first->time)
    return hark_reader_speech_rate (0, 0);
  return hark_reader_speech_rate (last->pos - first->pos, last->time - first->time);
}

/* The time at character @pos, interpolated between the anchors around it. */
static double
time_at (GArray *anchors, double rate, gsize pos)
{
  guint lo = 0, hi = anchors->len;
  const Anchor *a, *b;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (anchors, Anchor, mid).pos <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    {
      a = &g_array_index (anchors, Anchor, 0);
      return MAX (0.0, a->time - (double) (a->pos - pos) / rate);
    }
  a = &g_array_index (anchors, Anchor, lo - 1);
  if (lo == anchors->len)
    return a->time + (double) (pos - a->pos) / rate;
  b = &g_array_index (anchors, Anchor, lo);
  return a->time + (b->time - a->time) * (double) (pos - a->pos) / (double) (b->pos - a->pos);
}

/* Where paragraph @i ends in time: where the next one starts (start-only formats leave no gap
 * between them), or its own last character for the last one. */
static gsize
end_pos (Reader *r, guint i)
{
  if (i + 1 < r->paragraphs->len)
    return g_array_index (r->paragraphs, Paragraph, i + 1).start;
  return g_array_index (r->paragraphs, Paragraph, i).end;
}

static gboolean
has_speakers (GArray *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    if (g_array_index (paragraphs, Paragraph, i).speaker >= 0)
      return TRUE;
  return FALSE;
}

/* Untimed: one turn per run of paragraphs by one speaker, in order, as the speaker-labelled
 * text reader gives them. */
static void
emit_untimed (Reader *r)
{
  for (guint i = 0; i < r->paragraphs->len;)
    {
      const Paragraph *head = &g_array_index (r->paragraphs, Paragraph, i);
      guint j = i + 1;
      g_autofree char *text = NULL;

      while (j < r->paragraphs->len
             && g_array_index (r->paragraphs, Paragraph, j).speaker == head->speaker)
        j++;
      text = g_strndup (r->stream->str + head->start,
                        g_array_index (r->paragraphs, Paragraph, j - 1).end - head->start);
      g_strstrip (text);
      if (*text != '\0')
        hark_transcript_builder_add_turn (r->builder, 0, 0, text, head->speaker, 0);
      i = j;
    }
}

/* Fewer cues than this say too little about how many paragraphs a cue has: a short file's
 * last turn may well be the only one with a second paragraph. */
#define MIN_CUES_FOR_SHAPE 8

/* Where the show notes below the transcript start (links, credits, a footer naming the tool
 * that made it), as an index into the paragraphs, or their count when there are none. Notes
 * start at an untimed heading after the last time ("## Links"), unless the transcript's own
 * sections are untimed headings; or past as many unlabelled paragraphs after the last turn's
 * first as any other turn has at most (a labelled paragraph is a turn: it stays). */
static guint
find_trailing_notes (Reader *r)
{
  guint n = r->paragraphs->len, cut = n, cues = 0, most = 0, unlabelled = 0, last = n;

  if (r->notes_heading != G_MAXUINT && !r->untimed_sections)
    cut = r->notes_heading;
  for (guint i = 0; i < cut; i++)
    {
      const Paragraph *p = &g_array_index (r->paragraphs, Paragraph, i);

      if (p->new_cue || (p->labelled && last < n))
        {
          if (last < n)
            most = MAX (most, unlabelled);
          cues += p->new_cue;
          last = i;
          unlabelled = 0;
        }
      else if (last < n)
        unlabelled++;
    }
  if (cues <= MIN_CUES_FOR_SHAPE || last == n)
    return cut;
  unlabelled = 0;
  for (guint i = last + 1; i < cut; i++)
    if (++unlabelled > most)
      return i;
  return cut;
}

static void
emit (Reader *r)
{
  double rate;
  guint first = 0;
  gboolean narrated;

  /* Text above the first timed heading (show notes, a summary) is not placed in time. When the
   * first time is a mark inside the turns, the turns above it are the transcript too: it
   * starts there, at the start of the audio, with times interpolated up to the mark. */
  while (first < r->paragraphs->len && !g_array_index (r->paragraphs, Paragraph, first).new_cue)
    first++;
  /* A single narrator's file (no speakers at all) whose first mark comes well into the audio
   * is the same: the paragraphs above the mark are what was said before it. */
  narrated = !has_speakers (r->paragraphs) && r->anchors->len > 0
             && g_array_index (r->anchors, Anchor, 0).time >= NARRATED_LEAD_IN_SECONDS;
  for (guint k = 0; k < first && !r->sections_first; k++)
    {
      Paragraph *talk = &g_array_index (r->paragraphs, Paragraph, k);
      Anchor start = { talk->start, 0.0 };

      if (talk->speaker < 0 && !narrated)
        continue;
      if (r->anchors->len > 0 && g_array_index (r->anchors, Anchor, 0).pos > talk->start)
        {
          g_array_prepend_val (r->anchors, start);
          talk->new_cue = TRUE;
          first = k;
        }
      break;
    }
  rate = chars_per_second (r->anchors);
  if (first > 0)
    hark_text_warn (r->context->warnings, r->context->name, 1, 1,
                    _("Expected a time before the first words of the transcript; the text "
                      "before the first time was left out."));

  for (guint i = first; i < r->paragraphs->len;)
    {
      const Paragraph *head = &g_array_index (r->paragraphs, Paragraph, i);
      guint j = i + 1;
      g_autofree char *text = NULL;

      while (j < r->paragraphs->len && !g_array_index (r->paragraphs, Paragraph, j).new_cue)
        j++;
      {
        const Paragraph *tail = &g_array_index (r->paragraphs, Paragraph, j - 1);

        text = g_strndup (r->stream->str + head->start, tail->end - head->start);
        hark_transcript_builder_add_cue (r->builder, time_at (r->anchors, rate, head->start),
                                         time_at (r->anchors, rate, end_pos (r, j - 1)), text,
                                         head->speaker);
        if (!head->anchored)
          hark_transcript_builder_mark_cue_interpolated (r->builder);
      }
      i = j;
    }

  /* Turns: runs of paragraphs by one speaker. */
  for (guint i = first; i < r->paragraphs->len;)
    {
      const Paragraph *head = &g_array_index (r->paragraphs, Paragraph, i);
      guint j = i + 1;
      g_autofree char *text = NULL;

      while (j < r->paragraphs->len
             && g_array_index (r->paragraphs, Paragraph, j).speaker == head->speaker)
        j++;
      {
        const Paragraph *tail = &g_array_index (r->paragraphs, Paragraph, j - 1);

        text = g_strndup (r->stream->str + head->start, tail->end - head->start);
        hark_transcript_builder_add_turn (r->builder, time_at (r->anchors, rate, head->start),
                                          time_at (r->anchors, rate, end_pos (r, j - 1)), text,
                                          head->speaker, head->anchored ? 1.0f : 0.0f);
        if (!head->anchored)
          hark_transcript_builder_mark_turn_interpolated (r->builder);
      }
      i = j;
    }
}

/* The longest line taken for a transcript's own title when it is no heading. */
#define MAX_TRANSCRIPT_LINE 48

/* "# Transcript": a heading that says the transcript starts below it, and so that what is
 * above it (a summary, the episode's notes, their timed headings) is not. The line's number,
 * or 0 when there is none. */
static guint
find_transcript_heading (const char *text, guint skip)
{
  static const char *const titles[] = { "transcript", "full transcript", "episode transcript",
                                        "the transcript", "transcription", "transkript",
                                        "transkription", "transcripción", "transcrição",
                                        "trascrizione", NULL };
  HarkLineReader reader;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL, *stripped = NULL, *folded = NULL;
      const char *heading;

      if (reader.number <= skip || reader.length > 200)
        continue;
      line = g_strchomp (g_strndup (reader.line, reader.length));
      heading = heading_text (hark_reader_skip_blanks (line));
      /* "**Transcript below:**": a short paragraph of its own, in bold or not, as pages
       * without headings set one. */
      if (heading == NULL && reader.length <= MAX_TRANSCRIPT_LINE)
        heading = hark_reader_skip_blanks (line);
      if (heading == NULL)
        continue;
      stripped = strip_markup (heading);
      g_strstrip (stripped);
      while (*stripped && strchr (":.", stripped[strlen (stripped) - 1]))
        stripped[strlen (stripped) - 1] = '\0';
      folded = g_utf8_casefold (stripped, -1);
      if (g_str_has_suffix (folded, " below"))
        folded[strlen (folded) - strlen (" below")] = '\0';
      if (g_strv_contains (titles, folded))
        return reader.number;
    }
  return 0;
}

/* The timed headings above the transcript's own heading are its chapters; nothing else there
 * is speech. */
static void
add_chapters_above (Reader *r, const char *text, guint skip, guint transcript_at)
{
  HarkLineReader reader;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && reader.number < transcript_at)
    {
      g_autofree char *raw = NULL, *line = NULL, *title = NULL;
      const char *heading;
      double seconds;

      if (reader.number <= skip)
        continue;
      raw = g_strndup (reader.line, reader.length);
      line = unescape_time_marks (raw);
      heading = heading_text (hark_reader_skip_blanks (line));
      if (heading && parse_timed_heading (heading, &seconds, &title) && *title != '\0')
        {
          hark_transcript_builder_add_chapter (r->builder, seconds, -1, title, NULL, TRUE);
          r->context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
        }
    }
}

gboolean
hark_markdown_read (const char *text, HarkTranscriptBuilder *builder,
                    HarkSidecarContext *context, GError **error)
{
  Reader r = { builder, context };
  HarkLineReader reader;
  guint skip = hark_reader_front_matter_lines (text);
  g_autoptr (GString) stream = g_string_new ("");
  g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) notes_lines = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) notes_chapters = g_array_new (FALSE, FALSE, sizeof (NotesEntry));
  g_autoptr (HarkLabelTally) labels = hark_label_tally_new ();
  gboolean any_cue = FALSE;
  guint transcript_at;

  g_array_set_clear_func (notes_chapters, notes_entry_clear);
  r.stream = stream;
  r.anchors = anchors;
  r.paragraphs = paragraphs;
  r.heading_titles = titles;
  r.last_speaker = -1;
  r.labels = labels;
  r.notes_heading = G_MAXUINT;
  skip = hark_reader_header_lines (text, skip);
  count_labels (text, skip, labels);
  collect_heading_titles (text, titles, &r.speaker_headings);
  find_notes_lists (text, skip, notes_lines, notes_chapters);
  find_trailing_chapter_list (text, skip, notes_lines, notes_chapters);
  if (titles->len == 0)
    for (guint i = 0; i < notes_chapters->len; i++)
      {
        NotesEntry *e = &g_array_index (notes_chapters, NotesEntry, i);

        hark_transcript_builder_add_chapter (builder, e->time, -1, e->title, NULL, TRUE);
        context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
      }

  transcript_at = find_transcript_heading (text, skip);
  if (transcript_at > 0)
    {
      add_chapters_above (&r, text, skip, transcript_at);
      skip = transcript_at;
    }

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      const char *body;

      if (reader.number <= skip)
        continue;
      if (hark_text_line_is_blank (reader.line, reader.length, TRUE)
          || g_hash_table_contains (notes_lines, GUINT_TO_POINTER (reader.number)))
        {
          close_paragraph (&r);
          continue;
        }
      line = g_strchomp (g_strndup (reader.line, reader.length));
      body = skip_quote_markers (line);
      if (*body == '\0' || is_thematic_break (body))
        {
          close_paragraph (&r);
          continue;
        }
      read_line (&r, body, reader.number);
    }
  close_paragraph (&r);
  g_clear_pointer (&r.waiting_name, g_free);

  for (guint i = 0; i < paragraphs->len; i++)
    any_cue |= g_array_index (paragraphs, Paragraph, i).new_cue;
  if (anchors->len == 0 && has_speakers (paragraphs))
    {
      /* "**Name:** words" paragraphs with no time at all: a speaker-labelled text, which the
       * captions beside it will time. */
      emit_untimed (&r);
      context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
      return TRUE;
    }
  if (anchors->len == 0 || !any_cue)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected times in the transcript: “[00:01:02] **Name:** "
                                   "words”, time marks such as “[00:01:00]” in the text, or "
                                   "timed headings such as “## Title [00:01:02]”."));
      return FALSE;
    }
  g_array_set_size (paragraphs, find_trailing_notes (&r));
  emit (&r);
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}

/* Signs only Markdown transcripts show: bold speaker labels, timed headings, bracketed time
 * marks inside the text, front matter. */
gboolean
hark_markdown_sniff (const char *text)
{
  HarkLineReader reader;
  guint lines = 0, signs = 0, name_headings = 0, prose_marks = 0;
  gboolean structure = hark_reader_front_matter_lines (text) > 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 400)
    {
      g_autofree char *raw = NULL, *line = NULL;
      const char *p, *rest, *end, *heading, *start;
      char *speaker = NULL;
      double seconds;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      lines++;
      raw = g_strndup (reader.line, reader.length);
      line = g_strchomp (unescape_time_marks (raw));
      p = hark_reader_skip_blanks (skip_quote_markers (line));
      heading = heading_text (p);
      if (heading)
        {
          g_autofree char *title = NULL;

          signs += parse_timed_heading (heading, &seconds, &title);
          structure = TRUE;
          continue;
        }
      if (scan_mark (p, TRUE, &end, &seconds))
        p = hark_reader_skip_blanks (end);
      if (scan_bold_speaker (p, &speaker, &rest) || scan_bracketed_speaker (p, &speaker, &rest)
          || scan_bold_timed_speaker (p, &speaker, &seconds, &rest))
        {
          signs++;
          g_free (speaker);
          continue;
        }
      /* "Kim [01:02]:" is a timestamped-text heading and "Kim: words" a plain label, not
       * marks inside Markdown text; they make a Markdown transcript only in a file with
       * Markdown's own structure (front matter, headings). */
      if (hark_timestamped_is_name_heading (p) || hark_text_split_speaker (p, NULL, NULL))
        {
          name_headings++;
          continue;
        }
      /* A line of prose with a time mark at its start or in brackets: a narrator's paragraph
       * (list items, a chapter list's short lines, are not counted). */
      start = hark_reader_skip_blanks (skip_quote_markers (line));
      if (start == skip_list_marker (start) && first_time_in (line) >= 0)
        {
          guint words = 1;

          for (const char *q = start; *q; q++)
            words += *q == ' ';
          prose_marks += words >= 8;
        }
      for (const char *q = *p ? strchr (p + 1, '[') : NULL; q; q = strchr (q + 1, '['))
        if (scan_mark (q, FALSE, &end, &seconds))
          {
            signs++;
            break;
          }
    }
  return signs >= 2 || (structure && (name_headings >= 2 || prose_marks >= 2));
}
