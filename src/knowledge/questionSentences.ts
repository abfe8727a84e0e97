import { isLittleWord, tokenise } from './normalise';

/**
 * The texts to search for a message, in order; the first answered outright wins, else the whole
 * message's result stands:
 *   1. the whole message: the question often points into the story ("I need the yellow fever
 *      vaccine, do you give it?"), and the story may hold the topic of a bare "how many exactly?";
 *   2. the sentences that ask, alone (`questionSentences`): when the whole message is no clear
 *      match, a story's words may have named another entry's topic;
 *   3. the question's last clause ("…, can I talk to a real person?"), its opening question before
 *      the asker starts telling ("what is iom i keep seeing it on posters…"), or the indirect
 *      question inside a request ("I'd like to know what…");
 *   4. of several asking sentences, the last one.
 */
export function readings(message: string): string[] {
  const sentences = questionSentences(message);
  const asking = sentences.at(-1) ?? message;
  const asked = sentences.join(' ');
  const texts = sentences.length > 0 && hasTopicWord(asked) ? [message, asked] : [message];
  const tail = lastClause(asking);
  const clause = tail === undefined ? undefined : topicalClause(tail);
  const opening = openingQuestion(asking) ?? questionAfterStory(asking);
  const indirect = indirectQuestion(asking) ?? (asking === message ? undefined : indirectQuestion(message));
  const embedded = indirect === undefined ? undefined : (topicalClause(indirect) ?? littleQuestion(indirect));
  const last = sentences.length > 1 && hasTopicWord(asking) ? asking : undefined;
  const more = [clause, opening, embedded, last].filter((t): t is string => t !== undefined);
  return more.length === 0 ? texts : [...new Set([...texts, ...more])];
}

/**
 * The sentences of a message that ask something, when it has more than one: people often say who
 * and where they are before they ask ("I've been in Italy two years and the clinic keeps sending me
 * away. Why is it so hard for migrants to get health care?"). The story's words are not the
 * question's topic, and the knowledge base does not know most of them. A sentence asks when it
 * ends with "?" or opens with "¿"; when none does, the last sentence is taken to be the question.
 * Sentences end at . ! ? …, before ¿, at a line break, at a spaced dash, and at a colon before a
 * question ("for a briefing: how many member states?"; "sequías y desastres: cómo afectan…" is one).
 * Empty for a message of one sentence.
 */
export function questionSentences(message: string): string[] {
  const sentences = message
    .split(/(?<=[.!?…])\s+|(?=¿)|\n+|\s[-–—]\s|\s?:\s(?=[^:]*[?¿])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length < 2) return [];
  const asking = sentences.filter((s) => s.endsWith('?') || s.startsWith('¿'));
  return asking.length > 0 ? asking : [sentences[sentences.length - 1]!];
}

/**
 * The last clause of a question, after its last comma or "but" ("I arrived last month and my social
 * worker sent me this link, what can you help me with?", "my caseworker says IOM can help but what
 * is that organisation?"): people run the story and the question into one sentence. Give it the
 * message's last asking sentence (`questionSentences`), or the message. Undefined when the question
 * has no such break, or the clause is a word or two or holds no topic word ("…, tu sais pourquoi ?").
 */
export function questionClause(question: string): string | undefined {
  const clause = lastClause(question);
  return clause === undefined ? undefined : topicalClause(clause);
}

/**
 * The clause, if it is three words or more with a topic word; a plea for help alone ("…, tu peux
 * m'aider ?", "…, can you help me?") is not the question.
 */
function topicalClause(clause: string): string | undefined {
  const words = tokenise(clause);
  // "What can you help me with?" asks something; "tu peux m'aider ?" only pleads.
  const asksWhat = words.some((w) => ASKING_WHAT.has(w));
  const topical = words.some((w) => !isLittleWord(w) && (asksWhat || !HELP.has(w)));
  return words.length >= 3 && topical ? clause : undefined;
}

/** The text after a question's last clause break (`CLAUSE_BREAK`), if it has one. */
export function lastClause(question: string): string | undefined {
  const last = [...question.matchAll(CLAUSE_BREAK)].at(-1);
  return last ? question.slice(last.index + last[0].length).trim() : undefined;
}

/**
 * Where a story turns into the question: a comma, « mais », "pero", or "but" before a question
 * word (French « but » is a goal: « quel est le but de l'OIM »).
 */
const CLAUSE_BREAK = /,|(?<![\p{L}\p{N}])(?:mais|pero|but(?=\s+(?:what|who|how|why|when|where|which|is|are|can|could|do|does)\b))(?![\p{L}\p{N}])/giu;

/**
 * An indirect question of little words only, matched on all of them: « je voudrais savoir à qui je
 * parle » is "who am I talking to". Three words or more, one of them a question word.
 */
function littleQuestion(question: string): string | undefined {
  const words = tokenise(question);
  return words.length >= 3 && words.every(isLittleWord) && words.some((w) => QUESTION_WORDS.has(w)) ? question : undefined;
}

/**
 * A question typed without punctuation, before the asker starts on themselves: "what even is iom i
 * keep seeing it on posters", « c koi l'oim je vois ça partout ». Undefined unless the message
 * opens with a question word (first or second word) and two words or more, one of them a topic
 * word, before "I", « je » or "yo".
 */
export function openingQuestion(question: string): string | undefined {
  const at = question.search(/\s(?:(?:i|je|yo)(?=\s)|j['’])/iu);
  if (at < 0) return undefined;
  const opening = question.slice(0, at).trim();
  const words = tokenise(opening);
  const topical = words.some((w) => !isLittleWord(w));
  // "Hello, I'm a volunteer at a centre and before I share…" tells; it does not ask, and "i live in
  // canada why cant i see…" opens with the asker's story: the message opens with its question.
  const asks = words.slice(0, 2).some((w) => QUESTION_WORDS.has(w));
  return words.length >= 2 && topical && asks ? opening : undefined;
}

/**
 * The question after a story typed as one sentence without punctuation: "i live in canada why cant
 * i see a doctor", « je suis en France comment avoir une carte vitale ». Undefined unless the message
 * opens on the asker ("I", « je », "yo", "my"…) and a question word (not "is", "can"…, which stories
 * use too) comes after two words or more, followed by three words or more with a topic word.
 */
export function questionAfterStory(message: string): string | undefined {
  const raw = message.trim().split(/\s+/);
  const plain = raw.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  if (!ASKER_OPENINGS.has(plain[0]!.split(/['’]/)[0]!.replace(/[^\p{L}]/gu, ''))) return undefined;
  const at = plain.findIndex((w, i) => i >= 2 && WH_WORDS.has(w.replace(/[^\p{L}]/gu, '')));
  if (at < 0) return undefined;
  const question = raw.slice(at).join(' ');
  const words = tokenise(question);
  return words.length >= 3 && words.some((w) => !isLittleWord(w)) ? question : undefined;
}

const ASKER_OPENINGS: ReadonlySet<string> = new Set(['i', 'im', 'my', 'we', 'je', 'j', 'mon', 'ma', 'mes', 'nous', 'yo', 'mi', 'mis', 'soy', 'estoy', 'vivo', 'nosotros']);
const WH_WORDS: ReadonlySet<string> = new Set([
  ...['what', 'whats', 'which', 'who', 'how', 'why', 'when', 'where'],
  ...['quoi', 'koi', 'quel', 'quels', 'quelle', 'quelles', 'comment', 'combien', 'pourquoi', 'quand'],
  ...['cual', 'cuales', 'quien', 'quienes', 'como', 'cuanto', 'cuantos', 'cuantas', 'donde', 'cuando', 'porque'],
]);

/** Words that open a question typed without its question mark. */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...['what', 'whats', 'which', 'who', 'how', 'why', 'when', 'where', 'wat', 'is', 'are', 'does', 'do', 'can', 'could'],
  ...['quoi', 'koi', 'quel', 'quels', 'quelle', 'quelles', 'qui', 'ki', 'comment', 'combien', 'pourquoi', 'quand', 'ou', 'est'],
  ...['que', 'cual', 'cuales', 'quien', 'quienes', 'como', 'cuanto', 'cuantos', 'cuantas', 'donde', 'cuando', 'porque'],
]);

/** Whether a text has a topic word (not only little words: "¿es verdad?", "is that so?"). */
function hasTopicWord(text: string): boolean {
  return tokenise(text).some((w) => !isLittleWord(w));
}

const HELP: ReadonlySet<string> = new Set(['help', 'aider', 'aide', 'aidez', 'ayudar', 'ayuda', 'ayudas', 'ayudame', 'ayudarme']);
const ASKING_WHAT: ReadonlySet<string> = new Set(['what', 'which', 'how', 'quoi', 'quel', 'quels', 'quelle', 'quelles', 'comment', 'que', 'cual', 'cuales', 'como']);

/**
 * The question inside "I'd like to know what…", « je voudrais savoir quels… », "quiero saber en qué…":
 * a request around an indirect question, which is the question. Undefined unless it has a topic word.
 */
export function embeddedQuestion(text: string): string | undefined {
  const question = indirectQuestion(text);
  return question === undefined ? undefined : topicalClause(question);
}

/** The indirect question after "I'd like to know", "not sure", « je sais pas »…, topic word or not. */
function indirectQuestion(text: string): string | undefined {
  const match = EMBEDDED.exec(text);
  // "…what topics you can help with before I share this link": the question stops at "before".
  return match ? match[1]!.split(UNTIL)[0]! : undefined;
}

const UNTIL = /\s(?:before|so\s+that|antes\s+de|para\s+que|avant\s+de|pour\s+que)\s/iu;

const EMBEDDED =
  /(?<![\p{L}])(?:know|knw|sure|idea|wondering|wonder|understand|find\s+out|savoir(?:\s+[àa](?=\s+qu))?|sais|sait|s[uû]re?|id[ée]e|comprends|saber|s[eé]|averiguar|averig[uü]e|entiendo)(?:\s+(?:pas|du\s+tout|trop|bien|vraiment|really|exactly|exactement|muy|realmente|de))*\s+((?:ce\s+que|what|which|who|how|why|when|whether|if|quel(?:le)?s?|quoi|qui|comment|pourquoi|si|qu[eé]|cu[aá]l(?:es)?|qui[eé]n(?:es)?|c[oó]mo|por\s*qu[eé]|en\s+qu[eé]|d[oó]nde)(?![\p{L}]).*)$/iu;
