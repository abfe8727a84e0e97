import type { Turn, TurnHandler } from '../bot/Turn';
import type { I18n } from '../i18n/i18n';
import { foldText } from '../text/foldText';
import { type KnowledgeBase, LANGUAGES, type Lang, type Theme } from '../knowledge/types';
import type { Choice } from '../reply';

/** Entries on one page of a theme: with "more" and "all topics", a WhatsApp list's 10 rows hold it. */
export const THEME_PAGE = 8;

/** The topic menu's first level: the themes, in the person's language. */
export function topicMenu(kb: KnowledgeBase, lang: Lang, extra: Choice[] = []): Choice[] {
  return [...kb.themes.map((theme) => ({ label: theme.title[lang], value: theme.title[lang] })), ...extra];
}

/**
 * One page of a theme's entries (answers by their question, actions by their label), then "more"
 * when there is another page, and "all topics".
 */
export function themeChoices(kb: KnowledgeBase, theme: Theme, page: number, turn: Pick<Turn, 'lang' | 't'>): Choice[] {
  const { lang } = turn;
  const entries = theme.entries
    .map((id) => kb.entries[lang].get(id) ?? kb.actions[lang].get(id as never))
    .filter((e) => e !== undefined)
    .map((e) => (e.kind === 'answer' ? { label: e.question, value: e.question } : { label: e.label, value: e.label }));
  const shown = entries.slice(page * THEME_PAGE, (page + 1) * THEME_PAGE);
  const more = entries.length > (page + 1) * THEME_PAGE ? [{ label: turn.t('menu.more'), value: `${theme.title[lang]} ${page + 2}` }] : [];
  return [...shown, ...more, { label: turn.t('menu.allTopics'), value: turn.t('menu.allTopics') }];
}

/**
 * The theme a message names by its title (a menu button the bot showed, in any language), and the
 * page asked for ("Health checks 2").
 */
export function themeNamed(kb: KnowledgeBase, text: string): { theme: Theme; page: number } | undefined {
  const folded = foldText(text);
  const paged = /^(.*) (\d{1,2})$/.exec(folded);
  for (const [title, page] of paged ? [[paged[1]!, Number(paged[2]) - 1] as const, [folded, 0] as const] : [[folded, 0] as const]) {
    const theme = kb.themes.find((t) => LANGUAGES.some((lang) => foldText(t.title[lang]) === title));
    if (theme) return { theme, page: Math.max(0, page) };
  }
  return undefined;
}

/** A theme picked from the menu: its entries. "All topics" (a button the bot shows, in any language): the themes. */
export function topicMenuHandler(kb: KnowledgeBase, i18n: I18n): TurnHandler {
  const allTopics = new Set(LANGUAGES.map((lang) => foldText(i18n.t(lang, 'menu.allTopics'))));
  return {
    name: 'topic-menu',
    handle(turn) {
      if (allTopics.has(foldText(turn.text))) {
        turn.say({ kind: 'message', text: turn.t('welcome.pickTopic'), choices: topicMenu(kb, turn.lang) });
        return true;
      }
      const named = themeNamed(kb, turn.text);
      if (!named) return false;
      turn.say({ kind: 'message', text: turn.t('menu.pickQuestion', { theme: named.theme.title[turn.lang] }), choices: themeChoices(kb, named.theme, named.page, turn) });
      return true;
    },
  };
}
