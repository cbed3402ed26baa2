// The demo accounts `npm start` seeds. Their passwords are public by design (printed at
// start): they are seeded only in the demo, on a loopback SITE_URL (lib/demo/mode.ts).
export const DEMO_USERS = [
  { email: 'member@steadyspine.example', name: 'Morgan Member', role: 'MEMBER', password: 'demo-member-pass' },
  { email: 'reader@steadyspine.example', name: 'Riley Reader', role: 'MEMBER', password: 'demo-reader-pass' },
  { email: 'maya@steadyspine.example', name: 'Maya Okafor', role: 'COACH', password: 'demo-coach-pass', image: '/images/authors/maya-okafor.svg' },
  { email: 'tom@steadyspine.example', name: 'Tom Reilly', role: 'COACH', password: 'demo-coach-pass', image: '/images/authors/tom-reilly.svg' },
  { email: 'admin@steadyspine.example', name: 'Avery Admin', role: 'ADMIN', password: 'demo-admin-pass' },
] as const;

/** The demo member with an active subscription (lib/billing/seed.ts); reader@ has none. */
export const DEMO_SUBSCRIBER_EMAIL = 'member@steadyspine.example';
