import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleEntries } from '../../src/knowledge/checkKnowledge';
import { checkKnowledge, KnowledgeError, loadKnowledge } from '../../src/knowledge/loadKnowledge';

const FIXTURE = join(__dirname, '../fixtures/knowledge');

/** A writable copy of the fixture knowledge base, removed after each test. */
function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** Asserts that loading fails with `file:line: reason`. */
function assertLoadError(dir: string, file: string, line: number, reason: RegExp): void {
  assert.throws(
    () => loadKnowledge(dir),
    (error: unknown) => {
      assert.ok(error instanceof KnowledgeError, `expected a KnowledgeError, got ${String(error)}`);
      assert.equal(error.file, join(dir, file));
      assert.equal(error.line, line, error.message);
      assert.match(error.reason, reason);
      assert.ok(error.message.startsWith(`${join(dir, file)}:${line}: `), error.message);
      return true;
    },
  );
}

const ENTRY = (id: string, extra = '') => `  - id: ${id}
    question: What is it?
    alternates: [a one, a two, a three, a four, a five, a six]
    answer: It is a thing.
    source: https://www.iom.int/who-we-are
    reviewed: 2026-11-24
${extra}`;

describe('loadKnowledge', () => {
  let dir: string;
  beforeEach(() => (dir = copyFixture()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every language and the menu', () => {
    const kb = loadKnowledge(FIXTURE);
    for (const lang of ['en', 'fr', 'es'] as const) assert.equal(kb.entries[lang].size, 6);
    assert.deepEqual(kb.themes[0]?.entries.slice(0, 2), ['iom-what-is-iom', 'migrants-international-number']);
    const entry = kb.entries.fr.get('iom-member-states')!;
    assert.equal(entry.lang, 'fr');
    assert.equal(entry.topic, 'iom');
    assert.equal(entry.reviewed, '2026-11-24');
    assert.deepEqual(entry.related, ['iom-what-is-iom']);
    assert.match(entry.origin, /fr[/\\]iom\.yaml:23$/);
  });

  it('reports bad YAML with its line', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['topic: iom\nentries:\n  - id: a\n    question: "unclosed\n', 4, /invalid YAML: Missing closing "quote/],
      ['topic: iom\nentries:\n  - id: a\n   question: x\n', 4, /invalid YAML/],
      ['topic: iom\nentries:\n  - id: a\n    question: x\n    question: y\n', 5, /invalid YAML: Map keys must be unique/],
      ['topic: iom\nentries:\n\t- id: a\n', 3, /invalid YAML: Tabs are not allowed/],
    ];
    for (const [text, line, reason] of cases) {
      writeFileSync(join(dir, 'en/iom.yaml'), text);
      assertLoadError(dir, 'en/iom.yaml', line, reason);
    }
  });

  it('reports an answer over 600 characters on the answer line', () => {
    writeFileSync(join(dir, 'en/extra.yaml'), `topic: extra\nentries:\n${ENTRY('extra-one')}${ENTRY('extra-two').replace('It is a thing.', 'x'.repeat(601))}`);
    assertLoadError(dir, 'en/extra.yaml', 12, /entries\[1\]\.answer: answer is 601 characters, the maximum is 600/);
  });

  it('reports a missing source on its entry', () => {
    const text = `topic: extra\nentries:\n${ENTRY('extra-one').replace(/ {4}source: .*\n/, '')}`;
    writeFileSync(join(dir, 'en/extra.yaml'), text);
    assertLoadError(dir, 'en/extra.yaml', 3, /entries\[0\]\.source: source is missing/);
  });

  it('reports a misspelt field on its own line', () => {
    writeFileSync(join(dir, 'es/extra.yaml'), `topic: extra\nentries:\n${ENTRY('extra-one', '    relatd: [iom-what-is-iom]\n')}`);
    assertLoadError(dir, 'es/extra.yaml', 9, /unknown field "relatd"/);
  });

  it('reports a wrong type (alternates as a string)', () => {
    const text = `topic: extra\nentries:\n${ENTRY('extra-one').replace(/alternates: .*/, 'alternates: just one')}`;
    writeFileSync(join(dir, 'fr/extra.yaml'), text);
    assertLoadError(dir, 'fr/extra.yaml', 5, /entries\[0\]\.alternates: Expected array/);
  });

  it('reports an id used twice in one language, naming the first place', () => {
    writeFileSync(join(dir, 'en/zz-extra.yaml'), `topic: extra\nentries:\n${ENTRY('extra-one')}${ENTRY('iom-what-is-iom')}`);
    assertLoadError(dir, 'en/zz-extra.yaml', 9, /duplicate id "iom-what-is-iom" \(first defined at .*en[/\\]iom\.yaml:3\)/);
  });

  it('allows the same id in another language', () => {
    assert.doesNotThrow(() => loadKnowledge(dir));
  });

  it('reports a related id that does not exist on its line', () => {
    const text = readFileSync(join(dir, 'es/health.yaml'), 'utf8').replace(
      'related: [migrants-internal-number]',
      'related:\n      - migrants-internal-number\n      - no-such-entry',
    );
    writeFileSync(join(dir, 'es/health.yaml'), text);
    assertLoadError(dir, 'es/health.yaml', 22, /related names an unknown id "no-such-entry"/);
  });

  it('reports a menu id that does not exist', () => {
    writeFileSync(join(dir, 'menu.yaml'), 'themes:\n  - id: basics\n    title: { en: Basics, fr: Bases, es: Bases }\n    entries:\n      - iom-what-is-iom\n      - nothing-here\n');
    assertLoadError(dir, 'menu.yaml', 6, /menu names an unknown id "nothing-here"/);
  });

  it('reports a missing language folder', () => {
    rmSync(join(dir, 'es'), { recursive: true });
    assert.throws(() => loadKnowledge(dir), /the es folder is missing/);
  });
});

describe('checkKnowledge', () => {
  let dir: string;
  beforeEach(() => (dir = copyFixture()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a source that is not an https address, and figures that differ between languages', () => {
    const file = join(dir, 'fr', 'health.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('https://', 'http://').replace(/281/g, '280'));
    const problems = checkKnowledge(loadKnowledge(dir)).join('\n');
    assert.match(problems, /source must be an https address/);
    assert.match(problems, /en answer says 281, the fr answer does not/);
  });

  it('reports an answer reviewed more than a year ago as stale, without refusing it', () => {
    const kb = loadKnowledge(dir);
    assert.deepEqual(staleEntries(kb, new Date('2027-11-20')), []);
    assert.ok(staleEntries(kb, new Date('2028-01-01')).length > 0);
  });

  it('finds nothing wrong with the fixture', () => {
    assert.deepEqual(checkKnowledge(loadKnowledge(FIXTURE)), []);
  });

  it('reports an id missing in a language', () => {
    const kb = loadKnowledge(dir);
    kb.entries.fr.delete('health-barriers');
    assert.deepEqual(checkKnowledge(kb), ['id "health-barriers" is missing in fr', 'menu id "health-barriers" is missing in fr']);
  });

  it('reports alternates that collide between entries', () => {
    const kb = loadKnowledge(dir);
    kb.entries.en.get('iom-member-states')!.alternates.push('Tell me about IOM!');
    kb.entries.en.get('migrants-internal-number')!.alternates.push('obstacle migrant faces to access care');
    const problems = checkKnowledge(kb);
    assert.equal(problems.length, 2, problems.join('\n'));
    const all = problems.join('\n');
    assert.match(all, /"Tell me about IOM!" is a phrasing of both iom-what-is-iom .* and iom-member-states/);
    assert.match(all, /"obstacles migrants face .*" \(.*\) normalises like a phrasing of (health-barriers|migrants-internal-number)/);
  });

  it('reports too few alternates, an over-long answer, a missing source and differing sources', () => {
    const kb = loadKnowledge(dir);
    const entry = kb.entries.es.get('newsletter-subscribe')!;
    entry.alternates = entry.alternates.slice(0, 4);
    entry.answer = 'y'.repeat(650);
    entry.source = '';
    const problems = checkKnowledge(kb).join('\n');
    assert.match(problems, /es newsletter-subscribe\): 4 alternates \(at least 10\)/);
    assert.match(problems, /answer is 650 characters \(max 600\)/);
    assert.match(problems, /source is missing/);
    assert.match(problems, /id "newsletter-subscribe" has different sources/);
  });
});
