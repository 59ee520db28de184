/* hark-reading.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reading/hark-reading.h"

#include <string.h>

#include "util/hark-time.h"

struct _HarkReading
{
  gatomicrefcount ref_count;
  HarkTranscript *transcript;
  GArray *entries;    /* HarkSegmentEntry, the shown ones, sorted by start; strings borrowed */
  GArray *rows;       /* HarkReadingRow */
  GStringChunk *text; /* the rows' texts */
  int *first_row_of_turn;
};

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const HarkSegmentEntry *x = a, *y = b;

  return (x->segment.start > y->segment.start) - (x->segment.start < y->segment.start);
}

/* Snaps @offset forward to the start of a word, so a piece never begins mid-word. */
static gsize
snap_to_word (const char *text, gsize len, gsize offset)
{
  if (offset == 0 || offset >= len)
    return MIN (offset, len);
  if (text[offset - 1] == ' ')
    return offset;
  while (offset < len && text[offset] != ' ')
    offset++;
  while (offset < len && text[offset] == ' ')
    offset++;
  return offset;
}

/* The first word of @text, lower case, letters and digits only (at most @size - 1 bytes). */
static void
first_word (const char *text, char *word, gsize size)
{
  gsize n = 0;

  while (*text != '\0' && !g_ascii_isalnum (*text))
    text++;
  while (*text != '\0' && g_ascii_isalnum (*text) && n + 1 < size)
    word[n++] = g_ascii_tolower (*text++);
  word[n] = '\0';
}

/* The ruler is only proportional: where a cue starts, the turn text should start with the cue's
 * first word. Looks for it at a word start near @offset and returns the nearest, or @offset. */
static gsize
snap_to_cue_word (const char *text, gsize len, gsize offset, const char *cue_text)
{
  char word[32];
  gsize wlen, best = offset, best_distance = G_MAXSIZE;
  gsize from, to;

  first_word (cue_text, word, sizeof word);
  wlen = strlen (word);
  if (wlen == 0)
    return offset;
  from = offset > 60 ? offset - 60 : 0;
  to = MIN (offset + 60, len);
  for (gsize i = from; i + wlen <= to; i++)
    {
      gsize distance = i > offset ? i - offset : offset - i;

      if ((i == 0 || !g_ascii_isalnum (text[i - 1])) && g_ascii_strncasecmp (text + i, word, wlen) == 0 &&
          !g_ascii_isalnum (text[i + wlen]) && distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }
  return best;
}

gsize
hark_reading_turn_offset_at (HarkReading *self, int turn, double time)
{
  guint n_turns, n_cues;
  const HarkTurn *turns = hark_transcript_get_turns (self->transcript, &n_turns);
  const HarkCue *cues = hark_transcript_get_cues (self->transcript, &n_cues);
  const HarkTurn *t;
  gsize len, total = 0, before = 0;
  double share;

  g_return_val_if_fail (turn >= 0 && (guint) turn < n_turns, 0);
  t = &turns[turn];
  len = strlen (t->text);
  if (time <= t->start)
    return 0;
  if (time >= t->end)
    return len;

  if (t->n_cues == 0)
    {
      share = (time - t->start) / MAX (t->end - t->start, 1e-6);
      return snap_to_word (t->text, len, (gsize) (share * len));
    }

  /* The cues of a merged turn are machine captions of the same words: their cumulative length
   * is a good ruler for where in the human text a given moment falls. */
  for (guint i = 0; i < t->n_cues; i++)
    total += strlen (cues[t->first_cue + i].text) + 1;
  for (guint i = 0; i < t->n_cues; i++)
    {
      const HarkCue *c = &cues[t->first_cue + i];
      gsize clen = strlen (c->text) + 1;
      double from = MAX (c->start, t->start), to = MIN (c->end, t->end);

      if (time < from)
        break;
      if (time < to)
        {
          if (time - c->start < 1e-3)
            {
              gsize offset = (gsize) ((double) before / MAX (total, 1) * len);

              return snap_to_cue_word (t->text, len, snap_to_word (t->text, len, offset), c->text);
            }
          before += (gsize) (clen * (time - from) / MAX (to - from, 1e-6));
          break;
        }
      before += clen;
    }
  return snap_to_word (t->text, len, (gsize) ((double) before / MAX (total, 1) * len));
}

static void
add_row (HarkReading *self, HarkReadingRowKind kind, double start, double end, int turn,
         int segment, int speaker, gboolean continued, const char *text, gsize from, gsize to)
{
  HarkReadingRow row = {
    .kind = kind,
    .start = start,
    .end = end,
    .turn = turn,
    .segment = segment,
    .speaker = speaker,
    .continued = continued,
    .text_offset = from,
    .chapter = -1,
  };
  g_autofree char *piece = g_strndup (text + from, to - from);

  g_strchomp (piece);
  row.text = g_string_chunk_insert (self->text, piece);
  g_array_append_val (self->rows, row);
}

/* The text spoken during [start, end), pieced together from the turns it overlaps. */
static char *
text_between (HarkReading *self, double start, double end)
{
  guint n_turns;
  const HarkTurn *turns = hark_transcript_get_turns (self->transcript, &n_turns);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_turns; i++)
    {
      gsize from, to;

      if (turns[i].end <= start || turns[i].start >= end)
        continue;
      from = hark_reading_turn_offset_at (self, i, start);
      to = hark_reading_turn_offset_at (self, i, end);
      if (to <= from)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, turns[i].text + from, to - from);
    }
  return g_strchomp (g_string_free (out, FALSE));
}

/* A chapter starting this close to a turn's end is heard as starting with the next turn. */
#define CHAPTER_SLACK 1.0

/* Heading rows for the listed chapters starting before @before, at time @at. */
static void
add_chapter_rows (HarkReading *self, guint *next_chapter, double before, double at)
{
  guint n_chapters;
  const HarkChapter *chapters = hark_transcript_get_chapters (self->transcript, &n_chapters);

  for (; *next_chapter < n_chapters && chapters[*next_chapter].start < before;
       (*next_chapter)++)
    {
      const HarkChapter *c = &chapters[*next_chapter];
      const char *title = c->title != NULL ? c->title : "";
      double last = self->rows->len > 0
                      ? g_array_index (self->rows, HarkReadingRow, self->rows->len - 1).start
                      : -G_MAXDOUBLE;
      /* Its own start where that keeps the rows in time order, else the nearest that does. */
      double start = CLAMP (c->start, last, MAX (at, last));

      if (!c->toc || *title == '\0')
        continue;
      add_row (self, HARK_READING_ROW_CHAPTER, start, start, -1, -1, -1, FALSE, title, 0,
               strlen (title));
      g_array_index (self->rows, HarkReadingRow, self->rows->len - 1).chapter = (int) *next_chapter;
    }
}

static void
build_rows (HarkReading *self, HarkReadingFlags flags)
{
  guint n_turns, n_entries = self->entries->len, next_entry = 0, next_chapter = 0;
  const HarkTurn *turns = hark_transcript_get_turns (self->transcript, &n_turns);
  double covered_until = -G_MAXDOUBLE; /* the end of the last segment row */
  int last_segment_row = -1;
  gboolean headings = (flags & HARK_READING_CHAPTER_HEADINGS) != 0;

  self->first_row_of_turn = g_new0 (int, MAX (n_turns, 1));

  for (guint i = 0; i < n_turns; i++)
    {
      const HarkTurn *t = &turns[i];
      gsize len = strlen (t->text), from = 0;
      double piece_start = t->start;

      if (headings)
        add_chapter_rows (self, &next_chapter, t->end - CHAPTER_SLACK, t->start);
      self->first_row_of_turn[i] = self->rows->len;
      /* A segment that ran on past the previous turn covers the start of this one. */
      if (covered_until > t->start)
        {
          from = hark_reading_turn_offset_at (self, i, covered_until);
          piece_start = MIN (covered_until, t->end);
        }

      /* Segments that begin before this turn's end interrupt it; the last turn takes the rest. */
      while (next_entry < n_entries)
        {
          const HarkSegmentEntry *e = &g_array_index (self->entries, HarkSegmentEntry, next_entry);
          g_autofree char *said = NULL;
          gsize to;

          if (e->segment.start >= t->end && i + 1 < n_turns)
            break;

          to = hark_reading_turn_offset_at (self, i, e->segment.start);
          if (to > from)
            add_row (self, HARK_READING_ROW_TURN, piece_start, MIN (e->segment.start, t->end), i,
                     -1, t->speaker, from > 0, t->text, from, to);
          said = text_between (self, e->segment.start, e->segment.end);
          last_segment_row = self->rows->len;
          add_row (self, HARK_READING_ROW_SEGMENT, e->segment.start, e->segment.end,
                   e->segment.start < t->end ? (int) i : -1, next_entry, t->speaker, FALSE, said,
                   0, strlen (said));
          from = MAX (from, hark_reading_turn_offset_at (self, i, e->segment.end));
          piece_start = MAX (piece_start, MIN (e->segment.end, t->end));
          covered_until = MAX (covered_until, e->segment.end);
          next_entry++;
        }

      if (from < len || (from == 0 && len == 0))
        add_row (self, HARK_READING_ROW_TURN, piece_start, t->end, i, -1, t->speaker, from > 0,
                 t->text, from, len);
      else if (self->rows->len == (guint) self->first_row_of_turn[i])
        /* Entirely inside a segment: the turn is read as that segment. */
        self->first_row_of_turn[i] = last_segment_row;
    }

  /* Segments with no turns at all. */
  for (; next_entry < n_entries; next_entry++)
    {
      const HarkSegmentEntry *e = &g_array_index (self->entries, HarkSegmentEntry, next_entry);
      g_autofree char *said = text_between (self, e->segment.start, e->segment.end);

      add_row (self, HARK_READING_ROW_SEGMENT, e->segment.start, e->segment.end, -1, next_entry,
               -1, FALSE, said, 0, strlen (said));
    }
  /* Chapters after the last turn. */
  if (headings)
    add_chapter_rows (self, &next_chapter, G_MAXDOUBLE, G_MAXDOUBLE);
}

HarkReading *
hark_reading_new (HarkTranscript *transcript, const HarkSegmentEntry *entries, guint n_entries)
{
  return hark_reading_new_full (transcript, entries, n_entries, HARK_READING_NONE);
}

HarkReading *
hark_reading_new_full (HarkTranscript *transcript, const HarkSegmentEntry *entries,
                       guint n_entries, HarkReadingFlags flags)
{
  HarkReading *self;

  g_return_val_if_fail (transcript != NULL, NULL);

  self = g_new0 (HarkReading, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->transcript = hark_transcript_ref (transcript);
  self->entries = g_array_new (FALSE, FALSE, sizeof (HarkSegmentEntry));
  self->rows = g_array_new (FALSE, FALSE, sizeof (HarkReadingRow));
  self->text = g_string_chunk_new (4096);

  for (guint i = 0; i < n_entries; i++)
    {
      HarkSegmentEntry e = entries[i];

      if (e.action == HARK_SKIP_ACTION_OFF || e.segment.end <= e.segment.start)
        continue;
      /* Borrowed strings would dangle once the caller frees its list. */
      e.segment.source = e.segment.source ? g_string_chunk_insert (self->text, e.segment.source) : NULL;
      e.segment.evidence = e.segment.evidence ? g_string_chunk_insert (self->text, e.segment.evidence) : NULL;
      g_array_append_val (self->entries, e);
    }
  g_array_sort (self->entries, compare_entries);

  build_rows (self, flags);
  return self;
}

HarkReading *
hark_reading_ref (HarkReading *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hark_reading_unref (HarkReading *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  hark_transcript_unref (self->transcript);
  g_array_unref (self->entries);
  g_array_unref (self->rows);
  g_string_chunk_free (self->text);
  g_free (self->first_row_of_turn);
  g_free (self);
}

HarkTranscript *
hark_reading_get_transcript (HarkReading *self)
{
  return self->transcript;
}

const HarkReadingRow *
hark_reading_get_rows (HarkReading *self, guint *n_rows)
{
  if (n_rows)
    *n_rows = self->rows->len;
  return (const HarkReadingRow *) (gpointer) self->rows->data;
}

const HarkSegmentEntry *
hark_reading_get_segment (HarkReading *self, int segment)
{
  g_return_val_if_fail (segment >= 0 && (guint) segment < self->entries->len, NULL);
  return &g_array_index (self->entries, HarkSegmentEntry, segment);
}

int
hark_reading_row_of_turn (HarkReading *self, int turn)
{
  guint n_turns;

  hark_transcript_get_turns (self->transcript, &n_turns);
  if (turn < 0 || (guint) turn >= n_turns)
    return -1;
  return self->first_row_of_turn[turn];
}

int
hark_reading_row_at (HarkReading *self, double time)
{
  const HarkReadingRow *rows = (const HarkReadingRow *) (gpointer) self->rows->data;
  int lo = 0, hi = (int) self->rows->len - 1, found = -1, turn, row;

  /* The last row starting at or before @time; segment rows never overlap each other. */
  while (lo <= hi)
    {
      int mid = lo + (hi - lo) / 2;

      if (rows[mid].start <= time)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  for (int i = found; i >= 0 && i > found - 3; i--)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT && time < rows[i].end)
      return i;

  turn = hark_transcript_turn_at (self->transcript, time);
  if (turn < 0)
    return -1;
  row = self->first_row_of_turn[turn];
  /* Later pieces of the same turn, up to the one holding @time. */
  for (guint i = row + 1; i < self->rows->len && rows[i].turn == turn; i++)
    if (rows[i].kind == HARK_READING_ROW_TURN && rows[i].start <= time)
      row = i;
  if (rows[row].kind == HARK_READING_ROW_SEGMENT)
    {
      /* Past a segment that opened the turn: the piece after it. */
      for (guint i = row + 1; i < self->rows->len && rows[i].turn == turn; i++)
        if (rows[i].kind == HARK_READING_ROW_TURN)
          return i;
    }
  return row;
}

gboolean
hark_reading_row_cue_range (HarkReading *self, guint row, int cue, gsize *start, gsize *end)
{
  const HarkReadingRow *r;
  const HarkCue *cues;
  guint n_cues;
  gsize from, to, len;

  g_return_val_if_fail (row < self->rows->len, FALSE);
  r = &g_array_index (self->rows, HarkReadingRow, row);
  cues = hark_transcript_get_cues (self->transcript, &n_cues);
  if (r->kind != HARK_READING_ROW_TURN || cue < 0 || (guint) cue >= n_cues)
    return FALSE;
  if (cues[cue].end <= r->start || cues[cue].start >= r->end)
    return FALSE;

  len = strlen (r->text);
  from = hark_reading_turn_offset_at (self, r->turn, MAX (cues[cue].start, r->start));
  to = hark_reading_turn_offset_at (self, r->turn, MIN (cues[cue].end, r->end));
  from = from > r->text_offset ? from - r->text_offset : 0;
  to = to > r->text_offset ? MIN (to - r->text_offset, len) : 0;
  if (to <= from)
    return FALSE;
  *start = from;
  *end = to;
  return TRUE;
}

/* Case-insensitive match of @query at @text; returns the matched length in bytes or 0. */
static gsize
match_at (const char *text, const char *query)
{
  const char *t = text, *q = query;

  while (*q != '\0')
    {
      if (*t == '\0')
        return 0;
      if (g_unichar_tolower (g_utf8_get_char (t)) != g_unichar_tolower (g_utf8_get_char (q)))
        return 0;
      t = g_utf8_next_char (t);
      q = g_utf8_next_char (q);
    }
  return t - text;
}

GArray *
hark_reading_find_all (const char *text, const char *query)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (text == NULL || query == NULL || *query == '\0' || !g_utf8_validate (query, -1, NULL))
    return ranges;
  for (const char *p = text; *p != '\0';)
    {
      gsize n = match_at (p, query);

      if (n > 0)
        {
          gsize from = p - text, to = from + n;

          g_array_append_val (ranges, from);
          g_array_append_val (ranges, to);
          p += n;
        }
      else
        p = g_utf8_next_char (p);
    }
  return ranges;
}

GArray *
hark_reading_search (HarkReading *self, const char *query)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (HarkReadingMatch));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const HarkReadingRow *r = &g_array_index (self->rows, HarkReadingRow, i);
      g_autoptr (GArray) found = hark_reading_find_all (r->text, query);

      if (found->len > 0)
        {
          HarkReadingMatch m = { i, g_array_index (found, gsize, 0), g_array_index (found, gsize, 1) };

          g_array_append_val (matches, m);
        }
    }
  return matches;
}

char *
hark_reading_row_to_markdown (HarkReading *self, guint row)
{
  const HarkReadingRow *r;
  const char *speaker = NULL;
  g_autofree char *time = NULL;
  g_auto (GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (row < self->rows->len, NULL);
  r = &g_array_index (self->rows, HarkReadingRow, row);
  if (r->kind == HARK_READING_ROW_CHAPTER)
    {
      g_autofree char *at = hark_time_format (r->start, FALSE);

      g_string_free (out, TRUE);
      return g_strdup_printf ("## %s [%s]\n", r->text, at);
    }
  if (r->speaker >= 0)
    speaker = hark_transcript_get_speaker (self->transcript, r->speaker)->name;
  time = hark_time_format (r->start, FALSE);

  lines = g_strsplit (r->text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "> %s\n", lines[i]);
  g_string_append (out, ">\n> — ");
  if (speaker != NULL)
    g_string_append_printf (out, "**%s**, ", speaker);
  g_string_append_printf (out, "[%s]\n", time);
  return g_string_free (out, FALSE);
}
