import { FIRST_PERSON, NEGATORS, QUESTION_WORDS } from './functionWords';
import { foldText } from './foldText';

/** Words after a negator that it negates ("i am not in any danger": not·in, not·any, not·danger). */
const NEGATION_SCOPE = 3;
/** Character n-grams of each word, from `MIN_GRAM` to `MAX_GRAM` letters (with word edges). */
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/**
 * What a classifier sees of a message, in any of our languages and robust to typos, missing
 * accents and texting: its folded words (`w:`), their character n-grams with word edges (`c:`, so
 * "respire", "respira" and "respirer" share most of theirs), word pairs (`b:`), words in the
 * scope of a negation (`n:`), and grammatical cues (`k:`): the writer speaks of themselves or
 * their own, a question is asked.
 */
export function textFeatures(text: string): string[] {
  const words = foldText(text).split(' ').filter(Boolean);
  const features: string[] = [];
  let negatedUntil = -1;
  words.forEach((word, i) => {
    features.push(`w:${word}`);
    const edged = `<${word}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let at = 0; at + n <= edged.length; at++) features.push(`c:${edged.slice(at, at + n)}`);
    }
    if (i > 0) features.push(`b:${words[i - 1]} ${word}`);
    if (i <= negatedUntil) features.push(`n:${word}`);
    if (NEGATORS.has(word)) negatedUntil = i + NEGATION_SCOPE;
  });
  if (words.some((w) => FIRST_PERSON.has(w))) features.push('k:first-person');
  if (text.includes('?') || text.includes('¿') || QUESTION_WORDS.has(words[0] ?? '')) features.push('k:question');
  if (words.length <= 3) features.push('k:short');
  return features;
}
