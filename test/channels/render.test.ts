import assert from 'node:assert/strict';
import { render } from '../../src/channels/render';
import { WHATSAPP_MAX_BUTTON_TITLE, WHATSAPP_MAX_TEXT } from '../../src/channels/renderWhatsApp';
import type { Reply } from '../../src/reply';

const answer: Reply = {
  kind: 'answer',
  title: 'How many international migrants are there?',
  text: 'There are close to 281 million international migrants (UNDESA, 2020).',
  source: { label: 'Source', url: 'https://www.iom.int/migration-health' },
  choices: [{ label: 'How many internal migrants are there?', value: 'How many internal migrants are there?' }],
};
const menu = (n: number): Reply => ({
  kind: 'message',
  text: 'Choose a topic:',
  choices: Array.from({ length: n }, (_, i) => ({ label: `Topic number ${i + 1}`, value: `topic ${i + 1}` })),
});
const sentences = (chars: number) => 'This sentence is about migration and health. '.repeat(Math.ceil(chars / 46)).slice(0, chars);

describe('render for WhatsApp', () => {
  const wa = { kind: 'whatsapp', isGroup: false } as const;

  it('never sends cards or Markdown links; the source is a plain URL and the title bold', () => {
    const [a] = render(answer, wa);
    assert.equal(a.attachments, undefined);
    assert.match(String(a.text), /^\*How many international migrants are there\?\*/);
    assert.match(String(a.text), /Source: https:\/\/www\.iom\.int\/migration-health/);
    assert.doesNotMatch(String(a.text), /\]\(/);
  });

  it('shows up to 3 options as buttons (titles ≤ 20 characters) and numbered in the text', () => {
    const [a] = render(menu(3), wa);
    const actions = a.suggestedActions?.actions ?? [];
    assert.equal(actions.length, 3);
    for (const action of actions) assert.ok(action.title.length <= WHATSAPP_MAX_BUTTON_TITLE, action.title);
    assert.match(String(a.text), /1\. Topic number 1\n2\. Topic number 2\n3\. Topic number 3/);
  });

  it('turns 4 options into a numbered text menu, with no buttons', () => {
    const [a] = render(menu(4), wa);
    assert.equal(a.suggestedActions, undefined);
    assert.match(String(a.text), /4\. Topic number 4/);
    assert.equal(a.channelData.whatsappMenu.choices.length, 4, 'a native sender can still show a list');
  });

  it('shortens a 21-character button title at a word boundary', () => {
    const reply: Reply = { kind: 'message', text: 'Pick one', choices: [{ label: 'Talk to a person now!', value: 'x' }] };
    const [title] = (render(reply, wa)[0].suggestedActions?.actions ?? []).map((x) => x.title);
    assert.ok(title.length <= 20);
    assert.equal(title, 'Talk to a person…');
  });

  it('splits a 6,000-character answer into two messages at sentence boundaries', () => {
    const activities = render({ kind: 'answer', text: sentences(6000) }, wa);
    assert.equal(activities.length, 2);
    for (const a of activities) {
      assert.ok(String(a.text).length <= WHATSAPP_MAX_TEXT);
      assert.match(String(a.text), /\.$/, 'ends at a sentence boundary');
    }
  });
});

describe('render for Teams', () => {
  it('shows an answer with a source as an Adaptive Card with a Source button', () => {
    const [a] = render(answer, { kind: 'teams', isGroup: false });
    const card = a.attachments?.[0];
    assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(card?.content), /281 million/);
    assert.match(JSON.stringify(card?.content), /Action.OpenUrl/);
    assert.equal(a.suggestedActions?.actions.length, 1, 'suggested actions in a one-to-one chat');
  });

  it('uses card buttons instead of suggested actions in group chats, at most 6', () => {
    const [a] = render(menu(8), { kind: 'teams', isGroup: true });
    assert.equal(a.suggestedActions, undefined);
    assert.equal(a.attachments?.[0].content.buttons.length, 6);
  });

  it('stays far below the 80 KB message limit', () => {
    for (const a of render({ kind: 'message', text: sentences(100_000) }, { kind: 'teams', isGroup: false })) {
      assert.ok(Buffer.byteLength(JSON.stringify(a)) < 80_000);
    }
  });
});

describe('render for web chat', () => {
  it('writes Markdown with the source as a link and suggested actions', () => {
    const [a] = render(answer, { kind: 'webchat', isGroup: false });
    assert.match(String(a.text), /\*\*How many international migrants are there\?\*\*/);
    assert.match(String(a.text), /\[https:\/\/www\.iom\.int\/migration-health\]\(https:\/\/www\.iom\.int\/migration-health\)/);
    assert.equal(a.suggestedActions?.actions[0].type, 'imBack');
  });

  it('never turns text into markup', () => {
    const [a] = render({ kind: 'message', text: 'See [this](javascript:alert(1)) <img src=x onerror=alert(1)> **now**' }, { kind: 'webchat', isGroup: false });
    assert.doesNotMatch(String(a.text), /(?<!\\)\[this(?<!\\)\]\(/, 'no live link');
    assert.doesNotMatch(String(a.text), /(?<!\\)<img/, 'no live HTML');
  });
});

describe('render for SMS and unknown channels', () => {
  it('uses plain text with a numbered menu', () => {
    for (const kind of ['sms', 'plain'] as const) {
      const [a] = render(menu(4), { kind, isGroup: false });
      assert.equal(a.suggestedActions, undefined);
      assert.equal(a.attachments, undefined);
      assert.match(String(a.text), /1\. Topic number 1/);
    }
  });
});
