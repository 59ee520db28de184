/* test-labelled-text.c — "Name: text" transcripts without times
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "formats/hark-labelled-text.h"
#include "formats/hark-sidecar.h"
#include "hark-test-util.h"

static HarkLabelledText *
parse (const char *text, GPtrArray *warnings)
{
  g_autoptr (GError) error = NULL;
  HarkLabelledText *labelled
      = hark_labelled_text_parse (text, strlen (text), "t.txt", warnings, &error);

  g_assert_no_error (error);
  return labelled;
}

static void
test_basic (void)
{
  g_autoptr (HarkLabelledText) l = parse ("Michael Kennedy: Welcome &amp; hello.\n"
                                          "\n"
                                          "Panelists: Thanks for having us.\n"
                                          "Michael Kennedy: Great.\n",
                                          NULL);
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);
  const char *const *speakers = hark_labelled_text_get_speakers (l);

  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (turns[0].speaker, ==, "Michael Kennedy");
  g_assert_cmpstr (turns[0].text, ==, "Welcome & hello.");
  g_assert_cmpuint (turns[0].line, ==, 1);
  g_assert_cmpstr (turns[1].speaker, ==, "Panelists");
  g_assert_cmpuint (turns[1].line, ==, 3);
  g_assert_true (turns[2].speaker == turns[0].speaker); /* interned */
  g_assert_cmpuint (g_strv_length ((char **) speakers), ==, 2);
  g_assert_cmpstr (speakers[1], ==, "Panelists");
}

/* A page's front matter is not speech; initials after a name are not part of it. */
static void
test_front_matter_and_initials (void)
{
  g_autoptr (HarkLabelledText) l = parse ("---\ntitle: Tiny Blocks\n---\n\n"
                                          "Pia Moss (PM): Adam, how are you?\n\n"
                                          "Adam Bell (AB): Good!\n\n"
                                          "PM: And you?\n",
                                          NULL);
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);

  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (turns[0].speaker, ==, "Pia Moss");
  g_assert_cmpstr (turns[0].text, ==, "Adam, how are you?");
  g_assert_cmpstr (turns[1].speaker, ==, "Adam Bell");
  g_assert_cmpstr (turns[1].text, ==, "Good!");
}

/* Lines that only look like labels continue the turn before them. */
static void
test_non_speaker_prefixes (void)
{
  g_autoptr (HarkLabelledText) l = parse (">> ANNA: We started\n"
                                          "10:30: that was the time.\n"
                                          "Note: this part was cut.\n"
                                          "https://example.org/page: see there\n"
                                          "[music]: la la\n"
                                          "[SPEAKER_01]: Right.\n"
                                          "- and a wrapped line\n",
                                          NULL);
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (turns[0].speaker, ==, "ANNA");
  g_assert_cmpstr (turns[0].text, ==,
                   "We started 10:30: that was the time. Note: this part was cut. "
                   "https://example.org/page: see there [music]: la la");
  g_assert_cmpstr (turns[1].speaker, ==, "SPEAKER_01");
  g_assert_cmpstr (turns[1].text, ==, "Right. - and a wrapped line");
}

/* A title and an intro before the turns: "Episode 12:" is a title, not a speaker. */
static void
test_title_and_intro (void)
{
  g_autoptr (HarkLabelledText) l = parse ("Episode 12: Tomatoes\n\nIn which we talk.\n\n"
                                          "Transcript\n\nAnn Lee: Hello and welcome.\n"
                                          "Part 2: the seeds\nBo Park: Thanks.\n"
                                          "Speaker 3: Hi.\n",
                                          NULL);
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);
  const char *const *speakers = hark_labelled_text_get_speakers (l);

  /* The intro is kept as nobody's words (see text-before-first-label). */
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (turns[0].speaker);
  g_assert_cmpstr (turns[0].text, ==, "Episode 12: Tomatoes In which we talk. Transcript");
  g_assert_cmpstr (turns[1].speaker, ==, "Ann Lee");
  g_assert_cmpstr (turns[1].text, ==, "Hello and welcome. Part 2: the seeds");
  g_assert_cmpstr (turns[3].speaker, ==, "Speaker 3");
  g_assert_cmpuint (g_strv_length ((char **) speakers), ==, 3);
}

static void
test_text_before_first_label (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (HarkLabelledText) l = parse ("Episode 12 transcript\r\nAnna: Hi\r\n", warnings);
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);

  g_assert_cmpuint (n, ==, 2);
  g_assert_null (turns[0].speaker);
  g_assert_cmpstr (turns[0].text, ==, "Episode 12 transcript");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (
      g_str_has_prefix (g_ptr_array_index (warnings, 0), "t.txt:1:1: Expected a speaker"));
}

/* Broadcast transcripts: the role after a comma, in capitals, is not part of the name. */
static void
test_roles_in_capitals (void)
{
  g_autoptr (HarkLabelledText) l
      = parse ("ANN LEE, HOST:\n\nThis is the show.\n\nBO PARK, BYLINE: Bridges are old.\n\n"
               "ANN LEE: Still standing.\n\nWell, Honestly: this stays one turn.\n",
               NULL);
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);

  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (turns[0].speaker, ==, "ANN LEE");
  g_assert_cmpstr (turns[0].text, ==, "This is the show.");
  g_assert_cmpstr (turns[1].speaker, ==, "BO PARK");
  g_assert_true (turns[2].speaker == turns[0].speaker);
  g_assert_cmpstr (turns[2].text, ==, "Still standing. Well, Honestly: this stays one turn.");
}

/* Names alone on their lines above the words, as scripts and copied pages lay them out; the
 * same shape with headings that do not repeat is not a transcript. */
static void
test_lone_names (void)
{
  const char *script = "Ann Lee\nHello and welcome.\nIt is good to be back.\n\n"
                       "BO PARK\nThanks for having me.\n\nAnn Lee\nLet us start.\n\n"
                       "BO PARK\nSure.\n\nAnn Lee\nSo, bridges.\n";
  const char *essay = "Introduction\nBridges are old.\n\nThe Romans\nThey built arches.\n\n"
                      "Modern Times\nSteel came later.\n\nConclusion\nStill standing.\n";
  g_autoptr (HarkLabelledText) l = parse (script, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLabelledText) not_one = NULL;
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (l, &n);

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (turns[0].speaker, ==, "Ann Lee");
  g_assert_cmpstr (turns[0].text, ==, "Hello and welcome. It is good to be back.");
  g_assert_cmpstr (turns[1].speaker, ==, "BO PARK");
  g_assert_cmpstr (turns[4].text, ==, "So, bridges.");
  g_assert_cmpuint (turns[3].line, ==, 11);
  g_assert_cmpint (hark_sidecar_sniff (script, strlen (script), "episode.txt"), ==,
                   HARK_SIDECAR_FORMAT_LABELLED_TEXT);

  g_assert_cmpint (hark_sidecar_sniff (essay, strlen (essay), "episode.txt"), ==,
                   HARK_SIDECAR_FORMAT_AUTO);
  not_one = hark_labelled_text_parse (essay, strlen (essay), "essay.txt", NULL, &error);
  g_assert_null (not_one);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
}

static void
test_no_labels_is_an_error (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLabelledText) l
      = hark_labelled_text_parse ("just some words\nand more\n", 25, "plain.txt", NULL, &error);

  g_assert_null (l);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "plain.txt:1:1: Expected lines starting"));
}

static void
test_ep189 (void)
{
  g_autofree char *path = hark_test_fixture ("ep189/ep189.transcript.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (HarkLabelledText) l = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  HarkSidecarInfo info;
  const HarkLabelledTurn *turns;
  guint n;

  if (path == NULL)
    return;
  l = hark_labelled_text_load (path, warnings, &error);
  g_assert_no_error (error);
  turns = hark_labelled_text_get_turns (l, &n);
  g_assert_cmpuint (n, ==, 137);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) hark_labelled_text_get_speakers (l)), ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (turns[i].speaker);
      g_assert_cmpuint (turns[i].line, ==, i + 1);
    }
  g_assert_true (g_str_has_prefix (turns[0].text, "Have you ever wondered"));

  /* Through the sidecar entry point: sniffed as labelled text, turns without times. */
  t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, HARK_SIDECAR_FORMAT_LABELLED_TEXT);
  g_assert_cmpint (info.kind, ==, HARK_SIDECAR_KIND_SPEAKERS);
  hark_transcript_get_turns (t, &n);
  g_assert_cmpuint (n, ==, 137);
  g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labelled-text/basic", test_basic);
  g_test_add_func ("/labelled-text/front-matter-and-initials", test_front_matter_and_initials);
  g_test_add_func ("/labelled-text/non-speaker-prefixes", test_non_speaker_prefixes);
  g_test_add_func ("/labelled-text/text-before-first-label", test_text_before_first_label);
  g_test_add_func ("/labelled-text/no-labels-is-an-error", test_no_labels_is_an_error);
  g_test_add_func ("/labelled-text/ep189", test_ep189);
  g_test_add_func ("/labelled-text/title-and-intro", test_title_and_intro);
  g_test_add_func ("/labelled-text/roles-in-capitals", test_roles_in_capitals);
  g_test_add_func ("/labelled-text/lone-names", test_lone_names);
  return g_test_run ();
}
