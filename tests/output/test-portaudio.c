/* test-portaudio.c — real PortAudio output: what a PulseAudio null sink's monitor records is
 * what render writes; a seek while playing is heard at once; no device at all gives a
 * clear error
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
#include "audio/hark-player.h"
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

/* Where the @block frames at @c are in @r (the first match of both a short probe and the whole
 * block), or -1. */
static gssize
find_block (const float *c, gsize block, const float *r, gsize n_r)
{
  const gsize probe = 64;

  for (gsize k = 0; k + block <= n_r; k++)
    if (audio_test_snr (c, r + k * CH, probe) > MIN_SNR
        && audio_test_snr (c, r + k * CH, block) > MIN_SNR)
      return k;
  return -1;
}

/* @seconds of the file from @start, as the player would play them. */
static float *
decode_span (const char *path, double start, double seconds, gsize *n_frames)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = hark_decoder_open (path, RATE, CH, &error);
  gsize want = (gsize) (seconds * RATE), have = 0;
  float *out = g_new0 (float, want * CH);

  g_assert_no_error (error);
  g_assert_true (hark_decoder_seek (decoder, start, &error));
  while (have < want)
    {
      HarkDecoderChunk chunk;
      gssize n = hark_decoder_read (decoder, out + have * CH, want - have, &chunk, &error);

      g_assert_no_error (error);
      if (n <= 0)
        break;
      have += n;
    }
  *n_frames = have;
  return out;
}

static int
compare_doubles (gconstpointer a, gconstpointer b, gpointer data)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
run_for (double seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A seek while playing is heard at once: what the device had queued of the old place is
 * dropped rather than played, the new place is handed within a few tens of milliseconds
 * (the speed goal itself is bench-engine-play's), starts at its very first frame and goes on
 * without a gap, and the clock says it is heard when the sink gets it. The recording's frames
 * are the sink's real time, tied to the player's clock by the old place's audio. */
static void
test_seek_heard_at_once (void)
{
  const char *monitor = g_getenv ("HARK_TEST_MONITOR");
  const double from = 120, to = 60;
  const gsize block = 1024;
  g_autofree char *path = NULL, *dir = NULL, *raw = NULL, *contents = NULL;
  g_autofree char *parec = g_find_program_in_path ("parec");
  g_autofree float *old_audio = NULL, *new_audio = NULL;
  g_autoptr (GSubprocess) rec = NULL;
  g_autoptr (HarkPlayer) player = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0, n_captured, n_old, n_new, n_clock = 0;
  const float *captured;
  double heard_before, seek_time, handed_ms, clock_new[64], tail, clock_error;
  gssize at_new = -1, at_old = -1, old_offset = 0, end_old, heard_before_at;
  gint64 t0, handed = 0;
  guint serial = 0;

  if (monitor == NULL || parec == NULL)
    {
      g_test_skip ("no PulseAudio null sink monitor (HARK_TEST_MONITOR): run inside "
                   "tests/harness/hark-test-session");
      return;
    }
  path = hark_test_fixture ("ep189/excerpt-linode.opus");
  if (path == NULL)
    return;
  dir = hark_test_make_tmpdir ("portaudio-seek");
  raw = g_build_filename (dir, "monitor.raw", NULL);
  rec = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, parec, "-d", monitor,
                          "--format=float32le", "--rate=48000", "--channels=2", "--raw",
                          "--latency-msec=20", raw, NULL);
  g_assert_no_error (error);
  g_usleep (300 * 1000);

  player = hark_player_new (hark_output_portaudio_new (), NULL);
  g_assert_true (hark_player_open (player, path, &error));
  g_assert_no_error (error);
  hark_player_seek (player, from);
  g_assert_true (hark_player_play (player, &error));
  run_for (1.2);

  heard_before = hark_player_get_position (player);
  seek_time = g_get_monotonic_time () / (double) G_USEC_PER_SEC;
  t0 = g_get_monotonic_time ();
  hark_player_seek (player, to);
  while (g_get_monotonic_time () < t0 + 2 * G_USEC_PER_SEC)
    {
      handed = hark_player_get_seek_handed_time (player, &serial);
      if (serial == 2 && handed >= t0)
        break;
      g_usleep (200);
    }
  g_assert_cmpuint (serial, ==, 2);
  handed_ms = (handed - t0) / 1000.0;
  /* Where the clock says the new place began to be heard, from its answers while it plays. */
  while (n_clock < G_N_ELEMENTS (clock_new))
    {
      double now, position;

      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
      now = g_get_monotonic_time () / (double) G_USEC_PER_SEC;
      position = hark_player_get_position (player);
      if (position > to + 0.05 && position < to + 5)
        clock_new[n_clock++] = now - (position - to);
    }
  hark_player_close (player);
  g_usleep (300 * 1000);
  g_subprocess_send_signal (rec, SIGINT);
  g_subprocess_wait (rec, NULL, NULL);

  g_file_get_contents (raw, &contents, &len, &error);
  g_assert_no_error (error);
  captured = (const float *) contents;
  n_captured = len / (sizeof (float) * CH);
  old_audio = decode_span (path, from, 3, &n_old);
  new_audio = decode_span (path, to, 2, &n_new);
  g_assert_cmpfloat (audio_test_max_step (new_audio, 0, block), >, 0.01); /* found by its audio */

  /* The new place's first block: where it begins in the recording. */
  for (gsize i = 0; at_new < 0 && i + block <= n_captured; i++)
    if (audio_test_snr (captured + i * CH, new_audio, 64) > MIN_SNR
        && audio_test_snr (captured + i * CH, new_audio, block) > MIN_SNR)
      at_new = i;
  g_assert_cmpint (at_new, >=, 0);
  /* The old place's last loud block before it, and how far that audio goes. */
  for (gssize i = at_new - (gssize) block; at_old < 0 && i >= 0; i -= block)
    if (audio_test_max_step (captured, i, i + block) > 0.01)
      {
        gssize k = find_block (captured + i * CH, block, old_audio, n_old);

        if (k >= 0)
          at_old = i, old_offset = i - k;
      }
  g_assert_cmpint (at_old, >=, 0);
  for (end_old = at_old; end_old < at_new && end_old - old_offset < (gssize) n_old; end_old++)
    if (fabsf (captured[end_old * CH] - old_audio[(end_old - old_offset) * CH]) > 0.01f)
      break;
  /* Old audio heard after the seek, by the clock's own account of where it was. */
  tail = (double) (end_old - old_offset) / RATE - (heard_before - from);
  /* The old place's audio ties the recording to the clock: heard_before was heard at
   * seek_time, so the new place began to be heard at this time. */
  heard_before_at = old_offset + (gssize) ((heard_before - from) * RATE);
  g_qsort_with_data (clock_new, n_clock, sizeof (double), compare_doubles, NULL);
  clock_error = clock_new[n_clock / 2] - (seek_time + (double) (at_new - heard_before_at) / RATE);
  g_test_message ("seek handed after %.1f ms; old place heard %.1f ms past the seek, then "
                  "%.1f ms of silence; the clock puts the new place %+.1f ms off the recording",
                  handed_ms, tail * 1000, (double) (at_new - end_old) * 1000 / RATE,
                  clock_error * 1000);

  /* Three times bench-engine-play's goal; before seeks flushed the device, 23–81 ms. */
  g_assert_cmpfloat (handed_ms, <, 60);
  /* What the device had queued (85 ms) and more was heard before seeks flushed it: 99–129 ms. */
  g_assert_cmpfloat (tail, <, 0.04);
  /* The restarted device's latency is the clock's: 0 ms in most runs, but on the PulseAudio
   * null sink (20 ms blocks) a restart is sometimes heard 14.5 or 34.5 ms sooner than the
   * clock says; with the device never restarted this measured -0.1 to +7.5 ms. */
  g_assert_cmpfloat (fabs (clock_error), <, 0.05);
  /* The new place from its first frame, a device buffer and more without a gap. */
  for (gsize i = 0; i + block <= (gsize) RATE / 2 && at_new + i + block <= n_captured; i += block)
    if (audio_test_max_step (new_audio, i, i + block) > 0.01)
      g_assert_cmpfloat (audio_test_snr (captured + (at_new + i) * CH, new_audio + i * CH, block),
                         >, MIN_SNR);
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
  g_test_add_func ("/portaudio/seek-heard-at-once", test_seek_heard_at_once);
  g_test_add_func ("/portaudio/no-device", test_no_device);
  return g_test_run ();
}
