// Next.js strips Content-Length from route-handler responses (its send-response.ts drops
// it because bodies may be re-encoded). Media players and podcast apps need it on HEAD
// and on byte-range answers, so the media route also sends the length under this
// private header and scripts/server.mjs turns it back into Content-Length. The bytes are
// sent unmodified (no compression on media), so the length is exact.
export const MEDIA_LENGTH_HEADER = 'x-media-content-length';
