import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { menuFileSchema, topicFileSchema } from './knowledgeSchema';
import { type KnowledgeBase, type KnowledgeEntry, LANGUAGES } from './types';
import { KnowledgeError, YamlFile } from './yamlFile';

export { KnowledgeError } from './yamlFile';
export { checkKnowledge } from './checkKnowledge';

const TOPIC_FILE = /\.ya?ml$/;
export const MENU_FILE = 'menu.yaml';

/** Where a `related` id was written, to report it on its own line. */
interface RelatedRef {
  file: YamlFile;
  path: Array<string | number>;
  id: string;
}

/**
 * Loads and validates `dir/{en,fr,es}/*.yaml` and `dir/menu.yaml`. Throws a `KnowledgeError`
 * (`file:line: reason`) on bad YAML, a schema violation (including an answer over 600 characters
 * or a missing source), an id used twice in one language, or a `related`/menu id that no language
 * defines. Softer problems (an id missing in one language, colliding alternates) are left to
 * `checkKnowledge`.
 */
export function loadKnowledge(dir: string): KnowledgeBase {
  const kb: KnowledgeBase = { entries: { en: new Map(), fr: new Map(), es: new Map() }, menu: [] };
  const related: RelatedRef[] = [];
  for (const lang of LANGUAGES) {
    const langDir = join(dir, lang);
    if (!existsSync(langDir)) throw new KnowledgeError(langDir, 1, `the ${lang} folder is missing`);
    for (const name of readdirSync(langDir).filter((n) => TOPIC_FILE.test(n)).sort()) {
      const file = YamlFile.read(join(langDir, name));
      const topic = file.parse(topicFileSchema);
      topic.entries.forEach((input, i) => {
        const path = ['entries', i];
        const seen = kb.entries[lang].get(input.id);
        if (seen) throw file.error([...path, 'id'], `duplicate id "${input.id}" (first defined at ${seen.origin})`);
        const entry: KnowledgeEntry = { ...input, lang, topic: topic.topic, origin: `${file.file}:${file.lineOf(path)}` };
        kb.entries[lang].set(entry.id, entry);
        input.related.forEach((id, j) => related.push({ file, path: [...path, 'related', j], id }));
      });
    }
  }
  const known = (id: string) => LANGUAGES.some((lang) => kb.entries[lang].has(id));
  for (const ref of related) {
    if (!known(ref.id)) throw ref.file.error(ref.path, `related names an unknown id "${ref.id}"`);
  }
  kb.menu = loadMenu(join(dir, MENU_FILE), known);
  return kb;
}

function loadMenu(path: string, known: (id: string) => boolean): string[] {
  if (!existsSync(path)) throw new KnowledgeError(path, 1, 'the topic menu file is missing');
  const file = YamlFile.read(path);
  const { menu } = file.parse(menuFileSchema);
  menu.forEach((id, i) => {
    if (!known(id)) throw file.error(['menu', i], `menu names an unknown id "${id}"`);
  });
  return menu;
}
