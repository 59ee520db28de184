/* fuzz-p20-chapters.c — libFuzzer target: Podcasting 2.0 JSON chapters
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-sidecar.h"

FUZZ_SIDECAR_TARGET (HARK_SIDECAR_FORMAT_CHAPTERS)
