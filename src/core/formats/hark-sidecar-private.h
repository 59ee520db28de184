/* hark-sidecar-private.h — what hark-sidecar.c and the readers share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reader gets the sidecar as normalised UTF-8 (see hark_text_normalize()) and fills a
 * builder; hark-sidecar.c decides which reader runs and finishes the transcript. The readers
 * need nothing from hark-sidecar.c: what they share is in hark-reader-util.h.
 */
#pragma once

#include "formats/hark-reader-util.h"

G_BEGIN_DECLS

typedef gboolean (*HarkSidecarReadFunc) (const char *text, HarkTranscriptBuilder *builder,
                                         HarkSidecarContext *context, GError **error);

gboolean hark_vtt_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_srt_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_timestamped_read (const char *text, HarkTranscriptBuilder *builder,
                                HarkSidecarContext *context, GError **error);
gboolean hark_labelled_read (const char *text, HarkTranscriptBuilder *builder,
                             HarkSidecarContext *context, GError **error);

gboolean hark_markdown_read (const char *text, HarkTranscriptBuilder *builder,
                             HarkSidecarContext *context, GError **error);
gboolean hark_whisper_text_read (const char *text, HarkTranscriptBuilder *builder,
                                 HarkSidecarContext *context, GError **error);
gboolean hark_whisper_tsv_read (const char *text, HarkTranscriptBuilder *builder,
                                HarkSidecarContext *context, GError **error);
gboolean hark_html_read (const char *text, HarkTranscriptBuilder *builder,
                         HarkSidecarContext *context, GError **error);
gboolean hark_ttml_read (const char *text, HarkTranscriptBuilder *builder,
                         HarkSidecarContext *context, GError **error);
gboolean hark_lrc_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_csv_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_youtube_xml_read (const char *text, HarkTranscriptBuilder *builder,
                                HarkSidecarContext *context, GError **error);
gboolean hark_trs_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_sbv_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);

/* The text format of @text (not JSON, not HTML), or AUTO when none fits. */
HarkSidecarFormat hark_sidecar_sniff_plain_text (const char *text);
/* Reads @text with the text reader of @format (one that has one). */
gboolean hark_sidecar_read_text_as (HarkSidecarFormat format, const char *text,
                                    HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                                    GError **error);

/* Content sniffers, each in its reader's file. */
gboolean hark_html_sniff (const char *text);
/* TRUE when the root element is a <tt> in a TTML (or DFXP) namespace. */
gboolean hark_ttml_sniff (const char *text);
/* TRUE when the text starts with SBV timing lines ("0:00:01.000,0:00:04.000"). */
gboolean hark_sbv_sniff (const char *text);
gboolean hark_lrc_sniff (const char *text);
gboolean hark_csv_sniff (const char *text);
gboolean hark_youtube_xml_sniff (const char *text);
/* TRUE when the root element is Transcriber's <Trans> (past its DOCTYPE). */
gboolean hark_trs_sniff (const char *text);
gboolean hark_markdown_sniff (const char *text);
gboolean hark_whisper_text_sniff (const char *text);
gboolean hark_whisper_tsv_sniff (const char *text);
/* TRUE when the text is mostly timestamped lines or headings (see hark-timestamped-reader.c). */
gboolean hark_timestamped_sniff (const char *text);
/* TRUE when @line is a heading naming a speaker before a time ("Kim [01:02]:", "Kim  1:02"). */
gboolean hark_timestamped_is_name_heading (const char *line);
/* The same, giving the name (free it), the time and the words after it on the line. */
gboolean hark_timestamped_parse_name_heading (const char *line, char **speaker, double *seconds,
                                             const char **rest);

G_END_DECLS
