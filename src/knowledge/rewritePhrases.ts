/**
 * Rewrites of a question's phrases before it is matched (the knowledge base's phrasings are indexed
 * as written): compounds typed with a space, set phrases whose words mean something else alone,
 * occupations that say who asks,
 * "the end goal", IOM's name written out, the World Health Assembly's French and Spanish initials, and decades.
 */
export function rewritePhrases(text: string): string {
  // A message's readings rewrite the same text more than once in a turn: remember the last one.
  if (text !== last.text) last = { text, rewritten: STEPS.reduce((rewritten, step) => step(rewritten), text) };
  return last.rewritten;
}

let last = { text: '', rewritten: '' };

/** "well being" and "bien etre" as people type them on a phone: hyphenated, so `foldChunk` reads them as one compound. */
function hyphenateCompounds(text: string): string {
  return text.replace(SPACED_COMPOUNDS, '$1-$2');
}

const SPACED_COMPOUNDS = /\b(well|bien)\s+(being|etre|être)\b/giu;

/** "The end goal", « l'objectif final », "la meta final": the goal (an "end" is also "ending malaria"). */
function nameGoal(text: string): string {
  return text.replace(END_GOAL, (_, en: string | undefined, other: string | undefined) => en ?? other ?? '');
}

const END_GOAL = /(?<![\p{L}])(?:end|ultimate|final)\s+(goal|aim)(?![\p{L}])|(?<![\p{L}])(objectif|but|objetivo|meta)\s+final(?:e)?(?![\p{L}])/giu;

/**
 * Set phrases whose words mean something else alone, dropped before matching: Spanish "¿de qué se
 * trata?" (what is it about) is not « la trata » (trafficking), nor "¿qué tiene que ver…?" (what has
 * it to do with) a question about seeing; "my caseworker keeps saying" keeps nothing (the bot's privacy);
 * « de quoi il s'agit » (what it is) is not IOM acting (« l'OIM agit »).
 */
function dropIdioms(text: string): string {
  return text.replace(IDIOMS, ' ');
}

const IDIOMS =
  /(?<![\p{L}\p{N}])(?:se\s+trat(?:a|o|ó|aba|aron|an)|(?<=de\s+qu[eé]\s+)trat(?:a|o|ó|aba)|(?:tienen?|tenía)\s+(?:nada\s+)?que\s+ver|(?:has|have|had)\s+nothing\s+to\s+do\s+with|n['’]a\s+rien\s+à\s+voir\s+avec|(?:keeps?|kept)(?=\s+\p{L}+ing(?![\p{L}]))|(?:il\s+)?s['’]\s*agi(?:t|ssait)(?:-il)?)(?![\p{L}\p{N}])/giu;

/**
 * Occupations whose words are topics of ours, dropped: "I'm a social worker", « assistante sociale »,
 * "trabajadora social" say who asks, not that the question is about social well-being (see `askerWords`).
 */
function dropOccupations(text: string): string {
  return text.replace(OCCUPATIONS, ' ');
}

const OCCUPATIONS =
  /(?<![\p{L}])(?:social\s+workers?|(?:assistante?s?|travailleu(?:r|se)s?)\s+sociale?s?|trabajador(?:a|es|as)?\s+social(?:es)?)(?![\p{L}])/giu;

/**
 * IOM's name written out, as "IOM": its words are everyday words ("international", "organisation",
 * "migration") that other entries use, and the name says only "IOM".
 */
export function nameIom(text: string): string {
  return text.replace(IOM_NAME, ' IOM ');
}

const IOM_NAME =
  /(?<![\p{L}\p{N}])(?:(?:the\s+)?international\s+organi[sz]ation\s+(?:for|of)\s+migration|(?:l['’]\s*)?organi[sz]ation\s+internationale\s+(?:pour|des)\s+(?:les\s+)?migrations?|(?:la\s+)?organizaci[oó]n\s+internacional\s+(?:para|de)\s+(?:las\s+)?migraci(?:o|ó)n(?:es)?)(?![\p{L}\p{N}])/giu;

/** The World Health Assembly as French and Spanish abbreviate it, « l'AMS », "la AMS": the knowledge base's "WHA". */
function nameAssembly(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])AMS(?![\p{L}\p{N}])/gu, ' WHA ');
}

/**
 * Decades as "1950s": "the 50s", "50's", « les années 50 », "los años 50" (`SearchIndex` reads a
 * decade as the knowledge base's year in it: IOM since 1951).
 */
function spellDecades(text: string): string {
  const decade = (_: string, century: string | undefined, tens: string) => ` ${century ?? '19'}${tens}0s `;
  return text.replace(DECADE, decade).replace(DECADE_AFTER_WORD, decade);
}

/** "50s", "1950s", "50's". */
const DECADE = /(?<![\p{L}\p{N}])(19|20)?([1-9])0['’]?s(?![\p{L}\p{N}])/giu;
/** « années 50 », "años 50", "años 1950". */
const DECADE_AFTER_WORD = /(?<![\p{L}\p{N}])(?:ann[ée]es|a[ñn]os)\s+(19|20)?([1-9])0(?![\p{L}\p{N}])/giu;

/** The rewrites, in the order they apply. */
const STEPS: readonly ((text: string) => string)[] = [hyphenateCompounds, dropIdioms, dropOccupations, nameGoal, nameIom, nameAssembly, spellDecades];
