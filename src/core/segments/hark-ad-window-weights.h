/* hark-ad-window-weights.h — the window model's weights, written by tools/hark-ad-fit
 *
 * Do not edit: run
 *     build/tools/hark-ad-fit data/ad-training/reads.txt data/ad-training/reads-extra.txt \
 *         ../shared/fixtures \
 *         > src/core/segments/hark-ad-window-weights.h
 * Fitted on 192 made-up reads (1517 windows) against 31331 windows of conversation and
 * made-up non-reads; 712 of the read windows pass the threshold.
 */
#pragma once

#include "segments/hark-ad-window.h"

/* Log-odds a window must reach: above every not-read window seen that has a read's
 * structure (hark_ad_window_structural()), plus 0.50. */
#define HARK_AD_WINDOW_THRESHOLD 2.31

static const double hark_ad_window_read_weights[HARK_AD_W_N + 1] = {
    0.54, /* url */
   -0.06, /* urls */
    0.52, /* offer */
    0.33, /* code */
    0.12, /* imperative */
    0.69, /* handoff */
    1.11, /* self */
    0.13, /* notes */
    0.11, /* ask */
    0.28, /* deal */
    1.38, /* own */
    0.79, /* benefit */
    0.66, /* pause_first */
   -0.24, /* pause */
    0.10, /* brand */
    0.60, /* you */
   -2.34, /* dialogue */
   -1.97, /* question */
   -0.22, /* turns */
   -0.37, /* resume */
   -0.99, /* housekeeping */
    0.96, /* after_break */
    0.94, /* kinds */
    0.60, /* url_deal */
    0.05, /* url_ask */
    0.68, /* deal_ask */
   -0.01, /* named_link */
   -0.73, /* empty */
    3.43, /* novel */
    0.71, /* one_voice */
    0.12, /* we */
    0.02, /* elsewhere */
    1.52, /* new_voice */
    0.56, /* new_voice_deal */
    0.63, /* supported */
   -0.21, /* answer */
    0.71, /* brand_link */
   -1.43, /* critical */
   -1.24, /* talk_turns */
   -3.71, /* bias */
};

/* Of reads: log-odds that it is the show's own promotion, not a sponsor's. */
static const double hark_ad_window_self_weights[HARK_AD_W_N + 1] = {
    0.02, /* url */
   -0.12, /* urls */
    0.16, /* offer */
    0.42, /* code */
   -0.01, /* imperative */
   -1.38, /* handoff */
    1.28, /* self */
    1.03, /* notes */
    0.23, /* ask */
    0.04, /* deal */
    5.09, /* own */
    0.48, /* benefit */
   -0.26, /* pause_first */
   -0.43, /* pause */
   -1.73, /* brand */
   -1.61, /* you */
   -0.05, /* dialogue */
   -0.40, /* question */
    0.11, /* turns */
    0.61, /* resume */
    0.67, /* housekeeping */
   -0.88, /* after_break */
   -0.12, /* kinds */
   -0.71, /* url_deal */
    0.05, /* url_ask */
    0.14, /* deal_ask */
   -0.88, /* named_link */
   -0.90, /* empty */
   -1.53, /* novel */
   -0.12, /* one_voice */
    1.38, /* we */
    1.30, /* elsewhere */
    0.12, /* new_voice */
    0.03, /* new_voice_deal */
   -1.00, /* supported */
   -0.20, /* answer */
    0.46, /* brand_link */
   -0.38, /* critical */
    0.17, /* talk_turns */
    1.97, /* bias */
};

/* Of one sentence next to a read: log-odds that it is part of it. */
static const double hark_ad_window_edge_weights[HARK_AD_W_N + 1] = {
    1.06, /* url */
    0.00, /* urls */
    0.64, /* offer */
    0.17, /* code */
    0.24, /* imperative */
    0.72, /* handoff */
    0.59, /* self */
    0.02, /* notes */
   -0.06, /* ask */
    0.37, /* deal */
    0.91, /* own */
    0.47, /* benefit */
    0.49, /* pause_first */
    0.49, /* pause */
   -0.01, /* brand */
    0.21, /* you */
   -1.55, /* dialogue */
   -0.44, /* question */
    0.00, /* turns */
   -0.07, /* resume */
   -0.47, /* housekeeping */
    1.75, /* after_break */
    0.58, /* kinds */
    0.52, /* url_deal */
    0.33, /* url_ask */
    0.47, /* deal_ask */
    0.00, /* named_link */
   -0.34, /* empty */
    3.18, /* novel */
    0.54, /* one_voice */
    0.09, /* we */
    0.40, /* elsewhere */
    1.55, /* new_voice */
    0.10, /* new_voice_deal */
    0.49, /* supported */
    0.00, /* answer */
    0.00, /* brand_link */
   -0.29, /* critical */
    0.00, /* talk_turns */
   -2.10, /* bias */
};
