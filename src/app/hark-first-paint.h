/* hark-first-paint.h — reports when the window first shows an episode, for the benchmark
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With HARK_REPORT_FIRST_PAINT set, `hark` prints "first-paint <monotonic µs> <what>" after
 * its first frame ("empty", or "opened": the title and a spinner while the episode loads)
 * and after the first frame with the transcript ("transcript"), then quits.
 * bench/bench-first-paint measures from just before it started the process.
 */
#pragma once

#include "hark-application.h"

G_BEGIN_DECLS

void hark_first_paint_watch (HarkApplication *app);

G_END_DECLS
