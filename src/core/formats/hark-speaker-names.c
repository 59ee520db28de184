/* hark-speaker-names.c — one person written two ways is one speaker
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-speaker-names.h"

#include <string.h>

#define MAX_NAMES 4096

/* Case and spacing folded: "  KIM   Scott" → "kim scott". */
static char *
fold (const char *name)
{
  g_autofree char *lower = g_utf8_casefold (name, -1);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (lower), " \t", -1);
  GString *out = g_string_new ("");

  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* "speaker 1", "speaker_01", "spk 2", "unknown speaker", "s1": labels a tool gave, not names. */
static gboolean
is_label (const char *folded)
{
  static const char *const words[] = { "speaker", "spk", "unknown", "guest", "host", "voice" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]))
      return TRUE;
  for (const char *p = folded; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* @rest (what follows a shorter name inside a fuller one) is more words of a name: letters,
 * apostrophes, hyphens and dots only. */
static gboolean
is_more_name (const char *rest)
{
  gboolean letter = FALSE;

  if (*rest != ' ')
    return FALSE;
  for (const char *p = rest; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        letter = TRUE;
      else if (c != ' ' && c != '\'' && c != '-' && c != '.' && c != 0x2019)
        return FALSE;
    }
  /* "Kim -" or "Kim ." says nothing more about who. */
  return letter && !g_str_has_prefix (rest, " -");
}

static int
score (const char *name)
{
  int capitals = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    capitals += g_unichar_isupper (g_utf8_get_char (p)) ? 1 : 0;
  /* Length first, then "Kim" over "kim", but "KIM" not over "Kim". */
  return (int) g_utf8_strlen (name, -1) * 4 + MIN (capitals, 1) * 2
         + (capitals > 0 && capitals * 2 < (int) g_utf8_strlen (name, -1) ? 1 : 0);
}

/* "PM", "JRR", "AvW": two to four capital letters, the first one first, and at most two
 * lower-case ones for a name's particles ("Aaron van Wirdum"); nothing else. */
static gboolean
is_initials (const char *name)
{
  guint upper = 0, lower = 0;

  if (!g_unichar_isupper (g_utf8_get_char (name)))
    return FALSE;
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        lower++;
      else
        return FALSE;
    }
  return upper >= 2 && upper <= 4 && lower <= 2;
}

/* Whether @initials ("AvW") are @capitals ("AW") once the particles' letters are left out. */
static gboolean
initials_match (const char *initials, const char *capitals)
{
  for (const char *p = initials; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isupper (c))
        continue;
      if (c != g_utf8_get_char (capitals))
        return FALSE;
      capitals = g_utf8_next_char (capitals);
    }
  return *capitals == '\0';
}

/* The capitals that begin each word of @name ("Pia Moss" → "PM", "Aaron van Wirdum" → "AW":
 * particles in lower case are left out), or NULL when a word begins with neither case or the
 * name has fewer than two capitalised words. */
static char *
initials_of (const char *name)
{
  g_auto (GStrv) words = g_strsplit_set (name, " \t", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i]; i++)
    {
      gunichar c;

      if (words[i][0] == '\0')
        continue;
      c = g_utf8_get_char_validated (words[i], -1);
      if (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_islower (c))
        continue;
      if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isupper (c) || ++n > 4)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_unichar (out, c);
    }
  if (n < 2)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Whether name @j is a fuller spelling of name @i, by one rule. */
typedef gboolean (*FullerRule) (const char *const *names, GPtrArray *folded,
                                GPtrArray *initials, guint i, guint j);

/* "Kim" begins "Kim Scott". */
static gboolean
begins_fuller (const char *const *names, GPtrArray *folded, GPtrArray *initials, guint i, guint j)
{
  const char *shorter = folded->pdata[i], *other = folded->pdata[j];
  gsize length = strlen (shorter);

  return length > 0 && !is_label (shorter) && !is_label (other)
         && strncmp (other, shorter, length) == 0 && is_more_name (other + length);
}

/* "PM" is exactly the initials of "Pia Moss", "AvW" those of "Aaron van Wirdum". */
static gboolean
initials_of_fuller (const char *const *names, GPtrArray *folded, GPtrArray *initials, guint i,
                    guint j)
{
  return is_initials (names[i]) && initials->pdata[j] != NULL
         && initials_match (names[i], initials->pdata[j]);
}

/* Joins each name that @rule ties to exactly one other name into that name's group; a name
 * that fits two is left alone, as nothing says which one was meant. */
static gboolean
join_unique_fuller (const char *const *names, guint n_names, GPtrArray *folded,
                    GPtrArray *initials, FullerRule rule, guint *map)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      int fuller = -1;
      gboolean ambiguous = FALSE;

      if (map[i] != i)
        continue;
      for (guint j = 0; j < n_names && !ambiguous; j++)
        {
          if (j == i || map[j] != j || !rule (names, folded, initials, i, j))
            continue;
          if (fuller >= 0)
            ambiguous = TRUE;
          fuller = (int) j;
        }
      if (fuller < 0 || ambiguous)
        continue;
      for (guint k = 0; k < n_names; k++)
        if (map[k] == i)
          map[k] = (guint) fuller;
      any = TRUE;
    }
  return any;
}

gboolean
hark_speaker_names_unify (const char *const *names, guint n_names, guint *map)
{
  g_autoptr (GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) initials = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;

  for (guint i = 0; i < n_names; i++)
    map[i] = i;
  if (n_names > MAX_NAMES)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    g_ptr_array_add (folded, fold (names[i]));

  /* Same but for case and spacing. */
  for (guint i = 0; i < n_names; i++)
    for (guint j = 0; j < i; j++)
      if (map[j] == j && strcmp (folded->pdata[i], folded->pdata[j]) == 0)
        {
          map[i] = j;
          any = TRUE;
          break;
        }

  any |= join_unique_fuller (names, n_names, folded, initials, begins_fuller, map);
  /* Each name's initials are worked out once: a hostile file may have thousands of names. */
  for (guint i = 0; i < n_names; i++)
    g_ptr_array_add (initials, is_label (folded->pdata[i]) ? NULL : initials_of (names[i]));
  any |= join_unique_fuller (names, n_names, folded, initials, initials_of_fuller, map);

  /* Each group is named by its fullest spelling: move the group onto that member. */
  for (guint root = 0; root < n_names; root++)
    {
      guint best = root;

      if (map[root] != root)
        continue;
      for (guint k = 0; k < n_names; k++)
        if (map[k] == root && score (names[k]) > score (names[best]))
          best = k;
      if (best == root)
        continue;
      for (guint k = 0; k < n_names; k++)
        if (map[k] == root)
          map[k] = best;
    }
  return any;
}

gboolean
hark_speaker_name_is_label (const char *name)
{
  g_autofree char *folded = fold (name);

  return *folded == '\0' || is_label (folded);
}

gboolean
hark_speaker_names_equal (const char *a, const char *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);

  return strcmp (fa, fb) == 0;
}
