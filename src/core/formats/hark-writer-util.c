/* hark-writer-util.c — saving files, JSON literals and timestamps for every writer
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-writer-private.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "util/hark-error.h"

gboolean
hark_writer_save (const char *contents, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (g_file_set_contents (path, contents, -1, &local))
    return TRUE;
  g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Could not write %s: %s"), path, local->message);
  return FALSE;
}

void
hark_json_append_string (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
hark_json_append_seconds (GString *out, double seconds)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  if (!isfinite (seconds))
    seconds = 0;
  /* Round to the millisecond first so -0.0004 does not print as "-0". */
  seconds = round (seconds * 1000) / 1000;
  if (seconds == 0)
    seconds = 0;
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", seconds);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    buffer[--len] = '\0';
  if (len > 0 && buffer[len - 1] == '.')
    buffer[--len] = '\0';
  g_string_append (out, buffer);
}

void
hark_json_append_key (GString *out, const char *key)
{
  hark_json_append_string (out, key);
  g_string_append (out, ": ");
}

void
hark_json_begin_item (GString *out, guint index, const char *indent)
{
  g_string_append (out, index > 0 ? ",\n" : "\n");
  g_string_append (out, indent);
  g_string_append_c (out, '{');
}

void
hark_json_end_array (GString *out, guint n_items, const char *indent)
{
  if (n_items > 0)
    {
      g_string_append_c (out, '\n');
      /* The closing bracket lines up with the key, two spaces left of the items. */
      g_string_append_len (out, indent, (gssize) MAX (strlen (indent), 2) - 2);
    }
  g_string_append_c (out, ']');
}

void
hark_writer_append_timestamp (GString *out, double seconds, char separator)
{
  gint64 ms = isfinite (seconds) && seconds > 0 ? (gint64) llround (seconds * 1000) : 0;

  g_string_append_printf (out, "%02" G_GINT64_FORMAT ":%02d:%02d%c%03d", ms / 3600000,
                          (int) (ms / 60000 % 60), (int) (ms / 1000 % 60), separator,
                          (int) (ms % 1000));
}
