/* hark-cli-download.c — `hark-cli download EPISODE`: the audio, its transcripts and chapters
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <stdio.h>
#include <unistd.h>

#include "subscriptions/hark-episode-download.h"

static void
show_progress (const HarkDownloadProgress *progress, gpointer data)
{
  if (progress->total > 0)
    fprintf (stderr, "\r%6.1f of %.1f MB (%3.0f%%)  %6.2f MB/s   ", progress->bytes / 1048576.0,
             progress->total / 1048576.0, 100.0 * progress->bytes / progress->total,
             progress->rate / 1048576.0);
  else
    fprintf (stderr, "\r%6.1f MB  %6.2f MB/s   ", progress->bytes / 1048576.0,
             progress->rate / 1048576.0);
  fflush (stderr);
}

int
hark_cli_cmd_download (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("EPISODE — download an episode");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkHttp) http = NULL;
  g_autoptr (HarkEpisodeDownload) download = NULL;
  g_autofree char *library_path = NULL;
  g_autofree char *dir = NULL;
  const GOptionEntry entries[] = {
    { "library", 0, 0, G_OPTION_ARG_FILENAME, &library_path,
      "The library file (default: Hark's own)", "FILE" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      "Folder for downloads (default: Hark's podcasts folder)", "DIR" },
    { NULL },
  };
  gboolean terminal = isatty (STDERR_FILENO);

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "EPISODE is its number or id from 'hark-cli episodes SHOW'. An "
                                "interrupted download resumes. The feed's transcripts and "
                                "chapters are saved beside the audio.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("download", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("download", _("expected exactly one EPISODE"));
  if ((library = hark_library_open (library_path, &error)) == NULL)
    return hark_cli_fail (error);
  http = hark_http_new (NULL);
  download = hark_episode_download_run (http, library, argv[1], dir,
                                        terminal ? show_progress : NULL, NULL, &error);
  if (terminal)
    fprintf (stderr, "\n");
  if (download == NULL)
    return hark_cli_fail (error);
  printf ("%s\n", download->audio_path);
  for (guint i = 0; i < download->sidecars->len; i++)
    printf ("%s\n", (char *) g_ptr_array_index (download->sidecars, i));
  for (guint i = 0; i < download->warnings->len; i++)
    g_printerr ("hark-cli: warning: %s\n", (char *) g_ptr_array_index (download->warnings, i));
  return HARK_CLI_EXIT_OK;
}
