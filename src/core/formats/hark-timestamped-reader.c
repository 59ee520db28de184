/* hark-timestamped-reader.c — plain text with a time at the start of each paragraph
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts people publish:
 *   00:01:02 Some words           one line per cue, optional "[…]" and "Name:" after the time
 *   00:01:02<tab>Name<tab>words   the same as a spreadsheet's columns (or the name first)
 *   Michael Kennedy  1:02         Otter: a heading with a name and a time, the words below
 *   Michael Kennedy (00:01:02):   a heading with the time in brackets, words after or below;
 *   (00:01:02):                   Rev then goes on in the same voice with the time alone
 *   Kim [01:02]: / Kim - 1:02 / Kim | 1:02 / Kim: (01:02) / Kim – 01:02:
 *                                 the same headings with other separators (Rev puts the colon
 *                                 before the time)
 *   00:01:02 <v Kim>words         the name in a voice tag, or in bold ("**Kim** words")
 *   00:01:02 Kim — words          the name set off by a dash rather than a colon (so only when
 *                                 most lines of the file name a speaker that way)
 *   Kim                           Descript, Riverside: the name on a line of its own, then the
 *   00:01:02                      time on its own, then the words (or the time first, then
 *   words…                        the name)
 * Times may carry a fraction ("00:01:02,500") or video frames ("00:01:02:12").
 * Each heading starts a cue that ends where the next one starts; nothing says where the last
 * one ends, so it is given the time its words take at the file's own pace.
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-label-tally.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-pages.h"
#include "text/hark-text-utils.h"

typedef struct
{
  double start;
  char *speaker;    /* NULL when the heading names nobody */
  const char *text; /* the words on the heading's own line, may be empty */
  const char *label_at; /* where a "Name:" label taken as the speaker starts, else NULL: it is
                         * believed only when the file's labels say so (hark-label-tally.h) */
} Heading;

/* "00:01:02:12": an editor's time with a frame count, which says less than a second. */
static const char *
skip_frames (const char *p)
{
  if (p[0] == ':' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]))
    return p + 3;
  return p;
}

/* "00:01:02 - 00:01:08": a range's end, which the next line's start gives as well. */
static const char *
skip_range_end (const char *p)
{
  const char *q = hark_reader_skip_blanks (p);
  double seconds;

  if (*q == '-')
    q++;
  else if (g_str_has_prefix (q, "–"))
    q += strlen ("–");
  else
    return p;
  q = hark_reader_skip_blanks (q);
  if (!hark_text_scan_time (q, &q, &seconds))
    return p;
  return skip_frames (q);
}

/* "<v Kim Scott>words" (a WebVTT voice tag) or "**Kim Scott** words" (bold, with or without a
 * colon): the speaker marked up rather than labelled. */
static gboolean
split_marked_name (const char *p, char **speaker, const char **rest)
{
  const char *name, *end, *after;

  if (g_str_has_prefix (p, "<v ") || g_str_has_prefix (p, "<v."))
    {
      name = strchr (p, ' ');
      end = strchr (p, '>');
      if (name == NULL || end == NULL || name > end)
        return FALSE;
      name = hark_reader_skip_blanks (name);
      after = end + 1;
    }
  else if (g_str_has_prefix (p, "**"))
    {
      name = p + 2;
      end = strstr (name, "**");
      if (end == NULL)
        return FALSE;
      after = end + 2;
      if (end > name && end[-1] == ':')
        end--;
      else if (*after == ':')
        after++;
    }
  else
    return FALSE;
  while (end > name && end[-1] == ' ')
    end--;
  end = hark_text_drop_initials (name, end);
  if (end == name || end - name > 48 || !hark_text_looks_like_name (name, (gsize) (end - name))
      || hark_text_is_non_speaker_label (name, (gsize) (end - name)))
    return FALSE;
  *speaker = g_strndup (name, (gsize) (end - name));
  *rest = hark_reader_skip_blanks (after);
  return TRUE;
}

/* "00:01:02 text", "[00:01:02] text", "(1:02) - text", "00:01:02" alone. */
static gboolean
parse_time_first (const char *line, Heading *heading)
{
  const char *p = hark_reader_skip_blanks (line);
  char close = '\0';
  const char *rest, *tab;

  if (*p == '[')
    close = ']';
  else if (*p == '(')
    close = ')';
  if (close)
    p++;
  if (!hark_text_scan_time (p, &p, &heading->start))
    return FALSE;
  p = skip_frames (p);
  p = skip_range_end (p);
  if (close)
    {
      if (*p != close)
        return FALSE;
      p++;
      /* "(00:01:02):": Rev's heading for the same voice going on, with the name left out. */
      if (*p == ':')
        p++;
    }
  if (*p != '\0' && *p != ' ' && *p != '\t')
    return FALSE;
  p = hark_reader_skip_blanks (p);
  /* A dash between time and words: "00:01:02 - Hello" */
  if (*p == '-' && p[1] == ' ')
    p = hark_reader_skip_blanks (p + 1);
  else if (g_str_has_prefix (p, "– "))
    p = hark_reader_skip_blanks (p + strlen ("– "));
  else if (g_str_has_prefix (p, "— "))
    p = hark_reader_skip_blanks (p + strlen ("— "));
  if (split_marked_name (p, &heading->speaker, &p))
    {
      heading->text = p;
      return TRUE;
    }
  tab = strchr (p, '\t');
  if (tab != NULL && hark_text_looks_like_name (p, (gsize) (tab - p))
      && !hark_text_is_non_speaker_label (p, (gsize) (tab - p)))
    {
      /* "00:01:02<tab>Kim Scott<tab>words": a spreadsheet's columns pasted as text. */
      heading->speaker = g_strndup (p, (gsize) (tab - p));
      p = hark_reader_skip_blanks (tab);
    }
  else if (hark_text_split_speaker (p, &heading->speaker, &rest))
    {
      heading->label_at = p;
      p = rest;
    }
  heading->text = p;
  return TRUE;
}

/* Where the name before a heading's time ends: past the blanks and one separator ("Kim - 1:02",
 * "Kim | 1:02", "Kim — 1:02", "Kim: (01:02)"). */
static const char *
trim_name_end (const char *name, const char *end)
{
  static const char *const separators[] = { "-", "|", ":", "–", "—", "·", "•" };

  while (end > name && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize n = strlen (separators[i]);

      if ((gsize) (end - name) > n && strncmp (end - n, separators[i], n) == 0)
        {
          end -= n;
          while (end > name && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
          break;
        }
    }
  return end;
}

/* "Name  M:SS" (Otter, also "Name – M:SS:") and "Name (00:00):" / "Name [00:00]" with optional
 * words after. */
static gboolean
parse_name_first (const char *line, Heading *heading)
{
  const char *p = hark_reader_skip_blanks (line);
  const char *time_at, *name_end, *after;
  const char *tab = strchr (p, '\t');
  char close = '\0';

  /* "Kim Scott<TAB>00:01:02<TAB>words": a spreadsheet's columns, the name first. */
  if (tab != NULL && tab > p && hark_text_looks_like_name (p, (gsize) (tab - p))
      && !hark_text_is_non_speaker_label (p, (gsize) (tab - p))
      && hark_text_scan_time (hark_reader_skip_blanks (tab), &after, &heading->start))
    {
      after = skip_frames (after);
      if (*after == '\t' || *after == '\0')
        {
          heading->speaker = g_strndup (p, (gsize) (tab - p));
          heading->text = hark_reader_skip_blanks (after);
          return TRUE;
        }
    }
  time_at = strpbrk (p, "([");
  /* "Pia Moss (PM) 00:01": her initials come before the time. */
  if (time_at != NULL && *time_at == '(' && strchr (time_at, ')') != NULL
      && hark_text_drop_initials (p, strchr (time_at, ')') + 1) < time_at)
    time_at = strpbrk (strchr (time_at, ')'), "([");
  if (time_at)
    close = *time_at == '(' ? ')' : ']';
  else
    {
      /* Otter: the time is the last word. */
      time_at = p + strlen (p);
      while (time_at > p && time_at[-1] != ' ' && time_at[-1] != '\t')
        time_at--;
    }
  if (*time_at == '\0')
    return FALSE;
  name_end = hark_text_drop_initials (p, trim_name_end (p, time_at));
  if (name_end == p || !hark_text_looks_like_name (p, (gsize) (name_end - p))
      || hark_text_is_non_speaker_label (p, (gsize) (name_end - p)))
    return FALSE;

  if (!hark_text_scan_time (time_at + (close ? 1 : 0), &after, &heading->start))
    return FALSE;
  after = skip_frames (after);
  if (close)
    {
      if (*after != close)
        return FALSE;
      after++;
      if (*after == ':')
        after++;
    }
  /* "Kim – 00:02:46:": a colon after the time ends the heading as it would after a name. */
  else if (*after == ':' && *hark_reader_skip_blanks (after + 1) == '\0')
    after++;
  after = hark_reader_skip_blanks (after);
  /* Otter's heading has nothing after the time; the bracketed one may carry words. */
  if (!close && *after != '\0')
    return FALSE;
  heading->speaker = g_strndup (p, (gsize) (name_end - p));
  heading->text = after;
  return TRUE;
}

static gboolean
parse_heading (const char *line, Heading *heading)
{
  heading->speaker = NULL;
  heading->text = NULL;
  heading->label_at = NULL;
  return parse_time_first (line, heading) || parse_name_first (line, heading);
}

gboolean
hark_timestamped_is_name_heading (const char *line)
{
  return hark_timestamped_parse_name_heading (line, NULL, NULL, NULL);
}

gboolean
hark_timestamped_parse_name_heading (const char *line, char **speaker, double *seconds,
                                     const char **rest)
{
  Heading heading = { 0 };

  if (!parse_name_first (line, &heading))
    return FALSE;
  if (speaker)
    *speaker = g_steal_pointer (&heading.speaker);
  if (seconds)
    *seconds = heading.start;
  if (rest)
    *rest = heading.text;
  g_free (heading.speaker);
  return TRUE;
}

/* A non-blank line, read once. */
typedef struct
{
  char *text;
  guint number;
  gboolean is_heading;
  Heading heading;
} Line;

static void
line_clear (Line *line)
{
  g_free (line->text);
  g_free (line->heading.speaker);
}

/* "Kim Scott 00:01:02 words": a name, a time, the words on one line. Believed only when most
 * lines of the file are so and few names share them (names_then_times()). */
static gboolean
parse_name_time_words (const char *line, Heading *heading)
{
  const char *p = hark_reader_skip_blanks (line);
  const char *time_at = NULL, *after;
  double start;

  for (const char *q = p; *q && q - p <= 48; q++)
    if (q > p && q[-1] == ' ' && g_ascii_isdigit (*q))
      {
        time_at = q;
        break;
      }
  if (time_at == NULL || !hark_text_scan_time (time_at, &after, &start))
    return FALSE;
  after = skip_frames (after);
  if (*after != ' ' && *after != '\t')
    return FALSE;
  after = hark_reader_skip_blanks (after);
  if (*after == '\0' || !hark_text_is_name_only (p, (gsize) (time_at - 1 - p)))
    return FALSE;
  heading->start = start;
  heading->speaker = g_strndup (p, (gsize) (time_at - 1 - p));
  heading->text = after;
  return TRUE;
}

/* Whether the lines that are no heading are mostly "Name 00:01:02 words" with few names. */
static gboolean
names_then_times (GArray *lines)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint matched = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      Heading heading = { 0 };

      if (l->is_heading || !parse_name_time_words (l->text, &heading))
        continue;
      matched++;
      g_hash_table_add (names, heading.speaker);
    }
  return matched >= 2 && matched * 3 >= lines->len * 2
         && g_hash_table_size (names) * 2 <= matched + 2;
}

/* "00:02:10 Two: the handle.": a word that opens the words after a time, taken for a name. The
 * names the file gives in every way count towards recurrence; a "Name:" label that the tally
 * does not trust goes back into the words. */
static void
distrust_lone_labels (GArray *lines)
{
  g_autoptr (HarkLabelTally) tally = hark_label_tally_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (!l->is_heading)
        continue;
      if (l->heading.speaker != NULL)
        hark_label_tally_add (tally, l->heading.speaker);
      hark_label_tally_add_opening (tally, l->heading.speaker != NULL);
    }
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (l->is_heading && l->heading.label_at != NULL
          && !hark_label_tally_trusts_opening (tally, l->heading.speaker, l->heading.text))
        {
          g_clear_pointer (&l->heading.speaker, g_free);
          l->heading.text = l->heading.label_at;
          l->heading.label_at = NULL;
        }
    }
}

/* The file's non-blank lines (at most @max), each parsed as a heading where it is one. A
 * transcript saved from a PDF keeps its pages' furniture: "Page 3 of 45" and, after each form
 * feed, a running header; neither is anyone's words. */
static GArray *
collect_lines (const char *text, guint max)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  HarkLineReader reader;
  g_autofree char *running_header = hark_text_find_running_header (text);

  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  hark_line_reader_init (&reader, text);
  while (lines->len < max && hark_line_reader_next (&reader))
    {
      Line l;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE)
          || hark_text_line_is_page_furniture (reader.line, reader.length, running_header))
        continue;
      l.text = g_strchomp (g_strndup (reader.line, reader.length));
      l.number = reader.number;
      l.heading.speaker = NULL;
      l.is_heading = parse_heading (l.text, &l.heading);
      g_array_append_val (lines, l);
    }
  distrust_lone_labels (lines);
  if (names_then_times (lines))
    for (guint i = 0; i < lines->len; i++)
      {
        Line *l = &g_array_index (lines, Line, i);

        if (!l->is_heading)
          l->is_heading = parse_name_time_words (l->text, &l->heading);
      }
  return lines;
}

/* Headings alone on their lines that make a file of long wrapped turns a transcript. */
#define MIN_LONE_HEADINGS 8

gboolean
hark_timestamped_sniff (const char *text)
{
  g_autoptr (GArray) lines = collect_lines (text, 200);
  guint headings = 0, alone = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      headings += l->is_heading;
      alone += l->is_heading && *l->heading.text == '\0';
    }
  /* Otter paragraphs may wrap over a few lines, so a fifth of the lines is enough. A PDF's
   * lines wrap a long turn over many more, and there headings stand alone on their lines
   * ("Kim Scott (00:01:02):"), which prose does not do: a tenth is enough for those. */
  return headings >= 2
         && (headings * 5 >= lines->len || (alone >= MIN_LONE_HEADINGS && alone * 10 >= lines->len));
}

/* Starts like HarkTimedItem, for hark_sidecar_fill_missing_ends(). */
typedef struct
{
  double start;
  double end;
  int speaker;
  GString *text;
} PendingCue;

/* Where a "<v Name>" tag starts inside @p, with its name and the text after it; NULL when there
 * is none. Any voice tag is markup to drop; only a name-like one changes the speaker. */
static const char *
find_voice_tag (const char *p, const char **name, gsize *name_length, const char **after)
{
  for (const char *tag = strstr (p, "<v"); tag != NULL; tag = strstr (tag + 2, "<v"))
    {
      const char *close;

      if (tag[2] != ' ' && tag[2] != '.')
        continue;
      close = strchr (tag, '>');
      if (close == NULL || close - tag > 80)
        continue;
      *name = strchr (tag, ' ');
      if (*name == NULL || *name > close)
        *name = close;
      *name = hark_reader_skip_blanks (*name);
      *name_length = (gsize) (close - *name);
      while (*name_length > 0 && (*name)[*name_length - 1] == ' ')
        (*name_length)--;
      *after = close + 1;
      return tag;
    }
  return NULL;
}

static void
add_text (HarkTranscriptBuilder *builder, double start, double end, const char *text,
          gsize length, int speaker)
{
  g_autofree char *part = g_strndup (text, length);
  g_autofree char *decoded = hark_text_decode_entities (part);
  g_autofree char *collapsed = hark_text_collapse_space (decoded);

  hark_transcript_builder_add_cue (builder, start, end, collapsed, speaker);
}

/* A cue whose line goes on with another "<v Name>" (captions exported line by line keep the
 * tag where the voice changes) becomes a cue per voice, sharing the time by their text. */
static void
add_pending_cue (HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                 const PendingCue *cue)
{
  g_autoptr (GString) untagged = g_string_new (cue->text->str);
  const char *text, *p, *tag, *name, *after;
  gsize name_length, total = 0, before = 0;
  int speaker = cue->speaker;

  g_string_replace (untagged, "</v>", "", 0);
  text = untagged->str;

  if (find_voice_tag (text, &name, &name_length, &after) == NULL)
    {
      add_text (builder, cue->start, cue->end, text, strlen (text), speaker);
      return;
    }
  /* The parts' lengths without their tags: the share of time each gets. */
  for (p = text; (tag = find_voice_tag (p, &name, &name_length, &after)) != NULL; p = after)
    total += (gsize) (tag - p);
  total += strlen (p);
  for (p = text;; p = after)
    {
      gsize length;
      double start, end;

      tag = find_voice_tag (p, &name, &name_length, &after);
      length = tag ? (gsize) (tag - p) : strlen (p);
      if (!hark_text_line_is_blank (p, length, TRUE))
        {
          hark_sidecar_split_time (cue->start, cue->end, before, length, total, &start, &end);
          add_text (builder, start, end, p, length, speaker);
        }
      before += length;
      if (tag == NULL)
        break;
      if (name_length > 0 && name_length <= 48 && hark_text_looks_like_name (name, name_length)
          && !hark_text_is_non_speaker_label (name, name_length))
        {
          g_autofree char *voice = g_strndup (name, name_length);

          speaker = hark_transcript_builder_add_speaker (builder, voice, voice);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
    }
}

static int
compare_start (gconstpointer a, gconstpointer b)
{
  double sa = ((const PendingCue *) a)->start, sb = ((const PendingCue *) b)->start;

  return (sa > sb) - (sa < sb);
}

static void
pending_cue_clear (PendingCue *cue)
{
  g_string_free (cue->text, TRUE);
}

/* "00:01:02 Kim Scott": a time, then a name and nothing else; the words follow below. */
static gboolean
is_time_and_name (const Line *line)
{
  const char *text = line->is_heading ? line->heading.text : NULL;

  return line->heading.speaker == NULL && text != NULL && hark_text_is_name_only (text, strlen (text));
}

/* A time with nothing else on its line. */
static gboolean
is_bare_time (const Line *line)
{
  return line->is_heading && line->heading.speaker == NULL && *line->heading.text == '\0';
}

/* A line that is only a name. */
static gboolean
is_lone_name (const Line *line)
{
  return !line->is_heading && hark_text_is_name_only (line->text, strlen (line->text));
}

typedef enum
{
  NAME_NONE,
  NAME_BEFORE, /* the name's line, then the time's */
  NAME_AFTER,  /* the time's line, then the name's */
  NAME_ON_TIME_LINE, /* "00:01:02 Kim Scott", then the words */
  NAME_DASHED,       /* "00:01:02 Kim Scott — words" */
} Layout;

#define MAX_DASHED_NAME 48

/* "Kim Scott — words": the name's length and where the words start. */
static gboolean
split_dashed_name (const char *text, gsize *name_length, const char **rest)
{
  static const char *const dashes[] = { " — ", " – ", " - " };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      const char *dash = strstr (text, dashes[i]);
      gsize length = dash ? (gsize) (dash - text) : 0;

      if (dash == NULL || length == 0 || length > MAX_DASHED_NAME
          || !hark_text_is_name_only (text, length))
        continue;
      *name_length = length;
      *rest = hark_reader_skip_blanks (dash + strlen (dashes[i]));
      return TRUE;
    }
  return FALSE;
}

/* Whether the dash after the time sets off a speaker's name: so when most lines with words do
 * it, with few names among them (one line that opens "Right — so" is an answer, not a name). */
static gboolean
names_are_dashed (GArray *lines)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint with_words = 0, dashed = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      const char *rest;
      gsize length;

      if (!l->is_heading || l->heading.speaker != NULL || *l->heading.text == '\0')
        continue;
      with_words++;
      if (!split_dashed_name (l->heading.text, &length, &rest))
        continue;
      dashed++;
      g_hash_table_add (names, g_strndup (l->heading.text, length));
    }
  return dashed >= 2 && dashed * 3 >= with_words * 2
         && g_hash_table_size (names) * 2 <= dashed + 2;
}

/* Whether bare times come with a name on the line before or after them: so when most do
 * (one word alone on a line next to a time is otherwise just a short answer). */
static Layout
lone_name_layout (GArray *lines)
{
  guint bare = 0, before = 0, after = 0, with_words = 0, named = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (l->is_heading && l->heading.speaker == NULL && !is_bare_time (l))
        {
          with_words++;
          named += is_time_and_name (l) && i + 1 < lines->len && !l[1].is_heading;
        }
      if (!is_bare_time (l))
        continue;
      bare++;
      if (i > 0 && is_lone_name (l - 1))
        before++;
      if (i + 1 < lines->len && is_lone_name (l + 1))
        after++;
    }
  if (named >= 2 && named * 2 >= with_words && with_words >= bare)
    return NAME_ON_TIME_LINE;
  if (bare < 2)
    return NAME_NONE;
  if (before * 2 >= bare && before >= after)
    return NAME_BEFORE;
  if (after * 2 >= bare)
    return NAME_AFTER;
  return NAME_NONE;
}

/* ---- Show notes below the transcript ---------------------------------------------------- */

/* The most words a chapter title in show notes has: more is a line of the transcript. */
#define MAX_NOTES_TITLE_WORDS 12
/* Fewer cues than this say too little about how many paragraphs a cue has: a short file's
 * last turn may well be the only one with a second paragraph. */
#define MIN_CUES_FOR_SHAPE 8

/* Whether line @i only names the speaker of the heading next to it (the Descript layouts):
 * it is no words of a cue. */
static gboolean
is_name_line (GArray *lines, guint i, Layout layout)
{
  const Line *l = &g_array_index (lines, Line, i);

  if (layout == NAME_BEFORE)
    return i + 1 < lines->len && is_lone_name (l) && is_bare_time (l + 1);
  if (layout == NAME_AFTER)
    return i > 0 && is_bare_time (l - 1) && is_lone_name (l);
  return FALSE;
}

/* "00:15 Spouts": a time and a short title naming nobody, as a chapter list gives them. */
static gboolean
is_chapter_entry (const Line *l)
{
  guint words = 1;

  if (!l->is_heading || l->heading.speaker != NULL || *l->heading.text == '\0')
    return FALSE;
  for (const char *q = l->heading.text; *q; q++)
    words += *q == ' ';
  return words <= MAX_NOTES_TITLE_WORDS && strlen (l->heading.text) <= 120;
}

/* A chapter list below the transcript ("00:00 Intro", "00:15 Spouts"): the last headings of the
 * file, two or more short titles naming nobody in rising order, whose first time goes back on
 * the transcript's latest. Their times are not cues. Returns the index of the list's first
 * line, or lines->len when there is none. */
static guint
find_trailing_chapters (GArray *lines)
{
  guint first = lines->len, n = 0;
  double latest = -1, next = G_MAXDOUBLE;

  for (guint i = lines->len; i-- > 0;)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (!l->is_heading)
        continue;
      if (!is_chapter_entry (l) || l->heading.start >= next)
        break;
      first = i;
      next = l->heading.start;
      n++;
    }
  if (n < 2)
    return lines->len;
  for (guint i = 0; i < first; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (l->is_heading)
        latest = MAX (latest, l->heading.start);
    }
  return latest > g_array_index (lines, Line, first).heading.start ? first : lines->len;
}

/* Whether line @i starts a paragraph of a cue's words: the first line under the heading, or
 * one after a blank line. */
static gboolean
starts_paragraph (GArray *lines, guint i, Layout layout)
{
  const Line *l = &g_array_index (lines, Line, i);

  return i > 0 && !l->is_heading && !is_name_line (lines, i, layout)
         && (l[-1].is_heading || is_name_line (lines, i - 1, layout)
             || l[-1].number + 1 != l->number);
}

/* Where the show notes below the transcript start (links, credits, a footer naming the tool
 * that made it), or @end when there are none: the paragraphs after the last cue's own words.
 * A cue holds as many paragraphs as the file's other cues hold at most (none when the words sit
 * on the time's line, one under an Otter heading); what the last one has past that is not
 * speech. Lines from @end on are a chapter list (find_trailing_chapters()). */
static guint
find_trailing_notes (GArray *lines, Layout layout, guint end)
{
  guint cues = 0, most = 0, blocks = 0, last_heading = end;

  for (guint i = 0; i < end; i++)
    {
      if (g_array_index (lines, Line, i).is_heading)
        {
          if (last_heading < end)
            {
              most = MAX (most, blocks);
              cues++;
            }
          last_heading = i;
          blocks = 0;
        }
      else if (last_heading < end && starts_paragraph (lines, i, layout))
        blocks++;
    }
  if (cues < MIN_CUES_FOR_SHAPE || last_heading == end)
    return end;
  blocks = 0;
  for (guint i = last_heading + 1; i < end; i++)
    if (starts_paragraph (lines, i, layout) && ++blocks > most)
      return i;
  return end;
}

/* Longer than any one turn: a hostile file's last cue may hold the rest of it. */
#define MAX_ESTIMATED_SECONDS 600.0

/* The last cues end where nothing says: given the time their words take at the pace the file's
 * other cues are spoken at, rather than none (an instant the player could never show). */
static void
estimate_last_ends (GArray *cues)
{
  const PendingCue *first;
  double last_start, rate;
  gsize chars = 0;
  guint tail;

  if (cues->len == 0)
    return;
  first = &g_array_index (cues, PendingCue, 0);
  last_start = g_array_index (cues, PendingCue, cues->len - 1).start;
  for (tail = cues->len; tail > 0 && g_array_index (cues, PendingCue, tail - 1).start >= last_start;)
    tail--;
  for (guint i = 0; i < tail; i++)
    chars += g_array_index (cues, PendingCue, i).text->len;
  rate = hark_reader_speech_rate (chars, last_start - first->start);
  for (guint i = tail; i < cues->len; i++)
    {
      PendingCue *cue = &g_array_index (cues, PendingCue, i);

      if (cue->end <= cue->start)
        cue->end = cue->start + MIN ((double) cue->text->len / rate, MAX_ESTIMATED_SECONDS);
    }
}

gboolean
hark_timestamped_read (const char *text, HarkTranscriptBuilder *builder,
                       HarkSidecarContext *context, GError **error)
{
  g_autoptr (GArray) cues = g_array_new (FALSE, FALSE, sizeof (PendingCue));
  g_autoptr (GArray) lines = collect_lines (text, G_MAXUINT);
  guint first_unplaced = 0, chapters_at, notes_at;
  Layout layout;

  g_array_set_clear_func (cues, (GDestroyNotify) pending_cue_clear);
  layout = names_are_dashed (lines) ? NAME_DASHED : lone_name_layout (lines);
  chapters_at = find_trailing_chapters (lines);
  notes_at = find_trailing_notes (lines, layout, chapters_at);
  for (guint i = chapters_at; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (l->is_heading)
        {
          hark_transcript_builder_add_chapter (builder, l->heading.start, -1, l->heading.text,
                                               NULL, TRUE);
          context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
        }
    }

  for (guint i = 0; i < notes_at; i++)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (l->is_heading)
        {
          PendingCue cue = { l->heading.start, -1, -1, g_string_new (l->heading.text) };
          const char *speaker = l->heading.speaker;
          g_autofree char *dashed_name = NULL;
          const char *dashed_rest;
          gsize dashed_length;

          /* Descript: the name on the line before; or on the line after the time. */
          if (speaker == NULL && layout == NAME_BEFORE && i > 0 && is_lone_name (l - 1))
            speaker = l[-1].text;
          else if (speaker == NULL && layout == NAME_AFTER && i + 1 < notes_at
                   && is_lone_name (l + 1))
            {
              speaker = l[1].text;
              i++;
            }
          else if (speaker == NULL && layout == NAME_ON_TIME_LINE && is_time_and_name (l))
            {
              speaker = l->heading.text;
              g_string_truncate (cue.text, 0);
            }
          else if (speaker == NULL && layout == NAME_DASHED
                   && split_dashed_name (l->heading.text, &dashed_length, &dashed_rest))
            {
              speaker = dashed_name = g_strndup (l->heading.text, dashed_length);
              g_string_assign (cue.text, dashed_rest);
            }
          if (speaker)
            {
              cue.speaker = hark_transcript_builder_add_speaker (builder, speaker, speaker);
              context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
            }
          else if (layout == NAME_NONE && cues->len > 0)
            /* A time with no name ("(00:01:02):", "[00:01:02] more words") goes on in the
             * voice before it, in the file's order. */
            cue.speaker = g_array_index (cues, PendingCue, cues->len - 1).speaker;
          g_array_append_val (cues, cue);
          continue;
        }
      if (layout == NAME_BEFORE && i + 1 < notes_at && is_lone_name (l)
          && is_bare_time (l + 1))
        continue; /* the next heading's speaker */
      if (cues->len == 0)
        {
          if (first_unplaced == 0)
            first_unplaced = l->number;
          continue;
        }
      {
        GString *cue_text = g_array_index (cues, PendingCue, cues->len - 1).text;

        if (cue_text->len > 0)
          g_string_append_c (cue_text, ' ');
        g_string_append (cue_text, l->text);
      }
    }

  if (cues->len == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected lines starting with a time such as “00:01:02 text”, "
                                   "or headings such as “Name  1:02” or “Name (00:01:02):”."));
      return FALSE;
    }
  if (first_unplaced > 0)
    hark_text_warn (context->warnings, context->name, first_unplaced, 1,
                    _("Expected a time such as “00:01:02” before the first words; the text before "
                      "the first time was left out."));

  /* Each cue ends where the next later heading starts (headings may come out of order). */
  g_array_sort (cues, compare_start);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) (gpointer) cues->data, cues->len,
                                  sizeof (PendingCue));
  estimate_last_ends (cues);
  for (guint i = 0; i < cues->len; i++)
    {
      add_pending_cue (builder, context, &g_array_index (cues, PendingCue, i));
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
