/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 77 made-up reads (242 windows) against 27656 windows of conversation and
 * made-up non-reads; 143 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every not-read window seen that has a read's
 * structure (hark_ad_window_structural()), plus 0.25. */
#define HARK_AD_WINDOW_THRESHOLD 3.86

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.98, /* url */
   -0.02, /* urls */
    0.63, /* offer */
    0.11, /* code */
    0.16, /* imperative */
    0.48, /* handoff */
    0.44, /* self */
   -0.04, /* notes */
    0.79, /* ask */
    0.64, /* deal */
    1.49, /* own */
    0.55, /* benefit */
    1.14, /* pause_first */
    0.50, /* pause */
    0.32, /* brand */
    0.91, /* you */
   -2.03, /* dialogue */
   -0.30, /* question */
    0.53, /* turns */
   -0.26, /* resume */
   -0.40, /* housekeeping */
    0.55, /* after_break */
    0.57, /* kinds */
    0.86, /* url_deal */
    0.46, /* url_ask */
    0.17, /* deal_ask */
    0.28, /* named_link */
   -1.02, /* empty */
    3.69, /* novel */
    2.33, /* one_voice */
    0.18, /* we */
   -5.03, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    1.04, /* url */
   -0.15, /* urls */
   -0.52, /* offer */
   -0.22, /* code */
   -0.81, /* imperative */
   -1.31, /* handoff */
    0.95, /* self */
    0.95, /* notes */
    1.25, /* ask */
    1.01, /* deal */
    4.02, /* own */
    0.91, /* benefit */
   -1.23, /* pause_first */
    0.15, /* pause */
   -0.98, /* brand */
   -1.49, /* you */
   -0.36, /* dialogue */
   -0.70, /* question */
   -0.42, /* turns */
    0.00, /* resume */
    0.72, /* housekeeping */
   -1.44, /* after_break */
    0.15, /* kinds */
   -0.78, /* url_deal */
    0.98, /* url_ask */
   -0.53, /* deal_ask */
   -1.39, /* named_link */
   -0.18, /* empty */
   -1.97, /* novel */
    0.72, /* one_voice */
    3.71, /* we */
    0.55, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    0.88, /* url */
    0.00, /* urls */
    0.61, /* offer */
    0.06, /* code */
    0.19, /* imperative */
    0.36, /* handoff */
    0.34, /* self */
   -0.02, /* notes */
    0.17, /* ask */
    0.63, /* deal */
    0.86, /* own */
    0.74, /* benefit */
    0.81, /* pause_first */
    0.81, /* pause */
    0.06, /* brand */
    0.44, /* you */
   -1.89, /* dialogue */
   -0.03, /* question */
    0.00, /* turns */
   -0.07, /* resume */
   -0.03, /* housekeeping */
    1.04, /* after_break */
    0.62, /* kinds */
    0.44, /* url_deal */
    0.40, /* url_ask */
    0.27, /* deal_ask */
    0.00, /* named_link */
   -0.66, /* empty */
    3.57, /* novel */
    3.66, /* one_voice */
    0.44, /* we */
   -5.14, /* bias */
};
