/* hark-sidecar.c — format names, content sniffing, and the one entry point to every reader
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-sidecar-private.h"
#include "util/hark-i18n.h"

#include <stdio.h>
#include <string.h>

#include "util/hark-error.h"
#include "formats/hark-labelled-text.h"
#include "formats/hark-sidecar-json.h"
#include "formats/hark-speaker-names.h"
#include "text/hark-text-utils.h"

/* Share of non-blank lines that must look like a format before sniffing believes it. */
#define SNIFF_MIN_SHARE 0.3
/* The largest plain-text transcript (timestamped, speaker-labelled, Markdown, Whisper text or
 * TSV) read. Every line may be a turn of its own, which the transcript holds at about four
 * times the bytes: 16 MiB keeps the worst such file under 200 MB, and is some fifty times a
 * three-hour show's transcript (about 0.3 MB). Caption files (WebVTT, SubRip) keep the whole
 * HARK_TEXT_MAX_FILE_BYTES: their cue timing lines (TTML's markup) make them larger for the same
 * words. */
#define MAX_PLAIN_TEXT_BYTES (16 * 1024 * 1024)

static const struct
{
  const char *name;
  const char *label; /* for messages */
  HarkSidecarReadFunc read_text;
  HarkSidecarJsonReadFunc read_json;
  gboolean captions; /* cue timing in the text: kept to the larger cap, see MAX_PLAIN_TEXT_BYTES */
} formats[HARK_SIDECAR_N_FORMATS] = {
  [HARK_SIDECAR_FORMAT_AUTO] = { "auto", "sidecar", NULL, NULL },
  [HARK_SIDECAR_FORMAT_WEBVTT] = { "webvtt", "WebVTT", hark_vtt_read, NULL, TRUE },
  [HARK_SIDECAR_FORMAT_SRT] = { "srt", "SubRip", hark_srt_read, NULL, TRUE },
  [HARK_SIDECAR_FORMAT_PODCASTING2]
  = { "podcasting2-json", "Podcasting 2.0 transcript", NULL, hark_p20_read },
  [HARK_SIDECAR_FORMAT_CHAPTERS]
  = { "chapters-json", "Podcasting 2.0 chapters", NULL, hark_p20_chapters_read },
  [HARK_SIDECAR_FORMAT_WHISPER] = { "whisper-json", "Whisper", NULL, hark_whisper_read },
  [HARK_SIDECAR_FORMAT_SPONSORBLOCK]
  = { "sponsorblock-json", "SponsorBlock", NULL, hark_sponsorblock_read },
  [HARK_SIDECAR_FORMAT_TIMESTAMPED]
  = { "timestamped-text", "timestamped text", hark_timestamped_read, NULL },
  [HARK_SIDECAR_FORMAT_LABELLED_TEXT]
  = { "labelled-text", "speaker-labelled text", hark_labelled_read, NULL },
  [HARK_SIDECAR_FORMAT_HARK] = { "hark-json", "Hark sidecar", NULL, hark_hark_read },
  [HARK_SIDECAR_FORMAT_MARKDOWN] = { "markdown", "Markdown transcript", hark_markdown_read, NULL },
  [HARK_SIDECAR_FORMAT_WHISPER_TEXT]
  = { "whisper-text", "Whisper text", hark_whisper_text_read, NULL },
  [HARK_SIDECAR_FORMAT_WHISPER_TSV]
  = { "whisper-tsv", "Whisper TSV", hark_whisper_tsv_read, NULL },
  [HARK_SIDECAR_FORMAT_HTML] = { "html", "HTML transcript", hark_html_read, NULL },
  [HARK_SIDECAR_FORMAT_TTML] = { "ttml", "TTML captions", hark_ttml_read, NULL, TRUE },
  [HARK_SIDECAR_FORMAT_SBV] = { "sbv", "SBV captions", hark_sbv_read, NULL, TRUE },
  [HARK_SIDECAR_FORMAT_WORD_LIST]
  = { "word-list-json", "speech service words", NULL, hark_word_list_read },
  [HARK_SIDECAR_FORMAT_LRC] = { "lrc", "LRC lyrics-style transcript", hark_lrc_read, NULL },
  [HARK_SIDECAR_FORMAT_CSV] = { "csv", "spreadsheet (CSV) transcript", hark_csv_read, NULL },
  [HARK_SIDECAR_FORMAT_YOUTUBE_JSON]
  = { "youtube-json", "YouTube timed text", NULL, hark_youtube_json_read },
  [HARK_SIDECAR_FORMAT_YOUTUBE_XML]
  = { "youtube-xml", "YouTube timed text", hark_youtube_xml_read, NULL, TRUE },
  [HARK_SIDECAR_FORMAT_TRANSCRIBER]
  = { "transcriber", "Transcriber transcript", hark_trs_read, NULL, TRUE },
};

const char *
hark_sidecar_format_to_string (HarkSidecarFormat format)
{
  g_return_val_if_fail (format < HARK_SIDECAR_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
hark_sidecar_format_from_string (const char *name, HarkSidecarFormat *format)
{
  static const struct
  {
    const char *alias;
    HarkSidecarFormat format;
  } aliases[] = {
    { "vtt", HARK_SIDECAR_FORMAT_WEBVTT },
    { "json", HARK_SIDECAR_FORMAT_AUTO },
    { "txt", HARK_SIDECAR_FORMAT_AUTO },
    { "hark", HARK_SIDECAR_FORMAT_HARK },
    { "podcasting2", HARK_SIDECAR_FORMAT_PODCASTING2 },
    { "chapters", HARK_SIDECAR_FORMAT_CHAPTERS },
    { "whisper", HARK_SIDECAR_FORMAT_WHISPER },
    { "whisperx", HARK_SIDECAR_FORMAT_WHISPER },
    { "sponsorblock", HARK_SIDECAR_FORMAT_SPONSORBLOCK },
    { "timestamped", HARK_SIDECAR_FORMAT_TIMESTAMPED },
    { "labelled", HARK_SIDECAR_FORMAT_LABELLED_TEXT },
    { "md", HARK_SIDECAR_FORMAT_AUTO },
    { "mdx", HARK_SIDECAR_FORMAT_AUTO },
    { "tsv", HARK_SIDECAR_FORMAT_WHISPER_TSV },
    { "htm", HARK_SIDECAR_FORMAT_HTML },
    { "dfxp", HARK_SIDECAR_FORMAT_TTML },
    { "rev", HARK_SIDECAR_FORMAT_WORD_LIST },
    { "transcribe", HARK_SIDECAR_FORMAT_WORD_LIST },
    { "speechmatics", HARK_SIDECAR_FORMAT_WORD_LIST },
    { "spreadsheet", HARK_SIDECAR_FORMAT_CSV },
    { "json3", HARK_SIDECAR_FORMAT_YOUTUBE_JSON },
    { "srv1", HARK_SIDECAR_FORMAT_YOUTUBE_XML },
    { "srv2", HARK_SIDECAR_FORMAT_YOUTUBE_XML },
    { "srv3", HARK_SIDECAR_FORMAT_YOUTUBE_XML },
    { "trs", HARK_SIDECAR_FORMAT_TRANSCRIBER },
  };

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < HARK_SIDECAR_N_FORMATS; i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (name, aliases[i].alias) == 0)
      {
        *format = aliases[i].format;
        return TRUE;
      }
  return FALSE;
}

static gboolean
name_has_suffix (const char *filename, const char *suffix)
{
  gsize n, m;

  if (filename == NULL)
    return FALSE;
  n = strlen (filename);
  m = strlen (suffix);
  return n >= m && g_ascii_strcasecmp (filename + n - m, suffix) == 0;
}

gboolean
hark_sidecar_looks_like_audio (const guint8 *head, gsize length)
{
  static const struct
  {
    guint offset;
    const char *magic;
  } magics[] = {
    { 0, "ID3" },  { 0, "fLaC" }, { 0, "OggS" }, { 8, "WAVE" }, { 8, "AIFF" },
    { 8, "AIFC" }, { 4, "ftyp" }, { 0, "#!AMR" }, { 0, "MAC " }, { 0, "wvpk" },
    { 0, "TTA1" }, { 0, "\x1a\x45\xdf\xa3" }, { 0, "\x30\x26\xb2\x75" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    {
      gsize n = strlen (magics[i].magic);

      if (length >= magics[i].offset + n && memcmp (head + magics[i].offset, magics[i].magic, n) == 0)
        return TRUE;
    }
  /* An MPEG audio or ADTS frame sync: eleven set bits, which no UTF-8 text starts with. FF FE
   * is the UTF-16 byte order mark (and FF FE/FF a Layer I frame, which podcasts never use). */
  return length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && head[1] < 0xFE;
}

/* The first bytes of a file without an extension: audio is never a transcript. */
static gboolean
file_is_audio (const char *path)
{
  guint8 head[16];
  gsize got = 0;
  FILE *f = fopen (path, "rb");

  if (f == NULL)
    return FALSE;
  got = fread (head, 1, sizeof head, f);
  fclose (f);
  return hark_sidecar_looks_like_audio (head, got);
}

/* @extension (no dot) is one of @list (NULL-terminated), in any case. */
static gboolean
extension_in (const char *extension, const char *const *list)
{
  for (; *list; list++)
    if (g_ascii_strcasecmp (extension, *list) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hark_sidecar_is_candidate (const char *path)
{
  static const char *const extensions[]
      = { "vtt", "srt", "json", "txt", "text", "md", "mdx", "markdown", "tsv", "html", "htm",
          "ttml", "dfxp", "xml", "trs", "sbv", "lrc", "csv", "json3", "srv1", "srv2", "srv3", NULL };
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  /* ".hidden" is a name, not an extension. */
  if (dot == NULL || dot == base)
    return !file_is_audio (path);
  return extension_in (dot + 1, extensions);
}

/* The first 4 KiB hold no NUL byte and read as UTF-8 (a character cut at the end excepted) or
 * as a single-byte code page's printable text: what every reader takes. */
static gboolean
file_is_text (const char *path)
{
  guint8 head[4096];
  gsize got = 0;
  const char *end = NULL;
  guint controls = 0;
  FILE *f = fopen (path, "rb");

  if (f == NULL)
    return FALSE;
  got = fread (head, 1, sizeof head, f);
  fclose (f);
  if (got == 0 || memchr (head, '\0', got) != NULL || hark_sidecar_looks_like_audio (head, got))
    return FALSE;
  if (g_utf8_validate ((const char *) head, (gssize) got, &end)
      || (gsize) (end - (const char *) head) + 4 > got)
    return TRUE;
  for (gsize i = 0; i < got; i++)
    if (head[i] < 0x20 && head[i] != '\n' && head[i] != '\r' && head[i] != '\t')
      controls++;
  return controls == 0;
}

/* A name that says audio or video is tried as such, whatever it holds (and refused as such
 * when it is not). */
static gboolean
name_says_media (const char *path)
{
  static const char *const extensions[]
      = { "mp3", "m4a", "m4b", "aac", "ogg", "oga", "opus", "flac", "wav", "wma",  "aif",
          "aiff", "mp4", "m4v", "mkv", "mka", "webm", "mov", "avi", "3gp", "spx", "wv", NULL };
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL
         && extension_in (dot + 1, extensions);
}

gboolean
hark_sidecar_is_named_candidate (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return hark_sidecar_is_candidate (path)
         || (!name_says_media (path) && g_file_test (path, G_FILE_TEST_IS_REGULAR)
             && file_is_text (path));
}

/* Does a non-blank line among the first few hold an SRT-style "time --> time"? */
static gboolean
has_timing_arrow (const char *text)
{
  HarkLineReader reader;
  guint lines = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 50)
    {
      const char *arrow = g_strstr_len (reader.line, (gssize) reader.length, "-->");
      const char *p = reader.line;
      double seconds;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      lines++;
      if (arrow == NULL)
        continue;
      while (*p == ' ' || *p == '-')
        p++;
      if (hark_text_scan_time (p, &p, &seconds))
        return TRUE;
    }
  return FALSE;
}

/* Which JSON format the name suggests, for files too broken to tell by content. */
static HarkSidecarFormat
json_format_from_name (const char *filename)
{
  if (name_has_suffix (filename, ".hark.json"))
    return HARK_SIDECAR_FORMAT_HARK;
  if (name_has_suffix (filename, ".chapters.json"))
    return HARK_SIDECAR_FORMAT_CHAPTERS;
  return HARK_SIDECAR_FORMAT_PODCASTING2;
}

/* Text formats, most distinctive first. */
static HarkSidecarFormat
sniff_text (const char *p, const char *filename)
{
  if (strncmp (p, "WEBVTT", 6) == 0)
    return HARK_SIDECAR_FORMAT_WEBVTT;
  if (hark_sbv_sniff (p))
    return HARK_SIDECAR_FORMAT_SBV;
  /* Before SRT: Whisper's lines hold an arrow too, in brackets. */
  if (hark_whisper_text_sniff (p))
    return HARK_SIDECAR_FORMAT_WHISPER_TEXT;
  /* Before timestamped text, which "[01:02] words" lines also are. */
  if (hark_lrc_sniff (p))
    return HARK_SIDECAR_FORMAT_LRC;
  if (has_timing_arrow (p))
    return name_has_suffix (filename, ".vtt") ? HARK_SIDECAR_FORMAT_WEBVTT
                                              : HARK_SIDECAR_FORMAT_SRT;
  if (hark_whisper_tsv_sniff (p))
    return HARK_SIDECAR_FORMAT_WHISPER_TSV;
  if (hark_csv_sniff (p))
    return HARK_SIDECAR_FORMAT_CSV;
  if (hark_markdown_sniff (p))
    return HARK_SIDECAR_FORMAT_MARKDOWN;
  if (hark_timestamped_sniff (p))
    return HARK_SIDECAR_FORMAT_TIMESTAMPED;
  if (hark_labelled_text_sniff (p, SNIFF_MIN_SHARE))
    return HARK_SIDECAR_FORMAT_LABELLED_TEXT;
  return HARK_SIDECAR_FORMAT_AUTO;
}

HarkSidecarFormat
hark_sidecar_sniff_plain_text (const char *text)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  return sniff_text (p, NULL);
}

gboolean
hark_sidecar_read_text_as (HarkSidecarFormat format, const char *text,
                           HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                           GError **error)
{
  g_return_val_if_fail (format < HARK_SIDECAR_N_FORMATS && formats[format].read_text, FALSE);
  return formats[format].read_text (text, builder, context, error);
}

/* "[1, 2" or "[-0.5]": a number as JSON writes one in an array, not "[0.00 to 4.52] words". */
static gboolean
starts_json_number (const char *q)
{
  const char *p = q;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || strchr (".eE+-", *p) != NULL)
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == ',' || *p == ']' || *p == '\0';
}

/* @doc_out receives the parsed document when the text is JSON, so it is parsed only once. The
 * content decides; the name only breaks ties for files too broken to tell. */
static HarkSidecarFormat
sniff_normalized (const char *text, const char *filename, HarkJsonDoc **doc_out)
{
  const char *p = text;
  HarkSidecarFormat format;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '{' || *p == '[')
    {
      g_autoptr (HarkJsonDoc) doc = hark_json_doc_parse (text, filename ? filename : "", NULL);
      const char *q = p + 1;

      if (doc != NULL)
        {
          format = hark_json_sniff (hark_json_doc_get_root (doc));
          if (doc_out)
            *doc_out = g_steal_pointer (&doc);
          return format;
        }
      /* Not JSON: "[00:00.000 --> …]" or "[Speaker 1] [00:00]" lines, say. */
      format = sniff_text (p, filename);
      if (format != HARK_SIDECAR_FORMAT_AUTO)
        return format;
      /* Broken JSON: let the likeliest reader report where it broke. */
      while (g_ascii_isspace (*q))
        q++;
      if (*p == '{' || strchr ("[{\"]", *q) != NULL || starts_json_number (q))
        return json_format_from_name (filename);
      return HARK_SIDECAR_FORMAT_AUTO;
    }
  if (hark_ttml_sniff (p))
    return HARK_SIDECAR_FORMAT_TTML;
  if (hark_youtube_xml_sniff (p))
    return HARK_SIDECAR_FORMAT_YOUTUBE_XML;
  if (hark_trs_sniff (p))
    return HARK_SIDECAR_FORMAT_TRANSCRIBER;
  if (hark_html_sniff (p))
    return HARK_SIDECAR_FORMAT_HTML;
  format = sniff_text (p, filename);
  if (format != HARK_SIDECAR_FORMAT_AUTO)
    return format;
  if (name_has_suffix (filename, ".vtt"))
    return HARK_SIDECAR_FORMAT_WEBVTT;
  if (name_has_suffix (filename, ".srt"))
    return HARK_SIDECAR_FORMAT_SRT;
  return HARK_SIDECAR_FORMAT_AUTO;
}

HarkSidecarFormat
hark_sidecar_sniff (const char *data, gsize length, const char *filename)
{
  g_autofree char *text = hark_text_normalize (data, length, NULL, NULL);

  if (text == NULL)
    return HARK_SIDECAR_FORMAT_AUTO;
  return sniff_normalized (text, filename, NULL);
}

/* "Kim Scott" and "Kim", or "kim", are one speaker (see hark-speaker-names.h). */
static void
unify_speakers (HarkTranscriptBuilder *builder)
{
  guint n;
  const HarkSpeaker *speakers = hark_transcript_builder_get_speakers (builder, &n);
  g_autofree const char **names = NULL;
  g_autofree guint *map = NULL;

  if (n < 2)
    return;
  names = g_new (const char *, n);
  map = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    names[i] = speakers[i].name;
  if (hark_speaker_names_unify (names, n, map))
    hark_transcript_builder_merge_speakers (builder, map);
}

/* Whether @text opens with prose: mostly letters, in words, over a few lines' worth, and no
 * time. Only the start is looked at; this names what a file is, it does not read it. */
static gboolean
looks_like_prose (const char *text)
{
  guint letters = 0, others = 0, words = 0;
  gboolean in_word = FALSE;
  const char *p = text;

  /* Data (JSON, XML) opens with its brackets; prose with a word or a Markdown title. */
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '#' && !g_unichar_isalpha (g_utf8_get_char (p)))
    return FALSE;
  for (guint i = 0; *p && i < 4096; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isdigit (p[-1])))
        {
          const char *end;
          double seconds;

          if (hark_text_scan_time (p, &end, &seconds))
            return FALSE; /* it has a time: not the case this names */
        }
      if (g_unichar_isalpha (c))
        {
          letters++;
          words += in_word ? 0 : 1;
          in_word = TRUE;
          continue;
        }
      in_word = in_word && (c == '\'' || c == 0x2019 || c == '-');
      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        others++;
    }
  return words >= 12 && letters >= 9 * others;
}

/* Reads @text (normalised, taken and freed as soon as the reader is done with it: the
 * transcript keeps copies of what it needs, and a large sidecar must not be held twice). */
static HarkTranscript *
read_normalized (char *text, const char *name, HarkSidecarFormat format,
                 HarkSidecarInfo *info_out, GPtrArray *warnings, GError **error)
{
  g_autofree char *owned = text;
  g_autoptr (HarkTranscriptBuilder) builder = NULL;
  g_autoptr (HarkJsonDoc) doc = NULL;
  HarkSidecarContext context = { name ? name : "<memory>", warnings, HARK_SIDECAR_KIND_NONE };

  if (format == HARK_SIDECAR_FORMAT_AUTO)
    format = sniff_normalized (owned, name, &doc);
  if (format == HARK_SIDECAR_FORMAT_AUTO && looks_like_prose (owned))
    {
      /* Words alone: nothing to follow the audio by and nobody to give the words to. Reading
       * them anyway would take an episode's description or notes, saved under its name, for
       * its transcript. */
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s:1:1: Expected times (“[00:01:02] words”, “00:00:01,000 --> "
                     "00:00:04,000”) or speaker labels (“Name: words”) in a transcript; found "
                     "text with neither that Hark reads, so it can neither follow the audio nor "
                     "be split into turns."),
                   context.name);
      return NULL;
    }
  if (format == HARK_SIDECAR_FORMAT_AUTO)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s: This does not look like any transcript, chapter or skip format Hark "
                     "reads (tried WebVTT, SubRip, Podcasting 2.0 JSON, Whisper JSON, text and "
                     "TSV, speech services' word lists, SponsorBlock, Markdown, HTML, TTML, SBV, "
                     "LRC, CSV, YouTube timed text, Transcriber, timestamped and speaker-labelled "
                     "text)."),
                   context.name);
      return NULL;
    }

  if (formats[format].read_text && !formats[format].captions
      && strlen (owned) > MAX_PLAIN_TEXT_BYTES)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s: This %s is larger than %d MiB; Hark does not read it (a three-hour "
                     "show's transcript is well under 1 MiB)."),
                   context.name, formats[format].label, MAX_PLAIN_TEXT_BYTES / (1024 * 1024));
      return NULL;
    }
  builder = hark_transcript_builder_new ();
  if (formats[format].read_json)
    {
      if (doc == NULL)
        doc = hark_json_doc_parse (owned, context.name, error);
      /* The document holds its own strings. */
      g_clear_pointer (&owned, g_free);
      if (doc == NULL || !formats[format].read_json (doc, builder, &context, error))
        return NULL;
      g_clear_pointer (&doc, hark_json_doc_free);
    }
  else
    {
      /* Text formats only: in JSON or markup the line would be inside a structure. */
      if (format != HARK_SIDECAR_FORMAT_HTML && format != HARK_SIDECAR_FORMAT_TTML
          && format != HARK_SIDECAR_FORMAT_TRANSCRIBER)
        hark_text_drop_credit_footer (owned);
      if (!formats[format].read_text (owned, builder, &context, error))
        return NULL;
    }
  g_clear_pointer (&owned, g_free);
  /* Hark's own sidecar holds the names as the user chose them. */
  if (format != HARK_SIDECAR_FORMAT_HARK)
    unify_speakers (builder);
  if (info_out)
    {
      info_out->format = format;
      info_out->kind = context.kind;
    }
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}

static gboolean
refuse_audio (const char *data, gsize length, const char *name, GError **error)
{
  if (data == NULL || !hark_sidecar_looks_like_audio ((const guint8 *) data, length))
    return FALSE;
  g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
               _("%s: This is audio, not a transcript, chapter or skip file."),
               name ? name : "<memory>");
  return TRUE;
}

HarkTranscript *
hark_sidecar_read_data (const char *data, gsize length, const char *name, HarkSidecarFormat format,
                        HarkSidecarInfo *info_out, GPtrArray *warnings, GError **error)
{
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (format < HARK_SIDECAR_N_FORMATS, NULL);

  if (refuse_audio (data, length, name, error))
    return NULL;
  text = hark_text_normalize (data ? data : "", length, NULL, error);
  if (text == NULL)
    {
      g_prefix_error (error, "%s: ", name ? name : "<memory>");
      return NULL;
    }
  return read_normalized (text, name, format, info_out, warnings, error);
}

HarkTranscript *
hark_sidecar_read_take (char *data, gsize length, const char *name, HarkSidecarFormat format,
                        HarkSidecarInfo *info_out, GPtrArray *warnings, GError **error)
{
  char *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (format < HARK_SIDECAR_N_FORMATS, NULL);

  if (refuse_audio (data, length, name, error))
    {
      g_free (data);
      return NULL;
    }
  text = hark_text_normalize_take (data, length, NULL, error);
  if (text == NULL)
    {
      g_prefix_error (error, "%s: ", name ? name : "<memory>");
      return NULL;
    }
  return read_normalized (text, name, format, info_out, warnings, error);
}

HarkTranscript *
hark_sidecar_read (const char *path, HarkSidecarFormat format, HarkSidecarInfo *info_out,
                   GPtrArray *warnings, GError **error)
{
  char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  if (!hark_text_load_file (path, &data, &length, error))
    return NULL;
  return hark_sidecar_read_take (data, length, path, format, info_out, warnings, error);
}
