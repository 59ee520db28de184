/* hark-limits.h — the ranges every number entering Hark from outside is held to
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player, the session, MPRIS, the CLI and the window all accept speeds, volumes and
 * positions from users, D-Bus peers or saved state; they share these bounds so that what one
 * front end accepts, every other does too.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Playback speed (pitch kept): what atempo does well, and what the speed menu offers. */
#define HARK_SPEED_MIN 0.5
#define HARK_SPEED_MAX 3.0
/* One step of the speed buttons and keys. */
#define HARK_SPEED_STEP 0.05

/* Linear gain applied before the output. */
#define HARK_VOLUME_MIN 0.0
#define HARK_VOLUME_MAX 1.0

/* A relative seek further than this is treated as "to the end" or "to the start": it keeps
 * arithmetic on positions far from overflow and infinity whatever a peer sends. */
#define HARK_SEEK_MAX_DELTA (366.0 * 24 * 3600)

/* TRUE when @value is a number (not NaN, not ±inf). */
static inline gboolean
hark_limits_is_number (double value)
{
  return value == value && value - value == 0.0;
}

G_END_DECLS
