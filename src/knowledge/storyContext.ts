import { isLittleWord, tokenise } from './normalise';
import { questionSentences } from './questionSentences';

/**
 * A story and its question read as one, without the story's words the knowledge base never uses
 * (`known` says which it uses): "I volunteer at a centre in Marseille. A young woman told me she was
 * raped on the crossing. Where can she get care?" asks about care after rape, but the story's many
 * other words, read as evidence of another topic, leave the whole message no clear match.
 * Undefined for a message of one sentence.
 */
export function storyContext(message: string, known: (word: string) => boolean): string | undefined {
  const asking = questionSentences(message);
  if (asking.length === 0) return undefined;
  let story = message;
  for (const sentence of asking) story = story.replace(sentence, ' ');
  const kept = story.split(/\s+/).filter((raw) => tokenise(raw).some((w) => !isLittleWord(w) && known(w)));
  return kept.length === 0 ? undefined : `${kept.join(' ')} ${asking.join(' ')}`;
}
