'use client';
// Audio player with playback speed and a time-stamped transcript that seeks on click
// and follows along as the episode plays.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface PlayerTranscriptLine {
  at: number;
  speaker: string;
  text: string;
}

const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function EpisodePlayer({ src, type, title, transcript }: { src: string; type: string; title: string; transcript: PlayerTranscriptLine[] }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [speed, setSpeed] = useState<number>(1);
  const [current, setCurrent] = useState(-1);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed]);

  const onTime = useCallback(() => {
    const t = audio.current?.currentTime ?? 0;
    let index = -1;
    for (let i = 0; i < transcript.length && transcript[i].at <= t; i++) index = i;
    setCurrent(index);
  }, [transcript]);

  const seek = (at: number) => {
    const el = audio.current;
    if (!el) return;
    el.currentTime = at;
    void el.play().catch(() => undefined);
  };

  return (
    <div className="space-y-6">
      <div className="rounded-2xl border border-sand-200 bg-sand-50 p-4">
        <audio ref={audio} controls preload="metadata" className="w-full" onTimeUpdate={onTime} aria-label={`Listen: ${title}`}>
          <source src={src} type={type} />
          <a href={src}>Download the episode</a>
        </audio>
        <div role="group" aria-label="Playback speed" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700">Speed</span>
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={speed === s}
              onClick={() => setSpeed(s)}
              className="rounded-full border border-sand-200 bg-white px-3 py-1 aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white"
            >
              {s}×
            </button>
          ))}
        </div>
      </div>

      {transcript.length > 0 && (
        <section aria-labelledby="transcript-heading">
          <h2 id="transcript-heading" className="text-xl font-semibold">Transcript</h2>
          <p className="mt-1 text-sm text-slate-600">Select a time to jump there in the audio.</p>
          <ol className="mt-4 space-y-3">
            {transcript.map((line, i) => (
              <li key={`${line.at}-${i}`} aria-current={i === current ? 'true' : undefined} className="flex gap-3 rounded-lg p-2 aria-[current=true]:bg-brand-50">
                <button type="button" onClick={() => seek(line.at)} className="h-fit shrink-0 rounded-md bg-white px-2 py-0.5 font-mono text-xs text-brand-700 ring-1 ring-sand-200 hover:bg-brand-50" aria-label={`Play from ${clock(line.at)}`}>
                  {clock(line.at)}
                </button>
                <p className="text-[0.95rem] leading-relaxed">
                  <span className="font-semibold">{line.speaker}:</span> {line.text}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
