/**
 * `npm run kb:check [dir]`: loads the knowledge base (hard errors stop here with file and line),
 * prints entries per language, notes for editors (stale entries, figures without a year, phrasings
 * that do not reach their own entry) and every problem `checkKnowledge` finds; exits 1 on any problem.
 */
import { figuresWithoutYear, staleEntries } from '../src/knowledge/checkKnowledge';
import { checkKnowledge, KnowledgeError, loadKnowledge } from '../src/knowledge/loadKnowledge';
import { SearchIndex } from '../src/knowledge/SearchIndex';
import { LANGUAGES } from '../src/knowledge/types';
import { unclearPhrasings } from '../src/knowledge/unclearPhrasings';

function main(dir: string): number {
  let kb;
  try {
    kb = loadKnowledge(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(`kb:check: ${error.message}`);
    return 1;
  }
  for (const lang of LANGUAGES) {
    const entries = [...kb.entries[lang].values()];
    const topics = new Set(entries.map((e) => e.topic)).size;
    const phrasings = entries.reduce((n, e) => n + 1 + e.alternates.length, 0);
    console.log(`${lang}: ${entries.length} answers in ${topics} topics, ${phrasings} phrasings; ${kb.actions[lang].size} actions, ${kb.referrals[lang].size} referrals`);
  }
  console.log(`menu: ${kb.themes.length} themes, ${kb.themes.reduce((n, t) => n + t.entries.length, 0)} entries`);
  for (const stale of staleEntries(kb)) console.log(`  stale: ${stale}`);
  for (const figure of figuresWithoutYear(kb)) console.log(`  check: ${figure}`);
  const index = SearchIndex.build(kb);
  for (const unclear of unclearPhrasings(kb, index)) console.log(`  unclear: ${unclear}`);
  const problems = checkKnowledge(kb, index);
  for (const problem of problems) console.log(`  problem: ${problem}`);
  console.log(problems.length === 0 ? 'kb:check: no problems' : `kb:check: ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv[2] ?? 'knowledge');
