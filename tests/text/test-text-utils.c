/* test-text-utils.c — encodings, line endings, character references, speaker prefixes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "text/hark-text-utils.h"

static void
test_normalize_bom_and_line_endings (void)
{
  static const char bom_crlf_cr[] = "\xef\xbb\xbfone\r\ntwo\rthree\n";
  g_autofree char *utf8 = hark_text_normalize (bom_crlf_cr, sizeof bom_crlf_cr - 1, NULL, NULL);
  g_autofree char *nul = hark_text_normalize ("a\0b", 3, NULL, NULL);
  /* UTF-8 with one damaged byte stays UTF-8. */
  static const char damaged[] = "caf\xc3\xa9 \xc3\xa7" "a \xff";
  g_autofree char *invalid = hark_text_normalize (damaged, sizeof damaged - 1, NULL, NULL);

  g_assert_cmpstr (utf8, ==, "one\ntwo\nthree\n");
  g_assert_cmpstr (nul, ==,
                   "a\xef\xbf\xbd"
                   "b");
  g_assert_cmpstr (invalid, ==, "café ça \xef\xbf\xbd");
}

/* Text from tools that write a Windows code page: its bytes stand alone, not as UTF-8. */
static void
test_normalize_code_page (void)
{
  static const char cp1252[] = "Ann: Caf\xe9 time \x93quoted\x94.\r\nBo: Na\xefve\x85\r\n";
  /* 0x81 is not defined in Windows-1252: Latin-1 reads it. */
  static const char latin1[] = "caf\xe9 \x81";
  g_autofree char *western = hark_text_normalize (cp1252, sizeof cp1252 - 1, NULL, NULL);
  g_autofree char *undefined = hark_text_normalize (latin1, sizeof latin1 - 1, NULL, NULL);
  g_autofree char *taken = hark_text_normalize_take (g_strdup (cp1252), sizeof cp1252 - 1, NULL,
                                                     NULL);

  g_assert_cmpstr (western, ==, "Ann: Café time “quoted”.\nBo: Naïve…\n");
  g_assert_cmpstr (taken, ==, western);
  g_assert_cmpstr (undefined, ==, "café \xc2\x81");
}

static void
test_normalize_utf16 (void)
{
  /* "Hé\r\n" in UTF-16 LE and BE with their byte order marks. */
  static const char le[] = "\xff\xfeH\0\xe9\0\r\0\n\0";
  static const char be[] = "\xfe\xff\0H\0\xe9\0\r\0\n";
  g_autofree char *from_le = hark_text_normalize (le, sizeof le - 1, NULL, NULL);
  g_autofree char *from_be = hark_text_normalize (be, sizeof be - 1, NULL, NULL);
  g_autoptr (GError) error = NULL;
  /* A lone low surrogate is not UTF-16. */
  g_autofree char *broken = hark_text_normalize ("\xff\xfe\x00\xdc", 4, NULL, &error);

  g_assert_cmpstr (from_le, ==, "H\xc3\xa9\n");
  g_assert_cmpstr (from_be, ==, "H\xc3\xa9\n");
  g_assert_null (broken);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_CORRUPT);
}

static void
test_entities (void)
{
  static const struct
  {
    const char *in, *out;
  } cases[] = {
    { "Tom &amp; Jerry", "Tom & Jerry" },
    { "&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'" },
    { "caf&eacute; caf&#233; caf&#xE9; caf&#XE9;", "café café café café" },
    { "&nbsp;", "\xc2\xa0" },
    { "&hellip;&mdash;&rsquo;&euro;", "…—’€" },
    { "&CounterClockwiseContourIntegral;", "∳" },
    { "&NotNestedGreaterGreater;", "⪢̸" }, /* two code points */
    { "&eacutes", "és" },                 /* legacy name without ';' */
    { "AT&T &unknown; & &; &#; &#x;", "AT&T &unknown; & &; &#; &#x;" },
    { "&#128512; &#0; &#x110000; &#xD800;", "😀 \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd" },
    { "&#150;", "–" }, /* HTML maps C1 numbers to Windows-1252 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *decoded = hark_text_decode_entities (cases[i].in);

      g_assert_cmpstr (decoded, ==, cases[i].out);
    }
}

static void
test_strip_and_collapse (void)
{
  g_autofree char *plain = hark_text_strip_markup ("<i>Hello</i> &amp; <b>bye</b>");
  g_autofree char *collapsed = hark_text_collapse_space ("  a \n\t b\xc2\xa0 c  ");

  g_assert_cmpstr (plain, ==, "Hello & bye");
  g_assert_cmpstr (collapsed, ==, "a b c");
}

static void
test_speaker_prefixes (void)
{
  static const struct
  {
    const char *line, *speaker, *rest;
  } speakers[] = {
    { "Michael Kennedy: Hello there.", "Michael Kennedy", "Hello there." },
    { "MICHAEL: Hi", "MICHAEL", "Hi" },
    { ">> MICHAEL KENNEDY: Hi", "MICHAEL KENNEDY", "Hi" },
    { ">>Anna: Yes", "Anna", "Yes" },
    { "[SPEAKER_00]: So", "SPEAKER_00", "So" },
    { "SPEAKER_01: Right", "SPEAKER_01", "Right" },
    { "Speaker 2: Right", "Speaker 2", "Right" },
    { "Dr. Jane O'Brien-Smith: Indeed", "Dr. Jane O'Brien-Smith", "Indeed" },
    { "Ludwig van Beethoven: Da da da", "Ludwig van Beethoven", "Da da da" },
    { "Élodie: Oui", "Élodie", "Oui" },
    { "Panelists:", "Panelists", "" },
    { "Anna:no space after the colon", "Anna", "no space after the colon" },
  };
  static const char *const not_speakers[] = {
    "Note: this was recorded live.",
    "NOTE: nothing",
    "Update: fixed",
    "P.S: yes",
    "10:30 we started",
    "at 10:30: lunch",
    "https://talkpython.fm is the site",
    "http: the protocol",
    "[music]: la la",
    "[Music]",
    "So the answer is: yes",
    "Here's the thing: it works",
    "mkennedy: lowercase handle",
    "Re:Invent was great",
    "A very long sentence that goes on and on with many words: and then a colon",
    "",
    ":",
    "  : nothing",
    "[unclosed: text",
    "1. Item: text",
  };

  for (guint i = 0; i < G_N_ELEMENTS (speakers); i++)
    {
      g_autofree char *speaker = NULL;
      const char *rest = NULL;

      g_assert_true (hark_text_split_speaker (speakers[i].line, &speaker, &rest));
      g_assert_cmpstr (speaker, ==, speakers[i].speaker);
      g_assert_cmpstr (rest, ==, speakers[i].rest);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_speakers); i++)
    {
      g_autofree char *speaker = NULL;

      if (hark_text_split_speaker (not_speakers[i], &speaker, NULL))
        g_error ("“%s” was taken for speaker “%s”", not_speakers[i], speaker);
    }
}

static void
test_scan_time (void)
{
  static const struct
  {
    const char *text;
    double seconds;
    gsize consumed;
  } good[] = {
    { "00:00:01.000 -->", 1.0, 12 }, { "05:12.340", 312.34, 9 }, { "123:00:00.5", 442800.5, 11 },
    { "00:01:02,25", 62.25, 11 },    { "1:02:03", 3723, 7 },     { "4:05 text", 245, 4 },
    { "00:00:01.", 1, 8 }, /* a dot with no digits is not part of the time */
  };
  static const char *const bad[] = { "", "12", "1:60", "1:2", "00:61:00", "a:00", ":00", "1:002" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const char *end = NULL;
      double seconds = -1;

      g_assert_true (hark_text_scan_time (good[i].text, &end, &seconds));
      g_assert_cmpfloat_with_epsilon (seconds, good[i].seconds, 1e-9);
      g_assert_cmpuint (end - good[i].text, ==, good[i].consumed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *end;
      double seconds;

      if (hark_text_scan_time (bad[i], &end, &seconds))
        g_error ("“%s” was read as %g s", bad[i], seconds);
    }
}

static void
test_lines_and_columns (void)
{
  HarkLineReader reader;
  const char *text = "a\n\n  \nlast";
  guint n = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    n++;
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (reader.number, ==, 4);
  g_assert_true (hark_text_line_is_blank ("  ", 2, TRUE));
  g_assert_false (hark_text_line_is_blank ("  ", 2, FALSE)); /* spaces are not a blank line */
  g_assert_cmpuint (hark_text_column ("héllo", strchr ("héllo", 'l')), ==, 3);
}

static void
test_credit_footer (void)
{
  struct
  {
    const char *in, *out;
  } cases[] = {
    /* A signature after a blank line goes, with the blank lines before it. */
    { "Ann: Hello.\nBo: Hi.\n\nTranscribed by https://tool.example\n", "Ann: Hello.\nBo: Hi.\n\n" },
    { "Ann: Hello.\n\n*Transcript generated by Some Tool*\n  \n", "Ann: Hello.\n\n" },
    /* Part of the last paragraph: speech, kept. */
    { "Ann: It was all\ntranscribed by hand.\n", "Ann: It was all\ntranscribed by hand.\n" },
    /* A speaker saying it on a line of their own is a turn, kept. */
    { "Ann: Hello.\n\nBo: Transcribed by hand, every word.\n",
      "Ann: Hello.\n\nBo: Transcribed by hand, every word.\n" },
    /* The only line: nothing to keep it from. */
    { "Transcribed by someone\n", "Transcribed by someone\n" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup (cases[i].in);

      hark_text_drop_credit_footer (text);
      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

/* Punctuation that tools give a word of its own joins its neighbour. */
static void
test_append_word (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *words[] = { "Hi", ",", "there", ".", "(", "laughs", ")", "“", "Yes", "”", "&",
                          "no", "…", "¿", "Qué", "?" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    hark_text_append_word (text, words[i]);
  g_assert_cmpstr (text->str, ==, "Hi, there. (laughs) “Yes” & no… ¿Qué?");
  g_assert_true (hark_text_is_closing_punctuation ("?!"));
  g_assert_false (hark_text_is_closing_punctuation ("&"));
  g_assert_false (hark_text_is_closing_punctuation (""));
  g_assert_false (hark_text_is_closing_punctuation ("a."));
  g_assert_true (hark_text_is_opening_punctuation ("(“"));
  g_assert_false (hark_text_is_opening_punctuation ("\xff("));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/normalize/bom-and-line-endings", test_normalize_bom_and_line_endings);
  g_test_add_func ("/text/normalize/utf16", test_normalize_utf16);
  g_test_add_func ("/text/normalize/code-page", test_normalize_code_page);
  g_test_add_func ("/text/entities", test_entities);
  g_test_add_func ("/text/strip-and-collapse", test_strip_and_collapse);
  g_test_add_func ("/text/speaker-prefixes", test_speaker_prefixes);
  g_test_add_func ("/text/scan-time", test_scan_time);
  g_test_add_func ("/text/lines-and-columns", test_lines_and_columns);
  g_test_add_func ("/text/credit-footer", test_credit_footer);
  g_test_add_func ("/text/append-word", test_append_word);
  return g_test_run ();
}
