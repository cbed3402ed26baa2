#!/usr/bin/env bash
# tools/demo-audio/system.sh: the two short spoken notes the feeds carry besides the
# episodes (content/podcast/system/), made with espeak-ng and lame:
#   members-only-teaser.mp3  the audio of a members-only episode's teaser in the public
#                            feed (lib/podcast/members-teaser.ts)
#   renew-membership.mp3     the "how to renew" item in a lapsed member's private feed
#                            (lib/podcast/private-feed/renew-episode.ts)
# Prints each file's duration: put it in the module's *_SECONDS constant.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=content/podcast/system
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

speak() { # file title text
  espeak-ng -v en-gb+f3 -s 150 -w "$tmp/$1.wav" "$3"
  lame --silent -m m -b 48 --cbr -q 2 --resample 22.05 --add-id3v2 --id3v2-only \
    --tt "$2" --tl "The Steady Spine Podcast" "$tmp/$1.wav" "$dir/$1.mp3"
  bytes=$(stat -c %s "$dir/$1.mp3")
  echo "$dir/$1.mp3: $bytes bytes, about $(( (bytes * 8) / 48000 )) s"
}

speak members-only-teaser "A members-only episode" \
  "This is a members-only episode of The Steady Spine Podcast. Members hear it in full, with a transcript, on our website or in their own private podcast feed. \
To become a member, visit the membership page on our website. The show notes of this episode tell you what it covers. Thank you for listening."

speak renew-membership "How to get the members' episodes back" \
  "Hello from The Steady Spine Podcast. Your membership has ended, so this private feed now carries the public episodes only. \
To get every members' episode back, renew your membership on the website. There is nothing to change in your podcast app: \
once you renew, the members' episodes come back to this same feed by themselves. Thank you for listening."
