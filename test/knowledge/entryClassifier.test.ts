import assert from 'node:assert/strict';
import { EntryClassifier } from '../../src/knowledge/EntryClassifier';

const examples = [
  ...['which vaccines will i get', 'what jabs do refugees get', 'do they give shots before the flight'].map((text) => ({ text, label: 'vaccines' })),
  ...['why do they check me for tb', 'tuberculosis test before travel', 'chest x-ray for the visa'].map((text) => ({ text, label: 'tb' })),
  ...['can i see a doctor without papers', 'no documents, will the hospital treat me', 'care for undocumented people'].map((text) => ({ text, label: 'care' })),
];

/** What a model makes of a text: its choice, its lead, and how far behind the other labels are. */
const reading = (m: EntryClassifier, text: string) => {
  const c = m.classify(text);
  return c && { label: c.label, margin: c.margin, behind: ['vaccines', 'tb', 'care'].map((l) => c.behind(l)) };
};

describe('the entry classifier', () => {
  const model = EntryClassifier.train(examples);

  it('reads a word in forms it never saw whole, from the pieces its phrasings share', () => {
    assert.equal(model.classify('vacines for refugess?')?.label, 'vaccines');
    assert.equal(model.classify('tuberculose')?.label, 'tb');
    assert.equal(model.classify('undocumented, can a docter see me')?.label, 'care');
  });

  it('says by how much its choice leads: far for words it learnt, hardly for pieces it never saw', () => {
    const sure = model.classify('what jabs will the refugees get')!;
    assert.ok(sure.margin > 0.3, String(sure.margin));
    assert.equal(sure.behind('vaccines'), 0);
    assert.ok(Math.abs(Math.min(sure.behind('tb'), sure.behind('care')) - sure.margin) < 1e-9, 'the runner-up is behind by the margin');
    assert.equal(sure.behind('no such label'), Infinity);
    assert.ok((model.classify('zzqx kkjw')?.margin ?? 0) < 0.1);
    assert.equal(model.classify('!!!'), undefined);
  });

  it('learns the same model from the same examples, and keeps it', () => {
    const again = EntryClassifier.train(examples);
    assert.equal(EntryClassifier.train(examples.map((e) => ({ ...e }))), again);
    assert.deepEqual(reading(again, 'what jabs will the refugees get'), reading(model, 'what jabs will the refugees get'));
  });

  it('learns the same model whatever order the examples are listed in (an edit moves one, not all)', () => {
    const reordered = EntryClassifier.train([...examples].reverse());
    for (const text of ['what jabs will the refugees get', 'tb test', 'hospital without papers', 'vacines']) {
      assert.deepEqual(reading(reordered, text), reading(model, text), text);
    }
  });
});
