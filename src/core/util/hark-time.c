/* hark-time.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-time.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static gboolean
parse_fraction (const char *p, const char **end, double *value)
{
  double scale = 0.1;

  *value = 0;
  if (*p != '.' && *p != ',')
    {
      *end = p;
      return TRUE;
    }
  p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++, scale /= 10)
    *value += (*p - '0') * scale;
  *end = p;
  return TRUE;
}

gboolean
hark_time_is_valid (double seconds)
{
  return isfinite (seconds) && seconds >= 0 && seconds <= HARK_TIME_MAX_SECONDS;
}

gboolean
hark_time_parse (const char *text, double *seconds)
{
  guint64 fields[3];
  guint n_fields = 0;
  const char *p;
  double fraction;

  g_return_val_if_fail (seconds != NULL, FALSE);
  if (text == NULL)
    return FALSE;

  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p) && *p != '.')
    return FALSE;

  /* Plain seconds: digits with an optional fraction and nothing else. */
  if (strchr (p, ':') == NULL)
    {
      char *end = NULL;
      double v = g_ascii_strtod (p, &end);

      while (end && g_ascii_isspace (*end))
        end++;
      if (end == p || end == NULL || *end != '\0' || !hark_time_is_valid (v))
        return FALSE;
      *seconds = v;
      return TRUE;
    }

  for (;;)
    {
      guint64 v = 0;
      guint digits = 0;

      for (; g_ascii_isdigit (*p); p++, digits++)
        {
          v = v * 10 + (guint64) (*p - '0');
          if (v > G_MAXUINT32)
            return FALSE;
        }
      if (digits == 0 || n_fields == 3)
        return FALSE;
      fields[n_fields++] = v;
      if (*p != ':')
        break;
      p++;
    }

  if (n_fields < 2 || !parse_fraction (p, &p, &fraction))
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  /* The first field may be large (hours, or minutes without hours); the rest are base 60. */
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
  return TRUE;
}

char *
hark_time_format (double seconds, gboolean millis)
{
  gint64 ms, total;
  char *base;

  if (!isfinite (seconds) || seconds < 0)
    seconds = 0;
  /* Never an overflowed integer on screen, whatever a caller passes. */
  seconds = MIN (seconds, 1e12);
  ms = (gint64) llround (seconds * 1000.0);
  total = ms / 1000;

  if (total >= 3600)
    base = g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", total / 3600,
                            (int) ((total / 60) % 60), (int) (total % 60));
  else
    base = g_strdup_printf ("%d:%02d", (int) (total / 60), (int) (total % 60));

  if (!millis)
    return base;

  {
    char *with_ms = g_strdup_printf ("%s.%03d", base, (int) (ms % 1000));
    g_free (base);
    return with_ms;
  }
}
