import assert from 'node:assert/strict';
import { random, syntheticKnowledge } from '../../bench/syntheticKnowledge';
import { TermIndex } from '../../src/knowledge/bm25';
import { EntryScorer, type QueryTerm } from '../../src/knowledge/EntryScorer';
import { words } from '../../src/knowledge/normalise';
import { scoreQuery, type ScoredEntry } from '../../src/knowledge/scoreQuery';
import { LANGUAGES } from '../../src/knowledge/types';

/** The index `SearchIndex.build` makes, over a generated knowledge base with common and rare words. */
function generatedIndex(entriesPerLanguage: number): TermIndex {
  const kb = syntheticKnowledge({ entriesPerLanguage, vocabularySize: 2_000 });
  const ids = [...kb.entries.en.keys()];
  const index = new TermIndex(ids.length, words);
  ids.forEach((id, n) => {
    for (const lang of LANGUAGES) {
      const entry = kb.entries[lang].get(id)!;
      for (const text of [entry.question, ...entry.alternates]) index.addPhrasing(n, words.ids, words.analyse(text, lang));
      index.addPhrasing(n, words.ids, words.analyse(entry.answer, lang, true));
    }
  });
  return index.finish();
}

/** The score of every phrasing holding a query word, from the postings: the plain reading of `scoreQuery`'s formula. */
function everyPhrasing(index: TermIndex, terms: readonly QueryTerm[], unknownWeight: number, discount: number): ScoredEntry[] {
  const total = terms.reduce((sum, t) => sum + t.weight, unknownWeight);
  const matched = new Map<number, { own: number; idf: number }>();
  const entryWeight = new Map<number, number>();
  const order: number[] = [];
  for (const { term, weight, idf } of terms) {
    const ps = index.phrasingsOf(term);
    for (let i = ps.from; i < ps.to; i++) {
      const m = matched.get(ps.list[i]!) ?? { own: 0, idf: 0 };
      m.own += weight;
      m.idf += idf;
      matched.set(ps.list[i]!, m);
    }
    const es = index.entriesOf(term);
    for (let i = es.from; i < es.to; i++) {
      if (!entryWeight.has(es.list[i]!)) order.push(es.list[i]!);
      entryWeight.set(es.list[i]!, (entryWeight.get(es.list[i]!) ?? 0) + weight);
    }
  }
  const best = new Map<number, number>();
  for (const [p, { own, idf }] of matched) {
    const e = index.phrasingEntry[p]!;
    const explained = own + 0.5 * (entryWeight.get(e)! - own);
    const score = Math.min(1, explained / total) * (0.5 + 0.5 * Math.min(1, idf / index.phrasingWeight[p]!)) * discount;
    best.set(e, Math.max(best.get(e) ?? 0, score));
  }
  const top: ScoredEntry[] = [];
  for (const entry of order) {
    const score = best.get(entry)!;
    if (top.length === 5 && score <= top[4]!.score) continue;
    top.push({ entry, score });
    top.sort((a, b) => b.score - a.score || a.entry - b.entry);
    if (top.length > 5) top.pop();
  }
  return top;
}

describe('scoreQuery', () => {
  const index = generatedIndex(300);
  const scorer = new EntryScorer(index);
  const rand = random(3);
  const df = (t: number) => index.entriesOf(t).to - index.entriesOf(t).from;
  const termsByDf = [...index.terms.values()].sort((a, b) => df(b) - df(a));

  it('scores exactly as scoring every phrasing, whether or not entries are left out by their bound', () => {
    for (let q = 0; q < 1_500; q++) {
      // Common words (the first terms), rare ones, or both; some corrected, some unknown words.
      const pick = () => termsByDf[Math.floor(rand() ** (1 + 4 * (q % 3)) * termsByDf.length)]!;
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 6) }, pick))].map((term) => {
        const idf = index.idf[term]!;
        return { term, idf, weight: rand() < 0.2 ? idf * 0.9 * (0.8 + 0.2 * rand()) : idf };
      });
      const unknownWeight = rand() < 0.3 ? 0.8 * index.maxIdf * Math.ceil(rand() * 2) : 0;
      const discount = rand() < 0.5 ? 1 : 0.97;
      const { candidates } = scoreQuery(terms, unknownWeight, scorer, discount);
      assert.deepEqual(candidates, everyPhrasing(index, terms, unknownWeight, discount), JSON.stringify(terms));
    }
  });

  it('has no candidates when none beats a given score, and the same candidates otherwise', () => {
    for (let q = 0; q < 600; q++) {
      const pick = () => termsByDf[Math.floor(rand() ** (1 + 2 * (q % 3)) * termsByDf.length)]!;
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, pick))].map((term) => ({ term, idf: index.idf[term]!, weight: index.idf[term]! }));
      const unknownWeight = rand() < 0.5 ? 0.8 * index.maxIdf : 0;
      const expected = everyPhrasing(index, terms, unknownWeight, 0.97);
      const mustBeat = rand() * 2 * expected[0]!.score;
      const { candidates } = scoreQuery(terms, unknownWeight, scorer, 0.97, mustBeat);
      assert.deepEqual(candidates, expected[0]!.score > mustBeat ? expected : [], JSON.stringify({ terms, mustBeat }));
    }
  });
});
