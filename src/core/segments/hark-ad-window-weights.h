/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         data/ad-training/reads-more.txt data/ad-training/reads-probes.txt \
 *         data/ad-training/reads-s21.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 455 made-up reads (3360 windows) against 36406 windows of conversation and
 * made-up non-reads; 1747 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every window of real conversation seen that has
 * a read's structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 1.91
/* … or the show's own model's: above every such window, plus 0.50. */
#define HARK_AD_WINDOW_OWN_THRESHOLD 0.94

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.73, /* url */
   -0.07, /* urls */
    0.05, /* offer */
    0.07, /* code */
   -0.05, /* imperative */
    0.51, /* handoff */
    1.05, /* self */
    0.22, /* notes */
   -0.02, /* ask */
    0.16, /* deal */
    1.18, /* own */
    0.79, /* benefit */
    0.72, /* pause_first */
   -0.52, /* pause */
    0.05, /* brand */
    0.55, /* you */
   -2.27, /* dialogue */
   -1.91, /* question */
   -0.30, /* turns */
   -0.49, /* resume */
   -1.36, /* housekeeping */
    1.06, /* after_break */
    0.84, /* kinds */
    1.01, /* url_deal */
    0.43, /* url_ask */
    0.49, /* deal_ask */
   -0.17, /* named_link */
   -0.72, /* empty */
    3.03, /* novel */
    0.70, /* one_voice */
   -0.20, /* we */
    0.51, /* elsewhere */
    1.56, /* new_voice */
    0.54, /* new_voice_deal */
    0.75, /* supported */
   -0.27, /* answer */
    0.64, /* brand_link */
   -1.42, /* critical */
   -1.10, /* talk_turns */
    0.66, /* ours */
    0.62, /* event */
    0.17, /* ours_place */
   -0.01, /* they */
   -3.41, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.57, /* url */
   -0.15, /* urls */
   -0.22, /* offer */
    0.06, /* code */
   -0.26, /* imperative */
   -1.34, /* handoff */
    1.18, /* self */
    1.47, /* notes */
    0.44, /* ask */
    0.44, /* deal */
    4.33, /* own */
   -0.53, /* benefit */
   -0.50, /* pause_first */
   -0.35, /* pause */
   -2.48, /* brand */
   -0.99, /* you */
   -0.23, /* dialogue */
   -0.25, /* question */
   -0.23, /* turns */
    0.20, /* resume */
    0.53, /* housekeeping */
   -1.29, /* after_break */
    0.75, /* kinds */
   -1.20, /* url_deal */
    0.23, /* url_ask */
   -0.09, /* deal_ask */
   -0.26, /* named_link */
   -0.86, /* empty */
   -0.66, /* novel */
   -0.04, /* one_voice */
    1.01, /* we */
    1.18, /* elsewhere */
    0.01, /* new_voice */
   -0.18, /* new_voice_deal */
   -1.14, /* supported */
   -0.11, /* answer */
   -0.35, /* brand_link */
   -0.21, /* critical */
    0.05, /* talk_turns */
    1.01, /* ours */
    1.36, /* event */
   -0.12, /* ours_place */
   -1.40, /* they */
    1.73, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.20, /* url */
    0.00, /* urls */
    0.35, /* offer */
    0.14, /* code */
    0.13, /* imperative */
    0.62, /* handoff */
    0.46, /* self */
    0.14, /* notes */
   -0.01, /* ask */
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
   -0.85, /* housekeeping */
    1.56, /* after_break */
    0.79, /* kinds */
    0.61, /* url_deal */
    0.37, /* url_ask */
    0.34, /* deal_ask */
    0.00, /* named_link */
   -0.36, /* empty */
    2.84, /* novel */
    0.44, /* one_voice */
    0.22, /* we */
    0.38, /* elsewhere */
    1.45, /* new_voice */
    0.13, /* new_voice_deal */
    0.49, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.29, /* critical */
    0.00, /* talk_turns */
    0.37, /* ours */
    0.45, /* event */
    0.06, /* ours_place */
    0.03, /* they */
   -1.98, /* bias */
};

/* Log-odds that a window is the show's own promotion rather than conversation. */
static const double hark_ad_window_own_weights[HARK_AD_W_N + 1] = {
    0.00, /* url */
    0.00, /* urls */
    0.00, /* offer */
    0.00, /* code */
   -0.59, /* imperative */
   -0.32, /* handoff */
    1.23, /* self */
    0.34, /* notes */
    0.30, /* ask */
    0.18, /* deal */
    2.39, /* own */
    0.06, /* benefit */
    0.57, /* pause_first */
   -0.72, /* pause */
   -1.19, /* brand */
    0.05, /* you */
   -2.60, /* dialogue */
   -1.28, /* question */
   -0.42, /* turns */
   -0.76, /* resume */
   -1.50, /* housekeeping */
    0.67, /* after_break */
    0.63, /* kinds */
    0.00, /* url_deal */
    0.00, /* url_ask */
    0.07, /* deal_ask */
    0.04, /* named_link */
   -1.34, /* empty */
    3.04, /* novel */
    0.38, /* one_voice */
    0.24, /* we */
    0.90, /* elsewhere */
    1.83, /* new_voice */
    0.57, /* new_voice_deal */
   -0.35, /* supported */
   -0.23, /* answer */
    0.68, /* brand_link */
   -0.92, /* critical */
   -1.03, /* talk_turns */
    1.59, /* ours */
    0.90, /* event */
   -0.01, /* ours_place */
   -0.26, /* they */
   -2.18, /* bias */
};
