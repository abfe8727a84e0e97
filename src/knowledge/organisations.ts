/**
 * Other organisations people ask about, as folded words or phrases: the knowledge base is about
 * IOM, and "when was WHO founded" is not "when was IOM founded". (WHO in capitals only: "who" is
 * also a question word.)
 */
const OTHER_ORGANISATIONS = [
  'oms', 'world health organization', 'world health organisation', 'organisation mondiale de la sante', 'organizacion mundial de la salud',
  'unhcr', 'hcr', 'acnur', 'unicef', 'red cross', 'croix rouge', 'cruz roja', 'msf', 'medecins sans frontieres', 'medicos sin fronteras',
];
/** Words of those names a speller must leave alone: they are names, not typos ("croix rouge" is not "choix route"). */
const NAME_WORDS: ReadonlySet<string> = new Set(['unhcr', 'acnur', 'unicef', 'croix', 'rouge', 'cruz', 'roja', 'msf']);

export function isOrganisationWord(word: string): boolean {
  return NAME_WORDS.has(word);
}

/** Whether a text's folded words (`tokenise`) name IOM (« OIM »). */
export function namesIom(words: readonly string[]): boolean {
  return words.includes('iom') || words.includes('oim');
}

/** Whether a text (and its folded words) names another organisation than IOM. */
export function namesOtherOrganisation(text: string, words: readonly string[]): boolean {
  if (writesWhoAsOrganisation(text)) return true;
  const folded = ` ${words.join(' ')} `;
  return OTHER_ORGANISATIONS.some((name) => folded.includes(` ${name} `));
}

/** "WHO" in capitals, in a text not all in capitals, is the World Health Organization, not the question word. */
export function writesWhoAsOrganisation(text: string): boolean {
  return /\bWHO\b/.test(text) && text !== text.toUpperCase();
}
