/* hark-recognizer.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calling thread decodes and cuts the audio and hands utterances to the workers in turn, one
 * queue each; each worker owns one PocketSphinx decoder (they are not thread-safe) and sends its
 * words back through a shared queue, which the calling thread drains for progress. Every
 * utterance is decoded with batch cepstral mean normalisation, which keeps no state, but a
 * decoder carries other state from one utterance to the next: the front end's noise estimate
 * (which also drives its voice activity detector, dropping frames) and, on the frames -ds 2
 * skips, the best Gaussians found for frames before, possibly of the utterance before. So
 * utterances are dealt out in a fixed order rather than to whichever worker is free: the words
 * depend on the audio and the number of workers only, never on timing, and two runs on the same
 * machine give the same transcript.
 *
 * Making every utterance independent of the ones before (restarting the noise estimate, no voice
 * activity detection, -compallsen) was measured too: the same words on one worker and on two,
 * but on the full ep189 only 97.1% of turn starts within 3 s of the truth (the goal is 98%).
 */
#include "hark-config.h"

#include "speech/hark-recognizer.h"

#include <math.h>
#include <string.h>

#ifdef HARK_HAVE_ASR
#include <pocketsphinx.h>
#include <sphinxbase/ckd_alloc.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/feat.h>
#endif

#include "audio/hark-decoder.h"
#include "library/hark-library.h"
#include "speech/hark-speech-cutter.h"
#include "util/hark-error.h"
#include "util/hark-i18n.h"
#include "util/hark-main-context.h"

#define MAX_WORKERS 4
#define READ_FRAMES 16000
/* Frames (10 ms each) searched between two looks at the cancel flag: about 30 ms of CPU. */
#define SEARCH_BLOCK 32

/* Beam and search settings: a narrower first pass (-ds 2 computes every other frame's scores,
 * -topn 2, -maxhmmpf), no forward-flat second pass, and a best path through the lattice for
 * word posteriors. Measured on this project's 2-core machine at about 0.09 × real time per core
 * against 0.20 × for pocketsphinx_continuous's defaults (bench/bench-speech.c).
 * Cepstral mean normalisation is over the whole utterance ("batch", as the model says), but
 * done here rather than by PocketSphinx (see make_decoder()). */
static const char *const search_args[] = {
  "-ds", "2", "-topn", "2", "-maxhmmpf", "3000", "-pl_window", "5",
  "-fwdflat", "no", "-bestpath", "yes", "-cmn", "batch",
};

/* Part of the cache's key: whatever changes the words must change this string, so a cache made
 * by other code is not reused. */
const char *
hark_recognizer_get_settings (void)
{
  return "pocketsphinx-0.8-en-us;ds2;topn2;maxhmmpf3000;pl5;nofwdflat;bestpath;cmnbatch;cut2;"
         "dealt";
}

#ifdef HARK_HAVE_ASR
/* Where the English model is: where the build found it. The tests can point elsewhere (an empty
 * directory, to see how Hark behaves when the model is not installed). */
static const char *
model_dir (void)
{
  const char *dir = g_getenv ("HARK_TEST_ASR_MODEL_DIR");

  return dir != NULL && *dir != '\0' ? dir : HARK_ASR_MODEL_DIR;
}
#endif

gboolean
hark_recognizer_check_available (GError **error)
{
#ifdef HARK_HAVE_ASR
  g_autofree char *lm = g_build_filename (model_dir (), "en-us.lm.bin", NULL);
  g_autofree char *hmm = g_build_filename (model_dir (), "en-us", "mdef", NULL);

  if (g_file_test (lm, G_FILE_TEST_IS_REGULAR) && g_file_test (hmm, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
               _("Speech recognition needs the PocketSphinx English model, which is not in %s "
                 "(Debian package pocketsphinx-en-us)."),
               model_dir ());
  return FALSE;
#else
  g_set_error_literal (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                       _("This Hark was built without speech recognition (it needs PocketSphinx: "
                         "Debian packages libpocketsphinx-dev and pocketsphinx-en-us)."));
  return FALSE;
#endif
}

#ifdef HARK_HAVE_ASR

typedef struct
{
  double start, end;
  float confidence;
  char *text;
} RecognizedWord;

typedef struct
{
  double seconds;    /* audio this result covers */
  GArray *words;     /* RecognizedWord */
  gboolean last;     /* the worker is done */
  char *error;       /* the worker failed */
} WorkerResult;

/* Each worker owns itself, its decoder and a reference to the queues and the cancel flag, so
 * a cancelled run returns at once: a worker in the middle of an utterance stops at its next
 * block of frames (a few tens of milliseconds of CPU) and then frees everything it holds. */
typedef struct
{
  ps_decoder_t *ps;
  cmn_t *cmn;
  GAsyncQueue *todo; /* HarkUtterance, or &stop */
  GAsyncQueue *done; /* WorkerResult */
  gint *cancelled;   /* an atomic rc box shared by the run */
} Worker;

static HarkUtterance stop;

static void
worker_result_free (WorkerResult *result)
{
  if (result->words)
    {
      for (guint i = 0; i < result->words->len; i++)
        g_free (g_array_index (result->words, RecognizedWord, i).text);
      g_array_unref (result->words);
    }
  g_free (result->error);
  g_free (result);
}

/* "read(2)" is the second pronunciation of "read": the word is what comes before. Fillers and
 * markers ("<sil>", "[NOISE]", "<s>") are not words. */
static char *
clean_word (const char *word)
{
  const char *paren;

  if (word == NULL || word[0] == '<' || word[0] == '[' || word[0] == '+')
    return NULL;
  paren = strchr (word, '(');
  return g_strndup (word, paren ? (gsize) (paren - word) : strlen (word));
}

/* The utterance's cepstra, normalised by their mean over the whole utterance, with the last
 * frame repeated for the delta features' window: computed in one go exactly as PocketSphinx
 * does for a whole utterance, so the words are the same as if it had been given all of it. */
static mfcc_t **
utterance_cepstra (ps_decoder_t *ps, cmn_t *norm, const HarkUtterance *utterance, int32 *n_frames)
{
  fe_t *fe = ps_get_fe (ps);
  int win = feat_window_size (ps_get_feat (ps));
  const int16 *samples = utterance->samples;
  size_t n_samples = utterance->n_samples;
  int32 nfr = 0, ntail = 0;
  mfcc_t **cep;

  if (fe_process_frames (fe, NULL, &n_samples, NULL, &nfr, NULL) < 0)
    return NULL;
  cep = (mfcc_t **) ckd_calloc_2d (nfr + 1 + win, fe_get_output_size (fe), sizeof (mfcc_t));
  fe_start_utt (fe);
  if (fe_process_frames (fe, &samples, &n_samples, cep, &nfr, NULL) < 0)
    {
      ckd_free_2d (cep);
      return NULL;
    }
  fe_end_utt (fe, cep[nfr], &ntail);
  nfr += ntail;
  if (nfr > 0)
    {
      cmn (norm, cep, FALSE, nfr);
      for (int i = 0; i < win; i++)
        memcpy (cep[nfr + i], cep[nfr - 1], sizeof (mfcc_t) * (size_t) fe_get_output_size (fe));
      nfr += win;
    }
  *n_frames = nfr;
  return cep;
}

/* Searches in blocks of SEARCH_BLOCK frames and looks at @cancelled between them, so a cancel
 * costs at most one block of CPU. NULL when cancelled. */
static WorkerResult *
recognize_utterance (ps_decoder_t *ps, cmn_t *cmn, const HarkUtterance *utterance,
                     const gint *cancelled)
{
  WorkerResult *result = g_new0 (WorkerResult, 1);
  logmath_t *lmath = ps_get_logmath (ps);
  int frate = cmd_ln_int32_r (ps_get_config (ps), "-frate");
  mfcc_t **cep = NULL;
  int32 n_frames = 0;
  gboolean failed;

  result->seconds = (double) utterance->n_samples / HARK_SPEECH_RATE;
  result->words = g_array_new (FALSE, FALSE, sizeof (RecognizedWord));
  if (frate <= 0)
    frate = 100;
  if (ps_start_utt (ps) < 0)
    failed = TRUE;
  else
    {
      /* A growing feature buffer keeps every frame of the utterance: the main search lags
       * -pl_window frames behind the phone loop, which a short circular buffer would lose. */
      ps_process_cep (ps, NULL, 0, TRUE, FALSE);
      cep = utterance_cepstra (ps, cmn, utterance, &n_frames);
      failed = cep == NULL;
      for (int32 done = 0; !failed && done < n_frames; done += SEARCH_BLOCK)
        {
          /* The decoder is left inside the utterance: it is never used again. */
          if (g_atomic_int_get (cancelled))
            {
              ckd_free_2d (cep);
              worker_result_free (result);
              return NULL;
            }
          failed = ps_process_cep (ps, cep + done, MIN (SEARCH_BLOCK, n_frames - done), FALSE,
                                   FALSE) < 0;
        }
      if (cep)
        ckd_free_2d (cep);
      failed = ps_end_utt (ps) < 0 || failed;
    }
  if (failed)
    {
      result->error = g_strdup (_("The speech recognizer failed on the audio."));
      return result;
    }
  for (ps_seg_t *seg = ps_seg_iter (ps); seg; seg = ps_seg_next (seg))
    {
      int sf, ef;
      int32 ascr, lscr, lback;
      int32 post = ps_seg_prob (seg, &ascr, &lscr, &lback);
      RecognizedWord word;

      word.text = clean_word (ps_seg_word (seg));
      if (word.text == NULL)
        continue;
      ps_seg_frames (seg, &sf, &ef);
      word.start = utterance->start + (double) sf / frate;
      word.end = utterance->start + (double) (ef + 1) / frate;
      word.confidence = (float) logmath_exp (lmath, post);
      g_array_append_val (result->words, word);
    }
  return result;
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      HarkUtterance *utterance = g_async_queue_pop (worker->todo);
      WorkerResult *result;

      if (utterance == &stop)
        break;
      if (g_atomic_int_get (worker->cancelled))
        {
          hark_utterance_free (utterance);
          continue;
        }
      result = recognize_utterance (worker->ps, worker->cmn, utterance, worker->cancelled);
      hark_utterance_free (utterance);
      if (result)
        g_async_queue_push (worker->done, result);
    }
  {
    WorkerResult *last = g_new0 (WorkerResult, 1);

    last->last = TRUE;
    g_async_queue_push (worker->done, last);
  }
  ps_free (worker->ps);
  cmn_free (worker->cmn);
  g_async_queue_unref (worker->todo);
  g_async_queue_unref (worker->done);
  g_atomic_rc_box_release (worker->cancelled);
  g_free (worker);
  return NULL;
}

static void
utterance_free_unless_stop (gpointer data)
{
  if (data != &stop)
    hark_utterance_free (data);
}

static ps_decoder_t *
make_decoder (GError **error)
{
  g_autofree char *hmm = g_build_filename (model_dir (), "en-us", NULL);
  g_autofree char *lm = g_build_filename (model_dir (), "en-us.lm.bin", NULL);
  g_autofree char *dict = g_build_filename (model_dir (), "cmudict-en-us.dict", NULL);
  const char *argv[2 * 3 + G_N_ELEMENTS (search_args) + 1];
  guint argc = 0;
  cmd_ln_t *config;
  ps_decoder_t *ps;

  /* As on a command line: argv[0] is a program name the parser skips. */
  argv[argc++] = "hark";
  argv[argc++] = "-hmm";
  argv[argc++] = hmm;
  argv[argc++] = "-lm";
  argv[argc++] = lm;
  argv[argc++] = "-dict";
  argv[argc++] = dict;
  for (guint i = 0; i < G_N_ELEMENTS (search_args); i++)
    argv[argc++] = search_args[i];
  config = cmd_ln_parse_r (NULL, ps_args (), (int32) argc, (char **) argv, TRUE);
  if (config == NULL)
    goto failed;
  ps = ps_init (config);
  cmd_ln_free_r (config);
  if (ps != NULL)
    {
      /* PocketSphinx normalises over the whole utterance only when given all of it in one call,
       * which it then searches with no chance to stop; recognize_utterance() normalises the
       * utterance itself and hands it over in blocks, so the decoder must not do it again. */
      ps_get_feat (ps)->cmn = CMN_NONE;
      return ps;
    }
failed:
  g_set_error (error, HARK_ERROR, HARK_ERROR_FAILED,
               _("The speech recognizer could not load its model from %s."), model_dir ());
  return NULL;
}

/* Utterances go to the workers in turn, not to whichever is free (see the top of this file). */
typedef struct
{
  GAsyncQueue **todo; /* one per worker */
  guint n_workers;
  HarkSpeech *speech;
  guint queued;
} Feed;

static void
on_utterance (HarkUtterance *utterance, gpointer user_data)
{
  Feed *feed = user_data;

  g_async_queue_push (feed->todo[feed->queued % feed->n_workers], utterance);
  feed->queued++;
}

static void
on_pause (double start, double end, gpointer user_data)
{
  Feed *feed = user_data;

  hark_speech_add_pause (feed->speech, start, end);
}

typedef struct
{
  HarkSpeech *speech;
  HarkSpeechProgressFunc progress;
  gpointer progress_data;
  double duration;
  double recognized; /* seconds of utterances done */
  guint running;     /* workers not yet finished */
  char *error;
} Collect;

/* Takes one result; FALSE when it was a worker's last. */
static void
collect_result (Collect *c, WorkerResult *result)
{
  if (result->last)
    c->running--;
  else if (result->error && c->error == NULL)
    c->error = g_steal_pointer (&result->error);
  else if (result->words)
    {
      for (guint i = 0; i < result->words->len; i++)
        {
          RecognizedWord *w = &g_array_index (result->words, RecognizedWord, i);

          hark_speech_add_word (c->speech, w->start, w->end, w->confidence, w->text);
        }
      c->recognized += result->seconds;
      if (c->progress && c->duration > 0)
        c->progress (MIN (c->recognized / c->duration, 0.99), c->progress_data);
    }
  worker_result_free (result);
}

/* Pushed onto the results queue by a cancel: not a result, it only ends a wait. */
static WorkerResult wake;

static void
result_free_unless_wake (gpointer data)
{
  if (data != &wake)
    worker_result_free (data);
}

static void
drain (Collect *c, GAsyncQueue *done, guint64 timeout_us)
{
  WorkerResult *result;

  while ((result = g_async_queue_timeout_pop (done, timeout_us)) != NULL)
    {
      if (result != &wake)
        collect_result (c, result);
      timeout_us = 0;
    }
}

typedef struct
{
  gint *cancelled;
  GAsyncQueue *done;
} CancelHook;

/* Runs in the thread that cancels, so the workers stop at their next block of frames at once,
 * not when the calling thread next looks: it may be waiting up to 100 ms for a result (with one
 * queue per worker it waits whenever the longest is full, even while the other worker has just
 * emptied its own), while every worker goes on decoding: that wait was most of what a cancel
 * cost in CPU. */
static void
on_cancelled (GCancellable *cancellable, gpointer data)
{
  CancelHook *hook = data;

  (void) cancellable;
  g_atomic_int_set (hook->cancelled, 1);
  g_async_queue_push (hook->done, &wake);
}

static int
queue_longest (GAsyncQueue **queues, guint n)
{
  int longest = 0;

  for (guint i = 0; i < n; i++)
    longest = MAX (longest, g_async_queue_length (queues[i]));
  return longest;
}

static HarkSpeech *
recognize (const char *path, HarkSpeechProgressFunc progress, gpointer progress_data,
           GCancellable *cancellable, GError **error)
{
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autoptr (HarkSpeechCutter) cutter = NULL;
  GAsyncQueue *todo[MAX_WORKERS];
  g_autoptr (GAsyncQueue) done = g_async_queue_new_full (result_free_unless_wake);
  g_autofree float *buffer = NULL;
  ps_decoder_t *decoders[MAX_WORKERS];
  GThread *threads[MAX_WORKERS];
  guint n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  gint *cancelled;
  CancelHook hook;
  gulong cancel_handler = 0;
  gboolean abandoned = FALSE;
  Collect c = { 0 };
  Feed feed = { 0 };
  g_autoptr (GError) read_error = NULL;
  gboolean ok = TRUE;

  decoder = hark_decoder_open (path, HARK_SPEECH_RATE, 1, error);
  if (decoder == NULL)
    return NULL;

  err_set_logfp (NULL);
  for (guint i = 0; i < n_workers; i++)
    {
      decoders[i] = make_decoder (error);
      if (decoders[i] == NULL)
        {
          while (i-- > 0)
            ps_free (decoders[i]);
          return NULL;
        }
    }

  c.speech = hark_speech_new (hark_decoder_get_duration (decoder));
  c.progress = progress;
  c.progress_data = progress_data;
  c.duration = hark_speech_get_duration (c.speech);
  c.running = n_workers;
  feed.todo = todo;
  feed.n_workers = n_workers;
  feed.speech = c.speech;

  cancelled = g_atomic_rc_box_new0 (gint);
  for (guint i = 0; i < n_workers; i++)
    {
      Worker *worker = g_new0 (Worker, 1);

      worker->ps = decoders[i];
      worker->cmn = cmn_init (fe_get_output_size (ps_get_fe (decoders[i])));
      todo[i] = g_async_queue_new_full (utterance_free_unless_stop);
      worker->todo = g_async_queue_ref (todo[i]);
      worker->done = g_async_queue_ref (done);
      worker->cancelled = g_atomic_rc_box_acquire (cancelled);
      threads[i] = g_thread_new ("hark-asr", worker_main, worker);
    }
  hook.cancelled = cancelled;
  hook.done = done;
  if (cancellable)
    cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), &hook, NULL);

  cutter = hark_speech_cutter_new (on_utterance, on_pause, &feed);
  buffer = g_new (float, READ_FRAMES);
  for (;;)
    {
      HarkDecoderChunk chunk;
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      /* Keep the queue short: memory stays small and cancelling stays quick. */
      while (queue_longest (todo, n_workers) > 2
             && !g_cancellable_is_cancelled (cancellable))
        drain (&c, done, 100000);
      drain (&c, done, 0);
      n = hark_decoder_read (decoder, buffer, READ_FRAMES, &chunk, &read_error);
      if (n <= 0)
        break;
      hark_speech_cutter_push (cutter, buffer, (gsize) n);
    }
  if (read_error == NULL && !g_cancellable_is_cancelled (cancellable))
    hark_speech_cutter_finish (cutter);

  for (guint i = 0; i < n_workers; i++)
    g_async_queue_push (todo[i], &stop);
  while (c.running > 0)
    {
      /* A cancel ends the wait at once (on_cancelled()); the caller hears of it then,
       * whatever the workers are doing. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_atomic_int_set (cancelled, 1);
          abandoned = TRUE;
          break;
        }
      drain (&c, done, 100000);
    }
  for (guint i = 0; i < n_workers; i++)
    {
      if (abandoned)
        g_thread_unref (threads[i]);
      else
        g_thread_join (threads[i]);
      g_async_queue_unref (todo[i]);
    }
  /* Waits for a handler running in another thread: @hook is on this stack. */
  if (cancel_handler)
    g_cancellable_disconnect (cancellable, cancel_handler);
  g_atomic_rc_box_release (cancelled);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  else if (read_error)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      ok = FALSE;
    }
  else if (c.error)
    {
      g_set_error_literal (error, HARK_ERROR, HARK_ERROR_FAILED, c.error);
      ok = FALSE;
    }
  g_free (c.error);
  if (!ok)
    {
      hark_speech_unref (c.speech);
      return NULL;
    }
  if (progress)
    progress (1.0, progress_data);
  return c.speech;
}

#endif /* HARK_HAVE_ASR */

HarkSpeech *
hark_recognize_file (const char *path, HarkRecognizeFlags flags, HarkSpeechProgressFunc progress,
                     gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!hark_recognizer_check_available (error))
    return NULL;
#ifdef HARK_HAVE_ASR
  {
    g_autofree char *key = NULL;
    g_autofree char *cache = NULL;
    HarkSpeech *speech;

    if (!(flags & HARK_RECOGNIZE_NO_CACHE))
      {
        g_autoptr (HarkDecoder) probe = hark_decoder_open (path, HARK_SPEECH_RATE, 1, error);

        if (probe == NULL)
          return NULL;
        key = hark_library_compute_key (path, hark_decoder_get_duration (probe), error);
        if (key == NULL)
          return NULL;
        cache = hark_speech_get_cache_path (key);
        speech = hark_speech_load (cache, hark_recognizer_get_settings (), NULL);
        if (speech != NULL)
          {
            if (progress)
              progress (1.0, progress_data);
            return speech;
          }
      }
    speech = recognize (path, progress, progress_data, cancellable, error);
    if (speech != NULL && cache != NULL)
      {
        g_autoptr (GError) local = NULL;

        /* A cache that cannot be written costs time next run, not this result. */
        if (!hark_speech_save (speech, cache, hark_recognizer_get_settings (), &local))
          g_message ("%s", local->message);
      }
    return speech;
  }
#else
  (void) flags;
  (void) progress;
  (void) progress_data;
  (void) cancellable;
  return NULL;
#endif
}

/* The async form: progress crosses to the caller's main context, at most every 100 ms. */
typedef struct
{
  char *path;
  HarkRecognizeFlags flags;
  HarkSpeechProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
  gint64 last_report;
} AsyncJob;

typedef struct
{
  HarkSpeechProgressFunc progress;
  gpointer progress_data;
  double fraction;
} ProgressReport;

static void
async_job_free (AsyncJob *job)
{
  g_free (job->path);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;

  report->progress (report->fraction, report->progress_data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress (double fraction, gpointer user_data)
{
  AsyncJob *job = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (job->progress == NULL || (fraction < 1.0 && now - job->last_report < 100000))
    return;
  job->last_report = now;
  report = g_new (ProgressReport, 1);
  report->progress = job->progress;
  report->progress_data = job->progress_data;
  report->fraction = fraction;
  hark_main_context_post (job->context, deliver_progress, report, g_free);
}

static void
recognize_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncJob *job = task_data;
  GError *error = NULL;
  HarkSpeech *speech;

  (void) source;
  speech = hark_recognize_file (job->path, job->flags, forward_progress, job, cancellable,
                                &error);
  if (speech)
    g_task_return_pointer (task, speech, (GDestroyNotify) hark_speech_unref);
  else
    g_task_return_error (task, error);
}

void
hark_recognize_file_async (const char *path, HarkRecognizeFlags flags,
                           HarkSpeechProgressFunc progress, gpointer progress_data,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncJob *job = g_new0 (AsyncJob, 1);

  job->path = g_strdup (path);
  job->flags = flags;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, hark_recognize_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) async_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, recognize_in_thread);
}

HarkSpeech *
hark_recognize_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
