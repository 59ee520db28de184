/* fuzz-youtube-xml.c — libFuzzer target: YouTube's timed text (srv1, srv2, srv3 XML)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-sidecar.h"

FUZZ_SIDECAR_TARGET (HARK_SIDECAR_FORMAT_YOUTUBE_XML)
