/* hark-cli-skips.h — from an episode, a policy and the command line to the ranges to skip
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `segments`, `play` and `render`, so all three agree on what gets skipped; the skip,
 * offer and Unskip logic while playing is HarkSession's (session/hark-session.h).
 */
#pragma once

#include <glib.h>

#include "episode/hark-episode.h"
#include "audio/hark-player.h"
#include "segments/hark-segments.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean no_skip;
  char **overrides;      /* --skip-category CAT=ACTION, as given */
  HarkSkipPolicy policy; /* valid after hark_cli_skip_options_finish() */
  GOptionEntry entries[3];
} HarkCliSkipOptions;

void hark_cli_skip_options_init (HarkCliSkipOptions *self);
void hark_cli_skip_options_clear (HarkCliSkipOptions *self);
/* Adds --no-skip and --skip-category to @context's main options. */
void hark_cli_skip_options_add_to (HarkCliSkipOptions *self, GOptionContext *context);
/* Applies the --skip-category overrides to the default policy. */
gboolean hark_cli_skip_options_finish (HarkCliSkipOptions *self, GError **error);

/* The audio's length, so a sidecar made for another cut is noticed; < 0 without audio, and
 * < 0 with @error when it cannot be probed. */
double hark_cli_skips_probe_duration (const char *audio, GError **error);

/* The episode's segments under the policy. Prints a warning on stderr when the sidecar was made
 * for another cut and automatic skipping is therefore off. */
HarkSegmentList *hark_cli_skips_collect (const HarkCliSkipOptions *self, HarkEpisode *episode);

/* The ranges to skip automatically (hark_segment_list_get_skip_ranges(); none with
 * --no-skip). HarkSkipRange, sorted. */
GArray *hark_cli_skips_ranges (const HarkCliSkipOptions *self, const HarkSegmentList *list);
/* Their total length in seconds. */
double hark_cli_skips_total (GArray *ranges);

/* For render: appends @path's segments to skip under the default policy changed by
 * @categories (--skip-category values) to @ranges. FALSE with a G_OPTION_ERROR for a bad
 * category or action. (play hands the policy to its HarkSession instead.) */
gboolean hark_cli_skips_append (GArray *ranges, const char *path, char **categories,
                                GError **error);
/* The policy from @categories (--skip-category values); FALSE with a G_OPTION_ERROR. */
gboolean hark_cli_skips_parse_policy (char **categories, HarkSkipPolicy *policy, GError **error);

G_END_DECLS
