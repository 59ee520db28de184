/* hark-cli-skips.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli-skips.h"

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
  /* Who the show is (the audio's tags) tells its own promotion from a sponsor's read. */
  g_autoptr (HarkShowContext) show = hark_show_context_new_for_episode (episode);
  HarkSegmentList *list = hark_segment_list_collect_for_show (hark_episode_get_transcript (episode),
                                                              show, &self->policy, mismatch);

  if (hark_segment_list_skipping_disabled (list))
    g_printerr ("hark-cli: warning: the skip segments were made for a cut of a different length "
                "than this audio, so nothing is skipped automatically; they are only marked.\n");
  return list;
}

GArray *
hark_cli_skips_ranges (const HarkCliSkipOptions *self, const HarkSegmentList *list)
{
  if (self->no_skip)
    return g_array_new (FALSE, TRUE, sizeof (HarkSkipRange));
  return hark_segment_list_get_skip_ranges (list);
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

gboolean
hark_cli_skips_parse_policy (char **categories, HarkSkipPolicy *policy, GError **error)
{
  HarkCliSkipOptions options;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  hark_cli_skip_options_init (&options);
  options.overrides = g_strdupv (categories);
  ok = hark_cli_skip_options_finish (&options, &local_error);
  *policy = options.policy;
  hark_cli_skip_options_clear (&options);
  if (!ok)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, local_error->message);
  return ok;
}

gboolean
hark_cli_skips_append (GArray *ranges, const char *path, char **categories, GError **error)
{
  HarkCliSkipOptions options;
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (HarkSegmentList) list = NULL;
  g_autoptr (GArray) mine = NULL;
  g_autoptr (GError) local_error = NULL;

  hark_cli_skip_options_init (&options);
  if (!hark_cli_skips_parse_policy (categories, &options.policy, error))
    return FALSE;

  /* No transcript or sidecar is not an error: there is just nothing to skip. */
  /* An unreadable file is the decoder's to report; here it only means no duration check. */
  episode = hark_episode_load (path, NULL, hark_cli_skips_probe_duration (path, NULL),
                               &local_error);
  if (episode == NULL)
    {
      g_printerr ("hark-cli: warning: %s No segments are skipped.\n", local_error->message);
      return TRUE;
    }
  list = hark_cli_skips_collect (&options, episode);
  mine = hark_cli_skips_ranges (&options, list);
  /* The segment ranges follow the --skip ones; their ids only have to differ from those. */
  for (guint i = 0; i < mine->len; i++)
    g_array_index (mine, HarkSkipRange, i).id += ranges->len + 1;
  g_array_append_vals (ranges, mine->data, mine->len);
  return TRUE;
}
