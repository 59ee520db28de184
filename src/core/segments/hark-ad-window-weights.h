/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 77 made-up reads (484 windows) against 28391 windows of conversation and
 * made-up non-reads; 247 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every not-read window seen that has a read's
 * structure (hark_ad_window_structural()), plus 0.25. */
#define HARK_AD_WINDOW_THRESHOLD 3.83

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    1.08, /* url */
   -0.09, /* urls */
    0.51, /* offer */
    0.10, /* code */
    0.18, /* imperative */
    0.55, /* handoff */
    0.59, /* self */
   -0.05, /* notes */
    0.81, /* ask */
    0.88, /* deal */
    1.88, /* own */
    0.66, /* benefit */
    1.39, /* pause_first */
    0.19, /* pause */
    0.55, /* brand */
    1.09, /* you */
   -2.44, /* dialogue */
   -0.90, /* question */
   -0.69, /* turns */
   -0.43, /* resume */
   -0.51, /* housekeeping */
    0.78, /* after_break */
    0.27, /* kinds */
    1.08, /* url_deal */
    0.50, /* url_ask */
    0.15, /* deal_ask */
    0.07, /* named_link */
   -1.07, /* empty */
    4.04, /* novel */
    0.83, /* one_voice */
    0.38, /* we */
   -4.22, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    1.11, /* url */
   -0.13, /* urls */
   -0.55, /* offer */
   -0.19, /* code */
   -0.79, /* imperative */
   -1.28, /* handoff */
    0.95, /* self */
    0.87, /* notes */
    1.04, /* ask */
    1.13, /* deal */
    4.01, /* own */
    0.95, /* benefit */
   -1.24, /* pause_first */
    0.18, /* pause */
   -1.15, /* brand */
   -1.55, /* you */
   -0.49, /* dialogue */
   -0.77, /* question */
   -0.36, /* turns */
    0.00, /* resume */
    0.72, /* housekeeping */
   -1.40, /* after_break */
    0.14, /* kinds */
   -0.73, /* url_deal */
    0.95, /* url_ask */
   -0.45, /* deal_ask */
   -1.46, /* named_link */
   -0.09, /* empty */
   -1.80, /* novel */
    0.09, /* one_voice */
    3.75, /* we */
    1.13, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.20, /* url */
    0.00, /* urls */
    0.75, /* offer */
    0.03, /* code */
    0.24, /* imperative */
    0.55, /* handoff */
    0.50, /* self */
   -0.07, /* notes */
    0.07, /* ask */
    0.71, /* deal */
    1.20, /* own */
    0.80, /* benefit */
    0.91, /* pause_first */
    0.91, /* pause */
    0.13, /* brand */
    0.63, /* you */
   -2.14, /* dialogue */
   -0.16, /* question */
    0.00, /* turns */
   -0.08, /* resume */
   -0.05, /* housekeeping */
    1.47, /* after_break */
    0.75, /* kinds */
    0.55, /* url_deal */
    0.48, /* url_ask */
    0.30, /* deal_ask */
    0.00, /* named_link */
   -0.63, /* empty */
    4.09, /* novel */
    0.69, /* one_voice */
    0.60, /* we */
   -3.14, /* bias */
};
