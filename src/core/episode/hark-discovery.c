/* hark-discovery.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "episode/hark-discovery.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "formats/hark-sidecar.h"
#include "util/hark-error.h"

/* Ranks, lower first. The same role sorts together so the loader can take the first of each. */
enum
{
  RANK_HARK = 0,
  RANK_P20_TRANSCRIPT = 10,
  RANK_VTT = 11,
  RANK_SRT = 12,
  RANK_JSON = 13,
  RANK_TIMED_TEXT = 14,
  RANK_LABELLED_TEXT = 20,
  RANK_CHAPTERS = 30,
  RANK_SKIPS = 31,
};

static const struct
{
  const char *qualifier;
  const char *extensions; /* the extensions it goes with, space-separated */
} qualifiers[] = {
  { "hark", "json" },
  { "transcript", "json vtt srt txt text md mdx markdown tsv html htm ttml dfxp xml sbv lrc csv "
                  "json3 srv1 srv2 srv3" },
  { "chapters", "json" },
  { "captions", "vtt srt json txt text tsv ttml dfxp xml sbv lrc csv json3 srv1 srv2 srv3" },
  { "subtitles", "vtt srt ttml dfxp xml sbv lrc json3 srv1 srv2 srv3" },
  { "subs", "vtt srt ttml dfxp xml sbv lrc json3 srv1 srv2 srv3" },
  { "timestamps", "txt text md mdx markdown tsv html htm csv lrc" },
  { "speakers", "txt text md mdx markdown html htm" },
  { "sponsorblock", "json" },
  { "skips", "json" },
  { "segments", "json" },
};

void
hark_discovered_file_free (HarkDiscoveredFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->language);
  g_free (file->qualifier);
  g_free (file->extension);
  g_free (file->reason);
  g_free (file);
}

/* BCP 47 in the shapes sidecar names use: "en", "pt-BR", "zh-Hant", "es_419". */
static gboolean
is_language_tag (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text, "-_", -1);
  gsize len = strlen (parts[0]);

  if (len < 2 || len > 3)
    return FALSE;
  for (const char *p = parts[0]; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  for (guint i = 1; parts[i]; i++)
    {
      len = strlen (parts[i]);
      if (len < 2 || len > 8)
        return FALSE;
      for (const char *p = parts[i]; *p; p++)
        if (!g_ascii_isalnum (*p))
          return FALSE;
    }
  return TRUE;
}

static gboolean
qualifier_fits (const char *qualifier, const char *extension)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifiers); i++)
    if (strcmp (qualifiers[i].qualifier, qualifier) == 0)
      {
        g_auto (GStrv) exts = g_strsplit (qualifiers[i].extensions, " ", -1);

        return g_strv_contains ((const char *const *) exts, extension);
      }
  return FALSE;
}

static gboolean
is_qualifier (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifiers); i++)
    if (strcmp (qualifiers[i].qualifier, word) == 0)
      return TRUE;
  return FALSE;
}

static int
rank_of (const char *qualifier, const char *extension)
{
  const char *q = qualifier ? qualifier : "";

  if (strcmp (q, "hark") == 0)
    return RANK_HARK;
  if (strcmp (q, "chapters") == 0)
    return RANK_CHAPTERS;
  if (strcmp (q, "sponsorblock") == 0 || strcmp (q, "skips") == 0 || strcmp (q, "segments") == 0)
    return RANK_SKIPS;
  if (strcmp (extension, "vtt") == 0)
    return RANK_VTT;
  if (strcmp (extension, "srt") == 0)
    return RANK_SRT;
  /* TTML and SBV are timed captions, like SubRip. */
  if (strcmp (extension, "ttml") == 0 || strcmp (extension, "dfxp") == 0
      || strcmp (extension, "sbv") == 0)
    return RANK_SRT;
  if (strcmp (extension, "json") == 0)
    return strcmp (q, "transcript") == 0 ? RANK_P20_TRANSCRIPT : RANK_JSON;
  /* episode.transcript.txt is usually the human transcript with speakers and no times. */
  if (strcmp (q, "transcript") == 0 || strcmp (q, "speakers") == 0)
    return RANK_LABELLED_TEXT;
  return RANK_TIMED_TEXT;
}

/* The primary language subtag, lower case: "pt" for "pt-BR", "pt_BR.UTF-8" or "PT". */
static char *
primary_language (const char *tag)
{
  gsize len = strcspn (tag, "-_.@");

  return g_ascii_strdown (tag, (gssize) len);
}

/* 0 without a language, 1 in a language the user reads (LANGUAGE, LC_MESSAGES, LANG), 2 in
 * another one. */
static int
language_rank (const char *tag)
{
  const char *const *names = g_get_language_names ();
  g_autofree char *wanted = NULL;

  if (tag == NULL)
    return 0;
  wanted = primary_language (tag);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *have = primary_language (names[i]);

      if (strcmp (have, wanted) == 0)
        return 1;
    }
  return 2;
}

gboolean
hark_discovery_match (const char *stem, const char *name, HarkDiscoveredFile *file)
{
  glong stem_chars = g_utf8_strlen (stem, -1);
  const char *rest;
  g_autofree char *prefix = NULL;
  g_autofree char *folded_prefix = NULL;
  g_autofree char *folded_stem = NULL;
  g_auto (GStrv) parts = NULL;
  guint n_parts;
  g_autofree char *extension = NULL;
  g_autofree char *language = NULL;
  g_autofree char *qualifier = NULL;

  if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (stem, -1, NULL)
      || g_utf8_strlen (name, -1) <= stem_chars)
    return FALSE;
  rest = g_utf8_offset_to_pointer (name, stem_chars);
  if (*rest != '.')
    return FALSE;
  prefix = g_strndup (name, rest - name);
  folded_prefix = g_utf8_casefold (prefix, -1);
  folded_stem = g_utf8_casefold (stem, -1);
  if (strcmp (folded_prefix, folded_stem) != 0)
    return FALSE;

  parts = g_strsplit (rest + 1, ".", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 1 || n_parts > 3)
    return FALSE;
  extension = g_ascii_strdown (parts[n_parts - 1], -1);
  if (!hark_sidecar_is_candidate (name))
    return FALSE;

  for (guint i = 0; i + 1 < n_parts; i++)
    {
      g_autofree char *lower = g_ascii_strdown (parts[i], -1);

      if (qualifier == NULL && is_qualifier (lower))
        qualifier = g_steal_pointer (&lower);
      else if (language == NULL && is_language_tag (parts[i]))
        language = g_strdup (parts[i]);
      else
        return FALSE;
    }
  if (qualifier && !qualifier_fits (qualifier, extension))
    return FALSE;

  file->rank = rank_of (qualifier, extension) * 4 + language_rank (language);
  file->language = g_steal_pointer (&language);
  file->qualifier = g_steal_pointer (&qualifier);
  file->extension = g_steal_pointer (&extension);
  return TRUE;
}

static int
compare_files (gconstpointer a, gconstpointer b)
{
  const HarkDiscoveredFile *fa = *(HarkDiscoveredFile *const *) a;
  const HarkDiscoveredFile *fb = *(HarkDiscoveredFile *const *) b;

  if (fa->rank != fb->rank)
    return fa->rank - fb->rank;
  return strcmp (fa->path, fb->path);
}

GPtrArray *
hark_discovery_find (const char *audio_path, GError **error)
{
  g_autofree char *dir_path = g_path_get_dirname (audio_path);
  g_autofree char *base = g_path_get_basename (audio_path);
  g_autofree char *stem = NULL;
  g_autoptr (GPtrArray) found =
      g_ptr_array_new_with_free_func ((GDestroyNotify) hark_discovered_file_free);
  g_autoptr (GError) local = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *dot = strrchr (base, '.');
  const char *name;

  stem = dot && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  dir = g_dir_open (dir_path, 0, &local);
  if (dir == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND,
                   _("Could not look for transcripts beside %s: %s"), audio_path, local->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autoptr (HarkDiscoveredFile) file = g_new0 (HarkDiscoveredFile, 1);

      if (strcmp (name, base) == 0 || !hark_discovery_match (stem, name, file))
        continue;
      file->path = g_build_filename (dir_path, name, NULL);
      if (g_file_test (file->path, G_FILE_TEST_IS_DIR))
        continue;
      file->reason = g_strdup_printf ("found beside the audio as %s", name);
      g_ptr_array_add (found, g_steal_pointer (&file));
    }
  g_ptr_array_sort (found, compare_files);
  return g_steal_pointer (&found);
}
