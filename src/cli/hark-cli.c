/* hark-cli.c — the core from a terminal; what tests and benchmarks drive
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hark-config.h"
#include "util/hark-i18n.h"
#include "util/hark-error.h"
#include "util/hark-time.h"

/* Commands register here as they are implemented (see HARK_CLI_COMMANDS in meson.build). */
static const HarkCliCommand commands[] = {
#ifdef HARK_CLI_HAVE_PROBE
  { "probe", "Describe an audio file as JSON", hark_cli_cmd_probe },
#endif
#ifdef HARK_CLI_HAVE_PLAY
  { "play", "Play an episode on the default audio device", hark_cli_cmd_play },
#endif
#ifdef HARK_CLI_HAVE_RENDER
  { "render", "Write what the player would play to a WAV file", hark_cli_cmd_render },
#endif
#ifdef HARK_CLI_HAVE_TRANSCRIPT
  { "transcript", "Print the timed, speaker-labelled transcript", hark_cli_cmd_transcript },
#endif
#ifdef HARK_CLI_HAVE_SPEECH
  { "align", "Time a transcript from the audio itself, or re-sync one made for another cut",
    hark_cli_cmd_align },
  { "transcribe", "Recognize the speech of an audio file as a generated transcript",
    hark_cli_cmd_transcribe },
#endif
#ifdef HARK_CLI_HAVE_SEGMENTS
  { "segments", "List sponsor and other skippable segments", hark_cli_cmd_segments },
#endif
#ifdef HARK_CLI_HAVE_FEEDS
  { "feed", "Read a podcast feed and print it as JSON", hark_cli_cmd_feed },
  { "subscribe", "Subscribe to a podcast feed", hark_cli_cmd_subscribe },
  { "shows", "List subscriptions", hark_cli_cmd_shows },
  { "episodes", "List a show's episodes", hark_cli_cmd_episodes },
  { "refresh", "Fetch new episodes of every show (or one)", hark_cli_cmd_refresh },
  { "download", "Download an episode with its transcripts and chapters", hark_cli_cmd_download },
  { "opml", "Import or export subscriptions as OPML", hark_cli_cmd_opml },
#endif
  { NULL, NULL, NULL },
};

static void
print_help (FILE *out)
{
  fprintf (out, "Usage: hark-cli COMMAND [OPTION…] [ARGUMENT…]\n\nCommands:\n");
  for (const HarkCliCommand *c = commands; c->name; c++)
    fprintf (out, "  %-12s %s\n", c->name, c->summary);
  fprintf (out, "\nRun 'hark-cli COMMAND --help' for a command's options.\n"
                "Times are seconds (83.5) or [HH:]MM:SS[.mmm] (1:23.5).\n");
}

int
hark_cli_usage_error (const char *command, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (command)
    g_printerr ("hark-cli %s: %s\nTry 'hark-cli %s --help'.\n", command, message, command);
  else
    g_printerr ("hark-cli: %s\nTry 'hark-cli --help'.\n", message);
  return HARK_CLI_EXIT_USAGE;
}

int
hark_cli_fail (const GError *error)
{
  g_printerr ("hark-cli: %s\n", error ? error->message : "failed");
  return HARK_CLI_EXIT_FAILED;
}

gboolean
hark_cli_parse_time_option (const char *option_name, const char *value, double *out,
                            GError **error)
{
  if (hark_time_parse (value, out))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s expects seconds or [HH:]MM:SS[.mmm], from 0 to a week (%.0f s), not “%s”"),
               option_name, HARK_TIME_MAX_SECONDS, value);
  return FALSE;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* JSON and times are printed with '.' whatever the locale says. */
  setlocale (LC_NUMERIC, "C");
  /* The core's messages are in the application's catalogue. */
  bindtextdomain (GETTEXT_PACKAGE, HARK_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (argc < 2)
    {
      print_help (stderr);
      return HARK_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return HARK_CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("hark-cli %s\n", HARK_VERSION);
      return HARK_CLI_EXIT_OK;
    }

  for (const HarkCliCommand *c = commands; c->name; c++)
    if (strcmp (argv[1], c->name) == 0)
      return c->run (argc - 1, argv + 1);

  return hark_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
}
