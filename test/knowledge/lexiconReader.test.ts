import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Lexicon } from '../../src/knowledge/Lexicon';
import { LexiconReader } from '../../src/knowledge/LexiconReader';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { foldText, spellDecades } from '../../src/knowledge/normalise';
import { LANGUAGES, type Lang } from '../../src/knowledge/types';

const kb = loadKnowledge(join(__dirname, '../../knowledge'));
const lexicon = new Lexicon(LANGUAGES.map((lang) => kb.lexicon[lang]));

/** Texts where a chunk's reading could differ from the whole text's: phrases, decades, capitals, markup. */
const TRICKY = [
  'por favor',
  'POR FAVOR ayúdame',
  'pór   favor',
  'por-favor',
  'por\tfavor',
  'x_por favor',
  'por favor\u0301 gracias',
  'POR FAVOR!',
  'por que no, por Dios, favor de llamar',
  "l'Organisation mondiale de la Santé",
  'organización-mundial-de-la-salud',
  '<b>por</b> favor',
  'por qué no hay <i>citas</i>',
  'the 50s and the 1980s',
  "les années 50, LES ANNÉES 60",
  'What does the World Health Organization do? WHO knows',
  'WHO and the UN',
  'WHAT IS THE UN',
  'OMS y OIM: ¿qué hacen?',
  'ΟΔΟΣ ΣΟΦΟΣ',
  'İstanbul ΟΔΟΣ por favor',
  '  leading and trailing spaces  ',
  '',
];

/** Every text of the knowledge base, the eval questions, and the tricky ones, with a language to read them in. */
function texts(): Array<{ text: string; lang: Lang }> {
  const all: Array<{ text: string; lang: Lang }> = [];
  for (const lang of LANGUAGES) {
    for (const e of kb.entries[lang].values()) for (const text of [e.question, ...e.alternates, e.answer]) all.push({ text, lang });
    for (const e of [...kb.actions[lang].values(), ...kb.referrals[lang].values()]) for (const text of [e.label, ...e.examples]) all.push({ text, lang });
    const set = parse(readFileSync(join(__dirname, `../eval/${lang}.yaml`), 'utf8')) as { questions?: Array<{ q: string }>; out_of_scope?: string[] };
    for (const { q } of set.questions ?? []) all.push({ text: q, lang });
    for (const text of set.out_of_scope ?? []) all.push({ text, lang });
    for (const text of TRICKY) all.push({ text, lang });
  }
  return all;
}

describe('LexiconReader', () => {
  /** Reads every text with `reader` and as it stands for, spelling then rewriting, in a table of its own. */
  function assertReadsAll(reader: LexiconReader): void {
    const reference = new LexiconReader(lexicon, 1_000_000).words;
    const read = (count: number, table = reader.words) => ({
      stems: Array.from(table.ids.subarray(0, count), (id) => `${table.surface(id)}/${table.stem(id)}`),
      little: Array.from(table.little.subarray(0, table.littleCount), (id) => table.surface(id)),
    });
    for (const { text, lang } of texts()) {
      for (const skipDigits of [false, true]) {
        let count = reference.analyse(spellDecades(text), lang, skipDigits);
        if (reference.sawTrigger || /[A-Z]{2}/.test(text)) count = reference.analyse(reader.prepare(text), lang, skipDigits);
        assert.deepEqual(read(reader.read(text, lang, skipDigits)), read(count, reference), `${lang}: ${text}`);
      }
    }
  }

  it('reads a text as spelling its decades and, given a phrase word or two capitals, rewriting it would', () => {
    assertReadsAll(new LexiconReader(lexicon, 1_000_000));
  });

  it('reads the same when its word table met some chunks in searches first', () => {
    const reader = new LexiconReader(lexicon, 1_000_000);
    texts().forEach(({ text, lang }, i) => i % 3 === 0 && reader.words.analyse(reader.prepare(text), lang));
    texts().forEach(({ text, lang }, i) => i % 5 === 0 && reader.words.analyse(text, lang));
    assertReadsAll(reader);
  });

  it("finds a text's phrase words chunk by chunk as in the whole text", () => {
    const wordBreak = /[\s.,;:!?¿¡()"“”«»'’\-/]+/;
    for (const { text } of texts()) {
      const whole = new Set(
        text
          .toLowerCase()
          .split(wordBreak)
          .map((raw) => foldText(raw))
          .filter((word) => lexicon.isTrigger(word)),
      );
      const chunked = new Set(text.split(' ').flatMap((chunk) => lexicon.triggersInChunk(chunk)));
      assert.deepEqual(chunked, whole, text);
    }
  });
});
