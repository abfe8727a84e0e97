/**
 * Questions that share words with the knowledge base but ask about something it does not cover,
 * so that any answer would state an unrelated fact:
 *   papers        how to get a visa, a residence permit, asylum, papers ("comment obtenir un titre de
 *                 séjour", "how do I apply for asylum"): procedures, country by country. The knowledge
 *                 base only says that irregular status keeps people from care.
 *   disease       a disease on its own ("c'est quoi le paludisme", "how many people have HIV"): the
 *                 knowledge base names HIV, tuberculosis, malaria and influenza only as global health
 *                 goals that depend on migrants' health; without migrants, IOM or those goals in the
 *                 question it is a medical question.
 *   forecast      the weather of a day ("el clima mañana en Madrid"), or temperatures: not climate change.
 *   climate       climate science without people on the move or their health ("what causes climate change").
 *   money         budgets, prices, donations ("how much budget does the health division have").
 *   housing       sought: « l'OIM peut me trouver un logement ? » (not "like income or housing").
 *   school        enrolling: "how do I enrol my kids in school".
 *   vaccines      « le vaccin contre la grippe est gratuit ? »
 *   rankings      "which country has the most immigrants".
 *   tasks         writing, translating or filling in something for the asker ("write a letter to my landlord").
 *   jobs          work for the asker ("l'OIM recrute ?", "hay trabajo en la OIM", "where do I send my CV"):
 *                 the knowledge base is about IOM's work, not jobs.
 * Matched on folded words (`tokenise`); a match makes the search say "I don't know".
 */
const PROCEDURE_VERBS = new Set([
  ...['get', 'obtain', 'apply', 'renew', 'extend', 'request'],
  ...['obtenir', 'avoir', 'demander', 'renouveler', 'prolonger', 'faire'],
  ...['conseguir', 'obtener', 'sacar', 'tramitar', 'solicitar', 'renovar', 'pedir', 'tener'],
  // The forms people type: "how do I get", « j'obtiens », "¿cómo saco…?"
  ...['getting', 'applying', 'renewing', 'obtiens', 'obtient', 'renouvelle', 'saco', 'sacas', 'saca', 'tramito', 'consigo', 'obtengo', 'pido', 'renuevo', 'solicito'],
]);
/** Words that may stand between the verb and the papers: "get a visa", « avoir mes papiers », "sacar el permiso". */
const FILLERS = new Set([
  ...['an', 'the', 'my', 'for', 'un', 'une', 'le', 'la', 'les', 'mon', 'ma', 'mes', 'des', 'de', 'du', 'el', 'los', 'las', 'mi', 'mis', 'unos', 'una'],
  ...['application', 'request', 'demande', 'solicitud'],
  // Kinds of permit: "a work visa", « un visa étudiant », "la visa de trabajo".
  ...['work', 'student', 'tourist', 'travel', 'residence', 'travail', 'etudiant', 'touriste', 'trabajo', 'estudiante', 'turista'],
]);
/** "Without": « sans avoir de papiers », "sin tener papeles" is someone without papers asking about care. */
const WITHOUT = new Set(['without', 'no', 'not', 'sans', 'pas', 'sin']);
const PAPERS = new Set([
  ...['visa', 'visas', 'permit', 'permits', 'asylum', 'residency', 'residence', 'citizenship', 'passport', 'papers', 'greencard'],
  ...['titre', 'carte', 'sejour', 'asile', 'papiers', 'nationalite', 'passeport', 'regularisation'],
  ...['permiso', 'residencia', 'asilo', 'papeles', 'nacionalidad', 'pasaporte', 'regularizacion', 'cedula'],
]);
/** How long a procedure takes: "how long … visa", « combien de temps … titre de séjour », "cuánto tarda … asilo". */
const DURATION = [['how', 'long'], ['combien', 'temps'], ['cuanto', 'tiempo'], ['cuanto', 'tarda']] as const;

const DISEASES = new Set([
  ...['hiv', 'aids', 'tb', 'tuberculosis', 'malaria', 'influenza', 'flu'],
  ...['vih', 'sida', 'tuberculose', 'paludisme', 'palu', 'grippe'],
  ...['paludismo', 'gripe'],
]);
/** Words that tie a disease to what the knowledge base says about it. */
const DISEASE_CONTEXT = /^(?:migr|inmigr|immigr|emigr|iom$|oim$|goal|objecti|objetivo|meta$|metas$|sdg|odd$|ods$|agenda|end$|ending|elimin|eradi|erradi|fin$|finir|acabar|mobil|movil|refugi|desplaz|deplac|displac)/;

const WEATHER = new Set(['weather', 'meteo', 'temps', 'clima', 'tiempo', 'rain', 'pluie', 'pleuvoir', 'lluvia', 'llover']);
/** Temperatures: the knowledge base speaks of climate change and mobility, never of degrees. */
const TEMPERATURE = new Set(['temperature', 'temperatures', 'temperatura', 'temperaturas', 'degrees', 'degres', 'grados', 'celsius', 'fahrenheit']);
const DAYS = new Set([
  ...['today', 'tomorrow', 'tonight', 'weekend', 'forecast'],
  ...['aujourd', 'demain', 'prevision', 'previsions'],
  ...['hoy', 'manana', 'pronostico', 'finde'],
]);

/** "¿La OIM da chamba?", « l'OIM donne du boulot ? », "does IOM give jobs?" */
const GIVES = new Set(['give', 'gives', 'offer', 'offers', 'donne', 'donner', 'offre', 'da', 'dan', 'dar', 'ofrece', 'ofrecen']);
/** Asking to be hired: enough alone ("is IOM hiring", « l'OIM recrute ? »). */
const JOB_WORDS = new Set([
  ...['hiring', 'hire', 'recruit', 'recruiting', 'recruitment', 'vacancy', 'vacancies', 'cv', 'resume', 'salary'],
  ...['recrute', 'recrutez', 'recrutement', 'embauche', 'embauchez', 'candidature', 'salaire'],
  ...['vacante', 'vacantes', 'contratan', 'contratando', 'curriculum', 'sueldo'],
]);
/** A job, sought: "busco chamba", "looking for a job" (not "I came here for a job. Why is care so hard?"). */
const JOB_NOUNS = new Set([
  ...['job', 'jobs', 'internship', 'emploi', 'emplois', 'boulot', 'taf', 'stage', 'empleo', 'empleos', 'chamba', 'chambas', 'trabajos', 'pasantia'],
]);
/** Looking for work: "looking for work", « je cherche du travail », « y a du travail ? », "busco trabajo", "hay trabajo". */
const LOOKING_FOR_WORK = [
  ...[['looking', 'for', 'work'], ['give', 'me', 'work'], ['find', 'me', 'work'], ['cherche', 'du', 'travail'], ['donner', 'du', 'travail'], ['donne', 'du', 'travail'], ['trouver', 'du', 'travail'], ['avez', 'du', 'travail']],
  ...[['job', 'offers'], ['job', 'openings'], ['job', 'opening'], ['offres', 'emploi'], ['offre', 'emploi'], ['ofertas', 'de', 'trabajo'], ['oferta', 'de', 'trabajo'], ['ofertas', 'de', 'empleo']],
  ...[['busco', 'trabajo'], ['hay', 'trabajo'], ['buscando', 'trabajo'], ['da', 'trabajo'], ['dar', 'trabajo'], ['dan', 'trabajo'], ['necesito', 'trabajo'], ['conseguir', 'trabajo']],
] as const;
/** Housing for the asker: the knowledge base has nothing on it. */
const HOUSING = new Set([
  ...['housing', 'accommodation', 'apartment', 'flat', 'rent', 'landlord', 'logement', 'loger', 'appartement', 'loyer', 'proprietaire'],
  ...['vivienda', 'alojamiento', 'departamento', 'alquiler', 'arriendo', 'casero', 'arrendador'],
]);
/** Asking for something: housing is out of scope when sought ("trouver un logement"), not as an example ("income or housing"). */
const SEEKING = new Set([
  ...['find', 'need', 'looking', 'help', 'where', 'any', 'trouver', 'cherche', 'besoin', 'aide', 'aider'],
  ...['buscar', 'busco', 'buscando', 'conseguir', 'necesito', 'ayuda', 'donde', 'saben', 'hay'],
]);
/** Enrolling in school ("how do I enrol my kids in school"): « s'inscrire » alone is the newsletter. */
const SCHOOL = new Set(['school', 'schools', 'ecole', 'ecoles', 'escuela', 'escuelas', 'colegio', 'colegios']);
const ENROL = /^(?:enrol|enroll|inscri|matricul)/;

/** Tasks done for the asker: writing, translating or filling in something ("write a letter to my landlord"). */
const TASK_VERBS = new Set(['write', 'draft', 'translate', 'fill', 'ecrire', 'ecris', 'rediger', 'traduire', 'traduis', 'remplir', 'escribir', 'escribe', 'escribeme', 'redactar', 'traducir', 'traduce', 'llenar', 'rellenar']);
const TASK_OBJECTS = new Set(['letter', 'email', 'mail', 'form', 'text', 'message', 'essay', 'lettre', 'courriel', 'formulaire', 'texte', 'carta', 'correo', 'formulario', 'texto', 'mensaje', 'cv', 'curriculum']);

const CLIMATE = /^(?:climat|clima|warming|rechauffement|calentamiento|greenhouse|emissions?$|co2$)/;
/** Words that tie climate change to what the knowledge base says about it: people moving, their health. */
const CLIMATE_CONTEXT =
  /^(?:migr|inmigr|immigr|emigr|mobil|movil|health|sante|salud|people|gens|gente|personne|persona|famil|home|maison|casa|hogar|leav|partir|irse|van$|se$|move|moving|bouger|mudar|displac|deplac|desplaz|livelihood|iom$|oim$|sick|malad|enferm|farm|crop|recolt|cosech|disaster|desastre|catastroph)/;

const MONEY = new Set([
  ...['budget', 'budgets', 'funding', 'funds', 'money', 'cost', 'costs', 'price', 'prices', 'pay', 'donate', 'donation', 'donations', 'spend', 'spending'],
  ...['financement', 'argent', 'prix', 'coute', 'couter', 'payer', 'don', 'dons', 'depense', 'depenses', 'depenser'],
  ...['presupuesto', 'financiamiento', 'financiacion', 'dinero', 'plata', 'precio', 'costo', 'pagar', 'donacion', 'donar', 'gasta', 'gasto', 'gastos'],
]);
/** "¿Cuánto cuesta?": « cuesta » alone is also "it is hard" ("les cuesta tanto que los atiendan"). */
const PRICE_PHRASES = [
  ...[['cuanto', 'cuesta'], ['cuanto', 'vale'], ['cuanto', 'sale'], ['ayudas', 'economicas'], ['aides', 'financieres']],
  // Money for the asker: "¿la OIM da ayuda económica?", « une aide financière », "financial help".
  ...[['ayuda', 'economica'], ['apoyo', 'economico'], ['aide', 'financiere'], ['financial', 'help'], ['financial', 'aid'], ['financial', 'support']],
] as const;

/**
 * How IOM itself is run: its head, its headquarters, its staff ("who is IOM's director general", « où
 * est le siège de l'OIM », "¿cuántos empleados tiene?"). The knowledge base says what IOM does, not that.
 */
const RUNNING_IOM = new Set([
  ...['director', 'directors', 'headquarters', 'headquartered', 'hq', 'staff', 'staffs', 'employees', 'employ', 'employs', 'chief', 'president', 'secretary'],
  ...['directeur', 'directrice', 'siege', 'employes', 'employees', 'salaries', 'personnel', 'president', 'presidente', 'secretaire'],
  ...['directora', 'directores', 'sede', 'empleados', 'emplea', 'plantilla', 'presidenta', 'secretario', 'secretaria'],
  // Its offices: "where is the IOM office in my city", « le bureau de l'OIM à Dakar ».
  ...['office', 'offices', 'bureau', 'bureaux', 'oficina', 'oficinas'],
]);
const COUNTING = new Set(['many', 'combien', 'cuantas', 'cuantos', 'number', 'nombre', 'numero']);
/** "How many people work at IOM", « combien de personnes travaillent à l'OIM », "¿cuántas personas trabajan en la OIM?" */
const WORKING_AT_IOM = [['work', 'at', 'iom'], ['work', 'for', 'iom'], ['travaillent', 'oim'], ['trabajan', 'en', 'la', 'oim'], ['trabajan', 'para', 'la', 'oim']] as const;
/**
 * A year past the 2030 Agenda: a projection ("how many climate migrants will there be by 2050?"). The
 * knowledge base gives today's figures only.
 */
function isFutureYear(word: string): boolean {
  if (!/^\d{4}$/.test(word)) return false;
  const year = Number(word);
  return year > 2030 && year <= 2200;
}

/** "How do you say 'I need a doctor' in English?", « comment on dit… », "¿cómo se dice…?": a translation. */
const HOW_TO_SAY = [['how', 'do', 'you', 'say'], ['how', 'to', 'say'], ['how', 'do', 'say'], ['comment', 'on', 'dit'], ['comment', 'dit', 'on'], ['comment', 'dire'], ['como', 'se', 'dice'], ['como', 'digo']] as const;

/** Vaccines: the knowledge base says nothing about them. */
const VACCINES = /^(?:vaccin|vacun|immuni[sz])/;
/** "Which country has the most…", « quel pays a le plus… », "¿qué país tiene más…?": rankings of countries. */
const RANKING = [['which', 'country'], ['what', 'country'], ['quel', 'pays'], ['que', 'pais'], ['cual', 'pais']] as const;
const MOST = new Set(['most', 'more', 'plus', 'mas']);

/** Whether folded `words` ask about something the knowledge base does not cover (see above). */
export function asksOutsideTopics(words: readonly string[]): boolean {
  const has = (set: ReadonlySet<string>) => words.some((w) => set.has(w));
  return (
    asksForPapers(words) ||
    asksAboutDisease(words) ||
    asksForForecast(words) ||
    asksForJob(words) ||
    asksAboutClimateAlone(words) ||
    asksAboutMoney(words) ||
    (has(HOUSING) && has(SEEKING)) ||
    (has(TASK_VERBS) && has(TASK_OBJECTS)) ||
    (has(SCHOOL) && words.some((w) => ENROL.test(w))) ||
    words.some((w) => VACCINES.test(w)) ||
    has(RUNNING_IOM) ||
    (WORKING_AT_IOM.some((phrase) => hasPhrase(words, phrase)) && words.some((w) => COUNTING.has(w))) ||
    words.some(isFutureYear) ||
    HOW_TO_SAY.some((phrase) => hasPhrase(words, phrase)) ||
    (RANKING.some((phrase) => hasPhrase(words, phrase)) && has(MOST))
  );
}

/** Whether `words` hold `phrase`, word after word. */
function hasPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return words.some((_, i) => phrase.every((p, k) => words[i + k] === p));
}

function asksAboutMoney(words: readonly string[]): boolean {
  return words.some((w) => MONEY.has(w)) || PRICE_PHRASES.some((phrase) => hasPhrase(words, phrase));
}

/** "What causes climate change", « l'accord de Paris sur le climat »: climate science, not people on the move. */
function asksAboutClimateAlone(words: readonly string[]): boolean {
  return words.length > 2 && words.some((w) => CLIMATE.test(w)) && !words.some((w) => CLIMATE_CONTEXT.test(w));
}

/** « Agences de recrutement », "agencias de empleo" are among IOM's partners: not a job search. */
function asksForJob(words: readonly string[]): boolean {
  if (words.some((w) => w.startsWith('agenc'))) return false;
  if (words.some((w) => JOB_WORDS.has(w))) return true;
  if (words.some((w) => JOB_NOUNS.has(w)) && words.some((w) => SEEKING.has(w) || GIVES.has(w))) return true;
  return LOOKING_FOR_WORK.some((phrase) => hasPhrase(words, phrase));
}

/** Procedures named by a noun: « le renouvellement des titres de séjour », "asylum application". */
const PROCEDURE_NOUNS = new Set(['renewal', 'application', 'renouvellement', 'demande', 'procedure', 'renovacion', 'solicitud', 'tramite', 'tramites', 'procedimiento']);

function asksForPapers(words: readonly string[]): boolean {
  if (!words.some((w) => PAPERS.has(w))) return false;
  if (words.some((w) => PROCEDURE_NOUNS.has(w))) return true;
  if (DURATION.some((phrase) => hasPhrase(words, phrase))) return true;
  return words.some((w, i) => {
    if (!PROCEDURE_VERBS.has(w) || WITHOUT.has(words[i - 1] ?? '')) return false;
    let j = i + 1;
    while (j < words.length && FILLERS.has(words[j]!)) j++;
    return PAPERS.has(words[j] ?? '');
  });
}

/** A disease named alone ("tuberculosis") is a keyword search, not a medical question: the goals entry may answer it. */
function asksAboutDisease(words: readonly string[]): boolean {
  return words.length > 1 && words.some((w) => DISEASES.has(w)) && !words.some((w) => DISEASE_CONTEXT.test(w));
}

function asksForForecast(words: readonly string[]): boolean {
  return (words.some((w) => WEATHER.has(w)) && words.some((w) => DAYS.has(w))) || words.some((w) => TEMPERATURE.has(w));
}
