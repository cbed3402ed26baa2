'use client';
// Hands the viewer, rendered into this response, to the header and comment controls: as
// it hydrates, and in the HTML itself for a header that asks before then (use-me.ts).
import { useEffect } from 'react';
import type { Me } from '@/lib/viewer/me';
import { publishViewer } from './use-me';

export function PublishViewer({ me }: { me: Me }) {
  useEffect(() => publishViewer(me), [me]);
  return <span hidden data-viewer={JSON.stringify(me)} />;
}
