/* bench-engine-render.c — CPU to render the 59-minute episode, next to ffmpeg doing the same
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; judges nothing. Goals: hark-cli render at 1.0 costs at most 1.10 × `ffmpeg
 * -i FILE -ar 48000 -ac 2 -f f32le -y /dev/null`, and at 2.0 at most 1.10 × the same with
 * `-af atempo=2`. Each figure is the best (least CPU) of three runs.
 */
#include "bench-engine-common.h"

#include "output/hark-output.h"

#define RUNS 3

int
main (int argc, char **argv)
{
  static const char *const files[] = { "ep189.mp3", "ep189.opus" };
  g_autofree char *cli = bench_cli ();
  g_autofree char *rate = g_strdup_printf ("%d", HARK_OUTPUT_RATE);
  g_autofree char *channels = g_strdup_printf ("%d", HARK_OUTPUT_CHANNELS);
  gboolean any = FALSE;

  printf ("CPU seconds to render to %s Hz, %s channels, 32-bit float (best of %d)\n", rate,
          channels, RUNS);
  printf ("  %-12s %-6s %10s %10s %8s  %s\n", "file", "speed", "hark", "ffmpeg", "ratio",
          "goal");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = bench_fixture (files[i]);

      if (path == NULL)
        continue;
      any = TRUE;
      for (int fast = 0; fast < 2; fast++)
        {
          const char *hark[] = { cli, "render", path, "-o", "/dev/null", "--no-skip",
                                 "--speed", fast ? "2" : "1", NULL };
          g_autoptr (GPtrArray) ffmpeg = g_ptr_array_new ();
          const char *const common[] = { "ffmpeg", "-nostdin", "-v", "error", "-i", path };
          const char *const output[] = { "-ar", rate, "-ac", channels, "-f", "f32le", "-y",
                                         "/dev/null", NULL };

          for (guint k = 0; k < G_N_ELEMENTS (common); k++)
            g_ptr_array_add (ffmpeg, (char *) common[k]);
          if (fast)
            {
              g_ptr_array_add (ffmpeg, "-af");
              g_ptr_array_add (ffmpeg, "atempo=2");
            }
          for (guint k = 0; k < G_N_ELEMENTS (output); k++)
            g_ptr_array_add (ffmpeg, (char *) output[k]);

          BenchRun h = bench_best (RUNS, hark, 0);
          BenchRun f = bench_best (RUNS, (const char *const *) ffmpeg->pdata, 0);

          printf ("  %-12s %-6s %9.2fs %9.2fs %8.3f  ≤ 1.10 %s\n", files[i],
                  fast ? "2.0" : "1.0", h.cpu, f.cpu, h.cpu / f.cpu,
                  h.cpu / f.cpu <= 1.10 ? "(met)" : "(missed)");
          fflush (stdout);
        }
    }
  if (!any)
    {
      return bench_skip ("the ep189 fixtures are absent (HARK_FIXTURES_DIR)");
    }
  return 0;
}
