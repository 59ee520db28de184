/* hark-text-utils.h — text handling that every sidecar reader shares
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sidecars arrive with byte order marks, in UTF-16, with Windows or old Mac line endings, with
 * HTML markup and with "Name:" prefixes of every kind. These helpers turn all of that into plain
 * UTF-8 text with '\n' line endings, so each reader only deals with its own syntax.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes @data (UTF-8 with or without BOM, or UTF-16 LE/BE with BOM) into NUL-terminated UTF-8
 * with '\n' line endings (CRLF and lone CR become '\n', so line numbers stay those an editor
 * shows). Text in a one-byte code page (bytes above 127 standing alone, not forming UTF-8) is
 * read as Windows-1252. Otherwise invalid UTF-8 sequences become U+FFFD. NUL bytes become U+FFFD too, so the result is
 * one C string. Fails only for UTF-16 that cannot be decoded. */
char *hark_text_normalize (const char *data, gsize length, gsize *out_length, GError **error);
/* The same, taking @data (@length bytes and a NUL after them, as hark_text_load_file() gives):
 * valid UTF-8, the usual case, is normalised where it is, so a large sidecar is never held
 * twice. @data is freed or returned; on failure it is freed. */
char *hark_text_normalize_take (char *data, gsize length, gsize *out_length, GError **error);

/* The largest sidecar Hark reads: ten times a long episode's word-level JSON transcript. */
#define HARK_TEXT_MAX_FILE_BYTES (64 * 1024 * 1024)
/* How long reading one sidecar may take (a slow network mount) before it is given up. */
#define HARK_TEXT_READ_BUDGET_SECONDS 5

/* Reads a whole sidecar. Only a regular file is read (a FIFO, a device such as a symlink to
 * /dev/zero or a directory is refused without blocking), at most HARK_TEXT_MAX_FILE_BYTES, within
 * HARK_TEXT_READ_BUDGET_SECONDS. Errors are HARK_ERROR_NOT_FOUND, HARK_ERROR_UNSUPPORTED (not a
 * regular file, too large) or HARK_ERROR_IO, each with a sentence naming the file. */
gboolean hark_text_load_file (const char *path, char **contents, gsize *length, GError **error);

/* Decodes HTML character references (&amp; &eacute; &#233; &#xE9; and every other HTML5 name)
 * in place of @text; unknown references stay as they are. */
char *hark_text_decode_entities (const char *text);

/* Looks up an HTML5 named character reference. @name is what follows '&' (without the ';'),
 * @with_semicolon says whether a ';' followed. Returns the UTF-8 replacement or NULL. */
const char *hark_html_entity_lookup (const char *name, gsize length, gboolean with_semicolon);

/* Removes every <tag> (anything from '<' to the next '>') and decodes character references. */
char *hark_text_strip_markup (const char *text);

/* Collapses runs of white space (including newlines) into one space and trims both ends. */
char *hark_text_collapse_space (const char *text);

/* TRUE when @word is punctuation alone that belongs to the word before it ("," "." "?!" ")"
 * "”"), as speech tools write it when they give punctuation a word of its own. */
gboolean hark_text_is_closing_punctuation (const char *word);
/* TRUE when @word is punctuation alone that belongs to the word after it ("(" "“"). */
gboolean hark_text_is_opening_punctuation (const char *word);
/* Appends @word to @text as running text: after a space, except where punctuation joins the
 * two ("Hi" "," → "Hi,", "(" "laughs" → "(laughs"). */
void hark_text_append_word (GString *text, const char *word);

/* Finds a speaker prefix at the start of @line: "Name:", "NAME:", ">> Name:", "[SPEAKER_00]:",
 * "Dr. Jane Doe:". Things that only look like one are refused: "Note:", "Update:", "10:30",
 * "https://…", "[music]". On success returns TRUE, sets @speaker to the name (newly allocated,
 * brackets and ">>" removed) and @rest to the text after the colon and its spaces. */
gboolean hark_text_split_speaker (const char *line, char **speaker, const char **rest);

/* TRUE when @name could be a person or a diarisation label: up to six capitalised words
 * ("Dr. Jane Doe", "Ludwig van Beethoven", "Speaker 2", "SPEAKER_00"). */
gboolean hark_text_looks_like_name (const char *name, gsize length);

/* "Pia Moss (PM)" from @name to @name_end: the initials the transcript goes on to use after the
 * name. Where the person's name before them ends, or @name_end when the label has none. */
const char *hark_text_drop_initials (const char *name, const char *name_end);

/* TRUE when @text (@length bytes, trimmed) is a name and nothing else, as a line of its own
 * above a speaker's words: at most 48 bytes, not ending a sentence or a clause, a name by
 * hark_text_looks_like_name() and not a remark's label. */
gboolean hark_text_is_name_only (const char *text, gsize length);

/* TRUE when @name is one of the sounds captions put in brackets ("music", "laughter", …). */
gboolean hark_text_is_sound_description (const char *name, gsize length);

/* TRUE when @name is a word that introduces a remark rather than names a person ("Note",
 * "Warning", "Update", "Edit", "PS", …). */
gboolean hark_text_is_non_speaker_label (const char *name, gsize length);

/* Scans a clock time at @p: [H…:]MM:SS with an optional '.' or ',' fraction of any length
 * ("05:12.34", "100:02:03,5", "1:02:03", "4:05"). Sets @end just past it. Does not take a sign. */
gboolean hark_text_scan_time (const char *p, const char **end, double *seconds);

/* Number of characters (not bytes) from @line_start to @at, plus one: the column people see. */
guint hark_text_column (const char *line_start, const char *at);

/* The most warnings one list holds: a hostile file can have a broken block on every other
 * line, and millions of sentences would take gigabytes for nobody to read. */
#define HARK_TEXT_MAX_WARNINGS 200

/* Appends "NAME:LINE:COLUMN: MESSAGE" to @warnings (a GPtrArray of char *; may be NULL). Past
 * HARK_TEXT_MAX_WARNINGS a last one says that more were found, and the rest are dropped. */
void hark_text_warn (GPtrArray *warnings, const char *name, guint line, guint column,
                     const char *format, ...) G_GNUC_PRINTF (5, 6);
/* Whether @warnings takes another warning. The macro below asks first, so a file with millions
 * of broken blocks does not look up a translation for each one only to drop it. */
static inline gboolean
hark_text_warn_wanted (GPtrArray *warnings)
{
  return warnings != NULL && warnings->len <= HARK_TEXT_MAX_WARNINGS;
}
#define hark_text_warn(warnings, ...)                                                          \
  (hark_text_warn_wanted (warnings) ? (hark_text_warn) ((warnings), __VA_ARGS__) : (void) 0)

/* Sets a HARK_ERROR_PARSE error "NAME:LINE:COLUMN: MESSAGE". */
void hark_text_set_parse_error (GError **error, const char *name, guint line, guint column,
                                const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Walks the lines of a normalised text. @line points into the text and is not terminated;
 * @length excludes the '\n'. @number counts from 1. */
typedef struct
{
  const char *next;
  const char *line;
  gsize length;
  guint number;
} HarkLineReader;

void hark_line_reader_init (HarkLineReader *reader, const char *text);
gboolean hark_line_reader_next (HarkLineReader *reader);

/* TRUE when the line has no characters, or (with @spaces_are_blank) only white space. */
gboolean hark_text_line_is_blank (const char *line, gsize length, gboolean spaces_are_blank);

/* Cuts @text (normalised, changed in place) before a last line that credits the transcription
 * ("Transcribed by …", "Transcript generated by …"): a tool's signature, not speech. Only a short
 * line standing apart after a blank line counts, so a speaker's own sentence is never cut.
 * Returns TRUE when it cut. */
gboolean hark_text_drop_credit_footer (char *text);

G_END_DECLS
