/* hark-first-paint.h — reports when the window first shows an episode, for the benchmark
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With HARK_REPORT_FIRST_PAINT set, `hark` prints "first-paint <monotonic µs> <what>" after the
 * first frame that shows the episode's transcript (or, without a file, the first frame at all)
 * and quits. bench/app/bench-first-paint measures from before it started the process.
 */
#pragma once

#include "hark-application.h"

G_BEGIN_DECLS

void hark_first_paint_watch (HarkApplication *app);

G_END_DECLS
