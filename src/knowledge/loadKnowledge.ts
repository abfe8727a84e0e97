import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { actionsFileSchema, lexiconFileSchema, menuFileSchema, referralsFileSchema, topicFileSchema } from './knowledgeSchema';
import { type ActionEntry, isActionId, type KnowledgeBase, type KnowledgeEntry, LANGUAGES, type Lang, type ReferralEntry, type Theme } from './types';
import { KnowledgeError, YamlFile } from './yamlFile';

export { KnowledgeError } from './yamlFile';
export { checkKnowledge } from './checkKnowledge';

const YAML_FILE = /\.ya?ml$/;
export const MENU_FILE = 'menu.yaml';
export const ACTIONS_FILE = 'actions.yaml';
export const REFERRALS_FILE = 'referrals.yaml';
export const LEXICON_FILE = 'lexicon.yaml';
/** Files of a language folder that are not answers (the danger examples are loaded by `src/emergency`). */
const RESERVED = new Set([ACTIONS_FILE, REFERRALS_FILE, LEXICON_FILE, 'danger.yaml']);

/** Where an id was written, to report a reference to an unknown one on its own line. */
interface IdRef {
  file: YamlFile;
  path: Array<string | number>;
  id: string;
}

/**
 * Loads and validates everything the bot understands, `dir/{en,fr,es}/`: answers (every YAML file
 * but the reserved ones), `actions.yaml`, `referrals.yaml`, `lexicon.yaml`, and the topic menu
 * `dir/menu.yaml`. Throws a `KnowledgeError` (`file:line: reason`) on bad YAML, a schema violation
 * (an answer over 600 characters, a missing source, an action the bot does not know), an id used
 * twice in one language, or a `related`/menu id that no language defines. Softer problems (an id
 * missing in one language, colliding phrasings) are left to `checkKnowledge`.
 */
export function loadKnowledge(dir: string): KnowledgeBase {
  const kb: KnowledgeBase = {
    entries: { en: new Map(), fr: new Map(), es: new Map() },
    actions: { en: new Map(), fr: new Map(), es: new Map() },
    referrals: { en: new Map(), fr: new Map(), es: new Map() },
    lexicon: { en: emptyLexicon(), fr: emptyLexicon(), es: emptyLexicon() },
    themes: [],
  };
  const related: IdRef[] = [];
  for (const lang of LANGUAGES) {
    const langDir = join(dir, lang);
    if (!existsSync(langDir)) throw new KnowledgeError(langDir, 1, `the ${lang} folder is missing`);
    const seen = new Map<string, string>();
    const claim = (file: YamlFile, path: Array<string | number>, id: string) => {
      const first = seen.get(id);
      if (first) throw file.error([...path, 'id'], `duplicate id "${id}" (first defined at ${first})`);
      seen.set(id, `${file.file}:${file.lineOf(path)}`);
      return seen.get(id)!;
    };
    for (const name of readdirSync(langDir).filter((n) => YAML_FILE.test(n) && !RESERVED.has(n)).sort()) {
      const file = YamlFile.read(join(langDir, name));
      const topic = file.parse(topicFileSchema);
      topic.entries.forEach((input, i) => {
        const path = ['entries', i];
        const origin = claim(file, path, input.id);
        const entry: KnowledgeEntry = { kind: 'answer', ...input, lang, topic: topic.topic, origin };
        kb.entries[lang].set(entry.id, entry);
        input.related.forEach((id, j) => related.push({ file, path: [...path, 'related', j], id }));
      });
    }
    loadActions(join(langDir, ACTIONS_FILE), lang, kb, claim);
    loadReferrals(join(langDir, REFERRALS_FILE), lang, kb, claim);
    const lexicon = join(langDir, LEXICON_FILE);
    if (existsSync(lexicon)) kb.lexicon[lang] = YamlFile.read(lexicon).parse(lexiconFileSchema);
  }
  const known = (id: string) => LANGUAGES.some((lang) => kb.entries[lang].has(id) || kb.actions[lang].has(id as never));
  for (const ref of related) {
    if (!LANGUAGES.some((lang) => kb.entries[lang].has(ref.id))) throw ref.file.error(ref.path, `related names an unknown id "${ref.id}"`);
  }
  kb.themes = loadMenu(join(dir, MENU_FILE), known);
  return kb;
}

type Claim = (file: YamlFile, path: Array<string | number>, id: string) => string;

function loadActions(path: string, lang: Lang, kb: KnowledgeBase, claim: Claim): void {
  if (!existsSync(path)) return;
  const file = YamlFile.read(path);
  file.parse(actionsFileSchema).actions.forEach((input, i) => {
    if (!isActionId(input.id)) throw file.error(['actions', i, 'id'], `"${input.id}" is not an action the bot can do`);
    const entry: ActionEntry = { kind: 'action', id: input.id, lang, label: input.label, examples: input.examples, origin: claim(file, ['actions', i], input.id) };
    kb.actions[lang].set(entry.id, entry);
  });
}

function loadReferrals(path: string, lang: Lang, kb: KnowledgeBase, claim: Claim): void {
  if (!existsSync(path)) return;
  const file = YamlFile.read(path);
  file.parse(referralsFileSchema).referrals.forEach((input, i) => {
    const entry: ReferralEntry = { kind: 'referral', ...input, lang, origin: claim(file, ['referrals', i], input.id) };
    kb.referrals[lang].set(entry.id, entry);
  });
}

function loadMenu(path: string, known: (id: string) => boolean): Theme[] {
  if (!existsSync(path)) throw new KnowledgeError(path, 1, 'the topic menu file is missing');
  const file = YamlFile.read(path);
  const { themes } = file.parse(menuFileSchema);
  themes.forEach((theme, t) =>
    theme.entries.forEach((id, i) => {
      if (!known(id)) throw file.error(['themes', t, 'entries', i], `menu names an unknown id "${id}"`);
    }),
  );
  return themes;
}

function emptyLexicon() {
  return { same: [], names: [], ours: [], asker: [] };
}
