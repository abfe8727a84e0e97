/**
 * Other organisations people ask about, by name as folded words or phrases: the knowledge base is
 * about IOM, and "when was WHO founded" is not "when was IOM founded", nor "how many members does
 * the UN have" IOM's 175. (WHO, UN, ILO and EU in capitals only: they are also everyday words.)
 */
const OTHER_ORGANISATIONS: Readonly<Record<string, readonly string[]>> = {
  who: ['oms', 'world health organization', 'world health organisation', 'organisation mondiale de la sante', 'organizacion mundial de la salud'],
  unhcr: ['unhcr', 'hcr', 'acnur'],
  unicef: ['unicef'],
  redCross: ['red cross', 'croix rouge', 'cruz roja'],
  msf: ['msf', 'medecins sans frontieres', 'medicos sin fronteras'],
  un: ['onu', 'united nations', 'nations unies', 'naciones unidas'],
  ilo: ['oit', 'international labour organization', 'international labor organization'],
  unesco: ['unesco'],
  fao: ['fao'],
  unaids: ['unaids', 'onusida'],
  undp: ['undp', 'pnud'],
  unfpa: ['unfpa'],
  worldBank: ['world bank', 'banque mondiale', 'banco mundial'],
  eu: ['european union', 'union europeenne', 'union europea'],
};
/** Names written in capitals that are also words in lower case ("who", Spanish and French "un", "eu"). */
const CAPITALS: Readonly<Record<string, RegExp>> = { who: /\bWHO\b/, un: /\bUN\b/, ilo: /\bILO\b/, eu: /\bEU\b/ };

/** The first word of every name, and any name in capitals: a quick test before looking closer. */
const FIRST_WORDS: ReadonlySet<string> = new Set(Object.values(OTHER_ORGANISATIONS).flatMap((names) => names.map((n) => n.split(' ')[0]!)));
const CAPITALS_ANYWHERE = /\b(?:WHO|UN|ILO|EU)\b/;

/** Words of those names a speller must leave alone: they are names, not typos ("croix rouge" is not "choix route", OIT not OIM). */
const NAME_WORDS: ReadonlySet<string> = new Set([
  ...['unhcr', 'acnur', 'unicef', 'croix', 'rouge', 'cruz', 'roja', 'msf', 'onu', 'oit', 'unesco', 'fao', 'unaids', 'onusida'],
  ...['undp', 'pnud', 'unfpa'],
]);

export function isOrganisationWord(word: string): boolean {
  return NAME_WORDS.has(word);
}

/** Whether a text's folded words (`tokenise`) name IOM (« OIM »). */
export function namesIom(words: readonly string[]): boolean {
  return words.includes('iom') || words.includes('oim');
}

/** The other organisations than IOM a text (and its folded words) names, as keys of `OTHER_ORGANISATIONS`. */
export function otherOrganisationsNamed(text: string, words: readonly string[]): string[] {
  const capitals = text !== text.toUpperCase() && CAPITALS_ANYWHERE.test(text);
  // Most messages name no organisation: no word of any name, no name in capitals.
  if (!capitals && !words.some((w) => FIRST_WORDS.has(w))) return [];
  const folded = ` ${words.join(' ')} `;
  return Object.keys(OTHER_ORGANISATIONS).filter(
    (key) => (capitals && CAPITALS[key]?.test(text)) || OTHER_ORGANISATIONS[key]!.some((name) => folded.includes(` ${name} `)),
  );
}

/** Words by which a question speaks to the bot, and so to IOM: "are you part of the UN", "is this a UN agency". */
const ADDRESSING_US: ReadonlySet<string> = new Set(['you', 'your', 'this', 'vous', 'tu', 'toi', 'votre', 'ton', 'ustedes', 'usted', 'eres', 'son', 'esto', 'su']);

/** Whether a text's folded words speak to the bot ("are you…", « vous êtes… », "¿ustedes son…?"). */
export function addressesUs(words: readonly string[]): boolean {
  return words.some((w) => ADDRESSING_US.has(w));
}

/** "WHO" in capitals, in a text not all in capitals, is the World Health Organization, not the question word. */
export function writesWhoAsOrganisation(text: string): boolean {
  return CAPITALS.who!.test(text) && text !== text.toUpperCase();
}
