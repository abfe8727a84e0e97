import assert from 'node:assert/strict';
import { parseMenuNumber } from '../../src/i18n/parseMenuNumber';

describe('parseMenuNumber', () => {
  for (const text of ['2', '2.', ' 2 ', '#2', '2️⃣', 'two', 'Two', 'deux', 'dos', 'option 2', 'número 2', 'numero dos', 'second', 'segunda', 'deuxième']) {
    it(`"${text}" picks option 2`, () => assert.equal(parseMenuNumber(text), 2));
  }
  for (const text of ['2 million migrants', 'what about 2', '0', '11', 'hello', '', '281']) {
    it(`"${text}" is not a menu pick`, () => assert.equal(parseMenuNumber(text), undefined));
  }
});
