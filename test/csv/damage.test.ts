import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damageOf, emailsIn, pieces } from '../../src/csv/damage.js';
import { readMagentoCompositeCsv, readMagentoCsv } from '../../src/csv/magento.js';
import type { SourceItem } from '../../src/io/items.js';
import { collect, csv, stream } from './helpers.js';

describe('emailsIn', () => {
  it.each([
    ['base,Q@Example.com,Perth', ['q@example.com']],
    ['"1 A St,0299\nbase,q@example.com,Perth\nbase,"p@example.com",3 C St"', ['q@example.com', 'p@example.com']],
    ['base,,Perth,"2 B St"', []],
    ['a@b,a@b,A@B', ['a@b']],
  ])('finds the e-mails of %j', (text, found) => {
    expect([...emailsIn(text)]).toEqual(found);
  });
});

describe('pieces', () => {
  it.each([
    ['one line', [[1, 'one line']]],
    ['r@x,"1 A St\nSuite 2\nq@x,2 B St\r\np@x,"3 C', [[1, 'r@x,"1 A St\nSuite 2'], [3, 'q@x,2 B St'], [4, 'p@x,"3 C']]],
    ['no,"e-mail\nbelow', [[1, 'no,"e-mail\nbelow']]],
  ])('cuts %j at the lines holding an e-mail', (raw, expected) => {
    expect(pieces(raw).map((p) => [p.line, p.text])).toEqual(expected);
  });

  it('keeps every character: the pieces and the line breaks between them are the text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '@', ',', '"', '\n'), maxLength: 40 });
    fc.assert(
      fc.property(text, (raw) => {
        const found = pieces(raw);
        expect(found.map((p) => p.text).join('\n')).toBe(raw);
        expect(found[0]!.line).toBe(1);
        for (const p of found.slice(1)) expect(p.text.split('\n')[0]).toContain('@');
      }),
    );
  });
});

describe('damageOf', () => {
  const cells = (...c: string[]) => ({ kind: 'cells' as const, no: 1, cells: c, raw: '' });
  it.each([
    ['a record that is not valid CSV', { kind: 'broken' as const, no: 1, raw: 'x', problem: 'a quoted cell is not closed before the end of the file', fileLine: 4 }, 'a quoted cell is not closed before the end of the file (detected at file line 4)'],
    ['the wrong number of cells', cells('r@x', 'base'), 'it has 2 cells, the header 3'],
    ['a cell spanning lines holding another e-mail', cells('r@x', '1 A St\nbase,q@x,2 B St', 'base'), 'a cell spanning lines holds an e-mail, as rows inside a quoted cell closed records later would'],
    ['a multi-line street', cells('r@x', '1 A St\nSuite 2', 'base'), undefined],
    ['its own e-mail in a cell spanning lines, in any case', cells('r@x', 'c/o R@X,\nSuite 2', 'base'), undefined],
    ['another e-mail in a cell of one line', cells('r@x', 'q@x', 'base'), undefined],
  ])('%s', (_, record, problem) => {
    expect(damageOf(record, 3, 'r@x')).toBe(problem);
  });
});

// The files of the acceptance run: three customers, a short addresses header (every column the reader knows).
const MAIN = 'email,_website,website_id,firstname,lastname';
const ADDR = '_website,_email,city,country_id,firstname,lastname,postcode,street,telephone';
const customers = [MAIN, 'p@example.com,base,1,P,P', 'q@example.com,base,1,Q,Q', 'r@example.com,base,1,R,R', 's@example.com,base,1,S,S'];
const r = 'base,r@example.com,Sydney,AU,R,R,2000,1 A St,0299990000';
const q = 'base,q@example.com,Perth,AU,Q,Q,6000,2 B St,0899990000';
const p = 'base,p@example.com,Perth,AU,P,P,6000,3 C St,0899990000';
const s = 'base,s@example.com,Perth,AU,S,S,6000,4 D St,0899990000';

const read = (main: string, addresses?: string) => collect(readMagentoCsv(stream(main), addresses === undefined ? undefined : { addresses: stream(addresses) }));
/** Each item as [file, line, e-mail converted, or its issue codes]. */
const outcome = (items: SourceItem[]) =>
  items.map((i) => [i.file, i.line, i.record ? (i.record as { email: string }).email : i.issues?.map((x) => x.code).join(' ')]);

describe('a damaged addresses-file record', () => {
  it('rejects every customer whose e-mail it holds (a quote never closed swallows the rows after it), never converting them short of an address', async () => {
    const items = await read(csv(...customers), csv(ADDR, s, r.replace('1 A St', '"1 A St'), q, p));
    expect(outcome(items)).toEqual([
      ['main', 1, 'invalid_format'],
      ['main', 2, 'invalid_format'],
      ['main', 3, 'invalid_format'],
      ['main', 4, 's@example.com'],
    ]);
    expect(items[0]!.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_format",
          "message": "Addresses file record 2 holds this customer's e-mail and cannot be read, so address rows of this customer may be inside it: a quoted cell is not closed before the end of the file (detected at file line 5)",
          "path": [
            "addresses",
          ],
        },
      ]
    `);
    // The record goes with the customer it starts with, its text whole.
    expect(items[2]!.input).toMatchObject({ addresses: [{ raw: expect.stringMatching(/^base,r@example\.com,.*\n.*q@example\.com.*\n.*p@example\.com/) }] });
    expect(JSON.stringify(items.map((i) => i.issues))).not.toContain('example.com');
  });

  it('rejects them when the quote is closed records later and the cell count is right by chance (a stray quote in the same column)', async () => {
    const items = await read(csv(...customers), csv(ADDR, r.replace('1 A St', '"1 A St'), q, p.replace('3 C St', '3 C St 12"'), s));
    expect(outcome(items)).toEqual([
      ['main', 1, 'invalid_format'],
      ['main', 2, 'invalid_format'],
      ['main', 3, 'invalid_format'],
      ['main', 4, 's@example.com'],
    ]);
    expect(items[2]!.issues?.[0]?.message).toBe(
      'Addresses file record 1 cannot be read: a cell spanning lines holds an e-mail, as rows inside a quoted cell closed records later would',
    );
  });

  it('rejects them when the quote is closed records later with the wrong number of cells', async () => {
    const items = await read(csv(...customers), csv(ADDR, r.replace('1 A St', '"1 A St'), q, p.replace('Perth', 'Perth"'), s));
    expect(outcome(items)).toEqual([
      ['main', 1, 'invalid_format'],
      ['main', 2, 'invalid_format'],
      ['main', 3, 'invalid_format'],
      ['main', 4, 's@example.com'],
    ]);
  });

  it('rejects the customer whose e-mail it holds when its cells are shifted, the record itself an orphan', async () => {
    const shifted = q.replace('base,', '');
    const items = await read(csv(...customers), csv(ADDR, shifted, p, r, s));
    expect(outcome(items)).toEqual([
      ['main', 1, 'p@example.com'],
      ['main', 2, 'invalid_format'],
      ['main', 3, 'r@example.com'],
      ['main', 4, 's@example.com'],
      ['addresses', 1, 'invalid_format'],
    ]);
  });

  it('rejects a customer of that e-mail on any website', async () => {
    const items = await read(csv(MAIN, 'q@example.com,base,1,Q,Q', 'q@example.com,eu,2,Q,Q'), csv(ADDR, r.replace('1 A St', '"1 A St'), q.replace('base,', 'eu,')));
    expect(outcome(items)).toEqual([
      ['main', 1, 'invalid_format'],
      ['main', 2, 'invalid_format'],
      ['addresses', 1, 'invalid_format'],
    ]);
  });
});

describe('a damaged main-file record', () => {
  it('is one item per line holding an e-mail (the customer rows a quote never closed swallowed), each with the address rows of its e-mail', async () => {
    const main = csv(MAIN, 'p@example.com,base,1,"P,P', 'q@example.com,base,1,Q,Q', 'r@example.com,base,1,R,R');
    const items = await read(main, csv(ADDR, r, q, p, q.replace('base,', 'eu,')));
    // As many items as customer rows, nothing left as an orphan address: read = converted + rejected reconciles with the file.
    expect(outcome(items)).toEqual([
      ['main', 1, 'invalid_format'],
      ['main', 1, 'invalid_format'],
      ['main', 1, 'invalid_format'],
    ]);
    expect(items.map((i) => i.input)).toStrictEqual([
      { customer: { raw: 'p@example.com,base,1,"P,P' }, addresses: [expect.objectContaining({ _email: 'p@example.com' })] },
      { customer: { raw: 'q@example.com,base,1,Q,Q' }, addresses: [expect.objectContaining({ _website: 'base' }), expect.objectContaining({ _website: 'eu' })] },
      { customer: { raw: 'r@example.com,base,1,R,R' }, addresses: [expect.objectContaining({ _email: 'r@example.com' })] },
    ]);
    expect(items[1]!.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_format",
          "message": "Record 1 cannot be read: a quoted cell is not closed before the end of the file (detected at file line 4); line 2 of its text holds an e-mail, as a customer row would, and is rejected as one",
          "path": [],
        },
      ]
    `);
  });

  it('rejects a later row of an e-mail whose address rows went with it', async () => {
    const main = csv(MAIN, 'p@example.com,base,1,"P,P', 'q@example.com,base,1,Q,Q",x', 'q@example.com,eu,2,Q,Q', 's@example.com,base,1,S,S');
    const items = await read(main, csv(ADDR, q, s));
    expect(outcome(items)).toEqual([
      ['main', 1, 'invalid_format'],
      ['main', 1, 'invalid_format'],
      ['main', 2, 'invalid_format'],
      ['main', 3, 's@example.com'],
    ]);
    expect(items[2]!.issues?.[0]?.message).toBe("Record 1 cannot be read and holds this customer's e-mail: the address rows of that e-mail went with it");
  });

  it('is as before without an addresses file: one item per line holding an e-mail', async () => {
    const items = await read(csv(MAIN, 'p@example.com,base,1,"P,P', 'q@example.com,base,1,Q,Q'));
    expect(items.map((i) => [i.line, i.input])).toEqual([
      [1, { customer: { raw: 'p@example.com,base,1,"P,P' } }],
      [1, { customer: { raw: 'q@example.com,base,1,Q,Q' } }],
    ]);
  });
});

describe('a damaged composite-file record', () => {
  const HEADER = 'email,_website,website_id,firstname,lastname,_address_street,_address_city';
  const readComposite = (text: string) => collect(readMagentoCompositeCsv(stream(text)));

  it('is one rejected customer per line holding an e-mail, with the address rows below it', async () => {
    const text = csv(HEADER, 'a@example.com,base,1,A,A,1 A St,Sydney', 'b@example.com,base,1,"B,B,2 B St,Perth', ',base,,,,3 B St,Perth', 'c@example.com,base,1,C,C,,', ',base,,,,4 C St,Perth');
    const items = await readComposite(text);
    expect(items.map((i) => [i.line, i.record ? 'converted' : i.issues?.map((x) => x.code).join(' '), (i.input as { rows: unknown[] }).rows])).toEqual([
      [1, 'converted', [expect.objectContaining({ email: 'a@example.com' })]],
      [2, 'invalid_format', [{ raw: 'b@example.com,base,1,"B,B,2 B St,Perth\n,base,,,,3 B St,Perth' }]],
      [2, 'invalid_format', [{ raw: 'c@example.com,base,1,C,C,,\n,base,,,,4 C St,Perth' }]],
    ]);
  });

  it('rejects the customers inside a quote closed records later, the cell count right by chance', async () => {
    const text = csv(HEADER, 'a@example.com,base,1,A,A,"1 A St,Sydney', 'b@example.com,base,1,B,B,2 B St 12",Perth', 'c@example.com,base,1,C,C,,');
    const items = await readComposite(text);
    expect(items.map((i) => [i.line, i.record ? 'converted' : i.issues?.map((x) => x.code).join(' ')])).toEqual([
      [1, 'invalid_format'],
      [1, 'invalid_format'],
      [2, 'converted'],
    ]);
  });
});
