/* test-detector.c — the sponsor detector on hand-written reads of different shapes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows, sponsors and URLs here are made up, so the rules cannot have learned them.
 */
#include "segments/hark-sponsor-detector.h"
#include "segments-test-util.h"
#include "segments/hark-ad-window.h"

#include <string.h>

typedef struct
{
  double start;
  double end;
  const char *speaker; /* NULL: unknown */
  const char *text;
} Line;

static HarkTranscript *
build (const Line *lines, guint n)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *name = lines[i].speaker;
      int speaker = name ? hark_transcript_builder_add_speaker (b, name, name) : -1;

      hark_transcript_builder_add_cue (b, lines[i].start, lines[i].end, lines[i].text, speaker);
    }
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static GArray *
detect (const Line *lines, guint n)
{
  g_autoptr (HarkTranscript) t = build (lines, n);
  GArray *found = hark_sponsor_detect (t);

  hark_test_log_detections (found);
  return found;
}

static void
assert_segment (GArray *found, guint i, HarkCategory category, double start, double end)
{
  const HarkDetection *d;

  g_assert_cmpuint (i, <, found->len);
  d = &g_array_index (found, HarkDetection, i);
  g_assert_cmpstr (hark_category_to_string (d->category), ==, hark_category_to_string (category));
  g_assert_cmpfloat_with_epsilon (d->start, start, 0.05);
  g_assert_cmpfloat_with_epsilon (d->end, end, 0.05);
  g_assert_nonnull (d->started_by);
  g_assert_nonnull (d->ended_by);
}

/* The ad plays before the host says hello; the hello ends it even though it names a URL. */
static void
test_preroll (void)
{
  static const Line lines[] = {
    { 0.0, 3.2, NULL, "This episode is sponsored by Brightloom." },
    { 3.2, 7.5, NULL, "Brightloom builds the dashboards your on-call team actually reads." },
    { 7.5, 12.0, NULL, "Go to brightloom.io/cast and use promo code CAST for 20% off." },
    { 13.0, 17.0, NULL, "Hello and welcome to fieldnotes.example/cast, I'm your host." },
    { 17.0, 21.0, NULL, "Today we talk about compilers with a very patient guest." },
    { 21.0, 24.0, NULL, "Thanks for having me, it's free to say I'm excited." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 0.0, 12.0);
}

/* Two sponsor reads in a row, the second opener inside a caption line: under 2 s apart, one
 * category, so one segment (one skip, one toast), from the first opener to the second read's
 * last sentence; the conversation resuming is not part of it. */
static void
test_back_to_back (void)
{
  static const Line lines[] = {
    { 100.0, 104.0, "Host", "That migration sounds painful, honestly." },
    { 104.0, 106.0, "Guest", "It was, for about a year." },
    { 106.5, 110.0, "Host", "This part of the show is brought to you by Tallyworks." },
    { 110.0, 116.0, "Host", "Tallyworks keeps your invoices and your books in one place." },
    { 116.0, 121.0, "Host", "Visit tallyworks.com/fieldnotes for three months free." },
    { 121.0, 126.0, "Host", "Thanks, Tallyworks. This episode is also supported by Northwind." },
    { 126.0, 131.0, "Host", "Northwind roasts to order and ships the same day." },
    { 131.0, 137.0, "Host", "Get 15% off your first bag at northwind.coffee/notes, code NOTES." },
    { 137.5, 141.0, "Host", "Anyway, back to the interview. So how did the rewrite start?" },
    { 141.0, 146.0, "Guest", "We had a free weekend and a bad idea, visit our blog for that." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 106.5, 137.0);
}

/* A guest reads the ad, starting inside a long line; the host taking over ends it. */
static void
test_read_by_guest (void)
{
  static const Line lines[] = {
    { 0.0, 4.0, "Host", "Sam, you wanted to read this one, right?" },
    { 4.0, 14.0, "Sam", "Sure, I wrote it down this morning. Support for this show comes from Quillbook." },
    { 14.0, 15.0, "Sam", "Quillbook keeps your notes, papers and citations together." },
    { 15.0, 19.0, "Sam", "Try it free for thirty days at quillbook.net/fieldnotes." },
    { 19.0, 23.0, "Host", "Thanks Sam. So, quillbook.net aside, tell me about your thesis." },
    { 23.0, 30.0, "Sam", "It's about caches, which is a free-for-all." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));
  const HarkDetection *d;

  g_assert_cmpuint (found->len, ==, 1);
  d = &g_array_index (found, HarkDetection, 0);
  /* The opener starts after "Sure, … morning. " inside the 4–14 line, estimated from the
   * characters (35 of 80): about 8.4 s. A lead shorter than the snap (3 s) would go with the
   * read, since a character estimate is no more precise than that. */
  g_assert_cmpfloat (d->start, >, 7.5);
  g_assert_cmpfloat (d->start, <, 9.5);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, d->start, 19.0);
}

/* A sponsor's name, its prices and its URL in normal conversation, and "sponsored by" about a
 * conference: nothing is a read. */
static void
test_sponsor_named_in_conversation (void)
{
  static const Line lines[] = {
    { 0.0, 5.0, "Host", "We ran everything on Brightloom for years." },
    { 5.0, 10.0, "Guest", "Their $5 plan was great, you can still visit brightloom.io/pricing." },
    { 10.0, 15.0, "Host", "Brightloom also sponsored the conference where we met." },
    { 15.0, 20.0, "Guest", "Right, it was sponsored by three companies, so tickets were $20." },
    { 20.0, 25.0, "Host", "And we got a free trial of everything, which was nice." },
    { 25.0, 30.0, "Guest", "Check out the talk recordings at pyconf.example/videos." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* A guest asked about their own work tells of it, prices and all; nothing points the listener
 * anywhere, so it is the interview, not a plug. */
static void
test_own_work_told_in_interview (void)
{
  static const Line lines[] = {
    { 0.0, 4.0, "Host", "How did the writing side of things go for you?" },
    { 4.0, 10.0, "Guest", "So my newsletter started as a hobby, honestly." },
    { 10.0, 16.0, "Guest", "The first year my newsletter made about $40,000, which surprised me." },
    { 16.0, 22.0, "Guest", "Then my book came out and sold maybe 9,000 copies at $30 each." },
    { 22.0, 28.0, "Guest", "My earnings from the book were bigger than my old salary at Quarrystone." },
    { 28.0, 33.0, "Guest", "Quarrystone never paid that well, to be fair to them." },
    { 33.0, 38.0, "Host", "That is a big change from where you started." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* "Sponsored by" inside questions is conversation, whatever follows. */
static void
test_sponsor_in_question (void)
{
  static const Line lines[] = {
    { 0.0, 4.0, "Guest", "Is this episode sponsored by anyone? I never hear ads." },
    { 4.0, 9.0, "Host", "Not today, but visit fieldnotes.example/support if you want to help." },
    { 9.0, 14.0, "Guest", "And who is your project's sponsor, is it brought to you by a fund?" },
    { 14.0, 20.0, "Host", "A foundation, yes, sign up at foundation.example/join for updates." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* "Brought to you by our friends at X" is X's read, however warm; "by our members and friends"
 * is the show's own. */
static void
test_friends_at_a_company (void)
{
  static const Line company[] = {
    { 0.0, 4.0, NULL, "Thanks for joining us, it is good to be back." },
    { 4.5, 9.0, NULL, "This episode is brought to you by our friends at Tallyworks." },
    { 9.0, 14.0, NULL, "Tallyworks keeps your invoices in one place, with no spreadsheets." },
    { 14.0, 18.0, NULL, "Learn more and start free at tallyworks.com/show." },
    { 18.5, 23.0, NULL, "So, where were we with the migration story?" },
  };
  static const Line members[] = {
    { 0.0, 4.0, NULL, "Thanks for joining us, it is good to be back." },
    { 4.5, 9.0, NULL, "This episode is brought to you by our members and friends." },
    { 9.0, 14.0, NULL, "Join them for bonus episodes and no ads at fieldnotes.com/join." },
    { 14.5, 19.0, NULL, "So, where were we with the migration story?" },
  };
  g_autoptr (GArray) found = detect (company, G_N_ELEMENTS (company));
  g_autoptr (GArray) own = detect (members, G_N_ELEMENTS (members));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 4.5, 18.0);
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_cmpint (g_array_index (own, HarkDetection, 0).category, ==, HARK_CATEGORY_SELFPROMO);
}

/* Self-promotion is told from a sponsor read, and the outro is neither. */
static void
test_selfpromo_and_outro (void)
{
  static const Line lines[] = {
    { 0.0, 4.0, NULL, "That's a great place to end it, thanks for coming on." },
    { 4.0, 6.0, NULL, "Thanks for having me." },
    { 6.5, 10.0, NULL, "This episode is brought to you by us, over at Fieldnotes Academy." },
    { 10.0, 15.0, NULL, "Check out our new testing course at fieldnotes.example/courses." },
    { 15.0, 19.0, NULL, "Or grab our bundle and get every course we ever make." },
    { 19.0, 22.0, NULL, "Be sure to subscribe to the show in your podcast app." },
    { 22.0, 25.0, NULL, "Thanks for listening, and see you next week at fieldnotes.example." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SELFPROMO, 6.5, 19.0);
}

/* The conversation resumes inside the read's last caption line, and a whole read sits inside
 * one long cue: both ends are placed inside the cues. */
static void
test_ends_inside_cue (void)
{
  static const Line lines[] = {
    { 0.0, 10.0, NULL, "This episode is brought to you by Tallyworks. Visit tallyworks.com/show." },
    { 10.0, 20.0, NULL, "That is tallyworks.com/show. Anyway, back to the interview with Sam." },
    { 20.0, 30.0, NULL, "So Sam, what broke first, the cache or the database?" },
    { 30.0, 60.0, NULL,
      "The cache, always. Support for this show comes from Quillbook, try it free at "
      "quillbook.net/show. Now, back to the cache story, which is long." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));
  const HarkDetection *first, *second;

  g_assert_cmpuint (found->len, ==, 2);
  first = &g_array_index (found, HarkDetection, 0);
  second = &g_array_index (found, HarkDetection, 1);
  g_assert_cmpfloat (first->start, ==, 0.0);
  g_assert_cmpfloat (first->end, >, 13.0); /* after "That is tallyworks.com/show." */
  g_assert_cmpfloat (first->end, <, 16.0); /* before "Anyway, back to" */
  g_assert_cmpfloat (second->start, >, 31.0);
  g_assert_cmpfloat (second->start, <, 35.0);
  g_assert_cmpfloat (second->end, >, 45.0);
  g_assert_cmpfloat (second->end, <, 52.0);
}

/* "Thanks to our sponsors" announces the read after it and starts that read. */
static void
test_preamble (void)
{
  static const Line lines[] = {
    { 0.0, 3.0, NULL, "This has been another episode of Fieldnotes." },
    { 3.0, 5.0, NULL, "Thank you to our sponsors." },
    { 5.0, 7.0, NULL, "It really helps the show." },
    { 7.5, 11.0, NULL, "This episode is brought to you by Tallyworks." },
    { 11.0, 15.0, NULL, "Start your free trial at tallyworks.com/fieldnotes." },
    { 15.5, 18.0, NULL, "This is your host, signing off." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 3.0, 15.0);
}

/* A transcript with turns and no cues (a speaker-labelled text with times). */
static void
test_turns_only (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;
  int host = hark_transcript_builder_add_speaker (b, "host", "Host");
  int guest = hark_transcript_builder_add_speaker (b, "guest", "Guest");

  hark_transcript_builder_add_turn (b, 0, 30, "So what happened next?", host, 1);
  hark_transcript_builder_add_turn (b, 30, 60, "We shipped it anyway.", guest, 1);
  hark_transcript_builder_add_turn (b, 60, 90,
                                    "This portion of Fieldnotes is brought to you by Tallyworks. "
                                    "Visit tallyworks.com/fieldnotes today.",
                                    host, 1);
  hark_transcript_builder_add_turn (b, 90, 120, "And then the pager went off.", guest, 1);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  found = hark_sponsor_detect (t);
  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 60, 90);
}

/* A long paragraph without word times: the host's introduction, then the pre-roll read in the
 * same paragraph after "with that, here is my guest". The introduction is several sentences, no
 * short rest worth rounding away: the read starts at its own first sentence (by the
 * characters' share of the paragraph). */
static void
test_preroll_inside_a_long_paragraph (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;
  int host = hark_transcript_builder_add_speaker (b, "host", "Host");
  int guest = hark_transcript_builder_add_speaker (b, "guest", "Guest");
  const char *intro = "Today my guest builds bridges, eleven so far. "
                      "With that, here she is. ";
  const char *read = "This episode is brought to you by Tallyworks, the invoicing app for small "
                     "studios. Tallyworks sends your invoices, chases the late ones and files "
                     "the receipts, so your evenings stay yours. I have used it for three years "
                     "and I have not opened a spreadsheet since. Studios that switch save about "
                     "four hours a week on paperwork alone, and the first month costs nothing. "
                     "Visit tallyworks.com/fieldnotes and use code NOTES for 20% off a full year.";
  g_autofree char *paragraph = g_strconcat (intro, read, NULL);
  double chars = (double) g_utf8_strlen (paragraph, -1);
  double start = 100.0 * (double) g_utf8_strlen (intro, -1) / chars;

  hark_transcript_builder_add_turn (b, 0, 100, paragraph, host, 1);
  hark_transcript_builder_add_turn (b, 100, 110, "Thanks, it is good to be here, and hi everyone.", guest, 1);
  hark_transcript_builder_add_turn (b, 110, 120, "So, eleven bridges. Which one was first?", host, 1);
  hark_transcript_builder_add_turn (b, 120, 140, "A footbridge over a creek, and it still stands.", guest, 1);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  found = hark_sponsor_detect (t);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpfloat (start, >, 10.0);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, start, 100);
}

static void
test_empty_and_odd (void)
{
  g_autoptr (HarkTranscript) empty =
      hark_transcript_builder_finish (hark_transcript_builder_new ());
  g_autoptr (GArray) none = hark_sponsor_detect (empty);
  static const Line odd[] = {
    { 0, 0, NULL, "" },
    { 0, 0, NULL, "brought to you by" },
    { 1, 1, NULL, "by." },
    { 2, 3, NULL, "?" },
    { 3, 4, NULL, "This episode is brought to you by" },
  };
  g_autoptr (GArray) found = detect (odd, G_N_ELEMENTS (odd));

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Explanations quote the text: never half a character, even after a long run of non-ASCII
 * text without a full stop (found by fuzzing). */
static void
test_explanations_are_utf8 (void)
{
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autoptr (GArray) found = NULL;
  Line lines[] = {
    { 0, 4, NULL, "This episode is brought to you by Ñandú Café, the coffee from Perú." },
    { 4, 8, NULL, "Visit ñandú.example/café for 20% off — código ÑANDÚ." },
    { 8, 20, NULL, NULL },
  };

  for (guint i = 0; i < 90; i++)
    g_string_append (long_text, "é");
  g_string_append (long_text, " anyway, back to the interview.");
  lines[2].text = long_text->str;
  found = detect (lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (found->len, ==, 1);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *why = hark_detection_describe (&g_array_index (found, HarkDetection, i));

      g_assert_true (g_utf8_validate (why, -1, NULL));
    }
}

/* A hand-off that no phrase of the tables words: a third party introduced as backing the
 * program ("funding for this program is provided by"), then what it does and a link. Found
 * from its first sentence; money a company got, told of in the conversation, is no read. */
static void
test_backing_hand_off (void)
{
  static const Line lines[] = {
    { 0.0, 5.0, "Host", "So the library nearly closed in the spring, is that right?" },
    { 5.0, 11.0, "Guest", "It did, and then it got funding from Pellmore Mills back in April." },
    { 11.0, 15.0, "Host", "We'll come back to that in a minute." },
    { 15.0, 20.0, "Announcer", "Funding for this program is provided by the Orrin Vale Trust." },
    { 20.0, 26.0, "Announcer", "The trust backs rural libraries and reading rooms across the valley." },
    { 26.0, 29.0, "Announcer", "More at orrinvale dot org." },
    { 30.0, 35.0, "Host", "So, the spring. Who called the mill in the end?" },
    { 35.0, 41.0, "Guest", "The head librarian did, she knew the owner's mother from school." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 15.0, 29.0);
}

/* A company "sponsoring us" or that "offered to support the show" is a sponsor: "sponsor us"
 * asks for the show, a company doing it is paid for. */
static void
test_company_supports_us (void)
{
  static const Line lines[] = {
    { 0.0, 5.0, "Host", "Honestly my back hurt every single afternoon last year." },
    { 5.0, 10.0, "Guest", "Mine too, I blame the kitchen chairs we work from." },
    { 10.0, 16.0, "Host", "So when Talloway offered to support the show, I asked for their standing desk." },
    { 16.0, 22.0, "Host", "It rises in ten seconds and remembers four heights." },
    { 22.0, 27.0, "Host", "Listeners save seventy dollars at talloway dot com slash back." },
    { 28.0, 33.0, "Guest", "I should get one, my physio keeps telling me to move." },
    { 33.0, 38.0, "Host", "Anyway, the chairs. What did you end up buying?" },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, HarkDetection, 0).category, ==, HARK_CATEGORY_SPONSOR);
}

/* Credits as public and network shows read them: a line naming the backer and what it does,
 * no link, code or offer, two in a row before the hello. They are one read, and it ends at the
 * last credit: the links and names of the conversation after it are not its own. */
static void
test_underwriting_credits (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Announcer", "Support for this podcast comes from Fenwright Mills, weaving wool blankets in small batches since 1962." },
    { 6.0, 11.0, "Announcer", "And from the Calloway Fund, backing local newsrooms in rural counties." },
    { 12.0, 16.0, "Host", "Hi, welcome back, today we are talking about river maps." },
    { 16.0, 22.0, "Guest", "Thanks, I put all of them up at rivermaps.example/archive if people want to look." },
    { 22.0, 28.0, "Host", "Go to that archive, it's wonderful, the old survey sheets are free to download." },
    { 28.0, 34.0, "Guest", "They were scanned by volunteers over about three winters." },
    { 34.0, 40.0, "Host", "How did you find the volunteers in the first place?" },
    { 40.0, 46.0, "Guest", "Mostly a library newsletter, people who like old paper." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 0.0, 11.0);
}

/* "This message comes from X, …" said by the host mid-show, unvoiced captions: a credit too; and
 * a backer told of in the past or asked about credits no one. */
static void
test_message_credit_and_told_of (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, NULL, "Our very first season was supported by Harrow Printing, a shop that has since closed." },
    { 6.0, 12.0, NULL, "So the archive grew slowly, one box at a time, over about ten years." },
    { 12.0, 18.0, NULL, "Most people assume it is a hobby, and honestly it mostly is." },
    { 18.0, 24.0, NULL, "The boxes came from estate sales, attics, a church basement once." },
    { 25.0, 31.0, NULL, "This message comes from Brackley Tools, making hand planes for furniture makers." },
    { 32.0, 38.0, NULL, "Anyway, the boxes were mostly letters between surveyors and their families." },
    { 38.0, 44.0, NULL, "Some of them are really funny, honestly, full of complaints about mosquitoes." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 25.0, 31.0);
  g_assert_cmpstr (strstr (g_array_index (found, HarkDetection, 0).carried_by, "backer"), !=, NULL);
}

/* A promotion of another show of the network, in a voice of its own, with no link or code: the
 * network's own promotion, not a sponsor's, and found though it names no address. A guest
 * describing their own podcast in the conversation is not one. */
static void
test_network_show_promo (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Host", "So the survey maps turned up in a church basement, of all places." },
    { 6.0, 12.0, "Guest", "Yes, and my own podcast is a show about old maps, so I was thrilled." },
    { 12.0, 18.0, "Host", "Of course you were, it is the perfect story for you." },
    { 18.0, 24.0, "Guest", "Honestly the best week of the whole project, a basement full of paper." },
    { 25.0, 31.0, "Promo", "Tidewater Hours is a podcast about the people who keep lighthouses running." },
    { 31.0, 36.0, "Promo", "Keepers, engineers and the families who lived out on the rocks." },
    { 36.0, 41.0, "Promo", "New episodes every Thursday, wherever you get your podcasts." },
    { 42.0, 48.0, "Host", "Anyway, the basement, who found the boxes first?" },
    { 48.0, 54.0, "Guest", "A volunteer who was looking for old choir music, she nearly threw them out." },
    { 54.0, 60.0, "Host", "That is painful to even imagine, honestly." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SELFPROMO, 25.0, 41.0);
}

/* A read in a language the phrase tables do not know still shows itself by what does not
 * depend on one: a written link, a code in capitals, a price in euros, and a product named after
 * its link again and again around it. */
static void
test_read_in_another_language (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Host", "Und dann haben wir die ganze Nacht über alte Karten gesprochen." },
    { 6.0, 12.0, "Guest", "Ja, das war wirklich ein schöner Abend, ehrlich gesagt." },
    { 13.0, 19.0, "Host", "Kurz zwischendurch: Mondkalb hilft euch, eure Rechnungen zu sortieren." },
    { 19.0, 25.0, "Host", "Ich nutze Mondkalb seit einem Jahr, und es spart mir jede Woche Zeit." },
    { 25.0, 31.0, "Host", "Auf mondkalb.de/karten gibt es mit dem Code KARTEN den ersten Monat für 1 €." },
    { 32.0, 38.0, "Guest", "Und die Karten aus dem Keller, wer hat die eigentlich gefunden?" },
    { 38.0, 44.0, "Host", "Eine Nachbarin, die eigentlich nur alte Notenblätter gesucht hat." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 13.0, 31.0);
}

/* In an interview with speakers named, the guest's own newsletter and course, a price and "go
 * to" around them, are the guest's life, not the show's offer: the host is the voice that opens
 * the show and takes the most turns. */
static void
test_guest_own_things (void)
{
  static const Line lines[] = {
    { 0.0, 5.0, "Host", "Welcome back to Fieldnotes, today I am talking with a printmaker." },
    { 5.0, 9.0, "Host", "So how did you start selling your prints?" },
    { 9.0, 15.0, "Guest", "Honestly my newsletter was where it began, people kept asking for prints." },
    { 15.0, 21.0, "Guest", "Then I made my course, and the first cohort paid $5,000 between them." },
    { 21.0, 26.0, "Guest", "I would tell anyone, go to a local fair first and sign up for a table." },
    { 26.0, 30.0, "Host", "That is a lot of money for a first course." },
    { 30.0, 35.0, "Guest", "It was, and my book came out of the same notes a year later." },
    { 35.0, 40.0, "Host", "And did the book sell as well as the course did?" },
    { 40.0, 46.0, "Guest", "Not at all, it barely covered the paper, which was fine with me." },
    { 46.0, 50.0, "Host", "Fair enough, paper is not cheap these days." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* The episode opens on a clip of the guest, so the guest's voice comes first; the host is the
 * voice that introduces the show, welcomes the guest by name and asks the questions. The guest's
 * own newsletter and its price, told in the conversation, are not the show's offer. */
static void
test_guest_cold_open (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Guest", "The moment I stopped pricing my prints by the hour, everything changed." },
    { 6.0, 11.0, "Guest", "Honestly, it felt like cheating for about a month." },
    { 12.0, 17.0, "Host", "I'm Rowan and this is Fieldnotes, where makers talk about the work." },
    { 17.0, 21.0, "Host", "My guest today is a printmaker. Tamsin, welcome to the show." },
    { 21.0, 24.0, "Guest", "Thanks for having me, Rowan." },
    { 24.0, 28.0, "Host", "So where did the pricing idea come from?" },
    { 28.0, 35.0, "Guest", "My newsletter, really. My newsletter is where I tested every price first." },
    { 35.0, 41.0, "Guest", "The paid tier of my newsletter is $8 a month and it made $5,000 last year." },
    { 41.0, 46.0, "Guest", "I tell people, go and sign up for a fair table before you print anything." },
    { 46.0, 50.0, "Host", "And did the readers follow you to the fairs?" },
    { 50.0, 56.0, "Guest", "Some did, most just wanted the letters, which is fine with me." },
    { 56.0, 60.0, "Host", "Why do you think that is?" },
    { 60.0, 66.0, "Guest", "People like a story more than a print, I think, and that is fair." },
    { 66.0, 70.0, "Host", "That is a good place to stop, thank you so much." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* Captions without speakers: a "my newsletter" that answers a question about the other
 * person's own thing is the guest's life told. */
static void
test_guest_answer_unvoiced (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, NULL, "So the orders started coming in before the shop was even finished." },
    { 6.0, 10.0, NULL, "Wait, is that through your newsletter?" },
    { 10.0, 17.0, NULL, "Yes, my newsletter has a paid tier at $6 a month, sign up and you get the drafts." },
    { 17.0, 23.0, NULL, "About a third of the orders came from people on it, at least at first." },
    { 23.0, 28.0, NULL, "That is a lot more than I would have guessed." },
    { 28.0, 34.0, NULL, "Me too, I thought it would be friends and my mother for a year." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* A question put to the listener is no interview: the host's "try my course" after "want to
 * get better at your sketching?" stays the show's own offer. */
static void
test_question_to_the_listener (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, NULL, "So the orders started coming in before the shop was even finished." },
    { 6.0, 11.0, NULL, "Which is a lovely problem to have, honestly." },
    { 12.0, 15.0, NULL, "Want to get better at your own sketching?" },
    { 15.0, 20.0, NULL, "Then try my new course, six evening lessons for $50." },
    { 20.0, 25.0, NULL, "Members of the show get it for free, so sign up at fieldnotes.example/sketch." },
    { 26.0, 31.0, NULL, "Anyway, the shop opened in March and the roof leaked in April." },
    { 31.0, 36.0, NULL, "Of course it did, roofs always wait for the opening." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SELFPROMO, 12.0, 25.0);
}

/* A live show's cold open names its backers in one breath, a joke "partner" among them: a
 * list of backers said at the top is a sponsor read, though it offers nothing. */
static void
test_backers_listed_at_the_top (void)
{
  static const Line lines[] = {
    { 0.0, 4.0, "Host", "Good evening everybody, what a crowd tonight!" },
    { 4.0, 12.0, "Host", "The show is brought to you today by Quillmark, Ferncastle and Tidewell, and our official stool partner Benchly." },
    { 12.0, 16.0, "Host", "And our laptop partner, the one with the sticker that says no." },
    { 16.0, 20.0, "Cohost", "That sticker has carried this show for years." },
    { 20.0, 25.0, "Host", "So tonight we are talking about why every city builds the same bridge." },
    { 25.0, 30.0, "Cohost", "I think it is because engineers copy each other, honestly." },
    { 30.0, 36.0, "Host", "Maybe, but the cable stayed ones are cheaper to maintain, I read." },
    { 36.0, 42.0, "Cohost", "Cheaper until the cables rust, then it is a whole other story." },
    { 42.0, 48.0, "Host", "Fair, and rust is the villain of half our episodes anyway." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 4.0, 16.0);
}

/* The host's own product in sponsor words, with the show's own site: "this part is brought to
 * you by" the show's own shop, a long pitch, the show's address. The show's own promotion, from
 * its hand-off on; another backer named first, with the show named after it, stays a sponsor. */
static void
test_brought_to_you_by_us (void)
{
  static const Line lines[] = {
    { 0.0, 5.0, "Host", "Welcome back to Fieldnotes, the show about making things by hand." },
    { 5.0, 10.0, "Cohost", "And today we argue about glue, which I have opinions on." },
    { 10.0, 15.0, "Host", "Before that, this portion of the show is brought to you by Fieldnotes Supply." },
    { 15.0, 22.0, "Host", "We made a field sketching kit, twelve pencils, a folding stool and a waxed notebook." },
    { 22.0, 29.0, "Host", "It took us two years to get the notebook paper right, and it survives rain." },
    { 29.0, 35.0, "Host", "It is $45, and it ships anywhere from our workshop in about a week." },
    { 35.0, 40.0, "Host", "Get yours at fieldnotes.com/kit while the first batch lasts." },
    { 41.0, 46.0, "Cohost", "Okay, glue. Hide glue is the only glue, fight me." },
    { 46.0, 51.0, "Host", "Hide glue smells like a barn, that is my whole argument against it." },
    { 51.0, 56.0, "Cohost", "A barn is a fine thing to smell like, honestly." },
  };

  static const Line theirs[] = {
    { 0.0, 5.0, "Host", "Welcome back to Fieldnotes, the show about making things by hand." },
    { 5.0, 10.0, "Cohost", "And today we argue about glue, which I have opinions on." },
    { 10.0, 15.0, "Host", "This portion is brought to you by Lindenware, the official mugs of Fieldnotes." },
    { 15.0, 22.0, "Host", "Lindenware throws every mug by hand and glazes it in twelve colours." },
    { 22.0, 29.0, "Host", "Their mugs are $30, and Lindenware ships anywhere in about a week." },
    { 29.0, 35.0, "Host", "Get yours at lindenware.com/notes and use code NOTES for 10% off." },
    { 36.0, 41.0, "Cohost", "Okay, glue. Hide glue is the only glue, fight me." },
    { 41.0, 46.0, "Host", "Hide glue smells like a barn, that is my whole argument against it." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));
  g_autoptr (GArray) other = detect (theirs, G_N_ELEMENTS (theirs));

  g_assert_cmpuint (found->len, ==, 1);
  assert_segment (found, 0, HARK_CATEGORY_SELFPROMO, 10.0, 40.0);
  g_assert_cmpuint (other->len, ==, 1);
  assert_segment (other, 0, HARK_CATEGORY_SPONSOR, 10.0, 35.0);
}

/* A sponsor read, then straight on, in the next caption, the show's own membership: two reads
 * of two kinds, cut where the second starts. */
static void
test_selfpromo_right_after_sponsor (void)
{
  static const Line lines[] = {
    { 80.0, 86.0, NULL, "So that is roughly where the second bridge started to sag." },
    { 86.0, 92.0, NULL, "I want to hear the rest, but first a word from our sponsor." },
    { 92.0, 99.0, NULL, "Dunmere makes weighted blankets that pack flat and wash in any machine." },
    { 99.0, 104.0, NULL, "Go to dunmere.com/notes and get 20% off" },
    { 104.0, 109.0, NULL, "your first blanket. And if you want the show" },
    { 109.0, 113.0, NULL, "without any ads, become a member of our club." },
    { 113.0, 120.0, NULL, "Members get every episode early, for $5 a month at fieldnotes.com/club." },
    { 121.0, 127.0, NULL, "Okay, so the second bridge, why did it sag in the end?" },
    { 127.0, 134.0, NULL, "The cables were too thin for the winds up there, simple as that." },
    { 134.0, 140.0, NULL, "Nobody had measured the gusts in the valley before they built it." },
  };
g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 2);
  assert_segment (found, 0, HARK_CATEGORY_SPONSOR, 86.0, 106.3);
  assert_segment (found, 1, HARK_CATEGORY_SELFPROMO, 106.3, 120.0);
}

/* The same words from the host are the show's own offer. */
static void
test_host_own_things (void)
{
  static const Line lines[] = {
    { 0.0, 5.0, "Host", "Welcome back to Fieldnotes, today I am talking with a printmaker." },
    { 5.0, 9.0, "Guest", "Thanks for having me, it is good to be here." },
    { 9.0, 14.0, "Host", "Before we start, my new course on field sketching opens next week." },
    { 14.0, 19.0, "Host", "It is $50 for six lessons, and members get it for free." },
    { 19.0, 24.0, "Host", "Go to fieldnotes.example/sketch to sign up." },
    { 24.0, 29.0, "Host", "So, how did you start selling your prints?" },
    { 29.0, 35.0, "Guest", "Through friends mostly, they kept asking and I kept saying yes." },
    { 35.0, 40.0, "Host", "And that was enough to live on?" },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, HarkDetection, 0).category, ==, HARK_CATEGORY_SELFPROMO);
}

/* "To take a break" in someone's story of their own life, money and all, announces no break:
 * the host announcing one speaks to the listener of the show. */
static void
test_break_in_a_life_story (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, NULL, "After the second startup folded I was honestly exhausted." },
    { 6.0, 12.0, NULL, "I had about $30,000 saved, so I thought I'll just use my savings to take a break." },
    { 12.0, 18.0, NULL, "I went walking for three months and spent maybe $4,000 of it." },
    { 18.0, 24.0, NULL, "Then a friend called and asked me to help with her bakery for free." },
    { 24.0, 30.0, NULL, "That is how I ended up learning to bake bread at four in the morning." },
    { 30.0, 36.0, NULL, "Did that change how you thought about work afterwards?" },
    { 36.0, 42.0, NULL, "Completely, I stopped measuring days by what I shipped." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* A site named as a thing in a story ("before that site existed") sends no one anywhere, even
 * with "for free" and "a message from" near it. */
static void
test_domain_named_as_a_thing (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, NULL, "Back then we met in the library basement every other Tuesday." },
    { 6.0, 12.0, NULL, "They weren't called meetups because gatherly.com didn't exist yet." },
    { 12.0, 18.0, NULL, "The room was ours for free as long as we stacked the chairs." },
    { 18.0, 24.0, NULL, "Once we got a message from the librarian asking us to keep it down." },
    { 24.0, 30.0, NULL, "We were twelve people arguing about parsers, so fair enough." },
    { 30.0, 36.0, NULL, "How many of those twelve are still writing compilers today?" },
    { 36.0, 42.0, NULL, "Three of us, and one of them runs a bakery now." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* The show's own product read in sponsor words ("brought to you by X, an app I built") is the
 * show's promotion, not a sponsor's read. */
static void
test_own_product_in_sponsor_words (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, NULL, "We talked a lot about keeping notes in the field this week." },
    { 6.0, 12.0, NULL, "Which reminds me, I still owe you that list of pencils." },
    { 13.0, 19.0, NULL, "This episode is brought to you by Inkwell, a native app that I built." },
    { 19.0, 25.0, NULL, "Inkwell keeps your sketches and field notes in one place." },
    { 25.0, 31.0, NULL, "Download it at inkwell.example and use code FIELD for a free month." },
    { 32.0, 38.0, NULL, "Okay, so the pencils, I think the soft ones win every time." },
    { 38.0, 44.0, NULL, "The soft ones smudge though, that's my whole complaint." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, HarkDetection, 0).category, ==, HARK_CATEGORY_SELFPROMO);
}

/* The evidence of each line of @lines (one cue a line, each one sentence), as the finder sees it. */
static GArray *
evidence (const Line *lines, guint n, GString **doc)
{
  g_autoptr (HarkTranscript) t = build (lines, n);
  GArray *sentences = hark_sponsor_sentences (t, doc);

  g_assert_cmpuint (sentences->len, ==, n);
  return sentences;
}

#define SENTENCE(a, i) (&g_array_index ((a), HarkAdSentence, (i)))

/* A host asking companies to back the show asks for sponsors: the show's own ask, never a
 * sponsor's hand-off. A backer named, even one proud to, is a sponsor's. */
static void
test_asks_for_backers (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Host", "One note: if your company wants to sponsor the show, we have spots open in spring." },
    { 6.0, 12.0, "Host", "We're also looking for a sponsor for the live episodes." },
    { 12.0, 18.0, "Host", "Anyone interested in sponsoring us can write to the address on our site." },
    { 18.0, 24.0, "Host", "Thanks to Harbourlight for sponsoring the show this week." },
    { 24.0, 30.0, "Host", "If you like maps, Harbourlight is proud to sponsor this episode." },
  };
  g_autoptr (GString) doc = NULL;
  g_autoptr (GArray) s = evidence (lines, G_N_ELEMENTS (lines), &doc);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (SENTENCE (s, i)->count[HARK_AD_SPONSOR], ==, 0);
      g_assert_cmpuint (SENTENCE (s, i)->count[HARK_AD_SELF], >, 0);
    }
  for (guint i = 3; i < 5; i++)
    {
      g_assert_cmpuint (SENTENCE (s, i)->count[HARK_AD_SPONSOR], >, 0);
      g_assert_cmpuint (SENTENCE (s, i)->count[HARK_AD_SELF], ==, 0);
    }
}

/* The show's own things and the asks a show makes with no link: things it sells said with "we've
 * got", listeners paying for the show, writing in. */
static void
test_own_things_and_asks_without_a_link (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Host", "Oh, before I forget, we've got new hoodies this month." },
    { 6.0, 12.0, "Host", "It's our spring pledge drive, so please back us if you can." },
    { 12.0, 18.0, "Host", "Our paid tier gets every episode two days early." },
    { 18.0, 24.0, "Host", "Get in touch with us and we'll send you the details." },
    { 24.0, 30.0, "Guest", "We've got three kids and a very old dog at home." },
  };
  g_autoptr (GString) doc = NULL;
  g_autoptr (GArray) s = evidence (lines, G_N_ELEMENTS (lines), &doc);

  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (SENTENCE (s, i)->count[HARK_AD_SELF], >, 0);
  g_assert_cmpuint (SENTENCE (s, 3)->count[HARK_AD_IMPERATIVE], >, 0);
  g_assert_cmpuint (SENTENCE (s, 4)->count[HARK_AD_SELF], ==, 0);
}

/* One voice naming its side's own thing and asking the listener for something has a read's
 * structure without a link or a price; the same words between two voices do not. */
static void
test_own_ask_structure (void)
{
  static const Line one_voice[] = {
    { 0.0, 6.0, "Host", "By the way, our community chat is open again." },
    { 6.0, 12.0, "Host", "Come hang out with us, you can ask anything in there." },
  };
  static const Line two_voices[] = {
    { 0.0, 6.0, "Host", "By the way, our community chat is open again." },
    { 6.0, 12.0, "Guest", "Come hang out with us, you can ask anything in there." },
  };
  g_autoptr (GString) doc1 = NULL;
  g_autoptr (GString) doc2 = NULL;
  g_autoptr (GArray) s1 = evidence (one_voice, G_N_ELEMENTS (one_voice), &doc1);
  g_autoptr (GArray) s2 = evidence (two_voices, G_N_ELEMENTS (two_voices), &doc2);
  double x[HARK_AD_W_N];

  hark_ad_window_features (SENTENCE (s1, 0), 0, 1, x);
  g_assert_cmpfloat (x[HARK_AD_W_URL] + x[HARK_AD_W_OFFER] + x[HARK_AD_W_CODE] + x[HARK_AD_W_NOTES], ==, 0);
  g_assert_true (hark_ad_window_structural (x));
  hark_ad_window_features (SENTENCE (s2, 0), 0, 1, x);
  g_assert_false (hark_ad_window_structural (x));
}

/* An interview about something far from any read, for made-up asides spliced into it. */
typedef struct
{
  const char *speaker;
  const char *text;
} Said;

static const Said interview[] = {
  { "Host", "So tell me how you first got into keeping bees." },
  { "Guest", "My grandmother had three hives behind the barn, and I was terrified of them as a kid." },
  { "Host", "Terrified, and now you look after forty colonies." },
  { "Guest", "It took a long time, honestly, I only started again in my thirties." },
  { "Host", "What changed your mind about them?" },
  { "Guest", "A swarm landed on my porch one spring and nobody else would deal with it." },
  { "Host", "That sounds like a very stressful afternoon." },
  { "Guest", "It was, but watching them settle into a box was the calmest thing I had ever seen." },
  { "Host", "How many hives did you start with after that?" },
  { "Guest", "Two, and I lost both of them the first winter to mites." },
  { "Host", "Mites seem to come up with every beekeeper I talk to." },
  { "Guest", "They are the big problem, and treating for them without hurting the colony is an art." },
  { "Host", "Walk me through what a treatment looks like in the autumn." },
  { "Guest", "You count the mites on a sticky board first, then decide whether the numbers justify acting." },
  { "Host", "And the honey itself, how much does a good hive give?" },
  { "Guest", "In a decent year maybe thirty kilos, in a wet summer almost nothing." },
  { "Host", "The weather must make planning really hard." },
  { "Guest", "Planning is mostly guessing, and then the clover decides for you." },
  { "Host", "Do the neighbours ever complain?" },
  { "Guest", "Only once, when a swarm chose their chimney, and I gave them a jar every year since." },
  { "Host", "That is a good way to keep the peace." },
  { "Guest", "Honey fixes most arguments in a village like ours." },
  { "Host", "What would you tell someone thinking about starting this spring?" },
  { "Guest", "Find a local club, watch someone open a hive, and do not buy equipment first." },
  { "Host", "Because the equipment is where people overspend?" },
  { "Guest", "Exactly, half the sheds around here are full of unused frames and smokers." },
  { "Host", "Last question, what do you love most about it?" },
  { "Guest", "The sound, that low hum on a warm evening, there is nothing like it." },
  { "Host", "That is a lovely place to stop." },
  { "Guest", "Thanks for having me, this was fun." },
};

/* @interview with @aside said before its line @at, one line a cue timed by its length, with
 * the voices named or (@voices FALSE) none, as captions are. @start and @end: the aside's. */
static GArray *
detect_aside (const Said *aside, guint n_aside, guint at, gboolean voices, double *start,
              double *end)
{
  guint n = G_N_ELEMENTS (interview) + n_aside;
  g_autofree Line *lines = g_new0 (Line, n);
  double t = 0;

  for (guint i = 0; i < n; i++)
    {
      const Said *said = i < at ? &interview[i]
                         : i < at + n_aside ? &aside[i - at]
                                            : &interview[i - n_aside];

      lines[i].start = t;
      lines[i].end = t += MAX (2.0, strlen (said->text) / 15.0);
      lines[i].speaker = voices ? said->speaker : NULL;
      lines[i].text = said->text;
      if (i == at)
        *start = lines[i].start;
      if (i == at + n_aside - 1)
        *end = lines[i].end;
    }
  return detect (lines, n);
}

/* The show's own promotion with no link nor price, one voice's aside to the listener, is
 * found by the model of the show's own (the read model alone passes over it); told in the
 * conversation, with voices or as captions, the show's own words ("our store") are not enough. */
static void
test_own_aside (void)
{
  static const Said chat[] = {
    { "Host", "By the way, you should come hang out in our Discord." },
    { "Host", "There is a channel just for arguing about the listener questions, and it gets heated." },
  };
  static const Said feed[] = {
    { "Host", "Also, if the breaks drive you crazy, we have an ad-free feed now." },
    { "Host", "Supporters get it automatically, so go grab it." },
  };
  /* Value sent back as one listens: the show's own ask with no link (two kinds of evidence). */
  static const Said value[] = {
    { "Host", "This show runs on value for value." },
    { "Host", "If you got something out of today's episode, send back whatever it was worth to you." },
  };
  /* One voice telling of its side's store to the host, the listener not addressed. */
  static const Said told[] = {
    { "Guest", "And I always tell people, we don't need to custom build our store to make it work." },
    { "Guest", "Our shop runs on a plain template and our customers never noticed." },
    { "Guest", "Most sellers I meet think they have special needs, and they mostly don't." },
  };
  /* An answer passing between voices. */
  static const Said answered[] = {
    { "Host", "How did the shop start?" },
    { "Guest", "We opened our store in a garage with two shelves and a borrowed till." },
    { "Guest", "Our customers were mostly neighbours for the first year, and they kept us going." },
  };
  /* The same aside inside the show's own housekeeping is housekeeping. */
  static const Said housekeeping[] = {
    { "Host", "You can find all our past episodes on the website." },
    { "Host", "By the way, you should come hang out in our Discord." },
    { "Host", "There is a channel just for arguing about the listener questions, and it gets heated." },
    { "Host", "And if you haven't yet, subscribe wherever you listen and leave us a rating." },
  };
  const struct
  {
    const Said *aside;
    guint n;
    gboolean read;
  } cases[] = {
    { chat, G_N_ELEMENTS (chat), TRUE },
    { feed, G_N_ELEMENTS (feed), TRUE },
    { told, G_N_ELEMENTS (told), FALSE },
    { answered, G_N_ELEMENTS (answered), FALSE },
    { housekeeping, G_N_ELEMENTS (housekeeping), FALSE },
    { value, G_N_ELEMENTS (value), TRUE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (int voices = 1; voices >= 0; voices--)
      {
        double start = 0, end = 0;
        g_autoptr (GArray) found = detect_aside (cases[c].aside, cases[c].n, c == 4 ? 0 : 14,
                                                 voices, &start, &end);

        g_test_message ("case %u, %s", c, voices ? "voices" : "captions");
        if (!cases[c].read)
          {
            g_assert_cmpuint (found->len, ==, 0);
            continue;
          }
        /* Without voices nothing says one speaker holds the floor: the model is not asked. */
        if (!voices)
          continue;
        g_assert_cmpuint (found->len, ==, 1);
        assert_segment (found, 0, HARK_CATEGORY_SELFPROMO, start, end);
      }
}

/* A boost, a tip or value sent back by the listener is the show's own offer, and sending it an
 * ask. */
static void
test_listener_value (void)
{
  static const Line lines[] = {
    { 0.0, 6.0, "Host", "In the newer podcast apps you can send us a boost while you listen." },
    { 6.0, 12.0, "Host", "This show runs on value for value, so send back what it was worth to you." },
    { 12.0, 18.0, "Host", "And we have a tip jar on our site if you prefer." },
    { 18.0, 24.0, "Guest", "The battery got a boost from the new firmware." },
  };
  g_autoptr (GString) doc = NULL;
  g_autoptr (GArray) s = evidence (lines, G_N_ELEMENTS (lines), &doc);

  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (SENTENCE (s, i)->count[HARK_AD_SELF], >, 0);
  g_assert_cmpuint (SENTENCE (s, 0)->count[HARK_AD_ASK], >, 0);
  g_assert_cmpuint (SENTENCE (s, 1)->count[HARK_AD_ASK], >, 0);
  g_assert_cmpuint (SENTENCE (s, 3)->count[HARK_AD_SELF], ==, 0);
}

/* The show's own model decides only on one voice's aside that speaks to the listener and says
 * whose the thing is. */
static void
test_own_aside_shape (void)
{
  static const Line aside[] = {
    { 0.0, 6.0, "Host", "Oh, and our winter hats are finally back in stock." },
    { 6.0, 12.0, "Host", "Grab one before your ears freeze, you won't regret it." },
  };
  static const Line two_voices[] = {
    { 0.0, 6.0, "Host", "Oh, and our winter hats are finally back in stock." },
    { 6.0, 12.0, "Guest", "Grab one before your ears freeze, you won't regret it." },
  };
  /* Nobody's: a fair urged on the listener, as captions. */
  static const Line nobodys[] = {
    { 0.0, 6.0, NULL, "You really must go to the harvest fair next month." },
    { 6.0, 12.0, NULL, "Definitely get your ticket early, there are only a few left." },
  };
  /* The speaker's side's things, told and not said to the listener. */
  static const Line told[] = {
    { 0.0, 6.0, "Guest", "We built our store on a plain template in a weekend." },
    { 6.0, 12.0, "Guest", "Our customers never noticed, and the sales kept coming." },
  };
  const struct
  {
    const Line *lines;
    gboolean aside;
  } cases[] = { { aside, TRUE }, { two_voices, FALSE }, { nobodys, FALSE }, { told, FALSE } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (GString) doc = NULL;
      g_autoptr (GArray) s = evidence (cases[c].lines, 2, &doc);
      double x[HARK_AD_W_N];

      hark_ad_window_features (SENTENCE (s, 0), 0, 1, x);
      g_test_message ("case %u", c);
      g_assert_cmpint (hark_ad_window_own_aside (x), ==, cases[c].aside);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/detector/preroll", test_preroll);
  g_test_add_func ("/segments/detector/back-to-back", test_back_to_back);
  g_test_add_func ("/segments/detector/read-by-guest", test_read_by_guest);
  g_test_add_func ("/segments/detector/named-in-conversation", test_sponsor_named_in_conversation);
  g_test_add_func ("/segments/detector/sponsor-in-question", test_sponsor_in_question);
  g_test_add_func ("/segments/detector/own-work-told", test_own_work_told_in_interview);
  g_test_add_func ("/segments/detector/selfpromo-and-outro", test_selfpromo_and_outro);
  g_test_add_func ("/segments/detector/friends-at-a-company", test_friends_at_a_company);
  g_test_add_func ("/segments/detector/preamble", test_preamble);
  g_test_add_func ("/segments/detector/ends-inside-cue", test_ends_inside_cue);
  g_test_add_func ("/segments/detector/turns-only", test_turns_only);
  g_test_add_func ("/segments/detector/preroll-inside-a-long-paragraph",
                   test_preroll_inside_a_long_paragraph);
  g_test_add_func ("/segments/detector/empty-and-odd", test_empty_and_odd);
  g_test_add_func ("/segments/detector/explanations-are-utf8", test_explanations_are_utf8);
  g_test_add_func ("/segments/detector/backing-hand-off", test_backing_hand_off);
  g_test_add_func ("/segments/detector/company-supports-us", test_company_supports_us);
  g_test_add_func ("/segments/detector/underwriting-credits", test_underwriting_credits);
  g_test_add_func ("/segments/detector/message-credit-and-told-of", test_message_credit_and_told_of);
  g_test_add_func ("/segments/detector/network-show-promo", test_network_show_promo);
  g_test_add_func ("/segments/detector/read-in-another-language", test_read_in_another_language);
  g_test_add_func ("/segments/detector/guest-own-things", test_guest_own_things);
  g_test_add_func ("/segments/detector/host-own-things", test_host_own_things);
  g_test_add_func ("/segments/detector/guest-cold-open", test_guest_cold_open);
  g_test_add_func ("/segments/detector/guest-answer-unvoiced", test_guest_answer_unvoiced);
  g_test_add_func ("/segments/detector/question-to-the-listener", test_question_to_the_listener);
  g_test_add_func ("/segments/detector/backers-listed-at-the-top", test_backers_listed_at_the_top);
  g_test_add_func ("/segments/detector/brought-to-you-by-us", test_brought_to_you_by_us);
  g_test_add_func ("/segments/detector/selfpromo-right-after-sponsor",
                   test_selfpromo_right_after_sponsor);
  g_test_add_func ("/segments/detector/break-in-a-life-story", test_break_in_a_life_story);
  g_test_add_func ("/segments/detector/domain-named-as-a-thing", test_domain_named_as_a_thing);
  g_test_add_func ("/segments/detector/asks-for-backers", test_asks_for_backers);
  g_test_add_func ("/segments/detector/own-things-and-asks-without-a-link",
                   test_own_things_and_asks_without_a_link);
  g_test_add_func ("/segments/detector/own-ask-structure", test_own_ask_structure);
  g_test_add_func ("/segments/detector/own-aside", test_own_aside);
  g_test_add_func ("/segments/detector/own-aside-shape", test_own_aside_shape);
  g_test_add_func ("/segments/detector/listener-value", test_listener_value);
  g_test_add_func ("/segments/detector/own-product-in-sponsor-words",
                   test_own_product_in_sponsor_words);
  return g_test_run ();
}
