#!/bin/bash
# test-server-dies.sh — the sound server dies while hark-cli plays: Hark says so in a sentence,
# and neither PortAudio's "Expression '…' failed in 'src/hostapi/…'" lines nor "ALSA lib" lines
# reach the terminal (issue item 11).
#
# Copyright 2026 The Hark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A private PulseAudio on its own socket, so the session's server (other tests) is untouched.
set -u
cli="$1"
for tool in pulseaudio pactl ffmpeg; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed"; exit 77; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/hark-server-dies.XXXXXX")
pa=
cleanup() {
  [ -n "$pa" ] && kill -9 "$pa" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

mkdir -p "$dir/config/alsa" "$dir/run"
printf 'pcm.!default { type pulse }\nctl.!default { type pulse }\n' > "$dir/config/alsa/asoundrc"
export XDG_CONFIG_HOME="$dir/config" XDG_RUNTIME_DIR="$dir/run" HOME="$dir"
unset HARK_PORTAUDIO_LOG
ffmpeg -loglevel error -f lavfi -i "sine=frequency=440:duration=20" "$dir/tone.wav" || exit 1

pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=no \
  --log-target=file:"$dir/pulseaudio.log" \
  -L "module-native-protocol-unix auth-anonymous=1 socket=$dir/pulse.sock" \
  -L "module-null-sink sink_name=dies rate=48000 channels=2" >/dev/null 2>&1 &
pa=$!
export PULSE_SERVER="unix:$dir/pulse.sock"
for _ in $(seq 1 100); do
  pactl info >/dev/null 2>&1 && break
  sleep 0.1
done
pactl info >/dev/null 2>&1 || { echo "skip: the private PulseAudio did not start"; exit 77; }

( sleep 6; echo quit ) | "$cli" play "$dir/tone.wav" >/dev/null 2>"$dir/stderr" &
player=$!
sleep 2
kill -9 "$pa"
wait "$pa" 2>/dev/null
pa=
wait "$player"
status=$?

echo "hark-cli play exited with $status; its stderr:"
sed 's/^/  | /' "$dir/stderr"
if grep -q -e "^Expression '" -e "^ALSA lib " "$dir/stderr"; then
  echo "FAIL: PortAudio or ALSA lines leaked to stderr"
  exit 1
fi
if ! grep -q -e "audio device" -e "audio system" "$dir/stderr"; then
  echo "FAIL: Hark did not say that the device stopped"
  exit 1
fi
echo "ok"
