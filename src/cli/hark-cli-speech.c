/* hark-cli-speech.c — `hark-cli align` and `hark-cli transcribe`: times from the audio itself
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "episode/hark-episode.h"
#include "formats/hark-sidecar.h"
#include "formats/hark-writer.h"
#include "speech/hark-recognizer.h"
#include "sync/hark-generate.h"
#include "sync/hark-resync.h"
#include "sync/hark-sync-text.h"
#include "util/hark-error.h"

typedef struct
{
  const char *command;
  gboolean shown;
} Progress;

/* Progress on a terminal only: a log or a pipe gets the result and nothing else. */
static void
show_progress (double fraction, gpointer user_data)
{
  Progress *p = user_data;

  fprintf (stderr, "\rhark-cli %s: recognizing speech… %3d%%", p->command,
           (int) (fraction * 100 + 0.5));
  fflush (stderr);
  p->shown = TRUE;
}

static HarkSpeech *
recognize (const char *command, const char *audio, gboolean no_cache, GError **error)
{
  Progress progress = { command, FALSE };
  gboolean tty = isatty (fileno (stderr));
  HarkSpeech *speech;

  speech = hark_recognize_file (audio, no_cache ? HARK_RECOGNIZE_NO_CACHE : HARK_RECOGNIZE_DEFAULT,
                                tty ? show_progress : NULL, &progress, NULL, error);
  if (progress.shown)
    fputc ('\n', stderr);
  return speech;
}

/* A sidecar made for an audio of another length by more than this is for another cut. */
#define SAME_CUT_TOLERANCE 1.0

static gboolean
is_one_of (const char *path, const char *const *paths)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (guint i = 0; paths[i]; i++)
    {
      g_autofree char *other = g_canonicalize_filename (paths[i], NULL);

      if (g_str_equal (canonical, other))
        return TRUE;
    }
  return FALSE;
}

/* What to write over @path: @fresh, plus the chapters and skips of a sidecar already there that
 * was not one of the @inputs (those are in @fresh already). Refuses what would lose something:
 * a sidecar Hark cannot read whole, or one made for another cut (it is re-synchronized by naming
 * it, not replaced). */
static HarkTranscript *
keep_sidecar_on_disk (HarkTranscript *fresh, const char *path, const char *const *inputs,
                      double duration, GError **error)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  g_autoptr (HarkTranscript) previous = NULL;
  g_autofree char *display = g_filename_display_name (path);
  double made_for;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || is_one_of (path, inputs))
    return hark_transcript_ref (fresh);
  previous = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_HARK, NULL, warnings, &local);
  if (previous == NULL || warnings->len > 0)
    {
      g_autofree char *why = g_strdup (previous == NULL ? local->message
                                                        : g_ptr_array_index (warnings, 0));

      g_strchomp (why);
      if (g_str_has_suffix (why, "."))
        why[strlen (why) - 1] = '\0';
      g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE,
                   _("%s was not overwritten, because saving would lose what Hark cannot read "
                     "in it (%s). Fix it or move it away, then run this again."),
                   display, why);
      return NULL;
    }
  made_for = hark_transcript_get_media_duration (previous);
  if (made_for >= 0 && fabs (made_for - duration) > SAME_CUT_TOLERANCE)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE,
                   _("%s was not overwritten: it was made for another cut of the audio. Name it "
                     "after the audio to re-synchronize it, or move it away."),
                   display);
      return NULL;
    }
  return hark_episode_keep_edits (fresh, previous);
}

static gboolean
check_format (const char *command, const char *format, const char *const *allowed)
{
  for (guint i = 0; allowed[i]; i++)
    if (g_str_equal (format, allowed[i]))
      return TRUE;
  return FALSE;
}

static int
print_result (const char *format, HarkTranscript *t, const char *audio, double duration,
              const char *mode, GString *report)
{
  g_autofree char *audio_base = g_path_get_basename (audio);
  g_autofree char *output = NULL;

  if (g_str_equal (format, "json"))
    {
      GString *out = g_string_sized_new (256 * 1024);

      g_string_append (out, "{\n  ");
      hark_json_append_key (out, "audio");
      hark_json_append_string (out, audio);
      g_string_append (out, ",\n  ");
      hark_json_append_key (out, "mode");
      hark_json_append_string (out, mode);
      g_string_append_printf (out, ",\n  \"generated\": %s,\n  ",
                              hark_transcript_is_generated (t) ? "true" : "false");
      hark_json_append_key (out, "audio_duration");
      hark_json_append_seconds (out, duration);
      if (report)
        g_string_append_printf (out, ",\n  \"report\": %s", report->str);
      hark_cli_append_transcript_json (out, t, TRUE);
      g_string_append (out, "\n}\n");
      output = g_string_free (out, FALSE);
    }
  else if (g_str_equal (format, "vtt"))
    output = hark_writer_vtt (t);
  else
    output = hark_writer_hark_json (t, audio_base, duration);
  fputs (output, stdout);
  return HARK_CLI_EXIT_OK;
}

int
hark_cli_cmd_align (int argc, char **argv)
{
  g_autofree char *format = NULL;
  gboolean write_sidecar = FALSE, no_cache = FALSE, quiet = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "What to print: json (default), vtt or hark (Hark's sidecar JSON)", "FORMAT" },
    { "write-sidecar", 'w', 0, G_OPTION_ARG_NONE, &write_sidecar,
      "Save the result as AUDIO.hark.json beside the audio", NULL },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache,
      "Recognize again even when the words of this audio are cached", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not report what was done", NULL },
    { NULL },
  };
  static const char *const formats[] = { "json", "vtt", "hark", NULL };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("AUDIO SIDECAR… — time a transcript from the audio itself");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sidecars = g_ptr_array_new ();
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (HarkSpeech) speech = NULL;
  g_autoptr (HarkTranscript) result = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  HarkTranscript *source;
  const char *audio, *mode;
  double duration;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context,
      "A speaker-labelled text without times gets times for every turn and sentence from the "
      "words recognized in the audio. Captions or a transcript made for another cut of the audio "
      "(ads inserted or removed, a new intro) are re-synchronized: their cues, turns, chapters "
      "and skips are moved to where they now are.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("align", "%s", error->message);
  if (argc < 3)
    return hark_cli_usage_error ("align", _("expected an audio file and at least one sidecar"));
  if (format == NULL)
    format = g_strdup ("json");
  if (!check_format ("align", format, formats))
    return hark_cli_usage_error ("align", _("--format must be json, vtt or hark, not “%s”"), format);
  audio = argv[1];
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (sidecars, argv[i]);
  g_ptr_array_add (sidecars, NULL);
  if (!g_file_test (audio, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, HARK_ERROR, HARK_ERROR_NOT_FOUND, _("%s does not exist."), audio);
      return hark_cli_fail (error);
    }
  if (!hark_recognizer_check_available (&error))
    return hark_cli_fail (error);

  episode = hark_episode_load (audio, (const char *const *) sidecars->pdata, -1, &error);
  if (episode == NULL)
    return hark_cli_fail (error);
  source = hark_episode_get_transcript (episode);
  if (hark_transcript_is_empty (source))
    {
      g_set_error (&error, HARK_ERROR, HARK_ERROR_PARSE,
                   _("The sidecars given have no transcript to align."));
      return hark_cli_fail (error);
    }

  speech = recognize ("align", audio, no_cache, &error);
  if (speech == NULL)
    return hark_cli_fail (error);
  duration = hark_speech_get_duration (speech);

  if (hark_sync_is_untimed (source))
    {
      guint n_turns;
      HarkSyncReport r = { 0 };

      hark_transcript_get_turns (source, &n_turns);
      result = hark_sync_transcript (speech, source, &r);
      mode = "text";
      g_string_printf (report,
                       "{\"text_words\": %u, \"speech_words\": %u, \"matched\": %u, "
                       "\"coverage\": %.4f, \"weak_turns\": %u}",
                       r.n_text_words, r.n_speech_words, r.n_matched, r.coverage, r.n_weak_turns);
      if (!quiet)
        g_printerr ("hark-cli align: timed %u turns from the audio; %.1f%% of the text's words "
                    "recognized, %u turns uncertain\n",
                    n_turns, r.coverage * 100, r.n_weak_turns);
    }
  else
    {
      HarkResyncReport r = { 0 };

      result = hark_resync (speech, source, &r);
      mode = "resync";
      g_string_printf (report,
                       "{\"sidecar_media_duration\": %.3f, \"duration_mismatch\": %s, "
                       "\"matched\": %u, \"pieces\": %u, \"removed_cues\": %u}",
                       hark_transcript_get_media_duration (source),
                       r.duration_mismatch ? "true" : "false", r.n_matched, r.n_pieces,
                       r.n_removed_cues);
      if (!quiet)
        g_printerr ("hark-cli align: re-synchronized to the audio: %u stretch%s moved by "
                    "different amounts, %u cue%s no longer in the audio\n",
                    r.n_pieces, r.n_pieces == 1 ? "" : "es", r.n_removed_cues,
                    r.n_removed_cues == 1 ? "" : "s");
    }

  if (write_sidecar)
    {
      g_autofree char *path = hark_episode_sidecar_path_for (audio);
      g_autofree char *base = g_path_get_basename (audio);
      g_autofree char *json = NULL;
      g_autoptr (HarkTranscript) to_save = keep_sidecar_on_disk (
          result, path, (const char *const *) sidecars->pdata, duration, &error);

      if (to_save == NULL)
        return hark_cli_fail (error);
      json = hark_writer_hark_json (to_save, base, duration);
      if (!hark_writer_save (json, path, &error))
        return hark_cli_fail (error);
      if (!quiet)
        g_printerr ("hark-cli align: wrote %s\n", path);
    }
  return print_result (format, result, audio, duration, mode,
                       g_str_equal (format, "json") ? report : NULL);
}

int
hark_cli_cmd_transcribe (int argc, char **argv)
{
  g_autofree char *format = NULL;
  gboolean no_cache = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "What to print: vtt (default) or json",
      "FORMAT" },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache,
      "Recognize again even when the words of this audio are cached", NULL },
    { NULL },
  };
  static const char *const formats[] = { "vtt", "json", NULL };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("AUDIO — a generated transcript from the speech in the audio");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkSpeech) speech = NULL;
  g_autoptr (HarkTranscript) result = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, "Recognizes the speech locally (PocketSphinx) and groups the words into cues at "
               "pauses. The result is machine-made and marked as generated.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("transcribe", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("transcribe", _("expected one audio file"));
  if (format == NULL)
    format = g_strdup ("vtt");
  if (!check_format ("transcribe", format, formats))
    return hark_cli_usage_error ("transcribe", _("--format must be vtt or json, not “%s”"), format);
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, HARK_ERROR, HARK_ERROR_NOT_FOUND, _("%s does not exist."), argv[1]);
      return hark_cli_fail (error);
    }
  if (!hark_recognizer_check_available (&error))
    return hark_cli_fail (error);
  speech = recognize ("transcribe", argv[1], no_cache, &error);
  if (speech == NULL)
    return hark_cli_fail (error);
  result = hark_generate_transcript (speech);
  return print_result (format, result, argv[1], hark_speech_get_duration (speech), "generated",
                       NULL);
}
