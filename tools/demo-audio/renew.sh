#!/usr/bin/env bash
# tools/demo-audio/renew.sh: the short spoken message a member's private feed carries
# after their membership ends (lib/private-feed/renew-episode.ts). Needs espeak-ng and
# lame. Prints the duration in seconds: put it in RENEW_EPISODE.durationSeconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=content/podcast/system/renew-membership.mp3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
espeak-ng -v en-gb+f3 -s 150 -w "$tmp/renew.wav" \
  "Hello from The Steady Spine Podcast. Your membership has ended, so this private feed now carries the public episodes only. \
To get every members' episode back, renew your membership on the website. There is nothing to change in your podcast app: \
once you renew, the members' episodes come back to this same feed by themselves. Thank you for listening."
lame --silent -m m -b 48 --cbr -q 2 --resample 22.05 --add-id3v2 --id3v2-only \
  --tt "How to get the members' episodes back" --tl "The Steady Spine Podcast" "$tmp/renew.wav" "$out"
bytes=$(stat -c %s "$out")
echo "$out: $bytes bytes, about $(( (bytes * 8) / 48000 )) s"
