/* hark-segment-list.c — the segments of one episode, from sidecars or from detection
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "segments/hark-segments.h"

#include "audio/hark-player.h"

#include "segments/hark-sponsor-detector.h"

struct _HarkSegmentList
{
  GArray *entries; /* HarkSegmentEntry */
  GStringChunk *strings;
  const char *origin;
  gboolean skipping_disabled;
};

static void
add_entry (HarkSegmentList *self, double start, double end, HarkCategory category,
           const char *source, const char *evidence, const HarkSkipPolicy *policy,
           gboolean mismatch)
{
  HarkSegmentEntry e = { 0 };

  /* Reversed ranges and ranges before 0 come from sloppy sidecars; keep what can be played. */
  if (end < start)
    {
      double tmp = start;

      start = end;
      end = tmp;
    }
  start = MAX (start, 0.0);
  end = MAX (end, 0.0);
  e.segment.start = start;
  e.segment.end = end;
  e.segment.category = category < HARK_N_CATEGORIES ? category : HARK_CATEGORY_SPONSOR;
  e.segment.source = g_string_chunk_insert_const (self->strings, source ? source : "unknown");
  e.segment.evidence = evidence ? g_string_chunk_insert (self->strings, evidence) : NULL;
  e.action = policy->actions[e.segment.category];
  /* A point cannot be skipped over, only shown. */
  if (e.action == HARK_SKIP_ACTION_SKIP && end - start <= 0.0)
    e.action = HARK_SKIP_ACTION_MARK;
  if (mismatch && e.action == HARK_SKIP_ACTION_SKIP)
    {
      e.action = HARK_SKIP_ACTION_MARK;
      self->skipping_disabled = TRUE;
    }
  g_array_append_val (self->entries, e);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const HarkSegmentEntry *x = a, *y = b;

  if (x->segment.start != y->segment.start)
    return x->segment.start < y->segment.start ? -1 : 1;
  return x->segment.end < y->segment.end ? -1 : x->segment.end > y->segment.end;
}

HarkSegmentList *
hark_segment_list_collect (HarkTranscript *transcript, const HarkSkipPolicy *policy,
                           gboolean media_duration_mismatch)
{
  return hark_segment_list_collect_for_show (transcript, NULL, policy, media_duration_mismatch);
}

HarkSegmentList *
hark_segment_list_collect_for_show (HarkTranscript *transcript, const HarkShowContext *show,
                                    const HarkSkipPolicy *policy, gboolean media_duration_mismatch)
{
  HarkSegmentList *self = g_new0 (HarkSegmentList, 1);
  HarkSkipPolicy default_policy;
  guint n_segments = 0, n_chapters = 0;
  const HarkSegment *segments = NULL;
  const HarkChapter *chapters = NULL;
  gboolean from_chapters = FALSE;

  if (policy == NULL)
    {
      hark_skip_policy_init_default (&default_policy);
      policy = &default_policy;
    }
  self->entries = g_array_new (FALSE, FALSE, sizeof (HarkSegmentEntry));
  self->strings = g_string_chunk_new (1024);
  self->origin = "none";
  if (transcript == NULL)
    return self;

  segments = hark_transcript_get_segments (transcript, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    add_entry (self, segments[i].start, segments[i].end, segments[i].category,
               segments[i].source, segments[i].evidence, policy, media_duration_mismatch);

  chapters = hark_transcript_get_chapters (transcript, &n_chapters);
  for (guint i = 0; i < n_chapters; i++)
    {
      g_autofree char *why = NULL;

      if (!hark_chapter_title_is_ad (chapters[i].title))
        continue;
      why = g_strdup_printf ("a chapter titled “%s”", chapters[i].title);
      add_entry (self, chapters[i].start, chapters[i].end, HARK_CATEGORY_SPONSOR, "chapters", why,
                 policy, media_duration_mismatch);
      from_chapters = TRUE;
    }

  if (n_segments > 0)
    self->origin = "sidecar";
  else if (from_chapters)
    self->origin = "chapters";
  else
    {
      /* Nothing marks the ads, so read the transcript for them. */
      g_autoptr (GArray) found = hark_sponsor_detect_with_context (transcript, show);

      for (guint i = 0; i < found->len; i++)
        {
          const HarkDetection *d = &g_array_index (found, HarkDetection, i);
          g_autofree char *why = hark_detection_describe (d);

          add_entry (self, d->start, d->end, d->category, "detected", why, policy,
                     media_duration_mismatch);
        }
      if (found->len > 0)
        self->origin = "detected";
    }

  g_array_sort (self->entries, compare_entries);
  return self;
}

void
hark_segment_list_free (HarkSegmentList *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  g_free (self);
}

const HarkSegmentEntry *
hark_segment_list_get (const HarkSegmentList *self, guint *n_entries)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_entries)
    *n_entries = self->entries->len;
  return (const HarkSegmentEntry *) (gconstpointer) self->entries->data;
}

double
hark_segment_list_get_skip_total (const HarkSegmentList *self)
{
  double total = 0, covered_to = -1;

  /* Entries are sorted by start, so overlaps are counted once by sweeping. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      const HarkSegmentEntry *e = &g_array_index (self->entries, HarkSegmentEntry, i);
      double start = e->segment.start, end = e->segment.end;

      if (e->action != HARK_SKIP_ACTION_SKIP)
        continue;
      start = MAX (start, covered_to);
      if (end > start)
        {
          total += end - start;
          covered_to = end;
        }
    }
  return total;
}

const char *
hark_segment_list_get_origin (const HarkSegmentList *self)
{
  return self->origin;
}

gboolean
hark_segment_list_skipping_disabled (const HarkSegmentList *self)
{
  return self->skipping_disabled;
}

GArray *
hark_segment_list_get_skip_ranges (const HarkSegmentList *self)
{
  GArray *ranges = g_array_new (FALSE, TRUE, sizeof (HarkSkipRange));
  guint n;
  const HarkSegmentEntry *e = hark_segment_list_get (self, &n);

  /* Entries are sorted by start, so one sweep chains them. */
  for (guint i = 0; i < n; i++)
    {
      HarkSkipRange *last = ranges->len ? &g_array_index (ranges, HarkSkipRange, ranges->len - 1)
                                        : NULL;

      if (e[i].action != HARK_SKIP_ACTION_SKIP || !(e[i].segment.end > e[i].segment.start))
        continue;
      if (last && e[i].segment.start <= last->end + 1e-3)
        last->end = MAX (last->end, e[i].segment.end);
      else
        {
          HarkSkipRange skip = { e[i].segment.start, e[i].segment.end, i };

          g_array_append_val (ranges, skip);
        }
    }
  return ranges;
}
