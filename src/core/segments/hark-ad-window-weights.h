/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 192 made-up reads (1517 windows) against 31331 windows of conversation and
 * made-up non-reads; 752 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every not-read window seen that has a read's
 * structure (hark_ad_window_structural()), plus 0.25. */
#define HARK_AD_WINDOW_THRESHOLD 2.13

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.56, /* url */
   -0.05, /* urls */
    0.70, /* offer */
    0.07, /* code */
    0.06, /* imperative */
    0.75, /* handoff */
    1.13, /* self */
    0.14, /* notes */
    0.06, /* ask */
    0.23, /* deal */
    1.39, /* own */
    0.78, /* benefit */
    0.69, /* pause_first */
   -0.32, /* pause */
    0.14, /* brand */
    0.59, /* you */
   -2.31, /* dialogue */
   -1.84, /* question */
   -0.21, /* turns */
   -0.33, /* resume */
   -1.00, /* housekeeping */
    0.53, /* after_break */
    1.03, /* kinds */
    0.55, /* url_deal */
    0.03, /* url_ask */
    0.71, /* deal_ask */
    0.01, /* named_link */
   -0.73, /* empty */
    3.51, /* novel */
    0.71, /* one_voice */
    0.11, /* we */
   -0.05, /* elsewhere */
    1.50, /* new_voice */
    0.55, /* new_voice_deal */
    0.63, /* supported */
   -0.20, /* answer */
    0.72, /* brand_link */
   -1.43, /* critical */
   -1.20, /* talk_turns */
   -3.76, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.37, /* url */
   -0.13, /* urls */
    0.14, /* offer */
    0.28, /* code */
   -0.26, /* imperative */
   -1.26, /* handoff */
    1.19, /* self */
    1.02, /* notes */
    0.35, /* ask */
   -0.05, /* deal */
    4.48, /* own */
    0.63, /* benefit */
   -0.25, /* pause_first */
   -0.52, /* pause */
   -1.61, /* brand */
   -1.53, /* you */
   -0.03, /* dialogue */
   -0.36, /* question */
    0.14, /* turns */
    0.65, /* resume */
    0.70, /* housekeeping */
   -0.83, /* after_break */
   -0.32, /* kinds */
   -0.99, /* url_deal */
    0.02, /* url_ask */
    0.36, /* deal_ask */
   -0.46, /* named_link */
   -1.01, /* empty */
   -1.78, /* novel */
   -0.14, /* one_voice */
    1.58, /* we */
    1.10, /* elsewhere */
   -0.06, /* new_voice */
    0.09, /* new_voice_deal */
   -1.14, /* supported */
   -0.11, /* answer */
    0.05, /* brand_link */
   -0.43, /* critical */
    0.40, /* talk_turns */
    2.35, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.07, /* url */
    0.00, /* urls */
    0.72, /* offer */
    0.09, /* code */
    0.23, /* imperative */
    0.73, /* handoff */
    0.53, /* self */
    0.01, /* notes */
   -0.06, /* ask */
    0.37, /* deal */
    0.92, /* own */
    0.46, /* benefit */
    0.49, /* pause_first */
    0.49, /* pause */
   -0.00, /* brand */
    0.21, /* you */
   -1.54, /* dialogue */
   -0.44, /* question */
    0.00, /* turns */
   -0.08, /* resume */
   -0.47, /* housekeeping */
    1.67, /* after_break */
    0.59, /* kinds */
    0.51, /* url_deal */
    0.32, /* url_ask */
    0.48, /* deal_ask */
    0.00, /* named_link */
   -0.35, /* empty */
    3.19, /* novel */
    0.54, /* one_voice */
    0.12, /* we */
    0.40, /* elsewhere */
    1.55, /* new_voice */
    0.09, /* new_voice_deal */
    0.49, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.16, /* critical */
    0.00, /* talk_turns */
   -2.09, /* bias */
};
