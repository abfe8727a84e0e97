import { asksOutsideTopics } from './outsideTopics';
import { nameIom, rewritePhrases } from './rewritePhrases';
import { isLittleWord, tokenise } from './normalise';
import { namesIom } from './organisations';

/**
 * The texts to search for a message, in order; the first answered outright wins, else the whole
 * message's result stands:
 *   0. an indirect question that only points back at IOM, named in the story ("…the IOM, and I'm
 *      not sure what that organisation is", « je sais pas ce que c'est »), as a question about IOM;
 *   1. the sentences that ask, alone (`questionSentences`): a story's words may name another entry's
 *      topic ("the droughts ended our crops… what does climate have to do with migration?"); they
 *      come after the whole message when they point into it ("¿cuál es el papel de la OIM ahí?");
 *   2. the whole message: the story may hold the topic of a bare "how many exactly?";
 *   3. the question's last clause (`questionClause`: "…, what can you help me with?"), its
 *      opening question before the asker starts telling ("what is iom i keep seeing it on posters…"),
 *      or the indirect question inside a request (`embeddedQuestion`: "I'd like to know what…");
 *   4. a question that only points back, after a story naming IOM, as a question about IOM
 *      ("a friend told me about IOM, what is that?": `pointsBack`);
 *   5. the story alone, when the question only checks it ("…a social determinant. Is that IOM's view?").
 */
export function readings(message: string): string[] {
  const sentences = questionSentences(message);
  const asking = sentences.at(-1) ?? message;
  // A question of little words after a story ("…no tiene nada que ver con la ONU. ¿Es verdad?") is
  // about the story: it is not searched alone.
  const asked = sentences.join(' ');
  // "…mi TFG sobre la Agenda 2030, ¿cuál es el papel de la OIM ahí?": "there" is in the story.
  const texts = sentences.length > 0 && hasTopicWord(asked) ? (pointsThere(asked) ? [message, asked] : [asked, message]) : [message];
  const more: string[] = [];
  const tail = lastClause(asking);
  const clause = tail === undefined ? undefined : topicalClause(tail);
  if (clause) more.push(clause);
  const opening = openingQuestion(asking);
  if (opening) more.push(opening);
  // "…I'm not sure what that organisation is. Can you explain?": the plea follows the question.
  const indirect = indirectQuestion(asking) ?? (asking === message ? undefined : indirectQuestion(message));
  const embedded = indirect === undefined ? undefined : (topicalClause(indirect) ?? littleQuestion(indirect));
  if (embedded) more.push(embedded);
  // "…los chalecos de la OIM, pero no sé qué son": a question about what the story named.
  // It is what is asked, before the story's own words ("on m'a orienté vers l'OIM").
  const storyNamesIom = namesIom(tokenise(nameIom(message)));
  const aboutIom = indirect && pointsBack(indirect) && storyNamesIom ? `${indirect} IOM` : undefined;
  const question = tail ?? (sentences.length > 0 ? asking : undefined);
  if (question && pointsBack(question) && storyNamesIom) more.push(`${question} IOM`);
  // "…is that why clinics are so hard for people like me? what are the main obstacles?": the last one.
  if (sentences.length > 1 && hasTopicWord(asking)) more.push(asking);
  // "…a social determinant of health. Is that actually IOM's position?": the story is what is asked.
  const story = sentences.length > 0 && checksStory(asked) ? storyOf(message, sentences) : undefined;
  if (story) more.push(story);
  // A message that asks for a job or a visa is that, whatever its last clause asks ("…, sabes de alguno?").
  if ((more.length === 0 && !aboutIom) || asksOutsideTopics(tokenise(rewritePhrases(message)))) return texts;
  return [...new Set([...(aboutIom ? [aboutIom] : []), ...texts, ...more])];
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

const TRUTH: ReadonlySet<string> = new Set(['true', 'right', 'correct', 'vrai', 'exact', 'verdad', 'cierto', 'verdadero']);

/** Demonstratives a question uses for something named before it ("…, what is that?", « c'est quoi ça ? », "¿qué es eso?"). */
const POINTING_BACK: ReadonlySet<string> = new Set([
  ...['that', 'it', 'this', 'they', 'them', 'those', 'ca', 'cela', 'ceci', 'ils', 'elles', 'eux', 'eso', 'esto', 'esa', 'ese', 'ello', 'ellos', 'ellas'],
  // Spanish drops the pronoun: "¿quiénes son y qué hacen?", "no sé qué es".
  'son',
  'es',
]);

/**
 * Whether a question (a message's last asking sentence or clause) only points back at something the
 * story named: no topic word, and a demonstrative ("me dijeron que la OIM me puede ayudar, ¿qué es eso?").
 */
export function pointsBack(question: string): boolean {
  const words = tokenise(question);
  // "C'est vrai ça ?", "is that true?": a check of what the story says, not a question about IOM.
  if (words.some((w) => TRUTH.has(w))) return false;
  // « C'est quoi au juste ? »: the « c' » is the demonstrative (single letters are not words);
  // « de quoi il s'agit ? » is "what is it".
  const demonstrative = words.some((w) => POINTING_BACK.has(w)) || /(?<![\p{L}])(?:c['’]?\s*est|s['’]\s*agit)(?![\p{L}])/iu.test(question);
  return demonstrative && words.every((w) => isLittleWord(w) || BODY.has(w) || w === 'agit');
}

/**
 * An indirect question of little words only, matched on all of them: « je voudrais savoir à qui je
 * parle » is "who am I talking to". Three words or more, one of them a question word.
 */
function littleQuestion(question: string): string | undefined {
  const words = tokenise(question);
  return words.length >= 3 && words.every(isLittleWord) && words.some((w) => QUESTION_WORDS.has(w)) ? question : undefined;
}

/**
 * Whether a question points into the story: "ahí", « là-dedans », "one of them", « l'un d'eux »,
 * "uno de ellos", "its role" (English "there" is mostly "is there", and "they" the asker's subject).
 */
function pointsThere(question: string): boolean {
  return tokenise(question).some((w) => THERE.has(w));
}

const THERE: ReadonlySet<string> = new Set([
  ...['ahi', 'alli', 'alla', 'dedans', 'them', 'eux', 'ellos', 'ellas'],
  // "…the MHD at IOM. What is its role?": whose role the story says.
  ...['its', 'their', 'son', 'sa', 'ses', 'leur', 'leurs', 'su', 'sus'],
]);

/** What people call IOM when they do not know its name ("what is that organisation?", « c'est quoi cet organisme ? »). */
const BODY: ReadonlySet<string> = new Set([
  ...['organisation', 'organization', 'organisations', 'organizations', 'agency', 'group', 'body', 'thing', 'outfit'],
  ...['organisme', 'organisation', 'agence', 'truc', 'machin', 'organizacion', 'agencia', 'organismo', 'grupo', 'cosa'],
]);

/**
 * A question typed without punctuation, before the asker starts on themselves: "what even is iom i
 * keep seeing it on posters", « c koi l'oim je vois ça partout ». Undefined unless the message
 * opens with two words or more, one of them a topic word, before "I", « je » or "yo".
 */
export function openingQuestion(question: string): string | undefined {
  const at = question.search(/\s(?:(?:i|je|yo)(?=\s)|j['’])/iu);
  if (at < 0) return undefined;
  const opening = question.slice(0, at).trim();
  const words = tokenise(opening);
  const topical = words.some((w) => !isLittleWord(w));
  // "Hello, I'm a volunteer at a centre and before I share…" tells; it does not ask.
  const asks = words.some((w) => QUESTION_WORDS.has(w));
  return words.length >= 2 && topical && asks ? opening : undefined;
}

/** Words that open a question typed without its question mark. */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...['what', 'whats', 'which', 'who', 'how', 'why', 'when', 'where', 'wat', 'is', 'are', 'does', 'do', 'can', 'could'],
  ...['quoi', 'koi', 'quel', 'quels', 'quelle', 'quelles', 'qui', 'ki', 'comment', 'combien', 'pourquoi', 'quand', 'ou', 'est'],
  ...['que', 'cual', 'cuales', 'quien', 'quienes', 'como', 'cuanto', 'cuantos', 'cuantas', 'donde', 'cuando', 'porque'],
]);

/**
 * Whether a question has a topic of its own: a topic word, and not only "what does IOM say?" ("…si
 * migrar afecta la salud. ¿Qué dice la OIM?" asks about the story).
 */
function hasTopicWord(text: string): boolean {
  // Set phrases are not topics: « de quoi il s'agit » (`rewritePhrases`).
  const words = tokenise(rewritePhrases(text));
  const topical = words.filter((w) => !isLittleWord(w));
  const onlyWhatIomSays = words.some((w) => SAYS.has(w)) && topical.every((w) => SAYS.has(w) || w === 'iom' || w === 'oim');
  return topical.length > 0 && !onlyWhatIomSays;
}

const SAYS: ReadonlySet<string> = new Set([
  ...['say', 'says', 'think', 'thinks', 'position', 'view', 'stance', 'agree', 'agrees', 'consider', 'considers', 'official'],
  ...['dit', 'disent', 'pense', 'pensent', 'avis', 'position', 'considere', 'considerent', 'accord', 'officiel', 'officielle'],
  ...['dice', 'dicen', 'piensa', 'opina', 'considera', 'consideran', 'postura', 'posicion', 'acuerdo', 'oficial'],
]);

/**
 * Whether the asking sentences only check the story: "is that true?", "is that IOM's position?",
 * « l'OIM en pense quoi ? », "¿la OIM lo considera así?". No topic word of their own but IOM and
 * words of saying or agreeing.
 */
function checksStory(asked: string): boolean {
  const words = tokenise(asked);
  const topical = words.filter((w) => !isLittleWord(w));
  return words.some((w) => TRUTH.has(w) || SAYS.has(w)) && topical.every((w) => TRUTH.has(w) || SAYS.has(w) || w === 'iom' || w === 'oim');
}

/** The message without its asking sentences, if that leaves a story. */
function storyOf(message: string, asking: readonly string[]): string | undefined {
  let story = message;
  for (const sentence of asking) story = story.replace(sentence, ' ');
  story = story.trim();
  return story && story !== message ? story : undefined;
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
