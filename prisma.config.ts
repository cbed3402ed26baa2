// Prisma CLI configuration: the JS schema engine with a driver adapter, so no Rust
// engine binary is ever downloaded. Run the CLI through `npm run prisma -- <command>`
// (scripts/prisma.ts), which points it at the same database the app uses.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';
import { EMBEDDED_CLI_HOST } from './lib/db/target';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    const url = new URL(process.env.DATABASE_URL ?? `postgresql://${EMBEDDED_CLI_HOST}/`);
    if (url.hostname === EMBEDDED_CLI_HOST) {
      const dir = decodeURIComponent(url.pathname.slice(1));
      // Typed against an older driver-adapter-utils; same runtime contract.
      return new PrismaPGlite(new PGlite(dir || undefined)) as unknown as PrismaPg;
    }
    return new PrismaPg({ connectionString: url.toString() });
  },
});
