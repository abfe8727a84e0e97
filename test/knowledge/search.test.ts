import assert from 'node:assert/strict';
import { join } from 'node:path';
import { answerQuestion } from '../../src/knowledge/answerQuestion';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { SearchIndex } from '../../src/knowledge/SearchIndex';
import type { AnswerOutcome, Lang } from '../../src/knowledge/types';

const kb = loadKnowledge(join(__dirname, '../fixtures/knowledge'));
const index = SearchIndex.build(kb);
const ask = (text: string, lang: Lang): AnswerOutcome => answerQuestion(text, lang, kb, index);
/** The real knowledge base, for behaviour that depends on its wording. */
const real = SearchIndex.build(loadKnowledge(join(__dirname, '../../knowledge')));

function assertAnswer(text: string, lang: Lang, id: string): void {
  const outcome = ask(text, lang);
  assert.equal(outcome.kind, 'answer', `"${text}" → ${JSON.stringify(index.search(text, lang))}`);
  if (outcome.kind !== 'answer') return;
  assert.equal(outcome.entry.id, id, `"${text}"`);
  assert.equal(outcome.entry.lang, lang, 'answered in the asker\'s language');
  assert.equal(outcome.band, 'high');
}

describe('SearchIndex and answerQuestion', () => {
  it('answers the question as written', () => {
    assertAnswer('What is IOM?', 'en', 'iom-what-is-iom');
    assertAnswer("Qu'est-ce que l'OIM ?", 'fr', 'iom-what-is-iom');
    assertAnswer('¿Cuántos Estados miembros tiene la OIM?', 'es', 'iom-member-states');
  });

  it('answers paraphrases and informal questions', () => {
    assertAnswer('whats IOM', 'en', 'iom-what-is-iom');
    assertAnswer('why cant i go see a doctor', 'en', 'health-barriers');
    assertAnswer('c koi l oim', 'fr', 'iom-what-is-iom');
    assertAnswer('je veux la newsletter', 'fr', 'newsletter-subscribe');
    assertAnswer('cuantos paises estan en la oim', 'es', 'iom-member-states');
  });

  it('understands "well being" and "bien etre" typed with a space', () => {
    const spaced = real.search('what does iom do for the well being of migrants', 'en');
    assert.deepEqual(spaced, real.search('what does iom do for the well-being of migrants', 'en'));
    assert.equal(spaced.candidates[0]?.id, 'mhd-well-being');
    assert.deepEqual(real.search("l'oim fait quoi pour le bien etre des migrants", 'fr'), real.search("l'oim fait quoi pour le bien-être des migrants", 'fr'));
  });

  it('offers, but does not state, the answer to a lone word it had to guess the spelling of', () => {
    assert.equal(real.search('tuberculosis', 'en').band, 'high');
    const guessed = real.search('tubercolosis', 'en');
    assert.equal(guessed.band, 'medium');
    assert.equal(guessed.candidates[0]?.id, 'global-health-goals');
    assert.equal(real.search('tubercolosis and migrants', 'en').band, 'high');
  });

  it('corrects typos against the knowledge base vocabulary', () => {
    assertAnswer('how many migrnats are there in the wolrd', 'en', 'migrants-international-number');
    assertAnswer('how many internel migrants', 'en', 'migrants-internal-number');
    assertAnswer('combien de migrans internes', 'fr', 'migrants-internal-number');
  });

  it('matches another language\'s phrasing but answers in the asker\'s language', () => {
    assertAnswer('how many member states does IOM have', 'fr', 'iom-member-states');
    assertAnswer('¿cuántos migrantes internos hay?', 'en', 'migrants-internal-number');
  });

  it('refuses out-of-scope questions in every language', () => {
    const outOfScope: Array<[string, Lang]> = [
      ["what's the weather like tomorrow?", 'en'],
      ['tell me a joke', 'en'],
      ['who won the football last night', 'en'],
      ['quel temps fera-t-il demain ?', 'fr'],
      ['raconte-moi une blague', 'fr'],
      ['¿qué tiempo hace hoy?', 'es'],
      ['cuéntame un chiste', 'es'],
      ['', 'en'],
      ['?!', 'fr'],
    ];
    for (const [text, lang] of outOfScope) {
      const outcome = ask(text, lang);
      assert.equal(outcome.kind, 'unknown', `"${text}" → ${JSON.stringify(index.search(text, lang))}`);
    }
  });

  it('refuses a question sharing a single word with the knowledge base', () => {
    // Each shares one word with an entry ("phone", "doctors", "poème", "demande"), nothing more.
    const nearMisses: Array<[string, Lang]> = [
      ['can you fix my phone', 'en'],
      ['tell me a joke about doctors', 'en'],
      ['écris moi un poème', 'fr'],
      ['où en est ma demande de visa', 'fr'],
      ['puedes arreglar mi telefono', 'es'],
    ];
    for (const [text, lang] of nearMisses) {
      assert.equal(ask(text, lang).kind, 'unknown', `"${text}" → ${JSON.stringify(index.search(text, lang))}`);
    }
  });

  it('asks "did you mean" with close candidates in the asker\'s language', () => {
    const outcome = ask('cuantos migrantes hay', 'es');
    assert.equal(outcome.kind, 'clarify');
    if (outcome.kind !== 'clarify') return;
    const ids = outcome.candidates.map((e) => e.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ['migrants-internal-number', 'migrants-international-number']);
    assert.ok(outcome.candidates.every((e) => e.lang === 'es'));
    assert.ok(outcome.candidates.length <= 3);
  });

  it('scores between 0 and 1, best first, with a band', () => {
    const result = index.search('how many people migrate inside their own country', 'en');
    assert.equal(result.candidates[0]?.id, 'migrants-internal-number');
    for (const c of result.candidates) assert.ok(c.score >= 0 && c.score <= 1);
    const scores = result.candidates.map((c) => c.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.deepEqual(index.search('', 'en'), { candidates: [], band: 'none' });
  });

  describe('on the real knowledge base', () => {
    /** What the bot does with a question: the id it answers with, "did you mean", or "I don't know". */
    const reply = (text: string, lang: Lang): string => {
      const { band, candidates } = real.search(text, lang);
      return band === 'high' ? candidates[0]!.id : band === 'medium' ? 'did you mean' : "I don't know";
    };

    it('tells "how many" from "who" when both share the topic words', () => {
      assert.equal(reply('how many governments are in iom', 'en'), 'iom-member-states');
      assert.equal(reply('cuantos gobiernos forman parte de la oim', 'es'), 'iom-member-states');
      assert.equal(reply("l'oim travaille avec qui dans mon pays", 'fr'), 'national-partners');
      assert.equal(reply('con quien trabaja la oim en mi pais', 'es'), 'national-partners');
    });

    it("does not give the world's figures for one country, but still answers someone who says where they live", () => {
      assert.equal(reply('how many people live in canada', 'en'), "I don't know");
      assert.equal(reply('how many migrants are in spain', 'en'), "I don't know");
      assert.equal(reply('cuanta gente vive en mexico', 'es'), "I don't know");
      assert.equal(reply('i live in canada why cant i see a doctor', 'en'), 'health-access-barriers');
    });

    it('finds the question after the story around it', () => {
      const story = 'I moved to Italy two years ago and my Italian is still bad. The clinic keeps sending me away.';
      assert.equal(reply(`${story} Why is it so hard for migrants to get health care?`, 'en'), 'health-access-barriers');
      assert.equal(reply('soy venezolana y estoy en Cúcuta, en el albergue me hablaron de ustedes ¿qué es la OIM?', 'es'), 'iom-what-is-iom');
    });

    it('reads the question before the story, whose words may name another topic', () => {
      assert.equal(reply('En mi pueblo en Honduras las sequías acabaron con la milpa y muchos se fueron pal norte. ¿Qué tiene que ver el clima con la migración y la salud?', 'es'), 'climate-change-mobility');
      // …and the story when the question says nothing: "¿de qué se trató?" is not « la trata ».
      assert.equal(reply('Leí que la OIM, la OMS y el gobierno de España organizaron una reunión en 2010 sobre los migrantes. ¿De qué se trató?', 'es'), 'global-consultation-2010');
      assert.equal(reply("J'ai lu dans le journal que l'OIM compte beaucoup de pays membres. Combien au juste ?", 'fr'), 'iom-member-states');
      assert.equal(reply('qué es la trata de personas y la salud', 'es'), 'irregular-migration-risks');
    });

    it('reads a work request around the question ("pls confirm…", "it goes on a slide", « merci de confirmer »)', () => {
      assert.equal(reply('need the current member state count for IOM, it goes on a slide', 'en'), 'iom-member-states');
      assert.equal(reply('pls confirm IOM sits within the UN family, a colleague says it doesnt', 'en'), 'iom-un-system');
      assert.equal(reply('Merci de confirmer si des données perso sont conservées via ce chat', 'fr'), 'bot-privacy');
      assert.equal(reply('what even is iom i keep seeing it on posters at the reception centre', 'en'), 'iom-what-is-iom');
    });

    it('reads "who are they?", "¿quiénes son?" after a story naming IOM as a question about IOM, and "is that true?" as a check of the story', () => {
      assert.equal(reply('im a bus driver and i keep seeing those IOM vans by the border terminal. who even are they and what do they do?', 'en'), 'iom-what-is-iom');
      assert.equal(reply('manejo un bus y siempre veo a los de la OIM en la frontera con sus chalecos, quienes son y que hacen?', 'es'), 'iom-what-is-iom');
      assert.equal(reply('Un compañero dice que la OIM es una ONG cualquiera y que no tiene nada que ver con Naciones Unidas. ¿Es verdad?', 'es'), 'iom-un-system');
    });

    it('reads a story checked by "is that IOM\'s position?" as the question', () => {
      assert.equal(reply('Our lecturer said migration is a social determinant of health. Is that IOM\'s position?', 'en'), 'migration-social-determinant');
      assert.equal(reply("Mon prof dit que la migration est un déterminant social de la santé. L'OIM en pense quoi ?", 'fr'), 'migration-social-determinant');
    });

    it('leaves out the words that say who asks ("I\'m a nurse", « mon frère »), unless the knowledge base uses them', () => {
      assert.equal(reply("I'm a nurse and my cousin is a journalist, how many international migrants are there?", 'en'), 'international-migrants-number');
      assert.equal(reply("je suis infirmière, c'est quoi l'OIM ?", 'fr'), 'iom-what-is-iom');
      assert.equal(reply('soy periodista, write me a poem about my cousin', 'en'), "I don't know");
    });

    it('reads "I\'m not sure what that organisation is" after a story naming IOM as a question about IOM', () => {
      assert.equal(reply("A leaflet at the station mentioned IOM and I'm not sure what that organisation is. Can you explain?", 'en'), 'iom-what-is-iom');
      assert.equal(reply("Ma voisine m'a envoyée vers l'OIM, mais je sais pas du tout ce que c'est. Tu m'expliques ?", 'fr'), 'iom-what-is-iom');
      assert.equal(reply('en la estación vi un cartel de la OIM y no sé qué es, me cuentas?', 'es'), 'iom-what-is-iom');
    });

    it('reads « je voudrais savoir à qui je parle » as "who are you", and a story that "ahí" points into', () => {
      assert.equal(reply("je suis éducatrice et je voudrais savoir à qui je parle avant de donner ce lien aux jeunes", 'fr'), 'bot-what-are-you');
      assert.equal(reply('Preparo una charla sobre la Agenda 2030, ¿qué pinta la OIM ahí?', 'es'), 'iom-2030-agenda');
    });

    it("reads « l'AMS » as the World Health Assembly, and a question about \"its role\" with the story that names it", () => {
      assert.equal(reply("Ma cheffe m'a parlé d'une résolution de l'AMS en 2008. Qu'est-ce qu'elle demande ?", 'fr'), 'wha-resolution-2008');
      assert.equal(reply("I'm a nurse and a colleague mentioned the MHD at IOM. What is its role?", 'en'), 'mhd-what-it-does');
    });

    it("reads « de quoi il s'agit » after a story naming IOM as \"what is IOM\", and the last of several questions alone", () => {
      assert.equal(reply("Mon cousin m'a parlé de l'OIM. Tu peux me dire de quoi il s'agit ?", 'fr'), 'iom-what-is-iom');
      assert.equal(reply('my english is bad and i have no papers, is that why the clinic sends me away? what stops migrants getting health care?', 'en'), 'health-access-barriers');
    });

    it('reads « bosser » as working, « à quoi vise » as the aim, and a spaced hyphen as the end of a sentence', () => {
      assert.equal(reply("l'OIM bosse avec qui dans chaque pays ?", 'fr'), 'national-partners');
      assert.equal(reply("à quoi vise l'OIM avec la santé des migrants ?", 'fr'), 'mhd-well-being');
      assert.equal(reply('Putting together a slide for the team - how many member states does IOM have?', 'en'), 'iom-member-states');
    });

    it('reads "what is that?" after a story that names IOM as a question about IOM', () => {
      assert.equal(reply('me dijeron que la OIM me puede ayudar, que es eso?', 'es'), 'iom-what-is-iom');
      assert.equal(reply("On m'a parlé de l'OIM. C'est quoi ça ?", 'fr'), 'iom-what-is-iom');
      assert.equal(reply('my friend told me about IOM. what is it?', 'en'), 'iom-what-is-iom');
    });

    it('finds the question in the last clause of one long sentence, if it has a topic', () => {
      assert.equal(reply("bonjour je suis arrivée le mois dernier et l'assistante sociale m'a donné ce lien, le changement climatique ça joue sur la migration ?", 'fr'), 'climate-change-mobility');
      assert.equal(reply("mon telephone s'eteint tout seul, tu sais pourquoi ?", 'fr'), "I don't know");
      assert.equal(reply('my caseworker keeps saying IOM can help us but what even is that organisation?', 'en'), 'iom-what-is-iom');
      assert.equal(reply("quel est le but de l'OIM", 'fr'), 'mhd-well-being');
    });

    it('prefers what IOM itself does when the question names IOM', () => {
      assert.equal(reply("c'est quoi l'objectif de l'oim en matiere de sante des migrants", 'fr'), 'mhd-well-being');
      assert.equal(reply('quels objectifs de santé mondiale dépendent de la santé des migrants', 'fr'), 'global-health-goals');
    });

    it("does not tell IOM's story for another organisation", () => {
      assert.equal(reply('when was IOM founded', 'en'), 'iom-when-founded');
      assert.equal(reply('when was the world health organization founded', 'en'), "I don't know");
      assert.equal(reply("l'OMS a été créée en quelle année ?", 'fr'), "I don't know");
      assert.equal(reply('cuando se fundó la OMS', 'es'), "I don't know");
      assert.equal(reply('que fait la croix rouge pour les migrants', 'fr'), "I don't know");
      assert.equal(reply("l'OMS a combien d'etats membres", 'fr'), "I don't know");
      assert.equal(reply('cuantos paises son miembros de la oms', 'es'), "I don't know");
      assert.equal(reply('how many members does the UN have', 'en'), "I don't know");
      assert.equal(reply("combien de pays sont membres de l'ONU", 'fr'), "I don't know");
      assert.equal(reply('que hace la OIT', 'es'), "I don't know");
      assert.equal(reply('what is the UN', 'en'), "I don't know");
      assert.equal(reply('when was the UN founded', 'en'), "I don't know");
      assert.equal(reply("c'est quoi l'ONU", 'fr'), "I don't know");
      // …but an entry that names the organisation still answers: IOM's own about the UN when the
      // question speaks to us, and the WHO's resolution of 2008.
      assert.equal(reply('are you part of the united nations', 'en'), 'iom-un-system');
      assert.equal(reply('is this a UN agency', 'en'), 'iom-un-system');
      assert.equal(reply('ustedes son de la ONU', 'es'), 'iom-un-system');
      assert.equal(reply('what did WHO decide in 2008 on migrant health', 'en'), 'wha-resolution-2008');
    });

    it('does not answer for papers, a disease on its own or tomorrow\'s weather, but does for care without papers, the goals, climate change', () => {
      assert.equal(reply('comment obtenir un titre de sejour en France', 'fr'), "I don't know");
      assert.equal(reply('combien de temps pour avoir un titre de séjour', 'fr'), "I don't know");
      assert.equal(reply('sans titre de séjour puis-je voir un docteur', 'fr'), 'health-access-barriers');
      assert.equal(reply("c'est quoi le paludisme", 'fr'), "I don't know");
      assert.equal(reply('how many people have hiv worldwide', 'en'), "I don't know");
      assert.equal(reply('why does migrant health matter for HIV TB and malaria', 'en'), 'global-health-goals');
      assert.equal(reply('como va a estar el clima mañana en madrid', 'es'), "I don't know");
      assert.equal(reply('el cambio climático hace que la gente migre', 'es'), 'climate-change-mobility');
      assert.equal(reply("l'OIM recrute ? je cherche du travail", 'fr'), "I don't know");
      assert.equal(reply('la OIM colabora con agencias de empleo y ONG', 'es'), 'national-partners');
      assert.equal(reply('what is the population of spain', 'en'), "I don't know");
      assert.equal(reply('jajaja q aburrido estoy, hablemos de algo', 'es'), "I don't know");
      assert.equal(reply('busco chamba de albañil, saben de algo?', 'es'), "I don't know");
      assert.equal(reply('necesito trabajo de lo que sea en Chile, sabes de alguno', 'es'), "I don't know");
      assert.equal(reply('how many migrants live in the UK right now', 'en'), "I don't know");
      assert.equal(reply('how much does the government of spain spend on healthcare', 'en'), "I don't know");
      assert.equal(reply("la temperature va augmenter de combien d'ici 2100 avec le rechauffement climatique", 'fr'), "I don't know");
    });

    it('matches a question of little words on all of them: "who are you" is not "what time is it"', () => {
      assert.equal(reply('who are you', 'en'), 'bot-what-are-you');
      assert.equal(reply('t ki toi', 'fr'), 'bot-what-are-you');
      assert.equal(reply('q puedes hacer', 'es'), 'bot-what-can-you-do');
      assert.equal(reply('what time is it', 'en'), "I don't know");
      assert.equal(reply('qué hora es', 'es'), "I don't know");
      assert.equal(reply('how many languages do you speak', 'en'), 'bot-what-can-you-do');
    });

    it("reads IOM's name written out as IOM, and French verbs and Spanish set phrases as the knowledge base's words", () => {
      assert.equal(reply('cuantos estados miembros tiene la organizacion internacional para las migraciones', 'es'), 'iom-member-states');
      assert.equal(reply("Je suis pharmacienne et un patient m'a parlé de l'Organisation internationale pour les migrations. C'est quoi au juste ?", 'fr'), 'iom-what-is-iom');
      assert.equal(reply('ceux qui traversent le desert sans papiers, ils risquent quoi pour leur sante ?', 'fr'), 'irregular-migration-risks');
      assert.equal(reply('Me dijeron que la OIM no tiene nada que ver con Naciones Unidas, ¿es así?', 'es'), 'iom-un-system');
      assert.equal(reply("bonjour, jsuis bénévole dans un foyer, l'OIM c'est quoi comme organisme exactement ?", 'fr'), 'iom-what-is-iom');
      assert.equal(reply('por que los migrantes no pueden ir al medico facilmente', 'es'), 'health-access-barriers');
    });

    it('reads "emigrate", « émigrer », "emigrar" as migrating, and slang or a dash around the question as filler', () => {
      assert.equal(reply("est-ce que le fait d'emigrer peut jouer sur la sante ?", 'fr'), 'migration-social-determinant');
      assert.equal(reply('Hi, before I start – what sort of things are you able to help with?', 'en'), 'bot-what-can-you-do');
      assert.equal(reply('oye, la OIM es de la ONU po?', 'es'), 'iom-un-system');
      assert.equal(reply('la oim da trabajo? busco chamba de lo q sea', 'es'), "I don't know");
    });

    it('reads the question inside a request, and not a plea for help at its end', () => {
      assert.equal(reply("Hello, I'm a volunteer at a community centre and before I share this chat with the families we support I'd like to know what topics you can actually help with.", 'en'), 'bot-what-can-you-do');
      assert.equal(reply("Salut, pour un exposé en géo je dois mettre combien de pays sont membres de l'OIM, tu peux m'aider ?", 'fr'), 'iom-member-states');
      assert.equal(reply('Hi! My cousin says IOM is just a private charity and has nothing to do with the United Nations. Who\'s right?', 'en'), 'iom-un-system');
      assert.equal(reply("L'OIM s'occupe aussi du bien-être psychologique et social des migrants ou seulement de la santé physique ?", 'fr'), 'mhd-well-being');
    });

    it('reads a decade as the knowledge base\'s year in it', () => {
      assert.equal(reply('is it true IOM has been around since the 50s?', 'en'), 'iom-when-founded');
      assert.equal(reply("l'OIM existe depuis les années 50 ?", 'fr'), 'iom-when-founded');
    });

    it('reads a rounded number as the knowledge base\'s figure, but never another year', () => {
      assert.equal(reply('casi 300 millones de migrantes es verdad', 'es'), 'international-migrants-number');
      assert.equal(reply('is it 750 million internal migrants', 'en'), 'internal-migrants-number');
      assert.notEqual(reply('what happened in 2009 about migrant health', 'en'), 'global-consultation-2010');
    });

    it('reads "immigrants", « immigrés » and short forms as the words the knowledge base uses', () => {
      assert.equal(reply('pourquoi les immigrés ont du mal à se soigner', 'fr'), 'health-access-barriers');
      assert.equal(reply('why do immigrants struggle to get health care', 'en'), 'health-access-barriers');
      assert.equal(reply('how many govts are members of iom', 'en'), 'iom-member-states');
    });
  });

  it('is pure: the same question gives the same outcome', () => {
    assert.deepEqual(ask('what is iom', 'en'), ask('what is iom', 'en'));
    assert.deepEqual(ask('zzz qqq', 'es'), ask('zzz qqq', 'es'));
  });
});
