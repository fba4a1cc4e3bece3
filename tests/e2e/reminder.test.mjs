// The weekly reminder: the citizen picks a day and a time, taps "Add to my calendar", and
// the downloaded .ics file is read by a real calendar parser (Python's icalendar, with
// dateutil expanding the rule).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, newPage, ready, drawn, expectNoAxeViolations } from './helpers.mjs';

const CHECKER = new URL('../ics_check.py', import.meta.url).pathname;

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('“add to my calendar” downloads a valid weekly event at the day and time chosen', async () => {
  const { context, page } = await newPage(env.browser);
  await page.clock.install({ time: new Date('2026-11-23T10:00:00') }); // a Monday
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  await page.getByRole('heading', { name: 'Påmindelse i din kalender' }).waitFor();
  await expectNoAxeViolations(page, 'the reminder');
  assert.equal(await page.getByLabel('Dag').inputValue(), 'MO', 'today’s weekday is offered first');
  await page.getByLabel('Dag').selectOption({ label: 'Onsdag' });
  await page.getByLabel('Klokken').fill('17:30');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Føj til min kalender' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ugeblik-paamindelse.ics');
  const path = await download.path();
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', [CHECKER, path], { encoding: 'utf8' }));
  assert.equal(parsed.version, '2.0');
  assert.ok(parsed.crlf, 'every line ends in CRLF');
  assert.ok(parsed.longest <= 75, `lines are folded at 75 octets (longest ${parsed.longest})`);
  assert.equal(parsed.events.length, 1);
  const [event] = parsed.events;
  assert.equal(event.rule, 'FREQ=WEEKLY;BYDAY=WE');
  assert.equal(event.start, '2026-11-25T17:30:00', 'the next Wednesday at 17:30');
  assert.ok(event.floating, 'local time wherever the phone is');
  assert.deepEqual(event.occurrences, ['2026-11-25T17:30:00', '2026-12-02T17:30:00', '2026-12-09T17:30:00']);
  assert.deepEqual(event.weekdays, ['Wednesday', 'Wednesday', 'Wednesday']);
  assert.equal(event.summary, 'Ugeblik: ugens spørgsmål');
  assert.equal(event.url, env.url('/'));
  assert.match(event.uid, /^[0-9a-f-]{36}@ugeblik\.invalid$/);
  assert.deepEqual(event.alarms, [{ action: 'DISPLAY', trigger: '0:00:00' }]);
  // A reminder is not a backup: the start page does not count it as one.
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.settings')), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});
