/* hark-text-utils.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "text/hark-text-utils.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/hark-error.h"
#include "util/hark-time.h"

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

/* Longest HTML5 entity name is 32 bytes ("CounterClockwiseContourIntegral;" without '&'). */
#define MAX_ENTITY_NAME 32

/* Names that end in a colon at the start of a line without naming a person. */
static const char *const non_speaker_labels[] = {
  "note",     "notes",   "nb",         "n.b",        "ps",         "p.s",        "pps",
  "update",   "updated", "edit",       "edited",     "warning",    "caution",    "important",
  "tip",      "hint",    "info",       "error",      "example",    "examples",   "source",
  "sources",  "link",    "links",      "url",        "see",        "see also",   "via",
  "credit",   "credits", "correction", "disclaimer", "summary",    "transcript", "chapter",
  "chapters", "episode", "topic",      "topics",     "time",       "date",       "subject",
  "re",       "fwd",     "todo",       "fixme",      "sponsor",    "sponsors",   "music",
  "intro",    "outro",   "show notes", "timestamps", "references", "quote",      "http",
  "https",    "ftp",     "mailto",     "tel",        "file",       "news",       "urn",
  "data",     "www",     "ie",         "i.e",        "eg",         "e.g",        "etc",
  "tl;dr",    "tldr",    "aside",      "bonus",      "fun fact",   "spoiler",    "answer",
  "question", "step",    "reminder",   "tags",       "keywords",
};

/* Bracketed sound descriptions that captions use; never speakers even with a colon after. */
static const char *const sound_descriptions[] = {
  "music",     "laughter",    "laughs",      "laughing", "applause",
  "inaudible", "crosstalk",   "silence",     "noise",    "background noise",
  "coughs",    "cough",       "sighs",       "pause",    "indistinct",
  "no audio",  "blank_audio", "blank audio", "foreign",  "sound",
  "beep",      "bleep",       "theme music", "chuckles", "chuckling",
  "groans",    "gasps",       "whispers",    "cheering", "cheers",
  "static",    "unintelligible", "overlapping", "singing", "sniffs",
  "claps",     "clapping",    "giggles",     "typing",   "intro",
  "outro",     "ad break",    "break",       "sponsor",  "ad",
};

/* Copies @data turning CRLF and lone CR into LF and NUL into U+FFFD, a run at a time. */
static void
append_normalized (GString *out, const char *data, gsize length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *special = p;

      while (special < end && *special != '\r' && *special != '\0')
        special++;
      g_string_append_len (out, p, special - p);
      if (special == end)
        break;
      if (*special == '\r')
        {
          g_string_append_c (out, '\n');
          if (special + 1 < end && special[1] == '\n')
            special++;
        }
      else
        g_string_append (out, REPLACEMENT_CHARACTER);
      p = special + 1;
    }
}

/* Whether text that is not valid UTF-8 was written in a one-byte code page: its bytes above
 * 127 stand alone (an "é" as one byte) far more often than they form UTF-8 sequences. A UTF-8
 * file with a damaged byte or two is still UTF-8. */
static gboolean
is_single_byte_text (const char *data, gsize length)
{
  const char *p = data, *end = data + length;
  gsize sequences = 0, strays = 0;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          strays++;
          p++;
        }
      else
        {
          sequences++;
          p = g_utf8_next_char (p);
        }
    }
  return strays > 0 && strays >= 4 * sequences;
}

char *
hark_text_normalize (const char *data, gsize length, gsize *out_length, GError **error)
{
  const guchar *bytes = (const guchar *) data;
  g_autofree char *converted = NULL;
  g_autoptr (GString) out = NULL;
  g_autofree char *valid = NULL;
  gsize converted_length = 0;

  if (length >= 2
      && ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff)))
    {
      const char *charset = bytes[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
      g_autoptr (GError) local_error = NULL;
      gsize even = (length - 2) & ~(gsize) 1;

      converted = g_convert (data + 2, (gssize) even, "UTF-8", charset, NULL, &converted_length,
                             &local_error);
      if (converted == NULL)
        {
          g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                       _("The file starts with a %s byte order mark but is not valid %s: %s."),
                       charset, charset, local_error->message);
          return NULL;
        }
      data = converted;
      length = converted_length;
    }
  else if (length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    {
      data += 3;
      length -= 3;
    }
  else if (!g_utf8_validate_len (data, length, NULL) && is_single_byte_text (data, length))
    {
      /* Subtitle tools on Windows still write their code page. Windows-1252 covers Western
       * European text and its curly quotes; the few bytes it leaves undefined make the
       * conversion fail, and then Latin-1 (which defines every byte) reads it. */
      converted = g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1252", NULL,
                             &converted_length, NULL);
      if (converted == NULL)
        converted = g_convert (data, (gssize) length, "UTF-8", "ISO-8859-1", NULL,
                               &converted_length, NULL);
      if (converted != NULL)
        {
          data = converted;
          length = converted_length;
        }
    }

  out = g_string_sized_new (length + 1);
  append_normalized (out, data, length);
  /* A second copy only when there is something to mend. */
  if (g_utf8_validate_len (out->str, out->len, NULL))
    {
      if (out_length)
        *out_length = out->len;
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  valid = g_utf8_make_valid (out->str, (gssize) out->len);
  if (out_length)
    *out_length = strlen (valid);
  return g_steal_pointer (&valid);
}

char *
hark_text_normalize_take (char *data, gsize length, gsize *out_length, GError **error)
{
  const guchar *bytes = (const guchar *) data;
  char *result, *cr, *w;
  const char *p, *end;

  /* UTF-16 is converted anyway; NULs and invalid sequences grow into U+FFFD: a copy. */
  if ((length >= 2
       && ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff)))
      || !g_utf8_validate_len (data, length, NULL))
    {
      result = hark_text_normalize (data, length, out_length, error);
      g_free (data);
      return result;
    }
  if (length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    {
      memmove (data, data + 3, length - 3);
      length -= 3;
    }
  data[length] = '\0';
  /* CRLF and lone CR become LF: the text only shrinks. */
  cr = memchr (data, '\r', length);
  if (cr != NULL)
    {
      end = data + length;
      for (p = w = cr; p < end; p++)
        {
          if (*p == '\r')
            {
              *w++ = '\n';
              if (p + 1 < end && p[1] == '\n')
                p++;
            }
          else
            *w++ = *p;
        }
      *w = '\0';
      length = w - data;
    }
  if (out_length)
    *out_length = length;
  return data;
}

static void
set_load_error (GError **error, int code, const char *path, const char *why)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, HARK_ERROR, code, _("Could not read the sidecar “%s”: %s."), display, why);
}

gboolean
hark_text_load_file (const char *path, char **contents, gsize *length, GError **error)
{
  /* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  gint64 deadline = g_get_monotonic_time () + HARK_TEXT_READ_BUDGET_SECONDS * G_USEC_PER_SEC;
  g_autofree char *data = NULL;
  gsize size, got = 0;
  struct stat st = { 0 };

  if (fd < 0)
    {
      int saved = errno;

      set_load_error (error, saved == ENOENT ? HARK_ERROR_NOT_FOUND : HARK_ERROR_IO, path,
                      g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      set_load_error (error, HARK_ERROR_UNSUPPORTED, path,
                      S_ISDIR (st.st_mode)
                          ? _("it is a folder")
                          : _("it is not a regular file (a pipe, a device or a socket), so it is "
                              "not read"));
      return FALSE;
    }
  if (st.st_size > HARK_TEXT_MAX_FILE_BYTES)
    {
      g_autofree char *why = g_strdup_printf ("it is larger than %d MiB, the most Hark reads",
                                              HARK_TEXT_MAX_FILE_BYTES / (1024 * 1024));

      close (fd);
      set_load_error (error, HARK_ERROR_UNSUPPORTED, path, why);
      return FALSE;
    }
  /* The file may grow while it is read: never read more than the cap, whatever fstat said. */
  size = (gsize) st.st_size;
  data = g_malloc (size + 1);
  for (;;)
    {
      gssize n;

      if (got == size)
        {
          char probe;

          /* At the size fstat gave: one more byte says whether it grew meanwhile. */
          n = read (fd, &probe, 1);
          if (n == 0)
            break;
          if (n > 0)
            {
              if (size >= HARK_TEXT_MAX_FILE_BYTES)
                {
                  close (fd);
                  set_load_error (error, HARK_ERROR_UNSUPPORTED, path,
                                  _("it keeps growing past the most Hark reads"));
                  return FALSE;
                }
              size = MIN ((gsize) HARK_TEXT_MAX_FILE_BYTES, size * 2 + 4096);
              data = g_realloc (data, size + 1);
              data[got++] = probe;
              continue;
            }
        }
      else
        n = read (fd, data + got, size - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          set_load_error (error, HARK_ERROR_IO, path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      got += n;
      if (g_get_monotonic_time () > deadline)
        {
          close (fd);
          set_load_error (error, HARK_ERROR_IO, path, _("reading it takes too long"));
          return FALSE;
        }
    }
  close (fd);
  data[got] = '\0';
  *contents = g_steal_pointer (&data);
  if (length)
    *length = got;
  return TRUE;
}

/* Appends the character with code point @value, or U+FFFD for what HTML maps to it. */
static void
append_code_point (GString *out, gunichar value)
{
  /* HTML maps the C1 range to Windows-1252 for numeric references. */
  static const gunichar windows_1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };

  if (value >= 0x80 && value < 0xa0)
    value = windows_1252[value - 0x80];
  if (value == 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
    value = 0xfffd;
  g_string_append_unichar (out, value);
}

/* Decodes the reference starting at @p (just after '&'). Returns the end of what it consumed,
 * or NULL when there is no reference there. */
static const char *
decode_reference (const char *p, GString *out)
{
  if (*p == '#')
    {
      gboolean hex = (p[1] == 'x' || p[1] == 'X');
      const char *digits = p + (hex ? 2 : 1);
      const char *q = digits;
      guint64 value = 0;

      while (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q))
        {
          value = value * (hex ? 16 : 10) + (guint64) (hex ? g_ascii_xdigit_value (*q) : *q - '0');
          if (value > 0x10ffff)
            value = 0x110000; /* stays out of range however long it gets */
          q++;
        }
      if (q == digits)
        return NULL;
      append_code_point (out, (gunichar) value);
      return *q == ';' ? q + 1 : q;
    }
  else
    {
      const char *q = p;
      const char *value;

      while (g_ascii_isalnum (*q) && q - p < MAX_ENTITY_NAME)
        q++;
      if (q == p)
        return NULL;
      if (*q == ';' && (value = hark_html_entity_lookup (p, (gsize) (q - p), TRUE)))
        {
          g_string_append (out, value);
          return q + 1;
        }
      /* Legacy references without ';' match the longest known name: "&eacutes" is "és". */
      for (const char *end = q; end > p; end--)
        if ((value = hark_html_entity_lookup (p, (gsize) (end - p), FALSE)))
          {
            g_string_append (out, value);
            return end;
          }
      return NULL;
    }
}

char *
hark_text_decode_entities (const char *text)
{
  GString *out;

  if (strchr (text, '&') == NULL)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p;)
    {
      const char *end;

      if (*p == '&' && (end = decode_reference (p + 1, out)))
        {
          p = end;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

char *
hark_text_strip_markup (const char *text)
{
  g_autoptr (GString) plain = NULL;

  if (strchr (text, '<') == NULL)
    return hark_text_decode_entities (text);
  plain = g_string_sized_new (strlen (text));

  for (const char *p = text; *p;)
    {
      const char *close;

      if (*p != '<')
        {
          g_string_append_c (plain, *p++);
          continue;
        }
      close = strchr (p, '>');
      if (close == NULL)
        {
          /* No tag can close any more: the rest is text (and this stays linear). */
          g_string_append (plain, p);
          break;
        }
      p = close + 1;
    }
  return hark_text_decode_entities (plain->str);
}

/* Every character of @word (at least one) passes @test. */
static gboolean
all_characters (const char *word, gboolean (*test) (gunichar c))
{
  if (word == NULL || *word == '\0' || !g_utf8_validate (word, -1, NULL))
    return FALSE;
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (!test (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
closes (gunichar c)
{
  if (c < 0x80)
    return c != 0 && strchr (",.;:!?)]}%", (int) c) != NULL;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return TRUE;
    case G_UNICODE_OTHER_PUNCTUATION:
      /* "…", "。", "、"; but "¡" and "¿" open a sentence. */
      return c != 0x00A1 && c != 0x00BF;
    default:
      return FALSE;
    }
}

static gboolean
opens (gunichar c)
{
  if (c < 0x80)
    return c != 0 && strchr ("([{", (int) c) != NULL;
  return g_unichar_type (c) == G_UNICODE_OPEN_PUNCTUATION
         || g_unichar_type (c) == G_UNICODE_INITIAL_PUNCTUATION || c == 0x00A1 || c == 0x00BF;
}

gboolean
hark_text_is_closing_punctuation (const char *word)
{
  return all_characters (word, closes);
}

gboolean
hark_text_is_opening_punctuation (const char *word)
{
  return all_characters (word, opens);
}

void
hark_text_append_word (GString *text, const char *word)
{
  if (word == NULL || *word == '\0')
    return;
  if (text->len > 0 && !hark_text_is_closing_punctuation (word))
    {
      /* No space after a lone opening mark that came before. */
      gsize start = text->len, steps = 0;

      while (start > 0 && text->str[start - 1] != ' ' && steps++ < 16)
        start--;
      if ((start > 0 && text->str[start - 1] != ' ')
          || !hark_text_is_opening_punctuation (text->str + start))
        g_string_append_c (text, ' ');
    }
  g_string_append (text, word);
}

char *
hark_text_collapse_space (const char *text)
{
  /* Written in place of a GString: this runs over every word of every cue, and a call per
   * character was a third of reading a large caption file. The result is never longer. */
  char *out = g_malloc (strlen (text) + 1), *w = out;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p;)
    {
      const char *next;
      gboolean space;

      /* ASCII first: captions are mostly ASCII. */
      if ((guchar) *p < 0x80)
        {
          space = g_ascii_isspace (*p);
          next = p + 1;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);

          /* U+00A0 (from &nbsp;) separates words like a space. */
          space = g_unichar_isspace (c) || c == 0xa0;
          next = g_utf8_next_char (p);
          /* A sequence cut short by the end stops there. */
          for (const char *q = p + 1; q < next; q++)
            if (*q == '\0')
              {
                next = q;
                break;
              }
        }
      if (space)
        pending_space = w > out;
      else
        {
          if (pending_space)
            *w++ = ' ';
          pending_space = FALSE;
          while (p < next)
            *w++ = *p++;
        }
      p = next;
    }
  *w = '\0';
  return out;
}

static gboolean
in_list (const char *const *list, gsize n, const char *name, gsize length)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (list[i]) == length && g_ascii_strncasecmp (list[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hark_text_is_sound_description (const char *name, gsize length)
{
  return in_list (sound_descriptions, G_N_ELEMENTS (sound_descriptions), name, length);
}

gboolean
hark_text_is_non_speaker_label (const char *name, gsize length)
{
  return in_list (non_speaker_labels, G_N_ELEMENTS (non_speaker_labels), name, length);
}

/* Particles that stay lowercase inside names: "Ludwig van Beethoven", "Ana de Souza". */
static gboolean
is_name_particle (const char *word, gsize length)
{
  static const char *const particles[] = {
    "van", "von", "de", "der", "den",  "da", "das", "do", "dos", "del", "della", "di",
    "du",  "la",  "le", "bin", "bint", "al", "ibn", "y",  "zu",  "ter", "ten",
  };

  return in_list (particles, G_N_ELEMENTS (particles), word, length);
}

/* A person's name or a diarisation label: up to six words, the first starting with a letter,
 * every word capitalised (or a particle, or a number after the first word: "Speaker 2"). */
gboolean
hark_text_looks_like_name (const char *name, gsize length)
{
  const char *end = name + length;
  const char *p = name;
  guint words = 0;

  if (length == 0 || length > 60)
    return FALSE;
  while (p < end)
    {
      const char *word = p;
      gunichar first = g_utf8_get_char (p);
      gboolean letters = FALSE;

      while (p < end && *p != ' ')
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c))
            letters = TRUE;
          else if (!g_unichar_isdigit (c) && c != '.' && c != '\'' && c != 0x2019 && c != '-'
                   && c != '_')
            return FALSE;
          p = g_utf8_next_char (p);
        }
      if (p == word)
        return FALSE; /* two spaces in a row */
      if (++words > 6)
        return FALSE;
      if (words == 1 && !g_unichar_isalpha (first))
        return FALSE;
      if (letters && !g_unichar_isupper (first) && !g_unichar_istitle (first)
          && !(words > 1 && is_name_particle (word, (gsize) (p - word))))
        return FALSE;
      if (!letters && words == 1)
        return FALSE;
      if (p < end)
        p++;
    }
  return TRUE;
}

gboolean
hark_text_is_name_only (const char *text, gsize length)
{
  return length > 0 && length <= 48 && strchr (".?!,;", text[length - 1]) == NULL
         && hark_text_looks_like_name (text, length)
         && !hark_text_is_non_speaker_label (text, length);
}

/* "Episode 12", "Part 2", "Chapter 3": a title before a colon, not a speaker ("Speaker 2" is). */
static gboolean
is_numbered_title (const char *name, gsize length)
{
  static const char *const titles[] = {
    "episode", "ep", "chapter", "part", "season", "section", "act", "scene", "lesson", "track",
    "volume", "vol", "issue", "no", "number", "round", "day", "week", "step", "page",
  };
  const char *space = memchr (name, ' ', length);

  if (space == NULL || !in_list (titles, G_N_ELEMENTS (titles), name, (gsize) (space - name)))
    return FALSE;
  for (const char *p = space + 1; p < name + length; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '#')
      return FALSE;
  return TRUE;
}

/* Broadcast transcripts write the speaker's role after a comma, all in capitals: "ANN LEE,
 * HOST:", "BO PARK, BYLINE:". The person is the part before the comma; @name_end when the
 * label is not written that way (mixed case says it is a sentence, not a label). */
static const char *
drop_role (const char *name, const char *name_end)
{
  const char *comma = memchr (name, ',', (gsize) (name_end - name));
  const char *person_end = comma;
  gboolean letters = FALSE;

  if (comma == NULL || comma == name)
    return name_end;
  for (const char *p = name; p < name_end; p++)
    {
      if (g_ascii_islower (*p) || (p > comma && *p == ','))
        return name_end;
      if (g_ascii_isupper (*p) && p > comma)
        letters = TRUE;
    }
  while (person_end > name && person_end[-1] == ' ')
    person_end--;
  return letters ? person_end : name_end;
}

const char *
hark_text_drop_initials (const char *name, const char *name_end)
{
  const char *open;
  guint lower = 0, upper = 0;

  if (name_end - name < 5 || name_end[-1] != ')')
    return name_end;
  open = name_end - 2;
  while (open > name && *open != '(')
    {
      /* A particle's letter may be lower-case: "Aaron van Wirdum (AvW)". */
      if (g_ascii_islower (*open))
        lower++;
      else if (g_ascii_isupper (*open))
        upper++;
      else if (!g_ascii_isdigit (*open) && *open != '.')
        return name_end;
      open--;
    }
  if (open == name || *open != '(' || name_end - open - 2 < 1 || name_end - open - 2 > 6
      || open[-1] != ' ' || lower > 2 || (lower > 0 && (upper < 2 || !g_ascii_isupper (open[1]))))
    return name_end;
  while (open > name && open[-1] == ' ')
    open--;
  return open > name ? open : name_end;
}

/* Whether @p holds a web address and nothing else (in angle brackets or not). */
static gboolean
is_lone_address (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '<')
    p++;
  if (g_ascii_strncasecmp (p, "http://", 7) != 0 && g_ascii_strncasecmp (p, "https://", 8) != 0
      && g_ascii_strncasecmp (p, "www.", 4) != 0)
    return FALSE;
  while (*p != '\0' && *p != ' ' && *p != '\t')
    p++;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '\0';
}

gboolean
hark_text_split_speaker (const char *line, char **speaker, const char **rest)
{
  const char *p = line;
  const char *name, *name_end, *colon;

  while (*p == ' ' || *p == '\t')
    p++;
  if (p[0] == '>' && p[1] == '>')
    {
      while (*p == '>')
        p++;
      while (*p == ' ' || *p == '\t')
        p++;
    }

  if (*p == '[')
    {
      const char *close = strchr (p, ']');

      if (close == NULL || close - p > 48)
        return FALSE;
      name = p + 1;
      name_end = close;
      colon = close + 1;
      while (*colon == ' ')
        colon++;
      if (*colon != ':')
        return FALSE;
      while (name < name_end && *name == ' ')
        name++;
      while (name_end > name && name_end[-1] == ' ')
        name_end--;
      if (name_end == name
          || in_list (sound_descriptions, G_N_ELEMENTS (sound_descriptions), name,
                      (gsize) (name_end - name)))
        return FALSE;
      for (const char *q = name; q < name_end; q++)
        if (*q == '[' || *q == '<')
          return FALSE;
    }
  else
    {
      colon = strchr (p, ':');
      if (colon == NULL || colon - p > 60)
        return FALSE;
      name = p;
      name_end = colon;
      while (name_end > name && name_end[-1] == ' ')
        name_end--;
      name_end = hark_text_drop_initials (name, name_end);
      name_end = drop_role (name, name_end);
      if (!hark_text_looks_like_name (name, (gsize) (name_end - name))
          || hark_text_is_non_speaker_label (name, (gsize) (name_end - name))
          || is_numbered_title (name, (gsize) (name_end - name)))
        return FALSE;
    }

  /* "https://x", "ISBN:123", "a::b" are not speakers; "Anna:Hello" (a missing space) is. */
  if (colon[1] == '/' || colon[1] == ':' || g_ascii_isdigit (colon[1]))
    return FALSE;
  /* "Slides: https://…", "Paper: <https://…>": a page's reference above or below the talk, not
   * a turn; nobody says a bare address. */
  if (is_lone_address (colon + 1))
    return FALSE;

  if (speaker)
    *speaker = g_strndup (name, (gsize) (name_end - name));
  if (rest)
    {
      const char *r = colon + 1;

      while (*r == ' ' || *r == '\t')
        r++;
      *rest = r;
    }
  return TRUE;
}

/* Reads one run of digits into @value; FALSE when there is none or it is absurdly long. */
static gboolean
scan_digits (const char **p, guint64 *value, guint *n_digits)
{
  *value = 0;
  *n_digits = 0;
  while (g_ascii_isdigit (**p))
    {
      if (++*n_digits > 9)
        return FALSE;
      *value = *value * 10 + (guint64) (**p - '0');
      (*p)++;
    }
  return *n_digits > 0;
}

gboolean
hark_text_scan_time (const char *p, const char **end, double *seconds)
{
  guint64 fields[3];
  guint n_fields = 0, digits;
  double fraction = 0;

  for (;;)
    {
      if (!scan_digits (&p, &fields[n_fields], &digits))
        return FALSE;
      /* Only the first field may run long (hours over 99, or minutes without hours). */
      if (n_fields > 0 && digits != 2)
        return FALSE;
      n_fields++;
      if (*p != ':' || n_fields == 3 || !g_ascii_isdigit (p[1]))
        break;
      p++;
    }
  if (n_fields < 2)
    return FALSE;
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    {
      double scale = 0.1;

      for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
        fraction += (*p - '0') * scale;
    }
  if (fields[n_fields - 1] >= 60 || (n_fields == 3 && fields[1] >= 60))
    return FALSE;
  {
    double value = n_fields == 3 ? (double) fields[0] * 3600 + (double) fields[1] * 60
                                       + (double) fields[2] + fraction
                                 : (double) fields[0] * 60 + (double) fields[1] + fraction;

    if (!hark_time_is_valid (value))
      return FALSE;
    *seconds = value;
  }
  *end = p;
  return TRUE;
}

guint
hark_text_column (const char *line_start, const char *at)
{
  if (at <= line_start)
    return 1;
  return (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

void
(hark_text_warn) (GPtrArray *warnings, const char *name, guint line, guint column, const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (warnings == NULL || warnings->len > HARK_TEXT_MAX_WARNINGS)
    return;
  if (warnings->len == HARK_TEXT_MAX_WARNINGS)
    {
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("%s:%u:%u: More problems were found from here on; only "
                                          "the first %d are listed."),
                                        name, line, column, HARK_TEXT_MAX_WARNINGS));
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (warnings, g_strdup_printf ("%s:%u:%u: %s", name, line, column, message));
}

void
hark_text_set_parse_error (GError **error, const char *name, guint line, guint column,
                           const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE, "%s:%u:%u: %s", name, line, column, message);
}

void
hark_line_reader_init (HarkLineReader *reader, const char *text)
{
  reader->next = text;
  reader->line = NULL;
  reader->length = 0;
  reader->number = 0;
}

gboolean
hark_line_reader_next (HarkLineReader *reader)
{
  const char *end;

  if (reader->next == NULL)
    return FALSE;
  end = strchr (reader->next, '\n');
  reader->line = reader->next;
  reader->number++;
  if (end)
    {
      reader->length = (gsize) (end - reader->line);
      reader->next = end + 1;
    }
  else
    {
      reader->length = strlen (reader->line);
      reader->next = NULL;
      /* A final newline does not start another (empty) line. */
      if (reader->length == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
hark_text_line_is_blank (const char *line, gsize length, gboolean spaces_are_blank)
{
  if (!spaces_are_blank)
    return length == 0;
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;
  return TRUE;
}

/* Longer than any tool's one-line signature. */
#define MAX_CREDIT_BYTES 120

gboolean
hark_text_drop_credit_footer (char *text)
{
  static const char *const openers[]
      = { "transcribed by", "transcribed with", "transcribed using", "transcription by",
          "transcription provided by", "transcript by", "transcript generated by",
          "transcript provided by", "automatically transcribed", "auto-transcribed by" };
  char *end = text + strlen (text);
  char *line_end, *line, *p;

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  line_end = end;
  line = line_end;
  while (line > text && line[-1] != '\n')
    line--;
  if (line == text || (gsize) (line_end - line) > MAX_CREDIT_BYTES)
    return FALSE;
  /* A blank line before it: the signature stands apart from the last paragraph. */
  p = line - 1;
  while (p > text && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p == text || p[-1] != '\n')
    return FALSE;
  for (p = line; *p == ' ' || *p == '\t' || *p == '*' || *p == '_' || *p == '#' || *p == '>'; p++)
    ;
  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    if (g_ascii_strncasecmp (p, openers[i], strlen (openers[i])) == 0)
      {
        *line = '\0';
        return TRUE;
      }
  return FALSE;
}
