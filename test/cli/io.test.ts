// The CLI's readers and helpers, in process (the built command is tested in convert.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch, pathPattern, PatternCounts, type Job } from '../../src/cli/job.js';
import fc from 'fast-check';
import { parseDefault, rejectsPathOf, addressesPathOf, inputFormatOf, outputFormatOf, isInvalidOption } from '../../src/cli/options.js';
import { InvalidOptionError } from '../../src/index.js';
import { progressLine } from '../../src/cli/progress.js';
import { fileInput, InputError, streamInput } from '../../src/io/input.js';
import type { SourceItem } from '../../src/io/items.js';
import { readJson } from '../../src/io/json.js';
import { ndjsonLines, parseLine, readNdjson, withJsonHint } from '../../src/io/ndjson.js';
import { example, magentoRecords, scratch } from './run.js';

const { dir, remove } = scratch();
afterAll(remove);

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const chunks = (...parts: (string | Uint8Array)[]) => Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

describe('NDJSON lines', () => {
  it('numbers lines from 1, skips blank ones, drops a BOM and CR, and marks a last line without a break', async () => {
    const got = await collect(ndjsonLines(chunks('\uFEFF{"a":1}\r\n', '\n  \n{"b"', ':2}\n\u00a0\n{"c":3}')));
    expect(got.map(({ line, bytes, unterminated }) => ({ line, text: Buffer.from(bytes).toString('utf8'), unterminated }))).toEqual([
      { line: 1, text: '{"a":1}', unterminated: false },
      { line: 4, text: '{"b":2}', unterminated: false },
      { line: 5, text: '\u00a0', unterminated: false },
      { line: 6, text: '{"c":3}', unterminated: true },
    ]);
    // A line of Unicode spaces only is blank too, once decoded: no record, no reject.
    expect((await collect(readNdjson(chunks('\uFEFF{"a":1}\r\n', '\n  \n{"b"', ':2}\n\u00a0\n{"c":3}')))).map((i) => i.line)).toEqual([1, 4, 6]);
  });

  it.each([
    ['{ alone', '{\n  "email": "a@example.com"\n}\n', true],
    ['[ alone, after blank lines and spaces', '\n  [  \n  {"email": "a@example.com"}\n]', true],
    ['an array with a record on its first line', '[{"email": "a@example.com"},\n{"email": "b@example.com"}]\n', true],
    ['an object opening on its first line', '{"customers": [\n{"email": "a@example.com"}]}\n', true],
    ['NDJSON', '{"a":1}\n{"b":2}\n', false],
    ['NDJSON with a damaged second line', '{"a":1}\n{"b": oops\n', false],
    ['NDJSON with a damaged first line', '{"a": oops\n{"b":2}\n', false],
    ['one cut-off line', '{"a": 1, "b"', false],
    ['nothing', '', false],
  ])('looks like a multi-line JSON document: %s -> %s', async (_, text, expected) => {
    let hints = 0;
    const got = await collect(withJsonHint(ndjsonLines(chunks(text)), () => (hints += 1)));
    expect(hints).toBe(expected ? 1 : 0);
    // The lines pass unchanged.
    expect(got).toEqual(await collect(ndjsonLines(chunks(text))));
  });

  it('keeps a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('{"n":"Ødegård"}\n');
    const got = await collect(readNdjson(chunks(bytes.subarray(0, 7), bytes.subarray(7))));
    expect(got).toEqual([{ line: 1, input: { n: 'Ødegård' }, record: { n: 'Ødegård' } }]);
  });

  it('gives a line that is not UTF-8 (Windows-1252 bytes) as an item with issues, and reads the lines around it', async () => {
    const latin1 = Buffer.from('{"firstname":"Jürgen"}\n', 'latin1');
    const got = await collect(readNdjson(chunks('{"a":1}\n', latin1.subarray(0, 15), latin1.subarray(15), '{"n":"Ødegård"}')));
    expect(got.map((i) => [i.line, i.record, i.issues])).toEqual([
      [1, { a: 1 }, undefined],
      [2, undefined, [{ code: 'invalid_format', path: [], message: 'Not UTF-8 text: the line holds bytes of another encoding (save the file as UTF-8)' }]],
      [3, { n: 'Ødegård' }, undefined],
    ]);
    expect(got[1]?.input).toBe('{"firstname":"J\uFFFDrgen"}');
    // The exact bytes of the line (without its line break) stay recoverable; only on that line.
    expect(Buffer.from(got[1]?.inputBase64 ?? '', 'base64')).toEqual(latin1.subarray(0, -1));
    expect(got.map((i) => 'inputBase64' in i)).toEqual([false, true, false]);
  });

  it('keeps the exact bytes of a line that is not UTF-8 (here the last line, cut off): not a JSON issue', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"n":"é"} in Latin-1
    const [item] = parseLine({ line: 7, bytes, unterminated: true }) ?? [];
    expect(item).toEqual({
      line: 7,
      input: '{"n":"\uFFFD"}',
      inputBase64: bytes.toString('base64'),
      issues: [{ code: 'invalid_format', path: [], message: 'Not UTF-8 text: the line holds bytes of another encoding (save the file as UTF-8)' }],
    });
  });

  it('gives each element of an array on a line as an item with the line number and its index; an element that is not an object as an item with issues', async () => {
    const [a, b] = magentoRecords(2);
    const text = `${JSON.stringify(a)}\n${JSON.stringify([a, 42, { customer: b }, null, [b]])}\n[]\n [ ] \n${JSON.stringify(b)}\n`;
    const got = await collect(readNdjson(chunks(text)));
    expect(got.map(({ line, index, record, issues }) => ({ line, index, ok: record !== undefined, codes: issues?.map((i) => i.code) }))).toEqual([
      { line: 1, index: undefined, ok: true, codes: undefined },
      { line: 2, index: 0, ok: true, codes: undefined },
      { line: 2, index: 1, ok: false, codes: ['invalid_type'] },
      { line: 2, index: 2, ok: true, codes: undefined },
      { line: 2, index: 3, ok: false, codes: ['invalid_type'] },
      { line: 2, index: 4, ok: false, codes: ['invalid_type'] },
      { line: 5, index: undefined, ok: true, codes: undefined },
    ]);
    expect(got[1]).toEqual({ line: 2, index: 0, input: a, record: a });
    expect(got[2]).toMatchInlineSnapshot(`
      {
        "index": 1,
        "input": 42,
        "issues": [
          {
            "code": "invalid_type",
            "message": "Expected an object (a record or a read payload): each element of an array on a line is one",
            "path": [],
          },
        ],
        "line": 2,
      }
    `);
    // A line holding an empty array gives no item; only a blank line is undefined.
    expect(parseLine({ line: 3, bytes: Buffer.from('[]'), unterminated: false })).toEqual([]);
    expect(parseLine({ line: 3, bytes: Buffer.from('\u2003'), unterminated: false })).toBeUndefined();
  });

  it('gives a damaged line as an item with issues, never an exception', async () => {
    const [item] = await collect(readNdjson(chunks('{"password_hash": "abc123secret", oops}\n')));
    expect(item?.issues?.[0]).toMatchObject({ code: 'invalid_format', path: [] });
    // The parser's own message would quote the text: the issue does not.
    expect(item?.issues?.[0]?.message).not.toContain('abc123secret');
    expect(item?.input).toBe('{"password_hash": "abc123secret", oops}');
  });
});

describe('JSON documents', () => {
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return fileInput(join(dir, name));
  };
  const records = (items: SourceItem[]) => items.map((i) => i.record);

  it('an empty document holds no records', async () => {
    expect(await collect(readJson(file('empty.json', '  \n'), 'magento'))).toEqual([]);
  });

  it('a scalar document is an input error', async () => {
    await expect(collect(readJson(file('scalar.json', '42'), 'magento'))).rejects.toThrow(InputError);
  });

  it('a single-record payload keeps its arrays (a Magento customer with addresses)', async () => {
    const [record] = magentoRecords(1);
    const items = await collect(readJson(file('one.json', JSON.stringify(record)), 'magento'));
    expect(records(items)).toEqual([record]);
  });

  it('an object that is no payload is one record, left for conversion to reject', async () => {
    const items = await collect(readJson(file('nothing.json', JSON.stringify({ hello: ['world'] })), 'medusa'));
    expect(items).toEqual([{ line: 1, input: { hello: ['world'] }, record: { hello: ['world'] } }]);
  });

  it('a list read from a stream that cannot be read twice is spooled for its second pass', async () => {
    const list = example('medusa');
    const text = JSON.stringify({ customers: list, count: list.length, offset: 0, limit: 50 });
    const items = await collect(readJson(streamInput(chunks('  ', text.slice(0, 10), text.slice(10))), 'medusa'));
    expect(records(items)).toEqual(list);
    expect(items.map((i) => i.line)).toEqual([1, 2, 3]);
  });

  it('an invalid element of a JSON:API page is an item with issues relative to the element', async () => {
    const [good] = example('enterprise-v1');
    const page = {
      data: [
        { id: '1', type: 'customer', attributes: good },
        { id: 2, type: 'customer', attributes: good },
      ],
      meta: { pagination: { results: 2, pages: 1, page: 1, per_page: 50 } },
      links: {},
    };
    const items = await collect(readJson(file('page.json', JSON.stringify(page)), 'enterprise-v1'));
    expect(items[0]?.record).toEqual(good);
    expect(items[1]).toMatchObject({ line: 2, input: { id: 2 } });
    expect(items[1]?.issues?.[0]?.path).toEqual(['id']);
  });

  it('text that is no JSON in an array: the records before it, then one item with issues', async () => {
    // Long enough that the damage is not in the first slice the tokenizer reads.
    const good = Array.from({ length: 400 }, (_, i) => ({ email: `c${i}@example.com`, note: 'x'.repeat(60) }));
    const text = `${JSON.stringify(good).slice(0, -1)}, {"b": 2} {"c": 3}]`;
    const items = await collect(readJson(file('bad.json', text), 'magento'));
    const last = items[items.length - 1];
    // Every good record but those ending in the damaged 256-character piece (records here are ~90 characters).
    expect(items.length).toBeGreaterThanOrEqual(good.length - 2);
    expect(items.map((i) => i.line)).toEqual(items.map((_, i) => i + 1));
    expect(items.slice(0, -1).map((i) => i.record)).toEqual(good.slice(0, items.length - 1));
    expect(last?.issues?.[0]).toMatchObject({ code: 'invalid_format', message: expect.stringMatching(/the rest of the input was not read/) });
  });

  it('keeps a multi-byte character split across chunks, in an array and in a payload read twice', async () => {
    const array = Buffer.from('[{"firstname":"Ødegård 😀"}]');
    const at = array.indexOf(Buffer.from('😀')) + 2; // inside the four bytes of the emoji
    for (const cut of [array.indexOf(0xc3) + 1, at]) {
      const items = await collect(readJson(streamInput(chunks(array.subarray(0, cut), array.subarray(cut))), 'magento'));
      expect(records(items)).toEqual([{ firstname: 'Ødegård 😀' }]);
    }
    const list = example('medusa').map((r) => ({ ...r, first_name: 'Søren' }));
    const page = Buffer.from(JSON.stringify({ customers: list, count: list.length, offset: 0, limit: 50 }));
    const split = page.indexOf(Buffer.from('ø')) + 1;
    const items = await collect(readJson(streamInput(chunks(page.subarray(0, split), page.subarray(split))), 'medusa'));
    expect(records(items)).toEqual(list);
  });

  it('stops at bytes that are not UTF-8 (Windows-1252), naming the input and the byte offset, never the text', async () => {
    const latin1 = Buffer.from('[{"a":1},{"firstname":"Jürgen"}]', 'latin1');
    const bad = latin1.indexOf(0xfc);
    const message = `stdin: not UTF-8 text (byte offset ${bad}): JSON is read as UTF-8; save the file as UTF-8`;
    // In one chunk, and in a later chunk after a character split across the chunks before it.
    const ø = Buffer.from('[{"n":"ø"},');
    const later = Buffer.concat([ø, latin1.subarray(1)]);
    const cut = ø.indexOf(0xc3) + 1;
    await expect(collect(readJson(streamInput(chunks(latin1)), 'magento'))).rejects.toThrow(new InputError(message));
    await expect(collect(readJson(streamInput(chunks(later.subarray(0, cut), later.subarray(cut))), 'magento'))).rejects.toThrow(
      `stdin: not UTF-8 text (byte offset ${bad + ø.length - 1}): `,
    );
    // A payload object, from a file; and a file that ends inside a character.
    const payload = join(dir, 'latin1.json');
    writeFileSync(payload, Buffer.concat([Buffer.from('{"items":'), latin1, Buffer.from('}')]));
    await expect(collect(readJson(fileInput(payload), 'magento'))).rejects.toThrow(`${payload}: not UTF-8 text (byte offset ${bad + 9}): `);
    const cutOff = join(dir, 'cut-char.json');
    writeFileSync(cutOff, Buffer.from('["Ø').subarray(0, -1));
    await expect(collect(readJson(fileInput(cutOff), 'magento'))).rejects.toThrow(`${cutOff}: not UTF-8 text (byte offset 2): `);
  });

  it('an array cut off between records: one item saying records may be missing', async () => {
    const items = await collect(readJson(file('open.json', '[{"a":1},'), 'magento'));
    expect(items[1]).toMatchObject({ line: 2, input: null });
    expect(items[1]?.issues?.[0]?.message).toMatch(/cut off/);
  });
});

describe('JSON values appended into one input (pages of an API)', () => {
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return fileInput(join(dir, name));
  };
  const stdin = (text: string) => streamInput(chunks(text.slice(0, 7), text.slice(7)));
  const medusa = example('medusa');
  const page = (records: unknown[]) => JSON.stringify({ customers: records, count: records.length, offset: 0, limit: 50 });
  const job: Job = { from: 'medusa', to: 'v4', defaults: {}, output: 'text', separator: '\n', describeRejects: true };

  it.each([
    ['arrays', `${JSON.stringify(medusa.slice(0, 2))}${JSON.stringify(medusa.slice(2))}`],
    ['arrays on lines', `${JSON.stringify(medusa.slice(0, 2))}\n${JSON.stringify(medusa.slice(2))}\n`],
    ['list pages', `${page(medusa.slice(0, 2))}${page(medusa.slice(2))}`],
    ['list pages on lines', `${page(medusa.slice(0, 1))}\n${page(medusa.slice(1))}\n`],
    ['a record and a page', `${JSON.stringify(medusa[0])} ${page(medusa.slice(1))}`],
    ['a page, then an array', `${page(medusa.slice(0, 1))}${JSON.stringify(medusa.slice(1))}`],
  ])('%s: every record, numbered through the input, from a file and from standard input', async (name, text) => {
    for (const input of [file(`${name}.json`, text), stdin(text)]) {
      const items = await collect(readJson(input, 'medusa'));
      expect(items).toEqual(medusa.map((record, i) => ({ line: i + 1, input: record, record })));
    }
  });

  it('an array, then a page: read from a file; from standard input, a one-line error suggesting NDJSON', async () => {
    const text = `${JSON.stringify(medusa.slice(0, 1))}${page(medusa.slice(1))}`;
    expect((await collect(readJson(file('array-page.json', text), 'medusa'))).map((i) => i.record)).toEqual(medusa);
    await expect(collect(readJson(stdin(text), 'medusa'))).rejects.toThrow(
      new InputError('stdin: a read payload (an object) after a JSON array: standard input is read once and cannot hold both; give a file, or NDJSON (--input-format ndjson, one page per line)'),
    );
  });

  it('a valid record is never rejected for the value after its array', async () => {
    const items = await collect(readJson(file('two.json', '[{"a":1}][{"b":2}]'), 'magento'));
    expect(items).toEqual([
      { line: 1, input: { a: 1 }, record: { a: 1 } },
      { line: 2, input: { b: 2 }, record: { b: 2 } },
    ]);
  });

  it('a second value cut off: the records before it, then one item with issues', async () => {
    const items = await collect(readJson(file('cut-second.json', '[{"a":1}]\n[{"b":2},'), 'magento'));
    expect(items.slice(0, 2).map((i) => i.record)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(items[2]).toMatchObject({ line: 3, input: null });
    expect(items[2]?.issues?.[0]?.message).toMatch(/cut off/);
    // A page cut off after a page: an input error, after the first page's records.
    const cutPage = page(medusa.slice(1)).slice(0, -20);
    await expect(collect(readJson(file('cut-page.json', `${page(medusa.slice(0, 1))}${cutPage}`), 'medusa'))).rejects.toThrow(new InputError(`${join(dir, 'cut-page.json')}: not valid JSON (cut off)`));
  });

  it('a scalar after an array is an input error naming the value', async () => {
    await expect(collect(readJson(file('scalar-after.json', '[{"a":1}] 42'), 'magento'))).rejects.toThrow(
      new InputError(`${join(dir, 'scalar-after.json')}: expected a JSON array of records or a magento read payload (an object) (top-level value 2)`),
    );
  });

  it('an empty list page as the whole input is one item holding no record, counted as an empty payload', async () => {
    const empty = { customers: [], count: 0, offset: 0, limit: 50 };
    for (const input of [file('empty-page.json', JSON.stringify(empty)), stdin(JSON.stringify(empty))]) {
      const items = await collect(readJson(input, 'medusa'));
      expect(items).toEqual([{ line: 1, input: empty, record: empty }]);
      const result = runBatch(job, items);
      expect({ converted: result.converted, rejected: result.rejected, empty: result.empty, notes: result.notes }).toEqual({
        converted: 0,
        rejected: 0,
        empty: 1,
        notes: ['record 1: no records (an empty array or list page)'],
      });
    }
    // Between pages, likewise; the records after it keep counting.
    const items = await collect(readJson(file('pages-empty.json', `${page(medusa.slice(0, 1))}${JSON.stringify(empty)}${page(medusa.slice(1))}`), 'medusa'));
    expect(items.map((i) => i.line)).toEqual([1, 2, 3, 4]);
    expect(runBatch(job, items)).toMatchObject({ converted: 3, empty: 1, notes: ['record 2: no records (an empty array or list page)'] });
  });
});

describe('conversion of a batch', () => {
  const job: Job = { from: 'medusa', to: 'v4', defaults: {}, output: 'text', separator: '\n', describeRejects: true };

  it('unwraps payloads, rejects with the record that failed, and counts losses by path pattern', () => {
    const [a, b] = example('medusa');
    const bad = { ...b, email: 'nope' };
    const result = runBatch(job, [
      { line: 1, input: a, record: a },
      { line: 2, input: { customers: [a, bad], count: 2, offset: 0, limit: 2 }, record: { customers: [a, bad], count: 2, offset: 0, limit: 2 } },
      { line: 3, bytes: Buffer.from('{"email": '), unterminated: true },
      { line: 4, bytes: Buffer.from('\u00a0\u2003'), unterminated: false }, // Unicode spaces only: blank
    ]);
    expect(result.converted).toBe(2);
    expect(result.rejected).toBe(2);
    const rejects = result.rejects.trim().split('\n').map((l) => JSON.parse(l) as { line: number; input: unknown });
    expect(rejects.map((r) => r.line)).toEqual([2, 3]);
    expect(rejects[0]?.input).toEqual(bad);
    expect(result.text.split('\n')).toHaveLength(2);
    expect(result.notes[0]).toMatch(/^record 2: invalid_email at email/);
    expect(result.issues).toContainEqual(['invalid_format', 1]);
  });

  it('converts each element of an array line (records and payloads), rejects with the line and the index, and counts empty payloads', () => {
    const [a, b] = example('medusa');
    const bad = { ...b, email: 'nope' };
    const line = (n: number, value: unknown) => ({ line: n, bytes: Buffer.from(JSON.stringify(value)), unterminated: false });
    const result = runBatch(job, [
      line(1, [a, { customers: [a, bad], count: 2, offset: 0, limit: 2 }, 'text', { customer: b }]),
      line(2, []),
      line(3, { customers: [], count: 0, offset: 0, limit: 50 }),
      { line: 4, bytes: Buffer.from([0x22, 0xff, 0x22]), unterminated: false },
    ]);
    expect(result.converted).toBe(3);
    expect(result.rejected).toBe(3);
    expect(result.empty).toBe(2);
    const rejects = result.rejects.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Key order as written: line, index, input, inputBase64, issues.
    expect(rejects.map((r) => Object.keys(r))).toEqual([
      ['line', 'index', 'input', 'issues'],
      ['line', 'index', 'input', 'issues'],
      ['line', 'input', 'inputBase64', 'issues'],
    ]);
    expect(rejects.map((r) => [r.line, r.index])).toEqual([[1, 1], [1, 2], [4, undefined]]);
    expect(rejects[0]?.input).toEqual(bad);
    expect(rejects[1]?.input).toBe('text');
    expect(rejects[2]?.inputBase64).toBe('Iv8i');
    expect(result.notes).toEqual([
      'record 1, index 1: invalid_email at email',
      'record 1, index 2: invalid_type at (root)',
      'record 2: no records (an empty array or list page)',
      'record 3: no records (an empty array or list page)',
      'record 4: invalid_format at (root)',
    ]);
  });

  it('path patterns: indices followed by more path become *', () => {
    expect(pathPattern(['addresses', 0, 'street', 2])).toBe('addresses.*.street.2');
    expect(pathPattern(['addresses', 2])).toBe('addresses.2');
    expect(pathPattern([])).toBe('(root)');
  });

  it('counts by path pattern give what counting by the pattern text gives, in the order first counted, once merged by text as the report merges (property)', () => {
    const segment = fc.oneof(fc.constantFrom('addresses', 'lines', '*', '0', '(root)', 'metadata', 'a.b', 'a', 'b'), fc.nat(3));
    const item = fc.tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('carried', 'not_representable', 'value_changed'));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const counts = new PatternCounts();
        const byText = new Map<string, number>();
        for (const [path, code] of items) {
          counts.add(path, code);
          const k = `${pathPattern(path)}\u0000${code}`;
          byText.set(k, (byText.get(k) ?? 0) + 1);
        }
        // Merged by pattern text, as the report merges batches (a key holding a dot is counted apart here).
        const merged = new Map<string, number>();
        for (const [pattern, code, n] of counts.entries()) merged.set(`${pattern}\u0000${code}`, (merged.get(`${pattern}\u0000${code}`) ?? 0) + n);
        expect([...merged]).toStrictEqual([...byText]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('options', () => {
  it('recognises an InvalidOptionError by name, from either copy of the class (dist/cli.js bundles the CSV module with its own)', () => {
    class BundledCopy extends Error {
      override readonly name = 'InvalidOptionError';
      constructor(readonly option: string) {
        super(`Invalid option "${option}": expected a list`);
      }
    }
    expect(isInvalidOption(new InvalidOptionError('attributes', 'expected a list'))).toBe(true);
    expect(isInvalidOption(new BundledCopy('attributes'))).toBe(true);
    expect(isInvalidOption(new Error('Invalid option'))).toBe(false);
    expect(isInvalidOption({ name: 'InvalidOptionError', option: 'x' })).toBe(false);
  });

  it('--default values are JSON when they parse, else text', () => {
    expect(parseDefault('website_id=1', 'magento')).toEqual(['website_id', 1]);
    expect(parseDefault('group=Wholesale', 'magento')).toEqual(['group', 'Wholesale']);
    expect(parseDefault('code="007"', 'magento')).toEqual(['code', '007']);
    expect(parseDefault('note=a=b', 'magento')).toEqual(['note', 'a=b']);
    expect(() => parseDefault('=1', 'magento')).toThrow(/key=value/);
  });

  it('--default values are the text typed where the target field holds text and not the JSON value', () => {
    expect(parseDefault('addresses.telephone=391234567', 'magento')).toEqual(['addresses.telephone', '391234567']);
    expect(parseDefault('addresses.telephone=0391234567', 'magento')).toEqual(['addresses.telephone', '0391234567']);
    expect(parseDefault('addresses.telephone=1e3', 'magento')).toEqual(['addresses.telephone', '1e3']);
    expect(parseDefault('addresses.company=true', 'magento')).toEqual(['addresses.company', 'true']);
    expect(parseDefault('taxvat=12345678901', 'magento')).toEqual(['taxvat', '12345678901']);
    expect(parseDefault('addresses.phone=61391234567', 'enterprise-v1')).toEqual(['addresses.phone', '61391234567']);
    // A numeric field keeps its number; a value no field holds, and null, stay as JSON reads them (refused later).
    expect(parseDefault('website_id=2', 'magento')).toEqual(['website_id', 2]);
    expect(parseDefault('enterprise_id=42', 'enterprise-v1')).toEqual(['enterprise_id', 42]);
    expect(parseDefault('website_id=abc', 'magento')).toEqual(['website_id', 'abc']);
    expect(parseDefault('addresses.telephone=null', 'magento')).toEqual(['addresses.telephone', null]);
    expect(parseDefault('nope=1', 'magento')).toEqual(['nope', 1]);
  });

  it('formats from extensions, and the files written beside OUT', () => {
    expect(inputFormatOf('a.JSONL')).toBe('ndjson');
    expect(inputFormatOf('a.json')).toBe('json');
    expect(inputFormatOf('a.csv')).toBe('magento-csv');
    expect(inputFormatOf(undefined)).toBe('ndjson');
    expect(outputFormatOf('out/x.csv')).toBe('magento-csv');
    expect(outputFormatOf(undefined)).toBe('ndjson');
    expect(addressesPathOf('out/customers.csv')).toBe('out/customers.addresses.csv');
    expect(rejectsPathOf('out/medusa.ndjson')).toBe('out/medusa.rejects.ndjson');
  });

  it('progress: a bar with percent and ETA when the size is known', () => {
    expect(progressLine(5000, 2, [250, 1000])).toBe('[######..................]  25%  5,000 records  2,500/s  ETA 0:06');
    expect(progressLine(5000, 2)).toBe('5,000 records  2,500/s');
  });
});
