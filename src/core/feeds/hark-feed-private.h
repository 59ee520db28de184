/* hark-feed-private.h — what the feed parser's pieces share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "feeds/hark-feed.h"

G_BEGIN_DECLS

/* Repairs are counted per kind, so a feed with 500 zero-length enclosures gives one line
 * ("…:12: enclosure length is 0 or missing (500 items)") instead of 500. */
typedef struct
{
  const char *name;
  GPtrArray *kinds;   /* HarkFeedWarning *, in order of first appearance */
  GHashTable *by_key; /* kind key → HarkFeedWarning * (owned by @kinds) */
} HarkFeedWarnings;

void hark_feed_warnings_init (HarkFeedWarnings *warnings, const char *name);
void hark_feed_warnings_clear (HarkFeedWarnings *warnings);
/* Records one occurrence of the repair @key at @line (0 when unknown). The message and its
 * arguments are translated and formatted the first time only: a repair can recur on every
 * item of a large feed. */
#define hark_feed_warn(warnings, key, line, ...)                                                   \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!hark_feed_warn_again ((warnings), (key)))                                                 \
      hark_feed_warn_first ((warnings), (key), (line), __VA_ARGS__);                               \
  }                                                                                                \
  G_STMT_END
/* Counts one more occurrence of @key when it was recorded before; FALSE when it was not. */
gboolean hark_feed_warn_again (HarkFeedWarnings *warnings, const char *key);
/* Records @key, not yet recorded, with its message. */
void hark_feed_warn_first (HarkFeedWarnings *warnings, const char *key, guint line,
                           const char *format, ...) G_GNUC_PRINTF (4, 5);
/* Moves the collected repairs into @out as "NAME:LINE: MESSAGE[ (N times)]" strings. */
void hark_feed_warnings_flush (HarkFeedWarnings *warnings, GPtrArray *out);

/* Receives the repaired document piece by piece; returns FALSE to stop. */
typedef gboolean (*HarkFeedSink) (const char *chunk, gsize length, gpointer user_data);

/* Turns the bytes of a feed into what libxml2 is given: UTF-8 (the declared, or guessed,
 * encoding converted), the XML and DOCTYPE declarations removed (line numbers kept), every
 * entity reference other than the five XML ones replaced, stray '&' escaped and control
 * characters blanked. Refuses a DOCTYPE that declares entities. The result goes to @sink in
 * pieces of about 64 KB, so a valid UTF-8 feed is never copied whole. */
gboolean hark_feed_input_prepare (const char *data, gsize length, HarkFeedWarnings *warnings,
                                  HarkFeedSink sink, gpointer user_data, GError **error);

/* Dates: RFC 822 in its real-world variants (wrong weekday, no seconds, two-digit years, named
 * zones) and ISO 8601. @wrong_weekday is set when the weekday did not match the date. */
gboolean hark_feed_parse_date (const char *text, gint64 *unix_seconds, gboolean *wrong_weekday);
/* Durations: "HH:MM:SS", "MM:SS", seconds, each with an optional fraction. */
gboolean hark_feed_parse_duration (const char *text, double *seconds);
/* Formats Unix seconds as "2026-12-01T07:31:17Z". */
char *hark_feed_format_date (gint64 unix_seconds);

G_END_DECLS
