// deploy/nginx.conf.template as the fleet renders it (scripts/lib/nginx.ts): every
// placeholder filled, the settings the production layout relies on present, and nginx
// itself accepting the result (`nginx -t`, with a prefix of its own under a temporary
// folder). CI installs nginx (.ci/run); elsewhere that one check skips without it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasSessionCookie } from '@/lib/viewer/session-cookie';
import { NGINX_TEMPLATE, renderNginxConfig, upstreamServers } from '@/scripts/lib/fleet-plan';
import { findNginx, testNginxConfig, writeNginxConfig } from '@/scripts/lib/nginx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-config-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const files = writeNginxConfig(dir, {
  NGINX_LISTEN: '127.0.0.2:4190',
  NGINX_UPSTREAM_SERVERS: upstreamServers(['127.0.0.1:4191', '127.0.0.1:4192']),
});
const config = fs.readFileSync(files.config, 'utf8');
/** The config without comments, so a commented-out directive does not count. */
const directives = config.replace(/#.*$/gm, '');

describe('the rendered nginx configuration', () => {
  it('fills every placeholder and nothing else', () => {
    expect(config).not.toMatch(/\$\{/);
    expect(directives).toContain('server 127.0.0.1:4191 max_fails=1 fail_timeout=5s; server 127.0.0.1:4192 max_fails=1 fail_timeout=5s;');
    expect(directives).toContain('listen 127.0.0.2:4190;');
    expect(directives).toContain(`proxy_cache_path ${path.join(dir, 'cache')} `);
    // nginx's own variables are left alone.
    expect(directives).toContain('$proxy_add_x_forwarded_for');
  });

  it('refuses a missing value or an unknown placeholder', () => {
    const template = fs.readFileSync(NGINX_TEMPLATE, 'utf8');
    expect(() => renderNginxConfig(template, { NGINX_LISTEN: '4190', NGINX_UPSTREAM_SERVERS: '', NGINX_CACHE_DIR: 'c', NGINX_TEMP_DIR: 't' })).toThrow(/NGINX_UPSTREAM_SERVERS/);
    expect(() => renderNginxConfig('${OTHER}', { NGINX_LISTEN: 'a', NGINX_UPSTREAM_SERVERS: 'b', NGINX_CACHE_DIR: 'c', NGINX_TEMP_DIR: 'd' })).toThrow(/Unknown placeholder/);
    expect(() => upstreamServers([])).toThrow();
  });

  it('retries only idempotent requests, on errors, timeouts and 502, once more', () => {
    // Not 503: the app's answer while the database is down, which must reach the reader.
    expect(directives).toMatch(/proxy_next_upstream error timeout http_502;/);
    expect(directives).not.toContain('non_idempotent');
    expect(directives).toMatch(/proxy_next_upstream_tries 2;/);
    expect(directives).toMatch(/keepalive \d+;/);
  });

  it('never stores a response that sets a cookie, and passes the client on as the app expects', () => {
    // nginx does not cache a response with Set-Cookie unless told to ignore the header.
    expect(directives).not.toMatch(/proxy_ignore_headers[^;]*Set-Cookie/i);
    expect(directives).not.toMatch(/proxy_hide_header\s+Set-Cookie/i);
    expect(directives).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(directives).toContain('add_header X-Cache-Status $upstream_cache_status always;');
  });

  it('bypasses the cache for exactly the cookies the app treats as a session', () => {
    const pattern = /"~\(\^\|;\)(.+?)" 1;/.exec(directives)?.[1];
    expect(pattern).toBeDefined();
    // nginx's PCRE pattern, read as a JavaScript one (the same syntax for this pattern).
    const nginxMatches = (cookie: string) => new RegExp(`(^|;)${pattern!}`).test(cookie);
    for (const name of ['authjs.session-token', '__Secure-authjs.session-token', 'authjs.session-token.0', '__Secure-authjs.session-token.1']) {
      expect(hasSessionCookie([name]), name).toBe(true);
      expect(nginxMatches(`theme=dark; ${name}=abc`), name).toBe(true);
      expect(nginxMatches(`${name}=abc`), name).toBe(true);
    }
    for (const cookie of ['authjs.csrf-token=abc', 'xauthjs.session-token=abc', 'theme=authjs.session-token']) {
      expect(nginxMatches(cookie), cookie).toBe(false);
    }
  });

  it.skipIf(!findNginx() && !process.env.CI)('is accepted by nginx -t', () => {
    const nginx = findNginx();
    expect(nginx, 'nginx is installed (.ci/run installs it)').not.toBeNull();
    expect(testNginxConfig(nginx!, files)).toBeNull();
  });
});
