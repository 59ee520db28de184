/* hark-ad-fit.c — fits the sponsor finder's window model and writes its weights header
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *     hark-ad-fit data/ad-training/reads*.txt FIXTURES_DIR > src/core/segments/hark-ad-window-weights.h
 *
 * Examples are windows of two to six sentences (hark-ad-window.h), their features computed by
 * the finder itself:
 *   - reads: every window holding most of a made-up sponsor or selfpromo read of the training
 *     files (in the order given), spliced into ep189's conversation twice (with its voices and without any), at a
 *     place that varies from read to read, so each read's names are measured against different
 *     surroundings;
 *   - not reads: every window of ep189's conversation away from its labelled reads, of the real
 *     captions (real-vtt) away from their pre-roll, outro and every announced read, and every
 *     window touching a made-up housekeeping outro or a made-up conversation about a product.
 * The real shows of realworld-dev are never used: they are the check; nor the held-back shapes
 * of tests/segments/spliced-heldback*.txt. Four logistic models, fitted by Newton's method from
 * zero (no randomness: the same files give the same header): is it a read (classes weighted to
 * count the same, then again with the conversation that looked most like a read weighing more),
 * of reads, is it the show's own, of single sentences, is it part of a read (for the edges), and
 * of windows with no link nor price, is it the show's own promotion rather than conversation
 * (with a bar of its own, and counted as passing only where hark_ad_window_own_aside() holds). The threshold is the lowest log-odds above every window of real conversation (ep189,
 * real-vtt) with a read's structure, plus a margin, so the fitted model finds nothing in the
 * conversations it was shown. The made-up non-reads weigh in the fit (as hard negatives) but do
 * not set the threshold: they are written to be near misses, and the likeliest of them alone
 * would raise the bar for every read.
 *
 *     hark-ad-fit --check HEADER TRAINING… FIXTURES_DIR  exits 0 when HEADER is what the fit gives
 *     HARK_AD_FIT_VERBOSE=1                              each read's best window, the likeliest
 *                                                        conversation windows (on stderr)
 *     HARK_AD_FIT_SCORE=SHAPES                           what the built-in model makes of SHAPES
 *                                                        (the best window, the best with a
 *                                                        read's structure, its features)
 *     HARK_AD_FIT_SENTENCES=1                            with it, each sentence's evidence
 *     HARK_AD_FIT_UNVOICED=1                             with it, the reads spliced with no
 *                                                        voice named (as captions are)
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hark-ad-shapes.h"
#include "formats/hark-sidecar.h"
#include "segments/hark-ad-window.h"
#include "segments/hark-sponsor-detector.h"

#define NEWTON_STEPS 25
#define L2 0.002
#define MARGIN 0.5
#define HARD_NEGATIVE_WEIGHT 10.0
/* Negatives within this of one of ep189's labelled reads are left out (its edges). */
#define NEAR_READ 20.0

typedef struct
{
  double x[HARK_AD_W_N];
  int y;
  double weight;
  char *text; /* its sentences, kept only with HARK_AD_FIT_VERBOSE set */
  int shape;  /* the training shape it comes from, -1 for conversation */
} Example;

static gboolean verbose;
static int current_shape = -1;
/* Single sentences, for the model of a read's edges: every sentence of a read, and every
 * sentence a not-read window may hold. */
static GArray *singles;

static gboolean inside (const HarkAdSentence *s, guint first, guint last, gpointer data);
static gboolean within (const HarkAdSentence *s, guint first, guint last, gpointer data);

/* Every window of @s within [@from, @to) of sentences, as examples labelled @y. */
static void
add_windows (GArray *examples, const HarkAdSentence *s, guint from, guint to, int y,
             gboolean (*keep) (const HarkAdSentence *, guint, guint, gpointer), gpointer data)
{
  for (guint i = from; i < to; i++)
    for (guint len = 1; len <= HARK_AD_WINDOW_MAX && i + len <= to; len++)
      {
        Example e = { { 0 }, y, 1.0, NULL, current_shape };
        gboolean single = len == 1;

        if (single && keep && !(keep == inside ? within : keep) (s, i, i, data))
          continue;
        if (!single && keep && !keep (s, i, i + len - 1, data))
          continue;
        hark_ad_window_features (s, i, i + len - 1, e.x);
        /* The edge model sees a sentence alone (hark_ad_window_edge_logit()). */
        if (single)
          e.x[HARK_AD_W_ANSWER] = 0;
        if (verbose)
          e.text = g_strndup (s[i].text, (gsize) (s[i + len - 1].text + s[i + len - 1].length
                                                  - s[i].text));
        g_array_append_val (single ? singles : examples, e);
      }
}

typedef struct
{
  double start, end;
} Span;

static gboolean
within (const HarkAdSentence *s, guint first, guint last, gpointer data)
{
  const Span *span = data;

  return s[first].start >= span->start - 0.01 && s[last].end <= span->end + 0.01;
}

/* A window of most of a read: what the finder must recognise (a couple of the story's
 * sentences alone need not be). */
#define MIN_COVER 0.6

static gboolean
inside (const HarkAdSentence *s, guint first, guint last, gpointer data)
{
  const Span *span = data;
  guint in_read = 0;

  if (s[first].start < span->start - 0.01 || s[last].end > span->end + 0.01)
    return FALSE;
  for (const HarkAdSentence *k = s; k->start < span->end - 0.01; k++)
    if (k->start >= span->start - 0.01)
      in_read++;
  return last - first + 1 >= MIN (in_read, (guint) ceil (MIN_COVER * in_read));
}

static gboolean
touches (const HarkAdSentence *s, guint first, guint last, gpointer data)
{
  const Span *span = data;

  return s[last].end > span->start + 0.01 && s[first].start < span->end - 0.01;
}

static gboolean
away_from_reads (const HarkAdSentence *s, guint first, guint last, gpointer data)
{
  GArray *reads = data;

  for (guint r = 0; r < reads->len; r++)
    {
      const Span *span = &g_array_index (reads, Span, r);

      if (s[last].end > span->start - NEAR_READ && s[first].start < span->end + NEAR_READ)
        return FALSE;
    }
  return TRUE;
}

/* Real episodes whose reads all announce themselves: windows away from every announcement
 * (and from the pre-roll and the outro) are conversation. */
#define ANNOUNCED_REACH 120.0
#define EDGE_SECONDS 300.0

typedef struct
{
  const HarkAdSentence *s;
  guint n;
} Sentences;

static gboolean
away_from_announcements (const HarkAdSentence *s, guint first, guint last, gpointer data)
{
  const Sentences *all = data;

  if (s[first].start < EDGE_SECONDS || s[last].end > all->s[all->n - 1].end - EDGE_SECONDS)
    return FALSE;
  for (guint k = 0; k < all->n; k++)
    if ((all->s[k].count[HARK_AD_SPONSOR] || all->s[k].count[HARK_AD_BREAK]
         || all->s[k].count[HARK_AD_SELF])
        && all->s[k].start < s[last].end + ANNOUNCED_REACH
        && all->s[k].end > s[first].start - ANNOUNCED_REACH)
      return FALSE;
  return TRUE;
}

static void
add_quiet_episode (GArray *examples, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL,
                                                    &error);
  g_autoptr (GString) doc = NULL;
  g_autoptr (GArray) sentences = NULL;
  Sentences all;

  if (t == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  sentences = hark_sponsor_sentences (t, &doc);
  all.s = (const HarkAdSentence *) (gconstpointer) sentences->data;
  all.n = sentences->len;
  if (all.n > 0)
    add_windows (examples, all.s, 0, all.n, 0, away_from_announcements, &all);
}

static void
add_transcript (GArray *examples, HarkTranscript *t, int y,
                gboolean (*keep) (const HarkAdSentence *, guint, guint, gpointer), gpointer data)
{
  g_autoptr (GString) doc = NULL;
  g_autoptr (GArray) sentences = hark_sponsor_sentences (t, &doc);

  add_windows (examples, (const HarkAdSentence *) (gconstpointer) sentences->data, 0,
               sentences->len, y, keep, data);
}

static HarkTranscript *
load_ep189 (const char *path, GArray *reads)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  JsonObject *root;
  JsonArray *cues, *segments;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  root = json_node_get_object (json_parser_get_root (parser));
  cues = json_object_get_array_member (root, "cues");
  segments = json_object_get_array_member (root, "sponsor_segments");
  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *o = json_array_get_object_element (segments, i);
      Span span = { json_object_get_double_member (o, "start"),
                    json_object_get_double_member (o, "end") };

      g_array_append_val (reads, span);
    }
  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      JsonObject *o = json_array_get_object_element (cues, i);
      const char *who = json_object_get_string_member (o, "speaker");

      hark_transcript_builder_add_cue (b, json_object_get_double_member (o, "start"),
                                       json_object_get_double_member (o, "end"),
                                       json_object_get_string_member (o, "text"),
                                       hark_transcript_builder_add_speaker (b, who, who));
    }
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

/* Solves @a x = @b for a symmetric positive definite @a (D × D, overwritten) by Cholesky;
 * @b receives x. */
#define D (HARK_AD_W_N + 1)

static gboolean
solve (double a[D][D], double *b)
{
  for (guint j = 0; j < D; j++)
    {
      double sum = a[j][j];

      for (guint k = 0; k < j; k++)
        sum -= a[j][k] * a[j][k];
      if (sum <= 0)
        return FALSE;
      a[j][j] = sqrt (sum);
      for (guint i = j + 1; i < D; i++)
        {
          double v = a[i][j];

          for (guint k = 0; k < j; k++)
            v -= a[i][k] * a[j][k];
          a[i][j] = v / a[j][j];
        }
    }
  for (guint i = 0; i < D; i++)
    {
      for (guint k = 0; k < i; k++)
        b[i] -= a[i][k] * b[k];
      b[i] /= a[i][i];
    }
  for (guint i = D; i-- > 0;)
    {
      for (guint k = i + 1; k < D; k++)
        b[i] -= a[k][i] * b[k];
      b[i] /= a[i][i];
    }
  return TRUE;
}

/* L2-regularised logistic regression (the bias not regularised) by Newton's method from zero:
 * a fixed number of steps, in a fixed order, so the same examples give the same weights. @w
 * has D entries, the bias last. */
static void
fit (GArray *examples, double *w)
{
  double total = 0;

  for (guint f = 0; f < D; f++)
    w[f] = 0;
  for (guint i = 0; i < examples->len; i++)
    total += g_array_index (examples, Example, i).weight;
  for (guint it = 0; it < NEWTON_STEPS; it++)
    {
      double grad[D] = { 0 }, hess[D][D] = { { 0 } };

      for (guint i = 0; i < examples->len; i++)
        {
          const Example *e = &g_array_index (examples, Example, i);
          double x[D], z = 0, p, err, curve;

          memcpy (x, e->x, sizeof e->x);
          x[HARK_AD_W_N] = 1;
          for (guint f = 0; f < D; f++)
            z += w[f] * x[f];
          p = 1.0 / (1.0 + exp (-z));
          err = e->weight * (p - e->y) / total;
          curve = e->weight * p * (1 - p) / total;
          for (guint f = 0; f < D; f++)
            {
              if (x[f] == 0)
                continue;
              grad[f] += err * x[f];
              for (guint g = 0; g <= f; g++)
                hess[f][g] += curve * x[f] * x[g];
            }
        }
      for (guint f = 0; f < D; f++)
        {
          for (guint g = f + 1; g < D; g++)
            hess[f][g] = hess[g][f];
          if (f < HARK_AD_W_N)
            {
              grad[f] += L2 * w[f];
              hess[f][f] += L2;
            }
          else
            hess[f][f] += 1e-9;
        }
      if (!solve (hess, grad))
        break;
      for (guint f = 0; f < D; f++)
        w[f] -= grad[f];
    }
  /* Two decimals: small and readable, and what the finder uses is exactly what is printed. */
  for (guint f = 0; f < D; f++)
    w[f] = round (w[f] * 100) / 100;
}

static void
balance (GArray *examples)
{
  double pos = 0, neg = 0;

  for (guint i = 0; i < examples->len; i++)
    {
      const Example *e = &g_array_index (examples, Example, i);

      if (e->y)
        pos += e->weight;
      else
        neg += e->weight;
    }
  for (guint i = 0; i < examples->len; i++)
    {
      Example *e = &g_array_index (examples, Example, i);

      e->weight *= e->y ? 0.5 * (pos + neg) / MAX (pos, 1) : 0.5 * (pos + neg) / MAX (neg, 1);
    }
}

static double
logit_of (const double *w, const Example *e)
{
  double z = w[HARK_AD_W_N];

  for (guint f = 0; f < HARK_AD_W_N; f++)
    z += w[f] * e->x[f];
  return z;
}

static void
print_weights (GString *out, const char *name, const double *w)
{
  g_string_append_printf (out, "static const double %s[HARK_AD_W_N + 1] = {\n", name);
  for (guint f = 0; f < HARK_AD_W_N; f++)
    g_string_append_printf (out, "  %6.2f, /* %s */\n", w[f], hark_ad_window_feature_name (f));
  g_string_append_printf (out, "  %6.2f, /* bias */\n};\n", w[HARK_AD_W_N]);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* HARK_AD_FIT_SCORE=shapes-file: what the compiled-in model makes of each read of another
 * file (its best window inside the read, and that window's features), for looking into misses
 * without fitting on them. */
static int
score_shapes (const char *path, GArray *conversation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) shapes = hark_ad_shapes_load (path, &error);

  if (shapes == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (guint k = 0; k < shapes->len; k++)
    {
      const HarkAdShape *shape = &g_array_index (shapes, HarkAdShape, k);
      Span span;
      g_autoptr (HarkTranscript) t = hark_ad_shape_splice (conversation, shape,
                                                           conversation->len / 2,
                                                           !g_getenv ("HARK_AD_FIT_UNVOICED"),
                                                           &span.start, &span.end);
      g_autoptr (GString) doc = NULL;
      g_autoptr (GArray) sentences = hark_sponsor_sentences (t, &doc);
      const HarkAdSentence *s = (const HarkAdSentence *) (gconstpointer) sentences->data;
      double best = -INFINITY, best_structural = -INFINITY, x[HARK_AD_W_N], bx[HARK_AD_W_N];

      for (guint i = 0; i < sentences->len; i++)
        for (guint len = HARK_AD_WINDOW_MIN; len <= HARK_AD_WINDOW_MAX && i + len <= sentences->len;
             len++)
          if (touches (s, i, i + len - 1, &span))
            {
              hark_ad_window_features (s, i, i + len - 1, x);
              if (hark_ad_window_structural (x))
                best_structural = MAX (best_structural, hark_ad_window_read_logit (x));
              if (hark_ad_window_read_logit (x) > best)
                {
                  best = hark_ad_window_read_logit (x);
                  memcpy (bx, x, sizeof x);
                }
            }
      printf ("%6.2f structural %6.2f self %5.2f %s:", best, best_structural,
              hark_ad_window_self_logit (bx), shape->name);
      for (guint f = 0; f < HARK_AD_W_N; f++)
        if (bx[f] != 0)
          printf (" %s=%.2g", hark_ad_window_feature_name (f), bx[f]);
      printf ("\n");
      /* HARK_AD_FIT_SENTENCES=1: each sentence of the read, and its evidence. */
      if (g_getenv ("HARK_AD_FIT_SENTENCES"))
        for (guint i = 0; i < sentences->len; i++)
          if (s[i].end > span.start && s[i].start < span.end)
            {
              printf ("    %2d %.*s |", s[i].speaker, (int) MIN (s[i].length, 90), s[i].text);
              for (guint f = 0; f < HARK_AD_N_FEATURES; f++)
                if (s[i].count[f])
                  printf (" %s", hark_ad_feature_label (f));
              printf ("\n");
            }
    }
  return 0;
}

/* The shapes of every training file, in the order given. */
static GArray *
load_training (char **paths, int n, GError **error)
{
  g_autoptr (GArray) all = g_array_new (FALSE, TRUE, sizeof (HarkAdShape));

  for (int i = 0; i < n; i++)
    {
      g_autoptr (GArray) shapes = hark_ad_shapes_load (paths[i], error);

      if (shapes == NULL)
        return NULL;
      /* The shapes move to @all: their lines are freed with it, not here. */
      g_array_append_vals (all, shapes->data, shapes->len);
      g_array_set_clear_func (shapes, NULL);
    }
  g_array_set_clear_func (all, hark_ad_shape_clear);
  return g_steal_pointer (&all);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) shapes = NULL;
  g_autoptr (GArray) conversation = NULL;
  g_autoptr (GArray) reads = g_array_new (FALSE, FALSE, sizeof (Example));
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (Example));
  g_autoptr (GArray) ep189_reads = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Example));
  g_autoptr (GArray) kinds = g_array_new (FALSE, FALSE, sizeof (Example));
  g_autofree char *ep189_path = NULL;
  g_autoptr (HarkTranscript) ep189 = NULL;
  double read_w[HARK_AD_W_N + 1], self_w[HARK_AD_W_N + 1], edge_w[HARK_AD_W_N + 1];
  double own_w[HARK_AD_W_N + 1];
  double threshold = -INFINITY, own_threshold = -INFINITY;
  g_autoptr (GArray) own = g_array_new (FALSE, FALSE, sizeof (Example));
  g_autoptr (GString) out = g_string_new ("");
  const char *check = NULL, *fixtures;
  guint n_pos = 0, n_pos_found = 0, n_read_shapes = 0;

  verbose = g_getenv ("HARK_AD_FIT_VERBOSE") != NULL;
  singles = g_array_new (FALSE, FALSE, sizeof (Example));
  /* --check HEADER: exit 0 when HEADER is what the fit writes (a test keeps them in step). */
  if (argc >= 5 && g_str_equal (argv[1], "--check"))
    {
      check = argv[2];
      argv += 2;
      argc -= 2;
    }
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s [--check HEADER] TRAINING-SHAPES… FIXTURES-DIR\n", argv[0]);
      return 2;
    }
  fixtures = argv[argc - 1];
  if (!g_file_test (fixtures, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "%s: no fixtures directory\n", fixtures);
      return check ? 77 : 1; /* skipped as a test without the fixtures */
    }
  shapes = load_training (argv + 1, argc - 2, &error);
  ep189_path = g_build_filename (fixtures, "ep189", "ep189.truth.json", NULL);
  if (shapes)
    conversation = hark_ad_conversation_load (ep189_path, &error);
  if (shapes == NULL || conversation == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (g_getenv ("HARK_AD_FIT_SCORE"))
    return score_shapes (g_getenv ("HARK_AD_FIT_SCORE"), conversation);

  /* Conversation: ep189 away from its reads, and real episodes away from their reads. */
  ep189 = load_ep189 (ep189_path, ep189_reads);
  add_transcript (others, ep189, 0, away_from_reads, ep189_reads);
  {
    g_autofree char *dir = g_build_filename (fixtures, "real-vtt", NULL);
    g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
    g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    const char *name;

    if (d == NULL)
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
    while ((name = g_dir_read_name (d)))
      if (g_str_has_suffix (name, ".vtt"))
        g_ptr_array_add (names, g_build_filename (dir, name, NULL));
    /* Directory order is the file system's: sort, so the sums run in one order. */
    g_ptr_array_sort (names, (GCompareFunc) compare_paths);
    for (guint i = 0; i < names->len; i++)
      add_quiet_episode (others, names->pdata[i]);
  }

  /* Each shape twice: with the conversation's voices, and without any (as captions are). */
  for (guint k = 0; k < 2 * shapes->len; k++)
    {
      const HarkAdShape *shape = &g_array_index (shapes, HarkAdShape, k % shapes->len);
      gboolean read = shape->category == HARK_CATEGORY_SPONSOR
                      || shape->category == HARK_CATEGORY_SELFPROMO;
      /* Somewhere in the middle half, a different place for each shape. */
      guint at = conversation->len / 4 + (k * 37) % (conversation->len / 2);
      Span span;
      g_autoptr (HarkTranscript) t = hark_ad_shape_splice (conversation, shape, at,
                                                           k < shapes->len, &span.start,
                                                           &span.end);
      g_autoptr (GString) doc = NULL;
      g_autoptr (GArray) sentences = hark_sponsor_sentences (t, &doc);
      const HarkAdSentence *s = (const HarkAdSentence *) (gconstpointer) sentences->data;
      guint before = (read ? reads : others)->len;

      current_shape = (int) (k % shapes->len);

      add_windows (read ? reads : others, s, 0, sentences->len, read ? 1 : 0,
                   read ? inside : touches, &span);
      if (read)
        {
          n_read_shapes += k < shapes->len;
          for (guint i = before; i < reads->len; i++)
            {
              Example e = g_array_index (reads, Example, i);

              e.y = shape->category == HARK_CATEGORY_SELFPROMO;
              g_array_append_val (kinds, e);
            }
        }
    }

  g_array_append_vals (all, reads->data, reads->len);
  g_array_append_vals (all, others->data, others->len);
  balance (all);
  fit (all, read_w);
  /* Conversation that looks most like a read is what precision hangs on: fit again with the
   * not-read windows the first model scored as likely reads weighing more. */
  for (guint i = 0; i < all->len; i++)
    {
      Example *e = &g_array_index (all, Example, i);

      if (!e->y && logit_of (read_w, e) > 0)
        e->weight *= HARD_NEGATIVE_WEIGHT;
    }
  fit (all, read_w);
  /* The show's own reads against the conversation alone: they often have no link nor price,
   * which most reads the first model was fitted on have, so it gives them less. Fitted the same
   * way, the conversation it took for the show's own weighing more the second time. */
  for (guint i = 0; i < kinds->len; i++)
    if (g_array_index (kinds, Example, i).y && !hark_ad_window_pays (g_array_index (kinds, Example, i).x))
      {
        Example e = g_array_index (kinds, Example, i);

        e.weight = 1;
        g_array_append_val (own, e);
      }
  for (guint i = 0; i < others->len; i++)
    {
      Example e = g_array_index (others, Example, i);

      if (hark_ad_window_pays (e.x))
        continue;
      e.weight = 1;
      g_array_append_val (own, e);
    }
  balance (own);
  fit (own, own_w);
  for (guint i = 0; i < own->len; i++)
    {
      Example *e = &g_array_index (own, Example, i);

      if (!e->y && logit_of (own_w, e) > 0)
        e->weight *= HARD_NEGATIVE_WEIGHT;
    }
  fit (own, own_w);
  balance (kinds);
  fit (kinds, self_w);
  balance (singles);
  fit (singles, edge_w);

  /* Only a window with a read's structure can become one (hark_ad_window_structural()). */
  for (guint i = 0; i < others->len; i++)
    if (g_array_index (others, Example, i).shape < 0
        && hark_ad_window_structural (g_array_index (others, Example, i).x))
      threshold = MAX (threshold, logit_of (read_w, &g_array_index (others, Example, i)));
  threshold = round ((threshold + MARGIN) * 100) / 100;
  for (guint i = 0; i < others->len; i++)
    if (g_array_index (others, Example, i).shape < 0
        && !hark_ad_window_pays (g_array_index (others, Example, i).x)
        && hark_ad_window_structural (g_array_index (others, Example, i).x))
      own_threshold = MAX (own_threshold, logit_of (own_w, &g_array_index (others, Example, i)));
  own_threshold = round ((own_threshold + MARGIN) * 100) / 100;
  for (guint i = 0; i < reads->len; i++)
    {
      n_pos++;
      n_pos_found += logit_of (read_w, &g_array_index (reads, Example, i)) >= threshold
                     || (!hark_ad_window_pays (g_array_index (reads, Example, i).x)
                         && hark_ad_window_own_aside (g_array_index (reads, Example, i).x)
                         && logit_of (own_w, &g_array_index (reads, Example, i)) >= own_threshold);
    }

  g_string_append_printf (out, "/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit\n"
          " *\n"
          " * Do not edit: run\n"
          " *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \\\n"
          " *         data/ad-training/reads-more.txt data/ad-training/reads-probes.txt \\\n"
          " *         data/ad-training/reads-s21.txt \\\n"
          " *         ../shared/fixtures \\\n"
          " *         > src/core/segments/hark-ad-window-weights.h\n"
          " * Fitted on %u made-up reads (%u windows) against %u windows of conversation and\n"
          " * made-up non-reads; %u of the read windows pass the threshold.\n"
          " */\n"
          "#pragma once\n\n"
          "#include \"segments/hark-ad-window.h\"\n\n"
          "/* Log-odds a window must reach: above every window of real conversation seen that has\n"
          " * a read's structure (hark_ad_window_structural()), plus %.2f. */\n"
          "#define HARK_AD_WINDOW_THRESHOLD %.2f\n"
          "/* … or the show's own model's: above every such window, plus %.2f. */\n"
          "#define HARK_AD_WINDOW_OWN_THRESHOLD %.2f\n\n",
          n_read_shapes, reads->len, others->len, n_pos_found, MARGIN, threshold, MARGIN,
          own_threshold);
  print_weights (out, "hark_ad_window_read_weights", read_w);
  g_string_append (out, "\n/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */\n");
  print_weights (out, "hark_ad_window_self_weights", self_w);
  g_string_append (out, "\n/* Of one sentence next to a read: log-odds that it is part of it. */\n");
  print_weights (out, "hark_ad_window_edge_weights", edge_w);
  g_string_append (out, "\n/* Log-odds that a window is the show's own promotion rather than "
                        "conversation. */\n");
  print_weights (out, "hark_ad_window_own_weights", own_w);
  if (check)
    {
      g_autofree char *current = NULL;

      if (!g_file_get_contents (check, &current, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      if (!g_str_equal (current, out->str))
        {
          fprintf (stderr, "%s is not what the fit gives; the fit gives:\n%s", check, out->str);
          return 1;
        }
      fprintf (stderr, "%s is what the fit gives\n", check);
      return 0;
    }
  fputs (out->str, stdout);
  if (verbose)
    {
      /* Each read shape: its best window's log-odds; the conversation's best windows. */
      for (guint k = 0; k < shapes->len; k++)
        {
          double top = -INFINITY;
          const Example *best = NULL;

          for (guint i = 0; i < reads->len; i++)
            {
              const Example *e = &g_array_index (reads, Example, i);

              if (e->shape == (int) k && logit_of (read_w, e) > top)
                top = logit_of (read_w, e), best = e;
            }
          if (best)
            fprintf (stderr, "%s %6.2f self %5.2f %s\n", top >= threshold ? "found " : "MISSED",
                     top, logit_of (self_w, best),
                     g_array_index (shapes, HarkAdShape, k).name);
        }
      for (guint i = 0; i < others->len; i++)
        {
          const Example *e = &g_array_index (others, Example, i);

          if (logit_of (read_w, e) > threshold - 3 && hark_ad_window_structural (e->x))
            {
              fprintf (stderr, "neg %6.2f [%d] %.300s\n   ", logit_of (read_w, e), e->shape,
                       e->text);
              for (guint f = 0; f < HARK_AD_W_N; f++)
                if (e->x[f] != 0)
                  fprintf (stderr, " %s=%.2g", hark_ad_window_feature_name (f), e->x[f]);
              fprintf (stderr, "\n");
            }
        }
    }
  fprintf (stderr, "reads %u windows (%u pass), others %u, threshold %.2f\n", reads->len,
           n_pos_found, others->len, threshold);
  (void) n_pos;
  return 0;
}
