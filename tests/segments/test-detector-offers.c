/* test-detector-offers.c — whose offer a read makes, links said with any ending, and talk of
 * code that offers nothing
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows, products and sites here are made up, so the rules cannot have learned them.
 */
#include "segments/hark-sponsor-detector.h"
#include "segments-test-util.h"

typedef struct
{
  const char *speaker;
  const char *text;
} Line;

/* Each line five seconds long. */
static HarkTranscript *
build (const Line *lines, guint n)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      int speaker = hark_transcript_builder_add_speaker (b, lines[i].speaker, lines[i].speaker);

      hark_transcript_builder_add_cue (b, 5.0 * i, 5.0 * (i + 1), lines[i].text, speaker);
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
assert_one (GArray *found, HarkCategory category, double start, double end)
{
  const HarkDetection *d;

  g_assert_cmpuint (found->len, ==, 1);
  d = &g_array_index (found, HarkDetection, 0);
  g_assert_cmpstr (hark_category_to_string (d->category), ==, hark_category_to_string (category));
  g_assert_cmpfloat_with_epsilon (d->start, start, 0.05);
  g_assert_cmpfloat_with_epsilon (d->end, end, 0.05);
}

#define OPENING                                                                            \
  { "Host", "Welcome back to Lathe Talk, the show about making things in your garage." },   \
  { "Host", "Today we're talking about why my old lathe keeps rattling." },                  \
  { "Guest", "Yeah, I think the bearings are probably going, honestly." },                  \
  { "Host", "Maybe. We had the spindle apart last week and it looked fine." },               \
  { "Guest", "Then it might be the belt tension, you know, that happens a lot." }

#define CLOSING                                                                            \
  { "Host", "Okay, so the belt. How tight should it really be?" },                          \
  { "Guest", "Not as tight as people think. You want a little give in it." },               \
  { "Host", "Interesting. I always cranked mine down as far as it would go." },             \
  { "Guest", "That's what wears the bearings out, that's the problem right there." },       \
  { "Host", "Good to know. What about the motor mount, does that matter?" },                \
  { "Guest", "It matters a lot, I'd check it's square before anything else." }

/* The host closes a sponsor's read by saying that taking its deal helps the show: the deal and
 * the site are someone else's, so the read is a sponsor's. */
static void
test_support_by_taking_a_deal (void)
{
  static const Line lines[] = {
    OPENING,
    { "Host", "Before we dig into that, I want to tell you about Brambleware." },
    { "Host", "Brambleware hosts your side projects on quick servers with nothing to set up." },
    { "Host", "New users get $75 in credit when they go to brambleware dot com slash lathe." },
    { "Host", "That's brambleware dot com slash lathe for $75 in credit." },
    { "Host", "Using that link is a great way to support the show, so thank you." },
    CLOSING,
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  assert_one (found, HARK_CATEGORY_SPONSOR, 25.0, 50.0);
}

/* Supporting the show by joining its own membership is the show's own promotion, deal or not. */
static void
test_support_by_joining_stays_own (void)
{
  static const Line lines[] = {
    OPENING,
    { "Host", "Quick note before we go on." },
    { "Host", "The best way to support the show is to join our membership at lathetalk dot com slash join." },
    { "Host", "It's $5 a month and you get every episode without ads." },
    CLOSING,
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (hark_category_to_string (g_array_index (found, HarkDetection, 0).category), ==,
                   hark_category_to_string (HARK_CATEGORY_SELFPROMO));
}

/* A link said aloud with an ending no table lists is a link when it is said as a place to go:
 * a path after it, "go to" before it. */
static void
test_spoken_link_any_ending (void)
{
  static const Line lines[] = {
    OPENING,
    { "Host", "Quick thing before we go on. Ever lost a whole weekend to a flaky deploy?" },
    { "Host", "Quillmark watches every build and tells you which change broke it." },
    { "Host", "Teams that switched say they ship twice as often with half the stress." },
    { "Host", "Go to quillmark dot qz slash lathe and get 30% off your first year." },
    { "Host", "Again, that's quillmark dot qz slash lathe." },
    CLOSING,
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (hark_category_to_string (g_array_index (found, HarkDetection, 0).category), ==,
                   hark_category_to_string (HARK_CATEGORY_SPONSOR));
  g_assert_cmpfloat (g_array_index (found, HarkDetection, 0).start, <=, 40.0);
  g_assert_cmpfloat (g_array_index (found, HarkDetection, 0).end, >=, 50.0);
}

/* A closing credit of the show's partner, then where to find the network's other shows: the
 * credit is the partner's read, the network's line after it the show's housekeeping. */
static void
test_credit_then_network_line (void)
{
  static const Line lines[] = {
    OPENING,
    CLOSING,
    { "Host", "Thanks to our partners at Copperleaf Supply dot com for supporting this show." },
    { "Host", "Find more shows like this one at Hollow Pine Audio dot com." },
    { "Host", "See you next week." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  assert_one (found, HARK_CATEGORY_SPONSOR, 55.0, 60.0);
}

/* Two people talking about a parser library: its name, its site, "use", "code", "free",
 * "download", "available on" are the topic, not an offer. */
static void
test_talk_of_code_is_no_read (void)
{
  static const Line lines[] = {
    { "Host", "Welcome to Stack Notes, where we talk about building software." },
    { "Host", "Today I've got Priya with me to talk about parsing." },
    { "Guest", "Thanks for having me, I'm excited to be here." },
    { "Host", "So you've been working on a parser library, right?" },
    { "Guest", "Yeah, it's called Tokenmill and it's been my side project for two years." },
    { "Host", "What made you start Tokenmill in the first place?" },
    { "Guest", "Honestly I was fed up with the code I had to write for every config format." },
    { "Host", "I think everyone has written that code at least once." },
    { "Guest", "So with Tokenmill you can use code generation, and it's available on npm and crates." },
    { "Guest", "It's free and open source, so you can download Tokenmill and use it today." },
    { "Guest", "You use the grammar file, you run the Tokenmill generator, and it gives you the tree." },
    { "Guest", "The docs are on tokenmill.dev/docs if you want to try Tokenmill with your own grammar." },
    { "Host", "How does it handle errors, though? That's always the hard part." },
    { "Guest", "We keep going after an error and report all of them, so you can fix them in one pass." },
    { "Host", "That's nice. And is it fast?" },
    { "Guest", "It's fast enough, it parses about a hundred megabytes a second on my laptop." },
    { "Host", "Nice. So what's next for it?" },
    { "Guest", "Better error messages, mostly, and incremental parsing for editors." },
    { "Host", "Cool, that makes sense. Let's talk about how you test it." },
    { "Guest", "We fuzz it a lot, that found most of the bugs, and we have a big corpus." },
    { "Host", "How big is the corpus?" },
    { "Guest", "A few thousand files, all kinds of weird configs people sent us." },
    { "Host", "That's great. Alright, let's move on to your talk at the conference." },
    { "Guest", "Sure, so the talk was about grammars as documentation." },
    { "Host", "I loved that idea, you know, the grammar is the spec." },
    { "Guest", "Yeah, that was the whole point, the grammar tells you what's valid." },
  };
  g_autoptr (GArray) found = detect (lines, G_N_ELEMENTS (lines));

  g_assert_cmpuint (found->len, ==, 0);
}

/* A code is given when its token follows ("use code SAVE20", "use the code lathe for 20% off");
 * "use the code from the repo" and "use code generation" talk of code. */
static void
test_code_needs_its_token (void)
{
  static const Line lines[] = {
    { "Host", "Use code LATHE20 when you sign up." },
    { "Host", "Just use the code lathe for 20% off your first order." },
    { "Host", "Use the code S-H-O-W when you sign up." },
    { "Guest", "You can use the code from the repo if you want." },
    { "Guest", "So you can use code generation instead of writing it by hand." },
    { "Guest", "I was fed up with the code I had to write." },
  };
  g_autoptr (HarkTranscript) t = build (lines, G_N_ELEMENTS (lines));
  g_autoptr (GString) doc = NULL;
  g_autoptr (GArray) s = hark_sponsor_sentences (t, &doc);

  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < s->len; i++)
    g_assert_cmpuint (g_array_index (s, HarkAdSentence, i).count[HARK_AD_CODE], ==, i < 3 ? 1 : 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/detector-offers/support-by-taking-a-deal", test_support_by_taking_a_deal);
  g_test_add_func ("/detector-offers/support-by-joining-stays-own",
                   test_support_by_joining_stays_own);
  g_test_add_func ("/detector-offers/spoken-link-any-ending", test_spoken_link_any_ending);
  g_test_add_func ("/detector-offers/credit-then-network-line", test_credit_then_network_line);
  g_test_add_func ("/detector-offers/talk-of-code-is-no-read", test_talk_of_code_is_no_read);
  g_test_add_func ("/detector-offers/code-needs-its-token", test_code_needs_its_token);
  return g_test_run ();
}
