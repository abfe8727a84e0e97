import assert from 'node:assert/strict';
import { rewritePhrases } from '../../src/knowledge/rewritePhrases';

const squeezed = (text: string) => rewritePhrases(text).replace(/\s+/g, ' ').trim();

describe('rewritePhrases: phrases read before matching', () => {
  it('joins "well being" and « bien etre » typed with a space', () => {
    assert.equal(squeezed('the well being of migrants'), 'the well-being of migrants');
    assert.equal(squeezed('le bien etre des migrants'), 'le bien-etre des migrants');
  });

  it('drops Spanish set phrases whose words mean something else alone', () => {
    assert.equal(squeezed('¿De qué se trató?'), '¿De qué ?');
    assert.equal(squeezed('una resolución de 2008. ¿De qué trata?'), 'una resolución de 2008. ¿De qué ?');
    assert.equal(squeezed('qué tiene que ver el clima'), 'qué el clima');
    assert.equal(squeezed('la OIM no tiene nada que ver con la ONU'), 'la OIM no con la ONU');
    assert.equal(squeezed('qué es la trata de personas'), 'qué es la trata de personas');
  });

  it('drops "has nothing to do with" and reads "the end goal" as the goal', () => {
    assert.equal(squeezed('IOM is a charity and has nothing to do with the UN'), 'IOM is a charity and the UN');
    assert.equal(squeezed("whats the end goal of iom's health work"), "whats the goal of iom's health work");
    assert.equal(squeezed("l'objectif final de l'OIM"), "l'objectif de l'OIM");
  });

  it("reads IOM's name written out as IOM, in the three languages", () => {
    assert.equal(squeezed('what is the International Organization for Migration'), 'what is IOM');
    assert.equal(squeezed("c'est quoi l'Organisation internationale pour les migrations"), "c'est quoi IOM");
    assert.equal(squeezed('miembros de la organizacion internacional para las migraciones'), 'miembros de IOM');
  });

  it('spells decades as "1950s", and leaves other numbers and years alone', () => {
    assert.equal(squeezed('around since the 50s?'), 'around since the 1950s ?');
    assert.equal(squeezed("l'OIM existe depuis les années 50"), "l'OIM existe depuis les 1950s");
    assert.equal(squeezed('de los años 1950'), 'de los 1950s');
    assert.equal(squeezed('what happened in 2010 for 50 migrants'), 'what happened in 2010 for 50 migrants');
  });
});
