// What a production fleet runs, defined once: the build and start commands, the
// environment each app instance gets, the health checks, and the nginx configuration's
// placeholders. `npm run fleet` (scripts/lib/fleet.ts) runs it on this machine, and
// deploy/Dockerfile and deploy/compose.yaml spell the same things out for Docker;
// tests/unit/deploy-in-step.test.ts checks those two files against this module.
import path from 'node:path';
import { serverCommand } from './prepare-build';

/** The main nginx configuration, relative to the repository. */
export const NGINX_TEMPLATE = 'deploy/nginx.conf.template';

/** The template's placeholders: where nginx listens, the instances, its cache and scratch folders. */
export const NGINX_PLACEHOLDERS = ['NGINX_LISTEN', 'NGINX_UPSTREAM_SERVERS', 'NGINX_CACHE_DIR', 'NGINX_TEMP_DIR'] as const;
export type NginxSettings = Record<(typeof NGINX_PLACEHOLDERS)[number], string>;

/** What nginx is started with on top of the configuration (the official image's default command). */
export const NGINX_GLOBAL_DIRECTIVES = 'daemon off;';

/** An instance that refused a connection or answered 502/503 once gets no requests for 5 s. */
export const UPSTREAM_MAX_FAILS = 1;
export const UPSTREAM_FAIL_TIMEOUT_SECONDS = 5;

/** The upstream block's server lines for instances at `host:port` addresses. */
export function upstreamServers(addresses: string[]): string {
  if (addresses.length === 0) throw new Error('A fleet needs at least one app instance');
  return addresses.map((address) => `server ${address} max_fails=${UPSTREAM_MAX_FAILS} fail_timeout=${UPSTREAM_FAIL_TIMEOUT_SECONDS}s;`).join(' ');
}

/**
 * Fills the template's ${NAME} placeholders, as envsubst does in the nginx image, and
 * nothing else (nginx's own $variables stay). Throws when one is missing or empty.
 */
export function renderNginxConfig(template: string, settings: NginxSettings): string {
  return template.replace(/\$\{([A-Z0-9_]+)\}/g, (match, name: string) => {
    if (!(NGINX_PLACEHOLDERS as readonly string[]).includes(name)) throw new Error(`Unknown placeholder ${match} in ${NGINX_TEMPLATE}`);
    const value = settings[name as keyof NginxSettings];
    if (!value) throw new Error(`No value for ${match} in ${NGINX_TEMPLATE}`);
    return value;
  });
}

/** The probes: liveness (no database) and readiness (database, migrations, Redis, not draining). */
export const HEALTH_PATHS = { live: '/healthz', ready: '/readyz' } as const;

/** Asks the instance on `port` for `pathname` with node itself (the slim image has no curl); exit 0 on a 200. */
export function healthProbeScript(port: number, pathname: string): string {
  return `fetch('http://127.0.0.1:${port}${pathname}').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))`;
}

/** The build: `npm run fleet:build` (scripts/fleet.ts build: next build for SITE_URL, skipped when up to date). */
export const BUILD_COMMAND = ['npm', 'run', 'fleet:build'] as const;

/** The start command of an app instance, as run from the repository's root. */
export function startCommand(): string[] {
  const root = process.cwd();
  return ['node', ...serverCommand(false).map((arg) => (path.isAbsolute(arg) ? path.relative(root, arg) : arg))];
}

/** An app instance's listening port inside a container (compose.yaml). */
export const CONTAINER_APP_PORT = 3000;

export interface InstanceSettings {
  siteUrl: string;
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  authSecret: string;
  /** Who may set X-Forwarded-For: loopback (nginx on this machine) or the container network. */
  trustedProxies: string;
  shutdownGraceSeconds: number;
}

/**
 * The variables an operator gives each instance (scripts/lib/start-plan.ts adds NODE_ENV
 * and checks them); compose.yaml's app services set exactly these names.
 */
export function instanceVariables(settings: InstanceSettings): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SITE_URL: settings.siteUrl,
    HOST: settings.host,
    PORT: String(settings.port),
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    KEY_PREFIX: settings.keyPrefix,
    AUTH_SECRET: settings.authSecret,
    TRUSTED_PROXIES: settings.trustedProxies,
    SHUTDOWN_GRACE_SECONDS: String(settings.shutdownGraceSeconds),
  };
}
