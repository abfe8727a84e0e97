import { foldText } from '../text/foldText';

/**
 * Words that say who is asking and why, not what they ask: "I'm a nurse", « pour mon mémoire »,
 * "mi hermano", "for a radio piece", "at the shelter where I volunteer". People put them around
 * the question, and a word the knowledge base never uses counts as evidence of another topic, so a
 * long story around a question read as one. When the knowledge base does not use such a word it
 * says nothing about the question and is left out of it (`SearchIndex.queryTerms`); when it does
 * ("doctor", "family"), it is a topic word like any other.
 *
 * Never list here what people ask about and we do not answer: school, papers, work, housing,
 * money (`outsideTopics`) stay evidence of another topic.
 */
const WORDS = `
 nurse nurses student students teacher teachers journalist journalists reporter reporters volunteer volunteers volunteering
 caseworker caseworkers intern interns resident residents researcher researchers professor lecturer supervisor tutor
 staffer mediator nun blogger
 podcaster host attending trainee
 brother brothers sister sisters cousin cousins uncle aunt mom mum mother dad father grandson granddaughter grandma
 grandpa grandmother grandfather husband wife friend friends neighbour neighbor neighbours neighbors niece nephew
 thesis dissertation essay assignment homework project presentation article piece podcast episode broadcast speech
 leaflet flyer deck class course lecture seminar workshop meeting masters degree uni university college newspaper
 radio blog post concept note
 shelter village town parish church mosque hotel
 itself likely honestly mentioned mentioning mention keeps always usually overall whole ago morning somebody someone
 anyway

 infirmier infirmiere infirmiers infirmieres etudiant etudiante etudiants etudiantes enseignant enseignante prof profs
 professeur professeure journaliste journalistes benevole benevoles stagiaire stagiaires interne internes mediatrice
 mediateur educateur educatrice animateur animatrice religieuse 
 chercheur chercheuse assistante fonctionnaire fonctionnaires
 frere freres soeur soeurs cousine oncle tante mere maman pere papa petit fils fille grand mamie papi mari copain
 copine ami amie amis amies voisin voisine beau belle
 memoire these devoir devoirs dossier article reportage emission podcast cours classe fac universite master licence
 reunion atelier formation discours tract brochure depliant journal radio staff
 foyer mairie association asso paroisse eglise mosquee village quartier
 habituellement toujours souvent meme

 enfermera enfermero enfermeras enfermeros estudiante estudiantes profesor profesora profe maestra maestro periodista
 periodistas reportera reportero voluntaria voluntario voluntarias voluntarios becaria becario residente promotora
 promotor mediadora mediador monja cura 
 investigadora investigador tutora locutor locutora funcionario funcionaria funcionarios
 hermano hermana hermanos hermanas primo prima primos tio tia mama madre papa padre nieto nieta abuela abuelo esposo
 esposa marido amigo amiga amigos amigas vecino vecina cunado cunada suegra suegro
 tesis proyecto presentacion articulo reportaje podcast charla clase curso universidad uni facultad master maestria
 ponencia taller reunion discurso folleto volante periodico radio sesion
 albergue ayuntamiento parroquia iglesia mezquita pueblo barrio
 mismo misma siempre suele normalmente
`;

const ASKER_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map((w) => foldText(w)));

/** Whether a folded word only says who is asking or why (see above). */
export function isAskerWord(word: string): boolean {
 return ASKER_WORDS.has(word);
}
