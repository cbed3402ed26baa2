// /api/auth/* – Auth.js (sign-in callbacks, session, sign-out).
export { GET, POST } from '@/auth';
