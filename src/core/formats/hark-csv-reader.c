/* hark-csv-reader.c — spreadsheet exports: a header row naming the columns, then one row a cue
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editors and transcription services export transcripts as comma-, semicolon- or tab-separated
 * rows under a header such as "Speaker,Start Time,End Time,Text". The header decides: the
 * columns are found by what they are called, in any order, and a file without a start and a
 * text column is not read as a transcript. Fields follow RFC 4180 (quotes around a field that
 * holds the separator, a line break or a doubled quote). Times are clock times ("00:01:02.500",
 * "00:01:02,500", an editor's "00:01:02:12" frames) or seconds; a column whose name says
 * milliseconds ("start_ms", "Start (ms)") counts those. A row that cannot be read costs itself,
 * with a warning.
 */
#include "formats/hark-sidecar-private.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <string.h>

#include "text/hark-text-utils.h"

/* Longer than any real column list; a hostile row of a million empty fields stops here. */
#define MAX_COLUMNS 64
/* A field longer than this is not one cue's words. */
#define MAX_FIELD_BYTES (64 * 1024)
#define MAX_SECONDS (100.0 * 3600.0)
#define MAX_NAME_CHARS 80

typedef enum
{
  COLUMN_START,
  COLUMN_END,
  COLUMN_SPEAKER,
  COLUMN_TEXT,
  N_COLUMNS
} Column;

/* Header names, compared after lowering case and dropping everything but letters. */
static const char *const column_names[N_COLUMNS][14] = {
  /* Editors' subtitle lists name the times as an edit decision list does ("Record In"). */
  [COLUMN_START] = { "start", "starttime", "begin", "begintime", "from", "in", "timein",
                     "timestamp", "time", "recordin", "sourcein", "timecodein", "tcin", NULL },
  [COLUMN_END] = { "end", "endtime", "stop", "stoptime", "to", "out", "timeout", "recordout",
                   "sourceout", "timecodeout", "tcout", NULL },
  [COLUMN_SPEAKER] = { "speaker", "speakername", "speakerlabel", "name", "voice", "who",
                       "person", NULL },
  [COLUMN_TEXT] = { "text", "transcript", "transcription", "content", "words", "caption",
                    "utterance", "sentence", "dialogue", "line", "subtitle", "subtitletext",
                    "captiontext", NULL },
};

typedef struct
{
  char separator;
  int index[N_COLUMNS];      /* -1: absent */
  gboolean milliseconds[2];  /* for COLUMN_START and COLUMN_END */
} Header;

/* One record at a time, quotes and line breaks inside them included. */
typedef struct
{
  const char *p;
  guint line; /* of the record being read */
  guint next_line;
} RecordReader;

/* Reads the next record's fields into @fields (char *). FALSE at the end of the text. */
static gboolean
record_next (RecordReader *reader, char separator, GPtrArray *fields)
{
  GString *field = NULL;
  gboolean quoted = FALSE;

  g_ptr_array_set_size (fields, 0);
  if (*reader->p == '\0')
    return FALSE;
  reader->line = reader->next_line;
  field = g_string_new (NULL);
  for (;;)
    {
      char c = *reader->p;

      if (c == '\0')
        break;
      reader->p++;
      if (quoted)
        {
          if (c == '"' && *reader->p == '"')
            {
              g_string_append_c (field, '"');
              reader->p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                reader->next_line++;
              if (field->len < MAX_FIELD_BYTES)
                g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == separator || c == '\n')
        {
          if (fields->len < MAX_COLUMNS)
            g_ptr_array_add (fields, g_string_free (field, FALSE));
          else
            g_string_free (field, TRUE);
          field = g_string_new (NULL);
          if (c == '\n')
            {
              reader->next_line++;
              g_string_free (field, TRUE);
              return TRUE;
            }
        }
      else if (c != '\r' && field->len < MAX_FIELD_BYTES)
        g_string_append_c (field, c);
    }
  if (fields->len < MAX_COLUMNS)
    g_ptr_array_add (fields, g_string_free (field, FALSE));
  else
    g_string_free (field, TRUE);
  return TRUE;
}

/* "Start Time (ms)" → "starttimems"; @ms tells whether the name says milliseconds. */
static char *
column_key (const char *name, gboolean *ms)
{
  GString *key = g_string_new (NULL);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (const char *p = lower; *p; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (key, *p);
  *ms = g_str_has_suffix (key->str, "ms") || strstr (key->str, "milli") != NULL;
  /* "startms", "starttimemilliseconds": the unit is not part of the name. */
  if (strstr (key->str, "milli") != NULL)
    g_string_truncate (key, (gsize) (strstr (key->str, "milli") - key->str));
  else if (*ms)
    g_string_truncate (key, key->len - 2);
  else if (g_str_has_suffix (key->str, "seconds"))
    g_string_truncate (key, key->len - strlen ("seconds"));
  else if (g_str_has_suffix (key->str, "secs"))
    g_string_truncate (key, key->len - strlen ("secs"));
  return g_string_free (key, FALSE);
}

static int
column_of (const char *key)
{
  for (int c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; i < G_N_ELEMENTS (column_names[c]) && column_names[c][i]; i++)
      if (g_str_equal (key, column_names[c][i]))
        return c;
  return -1;
}

/* Reads @fields as a header: TRUE when they name a start and a text column. */
static gboolean
header_from_fields (GPtrArray *fields, Header *header)
{
  for (int c = 0; c < N_COLUMNS; c++)
    header->index[c] = -1;
  header->milliseconds[0] = header->milliseconds[1] = FALSE;
  for (guint i = 0; i < fields->len; i++)
    {
      gboolean ms;
      g_autofree char *key = column_key (g_ptr_array_index (fields, i), &ms);
      int c = column_of (key);

      if (c < 0 || header->index[c] >= 0)
        continue;
      header->index[c] = (int) i;
      if (c == COLUMN_START || c == COLUMN_END)
        header->milliseconds[c] = ms;
    }
  return header->index[COLUMN_START] >= 0 && header->index[COLUMN_TEXT] >= 0;
}

/* The first non-blank line, tried with each separator. */
static gboolean
find_header (const char *text, Header *header, const char **body, guint *body_line)
{
  static const char separators[] = { ',', ';', '\t' };
  const char *p = text;
  guint line = 1;

  while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
    {
      if (*p == '\n')
        line++;
      p++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      RecordReader reader = { p, line, line };

      if (!record_next (&reader, separators[s], fields) || fields->len < 2)
        continue;
      if (header_from_fields (fields, header))
        {
          header->separator = separators[s];
          *body = reader.p;
          *body_line = reader.next_line;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
hark_csv_sniff (const char *text)
{
  Header header;
  const char *body;
  guint line;

  return find_header (text, &header, &body, &line);
}

/* A time field: "00:01:02.500", "1:02", "00:01:02:12" (frames), "62.5", or milliseconds. */
static gboolean
parse_time (const char *field, gboolean milliseconds, double *seconds)
{
  const char *p = hark_reader_skip_blanks (field);
  const char *end;
  char *num_end;
  double value;

  if (strchr (p, ':') != NULL)
    {
      if (!hark_text_scan_time (p, &end, seconds))
        return FALSE;
      /* Frames after the seconds say less than a second. */
      if (*end == ':' && g_ascii_isdigit (end[1]))
        for (end++; g_ascii_isdigit (*end); end++)
          ;
      return *hark_reader_skip_blanks (end) == '\0' && *seconds <= MAX_SECONDS;
    }
  value = g_ascii_strtod (p, &num_end);
  if (num_end == p || *hark_reader_skip_blanks (num_end) != '\0' || !isfinite (value)
      || value < 0)
    return FALSE;
  if (milliseconds)
    value /= 1000.0;
  if (value > MAX_SECONDS)
    return FALSE;
  *seconds = value;
  return TRUE;
}

static const char *
field_at (GPtrArray *fields, int index)
{
  if (index < 0 || (guint) index >= fields->len)
    return NULL;
  return g_ptr_array_index (fields, index);
}

typedef struct
{
  double start;
  double end;
  int speaker;
  char *text;
} CsvCue;

static void
csv_cue_clear (CsvCue *cue)
{
  g_free (cue->text);
}

static int
compare_start (gconstpointer a, gconstpointer b)
{
  const CsvCue *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

gboolean
hark_csv_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) cues = g_array_new (FALSE, FALSE, sizeof (CsvCue));
  RecordReader reader;
  Header header;
  const char *body;
  guint body_line, n_bad = 0;

  g_array_set_clear_func (cues, (GDestroyNotify) csv_cue_clear);
  if (!find_header (text, &header, &body, &body_line))
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected a header row naming a start time and a text column, "
                                   "such as “Speaker,Start Time,End Time,Text”."));
      return FALSE;
    }
  reader = (RecordReader){ body, body_line, body_line };
  while (record_next (&reader, header.separator, fields))
    {
      const char *start_field = field_at (fields, header.index[COLUMN_START]);
      const char *end_field = field_at (fields, header.index[COLUMN_END]);
      const char *speaker = field_at (fields, header.index[COLUMN_SPEAKER]);
      const char *words = field_at (fields, header.index[COLUMN_TEXT]);
      g_autofree char *name = NULL;
      CsvCue cue = { 0, -1, -1, NULL };

      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        continue; /* a blank line */
      if (start_field == NULL || words == NULL
          || !parse_time (start_field, header.milliseconds[COLUMN_START], &cue.start))
        {
          if (n_bad++ < 20)
            hark_text_warn (context->warnings, context->name, reader.line, 1,
                            _("Expected a start time and a text in this row; the row was left "
                              "out."));
          continue;
        }
      if (end_field != NULL && *end_field != '\0'
          && (!parse_time (end_field, header.milliseconds[COLUMN_END], &cue.end)
              || cue.end < cue.start))
        {
          if (n_bad++ < 20)
            hark_text_warn (context->warnings, context->name, reader.line, 1,
                            _("Expected an end time no earlier than the start; the row ends "
                              "where the next one starts."));
          cue.end = -1;
        }
      {
        g_autofree char *decoded = hark_text_decode_entities (words);

        cue.text = hark_text_collapse_space (decoded);
      }
      if (cue.text[0] == '\0')
        {
          g_free (cue.text);
          continue;
        }
      name = speaker ? g_strstrip (g_strdup (speaker)) : NULL;
      /* A name, not a paragraph pasted into the wrong column. */
      if (name != NULL && g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
        g_clear_pointer (&name, g_free);
      if (name != NULL && *name != '\0')
        {
          cue.speaker = hark_transcript_builder_add_speaker (builder, name, name);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      g_array_append_val (cues, cue);
    }
  if (cues->len == 0)
    {
      hark_text_set_parse_error (error, context->name, body_line, 1,
                                 _("Expected rows with a start time and a text under the "
                                   "header."));
      return FALSE;
    }
  g_array_sort (cues, compare_start);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) (gpointer) cues->data, cues->len,
                                  sizeof (CsvCue));
  for (guint i = 0; i < cues->len; i++)
    {
      const CsvCue *cue = &g_array_index (cues, CsvCue, i);

      hark_transcript_builder_add_cue (builder, cue->start, cue->end, cue->text, cue->speaker);
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
