// Lighthouse (npm, pinned in bench/package.json) in mobile mode (simulated slow 4G and a
// 4× slower CPU, its defaults), with Debian's Chromium, against Ugeblik's release build and
// the same check-in in SurveyJS and LHC-Forms (bench/pages.mjs), each served with gzip on
// 127.0.0.1 by the same server. Runs offline. Each page is audited RUNS times and the
// median run is reported, chosen by Lighthouse's own rule (computeMedianRun: the run
// nearest the median first contentful paint and time to interactive), with every run's
// performance score beside it: one run's score varies (see BENCHMARKS.md).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { serve } from '../tests/e2e/server.mjs';
import { build } from './pages.mjs';

const FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

/** How many times each page is audited. */
const RUNS = 5;

/** Lighthouse's scores and paint figures for the page at `url`: the median of RUNS runs,
 *  and each run's performance score (`runs`). */
export async function audit(url) {
  const reports = [];
  for (let run = 0; run < RUNS; run++) reports.push(await auditOnce(url));
  const report = computeMedianRun(reports);
  const score = (id) => Math.round(report.categories[id].score * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: report.audits['first-contentful-paint'].displayValue,
    lcp: report.audits['largest-contentful-paint'].displayValue,
    tbt: report.audits['total-blocking-time'].displayValue,
    runs: reports.map((r) => Math.round(r.categories.performance.score * 100)),
  };
}

/** One run's report (Lighthouse's JSON). */
async function auditOnce(url) {
  const out = join(tmpdir(), `ugeblik-lighthouse-${process.pid}.json`);
  try {
    // Asynchronously: the server answering Lighthouse runs in this same process.
    await promisify(execFile)(
      new URL('node_modules/.bin/lighthouse', import.meta.url).pathname,
      [url, '--quiet', `--chrome-flags=${FLAGS}`, '--only-categories=performance,accessibility,best-practices', '--form-factor=mobile', '--output=json', `--output-path=${out}`],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
    );
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(out, { force: true });
  }
}

/** Ugeblik's figures, and the peers' (`peers`: { SurveyJS, 'LHC-Forms' }). */
export async function run() {
  const app = await serve(new URL('../dist/', import.meta.url).pathname);
  const dir = mkdtempSync(join(tmpdir(), 'ugeblik-lighthouse-pages-'));
  build(dir);
  const pages = await serve(dir);
  try {
    const ugeblik = await audit(`${app.url}/`);
    const peers = { SurveyJS: await audit(`${pages.url}/surveyjs/`), 'LHC-Forms': await audit(`${pages.url}/lhcforms/`) };
    return { ...ugeblik, peers };
  } finally {
    await app.close();
    await pages.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  console.log(await run());
}
