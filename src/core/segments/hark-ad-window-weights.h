/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 192 made-up reads (1517 windows) against 31331 windows of conversation and
 * made-up non-reads; 713 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every not-read window seen that has a read's
 * structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 2.32

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.56, /* url */
   -0.07, /* urls */
    0.68, /* offer */
    0.26, /* code */
    0.07, /* imperative */
    0.68, /* handoff */
    1.07, /* self */
    0.14, /* notes */
    0.08, /* ask */
    0.16, /* deal */
    1.45, /* own */
    0.76, /* benefit */
    0.66, /* pause_first */
   -0.26, /* pause */
    0.07, /* brand */
    0.60, /* you */
   -2.34, /* dialogue */
   -1.85, /* question */
   -0.21, /* turns */
   -0.38, /* resume */
   -0.99, /* housekeeping */
    0.98, /* after_break */
    0.98, /* kinds */
    0.53, /* url_deal */
    0.01, /* url_ask */
    0.71, /* deal_ask */
    0.01, /* named_link */
   -0.76, /* empty */
    3.47, /* novel */
    0.70, /* one_voice */
    0.09, /* we */
   -0.01, /* elsewhere */
    1.50, /* new_voice */
    0.55, /* new_voice_deal */
    0.56, /* supported */
   -0.20, /* answer */
    0.75, /* brand_link */
   -1.35, /* critical */
   -1.20, /* talk_turns */
   -3.70, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.31, /* url */
   -0.14, /* urls */
    0.05, /* offer */
    0.27, /* code */
   -0.24, /* imperative */
   -1.30, /* handoff */
    1.11, /* self */
    1.05, /* notes */
    0.34, /* ask */
   -0.01, /* deal */
    4.72, /* own */
    0.57, /* benefit */
   -0.29, /* pause_first */
   -0.54, /* pause */
   -1.71, /* brand */
   -1.51, /* you */
   -0.04, /* dialogue */
   -0.33, /* question */
    0.09, /* turns */
    0.63, /* resume */
    0.71, /* housekeeping */
   -0.83, /* after_break */
   -0.28, /* kinds */
   -1.02, /* url_deal */
    0.10, /* url_ask */
    0.33, /* deal_ask */
   -0.77, /* named_link */
   -1.05, /* empty */
   -1.71, /* novel */
   -0.12, /* one_voice */
    1.57, /* we */
    1.10, /* elsewhere */
   -0.06, /* new_voice */
    0.06, /* new_voice_deal */
   -1.08, /* supported */
   -0.12, /* answer */
    0.49, /* brand_link */
   -0.43, /* critical */
    0.42, /* talk_turns */
    2.30, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.07, /* url */
    0.00, /* urls */
    0.72, /* offer */
    0.16, /* code */
    0.23, /* imperative */
    0.72, /* handoff */
    0.52, /* self */
    0.01, /* notes */
   -0.06, /* ask */
    0.36, /* deal */
    0.94, /* own */
    0.46, /* benefit */
    0.48, /* pause_first */
    0.48, /* pause */
   -0.01, /* brand */
    0.21, /* you */
   -1.55, /* dialogue */
   -0.43, /* question */
    0.00, /* turns */
   -0.08, /* resume */
   -0.47, /* housekeeping */
    1.75, /* after_break */
    0.59, /* kinds */
    0.51, /* url_deal */
    0.32, /* url_ask */
    0.48, /* deal_ask */
    0.00, /* named_link */
   -0.36, /* empty */
    3.18, /* novel */
    0.54, /* one_voice */
    0.11, /* we */
    0.40, /* elsewhere */
    1.54, /* new_voice */
    0.10, /* new_voice_deal */
    0.49, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.15, /* critical */
    0.00, /* talk_turns */
   -2.09, /* bias */
};
