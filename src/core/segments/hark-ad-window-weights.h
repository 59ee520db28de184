/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         data/ad-training/reads-more.txt data/ad-training/reads-probes.txt \
 *         data/ad-training/reads-s21.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 455 made-up reads (3360 windows) against 36406 windows of conversation and
 * made-up non-reads; 1729 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every window of real conversation seen that has
 * a read's structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 1.90
/* … or the show's own model's: above every such window, plus 0.50. */
#define HARK_AD_WINDOW_OWN_THRESHOLD 0.69

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.84, /* url */
   -0.07, /* urls */
    0.06, /* offer */
    0.04, /* code */
    0.02, /* imperative */
    0.50, /* handoff */
    1.04, /* self */
    0.19, /* notes */
   -0.03, /* ask */
    0.17, /* deal */
    1.18, /* own */
    0.79, /* benefit */
    0.74, /* pause_first */
   -0.52, /* pause */
    0.06, /* brand */
    0.56, /* you */
   -2.28, /* dialogue */
   -1.90, /* question */
   -0.31, /* turns */
   -0.48, /* resume */
   -1.38, /* housekeeping */
    1.07, /* after_break */
    0.85, /* kinds */
    0.89, /* url_deal */
    0.34, /* url_ask */
    0.51, /* deal_ask */
   -0.18, /* named_link */
   -0.71, /* empty */
    3.06, /* novel */
    0.70, /* one_voice */
   -0.21, /* we */
    0.51, /* elsewhere */
    1.56, /* new_voice */
    0.54, /* new_voice_deal */
    0.74, /* supported */
   -0.28, /* answer */
    0.65, /* brand_link */
   -1.42, /* critical */
   -1.11, /* talk_turns */
    0.66, /* ours */
    0.61, /* event */
    0.18, /* ours_place */
   -0.03, /* they */
   -3.44, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.58, /* url */
   -0.16, /* urls */
   -0.25, /* offer */
    0.05, /* code */
   -0.30, /* imperative */
   -1.34, /* handoff */
    1.13, /* self */
    1.51, /* notes */
    0.45, /* ask */
    0.39, /* deal */
    4.37, /* own */
   -0.52, /* benefit */
   -0.54, /* pause_first */
   -0.29, /* pause */
   -2.51, /* brand */
   -0.99, /* you */
   -0.21, /* dialogue */
   -0.24, /* question */
   -0.23, /* turns */
    0.21, /* resume */
    0.54, /* housekeeping */
   -1.30, /* after_break */
    0.69, /* kinds */
   -1.10, /* url_deal */
    0.21, /* url_ask */
   -0.11, /* deal_ask */
   -0.31, /* named_link */
   -0.87, /* empty */
   -0.68, /* novel */
   -0.04, /* one_voice */
    1.03, /* we */
    1.19, /* elsewhere */
    0.02, /* new_voice */
   -0.19, /* new_voice_deal */
   -1.13, /* supported */
   -0.10, /* answer */
   -0.25, /* brand_link */
   -0.22, /* critical */
    0.05, /* talk_turns */
    1.03, /* ours */
    1.35, /* event */
   -0.24, /* ours_place */
   -1.41, /* they */
    1.75, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.22, /* url */
    0.00, /* urls */
    0.36, /* offer */
    0.11, /* code */
    0.17, /* imperative */
    0.61, /* handoff */
    0.46, /* self */
    0.14, /* notes */
    0.00, /* ask */
    0.26, /* deal */
    0.81, /* own */
    0.34, /* benefit */
    0.35, /* pause_first */
    0.35, /* pause */
    0.07, /* brand */
    0.22, /* you */
   -1.49, /* dialogue */
   -0.69, /* question */
    0.00, /* turns */
   -0.00, /* resume */
   -0.86, /* housekeeping */
    1.57, /* after_break */
    0.79, /* kinds */
    0.59, /* url_deal */
    0.33, /* url_ask */
    0.35, /* deal_ask */
    0.00, /* named_link */
   -0.36, /* empty */
    2.85, /* novel */
    0.44, /* one_voice */
    0.21, /* we */
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
    0.05, /* ours_place */
    0.03, /* they */
   -1.97, /* bias */
};

/* Log-odds that a window is the show's own promotion rather than conversation. */
static const double hark_ad_window_own_weights[HARK_AD_W_N + 1] = {
    0.00, /* url */
    0.00, /* urls */
    0.00, /* offer */
    0.00, /* code */
   -0.59, /* imperative */
   -0.33, /* handoff */
    1.22, /* self */
    0.34, /* notes */
    0.30, /* ask */
    0.17, /* deal */
    2.42, /* own */
    0.09, /* benefit */
    0.60, /* pause_first */
   -0.71, /* pause */
   -1.18, /* brand */
    0.04, /* you */
   -2.62, /* dialogue */
   -1.28, /* question */
   -0.42, /* turns */
   -0.67, /* resume */
   -1.51, /* housekeeping */
    0.65, /* after_break */
    0.64, /* kinds */
    0.00, /* url_deal */
    0.00, /* url_ask */
    0.07, /* deal_ask */
    0.03, /* named_link */
   -1.34, /* empty */
    3.06, /* novel */
    0.39, /* one_voice */
    0.22, /* we */
    0.89, /* elsewhere */
    1.82, /* new_voice */
    0.57, /* new_voice_deal */
   -0.35, /* supported */
   -0.23, /* answer */
    0.68, /* brand_link */
   -0.92, /* critical */
   -1.02, /* talk_turns */
    1.57, /* ours */
    0.92, /* event */
   -0.01, /* ours_place */
   -0.27, /* they */
   -2.20, /* bias */
};
