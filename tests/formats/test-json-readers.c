/* test-json-readers.c — Podcasting 2.0 transcripts and chapters, Whisper, SponsorBlock
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "sidecar-test-util.h"

static void
test_p20_turn_level (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n_turns;

  sidecar_read (
      &r,
      "{\n"
      "  \"version\": \"1.0.0\", \"extra\": {\"ignored\": true},\n"
      "  \"segments\": [\n"
      "    {\"speaker\": \"Alice\", \"startTime\": 10.5, \"endTime\": 12, \"body\": \"Later "
      "one.\\n\"},\n"
      "    {\"speaker\": \"Alice\", \"startTime\": 0.5, \"endTime\": 4.25, \"body\": \"Hello "
      "there.\\n\"},\n"
      "    {\"startTime\": \"4.25\", \"endTime\": \"00:00:06.5\", \"body\": \"Strings &amp; no "
      "speaker.\"},\n"
      "    {\"speaker\": \"Bob\", \"startTime\": 6.5, \"body\": \"No end time.\", \"words\": 3},\n"
      "    {\"speaker\": \"Bob\", \"startTime\": 9, \"endTime\": 9, \"body\": \"Instant.\"},\n"
      "    {\"speaker\": \"Bob\", \"startTime\": 9.5, \"endTime\": 10},\n"
      "    {\"speaker\": \"Bob\", \"startTime\": \"soon\", \"body\": \"bad start\"},\n"
      "    {\"startTime\": 12, \"endTime\": 13, \"body\": \"Alice again, by file order.\"}\n"
      "  ]\n"
      "}\n",
      "t.json", HARK_SIDECAR_FORMAT_PODCASTING2);
  g_assert_cmpuint (r.n_cues, ==, 6);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello there."); /* sorted, trailing newline gone */
  g_assert_cmpfloat (r.cues[1].start, ==, 4.25);
  g_assert_cmpfloat (r.cues[1].end, ==, 6.5);
  g_assert_cmpstr (r.cues[1].text, ==, "Strings & no speaker.");
  g_assert_cmpint (r.cues[1].speaker, ==, r.cues[0].speaker); /* same as before */
  g_assert_cmpfloat (r.cues[2].end, ==, 9);                   /* to the next segment */
  g_assert_cmpfloat (r.cues[3].start, ==, r.cues[3].end);
  g_assert_cmpstr (r.cues[4].text, ==, "Later one.");
  /* A missing speaker means the one before in the file, not in time. */
  g_assert_cmpint (r.cues[5].speaker, ==, hark_transcript_find_speaker (r.t, "Bob"));
  g_assert_true (sidecar_has_warning (&r, "t.json:9:5: Expected “body”"));
  g_assert_true (sidecar_has_warning (&r, "t.json:10:5: Expected “startTime”"));
  g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_TIMED | HARK_SIDECAR_KIND_SPEAKERS);
  turns = hark_transcript_get_turns (r.t, &n_turns);
  g_assert_cmpuint (n_turns, ==, 4);
  g_assert_cmpstr (turns[0].text, ==, "Hello there. Strings & no speaker.");
}

static void
test_p20_word_level (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words;

  sidecar_read (&r,
                "{\"version\": \"1.0.0\", \"segments\": [\n"
                "{\"speaker\": \"A\", \"startTime\": 0.0, \"endTime\": 0.4, \"body\": \"Hello\"},\n"
                "{\"startTime\": 0.4, \"endTime\": 0.8, \"body\": \"there,\"},\n"
                "{\"startTime\": 0.8, \"endTime\": 1.0, \"body\": \"my\"},\n"
                "{\"startTime\": 1.0, \"endTime\": 1.5, \"body\": \"friend.\"},\n"
                "{\"startTime\": 1.6, \"endTime\": 1.9, \"body\": \"Yes.\"},\n"
                "{\"speaker\": \"B\", \"startTime\": 2.0, \"endTime\": 2.4, \"body\": \"Hi\"},\n"
                "{\"startTime\": 5.0, \"endTime\": 5.5, \"body\": \"later\"}\n"
                "]}",
                "w.json", HARK_SIDECAR_FORMAT_PODCASTING2);
  /* Sentences, a speaker change and a long pause end cues. */
  g_assert_cmpuint (r.n_cues, ==, 4);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello there, my friend.");
  g_assert_cmpuint (r.cues[0].n_words, ==, 4);
  g_assert_cmpfloat (r.cues[0].end, ==, 1.5);
  g_assert_cmpstr (r.cues[1].text, ==, "Yes.");
  g_assert_cmpstr (r.cues[2].text, ==, "Hi");
  g_assert_cmpstr (r.cues[3].text, ==, "later");
  words = hark_transcript_get_words (r.t, NULL);
  g_assert_cmpstr (words[r.cues[0].first_word + 1].text, ==, "there,");
  g_assert_cmpfloat (words[r.cues[0].first_word + 1].start, ==, 0.4);
}

static void
test_p20_milliseconds (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "{\"segments\": [{\"startTime\": 1500, \"endTime\": 4000, \"body\": \"a b\"},"
                "{\"startTime\": 90000000, \"endTime\": 90001000, \"body\": \"c d\"}]}",
                "ms.json", HARK_SIDECAR_FORMAT_PODCASTING2);
  g_assert_cmpfloat (r.cues[0].start, ==, 1.5);
  g_assert_cmpfloat (r.cues[1].end, ==, 90001);
  g_assert_true (sidecar_has_warning (&r, "ms.json:1:15: Expected times in seconds"));
}

static void
test_chapters (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkChapter *chapters;
  guint n;

  sidecar_read (
      &r,
      "{\"version\": \"1.2.0\", \"chapters\": [\n"
      "  {\"startTime\": 120, \"title\": \"Second\", \"url\": \"https://example.org\"},\n"
      "  {\"startTime\": 0, \"title\": \"Intro\", \"img\": \"a.png\"},\n"
      "  {\"startTime\": 300.5, \"endTime\": 360, \"title\": \"Hidden\", \"toc\": false},\n"
      "  {\"startTime\": 400},\n"
      "  {\"title\": \"No start\"}\n"
      "]}",
      "c.json", HARK_SIDECAR_FORMAT_CHAPTERS);
  chapters = hark_transcript_get_chapters (r.t, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (chapters[0].title, ==, "Intro");
  g_assert_cmpfloat (chapters[0].end, ==, 120); /* the next chapter's start */
  g_assert_null (chapters[0].url);
  g_assert_true (chapters[0].toc);
  g_assert_cmpstr (chapters[1].url, ==, "https://example.org");
  g_assert_cmpstr (chapters[2].title, ==, "Hidden");
  g_assert_false (chapters[2].toc);
  g_assert_cmpfloat (chapters[2].end, ==, 360);
  g_assert_cmpstr (chapters[3].title, ==, "");
  g_assert_true (sidecar_has_warning (&r, "c.json:5:3: Expected a “title”"));
  g_assert_true (sidecar_has_warning (&r, "c.json:6:3: Expected “startTime”"));
  g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_CHAPTERS);
}

static void
test_whisper (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (
      &r,
      "{\"text\": \" Hello world. Bye.\", \"language\": \"en\", \"segments\": [\n"
      "  {\"id\": 0, \"seek\": 0, \"start\": 0.0, \"end\": 2.5, \"text\": \" Hello world.\","
      " \"tokens\": [1, 2], \"avg_logprob\": -0.2},\n"
      "  {\"id\": 1, \"start\": 2.5, \"end\": 3.0, \"text\": \" Bye.\"}\n"
      "]}",
      "w.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "Hello world.");
  g_assert_cmpint (r.cues[0].speaker, ==, -1);
  g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_TIMED);
}

static void
test_whisperx (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkWord *words;

  sidecar_read (
      &r,
      "{\"segments\": [\n"
      "  {\"start\": 0.1, \"end\": 2.0, \"text\": \" It costs 20 dollars.\", \"speaker\": "
      "\"SPEAKER_00\",\n"
      "   \"words\": [{\"word\": \"It\", \"start\": 0.1, \"end\": 0.3, \"score\": 0.9, "
      "\"speaker\": \"SPEAKER_00\"},\n"
      "             {\"word\": \"costs\", \"start\": 0.3, \"end\": 0.8},\n"
      "             {\"word\": \"20\"},\n"
      "             {\"word\": \"dollars.\", \"start\": 1.2, \"end\": 2.0}]},\n"
      "  {\"start\": 2.0, \"end\": 3.0, \"text\": \"Okay.\", \"speaker\": \"SPEAKER_01\"},\n"
      "  {\"start\": 3.0, \"end\": 2.0, \"text\": \"Backwards.\", \"speaker\": \"SPEAKER_01\"},\n"
      "  {\"end\": 5.0, \"text\": \"No start.\"}\n"
      "], \"word_segments\": []}",
      "x.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, 0)->id, ==, "SPEAKER_00");
  g_assert_cmpuint (r.cues[0].n_words, ==, 3); /* "20" has no time */
  words = hark_transcript_get_words (r.t, NULL) + r.cues[0].first_word;
  g_assert_cmpstr (words[2].text, ==, "dollars.");
  g_assert_cmpfloat (words[2].start, ==, 1.2);
  g_assert_cmpfloat (r.cues[2].end, ==, 3.0);
  g_assert_true (sidecar_has_warning (&r, "x.json:8:3: Expected “end”"));
  g_assert_true (sidecar_has_warning (&r, "x.json:9:3: Expected “start”"));
  g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_TIMED | HARK_SIDECAR_KIND_SPEAKERS);
}

static void
test_whisper_cpp (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "{\"systeminfo\": \"AVX = 1\", \"result\": {\"language\": \"en\"},\n"
                "\"transcription\": [\n"
                "  {\"timestamps\": {\"from\": \"00:00:00,000\", \"to\": \"00:00:03,240\"},"
                " \"offsets\": {\"from\": 0, \"to\": 3240}, \"text\": \" And so my fellow\"},\n"
                "  {\"timestamps\": {\"from\": \"00:00:03,240\", \"to\": \"00:00:08,000\"},"
                " \"text\": \" Americans, ask not\"},\n"
                "  {\"text\": \" no times\"}\n"
                "]}",
                "jfk.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpfloat (r.cues[0].end, ==, 3.24); /* offsets are milliseconds */
  g_assert_cmpstr (r.cues[0].text, ==, "And so my fellow");
  g_assert_cmpfloat (r.cues[1].start, ==, 3.24); /* clock strings with a comma */
  g_assert_cmpfloat (r.cues[1].end, ==, 8);
  g_assert_true (sidecar_has_warning (&r, "jfk.json:5:3: Expected “offsets” or “timestamps”"));
}

static void
test_sponsorblock (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkSegment *segments;
  const HarkChapter *chapters;
  guint n, n_chapters;

  sidecar_read (
      &r,
      "[\n"
      " {\"segment\": [1149.62, 1202.85], \"UUID\": \"a\", \"category\": \"sponsor\","
      " \"actionType\": \"skip\", \"votes\": 12, \"videoDuration\": 3551.58},\n"
      " {\"segment\": [3486.44, 3508.122], \"category\": \"selfpromo\", \"actionType\": "
      "\"mute\"},\n"
      " {\"segment\": [0, 0], \"category\": \"sponsor\", \"actionType\": \"full\"},\n"
      " {\"segment\": [60, 60], \"category\": \"poi_highlight\", \"actionType\": \"poi\"},\n"
      " {\"segment\": [0, 30], \"category\": \"chapter\", \"actionType\": \"chapter\","
      " \"description\": \"Opening\"},\n"
      " {\"segment\": [10, 20], \"category\": \"exclusive_access\"},\n"
      " {\"segment\": [30], \"category\": \"intro\"}\n"
      "]",
      "sb.json", HARK_SIDECAR_FORMAT_SPONSORBLOCK);
  segments = hark_transcript_get_segments (r.t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (segments[0].category, ==, HARK_CATEGORY_SPONSOR);
  g_assert_cmpfloat (segments[0].start, ==, 1149.62);
  g_assert_cmpstr (segments[0].source, ==, "sponsorblock");
  g_assert_cmpstr (segments[0].evidence, ==, "Submitted to SponsorBlock (12 votes).");
  g_assert_cmpint (segments[1].category, ==, HARK_CATEGORY_SELFPROMO);
  g_assert_cmpfloat (hark_transcript_get_media_duration (r.t), ==, 3551.58);
  chapters = hark_transcript_get_chapters (r.t, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 1);
  g_assert_cmpstr (chapters[0].title, ==, "Opening");
  g_assert_true (sidecar_has_warning (&r, "sb.json:7:2: Expected a SponsorBlock “category”"));
  g_assert_true (sidecar_has_warning (&r, "sb.json:8:2: Expected “segment” as [start, end]"));
  g_assert_cmpint (r.info.kind, ==, HARK_SIDECAR_KIND_SKIPS | HARK_SIDECAR_KIND_CHAPTERS);
}

static void
test_syntax_and_shape_errors (void)
{
  g_autoptr (GError) syntax
      = sidecar_read_error ("{\"segments\": [\n  {\"startTime\": 1 \"body\": 2}\n]}", "bad.json",
                            HARK_SIDECAR_FORMAT_AUTO);
  g_autoptr (GError) shape
      = sidecar_read_error ("{\"segments\": 3}", "shape.json", HARK_SIDECAR_FORMAT_PODCASTING2);
  g_autoptr (GError) chapters
      = sidecar_read_error ("[1, 2]", "c.json", HARK_SIDECAR_FORMAT_CHAPTERS);
  g_autoptr (GError) unknown
      = sidecar_read_error ("{\"hello\": 1}", "u.json", HARK_SIDECAR_FORMAT_AUTO);
  g_autoptr (GError) empty = sidecar_read_error ("", "e.json", HARK_SIDECAR_FORMAT_PODCASTING2);

  g_assert_error (syntax, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (syntax->message, "bad.json:2:")); /* json-glib's column */
  g_assert_nonnull (strstr (syntax->message, "expected character"));
  g_assert_cmpstr (shape->message, ==,
                   "shape.json:1:1: Expected a Podcasting 2.0 transcript: an object with a "
                   "“segments” array.");
  g_assert_error (chapters, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_error (unknown, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_error (empty, HARK_ERROR, HARK_ERROR_PARSE);
}

/* Speech services' diarised utterances: AssemblyAI (integer milliseconds, speakers "A", "B")
 * and Deepgram (seconds, speakers 0, 1, under "results"); and Podcasting 2.0 with times as
 * strings and the speaker given only where it changes. */
/* Speech services' word lists: punctuation joins its word, words become sentence cues that
 * keep their times, numbered voices read "Speaker N", and Rev's names follow its numbers. */
static void
test_word_lists (void)
{
  g_auto (SidecarRead) rev = { 0 };
  g_auto (SidecarRead) amazon = { 0 };
  g_auto (SidecarRead) speechmatics = { 0 };
  g_autoptr (GError) error = NULL;
  const HarkWord *words;

  sidecar_read (&rev,
                "{\"id\": \"r\", \"monologues\": ["
                "{\"speaker\": 0, \"speaker_name\": \"Ann Lee\", \"elements\": ["
                "{\"type\": \"text\", \"value\": \"Hello\", \"ts\": 0.5, \"end_ts\": 0.9},"
                "{\"type\": \"punct\", \"value\": \",\"}, {\"type\": \"punct\", \"value\": \" \"},"
                "{\"type\": \"text\", \"value\": \"everyone\", \"ts\": 1.0, \"end_ts\": 1.5},"
                "{\"type\": \"punct\", \"value\": \".\"}]},"
                "{\"speaker\": 1, \"elements\": ["
                "{\"type\": \"text\", \"value\": \"Thanks\", \"ts\": 2.0, \"end_ts\": 2.4},"
                "{\"type\": \"text\", \"value\": \"lost\"},"
                "{\"type\": \"punct\", \"value\": \"!\"}]},"
                "{\"speaker\": 0, \"elements\": ["
                "{\"type\": \"text\", \"value\": \"Tomatoes\", \"ts\": 62.0, \"end_ts\": 63.0}]}]}",
                "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_cmpuint (rev.n_cues, ==, 3);
  g_assert_cmpstr (rev.cues[0].text, ==, "Hello, everyone.");
  g_assert_cmpfloat_with_epsilon (rev.cues[0].start, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rev.cues[0].end, 1.5, 1e-9);
  g_assert_cmpstr (rev.cues[1].text, ==, "Thanks!");
  g_assert_cmpstr (hark_transcript_get_speaker (rev.t, (guint) rev.cues[0].speaker)->name, ==,
                   "Ann Lee");
  g_assert_cmpstr (hark_transcript_get_speaker (rev.t, (guint) rev.cues[1].speaker)->name, ==,
                   "Speaker 1");
  g_assert_cmpint (rev.cues[2].speaker, ==, rev.cues[0].speaker);
  g_assert_cmpuint (rev.cues[0].n_words, ==, 2);
  words = hark_transcript_get_words (rev.t, NULL) + rev.cues[0].first_word;
  g_assert_cmpstr (words[1].text, ==, "everyone.");
  g_assert_cmpfloat_with_epsilon (words[1].start, 1.0, 1e-9);
  g_assert_cmpuint (rev.warnings->len, ==, 1); /* the word without a time */

  sidecar_read (&amazon,
                "{\"jobName\": \"j\", \"results\": {\"transcripts\": [{\"transcript\": \"x\"}],"
                "\"speaker_labels\": {\"speakers\": 2, \"segments\": ["
                "{\"start_time\": \"0.5\", \"end_time\": \"1.5\", \"speaker_label\": \"spk_0\"},"
                "{\"start_time\": \"2.0\", \"end_time\": \"2.4\", \"speaker_label\": \"spk_1\"}]},"
                "\"items\": ["
                "{\"type\": \"pronunciation\", \"start_time\": \"0.5\", \"end_time\": \"0.9\","
                " \"alternatives\": [{\"confidence\": \"1.0\", \"content\": \"Hello\"}]},"
                "{\"type\": \"pronunciation\", \"start_time\": \"1.0\", \"end_time\": \"1.5\","
                " \"alternatives\": [{\"content\": \"everyone\"}]},"
                "{\"type\": \"punctuation\", \"alternatives\": [{\"content\": \".\"}]},"
                "{\"type\": \"pronunciation\", \"start_time\": \"2.0\", \"end_time\": \"2.4\","
                " \"alternatives\": [{\"content\": \"Thanks\"}]}]}, \"status\": \"COMPLETED\"}",
                "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_cmpuint (amazon.n_cues, ==, 2);
  g_assert_cmpstr (amazon.cues[0].text, ==, "Hello everyone.");
  g_assert_cmpstr (hark_transcript_get_speaker (amazon.t, (guint) amazon.cues[1].speaker)->name,
                   ==, "Speaker 1");
  g_assert_cmpfloat_with_epsilon (amazon.cues[1].start, 2.0, 1e-9);

  sidecar_read (&speechmatics,
                "{\"format\": \"2.9\", \"results\": ["
                "{\"type\": \"word\", \"start_time\": 0.5, \"end_time\": 0.9,"
                " \"alternatives\": [{\"content\": \"Hello\", \"speaker\": \"S1\"}]},"
                "{\"type\": \"punctuation\", \"start_time\": 0.9, \"end_time\": 0.9,"
                " \"alternatives\": [{\"content\": \".\", \"speaker\": \"S1\"}]},"
                "{\"type\": \"word\", \"start_time\": 2.0, \"end_time\": 2.4,"
                " \"alternatives\": [{\"content\": \"Thanks\", \"speaker\": \"UU\"}]}]}",
                "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_cmpuint (speechmatics.n_cues, ==, 2);
  g_assert_cmpstr (hark_transcript_get_speaker (speechmatics.t,
                                                (guint) speechmatics.cues[0].speaker)->name,
                   ==, "Speaker 1");
  g_assert_cmpuint (hark_transcript_get_n_speakers (speechmatics.t), ==, 1); /* no "UU" */

  {
    /* Google: "1.5s" times (or seconds and nanos); with speakers told apart, the last result
     * repeats every word with its speaker and is read alone. */
    g_auto (SidecarRead) google = { 0 };

    sidecar_read (&google,
                  "{\"results\": [{\"alternatives\": [{\"transcript\": \"Hello everyone.\","
                  " \"words\": [{\"startTime\": \"0.500s\", \"endTime\": \"0.900s\", \"word\": \"Hello\"},"
                  "{\"startTime\": \"1s\", \"endTime\": \"1.500s\", \"word\": \"everyone.\"}]}]},"
                  "{\"alternatives\": [{\"words\": ["
                  "{\"startTime\": \"0.500s\", \"endTime\": \"0.900s\", \"word\": \"Hello\", \"speakerTag\": 1},"
                  "{\"startTime\": \"1s\", \"endTime\": \"1.500s\", \"word\": \"everyone.\", \"speakerTag\": 1},"
                  "{\"startTime\": {\"seconds\": \"62\", \"nanos\": 500000000}, \"endTime\": \"63s\","
                  " \"word\": \"Tomatoes.\", \"speakerTag\": 2}]}]}]}",
                  "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
    g_assert_cmpuint (google.n_cues, ==, 2);
    g_assert_cmpstr (google.cues[0].text, ==, "Hello everyone.");
    g_assert_cmpfloat_with_epsilon (google.cues[1].start, 62.5, 1e-9);
    g_assert_cmpstr (hark_transcript_get_speaker (google.t, (guint) google.cues[1].speaker)->name,
                     ==, "Speaker 2");
  }

  /* Items without alternatives are skipped, not dereferenced. */
  g_clear_error (&error);
  error = sidecar_read_error ("{\"results\": [{\"type\": \"word\", \"start_time\": 1},"
                              " {\"type\": \"word\", \"alternatives\": []},"
                              " {\"type\": \"punctuation\"}]}",
                              "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_clear_error (&error);

  /* A word list with no time anywhere has nothing to follow the audio with. */
  error = sidecar_read_error ("{\"monologues\": [{\"speaker\": 0, \"elements\": ["
                              "{\"type\": \"text\", \"value\": \"Hi\"}]}]}",
                              "episode.json", HARK_SIDECAR_FORMAT_AUTO);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "episode.json:1:1: Expected words with a start time"));
}

/* Deepgram and AssemblyAI without utterances: words alone, told from the rest by their shape. */
static void
test_service_words (void)
{
  g_auto (SidecarRead) deepgram = { 0 };
  g_auto (SidecarRead) channels = { 0 };
  g_auto (SidecarRead) assembly = { 0 };

  /* The punctuated word is shown; the plain one only where there is no other. */
  sidecar_read (&deepgram,
                "{\"metadata\": {\"duration\": 70.0, \"channels\": 1},"
                " \"results\": {\"channels\": [{\"alternatives\": [{\"transcript\": \"x\","
                " \"words\": [{\"word\": \"hello\", \"start\": 0.5, \"end\": 0.9,"
                " \"punctuated_word\": \"Hello,\", \"speaker\": 0},"
                "{\"word\": \"everyone\", \"start\": 1.0, \"end\": 1.5, \"punctuated_word\": \"everyone.\","
                " \"speaker\": 0},"
                "{\"word\": \"thanks\", \"start\": 62.0, \"end\": 62.4, \"speaker\": 1}]}]}]}}",
                "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_cmpuint (deepgram.n_cues, ==, 2);
  g_assert_cmpstr (deepgram.cues[0].text, ==, "Hello, everyone.");
  g_assert_cmpfloat_with_epsilon (deepgram.cues[0].start, 0.5, 1e-9);
  g_assert_cmpstr (deepgram.cues[1].text, ==, "thanks");
  g_assert_cmpfloat_with_epsilon (deepgram.cues[1].start, 62.0, 1e-9);
  g_assert_cmpstr (hark_transcript_get_speaker (deepgram.t, (guint) deepgram.cues[1].speaker)->name,
                   ==, "Speaker 1");

  /* Two microphones and no diarisation: a voice each, their words merged in time. */
  sidecar_read (&channels,
                "{\"results\": {\"channels\": ["
                "{\"alternatives\": [{\"words\": [{\"word\": \"first.\", \"start\": 1.0, \"end\": 1.4},"
                "{\"word\": \"third.\", \"start\": 9.0, \"end\": 9.5}]}]},"
                "{\"alternatives\": [{\"words\": [{\"word\": \"second.\", \"start\": 5.0,"
                " \"end\": 5.5}]}]}]}}",
                "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_cmpuint (channels.n_cues, ==, 3);
  g_assert_cmpstr (channels.cues[1].text, ==, "second.");
  g_assert_cmpstr (hark_transcript_get_speaker (channels.t, (guint) channels.cues[1].speaker)->name,
                   ==, "Channel 2");
  g_assert_cmpint (channels.cues[2].speaker, ==, channels.cues[0].speaker);

  /* AssemblyAI counts milliseconds and names its speakers by letter. */
  sidecar_read (&assembly,
                "{\"id\": \"a\", \"status\": \"completed\", \"text\": \"Hi there. Yes.\","
                " \"words\": [{\"text\": \"Hi\", \"start\": 500, \"end\": 800, \"speaker\": \"A\"},"
                "{\"text\": \"there.\", \"start\": 800, \"end\": 1200, \"speaker\": \"A\"},"
                "{\"text\": \"Yes.\", \"start\": 3000, \"end\": 3400, \"speaker\": \"B\"}]}",
                "episode.json", HARK_SIDECAR_FORMAT_WORD_LIST);
  g_assert_cmpuint (assembly.n_cues, ==, 2);
  g_assert_cmpstr (assembly.cues[0].text, ==, "Hi there.");
  g_assert_cmpfloat_with_epsilon (assembly.cues[0].end, 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (assembly.cues[1].start, 3.0, 1e-9);
  g_assert_cmpstr (hark_transcript_get_speaker (assembly.t, (guint) assembly.cues[1].speaker)->name,
                   ==, "Speaker B");
}

/* Podlove's export: a bare array, clock-time strings, "speaker" an id and "voice" the name. */
static void
test_numbered_speakers_with_names (void)
{
  g_auto (SidecarRead) r = { 0 };

  sidecar_read (&r,
                "[{\"start\": \"00:00:00.000\", \"start_ms\": 0, \"end\": \"00:00:04.500\","
                " \"end_ms\": 4500, \"speaker\": \"12\", \"voice\": \"Ann Lee\", \"text\": \"Hi.\"},"
                "{\"start\": \"00:00:04.500\", \"start_ms\": 4500, \"end\": \"00:00:09.000\","
                " \"end_ms\": 9000, \"speaker\": \"13\", \"voice\": \"Bo Park\", \"text\": \"Hello.\"},"
                "{\"start\": \"00:00:09.000\", \"end\": \"00:00:12.000\", \"speaker\": \"12\","
                " \"voice\": \"Ann Lee\", \"text\": \"Go on.\"}]",
                "episode.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpfloat_with_epsilon (r.cues[1].start, 4.5, 1e-9);
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[0].speaker)->name, ==,
                   "Ann Lee");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, (guint) r.cues[1].speaker)->name, ==,
                   "Bo Park");
  g_assert_cmpint (r.cues[2].speaker, ==, r.cues[0].speaker);
}

static void
test_service_utterances (void)
{
  g_auto (SidecarRead) assembly = { 0 };
  g_auto (SidecarRead) deepgram = { 0 };
  g_auto (SidecarRead) p20 = { 0 };

  sidecar_read (&assembly,
                "{\"id\": \"x\", \"text\": \"Hello. Thanks. Tomatoes.\", \"utterances\": ["
                "{\"speaker\": \"A\", \"start\": 500, \"end\": 8000, \"text\": \"Hello.\","
                " \"words\": [{\"text\": \"Hello.\", \"start\": 500, \"end\": 900}]},"
                "{\"speaker\": \"B\", \"start\": 9000, \"end\": 15500, \"text\": \"Thanks.\"},"
                "{\"speaker\": \"A\", \"start\": 62000, \"end\": 65000, \"text\": \"Tomatoes.\"}]}",
                "episode.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (assembly.n_cues, ==, 3);
  g_assert_cmpfloat_with_epsilon (assembly.cues[0].start, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (assembly.cues[2].end, 65.0, 1e-9);
  g_assert_cmpstr (hark_transcript_get_speaker (assembly.t, (guint) assembly.cues[1].speaker)->name,
                   ==, "Speaker B");
  g_assert_cmpint (assembly.cues[2].speaker, ==, assembly.cues[0].speaker);

  sidecar_read (&deepgram,
                "{\"metadata\": {}, \"results\": {\"channels\": [], \"utterances\": ["
                "{\"speaker\": 0, \"start\": 0.5, \"end\": 8.0, \"transcript\": \"Hello.\"},"
                "{\"speaker\": 1, \"start\": 9.0, \"end\": 15.5, \"transcript\": \"Thanks.\"}]}}",
                "episode", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (deepgram.n_cues, ==, 2);
  g_assert_cmpfloat_with_epsilon (deepgram.cues[1].start, 9.0, 1e-9);
  g_assert_cmpstr (deepgram.cues[1].text, ==, "Thanks.");
  g_assert_cmpstr (hark_transcript_get_speaker (deepgram.t, (guint) deepgram.cues[1].speaker)->name,
                   ==, "Speaker 1");

  sidecar_read (&p20,
                "{\"version\": \"1.0.0\", \"segments\": ["
                "{\"speaker\": \"Ann Lee\", \"startTime\": \"0.5\", \"endTime\": \"8.0\", "
                "\"body\": \"Hello.\"},"
                "{\"startTime\": \"9\", \"endTime\": \"15.5\", \"body\": \"And more.\"},"
                "{\"speaker\": \"Bo Park\", \"startTime\": \"00:01:02.000\", \"endTime\": "
                "\"00:01:05.000\", \"body\": \"Tomatoes.\"}]}",
                "episode.json", HARK_SIDECAR_FORMAT_PODCASTING2);
  g_assert_cmpuint (p20.n_cues, ==, 3);
  g_assert_cmpfloat_with_epsilon (p20.cues[1].start, 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p20.cues[2].start, 62.0, 1e-9);
  /* A segment without a speaker goes on with the one before. */
  g_assert_cmpint (p20.cues[1].speaker, ==, p20.cues[0].speaker);
  g_assert_cmpstr (hark_transcript_get_speaker (p20.t, (guint) p20.cues[2].speaker)->name, ==,
                   "Bo Park");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/p20/turn-level", test_p20_turn_level);
  g_test_add_func ("/json/p20/word-level", test_p20_word_level);
  g_test_add_func ("/json/p20/milliseconds", test_p20_milliseconds);
  g_test_add_func ("/json/chapters", test_chapters);
  g_test_add_func ("/json/whisper", test_whisper);
  g_test_add_func ("/json/whisperx", test_whisperx);
  g_test_add_func ("/json/whisper-cpp", test_whisper_cpp);
  g_test_add_func ("/json/sponsorblock", test_sponsorblock);
  g_test_add_func ("/json/syntax-and-shape-errors", test_syntax_and_shape_errors);
  g_test_add_func ("/json/service-utterances", test_service_utterances);
  g_test_add_func ("/json/numbered-speakers-with-names", test_numbered_speakers_with_names);
  g_test_add_func ("/json/word-lists", test_word_lists);
  g_test_add_func ("/json/service-words", test_service_words);
  return g_test_run ();
}
