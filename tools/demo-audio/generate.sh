#!/usr/bin/env bash
# tools/demo-audio/generate.sh: synthesise the demo podcast audio from the transcripts.
#
# For every episode in content/podcast/*.mdx (or only the slugs given as arguments)
# it reads the `transcript` lines from the frontmatter, speaks each line with
# espeak-ng (one voice per speaker, ~160 wpm), puts 0.4 s of silence between lines,
# encodes the result as a mono 22050 Hz 48 kbps CBR MP3 in
# content/podcast/audio/<slug>.mp3, and then rewrites ONLY these frontmatter values
# in the .mdx file, leaving every other byte as it was:
#
#   transcript[i].at   start time of line i, "mm:ss" (rounded down)
#   duration           total length, "hh:mm:ss" (rounded to the nearest second)
#   audio.length       exact byte size of the mp3
#
# It also warns when a "(mm:ss)" timestamp in the show notes does not match the
# start of any transcript line (those are written by hand and never rewritten).
#
# Usage (from anywhere):
#   tools/demo-audio/generate.sh                       # every episode
#   tools/demo-audio/generate.sh flare-up-first-aid    # just these slugs
#
# Re-runnable: the output depends only on the transcript text and the tool
# versions, so running it twice gives the same bytes and the same frontmatter.
#
# Needs: node (with the repo's node_modules, for gray-matter), espeak-ng, sox, lame.
# On Debian/Ubuntu: apt-get install -y espeak-ng sox libsox-fmt-mp3 lame
# Voices: Maya = en-gb+f3, Tom = en-gb+m3 (see VOICES in generate.mjs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

missing=()
for tool in node espeak-ng sox soxi lame; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "generate.sh: missing ${missing[*]}" >&2
  echo "  install with: apt-get install -y espeak-ng sox libsox-fmt-mp3 lame (and node >= 20)" >&2
  exit 1
fi
if [[ ! -d "$root/node_modules/gray-matter" ]]; then
  echo "generate.sh: gray-matter not found; run npm install in $root first" >&2
  exit 1
fi

cd "$root"
exec node "$here/generate.mjs" "$@"
