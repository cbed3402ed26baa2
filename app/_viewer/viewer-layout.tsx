// The layout of the groups whose pages are rendered for each request (members, staff):
// the viewer comes with them (ViewerState), so the header needs no request of its own.
// Not behind a boundary: the header reads it as the page hydrates, before it would ask.
import type { ReactNode } from 'react';
import { ViewerState } from './viewer-state';

export function ViewerLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ViewerState />
      {children}
    </>
  );
}
