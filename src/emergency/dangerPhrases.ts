import type { Lang } from '../knowledge/types';

/** The kinds of danger the bot reacts to before anything else. */
export type DangerKind = 'medical' | 'violence' | 'selfHarm' | 'trafficking' | 'child';

/**
 * Situational phrases, folded (lower case, no accents). Words ending in `*` match as prefixes;
 * other words allow one typo when they are 5+ letters long. A phrase matches when its words appear
 * in order with at most two other words between them. These describe a situation, not a topic:
 * "suicide" alone is a topic ("suicide rates among migrants"); "kill myself" is a situation.
 */
export const DANGER_PHRASES: Record<Lang, Record<DangerKind, string[]>> = {
  en: {
    medical: [
      'not breathing', 'stopped breathing', 'cant breathe', 'can not breathe', 'cannot breathe', 'struggling to breathe',
      'unconscious', 'passed out', 'not waking up', 'wont wake up', 'collapsed', 'heart attack', 'chest pain',
      'bleeding a lot', 'bleeding heavily', 'heavy bleeding', 'wont stop bleeding', 'lot of blood', 'overdose*',
      'having a seizure', 'choking', 'stroke', 'poisoned', 'drowning',
    ],
    violence: [
      'beating me', 'beat me', 'hitting me', 'hits me', 'attacked me', 'attacking me', 'raped', 'rape me', 'threaten* to kill',
      'going to kill me', 'wants to kill me', 'abusing me', 'abused me', 'has a knife', 'has a gun', 'stabbed',
    ],
    selfHarm: [
      'kill myself', 'killing myself', 'end my life', 'take my life', 'want to die', 'wanna die', 'suicidal',
      'hurt myself', 'hurting myself', 'cut myself', 'cutting myself', 'commit suicide', 'no reason to live',
    ],
    trafficking: [
      'took my passport', 'taken my passport', 'keep my passport', 'kept my passport', 'locked in', 'locked me',
      'cant leave', 'not allowed to leave', 'wont let me leave', 'held against my will', 'forced to work', 'forcing me',
      'forced me', 'sold me', 'trafficked', 'being trafficked', 'they wont pay me and wont let me go',
    ],
    child: [
      'child is missing', 'my child missing', 'child in danger', 'baby not breathing', 'kid is hurt', 'child is hurt',
      'someone hurting my child', 'hurting my son', 'hurting my daughter', 'lost my child', 'child alone',
    ],
  },
  fr: {
    medical: [
      'respire plus', 'respire pas', 'ne respire', 'arrive plus a respirer', 'arrive pas a respirer', 'peux plus respirer',
      'inconscient*', 'evanoui*', 'se reveille pas', 'reveille plus', 'crise cardiaque', 'douleur* poitrine', 'mal a la poitrine',
      'saigne beaucoup', 'saigne enormement', 'hemorragie', 'beaucoup de sang', 'overdose', 'surdose', 'crise d epilepsie',
      'convulse*', 's etouffe', 'avc', 'empoisonne*', 'se noie',
    ],
    violence: [
      'me frappe', 'm a frappe*', 'me bat', 'battu*', 'agresse*', 'viole', 'violee', 'violer', 'violes', 'menace de me tuer', 'veut me tuer', 'va me tuer',
      'me maltraite', 'a un couteau', 'a une arme', 'poignarde*',
    ],
    selfHarm: [
      'me suicider', 'me tuer', 'en finir', 'mettre fin a mes jours', 'envie de mourir', 'veux mourir', 'suicidaire',
      'me faire du mal', 'me blesser', 'me scarifie*', 'plus envie de vivre',
    ],
    trafficking: [
      'pris mon passeport', 'garde mon passeport', 'confisque mon passeport', 'm a enferme*', 'm enferme*', 'nous a enferme*', 'suis enferme*', 'sommes enferme*', 'est enferme*', 'peux pas partir',
      'empeche de partir', 'laisse pas partir', 'retenu* contre mon gre', 'force* a travailler', 'oblige* a travailler',
      'm ont vendu*', 'victime de traite',
    ],
    child: [
      'enfant a disparu', 'enfant disparu', 'enfant en danger', 'bebe ne respire', 'bebe respire plus', 'enfant est blesse',
      'fait du mal a mon enfant', 'fait du mal a mon fils', 'fait du mal a ma fille', 'perdu mon enfant', 'enfant seul',
    ],
  },
  es: {
    medical: [
      'no respira', 'dejo de respirar', 'no puedo respirar', 'no puede respirar', 'le cuesta respirar', 'inconsciente',
      'desmay*', 'no despierta', 'no se despierta', 'ataque al corazon', 'infarto', 'dolor en el pecho', 'dolor de pecho',
      'sangra mucho', 'sangrando mucho', 'hemorragia', 'mucha sangre', 'sobredosis', 'convulsion*', 'se ahoga', 'ahogando',
      'derrame cerebral', 'envenenad*',
    ],
    violence: [
      'me pega', 'me golpea', 'me golpeo', 'me pego', 'me ataco', 'me agredio', 'violad*', 'violacion', 'me viol*',
      'amenaza con matarme', 'quiere matarme', 'va a matarme', 'me maltrata', 'tiene un cuchillo', 'tiene una pistola',
      'tiene un arma', 'apunalad*',
    ],
    selfHarm: [
      'matarme', 'suicidarme', 'quitarme la vida', 'acabar con mi vida', 'quiero morir', 'quiero morirme', 'ganas de morir',
      'suicida', 'hacerme dano', 'me corto', 'cortarme', 'no quiero vivir',
    ],
    trafficking: [
      'quitaron el pasaporte', 'quitaron mi pasaporte', 'tienen mi pasaporte', 'encerrad*', 'no me dejan salir',
      'no me dejan ir', 'no puedo salir', 'retenid* contra mi voluntad', 'obligad* a trabajar', 'me obligan', 'me vendieron',
      'victima de trata',
    ],
    child: [
      'nino desaparecido', 'hijo desaparecido', 'hija desaparecida', 'nino en peligro', 'bebe no respira', 'nino esta herido',
      'le hacen dano a mi hijo', 'le hacen dano a mi hija', 'perdi a mi hijo', 'perdi a mi hija', 'nino solo',
    ],
  },
};

/**
 * Words that make a message informational ("what is", "statistics", "what does IOM do about …").
 * A phrase that could be a topic ("suicidal", "trafficked") does not trigger in such a message,
 * unless the person also speaks about themselves or someone close ("I", "my", "help me").
 */
export const INFORMATIONAL_CUES: Record<Lang, string[]> = {
  en: [
    'what is', 'what are', 'what does', 'how does', 'statistics', 'rates', 'rate of', 'about', 'definition', 'prevent', 'among migrants', 'iom',
    'people who', 'those who', 'more likely', 'likely to', 'how many', 'risk', 'risks',
  ],
  fr: [
    'qu est ce', 'c est quoi', 'que fait', 'comment l oim', 'statistiques', 'taux', 'definition', 'prevenir', 'chez les migrants', 'oim',
    'les gens qui', 'ceux qui', 'les personnes qui', 'combien', 'risques', 'risquent',
  ],
  es: [
    'que es', 'que hace', 'como ayuda', 'estadisticas', 'tasa', 'definicion', 'prevenir', 'entre los migrantes', 'oim',
    'las personas que', 'la gente que', 'los que', 'cuantos', 'cuantas', 'riesgos',
  ],
};

/**
 * How someone says what they do for work before asking about it ("I work for an NGO that supports
 * people who were trafficked. What does IOM say…"): the "I" of the job is not the person in danger.
 */
export const WORK_CUES: Record<Lang, string[]> = {
  en: ['i work', 'we work', 'i volunteer', 'we volunteer', 'i m a nurse', 'i m a social worker', 'i m a doctor'],
  fr: ['je travaille', 'nous travaillons', 'on travaille', 'je suis benevole', 'je suis infirmiere', 'je suis infirmier', 'je suis assistante sociale', 'je suis medecin'],
  es: ['yo trabajo', 'trabajo en', 'trabajo con', 'trabajo para', 'trabajamos', 'soy voluntaria', 'soy voluntario', 'soy enfermera', 'soy enfermero', 'soy trabajadora social', 'soy medico', 'soy medica'],
};

export const PERSONAL_CUES: Record<Lang, string[]> = {
  en: ['i', 'me', 'my', 'myself', 'im', 'we', 'our', 'us'],
  fr: ['je', 'j', 'moi', 'me', 'm', 'mon', 'ma', 'mes', 'nous', 'notre'],
  es: ['yo', 'me', 'mi', 'mis', 'nosotros', 'nuestro', 'nuestra', 'estoy'],
};
