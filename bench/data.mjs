// Shared by the benchmarks: a deterministic history of any length (all three instruments,
// about one week in eight missed) in the stored format, and the median.

export const ITEMS = {
  who5: ['1', '2', '3', '4', '5'],
  chime5: ['chime-c', 'chime-h', 'chime-i', 'chime-m', 'chime-e'],
  jobready7: ['job-ability', 'job-belief', 'job-health', 'job-everyday', 'job-cooperation', 'job-search', 'job-skills', 'job-hours'],
};
export const LINES = ['who5', ...ITEMS.chime5.map((i) => `chime5.${i}`), ...ITEMS.jobready7.map((i) => `jobready7.${i}`)];

/** ISO week `n` weeks before 2026-W47 (16 Nov 2026 is its Monday). */
export function week(n) {
  const d = new Date(Date.UTC(2026, 10, 16) - n * 7 * 86400000);
  const t = new Date(d);
  t.setUTCDate(t.getUTCDate() + 3);
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const w = 1 + Math.round(((t - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(w).padStart(2, '0')}`;
}

/** A deterministic history of `weeks` weeks ending in 2026-W47. */
export function history(weeks) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const responses = [];
  const position = {};
  for (let n = weeks - 1; n >= 0; n--) {
    if (n > 0 && n < weeks - 1 && rand() < 0.125) continue;
    const w = week(n);
    position[w] = weeks - 1 - n;
    for (const [instrument, items] of Object.entries(ITEMS)) {
      const answers = {};
      for (const item of items) {
        const max = instrument === 'who5' ? 5 : item === 'job-hours' ? 37 : 10;
        answers[item] = Math.min(max, Math.floor(rand() * (max + 1)));
      }
      responses.push({
        id: `${instrument}-${w}`, instrument, version: '1', week: w, authored: '2026-11-16T09:00:00Z',
        language: 'da', status: 'complete', answers,
      });
    }
  }
  return { history: { responses }, position };
}

/** The Chart.js datasets of `history(weeks)`'s answers: one per line of LINES, a value per
 *  week (the WHO-5 as its percentage), null for a missed week (a gap, spanGaps off). */
export function datasets({ history: data, position }, weeks) {
  const byWeek = new Map(data.responses.map((r) => [`${r.week}|${r.instrument}`, r]));
  return LINES.map((code) => {
    const [instrument, item] = code.includes('.') ? code.split('.') : ['who5', null];
    const values = new Array(weeks).fill(null);
    for (const [w, at] of Object.entries(position)) {
      const r = byWeek.get(`${w}|${instrument}`);
      if (r) values[at] = item ? r.answers[item] : Object.values(r.answers).reduce((a, b) => a + b, 0) * 4;
    }
    return { label: code, data: values, spanGaps: false, pointRadius: weeks > 60 ? 0 : 3, borderWidth: 2 };
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
