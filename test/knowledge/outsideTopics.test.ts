import assert from 'node:assert/strict';
import { tokenise } from '../../src/knowledge/normalise';
import { asksOutsideTopics } from '../../src/knowledge/outsideTopics';

const outside = (text: string) => asksOutsideTopics(tokenise(text));

describe('asksOutsideTopics: our words, not our topic', () => {
  it('hears how to get papers, and how long they take', () => {
    for (const q of ['Quelle est la nouvelle politique du gouvernement sur le renouvellement des titres de séjour ?', 'how do I apply for asylum in Germany', 'comment obtenir un titre de sejour en France', 'combien de temps pour avoir un titre de séjour', 'cómo sacar el permiso de residencia', 'faire une demande d’asile', 'how long does a visa take', 'how do I apply for a work visa', 'como saco la visa de trabajo']) {
      assert.ok(outside(q), q);
    }
  });

  it('leaves alone someone without papers asking about care', () => {
    for (const q of ['can I get treated without papers', 'sans titre de séjour puis-je voir un docteur', 'sin tener papeles puedo ir al hospital', 'je peux avoir des soins sans avoir de papiers', 'is it dangerous to migrate without papers']) {
      assert.ok(!outside(q), q);
    }
  });

  it('hears a disease asked about on its own, but not as a goal or with migrants', () => {
    for (const q of ["c'est quoi le paludisme", 'how many people have hiv worldwide', 'qué es la tuberculosis']) assert.ok(outside(q), q);
    for (const q of ['tuberculosis', 'does migrant health matter for ending malaria', 'le vih chez les migrants', 'la gripe y los objetivos de salud mundial', 'does IOM work on malaria']) {
      assert.ok(!outside(q), q);
    }
  });

  it("hears a day's weather, not climate change", () => {
    for (const q of ['como va a estar el clima mañana en madrid', "what's the weather today", 'il va pleuvoir demain']) assert.ok(outside(q), q);
    for (const q of ['how does climate change affect migration', 'el clima hace que la gente migre']) assert.ok(!outside(q), q);
  });

  it('hears someone looking for a job, not IOM working with recruitment agencies', () => {
    for (const q of ["l'OIM recrute ? je cherche du travail", 'hay trabajo en la OIM? cómo mando mi cv', 'is IOM hiring', 'la oim da trabajo?']) assert.ok(outside(q), q);
    for (const q of ['la OIM colabora con agencias de empleo y ONG', "l'OIM travaille avec les agences de recrutement", 'what is the work of IOM']) assert.ok(!outside(q), q);
  });

  it('hears job offers: "any job openings at IOM", « des offres d\'emploi », "ofertas de empleo"', () => {
    for (const q of ['any job openings at IOM?', "l'OIM a des offres d'emploi ?", 'busco ofertas de empleo en la oim']) assert.ok(outside(q), q);
  });

  it("hears how IOM itself is run (its head, headquarters, staff), not what it does", () => {
    for (const q of ["who heads IOM, who's the director?", "où est le siège de l'OIM", 'cuántos empleados tiene la OIM', 'how many staff work for iom', 'is there an IOM office in Lagos', 'cuántas personas trabajan en la OIM']) {
      assert.ok(outside(q), q);
    }
    for (const q of ['what does IOM do for migrant health', "qu'est-ce que fait l'OIM", 'con quién trabaja la OIM']) assert.ok(!outside(q), q);
  });

  it('hears a projection past 2030, not the 2030 Agenda', () => {
    for (const q of ['how many people will be displaced by climate change in 2050', "combien de migrants d'ici 2070 ?"]) assert.ok(outside(q), q);
    for (const q of ["qu'est-ce que l'OIM fait pour l'agenda 2030", 'la OIM y la Agenda 2030']) assert.ok(!outside(q), q);
  });

  it('hears a request to translate a phrase', () => {
    for (const q of ["how do you say 'where is the hospital' in french", "comment on dit « j'ai mal » en anglais", '¿cómo se dice médico en inglés?']) assert.ok(outside(q), q);
  });

  it('hears climate science without people on the move, and money', () => {
    for (const q of ['what causes climate change', "c'est quoi l'accord de paris sur le climat", "how much budget does IOM's health division have", 'cuánto cuesta una consulta', 'la oim da ayuda economica a los migrantes?']) {
      assert.ok(outside(q), q);
    }
    for (const q of ['climate change and health', 'les gens partent à cause du climat', 'por qué a los migrantes les cuesta tanto que los atiendan', 'climate change']) {
      assert.ok(!outside(q), q);
    }
  });

  it('hears housing, and tasks done for the asker', () => {
    for (const q of ["l'OIM peut me trouver un logement ?", 'where can I find housing', 'ayuda con el alquiler']) assert.ok(outside(q), q);
    for (const q of ['can you write a letter to my landlord for me', 'tu peux traduire ce texte', 'escribeme un correo']) assert.ok(outside(q), q);
    assert.ok(!outside('what can you write about migrants health'));
    assert.ok(!outside('est-ce que migrer influe sur la santé, comme le revenu ou le logement ?'), 'housing as an example is not a request');
  });

  it('hears a job sought or offered, not a job in a story', () => {
    for (const q of ['la OIM da chamba? ando buscando trabajo', 'busco chamba de lo que sea, ¿saben de trabajos?', 'is IOM hiring']) assert.ok(outside(q), q);
    assert.ok(!outside('I came here for a job. Why is it so hard for migrants to get health care?'));
    assert.ok(!outside('hago una pasantia en el ministerio de salud. la oim con quien trabaja a nivel nacional?'));
  });

  it('hears vaccines and rankings of countries', () => {
    for (const q of ['le vaccin contre la grippe est gratuit pour les migrants ?', 'which country has the most immigrants', '¿qué país tiene más migrantes?']) assert.ok(outside(q), q);
    assert.ok(!outside('how many migrants are there in the world'));
  });

  it('hears enrolling in school, not subscribing', () => {
    assert.ok(outside('how do I enrol my kids in school, we just arrived'));
    assert.ok(!outside("comment m'inscrire à la lettre d'information"));
    assert.ok(!outside("je dois trouver l'année de création de l'OIM pour un exposé à l'école"));
  });
});
