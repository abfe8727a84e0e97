import { eng, fra, spa } from 'stopword';
import { foldText } from '../text/foldText';
import type { Lang } from './types';

/*
 * Words that carry no topic: function words from the `stopword` lists, plus question words and the
 * conversational filler people put around a question ("please tell me", "dis-moi", "quiero saber").
 * Dropping the filler matters twice: it stops "tell me a joke" from matching on "tell", and it keeps
 * the share of a question explained by the knowledge base (our confidence) honest.
 * Common text-message spellings of those words ("koi", "xq", "wat") are listed too.
 * Content words that look small ("vih", "sida", "oms", "salud") must never be listed here.
 */
const EXTRA: Record<Lang, string> = {
  en: `
    what whats which who whom whose when where why how many much
    is are was were be been being am isnt arent wasnt dont doesnt didnt cant cannot wont im ive id
    do does did doing done can could would will shall should may might must let lets
    a an the this that these those there here it its thing things something anything
    i me my mine myself you your yours we us our they them their he him his she her
    of to in on at by for from with about into onto over than then so as if or and but not
    also just really actually very too still ever even any some all every each
    please pls plz tell say said know knowing want wanna wanted like would need
    hi hello hey thanks thank ok okay yes yeah explain show give info information question
    u ur r ya wat wut wats thx pls exactly basically kind sort guys today now currently ask asking
    rn bc cuz coz bcuz idk tbh atm lol stuff kinda abt told tells telling
    somewhere anywhere far yet already regarding concerning true almost around roughly approximately nearly time times
    lot lots example     able specifically easy easily
    confirm confirmed quick briefing slide slides nutshell summary brief overview describe description
    colleague colleagues says latest current source sources heard hear right correct report presentation liner
    asked whether consider considers considered bro dude mate wait
    possible simple simply words plain
    sorry
  `,
  fr: `
    quoi que qu quel quelle quels quelles qui quand comment combien pourquoi ou est ce ca cela ceci
    c ce cet cette ces celui celle ceux celles il ils elle elles on je j tu te toi moi me m nous vous
    le la les l un une des du de d au aux a à y en
    suis es est sommes etes sont etait etaient ete etre ai as avons avez ont avait avoir
    fait fais font faire peux peut pouvez peuvent pourrais pourriez puis pouvoir
    veux veut voudrais voulez vouloir dois doit devez savoir sais sait dire dis dites dit
    mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
    et ou mais donc or ni car si ne pas plus tres aussi bien alors quelque chose choses
    pour par sur sous avec sans dans chez vers entre
    svp stp sil plait merci bonjour salut coucou ok oui explique expliquez expliquer info infos information informations question
    il y a t
    koi kwa jsuis chui ke kel kelle pk pq pkoi pourkoi cad ya exactement vraiment precisement genre aujourd hui maintenant actuellement demander demande
    comme juste lequel laquelle lesquels lesquelles autant ki matiere concernant truc trucs vrai presque environ pres temps fois hors
    beaucoup bcp peu exemple disent      
    concretement salam slm wesh crois croyais pensais pense trompe facile facilement
    confirmer confirmez presentation synthese resume rapide bref breve collegue dernier derniere source sources entendu note rapport vois voit partout
    preciser solliciter considere considerent mec gars frero frerot tout tous toute toutes simplement renseigner
    presenter brievement final finalement possible simple mots expose geo mettre
    slt bjr bsr bonsoir cc poser pose voir aller va vais vas vont
    expliques racontes raconte racontez
  `,
  es: `
    que qué cual cuales quien quienes cuando como donde cuanto cuanta cuantos cuantas porque por
    el la los las lo un una unos unas al del de a en y e o u ni pero sino si no
    yo tu usted ustedes vos el ella ellos ellas nosotros nosotras vosotros me te se nos os le les
    mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra
    este esta estos estas ese esa esos esas eso esto aquel aquella aquello
    es son era eran fue fueron ser sido siendo soy eres somos esta estan estoy estas estar estado
    hay habia haber ha han he has hemos
    hace hacen hago haces hacer puedo puede pueden puedes podria podrias poder
    quiero quiere quisiera queria saber se sabes dime decir dice digame explica explicame explicar
    para con sin sobre entre hacia hasta desde segun tras contra durante mediante
    muy mas tambien ya algo  cosa cosas tan tanto todo todos toda todas
    hola gracias favor porfa ok vale si info informacion pregunta
    digo dices q k ke xq pq porq d exactamente realmente precisamente hoy ahora actualmente preguntar pregunto
    respecto va vas van voy ir buenas buenos dias tardes noches verdad cierto casi alrededor aproximadamente tiempo vez veces
    mucho muchos mucha muchas poco ejemplo dicen dijeron dijo       
    concretamente saben sabe sabemos creia pensaba asi oye facil facilmente
    confirmar confirman confirme necesito necesitamos pasan pasas descripcion breve resumen colega fuente fuentes ultimo ultima oi escuche informe reporte veo
    considera consideran aclarar wey guey po pe che pana parce explicas expliques companero companera cualquiera cualquier
    final posible simple palabras cada tiene tienen tener tengo tienes
    vi visto cuentas cuentame cuenteme contame
  `,
};

const BASE: Record<Lang, string[]> = { en: eng, fr: fra, es: spa };

function build(lang: Lang): ReadonlySet<string> {
  const words = [...BASE[lang], ...EXTRA[lang].split(/\s+/)].map((w) => foldText(w)).filter(Boolean);
  // The stopword lists hold contractions like "i'm"; folding turns them into two words.
  return new Set(words.flatMap((w) => w.split(' ')));
}

/** Folded stop words per language. */
export const STOP_WORDS: Record<Lang, ReadonlySet<string>> = { en: build('en'), fr: build('fr'), es: build('es') };
