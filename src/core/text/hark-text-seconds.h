/* hark-text-seconds.h — "seconds, maybe with a fraction", as every reader meets it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whisper's text, WebVTT and SRT cues, HTML links and TTML offsets all write times as a plain
 * number of seconds now and then. They differ in what else they accept around it, and those
 * differences are real (a WebVTT cue number must never pass for a time), so they are flags here
 * rather than four scanners that drift apart.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HARK_SECONDS_PLAIN = 0,
  /* "12" alone is no time: where a cue's number can stand where a time does. */
  HARK_SECONDS_NEED_FRACTION = 1 << 0,
  /* "2,250" as well as "2.250": SRT's decimal comma. */
  HARK_SECONDS_COMMA = 1 << 1,
  /* No fraction at all: "12.5" scans as 12 and stops at the '.' (frame counts). */
  HARK_SECONDS_WHOLE = 1 << 2,
  /* A clock time too, "1:02:03.5" or "04:05", with two-digit fields (hark_text_scan_time()). */
  HARK_SECONDS_CLOCK = 1 << 3,
  /* A clock time whose fields may have one digit, as players' links write them ("0:0:25",
   * "1:2"). Implies HARK_SECONDS_CLOCK's forms. */
  HARK_SECONDS_LOOSE_CLOCK = 1 << 4,
  /* Units: "25s", "1h2m3s", "2m5s" (a lone "2m" or "1h" is not taken: it reads as a word). */
  HARK_SECONDS_UNITS = 1 << 5,
} HarkSecondsFlags;

/* Scans a time at @p as @flags allow (digits first: no sign, no leading space, no exponent).
 * A '.' (or with HARK_SECONDS_COMMA a ',') is part of the time only when a digit follows it.
 * Fails for a value above @max (which must be finite) and never overflows, however many digits
 * come. On success sets @seconds and @end just past what was taken; on failure leaves both. */
gboolean hark_text_scan_seconds (const char *p, HarkSecondsFlags flags, double max,
                                 const char **end, double *seconds);

G_END_DECLS
