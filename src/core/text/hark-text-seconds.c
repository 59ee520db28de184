/* hark-text-seconds.c — "seconds, maybe with a fraction", as every reader meets it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "text/hark-text-seconds.h"
#include "text/hark-text-utils.h"

#include <math.h>

/* Digits at *@p. Past @max the value stops growing (it only has to stay above @max to be
 * refused), so no run of digits overflows. */
static gboolean
scan_whole (const char **p, double max, double *value)
{
  const char *s = *p;
  double v = 0;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  for (; g_ascii_isdigit (*s); s++)
    if (v <= max)
      v = v * 10 + (*s - '0');
  *value = v;
  *p = s;
  return TRUE;
}

/* Adds a fraction at *@p to @value when there is one (a separator and a digit). */
static gboolean
scan_fraction (const char **p, HarkSecondsFlags flags, double *value)
{
  const char *s = *p;
  double scale = 0.1;

  if ((flags & HARK_SECONDS_WHOLE) || !(*s == '.' || (*s == ',' && (flags & HARK_SECONDS_COMMA)))
      || !g_ascii_isdigit (s[1]))
    return FALSE;
  for (s++; g_ascii_isdigit (*s); s++, scale /= 10)
    *value += (*s - '0') * scale;
  *p = s;
  return TRUE;
}

/* "1h2m3s", "2m5s" after the first number @first, at @p (on the 'h' or 'm'). */
static gboolean
scan_units (const char *p, double first, double max, const char **end, double *seconds)
{
  double total = first * (*p == 'h' ? 3600 : 60);

  for (p++; g_ascii_isdigit (*p);)
    {
      double part;

      scan_whole (&p, max, &part);
      if (*p == 'm')
        total += part * 60;
      else if (*p == 's')
        total += part;
      else
        return FALSE;
      p++;
    }
  if (!isfinite (total) || total > max)
    return FALSE;
  *seconds = total;
  *end = p;
  return TRUE;
}

/* "0:0:25", "1:02", "01:02:03.5", "25", "25.5": fields of any width; all but the first under 60.
 * Sets @n_fields. */
static gboolean
scan_loose_clock (const char **p, HarkSecondsFlags flags, double max, guint *n_fields,
                  double *value)
{
  const char *s = *p;
  double v = 0;
  guint n = 0;

  for (;;)
    {
      double field;

      if (!scan_whole (&s, max, &field) || (n > 0 && field >= 60))
        return FALSE;
      v = v * 60 + field;
      n++;
      if (*s != ':' || n == 3 || !g_ascii_isdigit (s[1]))
        break;
      s++;
    }
  if (n == 1 && (flags & HARK_SECONDS_UNITS) && (*s == 'h' || *s == 'm')
      && g_ascii_isdigit (s[1]))
    {
      *n_fields = 0; /* units: the caller's work is done */
      *value = v;
      *p = s;
      return TRUE;
    }
  if (!scan_fraction (&s, flags, &v) && (flags & HARK_SECONDS_NEED_FRACTION))
    return FALSE;
  *n_fields = n;
  *value = v;
  *p = s;
  return TRUE;
}

gboolean
hark_text_scan_seconds (const char *p, HarkSecondsFlags flags, double max, const char **end,
                        double *seconds)
{
  double value;
  guint n_fields = 1;

  g_return_val_if_fail (p != NULL && isfinite (max), FALSE);

  if (!(flags & HARK_SECONDS_LOOSE_CLOCK) && (flags & HARK_SECONDS_CLOCK))
    {
      const char *clock_end;

      /* A clock time out of range is refused, not read again as its first number. */
      if (hark_text_scan_time (p, &clock_end, &value))
        {
          if (value > max)
            return FALSE;
          *seconds = value;
          *end = clock_end;
          return TRUE;
        }
    }
  if (flags & HARK_SECONDS_LOOSE_CLOCK)
    {
      if (!scan_loose_clock (&p, flags, max, &n_fields, &value))
        return FALSE;
      if (n_fields == 0)
        return scan_units (p, value, max, end, seconds);
    }
  else
    {
      if (!scan_whole (&p, max, &value))
        return FALSE;
      if ((flags & HARK_SECONDS_UNITS) && (*p == 'h' || *p == 'm') && g_ascii_isdigit (p[1]))
        return scan_units (p, value, max, end, seconds);
      if (!scan_fraction (&p, flags, &value) && (flags & HARK_SECONDS_NEED_FRACTION))
        return FALSE;
    }
  if ((flags & HARK_SECONDS_UNITS) && n_fields == 1 && *p == 's')
    p++;
  if (!isfinite (value) || value > max)
    return FALSE;
  *seconds = value;
  *end = p;
  return TRUE;
}
