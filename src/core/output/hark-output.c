/* hark-output.c — the output interface's dispatch
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "output/hark-output.h"

void
hark_output_set_pull_func (HarkOutput *self, HarkOutputPullFunc func, gpointer user_data)
{
  self->pull = func;
  self->pull_data = user_data;
}

void
hark_output_prepare (HarkOutput *self)
{
  if (self->klass->prepare)
    self->klass->prepare (self);
}

gboolean
hark_output_start (HarkOutput *self, GError **error)
{
  g_return_val_if_fail (self->pull != NULL, FALSE);
  return self->klass->start (self, error);
}

void
hark_output_stop (HarkOutput *self, gboolean drain)
{
  self->klass->stop (self, drain);
}

double
hark_output_get_time (HarkOutput *self)
{
  return self->klass->get_time (self);
}

gboolean
hark_output_check_failed (HarkOutput *self, GError **error)
{
  return self->klass->check_failed (self, error);
}

const char *
hark_output_get_name (HarkOutput *self)
{
  return self->klass->name;
}

void
hark_output_free (HarkOutput *self)
{
  if (self == NULL)
    return;
  self->klass->stop (self, FALSE);
  self->klass->free (self);
}
