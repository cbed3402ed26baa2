// argon2id's parameters (OWASP's recommendation), apart from lib/auth/password.ts so the
// scripts that write accounts directly (scripts/lib/fleet-members.ts) hash exactly as the app does.
export const ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
