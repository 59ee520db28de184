/* library-writer.c — a listener that never stops: saves a growing position in a loop and says
 * so on stdout after each save returns, until it is killed. test-library kills it with SIGKILL
 * and checks that every save it announced is in the database.
 *
 * Usage: library-writer DATABASE KEY
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "library/hark-library.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: library-writer DATABASE KEY\n");
      return 2;
    }
  library = hark_library_open (argv[1], &error);
  if (library == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (guint64 i = 1;; i++)
    {
      double position = i * 0.25;

      if (!hark_library_save (library, argv[2], "/episodes/ep189.opus", "Episode 189", 3541.0,
                              position, 1.25, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%.2f\n", position);
      fflush (stdout);
    }
}
