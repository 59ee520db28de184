/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         data/ad-training/reads-more.txt data/ad-training/reads-probes.txt \
 *         data/ad-training/reads-s21.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 455 made-up reads (3360 windows) against 36406 windows of conversation and
 * made-up non-reads; 1600 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every window of real conversation seen that has
 * a read's structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 1.83

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.83, /* url */
   -0.07, /* urls */
    0.04, /* offer */
    0.07, /* code */
    0.16, /* imperative */
    0.48, /* handoff */
    1.01, /* self */
    0.03, /* notes */
   -0.05, /* ask */
    0.22, /* deal */
    1.27, /* own */
    0.75, /* benefit */
    0.73, /* pause_first */
   -0.50, /* pause */
    0.01, /* brand */
    0.54, /* you */
   -2.30, /* dialogue */
   -1.95, /* question */
   -0.32, /* turns */
   -0.48, /* resume */
   -1.31, /* housekeeping */
    1.07, /* after_break */
    0.89, /* kinds */
    0.83, /* url_deal */
    0.28, /* url_ask */
    0.53, /* deal_ask */
   -0.23, /* named_link */
   -0.73, /* empty */
    3.08, /* novel */
    0.70, /* one_voice */
   -0.19, /* we */
    0.51, /* elsewhere */
    1.55, /* new_voice */
    0.53, /* new_voice_deal */
    0.75, /* supported */
   -0.28, /* answer */
    0.73, /* brand_link */
   -1.43, /* critical */
   -1.11, /* talk_turns */
    0.72, /* ours */
    0.61, /* event */
   -0.13, /* ours_place */
   -0.01, /* they */
   -3.43, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.61, /* url */
   -0.15, /* urls */
   -0.21, /* offer */
    0.02, /* code */
   -0.32, /* imperative */
   -1.35, /* handoff */
    1.23, /* self */
    1.16, /* notes */
    0.45, /* ask */
    0.34, /* deal */
    4.36, /* own */
   -0.54, /* benefit */
   -0.52, /* pause_first */
   -0.34, /* pause */
   -2.58, /* brand */
   -0.97, /* you */
   -0.20, /* dialogue */
   -0.25, /* question */
   -0.24, /* turns */
    0.21, /* resume */
    0.52, /* housekeeping */
   -1.29, /* after_break */
    0.67, /* kinds */
   -1.20, /* url_deal */
    0.19, /* url_ask */
   -0.11, /* deal_ask */
   -0.37, /* named_link */
   -0.89, /* empty */
   -0.67, /* novel */
   -0.03, /* one_voice */
    1.11, /* we */
    1.15, /* elsewhere */
   -0.01, /* new_voice */
   -0.16, /* new_voice_deal */
   -1.13, /* supported */
   -0.08, /* answer */
   -0.14, /* brand_link */
   -0.23, /* critical */
    0.02, /* talk_turns */
    1.30, /* ours */
    1.31, /* event */
   -0.34, /* ours_place */
   -1.39, /* they */
    1.81, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.18, /* url */
    0.00, /* urls */
    0.37, /* offer */
    0.15, /* code */
    0.26, /* imperative */
    0.61, /* handoff */
    0.38, /* self */
    0.07, /* notes */
   -0.00, /* ask */
    0.27, /* deal */
    0.82, /* own */
    0.33, /* benefit */
    0.35, /* pause_first */
    0.35, /* pause */
    0.06, /* brand */
    0.21, /* you */
   -1.50, /* dialogue */
   -0.70, /* question */
    0.00, /* turns */
   -0.00, /* resume */
   -0.84, /* housekeeping */
    1.57, /* after_break */
    0.79, /* kinds */
    0.56, /* url_deal */
    0.30, /* url_ask */
    0.37, /* deal_ask */
    0.00, /* named_link */
   -0.37, /* empty */
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
    0.39, /* ours */
    0.45, /* event */
   -0.01, /* ours_place */
    0.02, /* they */
   -1.97, /* bias */
};
