/* hark-html-reader.c — HTML transcripts: Podcasting 2.0 text/html and hosts' pages
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes published:
 *   <cite>Name:</cite> <time>0:00</time> <p>words</p>      the Podcasting 2.0 example, repeated
 *   <p><strong>Name</strong> 00:01:02</p><p>words</p>      a heading paragraph, then the words
 *   <tr><td>00:01:02</td><td>Name</td><td>words</td></tr>  a table of rows, in any column order
 *   <dt>Name</dt><dd><time>0:00</time> words</dd>          a definition list of turns
 *   <h3>Name 00:01:02</h3><p>words</p>                     a heading per turn
 *   <p>00:01:02 Name: words<br>…</p>, <pre>…</pre>          a text transcript wrapped in markup
 * inside a fragment or a whole page whose head, scripts, styles and navigation are not speech.
 * The page is flattened to text lines — a block a paragraph, <br> a line, a cite or time the
 * "[time] Name:" prefix of the words after it, a table row one such line — and the flattened
 * text is read by the text reader that fits it, so every layout those readers know works in
 * HTML too. Messages name the page's own lines.
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"
#include "util/hark-time.h"

#include <stdio.h>
#include <string.h>

#include "text/hark-text-seconds.h"
#include "text/hark-text-utils.h"

#define MAX_NAME_LENGTH 48
#define MAX_TAG_NAME 16
/* Longer than any recording: a time beyond this is a typo. */
#define MAX_SECONDS (100.0 * 3600.0)

typedef struct
{
  const char *p;      /* where the scan is */
  guint source_line;  /* of @p */
  GString *out;       /* the flattened text */
  GArray *line_map;   /* guint: the page's line of each flattened line */
  GString *block;     /* the words of the block being read */
  guint block_line;   /* where they started */
  GPtrArray *cells;   /* char *: the cells of the table row being read, or NULL */
  gboolean row_all_header;
  GString *cell;      /* the cell being read, or NULL */
  char *speaker;      /* a <cite> waiting for its words */
  double time;        /* a <time> waiting for its words, < 0 for none */
  gboolean in_pre;
  gboolean in_time;
  guint32 unclosed;          /* skipped elements the page never closes (by skipped_index) */
  gboolean ignore_quotes;    /* an attribute's quote ran to the end of the page */
  gboolean no_more_tags;     /* no '>' is left */
  int heading;        /* 1–6 inside <hN> */
  char speaker_tag[MAX_TAG_NAME + 1]; /* inside <p class="speaker">: the element's name */
  char *marked_speaker; /* the last name such an element gave: the speaker of the words until
                         * the next, so "Klar: …" in them is no name */
} Flattener;

static void
emit_line (Flattener *f, const char *line, guint source_line)
{
  guint number = source_line;

  g_string_append (f->out, line);
  g_string_append_c (f->out, '\n');
  g_array_append_val (f->line_map, number);
}

static void
emit_blank (Flattener *f)
{
  gsize n = f->out->len;

  if (n > 0 && !(n >= 2 && f->out->str[n - 1] == '\n' && f->out->str[n - 2] == '\n'))
    emit_line (f, "", f->source_line);
}

/* "[1:02:03.500] " or "[2:03.500] " for a pending time, "Name: " for a pending speaker, then @words. */
static void
emit_turn (Flattener *f, double time, const char *speaker, const char *words, guint source_line)
{
  g_autoptr (GString) line = g_string_new (NULL);

  if (time >= 0)
    {
      g_autofree char *stamp = hark_time_format (time, TRUE);

      g_string_append_printf (line, "[%s] ", stamp);
    }
  if (speaker == NULL && *words != '\0')
    speaker = f->marked_speaker;
  if (speaker)
    g_string_append_printf (line, "%s: ", speaker);
  g_string_append (line, words);
  g_strchomp (line->str);
  emit_line (f, line->str, source_line);
}

/* The words gathered so far, entities decoded and white space collapsed. */
/* "▶ words": a play button's glyph before the words is a control, not speech; a word made of
 * symbols alone (no letter, digit or punctuation) is blanked. */
static void
drop_symbol_words (char *text)
{
  char *word = text;

  while (*word)
    {
      char *end = word;
      gboolean symbols = TRUE;

      while (*end && !g_ascii_isspace (*end))
        {
          gunichar c = g_utf8_get_char_validated (end, -1);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            return;
          if (g_unichar_type (c) != G_UNICODE_OTHER_SYMBOL)
            symbols = FALSE;
          end = g_utf8_next_char (end);
        }
      if (symbols && end > word)
        memset (word, ' ', (gsize) (end - word));
      word = end;
      while (g_ascii_isspace (*word))
        word++;
    }
}

static char *
take_words (GString *buffer)
{
  g_autofree char *decoded = hark_text_decode_entities (buffer->str);

  g_string_truncate (buffer, 0);
  drop_symbol_words (decoded);
  return hark_text_collapse_space (decoded);
}

static gboolean
is_blank (const GString *buffer)
{
  for (gsize i = 0; i < buffer->len; i++)
    if (!g_ascii_isspace (buffer->str[i]))
      return FALSE;
  return TRUE;
}

/* The words so far as the pending speaker, when they are only a name ("Kim Scott", "Kim:"). */
static gboolean
take_name (Flattener *f)
{
  g_autofree char *words = NULL;
  gsize n;

  if (f->speaker != NULL || f->cell != NULL)
    return FALSE;
  words = take_words (f->block);
  n = strlen (words);
  while (n > 0 && strchr (":- ", words[n - 1]))
    n--;
  if (n == 0 || n > MAX_NAME_LENGTH || !hark_text_looks_like_name (words, n)
      || hark_text_is_non_speaker_label (words, n))
    {
      g_string_append (f->block, words);
      return FALSE;
    }
  f->speaker = g_strndup (words, n);
  return TRUE;
}

/* A cite or time that no words followed: its own line. */
static void
flush_pending (Flattener *f)
{
  if (f->speaker == NULL && f->time < 0)
    return;
  emit_turn (f, f->time, f->speaker, "", f->block_line);
  g_clear_pointer (&f->speaker, g_free);
  f->time = -1;
}

/* Ends the current line of words, which take the pending cite and time; @paragraph also ends
 * the paragraph. */
static void
flush_block (Flattener *f, gboolean paragraph)
{
  g_autofree char *words = take_words (f->block);

  if (*words != '\0')
    {
      emit_turn (f, f->time, f->speaker, words, f->block_line);
      g_clear_pointer (&f->speaker, g_free);
      f->time = -1;
    }
  if (paragraph)
    emit_blank (f);
  f->block_line = f->source_line;
}

static gboolean
contains_time (const char *words)
{
  for (const char *p = words; *p; p++)
    {
      const char *end;
      double seconds;

      if (g_ascii_isdigit (*p) && (p == words || !g_ascii_isdigit (p[-1]))
          && hark_text_scan_time (p, &end, &seconds))
        return TRUE;
    }
  return FALSE;
}

/* A heading is a title, not speech; one carrying a time becomes a timed Markdown heading,
 * which the readers turn into a chapter (or a speaker, when the title is a speaker's name). */
static void
flush_heading (Flattener *f)
{
  g_autofree char *words = take_words (f->block);

  if (contains_time (words))
    {
      g_autofree char *line = g_strdup_printf ("## %s", words);

      flush_pending (f);
      emit_blank (f);
      emit_line (f, line, f->block_line);
    }
  emit_blank (f);
  f->block_line = f->source_line;
}

/* "00:01:02", "[00:01:02]", "(1:02)", "0h00m44s" and nothing else. */
static gboolean
parse_bare_time (const char *text, double *seconds)
{
  const char *p = text;
  char close = *p == '[' ? ']' : *p == '(' ? ')' : '\0';
  const char *start;

  if (close)
    p++;
  start = p;
  if (!hark_text_scan_time (p, &p, seconds))
    {
      /* With units, a unit must show: a cell holding a plain number is a count, not a time. */
      if (!hark_text_scan_seconds (start, HARK_SECONDS_UNITS, MAX_SECONDS, &p, seconds)
          || (memchr (start, 'h', p - start) == NULL && memchr (start, 'm', p - start) == NULL))
        return FALSE;
    }
  if (close && *p++ != close)
    return FALSE;
  return *p == '\0';
}

/* A table row: the cell holding only a time, a short cell naming someone (not the last one,
 * which holds the words), and the words. A row of headers ("Time", "Speaker") is dropped. */
static void
flush_row (Flattener *f)
{
  g_autoptr (GPtrArray) cells = g_steal_pointer (&f->cells);
  g_autoptr (GString) words = g_string_new (NULL);
  int time_cell = -1, name_cell = -1, last = -1;
  double time = -1;
  g_autofree char *speaker = NULL;

  if (cells == NULL || f->row_all_header)
    return;
  for (guint i = 0; i < cells->len; i++)
    if (*(char *) g_ptr_array_index (cells, i) != '\0')
      last = (int) i;
  for (int i = 0; i <= last; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      gsize n = strlen (cell);
      double seconds;

      if (time_cell < 0 && parse_bare_time (cell, &seconds))
        {
          time_cell = i;
          time = seconds;
          continue;
        }
      if (name_cell < 0 && i < last && n > 0 && n <= MAX_NAME_LENGTH)
        {
          gsize m = cell[n - 1] == ':' ? n - 1 : n;

          if (m > 0 && hark_text_looks_like_name (cell, m))
            {
              name_cell = i;
              speaker = g_strndup (cell, m);
              continue;
            }
        }
      if (*cell == '\0')
        continue;
      if (words->len > 0)
        g_string_append_c (words, ' ');
      g_string_append (words, cell);
    }
  if (words->len == 0 && time < 0)
    return;
  emit_turn (f, time, speaker, words->str, f->block_line);
  emit_blank (f);
  f->block_line = f->source_line;
}

/* Elements whose content is never speech: the index of @name among them, or -1. */
static int
skipped_index (const char *name)
{
  static const char *const skipped[] = {
    "head", "script", "style", "noscript", "template", "svg", "nav", "footer", "button",
    "select", "iframe", "audio", "video", "form", "title", "object", "canvas", "math",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (skipped) <= 32);
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_ascii_strcasecmp (name, skipped[i]) == 0)
      return (int) i;
  return -1;
}

static gboolean
is_block (const char *name)
{
  static const char *const blocks[] = {
    "p",      "div",     "section", "article",  "main",   "blockquote", "li",    "ul",
    "ol",     "dl",      "dt",      "dd",       "header", "figure",     "figcaption",
    "hr",     "table",   "tbody",   "thead",    "tfoot",  "caption",    "body",  "html",
    "aside",  "address", "details", "summary",  "pre",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
count_lines (Flattener *f, const char *from, const char *to)
{
  for (const char *q = from; q < to; q++)
    if (*q == '\n')
      f->source_line++;
}

/* Moves past @name's closing tag (case-insensitively), or only past the opening tag when the
 * page never closes it. */
static void
skip_element (Flattener *f, const char *name, int index, const char *after_open)
{
  g_autofree char *close = g_strdup_printf ("</%s", name);
  gsize n = strlen (close);

  /* A page that never closes it once never will further on: one search, not one per tag. */
  if (f->unclosed & (1u << index))
    {
      count_lines (f, f->p, after_open);
      f->p = after_open;
      return;
    }
  for (const char *q = strchr (after_open, '<'); q; q = strchr (q + 1, '<'))
    if (g_ascii_strncasecmp (q, close, n) == 0 && !g_ascii_isalnum (q[n]))
      {
        const char *end = strchr (q, '>');

        end = end ? end + 1 : q + strlen (q);
        count_lines (f, f->p, end);
        f->p = end;
        return;
      }
  f->unclosed |= 1u << index;
  count_lines (f, f->p, after_open);
  f->p = after_open;
}

/* The '>' ending the tag at @p, past quoted attribute values; NULL when there is none. Once a
 * quote runs to the end of the page, quotes are no longer trusted, and once no '>' is left no
 * '<' is a tag: every failed search is the last of its kind, so the scan stays linear. */
static const char *
tag_end (Flattener *f, const char *p)
{
  char quote = '\0';

  if (f->no_more_tags)
    return NULL;
  if (f->ignore_quotes)
    {
      const char *end = strchr (p, '>');

      f->no_more_tags = end == NULL;
      return end;
    }
  for (p++; *p; p++)
    {
      if (quote)
        {
          if (*p == quote)
            quote = '\0';
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p;
    }
  f->ignore_quotes = TRUE;
  return NULL;
}

static GString *
words_buffer (Flattener *f)
{
  return f->cell ? f->cell : f->block;
}

/* ---- Times and speakers in attributes --------------------------------------------------- */

/* "25", "25.5", "25s", "1:02", "0:0:25" (fields of one digit, as some generators write them),
 * "01:02:03.5", "1h2m3s": a time as players' links and scripts carry it. */
static gboolean
parse_loose_time (const char *p, const char **end, double *seconds)
{
  return hark_text_scan_seconds (p, HARK_SECONDS_LOOSE_CLOCK | HARK_SECONDS_UNITS, MAX_SECONDS,
                                 end, seconds);
}

/* The value of attribute @want in the tag text @attrs … @attrs_end, or NULL. */
static char *
attribute_value (const char *attrs, const char *attrs_end, const char *want)
{
  const char *p = attrs;
  gsize want_length = strlen (want);

  while (p < attrs_end)
    {
      const char *name = p, *value, *value_end;

      while (p < attrs_end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == ':'))
        p++;
      if (p == name)
        {
          p++;
          continue;
        }
      {
        gsize name_length = (gsize) (p - name);
        gboolean wanted = want[want_length - 1] == '*'
                              ? name_length >= want_length - 1
                                    && g_ascii_strncasecmp (name, want, want_length - 1) == 0
                              : name_length == want_length
                                    && g_ascii_strncasecmp (name, want, want_length) == 0;

        while (p < attrs_end && g_ascii_isspace (*p))
          p++;
        if (p >= attrs_end || *p != '=')
          continue;
        p++;
        while (p < attrs_end && g_ascii_isspace (*p))
          p++;
        if (p < attrs_end && (*p == '"' || *p == '\''))
          {
            char quote = *p++;

            value = p;
            while (p < attrs_end && *p != quote)
              p++;
            value_end = p;
            if (p < attrs_end)
              p++;
          }
        else
          {
            value = p;
            while (p < attrs_end && !g_ascii_isspace (*p) && *p != '>')
              p++;
            value_end = p;
          }
        if (wanted)
          return g_strndup (value, MIN ((gsize) (value_end - value), 512));
      }
    }
  return NULL;
}

/* The time an element carries for a player: data-start="12.5", data-time="00:01:02",
 * href="#t=62" (or "?t=1m2s"), onclick="playAt('0:1:2')" — the start of the words inside. */
static gboolean
element_time (const char *attrs, const char *attrs_end, double *seconds)
{
  static const char *const data_names[] = { "data-start", "data-time", "data-begin",
                                            "data-timestamp", "data-t", "data-seconds" };
  const char *end;

  for (guint i = 0; i < G_N_ELEMENTS (data_names); i++)
    {
      g_autofree char *value = attribute_value (attrs, attrs_end, data_names[i]);

      if (value && parse_loose_time (hark_reader_skip_blanks (value), &end, seconds)
          && *hark_reader_skip_blanks (end) == '\0')
        return TRUE;
    }
  {
    g_autofree char *href = attribute_value (attrs, attrs_end, "href");
    const char *t = href ? strstr (href, "t=") : NULL;

    if (t && t > href && strchr ("#?&", t[-1]) && parse_loose_time (t + 2, &end, seconds)
        && strchr ("&\0", *end))
      return TRUE;
  }
  {
    /* A script call whose first argument is the time. */
    g_autofree char *script = attribute_value (attrs, attrs_end, "on*");
    const char *open = script ? strchr (script, '(') : NULL;

    if (open)
      {
        const char *q = hark_reader_skip_blanks (open + 1);

        if (*q == '\'' || *q == '"')
          q++;
        if (parse_loose_time (q, &end, seconds) && strchr ("'\"),", *end) && *end)
          return TRUE;
      }
  }
  return FALSE;
}

/* class="speaker", class="turn-speaker name": an element that holds who speaks. */
static gboolean
names_speaker (const char *attrs, const char *attrs_end)
{
  g_autofree char *classes = attribute_value (attrs, attrs_end, "class");
  g_autofree char *lower = classes ? g_ascii_strdown (classes, -1) : NULL;

  return lower != NULL && strstr (lower, "speaker") != NULL;
}

/* A time that starts the words after it (from <time> or an attribute). */
static void
start_time (Flattener *f, double seconds)
{
  if (!is_blank (f->block) && !take_name (f))
    flush_block (f, FALSE);
  if (f->time >= 0)
    flush_pending (f);
  f->time = seconds;
}

static void
handle_tag (Flattener *f, const char *name, gboolean closing, const char *attrs,
            const char *after)
{
  int skipped = closing ? -1 : skipped_index (name);
  double seconds;

  if (skipped >= 0)
    {
      skip_element (f, name, skipped, after);
      return;
    }
  count_lines (f, f->p, after);
  f->p = after;

  if (!closing && !f->cell && f->heading == 0 && f->speaker_tag[0] == '\0'
      && names_speaker (attrs, after - 1))
    {
      /* <p class="speaker">Kim Scott</p>: the name of whoever says the words after it. */
      flush_block (f, is_block (name));
      g_strlcpy (f->speaker_tag, name, sizeof f->speaker_tag);
      return;
    }
  if (closing && f->speaker_tag[0] != '\0' && g_ascii_strcasecmp (name, f->speaker_tag) == 0)
    {
      f->speaker_tag[0] = '\0';
      if (!take_name (f))
        flush_block (f, TRUE);
      else
        {
          g_free (f->marked_speaker);
          f->marked_speaker = g_strdup (f->speaker);
        }
      return;
    }
  if (!closing && !f->cell && f->heading == 0 && f->speaker_tag[0] == '\0'
      && element_time (attrs, after - 1, &seconds))
    start_time (f, seconds);

  if (g_ascii_strcasecmp (name, "br") == 0)
    {
      if (f->cell)
        g_string_append_c (f->cell, ' ');
      else
        flush_block (f, FALSE);
    }
  else if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2])
    {
      if (f->heading == 0 && !closing)
        {
          flush_block (f, TRUE);
          f->heading = name[1] - '0';
        }
      else if (f->heading != 0 && closing)
        {
          flush_heading (f);
          f->heading = 0;
        }
    }
  else if (g_ascii_strcasecmp (name, "tr") == 0)
    {
      flush_row (f);
      if (!closing)
        {
          flush_block (f, TRUE);
          f->cells = g_ptr_array_new_with_free_func (g_free);
          f->row_all_header = TRUE;
        }
    }
  else if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    {
      if (f->cell && f->cells)
        g_ptr_array_add (f->cells, take_words (f->cell));
      if (f->cell)
        g_string_free (g_steal_pointer (&f->cell), TRUE);
      if (!closing && f->cells)
        {
          f->cell = g_string_new (NULL);
          if (g_ascii_strcasecmp (name, "td") == 0)
            f->row_all_header = FALSE;
        }
    }
  else if (g_ascii_strcasecmp (name, "cite") == 0)
    {
      if (!closing)
        {
          flush_block (f, FALSE);
          if (f->speaker)
            flush_pending (f);
        }
      else if (!f->cell && f->heading == 0)
        {
          g_autofree char *words = take_words (f->block);
          gsize n = strlen (words);

          while (n > 0 && (words[n - 1] == ':' || words[n - 1] == ' '))
            n--;
          if (n > 0 && n <= MAX_NAME_LENGTH)
            {
              g_free (f->speaker);
              f->speaker = g_strndup (words, n);
            }
        }
    }
  else if (g_ascii_strcasecmp (name, "time") == 0)
    {
      if (!closing && !f->cell && f->heading == 0)
        {
          /* A time starts the words after it; a name right before it is theirs too
           * ("<dt>Kim Scott <time>1:02</time></dt><dd>words</dd>"). */
          if (!is_blank (f->block) && !take_name (f))
            flush_block (f, FALSE);
          f->in_time = TRUE;
        }
      else if (closing && f->in_time)
        {
          g_autofree char *words = take_words (f->block);

          f->in_time = FALSE;
          if (parse_bare_time (words, &seconds))
            {
              if (f->time >= 0)
                flush_pending (f);
              f->time = seconds;
            }
          else
            g_string_append (f->block, words);
        }
    }
  else if (g_ascii_strcasecmp (name, "pre") == 0)
    {
      flush_block (f, TRUE);
      f->in_pre = !closing;
    }
  else if (g_ascii_strcasecmp (name, "dt") == 0 && closing && !f->cell && f->heading == 0)
    {
      /* "<dt>Kim Scott</dt><dd>words</dd>": the term names who says the words after it. */
      if (!take_name (f))
        flush_block (f, TRUE);
    }
  else if (is_block (name))
    {
      if (f->cell)
        g_string_append_c (f->cell, ' ');
      else if (f->heading == 0)
        flush_block (f, TRUE);
    }
  else
    {
      /* Inline elements (a, span, strong, em…) separate nothing, but "a<b>c</b>" must not
       * lose a space that was never there: nothing is added. */
    }
}

/* Returns FALSE when @p does not start a tag (a '<' in the text). */
static gboolean
scan_tag (Flattener *f)
{
  const char *p = f->p;
  const char *end;
  gboolean closing = FALSE;
  char name[MAX_TAG_NAME + 1];
  gsize n = 0;

  if (g_str_has_prefix (p, "<!--"))
    {
      const char *close = strstr (p + 4, "-->");

      end = close ? close + 3 : p + strlen (p);
      count_lines (f, p, end);
      f->p = end;
      return TRUE;
    }
  if (p[1] == '!' || p[1] == '?')
    {
      end = strchr (p, '>');
      end = end ? end + 1 : p + strlen (p);
      count_lines (f, p, end);
      f->p = end;
      return TRUE;
    }
  p++;
  if (*p == '/')
    {
      closing = TRUE;
      p++;
    }
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '-' || *p == ':')
    {
      if (n < MAX_TAG_NAME)
        name[n++] = *p;
      p++;
    }
  name[n] = '\0';
  if (*p != '>' && *p != '/' && !g_ascii_isspace (*p))
    return FALSE;
  end = tag_end (f, f->p);
  if (end == NULL)
    return FALSE;
  handle_tag (f, name, closing, p, end + 1);
  return TRUE;
}

static void
flatten (Flattener *f)
{
  while (*f->p)
    {
      const char *next;
      gsize run;

      if (*f->p == '<' && scan_tag (f))
        continue;
      /* A run of text up to the next tag. */
      next = strchr (f->p + 1, '<');
      run = next ? (gsize) (next - f->p) : strlen (f->p);
      if (f->in_pre && !f->cell)
        {
          const char *q = f->p, *stop = f->p + run;

          while (q < stop)
            {
              const char *nl = memchr (q, '\n', (gsize) (stop - q));

              g_string_append_len (f->block, q, (nl ? nl : stop) - q);
              if (nl == NULL)
                break;
              flush_block (f, FALSE);
              f->source_line++;
              f->block_line = f->source_line;
              q = nl + 1;
            }
          f->p = stop;
          continue;
        }
      if (f->block->len == 0 && !f->cell)
        f->block_line = f->source_line;
      g_string_append_len (words_buffer (f), f->p, run);
      count_lines (f, f->p, f->p + run);
      f->p += run;
    }
  if (f->cells)
    {
      if (f->cell)
        g_ptr_array_add (f->cells, take_words (f->cell));
      flush_row (f);
    }
  flush_block (f, TRUE);
  flush_pending (f);
}

/* "name:12:3: …" from the flattened text becomes "name:<page line>:1: …". */
static char *
remap_message (const char *message, const char *name, GArray *line_map)
{
  gsize n = strlen (name);
  const char *p = message + n;
  char *end;
  guint64 line;

  if (strncmp (message, name, n) != 0 || *p != ':')
    return NULL;
  line = g_ascii_strtoull (p + 1, &end, 10);
  if (end == p + 1 || *end != ':')
    return NULL;
  p = end + 1;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != ':')
    return NULL;
  if (line >= 1 && line <= line_map->len)
    line = g_array_index (line_map, guint, line - 1);
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":1%s", name, line, p);
}

gboolean
hark_html_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                GError **error)
{
  Flattener f = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) line_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GString) block = g_string_new (NULL);
  guint first_warning = context->warnings ? context->warnings->len : 0;
  HarkSidecarFormat format;
  gboolean ok;

  f.p = text;
  f.source_line = f.block_line = 1;
  f.out = out;
  f.line_map = line_map;
  f.block = block;
  f.time = -1;
  flatten (&f);
  g_free (f.speaker);
  g_free (f.marked_speaker);
  if (f.cell)
    g_string_free (f.cell, TRUE);
  g_clear_pointer (&f.cells, g_ptr_array_unref);

  format = hark_sidecar_sniff_plain_text (out->str);
  if (format == HARK_SIDECAR_FORMAT_AUTO)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected a transcript in this HTML: “<cite>Name:</cite> "
                                   "<time>0:00</time> <p>words</p>” turns, table rows of time, "
                                   "name and words, or lines such as “00:01:02 Name: words”."));
      return FALSE;
    }
  ok = hark_sidecar_read_text_as (format, out->str, builder, context, error);
  for (guint i = first_warning; context->warnings && i < context->warnings->len; i++)
    {
      char *mapped = remap_message (g_ptr_array_index (context->warnings, i), context->name,
                                    line_map);

      if (mapped)
        {
          g_free (g_ptr_array_index (context->warnings, i));
          g_ptr_array_index (context->warnings, i) = mapped;
        }
    }
  if (!ok && error && *error)
    {
      char *mapped = remap_message ((*error)->message, context->name, line_map);

      if (mapped)
        {
          g_free ((*error)->message);
          (*error)->message = mapped;
        }
    }
  return ok;
}

/* An HTML document or fragment: it opens with a doctype, <html>, or a tag of the kinds
 * transcripts are written in, and closes one of them. Markdown may hold a tag or two, but
 * does not start with one. */
gboolean
hark_html_sniff (const char *text)
{
  static const char *const openers[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<p>", "<p ", "<div", "<cite",
    "<time", "<table", "<section", "<article", "<main", "<h1", "<h2", "<h3", "<h4", "<span",
    "<strong", "<b>", "<br", "<ul", "<ol", "<pre", "<blockquote", "<dl",
  };
  static const char *const closers[] = {
    "</p>", "</div>", "</cite>", "</td>", "</html>", "</body>", "</li>", "</pre>", "</span>",
    "<br", "</h1>", "</h2>", "</h3>", "</section>", "</article>", "</blockquote>", "</dd>",
  };
  const char *p = text;
  gsize window;
  gboolean opens = FALSE;

  while (g_ascii_isspace (*p))
    p++;
  /* XHTML's declaration says nothing of what the page is. */
  if (g_str_has_prefix (p, "<?xml"))
    {
      const char *close = strstr (p, "?>");

      if (close == NULL)
        return FALSE;
      p = close + 2;
      while (g_ascii_isspace (*p))
        p++;
    }
  /* Comments first (a Markdown file may open with one too): what follows them decides. */
  while (g_str_has_prefix (p, "<!--"))
    {
      const char *close = strstr (p + 4, "-->");

      if (close == NULL)
        return FALSE;
      p = close + 3;
      while (g_ascii_isspace (*p))
        p++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (openers) && !opens; i++)
    opens = g_ascii_strncasecmp (p, openers[i], strlen (openers[i])) == 0;
  if (!opens)
    return FALSE;
  if (g_ascii_strncasecmp (p, "<!doctype html", 14) == 0 || g_ascii_strncasecmp (p, "<html", 5) == 0)
    return TRUE;
  /* A closing tag in the first 64 KiB (a page's head may be long). */
  window = MIN (strlen (p), (gsize) 64 * 1024);
  for (guint i = 0; i < G_N_ELEMENTS (closers); i++)
    {
      gsize m = strlen (closers[i]);

      for (const char *q = p; q + m <= p + window; q++)
        {
          q = memchr (q, '<', (gsize) (p + window - q));
          if (q == NULL || q + m > p + window)
            break;
          if (g_ascii_strncasecmp (q, closers[i], m) == 0)
            return TRUE;
        }
    }
  return FALSE;
}
