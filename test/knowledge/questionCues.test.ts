import assert from 'node:assert/strict';
import { countryNamedIn } from '../../src/text/placeNames';
import { COUNT, WHEN, questionCues, WHO, WHY } from '../../src/knowledge/questionCues';
import { embeddedQuestion, openingQuestion, questionClause, questionSentences, readings } from '../../src/knowledge/questionSentences';

describe('questionCues: the kind of answer a question asks for', () => {
  it('hears "how many", « combien » and "cuántos" as asking for a number', () => {
    for (const q of ['how many governments are in IOM', 'combien de pays dans l’OIM', 'cuántos gobiernos forman parte', 'cuanta gente']) {
      assert.equal(questionCues(q), COUNT, q);
    }
    assert.equal(questionCues('do many migrants die on the way'), 0, '"many" alone is not "how many"');
  });

  it('hears who is asked about, not a relative clause', () => {
    for (const q of ['who does IOM work with', "l'oim travaille avec qui dans mon pays", "c'est qui l'OIM", 'con quién trabaja la OIM', 'iom works with who']) {
      assert.equal(questionCues(q), WHO, q);
    }
    for (const q of ['are people who migrate irregularly more at risk', 'les migrants qui partent sans papiers', "ce qui empêche les migrants de se soigner"]) {
      assert.equal(questionCues(q), 0, q);
    }
    assert.equal(questionCues('WHO ARE YOU'), WHO, 'a message all in capitals still asks who');
  });

  it('hears why, including "por qué" and the "porque" people type for it', () => {
    for (const q of ['why is it so hard to see a doctor', 'pourquoi c si dur', 'pk je peux pas voir un medecin', 'por que no me atienden', 'porque no me atienden']) {
      assert.equal(questionCues(q), WHY, q);
    }
    assert.equal(questionCues('no voy al médico porque no tengo papeles'), 0, '"porque" inside a sentence is "because"');
  });

  it('hears a time asked for: "since when", « quelle année », a question opening with "¿cuándo?"', () => {
    for (const q of ['since when has IOM existed', "depuis quand l'OIM existe", "en quelle année l'OIM est née", '¿cuándo nació la OIM?', 'what year did IOM start']) {
      assert.equal(questionCues(q), WHEN, q);
    }
    assert.equal(questionCues('cuando llegué no me atendieron'), 0, '"cuando" telling a story is not a question');
  });
});

describe('questionSentences: the question in a message that tells a story first', () => {
  it('finds the sentences that ask', () => {
    assert.deepEqual(questionSentences('I moved to Italy two years ago. The clinic keeps sending me away. Why is it so hard?'), ['Why is it so hard?']);
    assert.deepEqual(questionSentences('soy venezolana y estoy en Cúcuta ¿qué es la OIM exactamente?'), ['¿qué es la OIM exactamente?']);
  });

  it('takes the last sentence when none ends with a question mark', () => {
    assert.deepEqual(questionSentences('my cousin told me about IOM. what is it'), ['what is it']);
  });

  it('gives nothing for a message of one sentence', () => {
    assert.deepEqual(questionSentences('what is IOM?'), []);
    assert.deepEqual(questionSentences('?!'), []);
  });
});

describe('questionSentences: the sentences that ask', () => {
  it('splits at sentence ends, « ¿ » and a spaced dash', () => {
    assert.deepEqual(questionSentences('Hi, before I start – what can you help with?'), ['what can you help with?']);
    assert.deepEqual(questionSentences('Soy de Cúcuta ¿qué es la OIM?'), ['¿qué es la OIM?']);
    assert.deepEqual(questionSentences('what is IOM?'), []);
  });

  it('splits at a colon before a question, not at one that only lists', () => {
    assert.deepEqual(questionSentences('Drafting a speech for the mayor: how many member states does IOM have?'), ['how many member states does IOM have?']);
    assert.deepEqual(questionSentences('Je prépare un exposé : c’est quoi l’OIM ?'), ['c’est quoi l’OIM ?']);
    assert.deepEqual(questionSentences('sequías y desastres: cómo afectan a la migración'), []);
  });
});

describe('questionClause: the question at the end of one long sentence', () => {
  it('is the last clause after a comma, when it has a topic word', () => {
    assert.equal(questionClause('i arrived last month and my social worker sent me this link, what can you help me with?'), 'what can you help me with?');
    assert.equal(questionClause("mon telephone s'eteint tout seul, tu sais pourquoi ?"), undefined);
    assert.equal(questionClause('what is IOM?'), undefined);
  });

  it('is the clause after "but" before a question word, « mais » or "pero"; French « but » is a goal', () => {
    assert.equal(questionClause('my caseworker says IOM can help us but what even is that organisation?'), 'what even is that organisation?');
    assert.equal(questionClause("on m'a parlé de l'OIM mais elle fait quoi pour la santé"), 'elle fait quoi pour la santé');
    assert.equal(questionClause('me dijeron que la OIM ayuda pero qué hace por la salud'), 'qué hace por la salud');
    assert.equal(questionClause("quel est le but de l'OIM pour la santé des migrants"), undefined);
  });
});

describe('openingQuestion: the question typed before the asker starts on themselves', () => {
  it('is what comes before "I", « je », "yo", when it has a topic word', () => {
    assert.equal(openingQuestion('what even is iom i keep seeing it on posters'), 'what even is iom');
    assert.equal(openingQuestion("c koi l'oim je vois ca partout"), "c koi l'oim");
    assert.equal(openingQuestion('hello i have a question'), undefined);
    assert.equal(openingQuestion('what is IOM'), undefined);
  });

  it('asks: "hello, I\'m a volunteer and before I share this" only tells', () => {
    assert.equal(openingQuestion("Hello, I'm a nurse at a shelter and before I send this to anyone"), undefined);
  });
});

describe('embeddedQuestion: the question inside "I\'d like to know what…"', () => {
  it('is what follows "know", « savoir », "saber" and a question word, when it has a topic word', () => {
    assert.equal(embeddedQuestion("before I share this chat I'd like to know what topics you can actually help with."), 'what topics you can actually help with.');
    assert.equal(embeddedQuestion('Quiero saber en qué temas me puedes ayudar'), 'en qué temas me puedes ayudar');
    assert.equal(embeddedQuestion('quiero saber en qué temas nos puedes ayudar antes de pasarle este número a las familias'), 'en qué temas nos puedes ayudar');
    assert.equal(embeddedQuestion('I want to know'), undefined);
  });

  it('is also what follows "not sure", « je sais pas », "no sé" and a question word', () => {
    assert.equal(embeddedQuestion("honestly I'm not sure what the health division does"), 'what the health division does');
    assert.equal(embeddedQuestion('je sais pas trop comment la migration joue sur la santé'), 'comment la migration joue sur la santé');
    assert.equal(embeddedQuestion('je sais pas comment la migration joue sur la santé'), 'comment la migration joue sur la santé');
    assert.equal(embeddedQuestion('no sé qué hace la división de salud'), 'qué hace la división de salud');
  });
});

describe('questionClause and help', () => {
  it('is not a plea for help alone at the end of a question', () => {
    assert.equal(questionClause("je dois mettre combien de pays sont membres de l'OIM, tu peux m'aider ?"), undefined);
  });
});

describe('readings: what to search for a message, in order', () => {
  it('is the whole message, then the question, then its last clause', () => {
    assert.deepEqual(readings('what is IOM?'), ['what is IOM?']);
    assert.deepEqual(readings('I live in Lyon. Why is care so hard to get?'), ['I live in Lyon. Why is care so hard to get?', 'Why is care so hard to get?']);
    // A question of little words is about the story: not searched alone.
    assert.deepEqual(readings('my friend told me about IOM. is it true?'), ['my friend told me about IOM. is it true?']);
    assert.deepEqual(readings('I lost my job and I am scared, can I talk to a real person?'), [
      'I lost my job and I am scared, can I talk to a real person?',
      'can I talk to a real person?',
    ]);
  });
});

describe('countryNamedIn', () => {
  it("finds a country's name in the three languages, accents or not", () => {
    assert.equal(countryNamedIn('estoy en libia y me pegan'), 'LY');
    assert.equal(countryNamedIn('je suis au Maroc'), 'MA');
    assert.equal(countryNamedIn("we're stuck in the united states"), 'US');
    assert.equal(countryNamedIn('i need a medico'), undefined);
    assert.equal(countryNamedIn('can you help us'), undefined, '"us" is the pronoun');
  });
});
