/**
 * Requests as a person makes them, through the whole bot: each `actions` item of an eval set
 * (`{ q, action }`) is sent in a fresh web chat conversation (after the set-up its action needs:
 * an open helpdesk request for "back-to-bot", the newsletter sign-up under way for "cancel"), and
 * the bot's reply tells whether the action ran. Prints per language and action, and the misses.
 * Usage: npx tsx scripts/eval-actions.ts --eval <dir> [--quiet]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LANGUAGES, type Lang } from '../src/knowledge/types';
import { chatWithBot, testServices } from '../test/support/chat';
import { option, pct, show } from './eval';

export const actionSetSchema = z.object({
  actions: z.array(z.object({ q: z.string().min(1), action: z.string().min(1) })).default([]),
});

/** What the bot says when each action runs (i18n keys), and in which language, if it matters. */
const SIGNS: Record<string, { keys: string[]; lang?: Lang }> = {
  subscribe: { keys: ['newsletter.askEmail', 'newsletter.askHow', 'newsletter.unavailable'] },
  unsubscribe: { keys: ['newsletter.unsubscribed', 'newsletter.notSubscribed'] },
  'forget-me': { keys: ['newsletter.forgotten'] },
  'talk-to-person': { keys: ['handoff.created'] },
  'back-to-bot': { keys: ['handoff.endedByUser'] },
  'switch-to-english': { keys: ['language.changed'], lang: 'en' },
  'switch-to-french': { keys: ['language.changed'], lang: 'fr' },
  'switch-to-spanish': { keys: ['language.changed'], lang: 'es' },
  help: { keys: ['help.text'] },
  'topic-menu': { keys: ['welcome.pickTopic', 'menu.pickTheme'] },
  cancel: { keys: ['newsletter.nothingStored'] },
};

/** A locale string's fixed opening (up to its first interpolation), to find it in a reply. */
function opening(text: string): string {
  return text.split('{{')[0]!.slice(0, 60);
}

export interface ActionScore {
  lang: Lang;
  total: number;
  right: number;
  byAction: Map<string, { total: number; right: number }>;
  misses: string[];
}

export async function evaluateActions(lang: Lang, file: string): Promise<ActionScore> {
  const { actions } = actionSetSchema.parse(parse(readFileSync(file, 'utf8')));
  const services = testServices();
  const say = (key: string, l: Lang) => opening(services.i18n.forLang(l)(key));
  const score: ActionScore = { lang, total: 0, right: 0, byAction: new Map(), misses: [] };
  for (const { q, action } of actions) {
    const sign = SIGNS[action];
    if (!sign) throw new Error(`${file}: unknown action "${action}" for "${q}"`);
    const user = await chatWithBot({ channelId: 'webchat' });
    if (action === 'back-to-bot') await user.send(say('handoff.offerChoice', lang));
    if (action === 'cancel') await user.send('newsletter');
    await user.send(q);
    const langs = sign.lang ? [sign.lang] : LANGUAGES;
    const ran = sign.keys.some((key) => langs.some((l) => user.text.includes(say(key, l))));
    const row = score.byAction.get(action) ?? score.byAction.set(action, { total: 0, right: 0 }).get(action)!;
    row.total++;
    score.total++;
    if (ran) {
      row.right++;
      score.right++;
    } else score.misses.push(`${lang} ${action} "${q}": got "${user.text.replace(/\s+/g, ' ').slice(0, 90)}"`);
  }
  return score;
}

if (require.main === module) {
  void (async () => {
    const dir = option('--eval', 'test/eval');
    let ok = true;
    for (const lang of LANGUAGES) {
      const s = await evaluateActions(lang, join(dir, `${lang}.yaml`));
      if (!process.argv.includes('--quiet')) for (const m of s.misses) console.log(`  miss: ${m}`);
      console.log(`${lang}  actions ${show(s.right, s.total)}   ${[...s.byAction].map(([a, r]) => `${a} ${r.right}/${r.total}`).join('  ')}`);
      ok &&= pct(s.right, s.total) >= 0.9;
    }
    process.exitCode = ok ? 0 : 1;
  })();
}
