/* hark-cli.h — what every hark-cli command shares
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "audio/hark-player.h"
#include "feeds/hark-feed.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 the work failed (message on stderr), 2 bad usage. */
enum
{
  HARK_CLI_EXIT_OK = 0,
  HARK_CLI_EXIT_FAILED = 1,
  HARK_CLI_EXIT_USAGE = 2,
};

/* Each command parses its own arguments (argv[0] is the command's name). */
typedef int (*HarkCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *summary;
  HarkCliCommandFunc run;
} HarkCliCommand;

/* Prints "hark-cli NAME: MESSAGE" and the hint to run --help; returns HARK_CLI_EXIT_USAGE. */
int hark_cli_usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Prints the error's message and returns HARK_CLI_EXIT_FAILED. */
int hark_cli_fail (const GError *error);

/* GOptionArgFunc-compatible time parser for options taking seconds or [HH:]MM:SS[.mmm]. */
gboolean hark_cli_parse_time_option (const char *option_name, const char *value, double *out,
                                     GError **error);

/* "START-END" as given to --skip. */
gboolean hark_cli_parse_skip_range (const char *text, HarkSkipRange *range, GError **error);
/* The skip ranges for playing @path: the --skip options (ids 1, 2, … in their order), then
 * the episode's segments to skip under the policy as --skip-category (@skip_categories, may
 * be NULL) changes it; none with --no-skip. NULL with a G_OPTION_ERROR for a bad option. */
GArray *hark_cli_skip_ranges_build (const char *path, char **skip_options, char **skip_categories,
                                    gboolean no_skip, GError **error);

int hark_cli_cmd_probe (int argc, char **argv);
int hark_cli_cmd_play (int argc, char **argv);
int hark_cli_cmd_render (int argc, char **argv);
int hark_cli_cmd_transcript (int argc, char **argv);
int hark_cli_cmd_align (int argc, char **argv);
int hark_cli_cmd_transcribe (int argc, char **argv);
/* Appends ",\n  \"speakers\": …" through "segments" of @t, as `transcript --format json` prints
 * them; @with_confidence adds each turn's "confidence". */
void hark_cli_append_transcript_json (GString *out, const HarkTranscript *t,
                                      gboolean with_confidence);
int hark_cli_cmd_segments (int argc, char **argv);
int hark_cli_cmd_feed (int argc, char **argv);
int hark_cli_cmd_subscribe (int argc, char **argv);
int hark_cli_cmd_shows (int argc, char **argv);
int hark_cli_cmd_episodes (int argc, char **argv);
int hark_cli_cmd_refresh (int argc, char **argv);
int hark_cli_cmd_download (int argc, char **argv);
int hark_cli_cmd_opml (int argc, char **argv);

/* A feed from a FILE or an http(s) URL (@base_url resolves a file's relative links). */
HarkFeed *hark_cli_feed_load (const char *file_or_url, const char *base_url, GError **error);

G_END_DECLS
