/* hark-time.h — reading and writing times the way people type and read them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest time Hark accepts from outside (files, options, D-Bus): a week. Anything
 * longer is a mistake or an attack (1e300, 2^63), and would overflow the sample counts. */
#define HARK_TIME_MAX_SECONDS (7.0 * 24 * 3600)

/* TRUE for a finite time in [0, HARK_TIME_MAX_SECONDS]: the one check every reader applies. */
gboolean hark_time_is_valid (double seconds);

/* Accepts plain seconds ("83.5") or [HH:]MM:SS[.mmm] ("1:23.5", "01:02:03,250").
 * Returns FALSE (and leaves @seconds alone) for anything else, including negative values
 * and those hark_time_is_valid() refuses. */
gboolean hark_time_parse (const char *text, double *seconds);

/* "4:05" below an hour, "1:02:03" above; with @millis, ".250" is appended. */
char *hark_time_format (double seconds, gboolean millis);

G_END_DECLS
