/* hark-episode.c — finding, reading, choosing and merging the sidecars of one episode
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "episode/hark-episode.h"

#include <math.h>
#include <string.h>

#include "episode/hark-discovery.h"
#include "episode/hark-speaker-persons.h"
#include "util/hark-error.h"
#include "formats/hark-labelled-text.h"
#include "formats/hark-sidecar.h"
#include "text/hark-text-utils.h"

/* A sidecar for another cut of the episode: more than this many seconds longer or shorter. */
#define DURATION_TOLERANCE 1.0
/* Below this share of matched words the merge is reported as doubtful. */
#define LOW_COVERAGE 0.8

struct _HarkEpisode
{
  gatomicrefcount ref_count;
  char *audio_path;
  HarkTranscript *transcript;
  GPtrArray *sources; /* HarkSidecarUse */
  GPtrArray *unused;  /* HarkSidecarUse */
  GPtrArray *warnings; /* char *, NULL-terminated */
  gboolean merged;
  HarkMergeReport report;
  gboolean duration_mismatch;
};

typedef struct
{
  char *path;
  char *reason;
  HarkSidecarFormat format;
  HarkSidecarKind kind;
  HarkTranscript *transcript; /* NULL for a labelled text */
  HarkLabelledText *labelled;
  gboolean used;
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_free (c->path);
  g_free (c->reason);
  g_clear_pointer (&c->transcript, hark_transcript_unref);
  g_clear_pointer (&c->labelled, hark_labelled_text_unref);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Candidate, candidate_free)

static void
sidecar_use_free (HarkSidecarUse *use)
{
  g_free (use->path);
  g_free (use->role);
  g_free (use->format);
  g_free (use->reason);
  g_free (use);
}

static void
add_use (GPtrArray *list, Candidate *c, const char *role, const char *reason)
{
  HarkSidecarUse *use = g_new0 (HarkSidecarUse, 1);

  use->path = g_strdup (c->path);
  use->role = g_strdup (role);
  use->format = g_strdup (hark_sidecar_format_to_string (c->format));
  use->reason = g_strdup (reason ? reason : c->reason);
  g_ptr_array_add (list, use);
  c->used = TRUE;
}

static void
warn (HarkEpisode *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
warn (HarkEpisode *self, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  return slash ? slash + 1 : path;
}

/* Reads one sidecar in whatever format its content says, whatever its name, in one pass. A
 * speaker-labelled text is then read again as HarkLabelledText (what the merge needs). */
static Candidate *
read_candidate (const char *path, const char *reason, GPtrArray *warnings, GError **error)
{
  g_autoptr (Candidate) c = g_new0 (Candidate, 1);
  g_autoptr (GPtrArray) first_warnings = g_ptr_array_new_with_free_func (g_free);
  char *data = NULL;
  gsize length;
  HarkSidecarInfo info = { 0 };

  c->path = g_strdup (path);
  c->reason = g_strdup (reason);
  if (!hark_text_load_file (path, &data, &length, error))
    return NULL;
  c->transcript = hark_sidecar_read_take (data, length, path, HARK_SIDECAR_FORMAT_AUTO, &info,
                                          first_warnings, error);
  if (c->transcript == NULL)
    return NULL;
  c->format = info.format;
  c->kind = info.kind;
  if (c->format == HARK_SIDECAR_FORMAT_LABELLED_TEXT)
    {
      g_clear_pointer (&c->transcript, hark_transcript_unref);
      /* Read again rather than held: the file may be large, and is in the page cache. */
      c->labelled = hark_labelled_text_load (path, warnings, error);
      if (c->labelled == NULL)
        return NULL;
      c->kind = HARK_SIDECAR_KIND_SPEAKERS;
      return g_steal_pointer (&c);
    }
  for (guint i = 0; i < first_warnings->len; i++)
    g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (first_warnings, i)));
  /* A page of "Name:" paragraphs without times (Markdown, HTML) is a speaker-labelled text too:
   * it names who speaks, and the captions give the times. */
  if ((c->kind & HARK_SIDECAR_KIND_SPEAKERS) && !(c->kind & HARK_SIDECAR_KIND_TIMED)
      && c->format != HARK_SIDECAR_FORMAT_HARK)
    {
      c->labelled = hark_labelled_text_new_from_transcript (c->transcript);
      if (c->labelled != NULL)
        g_clear_pointer (&c->transcript, hark_transcript_unref);
    }
  return g_steal_pointer (&c);
}

static gboolean
has_speakers (const HarkTranscript *t)
{
  guint n;
  const HarkCue *cues = hark_transcript_get_cues (t, &n);
  const HarkTurn *turns;

  for (guint i = 0; i < n; i++)
    if (cues[i].speaker >= 0)
      return TRUE;
  turns = hark_transcript_get_turns (t, &n);
  for (guint i = 0; i < n; i++)
    if (turns[i].speaker >= 0)
      return TRUE;
  return FALSE;
}

/* Copies the speech of @base (speakers, cues, words, turns) into a new builder. */
static HarkTranscriptBuilder *
copy_speech (const HarkTranscript *base)
{
  HarkTranscriptBuilder *builder = hark_transcript_builder_new ();
  const HarkWord *words = hark_transcript_get_words (base, NULL);
  const HarkCue *cues;
  const HarkTurn *turns;
  guint n;

  for (guint i = 0; i < hark_transcript_get_n_speakers (base); i++)
    {
      const HarkSpeaker *s = hark_transcript_get_speaker (base, i);
      int index = hark_transcript_builder_add_speaker (builder, s->id, s->name);

      if (s->role != NULL)
        hark_transcript_builder_set_speaker (builder, index, NULL, s->role);
    }
  cues = hark_transcript_get_cues (base, &n);
  for (guint i = 0; i < n; i++)
    {
      hark_transcript_builder_add_cue (builder, cues[i].start, cues[i].end, cues[i].text,
                                       cues[i].speaker);
      for (guint w = cues[i].first_word; w < cues[i].first_word + cues[i].n_words; w++)
        hark_transcript_builder_add_word (builder, words[w].start, words[w].end, words[w].text);
    }
  turns = hark_transcript_get_turns (base, &n);
  for (guint i = 0; i < n; i++)
    hark_transcript_builder_add_turn (builder, turns[i].start, turns[i].end, turns[i].text,
                                      turns[i].speaker, turns[i].evidence);
  hark_transcript_builder_set_media_duration (builder, hark_transcript_get_media_duration (base));
  hark_transcript_builder_set_source_note (builder, hark_transcript_get_source_note (base));
  hark_transcript_builder_set_title (builder, hark_transcript_get_title (base));
  hark_transcript_builder_set_generated (builder, hark_transcript_is_generated (base));
  return builder;
}

/* Turns with speakers but no times: better than nothing when no captions exist. */
static HarkTranscript *
transcript_from_labelled (const HarkLabelledText *labelled)
{
  g_autoptr (HarkTranscriptBuilder) builder = hark_transcript_builder_new ();
  guint n;
  const HarkLabelledTurn *turns = hark_labelled_text_get_turns (labelled, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = hark_speaker_id_from_name (turns[i].speaker);
      int speaker = turns[i].speaker
                        ? hark_transcript_builder_add_speaker (builder, id, turns[i].speaker)
                        : -1;

      hark_transcript_builder_add_turn (builder, 0, 0, turns[i].text, speaker, 0);
    }
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}

static HarkTranscript *
merge_labelled (HarkEpisode *self, const HarkTranscript *timed, Candidate *timed_c,
                const HarkLabelledText *labelled, Candidate *labelled_c)
{
  guint n;
  const HarkLabelledTurn *lturns = hark_labelled_text_get_turns (labelled, &n);
  g_autofree HarkMergeTurn *turns = g_new (HarkMergeTurn, n + 1);
  HarkTranscript *merged;

  for (guint i = 0; i < n; i++)
    {
      turns[i].speaker = lturns[i].speaker;
      turns[i].text = lturns[i].text;
    }
  merged = hark_merge (timed, turns, n, &self->report);
  self->merged = TRUE;
  if (self->report.coverage < LOW_COVERAGE)
    warn (self,
          "Only %.0f%% of the words of %s were found in %s: the speakers' times may be off.",
          self->report.coverage * 100, base_name (labelled_c->path), base_name (timed_c->path));
  if (self->report.n_weak_turns > 0)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < self->report.n_weak_turns && i < 10; i++)
        g_string_append_printf (list, "%s%u", i > 0 ? ", " : "", self->report.weak_turns[i] + 1);
      if (self->report.n_weak_turns > 10)
        g_string_append (list, ", …");
      warn (self,
            "%u of %u turns of %s have weak evidence (under half of their words found in the "
            "captions), so their times are estimates: turn %s.",
            self->report.n_weak_turns, n, base_name (labelled_c->path), list->str);
    }
  return merged;
}

/* The first candidate matching @pred that is not used yet. */
static Candidate *
pick (GPtrArray *candidates, gboolean (*pred) (const Candidate *c))
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (candidates, i);

      if (!c->used && pred (c))
        return c;
    }
  return NULL;
}

static gboolean
is_hark (const Candidate *c)
{
  return c->format == HARK_SIDECAR_FORMAT_HARK;
}

static gboolean
is_timed_with_speakers (const Candidate *c)
{
  return c->transcript && (c->kind & HARK_SIDECAR_KIND_TIMED) && has_speakers (c->transcript);
}

static gboolean
is_timed (const Candidate *c)
{
  return c->transcript && (c->kind & HARK_SIDECAR_KIND_TIMED);
}

static gboolean
is_labelled (const Candidate *c)
{
  return c->labelled != NULL;
}

static gboolean
is_chapters (const Candidate *c)
{
  return c->transcript && (c->kind & HARK_SIDECAR_KIND_CHAPTERS)
         && !(c->kind & HARK_SIDECAR_KIND_TIMED);
}

static gboolean
is_skips (const Candidate *c)
{
  return c->transcript && (c->kind & HARK_SIDECAR_KIND_SKIPS)
         && !(c->kind & HARK_SIDECAR_KIND_TIMED);
}

static void
check_duration (HarkEpisode *self, Candidate *c, double media_duration)
{
  double made_for;

  if (c == NULL || c->transcript == NULL || media_duration < 0)
    return;
  made_for = hark_transcript_get_media_duration (c->transcript);
  if (made_for < 0 || fabs (made_for - media_duration) <= DURATION_TOLERANCE)
    return;
  self->duration_mismatch = TRUE;
  warn (self,
        "%s was made for a %.1f s long cut of the episode, but the audio is %.1f s long: its "
        "times may not match what you hear.",
        base_name (c->path), made_for, media_duration);
}

static void
choose_and_build (HarkEpisode *self, GPtrArray *candidates, gboolean explicit_list,
                  double media_duration)
{
  Candidate *hark = pick (candidates, is_hark);
  Candidate *timed = NULL, *labelled = NULL, *chapters = NULL, *skips = NULL;
  g_autoptr (HarkTranscript) speech = NULL;
  g_autoptr (HarkTranscriptBuilder) builder = NULL;

  if (hark && !explicit_list)
    {
      /* Hark's own sidecar is the result of an earlier merge: it replaces everything else. */
      add_use (self->sources, hark, "hark", NULL);
      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = g_ptr_array_index (candidates, i);
          g_autofree char *why = g_strdup_printf ("%s already holds the episode's transcript",
                                                  base_name (hark->path));

          if (!c->used)
            add_use (self->unused, c, "unused", why);
        }
      check_duration (self, hark, media_duration);
      self->transcript = hark_transcript_ref (hark->transcript);
      return;
    }

  timed = hark ? hark : pick (candidates, is_timed_with_speakers);
  if (timed == NULL)
    timed = pick (candidates, is_timed);
  if (timed)
    add_use (self->sources, timed, timed == hark ? "hark" : "timed", NULL);
  labelled = pick (candidates, is_labelled);
  chapters = pick (candidates, is_chapters);
  if (chapters)
    chapters->used = TRUE;
  skips = pick (candidates, is_skips);
  if (skips)
    skips->used = TRUE;

  if (timed && labelled && !has_speakers (timed->transcript))
    {
      add_use (self->sources, labelled, "speakers", NULL);
      speech = merge_labelled (self, timed->transcript, timed, labelled->labelled, labelled);
    }
  else if (timed)
    {
      speech = hark_transcript_ref (timed->transcript);
      if (labelled)
        {
          g_autofree char *why = g_strdup_printf ("%s already names its speakers",
                                                  base_name (timed->path));

          add_use (self->unused, labelled, "unused", why);
        }
    }
  else if (labelled)
    {
      add_use (self->sources, labelled, "speakers", NULL);
      warn (self, "%s has speakers but no times, and no timed transcript was found to merge it "
                  "with: the turns cannot follow the audio.",
            base_name (labelled->path));
      speech = transcript_from_labelled (labelled->labelled);
    }

  if (chapters)
    add_use (self->sources, chapters, "chapters", NULL);
  if (skips)
    add_use (self->sources, skips, "skips", NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (candidates, i);
      g_autofree char *why = NULL;

      if (c->used)
        continue;
      if ((c->kind & HARK_SIDECAR_KIND_TIMED) && timed)
        why = g_strdup_printf ("%s was preferred as the timed transcript", base_name (timed->path));
      else if (c->labelled && labelled)
        why = g_strdup_printf ("%s was preferred for the speakers", base_name (labelled->path));
      else
        why = g_strdup ("another file of the same kind was preferred");
      add_use (self->unused, c, "unused", why);
    }

  check_duration (self, timed, media_duration);

  /* The transcript's media duration stays what a sidecar said it was made for (or unknown):
   * the audio's own length is the caller's to compare with. */
  if (chapters == NULL && skips == NULL)
    {
      if (speech == NULL)
        speech = hark_transcript_builder_finish (hark_transcript_builder_new ());
      self->transcript = g_steal_pointer (&speech);
      return;
    }

  /* Chapters or skips come from files of their own: rebuild with them. */
  if (speech)
    {
      builder = copy_speech (speech);
      hark_merge_copy_chapters_and_segments (builder, speech);
    }
  else
    builder = hark_transcript_builder_new ();
  if (chapters)
    hark_merge_copy_chapters_and_segments (builder, chapters->transcript);
  if (skips)
    hark_merge_copy_chapters_and_segments (builder, skips->transcript);
  self->transcript = hark_transcript_builder_finish (g_steal_pointer (&builder));
}

static gboolean
has_segment (const HarkSegment *segments, guint n, const HarkSegment *s)
{
  for (guint i = 0; i < n; i++)
    if (fabs (segments[i].start - s->start) < 0.001 && fabs (segments[i].end - s->end) < 0.001
        && segments[i].category == s->category)
      return TRUE;
  return FALSE;
}

char *
hark_episode_sidecar_path_for (const char *audio_path)
{
  g_autofree char *dir = g_path_get_dirname (audio_path);
  g_autofree char *base = g_path_get_basename (audio_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".hark.json", NULL);
  return g_build_filename (dir, name, NULL);
}

HarkTranscript *
hark_episode_keep_edits (HarkTranscript *fresh, HarkTranscript *previous)
{
  g_autoptr (HarkTranscriptBuilder) builder = copy_speech (fresh);
  guint n_fresh_chapters, n_fresh_segments, n;
  const HarkSegment *fresh_segments = hark_transcript_get_segments (fresh, &n_fresh_segments);
  const HarkSegment *segments;

  hark_transcript_get_chapters (fresh, &n_fresh_chapters);
  hark_merge_copy_chapters_and_segments (builder, fresh);
  if (n_fresh_chapters == 0)
    {
      const HarkChapter *chapters = hark_transcript_get_chapters (previous, &n);

      for (guint i = 0; i < n; i++)
        hark_transcript_builder_add_chapter (builder, chapters[i].start, chapters[i].end,
                                             chapters[i].title, chapters[i].url,
                                             chapters[i].toc);
    }
  segments = hark_transcript_get_segments (previous, &n);
  for (guint i = 0; i < n; i++)
    if (!has_segment (fresh_segments, n_fresh_segments, &segments[i]))
      hark_transcript_builder_add_segment (builder, segments[i].start, segments[i].end,
                                           segments[i].category, segments[i].source,
                                           segments[i].evidence);
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}

/* The feed's people (EPISODE.persons.json, saved by a download) name the speakers they prove. */
static void
apply_persons (HarkEpisode *self, const char *audio_path, GPtrArray *warnings)
{
  g_autofree char *path = hark_speaker_persons_path (audio_path);
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (HarkTranscriptBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  HarkSidecarUse *use;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  persons = hark_speaker_persons_read (path, &error);
  if (persons == NULL)
    {
      g_ptr_array_add (warnings, g_strdup (error->message));
      return;
    }
  if (hark_speaker_persons_plan (self->transcript, persons, names, roles, notes) == 0)
    return;
  builder = copy_speech (self->transcript);
  hark_merge_copy_chapters_and_segments (builder, self->transcript);
  for (guint i = 0; i < names->len; i++)
    if (names->pdata[i] != NULL || roles->pdata[i] != NULL)
      hark_transcript_builder_set_speaker (builder, (int) i, names->pdata[i], roles->pdata[i]);
  hark_transcript_unref (self->transcript);
  self->transcript = hark_transcript_builder_finish (g_steal_pointer (&builder));
  use = g_new0 (HarkSidecarUse, 1);
  use->path = g_strdup (path);
  use->role = g_strdup ("persons");
  use->format = g_strdup ("hark-persons-json");
  g_ptr_array_add (notes, NULL);
  use->reason = g_strjoinv ("; ", (char **) notes->pdata);
  g_ptr_array_add (self->sources, use);
}

HarkEpisode *
hark_episode_load (const char *audio_path, const char *const *sidecars, double media_duration,
                   GError **error)
{
  g_autoptr (HarkEpisode) self = g_new0 (HarkEpisode, 1);
  g_autoptr (GPtrArray) candidates =
      g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr (GPtrArray) reader_warnings = g_ptr_array_new_with_free_func (g_free);
  gboolean explicit_list = sidecars != NULL && sidecars[0] != NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->audio_path = g_strdup (audio_path);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_use_free);
  self->unused = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_use_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  if (explicit_list)
    {
      for (guint i = 0; sidecars[i]; i++)
        {
          Candidate *c = read_candidate (sidecars[i], "given on the command line", reader_warnings,
                                         error);

          if (c == NULL)
            return NULL;
          g_ptr_array_add (candidates, c);
        }
    }
  else if (audio_path)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GPtrArray) found = hark_discovery_find (audio_path, &local);

      if (found == NULL)
        warn (self, "%s", local->message);
      for (guint i = 0; found && i < found->len; i++)
        {
          const HarkDiscoveredFile *file = g_ptr_array_index (found, i);
          g_autoptr (GError) read_error = NULL;
          Candidate *c = read_candidate (file->path, file->reason, reader_warnings, &read_error);

          if (c)
            g_ptr_array_add (candidates, c);
          else
            warn (self, "%s It was ignored.", read_error->message);
        }
    }

  choose_and_build (self, candidates, explicit_list, media_duration);
  if (audio_path != NULL)
    apply_persons (self, audio_path, reader_warnings);
  for (guint i = 0; i < reader_warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (reader_warnings, i)));
  g_ptr_array_add (self->warnings, NULL);
  return g_steal_pointer (&self);
}

HarkEpisode *
hark_episode_new_made (const char *audio_path, HarkTranscript *transcript, const char *path,
                       const char *format, const char *reason)
{
  HarkEpisode *self = g_new0 (HarkEpisode, 1);
  HarkSidecarUse *use = g_new0 (HarkSidecarUse, 1);

  g_return_val_if_fail (transcript != NULL && path != NULL, NULL);
  g_atomic_ref_count_init (&self->ref_count);
  self->audio_path = g_strdup (audio_path);
  self->transcript = transcript;
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_use_free);
  self->unused = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_use_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  use->path = g_strdup (path);
  use->role = g_strdup ("hark");
  use->format = g_strdup (format);
  use->reason = g_strdup (reason);
  g_ptr_array_add (self->sources, use);
  return self;
}

HarkEpisode *
hark_episode_ref (HarkEpisode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hark_episode_unref (HarkEpisode *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->audio_path);
  g_clear_pointer (&self->transcript, hark_transcript_unref);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->unused);
  g_ptr_array_unref (self->warnings);
  hark_merge_report_clear (&self->report);
  g_free (self);
}

const char *
hark_episode_get_audio_path (HarkEpisode *self)
{
  return self->audio_path;
}

HarkTranscript *
hark_episode_get_transcript (HarkEpisode *self)
{
  return self->transcript;
}

const GPtrArray *
hark_episode_get_sources (HarkEpisode *self)
{
  return self->sources;
}

const GPtrArray *
hark_episode_get_unused (HarkEpisode *self)
{
  return self->unused;
}

const char *const *
hark_episode_get_warnings (HarkEpisode *self)
{
  return (const char *const *) self->warnings->pdata;
}

double
hark_episode_get_merge_coverage (HarkEpisode *self)
{
  return self->merged ? self->report.coverage : -1;
}

const HarkMergeReport *
hark_episode_get_merge_report (HarkEpisode *self)
{
  return self->merged ? &self->report : NULL;
}

gboolean
hark_episode_has_duration_mismatch (HarkEpisode *self)
{
  return self->duration_mismatch;
}
