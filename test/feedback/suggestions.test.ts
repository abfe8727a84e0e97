import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { suggestionGroups } from '../../src/feedback/suggestionGroups';
import { chatWithBot } from '../support/chat';
import { TODAY, type InsightsFixture, withInsights } from '../support/insights';

describe('suggested alternates from real questions', () => {
  let fixture: InsightsFixture;
  beforeEach(async () => (fixture = await withInsights()));
  afterEach(() => fixture.close());

  const suggestions = () => fixture.insights.suggestions.list();

  it('keeps a question that "did you mean" resolved by a tap, with the entry picked, in its language', async () => {
    const user = await chatWithBot({ services: fixture.services });
    await user.send('goals');
    assert.match(user.text, /Did you mean/);
    await user.send('2');
    assert.match(user.text, /goal/i);
    const french = await chatWithBot({ services: fixture.services, locale: 'fr-FR' });
    await french.send('objectifs');
    await french.send(french.choices[0]);
    assert.deepEqual(
      (await suggestions()).map((s) => [s.entryId, s.lang, s.text, s.count]).sort(),
      [['global-health-goals', 'en', 'goals', 1], ['mhd-well-being', 'fr', 'objectifs', 1]],
    );
  });

  it('counts the same question asked again, however it is capitalised', async () => {
    for (const asked of ['goals', 'Goals!']) {
      const user = await chatWithBot({ services: fixture.services });
      await user.send(asked);
      await user.send('1');
    }
    const [only, ...rest] = await suggestions();
    assert.deepEqual([only.entryId, only.count, rest.length], ['mhd-well-being', 2, 0]);
  });

  it('keeps nothing when the person asks something else, or says none of these', async () => {
    const user = await chatWithBot({ services: fixture.services });
    await user.send('goals');
    await user.send('how many internal migrants are there?');
    assert.match(user.text, /740 million/);
    await user.send('goals');
    await user.send('None of these');
    assert.deepEqual(await suggestions(), []);
  });

  it('masks e-mail addresses and phone numbers before storing', async () => {
    await fixture.insights.suggestions.record('partners? write to ana@example.org or call +41 22 717 91 11', 'global-partners', 'en', TODAY);
    const [s] = await suggestions();
    assert.equal(s.text, 'partners? write to [email] or call [phone]');
  });

  it('groups by entry and language, leaves out phrasings the entry already has, and gives YAML to paste', async () => {
    const { kb } = fixture.services;
    const groups = suggestionGroups(
      [
        { entryId: 'global-partners', lang: 'en', text: 'partners: who "helps" IOM?', count: 3, lastSeen: TODAY },
        { entryId: 'global-partners', lang: 'en', text: '- partners # worldwide', count: 1, lastSeen: TODAY },
        { entryId: 'global-partners', lang: 'en', text: kb.entries.en.get('global-partners')!.question.toUpperCase(), count: 9, lastSeen: TODAY },
        { entryId: 'national-partners', lang: 'fr', text: 'partenaires', count: 1, lastSeen: TODAY },
        { entryId: 'an-entry-since-deleted', lang: 'en', text: 'old question', count: 5, lastSeen: TODAY },
      ],
      kb,
    );
    assert.deepEqual(groups.map((g) => [g.id, g.lang, g.count]), [['global-partners', 'en', 4], ['national-partners', 'fr', 1]]);
    assert.match(groups[0].file, /^knowledge\/en\/partners\.yaml:\d+$/);
    const pasted = parse(`alternates:\n${groups[0].yaml}`);
    assert.deepEqual(pasted, { alternates: ['partners: who "helps" IOM?', '- partners # worldwide'] }, groups[0].yaml);
    assert.match(groups[0].yaml, /^ {6}# knowledge\/en\/partners\.yaml:\d+ \(global-partners\)/);
  });
});
