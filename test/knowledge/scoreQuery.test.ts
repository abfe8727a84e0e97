import assert from 'node:assert/strict';
import { random, syntheticKnowledge } from '../../bench/syntheticKnowledge';
import { TermIndex } from '../../src/knowledge/bm25';
import { EntryScorer, type QueryTerm } from '../../src/knowledge/EntryScorer';
import { words } from '../../src/knowledge/normalise';
import { CUE_MISMATCH, type Cues, LITTLE_WORDS_SHARE, OTHER_ORGANISATION, scoreQuery, type ScoredEntry } from '../../src/knowledge/scoreQuery';
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

  it('reranks by the cues as reranking all of the best 15 would, though it reads the agreement of fewer', () => {
    /** Every one of the best 15 reranked by each cue in turn, as the cues are defined. */
    const plain = (ranked: ScoredEntry[], cues: Cues): ScoredEntry[] => {
      const sorted = (list: ScoredEntry[]) => list.sort((a, b) => b.score - a.score || a.entry - b.entry);
      const agreeing = sorted(ranked.map((c) => ({ entry: c.entry, score: c.score * (1 - LITTLE_WORDS_SHARE * (1 - cues.agreement(c.entry))) })));
      const asks = agreeing.map((c) => (cues.kindsOf(c.entry) & cues.kinds) !== 0);
      const byKind = asks.includes(true) ? sorted(agreeing.map((c, i) => ({ entry: c.entry, score: c.score * (asks[i] ? 1 : CUE_MISMATCH) }))) : agreeing;
      if (cues.names.length === 0) return byKind.slice(0, 5);
      return sorted(byKind.map((c) => ({ entry: c.entry, score: c.score * (cues.names.some((n) => cues.namesOf(c.entry).has(n)) ? 1 : OTHER_ORGANISATION) }))).slice(0, 5);
    };
    let read = 0;
    let readPlain = 0;
    for (let q = 0; q < 600; q++) {
      const pick = () => termsByDf[Math.floor(rand() ** (1 + 2 * (q % 3)) * termsByDf.length)]!;
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 5) }, pick))].map((term) => ({ term, idf: index.idf[term]!, weight: index.idf[term]! }));
      const salt = rand();
      const agreement = (e: number) => [0, 0.5, 1, (e * 7919 * salt) % 1][(e + q) % 4]!;
      const cues: Cues = {
        kinds: q % 3,
        names: q % 4 === 0 ? ['who'] : [],
        kindsOf: (e) => e % 3,
        namesOf: (e) => new Set(e % 5 === 0 ? ['who'] : []),
        agreement: (e) => (read++, agreement(e)),
      };
      const { candidates } = scoreQuery(terms, 0, scorer, 1, -1, cues);
      // The plain reranking starts from the best 15 by score alone.
      const best15 = everyFifteen(terms);
      readPlain += best15.length;
      assert.deepEqual(candidates, plain(best15, { ...cues, agreement }), JSON.stringify(terms));
    }
    assert.ok(read < readPlain, `agreement read ${read} times, against ${readPlain}`);
  });

  /** The best 15 entries by score alone (as `scoreQuery` ranks them before the cues). */
  function everyFifteen(terms: QueryTerm[]): ScoredEntry[] {
    const count = scorer.score(terms, terms.reduce((s, t) => s + t.weight, 0), 1, 15, -1);
    const all: ScoredEntry[] = [];
    for (let i = 0; i < count; i++) {
      const entry = scorer.touched[i]!;
      if (scorer.best[entry]! > 0) all.push({ entry, score: scorer.best[entry]! });
    }
    scorer.clear(count);
    return all.sort((a, b) => b.score - a.score || a.entry - b.entry).slice(0, 15);
  }
});
