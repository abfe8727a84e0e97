import { type KnowledgeBase, type KnowledgeEntry, LANGUAGES, type Lang } from '../src/knowledge/types';

/** A small seeded PRNG (mulberry32), so every run benches the same knowledge base. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables that make words look like each language (accents included, so folding has work to do). */
const SYLLABLES: Record<Lang, string[]> = {
  en: 'ba be bi bo cat cor dan der dis ed en er fi for gra ham in ing is ja ker la lo man mi mo ne nor or pa per pro ra re ri ro sa sed ser si son sta te ter ti tion to tra un ver vi wa wel win'.split(' '),
  fr: 'ba bé bi bo ca ce ché co de dé di do en è fa fi fo ge ie in ja la lè li lo ma mé mi mo na né ni no on pa pé pi po que ra ré ri ro sa sé si so ta té ti tion to tu va vé vi vo'.split(' '),
  es: 'ba be bi bo ca ce ci co cha da de di do ga ge gi go la le li lo ma me mi mo na ne ni no ña ño pa pe pi po ra re ri ro sa se si so ta te ti to ción va ve vi vo za zo'.split(' '),
};
const FUNCTION_WORDS: Record<Lang, string[]> = {
  en: 'what is the how many do i can where why are there a of to in for my'.split(' '),
  fr: 'que est le la les comment combien je peux où pourquoi y a-t-il de des pour mon'.split(' '),
  es: 'qué es el la los cómo cuántos puedo dónde por qué hay de del para mi en'.split(' '),
};

/** `size` distinct pseudo-words for a language, most frequent first. */
function vocabulary(lang: Lang, size: number, rand: () => number): string[] {
  const words = new Set<string>();
  const syllables = SYLLABLES[lang];
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    let word = '';
    for (let i = 0; i < n; i++) word += syllables[Math.floor(rand() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

/** Draws word ranks with a Zipf-like distribution (a few very common words, a long tail). */
function zipf(size: number, rand: () => number): () => number {
  return () => Math.min(size - 1, Math.floor(Math.exp(rand() * Math.log(size + 1)) - 1));
}

export interface SyntheticOptions {
  entriesPerLanguage: number;
  /** Distinct content words per language (~20,000 is a realistic FAQ vocabulary at 10,000 entries). */
  vocabularySize?: number;
  alternates?: number;
  seed?: number;
  /** A real knowledge base whose actions, referrals and lexicon the synthetic one keeps. */
  base?: KnowledgeBase;
}

/**
 * A generated knowledge base: the same ids in en/fr/es, each entry with its own topic words
 * (drawn with Zipf frequencies), a question and alternates that mix topic words, common words and
 * each language's function words, and a 40–80-word answer.
 */
export function syntheticKnowledge(options: SyntheticOptions): KnowledgeBase {
  const { entriesPerLanguage, vocabularySize = 20_000, alternates = 7, seed = 1, base } = options;
  // The real actions, referrals and lexicon ride along: a real index reads every text through the lexicon.
  const kb: KnowledgeBase = {
    entries: { en: new Map(), fr: new Map(), es: new Map() },
    actions: base?.actions ?? { en: new Map(), fr: new Map(), es: new Map() },
    referrals: base?.referrals ?? { en: new Map(), fr: new Map(), es: new Map() },
    lexicon: base?.lexicon ?? { en: emptyLexicon(), fr: emptyLexicon(), es: emptyLexicon() },
    themes: [],
  };
  for (const lang of LANGUAGES) {
    const rand = random(seed + lang.charCodeAt(0));
    const words = vocabulary(lang, vocabularySize, rand);
    const rank = zipf(words.length, rand);
    const word = () => words[rank()]!;
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
    const sentence = (topic: string[], length: number) =>
      Array.from({ length }, (_, i) => (i % 3 === 0 ? pick(FUNCTION_WORDS[lang]) : rand() < 0.7 ? pick(topic) : word())).join(' ');
    for (let i = 0; i < entriesPerLanguage; i++) {
      // Topic words come from the tail, so entries are distinguishable as real FAQ entries are.
      const topic = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => words[Math.floor(rand() * words.length)]!);
      const id = `synthetic-${i}`;
      const entry: KnowledgeEntry = {
        kind: 'answer',
        personal: false,
        id,
        lang,
        topic: `topic-${i % 50}`,
        question: `${sentence(topic, 6 + Math.floor(rand() * 4))}?`,
        alternates: Array.from({ length: alternates }, () => sentence(topic, 3 + Math.floor(rand() * 7))),
        answer: sentence(topic, 40 + Math.floor(rand() * 40)),
        source: 'https://www.iom.int/migration-health',
        reviewed: '2026-11-24',
        tags: [],
        related: [],
        origin: `synthetic:${i}`,
      };
      kb.entries[lang].set(id, entry);
    }
  }
  kb.themes = [{ id: 'synthetic', title: { en: 'Topics', fr: 'Thèmes', es: 'Temas' }, entries: [...kb.entries.en.keys()].slice(0, 5) }];
  return kb;
}

function emptyLexicon() {
  return { same: [], names: [], ours: [], asker: [] };
}

/** Queries like people's: a few words of an entry's phrasings, sometimes with a typo; some off-topic. */
export function syntheticQueries(kb: KnowledgeBase, count: number, seed = 7): Array<{ text: string; lang: Lang }> {
  const rand = random(seed);
  const ids = [...kb.entries.en.keys()];
  return Array.from({ length: count }, () => {
    const lang = LANGUAGES[Math.floor(rand() * LANGUAGES.length)]!;
    const entry = kb.entries[lang].get(ids[Math.floor(rand() * ids.length)]!)!;
    const words = [entry.question, ...entry.alternates].join(' ').split(/\s+/);
    const take = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => words[Math.floor(rand() * words.length)]!);
    if (rand() < 0.3) take[0] = take[0]!.slice(0, 2) + take[0]!.slice(3); // a dropped letter
    if (rand() < 0.2) take.push('zorblax', 'quimper'); // words the knowledge base never uses
    return { text: take.join(' '), lang };
  });
}
