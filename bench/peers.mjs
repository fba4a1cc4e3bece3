// The first-load size of the stacks a provider would otherwise assemble, taken from the
// npm registry at run time (pinned versions): SurveyJS (survey-core + survey-js-ui + its
// default CSS) with Chart.js, and LHC-Forms (the lforms web component and its CSS).
// Gzip level 9, like tests/size.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const STACKS = [
  {
    name: 'SurveyJS 2.5.38 + Chart.js 4.5.1',
    files: [
      ['survey-core@2.5.38', 'survey.core.min.js'],
      ['survey-core@2.5.38', 'survey-core.min.css'],
      ['survey-js-ui@2.5.38', 'survey-js-ui.min.js'],
      ['chart.js@4.5.1', 'dist/chart.umd.min.js'],
    ],
  },
  {
    // The files its README lists for the web component, with the FHIR R4 support library.
    name: 'LHC-Forms 40.1.3 (web component + FHIR R4)',
    files: [
      ['lforms@40.1.3', 'dist/lforms/webcomponent/styles.css'],
      ['lforms@40.1.3', 'dist/lforms/webcomponent/assets/lib/zone.min.js'],
      ['lforms@40.1.3', 'dist/lforms/webcomponent/runtime.js'],
      ['lforms@40.1.3', 'dist/lforms/webcomponent/polyfills.js'],
      ['lforms@40.1.3', 'dist/lforms/webcomponent/main.js'],
      ['lforms@40.1.3', 'dist/lforms/fhir/R4/lformsFHIR.min.js'],
    ],
  },
];

/** Downloads the packages with `npm pack` and measures each stack's files. */
export function run() {
  const dir = mkdtempSync(join(tmpdir(), 'ugeblik-peers-'));
  try {
    const packages = [...new Set(STACKS.flatMap((s) => s.files.map(([p]) => p)))];
    const unpacked = {};
    for (const spec of packages) {
      const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
      const target = join(dir, spec.replace(/[@/]/g, '_'));
      execFileSync('mkdir', ['-p', target]);
      execFileSync('tar', ['xzf', join(dir, tgz), '-C', target]);
      unpacked[spec] = join(target, 'package');
    }
    return STACKS.map((stack) => {
      const files = stack.files.map(([spec, path]) => {
        const bytes = readFileSync(join(unpacked[spec], path));
        return { path: `${spec}/${path}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      });
      return { name: stack.name, files, gzip: files.reduce((t, f) => t + f.gzip, 0) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  for (const stack of run()) console.log(stack.name, (stack.gzip / 1024).toFixed(1), 'KB');
}
