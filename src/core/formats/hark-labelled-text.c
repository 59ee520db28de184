/* hark-labelled-text.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-labelled-text.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "util/hark-error.h"
#include "formats/hark-sidecar-private.h"
#include "formats/hark-label-tally.h"
#include "formats/hark-speaker-names.h"
#include "text/hark-text-utils.h"

struct _HarkLabelledText
{
  gatomicrefcount ref_count;
  GStringChunk *strings;
  GArray *turns;       /* HarkLabelledTurn */
  GPtrArray *speakers; /* const char *, NULL-terminated */
  GHashTable *known;   /* the interned names in speakers, while parsing */
};

HarkLabelledText *
hark_labelled_text_ref (HarkLabelledText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hark_labelled_text_unref (HarkLabelledText *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_string_chunk_free (self->strings);
  g_array_unref (self->turns);
  g_ptr_array_unref (self->speakers);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_free (self);
}

const HarkLabelledTurn *
hark_labelled_text_get_turns (const HarkLabelledText *self, guint *n_turns)
{
  if (n_turns)
    *n_turns = self->turns->len;
  return (const HarkLabelledTurn *) (gconstpointer) self->turns->data;
}

const char *const *
hark_labelled_text_get_speakers (const HarkLabelledText *self)
{
  return (const char *const *) self->speakers->pdata;
}

static const char *
intern_speaker (HarkLabelledText *self, const char *name)
{
  /* Interned strings are equal exactly when their pointers are: a set of pointers finds a
   * name in constant time, however many speakers a hostile file names. */
  name = g_string_chunk_insert_const (self->strings, name);
  if (!g_hash_table_add (self->known, (gpointer) name))
    return name;
  /* Keep the terminating NULL last. */
  g_ptr_array_index (self->speakers, self->speakers->len - 1) = (gpointer) name;
  g_ptr_array_add (self->speakers, NULL);
  return name;
}

/* Finishes the turn being collected in @text, if it has any words. */
static void
flush_turn (HarkLabelledText *self, const char *speaker, guint line, GString *text)
{
  g_autofree char *decoded = NULL;
  g_autofree char *collapsed = NULL;
  HarkLabelledTurn turn;

  if (speaker == NULL && text->len == 0)
    return;
  decoded = hark_text_decode_entities (text->str);
  collapsed = hark_text_collapse_space (decoded);
  turn.speaker = speaker;
  turn.text = g_string_chunk_insert (self->strings, collapsed);
  turn.line = line;
  g_array_append_val (self->turns, turn);
  g_string_truncate (text, 0);
}

/* A name alone on its line, as scripts and pages copied to text write it: a few capitalised
 * words with no closing punctuation. */
static gboolean
is_lone_name (const char *line, gsize length)
{
  guint words = 1;

  while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t'))
    length--;
  while (length > 0 && (*line == ' ' || *line == '\t'))
    line++, length--;
  if (length > 40)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    words += line[i] == ' ';
  return words <= 4 && hark_text_is_name_only (line, length);
}

/* Whether names stand alone above their words throughout the file ("Kim Scott" on one line,
 * what she said below): several such paragraphs, the names repeating (section headings rarely
 * do), and no "Name:" label to say the file is laid out the other way. */
static gboolean
has_lone_name_layout (const char *text)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pending = NULL;
  HarkLineReader reader;
  gboolean previous_blank = TRUE;
  guint lines = 0, labels = 0, turns = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 2000)
    {
      gboolean blank = hark_text_line_is_blank (reader.line, reader.length, TRUE);
      gboolean name = !blank && is_lone_name (reader.line, reader.length);

      if (pending != NULL && !blank && !name)
        {
          g_hash_table_add (names, g_steal_pointer (&pending));
          turns++;
        }
      g_clear_pointer (&pending, g_free);
      if (!blank)
        {
          g_autofree char *line = g_strndup (reader.line, reader.length);

          lines++;
          if (hark_text_split_speaker (line, NULL, NULL))
            labels++;
          if (name && previous_blank)
            pending = g_strstrip (g_steal_pointer (&line));
        }
      previous_blank = blank;
    }
  return labels == 0 && turns >= 3 && g_hash_table_size (names) >= 2
         && turns >= 2 * g_hash_table_size (names);
}

/* "zapfox: words": a lower-case handle as chat logs and streams label turns. It counts only when
 * it recurs as a turn start (see count_labels()): a lone "so: …" is prose. */
static gboolean
split_handle (const char *line, char **handle, const char **rest)
{
  const char *p = hark_reader_skip_blanks (line), *start = p;
  gboolean lower = FALSE;

  for (; g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.'; p++)
    {
      if (g_ascii_isupper (*p))
        return FALSE;
      lower |= g_ascii_islower (*p);
    }
  if (!lower || p - start < 2 || p - start > 32 || *p != ':' || (p[1] != ' ' && p[1] != '\t')
      || *hark_reader_skip_blanks (p + 1) == '\0' || !g_ascii_isalpha (*start)
      || hark_text_is_non_speaker_label (start, (gsize) (p - start)))
    return FALSE;
  if (handle)
    *handle = g_strndup (start, (gsize) (p - start));
  if (rest)
    *rest = hark_reader_skip_blanks (p + 1);
  return TRUE;
}

/* Whether paragraphs are set apart by blank lines (past the front matter): if not, every line
 * is a place where a turn may start. */
static gboolean
has_blank_line (const char *text, guint front_matter)
{
  HarkLineReader reader;
  gboolean any_text = FALSE, gap = FALSE;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      gboolean blank;

      if (reader.number <= front_matter)
        continue;
      blank = hark_text_line_is_blank (reader.line, reader.length, TRUE);
      if (!blank && gap)
        return TRUE;
      gap |= blank && any_text;
      any_text |= !blank;
    }
  return FALSE;
}

/* How often each label starts a line (names and handles alike), so that a label is trusted for
 * recurring as a turn start across the file. */
static HarkLabelTally *
count_labels (const char *text, guint front_matter, gboolean has_blank_lines)
{
  HarkLabelTally *tally = hark_label_tally_new ();
  HarkLineReader reader;
  gboolean previous_blank = TRUE;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      g_autofree char *label = NULL;
      gboolean labelled, opening = previous_blank;

      if (reader.number <= front_matter)
        continue;
      previous_blank = hark_text_line_is_blank (reader.line, reader.length, TRUE);
      if (previous_blank)
        continue;
      line = g_strndup (reader.line, reader.length);
      labelled = hark_text_split_speaker (line, &label, NULL) || split_handle (line, &label, NULL);
      if (labelled)
        hark_label_tally_add (tally, label);
      if (opening || !has_blank_lines)
        hark_label_tally_add_opening (tally, labelled);
    }
  return tally;
}

/* "Kim Scott" and "Kim", "Pia Moss" and "PM": one speaker under the fullest name (see
 * hark-speaker-names.h), in the list and in every turn. */
static void
unify_speakers (HarkLabelledText *self)
{
  guint n = self->speakers->len - 1;
  g_autofree guint *map = NULL;
  g_autoptr (GPtrArray) kept = NULL;

  if (n < 2)
    return;
  map = g_new (guint, n);
  if (!hark_speaker_names_unify ((const char *const *) self->speakers->pdata, n, map))
    return;
  {
    g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < n; i++)
      g_hash_table_insert (index, self->speakers->pdata[i], GUINT_TO_POINTER (i));
    for (guint i = 0; i < self->turns->len; i++)
      {
        HarkLabelledTurn *turn = &g_array_index (self->turns, HarkLabelledTurn, i);

        if (turn->speaker != NULL)
          turn->speaker = self->speakers->pdata[map[GPOINTER_TO_UINT (
              g_hash_table_lookup (index, turn->speaker))]];
      }
  }
  kept = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (map[i] == i)
      g_ptr_array_add (kept, self->speakers->pdata[i]);
  g_ptr_array_set_size (self->speakers, 0);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (self->speakers, kept->pdata[i]);
  g_ptr_array_add (self->speakers, NULL);
}

static HarkLabelledText *
labelled_text_new (void)
{
  HarkLabelledText *self = g_new0 (HarkLabelledText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_string_chunk_new (4096);
  self->turns = g_array_new (FALSE, FALSE, sizeof (HarkLabelledTurn));
  self->speakers = g_ptr_array_new ();
  g_ptr_array_add (self->speakers, NULL);
  self->known = g_hash_table_new (NULL, NULL);
  return self;
}

static HarkLabelledText *
parse_normalized (const char *text, const char *name, GPtrArray *warnings, GError **error)
{
  g_autoptr (HarkLabelledText) self = labelled_text_new ();
  g_autoptr (GString) turn_text = g_string_new (NULL);
  const char *speaker = NULL;
  guint turn_line = 0;
  guint labelled = 0;
  gboolean lone_names, blank_lines, previous_blank = TRUE;
  guint front_matter;
  g_autoptr (HarkLabelTally) counts = NULL;
  HarkLineReader reader;

  lone_names = has_lone_name_layout (text);
  /* The page's metadata and a header block over the first turn are not speech. */
  front_matter = hark_reader_header_lines (text, hark_reader_front_matter_lines (text));
  blank_lines = has_blank_line (text, front_matter);
  counts = count_labels (text, front_matter, blank_lines);
  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      if (reader.number <= front_matter)
        continue; /* the page's metadata, not speech */
      g_autofree char *line = g_strndup (reader.line, reader.length);
      g_autofree char *label = NULL;
      const char *rest;
      gboolean starts_paragraph = previous_blank;

      previous_blank = hark_text_line_is_blank (line, reader.length, TRUE);
      if (previous_blank)
        continue;
      if (lone_names && starts_paragraph && is_lone_name (line, reader.length))
        {
          label = g_strstrip (g_strdup (line));
          rest = "";
        }
      if (label == NULL)
        {
          if (hark_text_split_speaker (line, &label, &rest))
            {
              if (!(starts_paragraph || !blank_lines
                        ? hark_label_tally_trusts_opening (counts, label, rest)
                        : hark_label_tally_trusts (counts, label, FALSE)))
                g_clear_pointer (&label, g_free);
            }
          else if (split_handle (line, &label, &rest)
                   && !hark_label_tally_trusts (counts, label, TRUE))
            g_clear_pointer (&label, g_free);
        }
      if (label != NULL)
        {
          if (turn_line > 0)
            flush_turn (self, speaker, turn_line, turn_text);
          speaker = intern_speaker (self, label);
          turn_line = reader.number;
          labelled++;
          g_string_append (turn_text, rest);
          continue;
        }
      if (turn_line == 0)
        {
          hark_text_warn (warnings, name, reader.number, 1,
                          _("Expected a speaker label such as “Name: text”; the text before the "
                            "first label has no speaker."));
          turn_line = reader.number;
        }
      if (turn_text->len > 0)
        g_string_append_c (turn_text, ' ');
      g_string_append (turn_text, line);
    }
  if (turn_line > 0)
    flush_turn (self, speaker, turn_line, turn_text);

  if (labelled == 0)
    {
      hark_text_set_parse_error (error, name, 1, 1,
                                 _("Expected lines starting with a speaker label such as "
                                   "“Name: text”, found none."));
      return NULL;
    }
  unify_speakers (self);
  return g_steal_pointer (&self);
}

HarkLabelledText *
hark_labelled_text_new_from_transcript (const HarkTranscript *transcript)
{
  g_autoptr (HarkLabelledText) self = labelled_text_new ();
  guint n_turns, labelled = 0;
  const HarkTurn *turns = hark_transcript_get_turns (transcript, &n_turns);

  for (guint i = 0; i < n_turns; i++)
    {
      HarkLabelledTurn turn = { NULL, NULL, i + 1 };

      if (turns[i].text == NULL || turns[i].text[0] == '\0')
        continue;
      if (turns[i].speaker >= 0)
        {
          turn.speaker
              = intern_speaker (self, hark_transcript_get_speaker (transcript,
                                                                   (guint) turns[i].speaker)
                                          ->name);
          labelled++;
        }
      turn.text = g_string_chunk_insert (self->strings, turns[i].text);
      g_array_append_val (self->turns, turn);
    }
  return labelled > 0 ? g_steal_pointer (&self) : NULL;
}

HarkLabelledText *
hark_labelled_text_parse (const char *data, gsize length, const char *name, GPtrArray *warnings,
                          GError **error)
{
  g_autofree char *text = hark_text_normalize (data, length, NULL, error);

  if (text == NULL)
    return NULL;
  return parse_normalized (text, name ? name : "<memory>", warnings, error);
}

HarkLabelledText *
hark_labelled_text_load (const char *path, GPtrArray *warnings, GError **error)
{
  g_autofree char *text = NULL;
  char *data = NULL;
  gsize length;

  if (!hark_text_load_file (path, &data, &length, error))
    return NULL;
  text = hark_text_normalize_take (data, length, NULL, error);
  if (text == NULL)
    return NULL;
  return parse_normalized (text, path, warnings, error);
}

gboolean
hark_labelled_text_sniff (const char *text, double min_share)
{
  HarkLineReader reader;
  guint lines = 0, labelled = 0;
  guint front_matter = hark_reader_front_matter_lines (text);
  g_autoptr (GHashTable) handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 200)
    {
      g_autofree char *line = NULL;
      char *handle = NULL;

      if (reader.number <= front_matter
          || hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strndup (reader.line, reader.length);
      lines++;
      if (hark_text_split_speaker (line, NULL, NULL))
        labelled++;
      else if (split_handle (line, &handle, NULL))
        {
          /* A handle counts from its second turn on, and its first then too. */
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (handles, handle));

          labelled += seen == 0 ? 0 : seen == 1 ? 2 : 1;
          g_hash_table_replace (handles, handle, GUINT_TO_POINTER (seen + 1));
        }
    }
  return (labelled > 0 && labelled >= min_share * lines) || has_lone_name_layout (text);
}

/* As a sidecar on its own, a labelled text is turns without times: they all sit at 0 with no
 * evidence, so nothing mistakes them for timed turns. */
gboolean
hark_labelled_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                    GError **error)
{
  g_autoptr (HarkLabelledText) labelled = NULL;
  const HarkLabelledTurn *turns;
  guint n_turns;

  labelled
      = hark_labelled_text_parse (text, strlen (text), context->name, context->warnings, error);
  if (labelled == NULL)
    return FALSE;
  turns = hark_labelled_text_get_turns (labelled, &n_turns);
  for (guint i = 0; i < n_turns; i++)
    {
      int speaker
          = turns[i].speaker
                ? hark_transcript_builder_add_speaker (builder, turns[i].speaker, turns[i].speaker)
                : -1;

      hark_transcript_builder_add_turn (builder, 0, 0, turns[i].text, speaker, 0);
    }
  context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
  return TRUE;
}
