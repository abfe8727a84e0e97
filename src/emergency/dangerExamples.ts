import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Lang } from '../knowledge/types';
import { KnowledgeError, YamlFile } from '../knowledge/yamlFile';

/** The kinds of danger the bot reacts to before anything else, each with its own advice. */
export const DANGER_KINDS = ['medical', 'violence', 'selfHarm', 'sexualViolence', 'trafficking', 'child', 'stranded'] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

/** The file, in each language's folder, that health staff extend with what people in danger write. */
export const DANGER_FILE = 'danger.yaml';

const examples = z.array(z.string().trim().min(1, 'must not be empty'));

export const dangerFileSchema = z
  .object({
    urgent: z.object(Object.fromEntries(DANGER_KINDS.map((k) => [k, examples.min(1, `${k} needs at least one example`)])) as Record<DangerKind, typeof examples>).strict(),
    not_urgent: examples.min(1, 'not_urgent needs look-alikes (idioms, research, past events…)'),
  })
  .strict();

/** What people in danger write, by kind, and look-alikes that are not emergencies, per language. */
export interface DangerExamples {
  urgent: Record<Lang, Record<DangerKind, string[]>>;
  notUrgent: Record<Lang, string[]>;
}

/** Reads `dir/{en,fr,es}/danger.yaml`; a broken file is a `KnowledgeError` with its line. */
export function loadDangerExamples(dir: string): DangerExamples {
  const loaded = LANGUAGES.map((lang) => {
    const path = join(dir, lang, DANGER_FILE);
    if (!existsSync(path)) throw new KnowledgeError(path, 1, 'the danger examples file is missing');
    return [lang, YamlFile.read(path).parse(dangerFileSchema)] as const;
  });
  return {
    urgent: Object.fromEntries(loaded.map(([lang, file]) => [lang, file.urgent])) as DangerExamples['urgent'],
    notUrgent: Object.fromEntries(loaded.map(([lang, file]) => [lang, file.not_urgent])) as DangerExamples['notUrgent'],
  };
}
