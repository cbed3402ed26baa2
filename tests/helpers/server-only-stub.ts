// Stands in for the `server-only` package under Vitest, which runs on the server anyway.
export {};
