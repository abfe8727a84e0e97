import { foldText } from '../text/foldText';
import { placeNames } from '../text/placeNames';
import { foldLatin } from './foldChunk';
import type { LexiconFile } from './knowledgeSchema';
import { isLittleWord } from './normalise';

/** What a word stands for after the lexicon: a group's canonical word, marked so no stemmer touches it. */
const CANONICAL = '=';
/** The one word every country's name stands for ("Spain", « Espagne », "España"). */
export const PLACE = `${CANONICAL}place`;
/** How `rewrite` writes a canonical word into text: a word no one types, read back by `canonical`. */
const WRITTEN = 'qqlex';

/**
 * The knowledge base's own words, compiled from `knowledge/{lang}/lexicon.yaml` (all languages at
 * once: people mix them): forms read as one meaning (`same`: « infolettre » is the newsletter),
 * other organisations' names (`names`: a question naming one is answered only by an entry whose
 * phrasings name it), our own names (`ours`), and words that only say who asks (`asker`). Country
 * names come from the platform's region names. Applied alike to every phrasing and every message,
 * so what it changes always matches itself.
 */
export class Lexicon {
  /** Folded single word → its canonical word. */
  private readonly words = new Map<string, string>();
  /** Phrases of several words, folded, longest first, each with its trigger word (`firstWords`). */
  private readonly phrases: Array<{ pattern: string; trigger: string }> = [];
  /** The patterns finding the phrases of one trigger word, and every phrase (`phrasesTriggeredBy`). */
  private readonly phrasesOf = new Map<string, RegExp>();
  private allPhrases: RegExp | undefined;
  private readonly phraseCanonical = new Map<string, string>();
  /** Each phrase alone (anchored), to tell which one a match of `phrases` is (a match may skip little words). */
  private readonly phrasePatterns: Array<{ pattern: RegExp; canonical: string }> = [];
  /** A word of every phrase that must be in a text for the phrase to be (`mayHoldPhrase`). */
  private readonly firstWords = new Set<string>();
  private readonly capitals = new Map<string, string>();
  private readonly capitalsPattern: RegExp | undefined;
  /** Canonical words of other organisations' names. */
  readonly names = new Set<string>();
  private readonly askers = new Set<string>();

  constructor(files: readonly LexiconFile[]) {
    const groups: Array<{ forms: string[]; name: boolean }> = [];
    for (const file of files) {
      for (const forms of file.same) groups.push({ forms, name: false });
      for (const forms of file.ours) groups.push({ forms, name: false });
      for (const forms of file.names) groups.push({ forms, name: true });
      for (const word of file.asker.flatMap((line) => line.split(/\s+/))) if (word) this.askers.add(foldText(word));
    }
    const places = [...placeNames().values()].flat();
    const phrases: string[] = [];
    for (const { forms, canonical, name } of [...merged(groups), { forms: places, canonical: PLACE, name: false }]) {
      if (name) this.names.add(canonical);
      this.words.set(WRITTEN + canonical.slice(1), canonical);
      for (const form of forms) {
        const folded = foldText(form);
        if (!folded) continue;
        // "WHO", "UN": in lower case they are everyday words, so only their capitals name them.
        if (form === form.toUpperCase() && /\p{Lu}/u.test(form) && isLittleWord(folded)) {
          this.capitals.set(form, canonical);
        } else if (folded.includes(' ')) {
          phrases.push(folded);
          this.phraseCanonical.set(folded, canonical);
        } else this.words.set(folded, canonical);
      }
    }
    // A phrase's trigger is its first word that is not a little word ("la", "the" start too many texts).
    for (const phrase of phrases.sort((a, b) => b.length - a.length)) {
      const trigger = phrase.split(' ').find((w) => !isLittleWord(w)) ?? phrase.split(' ')[0]!;
      this.firstWords.add(trigger);
      this.phrases.push({ pattern: accentTolerant(phrase), trigger });
      this.phrasePatterns.push({ pattern: regExp(`^(?:${accentTolerant(phrase)})$`, 'iu'), canonical: this.phraseCanonical.get(phrase)! });
    }
    this.capitalsPattern = this.capitals.size ? regExp(`(?<![\\p{L}\\p{N}])(?:${[...this.capitals.keys()].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  }

  /**
   * The text with each phrase of several words (and each name in capitals) as one word, so that the
   * word-by-word analysis can read it ("World Health Organization" → one word that `canonical` reads).
   * `triggers` are the phrases' trigger words the text holds, when the caller has them already
   * (`triggersInChunk` of each of its chunks).
   */
  rewrite(text: string, triggers: ReadonlySet<string> = this.triggersIn(text)): string {
    let out = text;
    // Phrases first, so a longer name holding a shorter one ("UN Migration Agency", IOM) is read whole.
    // Most texts hold no phrase: the big pattern runs only when one of their words starts one.
    const phrases = this.phrasesTriggeredBy(triggers);
    if (phrases) {
      phrases.lastIndex = 0;
      if (phrases.test(out)) out = out.replace(phrases, (m) => {
        const canonical = this.phraseCanonical.get(foldText(m)) ?? this.phrasePatterns.find((p) => p.pattern.test(m))?.canonical;
        return canonical ? ` ${WRITTEN}${canonical.slice(1)} ` : m;
      });
    }
    // A message all in capitals shouts; its "WHO" is the question word.
    if (this.capitalsPattern && CAPITAL_PAIR.test(text) && text !== text.toUpperCase()) {
      this.capitalsPattern.lastIndex = 0;
      if (this.capitalsPattern.test(out)) out = out.replace(this.capitalsPattern, (m) => ` ${WRITTEN}${this.capitals.get(m)!.slice(1)} `);
    }
    return out;
  }

  /**
   * A pattern for the phrases a text may hold, longest first, or undefined when it has no phrase's
   * trigger word (most texts; a phrase cannot match without it). A text with one trigger gets that
   * trigger's phrases, a text with several all of them: each pattern is compiled once, where one
   * per set of triggers met (~1.5 ms each, their Unicode classes) cost 566 ms over the knowledge
   * base's own phrasings.
   */
  private phrasesTriggeredBy(triggers: ReadonlySet<string>): RegExp | undefined {
    if (triggers.size === 0) return undefined;
    if (triggers.size > 1) return (this.allPhrases ??= phrasePattern(this.phrases));
    const [trigger] = [...triggers] as [string];
    let pattern = this.phrasesOf.get(trigger);
    if (!pattern) this.phrasesOf.set(trigger, (pattern = phrasePattern(this.phrases.filter((p) => p.trigger === trigger))));
    return pattern;
  }

  /** Whether a folded word is a phrase's trigger word: a text without one holds no phrase. */
  isTrigger(word: string): boolean {
    return this.firstWords.has(word);
  }

  /** The phrases' trigger words `text` has: those of its chunks (`triggersInChunk`). */
  private triggersIn(text: string): Set<string> {
    const found = new Set<string>();
    for (const chunk of text.split(' ')) for (const word of this.triggersInChunk(chunk)) found.add(word);
    return found;
  }

  /**
   * The phrases' trigger words in a chunk of text (characters between two spaces). A text's
   * triggers are its chunks': a space breaks words, and lower case does not look across one (not
   * even for a final sigma), so an index can note each distinct chunk's once (`WordTable.noted`).
   */
  triggersInChunk(chunk: string): readonly string[] {
    // Lower-case letters and digits are one word as they are (most chunks).
    if (ASCII_ONLY.test(chunk)) return this.firstWords.has(chunk) ? [chunk] : NO_TRIGGERS;
    let found: string[] | undefined;
    for (const raw of chunk.toLowerCase().split(WORD_BREAK)) {
      if (!raw) continue;
      const word = ASCII_ONLY.test(raw) ? raw : (foldLatin(raw) ?? foldText(raw));
      if (this.firstWords.has(word)) (found ??= []).push(word);
    }
    return found ?? NO_TRIGGERS;
  }

  /** The canonical word a folded word stands for, if the lexicon names it. */
  canonical(word: string): string | undefined {
    return this.words.get(word);
  }

  /** Whether a word is one `rewrite` wrote (no one types it, so no one misspells it). */
  isWritten(word: string): boolean {
    return word.startsWith(WRITTEN);
  }

  /** Whether a folded word only says who asks ("nurse", « mémoire », "mi hermano"). */
  isAsker(word: string): boolean {
    return this.askers.has(word);
  }
}

/** Two capitals in a row: a text without them names nothing in capitals. */
const CAPITAL_PAIR = /\p{Lu}\p{Lu}/u;
/** What separates words (a first approximation: enough to find phrases' first words). */
const WORD_BREAK = /[\s.,;:!?¿¡()"“”«»'’\-/]+/;
const ASCII_ONLY = /^[a-z0-9]*$/;
const NO_TRIGGERS: readonly string[] = [];
/** Whether a stem is a lexicon canonical word. */
export const isCanonical = (stem: string) => stem.startsWith(CANONICAL);

const ACCENTS: Record<string, string> = { a: '[aàáâäã]', e: '[eéèêë]', i: '[iíìîï]', o: '[oóòôöõ]', u: '[uúùûü]', c: '[cç]', n: '[nñ]', y: '[yÿ]' };

/**
 * A folded phrase as a pattern that also matches it with accents, any spacing, hyphens or
 * apostrophes between words, and without its little words ("asamblea mundial salud" is
 * « asamblea mundial de la salud »). The first and last words are never optional.
 */
function accentTolerant(phrase: string): string {
  const words = phrase.split(' ');
  const pattern = (w: string) => [...w].map((ch) => ACCENTS[ch] ?? escape(ch)).join('');
  return words
    .map((w, i) => {
      const sep = i < words.length - 1 ? "[\\s'’-]+" : '';
      const optional = i > 0 && i < words.length - 1 && isLittleWord(w);
      return optional ? `(?:${pattern(w)}${sep})?` : `${pattern(w)}${sep}`;
    })
    .join('');
}

/** One pattern finding any of `phrases` (in their order: longest first) as whole words. */
function phrasePattern(phrases: ReadonlyArray<{ pattern: string }>): RegExp {
  return regExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map((p) => p.pattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The lexicon's patterns, made once per process. Their Unicode classes make each costly to compile
 * (~1 ms for a phrase's, ~35 ms for all phrases'), and V8 keeps compiled patterns only for a while:
 * the checks, scripts, tests and benchmarks that build several indexes from one lexicon compiled the
 * same patterns again (30–110 ms of a generated 10k build after the real one). Each is used one call
 * at a time from a reset `lastIndex`, so indexes can share it.
 */
function regExp(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(key, (pattern = new RegExp(source, flags)));
  }
  return pattern;
}

const patterns = new Map<string, RegExp>();
/** A lexicon makes a few hundred patterns; past this many, an edited lexicon's old ones are let go. */
const MAX_PATTERNS = 4_000;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Groups sharing a form are one group (« OIM » is in the French and the Spanish lexicons): each
 * merged group's canonical word is its first group's first form, folded, without spaces.
 */
function merged(groups: ReadonlyArray<{ forms: string[]; name: boolean }>): Array<{ forms: string[]; canonical: string; name: boolean }> {
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const form of g.forms) {
      const key = form === form.toUpperCase() ? form : foldText(form);
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const out = new Map<number, { forms: string[]; canonical: string; name: boolean }>();
  groups.forEach((g, i) => {
    const r = root(i);
    const group = out.get(r) ?? out.set(r, { forms: [], canonical: CANONICAL + foldText(groups[r]!.forms[0]!).replace(/ /g, ''), name: false }).get(r)!;
    group.forms.push(...g.forms);
    group.name ||= g.name;
  });
  return [...out.values()];
}
