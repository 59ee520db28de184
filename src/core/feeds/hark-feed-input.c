/* hark-feed-input.c — the bytes of a feed made safe and well-formed enough for libxml2
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 stops at the first undefined entity, at an undeclared encoding that is not UTF-8 and
 * at whitespace before the XML declaration, and it would expand entities a DOCTYPE declares.
 * Real feeds do all of these, so one pass here fixes what is fixable and refuses the rest:
 * after it, the only entity references left are the five XML predefines and character
 * references to valid characters, and no DOCTYPE reaches the parser at all. That makes
 * billion-laughs, quadratic-blowup and XXE documents impossible by construction rather than
 * by parser options.
 */
#include "feeds/hark-feed-private.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"
#include "util/hark-error.h"

/* Windows-1252's 0x80–0x9F; the five undefined bytes map to the C1 control of the same
 * value, as browsers do. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static gunichar
cp1252_to_unichar (guchar byte)
{
  return byte >= 0x80 && byte <= 0x9F ? cp1252_high[byte - 0x80] : byte;
}

static void
append_unichar (GString *out, gunichar c)
{
  char buffer[6];
  g_string_append_len (out, buffer, g_unichar_to_utf8 (c, buffer));
}

static guint
count_lines (const char *start, const char *end)
{
  guint n = 0;
  for (const char *p = start; p < end; p++)
    n += *p == '\n';
  return n;
}

/* Decodes as UTF-8 where the bytes are valid and as Windows-1252 where they are not: a feed
 * without a declaration is one or the other (or a mix of pasted text), and this reads all
 * three the way a listener would expect. */
static char *
decode_mixed (const char *data, gsize length, gsize *out_length)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);
  const char *p = data, *end = data + length;

  while (p < end)
    {
      const char *valid_end;
      g_utf8_validate_len (p, end - p, &valid_end);
      g_string_append_len (out, p, valid_end - p);
      p = valid_end;
      if (p < end)
        {
          append_unichar (out, cp1252_to_unichar ((guchar) *p));
          p++;
        }
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Finds the encoding="…" pseudo-attribute of an XML declaration spanning [@decl, @decl_end). */
static char *
declared_encoding (const char *decl, const char *decl_end)
{
  const char *key = g_strstr_len (decl, decl_end - decl, "encoding");
  const char *p, *value_end;
  char quote;

  if (key == NULL)
    return NULL;
  p = key + strlen ("encoding");
  while (p < decl_end && is_space (*p))
    p++;
  if (p >= decl_end || *p != '=')
    return NULL;
  p++;
  while (p < decl_end && is_space (*p))
    p++;
  if (p >= decl_end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  value_end = memchr (p, quote, decl_end - p);
  if (value_end == NULL || value_end - p > 40 || value_end == p)
    return NULL;
  /* EncName in the XML grammar; anything else is not a name iconv should be asked about. */
  for (const char *c = p; c < value_end; c++)
    if (!g_ascii_isalnum (*c) && *c != '.' && *c != '_' && *c != '-')
      return NULL;
  return g_ascii_strdown (p, value_end - p);
}

static gboolean
is_utf8_name (const char *encoding)
{
  return strcmp (encoding, "utf-8") == 0 || strcmp (encoding, "utf8") == 0;
}

static gboolean
is_western_single_byte (const char *encoding)
{
  static const char *const names[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-15", "iso8859-15", NULL,
  };
  return g_strv_contains (names, encoding);
}

static gboolean
has_high_bytes (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* g_utf8_validate_len() with ASCII taken sixteen bytes at a time: feeds are mostly ASCII, and
 * this check reads every byte of the feed before the parser does. NUL is invalid, as there. */
static gboolean
utf8_valid (const char *data, gsize length)
{
  const guchar *p = (const guchar *) data, *end = p + length;

  while (p < end)
    {
      /* Two words a step: no high bit and no zero byte in either. */
      while (end - p >= 16)
        {
          guint64 a, b;

          memcpy (&a, p, sizeof a);
          memcpy (&b, p + 8, sizeof b);
          if (((a | b | ((a - 0x0101010101010101ULL) & ~a) | ((b - 0x0101010101010101ULL) & ~b))
               & 0x8080808080808080ULL)
              != 0)
            break;
          p += 16;
        }
      if (p == end)
        break;
      if (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, sizeof w);
          /* No high bit and no zero byte in the word. */
          if (((w | ((w - 0x0101010101010101ULL) & ~w)) & 0x8080808080808080ULL) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p == 0)
        return FALSE;
      if (*p < 0x80)
        {
          p++;
          continue;
        }
      /* One multi-byte character: overlong forms, surrogates and beyond U+10FFFF fail. */
      if (g_utf8_get_char_validated ((const char *) p, end - p) >= 0x110000)
        return FALSE;
      p += g_utf8_skip[*p];
    }
  return TRUE;
}

/* Step one: everything as UTF-8. Returns a new buffer, or NULL when @data can be used as it is. */
static char *
to_utf8 (const char *data, gsize length, const char *encoding, HarkFeedWarnings *warnings,
         gsize *out_length)
{
  if (encoding == NULL || is_utf8_name (encoding))
    {
      if (utf8_valid (data, length))
        return NULL;
      hark_feed_warn (warnings, "encoding", 1,
                      encoding ? _("declared UTF-8 but is not; other bytes read as Windows-1252")
                               : _("no encoding declared and not UTF-8; read as Windows-1252"));
      return decode_mixed (data, length, out_length);
    }
  if (is_western_single_byte (encoding))
    {
      if (has_high_bytes (data, length) && utf8_valid (data, length))
        {
          hark_feed_warn (warnings, "encoding", 1, _("declared %s but is UTF-8; read as UTF-8"),
                          encoding);
          return NULL;
        }
      hark_feed_warn (warnings, "encoding", 1, _("encoded as %s; converted to UTF-8"), encoding);
      {
        GString *out = g_string_sized_new (length + length / 8 + 1);
        for (gsize i = 0; i < length; i++)
          {
            guchar byte = (guchar) data[i];
            if (byte < 0x80)
              g_string_append_c (out, (char) byte);
            else
              append_unichar (out, cp1252_to_unichar (byte));
          }
        *out_length = out->len;
        return g_string_free (out, FALSE);
      }
    }
  {
    g_autoptr (GError) error = NULL;
    gsize read = 0, written = 0;
    char *converted = g_convert (data, length, "UTF-8", encoding, &read, &written, &error);
    if (converted != NULL)
      {
        hark_feed_warn (warnings, "encoding", 1, _("encoded as %s; converted to UTF-8"), encoding);
        *out_length = written;
        return converted;
      }
    hark_feed_warn (warnings, "encoding", 1,
                    _("encoding “%s” could not be converted (%s); read as UTF-8 and Windows-1252"),
                    encoding, error->message);
    return decode_mixed (data, length, out_length);
  }
}

/* Appends [@start, @end) keeping only its line breaks, so line numbers stay those of the file. */
static void
blank_out (GString *out, const char *start, const char *end)
{
  for (const char *p = start; p < end; p++)
    if (*p == '\n')
      g_string_append_c (out, '\n');
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Writes @text so libxml2 reads it back as the same characters wherever it stands (element
 * content or attribute value): markup characters become character references. */
static void
append_as_text (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    if (*p == '<' || *p == '&' || *p == '"' || *p == '\'' || *p == '>')
      g_string_append_printf (out, "&#%d;", *p);
    else
      g_string_append_c (out, *p);
}

/* Handles the '&' at @p; returns the position after what it consumed. */
static const char *
fix_reference (GString *out, const char *p, const char *end, guint line,
               HarkFeedWarnings *warnings)
{
  const char *name = p + 1, *q = name;

  if (q < end && *q == '#')
    {
      gboolean hex = q + 1 < end && (q[1] == 'x' || q[1] == 'X');
      const char *digits = q + (hex ? 2 : 1), *d = digits;
      guint64 value = 0;

      while (d < end && d - digits < 10 && (hex ? g_ascii_isxdigit (*d) : g_ascii_isdigit (*d)))
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*d) : *d - '0');
          d++;
        }
      if (d > digits && d < end && *d == ';')
        {
          if (is_xml_char ((gunichar) value) && !(value >= 0x80 && value <= 0x9F))
            {
              g_string_append_len (out, p, d + 1 - p);
              return d + 1;
            }
          /* &#150; and friends: Windows-1252 bytes written as numbers, as browsers read them. */
          if (value >= 0x80 && value <= 0x9F)
            {
              hark_feed_warn (warnings, "charref-1252", line,
                              _("character reference &#%u; read as Windows-1252"), (guint) value);
              g_string_append_printf (out, "&#%u;", cp1252_to_unichar ((guchar) value));
            }
          else
            {
              hark_feed_warn (warnings, "charref", line,
                              _("character reference to an invalid character replaced"));
              g_string_append (out, "&#xFFFD;");
            }
          return d + 1;
        }
    }
  else
    {
      while (q < end && q - name < 40 && is_name_char (*q))
        q++;
      if (q > name && q < end && *q == ';')
        {
          gsize len = q - name;
          const char *replacement;

          if ((len == 3 && memcmp (name, "amp", 3) == 0) || (len == 2 && memcmp (name, "lt", 2) == 0)
              || (len == 2 && memcmp (name, "gt", 2) == 0)
              || (len == 4 && memcmp (name, "quot", 4) == 0)
              || (len == 4 && memcmp (name, "apos", 4) == 0))
            {
              g_string_append_len (out, p, q + 1 - p);
              return q + 1;
            }
          replacement = hark_html_entity_lookup (name, len, TRUE);
          if (replacement != NULL)
            {
              hark_feed_warn (warnings, "html-entity", line,
                              _("undefined entity &%.*s; read as its HTML meaning"), (int) len, name);
              append_as_text (out, replacement);
            }
          else
            {
              hark_feed_warn (warnings, "unknown-entity", line,
                              _("undefined entity &%.*s; kept as text"), (int) len, name);
              g_string_append (out, "&amp;");
              g_string_append_len (out, name, len + 1);
            }
          return q + 1;
        }
    }
  hark_feed_warn (warnings, "bare-ampersand", line, _("unescaped '&' read as text"));
  g_string_append (out, "&amp;");
  return p + 1;
}

/* Copies a section that is not markup ([@p, @stop) of a comment, CDATA or PI) with only the
 * control characters blanked. */
static void
copy_raw (GString *out, const char *p, const char *stop, guint *line, HarkFeedWarnings *warnings)
{
  while (p < stop)
    {
      const char *run = p;
      guchar c;

      while (p < stop && (guchar) *p >= 0x20)
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= stop)
        break;
      c = (guchar) *p++;
      if (c == '\n')
        (*line)++;
      if (c != '\n' && c != '\r' && c != '\t')
        {
          hark_feed_warn (warnings, "control", *line, _("control characters replaced by spaces"));
          c = ' ';
        }
      g_string_append_c (out, (char) c);
    }
}

/* Whether [@p, @stop) holds no control character but line breaks and tabs, which copy_raw()
 * would keep; adds its line breaks to @line when it does. Eight bytes at a time: a word with
 * no byte below 0x20 is skipped whole. */
static gboolean
raw_is_clean (const char *p, const char *stop, guint *line)
{
  guint lines = 0;

  while (p < stop)
    {
      if (stop - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, sizeof w);
          if (((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL) == 0)
            {
              p += 8;
              continue;
            }
        }
      if ((guchar) *p < 0x20)
        {
          if (*p == '\n')
            lines++;
          else if (*p != '\r' && *p != '\t')
            return FALSE;
        }
      p++;
    }
  *line += lines;
  return TRUE;
}

/* memmem() for the few closing sequences, by memchr() on their first byte: faster on long
 * sections where that byte is rare. */
static const char *
find_close (const char *p, const char *end, const char *close, gsize close_length)
{
  while ((gsize) (end - p) >= close_length)
    {
      const char *hit = memchr (p, close[0], end - p - close_length + 1);
      if (hit == NULL)
        return NULL;
      if (memcmp (hit, close, close_length) == 0)
        return hit;
      p = hit + 1;
    }
  return NULL;
}

/* Finds the end of a DOCTYPE starting at @p ("<!DOCTYPE"), skipping quoted strings and the
 * internal subset; sets @declares_entities. Returns the position after its '>' (or @end). */
static const char *
doctype_end (const char *p, const char *end, gboolean *declares_entities)
{
  int brackets = 0;
  char quote = 0;

  *declares_entities = FALSE;
  for (p += strlen ("<!DOCTYPE"); p < end; p++)
    {
      if (quote)
        {
          if (*p == quote)
            quote = 0;
          continue;
        }
      if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '[')
        brackets++;
      else if (*p == ']')
        brackets--;
      else if (*p == '<' && end - p >= 8 && memcmp (p, "<!ENTITY", 8) == 0)
        *declares_entities = TRUE;
      else if (*p == '>' && brackets <= 0)
        return p + 1;
    }
  return end;
}

/* The end of an XML declaration starting at @decl: after its "?>", or after the first '>' of
 * a broken one; @decl itself when there is neither. */
static const char *
declaration_end (const char *decl, const char *end)
{
  gsize window = MIN ((gsize) (end - decl), (gsize) 4096);
  const char *close = g_strstr_len (decl, window, "?>");
  if (close != NULL)
    return close + 2;
  close = memchr (decl, '>', window);
  return close ? close + 1 : decl;
}

static gboolean
starts_with (const char *p, const char *end, const char *prefix)
{
  gsize n = strlen (prefix);
  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

#define CHUNK_SIZE (64 * 1024)

/* What repair_markup() sees in a byte: most go on as they are; line breaks are counted; '&',
 * '<' and control characters other than tabs and carriage returns need a look. */
enum
{
  BYTE_PLAIN,
  BYTE_NEWLINE,
  BYTE_LOOK,
};
static const guint8 byte_kind[256] = {
  [0 ... 0x08] = BYTE_LOOK, ['\n'] = BYTE_NEWLINE, [0x0B ... 0x0C] = BYTE_LOOK,
  [0x0E ... 0x1F] = BYTE_LOOK, ['&'] = BYTE_LOOK, ['<'] = BYTE_LOOK,
};

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH_BITS (ONES * 0x80)

/* The high bit of each byte of @w equal to @c (below 0x80), exactly: no byte carries into the
 * next, as the high bits are cleared before adding. */
static inline guint64
bytes_equal (guint64 w, guchar c)
{
  guint64 t = (w & ~HIGH_BITS) ^ (ONES * c);
  return ~(t + ONES * 0x7F) & ~w & HIGH_BITS;
}

/* Whether the eight bytes at @p are all ones repair_markup() passes on (see byte_kind), with
 * '<' only where the byte after it opens neither "<!" nor "<?"; counts their line breaks into
 * @line when they are. @p[8] must be readable. */
static inline gboolean
word_is_plain (const char *p, guint *line)
{
  guint64 w, next, below_space, newlines, opens;

  memcpy (&w, p, sizeof w);
  below_space = ~((w & ~HIGH_BITS) + ONES * 0x60) & ~w & HIGH_BITS;
  newlines = bytes_equal (w, '\n');
  if (below_space & ~(newlines | bytes_equal (w, '\t') | bytes_equal (w, '\r')))
    return FALSE;
  if (bytes_equal (w, '&'))
    return FALSE;
  opens = bytes_equal (w, '<');
  if (opens)
    {
      memcpy (&next, p + 1, sizeof next);
      if (opens & (bytes_equal (next, '!') | bytes_equal (next, '?')))
        return FALSE;
    }
  /* One bit per line break, at the top of its byte: the multiplication sums the bytes. */
  *line += (guint) (((newlines >> 7) * ONES) >> 56);
  return TRUE;
}

/* Step two, on UTF-8: entity references, stray '&', control characters, DOCTYPE. Every pass
 * of the loop ends between two constructs, so that is where a piece is handed on. */
static gboolean
repair_markup (const char *text, gsize length, const char *body, HarkFeedWarnings *warnings,
               HarkFeedSink sink, gpointer user_data, GError **error)
{
  const char *p = body, *end = text + length;
  g_autoptr (GString) out = g_string_sized_new (CHUNK_SIZE + 1024);
  guint line = 1 + count_lines (text, body);

  blank_out (out, text, body);
  while (p < end)
    {
      const char *run = p;
      const char *run_end;

      if (out->len >= CHUNK_SIZE)
        {
          if (!sink (out->str, out->len, user_data))
            return TRUE;
          g_string_truncate (out, 0);
        }
      /* The common case is handed on in one go, without a copy: text, line breaks and tags,
       * up to a reference, a control character or a "<!" or "<?" construct. */
      run_end = p + MIN ((gsize) (end - p), (gsize) CHUNK_SIZE);
      while (p < run_end)
        {
          if (run_end - p > 8 && word_is_plain (p, &line))
            {
              p += 8;
              continue;
            }
          guint8 kind = byte_kind[(guchar) *p];
          if (kind == BYTE_PLAIN)
            p++;
          else if (kind == BYTE_NEWLINE)
            line++, p++;
          else if (*p == '<' && p + 1 < end && p[1] != '!' && p[1] != '?')
            p++;
          else
            break;
        }
      if (p - run >= 256)
        {
          if (out->len > 0 && !sink (out->str, out->len, user_data))
            return TRUE;
          g_string_truncate (out, 0);
          if (!sink (run, p - run, user_data))
            return TRUE;
          continue;
        }

      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;
      if (p == run_end)
        continue;
      if (*p == '&')
        p = fix_reference (out, p, end, line, warnings);
      else if (*p != '<')
        {
          copy_raw (out, p, p + 1, &line, warnings);
          p++;
        }
      else
        {
          const char *close = NULL, *stop;
          gsize close_length = 0;

          if (starts_with (p, end, "<!--"))
            close = "-->";
          else if (starts_with (p, end, "<![CDATA["))
            close = "]]>";
          else if (starts_with (p, end, "<?"))
            close = "?>";
          else if (starts_with (p, end, "<!DOCTYPE"))
            {
              gboolean declares_entities;
              const char *after = doctype_end (p, end, &declares_entities);
              if (declares_entities)
                {
                  g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE,
                               _("%s:%u: the document declares entities (a DOCTYPE with "
                                 "<!ENTITY>); feeds never need them and they are refused"),
                               warnings->name, line);
                  return FALSE;
                }
              line += count_lines (p, after);
              blank_out (out, p, after);
              p = after;
              continue;
            }
          if (close == NULL)
            {
              g_string_append_c (out, '<');
              p++;
              continue;
            }
          close_length = strlen (close);
          stop = find_close (p, end, close, close_length);
          if (stop == NULL)
            {
              /* Passing the rest on would let libxml2 recover into it unchecked. */
              hark_feed_warn (warnings, "unterminated", line,
                              _("the document ends inside a comment, CDATA section or processing "
                                "instruction; the rest is ignored"));
              break;
            }
          stop += close_length;
          /* A long clean section (the HTML of a description, most often) goes on as it is. */
          if (stop - p >= 256 && raw_is_clean (p, stop, &line))
            {
              if (out->len > 0 && !sink (out->str, out->len, user_data))
                return TRUE;
              g_string_truncate (out, 0);
              if (!sink (p, stop - p, user_data))
                return TRUE;
            }
          else
            copy_raw (out, p, stop, &line, warnings);
          p = stop;
        }
    }
  if (out->len > 0)
    sink (out->str, out->len, user_data);
  return TRUE;
}

gboolean
hark_feed_input_prepare (const char *data, gsize length, HarkFeedWarnings *warnings,
                         HarkFeedSink sink, gpointer user_data, GError **error)
{
  const char *start = data, *end = data + length, *p;
  const char *decl = NULL, *decl_end = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *converted = NULL;
  gsize converted_length = 0;
  const char *text;
  gsize text_length, body_offset = 0;

  if (length > HARK_FEED_MAX_BYTES)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s: the feed is larger than %u MB; refused"), warnings->name,
                   HARK_FEED_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  /* UTF-16 announces itself with a byte order mark; convert it before anything else. */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                      || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_autofree char *utf8 = hark_text_normalize (data, length, &converted_length, error);
      if (utf8 == NULL)
        return FALSE;
      return hark_feed_input_prepare (utf8, converted_length, warnings, sink, user_data, error);
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start += 3;

  p = start;
  while (p < end && is_space (*p))
    p++;
  if (starts_with (p, end, "<?xml") && p + 5 < end && is_space (p[5]))
    {
      decl = p;
      decl_end = declaration_end (p, end);
      if (p > start)
        hark_feed_warn (warnings, "space-before-declaration", 1,
                        _("white space before the XML declaration ignored"));
      encoding = declared_encoding (decl, decl_end);
    }

  converted = to_utf8 (data, length, encoding, warnings, &converted_length);
  text = converted ? converted : data;
  text_length = converted ? converted_length : length;

  /* Where the content starts in @text: after the BOM and the declaration. Offsets before the
   * declaration's end are unchanged by conversion only when nothing before it was converted,
   * which holds because the prolog is ASCII; so recompute from @text. */
  {
    const char *t = text, *t_end = text + text_length;
    if (t_end - t >= 3 && memcmp (t, "\xEF\xBB\xBF", 3) == 0)
      t += 3;
    if (decl != NULL)
      {
        const char *d = g_strstr_len (t, MIN (t_end - t, 4096), "<?xml");
        if (d != NULL)
          t = declaration_end (d, t_end);
      }
    body_offset = t - text;
  }
  return repair_markup (text, text_length, text + body_offset, warnings, sink, user_data, error);
}
