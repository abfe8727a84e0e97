import assert from 'node:assert/strict';
import { maskPersonalData } from '../../src/privacy/maskPersonalData';

describe('maskPersonalData', () => {
  it('masks e-mail addresses and phone numbers', () => {
    const masked = maskPersonalData('write to ana.perez+news@example.org or call +34 612 345 678 / (022) 717-9111');
    assert.doesNotMatch(masked, /ana\.perez|example\.org|612|717/);
    assert.match(masked, /\[email\]/);
    assert.match(masked, /\[phone\]/);
  });
  it('keeps figures people ask about', () => {
    assert.equal(maskPersonalData('281 million migrants in 2020'), '281 million migrants in 2020');
  });
});
