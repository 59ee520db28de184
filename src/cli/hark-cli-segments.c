/* hark-cli-segments.c — `hark-cli segments`: the sponsor and other skippable segments
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <stdio.h>
#include <string.h>

#include "hark-cli-skips.h"
#include "util/hark-error.h"
#include "util/hark-time.h"
#include "formats/hark-sidecar.h"
#include "formats/hark-writer.h"

static void
append_member (GString *out, const char *name)
{
  hark_json_append_string (out, name);
  g_string_append (out, ": ");
}

static void
print_json (HarkEpisode *episode, const HarkSegmentList *list, GArray *ranges)
{
  g_autoptr (GString) out = g_string_new ("{\n  ");
  const char *const *warnings = hark_episode_get_warnings (episode);
  guint n;
  const HarkSegmentEntry *e = hark_segment_list_get (list, &n);

  append_member (out, "audio");
  hark_json_append_string (out, hark_episode_get_audio_path (episode));
  g_string_append (out, ",\n  ");
  append_member (out, "origin");
  hark_json_append_string (out, hark_segment_list_get_origin (list));
  g_string_append (out, ",\n  ");
  append_member (out, "automatic_skipping");
  g_string_append (out, hark_segment_list_skipping_disabled (list) ? "false" : "true");
  g_string_append (out, ",\n  ");
  append_member (out, "skip_total");
  hark_json_append_seconds (out, hark_cli_skips_total (ranges));
  g_string_append (out, ",\n  ");
  append_member (out, "segments");
  g_string_append (out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i ? ",\n    {" : "\n    {");
      append_member (out, "category");
      hark_json_append_string (out, hark_category_to_string (e[i].segment.category));
      g_string_append (out, ", ");
      append_member (out, "start");
      hark_json_append_seconds (out, e[i].segment.start);
      g_string_append (out, ", ");
      append_member (out, "end");
      hark_json_append_seconds (out, e[i].segment.end);
      g_string_append (out, ", ");
      append_member (out, "source");
      hark_json_append_string (out, e[i].segment.source);
      g_string_append (out, ", ");
      append_member (out, "action");
      hark_json_append_string (out, hark_skip_action_to_string (e[i].action));
      g_string_append (out, ",\n     ");
      append_member (out, "evidence");
      hark_json_append_string (out, e[i].segment.evidence);
      g_string_append (out, "}");
    }
  g_string_append (out, n ? "\n  ],\n  " : "],\n  ");
  append_member (out, "warnings");
  g_string_append (out, "[");
  for (guint i = 0; warnings && warnings[i]; i++)
    {
      g_string_append (out, i ? ", " : "");
      hark_json_append_string (out, warnings[i]);
    }
  g_string_append (out, "]\n}\n");
  fputs (out->str, stdout);
}

/* The detector's evidence is "starts at … with “…”; evidence: …; ends at … with “…”": one part
 * per line. A "; " inside a quote belongs to the quote, so only those outside quotes split. */
static void
print_evidence (const char *evidence)
{
  const char *part = evidence;
  int depth = 0;

  for (const char *p = evidence; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C)
        depth++;
      else if (c == 0x201D && depth > 0)
        depth--;
      else if (depth == 0 && p[0] == ';' && p[1] == ' ')
        {
          printf ("    %.*s\n", (int) (p - part), part);
          part = p + 2;
        }
    }
  printf ("    %s\n", part);
}

static void
print_text (HarkEpisode *episode, const HarkSegmentList *list, GArray *ranges, gboolean explain)
{
  guint n;
  const HarkSegmentEntry *e = hark_segment_list_get (list, &n);
  g_autofree char *total = hark_time_format (hark_cli_skips_total (ranges), TRUE);

  if (n == 0)
    {
      printf ("No segments: no sidecar marks any and none was found in the transcript.\n");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *start = hark_time_format (e[i].segment.start, TRUE);
      g_autofree char *end = hark_time_format (e[i].segment.end, TRUE);

      printf ("%-12s %11s – %-11s %-5s %s\n", hark_category_to_string (e[i].segment.category),
              start, end, hark_skip_action_to_string (e[i].action), e[i].segment.source);
      if (explain && e[i].segment.evidence)
        {
          print_evidence (e[i].segment.evidence);
        }
    }
  printf ("Skipped automatically: %s in %u range%s (segments from: %s)\n", total, ranges->len,
          ranges->len == 1 ? "" : "s", hark_segment_list_get_origin (list));
}

int
hark_cli_cmd_segments (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format = NULL;
  g_auto (GStrv) sidecars = NULL;
  gboolean explain = FALSE;
  HarkCliSkipOptions skips;
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (HarkSegmentList) list = NULL;
  g_autoptr (GArray) ranges = NULL;
  g_autoptr (GPtrArray) named = g_ptr_array_new ();
  const char *audio = NULL;
  const char *const *warnings;
  int status = HARK_CLI_EXIT_OK;
  double duration;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json",
      "FORMAT" },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      "Say, for each segment, which evidence started and ended it", NULL },
    { "sidecar", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &sidecars,
      "Use this sidecar instead of looking beside the audio (repeatable)", "FILE" },
    { NULL },
  };

  context = g_option_context_new ("AUDIO|SIDECAR — list sponsor reads and other segments");
  g_option_context_set_summary (context,
                                "Segments come from the sidecars (hark.json skips, chapters "
                                "titled as ads, SponsorBlock JSON); when none marks any, they are "
                                "found in the transcript text.");
  g_option_context_add_main_entries (context, entries, NULL);
  hark_cli_skip_options_init (&skips);
  hark_cli_skip_options_add_to (&skips, context);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      hark_cli_skip_options_clear (&skips);
      return hark_cli_usage_error ("segments", "%s", error->message);
    }
  if (argc != 2)
    {
      hark_cli_skip_options_clear (&skips);
      return hark_cli_usage_error ("segments", _("expects one AUDIO or SIDECAR file"));
    }
  if (format && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    {
      hark_cli_skip_options_clear (&skips);
      return hark_cli_usage_error ("segments", _("--format is text or json, not “%s”"), format);
    }
  if (!hark_cli_skip_options_finish (&skips, &error))
    {
      hark_cli_skip_options_clear (&skips);
      return hark_cli_usage_error ("segments", "%s", error->message);
    }

  if (hark_sidecar_is_named_candidate (argv[1]))
    g_ptr_array_add (named, argv[1]);
  else
    audio = argv[1];
  for (guint i = 0; sidecars && sidecars[i]; i++)
    g_ptr_array_add (named, sidecars[i]);
  if (audio && !g_file_test (audio, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, HARK_ERROR, HARK_ERROR_NOT_FOUND, _("%s does not exist."), audio);
      hark_cli_skip_options_clear (&skips);
      return hark_cli_fail (error);
    }
  g_ptr_array_add (named, NULL);

  duration = hark_cli_skips_probe_duration (audio, &error);
  if (error)
    {
      hark_cli_skip_options_clear (&skips);
      return hark_cli_fail (error);
    }
  episode = hark_episode_load (audio, named->len > 1 ? (const char *const *) named->pdata : NULL,
                               duration, &error);
  if (episode == NULL)
    {
      hark_cli_skip_options_clear (&skips);
      return hark_cli_fail (error);
    }
  warnings = hark_episode_get_warnings (episode);
  for (guint i = 0; warnings && warnings[i]; i++)
    g_printerr ("hark-cli: warning: %s\n", warnings[i]);

  list = hark_cli_skips_collect (&skips, episode);
  ranges = hark_cli_skips_ranges (&skips, list);
  if (format && strcmp (format, "json") == 0)
    print_json (episode, list, ranges);
  else
    print_text (episode, list, ranges, explain);
  hark_cli_skip_options_clear (&skips);
  return status;
}
