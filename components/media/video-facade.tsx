'use client';
// A poster and a play button; YouTube's iframe (and its scripts) load only on click.
import { useState } from 'react';

export function VideoFacade({ videoId, title, poster }: { videoId: string; title: string; poster?: string }) {
  const [playing, setPlaying] = useState(false);
  if (playing) {
    return (
      <div className="aspect-video w-full overflow-hidden rounded-2xl bg-black">
        <iframe
          className="size-full"
          src={`https://www.youtube-nocookie.com/embed/${encodeURIComponent(videoId)}?autoplay=1&rel=0`}
          title={title}
          allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"
          allowFullScreen
        />
      </div>
    );
  }
  return (
    <button
      type="button"
      onClick={() => setPlaying(true)}
      className="group relative block aspect-video w-full overflow-hidden rounded-2xl bg-ink text-left"
      data-video-facade={videoId}
    >
      {poster && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={poster} alt="" className="absolute inset-0 size-full object-cover opacity-70 transition group-hover:opacity-60" />
      )}
      <span className="absolute inset-0 flex flex-col items-center justify-center gap-3 text-white">
        <span aria-hidden="true" className="flex size-16 items-center justify-center rounded-full bg-coral-700 text-2xl shadow-lg transition group-hover:scale-105">▶</span>
        <span className="rounded-full bg-black/60 px-3 py-1 text-sm font-medium">Watch the episode: {title}</span>
      </span>
      <span className="sr-only">(loads a YouTube player)</span>
    </button>
  );
}
