/* test-session-sync.c — a sync job of the session, headless: progress, result, sidecar, cancel
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real decoding and a real recognizer on the 4-minute excerpt (recognized once; later cases hit
 * this run's own cache). Each case builds its episode in a folder of its own: the excerpt's
 * audio beside an untimed text (align), beside captions made for a cut 5 s longer at the start
 * with a chapter and a skip added by hand (re-sync), or alone (generate).
 */
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "episode/hark-episode.h"
#include "formats/hark-sidecar.h"
#include "formats/hark-writer.h"
#include "hark-test-util.h"
#include "session/hark-session.h"
#include "speech/hark-recognizer.h"
#include "sync-test-util.h"
#include "sync/hark-sync-text.h"

#define SHIFT 5.0 /* the other cut had this much more at the start */

static char *tmpdir;
static GThread *main_thread;

typedef struct
{
  HarkSession *session;
  GArray *types;     /* HarkSessionEventType, in order */
  GArray *fractions; /* double: SYNC_PROGRESS fractions */
  GError *ended;     /* SYNC_ENDED's error */
  gboolean have_ended;
  GError *save_error;
  char *dir;
  char *audio;
} Run;

static void
on_event (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  Run *run = user_data;
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (session);

  /* On the session's context, never on a worker, even while no loop owns that context (the
   * waits below iterate it now and then). */
  g_assert_true (g_thread_self () == main_thread);
  g_array_append_val (run->types, event->type);
  if (event->type == HARK_SESSION_EVENT_SYNC_PROGRESS)
    {
      g_assert_cmpint (snap->sync_running, !=, HARK_SESSION_SYNC_NONE);
      g_array_append_val (run->fractions, snap->sync_fraction);
    }
  else if (event->type == HARK_SESSION_EVENT_SYNC_ENDED)
    {
      g_assert_cmpint (snap->sync_running, ==, HARK_SESSION_SYNC_NONE);
      run->have_ended = TRUE;
      g_clear_error (&run->ended);
      run->ended = event->error ? g_error_copy (event->error) : NULL;
    }
  else if (event->type == HARK_SESSION_EVENT_ERROR
           && event->error_kind == HARK_SESSION_ERROR_SYNC_SAVE)
    run->save_error = g_error_copy (event->error);
}

static gboolean
seen (Run *run, HarkSessionEventType type)
{
  for (guint i = 0; i < run->types->len; i++)
    if (g_array_index (run->types, HarkSessionEventType, i) == type)
      return TRUE;
  return FALSE;
}

static void
wait_for (Run *run, HarkSessionEventType type, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!seen (run, type))
    {
      if (g_get_monotonic_time () > end)
        g_error ("no event %d within %.0f s", type, seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A folder of its own with the excerpt's audio as ep.opus; NULL when the fixture is missing. */
static Run *
run_new (const char *name)
{
  g_autofree char *excerpt = hark_test_fixture ("ep189/excerpt-linode.opus");
  Run *run;

  if (excerpt == NULL)
    return NULL;
  run = g_new0 (Run, 1);
  run->dir = g_build_filename (tmpdir, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (run->dir, 0755), ==, 0);
  run->audio = g_build_filename (run->dir, "ep.opus", NULL);
  g_assert_cmpint (symlink (excerpt, run->audio), ==, 0);
  run->types = g_array_new (FALSE, FALSE, sizeof (HarkSessionEventType));
  run->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  run->session = hark_session_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), NULL, NULL);
  hark_session_add_listener (run->session, on_event, run, NULL);
  return run;
}

static void
run_open (Run *run)
{
  g_array_set_size (run->types, 0);
  hark_session_open (run->session, run->audio, NULL);
  wait_for (run, HARK_SESSION_EVENT_LOADED, 30);
}

static void
run_free (Run *run)
{
  hark_session_free (run->session);
  g_array_unref (run->types);
  g_array_unref (run->fractions);
  g_clear_error (&run->ended);
  g_clear_error (&run->save_error);
  g_free (run->dir);
  g_free (run->audio);
  g_free (run);
}

/* Starts @kind and waits for its end: progress in order, TRANSCRIPT before a clean end. */
static void
run_sync (Run *run, HarkSessionSyncKind kind)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (hark_session_get_sync_kind (run->session), ==, kind);
  g_array_set_size (run->types, 0);
  g_array_set_size (run->fractions, 0);
  run->have_ended = FALSE;
  g_assert_true (hark_session_sync_start (run->session, kind, &error));
  g_assert_no_error (error);
  /* One job at a time. */
  g_assert_false (hark_session_sync_start (run->session, kind, NULL));
  g_assert_cmpint (hark_session_get_snapshot (run->session)->sync_running, ==, kind);
  wait_for (run, HARK_SESSION_EVENT_SYNC_ENDED, 600);
  g_assert_no_error (run->ended);
  g_assert_no_error (run->save_error);
  g_assert_true (seen (run, HARK_SESSION_EVENT_TRANSCRIPT));
  g_assert_cmpuint (run->fractions->len, >=, 2);
  for (guint i = 1; i < run->fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run->fractions, double, i), >=,
                       g_array_index (run->fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (run->fractions, double, run->fractions->len - 1), ==, 1.0);
  g_assert_cmpint (hark_session_get_sync_kind (run->session), ==, HARK_SESSION_SYNC_NONE);
}

static HarkTranscript *
read_saved (Run *run)
{
  g_autofree char *path = hark_episode_sidecar_path_for (run->audio);
  g_autoptr (GError) error = NULL;
  HarkTranscript *t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);

  g_assert_no_error (error);
  return t;
}

/* An untimed text: every turn gets its time (the same figures as the sync tests' own), the
 * result is saved beside the audio and is what the next open reads. */
static void
test_align (void)
{
  Run *run = run_new ("align");
  JsonParser *parser = NULL;
  JsonObject *truth;
  g_autoptr (GPtrArray) storage = NULL;
  g_autofree HarkMergeTurn *turns = NULL;
  g_autofree char *written = NULL, *text = NULL;
  g_autoptr (HarkTranscript) saved = NULL;
  HarkTranscript *t;
  double one, three;
  gboolean speakers_ok;
  guint n, n_saved;
  const HarkTurn *a, *b;

  if (run == NULL)
    return;
  truth = sync_test_load_truth ("ep189/excerpt-linode.truth.json", &parser);
  turns = sync_test_turns_for_truth (truth, run->dir, &n, &storage);
  written = g_build_filename (run->dir, "turns.transcript.txt", NULL);
  text = g_build_filename (run->dir, "ep.transcript.txt", NULL);
  g_assert_cmpint (g_rename (written, text), ==, 0);

  run_open (run);
  g_assert_true (hark_sync_is_untimed (hark_session_get_transcript (run->session)));
  run_sync (run, HARK_SESSION_SYNC_ALIGN);
  t = hark_session_get_transcript (run->session);
  sync_test_score_turns (truth, t, &one, &three, &speakers_ok);
  g_test_message ("through the session: %.1f%% of turn starts within 1 s, %.1f%% within 3 s",
                  one * 100, three * 100);
  g_assert_cmpfloat (one, >=, 0.9);
  g_assert_true (speakers_ok);
  g_assert_nonnull (hark_session_get_reading (run->session));

  /* Saved, and read back the same at the next open. */
  saved = read_saved (run);
  a = hark_transcript_get_turns (t, &n);
  b = hark_transcript_get_turns (saved, &n_saved);
  g_assert_cmpuint (n, ==, n_saved);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (a[i].start, b[i].start, 0.002);
      g_assert_cmpfloat_with_epsilon (a[i].evidence, b[i].evidence, 0.002);
    }
  run_open (run);
  g_assert_cmpint (hark_session_get_sync_kind (run->session), ==, HARK_SESSION_SYNC_NONE);
  hark_transcript_get_turns (hark_session_get_transcript (run->session), &n_saved);
  g_assert_cmpuint (n, ==, n_saved);
  g_object_unref (parser);
  run_free (run);
}

/* The captions as made for a cut with SHIFT more seconds at the start, with a chapter and a
 * sponsor skip someone added by hand, saved as the episode's own sidecar. */
static HarkTranscript *
write_other_cut (Run *run, HarkTranscript *captions, double duration)
{
  g_autoptr (HarkTranscriptBuilder) builder = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autofree char *path = hark_episode_sidecar_path_for (run->audio);
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  guint n;
  const HarkCue *cues = hark_transcript_get_cues (captions, &n);
  const HarkWord *words = hark_transcript_get_words (captions, NULL);

  for (guint i = 0; i < hark_transcript_get_n_speakers (captions); i++)
    {
      const HarkSpeaker *s = hark_transcript_get_speaker (captions, i);

      hark_transcript_builder_add_speaker (builder, s->id, s->name);
    }
  for (guint i = 0; i < n; i++)
    {
      hark_transcript_builder_add_cue (builder, cues[i].start + SHIFT, cues[i].end + SHIFT,
                                       cues[i].text, cues[i].speaker);
      for (guint w = cues[i].first_word; w < cues[i].first_word + cues[i].n_words; w++)
        hark_transcript_builder_add_word (builder, words[w].start + SHIFT, words[w].end + SHIFT,
                                          words[w].text);
    }
  hark_transcript_builder_add_chapter (builder, 60 + SHIFT, duration + SHIFT, "Added by hand",
                                       NULL, TRUE);
  hark_transcript_builder_add_segment (builder, 100 + SHIFT, 130 + SHIFT, HARK_CATEGORY_SPONSOR,
                                       "hark.json", NULL);
  hark_transcript_builder_set_media_duration (builder, duration + SHIFT);
  t = hark_transcript_builder_finish (g_steal_pointer (&builder));
  json = hark_writer_hark_json (t, "ep.opus", duration + SHIFT);
  g_assert_true (hark_writer_save (json, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&t);
}

/* Made for another cut: the cues, the chapter and the skip move back by SHIFT; the result is
 * no longer "for another cut", so the skip applies again; the file keeps the hand edits. */
static void
test_resync (void)
{
  Run *run = run_new ("resync");
  g_autofree char *vtt = hark_test_fixture ("ep189/excerpt-linode.vtt");
  g_autoptr (HarkTranscript) captions = NULL;
  g_autoptr (HarkTranscript) other = NULL;
  g_autoptr (HarkTranscript) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ranges = NULL;
  HarkTranscript *t;
  const HarkCue *truth, *got;
  const HarkChapter *chapters;
  const HarkSegment *segments;
  guint n_truth, n, near = 0, n_chapters, n_segments;

  if (run == NULL || vtt == NULL)
    {
      g_clear_pointer (&run, run_free);
      return;
    }
  captions = hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  run_open (run);
  other = write_other_cut (run, captions, hark_session_get_snapshot (run->session)->duration);
  run_open (run);
  g_assert_true (hark_episode_has_duration_mismatch (hark_session_get_episode (run->session)));
  g_assert_true (hark_segment_list_skipping_disabled (hark_session_get_segments (run->session)));

  run_sync (run, HARK_SESSION_SYNC_RESYNC);
  t = hark_session_get_transcript (run->session);
  truth = hark_transcript_get_cues (captions, &n_truth);
  got = hark_transcript_get_cues (t, &n);
  g_assert_cmpuint (n, ==, n_truth);
  for (guint i = 0; i < n; i++)
    near += fabs (got[i].start - truth[i].start) <= 0.5;
  g_test_message ("re-synced through the session: %u of %u cues within 0.5 s", near, n);
  g_assert_cmpfloat ((double) near / n, >=, 0.95);

  /* The skip works again, where it now is. */
  g_assert_false (hark_episode_has_duration_mismatch (hark_session_get_episode (run->session)));
  g_assert_false (hark_segment_list_skipping_disabled (hark_session_get_segments (run->session)));
  ranges = hark_segment_list_get_skip_ranges (hark_session_get_segments (run->session));
  g_assert_cmpuint (ranges->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (ranges, HarkSkipRange, 0).start, 100, 0.5);

  /* The sidecar on disk: for this cut, with the hand edits moved. */
  saved = read_saved (run);
  g_assert_cmpfloat_with_epsilon (hark_transcript_get_media_duration (saved),
                                  hark_session_get_snapshot (run->session)->duration, 0.01);
  chapters = hark_transcript_get_chapters (saved, &n_chapters);
  segments = hark_transcript_get_segments (saved, &n_segments);
  g_assert_cmpuint (n_chapters, ==, 1);
  g_assert_cmpstr (chapters[0].title, ==, "Added by hand");
  g_assert_cmpfloat_with_epsilon (chapters[0].start, 60, 0.5);
  g_assert_cmpuint (n_segments, ==, 1);
  g_assert_cmpfloat_with_epsilon (segments[0].start, 100, 0.5);
  g_assert_cmpfloat_with_epsilon (segments[0].end, 130, 0.5);
  run_open (run);
  g_assert_cmpint (hark_session_get_sync_kind (run->session), ==, HARK_SESSION_SYNC_NONE);
  g_assert_false (hark_segment_list_skipping_disabled (hark_session_get_segments (run->session)));
  run_free (run);
}

/* No transcript at all: one is generated, marked so in the session and in the file, and a
 * sidecar of chapters and skips that was there keeps them. */
static void
test_generate (void)
{
  Run *run = run_new ("generate");
  g_autofree char *chapters_path = NULL;
  g_autoptr (HarkTranscript) saved = NULL;
  g_autoptr (GError) error = NULL;
  HarkTranscript *t;
  guint n_cues, n_chapters;
  static const char chapters_json[] =
    "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0, \"title\": \"Start\"},"
    " {\"startTime\": 120, \"title\": \"Later on\"}]}";

  if (run == NULL)
    return;
  chapters_path = g_build_filename (run->dir, "ep.chapters.json", NULL);
  g_assert_true (g_file_set_contents (chapters_path, chapters_json, -1, &error));
  run_open (run);
  run_sync (run, HARK_SESSION_SYNC_GENERATE);
  t = hark_session_get_transcript (run->session);
  g_assert_true (hark_transcript_is_generated (t));
  hark_transcript_get_cues (t, &n_cues);
  g_assert_cmpuint (n_cues, >, 10);
  g_assert_nonnull (hark_session_get_reading (run->session));

  saved = read_saved (run);
  g_assert_true (hark_transcript_is_generated (saved));
  hark_transcript_get_chapters (saved, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 2);
  run_open (run);
  g_assert_cmpint (hark_session_get_sync_kind (run->session), ==, HARK_SESSION_SYNC_NONE);
  g_assert_true (hark_transcript_is_generated (hark_session_get_transcript (run->session)));
  run_free (run);
}

/* Cancelling: SYNC_ENDED (cancelled) at once, nothing changes, nothing is written, and nothing
 * more arrives from the job. It runs before any case that fills this run's cache, so the
 * recognizer is really at work when cancelled. */
static void
test_cancel (void)
{
  Run *run = run_new ("cancel");
  g_autofree char *sidecar = NULL;
  HarkTranscript *before;
  gint64 t0;

  if (run == NULL)
    return;
  run_open (run);
  before = hark_session_get_transcript (run->session);
  g_assert_true (hark_session_sync_start (run->session, HARK_SESSION_SYNC_GENERATE, NULL));
  /* Some real progress first, so the recognizer is busy when cancelled. */
  while (run->fractions->len == 0
         || g_array_index (run->fractions, double, run->fractions->len - 1) <= 0)
    g_main_context_iteration (NULL, TRUE);
  t0 = g_get_monotonic_time ();
  g_assert_true (hark_session_sync_cancel (run->session));
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC / 10);
  g_assert_true (run->have_ended);
  g_assert_error (run->ended, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (hark_session_get_snapshot (run->session)->sync_running, ==,
                   HARK_SESSION_SYNC_NONE);
  g_assert_false (hark_session_sync_cancel (run->session));

  g_array_set_size (run->types, 0);
  t0 = g_get_monotonic_time ();
  while (g_get_monotonic_time () - t0 < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_false (seen (run, HARK_SESSION_EVENT_SYNC_PROGRESS));
  g_assert_false (seen (run, HARK_SESSION_EVENT_TRANSCRIPT));
  g_assert_false (seen (run, HARK_SESSION_EVENT_SYNC_ENDED));
  g_assert_true (hark_session_get_transcript (run->session) == before);
  sidecar = hark_episode_sidecar_path_for (run->audio);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  /* Closing cancels too. */
  g_assert_true (hark_session_sync_start (run->session, HARK_SESSION_SYNC_GENERATE, NULL));
  run->have_ended = FALSE;
  hark_session_close (run->session);
  g_assert_true (run->have_ended);
  g_assert_error (run->ended, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  run_free (run);
}

/* Nothing to do: refused, and nothing happens. */
static void
test_refused (void)
{
  Run *run = run_new ("refused");
  g_autofree char *vtt = hark_test_fixture ("ep189/excerpt-linode.vtt");
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (run == NULL || vtt == NULL)
    {
      g_clear_pointer (&run, run_free);
      return;
    }
  g_assert_false (hark_session_sync_start (run->session, HARK_SESSION_SYNC_GENERATE, NULL));
  copy = g_build_filename (run->dir, "ep.vtt", NULL);
  g_assert_true (g_file_get_contents (vtt, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  run_open (run);
  g_assert_cmpint (hark_session_get_sync_kind (run->session), ==, HARK_SESSION_SYNC_NONE);
  g_assert_false (hark_session_sync_start (run->session, HARK_SESSION_SYNC_RESYNC, NULL));
  g_assert_false (hark_session_sync_start (run->session, HARK_SESSION_SYNC_GENERATE, NULL));
  g_assert_false (hark_session_sync_cancel (run->session));
  g_assert_false (seen (run, HARK_SESSION_EVENT_SYNC_PROGRESS));
  run_free (run);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();
  tmpdir = hark_test_make_tmpdir ("session-sync");
  {
    /* A cache of this run's own: the first recognition is real, later ones hit it. */
    g_autofree char *cache = g_build_filename (tmpdir, "cache", NULL);

    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  if (!hark_recognizer_check_available (&error))
    {
      g_test_message ("%s", error->message);
      return 77;
    }
  g_test_add_func ("/session/sync/refused", test_refused);
  g_test_add_func ("/session/sync/cancel", test_cancel);
  g_test_add_func ("/session/sync/align", test_align);
  g_test_add_func ("/session/sync/generate", test_generate);
  g_test_add_func ("/session/sync/resync", test_resync);
  status = g_test_run ();
  hark_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
