/* test-speaker-persons.c — the feed's people name the speakers only where that is proven
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "episode/hark-episode.h"
#include "episode/hark-speaker-persons.h"
#include "hark-test-util.h"

static HarkFeedPerson *
person (const char *name, const char *role, const char *group)
{
  HarkFeedPerson *p = g_new0 (HarkFeedPerson, 1);

  p->name = g_strdup (name);
  p->role = g_strdup (role);
  p->group = g_strdup (group);
  return p;
}

/* @people: "Name|role|group" entries, NULL-terminated. */
static GPtrArray *
make_persons (const char *const *people)
{
  GPtrArray *persons = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_person_free);

  for (guint i = 0; people[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (people[i], "|", 3);
      g_ptr_array_add (persons, person (f[0], f[1], f[2]));
    }
  return persons;
}

static HarkTranscript *
make_transcript (const char *const *speakers)
{
  g_autoptr (HarkTranscriptBuilder) builder = hark_transcript_builder_new ();

  for (guint i = 0; speakers[i]; i++)
    {
      int s = hark_transcript_builder_add_speaker (builder, speakers[i], speakers[i]);
      hark_transcript_builder_add_turn (builder, i * 5.0, i * 5.0 + 4, "Words.", s, 1);
    }
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}

/* Plans for @speakers and @people; @expected: "Name|role" or "-" (unchanged) per speaker. */
static void
check (const char *const *speakers, const char *const *people, const char *const *expected)
{
  g_autoptr (HarkTranscript) t = make_transcript (speakers);
  g_autoptr (GPtrArray) persons = make_persons (people);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  guint changed = hark_speaker_persons_plan (t, persons, names, roles, notes);
  guint want = 0;

  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) speakers));
  for (guint i = 0; expected[i]; i++)
    {
      if (strcmp (expected[i], "-") == 0)
        {
          g_assert_null (names->pdata[i]);
          g_assert_null (roles->pdata[i]);
          continue;
        }
      {
        g_auto (GStrv) f = g_strsplit (expected[i], "|", 2);
        /* NULL name: the speaker's own spelling is the person's. */
        g_assert_cmpstr (names->pdata[i] ? names->pdata[i] : speakers[i], ==, f[0]);
        g_assert_cmpstr (roles->pdata[i], ==, f[1]);
        want++;
      }
    }
  g_assert_cmpuint (changed, ==, want);
  g_assert_cmpuint (notes->len, ==, want);
}

static void
test_one_label_one_person (void)
{
  const char *speakers[] = { "Speaker 1", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", NULL };
  const char *expected[] = { "Ada Lovelace|host", NULL };
  check (speakers, people, expected);
}

static void
test_two_labels_two_persons_stay (void)
{
  /* Nothing says which voice is the host's. */
  const char *speakers[] = { "SPEAKER_00", "SPEAKER_01", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", "Alan Turing|guest|cast", NULL };
  const char *expected[] = { "-", "-", NULL };
  check (speakers, people, expected);
}

static void
test_role_labels (void)
{
  const char *speakers[] = { "Host", "Guest", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", "Alan Turing|guest|cast", NULL };
  const char *expected[] = { "Ada Lovelace|host", "Alan Turing|guest", NULL };
  check (speakers, people, expected);
}

static void
test_role_label_ambiguous (void)
{
  /* Two hosts in the feed: "Host" could be either; then two persons are left for one label. */
  const char *speakers[] = { "Host", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", "Grace Hopper|host|cast", NULL };
  const char *expected[] = { "-", NULL };
  check (speakers, people, expected);
}

static void
test_first_name_then_the_one_left (void)
{
  const char *speakers[] = { "Ada", "Speaker 2", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", "Alan Turing|guest|cast", NULL };
  const char *expected[] = { "Ada Lovelace|host", "Alan Turing|guest", NULL };
  check (speakers, people, expected);
}

static void
test_real_names_never_replaced (void)
{
  /* Grace is not in the feed: she keeps her name; the feed's Ada is not forced on anyone
   * named. */
  const char *speakers[] = { "Grace Hopper", "Kim", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", "Kim Scott|guest|cast",
                           "Kim Lee|guest|cast", NULL };
  const char *expected[] = { "-", "-", NULL };
  check (speakers, people, expected);
}

static void
test_same_name_other_spelling (void)
{
  const char *speakers[] = { "ADA  LOVELACE", NULL };
  const char *people[] = { "Ada Lovelace|host|cast", NULL };
  const char *expected[] = { "Ada Lovelace|host", NULL };
  check (speakers, people, expected);
}

static void
test_crew_do_not_speak (void)
{
  const char *speakers[] = { "Speaker 1", NULL };
  const char *people[] = { "Bob Art|cover art designer|visuals", "Ada Lovelace|host|cast",
                           "Eve Edit|editor|audio post-production", NULL };
  const char *expected[] = { "Ada Lovelace|host", NULL };
  check (speakers, people, expected);
}

static void
test_no_speakers_no_persons (void)
{
  const char *none[] = { NULL };
  const char *people[] = { "Ada Lovelace|host|cast", NULL };
  const char *speakers[] = { "Speaker 1", NULL };
  const char *expected[] = { "-", NULL };
  check (none, people, none);
  check (speakers, none, expected);
}

/* A downloaded episode: the transcript says "Speaker 1", the persons file says who. */
static void
test_episode_load_applies_persons (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("persons");
  g_autofree char *audio = g_build_filename (dir, "ep.mp3", NULL);
  g_autofree char *vtt = g_build_filename (dir, "ep.vtt", NULL);
  g_autofree char *persons_path = hark_speaker_persons_path (audio);
  const char *people[] = { "Ada Lovelace|host|cast", "Bob Art|cover art designer|visuals", NULL };
  g_autoptr (GPtrArray) persons = make_persons (people);
  g_autoptr (GPtrArray) read_back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkEpisode) episode = NULL;
  HarkTranscript *t;
  const GPtrArray *sources;
  gboolean found = FALSE;

  g_assert_cmpstr (strrchr (persons_path, '/') + 1, ==, "ep.persons.json");
  g_assert_true (g_file_set_contents (audio, "not really audio", -1, NULL));
  g_assert_true (g_file_set_contents (
      vtt, "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Speaker 1>Welcome.\n\n"
           "00:00:02.000 --> 00:00:04.000\n<v Speaker 1>Today, numbers.\n", -1, NULL));
  g_assert_true (hark_speaker_persons_write (persons_path, persons, &error));
  g_assert_no_error (error);
  read_back = hark_speaker_persons_read (persons_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_back->len, ==, 2);
  g_assert_cmpstr (((HarkFeedPerson *) read_back->pdata[1])->group, ==, "visuals");

  episode = hark_episode_load (audio, NULL, -1, &error);
  g_assert_no_error (error);
  t = hark_episode_get_transcript (episode);
  g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 1);
  g_assert_cmpstr (hark_transcript_get_speaker (t, 0)->name, ==, "Ada Lovelace");
  g_assert_cmpstr (hark_transcript_get_speaker (t, 0)->role, ==, "host");
  g_assert_cmpstr (hark_transcript_get_speaker (t, 0)->id, ==, "Speaker 1");
  sources = hark_episode_get_sources (episode);
  for (guint i = 0; i < sources->len; i++)
    {
      const HarkSidecarUse *use = sources->pdata[i];
      /* The persons file is never taken for a transcript. */
      g_assert_true (g_strcmp0 (use->role, "persons") == 0 || !g_str_has_suffix (use->path, ".persons.json"));
      if (g_strcmp0 (use->role, "persons") == 0)
        {
          found = TRUE;
          g_assert_nonnull (strstr (use->reason, "Ada Lovelace"));
        }
    }
  g_assert_true (found);
  g_assert_null (hark_episode_get_warnings (episode)[0]);

  /* A broken persons file is a warning; the transcript stays as it was. */
  g_assert_true (g_file_set_contents (persons_path, "{\"not\": \"a list\"}", -1, NULL));
  g_clear_pointer (&episode, hark_episode_unref);
  episode = hark_episode_load (audio, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hark_transcript_get_speaker (hark_episode_get_transcript (episode), 0)->name,
                   ==, "Speaker 1");
  g_assert_nonnull (hark_episode_get_warnings (episode)[0]);
  g_assert_nonnull (strstr (hark_episode_get_warnings (episode)[0], "ep.persons.json"));
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/speaker-persons/one-label-one-person", test_one_label_one_person);
  g_test_add_func ("/speaker-persons/two-labels-two-persons-stay",
                   test_two_labels_two_persons_stay);
  g_test_add_func ("/speaker-persons/role-labels", test_role_labels);
  g_test_add_func ("/speaker-persons/role-label-ambiguous", test_role_label_ambiguous);
  g_test_add_func ("/speaker-persons/first-name-then-the-one-left",
                   test_first_name_then_the_one_left);
  g_test_add_func ("/speaker-persons/real-names-never-replaced", test_real_names_never_replaced);
  g_test_add_func ("/speaker-persons/same-name-other-spelling", test_same_name_other_spelling);
  g_test_add_func ("/speaker-persons/crew-do-not-speak", test_crew_do_not_speak);
  g_test_add_func ("/speaker-persons/no-speakers-no-persons", test_no_speakers_no_persons);
  g_test_add_func ("/speaker-persons/episode-load", test_episode_load_applies_persons);
  return g_test_run ();
}
