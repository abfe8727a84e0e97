import assert from 'node:assert/strict';
import { FEEDBACK_BUTTONS, fitFeedback } from '../../src/channels/fitFeedback';
import { render } from '../../src/channels/render';
import { TEAMS_MAX_SUGGESTED_ACTIONS } from '../../src/channels/renderTeams';
import { WEBCHAT_MAX_SUGGESTED_ACTIONS } from '../../src/channels/renderWebChat';
import { WHATSAPP_MAX_BUTTON_TITLE, WHATSAPP_MAX_REPLY_BUTTONS } from '../../src/channels/renderWhatsApp';
import { MAX_LIST_ROWS, toGraphMessages } from '../../src/whatsapp/toGraphMessages';
import type { Reply } from '../../src/reply';

const related = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Related question ${i + 1}`, value: `related ${i + 1}` }));
const answer = (n: number): Reply => ({
  kind: 'answer',
  title: 'How many international migrants are there?',
  text: 'Close to 281 million (UNDESA, 2020).',
  source: { label: 'Source', url: 'https://www.iom.int/migration-health' },
  choices: related(n),
  feedback: { up: { label: '👍 Helpful', value: '👍 Helpful' }, down: { label: '👎 Not helpful', value: '👎 Not helpful' }, hint: 'Was this helpful? Reply 👍 or 👎' },
});
const titles = (activities: ReturnType<typeof render>) => activities.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => String(x.title)));
const cardTitles = (activities: ReturnType<typeof render>) =>
  activities.flatMap((a) => (a.attachments ?? []).flatMap((x) => ((x.content as { actions?: Array<{ title: string }> }).actions ?? []).map((b) => b.title)));

describe('👍/👎 on each channel', () => {
  it('web chat: two suggested actions after the follow-ups', () => {
    const activities = render(answer(3), { kind: 'webchat', isGroup: false });
    assert.deepEqual(titles(activities), ['Related question 1', 'Related question 2', 'Related question 3', '👍 Helpful', '👎 Not helpful']);
    assert.doesNotMatch(activities.map((a) => a.text).join(), /Reply 👍/);
  });

  it('web chat: when the follow-ups fill every button, the follow-ups keep them and the vote is a line of text', () => {
    const activities = render(answer(WEBCHAT_MAX_SUGGESTED_ACTIONS - 1), { kind: 'webchat', isGroup: false });
    assert.equal(titles(activities).length, WEBCHAT_MAX_SUGGESTED_ACTIONS - 1);
    assert.ok(!titles(activities).some((t) => /👍/.test(t)));
    assert.match(String(activities.at(-1)?.text), /Reply 👍 or 👎/);
  });

  it('Teams one-to-one: suggested actions within 6; group chats: card buttons', () => {
    const personal = titles(render(answer(3), { kind: 'teams', isGroup: false }));
    assert.ok(personal.length <= TEAMS_MAX_SUGGESTED_ACTIONS);
    assert.deepEqual(personal.slice(-2), ['👍 Helpful', '👎 Not helpful']);
    const group = render(answer(2), { kind: 'teams', isGroup: true });
    assert.deepEqual(cardTitles(group), ['Source', 'Related question 1', 'Related question 2', '👍 Helpful', '👎 Not helpful']);
    assert.equal(titles(group).length, 0, 'no suggested actions in group chats');
  });

  it('WhatsApp: the vote is a line of text; the follow-ups keep their 3 buttons and the list its 10 rows', () => {
    for (const n of [0, 1, WHATSAPP_MAX_REPLY_BUTTONS, MAX_LIST_ROWS]) {
      const activities = render(answer(n), { kind: 'whatsapp', isGroup: false });
      const buttons = titles(activities);
      assert.ok(buttons.length <= WHATSAPP_MAX_REPLY_BUTTONS, `${n} follow-ups`);
      assert.ok(buttons.every((t) => t.length <= WHATSAPP_MAX_BUTTON_TITLE && !/👍|👎/.test(t)));
      assert.match(String(activities.at(-1)?.text), /Was this helpful\? Reply 👍 or 👎/);
      for (const message of activities.flatMap((a) => toGraphMessages(a, 'Options'))) {
        const interactive = message.interactive as { action: { buttons?: unknown[]; sections?: Array<{ rows: unknown[] }> } } | undefined;
        assert.ok((interactive?.action.buttons?.length ?? 0) <= WHATSAPP_MAX_REPLY_BUTTONS);
        assert.ok((interactive?.action.sections?.[0].rows.length ?? 0) <= MAX_LIST_ROWS);
      }
    }
  });

  it('SMS and unknown channels: the vote as text, before the numbered follow-ups', () => {
    for (const kind of ['sms', 'plain'] as const) {
      const [text] = render(answer(2), { kind, isGroup: false }).map((a) => String(a.text));
      assert.match(text, /Reply 👍 or 👎\n\n1\. Related question 1/);
    }
  });

  it('replies without a vote are unchanged', () => {
    const { feedback: _none, ...plain } = answer(3);
    assert.deepEqual(fitFeedback(plain, 10), { choices: related(3) });
    assert.equal(FEEDBACK_BUTTONS, 2);
  });
});
