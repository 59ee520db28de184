/* hark-sponsor-detector.c — sponsor reads and self-promotion, found in any show
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three steps. The transcript's cues (or turns) are cut into sentences, each timed by its words'
 * times when the cue has them, otherwise by its characters' share of the cue. Each sentence gets
 * its evidence (hark-ad-evidence.h). A segmenter decides the reads over the whole episode at
 * once (hark-ad-segmenter.h). A span it keeps must hold at least two different kinds of strong
 * evidence (a URL and an offer, talk of a sponsor and a code…): one kind alone is conversation
 * about it. Reads of one category less than MERGE_GAP apart are one segment.
 */
#include "segments/hark-sponsor-detector.h"

#include <string.h>

#include "segments/hark-ad-domain.h"
#include "segments/hark-ad-evidence.h"
#include "segments/hark-ad-language.h"
#include "segments/hark-ad-segmenter.h"
#include "segments/hark-ad-third-party.h"
#include "segments/hark-ad-topic.h"
#include "segments/hark-ad-window.h"
#include "util/hark-time.h"

/* Reads of one category this close are one skip, one toast, one Unskip. */
#define MERGE_GAP 2.0
/* A span needs this much evidence in all, from at least MIN_KINDS kinds. */
#define MIN_SPAN_SCORE 4.0
/* Less when the read announces itself ("brought to you by", "a word from our sponsors"). */
#define MIN_ANNOUNCED_SCORE 3.0
#define MIN_KINDS 2
#define MIN_BRAND_SENTENCES 3
/* When a read starts or ends inside a cue and the rest of the cue is this short, the whole cue
 * goes to the read (captions split sentences: the cue's other words are the read's edge). */
#define SNAP_SECONDS 3.0
#define SNAP_SHARE 0.15
#define LONG_PARAGRAPH 60.0
/* … and in a paragraph that long, a rest of this many sentences is talk of its own. */
#define SNAP_MAX_SENTENCES 2
/* Longer than any read: a span this long is the rules misfiring on a whole conversation. */
#define MAX_READ_SECONDS 420.0
/* Sentences said in one breath, and how long an edge sentence without evidence may be. */
#define SEAMLESS_GAP 1.0
#define MAX_EDGE_SECONDS 6.0
/* What a sentence saying the name its link is made of adds to a span's evidence. */
#define LINKED_NAME_WEIGHT 0.8
/* How long the line saying what a credited backer does may be. */
#define CREDIT_LINE_SECONDS 12.0
/* How long a product story may run before the read's first call to action. */
#define MAX_STORY_SECONDS 60.0
/* A sentence of a story on a topic of its own: this many different content words at least, and
 * this share of them said nowhere else in the episode. */
#define STORY_MIN_CONTENT 3
#define STORY_NOVEL_SHARE 0.5
#define STORY_MAX_PLAIN_WORDS 6
/* Log-odds at which the window model's "the show's own" overrides the segmenter's "sponsor". */
#define SURELY_OWN 2.0
/* A sentence runs over at most this many caption cues. */
#define MAX_CUES_PER_SENTENCE 3

typedef struct
{
  double start, end;
  int speaker;
  const char *text;
  gsize length;
  const HarkWord *words;
  guint n_words;
  gsize base; /* where its text starts in the joined document */
} Unit;

void
hark_detection_clear (gpointer data)
{
  HarkDetection *d = data;

  g_free (d->started_by);
  g_free (d->carried_by);
  g_free (d->ended_by);
}

static GArray *
collect_units (const HarkTranscript *t)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  guint n_cues, n_turns, n_words;
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  const HarkWord *words = hark_transcript_get_words (t, &n_words);

  for (guint i = 0; i < n_cues; i++)
    {
      gboolean has_words = cues[i].n_words > 0 && cues[i].first_word + cues[i].n_words <= n_words;
      Unit u = { cues[i].start, cues[i].end, cues[i].speaker, cues[i].text,
                 strlen (cues[i].text), has_words ? words + cues[i].first_word : NULL,
                 has_words ? cues[i].n_words : 0, 0 };

      g_array_append_val (units, u);
    }
  if (n_cues == 0)
    for (guint i = 0; i < n_turns; i++)
      {
        Unit u = { turns[i].start, turns[i].end, turns[i].speaker, turns[i].text,
                   strlen (turns[i].text), NULL, 0, 0 };

        g_array_append_val (units, u);
      }
  return units;
}

/* Time of byte @k of @u's text: its word's start when the cue has word times, otherwise the
 * characters' share of the cue. */
static double
unit_time (const Unit *u, gsize k)
{
  if (k == 0)
    return u->start;
  if (k >= u->length)
    return u->end;
  if (u->n_words > 0)
    {
      guint index = 0;

      for (gsize i = 1; i <= k; i++)
        if (u->text[i - 1] == ' ' && u->text[i] != ' ')
          index++;
      if (index < u->n_words)
        return CLAMP (u->words[index].start, u->start, u->end);
    }
  return u->start + (u->end - u->start) * (double) g_utf8_strlen (u->text, (gssize) k)
                        / (double) MAX (1, g_utf8_strlen (u->text, (gssize) u->length));
}

static gboolean
ends_sentence (HarkAdLanguage language, const char *text, gsize i, gsize length)
{
  char c = text[i];

  if (c != '.' && c != '?' && c != '!')
    return FALSE;
  /* "am 3. März" goes on. */
  if (hark_ad_language_ordinal_dot (language, text, i, length))
    return FALSE;
  /* "example.com" and "3.5" go on; "end." followed by a space or the end stops. */
  return i + 1 >= length || text[i + 1] == ' ' || text[i + 1] == '"' || text[i + 1] == '\n';
}

/* Where a sentence being built started. */
typedef struct
{
  guint unit;
  gsize offset;     /* in the unit's text */
  gsize doc_offset; /* in the joined document */
} Mark;

static void
add_sentence (GArray *sentences, GArray *units, const GString *doc, Mark from, guint last_unit,
              gsize to, gsize doc_to)
{
  HarkAdSentence s = { 0 };
  const Unit *u0 = &g_array_index (units, Unit, from.unit);
  const Unit *u1 = &g_array_index (units, Unit, last_unit);

  while (from.doc_offset < doc_to && doc->str[from.doc_offset] == ' ')
    from.doc_offset++, from.offset++;
  if (from.doc_offset >= doc_to)
    return;
  s.start = unit_time (u0, MIN (from.offset, u0->length));
  s.end = unit_time (u1, to);
  /* Cues out of time order can put a sentence's last word before its first. */
  s.end = MAX (s.end, s.start);
  s.speaker = u0->speaker;
  s.unit = from.unit;
  s.last_unit = last_unit;
  s.text = doc->str + from.doc_offset;
  s.length = doc_to - from.doc_offset;
  g_array_append_val (sentences, s);
}

static gboolean
ends_with_mark (const Unit *u)
{
  gsize n = u->length;

  while (n > 0 && (u->text[n - 1] == ' ' || u->text[n - 1] == '"'))
    n--;
  return n > 0 && strchr (".?!", u->text[n - 1]) != NULL;
}

/* Sentences, over cue boundaries where the captions split one: a cue not ending in a full stop
 * goes on in the next when the file punctuates at all (unpunctuated captions are taken cue by
 * cue), the same voice speaks, and no pause lies between. @doc receives the joined text and
 * must have room for all of it (the sentences point into it). */
static GArray *
split_sentences (GArray *units, GString *doc, HarkAdLanguage language)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (HarkAdSentence));
  guint punctuated = 0;
  gboolean carry_over;
  Mark from = { 0, 0, 0 };
  guint carried = 0;

  for (guint i = 0; i < units->len; i++)
    punctuated += ends_with_mark (&g_array_index (units, Unit, i)) ? 1 : 0;
  /* Captions wrapped at a line length end one cue in four or five with a full stop; captions
   * that never punctuate end none. */
  carry_over = punctuated * 10 >= units->len;

  for (guint i = 0; i < units->len; i++)
    {
      Unit *u = &g_array_index (units, Unit, i);
      const Unit *next = i + 1 < units->len ? &g_array_index (units, Unit, i + 1) : NULL;
      gsize base = doc->len;

      u->base = base;
      g_string_append_len (doc, u->text, (gssize) u->length);
      if (carried == 0)
        from = (Mark){ i, 0, base };
      for (gsize k = 0; k < u->length; k++)
        if (ends_sentence (language, u->text, k, u->length))
          {
            add_sentence (sentences, units, doc, from, i, k + 1, base + k + 1);
            from = (Mark){ i, k + 1, base + k + 1 };
            carried = 0;
          }
      if (carry_over && next && !ends_with_mark (u) && next->speaker == u->speaker
          && next->start - u->end < SEAMLESS_GAP && carried < MAX_CUES_PER_SENTENCE)
        {
          /* The sentence goes on in the next cue. */
          carried++;
          g_string_append_c (doc, ' ');
          continue;
        }
      add_sentence (sentences, units, doc, from, i, u->length, doc->len);
      g_string_append_c (doc, ' ');
      carried = 0;
    }
  return sentences;
}

/* A read starts at its first sentence with evidence for it and ends at its last: the quiet
 * sentences the segmenter kept around it (a story told after the URL, the banter before the
 * pitch) are not the read's. */
static gboolean
has_evidence (const HarkAdSentence *s)
{
  static const HarkAdFeature kinds[] = { HARK_AD_URL, HARK_AD_CODE, HARK_AD_OFFER,
                                         HARK_AD_IMPERATIVE, HARK_AD_SPONSOR, HARK_AD_BREAK,
                                         HARK_AD_SELF, HARK_AD_SHOW_PROMO };

  for (guint f = 0; f < G_N_ELEMENTS (kinds); f++)
    if (s->count[kinds[f]])
      return TRUE;
  return FALSE;
}

static gboolean
asks_or_offers (const HarkAdSentence *s)
{
  return s->count[HARK_AD_SPONSOR] || s->count[HARK_AD_BREAK] || s->count[HARK_AD_CODE]
         || s->count[HARK_AD_OFFER] || s->count[HARK_AD_IMPERATIVE] || s->count[HARK_AD_SELF];
}

/* Names said again after an announcement ("a mention of each sponsor: X for this, Y for
 * that") end the read there; names alone start nothing (a guest introduction). */
/* What only a read says: talk of sponsors, a break, a code, an offer, the show's own offer. A
 * link or a call to action alone is also how a show says where to follow it. */
static gboolean
offers (const HarkAdSentence *s)
{
  return s->count[HARK_AD_SPONSOR] || s->count[HARK_AD_BREAK] || s->count[HARK_AD_CODE]
         || s->count[HARK_AD_OFFER] || s->count[HARK_AD_SELF];
}

static gboolean seamless (const HarkAdSentence *a, const HarkAdSentence *b);
static gboolean another_site (const HarkAdSentence *s, guint first, guint last,
                              const HarkAdSentence *t);

/* Whether @t names again a backer credited in @s[@from..@to] (in a link too: "acme dot com"). */
static gboolean
names_backer (const HarkAdSentence *s, guint from, guint to, const HarkAdSentence *t)
{
  for (guint k = from; k < to; k++)
    if (s[k].count[HARK_AD_CREDIT] && s[k].backer_len >= 3)
      {
        const char *name = s[k].text + s[k].backer_at;

        for (gsize i = 0; i + s[k].backer_len <= t->length; i++)
          if (g_ascii_strncasecmp (t->text + i, name, s[k].backer_len) == 0)
            return TRUE;
      }
  return FALSE;
}

/* Whether @s says nothing of the speaker ("I", "we", "my"): an announcer's credit, not a host
 * telling how they use what they pitch. */
static gboolean
impersonal (const HarkAdSentence *s)
{
  if (s->count[HARK_AD_WE])
    return FALSE;
  for (gsize i = 0; i < s->length; i++)
    if (s->text[i] == 'I' && (i == 0 || !g_ascii_isalnum (s->text[i - 1]))
        && (i + 1 >= s->length || !g_ascii_isalnum (s->text[i + 1])))
      return FALSE;
  return TRUE;
}

static void
trim (const HarkAdSentence *s, guint *first, guint *last)
{
  while (*first < *last && !has_evidence (&s[*first]))
    (*first)++;
  /* Housekeeping ends a read ("be sure to subscribe… the RSS feed is at /rss on example.fm"):
   * links and asks after it, with nothing offered, are where to follow the show. */
  for (guint k = *first + 1; k <= *last; k++)
    if (s[k].count[HARK_AD_HOUSEKEEPING] && !has_evidence (&s[k]))
      {
        gboolean offered = FALSE;

        for (guint j = k + 1; j <= *last && !offered; j++)
          offered = offers (&s[j]);
        if (!offered)
          {
            *last = k - 1;
            break;
          }
      }
  /* The conversation taking over after the read's last link or code ("you know", a question)
   * ends it there, whatever names and asks it goes on with: a read's own words after its link
   * repeat the offer, they do not talk it over. */
  for (guint k = *last; k > *first; k--)
    if (s[k].count[HARK_AD_URL] || s[k].count[HARK_AD_CODE])
      {
        for (guint j = k + 1; j <= *last; j++)
          if ((s[j].count[HARK_AD_DIALOGUE] || s[j].count[HARK_AD_QUESTION]) && !offers (&s[j])
              && !s[j].count[HARK_AD_URL])
            {
              *last = j - 1;
              break;
            }
        break;
      }
  while (*last > *first && !has_evidence (&s[*last])
         && !(s[*last].count[HARK_AD_BRAND] && s[*last].count[HARK_AD_AFTER_BREAK]))
    (*last)--;
  /* A credit that says what its backer does without a word to the listener or of the speaker
   * ("support comes from X, makers of Y", or "… from X." then "X makes Y."), as public and
   * network shows announce theirs, may be the whole read: it goes on only while the backer is named again
   * (its story, its link), past one line saying what the backer does; the conversation's own
   * links and names after it are not the read's. A pitch ("brought to you by X, the app that
   * lets you …") speaks to the listener and goes on in its story; a credit naming only its
   * backers ("brought to you by X, Y and Z") announces the reads that follow. */
  for (guint k = *first; k <= *last; k++)
    if (s[k].count[HARK_AD_CREDIT]
        && (impersonal (&s[k]) || s[k].backers >= HARK_AD_ROLL_CALL)
        && (s[k].backer_described || s[k].backers >= HARK_AD_ROLL_CALL
            || (k + 1 <= *last && s[k].backer_len >= 3 && seamless (&s[k], &s[k + 1])
                && !s[k + 1].count[HARK_AD_YOU] && s[k + 1].length >= s[k].backer_len
                && g_ascii_strncasecmp (s[k + 1].text, s[k].text + s[k].backer_at,
                                        s[k].backer_len) == 0)))
      {
        guint end = k, unnamed = 0;

        for (guint j = k + 1; j <= *last; j++)
          {
            if (!seamless (&s[j - 1], &s[j]) || s[j].count[HARK_AD_QUESTION]
                || s[j].count[HARK_AD_RESUME] || s[j].count[HARK_AD_HOUSEKEEPING]
                || s[j].start - s[end].end > MAX_STORY_SECONDS)
              break;
            if (s[j].count[HARK_AD_CREDIT] || names_backer (s, k, j, &s[j])
                || s[j].count[HARK_AD_URL] || s[j].count[HARK_AD_CODE]
                || s[j].count[HARK_AD_OFFER])
              end = j, unnamed = 0;
            else if (j == end + 1 && s[end].count[HARK_AD_CREDIT] && unnamed == 0
                     && s[j].end - s[j].start <= CREDIT_LINE_SECONDS)
              end = j, unnamed = 1;
          }
        *last = MIN (*last, end);
        break;
      }
  /* A last line sending the listener to another site than the read's, offering nothing
   * ("find more shows like this at example dot com"), is the show's or its network's own
   * housekeeping after a credit, not the backer's read. */
  if (*last > *first && !offers (&s[*last]) && !s[*last].count[HARK_AD_CREDIT]
      && !s[*last].count[HARK_AD_BRAND] && another_site (s, *first, *last, &s[*last]))
    (*last)--;
  /* Another voice naming the link after the read ("Thanks Sam. So, example.com aside, …") is
   * the conversation taking over; a co-host reading on asks or offers something. */
  for (guint k = *last; k > *first; k--)
    if (asks_or_offers (&s[k]))
      {
        gboolean handed_over = s[k].speaker >= 0;

        for (guint j = k + 1; j <= *last; j++)
          handed_over &= s[j].speaker >= 0 && s[j].speaker != s[k].speaker;
        if (handed_over)
          *last = k;
        break;
      }
}

/* Whether @t's link is another site than every link of @s[@first..@last - 1], and @s has one. */
static gboolean
another_site (const HarkAdSentence *s, guint first, guint last, const HarkAdSentence *t)
{
  char label[HARK_AD_DOMAIN_MAX_LABEL], other[HARK_AD_DOMAIN_MAX_LABEL];
  gsize len = hark_ad_domain_label (t, label);
  gboolean linked = FALSE;

  if (len == 0)
    return FALSE;
  for (guint k = first; k < last; k++)
    {
      gsize n = hark_ad_domain_label (&s[k], other);

      if (n == 0)
        continue;
      linked = TRUE;
      if (strncmp (label, other, MIN (len, n)) == 0)
        return FALSE;
    }
  return linked;
}

static gboolean
seamless (const HarkAdSentence *a, const HarkAdSentence *b)
{
  return a->speaker == b->speaker && b->start - a->end < SEAMLESS_GAP;
}

/* Whether @before, said right before @after, goes on in the same breath: the same voice with
 * no gap, no one answering ("I think", "yeah"), no return to the show, no housekeeping. A
 * question may open a read ("Tired of slow builds?"), so @question_ok says whether one does
 * here. Every way a read grows past its evidence (grow_read()) asks this first. */
static gboolean
said_on (const HarkAdSentence *before, const HarkAdSentence *after, gboolean question_ok)
{
  return !before->count[HARK_AD_DIALOGUE] && !before->count[HARK_AD_RESUME]
         && !before->count[HARK_AD_HOUSEKEEPING]
         && (question_ok || !before->count[HARK_AD_QUESTION]) && seamless (before, after);
}

/* Whether @s is mostly words said nowhere else in the episode: a topic of its own, as a story
 * leading into a read is, not the conversation's. */
static gboolean
off_topic (const HarkAdSentence *s)
{
  return s->content >= STORY_MIN_CONTENT && s->count[HARK_AD_NOVEL] >= STORY_NOVEL_SHARE * s->content;
}

/* A pitch told as a story names its product before it asks anything ("Are you building a
 * back end and overwhelmed? … check out X"): when a read has no opener, it starts at the first
 * of the sentences said on before it that repeat a name dense here and rare elsewhere. One
 * sentence of the story may name nothing ("…and it does the rest for you") when the one
 * before it names the product again. */
static guint
story_start (const HarkAdSentence *s, guint floor, guint first)
{
  const HarkAdSentence *head = &s[first];
  guint start = first;

  for (guint k = first; k > floor; k--)
    {
      const HarkAdSentence *before = &s[k - 1];

      if (!said_on (before, &s[k], TRUE) || head->start - before->start > MAX_STORY_SECONDS)
        break;
      if (!before->count[HARK_AD_BRAND])
        {
          const HarkAdSentence *again = k >= 2 && k - 2 >= floor ? &s[k - 2] : NULL;

          if (again == NULL || !again->count[HARK_AD_BRAND] || !said_on (again, before, TRUE)
              || head->start - again->start > MAX_STORY_SECONDS)
            break;
          continue;
        }
      start = k - 1;
    }
  return start;
}

/* A story that names its product only late ("Three summers ago I did a stupid thing …") is
 * still the read's own when it is said on by the read's voice, with no question, on a topic
 * the rest of the episode never touches: the read starts at the first of a run of such
 * sentences right before it. One short sentence of the story may be said with common words
 * ("No blisters.") when the one before it is off topic again. */
static guint
off_topic_start (const HarkAdSentence *s, guint floor, guint first)
{
  const HarkAdSentence *head = &s[first];
  guint start = first;

  for (guint k = first; k > floor; k--)
    {
      const HarkAdSentence *before = &s[k - 1];

      if (!said_on (before, &s[k], FALSE) || head->start - before->start > MAX_STORY_SECONDS)
        break;
      if (!off_topic (before))
        {
          if (before->words > STORY_MAX_PLAIN_WORDS || k < floor + 2
              || !said_on (&s[k - 2], before, FALSE)
              || head->start - s[k - 2].start > MAX_STORY_SECONDS || !off_topic (&s[k - 2]))
            break;
          continue;
        }
      start = k - 1;
    }
  return start;
}

/* Grows the read @first..@last (no further back than @floor) over what belongs to it that
 * carries no evidence of its own, in one place for both ways reads are found:
 *   - the story told before its offer: sentences repeating the product's name (story_start()),
 *     unless the read opens by announcing itself or the show's own offer; then a story on a
 *     topic of its own (off_topic_start()), unless a break or a pause opens it ("X sponsors
 *     this episode" may come after its story, a break announced comes first);
 *   - its lead-in: one short line said on before it announcing it ("Real quick, a word about
 *     who keeps the lights on") or a rhetorical question leading into it;
 *   - its closing line: one short line said on after it right before the housekeeping starts
 *     ("It pays for itself in a week."). */
static void
grow_read (const HarkAdSentence *s, guint n, guint floor, guint *first, guint *last)
{
  const HarkAdSentence *head = &s[*first];
  const HarkAdSentence *q;

  if (!head->count[HARK_AD_SPONSOR] && !head->count[HARK_AD_BREAK] && !head->count[HARK_AD_SELF])
    *first = story_start (s, floor, *first);
  head = &s[*first];
  if (!head->count[HARK_AD_BREAK] && !head->count[HARK_AD_PAUSE] && !head->count[HARK_AD_SELF])
    *first = off_topic_start (s, floor, *first);

  if (*first > floor)
    {
      q = &s[*first - 1];
      if ((q->count[HARK_AD_PAUSE] || q->count[HARK_AD_BREAK] || q->count[HARK_AD_SPONSOR]
           || q->count[HARK_AD_QUESTION])
          && q->end - q->start <= MAX_EDGE_SECONDS && said_on (q, &s[*first], TRUE))
        (*first)--;
    }

  if (*last + 2 < n)
    {
      const HarkAdSentence *tail = &s[*last + 1];

      if (!has_evidence (tail) && tail->end - tail->start <= MAX_EDGE_SECONDS
          && seamless (&s[*last], tail) && s[*last + 2].count[HARK_AD_HOUSEKEEPING]
          && said_on (tail, &s[*last + 2], FALSE))
        (*last)++;
    }
}

/* Whose read @first..@last is: what the segmenter's state says when the read names a sponsor or
 * the show's own offer in so many words, or names none of the show's own things; otherwise (a
 * story with a link and a code that says "I wrote a book", tickets, a paid tier) the window
 * model's judgement of the whole read, when it is sure, which knows those things the
 * segmenter's tables do not. */
static HarkAdState
own_or_sponsor (const HarkAdSentence *s, guint first, guint last, HarkAdState state)
{
  double x[HARK_AD_W_N];
  gboolean own = FALSE, ours = FALSE;

  for (guint k = first; k <= last; k++)
    {
      if (s[k].count[HARK_AD_SPONSOR] || s[k].count[HARK_AD_BREAK] || s[k].count[HARK_AD_SELF])
        return state;
      own = own || s[k].count[HARK_AD_OWN];
      ours = ours || s[k].count[HARK_AD_OURS];
    }
  if (!own && !ours)
    return state;
  hark_ad_window_features (s, first, last, x);
  /* When the speaker says their side runs it ("the conference I run", "our store"), the model's
   * even odds are enough; a thing of the show's kind named alone (tickets, a newsletter) may be
   * a sponsor's, and needs it sure. */
  return hark_ad_window_self_logit (x) >= (ours ? 0.0 : SURELY_OWN) ? HARK_AD_STATE_SELF
                                                                    : HARK_AD_STATE_SPONSOR;
}

/* Whose read @first..@last is, knowing the show (@state as judged from the wording alone):
 * the show's own site, and no one else's, makes it the show's promotion; another's site where
 * only weak wording (no "support the show", no "my plug", no "the conference we run" or "our
 * members": a show's own newsletter, conference or club often lives on a site of its own)
 * said it was the show's own makes it a sponsor's; the show's name said, with no site and no sponsor talk, the show's own. Sets
 * @note to what decided when the show's identity changed the category. */
static HarkAdState
whose_read (const HarkShowContext *show, const HarkAdSentence *s, guint first, guint last,
            HarkAdState state, char **note)
{
  HarkShowMentions m = { 0 };
  gboolean sponsor_talk = FALSE, break_talk = FALSE, self_talk = FALSE, runs_it = FALSE;
  HarkAdState whose = state;

  *note = NULL;
  if (show == NULL)
    return state;
  for (guint k = first; k <= last; k++)
    {
      hark_show_context_scan (show, s[k].text, s[k].length, &m);
      sponsor_talk = sponsor_talk || s[k].count[HARK_AD_SPONSOR];
      break_talk = break_talk || s[k].count[HARK_AD_BREAK];
      self_talk = self_talk || s[k].count[HARK_AD_SELF] || s[k].count[HARK_AD_PLUG];
      runs_it = runs_it || s[k].count[HARK_AD_OWN] || s[k].count[HARK_AD_OURS];
    }
  /* The show's site with a path that is a name said in the read ("example.fm/Brand") is the
   * brand's redirect: someone else's. */
  for (guint p = 0; p < m.n_paths; p++)
    {
      gboolean named = FALSE;

      for (guint k = first; k <= last && !named; k++)
        named = hark_show_context_says_name (s[k].text, s[k].length, m.paths[p]);
      if (named)
        m.other_sites++;
      else
        m.own_sites++;
    }
  /* Said to be sponsored ("brought to you by"), it is someone's paid read, whatever site of
   * the show's it sends the listener to. */
  if (m.own_sites > 0 && m.other_sites == 0 && !sponsor_talk)
    whose = HARK_AD_STATE_SELF;
  /* A deal at someone else's site, and nothing of the show's own but "using the link
   * supports the show". */
  else if (state == HARK_AD_STATE_SELF && hark_ad_third_party_offer (s, first, last, &m))
    whose = HARK_AD_STATE_SPONSOR;
  else if (m.other_sites > 0 && m.own_sites == 0 && state == HARK_AD_STATE_SELF && !self_talk
           && !runs_it && hark_show_context_knows_sites (show))
    whose = HARK_AD_STATE_SPONSOR;
  else if (m.names_show > 0 && m.other_sites == 0 && m.own_sites == 0 && !sponsor_talk
           && !break_talk)
    whose = HARK_AD_STATE_SELF;
  if (whose != state)
    *note = g_strdup_printf (whose == HARK_AD_STATE_SELF ? "the show's own “%s”"
                                                         : "“%s”, not the show's",
                             m.quote ? m.quote : "");
  hark_show_mentions_clear (&m);
  return whose;
}

/* Back-to-back reads: the span at @first comes after a read of the same kind that ended at
 * @floor - 1, and what lies between is a story told without conversation (no one answering,
 * no question another voice answers, no return to the show, no housekeeping), short enough to
 * be the next read's opening ("Ever lost a parcel?" read by the next voice). */
static gboolean
follows_read (const HarkAdSentence *s, guint floor, HarkAdState previous, guint first,
              HarkAdState state)
{
  if (floor == 0 || previous != state || first <= floor
      || s[first].start - s[floor - 1].end > MAX_STORY_SECONDS)
    return FALSE;
  for (guint k = floor; k < first; k++)
    {
      if (s[k].count[HARK_AD_DIALOGUE] || s[k].count[HARK_AD_RESUME]
          || s[k].count[HARK_AD_HOUSEKEEPING])
        return FALSE;
      /* A question another voice answers is the conversation, not a read's opening. */
      if (s[k].count[HARK_AD_QUESTION] && s[k].speaker >= 0 && s[k + 1].speaker >= 0
          && s[k + 1].speaker != s[k].speaker)
        return FALSE;
    }
  return TRUE;
}

/* Self-promotion its speaker calls one ("a small plug: my new book…") in one sentence
 * and promotes in another needs no link: the plug is its announcement. */
static gboolean
called_a_plug (const HarkAdSentence *s, guint first, guint last)
{
  gboolean plug = FALSE;
  guint promoting = 0;

  for (guint i = first; i <= last; i++)
    {
      plug |= s[i].count[HARK_AD_PLUG] > 0;
      promoting += s[i].count[HARK_AD_SELF] > 0 ? 1 : 0;
    }
  return plug && promoting >= 2;
}

/* A read asks the listener for something or says it is one: a link and an offer told in a
 * story ("I asked him for free advice, he answers with his firm's URL") ask nothing. */
static gboolean
asks_anything (const HarkAdSentence *s, guint first, guint last)
{
  gboolean own_offer = FALSE, pointed = FALSE;

  for (guint i = first; i <= last; i++)
    {
      if (s[i].count[HARK_AD_IMPERATIVE] || s[i].count[HARK_AD_CODE]
          || s[i].count[HARK_AD_SPONSOR] || s[i].count[HARK_AD_BREAK])
        return TRUE;
      own_offer |= s[i].count[HARK_AD_SELF] > 0 || s[i].count[HARK_AD_SHOW_PROMO] > 0;
      pointed |= s[i].count[HARK_AD_URL] || s[i].count[HARK_AD_YOU] || s[i].count[HARK_AD_NOTES]
                 || s[i].count[HARK_AD_ASK] || s[i].count[HARK_AD_ELSEWHERE];
    }
  /* "My book", "my newsletter" said of one's own work asks nothing until the listener is
   * pointed to it: told to a host in an interview, it is the conversation. */
  return own_offer && pointed;
}

/* How many sentences of the span carry strong evidence. */
static guint
sentences_with_evidence (const HarkAdSentence *s, guint first, guint last)
{
  guint n = 0;

  /* A sentence saying the name its link is made of is the product's story, in any language. */
  for (guint i = first; i <= last; i++)
    n += has_evidence (&s[i]) || s[i].count[HARK_AD_LINKED_NAME] ? 1 : 0;
  return n;
}

static gboolean
announced (const HarkAdSentence *s, guint first, guint last)
{
  for (guint i = first; i <= last; i++)
    if (s[i].count[HARK_AD_SPONSOR] || s[i].count[HARK_AD_BREAK])
      return TRUE;
  return FALSE;
}

/* The strong kinds of evidence a span holds, and their total weight for its state. */
static guint
span_kinds (const HarkAdSentence *s, guint first, guint last, HarkAdState state, double *total)
{
  static const HarkAdFeature strong[] = { HARK_AD_URL, HARK_AD_CODE, HARK_AD_OFFER,
                                          HARK_AD_SPONSOR, HARK_AD_BREAK, HARK_AD_SELF,
                                          HARK_AD_IMPERATIVE, HARK_AD_CREDIT,
                                          HARK_AD_SHOW_PROMO };
  guint kinds = 0;

  *total = 0;
  for (guint f = 0; f < G_N_ELEMENTS (strong); f++)
    {
      gboolean any = FALSE;

      /* Talk of sponsors makes no self-promotion, and memberships no sponsor read. */
      if ((state == HARK_AD_STATE_SELF
           && (strong[f] == HARK_AD_SPONSOR || strong[f] == HARK_AD_BREAK
               || strong[f] == HARK_AD_CREDIT))
          || (state == HARK_AD_STATE_SPONSOR
              && (strong[f] == HARK_AD_SELF || strong[f] == HARK_AD_SHOW_PROMO)))
        continue;
      /* A pitch for the show's own work often names no link: asking is enough there. Sponsor
       * reads ask too, but so does conversation. */
      if (strong[f] == HARK_AD_IMPERATIVE && state != HARK_AD_STATE_SELF)
        continue;
      for (guint i = first; i <= last && !any; i++)
        any = s[i].count[strong[f]] > 0;
      if (any)
        kinds++;
    }
  /* A product named again and again around a call to its link or code is a second kind of
   * evidence. */
  {
    guint named = 0;
    gboolean linked = FALSE;

    for (guint i = first; i <= last; i++)
      {
        named += s[i].count[HARK_AD_BRAND] ? 1 : 0;
        /* "Head over to x.com/show", not a project's site named in conversation. */
        linked |= (s[i].count[HARK_AD_URL] || s[i].count[HARK_AD_CODE])
                  && (s[i].count[HARK_AD_IMPERATIVE] || s[i].count[HARK_AD_OFFER]);
      }
    if (named >= MIN_BRAND_SENTENCES && linked)
      kinds++;
  }
  /* A show described in one sentence and where or when to hear it in another ("X is a show
   * about …", "new episodes every Tuesday") is a promotion whole, with no link. */
  if (state == HARK_AD_STATE_SELF)
    {
      guint promoting = 0;

      for (guint i = first; i <= last; i++)
        promoting += s[i].count[HARK_AD_SHOW_PROMO] ? 1 : 0;
      if (promoting >= 2)
        kinds++;
    }
  for (guint i = first; i <= last; i++)
    *total += MAX (0.0, hark_ad_sentence_evidence (&s[i], state))
              + (s[i].count[HARK_AD_LINKED_NAME] ? LINKED_NAME_WEIGHT : 0.0);
  return kinds;
}

static char *
quote (const HarkAdSentence *s, gboolean from_start)
{
  gsize max = 60, n = s->length;
  const char *p = s->text;
  g_autofree char *piece = NULL;

  if (n <= max)
    piece = g_strndup (p, n);
  else if (from_start)
    {
      const char *end = g_utf8_find_prev_char (p, p + max + 1);

      piece = g_strdup_printf ("%.*s…", (int) (end ? end - p : 0), p);
    }
  else
    {
      const char *begin = g_utf8_find_next_char (p + n - max - 1, p + n);

      piece = g_strdup_printf ("…%.*s", (int) (p + n - (begin ? begin : p + n)),
                               begin ? begin : p + n);
    }
  return g_utf8_make_valid (piece, -1);
}

/* @broad: quote the window model's broad classes too (the reads it found). */
static char *
describe_evidence (const HarkAdSentence *s, guint first, guint last, gboolean broad)
{
  g_autoptr (GString) out = g_string_new ("");

  for (guint f = 0; f < HARK_AD_N_FEATURES; f++)
    {
      guint hits = 0;
      const HarkAdSentence *example = NULL;

      if (f == HARK_AD_QUESTION || f == HARK_AD_DIALOGUE || f == HARK_AD_HOUSEKEEPING
          || f == HARK_AD_RESUME || (!broad && f >= HARK_AD_YOU))
        continue;
      for (guint i = first; i <= last; i++)
        if (s[i].count[f])
          {
            hits += s[i].count[f];
            if (example == NULL)
              example = &s[i];
          }
      if (hits == 0)
        continue;
      if (out->len)
        g_string_append (out, ", ");
      g_string_append (out, hark_ad_feature_label (f));
      if (example->quote_len[f] > 0 && f != HARK_AD_BRAND)
        {
          g_autofree char *q = g_strndup (example->text + example->quote_at[f],
                                          MIN (example->quote_len[f],
                                               example->length - example->quote_at[f]));
          g_autofree char *valid = g_utf8_make_valid (q, -1);

          g_string_append_printf (out, " “%s”", valid);
        }
      if (hits > 1)
        g_string_append_printf (out, " ×%u", hits);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The unit holding byte @offset of the joined document. */
static guint
unit_at (GArray *units, gsize offset)
{
  guint lo = 0, hi = units->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (units, Unit, mid).base <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* An announcement in the middle of a sentence ("Our guests were A and B, and it's been brought
 * to you by X") starts the read at its own clause: the words before it in the sentence are the
 * show's. Moves @s's start there and returns TRUE when it did. */
static gboolean
cut_to_clause (GArray *units, const GString *doc, HarkAdSentence *s)
{
  static const char *const joins[] = { " and ", " but ", " so ", NULL };
  static const HarkAdFeature placed[] = { HARK_AD_URL, HARK_AD_CODE, HARK_AD_OFFER,
                                          HARK_AD_IMPERATIVE, HARK_AD_SPONSOR, HARK_AD_BREAK,
                                          HARK_AD_SELF, HARK_AD_HOUSEKEEPING, HARK_AD_RESUME };
  gsize at = G_MAXSIZE, clause = 0;
  const Unit *u;
  gsize offset;
  double start;

  if (s->count[HARK_AD_SPONSOR])
    at = s->quote_at[HARK_AD_SPONSOR];
  if (s->count[HARK_AD_BREAK])
    at = MIN (at, s->quote_at[HARK_AD_BREAK]);
  if (at == G_MAXSIZE || at == 0 || at >= s->length)
    return FALSE;
  for (gsize k = at; k > 0 && clause == 0; k--)
    {
      char c = s->text[k - 1];

      if (c == ',' || c == ';' || c == ':')
        clause = k;
      else if (c == ' ')
        for (guint j = 0; joins[j] && clause == 0; j++)
          if (k - 1 + strlen (joins[j]) <= s->length
              && g_ascii_strncasecmp (s->text + k - 1, joins[j], strlen (joins[j])) == 0)
            clause = k;
    }
  while (clause > 0 && clause < at && s->text[clause] == ' ')
    clause++;
  if (clause == 0 || clause >= at)
    return FALSE;
  /* Only when nothing before the clause speaks for the read. */
  for (guint f = 0; f < G_N_ELEMENTS (placed); f++)
    if (s->count[placed[f]] && s->quote_at[placed[f]] < clause)
      return FALSE;

  offset = (gsize) (s->text - doc->str) + clause;
  u = &g_array_index (units, Unit, unit_at (units, offset));
  start = unit_time (u, offset >= u->base ? offset - u->base : 0);
  /* A few words before it ("Okay, so this episode is…") are the read's lead-in. */
  if (start - s->start <= SNAP_SECONDS)
    return FALSE;
  s->unit = unit_at (units, offset);
  s->start = start;
  s->text += clause;
  s->length -= clause;
  for (guint f = 0; f < HARK_AD_N_FEATURES; f++)
    s->quote_at[f] = s->quote_at[f] >= clause ? s->quote_at[f] - clause : 0;
  return TRUE;
}

/* How close to a cue's edge a read's edge goes to the edge itself. Without word times a time
 * inside a paragraph minutes long is its characters' share, off by seconds either way: a
 * short rest of it (a line leading on to the next turn) is not worth a cut that rough. A rest
 * of @rest sentences or more (an introduction before the read in the same paragraph) is the
 * show's own talk, and the read's edge stays at its own sentence. */
static double
snap (const Unit *u, guint rest)
{
  return u->n_words > 0 || u->end - u->start < LONG_PARAGRAPH || rest >= SNAP_MAX_SENTENCES
             ? SNAP_SECONDS
             : MAX (SNAP_SECONDS, SNAP_SHARE * (u->end - u->start));
}

/* The read's edges: inside a cue, unless what is left of the cue is only a short edge (or the
 * read was cut to its clause on purpose). @s holds the episode's sentences, @first and @last
 * the read's. */
static void
place (GArray *units, const HarkAdSentence *s, guint first, guint last,
       gboolean exact_start, double *start, double *end)
{
  const Unit *u0 = &g_array_index (units, Unit, s[first].unit);
  const Unit *u1 = &g_array_index (units, Unit, s[last].last_unit);
  guint before = 0;

  for (guint k = first; k > 0 && s[k - 1].unit == s[first].unit; k--)
    before++;
  *start = !exact_start && s[first].start - u0->start <= snap (u0, before) ? u0->start
                                                                            : s[first].start;
  /* A paragraph's last sentences after a read's link are often its closing words, said on. */
  *end = u1->end - s[last].end <= snap (u1, 0) ? u1->end : s[last].end;
}

/* Whether @first..@last promotes a show (another of the network's, in another voice: "X is a
 * podcast about …, new episodes every week") and credits no backer: the network's own
 * promotion, not a paid read. */
static gboolean
promotes_a_show (const HarkAdSentence *s, guint first, guint last)
{
  gboolean show = FALSE;

  for (guint i = first; i <= last; i++)
    {
      if (s[i].count[HARK_AD_SPONSOR] || s[i].count[HARK_AD_CREDIT] || s[i].count[HARK_AD_CODE])
        return FALSE;
      show |= s[i].count[HARK_AD_SHOW_PROMO] > 0;
    }
  return show;
}

/* @windowed: found by the window model, its @total the log-odds of its best window. */
static void
add_detection (GArray *out, GArray *units, const HarkAdSentence *s, guint first, guint last,
               HarkAdState state, double total, gboolean exact_start, gboolean windowed,
               const HarkShowContext *show)
{
  HarkDetection d = { 0 };
  g_autofree char *note = NULL;
  g_autofree char *first_words = quote (&s[first], TRUE);
  g_autofree char *last_words = quote (&s[last], FALSE);
  g_autofree char *evidence = describe_evidence (s, first, last, windowed);
  g_autofree char *from = NULL, *to = NULL;

  place (units, s, first, last, exact_start, &d.start, &d.end);
  d.said_start = s[first].start;
  d.said_end = s[last].end;
  if (d.end < d.start)
    {
      /* Overlapping cues (a caption spanning hours, times out of order) leave sentence times
       * unordered: the read then covers every sentence it holds. */
      d.start = s[first].start;
      d.end = s[first].end;
      for (guint k = first; k <= last; k++)
        {
          d.start = MIN (d.start, s[k].start);
          d.end = MAX (d.end, s[k].end);
        }
      /* A start moved to its clause (cut_to_clause()) may lie past a sentence's end there. */
      d.end = MAX (d.end, d.start);
    }
  from = hark_time_format (d.start, FALSE);
  to = hark_time_format (d.end, FALSE);
  if (promotes_a_show (s, first, last))
    state = HARK_AD_STATE_SELF;
  state = whose_read (show, s, first, last, state, &note);
  if (note != NULL)
    {
      char *with = g_strdup_printf ("%s, %s", evidence, note);

      g_free (evidence);
      evidence = with;
    }
  d.category = state == HARK_AD_STATE_SELF ? HARK_CATEGORY_SELFPROMO : HARK_CATEGORY_SPONSOR;
  d.started_by = g_strdup_printf ("starts at %s with “%s”", from, first_words);
  d.carried_by = windowed ? g_strdup_printf ("%s (read as a whole, log-odds %.1f)", evidence, total)
                          : g_strdup_printf ("%s (score %.1f)", evidence, total);
  d.ended_by = g_strdup_printf ("ends at %s with “%s”", to, last_words);
  /* Which words counted, when they were not English's. */
  if (s[first].language != HARK_AD_LANGUAGE_ENGLISH)
    {
      char *with = g_strdup_printf ("%s, with the words of “%s”", d.carried_by,
                                    hark_ad_language_code (s[first].language));

      g_free (d.carried_by);
      d.carried_by = with;
    }
  g_array_append_val (out, d);
}

static int
compare_detections (gconstpointer a, gconstpointer b)
{
  const HarkDetection *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/* "ends at 1:49 with …" said again with the edge's new @time. */
static void
retime (char **said, double time)
{
  const char *with = strstr (*said, " with ");
  const char *at = strstr (*said, " at ");
  g_autofree char *formatted = hark_time_format (time, FALSE);
  char *again;

  if (with == NULL || at == NULL || at > with)
    return;
  again = g_strdup_printf ("%.*s at %s%s", (int) (at - *said), *said, formatted, with);
  g_free (*said);
  *said = again;
}

/* Two reads of different kinds said one after the other inside one cue ("… 20% off your first
 * order. And to hear the show without ads, join …"): each edge went to the cue's edge, so they
 * overlap. They part where the second read's first sentence starts. */
static void
part_overlaps (GArray *out)
{
  for (guint i = 1; i < out->len; i++)
    {
      HarkDetection *prev = &g_array_index (out, HarkDetection, i - 1);
      HarkDetection *d = &g_array_index (out, HarkDetection, i);
      double at;

      if (prev->category == d->category || prev->end <= d->start)
        continue;
      at = MAX (d->said_start, prev->said_end);
      /* Cues out of time order leave nothing sensible to part at. */
      if (at < d->start || at > prev->end || at <= prev->start || at >= d->end)
        continue;
      prev->end = at;
      d->start = at;
      retime (&prev->ended_by, prev->end);
      retime (&d->started_by, d->start);
    }
}

/* Reads of one category under MERGE_GAP apart become one. */
static void
merge_close (GArray *out)
{
  guint kept = 0;

  for (guint i = 0; i < out->len; i++)
    {
      HarkDetection *d = &g_array_index (out, HarkDetection, i);
      HarkDetection *prev = kept ? &g_array_index (out, HarkDetection, kept - 1) : NULL;

      if (prev && prev->category == d->category && d->start - prev->end < MERGE_GAP)
        {
          g_autofree char *carried = g_strdup_printf ("%s; then %s", prev->carried_by,
                                                      d->carried_by);

          prev->end = MAX (prev->end, d->end);
          g_free (prev->carried_by);
          prev->carried_by = g_steal_pointer (&carried);
          g_free (prev->ended_by);
          prev->ended_by = g_steal_pointer (&d->ended_by);
          hark_detection_clear (d);
          continue;
        }
      if (kept != i)
        g_array_index (out, HarkDetection, kept) = *d;
      kept++;
    }
  g_array_set_size (out, kept);
}

/* "This part is brought to you by Fieldnotes Supply" on the show called Fieldnotes: the show
 * backs itself, and its hand-off announces its own promotion, not a sponsor's read. The backer
 * is what the hand-off's "by", "from" or "is" goes on with. */
static void
backed_by_the_show (const HarkShowContext *show, HarkAdSentence *s, guint n)
{
  static const char *const hands[] = { " by ", " from ", " is ", NULL };

  if (hark_show_context_is_empty (show))
    return;
  for (guint i = 0; i < n; i++)
    {
      gsize from, to;
      gboolean own = FALSE, found = FALSE;

      if (!s[i].count[HARK_AD_SPONSOR])
        continue;
      from = s[i].quote_at[HARK_AD_SPONSOR];
      to = MIN (s[i].length, from + s[i].quote_len[HARK_AD_SPONSOR] + 1);
      for (gsize k = from; k <= to && !found; k++)
        for (guint h = 0; hands[h] && !found; h++)
          {
            gsize len = strlen (hands[h]);

            if (k + len <= s[i].length && g_ascii_strncasecmp (s[i].text + k, hands[h], len) == 0)
              {
                found = TRUE;
                own = hark_show_context_opens_with_own (show, s[i].text + k + len,
                                                        s[i].length - k - len);
              }
          }
      if (!own)
        continue;
      s[i].count[HARK_AD_SELF] = (guint8) MIN (255u, (guint) s[i].count[HARK_AD_SELF]
                                                         + s[i].count[HARK_AD_SPONSOR]);
      s[i].quote_at[HARK_AD_SELF] = s[i].quote_at[HARK_AD_SPONSOR];
      s[i].quote_len[HARK_AD_SELF] = s[i].quote_len[HARK_AD_SPONSOR];
      s[i].count[HARK_AD_SPONSOR] = 0;
      s[i].count[HARK_AD_CREDIT] = 0;
    }
}

/* The transcript's units and sentences with their evidence; the sentences point into @doc. */
static GArray *
sentences_of (const HarkTranscript *transcript, GArray **units, GString **doc)
{
  GArray *sentences;
  gsize total = 1;
  HarkAdLanguageTally tally = { 0 };
  HarkAdLanguage language;

  *units = collect_units (transcript);
  /* Sized once: the sentences point into it. */
  for (guint i = 0; i < (*units)->len; i++)
    {
      const Unit *u = &g_array_index (*units, Unit, i);

      total += u->length + 1;
      hark_ad_language_tally (&tally, u->text, u->length);
    }
  /* The episode's language, from all of it: how sentences end and whose words count. */
  language = hark_ad_language_decide (&tally);
  *doc = g_string_sized_new (total);
  sentences = split_sentences (*units, *doc, language);
  if (sentences->len > 0)
    hark_ad_evidence_compute_in ((HarkAdSentence *) (gpointer) sentences->data, sentences->len,
                                 language);
  return sentences;
}

GArray *
hark_sponsor_sentences (const HarkTranscript *transcript, GString **doc)
{
  g_autoptr (GArray) units = NULL;

  g_return_val_if_fail (transcript != NULL && doc != NULL, NULL);
  return sentences_of (transcript, &units, doc);
}

GArray *
hark_sponsor_detect (const HarkTranscript *transcript)
{
  return hark_sponsor_detect_with_context (transcript, NULL);
}

GArray *
hark_sponsor_detect_with_context (const HarkTranscript *transcript,
                                  const HarkShowContext *context)
{
  g_autoptr (HarkShowContext) show = NULL;
  GArray *out;
  g_autoptr (GArray) units = NULL;
  g_autoptr (GArray) sentences = NULL;
  g_autoptr (GArray) windows = NULL;
  g_autofree HarkAdState *states = NULL;
  g_autofree gboolean *taken = NULL;
  g_autoptr (GString) doc = NULL;
  HarkAdSentence *s;
  HarkAdState previous = HARK_AD_STATE_SHOW;

  g_return_val_if_fail (transcript != NULL, NULL);
  out = g_array_new (FALSE, FALSE, sizeof (HarkDetection));
  sentences = sentences_of (transcript, &units, &doc);
  if (sentences->len == 0)
    return out;
  s = (HarkAdSentence *) (gpointer) sentences->data;
  states = g_new (HarkAdState, sentences->len);
  taken = g_new0 (gboolean, sentences->len);
  hark_ad_evidence_hide_guests_own (s, sentences->len);
  show = hark_show_context_copy (context);
  hark_show_context_add_transcript (show, transcript);
  hark_show_context_learn (show, s, sentences->len);
  backed_by_the_show (show, s, sentences->len);
  hark_ad_segment (s, sentences->len, states);

  for (guint i = 0, floor = 0; i < sentences->len;)
    {
      guint j = i, next;
      HarkAdState state = states[i];
      double total;
      gboolean joined;

      if (state == HARK_AD_STATE_SHOW)
        {
          i++;
          continue;
        }
      while (j + 1 < sentences->len && states[j + 1] == state)
        j++;
      next = j + 1;
      trim (s, &i, &j);
      grow_read (s, sentences->len, floor, &i, &j);
      joined = follows_read (s, floor, previous, i, state);
      if (joined)
        i = floor;
      /* A read that does not say it is one is more than one sentence: a single sentence
       * naming a link and what it gives is someone explaining something. A read told right
       * after another one, with nothing said between, is the next of a back-to-back pair. */
      if ((span_kinds (s, i, j, state, &total) >= MIN_KINDS
           || (state == HARK_AD_STATE_SELF && called_a_plug (s, i, j)))
          && asks_anything (s, i, j)
          && (state == HARK_AD_STATE_SELF || announced (s, i, j) || joined
              || sentences_with_evidence (s, i, j) >= 2)
          && total >= (announced (s, i, j) || joined ? MIN_ANNOUNCED_SCORE : MIN_SPAN_SCORE)
          && s[j].end - s[i].start <= MAX_READ_SECONDS
          && (announced (s, i, j) || !hark_ad_topic_name_discussed (s, sentences->len, i, j)))
        {
          gboolean cut = cut_to_clause (units, doc, &s[i]);

          add_detection (out, units, s, i, j, own_or_sponsor (s, i, j, state), total, cut, FALSE,
                         show);
          for (guint k = i; k <= j; k++)
            taken[k] = TRUE;
          floor = j + 1;
          previous = state;
        }
      i = next;
    }

  /* Reads no hand-off announced and the segmenter's evidence did not carry: windows judged
   * as a whole by the fitted model, away from the reads already found. */
  windows = g_array_new (FALSE, FALSE, sizeof (HarkAdWindowRead));
  hark_ad_evidence_show_guests_own (s, sentences->len);
  hark_ad_window_find (s, sentences->len, taken, windows);
  for (guint w = 0; w < windows->len; w++)
    {
      const HarkAdWindowRead *r = &g_array_index (windows, HarkAdWindowRead, w);
      guint first = r->first, last = r->last, floor = r->first;

      for (guint k = r->first; k <= r->last; k++)
        taken[k] = TRUE;
      /* A project the conversation is about, its site said by one voice: not a read. */
      if (hark_ad_topic_name_discussed (s, sentences->len, r->first, r->last))
        continue;
      /* A story told before the offer is the read's own, and so is a one-line lead-in
       * announcing it: grown as the segmenter's reads are. */
      while (floor > 0 && !taken[floor - 1])
        floor--;
      grow_read (s, sentences->len, floor, &first, &last);
      for (guint k = first; k <= last; k++)
        taken[k] = TRUE;
      add_detection (out, units, s, first, last,
                     r->self ? HARK_AD_STATE_SELF : HARK_AD_STATE_SPONSOR, r->logit, FALSE, TRUE,
                     show);
    }

  /* Found in reading order, which is time order unless cues overlap. */
  g_array_sort (out, compare_detections);
  /* Before the clear func: merging moves entries and frees the merged ones itself. */
  part_overlaps (out);
  g_array_sort (out, compare_detections);
  merge_close (out);
  g_array_set_clear_func (out, hark_detection_clear);
  return out;
}

char *
hark_detection_describe (const HarkDetection *detection)
{
  return g_strdup_printf ("%s; evidence: %s; %s", detection->started_by, detection->carried_by,
                          detection->ended_by);
}
