/* hark-feed-dates.c — pubDate and itunes:duration as feeds really write them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 822 is the rule and rarely the practice: weekdays that do not match the date, missing
 * seconds, two-digit years, full month names, zone names like "EST", ISO 8601 instead, or a
 * date with no zone at all (read as UTC). Durations come as HH:MM:SS, MM:SS, plain seconds,
 * any of them with a fraction.
 */
#include "feeds/hark-feed-private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* g_ascii_strtod() with whole numbers of up to nine digits read directly: every item has a
 * duration and a time of day, and g_ascii_strtod() costs more than the rest of reading them.
 * Anything else (a fraction, an exponent, hex, a sign, space) goes to g_ascii_strtod(). */
static double
read_number (const char *text, char **after)
{
  const char *p = text;
  double value = 0;

  while (g_ascii_isdigit (*p) && p - text < 9)
    value = value * 10 + (*p++ - '0');
  if (p == text || g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' || *p == 'x'
      || *p == 'X')
    return g_ascii_strtod (text, after);
  *after = (char *) p;
  return value;
}

static const char *const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};
static const char *const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static int
lookup3 (const char *word, gsize length, const char *const *table, int n)
{
  char key[3];

  if (length < 3)
    return -1;
  /* The tables are lower case: one case fold, then plain comparisons. */
  for (int i = 0; i < 3; i++)
    key[i] = g_ascii_tolower (word[i]);
  for (int i = 0; i < n; i++)
    if (memcmp (key, table[i], 3) == 0)
      return i;
  return -1;
}

/* Named zones feeds use, in minutes east of UTC. */
static gboolean
zone_offset (const char *word, gsize length, int *minutes)
{
  static const struct
  {
    const char *name;
    int minutes;
  } zones[] = {
    { "GMT", 0 },      { "UT", 0 },       { "UTC", 0 },     { "Z", 0 },
    { "EST", -5 * 60 }, { "EDT", -4 * 60 }, { "CST", -6 * 60 }, { "CDT", -5 * 60 },
    { "MST", -7 * 60 }, { "MDT", -6 * 60 }, { "PST", -8 * 60 }, { "PDT", -7 * 60 },
    { "BST", 60 },     { "CET", 60 },     { "CEST", 120 },   { "AEST", 600 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (strlen (zones[i].name) == length && g_ascii_strncasecmp (word, zones[i].name, length) == 0)
      {
        *minutes = zones[i].minutes;
        return TRUE;
      }
  return FALSE;
}

/* Days from 1970-01-01 to @year-@month-@day of the proleptic Gregorian calendar, by
 * arithmetic: every item of a feed has a date, and two GDateTimes each cost more than the rest
 * of the date's parsing. */
static gint64
days_from_civil (int year, int month, int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

static gboolean
make_time (int year, int month, int day, int hour, int minute, double second, int zone_minutes,
           gint64 *out, int *weekday)
{
  gint64 local;

  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0
      || hour > 24 || minute < 0 || minute > 59 || !(second >= 0) || second >= 61)
    return FALSE;
  if (hour == 24)
    hour = 0, day++;
  if (day > g_date_get_days_in_month (month, year))
    return FALSE;
  /* Leap seconds read as :59, and a fraction of a second dropped. */
  local = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60
          + (gint64) MIN (second, 59.0);
  *out = local - (gint64) zone_minutes * 60;
  if (weekday)
    /* 1970-01-01 was a Thursday; Monday is 0. */
    *weekday = (int) ((local / 86400 + 3) % 7);
  return TRUE;
}

static gboolean
parse_iso8601 (const char *text, gint64 *out)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));
  int year, month, day, n = 0;

  /* "2026-12-01 07:31:17" is common in hand-written feeds: treat the space as the 'T'. */
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';
  if (strlen (copy) == 10 && sscanf (copy, "%4d-%2d-%2d%n", &year, &month, &day, &n) == 3 && n == 10)
    return make_time (year, month, day, 0, 0, 0, 0, out, NULL);
  dt = g_date_time_new_from_iso8601 (copy, utc);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
hark_feed_parse_date (const char *text, gint64 *unix_seconds, gboolean *wrong_weekday)
{
  const char *p = text;
  int weekday = -1, day = -1, month = -1, year = -1, hour = 0, minute = 0, zone = 0;
  double second = 0;
  int actual_weekday;

  *wrong_weekday = FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && g_ascii_isdigit (p[3]) && p[4] == '-')
    return parse_iso8601 (p, unix_seconds);

  /* Tokens: words, numbers, times and zones, separated by spaces, commas and dots. */
  while (*p)
    {
      const char *start = p;
      gsize length;

      while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '.')
        p++;
      start = p;
      if (*p == '\0')
        break;
      if (g_ascii_isalpha (*p))
        {
          int m, w, z;
          while (g_ascii_isalpha (*p))
            p++;
          length = p - start;
          if (month < 0 && (m = lookup3 (start, length, months, 12)) >= 0)
            month = m + 1;
          else if (weekday < 0 && month < 0 && (w = lookup3 (start, length, weekdays, 7)) >= 0)
            weekday = w;
          else if (zone_offset (start, length, &z))
            zone = z;
          else if (length == 2 && g_ascii_strncasecmp (start, "pm", 2) == 0 && hour < 12)
            hour += 12;
          else if (length == 2 && g_ascii_strncasecmp (start, "am", 2) == 0 && hour == 12)
            hour = 0;
          else
            return FALSE;
        }
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1, digits = 0, value = 0;
          p++;
          while (g_ascii_isdigit (*p) || *p == ':')
            {
              if (*p != ':')
                value = value * 10 + (*p - '0'), digits++;
              p++;
            }
          if (digits == 4)
            zone = sign * ((value / 100) * 60 + value % 100);
          else if (digits == 2)
            zone = sign * value * 60;
          else
            return FALSE;
        }
      else if (g_ascii_isdigit (*p))
        {
          char *after;
          long value = strtol (p, &after, 10);
          if (*after == ':')
            {
              hour = (int) value;
              minute = (int) strtol (after + 1, &after, 10);
              if (*after == ':')
                second = read_number (after + 1, &after);
            }
          else if (day < 0 && after - p <= 2)
            day = (int) value;
          else if (year < 0)
            year = (int) (after - p <= 2 ? (value < 70 ? 2000 + value : 1900 + value) : value);
          else
            return FALSE;
          p = after;
        }
      else
        return FALSE;
    }
  if (day < 0 || month < 0 || year < 0)
    return parse_iso8601 (text, unix_seconds);
  if (!make_time (year, month, day, hour, minute, second, zone, unix_seconds, &actual_weekday))
    return FALSE;
  *wrong_weekday = weekday >= 0 && weekday != actual_weekday;
  return TRUE;
}

gboolean
hark_feed_parse_duration (const char *text, double *seconds)
{
  double parts[3] = { 0 };
  int n = 0;
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return FALSE;
  for (;;)
    {
      char *after;
      double value;
      if (!g_ascii_isdigit (*p) && *p != '.')
        return FALSE;
      value = read_number (p, &after);
      if (after == p || !isfinite (value) || value < 0 || n == 3)
        return FALSE;
      parts[n++] = value;
      p = after;
      if (*p != ':')
        break;
      p++;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  /* Only the last field may have a fraction; minutes and seconds below 60 unless alone. */
  for (int i = 0; i < n - 1; i++)
    if (parts[i] != floor (parts[i]) || (i > 0 && parts[i] >= 60))
      return FALSE;
  if (n > 1 && parts[n - 1] >= 60)
    return FALSE;
  if (n == 1)
    *seconds = parts[0];
  else if (n == 2)
    *seconds = parts[0] * 60 + parts[1];
  else
    *seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
  return *seconds < 1e7;
}

char *
hark_feed_format_date (gint64 unix_seconds)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}
