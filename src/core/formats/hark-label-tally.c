/* hark-label-tally.c — telling a speaker's label from a word that ends in a colon
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-label-tally.h"

#include <string.h>

#include "formats/hark-speaker-names.h"

/* Fewer lines than this opened by recurring labels and the file says nothing about how its
 * turns are told: every label is believed. */
#define MIN_RECURRING_LINES 4
/* A hostile file may name any number of labels; past this many distinct ones the rest are only
 * counted as lines. */
#define MAX_LABELS 4096
/* Fewer places a turn may start than this say nothing about the file's layout. */
#define MIN_OPENINGS 4

struct _HarkLabelTally
{
  GHashTable *counts; /* label (owned) -> count */
  guint recurring_lines; /* lines opened by a label seen twice or more */
  guint openings;        /* places a turn may start (a paragraph's first line, a timed line) */
  guint labelled_openings;
};

HarkLabelTally *
hark_label_tally_new (void)
{
  HarkLabelTally *self = g_new0 (HarkLabelTally, 1);

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
hark_label_tally_free (HarkLabelTally *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->counts);
  g_free (self);
}

void
hark_label_tally_add (HarkLabelTally *self, const char *label)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));

  if (count == 0 && g_hash_table_size (self->counts) >= MAX_LABELS)
    return;
  count++;
  /* The running total: the second sighting brings the first along. */
  if (count == 2)
    self->recurring_lines += 2;
  else if (count > 2)
    self->recurring_lines++;
  g_hash_table_insert (self->counts, g_strdup (label), GUINT_TO_POINTER (count));
}

gboolean
hark_label_tally_trusts (const HarkLabelTally *self, const char *label, gboolean handle)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));

  if (count >= 2)
    return TRUE;
  if (handle)
    return FALSE;
  return self->recurring_lines < MIN_RECURRING_LINES || strchr (label, ' ') != NULL
         || hark_speaker_name_is_label (label);
}

void
hark_label_tally_add_opening (HarkLabelTally *self, gboolean labelled)
{
  self->openings++;
  self->labelled_openings += labelled != FALSE;
}

/* Whether @words read as what someone says after a speaker's label: a sentence, starting with
 * a capital (or a letter of a script that has no case) and ending somewhere. "Two: the
 * handle." goes on with the sentence it is in; "Location: Lisbon" is a note's value. */
static gboolean
reads_as_speech (const char *words)
{
  gboolean started = FALSE;

  for (const char *p = words; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!started && g_unichar_isalpha (c))
        {
          if (g_unichar_islower (c))
            return FALSE;
          started = TRUE;
        }
      else if (!started && g_unichar_isdigit (c))
        started = TRUE;
      else if (started
               && (c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01
                   || c == 0xFF1F))
        return TRUE;
    }
  return FALSE;
}

gboolean
hark_label_tally_trusts_opening (const HarkLabelTally *self, const char *label,
                                 const char *words)
{
  if (hark_label_tally_trusts (self, label, FALSE))
    return TRUE;
  /* Nine places in ten where a turn may start hold a label: this one sits where every turn's
   * label sits, and a word of the sentence before would not start one. */
  return self->openings >= MIN_OPENINGS && self->labelled_openings * 10 >= self->openings * 9
         && words != NULL && reads_as_speech (words);
}
