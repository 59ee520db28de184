/* hark-cli-skip-ranges.c — the one place where play and render assemble their skip ranges
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sources of ranges (sponsor segments from sidecars, say) append here, so both commands and
 * every test driving them agree on what is skipped.
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include "hark-cli-skips.h"

#include "util/hark-time.h"

gboolean
hark_cli_parse_skip_range (const char *text, HarkSkipRange *range, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, "-", 2);
  double start, end;

  if (g_strv_length (parts) != 2 || !hark_time_parse (parts[0], &start)
      || !hark_time_parse (parts[1], &end))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--skip expects START-END (seconds or [HH:]MM:SS[.mmm], from 0 to a week), "
                     "not “%s”"),
                   text);
      return FALSE;
    }
  if (end <= start)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--skip %s: the end must come after the start"), text);
      return FALSE;
    }
  range->start = start;
  range->end = end;
  return TRUE;
}

GArray *
hark_cli_skip_ranges_build (const char *path, char **skip_options, char **skip_categories,
                            gboolean no_skip, GError **error)
{
  g_autoptr (GArray) ranges = g_array_new (FALSE, TRUE, sizeof (HarkSkipRange));

  /* --no-skip: nothing at all is skipped, whatever else would add ranges below. */
  if (no_skip)
    return g_steal_pointer (&ranges);

  for (guint i = 0; skip_options && skip_options[i]; i++)
    {
      HarkSkipRange range = { 0 };

      if (!hark_cli_parse_skip_range (skip_options[i], &range, error))
        return NULL;
      range.id = ranges->len + 1;
      g_array_append_val (ranges, range);
    }

  /* Further sources of skip ranges for @path go here. */
  if (!hark_cli_skips_append (ranges, path, skip_categories, error))
    return NULL;

  return g_steal_pointer (&ranges);
}
