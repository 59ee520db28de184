/* hark-show-context.c — who the show is: its names and its own domains
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "segments/hark-show-context.h"

#include "segments/hark-ad-domain.h"

#include <string.h>


/* Untrusted input (tags, feeds, what is said): at most this many of each, this long. */
#define MAX_NAMES 16
#define MAX_LABELS 16
#define MAX_NAME_BYTES 120
#define MAX_NAME_WORDS 8
/* Chapters looked at for a greeting naming the show. */
#define MAX_CHAPTERS_READ 500
/* A domain label this long that starts with the show's squashed name is the show's too
 * ("showname" → "shownamepod.com"); shorter ones would match too much. */
#define MIN_PREFIX_LABEL 5
/* Where a host says hello or goodbye: this share of the episode's sentences at each end, at
 * least GREETING_MIN and at most GREETING_MAX of them. */
#define GREETING_SHARE 0.1
#define GREETING_MIN 6
#define GREETING_MAX 60

struct _HarkShowContext
{
  GPtrArray *names;  /* GStrv of lower-case words each */
  GPtrArray *labels; /* char *: a domain's own label, lower case */
};

typedef struct
{
  char *word;       /* lower case */
  gboolean capital; /* written with a capital first letter */
  gboolean dotted;  /* a '.' follows at once, then a letter or digit ("example.com") */
  gboolean slashed; /* a '/' follows at once, then a letter or digit ("example.com/show") */
  gsize at, end;    /* bytes in the text */
} Token;

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->word);
}

/* Words of letters and digits (bytes past ASCII are kept as letters). */
static GArray *
tokenize (const char *text, gsize length)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  g_array_set_clear_func (tokens, token_clear);
  for (gsize i = 0; i < length;)
    {
      gsize j = i;
      Token t = { 0 };

      while (j < length && (g_ascii_isalnum (text[j]) || (guchar) text[j] >= 0x80))
        j++;
      if (j == i)
        {
          i++;
          continue;
        }
      t.word = g_ascii_strdown (text + i, (gssize) (j - i));
      t.capital = g_ascii_isupper (text[i]);
      t.dotted = j + 1 < length && text[j] == '.' && g_ascii_isalnum (text[j + 1]);
      t.slashed = j + 1 < length && text[j] == '/' && g_ascii_isalnum (text[j + 1]);
      t.at = i;
      t.end = j;
      g_array_append_val (tokens, t);
      i = j;
    }
  return tokens;
}

#define TOK(tokens, i) (&g_array_index ((tokens), Token, (i)))

static gboolean
is_tld (const char *word)
{
  return hark_ad_domain_known_ending (word, strlen (word));
}

/* Whether token @i, the last of a domain @span tokens long, is an ending of any shape that a
 * path follows ("example dot bot slash show") or that is said as a place to go ("go to example
 * dot bot"), as the sponsor finder takes it (hark-ad-domain.h). */
static gboolean
ends_a_place (GArray *tokens, guint i, guint span)
{
  static const char *const leads[] = { "to", "at", "visit", "on", "over", NULL };
  const Token *t = TOK (tokens, i);

  /* The last label only: "shop.example.co.uk" ends in "uk". */
  if (!hark_ad_domain_plausible_ending (t->word, strlen (t->word)) || t->dotted
      || (i + 1 < tokens->len && strcmp (TOK (tokens, i + 1)->word, "dot") == 0))
    return FALSE;
  if (i + 1 < tokens->len && strcmp (TOK (tokens, i + 1)->word, "slash") == 0)
    return TRUE;
  if (t->slashed)
    return TRUE;
  if (i >= span)
    for (guint l = 0; leads[l]; l++)
      if (strcmp (TOK (tokens, i - span)->word, leads[l]) == 0)
        return TRUE;
  return FALSE;
}

/* When token @i is a domain's own label ("example" in "example.com", "shop.example.co.uk" or
 * "example dot com"), how many tokens the domain takes; else 0. */
static guint
domain_at (GArray *tokens, guint i)
{
  const Token *t = TOK (tokens, i);

  if (strcmp (t->word, "dot") == 0 || strcmp (t->word, "www") == 0)
    return 0;
  if (t->dotted && i + 1 < tokens->len
      && (is_tld (TOK (tokens, i + 1)->word) || ends_a_place (tokens, i + 1, 2)))
    return 2;
  if (i + 2 < tokens->len && strcmp (TOK (tokens, i + 1)->word, "dot") == 0
      && (is_tld (TOK (tokens, i + 2)->word) || ends_a_place (tokens, i + 2, 3)))
    return 3;
  return 0;
}

HarkShowContext *
hark_show_context_new (void)
{
  HarkShowContext *self = g_new0 (HarkShowContext, 1);

  self->names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
hark_show_context_free (HarkShowContext *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->labels);
  g_free (self);
}

HarkShowContext *
hark_show_context_copy (const HarkShowContext *self)
{
  HarkShowContext *copy = hark_show_context_new ();

  if (self == NULL)
    return copy;
  for (guint i = 0; i < self->names->len; i++)
    g_ptr_array_add (copy->names, g_strdupv (self->names->pdata[i]));
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (copy->labels, g_strdup (self->labels->pdata[i]));
  return copy;
}

gboolean
hark_show_context_is_empty (const HarkShowContext *self)
{
  return self->names->len == 0 && self->labels->len == 0;
}

gboolean
hark_show_context_knows_sites (const HarkShowContext *self)
{
  return self->labels->len > 0;
}

static gboolean
is_filler (const char *word)
{
  return strcmp (word, "the") == 0 || strcmp (word, "a") == 0 || strcmp (word, "podcast") == 0
         || strcmp (word, "show") == 0 || strcmp (word, "pod") == 0 || strcmp (word, "radio") == 0;
}

static void
add_label (HarkShowContext *self, const char *label)
{
  if (self->labels->len >= MAX_LABELS || strlen (label) < 3 || is_tld (label))
    return;
  for (guint i = 0; i < self->labels->len; i++)
    if (strcmp (self->labels->pdata[i], label) == 0)
      return;
  g_ptr_array_add (self->labels, g_strdup (label));
}

void
hark_show_context_add_name (HarkShowContext *self, const char *name)
{
  g_autoptr (GArray) tokens = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autoptr (GString) squashed = g_string_new (NULL);
  guint first = 0, last;

  g_return_if_fail (self != NULL);
  if (name == NULL || strlen (name) > MAX_NAME_BYTES || self->names->len >= MAX_NAMES
      || !g_utf8_validate (name, -1, NULL))
    return;
  tokens = tokenize (name, strlen (name));
  if (tokens->len == 0 || tokens->len > MAX_NAME_WORDS)
    return;
  last = tokens->len - 1;
  /* "The X Podcast" is said "X" as often as in full: its core is what must be heard. */
  while (first < last && is_filler (TOK (tokens, first)->word))
    first++;
  while (last > first && is_filler (TOK (tokens, last)->word))
    last--;
  if (first == last && is_filler (TOK (tokens, first)->word))
    return;
  words = g_ptr_array_new ();
  for (guint i = first; i <= last; i++)
    {
      g_ptr_array_add (words, g_strdup (TOK (tokens, i)->word));
      g_string_append (squashed, TOK (tokens, i)->word);
    }
  /* A core of one short word would be heard everywhere. */
  if (squashed->len < 4)
    {
      g_ptr_array_foreach (words, (GFunc) (void (*) (void)) g_free, NULL);
      return;
    }
  g_ptr_array_add (words, NULL);
  g_ptr_array_add (self->names, g_ptr_array_free (g_steal_pointer (&words), FALSE));
  /* A show's site is often its name run together ("examplecast.fm"). */
  if (squashed->len >= MIN_PREFIX_LABEL)
    add_label (self, squashed->str);
}

void
hark_show_context_add_link (HarkShowContext *self, const char *link)
{
  g_autofree char *host = NULL;
  g_auto (GStrv) parts = NULL;
  const char *start, *end;
  guint n, own;

  g_return_if_fail (self != NULL);
  if (link == NULL || strlen (link) > 2048)
    return;
  start = strstr (link, "://");
  start = start ? start + 3 : link;
  end = start + strcspn (start, "/?#:@ ");
  if (end == start || end - start > 253)
    return;
  host = g_ascii_strdown (start, end - start);
  parts = g_strsplit (host, ".", 8);
  n = g_strv_length (parts);
  if (n < 2)
    return;
  /* The label before the public suffix: "example" of "www.example.com" and of
   * "example.co.uk". */
  own = n - 2;
  if (n >= 3 && strlen (parts[n - 1]) == 2 && strlen (parts[n - 2]) <= 3)
    own = n - 3;
  for (const char *c = parts[own]; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return;
  add_label (self, parts[own]);
}

void
hark_show_context_add_media_info (HarkShowContext *self, const HarkMediaInfo *info)
{
  static const char *const names[] = { "album", "album_artist", "artist", "show" };

  g_return_if_fail (self != NULL);
  if (info == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    hark_show_context_add_name (self, hark_media_info_get_tag (info, names[i]));
  for (guint i = 0; info->tag_keys != NULL && info->tag_keys[i] != NULL; i++)
    {
      const char *value = info->tag_values[i];

      /* ID3's WXXX/WOAS and friends, "url", "website", "purl": a link of the show's. */
      if (value != NULL
          && (g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://")))
        hark_show_context_add_link (self, value);
    }
}

void
hark_show_context_add_audio_tags (HarkShowContext *self, const char *audio_path)
{
  g_autoptr (HarkMediaInfo) info = NULL;

  g_return_if_fail (self != NULL);
  if (audio_path == NULL)
    return;
  info = hark_media_info_probe (audio_path, NULL);
  hark_show_context_add_media_info (self, info);
}

HarkShowContext *
hark_show_context_new_for_episode (HarkEpisode *episode)
{
  HarkShowContext *self = hark_show_context_new ();

  if (episode != NULL)
    hark_show_context_add_audio_tags (self, hark_episode_get_audio_path (episode));
  return self;
}

/* Does @haystack say @needle (words) at @i, its first word written with a capital unless the
 * text has none? */
static gboolean
name_at (GArray *tokens, guint i, char **needle, gboolean cased)
{
  guint k = 0;

  if (cased && !TOK (tokens, i)->capital)
    return FALSE;
  for (; needle[k] != NULL; k++)
    if (i + k >= tokens->len || strcmp (TOK (tokens, i + k)->word, needle[k]) != 0)
      return FALSE;
  return k > 0;
}

/* A site named as a show ("examplepod.com", "example show dot com") is a show's own, whoever's
 * it is: sponsors' sites are named for their products. */
static gboolean
label_is_a_show (const char *label)
{
  static const char *const ends[] = { "pod", "podcast", "show", "radio", NULL };

  for (guint i = 0; ends[i]; i++)
    if (g_str_has_suffix (label, ends[i]))
      return TRUE;
  return FALSE;
}

static gboolean
label_is_own (const HarkShowContext *self, const char *label)
{
  if (label_is_a_show (label))
    return TRUE;
  for (guint i = 0; i < self->labels->len; i++)
    {
      const char *own = self->labels->pdata[i];

      if (strcmp (label, own) == 0
          || (strlen (own) >= MIN_PREFIX_LABEL && g_str_has_prefix (label, own)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_capitals (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    if (TOK (tokens, i)->capital)
      return TRUE;
  return FALSE;
}

void
hark_show_context_scan (const HarkShowContext *self, const char *text, gsize length,
                        HarkShowMentions *mentions)
{
  g_autoptr (GArray) tokens = NULL;
  gboolean cased;

  g_return_if_fail (self != NULL && mentions != NULL);
  if (text == NULL || length == 0)
    return;
  tokens = tokenize (text, length);
  cased = has_capitals (tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      guint span = domain_at (tokens, i);
      const Token *t = TOK (tokens, i);

      if (span > 0)
        {
          const Token *after = i + span < tokens->len ? TOK (tokens, i + span) : NULL;
          const Token *last = TOK (tokens, i + span - 1);
          gboolean slash = after != NULL
                           && ((after->at == last->end + 1 && text[last->end] == '/')
                               || (strcmp (after->word, "slash") == 0 && i + span + 1 < tokens->len));

          if (!label_is_own (self, t->word))
            mentions->other_sites++;
          else if (!slash)
            mentions->own_sites++;
          else if (mentions->n_paths < G_N_ELEMENTS (mentions->paths))
            {
              const Token *path = strcmp (after->word, "slash") == 0 ? TOK (tokens, i + span + 1)
                                                                     : after;

              mentions->paths[mentions->n_paths++] = g_strdup (path->word);
            }
          if (mentions->quote == NULL)
            mentions->quote = g_strndup (text + t->at, TOK (tokens, i + span - 1)->end - t->at);
          i += span - 1;
          continue;
        }
      for (guint n = 0; n < self->names->len; n++)
        if (name_at (tokens, i, self->names->pdata[n], cased))
          {
            mentions->names_show++;
            if (mentions->quote == NULL)
              mentions->quote = g_strndup (text + t->at, t->end - t->at);
            break;
          }
    }
}

gboolean
hark_show_context_says_name (const char *text, gsize length, const char *word)
{
  g_autoptr (GArray) tokens = NULL;

  if (text == NULL || word == NULL)
    return FALSE;
  tokens = tokenize (text, length);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = TOK (tokens, i);
      gboolean in_link = t->at > 0 && (text[t->at - 1] == '/' || text[t->at - 1] == '.');

      if (i > 0 && (strcmp (TOK (tokens, i - 1)->word, "slash") == 0
                    || strcmp (TOK (tokens, i - 1)->word, "dot") == 0))
        in_link = TRUE;
      if (t->capital && !in_link && strcmp (t->word, word) == 0)
        return TRUE;
    }
  return FALSE;
}

void
hark_show_mentions_clear (HarkShowMentions *mentions)
{
  g_clear_pointer (&mentions->quote, g_free);
  for (guint i = 0; i < mentions->n_paths; i++)
    g_clear_pointer (&mentions->paths[i], g_free);
  mentions->n_paths = 0;
}

/* A greeting and the words that may join it to the show's name, in the languages the finder
 * reads ("welcome to X", "willkommen bei X", "bienvenue dans X", "bem-vindos ao X"). */
typedef struct
{
  const char *greeting;
  const char *const *joins;
} Greeting;

static const char *const to_en[] = { "to", NULL };
static const char *const to_de[] = { "bei", "zu", "zum", "im", NULL };
static const char *const to_fr[] = { "dans", "sur", "à", NULL };
static const char *const to_es[] = { "a", "al", "en", NULL };
static const char *const to_nl[] = { "bij", "in", NULL };
static const char *const to_it[] = { "a", "su", "in", NULL };
static const char *const to_pt[] = { "ao", "a", "à", "no", NULL };

static const Greeting greetings[] = {
  { "welcome", to_en },     { "listening", to_en },   { "willkommen", to_de },
  { "bienvenue", to_fr },   { "bienvenidos", to_es }, { "bienvenidas", to_es },
  { "bienvenido", to_es },  { "welkom", to_nl },      { "benvenuti", to_it },
  { "benvenute", to_it },   { "benvenuto", to_it },   { "vindos", to_pt },
  { "vindo", to_pt },
};

/* What a sentence holding a greeting must contain, cheaply looked for before it is split. */
static const char *const greeting_stems[] = { "elcome", "istening", "illkommen", "ienvenu",
                                              "ienvenid", "elkom", "envenut", "vindo", NULL };

static const char *const *
greeting_joins (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (greetings); i++)
    if (strcmp (word, greetings[i].greeting) == 0)
      return greetings[i].joins;
  return NULL;
}

static gboolean
says_greeting (const char *text, gsize length)
{
  for (guint i = 0; greeting_stems[i]; i++)
    if (g_strstr_len (text, (gssize) length, greeting_stems[i]))
      return TRUE;
  return FALSE;
}

/* "welcome (back) to X", "listening to X", and the same greetings in the finder's other
 * languages: X its capitalized words right after. */
static void
learn_name (HarkShowContext *self, GArray *tokens, const char *text)
{
  for (guint i = 0; i + 2 < tokens->len; i++)
    {
      const char *const *joins = greeting_joins (TOK (tokens, i)->word);
      guint k = i + 1, first;
      g_autoptr (GString) name = NULL;

      if (joins == NULL)
        continue;
      if (strcmp (TOK (tokens, k)->word, "back") == 0
          || strcmp (TOK (tokens, k)->word, "zurück") == 0)
        k++;
      if (k >= tokens->len || !g_strv_contains (joins, TOK (tokens, k)->word))
        continue;
      k++;
      if (k < tokens->len && strcmp (TOK (tokens, k)->word, "the") == 0)
        k++;
      first = k;
      while (k < tokens->len && TOK (tokens, k)->capital && k - first < MAX_NAME_WORDS - 1)
        k++;
      if (k == first)
        continue;
      name = g_string_new_len (text + TOK (tokens, first)->at,
                               TOK (tokens, k - 1)->end - TOK (tokens, first)->at);
      hark_show_context_add_name (self, name->str);
      return;
    }
}

/* A domain said as the speaker's side's place: "our website", "find us at". */
static void
learn_site (HarkShowContext *self, GArray *tokens)
{
  static const char *const places[] = { "website", "site", "store", "shop", "newsletter",
                                        "homepage", "page", "blog" };
  gboolean ours = FALSE;

  for (guint i = 0; i + 1 < tokens->len && !ours; i++)
    {
      const char *w = TOK (tokens, i)->word, *next = TOK (tokens, i + 1)->word;

      guint k = 0;

      if (strcmp (w, "our") == 0)
        k = i + 1;
      else if (strcmp (w, "show") == 0 && strcmp (next, "s") == 0)
        k = i + 2;
      if (k > 0 && k < tokens->len && strcmp (TOK (tokens, k)->word, "web") == 0)
        k++;
      if (k > 0 && k < tokens->len)
        for (guint p = 0; p < G_N_ELEMENTS (places); p++)
          ours = ours || strcmp (TOK (tokens, k)->word, places[p]) == 0;
      if ((strcmp (w, "find") == 0 || strcmp (w, "visit") == 0) && strcmp (next, "us") == 0)
        ours = TRUE;
    }
  if (!ours)
    return;
  for (guint i = 0; i < tokens->len; i++)
    if (domain_at (tokens, i) > 0)
      add_label (self, TOK (tokens, i)->word);
}

/* Cheaply: a '.' between letters, or " dot ", somewhere in @text. */
static gboolean
domain_shaped (const char *text, gsize length)
{
  for (gsize i = 1; i + 1 < length; i++)
    if (text[i] == '.' && g_ascii_isalnum (text[i - 1]) && g_ascii_isalnum (text[i + 1]))
      return TRUE;
    else if (text[i] == ' ' && i + 5 <= length && g_ascii_strncasecmp (text + i, " dot ", 5) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hark_show_context_opens_with_own (const HarkShowContext *self, const char *text, gsize length)
{
  g_autoptr (GArray) tokens = NULL;
  guint i = 0;
  guint span;

  g_return_val_if_fail (self != NULL, FALSE);
  if (text == NULL || length == 0)
    return FALSE;
  tokens = tokenize (text, MIN (length, (gsize) 200));
  if (i < tokens->len && strcmp (TOK (tokens, i)->word, "the") == 0)
    i++;
  if (i >= tokens->len)
    return FALSE;
  span = domain_at (tokens, i);
  if (span > 0)
    return label_is_own (self, TOK (tokens, i)->word);
  for (guint n = 0; n < self->names->len; n++)
    if (name_at (tokens, i, self->names->pdata[n], has_capitals (tokens)))
      return TRUE;
  return FALSE;
}

void
hark_show_context_learn (HarkShowContext *self, const HarkAdSentence *sentences, guint n)
{
  guint edge = CLAMP ((guint) (n * GREETING_SHARE), GREETING_MIN, GREETING_MAX);

  g_return_if_fail (self != NULL);
  for (guint i = 0; i < n; i++)
    {
      const HarkAdSentence *s = &sentences[i];
      g_autoptr (GArray) tokens = NULL;
      g_autofree char *text = NULL;

      gboolean greeting = (i < edge || i + edge >= n) && says_greeting (s->text, s->length);

      /* A sponsor's read says "our" of the show too ("our friends at X"): not identity. */
      if (s->count[HARK_AD_SPONSOR] || s->count[HARK_AD_BREAK] || s->count[HARK_AD_AFTER_BREAK])
        continue;
      /* Only a greeting names the show, only a sentence with a link gives its site: the rest of
       * a three-hour episode is not read again. */
      if (!greeting && !s->count[HARK_AD_URL] && !domain_shaped (s->text, s->length))
        continue;
      text = g_strndup (s->text, MIN (s->length, (gsize) 4096));
      tokens = tokenize (text, strlen (text));
      if (greeting && !s->count[HARK_AD_CODE] && !s->count[HARK_AD_OFFER])
        learn_name (self, tokens, text);
      learn_site (self, tokens);
    }
}

void
hark_show_context_add_transcript (HarkShowContext *self, const HarkTranscript *transcript)
{
  const HarkChapter *chapters;
  guint n = 0;

  g_return_if_fail (self != NULL);
  if (transcript == NULL)
    return;
  /* A sidecar's "show" or title: a long episode title is no name (add_name() caps its words). */
  hark_show_context_add_name (self, hark_transcript_get_title (transcript));
  chapters = hark_transcript_get_chapters (transcript, &n);
  for (guint i = 0; i < MIN (n, (guint) MAX_CHAPTERS_READ); i++)
    {
      g_autoptr (GArray) tokens = NULL;
      g_autofree char *text = NULL;

      if (chapters[i].title == NULL)
        continue;
      text = g_strndup (chapters[i].title, MAX_NAME_BYTES * 4);
      tokens = tokenize (text, strlen (text));
      learn_name (self, tokens, text);
    }
}
