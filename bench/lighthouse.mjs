// Lighthouse (npm, pinned in bench/package.json) against the release build served with
// gzip on 127.0.0.1, in mobile mode, with Debian's Chromium. Runs offline.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve } from '../tests/e2e/server.mjs';

const FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

export async function run() {
  const server = await serve(new URL('../dist/', import.meta.url).pathname);
  const out = join(tmpdir(), `ugeblik-lighthouse-${process.pid}.json`);
  try {
    // Asynchronously: the server answering Lighthouse runs in this same process.
    await promisify(execFile)(
      new URL('node_modules/.bin/lighthouse', import.meta.url).pathname,
      [`${server.url}/`, '--quiet', `--chrome-flags=${FLAGS}`, '--only-categories=performance,accessibility,best-practices', '--form-factor=mobile', '--output=json', `--output-path=${out}`],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
    );
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (id) => Math.round(report.categories[id].score * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcp: report.audits['largest-contentful-paint'].displayValue,
      tbt: report.audits['total-blocking-time'].displayValue,
    };
  } finally {
    rmSync(out, { force: true });
    await server.close();
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  console.log(await run());
}
