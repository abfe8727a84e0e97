import assert from 'node:assert/strict';
import { parseHelpdeskHours } from '../../src/handoff/HelpdeskHours';
import { sayHelpdeskHours } from '../../src/handoff/sayHelpdeskHours';
import { chatWithBot, testServices } from '../support/chat';

describe('helpdesk hours in the person\'s language', () => {
  it('tells a Spanish conversation the hours in Spanish, and a French one in French', async () => {
    const es = await chatWithBot({ locale: 'es-ES' });
    await es.send('quiero hablar con una persona');
    assert.match(es.text, /de lunes a viernes, de 9:00 a 17:00, hora de Europa central/);
    assert.doesNotMatch(es.text, /Monday|CET/);
    const fr = await chatWithBot({ locale: 'fr-FR' });
    await fr.send('je veux parler à une personne');
    assert.match(fr.text, /du lundi au vendredi, de 9:00 à 17:00, heure d’Europe centrale/);
  });

  it('says several stretches of opening and single days naturally', () => {
    const { i18n } = testServices();
    const hours = parseHelpdeskHours('mon-thu 08:30-17:00, fri 08:30-12:00, sat-sun 10:00-12:00 America/Bogota');
    assert.match(
      sayHelpdeskHours(hours, 'en', i18n.forLang('en')),
      /^Monday to Thursday, 8:30 AM–5:00 PM, Friday, 8:30 AM–12:00 PM, and Saturday and Sunday, 10:00 AM–12:00 PM Colombia( Standard)? Time$/,
    );
    assert.match(sayHelpdeskHours(hours, 'es', i18n.forLang('es')), /el viernes, de 8:30 a 12:00 y el sábado y el domingo, de 10:00 a 12:00, hora (estándar )?de Colombia$/);
  });

  it('refuses hours it cannot read, saying why', () => {
    assert.throws(() => parseHelpdeskHours('Monday–Friday, 09:00–17:00 CET'), /"Monday–Friday" is not "days HH:MM-HH:MM"/);
    assert.throws(() => parseHelpdeskHours('mon-fri 09:00-17:00 Geneva'), /not a time zone/);
    assert.throws(() => parseHelpdeskHours('mon-fri 9-17 Europe/Zurich'), /not "days HH:MM-HH:MM"/);
    assert.throws(() => parseHelpdeskHours('mon-fri 17:00-09:00 Europe/Zurich'), /closes before it opens/);
    assert.throws(() => parseHelpdeskHours('someday 09:00-17:00 Europe/Zurich'), /not a day/);
  });
});
