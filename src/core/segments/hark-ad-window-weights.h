/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         data/ad-training/reads-more.txt data/ad-training/reads-probes.txt \
 *         data/ad-training/reads-s21.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 455 made-up reads (3360 windows) against 36406 windows of conversation and
 * made-up non-reads; 1585 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every window of real conversation seen that has
 * a read's structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 1.92

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.85, /* url */
   -0.07, /* urls */
    0.06, /* offer */
    0.02, /* code */
    0.13, /* imperative */
    0.49, /* handoff */
    0.99, /* self */
    0.20, /* notes */
   -0.06, /* ask */
    0.17, /* deal */
    1.21, /* own */
    0.78, /* benefit */
    0.74, /* pause_first */
   -0.51, /* pause */
    0.05, /* brand */
    0.55, /* you */
   -2.30, /* dialogue */
   -1.91, /* question */
   -0.31, /* turns */
   -0.48, /* resume */
   -1.36, /* housekeeping */
    1.07, /* after_break */
    0.88, /* kinds */
    0.88, /* url_deal */
    0.32, /* url_ask */
    0.50, /* deal_ask */
   -0.20, /* named_link */
   -0.72, /* empty */
    3.05, /* novel */
    0.71, /* one_voice */
   -0.20, /* we */
    0.50, /* elsewhere */
    1.55, /* new_voice */
    0.54, /* new_voice_deal */
    0.75, /* supported */
   -0.28, /* answer */
    0.65, /* brand_link */
   -1.41, /* critical */
   -1.11, /* talk_turns */
    0.66, /* ours */
    0.60, /* event */
    0.19, /* ours_place */
   -0.02, /* they */
   -3.43, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.58, /* url */
   -0.16, /* urls */
   -0.25, /* offer */
    0.04, /* code */
   -0.31, /* imperative */
   -1.35, /* handoff */
    1.12, /* self */
    1.51, /* notes */
    0.46, /* ask */
    0.39, /* deal */
    4.38, /* own */
   -0.52, /* benefit */
   -0.55, /* pause_first */
   -0.27, /* pause */
   -2.52, /* brand */
   -0.99, /* you */
   -0.21, /* dialogue */
   -0.24, /* question */
   -0.23, /* turns */
    0.21, /* resume */
    0.53, /* housekeeping */
   -1.30, /* after_break */
    0.69, /* kinds */
   -1.10, /* url_deal */
    0.21, /* url_ask */
   -0.10, /* deal_ask */
   -0.32, /* named_link */
   -0.86, /* empty */
   -0.66, /* novel */
   -0.04, /* one_voice */
    1.04, /* we */
    1.20, /* elsewhere */
    0.02, /* new_voice */
   -0.19, /* new_voice_deal */
   -1.13, /* supported */
   -0.10, /* answer */
   -0.25, /* brand_link */
   -0.22, /* critical */
    0.04, /* talk_turns */
    1.03, /* ours */
    1.35, /* event */
   -0.23, /* ours_place */
   -1.40, /* they */
    1.74, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.22, /* url */
    0.00, /* urls */
    0.36, /* offer */
    0.11, /* code */
    0.24, /* imperative */
    0.61, /* handoff */
    0.38, /* self */
    0.14, /* notes */
   -0.01, /* ask */
    0.26, /* deal */
    0.82, /* own */
    0.34, /* benefit */
    0.35, /* pause_first */
    0.35, /* pause */
    0.06, /* brand */
    0.22, /* you */
   -1.49, /* dialogue */
   -0.70, /* question */
    0.00, /* turns */
   -0.00, /* resume */
   -0.86, /* housekeeping */
    1.57, /* after_break */
    0.80, /* kinds */
    0.59, /* url_deal */
    0.31, /* url_ask */
    0.34, /* deal_ask */
    0.00, /* named_link */
   -0.36, /* empty */
    2.85, /* novel */
    0.44, /* one_voice */
    0.22, /* we */
    0.37, /* elsewhere */
    1.45, /* new_voice */
    0.14, /* new_voice_deal */
    0.49, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.29, /* critical */
    0.00, /* talk_turns */
    0.37, /* ours */
    0.45, /* event */
    0.06, /* ours_place */
    0.03, /* they */
   -1.97, /* bias */
};
