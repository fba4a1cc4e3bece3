// The weekly check-in in the two tools a provider would otherwise use (issue 22): SurveyJS
// and LHC-Forms, each showing the same 18 questions as Ugeblik — WHO-5, CHIME and job
// readiness, in Danish, with the same answer options — so that the benchmark compares like
// with like. Both are made from the FHIR Questionnaire resources Ugeblik itself exports
// (`cargo run --example questionnaires`): LHC-Forms reads them as they are; SurveyJS gets
// them turned into its own JSON model, one question per page as Ugeblik asks them.
//
// Each page is a folder of static files (the tool's files from node_modules, pinned in
// package.json, and an index.html), served like Ugeblik's release by tests/e2e/server.mjs
// (gzip, the same server). Nothing is fetched from elsewhere: SurveyJS's stylesheet
// without its web font (its default one loads Open Sans from Google).
//
//   node bench/pages.mjs <folder>     writes <folder>/surveyjs and <folder>/lhcforms
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = join(ROOT, 'node_modules');

/** Ugeblik's exported Questionnaire resources of the check-in, in the order it asks them. */
export function questionnaires() {
  const json = execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'questionnaires'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(json);
}

/** A Questionnaire's questions: its items that take an answer (not the texts shown with them). */
export const questionsOf = (questionnaire) => questionnaire.item.filter((item) => item.answerOption?.length);

/** An answer option's value and the words it is shown with (a number shows itself). */
export function option(answerOption) {
  const coding = answerOption.valueCoding;
  return coding ? { value: coding.code, text: coding.display ?? coding.code } : { value: answerOption.valueInteger, text: String(answerOption.valueInteger) };
}

/** The SurveyJS model of the check-in: a page per question, a radio group per question (a
 *  number scale laid out in a row, as Ugeblik shows it), nothing required (Ugeblik lets the
 *  citizen skip every question), Danish buttons. */
export function surveyModel(list) {
  return {
    locale: 'da',
    title: 'Ugens spørgsmål',
    showQuestionNumbers: 'off',
    showProgressBar: 'top',
    questionsOnPageMode: 'questionPerPage',
    pages: [
      {
        elements: list.flatMap((questionnaire) =>
          questionsOf(questionnaire).map((item) => ({
            type: 'radiogroup',
            name: `${questionnaire.id}.${item.linkId}`,
            title: item.text,
            colCount: item.answerOption[0].valueCoding ? 1 : 0,
            choices: item.answerOption.map(option),
          })),
        ),
      },
    ],
  };
}

const HEAD = (title, links) => `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Ugens spørgsmål: WHO-5, CHIME og jobparathed (${title})">
<title>Ugens spørgsmål — ${title}</title>
${links}
</head>`;

/** Puts the SurveyJS page in `dir`. */
function surveyjs(dir, list) {
  mkdirSync(dir, { recursive: true });
  const files = [
    ['survey-core/survey.core.min.js', 'survey.core.min.js'],
    ['survey-core/i18n/danish.min.js', 'danish.min.js'],
    ['survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
    ['survey-core/survey-core.fontless.min.css', 'survey-core.fontless.min.css'],
  ];
  for (const [from, to] of files) cpSync(join(MODULES, from), join(dir, to));
  // "<" never appears in the model's text unescaped: it cannot end the script element.
  const model = JSON.stringify(surveyModel(list)).replaceAll('<', '\\u003c');
  writeFileSync(
    join(dir, 'index.html'),
    `${HEAD('SurveyJS', '<link rel="stylesheet" href="survey-core.fontless.min.css">')}
<body>
<main><div id="survey"></div></main>
<script src="survey.core.min.js"></script>
<script src="danish.min.js"></script>
<script src="survey-js-ui.min.js"></script>
<script>
SurveyUI.renderSurvey(new Survey.Model(${model}), document.getElementById('survey'));
</script>
</body>
</html>
`,
  );
}

/** Puts the LHC-Forms page in `dir`: its web component with the FHIR R4 library (the files
 *  its README lists), each Questionnaire a form of its own, one after the other. */
function lhcforms(dir, list) {
  mkdirSync(dir, { recursive: true });
  const lforms = join(MODULES, 'lforms/dist/lforms');
  cpSync(join(lforms, 'webcomponent'), join(dir, 'webcomponent'), { recursive: true });
  cpSync(join(lforms, 'fhir/R4/lformsFHIR.min.js'), join(dir, 'fhir/R4/lformsFHIR.min.js'));
  const data = JSON.stringify(list).replaceAll('<', '\\u003c');
  const forms = list.map((_, n) => `<div id="form-${n}"></div>`).join('\n');
  // Its scripts expect the page's body to exist when they run.
  writeFileSync(
    join(dir, 'index.html'),
    `${HEAD('LHC-Forms', '<link rel="stylesheet" href="webcomponent/styles.css">')}
<body>
<main>
${forms}
</main>
<script src="webcomponent/assets/lib/zone.min.js"></script>
<script src="webcomponent/runtime.js"></script>
<script src="webcomponent/polyfills.js"></script>
<script src="webcomponent/main.js"></script>
<script src="fhir/R4/lformsFHIR.min.js"></script>
<script>
(async () => {
  const questionnaires = ${data};
  for (const [n, questionnaire] of questionnaires.entries()) {
    await LForms.Util.addFormToPage(LForms.Util.convertFHIRQuestionnaireToLForms(questionnaire, 'R4'), 'form-' + n);
  }
})();
</script>
</body>
</html>
`,
  );
}

/** Writes both pages under `out` (`out/surveyjs`, `out/lhcforms`) and returns the
 *  Questionnaires they were made from. */
export function build(out) {
  const list = questionnaires();
  surveyjs(join(out, 'surveyjs'), list);
  lhcforms(join(out, 'lhcforms'), list);
  return list;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node bench/pages.mjs <folder>');
    process.exit(2);
  }
  const list = build(out);
  console.log(`${out}/surveyjs and ${out}/lhcforms: ${list.reduce((n, q) => n + questionsOf(q).length, 0)} questions each`);
}
