/* resume-listener.c — what a front end does about resuming, without a window: opens the
 * library (reporting and carrying on when it fails), opens an episode, continues where it was
 * left, plays in real time into the null output and prints the position every 100 ms until it
 * is killed.
 *
 * Usage: resume-listener DATABASE AUDIO START_SECONDS
 * Output lines: "library-error MESSAGE", "resumed SECONDS" (negative: new episode),
 *               "pos SECONDS"
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "output/hark-output.h"
#include "library/hark-resume-tracker.h"

static HarkResumeTracker *tracker;

static void
event_cb (HarkPlayer *player, const HarkPlayerEvent *event, gpointer user_data)
{
  hark_resume_tracker_handle_event (tracker, event);
  if (event->type == HARK_PLAYER_EVENT_ERROR)
    {
      printf ("player-error %s\n", event->error ? event->error->message : "?");
      fflush (stdout);
    }
}

static void
library_error_cb (const GError *error, gpointer user_data)
{
  printf ("library-error %s\n", error->message);
  fflush (stdout);
}

static gboolean
print_position_cb (gpointer user_data)
{
  printf ("pos %.3f\n", hark_player_get_position (user_data));
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkPlayer) player = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  double resumed;

  setlocale (LC_ALL, "C");
  if (argc != 4)
    {
      fprintf (stderr, "usage: resume-listener DATABASE AUDIO START_SECONDS\n");
      return 2;
    }
  library = hark_library_open (argv[1], &error);
  if (library == NULL)
    {
      library_error_cb (error, NULL);
      g_clear_error (&error);
    }

  player = hark_player_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), NULL);
  tracker = hark_resume_tracker_new (library, player);
  hark_resume_tracker_set_error_func (tracker, library_error_cb, NULL, NULL);
  hark_player_set_event_func (player, event_cb, NULL, NULL);
  if (!hark_player_open (player, argv[2], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  resumed = hark_resume_tracker_episode_opened (tracker, NULL, TRUE, 1.0);
  printf ("resumed %.3f\n", resumed);
  fflush (stdout);
  if (resumed < 0)
    hark_player_seek (player, g_ascii_strtod (argv[3], NULL));
  if (!hark_player_play (player, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_timeout_add (100, print_position_cb, player);
  g_main_loop_run (loop);
  return 0;
}
