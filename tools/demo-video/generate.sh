#!/usr/bin/env bash
# tools/demo-video/generate.sh: draw the demo videos of the members' programme.
#
# For every session in content/programme/<phase>/<session>.mdx (or only the phases
# or sessions given as arguments) it renders a short silent placeholder video with
# ffmpeg and writes, into content/programme/<phase>/media/:
#
#   <video.file>     9 s, 640x360, 24 fps, H.264 (main profile, yuv420p) MP4 with
#                    +faststart, about 40-100 KB: the brand teal (#0f766e) background,
#                    "PHASE ONE · SESSION 1", the session title and its exercise names
#                    (fading in one by one), a sand-coloured circle that "breathes" in
#                    and out, a coral progress bar and a small "Demo video" label
#   <video.poster>   a JPEG frame from 5 s in, with every exercise name showing
#
# The file names come from the session's frontmatter (`video.file`, `video.poster`;
# by convention <session-slug>.mp4 and .jpg). It then rewrites ONLY `video.length` in
# the .mdx file to the exact byte size of the new video, leaving every other byte
# of the file as it was. The loader (lib/content/programme.ts) checks that size.
#
# The outputs are committed: the site, its tests and CI never run ffmpeg. Re-run
# this after adding a session or changing a session's title or exercise names.
#
# Usage (from anywhere):
#   tools/demo-video/generate.sh                                  # every session
#   tools/demo-video/generate.sh phase-two                        # one phase
#   tools/demo-video/generate.sh phase-one/breathing-and-bracing  # one session
#
# Re-runnable: the output depends only on the frontmatter and the tool versions, so
# running it twice with the same ffmpeg gives the same bytes and the same lengths.
#
# Needs: node (with the repo's node_modules, for gray-matter and js-yaml), ffmpeg
# (with libx264 and the drawtext filter) and the DejaVu Sans fonts.
# On Debian/Ubuntu: apt-get install -y ffmpeg fonts-dejavu-core
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

missing=()
for tool in node ffmpeg; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "generate.sh: missing ${missing[*]}" >&2
  echo "  install with: apt-get install -y ffmpeg fonts-dejavu-core (and node >= 20)" >&2
  exit 1
fi
filters="$(ffmpeg -hide_banner -filters 2>/dev/null || true)"
if [[ "$filters" != *" drawtext "* ]]; then
  echo "generate.sh: this ffmpeg has no drawtext filter (it needs libfreetype)" >&2
  exit 1
fi
if [[ ! -d "$root/node_modules/gray-matter" || ! -d "$root/node_modules/js-yaml" ]]; then
  echo "generate.sh: gray-matter or js-yaml not found; run npm install in $root first" >&2
  exit 1
fi

cd "$root"
exec node "$here/generate.mjs" "$@"
