/* test-episode.c — loading an episode: discovery, merge, round trips, problems
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "episode-test-util.h"
#include "episode/hark-episode.h"
#include "util/hark-error.h"
#include "formats/hark-sidecar.h"
#include "hark-test-util.h"
#include "formats/hark-writer.h"

#define TIME_EPSILON 0.0015 /* writers keep milliseconds */

static void
test_ep189_discovery (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (GError) error = NULL;
  const GPtrArray *sources;
  const HarkSidecarUse *use;

  if (audio == NULL)
    return;
  episode = hark_episode_load (audio, NULL, 3551.58, &error);
  g_assert_no_error (error);
  sources = hark_episode_get_sources (episode);
  g_assert_cmpuint (sources->len, ==, 2);
  use = g_ptr_array_index (sources, 0);
  g_assert_true (g_str_has_suffix (use->path, "/ep189.vtt"));
  g_assert_cmpstr (use->role, ==, "timed");
  g_assert_cmpstr (use->format, ==, "webvtt");
  g_assert_cmpstr (use->reason, ==, "found beside the audio as ep189.vtt");
  use = g_ptr_array_index (sources, 1);
  g_assert_true (g_str_has_suffix (use->path, "/ep189.transcript.txt"));
  g_assert_cmpstr (use->role, ==, "speakers");
  g_assert_cmpfloat (hark_episode_get_merge_coverage (episode), >, 0.9);
  g_assert_false (hark_episode_has_duration_mismatch (episode));
  g_assert_cmpuint (hark_transcript_get_n_speakers (hark_episode_get_transcript (episode)), ==, 2);
  assert_matches_truth (hark_episode_get_transcript (episode));
}

static void
test_ep189_explicit (void)
{
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  g_autofree char *txt = hark_test_fixture ("ep189/ep189.transcript.txt");
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (GError) error = NULL;

  if (vtt == NULL || txt == NULL)
    return;
  {
    const char *sidecars[] = { txt, vtt, NULL };

    episode = hark_episode_load (NULL, sidecars, -1, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (((HarkSidecarUse *) g_ptr_array_index (hark_episode_get_sources (episode), 0))
                       ->reason,
                   ==, "given on the command line");
  g_assert_cmpuint (hark_episode_get_unused (episode)->len, ==, 0);
  assert_matches_truth (hark_episode_get_transcript (episode));
}

static HarkTranscript *
load_ep189 (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  g_autoptr (HarkEpisode) episode = NULL;

  if (audio == NULL)
    return NULL;
  episode = hark_episode_load (audio, NULL, 3551.58, NULL);
  return hark_transcript_ref (hark_episode_get_transcript (episode));
}

static void
assert_same_cues (HarkTranscript *a, HarkTranscript *b)
{
  guint n_a, n_b;
  const HarkCue *ca = hark_transcript_get_cues (a, &n_a);
  const HarkCue *cb = hark_transcript_get_cues (b, &n_b);

  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpfloat_with_epsilon (ca[i].start, cb[i].start, TIME_EPSILON);
      g_assert_cmpfloat_with_epsilon (ca[i].end, cb[i].end, TIME_EPSILON);
      g_assert_cmpstr (ca[i].text, ==, cb[i].text);
      g_assert_cmpint (ca[i].speaker >= 0, ==, cb[i].speaker >= 0);
      if (ca[i].speaker >= 0)
        g_assert_cmpstr (hark_transcript_get_speaker (a, ca[i].speaker)->name, ==,
                         hark_transcript_get_speaker (b, cb[i].speaker)->name);
      g_assert_cmpuint (ca[i].n_words, ==, cb[i].n_words);
    }
}

static void
assert_same_turns (HarkTranscript *a, HarkTranscript *b, gboolean compare_text)
{
  guint n_a, n_b;
  const HarkTurn *ta = hark_transcript_get_turns (a, &n_a);
  const HarkTurn *tb = hark_transcript_get_turns (b, &n_b);

  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpfloat_with_epsilon (ta[i].start, tb[i].start, TIME_EPSILON);
      g_assert_cmpstr (hark_transcript_get_speaker (a, ta[i].speaker)->name, ==,
                       hark_transcript_get_speaker (b, tb[i].speaker)->name);
      if (compare_text)
        {
          g_assert_cmpfloat_with_epsilon (ta[i].end, tb[i].end, TIME_EPSILON);
          g_assert_cmpstr (ta[i].text, ==, tb[i].text);
          g_assert_cmpfloat_with_epsilon (ta[i].evidence, tb[i].evidence, 0.001);
          g_assert_cmpuint (ta[i].first_cue, ==, tb[i].first_cue);
          g_assert_cmpuint (ta[i].n_cues, ==, tb[i].n_cues);
        }
    }
}

/* WebVTT keeps cues, voices and times; turns come back as runs of one voice. */
static void
test_vtt_round_trip (void)
{
  g_autoptr (HarkTranscript) merged = load_ep189 ();
  g_autoptr (HarkTranscript) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *vtt = NULL;
  HarkSidecarInfo info;

  if (merged == NULL)
    return;
  vtt = hark_writer_vtt (merged);
  back = hark_sidecar_read_data (vtt, strlen (vtt), "merged.vtt", HARK_SIDECAR_FORMAT_AUTO, &info,
                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, HARK_SIDECAR_FORMAT_WEBVTT);
  assert_same_cues (merged, back);
  assert_same_turns (merged, back, FALSE);
}

/* Hark's sidecar keeps everything: explicit turns with their text and evidence, chapters,
 * skips, the media's length and the note. */
static void
test_hark_json_round_trip (void)
{
  g_autoptr (HarkTranscript) merged = load_ep189 ();
  g_autoptr (HarkTranscriptBuilder) b = NULL;
  g_autoptr (HarkTranscript) full = NULL;
  g_autoptr (HarkTranscript) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  HarkSidecarInfo info;
  guint n_a, n_b;

  if (merged == NULL)
    return;
  /* Add what the merge does not produce, so every part of the format is exercised. */
  b = hark_transcript_builder_new ();
  for (guint i = 0; i < hark_transcript_get_n_speakers (merged); i++)
    hark_transcript_builder_add_speaker (b, hark_transcript_get_speaker (merged, i)->id,
                                         hark_transcript_get_speaker (merged, i)->name);
  {
    const HarkCue *cues = hark_transcript_get_cues (merged, &n_a);
    const HarkTurn *turns;

    for (guint i = 0; i < n_a; i++)
      {
        hark_transcript_builder_add_cue (b, cues[i].start, cues[i].end, cues[i].text,
                                         cues[i].speaker);
        if (i == 5)
          {
            hark_transcript_builder_add_word (b, cues[i].start, cues[i].start + 0.4, "one");
            hark_transcript_builder_add_word (b, cues[i].start + 0.5, cues[i].end, "two");
          }
      }
    turns = hark_transcript_get_turns (merged, &n_a);
    for (guint i = 0; i < n_a; i++)
      hark_transcript_builder_add_turn (b, turns[i].start, turns[i].end, turns[i].text,
                                        turns[i].speaker, turns[i].evidence);
  }
  hark_transcript_builder_add_chapter (b, 0, 1149.62, "Developer advocates", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 1149.62, 1202.85, "Linode", "https://linode.com/", FALSE);
  hark_transcript_builder_add_segment (b, 1149.62, 1202.85, HARK_CATEGORY_SPONSOR, "detected",
                                       "“This portion of Talk Python To Me is brought to you "
                                       "by”");
  hark_transcript_builder_add_segment (b, 3486.44, 3508.122, HARK_CATEGORY_SELFPROMO, "chapters",
                                       NULL);
  hark_transcript_builder_set_media_duration (b, 3551.58);
  hark_transcript_builder_set_source_note (b, "merged from ep189.vtt and ep189.transcript.txt");
  full = hark_transcript_builder_finish (g_steal_pointer (&b));

  json = hark_writer_hark_json (full, "ep189.opus", -1);
  back = hark_sidecar_read_data (json, strlen (json), "ep189.hark.json", HARK_SIDECAR_FORMAT_AUTO,
                                 &info, NULL, &error);
  if (g_error_matches (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, HARK_SIDECAR_FORMAT_HARK);
  g_assert_cmpuint (hark_transcript_get_n_speakers (back), ==,
                    hark_transcript_get_n_speakers (full));
  for (guint i = 0; i < hark_transcript_get_n_speakers (full); i++)
    {
      g_assert_cmpstr (hark_transcript_get_speaker (back, i)->id, ==,
                       hark_transcript_get_speaker (full, i)->id);
      g_assert_cmpstr (hark_transcript_get_speaker (back, i)->name, ==,
                       hark_transcript_get_speaker (full, i)->name);
    }
  assert_same_cues (full, back);
  assert_same_turns (full, back, TRUE);
  {
    const HarkWord *wa = hark_transcript_get_words (full, &n_a);
    const HarkWord *wb = hark_transcript_get_words (back, &n_b);

    g_assert_cmpuint (n_a, ==, n_b);
    for (guint i = 0; i < n_a; i++)
      {
        g_assert_cmpstr (wa[i].text, ==, wb[i].text);
        g_assert_cmpfloat_with_epsilon (wa[i].start, wb[i].start, TIME_EPSILON);
        g_assert_cmpfloat_with_epsilon (wa[i].end, wb[i].end, TIME_EPSILON);
      }
  }
  {
    const HarkChapter *ca = hark_transcript_get_chapters (full, &n_a);
    const HarkChapter *cb = hark_transcript_get_chapters (back, &n_b);

    g_assert_cmpuint (n_a, ==, n_b);
    for (guint i = 0; i < n_a; i++)
      {
        g_assert_cmpfloat_with_epsilon (ca[i].start, cb[i].start, TIME_EPSILON);
        g_assert_cmpfloat_with_epsilon (ca[i].end, cb[i].end, TIME_EPSILON);
        g_assert_cmpstr (ca[i].title, ==, cb[i].title);
        g_assert_cmpstr (ca[i].url, ==, cb[i].url);
        g_assert_cmpint (ca[i].toc, ==, cb[i].toc);
      }
  }
  {
    const HarkSegment *sa = hark_transcript_get_segments (full, &n_a);
    const HarkSegment *sb = hark_transcript_get_segments (back, &n_b);

    g_assert_cmpuint (n_a, ==, n_b);
    for (guint i = 0; i < n_a; i++)
      {
        g_assert_cmpfloat_with_epsilon (sa[i].start, sb[i].start, TIME_EPSILON);
        g_assert_cmpfloat_with_epsilon (sa[i].end, sb[i].end, TIME_EPSILON);
        g_assert_cmpint (sa[i].category, ==, sb[i].category);
        g_assert_cmpstr (sa[i].source, ==, sb[i].source);
        g_assert_cmpstr (sa[i].evidence, ==, sb[i].evidence);
      }
  }
  g_assert_cmpfloat_with_epsilon (hark_transcript_get_media_duration (back), 3551.58, TIME_EPSILON);
  g_assert_cmpstr (hark_transcript_get_source_note (back), ==,
                   hark_transcript_get_source_note (full));
}

/* The bundled sample opens with speakers: its labelled text merges with its captions. */
static void
test_sample (void)
{
  g_autofree char *audio = hark_test_source_file ("data/sample/excerpt-linode.opus");
  g_autoptr (HarkEpisode) episode = hark_episode_load (audio, NULL, 241.96, NULL);

  g_assert_cmpuint (hark_episode_get_sources (episode)->len, ==, 2);
  g_assert_cmpfloat (hark_episode_get_merge_coverage (episode), >, 0.9);
  g_assert_null (hark_episode_get_warnings (episode)[0]);
  assert_matches_truth_of (hark_episode_get_transcript (episode),
                           "ep189/excerpt-linode.truth.json", 15);
}

static void
test_explicit_unreadable (void)
{
  const char *sidecars[] = { "/nonexistent/episode.vtt", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkEpisode) episode = hark_episode_load (NULL, sidecars, -1, &error);

  g_assert_null (episode);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/episode.vtt"));
}

/* Broken or missing sidecars beside the audio are warnings; playback goes on without them. */
static void
test_discovered_problems (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("episode-problems");
  g_autofree char *audio = g_build_filename (dir, "show.mp3", NULL);
  g_autofree char *junk = g_build_filename (dir, "show.json", NULL);
  g_autoptr (HarkEpisode) episode = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (junk, "\x01\x02 not a transcript", -1, NULL));
  episode = hark_episode_load (audio, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_true (hark_transcript_is_empty (hark_episode_get_transcript (episode)));
  g_assert_cmpuint (hark_episode_get_sources (episode)->len, ==, 0);
  g_assert_nonnull (hark_episode_get_warnings (episode)[0]);
  g_assert_nonnull (strstr (hark_episode_get_warnings (episode)[0], "show.json"));
  g_assert_null (hark_episode_get_warnings (episode)[1]);
  g_clear_pointer (&episode, hark_episode_unref);

  /* No sidecars at all and a folder that does not exist. */
  episode = hark_episode_load ("/nonexistent/show.mp3", NULL, 12, &error);
  g_assert_no_error (error);
  g_assert_true (hark_transcript_is_empty (hark_episode_get_transcript (episode)));
  g_assert_cmpfloat (hark_transcript_get_media_duration (hark_episode_get_transcript (episode)), <,
                     0);
  hark_test_remove_tree (dir);
}

/* Chapters and skip lists in files of their own join the transcript; sources say which. */
static void
test_chapters_and_skips (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("episode-extras");
  g_autofree char *audio = g_build_filename (dir, "show.mp3", NULL);
  g_autofree char *vtt = g_build_filename (dir, "show.vtt", NULL);
  g_autofree char *chapters = g_build_filename (dir, "show.chapters.json", NULL);
  g_autofree char *skips = g_build_filename (dir, "show.sponsorblock.json", NULL);
  g_autoptr (HarkEpisode) episode = NULL;
  const GPtrArray *sources;
  HarkTranscript *t;
  guint n;

  g_assert_true (g_file_set_contents (vtt,
                                      "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Ada>Hello there.\n\n"
                                      "00:04.000 --> 00:09.000\n<v Bob>Hi Ada.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (chapters,
                                      "{\"version\": \"1.2.0\", \"chapters\": ["
                                      "{\"startTime\": 0, \"title\": \"Hello\"},"
                                      "{\"startTime\": 4, \"title\": \"Answer\"}]}",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (skips,
                                      "[{\"segment\": [5, 7], \"category\": \"sponsor\", "
                                      "\"actionType\": \"skip\"}]",
                                      -1, NULL));
  episode = hark_episode_load (audio, NULL, -1, NULL);
  sources = hark_episode_get_sources (episode);
  g_assert_cmpuint (sources->len, ==, 3);
  g_assert_cmpstr (((HarkSidecarUse *) g_ptr_array_index (sources, 0))->role, ==, "timed");
  g_assert_cmpstr (((HarkSidecarUse *) g_ptr_array_index (sources, 1))->role, ==, "chapters");
  g_assert_cmpstr (((HarkSidecarUse *) g_ptr_array_index (sources, 2))->role, ==, "skips");
  g_assert_null (hark_episode_get_warnings (episode)[0]);
  t = hark_episode_get_transcript (episode);
  g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 2);
  hark_transcript_get_turns (t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (hark_transcript_get_chapters (t, &n)[1].title, ==, "Answer");
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (hark_transcript_get_segments (t, &n)[0].category, ==, HARK_CATEGORY_SPONSOR);
  g_assert_cmpuint (n, ==, 1);
  hark_test_remove_tree (dir);
}

/* A labelled text without captions still gives speakers, and says why there are no times. */
static void
test_labelled_only (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("episode-labelled");
  g_autofree char *audio = g_build_filename (dir, "show.mp3", NULL);
  g_autofree char *txt = g_build_filename (dir, "show.transcript.txt", NULL);
  g_autoptr (HarkEpisode) episode = NULL;
  guint n;
  const HarkTurn *turns;

  g_assert_true (g_file_set_contents (txt, "Ada: Hello there.\nBob: Hi Ada.\nAda: Bye.\n", -1,
                                      NULL));
  episode = hark_episode_load (audio, NULL, -1, NULL);
  turns = hark_transcript_get_turns (hark_episode_get_transcript (episode), &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (turns[2].speaker, ==, 0);
  g_assert_cmpfloat (turns[2].evidence, ==, 0);
  g_assert_nonnull (strstr (hark_episode_get_warnings (episode)[0], "no times"));
  hark_test_remove_tree (dir);
}

/* Captions without speakers beside a page of "Name:" paragraphs without times, as Markdown or
 * HTML: the page names the speakers and the captions time them, as a plain text would. */
static void
test_labelled_pages (void)
{
  const char *vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nhello there and welcome\n\n"
                    "00:00:03.000 --> 00:00:05.000\nto the show about bread\n\n"
                    "00:00:05.000 --> 00:00:07.000\nthanks for having me here\n\n"
                    "00:00:07.000 --> 00:00:09.000\nso tell me about flour\n";
  const char *const pages[][2] = {
    { "show.transcript.md", "# Show\n\n**Ada Lane:** Hello there and welcome to the show about "
                            "bread.\n\n**Bob Reyes:** Thanks for having me here.\n\n"
                            "**Ada Lane:** So tell me about flour.\n" },
    { "show.transcript.html", "<html><body><nav>Home</nav><main><p><strong>Ada Lane:</strong> "
                              "Hello there and welcome to the show about bread.</p><p><strong>Bob "
                              "Reyes:</strong> Thanks for having me here.</p><p><strong>Ada Lane:"
                              "</strong> So tell me about flour.</p></main></body></html>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *dir = hark_test_make_tmpdir ("episode-pages");
      g_autofree char *audio = g_build_filename (dir, "show.mp3", NULL);
      g_autofree char *captions = g_build_filename (dir, "show.vtt", NULL);
      g_autofree char *page = g_build_filename (dir, pages[i][0], NULL);
      g_autoptr (HarkEpisode) episode = NULL;
      const HarkTranscript *t;
      const HarkTurn *turns;
      guint n;

      g_assert_true (g_file_set_contents (captions, vtt, -1, NULL));
      g_assert_true (g_file_set_contents (page, pages[i][1], -1, NULL));
      episode = hark_episode_load (audio, NULL, -1, NULL);
      t = hark_episode_get_transcript (episode);
      turns = hark_transcript_get_turns (t, &n);
      g_test_message ("%s: %u turns", pages[i][0], n);
      g_assert_cmpuint (n, ==, 3);
      g_assert_cmpstr (hark_transcript_get_speaker (t, (guint) turns[1].speaker)->name, ==,
                       "Bob Reyes");
      g_assert_cmpfloat_with_epsilon (turns[1].start, 5.0, 0.01);
      g_assert_cmpfloat_with_epsilon (turns[2].start, 7.0, 0.01);
      g_assert_cmpint (turns[2].speaker, ==, turns[0].speaker);
      hark_test_remove_tree (dir);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/episode/ep189-discovery", test_ep189_discovery);
  g_test_add_func ("/merge/episode/ep189-explicit", test_ep189_explicit);
  g_test_add_func ("/merge/episode/vtt-round-trip", test_vtt_round_trip);
  g_test_add_func ("/merge/episode/hark-json-round-trip", test_hark_json_round_trip);
  g_test_add_func ("/merge/episode/sample", test_sample);
  g_test_add_func ("/merge/episode/explicit-unreadable", test_explicit_unreadable);
  g_test_add_func ("/merge/episode/discovered-problems", test_discovered_problems);
  g_test_add_func ("/merge/episode/labelled-only", test_labelled_only);
  g_test_add_func ("/merge/episode/labelled-pages", test_labelled_pages);
  g_test_add_func ("/merge/episode/chapters-and-skips", test_chapters_and_skips);
  return g_test_run ();
}
