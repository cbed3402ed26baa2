// bench/load.ts reads wrk's report (`wrk --latency`) into the bench's rows: the rate, p50
// and p99 in ms whatever unit wrk printed them in, and failed answers and socket errors.
import { describe, expect, it } from 'vitest';
import { parseWrk } from '@/bench/load';

const report = (extra = '') => `Running 10s test @ http://127.0.0.2:4200/articles/a
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.63ms    1.63ms  30.67ms   88.81%
    Req/Sec    15.62k     3.12k   23.70k    75.62%
  Latency Distribution
     50%  830.00us
     75%    1.55ms
     90%    2.80ms
     99%    1.20s
  249238 requests in 8.02s, 22.98GB read
${extra}Requests/sec:  31071.93
Transfer/sec:      2.87GB
`;

describe("wrk's report as a bench row", () => {
  it('reads the rate and the percentiles in ms', () => {
    const row = parseWrk('article', report());
    expect(row).toMatchObject({ name: 'article', rps: 31071.93, p50: 0.83, p99: 1200, errors: 0 });
    expect(row.statuses).toBeUndefined();
  });

  it('counts answers that are not 2xx/3xx and socket errors as errors, and says which', () => {
    const row = parseWrk('premium', report('  Socket errors: connect 0, read 2, write 0, timeout 5\n  Non-2xx or 3xx responses: 7\n'));
    expect(row.errors).toBe(14);
    expect(row.statuses).toBe('7 answers not 2xx/3xx, socket errors: connect 0, read 2, write 0, timeout 5');
  });

  it('has no latency when nothing was answered', () => {
    const row = parseWrk('down', '  0 requests in 10.00s, 0.00B read\nRequests/sec:      0.00\n');
    expect(row.rps).toBe(0);
    expect(row.p50).toBe(Infinity);
    expect(row.p99).toBe(Infinity);
  });
});
