/* hark-cli-transcript.c — `hark-cli transcript`: the timed, speaker-labelled transcript
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <stdio.h>
#include <string.h>

#include "episode/hark-episode.h"
#include "util/hark-error.h"
#include "audio/hark-media-info.h"
#include "util/hark-time.h"
#include "formats/hark-sidecar.h"
#include "formats/hark-writer.h"

/* The audio's length, for spotting a sidecar made for another cut; < 0 when unknown. */
static double
probe_duration (const char *audio)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkMediaInfo) info = hark_media_info_probe (audio, &error);

  if (info)
    return info->duration;
  /* Not fatal: the transcript is still worth printing, only the duration check is lost. */
  g_printerr ("hark-cli transcript: %s\n", error->message);
  return -1;
}

static const char *
speaker_name (const HarkTranscript *t, int speaker)
{
  if (speaker < 0 || (guint) speaker >= hark_transcript_get_n_speakers (t))
    return NULL;
  return hark_transcript_get_speaker (t, speaker)->name;
}

static void
print_text (HarkEpisode *episode)
{
  HarkTranscript *t = hark_episode_get_transcript (episode);
  guint n;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *when = hark_time_format (turns[i].start, FALSE);
      const char *who = speaker_name (t, turns[i].speaker);

      if (who)
        printf ("[%s] %s: %s\n", when, who, turns[i].text);
      else
        printf ("[%s] %s\n", when, turns[i].text);
    }
}

static void
append_uses (GString *out, const GPtrArray *uses)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < uses->len; i++)
    {
      const HarkSidecarUse *use = g_ptr_array_index (uses, i);
      const char *const fields[][2] = {
        { "path", use->path },
        { "role", use->role },
        { "format", use->format },
        { "reason", use->reason },
      };

      hark_json_begin_item (out, i, "    ");
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append (out, ", ");
          hark_json_append_key (out, fields[f][0]);
          hark_json_append_string (out, fields[f][1]);
        }
      g_string_append_c (out, '}');
    }
  hark_json_end_array (out, uses->len, "    ");
}

/* The fields turns and cues share: index, speaker name, times, text. */
static void
append_speech (GString *out, const HarkTranscript *t, guint index, int speaker, double start,
               double end, const char *text)
{
  g_string_append_printf (out, "\"index\": %u, ", index);
  hark_json_append_key (out, "speaker");
  hark_json_append_string (out, speaker_name (t, speaker));
  g_string_append (out, ", ");
  hark_json_append_key (out, "start");
  hark_json_append_seconds (out, start);
  g_string_append (out, ", ");
  hark_json_append_key (out, "end");
  hark_json_append_seconds (out, end);
  g_string_append (out, ", ");
  hark_json_append_key (out, "text");
  hark_json_append_string (out, text);
}

static void
append_merge (GString *out, HarkEpisode *episode)
{
  const HarkMergeReport *report = hark_episode_get_merge_report (episode);

  if (report == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_printf (out,
                          "{\"labelled_words\": %u, \"timed_words\": %u, \"matched\": %u, "
                          "\"coverage\": %.4f, \"weak_turns\": [",
                          report->n_labelled_words, report->n_timed_words, report->n_matched,
                          report->coverage);
  for (guint i = 0; i < report->n_weak_turns; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", report->weak_turns[i]);
  g_string_append (out, "]}");
}

static void
append_speakers (GString *out, const HarkTranscript *t)
{
  guint n = hark_transcript_get_n_speakers (t);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      const HarkSpeaker *s = hark_transcript_get_speaker (t, i);
      guint n_turns;
      double seconds;

      hark_transcript_get_speaker_stats (t, (int) i, &n_turns, &seconds);
      hark_json_begin_item (out, i, "    ");
      g_string_append_printf (out, "\"index\": %u, ", i);
      hark_json_append_key (out, "id");
      hark_json_append_string (out, s->id);
      g_string_append (out, ", ");
      hark_json_append_key (out, "name");
      hark_json_append_string (out, s->name);
      g_string_append_printf (out, ", \"turns\": %u, ", n_turns);
      hark_json_append_key (out, "seconds");
      hark_json_append_seconds (out, seconds);
      g_string_append_c (out, '}');
    }
  hark_json_end_array (out, n, "    ");
}

static void
append_turns (GString *out, const HarkTranscript *t, gboolean with_confidence)
{
  guint n;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      hark_json_begin_item (out, i, "    ");
      append_speech (out, t, i, turns[i].speaker, turns[i].start, turns[i].end, turns[i].text);
      g_string_append (out, ", ");
      hark_json_append_key (out, "evidence");
      hark_json_append_seconds (out, turns[i].evidence);
      if (with_confidence)
        {
          g_string_append (out, ", ");
          hark_json_append_key (out, "confidence");
          hark_json_append_seconds (out, turns[i].evidence);
        }
      g_string_append_printf (out, ", \"first_cue\": %u, \"n_cues\": %u}", turns[i].first_cue,
                              turns[i].n_cues);
    }
  hark_json_end_array (out, n, "    ");
}

static void
append_cues (GString *out, const HarkTranscript *t)
{
  guint n;
  const HarkCue *cues = hark_transcript_get_cues (t, &n);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      hark_json_begin_item (out, i, "    ");
      append_speech (out, t, i, cues[i].speaker, cues[i].start, cues[i].end, cues[i].text);
      g_string_append_printf (out, ", \"words\": %u}", cues[i].n_words);
    }
  hark_json_end_array (out, n, "    ");
}

/* Seconds, or null when unknown (negative). */
static void
append_optional_seconds (GString *out, double seconds)
{
  if (seconds >= 0)
    hark_json_append_seconds (out, seconds);
  else
    g_string_append (out, "null");
}

static char *
episode_to_json (HarkEpisode *episode, double audio_duration)
{
  HarkTranscript *t = hark_episode_get_transcript (episode);
  GString *out = g_string_sized_new (256 * 1024);
  const char *const *warnings = hark_episode_get_warnings (episode);

  g_string_append (out, "{\n  ");
  hark_json_append_key (out, "audio");
  hark_json_append_string (out, hark_episode_get_audio_path (episode));
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "sources");
  append_uses (out, hark_episode_get_sources (episode));
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "unused");
  append_uses (out, hark_episode_get_unused (episode));
  g_string_append (out, ",\n  \"warnings\": [");
  for (guint i = 0; warnings[i]; i++)
    {
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      hark_json_append_string (out, warnings[i]);
    }
  g_string_append (out, warnings[0] ? "\n  ],\n  " : "],\n  ");
  hark_json_append_key (out, "merge");
  append_merge (out, episode);
  g_string_append_printf (out, ",\n  \"duration_mismatch\": %s,\n  ",
                          hark_episode_has_duration_mismatch (episode) ? "true" : "false");
  /* The audio's length as probed, and the length the sidecar says it was made for. */
  hark_json_append_key (out, "audio_duration");
  append_optional_seconds (out, audio_duration);
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "sidecar_media_duration");
  append_optional_seconds (out, hark_transcript_get_media_duration (t));
  hark_cli_append_transcript_json (out, t, FALSE);
  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

void
hark_cli_append_transcript_json (GString *out, const HarkTranscript *t, gboolean with_confidence)
{
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "speakers");
  append_speakers (out, t);
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "turns");
  append_turns (out, t, with_confidence);
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "cues");
  append_cues (out, t);
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "chapters");
  hark_json_append_chapters (out, t, "    ");
  g_string_append (out, ",\n  ");
  hark_json_append_key (out, "segments");
  hark_json_append_skips (out, t, "    ");
}

static void
report_sources (HarkEpisode *episode)
{
  const GPtrArray *sources = hark_episode_get_sources (episode);
  const char *const *warnings = hark_episode_get_warnings (episode);

  for (guint i = 0; i < sources->len; i++)
    {
      const HarkSidecarUse *use = g_ptr_array_index (sources, i);

      g_printerr ("hark-cli transcript: using %s as %s (%s): %s\n", use->path, use->role,
                  use->format, use->reason);
    }
  if (hark_episode_get_merge_coverage (episode) >= 0)
    g_printerr ("hark-cli transcript: merged speakers, %.1f%% of their words found in the "
                "captions\n",
                hark_episode_get_merge_coverage (episode) * 100);
  for (guint i = 0; warnings[i]; i++)
    g_printerr ("hark-cli transcript: warning: %s\n", warnings[i]);
}

int
hark_cli_cmd_transcript (int argc, char **argv)
{
  g_autofree char *format = NULL;
  gboolean write_sidecar = FALSE;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "What to print: text (default), json, vtt, srt or hark (Hark's sidecar JSON)", "FORMAT" },
    { "write-sidecar", 'w', 0, G_OPTION_ARG_NONE, &write_sidecar,
      "Save the result as AUDIO.hark.json beside the audio, so the next open loads it directly",
      NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not report sources and warnings", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("AUDIO_OR_SIDECAR… — print the timed, speaker-labelled transcript");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sidecars = g_ptr_array_new ();
  g_autoptr (HarkEpisode) episode = NULL;
  g_autofree char *output = NULL;
  g_autofree char *audio_base = NULL;
  const char *audio = NULL;
  double duration = -1;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, "Given an audio file, finds the sidecars beside it (AUDIO.vtt, AUDIO.srt, "
               "AUDIO.transcript.txt, …); sidecars named on the command line are used instead.\n"
               "Captions without speakers are merged with a speaker-labelled text.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("transcript", "%s", error->message);
  if (argc < 2)
    return hark_cli_usage_error ("transcript", _("expected an audio file or sidecars"));
  if (format == NULL)
    format = g_strdup ("text");
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json") && !g_str_equal (format, "vtt")
      && !g_str_equal (format, "srt") && !g_str_equal (format, "hark"))
    return hark_cli_usage_error ("transcript", _("--format must be text, json, vtt, srt or hark, "
                                                  "not “%s”"),
                                 format);

  for (int i = 1; i < argc; i++)
    {
      if (hark_sidecar_is_named_candidate (argv[i]))
        g_ptr_array_add (sidecars, argv[i]);
      else if (audio == NULL)
        audio = argv[i];
      else
        return hark_cli_usage_error ("transcript", _("two audio files given: “%s” and “%s”"),
                                     audio, argv[i]);
    }
  g_ptr_array_add (sidecars, NULL);
  if (write_sidecar && audio == NULL)
    return hark_cli_usage_error ("transcript",
                                 _("--write-sidecar needs the audio file, to save beside it"));

  if (audio)
    {
      if (!g_file_test (audio, G_FILE_TEST_EXISTS))
        {
          g_set_error (&error, HARK_ERROR, HARK_ERROR_NOT_FOUND, _("%s does not exist."), audio);
          return hark_cli_fail (error);
        }
      duration = probe_duration (audio);
      audio_base = g_path_get_basename (audio);
    }

  episode = hark_episode_load (audio, (const char *const *) sidecars->pdata, duration, &error);
  if (episode == NULL)
    return hark_cli_fail (error);
  if (!quiet)
    report_sources (episode);
  if (hark_episode_get_sources (episode)->len == 0)
    {
      g_autofree char *display = g_filename_display_name (audio ? audio : "");

      /* An empty transcript and exit 0 would read as "this episode has no words". */
      g_set_error (&error, HARK_ERROR, HARK_ERROR_NOT_FOUND,
                   _("No transcript was found for “%s”: no readable sidecar (AUDIO.vtt, "
                     "AUDIO.srt, AUDIO.json, AUDIO.transcript.txt, …) is beside it."),
                   display);
      return hark_cli_fail (error);
    }

  if (write_sidecar)
    {
      g_autofree char *path = hark_episode_sidecar_path_for (audio);
      g_autoptr (HarkTranscript) to_save = hark_transcript_ref (hark_episode_get_transcript (episode));
      g_autofree char *json = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr (GPtrArray) old_warnings = g_ptr_array_new_with_free_func (g_free);
          g_autoptr (GError) old_error = NULL;
          g_autoptr (HarkTranscript) previous =
              hark_sidecar_read (path, HARK_SIDECAR_FORMAT_HARK, NULL, old_warnings, &old_error);

          /* Writing over what cannot be read would lose it, silently: refuse, and say so. */
          if (previous == NULL || old_warnings->len > 0)
            {
              g_autofree char *display = g_filename_display_name (path);

              g_autofree char *why = g_strdup (previous == NULL
                                                   ? old_error->message
                                                   : g_ptr_array_index (old_warnings, 0));

              g_strchomp (why);
              if (g_str_has_suffix (why, "."))
                why[strlen (why) - 1] = '\0';
              g_set_error (&error, HARK_ERROR, HARK_ERROR_PARSE,
                           _("%s was not overwritten, because saving would lose what Hark cannot "
                             "read in it (%s). Fix it or move it away, then run this again."),
                           display, why);
              return hark_cli_fail (error);
            }
          g_clear_pointer (&to_save, hark_transcript_unref);
          to_save = hark_episode_keep_edits (hark_episode_get_transcript (episode), previous);
        }
      json = hark_writer_hark_json (to_save, audio_base, duration);

      if (!hark_writer_save (json, path, &error))
        return hark_cli_fail (error);
      if (!quiet)
        g_printerr ("hark-cli transcript: wrote %s\n", path);
    }

  if (g_str_equal (format, "text"))
    {
      print_text (episode);
      return HARK_CLI_EXIT_OK;
    }
  if (g_str_equal (format, "json"))
    output = episode_to_json (episode, duration);
  else if (g_str_equal (format, "vtt"))
    output = hark_writer_vtt (hark_episode_get_transcript (episode));
  else if (g_str_equal (format, "srt"))
    output = hark_writer_srt (hark_episode_get_transcript (episode));
  else
    output = hark_writer_hark_json (hark_episode_get_transcript (episode), audio_base, duration);
  fputs (output, stdout);
  return HARK_CLI_EXIT_OK;
}
