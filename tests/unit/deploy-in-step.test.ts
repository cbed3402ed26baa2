// deploy/Dockerfile and deploy/compose.yaml cannot be built or run here (no Docker daemon):
// this keeps them saying what `npm run fleet` does (scripts/lib/fleet-plan.ts), so a
// change to the fleet's commands, environment, probes or nginx settings fails here until
// the Docker files follow.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  BUILD_COMMAND,
  CONTAINER_APP_PORT,
  HEALTH_PATHS,
  healthProbeScript,
  instanceVariables,
  NGINX_GLOBAL_DIRECTIVES,
  NGINX_PLACEHOLDERS,
  NGINX_TEMPLATE,
  startCommand,
  upstreamServers,
} from '@/scripts/lib/fleet-plan';

interface Service {
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = yaml.load(fs.readFileSync('deploy/compose.yaml', 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const appNames = Object.keys(services).filter((name) => services[name].build);

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = fs
  .readFileSync('deploy/Dockerfile', 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    return { keyword: keyword.toUpperCase(), rest };
  });
const dockerfile = (keyword: string) => instructions.filter((i) => i.keyword === keyword).map((i) => i.rest);

const probe = (pathname: string) => ['node', '-e', healthProbeScript(CONTAINER_APP_PORT, pathname)];

describe('deploy/Dockerfile', () => {
  it('builds on the slim Node 20 image with the fleet build command, and runs as a non-root user', () => {
    expect(dockerfile('FROM')).toEqual(['node:20-bookworm-slim']);
    expect(dockerfile('RUN').some((run) => run.startsWith(BUILD_COMMAND.join(' ')))).toBe(true);
    expect(dockerfile('USER').at(-1)).toMatch(/^(?!root$|0$)\w+$/);
  });

  it('starts the server with the fleet start command on the container port', () => {
    expect(JSON.parse(dockerfile('CMD').at(-1)!)).toEqual(startCommand());
    expect(dockerfile('EXPOSE')).toEqual([String(CONTAINER_APP_PORT)]);
    expect(dockerfile('ENV').join(' ')).toContain(`PORT=${CONTAINER_APP_PORT}`);
  });

  it('checks liveness with the fleet probe', () => {
    const healthcheck = dockerfile('HEALTHCHECK').at(-1)!;
    expect(JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4))).toEqual(probe(HEALTH_PATHS.live));
  });

  it('is built by an npm script that runs the fleet build', () => {
    const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(BUILD_COMMAND.slice(0, 2)).toEqual(['npm', 'run']);
    expect(scripts[BUILD_COMMAND[2]]).toBe('tsx scripts/fleet.ts build');
  });
});

describe('deploy/compose.yaml', () => {
  it('runs PostgreSQL, Redis, two app instances and nginx, each with a healthcheck', () => {
    expect(appNames).toHaveLength(2);
    for (const name of ['postgres', 'redis', 'nginx', ...appNames]) expect(services[name]?.healthcheck?.test.length, name).toBeGreaterThan(1);
    expect(services.redis.command?.join(' ')).toContain('--notify-keyspace-events Exe');
  });

  it('builds each app instance from the Dockerfile and gives it exactly the fleet instance environment', () => {
    const fleetNames = Object.keys(
      instanceVariables({ siteUrl: '', host: '', port: 0, databaseUrl: '', redisUrl: '', keyPrefix: '', authSecret: '', trustedProxies: '', shutdownGraceSeconds: 0 }),
    ).sort();
    for (const name of appNames) {
      const app = services[name];
      expect(path.resolve('deploy', app.build!.context, app.build!.dockerfile)).toBe(path.resolve('deploy/Dockerfile'));
      expect(Object.keys(app.environment ?? {}).sort(), name).toEqual(fleetNames);
      expect(app.environment!.PORT).toBe(String(CONTAINER_APP_PORT));
      expect(app.environment!.NODE_ENV).toBe('production');
      // The build bakes SITE_URL into pages: the same value the instance runs with.
      expect(app.build!.args?.SITE_URL).toBe(app.environment!.SITE_URL);
      expect(app.healthcheck!.test).toEqual(['CMD', ...probe(HEALTH_PATHS.ready)]);
      expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
  });

  it('runs nginx on the same template and upstream settings, after the instances are ready', () => {
    const nginx = services.nginx;
    const template = nginx.volumes!.map((volume) => volume.split(':')).find(([, target]) => target.startsWith('/etc/nginx/templates/'))!;
    expect(path.resolve('deploy', template[0])).toBe(path.resolve(NGINX_TEMPLATE));
    // The image writes templates/<name>.template to NGINX_ENVSUBST_OUTPUT_DIR/<name>: the main configuration.
    expect(template[1]).toBe('/etc/nginx/templates/nginx.conf.template');
    expect(nginx.environment!.NGINX_ENVSUBST_OUTPUT_DIR).toBe('/etc/nginx');
    for (const name of NGINX_PLACEHOLDERS) expect(nginx.environment![name], name).toBeTruthy();
    expect(nginx.environment!.NGINX_UPSTREAM_SERVERS).toBe(upstreamServers(appNames.map((name) => `${name}:${CONTAINER_APP_PORT}`)));
    expect(nginx.command).toEqual(['nginx', '-g', NGINX_GLOBAL_DIRECTIVES]);
    expect(nginx.healthcheck!.test.join(' ')).toContain(HEALTH_PATHS.live);
    for (const name of appNames) expect(nginx.depends_on![name]).toEqual({ condition: 'service_healthy' });
  });
});

describe(NGINX_TEMPLATE, () => {
  it('has exactly the placeholders the fleet and compose fill', () => {
    const found = new Set([...fs.readFileSync(NGINX_TEMPLATE, 'utf8').matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]));
    expect([...found].sort()).toEqual([...NGINX_PLACEHOLDERS].sort());
  });
});
