/* hark-sidecar.h — reading every transcript, chapter and skip file that sits beside an episode
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry point for all formats. The format of .json and .txt files is decided by their
 * content, not their name. Readers are tolerant: what they can make sense of is kept, what they
 * cannot is reported as a warning "file:line:column: what was expected", and only a file with
 * nothing usable in it is an error.
 */
#pragma once

#include <glib.h>

#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef enum
{
  HARK_SIDECAR_FORMAT_AUTO,          /* sniff the content (and the name, as a tie-break) */
  HARK_SIDECAR_FORMAT_WEBVTT,        /* .vtt */
  HARK_SIDECAR_FORMAT_SRT,           /* .srt */
  HARK_SIDECAR_FORMAT_PODCASTING2,   /* Podcasting 2.0 JSON transcript */
  HARK_SIDECAR_FORMAT_CHAPTERS,      /* Podcasting 2.0 JSON chapters */
  HARK_SIDECAR_FORMAT_WHISPER,       /* Whisper / WhisperX JSON */
  HARK_SIDECAR_FORMAT_SPONSORBLOCK,  /* SponsorBlock segments JSON */
  HARK_SIDECAR_FORMAT_TIMESTAMPED,   /* "HH:MM:SS text", Otter "Name  M:SS", "Name (00:00):" */
  HARK_SIDECAR_FORMAT_LABELLED_TEXT, /* "Name: text" lines without times (HarkLabelledText) */
  HARK_SIDECAR_FORMAT_HARK,          /* Hark's own episode.hark.json */
  HARK_SIDECAR_FORMAT_MARKDOWN,      /* Markdown/MDX: "**Name:**", "[00:01:02]" marks, timed headings */
  HARK_SIDECAR_FORMAT_WHISPER_TEXT,  /* "[00:00.000 --> 00:05.000] text", "[12.34 --> 56.78] text" */
  HARK_SIDECAR_FORMAT_WHISPER_TSV,   /* Whisper .tsv: "start\tend\ttext" in milliseconds */
  HARK_SIDECAR_FORMAT_HTML,          /* HTML: <cite>/<time>/<p> turns, tables, wrapped text */
  HARK_SIDECAR_FORMAT_TTML,          /* TTML / DFXP captions, Apple's word-timed TTML */
  HARK_SIDECAR_FORMAT_SBV,           /* YouTube's .sbv: "0:00:01.000,0:00:04.000" then text */
  HARK_SIDECAR_FORMAT_WORD_LIST,     /* speech services' word lists: Rev, Amazon, Speechmatics */
  HARK_SIDECAR_FORMAT_LRC,           /* LRC: "[01:02.50]words", "[ti:…]" tags, "<01:02.80>" word times */
  HARK_SIDECAR_FORMAT_CSV,           /* spreadsheet rows under a header: "Speaker,Start Time,…,Text" */
  HARK_SIDECAR_FORMAT_YOUTUBE_JSON,  /* YouTube's json3 timed text: "events" with "segs" */
  HARK_SIDECAR_FORMAT_YOUTUBE_XML,   /* YouTube's srv1/srv2/srv3: <transcript>/<timedtext> */
  HARK_SIDECAR_FORMAT_TRANSCRIBER,   /* Transcriber's .trs XML: <Trans>, <Turn>s, <Sync> marks */
  HARK_SIDECAR_N_FORMATS
} HarkSidecarFormat;

/* What a sidecar provided. */
typedef enum
{
  HARK_SIDECAR_KIND_NONE = 0,
  HARK_SIDECAR_KIND_TIMED = 1 << 0,    /* cues or turns with times */
  HARK_SIDECAR_KIND_SPEAKERS = 1 << 1, /* speaker names */
  HARK_SIDECAR_KIND_CHAPTERS = 1 << 2,
  HARK_SIDECAR_KIND_SKIPS = 1 << 3, /* skip segments */
} HarkSidecarKind;

typedef struct
{
  HarkSidecarFormat format; /* the format read (never AUTO) */
  HarkSidecarKind kind;
} HarkSidecarInfo;

/* "webvtt", "srt", "podcasting2-json", "chapters-json", "whisper-json", "sponsorblock-json",
 * "timestamped-text", "labelled-text", "hark-json", "markdown", "whisper-text", "whisper-tsv",
 * "html" ("auto" for AUTO). */
const char *hark_sidecar_format_to_string (HarkSidecarFormat format);
/* Accepts the names above and the common extensions ("vtt", "srt", "json", "txt" give AUTO). */
gboolean hark_sidecar_format_from_string (const char *name, HarkSidecarFormat *format);

/* Whether a file named @path may hold a transcript, chapters or skips, by its name: a text
 * extension (vtt, srt, json, txt, md, tsv, lrc, csv, html, ttml, trs, sbv, …) or no extension, unless
 * the file's first bytes are audio. The content then decides the format; audio, video and
 * images never are candidates. The one rule
 * for discovery, the episode, the command line and the window. */
gboolean hark_sidecar_is_candidate (const char *path);

/* For a file the user names (on the command line, dropped on the window): a candidate by its
 * name, or, with an extension no reader is known by ("episode.captions", "notes.log") and that
 * does not say audio or video (".mp3" is always tried as audio), a file whose first bytes are
 * text. Discovery beside an audio file keeps to the names. */
gboolean hark_sidecar_is_named_candidate (const char *path);

/* Whether @length bytes from the start of a file are an audio or video container's signature
 * (ID3, MPEG sync, FLAC, Ogg, WAVE, AIFF, MP4, Matroska, ASF, …). */
gboolean hark_sidecar_looks_like_audio (const guint8 *head, gsize length);

/* Decides the format of @data (raw bytes, any supported encoding). @filename (may be NULL) is
 * only a tie-break. Returns AUTO when it looks like nothing Hark reads. */
HarkSidecarFormat hark_sidecar_sniff (const char *data, gsize length, const char *filename);

/* Reads @path. With HARK_SIDECAR_FORMAT_AUTO the content decides the format. @info_out and
 * @warnings (a GPtrArray of char *) may be NULL. A labelled text (no times) gives a transcript
 * whose turns all start at 0 with evidence 0 and whose kind lacks TIMED; read it with
 * hark_labelled_text_load() to merge it. */
HarkTranscript *hark_sidecar_read (const char *path, HarkSidecarFormat format,
                                   HarkSidecarInfo *info_out, GPtrArray *warnings, GError **error);
/* The same from memory; @name is used in messages ("name:line:column: …"), and for sniffing. */
HarkTranscript *hark_sidecar_read_data (const char *data, gsize length, const char *name,
                                        HarkSidecarFormat format, HarkSidecarInfo *info_out,
                                        GPtrArray *warnings, GError **error);
/* The same, taking @data (NUL-terminated after @length bytes, as hark_text_load_file() gives)
 * and freeing it as soon as it can: a large sidecar is held once, not copied. */
HarkTranscript *hark_sidecar_read_take (char *data, gsize length, const char *name,
                                        HarkSidecarFormat format, HarkSidecarInfo *info_out,
                                        GPtrArray *warnings, GError **error);

G_END_DECLS
