/* test-session.c — skip / offer / Unskip / time saved through HarkSession, headless
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window, `hark-cli play` and MPRIS all drive these same code paths. A small episode is
 * written for each test: a 14 s tone and a hark.json with two speakers' turns and these
 * segments (entry index: what, policy by default):
 *   0: 0.0–2.0 sponsor (skip; a segment at 0:00)
 *   1: 4.0–5.0 sponsor (skip) } back to back: one range 4–6, id 1
 *   2: 5.0–6.0 sponsor (skip) }
 *   3: 8.0–9.5 selfpromo (ask: offered)
 * Playback goes to the null output in real time, mostly at 3× so each case takes seconds. The
 * positions checked are those heard (the player's clock), sampled every few milliseconds.
 */
#include <glib/gstdio.h>
#include <math.h>

#include "hark-test-util.h"
#include "audio/hark-seek-index.h"
#include "session/hark-session-load.h"
#include "session/hark-session.h"
#include "util/hark-limits.h"

#define DURATION 14.0
#define RATE 16000

typedef struct
{
  HarkSessionEventType type;
  double position;
  HarkSkipRange range;
  int segment;
  gboolean counted;
} Recorded;

typedef struct
{
  char *dir;
  char *audio;
  HarkSession *session;
  GArray *events; /* Recorded */
  GArray *positions; /* double: heard positions sampled since the last mark */
} Fixture;

static void
write_wav (const char *path)
{
  guint n = (guint) (DURATION * RATE);
  g_autofree gint16 *samples = g_new (gint16, n);
  guint8 header[44] = "RIFF....WAVEfmt ";
  guint32 v;
  g_autoptr (GByteArray) file = g_byte_array_new ();
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    samples[i] = (gint16) (8000 * sin (2 * G_PI * 440 * i / RATE));
#define PUT32(off, x) (v = GUINT32_TO_LE (x), memcpy (header + (off), &v, 4))
#define PUT16(off, x) (header[off] = (x) & 0xff, header[(off) + 1] = ((x) >> 8) & 0xff)
  PUT32 (4, 36 + n * 2);
  PUT32 (16, 16);
  PUT16 (20, 1);
  PUT16 (22, 1);
  PUT32 (24, RATE);
  PUT32 (28, RATE * 2);
  PUT16 (32, 2);
  PUT16 (34, 16);
  memcpy (header + 36, "data", 4);
  PUT32 (40, n * 2);
  g_byte_array_append (file, header, sizeof header);
  g_byte_array_append (file, (guint8 *) samples, n * 2);
  g_assert_true (g_file_set_contents (path, (char *) file->data, file->len, &error));
}

static const char sidecar[] =
  "{\"hark\": {\"format\": 1, \"media\": {\"duration\": 14.0},\n"
  " \"speakers\": [{\"id\": \"A\", \"name\": \"Alice\"}, {\"id\": \"B\", \"name\": \"Bob\"}],\n"
  " \"turns\": [\n"
  "  {\"speaker\": \"A\", \"start\": 0.0, \"end\": 2.0, \"text\": \"First a word from us.\"},\n"
  "  {\"speaker\": \"A\", \"start\": 2.0, \"end\": 4.0, \"text\": \"Welcome to the show.\"},\n"
  "  {\"speaker\": \"B\", \"start\": 4.0, \"end\": 7.0, \"text\": \"Thanks for having me.\"},\n"
  "  {\"speaker\": \"A\", \"start\": 7.0, \"end\": 10.0, \"text\": \"Tell us about it.\"},\n"
  "  {\"speaker\": \"B\", \"start\": 10.0, \"end\": 14.0, \"text\": \"It began in a shed.\"}],\n"
  " \"skips\": [\n"
  "  {\"start\": 0.0, \"end\": 2.0, \"category\": \"sponsor\"},\n"
  "  {\"start\": 4.0, \"end\": 5.0, \"category\": \"sponsor\"},\n"
  "  {\"start\": 5.0, \"end\": 6.0, \"category\": \"sponsor\"},\n"
  "  {\"start\": 8.0, \"end\": 9.5, \"category\": \"selfpromo\"}]}}\n";

static void
on_event (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  Fixture *f = user_data;
  Recorded r = { event->type, event->position, event->range, event->segment, event->counted };

  g_test_message ("event %d at %.3f (range %.3f–%.3f id %u, segment %d%s)", event->type,
                  event->position, event->range.start, event->range.end, event->range.id,
                  event->segment, event->counted ? ", counted" : "");
  g_array_append_val (f->events, r);
}

/* Runs the main loop until @done says so or @seconds pass (then the test fails). */
static void
run_until (Fixture *f, gboolean (*done) (Fixture *f, gpointer data), gpointer data,
           double seconds, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (f, data))
    {
      double position;

      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s (at %.3f)", what,
                 hark_session_get_position (f->session));
      g_main_context_iteration (NULL, FALSE);
      position = hark_session_get_position (f->session);
      g_array_append_val (f->positions, position);
      g_usleep (2000);
    }
}

static int
find_event (Fixture *f, HarkSessionEventType type, guint from)
{
  for (guint i = from; i < f->events->len; i++)
    if (g_array_index (f->events, Recorded, i).type == type)
      return (int) i;
  return -1;
}

static gboolean
has_event (Fixture *f, gpointer type)
{
  return find_event (f, GPOINTER_TO_INT (type), 0) >= 0;
}

static const Recorded *
wait_event (Fixture *f, HarkSessionEventType type, double seconds)
{
  run_until (f, has_event, GINT_TO_POINTER (type), seconds, "an event");
  return &g_array_index (f->events, Recorded, find_event (f, type, 0));
}

static gboolean
reached (Fixture *f, gpointer position)
{
  return hark_session_get_position (f->session) >= *(double *) position;
}

static void
wait_position (Fixture *f, double position, double seconds)
{
  run_until (f, reached, &position, seconds, "a position");
}

/* Forgets the events and positions seen so far. */
static void
mark (Fixture *f)
{
  g_array_set_size (f->events, 0);
  g_array_set_size (f->positions, 0);
}

static guint
count_heard_in (Fixture *f, double a, double b)
{
  guint n = 0;

  for (guint i = 0; i < f->positions->len; i++)
    {
      double p = g_array_index (f->positions, double, i);

      n += p > a && p < b;
    }
  return n;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = hark_test_make_tmpdir ("session");
  f->audio = g_build_filename (f->dir, "episode.wav", NULL);
  write_wav (f->audio);
  json = g_build_filename (f->dir, "episode.hark.json", NULL);
  g_assert_true (g_file_set_contents (json, sidecar, -1, &error));
  f->events = g_array_new (FALSE, FALSE, sizeof (Recorded));
  f->positions = g_array_new (FALSE, FALSE, sizeof (double));
  f->session = hark_session_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), NULL, NULL);
  hark_session_add_listener (f->session, on_event, f, NULL);

  if (data == NULL)
    return;
  hark_session_open (f->session, f->audio, NULL);
  wait_event (f, HARK_SESSION_EVENT_LOADED, 10);
  g_assert_cmpfloat_with_epsilon (hark_session_get_snapshot (f->session)->duration, DURATION,
                                  0.01);
  g_assert_nonnull (hark_session_get_reading (f->session));
  mark (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  hark_session_free (f->session);
  g_array_unref (f->events);
  g_array_unref (f->positions);
  hark_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->audio);
}

static const Recorded *
only_skip (Fixture *f)
{
  int i = find_event (f, HARK_SESSION_EVENT_SKIP, 0);

  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_SKIP, i + 1), <, 0);
  return &g_array_index (f->events, Recorded, i);
}

/* ------------------------------------------------------------------------------------------ */

/* The segment at 0:00 is skipped from the start; Unskip plays it and it is not skipped again
 * (a seek to 0 is no deliberate seek into a range, so the session must take the range off). */
static void
test_zero_start (Fixture *f, gconstpointer data)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (f->session);
  const Recorded *skip;

  hark_session_set_speed (f->session, 3.0);
  g_assert_true (hark_session_play (f->session));
  skip = wait_event (f, HARK_SESSION_EVENT_SKIP, 5);
  g_assert_cmpfloat (skip->range.start, ==, 0.0);
  g_assert_cmpfloat (skip->range.end, ==, 2.0);
  g_assert_cmpint (skip->segment, ==, 0);
  g_assert_true (skip->counted);
  g_assert_cmpfloat_with_epsilon (snap->time_saved, 2.0, 1e-9);
  g_assert_true (snap->can_unskip);
  g_assert_true (hark_session_was_skipped (f->session, 0));
  g_assert_cmpuint (count_heard_in (f, 0.05, 1.95), ==, 0);

  mark (f);
  g_assert_true (hark_session_unskip (f->session));
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_UNSKIP, 0), ==, 0);
  g_assert_cmpfloat (snap->time_saved, ==, 0.0);
  g_assert_false (snap->can_unskip);
  wait_position (f, 2.5, 5);
  /* The read was heard this time, and not jumped over again. */
  g_assert_cmpuint (count_heard_in (f, 0.2, 1.9), >, 10);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_SKIP, 0), <, 0);
  /* A second Unskip has nothing to undo. */
  g_assert_false (hark_session_unskip (f->session));
}

/* Two touching segments are one jump, one toast, their whole length saved. */
static void
test_back_to_back (Fixture *f, gconstpointer data)
{
  const Recorded *skip;

  g_assert_true (hark_session_seek (f->session, 3.0));
  hark_session_set_speed (f->session, 3.0);
  hark_session_play (f->session);
  wait_position (f, 7.0, 5);
  skip = only_skip (f);
  g_assert_cmpfloat (skip->range.start, ==, 4.0);
  g_assert_cmpfloat (skip->range.end, ==, 6.0);
  g_assert_cmpint (skip->segment, ==, 1);
  g_assert_true (skip->counted);
  g_assert_cmpfloat_with_epsilon (hark_session_get_snapshot (f->session)->time_saved, 2.0, 1e-9);
  g_assert_cmpuint (count_heard_in (f, 4.05, 5.95), ==, 0);
  g_assert_cmpuint (count_heard_in (f, 3.2, 3.95), >, 10);
}

/* A deliberate seek into a range plays it; a seek to before it skips it (once per pass). */
static void
test_seek_into_and_out (Fixture *f, gconstpointer data)
{
  g_assert_true (hark_session_seek (f->session, 4.5));
  hark_session_set_speed (f->session, 3.0);
  hark_session_play (f->session);
  wait_position (f, 6.3, 5);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_SKIP, 0), <, 0);
  g_assert_cmpuint (count_heard_in (f, 4.6, 5.9), >, 10);

  mark (f);
  g_assert_true (hark_session_seek (f->session, 3.5));
  wait_position (f, 6.3, 5);
  g_assert_cmpfloat (only_skip (f)->range.start, ==, 4.0);
  g_assert_true (only_skip (f)->counted);
  g_assert_cmpuint (count_heard_in (f, 4.05, 5.95), ==, 0);

  /* Back before it again: skipped again, but counted once per pass. */
  mark (f);
  g_assert_true (hark_session_seek (f->session, 3.5));
  wait_position (f, 6.3, 5);
  g_assert_false (only_skip (f)->counted);
  g_assert_cmpfloat_with_epsilon (hark_session_get_snapshot (f->session)->time_saved, 2.0, 1e-9);
}

static gboolean
ended (Fixture *f, gpointer data)
{
  return find_event (f, HARK_SESSION_EVENT_END, 0) >= 0;
}

/* Playing again after the end is a new pass: the 0:00 segment is skipped and counted again. */
static void
test_second_pass (Fixture *f, gconstpointer data)
{
  hark_session_set_speed (f->session, 3.0);
  hark_session_play (f->session);
  g_assert_true (wait_event (f, HARK_SESSION_EVENT_SKIP, 5)->counted);
  hark_session_seek (f->session, 12.5);
  run_until (f, ended, NULL, 5, "the end");
  g_assert_cmpint (hark_session_get_snapshot (f->session)->state, ==, HARK_PLAYER_STATE_ENDED);

  mark (f);
  g_assert_true (hark_session_play (f->session));
  wait_position (f, 2.5, 5);
  g_assert_cmpfloat (only_skip (f)->range.start, ==, 0.0);
  g_assert_true (only_skip (f)->counted);
  g_assert_cmpfloat_with_epsilon (hark_session_get_snapshot (f->session)->time_saved, 4.0, 1e-9);
  g_assert_cmpuint (count_heard_in (f, 0.05, 1.95), ==, 0);
}

/* An "ask" segment is offered while it plays; a speed change inside keeps the offer; taking it
 * jumps to its end and saves what was left; Unskip goes back to where it was taken. */
static void
test_offer_speed_skip_unskip (Fixture *f, gconstpointer data)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (f->session);
  const Recorded *e;
  double taken;

  g_assert_false (hark_session_skip_offered (f->session)); /* nothing offered at 0 */
  hark_session_seek (f->session, 8.1);
  e = wait_event (f, HARK_SESSION_EVENT_OFFER_STARTED, 2);
  g_assert_cmpint (e->segment, ==, 3);
  g_assert_cmpint (snap->offer_segment, ==, 3);
  hark_session_play (f->session);
  wait_position (f, 8.3, 3);
  g_assert_true (hark_session_set_speed (f->session, 2.0));
  wait_position (f, 8.6, 3);
  g_assert_cmpint (snap->offer_segment, ==, 3);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_OFFER_ENDED, 0), <, 0);

  mark (f);
  taken = hark_session_get_position (f->session);
  g_assert_true (hark_session_skip_offered (f->session));
  e = &g_array_index (f->events, Recorded, find_event (f, HARK_SESSION_EVENT_SKIP, 0));
  g_assert_true (e->counted);
  g_assert_cmpint (e->segment, ==, 3);
  g_assert_cmpfloat (e->range.end, ==, 9.5);
  g_assert_cmpfloat_with_epsilon (snap->time_saved, 9.5 - e->range.start, 1e-9);
  g_assert_cmpfloat_with_epsilon (e->range.start, taken, 0.2);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_OFFER_ENDED, 0), >=, 0);
  g_assert_cmpint (snap->offer_segment, ==, -1);
  wait_position (f, 9.8, 3);
  g_assert_cmpuint (count_heard_in (f, taken + 0.1, 9.45), ==, 0);

  mark (f);
  g_assert_true (hark_session_unskip (f->session));
  g_assert_cmpfloat (snap->time_saved, ==, 0.0);
  wait_event (f, HARK_SESSION_EVENT_OFFER_STARTED, 3);
  wait_position (f, 9.6, 3);
  g_assert_cmpuint (count_heard_in (f, taken + 0.1, 9.4), >, 10);
}

/* The policy decides what is skipped, at once, for the episode that is open. */
static void
test_policy_change (Fixture *f, gconstpointer data)
{
  HarkSkipPolicy policy = *hark_session_get_policy (f->session);
  const HarkSegmentEntry *entries;
  guint n;

  g_assert_true (hark_skip_policy_parse_override (&policy, "sponsor=mark", NULL));
  g_assert_true (hark_skip_policy_parse_override (&policy, "selfpromo=skip", NULL));
  hark_session_set_policy (f->session, &policy);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_SEGMENTS, 0), >=, 0);
  entries = hark_segment_list_get (hark_session_get_segments (f->session), &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (entries[0].action, ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpint (entries[3].action, ==, HARK_SKIP_ACTION_SKIP);

  hark_session_set_speed (f->session, 3.0);
  hark_session_play (f->session);
  wait_position (f, 10.0, 6);
  g_assert_cmpfloat (only_skip (f)->range.start, ==, 8.0);
  g_assert_cmpfloat (only_skip (f)->range.end, ==, 9.5);
  g_assert_cmpuint (count_heard_in (f, 0.2, 1.9), >, 10);
  g_assert_cmpuint (count_heard_in (f, 4.2, 5.9), >, 10);
  g_assert_cmpuint (count_heard_in (f, 8.05, 9.45), ==, 0);
  /* No "ask" left, so nothing was offered. */
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_OFFER_STARTED, 0), <, 0);
}

/* Unskip lasts HARK_SKIP_TRACKER_UNSKIP_WINDOW seconds of playback after the jump. */
static void
test_unskip_expiry (Fixture *f, gconstpointer data)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (f->session);

  hark_session_set_speed (f->session, 3.0);
  hark_session_play (f->session);
  wait_event (f, HARK_SESSION_EVENT_SKIP, 3);
  g_assert_true (snap->can_unskip);
  /* Past the next range, so that the skip at 0:00 stays the last one. */
  hark_session_seek (f->session, 7.0);
  wait_position (f, 11.5, 6);
  g_assert_true (snap->can_unskip);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_UNSKIP_ENDED, 0), <, 0);
  wait_event (f, HARK_SESSION_EVENT_UNSKIP_ENDED, 3);
  g_assert_cmpfloat (hark_session_get_position (f->session), >=, 2.0 + 10.0);
  g_assert_false (snap->can_unskip);
  g_assert_false (hark_session_unskip (f->session));
  g_assert_cmpfloat_with_epsilon (snap->time_saved, 2.0, 1e-9);
}

/* Nothing open: every command is refused and nothing breaks. */
static void
test_nothing_open (Fixture *f, gconstpointer data)
{
  g_assert_false (hark_session_play (f->session));
  g_assert_false (hark_session_pause (f->session));
  g_assert_false (hark_session_seek (f->session, 3));
  g_assert_false (hark_session_next_turn (f->session, 1));
  g_assert_false (hark_session_skip_offered (f->session));
  g_assert_false (hark_session_unskip (f->session));
  g_assert_cmpint (hark_session_get_snapshot (f->session)->duration, ==, -1);
  g_assert_cmpuint (f->events->len, ==, 0);
}

/* Numbers from outside: NaN and infinities are refused, huge values clamped, the rest held to
 * the named limits. */
static void
test_numbers (Fixture *f, gconstpointer data)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (f->session);
  const double huge = 9223372036854775808.0; /* 2^63 */

  g_assert_true (hark_session_seek (f->session, 5.0));
  g_assert_false (hark_session_seek (f->session, NAN));
  g_assert_false (hark_session_seek (f->session, INFINITY));
  g_assert_false (hark_session_seek (f->session, -INFINITY));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 5.0);
  g_assert_false (hark_session_seek_by (f->session, NAN));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 5.0);
  g_assert_true (hark_session_seek (f->session, huge));
  g_assert_cmpfloat_with_epsilon (hark_session_get_position (f->session), DURATION, 0.01);
  g_assert_true (hark_session_seek (f->session, -huge));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 0.0);
  g_assert_true (hark_session_seek (f->session, 7.0));
  g_assert_true (hark_session_seek (f->session, -3.0));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 0.0);
  g_assert_true (hark_session_seek (f->session, 0.0));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 0.0);
  g_assert_true (hark_session_seek_by (f->session, huge));
  g_assert_cmpfloat_with_epsilon (hark_session_get_position (f->session), DURATION, 0.01);
  g_assert_true (hark_session_seek_by (f->session, -huge));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 0.0);

  g_assert_true (hark_session_set_speed (f->session, 1.5));
  g_assert_false (hark_session_set_speed (f->session, NAN));
  g_assert_false (hark_session_set_speed (f->session, INFINITY));
  g_assert_cmpfloat (snap->speed, ==, 1.5);
  g_assert_true (hark_session_set_speed (f->session, 0));
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MIN);
  g_assert_true (hark_session_set_speed (f->session, -2));
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MIN);
  g_assert_true (hark_session_set_speed (f->session, huge));
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MAX);
  g_assert_true (hark_session_set_speed (f->session, -huge));
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MIN);

  g_assert_true (hark_session_set_volume (f->session, 0.25));
  g_assert_false (hark_session_set_volume (f->session, NAN));
  g_assert_false (hark_session_set_volume (f->session, -INFINITY));
  g_assert_cmpfloat (snap->volume, ==, 0.25);
  g_assert_true (hark_session_set_volume (f->session, -1));
  g_assert_cmpfloat (snap->volume, ==, HARK_VOLUME_MIN);
  g_assert_true (hark_session_set_volume (f->session, huge));
  g_assert_cmpfloat (snap->volume, ==, HARK_VOLUME_MAX);
  g_assert_true (hark_session_set_volume (f->session, 0));
  g_assert_cmpfloat (snap->volume, ==, 0.0);

  g_assert_false (hark_session_seek_to_turn (f->session, -1));
  g_assert_false (hark_session_seek_to_turn (f->session, 5));
  g_assert_false (hark_session_seek_to_turn (f->session, G_MININT));
  g_assert_false (hark_session_next_answer (f->session, 2, 1));
  g_assert_false (hark_session_next_answer (f->session, -1, 1));
  g_assert_true (hark_session_seek_to_turn (f->session, 4));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 10.0);
}

/* Turns: next / previous, the next answer of a speaker, and the turn events and snapshot. */
static void
test_turns (Fixture *f, gconstpointer data)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (f->session);

  g_assert_cmpint (snap->turn, ==, 0);
  g_assert_true (hark_session_next_turn (f->session, 1));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 2.0);
  g_assert_cmpint (snap->turn, ==, 1);
  g_assert_cmpstr (snap->turn_text, ==, "Welcome to the show.");
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_TURN, 0), >=, 0);
  g_assert_true (hark_session_next_answer (f->session, 1, 1)); /* Bob */
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 4.0);
  g_assert_true (hark_session_next_answer (f->session, 1, 1));
  g_assert_cmpfloat (hark_session_get_position (f->session), ==, 10.0);
  g_assert_false (hark_session_next_answer (f->session, 1, 1));
  g_assert_false (snap->can_next);
  g_assert_true (hark_session_next_turn (f->session, -1));
  g_assert_cmpfloat (hark_session_get_position (f->session), <, 10.0);
  g_assert_cmpstr (snap->title, ==, "episode");
}

static void
on_event_remove_self (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  guint *calls = user_data;

  if (++calls[0] == 1)
    hark_session_remove_listener (session, calls[1]);
}

/* Any number of listeners; one may leave from inside an event. */
static void
test_listeners (Fixture *f, gconstpointer data)
{
  guint calls[2] = { 0, 0 };
  guint before = f->events->len;

  calls[1] = hark_session_add_listener (f->session, on_event_remove_self, calls, NULL);
  hark_session_set_volume (f->session, 0.5);
  hark_session_set_volume (f->session, 0.6);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (f->events->len, ==, before + 2);
}

typedef struct
{
  double lowest;     /* the player's volume, lowest seen */
  double last;
  gboolean rose;     /* it went up again before the pause: no fade */
} Fade;

static gboolean
paused_by_timer (Fixture *f, gpointer data)
{
  Fade *fade = data;
  double volume = hark_player_get_volume (hark_session_get_player (f->session));

  if (hark_session_get_snapshot (f->session)->state == HARK_PLAYER_STATE_PLAYING)
    {
      fade->rose |= volume > fade->last + 1e-6;
      fade->last = volume;
      fade->lowest = MIN (fade->lowest, volume);
    }
  return hark_session_get_snapshot (f->session)->state != HARK_PLAYER_STATE_PLAYING;
}

static gboolean
is_playing (Fixture *f, gpointer data)
{
  return hark_session_get_snapshot (f->session)->state == HARK_PLAYER_STATE_PLAYING;
}

static gboolean
waited (Fixture *f, gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* The sleep timer counts listening time only, fades the sound out over its last seconds, then
 * pauses and gives the volume back; the listener's volume is untouched throughout. */
static void
test_sleep_timer (Fixture *f, gconstpointer data)
{
  const double minutes = 10.6 / 60; /* the fade (10 s) nearly from the start */
  Fade fade = { 1.0, 1.0, FALSE };
  gint64 until;
  double remaining;

  g_assert_true (hark_session_set_volume (f->session, 0.8));
  g_assert_true (hark_session_set_sleep (f->session, HARK_SLEEP_AFTER_MINUTES, minutes));
  g_assert_cmpint (hark_session_get_sleep_mode (f->session), ==, HARK_SLEEP_AFTER_MINUTES);
  /* Paused, time does not count. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  run_until (f, waited, &until, 5, "a second");
  remaining = hark_session_get_sleep_remaining (f->session);
  g_assert_cmpfloat (fabs (remaining - minutes * 60), <, 0.05);

  g_assert_true (hark_session_seek (f->session, 6.0));
  hark_session_set_speed (f->session, 0.5);
  g_assert_true (hark_session_play (f->session));
  run_until (f, is_playing, NULL, 5, "playback to start");
  run_until (f, paused_by_timer, &fade, 20, "the sleep timer to pause");
  g_test_message ("volume fell to %.3f before the pause", fade.lowest);
  g_assert_cmpint (hark_session_get_snapshot (f->session)->state, ==, HARK_PLAYER_STATE_PAUSED);
  /* It ran out, not the episode. */
  g_assert_cmpfloat (hark_session_get_position (f->session), <, DURATION - 0.5);
  g_assert_false (fade.rose);
  g_assert_cmpfloat (fade.lowest, <, 0.8 * 0.2);
  g_assert_cmpint (hark_session_get_sleep_mode (f->session), ==, HARK_SLEEP_OFF);
  g_assert_cmpfloat (hark_player_get_volume (hark_session_get_player (f->session)), ==, 0.8);
  g_assert_cmpfloat (hark_session_get_snapshot (f->session)->volume, ==, 0.8);

  /* Off again: nothing fades. */
  g_assert_true (hark_session_set_sleep (f->session, HARK_SLEEP_END_OF_EPISODE, 0));
  g_assert_true (hark_session_set_sleep (f->session, HARK_SLEEP_OFF, 0));
  g_assert_cmpfloat (hark_session_get_sleep_remaining (f->session), <, 0);
}

static gboolean
no_load_threads (Fixture *f, gpointer data)
{
  return hark_session_load_get_n_running () == 0;
}

/* Opening a long MP3 without a table of contents means indexing it first, on the worker: the
 * session hears how far that got; closing (as the window does when it closes) or opening
 * another episode cancels it there, and only the new episode opens. */
static void
test_long_scan (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.mp3", NULL);
  g_autoptr (GError) error = NULL;
  const HarkSessionSnapshot *snap;
  HarkSeekIndex *index;
  gint64 start;
  double full, stopped;

  if (!hark_test_make_long_mp3 (path, 100))
    return;
  /* How long the whole scan takes on this machine, now. */
  start = g_get_monotonic_time ();
  index = hark_seek_index_build (path, -1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  hark_seek_index_free (index);
  full = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a whole scan takes %.2f s", full);

  /* Progress while the audio opens. */
  g_assert_cmpuint (hark_session_load_get_n_running (), ==, 0);
  hark_session_open (f->session, path, NULL);
  wait_event (f, HARK_SESSION_EVENT_PROGRESS, 30);
  snap = hark_session_get_snapshot (f->session);
  g_assert_cmpfloat (snap->open_progress, >, 0);
  g_assert_cmpfloat (snap->open_progress, <, 1);
  g_assert_true (hark_session_is_loading (f->session));
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_OPENED, 0), <, 0);

  /* Closed: the worker stops where it is, long before the scan would have ended. */
  start = g_get_monotonic_time ();
  hark_session_close (f->session);
  run_until (f, no_load_threads, NULL, 30, "the worker to stop");
  stopped = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("stopped %.3f s after closing", stopped);
  g_assert_cmpfloat (stopped, <, full / 2);
  g_assert_cmpfloat (hark_session_get_snapshot (f->session)->open_progress, ==, -1);

  /* Another episode opened during the scan: that one opens, nothing more of the long one. */
  mark (f);
  hark_session_open (f->session, path, NULL);
  wait_event (f, HARK_SESSION_EVENT_PROGRESS, 30);
  mark (f);
  hark_session_open (f->session, f->audio, NULL);
  wait_event (f, HARK_SESSION_EVENT_LOADED, 30);
  run_until (f, no_load_threads, NULL, 30, "the workers to stop");
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_PROGRESS, 0), <, 0);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_OPENED, 0), >=, 0);
  g_assert_cmpint (find_event (f, HARK_SESSION_EVENT_OPENED,
                               find_event (f, HARK_SESSION_EVENT_OPENED, 0) + 1), <, 0);
  snap = hark_session_get_snapshot (f->session);
  g_assert_cmpstr (snap->path, ==, f->audio);
  g_assert_cmpfloat_with_epsilon (snap->duration, DURATION, 0.01);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn, open)                                                                   \
  g_test_add ("/session/" path, Fixture, GINT_TO_POINTER (open), fixture_set_up, fn,          \
              fixture_tear_down)
  ADD ("skip/zero-start", test_zero_start, 1);
  ADD ("skip/back-to-back", test_back_to_back, 1);
  ADD ("skip/seek-into-and-out", test_seek_into_and_out, 1);
  ADD ("skip/second-pass", test_second_pass, 1);
  ADD ("skip/offer-speed-unskip", test_offer_speed_skip_unskip, 1);
  ADD ("skip/policy-change", test_policy_change, 1);
  ADD ("skip/unskip-expiry", test_unskip_expiry, 1);
  ADD ("commands/nothing-open", test_nothing_open, 0);
  ADD ("commands/numbers", test_numbers, 1);
  ADD ("commands/turns", test_turns, 1);
  ADD ("listeners", test_listeners, 1);
  ADD ("sleep-timer", test_sleep_timer, 1);
  ADD ("open/long-scan-progress-and-cancel", test_long_scan, 0);
  return g_test_run ();
}
