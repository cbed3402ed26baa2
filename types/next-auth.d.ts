import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** Compared with User.sessionVersion on every request (lib/auth/session.ts). */
    sessionVersion: number;
  }
}
