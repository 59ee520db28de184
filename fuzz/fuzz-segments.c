/* fuzz-segments.c — libFuzzer target: the sponsor detector and the segment list on any captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as WebVTT (the reader is fuzzed on its own elsewhere); whatever transcript
 * comes out, detection must finish with sane, ordered segments and readable evidence.
 */
#include <stdint.h>

#include "segments/hark-segments.h"
#include "formats/hark-sidecar.h"
#include "segments/hark-sponsor-detector.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (HarkSegmentList) list = NULL;
  g_autoptr (HarkShowContext) show = hark_show_context_new ();
  const HarkCue *cues;
  guint n, n_cues = 0;
  const HarkSegmentEntry *e;

  t = hark_sidecar_read_data ((const char *) data, size, "fuzz", HARK_SIDECAR_FORMAT_WEBVTT, NULL,
                              NULL, NULL);
  if (t == NULL)
    return 0;
  /* Who the show is, from the input too: its first cue as a name and as a link. */
  cues = hark_transcript_get_cues (t, &n_cues);
  if (n_cues > 0)
    {
      hark_show_context_add_name (show, cues[0].text);
      hark_show_context_add_link (show, cues[0].text);
    }
  found = hark_sponsor_detect_with_context (t, show);
  for (guint i = 0; i < found->len; i++)
    {
      const HarkDetection *d = &g_array_index (found, HarkDetection, i);
      g_autofree char *why = hark_detection_describe (d);

      g_assert_true (d->end >= d->start);
      g_assert_true (d->category == HARK_CATEGORY_SPONSOR
                     || d->category == HARK_CATEGORY_SELFPROMO);
      g_assert_true (g_utf8_validate (why, -1, NULL));
      if (i > 0)
        g_assert_true (d->start >= (d - 1)->start);
    }
  list = hark_segment_list_collect (t, NULL, size % 2 == 1);
  e = hark_segment_list_get (list, &n);
  for (guint i = 0; i < n; i++)
    g_assert_true (e[i].segment.end >= e[i].segment.start && e[i].segment.start >= 0);
  g_assert_true (hark_segment_list_get_skip_total (list) >= 0);
  return 0;
}
