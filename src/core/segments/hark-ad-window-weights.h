/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         data/ad-training/reads-more.txt data/ad-training/reads-probes.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 336 made-up reads (2661 windows) against 33741 windows of conversation and
 * made-up non-reads; 1375 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every window of real conversation seen that has
 * a read's structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 1.84

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.81, /* url */
   -0.05, /* urls */
    0.32, /* offer */
    0.09, /* code */
    0.10, /* imperative */
    0.55, /* handoff */
    0.96, /* self */
    0.26, /* notes */
   -0.01, /* ask */
    0.15, /* deal */
    1.09, /* own */
    0.86, /* benefit */
    0.60, /* pause_first */
   -0.32, /* pause */
   -0.13, /* brand */
    0.61, /* you */
   -2.46, /* dialogue */
   -1.85, /* question */
   -0.40, /* turns */
   -0.51, /* resume */
   -1.27, /* housekeeping */
    1.10, /* after_break */
    0.97, /* kinds */
    0.80, /* url_deal */
    0.12, /* url_ask */
    0.53, /* deal_ask */
   -0.24, /* named_link */
   -0.85, /* empty */
    3.29, /* novel */
    0.71, /* one_voice */
    0.03, /* we */
    0.47, /* elsewhere */
    1.51, /* new_voice */
    0.54, /* new_voice_deal */
    0.67, /* supported */
   -0.19, /* answer */
    0.81, /* brand_link */
   -1.36, /* critical */
   -1.17, /* talk_turns */
    0.59, /* ours */
    0.80, /* event */
   -0.21, /* ours_place */
   -0.33, /* they */
   -3.49, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.67, /* url */
   -0.12, /* urls */
   -0.05, /* offer */
    0.00, /* code */
   -0.28, /* imperative */
   -1.15, /* handoff */
    1.33, /* self */
    1.26, /* notes */
    0.55, /* ask */
   -0.26, /* deal */
    4.68, /* own */
   -0.30, /* benefit */
   -0.35, /* pause_first */
   -0.25, /* pause */
   -2.71, /* brand */
   -0.99, /* you */
   -0.16, /* dialogue */
   -0.11, /* question */
    0.15, /* turns */
    0.14, /* resume */
    0.70, /* housekeeping */
   -1.25, /* after_break */
    0.76, /* kinds */
   -1.00, /* url_deal */
    0.17, /* url_ask */
    0.08, /* deal_ask */
   -0.54, /* named_link */
   -0.87, /* empty */
   -0.60, /* novel */
   -0.15, /* one_voice */
    0.87, /* we */
    1.35, /* elsewhere */
    0.11, /* new_voice */
   -0.25, /* new_voice_deal */
   -1.12, /* supported */
   -0.05, /* answer */
   -0.20, /* brand_link */
   -0.17, /* critical */
    0.17, /* talk_turns */
    1.37, /* ours */
    1.22, /* event */
   -0.47, /* ours_place */
   -1.23, /* they */
    1.62, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.07, /* url */
    0.00, /* urls */
    0.56, /* offer */
    0.12, /* code */
    0.25, /* imperative */
    0.70, /* handoff */
    0.38, /* self */
    0.05, /* notes */
    0.01, /* ask */
    0.31, /* deal */
    0.83, /* own */
    0.42, /* benefit */
    0.37, /* pause_first */
    0.37, /* pause */
    0.05, /* brand */
    0.15, /* you */
   -1.61, /* dialogue */
   -0.58, /* question */
    0.00, /* turns */
    0.08, /* resume */
   -0.72, /* housekeeping */
    1.61, /* after_break */
    0.78, /* kinds */
    0.54, /* url_deal */
    0.29, /* url_ask */
    0.42, /* deal_ask */
    0.00, /* named_link */
   -0.38, /* empty */
    3.01, /* novel */
    0.50, /* one_voice */
    0.25, /* we */
    0.34, /* elsewhere */
    1.43, /* new_voice */
    0.12, /* new_voice_deal */
    0.50, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.29, /* critical */
    0.00, /* talk_turns */
    0.36, /* ours */
    0.42, /* event */
   -0.02, /* ours_place */
    0.00, /* they */
   -2.04, /* bias */
};
