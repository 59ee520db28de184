/* hark-cli-skips.h — from an episode, a policy and the command line to the ranges to skip
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `segments`, `play` and `render`, so all three agree on what gets skipped.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

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

/* Segment ranges get ids from here on (entry index added), apart from the --skip ranges. */
#define HARK_CLI_SEGMENT_RANGE_ID 1000

/* The ranges to skip automatically: SKIP entries (none with --no-skip), overlapping and
 * touching ones chained into one. HarkSkipRange, sorted; the id of each is
 * HARK_CLI_SEGMENT_RANGE_ID + the index of its first entry. */
GArray *hark_cli_skips_ranges (const HarkCliSkipOptions *self, const HarkSegmentList *list);
/* Their total length in seconds. */
double hark_cli_skips_total (GArray *ranges);

/* For play and render: appends @path's segments to skip under the default policy changed by
 * @categories (--skip-category values) to @ranges. FALSE with a G_OPTION_ERROR for a bad
 * category or action. The list stays available to hark_cli_skips_lookup(). */
gboolean hark_cli_skips_append (GArray *ranges, const char *path, char **categories,
                                GError **error);
/* The segment behind a range id from hark_cli_skips_append(), or NULL (a --skip range). */
const HarkSegmentEntry *hark_cli_skips_lookup (guint id);

/* play's skip event: remembered for Unskip and counted in the time saved. Adds the segment
 * ("category", "source"), "time_saved" and an "unskip" hint to the event's JSON; with
 * @notice, also tells a person on the terminal what was skipped and how to undo it. */
void hark_cli_skips_on_skip (const HarkPlayerEvent *event, JsonBuilder *builder,
                             gboolean notice);
/* play's u key or "unskip" command: right after a skip, seeks back to the start of what was
 * skipped so it plays. FALSE (and says so) when there is nothing to unskip. */
gboolean hark_cli_skips_unskip (HarkPlayer *player);

/* play's tick: when playback enters a segment whose action is "ask", offers to skip it, once
 * per entry (an "ask" event line with @events, a notice on the terminal with @notice). */
void hark_cli_skips_offer (HarkPlayer *player, gboolean events, gboolean notice);
/* play's s key or "skip" command: jumps to the end of the offered segment being played. FALSE
 * (and says so) when none is. */
gboolean hark_cli_skips_take_offer (HarkPlayer *player);

G_END_DECLS
