import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from '../../src/csv/records.js';
import { stream } from './helpers.js';

const records = async (text: string, size = 0): Promise<CsvRecord[]> => {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(stream(text, size))) out.push(r);
  return out;
};

describe('csvRecords', () => {
  it('loses no text: the records, broken ones included, hold every character of the input but line breaks', async () => {
    // Texts of cells, commas, quotes and line breaks: mostly invalid CSV.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', 'é'), maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 0, max: 7 }), async (t, size) => {
        const found = await records(t, size);
        const strip = (s: string) => s.replace(/[\r\n]/g, '');
        expect(strip(found.map((r) => r.raw).join(''))).toBe(strip(t));
        expect(found.map((r) => r.no)).toEqual(found.map((_, i) => i));
      }),
    );
  });

  it('ends a record with text after its closing quote at its line, not at the next quote of the file', async () => {
    const found = await records('a,b\n"x"y,1\nc,"d"\n');
    expect(found.map((r) => [r.kind, r.raw])).toEqual([
      ['cells', 'a,b'],
      ['broken', '"x"y,1'],
      ['cells', 'c,"d"'],
    ]);
  });
});
