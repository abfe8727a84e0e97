import assert from 'node:assert/strict';
import { readReason, readVote } from '../../src/feedback/readFeedback';
import { testServices } from '../support/chat';

describe('reading a vote or a reason', () => {
  const { i18n } = testServices();

  it('reads thumbs in any skin tone, and the buttons\' labels in any language', () => {
    for (const text of ['👍', '👍🏿', '👍👍', '👍 Helpful', 'helpful', '👍 Utile', 'útil', ' 👍️ ']) assert.equal(readVote(text, i18n), 'up', text);
    for (const text of ['👎', '👎🏻', '👎 Not helpful', 'pas utile', '👎 No me sirvió', 'NOT HELPFUL']) assert.equal(readVote(text, i18n), 'down', text);
  });

  it('leaves messages that say more than a vote to the rest of the bot', () => {
    for (const text of ['👍 but what about visas?', '👍👎', 'is this helpful', 'ok', '', 'not', '2']) assert.equal(readVote(text, i18n), undefined, text);
  });

  it('reads the reasons in the three languages', () => {
    assert.equal(readReason('Not my question', i18n), 'not-my-question');
    assert.equal(readReason('pas clair', i18n), 'not-clear');
    assert.equal(readReason('Desactualizada', i18n), 'out-of-date');
    assert.equal(readReason('it is not clear to me why', i18n), undefined);
  });
});
