/*
 * Closed classes of folded function words in English, French and Spanish (with the texting forms
 * people type): who speaks, negation, asking. Grammar, not topics: what a message is about is
 * learnt from the data in knowledge/.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** The writer, or the writer's group: "I", "my", "we", « je », « mon », "yo", "mi", "nos". */
export const FIRST_PERSON = set(`
  i im ive id me my mine myself we us our ours
  je jsuis chui j moi me m mon ma mes nous notre nos
  yo me mi mis conmigo nos nosotros nosotras nuestro nuestra nuestros nuestras
`);

/**
 * Words that negate what follows: "not", "never", "nobody", « ne … pas », « jamais », « personne »,
 * "no", "nunca", "nadie". (Contractions are folded without their apostrophe: "cant", "dont", "wont".)
 */
export const NEGATORS = set(`
  not no never nobody nothing none neither nor cant cannot dont doesnt didnt wont isnt arent wasnt havent hasnt couldnt wouldnt
  ne pas jamais personne rien aucun aucune ni
  no nunca jamas nadie nada ningun ninguno ninguna ni tampoco
`);

/** Words that open a question: "what", "how many", « combien », "cuántos", and their texting forms. */
export const QUESTION_WORDS = set(`
  what whats wat which who whom whose when where why how
  quoi koi quel quels quelle quelles qui ki quand ou comment combien pourquoi pk pq
  que qu cual cuales quien quienes cuando donde como cuanto cuantos cuanta cuantas porque xq
`);
