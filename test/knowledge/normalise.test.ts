import assert from 'node:assert/strict';
import { join } from 'node:path';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { foldChunk, foldLatin, slowFold, TABLE_END } from '../../src/knowledge/foldChunk';
import { analyseStems, describeWord, foldText, stem, tokenise } from '../../src/knowledge/normalise';
import { SearchIndex } from '../../src/knowledge/SearchIndex';
import { WordTable } from '../../src/knowledge/WordTable';

describe('normalisation', () => {
  it('folds case, accents and punctuation', () => {
    assert.equal(foldText('¿Qué es la OIM?'), 'que es la oim');
    assert.equal(foldText('  Santé   des  MIGRANTS !! '), 'sante des migrants');
    assert.equal(foldText('Ｈｅｌｌｏ'), 'hello', 'full-width letters (NFKC)');
  });

  it('removes zero-width and bidi control characters', () => {
    const hidden = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\u00ad'];
    for (const ch of hidden) {
      assert.equal(foldText(`mi${ch}grants`), 'migrants', `U+${ch.codePointAt(0)!.toString(16)}`);
      assert.deepEqual(analyseStems(`${ch}how many mi${ch}grants${ch}`, 'en'), ['migrant']);
    }
    assert.deepEqual(tokenise('\u202eIOM\u202c est\u2066 là\u2069'), ['iom', 'est', 'la']);
  });

  it('drops single letters but keeps numbers and folds ligatures', () => {
    assert.deepEqual(tokenise("L'OIM, c'est 175 États et 4 priorités"), ['oim', 'est', '175', 'etats', 'et', '4', 'priorites']);
    assert.deepEqual(tokenise('cœur'), ['coeur']);
  });

  it('folds Latin text by table exactly as foldText does (foldChunk, foldLatin)', () => {
    const all = Array.from({ length: TABLE_END }, (_, code) => String.fromCharCode(code)).join('');
    // Each character alone and between letters, then pairs in a seeded random order.
    for (const ch of all) {
      for (const chunk of [ch, `x${ch}`, `${ch}é`, `ab${ch}cd`]) {
        assert.deepEqual(foldChunk(chunk), slowFold(chunk), JSON.stringify(chunk));
        assert.equal(foldLatin(chunk), foldText(chunk), JSON.stringify(chunk));
      }
    }
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) % TABLE_END;
    for (let i = 0; i < 20_000; i++) {
      const chunk = String.fromCharCode(next(), next(), 0x61 + (i % 26), next());
      assert.deepEqual(foldChunk(chunk), slowFold(chunk), JSON.stringify(chunk));
      const text = String.fromCharCode(next(), next(), next(), 0x61 + (i % 26), next(), next());
      assert.equal(foldLatin(text), foldText(text), JSON.stringify(text));
    }
    assert.deepEqual(foldChunk('¿Cuántos?'), ['cuantos']);
    assert.equal(foldLatin('cœur'), 'cœur', 'ligatures kept, as foldText keeps them');
    assert.deepEqual(foldChunk('Œuvre'), ['oeuvre']);
    assert.deepEqual(foldChunk('l\u2019OIM'), ['oim'], 'beyond the table: foldText');
  });

  it('removes stop words and conversational filler in each language', () => {
    assert.deepEqual(analyseStems('Can you please tell me what the IOM is?', 'en'), ['iom']);
    assert.deepEqual(analyseStems("Dites-moi s'il vous plaît ce qu'est l'OIM", 'fr'), ['oim']);
    assert.deepEqual(analyseStems('Por favor, ¿me puedes decir qué es la OIM?', 'es'), ['oim']);
  });

  it('never drops short content words', () => {
    assert.deepEqual(analyseStems('salud de los migrantes con VIH', 'es'), ['salud', 'migrant', 'vih']);
    assert.deepEqual(analyseStems('la santé, le VIH et le sida', 'fr'), ['sant', 'vih', 'sid']);
    assert.deepEqual(analyseStems('HIV and TB', 'en'), ['hiv', 'tb']);
  });

  it('keeps every word of a question made only of stop words', () => {
    assert.deepEqual(analyseStems('What can you do?', 'en'), ['what', 'can', 'you', 'do']);
  });

  it('stems per language, the same with or without accents', () => {
    assert.equal(stem('migrants', 'en'), stem('migrant', 'en'));
    assert.equal(stem('migrantes', 'es'), stem('migrante', 'es'));
    assert.deepEqual(analyseStems('santé des migrants', 'fr'), analyseStems('sante des migrant', 'fr'));
    assert.deepEqual(analyseStems('¿Cuántos países?', 'es'), analyseStems('cuantos pais', 'es'));
    assert.deepEqual(analyseStems('organisations internationales', 'fr'), analyseStems('organisation internationale', 'fr'));
  });

  it('stems English as nlp.js stemWord does, without its memo', () => {
    const reference = new StemmerEn();
    const kb = loadKnowledge(join(__dirname, '../../knowledge'));
    const vocabulary = new Set([...kb.entries.en.values()].flatMap((e) => tokenise(`${e.question} ${e.alternates.join(' ')} ${e.answer}`)));
    // Numbers and the stem exceptions below are not Snowball's.
    const ours = /^(\d+|international.*|internal.*|organi[sz]ations?|programmes?)$/;
    for (const word of vocabulary) if (!ours.test(word)) assert.equal(stem(word, 'en'), reference.stemWord(word), word);
  });

  describe("through a knowledge base's lexicon (data, not code)", () => {
    const index = SearchIndex.build(loadKnowledge(join(__dirname, '../fixtures/knowledge')));
    const stems = (text: string, lang: 'en' | 'fr' | 'es') => index.stemsOf(text, lang);

    it('keeps words Snowball would merge apart when the lexicon says so', () => {
      assert.equal(stem('international', 'en'), stem('internal', 'en'), 'Snowball alone merges them');
      assert.notDeepEqual(stems('international', 'en'), stems('internal', 'en'));
      assert.deepEqual(stems('internacionales', 'es'), stems('international', 'en'), 'one meaning across languages');
    });

    it('reads British and American spellings of "programme" as one word', () => {
      assert.deepEqual(stems('health programmes', 'en'), stems('health programs', 'en'));
    });

    it('keeps "well-being" and "bien-être", two stop words each, as one topic word', () => {
      assert.deepEqual(stems('migrants well-being', 'en'), stems('migrants well being', 'en'));
      assert.deepEqual(stems('migrants well-being', 'en'), stems('migrants wellbeing', 'en'));
      assert.equal(stems('le bien-être des migrants', 'fr').length, 2);
    });

    it('keeps a Spanish plural with its singular where Snowball sees a verb with "nos"', () => {
      assert.notEqual(stem('gobiernos', 'es'), stem('gobierno', 'es'), 'Snowball alone splits them');
      assert.deepEqual(stems('gobiernos', 'es'), stems('gobierno', 'es'));
    });
  });

  it('analyses the same after its word table starts over, however much text it has seen', () => {
    const texts = ['santé des migrants', 'how many international migrants?', '¿Cuántos países?', 'santé\u200b des\tmigrants', 'what can you do'];
    const langs = ['fr', 'en', 'es', 'fr', 'en'] as const;
    const small = new WordTable(foldChunk, describeWord, 2);
    for (let round = 0; round < 3; round++) {
      texts.forEach((text, i) => {
        const stems = [...small.ids.subarray(0, small.analyse(text, langs[i]!))].map((id) => small.stem(id));
        assert.deepEqual(stems, analyseStems(text, langs[i]!), text);
      });
    }
  });

  it('gives a word one id whichever chunk it comes in, however the table grows', () => {
    const word = (i: number) => `mot${i.toString(36)}é`;
    // Variants first ("¿MOTX?" then "motx,", "motx"), so most words are met inside another chunk
    // and added as chunks of their own while the pool grows; shifting where it grows by a few
    // chunks each time, for words added on either side of a growth.
    for (let shift = 0; shift < 12; shift++) {
      const table = new WordTable(foldChunk, describeWord, 1_000_000);
      table.analyse(Array.from({ length: shift }, (_, i) => `pre${i}`).join(' '), 'fr');
      const idOf = new Map<string, number>();
      for (let i = 0; i < 4_000; i++) {
        for (const chunk of [`¿${word(i).toUpperCase()}?`, `${word(i)},`, word(i)]) {
          assert.equal(table.analyse(chunk, 'fr'), 1, chunk);
          const id = table.ids[0]!;
          assert.equal(table.surface(id), foldText(word(i)), chunk);
          assert.equal(idOf.get(word(i)) ?? id, id, chunk);
          idOf.set(word(i), id);
        }
      }
      for (const [w, id] of idOf) {
        table.analyse(`¿${w.toUpperCase()}?`, 'fr');
        assert.equal(table.ids[0], id, w);
      }
    }
  });

  it("notes its caller's reading of each distinct chunk once, a chunk first met inside another too", () => {
    const noted: string[] = [];
    // A chunk's length, but nothing for "des": only chunks with a note are listed.
    const table = new WordTable(foldChunk, describeWord, 1_000_000, (chunk) => {
      noted.push(chunk);
      return chunk === 'des' ? 0 : chunk.length;
    });
    const notes = (text: string) => {
      table.analyse(text, 'fr');
      return Array.from(table.noted.subarray(0, table.notedCount));
    };
    assert.deepEqual(notes('Migrants, santé des migrants'), [9, 5, 8]);
    assert.deepEqual(notes('santé des Migrants,'), [5, 9]);
    // A chunk's words that fold to themselves ("migrants" of "Migrants,", "sante" of "santé") were
    // added as chunks of their own, noted as themselves.
    assert.deepEqual(noted, ['migrants', 'Migrants,', 'sante', 'santé', 'des']);
  });

  it('a word that looks like an object property is an ordinary word', () => {
    assert.deepEqual(analyseStems('constructor toString __proto__', 'fr'), ['constructor', 'tostring', 'proto']);
  });
});
