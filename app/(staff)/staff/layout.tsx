import { Suspense, type ReactNode } from 'react';
import { StaffNav } from '@/components/staff/staff-nav';

// Rendered for each request (it reads the session), so it may block.
export const instant = false;

export default function StaffSectionLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Suspense fallback={null}>
        <StaffNav />
      </Suspense>
      {children}
    </>
  );
}
