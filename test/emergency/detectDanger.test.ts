import assert from 'node:assert/strict';
import { BOT_LABEL_CHARS, buildDangerDetector } from '../../src/emergency/buildDangerDetector';
import { createI18n } from '../../src/i18n/i18n';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';

const dangers: Record<'en' | 'fr' | 'es', string[]> = {
  en: [
    'my baby is not breathing', 'my husband stopped breathing', 'i cant breathe', 'my friend is unconscious',
    'my son passed out and wont wake up', 'my wife is bleeding a lot', 'i have chest pain', 'he took an overdose',
    'my mother is having a seizure', 'my boss is beating me', 'he raped me', 'they are going to kill me',
    'i want to kill myself', 'i want to die', 'i am suicidal', 'thinking about hurting myself', 'they took my passport',
    'we are locked in a room and cant leave', 'they are forcing me to work without pay', 'my child is missing',
    'my baby is not breathng', 'i cannt breathe', 'my frend is unconscous',
    // A job and a danger: the person still speaks of themselves.
    'I work on a farm and my boss took my passport, what does IOM do?',
  ],
  fr: [
    'mon bébé ne respire plus', 'mon mari ne respire pas', "je n'arrive plus à respirer", 'mon ami est inconscient',
    "elle s'est évanouie", 'ma femme saigne beaucoup', "j'ai une douleur à la poitrine", 'il a fait une overdose',
    'mon patron me frappe', "on m'a violée", 'il veut me tuer', 'je veux me suicider', 'je veux mourir',
    "j'ai envie d'en finir", 'ils ont pris mon passeport', 'on est enfermés et je ne peux pas partir',
    'ils me forcent à travailler', 'ils m’ont obligé à travailler sans salaire', 'mon enfant a disparu',
    'mon bebe ne respire plus', 'ma fille est inconsciente', 'je veux mettre fin a mes jours',
    "il m'a enfermée dans la chambre", 'je suis enfermé',
  ],
  es: [
    'mi bebé no respira', 'mi esposo dejó de respirar', 'no puedo respirar', 'mi amigo está inconsciente',
    'se desmayó y no despierta', 'mi esposa sangra mucho', 'tengo dolor en el pecho', 'tomó una sobredosis',
    'mi jefe me pega', 'me violaron', 'quiere matarme', 'quiero matarme', 'quiero morir', 'quiero quitarme la vida',
    'me quitaron el pasaporte', 'estamos encerrados y no me dejan salir', 'me obligan a trabajar sin pagar',
    'mi hijo desaparecido', 'mi bebe no respira', 'no pueo respirar', 'tengo ganas de morir', 'mi pareja me golpea',
  ],
};

const lookAlikes: Record<'en' | 'fr' | 'es', string[]> = {
  en: [
    'what is HIV?', 'what does IOM do about trafficking?', 'how does IOM help victims of violence',
    'suicide rates among migrants', 'what is tuberculosis', 'how many migrants are there', 'why cant I see a doctor',
    'is migration a social determinant of health', 'what is human trafficking', 'what are the health risks of forced migration',
    'do many migrants die on the way', 'what is the emergency number', 'tell me about malaria', 'mental health of migrants',
    'who are IOM partners', 'i want to subscribe to the newsletter', 'i want to talk to a person', 'thank you very much',
    'what is the 2008 resolution', 'climate change and health', 'i cant find the newsletter',
    'are people who migrate ilegally or get trafficked more likely to get sick or die',
    // The "I" of a job is not the person in danger.
    'I work with women who were trafficked. What does IOM say about their health risks?',
  ],
  fr: [
    "c'est quoi le VIH ?", "que fait l'OIM contre la traite ?", "comment l'OIM aide les victimes de violence",
    'taux de suicide chez les migrants', "qu'est-ce que la tuberculose", 'combien de migrants dans le monde',
    'pourquoi je ne peux pas voir un médecin', 'la migration est un déterminant social de la santé',
    "c'est quoi la traite des êtres humains", 'risques pour la santé de la migration forcée', 'quel est le numéro d urgence',
    'parlez-moi du paludisme', 'santé mentale des migrants', "qui sont les partenaires de l'OIM", 'je veux m abonner',
    'je veux parler à quelqu un', 'merci beaucoup', "qu'est-ce que la résolution de 2008", 'changement climatique et santé',
    'beaucoup de migrants meurent en route ?', 'je ne trouve pas la newsletter',
    'ceux qui sont victimes de traite risquent quoi pour leur santé',
    "je travaille dans un foyer pour victimes de traite, que dit l'OIM sur leur santé ?",
    // « ville » is one letter from « viole »
    'les gens partent tous vers la ville', "j'habite en ville, loin de l'hôpital",
  ],
  es: [
    '¿qué es el VIH?', '¿qué hace la OIM contra la trata?', 'cómo ayuda la OIM a las víctimas de violencia',
    'tasa de suicidio entre los migrantes', 'qué es la tuberculosis', 'cuántos migrantes hay en el mundo',
    'por qué no puedo ver a un médico', 'la migración es un determinante social de la salud', 'qué es la trata de personas',
    'riesgos de salud de la migración forzada', 'cuál es el número de emergencias', 'háblame de la malaria',
    'salud mental de los migrantes', 'quiénes son los socios de la OIM', 'quiero suscribirme al boletín',
    'quiero hablar con una persona', 'muchas gracias', 'qué es la resolución de 2008', 'cambio climático y salud',
    'mueren muchos migrantes en el camino', 'no encuentro el boletín',
    'las personas que son víctimas de trata corren más riesgos de enfermar o morir?',
    'trabajo en una ONG con víctimas de trata, ¿qué dice la OIM sobre los riesgos para su salud?',
    // Spanish "enfermo", "enfermedad" and "(se) enferme" are French « enfermé » (locked up)
    'qué enfermedades afectan a los migrantes', 'mi hijo está enfermo y no tengo seguro', 'la gente que migra se enferma más?',
  ],
};

// Messages from the issue that asked for a detector that generalises (issue 16).
dangers.en.push('my brother swallowed a whole bottle of pills', 'we are stuck in the desert no water', 'he has a gun and says he will shoot us');
dangers.es.push('me van a matar', 'no encuentro a mi hijo', 'el barco se hunde', 'ayuda me pegan');
lookAlikes.en.push("I'm drowning in homework about migration", "what share of migrants attempt suicide? it's for an article");
lookAlikes.fr.push('ce bouchon va me tuer');
// Requests about one's data, from a held-out set (HO) where "borren todo lo q tienen de mi" got the trafficking alarm ("tienen").
lookAlikes.es.push('borren todo lo q tienen de mi', 'que informacion mia tienen guardada?');
lookAlikes.fr.push("vous avez gardé quoi comme infos sur moi");
lookAlikes.en.push('what info have you kept about me');

const detector = buildDangerDetector('knowledge', loadKnowledge('knowledge'), createI18n('locales').shortStrings(BOT_LABEL_CHARS));

describe('danger signs', () => {
  for (const [lang, messages] of Object.entries(dangers)) {
    describe(`in ${lang}: ${messages.length} urgent messages`, () => {
      for (const text of messages) it(`"${text}" is urgent`, () => assert.equal(detector.detect(text)?.level, 'urgent', text));
    });
  }
  for (const [lang, messages] of Object.entries(lookAlikes)) {
    describe(`in ${lang}: ${messages.length} informational look-alikes`, () => {
      for (const text of messages) it(`"${text}" raises no alarm`, () => assert.notEqual(detector.detect(text)?.level, 'urgent', text));
    });
  }
});
