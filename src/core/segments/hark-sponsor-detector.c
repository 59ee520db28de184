/* hark-sponsor-detector.c — sponsor reads and self-promotion, found by how they are worded
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of every cue is joined into one lower-cased document, so a phrase split over two
 * caption lines ("is brought to you" / "by …") is still one phrase. A read starts at an opener
 * sentence ("this episode is brought to you by X") that is not a question, and is followed cue
 * by cue while cues keep carrying what reads carry (the sponsor's name, promo URLs, "visit",
 * "promo code", money offers). It ends at the last such cue before the conversation resumes:
 * a long stretch without any, a change of speaker, a return phrase ("let's get back to"), the
 * show's hello or outro, or the next read.
 */
#include "segments/hark-sponsor-detector.h"

#include <string.h>

#include "util/hark-time.h"

/* Longest stretch without read evidence inside one read. Long enough for the product pitch
 * between "brought to you by X" and the first URL (often 25–30 s), short enough not to reach
 * into the conversation that follows. Weak calls to action ("check out", "try") reach less. */
#define MAX_GAP_STRONG 40.0
#define MAX_GAP_WEAK 15.0
/* No read runs longer than this; a longer run means the rules misfired. */
#define MAX_READ_LENGTH 240.0
/* A read whose last evidence is followed, seamlessly, by the outro: the tail sentence belongs to
 * the read ("It's like a subscription that never expires.") when it is this short. */
#define MAX_TAIL 6.0
#define SEAMLESS_GAP 1.0

typedef enum
{
  KIND_OPENER_STRONG, /* "this episode is brought to you by" */
  KIND_OPENER_WEAK,   /* "it's brought to you by": needs a URL or a code to confirm */
  KIND_OPENER_LIST,   /* "thank you to our sponsors": announces the reads that follow */
  KIND_URL,
  KIND_PROMO,  /* "promo code", "free trial", "sign up" */
  KIND_VISIT,  /* "visit", "head over to" */
  KIND_OFFER,  /* "$5", "20% off", "for free", "money-back guarantee" */
  KIND_CTA,    /* "check out", "try", "download": weak, common in conversation too */
  KIND_SPELLED,
  KIND_NAME,   /* the sponsor's name again (found per read, not by a rule below) */
  KIND_SELF,   /* a call to action for the show's own product */
  KIND_RESUME, /* the conversation resumes */
  KIND_HELLO,  /* the show starts */
  KIND_OUTRO,  /* subscribe, thanks for listening */
  N_KINDS
} Kind;

static const char *const kind_labels[N_KINDS] = {
  [KIND_OPENER_STRONG] = "opener",
  [KIND_OPENER_WEAK] = "opener",
  [KIND_OPENER_LIST] = "opener",
  [KIND_URL] = "promo URL",
  [KIND_PROMO] = "call to action",
  [KIND_VISIT] = "call to action",
  [KIND_OFFER] = "offer",
  [KIND_CTA] = "call to action",
  [KIND_SPELLED] = "spelled-out name",
  [KIND_NAME] = "sponsor name",
  [KIND_SELF] = "the show's own product",
  [KIND_RESUME] = "return to the conversation",
  [KIND_HELLO] = "the show's hello",
  [KIND_OUTRO] = "the outro",
};

#define PRODUCT "(?:courses?|books?|ebooks?|training|bundle|patreon|newsletter|membership|merch" \
                "|merchandise|store|shop|workshops?|masterclass|academy|products?|apps?)"
#define SPONSORED "(?:brought to you|sponsored|supported|underwritten|presented|made possible)"

/* Rules marked local only matter inside a read, so they run only on the text after an opener
 * (or a self-promotion) instead of the whole episode: that keeps detection within a few
 * milliseconds on an hour of captions. */
static const struct
{
  Kind kind;
  gboolean local;
  const char *pattern;
} rules[] = {
  /* The show (or a part of it) as the subject of "brought to you by": the clearest opener. */
  { KIND_OPENER_STRONG, FALSE,
    "\\b(?:this|today's|the|this week's) (?:portion|part|segment|episode|show|podcast|program"
    "|installment)(?: of [^.?!]{1,60}?)? (?:is|was|has been|comes to you)(?: also)?(?: in part)? "
    SPONSORED " by\\b(?<name>[^.?!;]{0,60})" },
  { KIND_OPENER_STRONG, FALSE,
    "\\bsupport for (?:this|the|today's) (?:show|episode|podcast|program) (?:also )?(?:comes|is "
    "coming|is provided) (?:from|by)\\b(?<name>[^.?!;]{0,60})" },
  { KIND_OPENER_LIST, FALSE,
    "\\b(?:thanks|thank you|a big thank you) to (?:our|this week's|today's|the) sponsors?\\b" },
  { KIND_OPENER_LIST, FALSE,
    "\\b(?:a|a quick|a short) (?:word|message) from (?:our|this week's|today's) sponsors?\\b" },
  { KIND_OPENER_STRONG, FALSE,
    "\\b(?:our|today's|this week's) sponsor (?:today |this week )?is\\b(?<name>[^.?!;]{0,60})" },
  /* Starts at the verb, with the subject in a look-behind: a rule starting at "and" or "it's"
   * would be tried at every one of them. */
  { KIND_OPENER_WEAK, FALSE,
    "(?<=\\bit's |\\bit is |\\bit's been |\\bit has been |\\bwe're |\\bwe are |\\bwe've been "
    "|\\bi'm |\\band |\\bit's also |\\bit is also |\\bwe're also |\\band also )"
    SPONSORED " by\\b(?<name>[^.?!;]{0,60})" },
  { KIND_URL, TRUE,
    "\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|fm|io|org|net|co|ai|dev|app|ly|me|tv|show"
    "|us|uk)(?:/[a-z0-9_-]+)+" },
  { KIND_URL, TRUE,
    "\\b[a-z0-9-]+ ?(?:dot|\\.) ?(?:com|fm|io|org|net|co|ai|dev|app)\\b(?: ?slash [a-z0-9]+)?" },
  { KIND_URL, TRUE, "(?:^|[ ,])(?:slash [a-z0-9]+|/[a-z0-9_-]{2,})\\b" },
  { KIND_PROMO, TRUE,
    "\\b(?:promo code|coupon code|discount code|offer code|use (?:the )?code|free trial|sign up"
    "|signup|sign-up|get started (?:today|for free|at)|start (?:your|a) (?:free )?trial)\\b" },
  { KIND_VISIT, TRUE, "\\b(?:visit|head (?:on )?over to|go to [a-z0-9-]+ ?(?:\\.|dot))\\b" },
  { KIND_OFFER, TRUE,
    "\\$ ?[0-9]|\\b[0-9]+ ?(?:%|percent) off\\b|\\b(?:for free|free for|months? free|free months?"
    "|weeks? free|money-back|money back|special offer|exclusive offer|discount|gift card"
    "|free credit|in credit)\\b" },
  { KIND_CTA, TRUE,
    "\\b(?:check (?:them |it )?out|try (?:it|them)|download|learn more at|find out more)\\b" },
  { KIND_SPELLED, TRUE, "\\b(?:[a-z]-){2,}[a-z]\\b" },
  /* "my/our … course"; add_self_hit() then wants a call to action before it in the sentence. */
  { KIND_SELF, FALSE, "\\b(?:my|our) (?:[a-z0-9'-]+ ){0,6}?" PRODUCT "\\b" },
  { KIND_SELF, FALSE,
    "\\b(?:support (?:us|the show|this show|the podcast) on|become a (?:patron|member|supporter)"
    "|join (?:our|my) (?:patreon|newsletter|mailing list|community|discord))\\b" },
  { KIND_RESUME, TRUE,
    "\\b(?:let's (?:go |get |jump |dive |head |come )?back|(?:and )?now,? back to|getting back to"
    "|back to (?:the|our) (?:show|conversation|interview|topic|discussion)|where were we"
    "|anyway,? back)\\b" },
  { KIND_HELLO, TRUE,
    "\\b(?:hello and welcome|welcome (?:back )?to|hi everyone|hey everyone|hello everyone"
    "|i'm your host|this is your host)\\b" },
  { KIND_OUTRO, TRUE,
    "\\b(?:subscribe to|thanks for listening|thank you for listening|rate and review"
    "|leave (?:us )?a review|this has been another episode"
    "|that's (?:it|all) for (?:this|today))\\b" },
};

static GRegex *compiled[G_N_ELEMENTS (rules)];
static GRegex *self_cta;

/* How far before "my/our … course" the call to action may be ("check out our new … course"). */
#define SELF_CTA_REACH 40

static gpointer
compile_rules (gpointer data)
{
  self_cta = g_regex_new ("\\b(?:try|check out|grab|get|buy|pick up|take|join|enroll in"
                          "|sign up for|support|see|order)\\b[^.?!]*$",
                          G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL);
  g_assert (self_cta != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr (GError) error = NULL;

      compiled[i] = g_regex_new (rules[i].pattern, G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, &error);
      if (compiled[i] == NULL)
        g_error ("sponsor rule %u does not compile: %s", i, error->message);
    }
  return NULL;
}

/* The "my/our … course" rule, which needs its call to action confirmed. */
static guint
first_self_rule (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    if (rules[r].kind == KIND_SELF)
      return r;
  return G_MAXUINT;
}

typedef struct
{
  Kind kind;
  gsize pos; /* in the document */
  gsize len;
} Hit;

typedef struct
{
  double start;
  double end;
  int speaker;
  gsize offset; /* of the unit's text in the document */
  gsize length;
  const HarkWord *words;
  guint n_words;
  guint kinds;  /* bit per Kind found in the unit */
  int first_hit; /* index into hits of the unit's first hit, or -1 */
  int n_hits;
} Unit;

typedef struct
{
  gsize pos; /* sentence start in the document */
  gsize match_end;
  guint unit;
  gboolean strong;
  gboolean self;
  gboolean preamble; /* only announces the reads that follow */
  char **names; /* the sponsor's name, in words */
} Opener;

typedef struct
{
  const HarkTranscript *transcript;
  GString *doc;  /* lower-cased, units joined by a space */
  GString *orig; /* the same, as written (same offsets) */
  GArray *units; /* Unit */
  GArray *hits;  /* Hit, sorted by pos */
  GArray *openers; /* Opener */
  GArray *out;     /* HarkDetection */
} Detector;

void
hark_detection_clear (gpointer data)
{
  HarkDetection *d = data;

  g_free (d->started_by);
  g_free (d->carried_by);
  g_free (d->ended_by);
}

static void
opener_clear (gpointer data)
{
  Opener *o = data;

  g_strfreev (o->names);
}

static void
add_unit (Detector *d, double start, double end, int speaker, const char *text,
          const HarkWord *words, guint n_words)
{
  Unit u = { .start = start, .end = end, .speaker = speaker, .words = words,
             .n_words = n_words, .first_hit = -1 };

  if (d->doc->len > 0)
    {
      g_string_append_c (d->doc, ' ');
      g_string_append_c (d->orig, ' ');
    }
  u.offset = d->doc->len;
  for (const char *p = text ? text : ""; *p; p++)
    {
      /* Newlines and tabs inside a cue are just spaces to the rules. */
      char c = g_ascii_isspace (*p) ? ' ' : *p;

      g_string_append_c (d->orig, c);
      g_string_append_c (d->doc, g_ascii_tolower (c));
    }
  u.length = d->doc->len - u.offset;
  g_array_append_val (d->units, u);
}

static void
build_units (Detector *d)
{
  guint n_cues, n_turns, n_words;
  const HarkCue *cues = hark_transcript_get_cues (d->transcript, &n_cues);
  const HarkTurn *turns = hark_transcript_get_turns (d->transcript, &n_turns);
  const HarkWord *words = hark_transcript_get_words (d->transcript, &n_words);

  if (n_cues > 0)
    {
      for (guint i = 0; i < n_cues; i++)
        {
          gboolean has_words =
              cues[i].n_words > 0 && cues[i].first_word + cues[i].n_words <= n_words;

          add_unit (d, cues[i].start, cues[i].end, cues[i].speaker, cues[i].text,
                    has_words ? words + cues[i].first_word : NULL,
                    has_words ? cues[i].n_words : 0);
        }
    }
  else
    {
      for (guint i = 0; i < n_turns; i++)
        add_unit (d, turns[i].start, turns[i].end, turns[i].speaker, turns[i].text, NULL, 0);
    }
}

/* The unit holding document position @pos (the one before, when @pos is a joining space). */
static guint
unit_at (Detector *d, gsize pos)
{
  guint lo = 0, hi = d->units->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (d->units, Unit, mid).offset <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

static Unit *
unit (Detector *d, guint i)
{
  return &g_array_index (d->units, Unit, i);
}

/* Media time of document position @pos: the word's start when the cue has word times,
 * otherwise in proportion to the characters before it. */
static double
time_at (Detector *d, gsize pos)
{
  Unit *u = unit (d, unit_at (d, pos));
  gsize k = pos > u->offset ? pos - u->offset : 0;

  if (k == 0)
    return u->start;
  if (k >= u->length)
    return u->end;
  if (u->n_words > 0)
    {
      guint index = 0;

      for (gsize i = 1; i <= k && i < u->length; i++)
        if (d->doc->str[u->offset + i - 1] == ' ' && d->doc->str[u->offset + i] != ' ')
          index++;
      if (index < u->n_words)
        return MAX (u->start, u->words[index].start);
    }
  return u->start + (u->end - u->start) * (double) k / (double) u->length;
}

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const Hit *x = a, *y = b;

  return x->pos < y->pos ? -1 : x->pos > y->pos ? 1 : (int) x->kind - (int) y->kind;
}

static gboolean
is_sentence_end (char c)
{
  return c == '.' || c == '?' || c == '!';
}

/* A "." inside "talkpython.fm" or "$5.99" does not end a sentence. */
static gboolean
ends_sentence_at (const GString *doc, gsize i)
{
  return is_sentence_end (doc->str[i]) && (i + 1 >= doc->len || doc->str[i + 1] == ' ');
}

static gsize
sentence_start (Detector *d, gsize pos)
{
  gsize limit = pos > 120 ? pos - 120 : 0;
  gsize i = pos;

  while (i > limit && !ends_sentence_at (d->doc, i - 1))
    i--;
  /* Stopped by the limit, maybe inside a character: start at the next one. */
  while (i < pos && (d->doc->str[i] == ' ' || ((guchar) d->doc->str[i] & 0xC0) == 0x80))
    i++;
  return i;
}

/* TRUE when the sentence holding @pos ends with a question mark. */
static gboolean
in_question (Detector *d, gsize pos)
{
  for (gsize i = pos; i < d->doc->len && i < pos + 400; i++)
    if (ends_sentence_at (d->doc, i))
      return d->doc->str[i] == '?';
  return FALSE;
}

static const char *const name_stop_words[] = {
  "the", "and", "our", "friends", "folks", "people", "over", "at", "a", "an", "of", "by",
  "great", "good", "awesome", "amazing", "new", "sponsor", "sponsors", "team", NULL,
};

static const char *const name_cut_words[] = {
  "from", "who", "which", "that", "where", "with", "makers", "creators", "home", "for", "is",
  "are", "your", "you", NULL,
};

static const char *const self_words[] = {
  "us", "me", "my", "our", "ourselves", "myself", NULL,
};

/* The sponsor's name: the capitalized words after "by" up to the first cut word or comma
 * ("Posit Connect from the makers of Shiny" → posit, connect). */
static char **
extract_names (Detector *d, gsize pos, gsize len, gboolean *self)
{
  g_autofree char *phrase = g_strndup (d->orig->str + pos, len);
  g_auto (GStrv) tokens = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) capitalized = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *chosen;

  const char *valid_end;

  *self = FALSE;
  /* The rule counts bytes, so the phrase may end inside a character. */
  g_utf8_validate (phrase, -1, &valid_end);
  phrase[valid_end - phrase] = '\0';
  g_strdelimit (phrase, ",:;\"()", '|');
  if (strchr (phrase, '|'))
    *strchr (phrase, '|') = '\0';
  tokens = g_strsplit (g_strstrip (phrase), " ", -1);
  for (guint i = 0; tokens[i] && all->len < 4; i++)
    {
      g_autofree char *lower = g_ascii_strdown (tokens[i], -1);
      gsize n = strlen (lower);

      if (n == 0)
        continue;
      if (g_str_has_suffix (lower, "'s"))
        lower[n - 2] = '\0';
      if (i == 0 && g_strv_contains (self_words, lower))
        {
          *self = TRUE;
          break;
        }
      if (g_strv_contains (name_cut_words, lower))
        break;
      if (strlen (lower) < 3 || g_strv_contains (name_stop_words, lower))
        continue;
      if (g_ascii_isupper (tokens[i][0]))
        g_ptr_array_add (capitalized, g_strdup (lower));
      g_ptr_array_add (all, g_steal_pointer (&lower));
    }
  chosen = capitalized->len > 0 ? capitalized : all;
  g_ptr_array_add (chosen, NULL);
  return (char **) g_ptr_array_steal (chosen, NULL);
}

static void
add_opener (Detector *d, const Hit *hit, GMatchInfo *info)
{
  Opener o = { 0 };
  int name_start = -1, name_end = -1;

  if (in_question (d, hit->pos))
    return;
  o.pos = sentence_start (d, hit->pos);
  o.match_end = hit->pos + hit->len;
  o.unit = unit_at (d, o.pos);
  o.strong = hit->kind != KIND_OPENER_WEAK;
  o.preamble = hit->kind == KIND_OPENER_LIST;
  if (g_match_info_fetch_named_pos (info, "name", &name_start, &name_end) && name_start >= 0
      && name_end > name_start)
    o.names = extract_names (d, name_start, name_end - name_start, &o.self);
  else
    o.names = g_new0 (char *, 1);
  if (o.self)
    o.strong = TRUE;

  /* Two rules may open the same sentence: keep the stronger reading. */
  if (d->openers->len > 0)
    {
      Opener *last = &g_array_index (d->openers, Opener, d->openers->len - 1);

      if (last->pos == o.pos)
        {
          last->strong |= o.strong;
          last->preamble &= o.preamble;
          if (g_strv_length (last->names) == 0 && g_strv_length (o.names) > 0)
            {
              g_strfreev (last->names);
              last->names = g_steal_pointer (&o.names);
              last->self = o.self;
            }
          opener_clear (&o);
          return;
        }
    }
  g_array_append_val (d->openers, o);
}

/* "our new … course" is self-promotion when the sentence asks for it ("check out our new …");
 * the hit then starts at the call to action. */
static gboolean
confirm_self_hit (Detector *d, Hit *hit)
{
  gsize from = MAX (sentence_start (d, hit->pos), hit->pos > SELF_CTA_REACH ? hit->pos - SELF_CTA_REACH : 0);
  g_autoptr (GMatchInfo) info = NULL;
  int start, end;

  if (!g_regex_match_full (self_cta, d->doc->str, hit->pos, from, 0, &info, NULL))
    return FALSE;
  g_match_info_fetch_pos (info, 0, &start, &end);
  hit->len += hit->pos - start;
  hit->pos = start;
  return TRUE;
}

static void
run_rule (Detector *d, guint r, gsize from, gsize to)
{
  g_autoptr (GMatchInfo) info = NULL;

  g_regex_match_full (compiled[r], d->doc->str, to, from, 0, &info, NULL);
  while (g_match_info_matches (info))
    {
      int start, end;
      Hit hit;

      g_match_info_fetch_pos (info, 0, &start, &end);
      hit = (Hit) { rules[r].kind, start, end - start };
      /* The leading separator of "/path" belongs to the text before it. */
      while (hit.len > 0 && (d->doc->str[hit.pos] == ' ' || d->doc->str[hit.pos] == ','))
        {
          hit.pos++;
          hit.len--;
        }
      if (hit.kind == KIND_OPENER_STRONG || hit.kind == KIND_OPENER_WEAK
          || hit.kind == KIND_OPENER_LIST)
        add_opener (d, &hit, info); /* reads the name while @info holds it */
      else if (hit.kind != KIND_SELF || r != first_self_rule () || confirm_self_hit (d, &hit))
        g_array_append_val (d->hits, hit);
      g_match_info_next (info, NULL);
    }
}

typedef struct
{
  gsize from;
  gsize to;
} Region;

/* The text a read starting at @pos could cover: two cues before it (a self-promotion's lead-in
 * questions) up to MAX_READ_LENGTH seconds after it. */
static void
add_region (Detector *d, GArray *regions, gsize pos)
{
  guint u = unit_at (d, pos);
  guint first = u >= 2 ? u - 2 : 0;
  double limit = unit (d, u)->start + MAX_READ_LENGTH;
  guint last = u;
  Region region;

  while (last + 1 < d->units->len && unit (d, last)->end <= limit)
    last++;
  region.from = unit (d, first)->offset;
  region.to = unit (d, last)->offset + unit (d, last)->length;
  g_array_append_val (regions, region);
}

/* For arrays of structs that start with a document offset (Region, Opener). */
static int
compare_offsets (gconstpointer a, gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

static void
scan (Detector *d)
{
  g_autoptr (GArray) regions = g_array_new (FALSE, FALSE, sizeof (Region));

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    if (!rules[r].local)
      run_rule (d, r, 0, d->doc->len);

  for (guint i = 0; i < d->openers->len; i++)
    add_region (d, regions, g_array_index (d->openers, Opener, i).pos);
  for (guint i = 0; i < d->hits->len; i++)
    add_region (d, regions, g_array_index (d->hits, Hit, i).pos);
  g_array_sort (regions, compare_offsets);
  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);

      /* Overlapping regions are scanned once, as one. */
      while (i + 1 < regions->len && g_array_index (regions, Region, i + 1).from <= region->to)
        {
          region->to = MAX (region->to, g_array_index (regions, Region, i + 1).to);
          g_array_remove_index (regions, i + 1);
        }
      for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
        if (rules[r].local)
          run_rule (d, r, region->from, region->to);
    }
  g_array_sort (d->hits, compare_hits);

  for (guint i = 0; i < d->hits->len; i++)
    {
      Hit *hit = &g_array_index (d->hits, Hit, i);
      guint first = unit_at (d, hit->pos);
      guint last = unit_at (d, hit->pos + (hit->len > 0 ? hit->len - 1 : 0));

      /* A hit spanning two cues ("check out our" / "Everything Bundle.") marks both. */
      for (guint u = first; u <= last; u++)
        {
          Unit *un = unit (d, u);

          un->kinds |= 1u << hit->kind;
          if (un->first_hit < 0)
            un->first_hit = i;
          un->n_hits = i - un->first_hit + 1;
        }
    }
}

/* Opener rules ran one after another; put the openers in document order and merge the
 * sentences two rules both opened. */
static void
sort_openers (Detector *d)
{
  g_array_sort (d->openers, compare_offsets);
  for (guint i = 1; i < d->openers->len;)
    {
      Opener *a = &g_array_index (d->openers, Opener, i - 1);
      Opener *b = &g_array_index (d->openers, Opener, i);

      if (a->pos == b->pos)
        {
          a->strong |= b->strong;
          a->self |= b->self;
          a->preamble &= b->preamble;
          if (g_strv_length (a->names) < g_strv_length (b->names))
            {
              char **tmp = a->names;

              a->names = b->names;
              b->names = tmp;
            }
          g_array_remove_index (d->openers, i);
        }
      else
        i++;
    }
}

static gboolean
has_word (const char *haystack, gsize len, const char *word)
{
  gsize n = strlen (word);

  for (const char *p = haystack; p + n <= haystack + len; p++)
    {
      p = g_strstr_len (p, haystack + len - p, word);
      if (p == NULL)
        return FALSE;
      if ((p == haystack || !g_ascii_isalnum (p[-1]))
          && (p + n == haystack + len || !g_ascii_isalnum (p[n])))
        return TRUE;
    }
  return FALSE;
}

/* Counts, per kind, what a read carried, with the first text of each for the explanation. */
typedef struct
{
  guint count[N_KINDS];
  char *first[N_KINDS];
} Carried;

static void
carried_clear (Carried *c)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_free (c->first[k]);
}

/* @len bytes of @text, shortened to at most @max without splitting a UTF-8 character. */
static gsize
utf8_prefix (const char *text, gsize len, gsize max)
{
  if (len <= max)
    return len;
  while (max > 0 && ((guchar) text[max] & 0xC0) == 0x80)
    max--;
  return max;
}

static void
carried_add (Carried *c, Kind kind, const char *text, gsize len)
{
  if (c->count[kind]++ == 0)
    c->first[kind] = g_strndup (text, utf8_prefix (text, len, 60));
}

static char *
carried_describe (const Carried *c)
{
  static const Kind order[] = { KIND_NAME, KIND_URL, KIND_PROMO, KIND_VISIT, KIND_OFFER, KIND_CTA,
                                KIND_SPELLED, KIND_SELF };
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      Kind k = order[i];

      if (c->count[k] == 0)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, "%s “%s”", kind_labels[k], c->first[k]);
      if (c->count[k] > 1)
        g_string_append_printf (s, " ×%u", c->count[k]);
    }
  if (s->len == 0)
    g_string_append (s, "nothing after the opener");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A short quote of the text at @pos, for explanations. */
static char *
quote (Detector *d, gsize pos, gsize max)
{
  gsize end = pos;

  gsize n;

  while (end < d->doc->len && end - pos < max && !ends_sentence_at (d->doc, end))
    end++;
  if (end < d->doc->len && ends_sentence_at (d->doc, end))
    end++;
  n = utf8_prefix (d->orig->str + pos, d->orig->len - pos, end - pos);
  return g_strdup_printf ("“%.*s%s”", (int) n, d->orig->str + pos, end - pos >= max ? "…" : "");
}

static char *
format_time (double t)
{
  return hark_time_format (t, TRUE);
}

enum
{
  ROLE_SPONSOR,
  ROLE_SELF,
};

typedef struct
{
  guint first_unit;
  gsize start_pos;
  gsize opener_pos; /* after a preamble, the opener proper */
  int role;
  int speaker;
  char **names;
} Read;

static gboolean
in_detection (Detector *d, double time)
{
  for (guint i = 0; i < d->out->len; i++)
    {
      HarkDetection *x = &g_array_index (d->out, HarkDetection, i);

      if (time >= x->start - 0.01 && time < x->end - 0.01)
        return TRUE;
    }
  return FALSE;
}

/* The first opener after @pos, or NULL. */
static const Opener *
next_opener (Detector *d, gsize pos)
{
  for (guint i = 0; i < d->openers->len; i++)
    {
      const Opener *o = &g_array_index (d->openers, Opener, i);

      if (o->pos > pos)
        return o;
    }
  return NULL;
}

/* Evidence kinds in a unit that carry a read of @role, after document position @after. */
static guint
unit_evidence (Detector *d, const Read *r, guint index, gsize after, gsize before,
               Carried *carried)
{
  Unit *u = unit (d, index);
  guint found = 0;

  for (int h = u->first_hit; h >= 0 && h < u->first_hit + u->n_hits; h++)
    {
      const Hit *hit = &g_array_index (d->hits, Hit, h);
      gboolean carries;

      if (hit->pos + hit->len <= after || hit->pos >= before)
        continue;
      if (r->role == ROLE_SPONSOR)
        carries = hit->kind == KIND_URL || hit->kind == KIND_PROMO || hit->kind == KIND_VISIT
                  || hit->kind == KIND_OFFER || hit->kind == KIND_CTA || hit->kind == KIND_SPELLED;
      else
        carries = hit->kind == KIND_URL || hit->kind == KIND_PROMO || hit->kind == KIND_VISIT
                  || hit->kind == KIND_OFFER || hit->kind == KIND_SELF;
      if (carries)
        {
          found |= 1u << hit->kind;
          if (carried)
            carried_add (carried, hit->kind, d->orig->str + hit->pos, hit->len);
        }
    }
  if (r->role == ROLE_SPONSOR && r->names)
    {
      gsize from = MAX (after, u->offset);
      gsize end = MIN (u->offset + u->length, before);

      for (guint n = 0; r->names[n]; n++)
        if (from < end && has_word (d->doc->str + from, end - from, r->names[n]))
          {
            found |= 1u << KIND_NAME;
            if (carried)
              carried_add (carried, KIND_NAME, r->names[n], strlen (r->names[n]));
          }
    }
  return found;
}

#define STRONG_KINDS ((1u << KIND_URL) | (1u << KIND_PROMO) | (1u << KIND_VISIT) \
                      | (1u << KIND_OFFER) \
                      | (1u << KIND_NAME) | (1u << KIND_SPELLED) | (1u << KIND_SELF))
/* Money and "visit" come up in conversation too; a URL or a code does not, much. */
#define CONFIRMING_KINDS ((1u << KIND_URL) | (1u << KIND_PROMO))
#define STOP_KINDS ((1u << KIND_RESUME) | (1u << KIND_HELLO) | (1u << KIND_OUTRO))

/* Where the first return phrase, hello or outro in unit @index starts at or after @after, or
 * G_MAXSIZE. */
static gsize
stop_in_unit (Detector *d, guint index, gsize after, Kind *kind)
{
  Unit *u = unit (d, index);

  for (int h = u->first_hit; h >= 0 && h < u->first_hit + u->n_hits; h++)
    {
      const Hit *hit = &g_array_index (d->hits, Hit, h);

      if (hit->pos >= after && ((1u << hit->kind) & STOP_KINDS))
        {
          *kind = hit->kind;
          return sentence_start (d, hit->pos);
        }
    }
  return G_MAXSIZE;
}

/* Follows a read from its first unit; appends a HarkDetection when the read is confirmed. */
static void
follow (Detector *d, const Read *r, gboolean strong_opener, char *started_by)
{
  Carried carried = { 0 };
  guint last = r->first_unit;
  guint n_evidence_units = 0, kinds_seen = 0;
  double last_end = unit (d, last)->end;
  double end;
  gboolean tail_allowed = FALSE;
  g_autofree char *ended_by = NULL;
  const Opener *next = next_opener (d, MAX (r->start_pos, r->opener_pos));
  gsize next_pos = next ? next->pos : G_MAXSIZE;
  double start = time_at (d, r->start_pos);
  guint stop_unit = G_MAXUINT;
  gsize end_pos = G_MAXSIZE; /* when the read ends inside its last cue */
  Kind stop_kind;

  /* The opener's own cue counts too, from the opener on (its sponsor name excepted). */
  {
    Read no_names = *r;
    guint found;

    no_names.names = NULL;
    end_pos = stop_in_unit (d, last, MAX (r->start_pos, r->opener_pos), &stop_kind);
    found = unit_evidence (d, &no_names, last, r->start_pos, end_pos, &carried);
    kinds_seen |= found;
    if (found & STRONG_KINDS)
      n_evidence_units++;
    if (end_pos != G_MAXSIZE)
      {
        g_autofree char *q = quote (d, end_pos, 50);

        ended_by = g_strdup_printf ("before %s %s", kind_labels[stop_kind], q);
      }
  }

  for (guint i = r->first_unit + 1; end_pos == G_MAXSIZE && i < d->units->len; i++)
    {
      Unit *u = unit (d, i);
      guint found;
      double gap = u->start - last_end;

      if (next_pos <= u->offset)
        {
          ended_by = g_strdup (next->self ? "before the show's own promotion starts"
                                          : "before the next read starts");
          break;
        }
      if (r->speaker >= 0 && u->speaker >= 0 && u->speaker != r->speaker)
        {
          g_autofree char *q = quote (d, u->offset, 50);

          ended_by = g_strdup_printf ("before another speaker takes over (%s)", q);
          break;
        }
      if (u->kinds & STOP_KINDS)
        {
          gsize stop_pos = stop_in_unit (d, i, u->offset, &stop_kind);
          g_autofree char *q = quote (d, stop_pos, 50);
          guint before_stop = 0;

          /* "… visit example.com/show. Anyway, back to the interview." in one cue. */
          if (stop_pos > u->offset && gap <= MAX_GAP_STRONG)
            before_stop = unit_evidence (d, r, i, u->offset, stop_pos, &carried);
          if (before_stop & STRONG_KINDS)
            {
              kinds_seen |= before_stop;
              n_evidence_units++;
              last = i;
              last_end = u->end;
              end_pos = stop_pos;
            }
          ended_by = g_strdup_printf ("before %s %s", kind_labels[stop_kind], q);
          tail_allowed = end_pos == G_MAXSIZE;
          stop_unit = i;
          break;
        }
      if (r->role == ROLE_SPONSOR && (u->kinds & (1u << KIND_SELF)))
        {
          ended_by = g_strdup ("before the show's own promotion starts");
          break;
        }
      if (u->end - start > MAX_READ_LENGTH)
        {
          ended_by = g_strdup_printf ("at the %.0f-second limit for one read", MAX_READ_LENGTH);
          break;
        }
      if (gap > MAX_GAP_STRONG)
        break;
      found = unit_evidence (d, r, i, u->offset, G_MAXSIZE, NULL);
      if (found == 0 || ((found & STRONG_KINDS) == 0 && gap > MAX_GAP_WEAK))
        {
          if (next_pos < u->offset + u->length)
            {
              ended_by = g_strdup ("before the next read starts");
              break;
            }
          continue;
        }
      unit_evidence (d, r, i, u->offset, G_MAXSIZE, &carried);
      kinds_seen |= found;
      n_evidence_units++;
      last = i;
      last_end = u->end;
      if (next_pos < u->offset + u->length)
        {
          ended_by = g_strdup ("where the next read starts");
          break;
        }
    }

  if (tail_allowed && stop_unit != G_MAXUINT && stop_unit > last + 1)
    {
      double tail = unit (d, stop_unit - 1)->end - last_end;
      gboolean seamless = TRUE;

      for (guint i = last + 1; i < stop_unit; i++)
        if (unit (d, i)->start - unit (d, i - 1)->end > SEAMLESS_GAP)
          seamless = FALSE;
      if (seamless && tail <= MAX_TAIL)
        {
          last = stop_unit - 1;
          last_end = unit (d, last)->end;
        }
    }

  end = last_end;
  /* The next read, or the conversation, may start inside the last cue of this one. */
  if (next && next->unit == last && next->pos > r->start_pos)
    end = time_at (d, next->pos);
  if (end_pos != G_MAXSIZE)
    end = MIN (end, time_at (d, end_pos));
  /* Overlapping cues can put those positions before the start (found by fuzz-segments). */
  end = MAX (end, start);

  /* Confirmation: a read carries something beyond its opener; an opener that could be
   * conversation ("it's sponsored by my employer") needs a URL, a code or an offer. */
  if (n_evidence_units == 0
      || (r->role == ROLE_SPONSOR && !strong_opener && (kinds_seen & CONFIRMING_KINDS) == 0)
      || (r->role == ROLE_SELF && !strong_opener && n_evidence_units < 2))
    {
      carried_clear (&carried);
      g_free (started_by);
      return;
    }

  {
    HarkDetection det = { 0 };
    g_autofree char *last_quote = quote (d, unit (d, last)->offset, 50);
    g_autofree char *end_text = format_time (end);

    det.start = start;
    det.end = end;
    det.category = r->role == ROLE_SPONSOR ? HARK_CATEGORY_SPONSOR : HARK_CATEGORY_SELFPROMO;
    det.started_by = started_by;
    det.carried_by = carried_describe (&carried);
    if (ended_by == NULL)
      ended_by = g_strdup_printf ("nothing read-like within %.0f s", MAX_GAP_STRONG);
    det.ended_by = g_strdup_printf ("ended at %s after %s, %s", end_text, last_quote, ended_by);
    g_array_append_val (d->out, det);
  }
  carried_clear (&carried);
}

/* Seconds between "thanks to our sponsors" and the read it announces. */
#define MAX_PREAMBLE_GAP 8.0

static void
detect_sponsor_reads (Detector *d)
{
  const Opener *preamble = NULL;

  for (guint i = 0; i < d->openers->len; i++)
    {
      const Opener *o = &g_array_index (d->openers, Opener, i);
      const Opener *next = i + 1 < d->openers->len ? o + 1 : NULL;
      const Opener *from = preamble ? preamble : o;
      Read r = { .first_unit = from->unit, .start_pos = from->pos, .opener_pos = o->pos,
                 .role = o->self ? ROLE_SELF : ROLE_SPONSOR,
                 .speaker = unit (d, o->unit)->speaker, .names = o->names };
      g_autofree char *q = quote (d, from->pos, 80);
      g_autofree char *at = format_time (time_at (d, from->pos));

      preamble = NULL;
      if (in_detection (d, time_at (d, o->pos)))
        continue;
      /* The announcement belongs to the first read after it rather than standing alone. */
      if (o->preamble && next && !next->self
          && time_at (d, next->pos) - time_at (d, o->pos) <= MAX_PREAMBLE_GAP)
        {
          preamble = o;
          continue;
        }
      follow (d, &r, o->strong,
              g_strdup_printf ("started at %s by the %s opener %s", at,
                               o->self ? "self-promotion" : o->strong ? "sponsor" : "weak sponsor",
                               q));
    }
}

/* Questions to the listener just before a self-promotion belong to it ("Want to level up?"). */
static guint
lead_in_questions (Detector *d, guint first)
{
  guint start = first;

  for (guint n = 0; n < 2 && start > 0; n++)
    {
      Unit *prev = unit (d, start - 1);
      Unit *cur = unit (d, start);
      const char *text = d->doc->str + prev->offset;
      gsize len = prev->length;

      if (len == 0 || text[len - 1] != '?' || !(has_word (text, len, "you")
                                                || has_word (text, len, "your")))
        break;
      if (cur->start - prev->end > SEAMLESS_GAP || (prev->kinds & STOP_KINDS)
          || (prev->speaker >= 0 && cur->speaker >= 0 && prev->speaker != cur->speaker)
          || in_detection (d, prev->start + 0.02))
        break;
      start--;
    }
  return start;
}

static void
detect_self_promotion (Detector *d)
{
  for (guint i = 0; i < d->units->len; i++)
    {
      Unit *u = unit (d, i);
      const Hit *hit = NULL;
      guint first;
      Read r = { .role = ROLE_SELF, .speaker = u->speaker };
      g_autofree char *q = NULL;
      g_autofree char *at = NULL;
      guint before = d->out->len;

      if (!(u->kinds & (1u << KIND_SELF)) || in_detection (d, u->start + 0.02))
        continue;
      for (int h = u->first_hit; h < u->first_hit + u->n_hits; h++)
        if (g_array_index (d->hits, Hit, h).kind == KIND_SELF)
          {
            hit = &g_array_index (d->hits, Hit, h);
            break;
          }
      if (hit == NULL || unit_at (d, hit->pos) != i)
        continue;
      first = lead_in_questions (d, i);
      r.first_unit = first;
      r.start_pos = first == i ? sentence_start (d, hit->pos) : unit (d, first)->offset;
      if (unit_at (d, r.start_pos) != first)
        r.start_pos = unit (d, first)->offset;
      q = quote (d, hit->pos, 80);
      at = format_time (time_at (d, r.start_pos));
      if (first != i)
        {
          g_autofree char *lead = quote (d, r.start_pos, 50);

          follow (d, &r, FALSE,
                  g_strdup_printf ("started at %s by the question to the listener %s before a "
                                   "call to action for the show's own product %s",
                                   at, lead, q));
        }
      else
        follow (d, &r, FALSE,
                g_strdup_printf ("started at %s by a call to action for the show's own product %s",
                                 at, q));
      if (d->out->len > before)
        {
          /* Skip the units the new segment covers. */
          double end = g_array_index (d->out, HarkDetection, d->out->len - 1).end;

          while (i + 1 < d->units->len && unit (d, i + 1)->start < end)
            i++;
        }
    }
}

static int
compare_detections (gconstpointer a, gconstpointer b)
{
  const HarkDetection *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

GArray *
hark_sponsor_detect (const HarkTranscript *transcript)
{
  static GOnce once = G_ONCE_INIT;
  Detector d = { 0 };

  g_return_val_if_fail (transcript != NULL, NULL);

  g_once (&once, compile_rules, NULL);
  d.transcript = transcript;
  d.doc = g_string_sized_new (64 * 1024);
  d.orig = g_string_sized_new (64 * 1024);
  d.units = g_array_new (FALSE, FALSE, sizeof (Unit));
  d.hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  d.openers = g_array_new (FALSE, FALSE, sizeof (Opener));
  g_array_set_clear_func (d.openers, opener_clear);
  d.out = g_array_new (FALSE, FALSE, sizeof (HarkDetection));
  g_array_set_clear_func (d.out, hark_detection_clear);

  build_units (&d);
  if (d.units->len > 0)
    {
      scan (&d);
      sort_openers (&d);
      detect_sponsor_reads (&d);
      detect_self_promotion (&d);
      g_array_sort (d.out, compare_detections);
    }

  g_string_free (d.doc, TRUE);
  g_string_free (d.orig, TRUE);
  g_array_unref (d.units);
  g_array_unref (d.hits);
  g_array_unref (d.openers);
  return d.out;
}

char *
hark_detection_describe (const HarkDetection *detection)
{
  return g_strdup_printf ("%s; carried by %s; %s", detection->started_by, detection->carried_by,
                          detection->ended_by);
}
