/**
 * `npm run eval:http -- --eval <dir> [--url http://localhost:3978]`: the acceptance check, run against a
 * bot started with `npm start`. Every question of <dir>/{en,fr,es}.yaml (same format as test/eval) is sent
 * to POST /api/messages in a fresh conversation with no locale, `deliveryMode: expectReplies`, and the
 * replies are read as a user would:
 *   right fact   the replies contain the expected entry's answer (in any language: the fact is what counts)
 *   reply lang   the replies contain text of the asker's language only (answers, questions, bot strings)
 *   refused      an out-of-scope question's replies contain no answer and no "did you mean"
 * Prints a table and the misses; exits 1 when any figure is under 90%.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledge } from '../src/knowledge/loadKnowledge';
import { LANGUAGES, type Lang } from '../src/knowledge/types';
import { evalSetSchema, option, PASS, pct, show } from './eval';

interface Reply {
  /** The replies' text, whitespace squeezed (answers are wrapped in the knowledge base). */
  text: string;
  lang: Lang | undefined;
}

const SNIPPET = 60;
const snippet = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, SNIPPET);

function localeStrings(lang: Lang): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(...v.split(/\{\{[^}]*\}\}|\n/).map((s) => s.trim()).filter((s) => s.length >= 12));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const f of readdirSync(join('locales', lang))) walk(JSON.parse(readFileSync(join('locales', lang, f), 'utf8')));
  return out.map(snippet);
}

const kb = loadKnowledge('knowledge');
const answers = new Map(LANGUAGES.map((l) => [l, new Map([...kb.entries[l].values()].map((e) => [e.id, snippet(e.answer)]))]));
const langText = new Map(
  LANGUAGES.map((l) => [l, [...answers.get(l)!.values(), ...[...kb.entries[l].values()].map((e) => snippet(e.question)), ...localeStrings(l)]]),
);
const didYouMean = LANGUAGES.map((l) => snippet(JSON.parse(readFileSync(join('locales', l, 'common.json'), 'utf8')).answer.didYouMean));

function languageOf(text: string): Lang | undefined {
  const hits = LANGUAGES.filter((l) => langText.get(l)!.some((s) => text.includes(s)));
  return hits.length === 1 ? hits[0] : undefined;
}

async function ask(url: string, text: string): Promise<Reply> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'emulator',
      serviceUrl: 'http://localhost:1',
      deliveryMode: 'expectReplies',
      from: { id: `eval-${randomUUID()}` },
      recipient: { id: 'bot' },
      conversation: { id: `eval-${randomUUID()}` },
      text,
    }),
  });
  if (!res.ok) throw new Error(`POST /api/messages answered ${res.status}`);
  const body = (await res.json()) as { activities?: { text?: string }[] };
  const replyText = (body.activities ?? []).map((a) => a.text ?? '').join('\n').replace(/\s+/g, ' ');
  return { text: replyText, lang: languageOf(replyText) };
}


async function main(): Promise<boolean> {
  const url = option('--url', 'http://localhost:3978');
  const dir = option('--eval', 'test/eval');
  const rows: string[] = [];
  let pass = true;
  for (const lang of LANGUAGES) {
    const set = evalSetSchema.parse(parse(readFileSync(join(dir, `${lang}.yaml`), 'utf8')));
    let right = 0, inLang = 0, refused = 0;
    for (const { q, id, also } of set.questions) {
      const reply = await ask(url, q);
      const expected = [id, ...also].flatMap((right) => LANGUAGES.map((l) => answers.get(l)!.get(right))).filter(Boolean) as string[];
      if (expected.some((a) => reply.text.includes(a))) right++;
      else console.log(`  miss ${lang} "${q}" (want ${id}): ${snippet(reply.text)}`);
      if (reply.lang === lang) inLang++;
      else console.log(`  lang ${lang} "${q}": replied in ${reply.lang ?? '?'}`);
    }
    for (const q of set.out_of_scope) {
      const reply = await ask(url, q);
      const stated = LANGUAGES.some((l) => [...answers.get(l)!.values()].some((a) => reply.text.includes(a)));
      if (!stated && !didYouMean.some((d) => reply.text.includes(d))) refused++;
      else console.log(`  oos  ${lang} "${q}": ${snippet(reply.text)}`);
      if (reply.lang === lang) inLang++;
      else console.log(`  lang ${lang} "${q}": replied in ${reply.lang ?? '?'}`);
    }
    const all = set.questions.length + set.out_of_scope.length;
    rows.push(`${lang}    ${show(right, set.questions.length)}  ${show(inLang, all)}  ${show(refused, set.out_of_scope.length)}`);
    pass &&= [pct(right, set.questions.length), pct(inLang, all), pct(refused, set.out_of_scope.length)].every((x) => x >= PASS);
  }
  console.log('lang  right fact         reply language     out-of-scope refused');
  for (const r of rows) console.log(r);
  return pass;
}

main().then(
  (ok) => (process.exitCode = ok ? 0 : 1),
  (err: Error) => {
    console.error(`eval:http: ${err.message}`);
    process.exitCode = 2;
  },
);
