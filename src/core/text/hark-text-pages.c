/* hark-text-pages.c — what a page of a printed transcript adds that nobody said
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "text/hark-text-pages.h"

#include <string.h>

/* A header longer than this is somebody's words, not a title. */
#define MAX_HEADER 160
/* Enough pages to tell a header that repeats; a hostile file may hold millions of feeds. */
#define MAX_PAGES 4096

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\r'))
    p++;
  return p;
}

static const char *
trim_end (const char *start, const char *end)
{
  while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;
  return end;
}

/* Counts the line starting at @line (past blanks and a form feed) as a header seen once more;
 * keeps @best on the most frequent one. */
static void
count_header (GHashTable *counts, const char *line, const char **best, guint *best_count)
{
  const char *line_end = strchr (line, '\n');
  const char *start, *end;
  char *key;
  guint count;

  if (line_end == NULL)
    line_end = line + strlen (line);
  start = skip_blanks (line, line_end);
  end = trim_end (start, line_end);
  if (end == start || end - start > MAX_HEADER || !g_utf8_validate (start, end - start, NULL))
    return;
  key = g_strndup (start, (gsize) (end - start));
  count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
  /* Replacing keeps the key just made and frees the old one, which @best may have been: the
   * best text's count only grows, so @best moves to the new key here. */
  g_hash_table_replace (counts, key, GUINT_TO_POINTER (count));
  if (count > *best_count)
    {
      *best = key;
      *best_count = count;
    }
}

char *
hark_text_find_running_header (const char *text)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *best = NULL, *first = text;
  guint best_count = 1, pages = 0;

  if (strchr (text, '\f') == NULL)
    return NULL;
  /* The first page has its header too, with no form feed before it. */
  while (*first == '\n' || *first == ' ' || *first == '\t' || *first == '\r')
    first++;
  count_header (counts, first, &best, &best_count);
  for (const char *feed = strchr (text, '\f'); feed && pages < MAX_PAGES;
       feed = strchr (feed + 1, '\f'), pages++)
    count_header (counts, feed, &best, &best_count);
  return best ? g_strdup (best) : NULL;
}

/* "Page 3 of 45", "Page 3", in the languages transcripts come in most. */
static gboolean
is_page_number (const char *p, const char *end)
{
  static const char *const page[] = { "page ", "seite ", "página ", "pagina ", "pág. ", NULL };
  static const char *const of[] = { "of ", "von ", "de ", "sur ", "di ", "van ", "/ ", NULL };
  gboolean found = FALSE;

  for (guint i = 0; page[i] && !found; i++)
    if ((gsize) (end - p) > strlen (page[i]) && g_ascii_strncasecmp (p, page[i], strlen (page[i])) == 0)
      {
        p += strlen (page[i]);
        found = TRUE;
      }
  if (!found || p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  p = skip_blanks (p, end);
  if (p == end)
    return TRUE;
  for (guint i = 0; of[i]; i++)
    if ((gsize) (end - p) > strlen (of[i]) && g_ascii_strncasecmp (p, of[i], strlen (of[i])) == 0)
      {
        p = skip_blanks (p + strlen (of[i]), end);
        if (p == end || !g_ascii_isdigit (*p))
          return FALSE;
        while (p < end && g_ascii_isdigit (*p))
          p++;
        return p == end;
      }
  return FALSE;
}

gboolean
hark_text_line_is_page_furniture (const char *line, gsize length, const char *running_header)
{
  const char *end = line + length;
  const char *start = skip_blanks (line, end);
  gboolean fed = memchr (line, '\f', (gsize) (start - line)) != NULL;

  end = trim_end (start, end);
  if (start == end)
    return fed;
  if (is_page_number (start, end))
    return TRUE;
  return running_header != NULL && strlen (running_header) == (gsize) (end - start)
         && memcmp (running_header, start, (gsize) (end - start)) == 0;
}
