/* test-published-shapes.c — more shapes of published transcripts, each in a small made-up file
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blockquoted turns and rules in Markdown, show notes with chapter times above the transcript,
 * words that only look like labels, handles as labels, punctuation as its own word, HTML
 * tables of turns, JSON lists of turns, a single narrator, initials standing for a name, a
 * transcript printed to PDF, a page's anchors on its times.
 */
#include <string.h>

#include "formats/hark-labelled-text.h"
#include "util/hark-error.h"
#include "hark-test-util.h"
#include "sidecar-test-util.h"

static const char *
speaker_name (const SidecarRead *r, int speaker)
{
  return speaker < 0 ? NULL : hark_transcript_get_speaker (r->t, (guint) speaker)->name;
}

/* "> " quote markers and "---" / "***" rules are markup, not speech. */
static void
test_markdown_quotes_and_rules (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&r,
                "# Night gardens\n\n"
                "**Ana Ruiz:** [00:00:05] Welcome back. Tonight: moths.\n\n"
                "> **Ben Oko:** [00:00:12] Thanks for having me.\n\n"
                "---\n\n"
                "**Ana Ruiz:** [00:00:30] How many did you count?\n"
                "***\n"
                "> **Ben Oko:** [00:00:41] About four hundred.\n"
                "> It was a good year.\n"
                ">\n"
                "> > Nested quote, still Ben.\n",
                "garden.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (speaker_name (&r, turns[1].speaker), ==, "Ben Oko");
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me.");
  g_assert_cmpstr (turns[2].text, ==, "How many did you count?");
  g_assert_cmpstr (turns[3].text, ==,
                   "About four hundred. It was a good year. Nested quote, still Ben.");
  g_assert_cmpfloat (turns[3].start, ==, 41);
}

/* A transcript printed to PDF and saved as text: "Name (00:00:02):" alone on a line, the turn
 * wrapped over many lines, "(00:00:20):" where the same voice goes on, and each page's number
 * and running header, which nobody said. Turns this long leave few headings among the lines. */
static void
test_printed_rev_export (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_autoptr (GString) text = g_string_new ("Tidewater Talks\n\n");
  const HarkTurn *turns;
  guint n;

  for (guint i = 0; i < 10; i++)
    {
      g_string_append_printf (text, "%s (00:%02u:%02u):\n", i % 2 ? "Bo Park" : "Ann Lee", i, 5);
      for (guint k = 0; k < 6; k++)
        g_string_append (text, "words of a long turn that wrapped when it was printed to\n");
      g_string_append_printf (text, "(00:%02u:%02u):\n", i, 40);
      for (guint k = 0; k < 6; k++)
        g_string_append (text, "and the same voice goes on for a while longer after that\n");
      if (i % 3 == 2)
        g_string_append_printf (text, "%60s\n\fTidewater Talks\n\n", "Page 1 of 4");
    }
  sidecar_read (&r, text->str, "tidewater.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED);
  g_assert_cmpuint (r.n_cues, ==, 20);
  g_assert_cmpfloat (r.cues[1].start, ==, 40);
  g_assert_cmpint (r.cues[1].speaker, ==, r.cues[0].speaker);
  g_assert_cmpint (r.cues[2].speaker, !=, r.cues[1].speaker);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_null (strstr (turns[i].text, "Page"));
      g_assert_null (strstr (turns[i].text, "Tidewater"));
    }
  g_assert_cmpstr (speaker_name (&r, turns[9].speaker), ==, "Bo Park");
}

/* A page of a site: a summary with timed headings (anchors on their times), then "# Transcript"
 * and paragraphs whose times are wrapped in anchors. The summary's headings are chapters, not
 * cues. */
static void
test_markdown_anchored_times (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n_chapters;

  sidecar_read (&r,
                "---\nlayout: transcript\n---\n"
                "# Summary\n\n"
                "## 1. Hello (<a href=\"#00-00-00\">00:00:00</a>)\n"
                "How the two met.\n\n"
                "## 2. Boats (<a href=\"#00-01-10\">00:01:10</a>)\n"
                "Why boats float.\n\n"
                "# Transcript\n\n"
                "[<a id=\"00-00-00\">00:00:00</a>]  We are recording, I think.\n\n"
                "[<a id=\"00-00-31\">00:00:31</a>]  Good, then let us start.\n\n"
                "[<a id=\"00-01-10\">00:01:10</a>]  So, boats. Why do they float?\n",
                "boats.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[1].start, ==, 31);
  g_assert_cmpstr (r.cues[2].text, ==, "So, boats. Why do they float?");
  chapters = hark_transcript_get_chapters (r.t, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 2);
  g_assert_cmpstr (chapters[1].title, ==, "2. Boats");
  g_assert_cmpfloat (chapters[1].start, ==, 70);
}

/* A table of turns whose times carry units; a plain number in a cell stays a count. */
static void
test_html_table_unit_times (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n;

  sidecar_read (&r,
                "<html><body><h1>Rivers</h1><table>\n"
                "<tr><th>Time</th><th>Speaker</th><th>Text</th></tr>\n"
                "<tr><td>0h00m05s</td><td>Ola Berg</td><td>Welcome to the river show.</td></tr>\n"
                "<tr><td>0h00m44s</td><td>Sam Kito</td><td>Thanks for having me.</td></tr>\n"
                "<tr><td>0h01m30s</td><td>Ola Berg</td><td>Tell us about floods.</td></tr>\n"
                "<tr><td>1h2m3s</td><td>Sam Kito</td><td>12</td></tr>\n"
                "</table></body></html>\n",
                "rivers.html", HARK_SIDECAR_FORMAT_HTML);
  g_assert_true (r.info.kind & HARK_SIDECAR_KIND_TIMED);
  turns = hark_transcript_get_turns (r.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (turns[0].start, ==, 5);
  g_assert_cmpfloat (turns[1].start, ==, 44);
  g_assert_cmpfloat (turns[2].start, ==, 90);
  g_assert_cmpfloat (turns[3].start, ==, 3723);
  g_assert_cmpstr (turns[1].text, ==, "Thanks for having me.");
  g_assert_cmpstr (turns[3].text, ==, "12");
  g_assert_cmpstr (speaker_name (&r, turns[2].speaker), ==, "Ola Berg");
}

/* Punctuation given a word of its own joins its neighbour, in the text and the word times. */
static void
test_punctuation_words (void)
{
  g_auto (SidecarRead) p20 = { 0 };
  g_auto (SidecarRead) whisper = { 0 };
  g_auto (SidecarRead) words = { 0 };
  guint n;
  const HarkWord *w;

  sidecar_read (&p20,
                "{\"version\": \"1.0.0\", \"segments\": ["
                "{\"speaker\": \"Kai\", \"startTime\": 0.0, \"endTime\": 0.4, \"body\": \"Hi\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 0.4, \"endTime\": 0.4, \"body\": \",\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 0.5, \"endTime\": 0.9, \"body\": \"there\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 0.9, \"endTime\": 0.9, \"body\": \".\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 1.0, \"endTime\": 1.1, \"body\": \"(\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 1.1, \"endTime\": 1.5, \"body\": \"laughs\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 1.5, \"endTime\": 1.5, \"body\": \")\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 1.6, \"endTime\": 1.8, \"body\": \"&\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 1.8, \"endTime\": 2.0, \"body\": \"so\"},"
                "{\"speaker\": \"Kai\", \"startTime\": 2.0, \"endTime\": 2.0, \"body\": \"?!\"}]}",
                "words.json", HARK_SIDECAR_FORMAT_PODCASTING2);
  /* Four items make a sentence long enough to end a cue. */
  g_assert_cmpuint (p20.n_cues, ==, 2);
  g_assert_cmpstr (p20.cues[0].text, ==, "Hi, there.");
  g_assert_cmpstr (p20.cues[1].text, ==, "(laughs) & so?!");
  w = hark_transcript_get_words (p20.t, &n) + p20.cues[0].first_word;
  g_assert_cmpuint (p20.cues[0].n_words, ==, 2);
  g_assert_cmpstr (w[0].text, ==, "Hi,");
  g_assert_cmpfloat (w[1].end, ==, 0.9);
  w = hark_transcript_get_words (p20.t, &n) + p20.cues[1].first_word;
  g_assert_cmpuint (p20.cues[1].n_words, ==, 3);
  g_assert_cmpstr (w[0].text, ==, "(laughs)");
  g_assert_cmpfloat (w[0].start, ==, 1.0);
  g_assert_cmpstr (w[2].text, ==, "so?!");

  /* Whisper segments with words and no text of their own. */
  sidecar_read (&whisper,
                "{\"segments\": [{\"start\": 0, \"end\": 2, \"words\": ["
                "{\"word\": \"Hi\", \"start\": 0, \"end\": 0.4},"
                "{\"word\": \",\", \"start\": 0.4, \"end\": 0.4},"
                "{\"word\": \"there\", \"start\": 0.5, \"end\": 0.9},"
                "{\"word\": \".\", \"start\": 0.9, \"end\": 0.9}]}]}",
                "whisper.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpstr (whisper.cues[0].text, ==, "Hi, there.");
  w = hark_transcript_get_words (whisper.t, &n) + whisper.cues[0].first_word;
  g_assert_cmpuint (whisper.cues[0].n_words, ==, 2);
  g_assert_cmpstr (w[1].text, ==, "there.");

  /* A bare list of timed words. */
  sidecar_read (&words,
                "[{\"word\": \"Hi\", \"start\": 0, \"end\": 0.4},"
                "{\"word\": \",\", \"start\": 0.4, \"end\": 0.4},"
                "{\"word\": \"there\", \"start\": 0.5, \"end\": 0.9},"
                "{\"word\": \".\", \"start\": 0.9, \"end\": 0.9},"
                "{\"word\": \"Late\", \"start\": 0.2, \"end\": 0.3},"
                "{\"word\": \"Bye\", \"start\": 5, \"end\": 5.2}]",
                "words2.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (words.n_cues, ==, 2);
  g_assert_cmpstr (words.cues[0].text, ==, "Hi, there.");
  g_assert_cmpstr (words.cues[1].text, ==, "Bye");
  g_assert_true (sidecar_has_warning (&words, "words2.json:1:"));
}

/* {"transcript": [{"timestamp", "speaker", "text"}]}, with clock strings or seconds: each turn
 * lasts until the next. */
static void
test_json_turn_list (void)
{
  const char *shapes[]
      = { "{\"transcript\": [{\"timestamp\": \"00:00:01\", \"speaker\": \"Ivy Chen\", "
          "\"text\": \"Hello and welcome.\"}, {\"timestamp\": \"00:00:07\", \"speaker\": "
          "\"Tom Ngata\", \"text\": \"Good to be here.\"}, {\"speaker\": \"Tom Ngata\", "
          "\"text\": \"No time.\"}, {\"timestamp\": \"00:01:02\", \"speaker\": \"Ivy Chen\", "
          "\"text\": \"Let us begin.\"}]}",
          "{\"transcript\": [{\"timestamp\": 1, \"speaker\": \"Ivy Chen\", \"text\": "
          "\"Hello and welcome.\"}, {\"timestamp\": 7.0, \"speaker\": \"Tom Ngata\", \"text\": "
          "\"Good to be here.\"}, {\"timestamp\": \"soon\", \"speaker\": \"Tom Ngata\", "
          "\"text\": \"No time.\"}, {\"timestamp\": 62, \"speaker\": \"Ivy Chen\", \"text\": "
          "\"Let us begin.\"}]}" };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_auto (SidecarRead) r = { 0 };

      sidecar_read (&r, shapes[i], "turns.json", HARK_SIDECAR_FORMAT_WHISPER);
      g_assert_cmpuint (r.n_cues, ==, 3);
      g_assert_cmpfloat (r.cues[0].start, ==, 1);
      g_assert_cmpfloat (r.cues[0].end, ==, 7);
      g_assert_cmpfloat (r.cues[1].end, ==, 62);
      g_assert_cmpstr (r.cues[2].text, ==, "Let us begin.");
      g_assert_cmpstr (speaker_name (&r, r.cues[1].speaker), ==, "Tom Ngata");
      g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
      /* The item without a usable time is named in a warning. */
      g_assert_cmpuint (r.warnings->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (r.warnings, 0), "timestamp"));
    }
}

/* Show notes listing chapter times above the transcript: chapters, not cues. */
static void
test_markdown_show_notes (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_auto (SidecarRead) plain = { 0 };
  g_auto (SidecarRead) labelled = { 0 };
  const HarkChapter *chapters;
  guint n;

  sidecar_read (&r,
                "# Show notes\n\nWe talk about bread.\n\n"
                "- [00:00](https://example.org/e#t=0) Intro\n"
                "- [02:15](https://example.org/e#t=135) Sourdough starters\n"
                "- [10:40](https://example.org/e#t=640) Ovens\n\n"
                "00:00 Intro\n02:15 - Sourdough starters\n\n"
                "## Transcript\n\n"
                "**Cara Lind:** [00:00:03] Hello and welcome to the bread hour.\n\n"
                "**Dev Patel:** [00:00:09] Thanks. I baked three loaves.\n\n"
                "**Cara Lind:** [00:02:16] Let's talk about starters.\n",
                "bread.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[0].start, ==, 3);
  g_assert_cmpfloat (r.cues[2].start, ==, 136);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello and welcome to the bread hour.");
  g_assert_false (sidecar_has_warning (&r, "bread.md:9:"));
  chapters = hark_transcript_get_chapters (r.t, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (chapters[1].title, ==, "Sourdough starters");
  g_assert_cmpfloat (chapters[2].start, ==, 640);

  /* Short timed lines whose times go on are the transcript itself. */
  sidecar_read (&plain,
                "# Notes\n\n[00:00] Hello there\n[00:04] Hi, good to see you\n"
                "**Kim:** [00:09] And then we began.\n**Bo:** [00:12] Yes.\n",
                "plain.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (plain.n_cues, ==, 4);
  g_assert_cmpstr (plain.cues[0].text, ==, "Hello there");
  hark_transcript_get_chapters (plain.t, &n);
  g_assert_cmpuint (n, ==, 0);

  /* A chapter title that reads like a label ("Meet Dev: …") is still one of the list's entries,
   * and the transcript after it keeps its own times. */
  sidecar_read (&labelled,
                "---\ntitle: Bread\n---\n\n{/* SECTIONS */}\n\n"
                "[00:00:00] Introduction\n[00:00:35] Meet Dev: the baker\n"
                "[00:02:00] Starters\n[00:05:00] Ovens\n\n{/* TRANSCRIPT */}\n\n"
                "## [00:00:00] Introduction\n\n"
                "[00:00:00] **Cara:** Hello and welcome.\n\n"
                "[00:00:20] **Dev:** Thanks.\n\n"
                "## [00:00:35] Meet Dev: the baker\n\n"
                "[00:00:36] **Cara:** So, Dev.\n\n"
                "[00:02:01] **Dev:** Starters, then.\n",
                "bread.mdx", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (labelled.n_cues, ==, 4);
  g_assert_cmpfloat (labelled.cues[0].start, ==, 0);
  g_assert_cmpfloat (labelled.cues[1].start, ==, 20);
  g_assert_cmpfloat (labelled.cues[3].start, ==, 121);
  g_assert_false (sidecar_has_warning (&labelled, "bread.mdx:14:"));
}

/* One narrator: headings and paragraphs, a few time marks; what comes before the first mark,
 * well into the audio, was said before it. */
static void
test_markdown_narrator (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "# The lighthouse keeper\n\n## Growing up\n\n"
                "I grew up on a small island with a lighthouse at its northern tip.\n\n"
                "Every evening my father climbed the stairs, all of them, to trim the wick.\n\n"
                "## The storm\n\n"
                "(03:20) When I was twelve he let me come along with him to the top.\n\n"
                "That night the storm broke two panes and we worked until dawn.\n\n"
                "## Coming back\n\n"
                "Years later [05:10] I came back to find the light automated and empty.\n",
                "keeper.md", HARK_SIDECAR_FORMAT_MARKDOWN);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat (r.cues[0].start, ==, 0);
  g_assert_nonnull (strstr (r.cues[0].text, "I grew up"));
  g_assert_cmpfloat (r.cues[1].start, ==, 200);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 0);
  g_assert_cmpuint (r.warnings->len, ==, 0);
}

/* Prose with neither times nor labels: an error naming the file and what was expected. */
static void
test_untimed_prose (void)
{
  g_autoptr (GError) error
      = sidecar_read_error ("This week we look at the history of the printing press. It changed "
                            "how ideas spread.\n\nThe first presses were adapted from wine "
                            "presses.\n",
                            "press.txt", HARK_SIDECAR_FORMAT_AUTO);

  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_true (g_str_has_prefix (error->message, "press.txt:1:1: Expected times"));
  g_assert_nonnull (strstr (error->message, "speaker labels"));
}

static const char *
turn_speaker (const HarkLabelledTurn *turns, guint i)
{
  return turns[i].speaker;
}

/* A label is trusted for recurring as a turn start; a one-off single word is the turn's text. */
static void
test_labels_recur (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLabelledText) prose = NULL;
  g_autoptr (HarkLabelledText) handles = NULL;
  g_autoptr (HarkLabelledText) once = NULL;
  const HarkLabelledTurn *turns;
  guint n;
  static const char prose_text[]
      = "Mira Holt: Welcome. Today we cover three tools.\n"
        "Jon Reyes: Glad to be here. Two of them I use daily.\n"
        "Mira Holt: Which two?\n"
        "Jon Reyes: The first is simple. Terraform: it describes machines.\n"
        "Two: the second is a linter.\n"
        "Mira Holt: Nice. Note: we recorded this in March.\n"
        "Jon Reyes: Right.\n"
        "Caller Ann: A question from the line.\n";
  static const char handle_text[] = "zapfox: hey everyone\n"
                                    "Lena Moor: Hi! Glad to be on.\n"
                                    "zapfox: so tell us about the build\n"
                                    "Lena Moor: It compiles twice as fast.\n"
                                    "wow: that is a lot\n"
                                    "zapfox: that's wild\n";
  static const char short_text[] = "Kim: Hello.\nBo: Hi.\n";

  prose = hark_labelled_text_parse (prose_text, sizeof prose_text - 1, "prose.txt", NULL, &error);
  g_assert_no_error (error);
  turns = hark_labelled_text_get_turns (prose, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpstr (turns[3].text, ==,
                   "The first is simple. Terraform: it describes machines. Two: the second is a "
                   "linter.");
  g_assert_cmpstr (turns[4].text, ==, "Nice. Note: we recorded this in March.");
  /* A full name that speaks once is still a speaker. */
  g_assert_cmpstr (turn_speaker (turns, 6), ==, "Caller Ann");
  g_assert_cmpstr (hark_labelled_text_get_speakers (prose)[3], ==, NULL);

  handles = hark_labelled_text_parse (handle_text, sizeof handle_text - 1, "chat.txt", NULL,
                                      &error);
  g_assert_no_error (error);
  turns = hark_labelled_text_get_turns (handles, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (turn_speaker (turns, 0), ==, "zapfox");
  g_assert_cmpstr (turns[3].text, ==, "It compiles twice as fast. wow: that is a lot");
  g_assert_cmpstr (turn_speaker (turns, 4), ==, "zapfox");
  g_assert_true (hark_labelled_text_sniff ("zapfox: hey\nmoonbyte: hi\nzapfox: so\nmoonbyte: ok\n",
                                           0.5));
  g_assert_false (hark_labelled_text_sniff ("so: this is prose\nand more of it\n", 0.5));

  /* With few labels there is no pattern to judge by: one-word names stand. */
  once = hark_labelled_text_parse (short_text, sizeof short_text - 1, "short.txt", NULL, &error);
  g_assert_no_error (error);
  turns = hark_labelled_text_get_turns (once, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (turn_speaker (turns, 1), ==, "Bo");
}

/* "PM:" in a file where "Pia Moss (PM):" speaks is Pia Moss; initials two people share are not
 * resolved. */
static void
test_initials (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLabelledText) one = NULL;
  g_autoptr (HarkLabelledText) two = NULL;
  const HarkLabelledTurn *turns;
  guint n;
  static const char one_text[] = "Pia Moss (PM): Welcome. I'm Pia Moss.\n"
                                 "Rob Lane: And I'm Rob Lane.\n"
                                 "PM: Today we talk about soil.\n"
                                 "RL: Soil is underrated.\n";
  static const char two_text[] = "Pia Moss: Welcome.\n"
                                 "Paul Mead: Hello.\n"
                                 "PM: Who am I?\n";

  one = hark_labelled_text_parse (one_text, sizeof one_text - 1, "one.txt", NULL, &error);
  g_assert_no_error (error);
  turns = hark_labelled_text_get_turns (one, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (turn_speaker (turns, 2), ==, "Pia Moss");
  g_assert_cmpstr (turn_speaker (turns, 3), ==, "Rob Lane");
  g_assert_cmpstr (hark_labelled_text_get_speakers (one)[2], ==, NULL);

  two = hark_labelled_text_parse (two_text, sizeof two_text - 1, "two.txt", NULL, &error);
  g_assert_no_error (error);
  turns = hark_labelled_text_get_turns (two, &n);
  g_assert_cmpstr (turn_speaker (turns, 2), ==, "PM");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shapes/markdown/quotes-and-rules", test_markdown_quotes_and_rules);
  g_test_add_func ("/shapes/html/table-unit-times", test_html_table_unit_times);
  g_test_add_func ("/shapes/json/punctuation-words", test_punctuation_words);
  g_test_add_func ("/shapes/json/turn-list", test_json_turn_list);
  g_test_add_func ("/shapes/labels/recur", test_labels_recur);
  g_test_add_func ("/shapes/labels/initials", test_initials);
  g_test_add_func ("/shapes/markdown/show-notes", test_markdown_show_notes);
  g_test_add_func ("/shapes/markdown/narrator", test_markdown_narrator);
  g_test_add_func ("/shapes/untimed-prose", test_untimed_prose);
  g_test_add_func ("/shapes/text/printed-rev-export", test_printed_rev_export);
  g_test_add_func ("/shapes/markdown/anchored-times", test_markdown_anchored_times);
  return g_test_run ();
}
