/* test-portaudio.c — real PortAudio output: what a PulseAudio null sink's monitor records is
 * what render writes; no device at all gives a clear error
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/harness/hark-test-session, which provides the null sink and its monitor
 * (HARK_TEST_MONITOR); skips without it.
 */
#include <gio/gio.h>
#include <math.h>
#include <signal.h>

#include "audio-test-util.h"
#include "output/hark-output.h"
#include "hark-test-util.h"

#define RATE HARK_OUTPUT_RATE
#define CH HARK_OUTPUT_CHANNELS
#define START 120.0
/* The sink keeps 16-bit samples: their rounding alone limits a quiet block to about 50 dB,
 * while audio a frame off or another stretch altogether is below 20. */
#define MIN_SNR 40

static char *
cli_path (void)
{
  return g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli", "hark-cli", NULL);
}

static gsize
first_loud (const float *a, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (fabsf (a[i * CH]) > 0.01f)
      return i;
  return n;
}

/* Every loud 0.1 s block of the recording is the rendered audio, in order. On a loaded
 * machine the device may underrun: the sound server plays silence (what follows comes later)
 * or ALSA's recovery drops what was queued (what follows comes earlier). Such a glitch moves
 * the alignment by up to half a second; a few are counted, not failed. */
static void
check_blocks (const float *captured, gsize n_captured, const float *rendered, gsize n_rendered)
{
  const gssize block = RATE / 10, probe = 64, max_shift = RATE / 2;
  gssize offset = 0; /* rendered frame = captured frame - offset */
  guint checked = 0, glitches = 0;

  for (gssize at = 0; at + block <= (gssize) n_captured; at += block)
    {
      const float *c = captured + at * CH;
      gboolean found = FALSE;

      if (audio_test_max_step (captured, at, at + block) < 0.01)
        continue; /* quiet: nothing to align on */
      if (at - offset + block > (gssize) n_rendered)
        break;
      if (at - offset >= 0 && audio_test_snr (c, rendered + (at - offset) * CH, block) > MIN_SNR)
        found = TRUE;
      for (gssize shift = -max_shift; !found && shift <= max_shift; shift++)
        {
          gssize r = at - offset - shift;

          if (shift == 0 || r < 0 || r + block > (gssize) n_rendered)
            continue;
          if (audio_test_snr (c, rendered + r * CH, probe) > MIN_SNR
              && audio_test_snr (c, rendered + r * CH, block) > MIN_SNR)
            {
              offset += shift;
              glitches++;
              found = TRUE;
            }
        }
      if (!found)
        {
          /* A glitch inside the block itself: neither side of it aligns. */
          g_test_message ("recorded block at %.2f s does not match", (double) at / RATE);
          for (gssize k = 0; k < block && at - offset >= 0; k += block / 10)
            {
              const float *r = rendered + (at - offset + k) * CH;

              g_test_message ("  %.3f s: %.1f dB", (double) (at + k) / RATE,
                              audio_test_snr (c + k * CH, r, block / 10));
            }
          glitches++;
          continue;
        }
      checked++;
    }
  g_test_message ("%u loud blocks match the render; %u underrun glitches", checked, glitches);
  g_assert_cmpuint (checked, >=, 10);
  g_assert_cmpuint (glitches, <=, 5);
}

static void
test_monitor_captures_render (void)
{
  const char *monitor = g_getenv ("HARK_TEST_MONITOR");
  g_autofree char *path = NULL, *cli = cli_path (), *dir = NULL, *raw = NULL;
  g_autofree char *contents = NULL, *events = NULL;
  g_autofree float *rendered = NULL;
  g_autoptr (GSubprocess) rec = NULL, play = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree char *parec = g_find_program_in_path ("parec");
  gsize len = 0, n_captured, n_rendered = 0, cap0, ren0;
  const float *captured;
  double best = -INFINITY;
  gssize best_lag = 0;

  if (monitor == NULL || parec == NULL)
    {
      g_test_skip ("no PulseAudio null sink monitor (HARK_TEST_MONITOR): run inside "
                   "tests/harness/hark-test-session");
      return;
    }
  path = hark_test_fixture ("ep189/excerpt-linode.opus");
  if (path == NULL)
    return;
  dir = hark_test_make_tmpdir ("portaudio");
  raw = g_build_filename (dir, "monitor.raw", NULL);

  rec = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, parec, "-d", monitor,
                          "--format=float32le", "--rate=48000", "--channels=2", "--raw",
                          "--latency-msec=20", raw, NULL);
  g_assert_no_error (error);
  g_usleep (300 * 1000);

  /* Three seconds from START, then quit through the command pipe. */
  play = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error, cli, "play", "--events", "--start", "2:00",
                           "--skip-category", "sponsor=mark", path, NULL);
  g_assert_no_error (error);
  g_usleep (3500 * 1000);
  {
    g_autoptr (GBytes) quit = g_bytes_new_static ("quit\n", 5);
    g_autoptr (GBytes) out = NULL;

    g_subprocess_communicate (play, quit, NULL, &out, NULL, &error);
    g_assert_no_error (error);
    events = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  }
  g_assert_true (g_subprocess_get_if_exited (play));
  g_assert_cmpint (g_subprocess_get_exit_status (play), ==, 0);
  g_assert_nonnull (strstr (events, "\"event\":\"state\",\"pos\":120.0,\"state\":\"playing\""));

  g_usleep (300 * 1000);
  g_subprocess_send_signal (rec, SIGINT);
  g_subprocess_wait (rec, NULL, NULL);

  g_file_get_contents (raw, &contents, &len, &error);
  g_assert_no_error (error);
  captured = (const float *) contents;
  n_captured = len / (sizeof (float) * CH);
  g_test_message ("monitor recorded %.2f s", (double) n_captured / RATE);
  g_assert_cmpuint (n_captured, >, 3 * RATE);

  decoder = hark_decoder_open (path, RATE, CH, &error);
  g_assert_no_error (error);
  g_assert_true (hark_decoder_seek (decoder, START, &error));
  rendered = audio_test_decode_rest (decoder, &n_rendered);

  /* Line up the first loud frame of each, then refine by a few frames. */
  cap0 = first_loud (captured, n_captured);
  ren0 = first_loud (rendered, n_rendered);
  g_assert_cmpuint (cap0, <, n_captured - 2 * RATE);
  g_assert_cmpuint (ren0, <, RATE);
  for (gssize lag = -64; lag <= 64; lag++)
    {
      double snr;

      if ((gssize) cap0 + lag < 0)
        continue;
      snr = audio_test_snr (captured + (cap0 + lag) * CH, rendered + ren0 * CH, RATE);
      if (snr > best)
        {
          best = snr;
          best_lag = lag;
        }
    }
  g_test_message ("recorded vs rendered: %.1f dB at lag %" G_GSSIZE_FORMAT, best, best_lag);
  /* The sink stores 16-bit samples: about 90 dB when the samples are the same. */
  g_assert_cmpfloat (best, >, 60);
  g_assert_cmpint (best_lag, ==, 0);
  check_blocks (captured + (cap0 + best_lag) * CH, n_captured - (cap0 + best_lag),
                rendered + ren0 * CH, n_rendered - ren0);
  hark_test_remove_tree (dir);
}

/* No sound server and no sound card: PortAudio finds no device, and play says so. */
static void
test_no_device (void)
{
  g_autofree char *path = hark_test_fixture ("ep189/excerpt-linode.opus");
  g_autofree char *cli = cli_path (), *dir = NULL, *err = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return;
  if (g_file_test ("/dev/snd", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("this machine has sound cards (/dev/snd): PortAudio would find them");
      return;
    }
  dir = hark_test_make_tmpdir ("no-device");
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* No asoundrc routing ALSA to a server, and no server to reach. */
  g_subprocess_launcher_setenv (launcher, "HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "PULSE_SERVER", "unix:/nonexistent/hark", TRUE);
  g_subprocess_launcher_setenv (launcher, "JACK_NO_START_SERVER", "1", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, cli, "play", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_assert_nonnull (strstr (err, "No audio output device was found"));
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/portaudio/monitor-captures-render", test_monitor_captures_render);
  g_test_add_func ("/portaudio/no-device", test_no_device);
  return g_test_run ();
}
