import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_LABEL_CHARS, buildDangerDetector } from '../../src/emergency/buildDangerDetector';
import { createI18n } from '../../src/i18n/i18n';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';

const labels = createI18n('locales').shortStrings(BOT_LABEL_CHARS);
const detectorFor = (dir: string) => buildDangerDetector(dir, loadKnowledge(dir), labels);

describe('danger examples are data: a health editor teaches the detector without touching code', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-danger-'));
    cpSync(join(__dirname, '../../knowledge'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('catches a kind of emergency it was unsure of once an editor adds a few lines, after a restart', () => {
    const message = 'mi abuelo comió hongos del bosque y está muy raro';
    assert.notEqual(detectorFor(dir).detect(message)?.level, 'urgent', 'not an alarm before');
    const file = join(dir, 'es', 'danger.yaml');
    const added = ['mi tío comió hongos del monte y se puso muy mal', 'comimos setas del bosque y mi papá vomita y está confundido', 'el niño se comió unos hongos silvestres y no reacciona'];
    writeFileSync(file, readFileSync(file, 'utf8').replace('  medical:\n', `  medical:\n${added.map((l) => `    - ${l}\n`).join('')}`));
    const sign = detectorFor(dir).detect(message);
    assert.equal(sign?.level, 'urgent');
    assert.equal(sign?.kind, 'medical');
  });

  it('stops an alarm on a look-alike once an editor adds it under not_urgent', () => {
    const idiom = 'mi jefa me va a matar si llego tarde';
    assert.equal(detectorFor(dir).detect(idiom)?.level, 'urgent', 'an alarm before');
    const file = join(dir, 'es', 'danger.yaml');
    const added = ['mi jefe me mata si no termino el turno a tiempo', 'mi mamá me va a matar si pierdo otra vez el bus', 'el profe me va a matar si no entrego la tarea', 'mi esposa me mata si llego tarde a la cena'];
    writeFileSync(file, readFileSync(file, 'utf8').replace('not_urgent:\n', `not_urgent:\n${added.map((l) => `  - "${l}"\n`).join('')}`));
    assert.notEqual(detectorFor(dir).detect(idiom)?.level, 'urgent');
  });
});
