/* fuzz-youtube-json.c — libFuzzer target: YouTube's timed text (json3)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-sidecar.h"

FUZZ_SIDECAR_TARGET (HARK_SIDECAR_FORMAT_YOUTUBE_JSON)
