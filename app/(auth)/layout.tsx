import type { ReactNode } from 'react';

/** Sign-in, sign-up and password pages: one narrow column inside the site chrome (app/layout.tsx). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="container-page max-w-md py-10 sm:py-16">{children}</div>;
}
