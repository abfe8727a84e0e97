import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MAX_ANSWER_CHARS } from '../../src/knowledge/knowledgeSchema';
import { numbersIn } from '../../src/knowledge/checkKnowledge';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { type KnowledgeBase, LANGUAGES } from '../../src/knowledge/types';

describe('the real knowledge base: parity between languages', () => {
  let kb: KnowledgeBase;
  before(() => (kb = loadKnowledge(join(__dirname, '../../knowledge'))));

  it('has entries', () => {
    for (const lang of LANGUAGES) assert.ok(kb.entries[lang].size > 0, `no ${lang} entries`);
  });

  it('has the same ids in en, fr and es', () => {
    const en = [...kb.entries.en.keys()].sort();
    for (const lang of LANGUAGES) assert.deepEqual([...kb.entries[lang].keys()].sort(), en, lang);
  });

  it('gives each id the same source and related entries in every language', () => {
    for (const en of kb.entries.en.values()) {
      for (const lang of LANGUAGES) {
        const other = kb.entries[lang].get(en.id);
        if (!other) continue;
        assert.equal(other.source, en.source, `${lang} ${en.id} source`);
        assert.deepEqual(other.related, en.related, `${lang} ${en.id} related`);
      }
    }
  });

  it(`keeps every answer within ${MAX_ANSWER_CHARS} characters`, () => {
    for (const lang of LANGUAGES) {
      for (const e of kb.entries[lang].values()) assert.ok(e.answer.length <= MAX_ANSWER_CHARS, `${e.origin}: ${e.answer.length}`);
    }
  });

  it('repeats every number of the English answer in the French and Spanish answers', () => {
    const missing: string[] = [];
    for (const en of kb.entries.en.values()) {
      for (const lang of ['fr', 'es'] as const) {
        const other = kb.entries[lang].get(en.id);
        if (!other) continue;
        const theirs = numbersIn(other.answer);
        for (const n of numbersIn(en.answer)) if (!theirs.has(n)) missing.push(`${lang} ${en.id}: ${n}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('states the key figures of the seed page', () => {
    const all = (lang: 'en' | 'fr' | 'es') => [...kb.entries[lang].values()].map((e) => e.answer).join(' ');
    for (const lang of LANGUAGES) {
      const numbers = numbersIn(all(lang));
      for (const n of ['281', '740', '1951', '175', '171', '2008', '2010', '2030']) assert.ok(numbers.has(n), `${lang} answers never state ${n}`);
    }
  });
});

describe('numbersIn', () => {
  it('reads numbers written the English, French and Spanish way', () => {
    assert.deepEqual([...numbersIn('281 million (UNDESA, 2020), 1,000 people')], ['281', '2020', '1000']);
    assert.deepEqual([...numbersIn('1 000 personnes, 281 millions')], ['1000', '281']);
    assert.deepEqual([...numbersIn('1.000 personas en 2015')], ['1000', '2015']);
    assert.deepEqual([...numbersIn('(OIM, 2015) 740 millones')], ['2015', '740']);
  });
});
