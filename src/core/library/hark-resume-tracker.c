/* hark-resume-tracker.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "library/hark-resume-tracker.h"

#include "util/hark-limits.h"

struct _HarkResumeTracker
{
  HarkLibrary *library;
  HarkPlayer *player;
  char *key;
  char *title;
  GSource *timer;
  GMainContext *context;
  HarkResumeTrackerErrorFunc error_func;
  gpointer error_data;
  GDestroyNotify error_destroy;
  /* One report per run of failures: a full disk must not raise a banner every 10 s. */
  gboolean error_reported;
};

HarkResumeTracker *
hark_resume_tracker_new (HarkLibrary *library, HarkPlayer *player)
{
  HarkResumeTracker *self;

  g_return_val_if_fail (player != NULL, NULL);

  self = g_new0 (HarkResumeTracker, 1);
  self->library = library;
  self->player = player;
  self->context = g_main_context_ref_thread_default ();
  return self;
}

static void
report (HarkResumeTracker *self, const GError *error)
{
  if (self->error_reported)
    return;
  self->error_reported = TRUE;
  if (self->error_func)
    self->error_func (error, self->error_data);
  else
    g_message ("%s", error->message);
}

static void
save (HarkResumeTracker *self)
{
  g_autoptr (GError) error = NULL;
  HarkPlayerState state;

  if (self->library == NULL || self->key == NULL)
    return;
  state = hark_player_get_state (self->player);
  if (state == HARK_PLAYER_STATE_EMPTY)
    return;
  if (!hark_library_save (self->library, self->key, hark_player_get_path (self->player),
                          self->title, hark_player_get_duration (self->player),
                          hark_player_get_position (self->player),
                          hark_player_get_speed (self->player), &error))
    report (self, error);
  else
    self->error_reported = FALSE;
}

static gboolean
timer_cb (gpointer user_data)
{
  save (user_data);
  return G_SOURCE_CONTINUE;
}

static void
stop_timer (HarkResumeTracker *self)
{
  if (self->timer == NULL)
    return;
  g_source_destroy (self->timer);
  g_clear_pointer (&self->timer, g_source_unref);
}

static void
start_timer (HarkResumeTracker *self)
{
  if (self->timer)
    return;
  self->timer = g_timeout_source_new_seconds (HARK_LIBRARY_SAVE_INTERVAL);
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_set_static_name (self->timer, "[hark] resume save");
  g_source_attach (self->timer, self->context);
}

void
hark_resume_tracker_free (HarkResumeTracker *self)
{
  if (self == NULL)
    return;
  hark_resume_tracker_episode_closing (self);
  if (self->error_destroy)
    self->error_destroy (self->error_data);
  g_main_context_unref (self->context);
  g_free (self);
}

void
hark_resume_tracker_set_error_func (HarkResumeTracker *self, HarkResumeTrackerErrorFunc func,
                                    gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (self != NULL);

  if (self->error_destroy)
    self->error_destroy (self->error_data);
  self->error_func = func;
  self->error_data = user_data;
  self->error_destroy = destroy;
}

double
hark_resume_tracker_episode_opened (HarkResumeTracker *self, const char *title,
                                    gboolean rewind, double default_speed)
{
  return hark_resume_tracker_episode_opened_as (self, NULL, title, rewind, default_speed);
}

double
hark_resume_tracker_episode_opened_as (HarkResumeTracker *self, const char *key,
                                       const char *title, gboolean rewind, double default_speed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  const char *path;
  double position;

  g_return_val_if_fail (self != NULL, -1);

  stop_timer (self);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  self->title = g_strdup (title);

  path = hark_player_get_path (self->player);
  if (self->library == NULL || (path == NULL && key == NULL))
    {
      hark_player_set_speed (self->player, default_speed);
      return -1;
    }
  if (key != NULL)
    {
      self->key = g_strdup (key);
      entry = hark_library_lookup (self->library, key, &error);
      /* Heard before it had a key of its own (or from the file alone): its content's entry. */
      if (entry == NULL && error == NULL && path != NULL
          && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *content_key = hark_library_compute_key (
            path, hark_player_get_duration (self->player), NULL);
          if (content_key != NULL)
            entry = hark_library_lookup (self->library, content_key, &error);
        }
    }
  else
    {
      self->key = hark_library_compute_key (path, hark_player_get_duration (self->player),
                                            &error);
      if (self->key)
        entry = hark_library_lookup (self->library, self->key, &error);
    }
  if (error)
    report (self, error);
  if (entry == NULL)
    {
      hark_player_set_speed (self->player, default_speed);
      return -1;
    }

  position = hark_library_entry_get_resume_position (entry, g_get_real_time () / G_USEC_PER_SEC,
                                                      rewind);
  hark_player_set_speed (self->player, CLAMP (entry->speed, HARK_SPEED_MIN, HARK_SPEED_MAX));
  if (position > 0)
    hark_player_seek (self->player, position);
  return position;
}

void
hark_resume_tracker_set_title (HarkResumeTracker *self, const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

void
hark_resume_tracker_episode_closing (HarkResumeTracker *self)
{
  g_return_if_fail (self != NULL);

  stop_timer (self);
  save (self);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
}

void
hark_resume_tracker_handle_event (HarkResumeTracker *self, const HarkPlayerEvent *event)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (event != NULL);

  switch (event->type)
    {
    case HARK_PLAYER_EVENT_STATE:
      if (event->state == HARK_PLAYER_STATE_PLAYING)
        start_timer (self);
      else
        {
          stop_timer (self);
          save (self);
        }
      break;
    case HARK_PLAYER_EVENT_SEEKED:
    case HARK_PLAYER_EVENT_END:
      save (self);
      break;
    case HARK_PLAYER_EVENT_SKIP:
    case HARK_PLAYER_EVENT_ERROR:
    default:
      break;
    }
}

const char *
hark_resume_tracker_get_key (HarkResumeTracker *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key;
}
