import assert from 'node:assert/strict';
import { negotiateLanguage } from '../../src/i18n/negotiateLanguage';

describe('negotiateLanguage', () => {
  it('an explicit choice wins and is marked explicit', () => {
    assert.deepEqual(negotiateLanguage({ text: 'Español', saved: 'fr', chosen: true, locale: 'en-US' }), { lang: 'es', explicit: true });
  });
  it('a confident detection beats the saved language, the locale and English', () => {
    assert.equal(negotiateLanguage({ text: 'combien de migrants y a-t-il dans le monde', saved: 'en', locale: 'es-ES' }).lang, 'fr');
  });
  it('does not override an explicit choice with a detection', () => {
    assert.equal(negotiateLanguage({ text: 'how many migrants are there in the world', saved: 'es', chosen: true }).lang, 'es');
  });
  it('keeps the saved language on one- or two-word messages', () => {
    assert.equal(negotiateLanguage({ text: 'merci beaucoup', saved: 'es' }).lang, 'es');
    assert.equal(negotiateLanguage({ text: 'hola', saved: 'en' }).lang, 'en');
  });
  it('then the platform locale, then English', () => {
    assert.equal(negotiateLanguage({ text: 'hola', locale: 'fr-FR' }).lang, 'fr');
    assert.equal(negotiateLanguage({ text: 'hola' }).lang, 'en');
  });
  it('with nothing known, uses the detector\'s best guess on 3+ words rather than English', () => {
    assert.equal(negotiateLanguage({ text: 'la migracion se considera un determinante de la salud' }).lang, 'es');
  });
});
