/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         data/ad-training/reads-more.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 317 made-up reads (2539 windows) against 33741 windows of conversation and
 * made-up non-reads; 1197 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every window of real conversation seen that has
 * a read's structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 2.07

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.89, /* url */
   -0.02, /* urls */
    0.33, /* offer */
    0.11, /* code */
    0.27, /* imperative */
    0.62, /* handoff */
    0.98, /* self */
    0.02, /* notes */
    0.03, /* ask */
    0.16, /* deal */
    1.07, /* own */
    0.92, /* benefit */
    0.65, /* pause_first */
   -0.40, /* pause */
   -0.17, /* brand */
    0.61, /* you */
   -2.45, /* dialogue */
   -1.91, /* question */
   -0.38, /* turns */
   -0.36, /* resume */
   -1.28, /* housekeeping */
    1.11, /* after_break */
    1.01, /* kinds */
    0.81, /* url_deal */
    0.14, /* url_ask */
    0.48, /* deal_ask */
   -0.13, /* named_link */
   -1.01, /* empty */
    3.27, /* novel */
    0.72, /* one_voice */
   -0.12, /* we */
    0.26, /* elsewhere */
    1.51, /* new_voice */
    0.54, /* new_voice_deal */
    0.59, /* supported */
   -0.18, /* answer */
    0.50, /* brand_link */
   -1.48, /* critical */
   -1.16, /* talk_turns */
    0.52, /* ours */
    0.71, /* event */
   -0.24, /* ours_place */
   -0.24, /* they */
   -3.37, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.59, /* url */
   -0.12, /* urls */
    0.03, /* offer */
   -0.03, /* code */
   -0.22, /* imperative */
   -1.18, /* handoff */
    1.30, /* self */
    1.23, /* notes */
    0.39, /* ask */
   -0.38, /* deal */
    4.62, /* own */
   -0.32, /* benefit */
   -0.45, /* pause_first */
   -0.16, /* pause */
   -2.69, /* brand */
   -0.94, /* you */
   -0.25, /* dialogue */
   -0.15, /* question */
    0.10, /* turns */
    0.11, /* resume */
    0.60, /* housekeeping */
   -1.24, /* after_break */
    0.72, /* kinds */
   -1.06, /* url_deal */
    0.28, /* url_ask */
    0.11, /* deal_ask */
   -0.67, /* named_link */
   -0.66, /* empty */
   -0.68, /* novel */
   -0.13, /* one_voice */
    1.02, /* we */
    1.24, /* elsewhere */
    0.16, /* new_voice */
   -0.23, /* new_voice_deal */
   -1.20, /* supported */
   -0.06, /* answer */
    0.07, /* brand_link */
   -0.19, /* critical */
    0.13, /* talk_turns */
    1.17, /* ours */
    1.51, /* event */
   -0.56, /* ours_place */
   -1.31, /* they */
    1.65, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.09, /* url */
    0.00, /* urls */
    0.57, /* offer */
    0.11, /* code */
    0.23, /* imperative */
    0.71, /* handoff */
    0.41, /* self */
    0.02, /* notes */
   -0.00, /* ask */
    0.32, /* deal */
    0.81, /* own */
    0.46, /* benefit */
    0.38, /* pause_first */
    0.38, /* pause */
    0.02, /* brand */
    0.13, /* you */
   -1.60, /* dialogue */
   -0.58, /* question */
    0.00, /* turns */
    0.09, /* resume */
   -0.68, /* housekeeping */
    1.68, /* after_break */
    0.78, /* kinds */
    0.55, /* url_deal */
    0.29, /* url_ask */
    0.39, /* deal_ask */
    0.00, /* named_link */
   -0.36, /* empty */
    2.98, /* novel */
    0.49, /* one_voice */
    0.21, /* we */
    0.34, /* elsewhere */
    1.47, /* new_voice */
    0.12, /* new_voice_deal */
    0.52, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.28, /* critical */
    0.00, /* talk_turns */
    0.20, /* ours */
    0.43, /* event */
   -0.07, /* ours_place */
   -0.01, /* they */
   -1.98, /* bias */
};
