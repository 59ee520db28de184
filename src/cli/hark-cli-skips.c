/* hark-cli-skips.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli-skips.h"

#include <stdio.h>
#include <stdlib.h>

#include "segments/hark-skip-tracker.h"
#include "util/hark-time.h"
#include "formats/hark-writer.h"

#include "audio/hark-media-info.h"

void
hark_cli_skip_options_init (HarkCliSkipOptions *self)
{
  *self = (HarkCliSkipOptions) { 0 };
  hark_skip_policy_init_default (&self->policy);
  self->entries[0] = (GOptionEntry) {
    "no-skip", 0, 0, G_OPTION_ARG_NONE, &self->no_skip,
    "Play everything: skip no segment automatically", NULL
  };
  self->entries[1] = (GOptionEntry) {
    "skip-category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &self->overrides,
    "What to do with a category: skip, ask, mark or off (repeatable; defaults: sponsor=skip, "
    "selfpromo=ask, the rest mark)",
    "CATEGORY=ACTION"
  };
}

void
hark_cli_skip_options_clear (HarkCliSkipOptions *self)
{
  g_clear_pointer (&self->overrides, g_strfreev);
}

void
hark_cli_skip_options_add_to (HarkCliSkipOptions *self, GOptionContext *context)
{
  g_option_context_add_main_entries (context, self->entries, NULL);
}

gboolean
hark_cli_skip_options_finish (HarkCliSkipOptions *self, GError **error)
{
  hark_skip_policy_init_default (&self->policy);
  for (guint i = 0; self->overrides && self->overrides[i]; i++)
    if (!hark_skip_policy_parse_override (&self->policy, self->overrides[i], error))
      return FALSE;
  return TRUE;
}

double
hark_cli_skips_probe_duration (const char *audio, GError **error)
{
  g_autoptr (HarkMediaInfo) info = NULL;

  if (audio == NULL)
    return -1;
  info = hark_media_info_probe (audio, error);
  return info ? info->duration : -1;
}

HarkSegmentList *
hark_cli_skips_collect (const HarkCliSkipOptions *self, HarkEpisode *episode)
{
  gboolean mismatch = hark_episode_has_duration_mismatch (episode);
  HarkSegmentList *list = hark_segment_list_collect (hark_episode_get_transcript (episode),
                                                     &self->policy, mismatch);

  if (hark_segment_list_skipping_disabled (list))
    g_printerr ("hark-cli: warning: the skip segments were made for a cut of a different length "
                "than this audio, so nothing is skipped automatically; they are only marked.\n");
  return list;
}

GArray *
hark_cli_skips_ranges (const HarkCliSkipOptions *self, const HarkSegmentList *list)
{
  GArray *ranges = g_array_new (FALSE, TRUE, sizeof (HarkSkipRange));
  guint n;
  const HarkSegmentEntry *e = hark_segment_list_get (list, &n);

  if (self->no_skip)
    return ranges;
  /* Entries are sorted by start, so one sweep chains overlapping and touching ranges: a jump
   * that lands inside the next range would otherwise play its start. */
  for (guint i = 0; i < n; i++)
    {
      HarkSkipRange *last = ranges->len ? &g_array_index (ranges, HarkSkipRange, ranges->len - 1)
                                        : NULL;

      if (e[i].action != HARK_SKIP_ACTION_SKIP || e[i].segment.end <= e[i].segment.start)
        continue;
      if (last && e[i].segment.start <= last->end + 1e-3)
        last->end = MAX (last->end, e[i].segment.end);
      else
        {
          HarkSkipRange skip = { e[i].segment.start, e[i].segment.end,
                                 HARK_CLI_SEGMENT_RANGE_ID + i };

          g_array_append_val (ranges, skip);
        }
    }
  return ranges;
}

double
hark_cli_skips_total (GArray *ranges)
{
  double total = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      const HarkSkipRange *skip = &g_array_index (ranges, HarkSkipRange, i);

      total += skip->end - skip->start;
    }
  return total;
}

/* play and render run once per process: the list behind the ranges they were given stays here
 * so skip events can name their segment. */
static HarkSegmentList *current_list;
static HarkSkipTracker *tracker;
static gboolean current_list_registered;
static GHashTable *offered; /* entries whose "ask" was offered, by index */

static void
free_current_list (void)
{
  g_clear_pointer (&current_list, hark_segment_list_free);
  g_clear_pointer (&tracker, hark_skip_tracker_free);
  g_clear_pointer (&offered, g_hash_table_unref);
}

static HarkSkipTracker *
get_tracker (void)
{
  if (tracker == NULL)
    {
      tracker = hark_skip_tracker_new ();
      if (!current_list_registered)
        current_list_registered = atexit (free_current_list) == 0;
    }
  return tracker;
}

gboolean
hark_cli_skips_append (GArray *ranges, const char *path, char **categories, GError **error)
{
  HarkCliSkipOptions options;
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (GArray) mine = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  hark_cli_skip_options_init (&options);
  options.overrides = g_strdupv (categories);
  ok = hark_cli_skip_options_finish (&options, &local_error);
  hark_cli_skip_options_clear (&options);
  if (!ok)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, local_error->message);
      return FALSE;
    }

  /* No transcript or sidecar is not an error: there is just nothing to skip. */
  /* An unreadable file is the decoder's to report; here it only means no duration check. */
  episode = hark_episode_load (path, NULL, hark_cli_skips_probe_duration (path, NULL),
                               &local_error);
  if (episode == NULL)
    {
      g_printerr ("hark-cli: warning: %s No segments are skipped.\n", local_error->message);
      return TRUE;
    }

  if (!current_list_registered)
    current_list_registered = atexit (free_current_list) == 0;
  free_current_list ();
  current_list = hark_cli_skips_collect (&options, episode);
  mine = hark_cli_skips_ranges (&options, current_list);
  g_array_append_vals (ranges, mine->data, mine->len);
  return TRUE;
}

const HarkSegmentEntry *
hark_cli_skips_lookup (guint id)
{
  guint n;
  const HarkSegmentEntry *e;

  if (current_list == NULL || id < HARK_CLI_SEGMENT_RANGE_ID)
    return NULL;
  e = hark_segment_list_get (current_list, &n);
  return id - HARK_CLI_SEGMENT_RANGE_ID < n ? &e[id - HARK_CLI_SEGMENT_RANGE_ID] : NULL;
}

#define UNSKIP_INTO_RANGE 0.001
#define UNSKIP_HINT "press u (or send “unskip”) within 10 s to play it"

void
hark_cli_skips_on_skip (const HarkPlayerEvent *event, JsonBuilder *builder, gboolean notice)
{
  const HarkSegmentEntry *entry = hark_cli_skips_lookup (event->range.id);
  double length = event->range.end - event->range.start;

  G_STATIC_ASSERT ((int) HARK_SKIP_TRACKER_UNSKIP_WINDOW == 10); /* as the hint says */
  hark_skip_tracker_note_skip (get_tracker (), event->range.id, event->range.start, event->range.end);

  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, entry ? hark_category_to_string (entry->segment.category)
                                                : "range");
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, entry ? entry->segment.source : "--skip");
  json_builder_set_member_name (builder, "time_saved");
  json_builder_add_double_value (builder, hark_skip_tracker_get_time_saved (tracker));
  json_builder_set_member_name (builder, "unskip");
  json_builder_add_string_value (builder, UNSKIP_HINT);

  if (notice)
    {
      g_autofree char *len = hark_time_format (length, FALSE);
      g_autofree char *saved = hark_time_format (hark_skip_tracker_get_time_saved (tracker), FALSE);

      fprintf (stderr, "\r\033[K  Skipped %s (%s, %s saved so far): %s\n",
               entry ? hark_category_get_label (entry->segment.category) : "a range", len, saved,
               UNSKIP_HINT);
    }
}

gboolean
hark_cli_skips_unskip (HarkPlayer *player)
{
  double seek_to;
  guint id;

  if (tracker == NULL
      || !hark_skip_tracker_unskip (tracker, hark_player_get_position (player), &id, &seek_to))
    {
      g_printerr ("\r\033[Khark-cli play: nothing to unskip (it works for 10 s after a skip)\n");
      return FALSE;
    }
  /* A seek into a range plays it (the engine's rule for deliberate seeks), but one landing
   * exactly on its start is a seek before it, which skips it again: land a millisecond in. */
  hark_player_seek (player, seek_to + UNSKIP_INTO_RANGE);
  return TRUE;
}

/* The "ask" entry being played at @position, or -1. */
static int
ask_entry_at (double position)
{
  guint n = 0;
  const HarkSegmentEntry *e = current_list ? hark_segment_list_get (current_list, &n) : NULL;

  for (guint i = 0; i < n; i++)
    if (e[i].action == HARK_SKIP_ACTION_ASK && position >= e[i].segment.start
        && position < e[i].segment.end)
      return (int) i;
  return -1;
}

#define SKIP_HINT "press s (or send “skip”) to skip it"

void
hark_cli_skips_offer (HarkPlayer *player, gboolean events, gboolean notice)
{
  int i = ask_entry_at (hark_player_get_position (player));
  const HarkSegmentEntry *e;

  if (i < 0)
    return;
  if (offered == NULL)
    offered = g_hash_table_new (NULL, NULL);
  if (!g_hash_table_add (offered, GINT_TO_POINTER (i)))
    return;
  e = &hark_segment_list_get (current_list, NULL)[i];
  if (events)
    {
      g_autoptr (GString) line = g_string_new ("{\"event\":\"ask\",\"pos\":");

      hark_json_append_seconds (line, hark_player_get_position (player));
      g_string_append (line, ",\"category\":");
      hark_json_append_string (line, hark_category_to_string (e->segment.category));
      g_string_append (line, ",\"start\":");
      hark_json_append_seconds (line, e->segment.start);
      g_string_append (line, ",\"end\":");
      hark_json_append_seconds (line, e->segment.end);
      g_string_append (line, ",\"skip\":\"" SKIP_HINT "\"}\n");
      fputs (line->str, stdout);
      fflush (stdout);
    }
  if (notice)
    {
      g_autofree char *len = hark_time_format (e->segment.end - e->segment.start, FALSE);

      fprintf (stderr, "\r\033[K  %s (%s): " SKIP_HINT "\n",
               hark_category_get_label (e->segment.category), len);
    }
}

gboolean
hark_cli_skips_take_offer (HarkPlayer *player)
{
  double position = hark_player_get_position (player);
  int i = ask_entry_at (position);
  const HarkSegmentEntry *e;

  if (i < 0)
    {
      g_printerr ("\r\033[Khark-cli play: nothing to skip here\n");
      return FALSE;
    }
  e = &hark_segment_list_get (current_list, NULL)[i];
  /* What is left of it counts as saved, and Unskip can bring it back like any other skip. */
  hark_skip_tracker_note_skip (get_tracker (), HARK_CLI_SEGMENT_RANGE_ID + i, position,
                               e->segment.end);
  hark_player_seek (player, e->segment.end);
  return TRUE;
}
