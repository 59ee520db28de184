/* test-feed-parser.c — RSS, iTunes, Podcasting 2.0 and Atom, and the ways real feeds break
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "feeds/hark-feed-private.h"
#include "hark-test-util.h"
#include "util/hark-error.h"

#define ITUNES_NS "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define P20_NS "https://podcastindex.org/namespace/1.0"
#define P20_GITHUB_NS "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"

static HarkFeed *
parse_ok (const char *xml, const char *base)
{
  g_autoptr (GError) error = NULL;
  HarkFeed *feed = hark_feed_parse (xml, strlen (xml), "test.xml", base, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static HarkFeedEpisode *
episode (HarkFeed *feed, guint i)
{
  g_assert_cmpuint (i, <, feed->episodes->len);
  return g_ptr_array_index (feed->episodes, i);
}

/* TRUE when one warning contains @needle. */
static gboolean
warned (HarkFeed *feed, const char *needle)
{
  for (guint i = 0; i < feed->warnings->len; i++)
    if (strstr (g_ptr_array_index (feed->warnings, i), needle))
      return TRUE;
  return FALSE;
}

static void
test_rss_full (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:itunes=\"" ITUNES_NS "\" xmlns:podcast=\"" P20_NS "\"\n"
    "     xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
    "<channel>\n"
    "  <title>The Show</title><link>https://show.example/</link><language>en-gb</language>\n"
    "  <itunes:image href=\"https://show.example/art.jpg\"/>\n"
    "  <image><url>https://show.example/small.jpg</url></image>\n"
    "  <itunes:new-feed-url>https://new.example/feed.xml</itunes:new-feed-url>\n"
    "  <atom:link rel=\"next\" href=\"https://show.example/feed?page=2\"/>\n"
    "  <podcast:person role=\"Host\" img=\"https://show.example/ann.jpg\">Ann Host</podcast:person>\n"
    "  <item>\n"
    "    <title>Episode 2</title><guid isPermaLink=\"false\">ep-2</guid>\n"
    "    <pubDate>Tue, 01 Dec 2026 07:31:17 +0000</pubDate>\n"
    "    <itunes:duration>1:02:03</itunes:duration>\n"
    "    <enclosure url=\"https://cdn.example/ep2.mp3?x=1\" type=\"audio/mpeg\" length=\"1234\"/>\n"
    "    <itunes:image href=\"https://show.example/ep2.jpg\"/>\n"
    "    <podcast:transcript url=\"https://show.example/ep2.vtt\" type=\"text/vtt\" language=\"en\" rel=\"captions\"/>\n"
    "    <podcast:transcript url=\"https://show.example/ep2.json\" type=\"application/json\"/>\n"
    "    <podcast:chapters url=\"https://show.example/ep2.chapters.json\" type=\"application/json+chapters\"/>\n"
    "    <podcast:person role=\"guest\" group=\"Cast\" href=\"https://bob.example\">Bob Guest</podcast:person>\n"
    "  </item>\n"
    "  <item><title>Episode 1</title><guid>ep-1</guid><itunes:duration>95</itunes:duration>\n"
    "    <enclosure url=\"https://cdn.example/ep1.mp3\" type=\"audio/mpeg\" length=\"99\"/></item>\n"
    "  <item><title>Just a post</title><link>https://show.example/post</link></item>\n"
    "</channel></rss>\n";
  g_autoptr (HarkFeed) feed = parse_ok (xml, NULL);
  HarkFeedEpisode *e;
  HarkFeedTranscript *t;
  HarkFeedPerson *person;

  g_assert_cmpstr (feed->title, ==, "The Show");
  g_assert_cmpstr (feed->link, ==, "https://show.example/");
  g_assert_cmpstr (feed->language, ==, "en-gb");
  g_assert_cmpstr (feed->image, ==, "https://show.example/art.jpg");
  g_assert_cmpstr (feed->new_feed_url, ==, "https://new.example/feed.xml");
  g_assert_cmpstr (feed->next_page, ==, "https://show.example/feed?page=2");
  g_assert_cmpuint (feed->episodes->len, ==, 3);

  e = episode (feed, 0);
  g_assert_cmpstr (e->title, ==, "Episode 2");
  g_assert_cmpstr (e->guid, ==, "ep-2");
  g_assert_true (e->has_published);
  g_assert_cmpint (e->published, ==, 1796110277);
  g_assert_cmpfloat (e->duration, ==, 3723);
  g_assert_cmpstr (e->enclosure_url, ==, "https://cdn.example/ep2.mp3?x=1");
  g_assert_cmpstr (e->enclosure_type, ==, "audio/mpeg");
  g_assert_cmpint (e->enclosure_length, ==, 1234);
  g_assert_cmpstr (e->image, ==, "https://show.example/ep2.jpg");
  g_assert_cmpuint (e->transcripts->len, ==, 2);
  t = g_ptr_array_index (e->transcripts, 0);
  g_assert_cmpstr (t->url, ==, "https://show.example/ep2.vtt");
  g_assert_cmpstr (t->type, ==, "text/vtt");
  g_assert_cmpstr (t->language, ==, "en");
  g_assert_cmpstr (t->rel, ==, "captions");
  g_assert_cmpstr (e->chapters_url, ==, "https://show.example/ep2.chapters.json");
  g_assert_cmpstr (e->chapters_type, ==, "application/json+chapters");
  g_assert_cmpuint (e->persons->len, ==, 1);
  person = g_ptr_array_index (e->persons, 0);
  g_assert_cmpstr (person->name, ==, "Bob Guest");
  g_assert_cmpstr (person->role, ==, "guest");
  g_assert_cmpstr (person->group, ==, "cast");
  g_assert_cmpstr (person->href, ==, "https://bob.example");

  /* The show's host takes part where an episode names nobody. */
  e = episode (feed, 1);
  g_assert_cmpfloat (e->duration, ==, 95);
  g_assert_false (e->has_published);
  g_assert_cmpuint (e->persons->len, ==, 1);
  person = g_ptr_array_index (e->persons, 0);
  g_assert_cmpstr (person->name, ==, "Ann Host");
  g_assert_cmpstr (person->role, ==, "host");

  e = episode (feed, 2);
  g_assert_null (e->enclosure_url);
  g_assert_cmpstr (e->link, ==, "https://show.example/post");
  g_assert_cmpuint (feed->warnings->len, ==, 1);
  g_assert_true (warned (feed, "without a playable enclosure"));
}

static void
test_p20_github_namespace (void)
{
  const char *xml =
    "<rss xmlns:podcast=\"" P20_GITHUB_NS "\"><channel><title>Old</title>"
    "<item><guid>a</guid><enclosure url=\"https://x.example/a.mp3\" type=\"audio/mpeg\" length=\"5\"/>"
    "<podcast:transcript url=\"https://x.example/a.srt\" type=\"application/x-subrip\"/>"
    "<podcast:chapters url=\"https://x.example/a.json\" type=\"application/json+chapters\"/>"
    "<podcast:person>Cy</podcast:person></item></channel></rss>";
  g_autoptr (HarkFeed) feed = parse_ok (xml, NULL);
  HarkFeedEpisode *e = episode (feed, 0);

  g_assert_cmpuint (e->transcripts->len, ==, 1);
  g_assert_cmpstr (e->chapters_url, ==, "https://x.example/a.json");
  g_assert_cmpuint (e->persons->len, ==, 1);
  g_assert_cmpstr (((HarkFeedPerson *) g_ptr_array_index (e->persons, 0))->group, ==, "cast");
  g_assert_cmpuint (feed->warnings->len, ==, 0);
}

static void
test_atom (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    "<title type=\"text\">Atom Show</title>\n"
    "<link rel=\"self\" href=\"https://atom.example/feed.atom\"/>\n"
    "<link href=\"https://atom.example/\"/>\n"
    "<link rel=\"next\" href=\"/feed.atom?page=2\"/>\n"
    "<logo>https://atom.example/logo.png</logo>\n"
    "<entry><id>urn:uuid:1</id><title>First</title>\n"
    "  <published>2024-03-15T10:20:30+01:00</published>\n"
    "  <link rel=\"alternate\" href=\"https://atom.example/1\"/>\n"
    "  <link rel=\"enclosure\" href=\"media/1.ogg\" type=\"audio/ogg\" length=\"42\"/>\n"
    "  <summary type=\"html\">&lt;p&gt;Hello &amp;amp; bye&lt;/p&gt;</summary>\n"
    "</entry></feed>";
  g_autoptr (HarkFeed) feed = parse_ok (xml, NULL);
  HarkFeedEpisode *e = episode (feed, 0);

  g_assert_cmpstr (feed->title, ==, "Atom Show");
  g_assert_cmpstr (feed->link, ==, "https://atom.example/");
  g_assert_cmpstr (feed->image, ==, "https://atom.example/logo.png");
  g_assert_cmpstr (feed->next_page, ==, "https://atom.example/feed.atom?page=2");
  g_assert_cmpstr (e->guid, ==, "urn:uuid:1");
  g_assert_cmpint (e->published, ==, 1710494430);
  g_assert_cmpstr (e->link, ==, "https://atom.example/1");
  g_assert_cmpstr (e->enclosure_url, ==, "https://atom.example/media/1.ogg");
  g_assert_cmpint (e->enclosure_length, ==, 42);
  g_assert_cmpstr (e->description, ==, "Hello & bye");
  g_assert_true (warned (feed, "relative URL"));
}

static void
test_undefined_entities (void)
{
  const char *xml =
    "<rss><channel><title>A&nbsp;B &gtgt; C &copy; D & E</title>"
    "<item><title>T &mdash; one</title><guid>g&amp;1</guid>"
    "<enclosure url=\"https://x.example/a.mp3?a=1&b=2\" type=\"audio/mpeg\" length=\"1\"/></item>"
    "<item><title>Two &#150; dash</title><guid>g2</guid></item>"
    "</channel></rss>";
  g_autoptr (HarkFeed) feed = parse_ok (xml, NULL);

  g_assert_cmpstr (feed->title, ==, "A B &gtgt; C \u00a9 D & E");
  g_assert_cmpstr (episode (feed, 0)->title, ==, "T \u2014 one");
  g_assert_cmpstr (episode (feed, 0)->guid, ==, "g&1");
  g_assert_cmpstr (episode (feed, 0)->enclosure_url, ==, "https://x.example/a.mp3?a=1&b=2");
  g_assert_cmpstr (episode (feed, 1)->title, ==, "Two \u2013 dash");
  g_assert_true (warned (feed, "&nbsp;"));
  g_assert_true (warned (feed, "&gtgt;"));
  g_assert_true (warned (feed, "unescaped '&'"));
  g_assert_true (warned (feed, "&#150;"));
}

static void
test_prolog_breakage (void)
{
  g_autoptr (HarkFeed) spaced = parse_ok ("\n\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                          "<rss><channel><title>S</title><item><guid>1</guid>"
                                          "</item></channel></rss>", NULL);
  g_autoptr (HarkFeed) bom = parse_ok ("\xEF\xBB\xBF<?xml version=\"1.0\"?><rss><channel>"
                                       "<title>B\xC3\xA9</title></channel></rss>", NULL);
  g_autoptr (HarkFeed) both = parse_ok ("\xEF\xBB\xBF \r\n<?xml version=\"1.0\"?><rss><channel>"
                                        "<title>B</title></channel></rss>", NULL);

  g_assert_cmpuint (spaced->episodes->len, ==, 1);
  g_assert_true (warned (spaced, "white space before the XML declaration"));
  g_assert_cmpstr (bom->title, ==, "B\u00e9");
  g_assert_true (warned (both, "white space before"));
}

/* UTF-8 feeds of every length modulo 32 (the check reads the input a word or two at a time,
 * so its last step differs with the length) are read as UTF-8, never as Windows-1252; a
 * stray byte in the last few is still found. */
static void
test_utf8_every_length (void)
{
  for (guint pad = 0; pad < 32; pad++)
    {
      g_autofree char *spaces = g_strnfill (pad, ' ');
      g_autofree char *xml = g_strdup_printf (
        "<rss><channel><title>Caf\xC3\xA9 \xE2\x80\x93 ok</title></channel></rss>%s\n", spaces);
      g_autofree char *stray = g_strdup_printf (
        "<rss><channel><title>ok</title></channel></rss>%s\x96\n", spaces);
      g_autoptr (HarkFeed) feed = parse_ok (xml, NULL);
      g_autoptr (HarkFeed) broken = parse_ok (stray, NULL);

      g_assert_cmpstr (feed->title, ==, "Caf\u00e9 \u2013 ok");
      g_assert_false (warned (feed, "Windows-1252"));
      g_assert_true (warned (broken, "Windows-1252"));
    }
}

static void
test_encodings (void)
{
  /* "Café – ok" in each encoding; 0x96 is an en dash only in Windows-1252. */
  g_autoptr (HarkFeed) latin1 = parse_ok (
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xE9</title>"
    "</channel></rss>", NULL);
  g_autoptr (HarkFeed) cp1252 = parse_ok (
    "<?xml version='1.0' encoding='windows-1252'?><rss><channel><title>Caf\xE9 \x96 ok</title>"
    "</channel></rss>", NULL);
  g_autoptr (HarkFeed) undeclared = parse_ok (
    "<rss><channel><title>Caf\xE9 \x96 ok</title><item><title>Na\xEFve</title></item>"
    "</channel></rss>", NULL);
  g_autoptr (HarkFeed) lying = parse_ok (
    "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Caf\xC3\xA9</title>"
    "</channel></rss>", NULL);
  g_autoptr (HarkFeed) koi8 = parse_ok (
    "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><channel><title>\xF0\xD2\xC9\xD7\xC5\xD4"
    "</title></channel></rss>", NULL);

  g_assert_cmpstr (latin1->title, ==, "Caf\u00e9");
  g_assert_true (warned (latin1, "iso-8859-1"));
  g_assert_cmpstr (cp1252->title, ==, "Caf\u00e9 \u2013 ok");
  g_assert_cmpstr (undeclared->title, ==, "Caf\u00e9 \u2013 ok");
  g_assert_cmpstr (episode (undeclared, 0)->title, ==, "Na\u00efve");
  g_assert_true (warned (undeclared, "Windows-1252"));
  g_assert_cmpstr (lying->title, ==, "Caf\u00e9");
  g_assert_true (warned (lying, "but is UTF-8"));
  g_assert_cmpstr (koi8->title, ==, "\u041f\u0440\u0438\u0432\u0435\u0442");
}

static void
test_undeclared_prefix (void)
{
  g_autoptr (HarkFeed) feed = parse_ok (
    "<rss version=\"2.0\"><channel><title>P</title>"
    "<itunes:new-feed-url>https://moved.example/rss</itunes:new-feed-url>"
    "<itunes:image href=\"https://p.example/i.png\"/>"
    "<item><guid>1</guid><itunes:duration>12:34</itunes:duration></item></channel></rss>",
    NULL);

  g_assert_cmpstr (feed->new_feed_url, ==, "https://moved.example/rss");
  g_assert_cmpstr (feed->image, ==, "https://p.example/i.png");
  g_assert_cmpfloat (episode (feed, 0)->duration, ==, 754);
  g_assert_true (warned (feed, "“itunes:” used without being declared"));
}

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    gint64 expected;
    gboolean wrong_weekday;
  } cases[] = {
    { "Tue, 01 Dec 2026 07:31:17 +0000", 1796110277, FALSE },
    { "Mon, 01 Dec 2026 07:31:17 GMT", 1796110277, TRUE },
    { "01 Dec 2026 07:31:17 GMT", 1796110277, FALSE },
    { "Tue, 1 Dec 2026 07:31 +0000", 1796110260, FALSE },
    { "Tue, 01 Dec 26 07:31:17 GMT", 1796110277, FALSE },
    { "Tue, 01 Dec 2026 02:31:17 EST", 1796110277, FALSE },
    { "Tue, 01 Dec 2026 09:31:17 +0200", 1796110277, FALSE },
    { "Tuesday, 01 December 2026 07:31:17 +00:00", 1796110277, FALSE },
    { "Tue, 01 Dec 2026 07:31:17", 1796110277, FALSE },
    { "2026-12-01T07:31:17Z", 1796110277, FALSE },
    { "2026-12-01T08:31:17+01:00", 1796110277, FALSE },
    { "2026-12-01 07:31:17", 1796110277, FALSE },
    { "2026-12-01", 1796083200, FALSE },
  };
  static const char *const bad[] = { "", "yesterday", "Tue, 32 Dec 2026 07:31:17 GMT",
                                     "Tue, 01 Foo 2026", "2026-13-01T00:00:00Z", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 when = 0;
      gboolean wrong = FALSE;
      g_test_message ("%s", cases[i].text);
      g_assert_true (hark_feed_parse_date (cases[i].text, &when, &wrong));
      g_assert_cmpint (when, ==, cases[i].expected);
      g_assert_cmpint (wrong, ==, cases[i].wrong_weekday);
    }
  for (guint i = 0; bad[i]; i++)
    {
      gint64 when = 0;
      gboolean wrong = FALSE;
      g_test_message ("%s", bad[i]);
      g_assert_false (hark_feed_parse_date (bad[i], &when, &wrong));
    }
}

static void
test_durations (void)
{
  static const struct
  {
    const char *text;
    double seconds;
  } cases[] = {
    { "1:02:03", 3723 }, { "01:02:03", 3723 }, { "62:03", 3723 }, { "3723", 3723 },
    { "1014.708375", 1014.708375 }, { "0:01:02.5", 62.5 }, { " 95 ", 95 }, { "100:00:00", 360000 },
  };
  static const char *const bad[] = { "", "abc", "1:2:3:4", "-5", "1:60", "1.5:00", "12 min", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double seconds = -1;
      g_assert_true (hark_feed_parse_duration (cases[i].text, &seconds));
      g_assert_cmpfloat_with_epsilon (seconds, cases[i].seconds, 1e-9);
    }
  for (guint i = 0; bad[i]; i++)
    {
      double seconds = -1;
      g_test_message ("%s", bad[i]);
      g_assert_false (hark_feed_parse_duration (bad[i], &seconds));
    }
}

static void
test_item_repairs (void)
{
  g_autoptr (HarkFeed) feed = parse_ok (
    "<rss xmlns:itunes=\"" ITUNES_NS "\"><channel><title>R</title>\n"
    "<item><guid>1</guid><pubDate>Fri, 01 Dec 2026 07:31:17 GMT</pubDate>\n"
    "<itunes:duration>about an hour</itunes:duration>\n"
    "<enclosure url=\"https://x.example/1.mp3\" type=\"audio/mpeg\" length=\"0\"/>\n"
    "<description>&lt;p&gt;Some &lt;b&gt;bold&lt;/b&gt;&amp;amp; text&lt;/p&gt;</description></item>\n"
    "<item><guid>2</guid><pubDate>2026-12-01T07:31:17Z</pubDate>\n"
    "<enclosure url=\"https://x.example/2.mp3\" type=\"audio/mpeg\"/>\n"
    "<description><![CDATA[<p>Line one</p>\n<p>Line &amp; two</p>]]></description></item>\n"
    "<item><guid>3</guid><pubDate>sometime</pubDate><enclosure url=\"/3.mp3\" length=\"x\"/></item>\n"
    "</channel></rss>", "https://x.example/feeds/show.xml");
  HarkFeedEpisode *e1 = episode (feed, 0), *e2 = episode (feed, 1), *e3 = episode (feed, 2);

  g_assert_true (e1->has_published);
  g_assert_cmpint (e1->published, ==, 1796110277);
  g_assert_cmpfloat (e1->duration, <, 0);
  g_assert_cmpint (e1->enclosure_length, ==, -1);
  g_assert_cmpstr (e1->description, ==, "Some bold& text");
  g_assert_cmpint (e2->published, ==, 1796110277);
  g_assert_cmpint (e2->enclosure_length, ==, -1);
  g_assert_cmpstr (e2->description, ==, "Line one Line & two");
  g_assert_false (e3->has_published);
  g_assert_cmpstr (e3->enclosure_url, ==, "https://x.example/3.mp3");
  g_assert_true (warned (feed, "wrong weekday"));
  g_assert_true (warned (feed, "ISO 8601"));
  g_assert_true (warned (feed, "“sometime” not understood"));
  g_assert_true (warned (feed, "duration “about an hour”"));
  g_assert_true (warned (feed, "length is 0, missing or not a number (3 times)"));
  g_assert_true (warned (feed, "HTML markup"));
  g_assert_true (warned (feed, "relative URL “/3.mp3” resolved against"));
}

static void
test_relative_urls (void)
{
  const char *xml =
    "<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>R</title>"
    "<atom:link rel=\"self\" href=\"https://self.example/pod/feed.rss\"/>"
    "<image><url>art.png</url></image>"
    "<item><guid>1</guid><enclosure url=\"ep1.mp3\" type=\"audio/mpeg\" length=\"3\"/>"
    "<link>//other.example/ep1</link></item></channel></rss>";
  g_autoptr (HarkFeed) by_self = parse_ok (xml, NULL);
  g_autoptr (HarkFeed) by_base = parse_ok (xml, "http://given.example/a/b.xml");
  g_autoptr (HarkFeed) no_base = parse_ok ("<rss><channel><title>N</title><item><guid>1</guid>"
                                           "<enclosure url=\"ep1.mp3\" length=\"3\"/></item>"
                                           "</channel></rss>", NULL);

  g_assert_cmpstr (by_self->image, ==, "https://self.example/pod/art.png");
  g_assert_cmpstr (episode (by_self, 0)->enclosure_url, ==, "https://self.example/pod/ep1.mp3");
  g_assert_cmpstr (episode (by_self, 0)->link, ==, "https://other.example/ep1");
  g_assert_cmpstr (episode (by_base, 0)->enclosure_url, ==, "http://given.example/a/ep1.mp3");
  g_assert_cmpstr (episode (no_base, 0)->enclosure_url, ==, "ep1.mp3");
  g_assert_true (warned (no_base, "no feed address"));
}

static void
test_identity (void)
{
  const char *before =
    "<rss><channel><title>I</title>"
    "<item><guid>same</guid><title>A</title></item>"
    "<item><title>B</title><enclosure url=\"https://x.example/b.mp3?token=1\" type=\"audio/mpeg\" length=\"1\"/></item>"
    "<item><title>C</title><link>https://x.example/c</link></item>"
    "<item><title>D</title><pubDate>Tue, 01 Dec 2026 07:31:17 GMT</pubDate></item>"
    "<item><title>D</title><pubDate>Wed, 02 Dec 2026 07:31:17 GMT</pubDate></item>"
    "</channel></rss>";
  const char *after =
    "<rss><channel><title>I</title>"
    "<item><guid>same</guid><title>A (re-published)</title></item>"
    "<item><guid>same</guid><title>A again</title></item>"
    "<item><title>B</title><enclosure url=\"https://x.example/b.mp3?token=2\" type=\"audio/mpeg\" length=\"1\"/></item>"
    "</channel></rss>";
  g_autoptr (HarkFeed) f1 = parse_ok (before, NULL);
  g_autoptr (HarkFeed) f2 = parse_ok (after, NULL);
  g_autofree char *key_c = hark_feed_episode_identity (episode (f1, 2));

  g_assert_cmpuint (f1->episodes->len, ==, 5);
  g_assert_cmpstr (key_c, ==, "link:https://x.example/c");
  g_assert_cmpstr (episode (f1, 3)->id, !=, episode (f1, 4)->id);
  g_assert_cmpuint (f2->episodes->len, ==, 2);
  g_assert_true (warned (f2, "listed twice"));
  g_assert_cmpstr (episode (f1, 0)->id, ==, episode (f2, 0)->id);
  g_assert_cmpstr (episode (f1, 1)->id, ==, episode (f2, 1)->id);
  g_assert_cmpuint (strlen (episode (f1, 0)->id), ==, 16);
}

static void
assert_refused_quickly (const char *xml, const char *needle)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  HarkFeed *feed = hark_feed_parse (xml, strlen (xml), "evil.xml", NULL, &error);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_assert_null (feed);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_cmpint (elapsed, <, 50 * 1000);
}

static void
test_billion_laughs (void)
{
  assert_refused_quickly (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n<rss><channel><title>&lol9;</title></channel></rss>",
    "evil.xml:2: the document declares entities");
}

static void
test_quadratic_blowup (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"");
  g_autofree char *text = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">]><rss><channel><title>");
  for (int i = 0; i < 100000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "</title></channel></rss>");
  text = g_string_free (xml, FALSE);
  assert_refused_quickly (text, "declares entities");
}

static void
test_xxe (void)
{
  assert_refused_quickly ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "
                          "\"file:///etc/passwd\"> ]>\n<rss><channel><title>&xxe;</title>"
                          "</channel></rss>",
                          "declares entities");
  assert_refused_quickly ("<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/x.dtd\">"
                          "%remote;]><rss/>",
                          "declares entities");
  /* A broken XML declaration or an unterminated construct must not hide a DOCTYPE. */
  assert_refused_quickly ("<?xml versio.n?\"\"01=><!DOCTYPE rss [<!ENTITY a \"aaaa\">"
                          "<!ENTITY b \"&a;&a;\">]><rss><channel><title>&b;</title></channel></rss>",
                          "declares entities");
  {
    const char *xml = "<rss><channel><title>T</title><!-- unterminated <!DOCTYPE rss [<!ENTITY "
                      "a \"x\">]> <item><title>&a;</title></item></channel></rss>";
    g_autoptr (HarkFeed) feed = parse_ok (xml, NULL);
    g_assert_cmpuint (feed->episodes->len, ==, 0);
    g_assert_true (warned (feed, "ends inside a comment"));
  }
}

/* A DOCTYPE with only an external subset is dropped unread (old RSS 0.91 feeds have one). */
static void
test_external_doctype_ignored (void)
{
  g_autoptr (HarkFeed) feed = parse_ok (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
    " \"http://127.0.0.1:1/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>Old &eacute;</title>"
    "<item><title>x</title><link>https://o.example/x</link></item></channel></rss>", NULL);

  g_assert_cmpstr (feed->title, ==, "Old \u00e9");
  g_assert_cmpuint (feed->episodes->len, ==, 1);
}

static void
test_depth_limit (void)
{
  GString *xml = g_string_new ("<rss><channel><title>D</title><item><description>");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  HarkFeed *feed;

  for (int i = 0; i < 200; i++)
    g_string_append (xml, "<b>");
  g_string_append (xml, "deep");
  for (int i = 0; i < 200; i++)
    g_string_append (xml, "</b>");
  g_string_append (xml, "</description></item></channel></rss>");
  text = g_string_free (xml, FALSE);
  feed = hark_feed_parse (text, strlen (text), "deep.xml", NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested deeper than 64"));
}

static void
test_text_limit (void)
{
  GString *xml = g_string_new ("<rss><channel><title>L</title><item><guid>1</guid><description>");
  g_autofree char *text = NULL;
  g_autoptr (HarkFeed) feed = NULL;

  for (int i = 0; i < 200000; i++)
    g_string_append (xml, "words ");
  g_string_append (xml, "</description></item></channel></rss>");
  text = g_string_free (xml, FALSE);
  feed = parse_ok (text, NULL);
  g_assert_cmpuint (strlen (episode (feed, 0)->description), <=, HARK_FEED_MAX_TEXT);
  g_assert_cmpuint (strlen (episode (feed, 0)->description), >, HARK_FEED_MAX_TEXT / 2);
  g_assert_true (warned (feed, "cut"));
}

static void
test_not_a_feed (void)
{
  static const struct
  {
    const char *text;
    int code;
    const char *needle;
  } cases[] = {
    { "<!DOCTYPE html><html><head><title>Oops</title></head><body>404</body></html>",
      HARK_ERROR_UNSUPPORTED, "not a podcast feed (the document is <html>" },
    { "Not Found", HARK_ERROR_PARSE, "not XML" },
    { "", HARK_ERROR_PARSE, "" },
    { "{\"json\": true}", HARK_ERROR_PARSE, "not XML" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      HarkFeed *feed = hark_feed_parse (cases[i].text, strlen (cases[i].text), "page", NULL, &error);
      g_test_message ("%s", cases[i].text);
      g_assert_null (feed);
      g_assert_error (error, HARK_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* libxml2 quotes the input after an unclosed comment and may cut it inside a character: the
 * warning stays UTF-8 (a window shows it, JSON carries it). The input is the fuzz seed that
 * found it. */
static void
test_error_quote_cut_in_a_character (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz-corpus", "feed",
                                                 "comment-cut-in-a-character.xml", NULL);
  g_autofree char *xml = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkFeed) feed = NULL;

  g_assert_true (g_file_get_contents (path, &xml, &length, &error));
  feed = hark_feed_parse (xml, length, "test.xml", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < feed->warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (feed->warnings, i), -1, NULL));
}

/* A feed cut off mid-download, or broken mid-way, keeps the episodes before the break. */
static void
test_truncated (void)
{
  g_autoptr (HarkFeed) feed = parse_ok (
    "<rss><channel><title>T</title>\n<item><guid>1</guid><title>One</title></item>\n"
    "<item><guid>2</guid><title>Two</title></item>\n<item><guid>3</guid><title>Thr", NULL);
  g_autoptr (HarkFeed) mismatched = parse_ok (
    "<rss><channel><title>M</title>\n<item><guid>1</guid><description>a <p>b</description></item>\n"
    "<item><guid>2</guid></item></channel></rss>", NULL);

  g_assert_cmpuint (feed->episodes->len, >=, 2);
  g_assert_cmpstr (episode (feed, 1)->title, ==, "Two");
  g_assert_true (warned (feed, "XML"));
  g_assert_cmpuint (mismatched->episodes->len, >=, 1);
  g_assert_true (warned (mismatched, "XML error recovered from"));
}

static void
test_control_characters (void)
{
  g_autoptr (HarkFeed) feed = parse_ok ("<rss><channel><title>A\x0b" "B\x1b" "C</title>"
                                        "<item><description><![CDATA[x\x01y]]></description>"
                                        "</item></channel></rss>", NULL);

  g_assert_cmpstr (feed->title, ==, "A B C");
  g_assert_cmpstr (episode (feed, 0)->description, ==, "x y");
  g_assert_true (warned (feed, "control characters"));
}

static void
test_json_shape (void)
{
  g_autoptr (HarkFeed) feed = parse_ok (
    "<rss xmlns:podcast=\"" P20_NS "\"><channel><title>J</title>"
    "<item><guid>1</guid><title>One</title><pubDate>Tue, 01 Dec 2026 07:31:17 GMT</pubDate>"
    "<enclosure url=\"https://j.example/1.mp3\" type=\"audio/mpeg\" length=\"10\"/>"
    "<podcast:transcript url=\"https://j.example/1.vtt\" type=\"text/vtt\"/>"
    "<podcast:person role=\"guest\">Gus</podcast:person></item>"
    "<item><guid>2</guid></item></channel></rss>", NULL);
  g_autofree char *json = hark_feed_to_json (feed, FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *e0, *e1, *enclosure, *person, *transcript;
  static const char *const feed_keys[] = { "title", "link", "language", "image", "new_feed_url",
                                           "next_page", "warnings", "episodes", NULL };
  static const char *const episode_keys[] = { "id", "guid", "title", "published", "duration",
                                              "enclosure", "image", "transcripts", "chapters",
                                              "persons", NULL };

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, g_strv_length ((char **) feed_keys));
  for (guint i = 0; feed_keys[i]; i++)
    g_assert_true (json_object_has_member (root, feed_keys[i]));
  e0 = json_array_get_object_element (json_object_get_array_member (root, "episodes"), 0);
  e1 = json_array_get_object_element (json_object_get_array_member (root, "episodes"), 1);
  g_assert_cmpuint (json_object_get_size (e0), ==, g_strv_length ((char **) episode_keys));
  for (guint i = 0; episode_keys[i]; i++)
    g_assert_true (json_object_has_member (e0, episode_keys[i]));
  g_assert_cmpstr (json_object_get_string_member (e0, "published"), ==, "2026-12-01T07:31:17Z");
  g_assert_true (json_object_get_null_member (e0, "duration"));
  enclosure = json_object_get_object_member (e0, "enclosure");
  g_assert_cmpint (json_object_get_int_member (enclosure, "length"), ==, 10);
  transcript = json_array_get_object_element (json_object_get_array_member (e0, "transcripts"), 0);
  g_assert_true (json_object_get_null_member (transcript, "language"));
  g_assert_true (json_object_has_member (transcript, "rel"));
  person = json_array_get_object_element (json_object_get_array_member (e0, "persons"), 0);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Gus");
  g_assert_cmpstr (json_object_get_string_member (person, "role"), ==, "guest");
  g_assert_true (json_object_get_null_member (e0, "chapters"));
  g_assert_true (json_object_get_null_member (e1, "enclosure"));
  g_assert_true (json_object_get_null_member (e1, "published"));
}

/* The real feeds from other players' test suites (../shared/fixtures/feeds). */
static HarkFeed *
parse_fixture (const char *name)
{
  g_autofree char *relative = g_build_filename ("feeds", name, NULL);
  g_autofree char *path = hark_test_fixture (relative);
  g_autoptr (GError) error = NULL;
  HarkFeed *feed;

  if (path == NULL)
    return NULL;
  feed = hark_feed_parse_file (path, NULL, &error);
  g_assert_no_error (error);
  return feed;
}

static guint
count_with (HarkFeed *feed, gboolean (*predicate) (HarkFeedEpisode *))
{
  guint n = 0;
  for (guint i = 0; i < feed->episodes->len; i++)
    n += predicate (episode (feed, i));
  return n;
}

static gboolean has_chapters (HarkFeedEpisode *e) { return e->chapters_url != NULL; }
static gboolean has_enclosure (HarkFeedEpisode *e) { return e->enclosure_url != NULL; }
static gboolean has_date (HarkFeedEpisode *e) { return e->has_published; }
static gboolean has_length (HarkFeedEpisode *e) { return e->enclosure_length > 0; }

static void
test_fixture_themnshow (void)
{
  g_autoptr (HarkFeed) feed = parse_fixture ("partytime--themnshow.xml");
  guint transcripts = 0, srt = 0, vtt = 0;

  if (feed == NULL)
    return;
  g_assert_cmpuint (feed->episodes->len, ==, 54);
  for (guint i = 0; i < feed->episodes->len; i++)
    for (guint j = 0; j < episode (feed, i)->transcripts->len; j++)
      {
        HarkFeedTranscript *t = g_ptr_array_index (episode (feed, i)->transcripts, j);
        transcripts++;
        srt += g_strcmp0 (t->type, "application/x-subrip") == 0;
        vtt += g_strcmp0 (t->type, "text/vtt") == 0;
        g_assert_cmpstr (t->rel, ==, "captions");
      }
  g_assert_cmpuint (transcripts, ==, 56);
  g_assert_cmpuint (srt, ==, 54);
  g_assert_cmpuint (vtt, ==, 2);
  g_assert_cmpuint (count_with (feed, has_chapters), ==, 54);
  g_assert_cmpuint (count_with (feed, has_enclosure), ==, 54);
  g_assert_cmpuint (count_with (feed, has_length), ==, 51);
  g_assert_true (warned (feed, "enclosure length"));
}

static void
test_fixture_podverse (void)
{
  g_autoptr (HarkFeed) feed = parse_fixture ("partytime--podverse-test-feed.xml");

  if (feed == NULL)
    return;
  g_assert_cmpuint (count_with (feed, has_date), ==, feed->episodes->len);
  g_assert_true (warned (feed, "wrong weekday"));
  g_assert_true (warned (feed, "enclosure length"));
  g_assert_cmpfloat_with_epsilon (episode (feed, 1)->duration, 1014.708375, 1e-9);
}

static void
test_fixture_de_grote (void)
{
  g_autoptr (HarkFeed) with_guid = parse_fixture ("gnome-podcasts--de-grote.xml");
  g_autoptr (HarkFeed) without = parse_fixture ("gnome-podcasts--de-grote-no-guid.xml");

  if (with_guid == NULL || without == NULL)
    return;
  g_assert_cmpuint (with_guid->episodes->len, ==, 12);
  g_assert_cmpuint (without->episodes->len, ==, 12);
  g_assert_nonnull (with_guid->new_feed_url);
  g_assert_true (warned (without, "“itunes:” used without being declared"));
  for (guint i = 0; i < 12; i++)
    g_assert_cmpfloat (episode (without, i)->duration, >, 0);
}

static void
test_fixture_replyall (void)
{
  g_autoptr (HarkFeed) feed = parse_fixture ("gnome-podcasts--2020-12-29-replyall.xml");

  if (feed == NULL)
    return;
  g_assert_cmpuint (feed->episodes->len, ==, 187);
  g_assert_cmpuint (count_with (feed, has_length), ==, 0);
  g_assert_nonnull (feed->new_feed_url);
  g_assert_true (warned (feed, "length is 0, missing or not a number (187 times)"));
}

static void
test_fixture_streetfight (void)
{
  g_autoptr (HarkFeed) feed = parse_fixture ("gnome-podcasts--2024-03-15-streetfightradio.xml");

  if (feed == NULL)
    return;
  g_assert_cmpuint (feed->episodes->len, ==, 500);
  g_assert_nonnull (feed->next_page);
  g_assert_true (g_str_has_prefix (feed->next_page, "https://"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed/rss-full", test_rss_full);
  g_test_add_func ("/feed/p20-github-namespace", test_p20_github_namespace);
  g_test_add_func ("/feed/atom", test_atom);
  g_test_add_func ("/feed/broken/undefined-entities", test_undefined_entities);
  g_test_add_func ("/feed/broken/prolog", test_prolog_breakage);
  g_test_add_func ("/feed/broken/encodings", test_encodings);
  g_test_add_func ("/feed/utf8-every-length", test_utf8_every_length);
  g_test_add_func ("/feed/broken/error-quote-cut-in-a-character",
                   test_error_quote_cut_in_a_character);
  g_test_add_func ("/feed/broken/undeclared-prefix", test_undeclared_prefix);
  g_test_add_func ("/feed/broken/item-repairs", test_item_repairs);
  g_test_add_func ("/feed/broken/truncated", test_truncated);
  g_test_add_func ("/feed/broken/control-characters", test_control_characters);
  g_test_add_func ("/feed/dates", test_dates);
  g_test_add_func ("/feed/durations", test_durations);
  g_test_add_func ("/feed/relative-urls", test_relative_urls);
  g_test_add_func ("/feed/identity", test_identity);
  g_test_add_func ("/feed/safe/billion-laughs", test_billion_laughs);
  g_test_add_func ("/feed/safe/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/feed/safe/xxe", test_xxe);
  g_test_add_func ("/feed/safe/external-doctype", test_external_doctype_ignored);
  g_test_add_func ("/feed/safe/depth", test_depth_limit);
  g_test_add_func ("/feed/safe/text-size", test_text_limit);
  g_test_add_func ("/feed/not-a-feed", test_not_a_feed);
  g_test_add_func ("/feed/json-shape", test_json_shape);
  g_test_add_func ("/feed/fixtures/themnshow", test_fixture_themnshow);
  g_test_add_func ("/feed/fixtures/podverse", test_fixture_podverse);
  g_test_add_func ("/feed/fixtures/de-grote", test_fixture_de_grote);
  g_test_add_func ("/feed/fixtures/replyall", test_fixture_replyall);
  g_test_add_func ("/feed/fixtures/streetfightradio", test_fixture_streetfight);
  return g_test_run ();
}
