/* hark-decoder.c — demux → decode → skip ranges → atempo → resample, with exact seeks
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions are counted in source samples from the first sample a linear decode produces, so
 * a seek can trim to the exact sample. Exactness at speed 1.0 also needs the resampler to be in
 * the same phase as during a linear decode: a seek feeds it from a source sample whose time is a
 * whole number of output samples (a multiple of in_rate / gcd), a little before the target,
 * and drops the output frames before the target.
 */
#include "audio/hark-decoder.h"
#include "util/hark-i18n.h"

#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <math.h>
#include <string.h>

#include "util/hark-error.h"
#include "util/hark-limits.h"
#include "util/hark-time.h"
#include "audio/hark-media-open.h"
#include "audio/hark-seek-index.h"

/* Decoded before the target so that decoders with memory (MP3's bit reservoir, AAC and Vorbis
 * overlap, Opus pre-roll) have settled by the time the wanted samples come out. */
#define CODEC_PREROLL_SECONDS 0.5
/* The highest sample rate played (DXD and 768 kHz PCM); anything above is a damaged header. */
#define MAX_SAMPLE_RATE 768000
/* The same after a jump by bytes into a part still to download (jump_by_bytes()). */
#define BYTE_JUMP_PREROLL_SECONDS 0.15
/* Damaged packets in a row, with no frame between them, after which the file is taken as not
 * decodable at all rather than damaged in places. */
#define MAX_DAMAGED_IN_A_ROW 10000

/* Fed to the resampler before the target so its filter history matches a linear decode. */
#define RESAMPLER_PREROLL_SECONDS 0.02
/* Length of the fades around a skipped range: long enough to avoid a click, short enough to
 * keep the cut within ±10 ms of the range. */
#define SKIP_FADE_SECONDS 0.005

typedef struct
{
  HarkSkipRange range;
  gint64 a, b; /* in source samples */
  gboolean done;
} Range;

typedef struct
{
  gint64 out_index; /* frames handed out since the last seek when this mark applies */
  double media;
  double media_per_frame;
  gboolean skipped;
  HarkSkipRange range;
} Mark;

struct _HarkDecoder
{
  char *path;
  AVFormatContext *fmt;
  int stream_index;
  AVStream *stream;
  AVCodecContext *codec;
  AVPacket *pkt;
  AVFrame *frame;
  AVFrame *tempo_in;
  AVFrame *tempo_out;
  gboolean pending_frame; /* self->frame holds a decoded frame not yet used */

  HarkSeekIndex *index; /* only for files whose container has no exact seek points */
  GCancellable *io_cancellable; /* stops waits for a source's bytes */
  gint64 pkt_counter;   /* the true timestamp of the next packet, when indexed */
  HarkMediaSource *source; /* the bytes, when still arriving */
  /* After a jump past the index (by bytes, to a part not downloaded yet): the next packet's
   * timestamp comes from its byte offset, at this many bytes per tick from this point. */
  gboolean guess_pts;
  double guess_rate;
  gint64 guess_pos, guess_from;
  gint64 guess_last_end; /* where the packet before ended */
  gboolean byte_landing;  /* no frame decoded since the jump: a cut frame there is expected */

  int in_rate;
  int in_channels;
  AVChannelLayout in_layout;
  int out_rate;
  int out_channels;
  gint64 in_step, out_step; /* the smallest source/output sample counts of equal duration */

  gint64 first_pts;
  gboolean have_first_pts;
  gint64 next_src;   /* source sample the next frame starts at, when counting */
  gboolean counting; /* FALSE after a seek until timestamps agree */
  gint64 anchor_end; /* end of the last frame by its timestamp, while next_src is unknown */
  gboolean at_start; /* the next frame is the first of the file */
  gint64 last_offset; /* how far the last frame's timestamp was from the count */
  gint64 src_from; /* source samples before this are dropped (seek) */
  gint64 out_drop; /* output frames still to drop (seek alignment) */

  float **planes; /* the current frame as float planes */
  gsize planes_cap;
  const float **emit_in; /* in_channels pointers into the planes, for emit() */

  /* Frames whose rate, channels or layout differ from the first frame's (a stitched-in ad)
   * are converted to the first frame's format, so everything after sees one format. */
  SwrContext *conform;
  int conform_rate;
  int conform_format;
  AVChannelLayout conform_layout;

  gint64 damaged_packets;  /* packets the decoder refused and that were skipped */
  gint64 damaged_in_a_row; /* since the last decoded frame */

  double speed;
  AVFilterGraph *graph;
  AVFilterContext *buffer_src;
  AVFilterContext *tempo;
  AVFilterContext *buffer_sink;

  SwrContext *swr;

  float *out_buf;
  gsize out_cap; /* frames */
  gsize out_pos, out_len;
  gint64 out_produced; /* frames appended to out_buf since the last seek */
  gint64 out_index;    /* frames handed out since the last seek */
  double next_media;
  double media_per_frame;
  GArray *marks;

  GArray *ranges;
  gint64 fade_in_from; /* source sample where the last jump landed, or -1 */

  gboolean demux_eof;
  gboolean decoder_eof;
  gboolean finished;
  double duration;
};

static void
set_av_error (GError **error, HarkError code, int averror, const char *what, const char *path)
{
  g_autofree char *why = hark_media_error_string (averror);
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, HARK_ERROR, code, _("%s “%s” failed: %s."), what, display, why);
}

void
hark_decoder_free (HarkDecoder *self)
{
  if (self == NULL)
    return;
  avfilter_graph_free (&self->graph);
  swr_free (&self->swr);
  swr_free (&self->conform);
  av_channel_layout_uninit (&self->conform_layout);
  g_free (self->emit_in);
  av_frame_free (&self->frame);
  av_frame_free (&self->tempo_in);
  av_frame_free (&self->tempo_out);
  av_packet_free (&self->pkt);
  avcodec_free_context (&self->codec);
  hark_media_close_input (&self->fmt);
  av_channel_layout_uninit (&self->in_layout);
  hark_seek_index_free (self->index);
  g_clear_pointer (&self->source, hark_media_source_unref);
  g_clear_object (&self->io_cancellable);
  for (int c = 0; c < self->in_channels && self->planes; c++)
    g_free (self->planes[c]);
  g_free (self->planes);
  g_free (self->out_buf);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->ranges, g_array_unref);
  g_free (self->path);
  g_free (self);
}

/* The layout to resample @layout as: the standard one for its channel count when the file
 * does not say which channels it has. */
static void
usable_layout (AVChannelLayout *dst, const AVChannelLayout *layout)
{
  if (layout->order == AV_CHANNEL_ORDER_UNSPEC)
    av_channel_layout_default (dst, layout->nb_channels);
  else
    av_channel_layout_copy (dst, layout);
}

/* Allocates @swr from @in to @out. A layout without named channels (9, 10, 11… channels, or a
 * custom order) gives libswresample nothing to build a downmix from, so channel i goes to
 * output channel i modulo the output's count, averaged so it cannot clip. */
static int
alloc_swr (SwrContext **swr, const AVChannelLayout *out, enum AVSampleFormat out_format,
           int out_rate, const AVChannelLayout *in, enum AVSampleFormat in_format, int in_rate)
{
  AVChannelLayout in_layout = { 0 };
  int ret;

  usable_layout (&in_layout, in);
  ret = swr_alloc_set_opts2 (swr, (AVChannelLayout *) out, out_format, out_rate, &in_layout, in_format, in_rate, 0,
                             NULL);
  /* A mono episode is one voice meant for both ears: each output channel carries it at its own
   * level. libswresample's default treats it as a centre speaker folded in at -3 dB, which makes
   * mono shows quieter than stereo ones (and than mpv plays them). */
  if (ret >= 0 && in_layout.nb_channels == 1)
    {
      g_autofree double *matrix = g_new (double, out->nb_channels);

      for (int o = 0; o < out->nb_channels; o++)
        matrix[o] = 1.0;
      ret = swr_set_matrix (*swr, matrix, 1);
    }
  else if (ret >= 0 && av_channel_layout_compare (&in_layout, out) != 0
      && (in_layout.order != AV_CHANNEL_ORDER_NATIVE || out->order != AV_CHANNEL_ORDER_NATIVE))
    {
      int n_in = in_layout.nb_channels, n_out = out->nb_channels;
      g_autofree double *matrix = g_new0 (double, (gsize) n_in * n_out);

      for (int o = 0; o < n_out; o++)
        {
          int count = 0;

          for (int i = 0; i < MAX (n_in, n_out); i++)
            if (i % n_out == o)
              count++;
          for (int i = 0; i < MAX (n_in, n_out); i++)
            if (i % n_out == o)
              matrix[o * n_in + i % n_in] += 1.0 / count;
        }
      ret = swr_set_matrix (*swr, matrix, n_in);
    }
  av_channel_layout_uninit (&in_layout);
  if (ret >= 0)
    ret = swr_init (*swr);
  return ret;
}

static gboolean
setup_resampler (HarkDecoder *self, GError **error)
{
  AVChannelLayout out_layout;
  int ret;

  swr_free (&self->swr);
  av_channel_layout_default (&out_layout, self->out_channels);
  ret = alloc_swr (&self->swr, &out_layout, AV_SAMPLE_FMT_FLT, self->out_rate, &self->in_layout,
                   AV_SAMPLE_FMT_FLTP, self->in_rate);
  av_channel_layout_uninit (&out_layout);
  if (ret < 0)
    {
      set_av_error (error, HARK_ERROR_UNSUPPORTED, ret, _("Setting up the resampler for"),
                    self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
setup_tempo (HarkDecoder *self, GError **error)
{
  const AVFilter *abuffer = avfilter_get_by_name ("abuffer");
  const AVFilter *atempo = avfilter_get_by_name ("atempo");
  const AVFilter *abuffersink = avfilter_get_by_name ("abuffersink");
  char layout[128] = "", args[256], value[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *tempo = NULL;
  static const enum AVSampleFormat formats[] = { AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_NONE };
  int ret;

  avfilter_graph_free (&self->graph);
  self->graph = avfilter_graph_alloc ();
  av_channel_layout_describe (&self->in_layout, layout, sizeof layout);
  /* A layout without named channels is given by its count alone. */
  if (self->in_layout.order == AV_CHANNEL_ORDER_UNSPEC)
    g_snprintf (args, sizeof args, "time_base=1/%d:sample_rate=%d:sample_fmt=fltp:channels=%d",
                self->in_rate, self->in_rate, self->in_channels);
  else
    g_snprintf (args, sizeof args,
                "time_base=1/%d:sample_rate=%d:sample_fmt=fltp:channel_layout=%s", self->in_rate,
                self->in_rate, layout);
  tempo = g_strconcat ("tempo=", g_ascii_formatd (value, sizeof value, "%.6f", self->speed), NULL);

  ret = avfilter_graph_create_filter (&self->buffer_src, abuffer, "in", args, NULL, self->graph);
  if (ret >= 0)
    ret = avfilter_graph_create_filter (&self->tempo, atempo, "atempo", tempo, NULL,
                                        self->graph);
  if (ret >= 0)
    ret = avfilter_graph_create_filter (&self->buffer_sink, abuffersink, "out", NULL, NULL,
                                        self->graph);
  if (ret >= 0)
    ret = av_opt_set_int_list (self->buffer_sink, "sample_fmts", formats, AV_SAMPLE_FMT_NONE,
                               AV_OPT_SEARCH_CHILDREN);
  /* Without it the sink refuses layouts without named channels (9, 10, 11… channels). */
  if (ret >= 0)
    ret = av_opt_set_int (self->buffer_sink, "all_channel_counts", 1, AV_OPT_SEARCH_CHILDREN);
  if (ret >= 0)
    ret = avfilter_link (self->buffer_src, 0, self->tempo, 0);
  if (ret >= 0)
    ret = avfilter_link (self->tempo, 0, self->buffer_sink, 0);
  if (ret >= 0)
    ret = avfilter_graph_config (self->graph, NULL);
  if (ret < 0)
    {
      avfilter_graph_free (&self->graph);
      set_av_error (error, HARK_ERROR_UNSUPPORTED, ret, _("Setting up the speed change for"),
                    self->path);
      return FALSE;
    }
  return TRUE;
}

static gint64
gcd64 (gint64 a, gint64 b)
{
  while (b)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

static gboolean
needs_index (AVFormatContext *fmt)
{
  /* A duration from the bitrate means the demuxer has no table of contents and would seek by
   * the same guess. MP3 is indexed even with a Xing TOC: it has only 100 coarse entries. */
  return fmt->duration_estimation_method == AVFMT_DURATION_FROM_BITRATE
         || g_strcmp0 (fmt->iformat->name, "mp3") == 0;
}

static gboolean
decode_first_frame (HarkDecoder *self, GError **error);

static int
open_codec (HarkDecoder *self)
{
  const AVCodec *codec = avcodec_find_decoder (self->stream->codecpar->codec_id);
  AVCodecContext *context = avcodec_alloc_context3 (codec);
  int ret;

  ret = avcodec_parameters_to_context (context, self->stream->codecpar);
  if (ret >= 0)
    {
      context->pkt_timebase = self->stream->time_base;
      ret = avcodec_open2 (context, codec, NULL);
    }
  if (ret < 0)
    {
      avcodec_free_context (&context);
      return ret;
    }
  avcodec_free_context (&self->codec);
  self->codec = context;
  return 0;
}

/* A file at @path, or the bytes of @source (then @path only names it in messages). */
static HarkDecoder *
decoder_open (const char *path, HarkMediaSource *source, int rate, int channels,
              HarkSeekIndexProgress progress, gpointer user_data, GCancellable *cancellable,
              GError **error)
{
  g_autoptr (HarkDecoder) self = g_new0 (HarkDecoder, 1);
  const AVCodec *codec;
  AVCodecParameters *par;
  int ret;

  g_return_val_if_fail (rate > 0 && channels > 0, NULL);

  self->path = g_strdup (path);
  self->out_rate = rate;
  self->out_channels = channels;
  self->speed = 1.0;
  self->fade_in_from = -1;
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->ranges = g_array_new (FALSE, FALSE, sizeof (Range));

  if (source != NULL)
    {
      self->io_cancellable = cancellable != NULL ? g_object_ref (cancellable)
                                                 : g_cancellable_new ();
      self->source = hark_media_source_ref (source);
    }
  self->fmt = source != NULL ? hark_media_open_source (source, self->io_cancellable,
                                                       &self->stream_index, error)
                             : hark_media_open_input (path, &self->stream_index, error);
  if (self->fmt == NULL)
    return NULL;
  self->stream = self->fmt->streams[self->stream_index];
  for (guint i = 0; i < self->fmt->nb_streams; i++)
    if ((int) i != self->stream_index)
      self->fmt->streams[i]->discard = AVDISCARD_ALL;
  par = self->stream->codecpar;

  codec = avcodec_find_decoder (par->codec_id);
  if (codec == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("“%s” uses the %s codec, which this FFmpeg cannot decode."), display,
                   avcodec_get_name (par->codec_id));
      return NULL;
    }
  ret = open_codec (self);
  if (ret < 0)
    {
      set_av_error (error, HARK_ERROR_UNSUPPORTED, ret, _("Opening the decoder for"), path);
      return NULL;
    }

  self->pkt = av_packet_alloc ();
  self->frame = av_frame_alloc ();
  self->tempo_in = av_frame_alloc ();
  self->tempo_out = av_frame_alloc ();

  if (needs_index (self->fmt))
    {
      /* Bytes still arriving are indexed only as far as a seek needs. */
      self->index = source != NULL
                        ? hark_seek_index_new_incremental (source, self->io_cancellable,
                                                           self->stream_index, error)
                        : hark_seek_index_build (path, self->stream_index, progress, user_data,
                                                 cancellable, error);
      if (self->index != NULL && source != NULL)
        {
          HarkMediaSourceProgress got;

          /* All there already: index it all now, for the exact duration. */
          hark_media_source_get_progress (source, &got);
          if (got.complete)
            hark_seek_index_extend_to (self->index, G_MAXINT64 / 2);
        }
      if (self->index == NULL)
        return NULL;
      self->pkt_counter = hark_seek_index_get_start (self->index);
    }

  if (!decode_first_frame (self, error))
    return NULL;

  if (self->index && hark_seek_index_is_complete (self->index))
    self->duration = (hark_seek_index_get_end (self->index) - self->first_pts)
                     * av_q2d (self->stream->time_base);
  else if (self->stream->duration != AV_NOPTS_VALUE && self->stream->duration > 0)
    self->duration = (self->stream->duration
                      + (self->stream->start_time != AV_NOPTS_VALUE ? self->stream->start_time
                                                                    : 0)
                      - self->first_pts)
                     * av_q2d (self->stream->time_base);
  else if (self->fmt->duration > 0)
    self->duration = self->fmt->duration / (double) AV_TIME_BASE;
  self->duration = MAX (self->duration, 0.0);

  self->in_step = self->in_rate / gcd64 (self->in_rate, self->out_rate);
  self->out_step = self->out_rate / gcd64 (self->in_rate, self->out_rate);
  self->media_per_frame = self->speed / self->out_rate;
  if (!setup_resampler (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

HarkDecoder *
hark_decoder_open (const char *path, int rate, int channels, GError **error)
{
  return decoder_open (path, NULL, rate, channels, NULL, NULL, NULL, error);
}

HarkDecoder *
hark_decoder_open_full (const char *path, int rate, int channels, HarkSeekIndexProgress progress,
                        gpointer user_data, GCancellable *cancellable, GError **error)
{
  return decoder_open (path, NULL, rate, channels, progress, user_data, cancellable, error);
}

HarkDecoder *
hark_decoder_open_source (HarkMediaSource *source, GCancellable *cancellable, int rate,
                          int channels, GError **error)
{
  return decoder_open (hark_media_source_get_name (source), source, rate, channels, NULL, NULL,
                       cancellable, error);
}

void
hark_decoder_interrupt (HarkDecoder *self)
{
  if (self->io_cancellable != NULL)
    g_cancellable_cancel (self->io_cancellable);
}

/* Reads the next packet of our stream into self->pkt; FALSE at the end of the file. */
static gboolean
read_packet (HarkDecoder *self)
{
  for (;;)
    {
      int ret = hark_media_read_frame (self->fmt, self->pkt);

      if (ret < 0)
        return FALSE;
      if (self->pkt->stream_index == self->stream_index)
        break;
      av_packet_unref (self->pkt);
    }
  if (self->index)
    {
      /* The demuxer's timestamps after a byte seek are guesses; ours are counted. After a
       * jump by bytes, counting starts at the whole packet its offset says (for a constant
       * bitrate exactly the one a linear decode has there), from the first packet that
       * follows the one before it without a gap: a packet found in the middle of a frame does
       * not. */
      if (self->guess_pts && self->pkt->pos >= 0 && self->pkt->duration > 0)
        {
          double packets = (double) (self->pkt->pos - self->guess_pos)
                           / (self->guess_rate * (double) self->pkt->duration);

          /* A damaged file's numbers stay in range (and the count as it was otherwise). */
          if (isfinite (packets) && fabs (packets) < 1e9)
            self->pkt_counter = self->guess_from + llround (packets) * self->pkt->duration;
          if (self->pkt->pos == self->guess_last_end)
            self->guess_pts = FALSE;
          self->guess_last_end = self->pkt->pos + self->pkt->size;
        }
      else
        self->guess_pts = FALSE;
      self->pkt->pts = self->pkt->dts = self->pkt_counter;
      self->pkt_counter += self->pkt->duration;
    }
  return TRUE;
}

/* A damaged packet is dropped and decoding goes on, as ffmpeg does: a few milliseconds of
 * silence beat stopping the episode. FALSE when nothing but damage has come for so long that
 * the file cannot be decoded at all. */
static gboolean
note_damage (HarkDecoder *self, int averror)
{
  if (self->byte_landing)
    return ++self->damaged_in_a_row < MAX_DAMAGED_IN_A_ROW;
  if (self->damaged_packets++ == 0)
    {
      g_autofree char *why = hark_media_error_string (averror);
      g_autofree char *display = g_filename_display_name (self->path);

      g_message ("“%s” is damaged (%s); the damaged parts are skipped.", display, why);
    }
  return ++self->damaged_in_a_row < MAX_DAMAGED_IN_A_ROW;
}

/* Decodes the next frame into self->frame. 1: a frame, 0: end of stream, <0: fatal error. */
static int
decode_frame (HarkDecoder *self)
{
  if (self->pending_frame)
    {
      self->pending_frame = FALSE;
      return 1;
    }
  for (;;)
    {
      int ret = avcodec_receive_frame (self->codec, self->frame);

      if (ret >= 0)
        {
          self->damaged_in_a_row = 0;
          self->byte_landing = FALSE;
          return 1;
        }
      if (ret == AVERROR_EOF)
        {
          self->decoder_eof = TRUE;
          return 0;
        }
      if (ret != AVERROR (EAGAIN))
        {
          if (ret == AVERROR (ENOMEM) || !note_damage (self, ret))
            return ret;
          continue;
        }

      if (self->demux_eof)
        {
          /* Already drained: the decoder said EAGAIN after a flush, nothing more. */
          self->decoder_eof = TRUE;
          return 0;
        }
      if (!read_packet (self))
        {
          self->demux_eof = TRUE;
          avcodec_send_packet (self->codec, NULL);
          continue;
        }
      ret = avcodec_send_packet (self->codec, self->pkt);
      av_packet_unref (self->pkt);
      if (ret < 0 && ret != AVERROR (EAGAIN) && (ret == AVERROR (ENOMEM) || !note_damage (self, ret)))
        return ret;
    }
}

static gboolean
decode_first_frame (HarkDecoder *self, GError **error)
{
  int ret = decode_frame (self);

  if (ret < 0)
    {
      set_av_error (error, HARK_ERROR_CORRUPT, ret, _("Decoding"), self->path);
      return FALSE;
    }
  if (ret == 0)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("“%s” contains no audio that can be decoded: it is damaged or truncated."),
                   display);
      return FALSE;
    }
  if (self->frame->sample_rate <= 0 || self->frame->sample_rate > MAX_SAMPLE_RATE)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      /* A damaged header: resampling from it would need gigabytes of filter. */
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("“%s” says its audio has %d samples a second; Hark plays up to %d."),
                   display, self->frame->sample_rate, MAX_SAMPLE_RATE);
      return FALSE;
    }
  self->pending_frame = TRUE;
  self->at_start = TRUE;
  self->first_pts = self->frame->pts != AV_NOPTS_VALUE ? self->frame->pts : 0;
  self->have_first_pts = TRUE;
  self->in_rate = self->frame->sample_rate;
  self->in_channels = self->frame->ch_layout.nb_channels;
  if (self->frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
    av_channel_layout_default (&self->in_layout, self->in_channels);
  else
    av_channel_layout_copy (&self->in_layout, &self->frame->ch_layout);
  self->planes = g_new0 (float *, self->in_channels);
  self->emit_in = g_new0 (const float *, self->in_channels);
  return TRUE;
}

static float
sample_to_float (const guint8 *data, enum AVSampleFormat fmt, gsize i)
{
  switch (fmt)
    {
    case AV_SAMPLE_FMT_U8:
    case AV_SAMPLE_FMT_U8P:
      return (data[i] - 128) / 128.0f;
    case AV_SAMPLE_FMT_S16:
    case AV_SAMPLE_FMT_S16P:
      return ((const gint16 *) data)[i] / 32768.0f;
    case AV_SAMPLE_FMT_S32:
    case AV_SAMPLE_FMT_S32P:
      return ((const gint32 *) data)[i] / 2147483648.0f;
    case AV_SAMPLE_FMT_S64:
    case AV_SAMPLE_FMT_S64P:
      return ((const gint64 *) data)[i] / 9223372036854775808.0f;
    case AV_SAMPLE_FMT_FLT:
    case AV_SAMPLE_FMT_FLTP:
      return ((const float *) data)[i];
    case AV_SAMPLE_FMT_DBL:
    case AV_SAMPLE_FMT_DBLP:
      return ((const double *) data)[i];
    case AV_SAMPLE_FMT_NONE:
    case AV_SAMPLE_FMT_NB:
    default:
      return 0;
    }
}

static void
planes_reserve (HarkDecoder *self, gsize n)
{
  if (n > self->planes_cap)
    {
      for (int c = 0; c < self->in_channels; c++)
        self->planes[c] = g_renew (float, self->planes[c], n);
      self->planes_cap = n;
    }
}

static gboolean
same_format_as_first (HarkDecoder *self, const AVFrame *f)
{
  AVChannelLayout layout = { 0 };
  gboolean same;

  if (f->sample_rate != self->in_rate || f->ch_layout.nb_channels != self->in_channels)
    return FALSE;
  usable_layout (&layout, &f->ch_layout);
  same = av_channel_layout_compare (&layout, &self->in_layout) == 0;
  av_channel_layout_uninit (&layout);
  return same;
}

/* Converts a frame in another format than the first (rate, channels or layout changed
 * mid-stream) into the planes, in the first frame's format. Returns the frames it gave, which
 * lag the input by the converter's delay; the timestamps put the next frames back in place. */
static gsize
conform_to_planes (HarkDecoder *self)
{
  AVFrame *f = self->frame;
  int room, got;

  if (self->conform == NULL || f->sample_rate != self->conform_rate
      || f->format != self->conform_format
      || av_channel_layout_compare (&f->ch_layout, &self->conform_layout) != 0)
    {
      swr_free (&self->conform);
      av_channel_layout_uninit (&self->conform_layout);
      if (f->sample_rate <= 0 || f->sample_rate > MAX_SAMPLE_RATE
          || f->ch_layout.nb_channels <= 0
          || alloc_swr (&self->conform, &self->in_layout, AV_SAMPLE_FMT_FLTP, self->in_rate,
                        &f->ch_layout, f->format, f->sample_rate)
                 < 0)
        {
          swr_free (&self->conform);
          return 0;
        }
      if (self->conform_rate == 0)
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_message ("“%s” changes its audio format mid-stream (%d Hz, %d channel(s) → %d Hz, %d "
                   "channel(s)); converting it.",
                     display, self->in_rate, self->in_channels, f->sample_rate,
                     f->ch_layout.nb_channels);
        }
      self->conform_rate = f->sample_rate;
      self->conform_format = f->format;
      av_channel_layout_copy (&self->conform_layout, &f->ch_layout);
    }
  room = swr_get_out_samples (self->conform, f->nb_samples);
  if (room <= 0)
    return 0;
  planes_reserve (self, room);
  got = swr_convert (self->conform, (guint8 **) self->planes, room,
                     (const guint8 **) f->extended_data, f->nb_samples);
  return MAX (got, 0);
}

/* Copies self->frame into self->planes as float, one plane per channel. */
static gsize
frame_to_planes (HarkDecoder *self)
{
  AVFrame *f = self->frame;
  gsize n = f->nb_samples;
  int channels = MIN (f->ch_layout.nb_channels, self->in_channels);
  enum AVSampleFormat fmt = f->format;

  if (!same_format_as_first (self, f))
    return conform_to_planes (self);
  planes_reserve (self, n);
  for (int c = 0; c < self->in_channels; c++)
    {
      float *dst = self->planes[c];

      if (c >= channels)
        memset (dst, 0, n * sizeof (float));
      else if (fmt == AV_SAMPLE_FMT_FLTP)
        memcpy (dst, f->extended_data[c], n * sizeof (float));
      else if (av_sample_fmt_is_planar (fmt))
        for (gsize i = 0; i < n; i++)
          dst[i] = sample_to_float (f->extended_data[c], fmt, i);
      else
        for (gsize i = 0; i < n; i++)
          dst[i] = sample_to_float (f->extended_data[0], fmt, i * f->ch_layout.nb_channels + c);
    }
  return n;
}

static void
out_reserve (HarkDecoder *self, gsize frames)
{
  if (self->out_pos > 0 && self->out_pos == self->out_len)
    self->out_pos = self->out_len = 0;
  if (self->out_len + frames <= self->out_cap)
    return;
  if (self->out_pos > 0)
    {
      memmove (self->out_buf, self->out_buf + self->out_pos * self->out_channels,
               (self->out_len - self->out_pos) * self->out_channels * sizeof (float));
      self->out_len -= self->out_pos;
      self->out_pos = 0;
    }
  if (self->out_len + frames > self->out_cap)
    {
      self->out_cap = self->out_len + frames;
      self->out_buf = g_renew (float, self->out_buf, self->out_cap * self->out_channels);
    }
}

/* Resamples @n frames of float planes (NULL: flush) into the output buffer. */
static void
resample (HarkDecoder *self, const float *const *in, int n)
{
  int room = swr_get_out_samples (self->swr, n);
  guint8 *out;
  int got;

  if (room <= 0)
    return;
  out_reserve (self, room);
  out = (guint8 *) (self->out_buf + self->out_len * self->out_channels);
  got = swr_convert (self->swr, &out, room, (const guint8 **) in, n);
  if (got <= 0)
    return;
  if (self->out_drop > 0)
    {
      gint64 drop = MIN (self->out_drop, got);

      memmove (out, out + drop * self->out_channels * sizeof (float),
               (got - drop) * self->out_channels * sizeof (float));
      got -= drop;
      self->out_drop -= drop;
    }
  self->out_len += got;
  self->out_produced += got;
}

static void
drain_tempo (HarkDecoder *self)
{
  while (av_buffersink_get_frame (self->buffer_sink, self->tempo_out) >= 0)
    {
      resample (self, (const float *const *) self->tempo_out->extended_data,
                self->tempo_out->nb_samples);
      av_frame_unref (self->tempo_out);
    }
}

/* Sends @n source frames starting at @offset in the planes down the rest of the pipeline. */
static void
emit (HarkDecoder *self, gsize offset, gsize n, gint64 position)
{
  const float **in = self->emit_in;
  int channels = self->in_channels;

  if (n == 0)
    return;
  for (int c = 0; c < channels; c++)
    in[c] = self->planes[c] + offset;

  if (self->graph == NULL)
    {
      resample (self, in, n);
      return;
    }

  av_frame_unref (self->tempo_in);
  self->tempo_in->nb_samples = n;
  self->tempo_in->format = AV_SAMPLE_FMT_FLTP;
  self->tempo_in->sample_rate = self->in_rate;
  self->tempo_in->pts = position;
  av_channel_layout_copy (&self->tempo_in->ch_layout, &self->in_layout);
  if (av_frame_get_buffer (self->tempo_in, 0) < 0)
    return;
  for (int c = 0; c < channels; c++)
    memcpy (self->tempo_in->extended_data[c], in[c], n * sizeof (float));
  if (av_buffersrc_add_frame (self->buffer_src, self->tempo_in) >= 0)
    drain_tempo (self);
}

static gint64
pending_delay (HarkDecoder *self)
{
  /* Frames the resampler still holds: they come out before anything fed from now on. */
  return swr_get_delay (self->swr, self->out_rate);
}

static void
push_mark (HarkDecoder *self, gint64 out_index, double media, const Range *skipped)
{
  Mark m = { out_index, media, self->speed / self->out_rate, skipped != NULL, { 0 } };

  if (skipped)
    m.range = skipped->range;
  g_array_append_val (self->marks, m);
}

/* A seek in bytes still arriving, to a point the index has not reached and whose bytes are
 * not there (so indexing up to it would wait for the download to get there): moves the
 * demuxer to the byte offset the bitrate so far puts @ts at, which makes the download fetch
 * that part next. FALSE when the index can reach @ts without a long wait. */
static gboolean
jump_by_bytes (HarkDecoder *self, gint64 ts)
{
  HarkMediaSourceProgress progress;
  gint64 pos0 = 0, pts0 = 0, pos1 = 0, pts1 = 0, target;
  double rate, tick = av_q2d (self->stream->time_base);

  if (self->source == NULL || hark_seek_index_is_complete (self->index)
      || ts <= hark_seek_index_get_end (self->index)
      || !hark_seek_index_lookup (self->index, G_MININT64, &pos0, &pts0)
      || !hark_seek_index_lookup (self->index, G_MAXINT64, &pos1, &pts1))
    return FALSE;
  hark_media_source_get_progress (self->source, &progress);
  if (progress.total == 0 || progress.complete || !(tick > 1e-12 && tick < 1.0)
      || pts1 < pts0 || ts > G_MAXINT64 / 4 || ts < G_MININT64 / 4)
    return FALSE;
  /* The bitrate of what is indexed (a second of it at least), else the header's. */
  if (((double) pts1 - (double) pts0) * tick >= 1.0 && pos1 > pos0)
    rate = ((double) pos1 - (double) pos0) / ((double) pts1 - (double) pts0);
  else if (self->stream->codecpar->bit_rate > 0)
    rate = self->stream->codecpar->bit_rate / 8.0 * tick;
  else
    return FALSE;
  /* Every byte before the point comes over the network now: a shorter pre-roll, still
   * several packets (an MP3 frame borrows at most 511 bytes from those before it). */
  ts += (gint64) ((CODEC_PREROLL_SECONDS - BYTE_JUMP_PREROLL_SECONDS) / tick);
  {
    double at = (double) pos0 + ((double) ts - (double) pts0) * rate;

    if (!isfinite (at) || at < (double) pos0 || at >= (double) progress.total)
      return FALSE;
    target = (gint64) at;
  }
  /* Within a few seconds of audio of what has arrived: the index gets there soon. */
  if ((double) target < (double) progress.available + 3.0 / tick * rate)
    return FALSE;
  avio_seek (self->fmt->pb, target, SEEK_SET);
  avformat_flush (self->fmt);
  self->guess_pts = TRUE;
  self->guess_rate = rate;
  self->guess_pos = pos0;
  self->guess_from = pts0;
  self->guess_last_end = -1;
  self->byte_landing = TRUE;
  self->pkt_counter = ts;
  return TRUE;
}

/* Moves the demuxer so that the next frames decoded cover source sample @target, with enough
 * pre-roll before it for the decoder to settle. */
static void
demux_seek (HarkDecoder *self, gint64 target)
{
  double seconds = (double) target / self->in_rate - CODEC_PREROLL_SECONDS;
  /* Before the first sample when near the start: containers keep priming packets there (AAC
   * in MP4, Opus pre-skip) that a seek to the first sample itself would leave out. */
  gint64 ts = self->first_pts
              + av_rescale_q (llround (seconds * 1e6), AV_TIME_BASE_Q, self->stream->time_base);

  self->pending_frame = FALSE;
  self->demux_eof = FALSE;
  self->decoder_eof = FALSE;
  self->guess_pts = FALSE;
  self->byte_landing = FALSE;
  if (self->index && jump_by_bytes (self, ts))
    ;
  else if (self->index)
    {
      gint64 pos = 0, entry_pts = 0;

      hark_seek_index_extend_to (self->index, ts);
      if (hark_seek_index_lookup (self->index, ts, &pos, &entry_pts))
        {
          avio_seek (self->fmt->pb, pos, SEEK_SET);
          avformat_flush (self->fmt);
          self->pkt_counter = entry_pts;
        }
    }
  else
    avformat_seek_file (self->fmt, self->stream_index, G_MININT64, ts, ts, 0);
  /* A fresh decoder rather than a flushed one: some (AAC) keep state across a flush, and a
   * seek to the start must give exactly what opening the file gives. */
  if (open_codec (self) < 0)
    avcodec_flush_buffers (self->codec);
  /* From the very start, the count is exact; elsewhere, wait for timestamps to agree. */
  self->counting = FALSE;
  self->at_start = target <= 0;
  self->anchor_end = G_MININT64;
  self->last_offset = 0;
}

/* Jumps over @r (and any range it lands in), continuing from its end without resetting the
 * resampler, so the only seam is the faded one. */
static void
jump_over (HarkDecoder *self, Range *r)
{
  gint64 land = r->b;
  gboolean chained;

  r->done = TRUE;
  do
    {
      chained = FALSE;
      for (guint i = 0; i < self->ranges->len; i++)
        {
          Range *o = &g_array_index (self->ranges, Range, i);

          if (!o->done && o->a <= land && land < o->b)
            {
              o->done = TRUE;
              land = o->b;
              chained = TRUE;
            }
        }
    }
  while (chained);
  /* Land a whole number of output frames after the cut, so the resampler stays in the phase
   * of a linear decode and what follows the seam is exactly the linear decode from there. This
   * moves the landing by less than one in_step (under 7 ms at 22.05 kHz, 3.3 ms at 44.1). */
  land = r->a + (land - r->a + self->in_step - 1) / self->in_step * self->in_step;

  push_mark (self, self->out_produced + pending_delay (self), (double) land / self->in_rate, r);
  self->src_from = land;
  self->fade_in_from = land;
  demux_seek (self, land);
}

static void
apply_fades (HarkDecoder *self, gint64 s, gsize n)
{
  gint64 fade = MAX (1, llround (SKIP_FADE_SECONDS * self->in_rate));
  gint64 e = s + n;

  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *r = &g_array_index (self->ranges, Range, i);
      gint64 from = MAX (s, r->a - fade), to = MIN (e, r->a);

      if (r->done || from >= to || r->a < self->src_from)
        continue;
      for (gint64 k = from; k < to; k++)
        {
          float g = (float) (r->a - k) / fade;

          for (int c = 0; c < self->in_channels; c++)
            self->planes[c][k - s] *= g;
        }
    }
  if (self->fade_in_from >= 0)
    {
      gint64 from = MAX (s, self->fade_in_from), to = MIN (e, self->fade_in_from + fade);

      for (gint64 k = from; k < to; k++)
        {
          float g = (float) (k - self->fade_in_from) / fade;

          for (int c = 0; c < self->in_channels; c++)
            self->planes[c][k - s] *= g;
        }
      if (e >= self->fade_in_from + fade)
        self->fade_in_from = -1;
    }
}

/* Takes one decoded frame through trimming, skip ranges and fades. */
static void
process_frame (HarkDecoder *self)
{
  gsize n = frame_to_planes (self);
  gint64 s, e, offset = 0;
  Range *hit = NULL;

  gboolean has_pts = self->frame->pts != AV_NOPTS_VALUE;
  gint64 p = -1;

  if (has_pts)
    p = av_rescale_q (self->frame->pts - self->first_pts, self->stream->time_base,
                      (AVRational){ 1, self->in_rate });
  /* Frame timestamps are not always the sum of the frames before them (Ogg Vorbis moves a few
   * hundred samples between the frames around a block-size change), but decoded frames are
   * contiguous: count samples, and take a timestamp only where two frames in a row agree on it
   * (after a seek, or after damage made the decoder drop a frame). */
  if (self->at_start)
    {
      /* The first frame from the start of the file: its timestamp may be before the first
       * sample (AAC priming in an edit list), which trimming removes as a linear decode does. */
      s = has_pts ? p : 0;
      self->at_start = FALSE;
    }
  else if (!self->counting)
    {
      gboolean agree = has_pts && p == self->anchor_end;

      self->anchor_end = has_pts ? p + (gint64) n : G_MININT64;
      if (!agree)
        return;
      s = p;
    }
  else
    {
      gint64 drift = has_pts ? p - self->next_src : 0;

      s = self->next_src;
      if (drift != 0 && drift == self->last_offset)
        s = p;
      self->last_offset = drift;
    }
  e = s + n;
  self->next_src = e;
  self->counting = TRUE;

  if (e <= self->src_from)
    return;
  if (s < self->src_from)
    offset = self->src_from - s;

  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *r = &g_array_index (self->ranges, Range, i);

      if (!r->done && r->a >= s + offset && r->a < e && r->a >= self->src_from
          && (hit == NULL || r->a < hit->a))
        hit = r;
    }

  apply_fades (self, s, n);
  if (hit)
    {
      emit (self, offset, hit->a - (s + offset), s + offset);
      jump_over (self, hit);
      return;
    }
  emit (self, offset, n - offset, s + offset);
  self->src_from = e;
}

/* Decodes until the output buffer has frames or the stream ended. */
static gboolean
produce (HarkDecoder *self, GError **error)
{
  while (self->out_pos == self->out_len && !self->finished)
    {
      int ret = decode_frame (self);

      if (ret > 0)
        {
          process_frame (self);
          av_frame_unref (self->frame);
          continue;
        }
      if (ret < 0)
        {
          set_av_error (error, HARK_ERROR_CORRUPT, ret, _("Decoding"), self->path);
          return FALSE;
        }
      if (self->graph && av_buffersrc_add_frame (self->buffer_src, NULL) >= 0)
        drain_tempo (self);
      resample (self, NULL, 0);
      self->finished = TRUE;
    }
  return TRUE;
}

gssize
hark_decoder_read (HarkDecoder *self, float *buffer, gsize max_frames, HarkDecoderChunk *chunk,
                   GError **error)
{
  gsize n;
  gboolean skipped = FALSE;
  HarkSkipRange range = { 0 };

  if (!produce (self, error))
    return -1;
  if (self->out_pos == self->out_len)
    return 0;

  /* Marks that apply here change the media mapping before these frames. */
  while (self->marks->len > 0 && g_array_index (self->marks, Mark, 0).out_index <= self->out_index)
    {
      Mark *m = &g_array_index (self->marks, Mark, 0);

      self->next_media = m->media;
      self->media_per_frame = m->media_per_frame;
      if (m->skipped)
        {
          skipped = TRUE;
          range = m->range;
        }
      g_array_remove_index (self->marks, 0);
    }

  n = MIN (max_frames, self->out_len - self->out_pos);
  if (self->marks->len > 0)
    n = MIN (n, (gsize) (g_array_index (self->marks, Mark, 0).out_index - self->out_index));
  memcpy (buffer, self->out_buf + self->out_pos * self->out_channels,
          n * self->out_channels * sizeof (float));
  self->out_pos += n;

  chunk->media_start = self->next_media;
  chunk->media_per_frame = self->media_per_frame;
  chunk->skipped = skipped;
  chunk->range = range;
  self->out_index += n;
  self->next_media += n * self->media_per_frame;
  return n;
}

gboolean
hark_decoder_seek (HarkDecoder *self, double seconds, GError **error)
{
  gint64 target, start;

  if (isnan (seconds))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("A seek needs a time, not NaN."));
      return FALSE;
    }
  seconds = CLAMP (seconds, 0.0, MAX (self->duration, 0.0));
  target = llround (seconds * self->in_rate);

  if (self->graph == NULL)
    {
      gint64 preroll = llround (RESAMPLER_PREROLL_SECONDS * self->in_rate);

      start = MAX (0, target - preroll) / self->in_step * self->in_step;
      self->out_drop = llround (seconds * self->out_rate) - start / self->in_step * self->out_step;
      self->out_drop = MAX (self->out_drop, 0);
    }
  else
    {
      start = target;
      self->out_drop = 0;
    }

  if (!setup_resampler (self, error))
    return FALSE;
  if (self->graph && !setup_tempo (self, error))
    return FALSE;

  self->src_from = start;
  self->fade_in_from = -1;
  self->finished = FALSE;
  self->out_pos = self->out_len = 0;
  self->out_produced = self->out_index = 0;
  self->next_media = seconds;
  self->media_per_frame = self->speed / self->out_rate;
  g_array_set_size (self->marks, 0);
  /* A range the seek lands inside plays, its very first sample included (that is how Unskip
   * returns to a segment); the resampler preroll before the target must not count as reaching
   * a range that starts in it. Starting over from 0 is not a deliberate seek into a pre-roll. */
  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *range = &g_array_index (self->ranges, Range, i);

      range->done = range->a < target || (range->a == target && target > 0);
    }
  demux_seek (self, start);
  return TRUE;
}

void
hark_decoder_set_speed (HarkDecoder *self, double speed)
{
  if (isnan (speed))
    return;
  speed = CLAMP (speed, HARK_SPEED_MIN, HARK_SPEED_MAX);
  if (speed == self->speed)
    return;
  self->speed = speed;
  if (self->graph)
    {
      char value[32];

      g_ascii_formatd (value, sizeof value, "%.6f", speed);
      avfilter_graph_send_command (self->graph, "atempo", "tempo", value, NULL, 0, 0);
    }
  else if (!setup_tempo (self, NULL))
    {
      self->speed = 1.0;
      return;
    }
  /* What is already resampled keeps the old rate; what comes next the new one. */
  {
    gint64 at = self->out_produced + pending_delay (self);
    double media = self->next_media
                   + (at - self->out_index) * (self->marks->len > 0
                                                   ? g_array_index (self->marks, Mark,
                                                                    self->marks->len - 1)
                                                         .media_per_frame
                                                   : self->media_per_frame);

    push_mark (self, at, media, NULL);
  }
}

void
hark_decoder_set_skip_ranges (HarkDecoder *self, const HarkSkipRange *ranges, guint n_ranges)
{
  g_array_set_size (self->ranges, 0);
  for (guint i = 0; i < n_ranges; i++)
    {
      Range r = { ranges[i], 0, 0, FALSE };

      if (!(ranges[i].end > ranges[i].start) || !isfinite (ranges[i].start)
          || !isfinite (ranges[i].end))
        continue;
      /* Past a week is past any file's end, and would overflow the sample count. */
      r.a = llround (CLAMP (ranges[i].start, 0.0, HARK_TIME_MAX_SECONDS) * self->in_rate);
      r.b = llround (MIN (ranges[i].end, HARK_TIME_MAX_SECONDS) * self->in_rate);
      /* Ranges already behind the decoder wait for the next pass. */
      r.done = r.a < self->src_from;
      g_array_append_val (self->ranges, r);
    }
}

gint64
hark_decoder_get_damaged_packets (HarkDecoder *self)
{
  return self->damaged_packets;
}

double
hark_decoder_get_duration (HarkDecoder *self)
{
  return self->duration;
}

int
hark_decoder_get_rate (HarkDecoder *self)
{
  return self->in_rate;
}

int
hark_decoder_get_channels (HarkDecoder *self)
{
  return self->in_channels;
}

const struct AVFormatContext *
hark_decoder_get_format (HarkDecoder *self)
{
  return self->fmt;
}

const struct AVStream *
hark_decoder_get_stream (HarkDecoder *self)
{
  return self->stream;
}
