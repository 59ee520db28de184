/* hark-recognizer.h — speech recognition of an audio file, off the main thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hark's decoder gives 16 kHz mono; the cutter splits it into utterances at pauses; a pool of
 * PocketSphinx decoders (one per core, at most four) recognizes them in parallel. The settings
 * trade a little accuracy for speed (a narrower search, no second pass) so an hour of audio costs
 * well under 0.2 × its length in CPU: the words are anchors for aligning a transcript, where
 * speed matters more than the last few percent of accuracy. Speech recognition is optional: when
 * Hark was built without PocketSphinx or the English model is missing, every entry point fails
 * with HARK_ERROR_UNSUPPORTED and a sentence that says what to install. (Tests set
 * HARK_TEST_ASR_MODEL_DIR to look for the model elsewhere, e.g. in an empty directory.)
 */
#pragma once

#include <gio/gio.h>

#include "speech/hark-speech.h"

G_BEGIN_DECLS

/* Called with the share of the audio recognized so far (0..1). */
typedef void (*HarkSpeechProgressFunc) (double fraction, gpointer user_data);

typedef enum
{
  HARK_RECOGNIZE_DEFAULT = 0,
  HARK_RECOGNIZE_NO_CACHE = 1 << 0, /* neither read nor write the cache */
} HarkRecognizeFlags;

/* TRUE when recognition can run; otherwise FALSE and what is missing. */
gboolean hark_recognizer_check_available (GError **error);

/* The identity of the model and settings, stored with cached results. */
const char *hark_recognizer_get_settings (void);

/* Recognizes @path, blocking; @progress is called on the calling thread. Uses the cache in
 * $XDG_CACHE_HOME/hark/speech/ unless @flags say not to. The words depend on the audio and the
 * number of cores only (not on timing), so two runs on one machine give the same. Cancelling
 * fails with G_IO_ERROR_CANCELLED at once; the workers, even in the middle of an utterance, stop
 * within a few tens of milliseconds of CPU, unseen, and exit. */
HarkSpeech *hark_recognize_file (const char *path, HarkRecognizeFlags flags,
                                 HarkSpeechProgressFunc progress, gpointer progress_data,
                                 GCancellable *cancellable, GError **error);

/* The same in a worker thread; @progress is called on the thread-default main context of the
 * caller (at most every 100 ms), @callback when done. */
void hark_recognize_file_async (const char *path, HarkRecognizeFlags flags,
                                HarkSpeechProgressFunc progress, gpointer progress_data,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);
HarkSpeech *hark_recognize_file_finish (GAsyncResult *result, GError **error);

G_END_DECLS
