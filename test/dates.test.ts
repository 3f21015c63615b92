import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, decode, encode } from '../src/index.js';
import { instantParts, isTimeZone, zonedWallTime } from '../src/core/times.js';
import { fromMagentoDob, fromMagentoTime, magentoDob, magentoTime } from '../src/platforms/magento/values.js';
import { fromV4Time } from '../src/platforms/v4/values.js';
import { isoInstant } from './arbitraries/common.js';

const magento = { email: 'mia@example.org', firstname: 'Mia', lastname: 'Chen', website_id: 1 };

describe('Magento "YYYY-MM-DD HH:MM:SS" (UTC) <-> ISO 8601 instants', () => {
  it.each([
    ['2024-05-02 18:41:07', '2024-05-02T18:41:07Z'],
    ['2017-01-31 01:18:13', '2017-01-31T01:18:13Z'],
    ['2024-02-29 23:59:59', '2024-02-29T23:59:59Z'],
    ['1970-01-01 00:00:00', '1970-01-01T00:00:00Z'],
  ])('reads %s as %s', (raw, iso) => {
    expect(fromMagentoTime(raw)).toBe(iso);
    expect(magentoTime.encode(iso, undefined)).toEqual({ raw });
  });

  it.each([
    ['2024-02-30 10:00:00', 'no 30 February'],
    ['2023-02-29 10:00:00', 'no 29 February in 2023'],
    ['2024-05-02 24:00:00', 'hour 24'],
    ['2024-05-02 18:41', 'no seconds'],
    ['2024-05-02T18:41:07Z', 'ISO, not Magento\'s form'],
    ['2024-05-02 18:41:07.5', 'a fraction'],
    ['', 'empty'],
  ])('does not read %s (%s): it stays Magento data', (raw) => {
    expect(fromMagentoTime(raw)).toBeUndefined();
    const { data } = decode('magento', { ...magento, created_at: raw });
    expect(data.createdAt).toBeUndefined();
    expect(data.platformData?.magento?.created_at).toBe(raw);
    expect(encode('magento', data).data).toStrictEqual({ ...magento, created_at: raw });
  });

  it.each([
    ['2024-05-02T18:41:07Z', '2024-05-02 18:41:07', undefined],
    ['2024-05-02T18:41:07.412Z', '2024-05-02 18:41:07', 'Magento stores whole seconds: the fraction of a second is dropped.'],
    ['2024-05-02T18:41:07.000Z', '2024-05-02 18:41:07', 'Magento stores whole seconds: the written zero fraction is dropped (same instant).'],
    ['2024-02-01T09:30:00+11:00', '2024-01-31 22:30:00', 'Magento stores UTC: the same instant is written in UTC and its original UTC offset is not kept.'],
    ['2024-02-01T09:30:00.000+11:00', '2024-01-31 22:30:00', 'Magento stores whole seconds: the written zero fraction is dropped (same instant); Magento stores UTC: the same instant is written in UTC and its original UTC offset is not kept.'],
    ['2024-07-04T12:30:00-04:00', '2024-07-04 16:30:00', 'Magento stores UTC: the same instant is written in UTC and its original UTC offset is not kept.'],
    ['2024-05-02T18:41:07+00:00', '2024-05-02 18:41:07', 'written with Z for the zero UTC offset (same instant).'],
    ['2024-05-02T18:41:07.999999Z', '2024-05-02 18:41:07', 'Magento stores whole seconds: the fraction of a second is dropped.'],
  ])('writes %s as %s, reporting: %s', (iso, raw, message) => {
    const out = encode('magento', { ...fromCanonical(), createdAt: iso }, { defaults: { website_id: 1 } });
    expect(out.data.created_at).toBe(raw);
    expect(out.losses).toEqual(message === undefined ? [] : [{ code: 'value_changed', path: ['createdAt'], message }]);
  });

  it('reports a change exactly when the written form does not read back as the canonical instant; the instant changes only with a fraction', () => {
    const zone = fc.constantFrom('Z', '+00:00', '+11:00', '-05:00', '+05:30');
    const fraction = fc.constantFrom('', '.000', '.412', '.5', '.000001');
    fc.assert(
      fc.property(isoInstant, fraction, zone, (iso, f, z) => {
        const value = `${iso.slice(0, 19)}${f}${z}`;
        const parts = instantParts(value);
        if (!parts) return; // an offset that pushes the instant out of the four-digit years
        const { raw, loss } = magentoTime.encode(value, undefined);
        const back = fromMagentoTime(raw);
        expect(back).toBeDefined();
        expect(loss !== undefined).toBe(back !== value);
        expect(Date.parse(back!)).toBe(Math.floor(parts.ms / 1000) * 1000);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['5/6/2012 15:53', '2012-05-06T15:53:00Z'],
    ['05/06/2012 15:53:07', '2012-05-06T15:53:07Z'],
    ['12/31/1999 0:00', '1999-12-31T00:00:00Z'],
    ['2/29/2024', '2024-02-29T00:00:00Z'],
    [' 5/6/2012 15:53 ', '2012-05-06T15:53:00Z'],
    ['\t2024-05-02 18:41:07\u00a0', '2024-05-02T18:41:07Z'],
  ])('reads %j (a spreadsheet-typed CSV cell, month first as Magento\'s importer reads it; or white space around) as %s, the original coming back to Magento', (raw, iso) => {
    expect(fromMagentoTime(raw)).toBe(iso);
    const rec = { ...magento, created_at: raw };
    const { data } = decode('magento', rec);
    expect(data.createdAt).toBe(iso);
    expect(data.platformData?.magento?.['$created_at:original']).toBe(raw);
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
    // Another platform gets the instant.
    expect(convert(rec, { from: 'magento', to: 'medusa' }).data.created_at).toBe(iso);
  });

  it.each([
    ['13/6/2012 15:53', 'month 13: a day-first form is not read'],
    ['2/30/2024 10:00', 'no 30 February'],
    ['5/6/12 15:53', 'a two-digit year'],
    ['5/6/2012 3:53 PM', 'AM/PM'],
    ['5/6/2012 24:00', 'hour 24'],
    ['5-6-2012 15:53', 'dashes'],
  ])('does not read %j (%s): it stays Magento data', (raw) => {
    expect(fromMagentoTime(raw)).toBeUndefined();
    const { data } = decode('magento', { ...magento, created_at: raw });
    expect(data.platformData?.magento?.created_at).toBe(raw);
  });

  it('reads every spreadsheet-typed time month first, as the UTC time it names', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.boolean(), (ms, seconds) => {
        const d = new Date(Math.floor(ms / 1000) * 1000);
        const time = `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}${seconds ? `:${String(d.getUTCSeconds()).padStart(2, '0')}` : ''}`;
        const cell = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${time}`;
        const expected = seconds ? d.getTime() : d.getTime() - d.getUTCSeconds() * 1000;
        expect(Date.parse(fromMagentoTime(cell)!)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('converts a Medusa timestamp with an offset to Magento UTC and names the dropped offset and fraction', () => {
    const medusa = { email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen', created_at: '2024-05-02T11:20:11.412+10:00', updated_at: '2024-05-02T01:20:11Z' };
    const { data, losses } = convert(medusa, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(data).toMatchObject({ created_at: '2024-05-02 01:20:11', updated_at: '2024-05-02 01:20:11' });
    expect(losses).toEqual([
      { code: 'value_changed', path: ['created_at'], message: expect.stringContaining('fraction of a second is dropped') },
    ]);
    expect(losses[0]?.message).toContain('original UTC offset is not kept');
  });
});

const fromCanonical = () => ({ email: 'mia@example.org', name: { given: 'Mia', family: 'Chen' } });

describe('Magento dob: a calendar date', () => {
  it.each([
    ['1988-07-14', '1988-07-14', false],
    ['1990-04-19 00:00:00', '1990-04-19', true],
    ['2000-02-29', '2000-02-29', false],
    ['2000-02-29 00:00:00', '2000-02-29', true],
  ])('reads %s as %s; the original comes back to Magento', (raw, date, hinted) => {
    expect(fromMagentoDob(raw)).toBe(date);
    const rec = { ...magento, dob: raw };
    const { data } = decode('magento', rec);
    expect(data.birthDate).toBe(date);
    expect(data.platformData?.magento?.['$dob:original']).toBe(hinted ? raw : undefined);
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
    // Anywhere else, and from a canonical customer, the date is written as REST returns it.
    expect(encode('magento', { ...fromCanonical(), birthDate: date }, { defaults: { website_id: 1 } })).toEqual({ data: { ...magento, dob: date }, losses: [] });
  });

  it.each([
    ['5/6/2010', '2010-05-06'],
    ['12/31/1999', '1999-12-31'],
    ['02/29/2000', '2000-02-29'],
    ['5/6/2010 0:00', '2010-05-06'],
    [' 1988-07-14 ', '1988-07-14'],
  ])('reads %j (a spreadsheet-typed CSV cell, month first; or white space around) as %s; the original comes back to Magento', (raw, date) => {
    expect(fromMagentoDob(raw)).toBe(date);
    const rec = { ...magento, dob: raw };
    const { data } = decode('magento', rec);
    expect(data.birthDate).toBe(date);
    expect(data.platformData?.magento?.['$dob:original']).toBe(raw);
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
    expect(convert(rec, { from: 'magento', to: 'v4' }).losses.filter((l) => l.path[0] === 'dob')).toEqual([
      expect.objectContaining({ code: 'not_representable', path: ['dob'] }),
    ]);
  });

  it.each([
    ['1990-02-30', 'no such day'],
    ['5/6/2010 13:00', 'a time of day is no date of birth'],
    ['2/30/2010', 'no 30 February'],
    ['1990-04-19 13:00:00', 'a time of day is no date of birth'],
    ['1990-04-19T00:00:00', 'not a form Magento writes'],
    ['19/04/1990', 'a localised form'],
    ['', 'empty'],
  ])('keeps %s (%s) as Magento data, reported when converting', (raw) => {
    expect(fromMagentoDob(raw)).toBeUndefined();
    const rec = { ...magento, dob: raw };
    const { data } = decode('magento', rec);
    expect(data.birthDate).toBeUndefined();
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
    const out = convert(rec, { from: 'magento', to: 'v4' });
    expect(out.losses).toContainEqual(expect.objectContaining({ code: 'platform_data', path: ['dob'] }));
  });

  it('normalising a dob is idempotent', () => {
    const raw = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => `${new Date(ms).toISOString().slice(0, 10)} 00:00:00`),
      fc.string({ unit: fc.constantFrom(...'0123456789-: '), maxLength: 19 }),
    );
    fc.assert(
      fc.property(raw, (r) => {
        const date = fromMagentoDob(r);
        if (date === undefined) return;
        expect(fromMagentoDob(magentoDob.encode(date, undefined).raw)).toBe(date);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Open Food Network and Medusa offsets come back as written', () => {
  it('keeps terms_and_conditions_accepted_at with its +11:00 offset for Open Food Network', () => {
    const rec = { email: 'mia@example.org', enterprise_id: 42, first_name: 'Mia', last_name: 'Chen', terms_and_conditions_accepted_at: '2024-02-01T09:30:00.000+11:00' };
    const { data } = decode('enterprise-v1', rec);
    expect(encode('enterprise-v1', data)).toStrictEqual({ data: rec, losses: [] });
    const out = convert(rec, { from: 'enterprise-v1', to: 'magento', defaults: { website_id: 1 } });
    expect(out.losses).toContainEqual(expect.objectContaining({ code: 'server_assigned', path: ['terms_and_conditions_accepted_at'] }));
  });

  it('keeps Medusa timestamps with an offset and a fraction exactly', () => {
    const rec = { email: 'mia@example.org', created_at: '2024-05-02T11:20:11.412+10:00', updated_at: '2024-05-02T01:20:11.412Z', deleted_at: null };
    const { data } = decode('medusa', rec);
    expect(data.createdAt).toBe('2024-05-02T11:20:11.412+10:00');
    expect(encode('medusa', data)).toStrictEqual({ data: rec, losses: [] });
  });
});

describe('v4 created_at: with a zone as written, without one in the customer\'s time zone', () => {
  const v4 = { email: 'liam@example.com.au' };

  it.each([
    ['2024-07-04 12:30:00', 'Australia/Sydney', '2024-07-04T12:30:00+10:00'],
    ['2024-01-04 12:30:00', 'Australia/Sydney', '2024-01-04T12:30:00+11:00'],
    ['2024-07-04T12:30:00', 'Australia/Sydney', '2024-07-04T12:30:00+10:00'],
    ['2024-07-04 12:30', 'Australia/Sydney', '2024-07-04T12:30:00+10:00'],
    ['2024-07-04 12:30:00.250', 'Asia/Kolkata', '2024-07-04T12:30:00.250+05:30'],
    ['2024-07-04 12:30:00', 'America/New_York', '2024-07-04T12:30:00-04:00'],
    ['2024-07-04 12:30:00', 'UTC', '2024-07-04T12:30:00Z'],
    ['2024-07-04 12:30:00', 'Europe/Berlin', '2024-07-04T12:30:00+02:00'],
    ['2024-07-04T12:30:00+10:00', 'Europe/Berlin', '2024-07-04T12:30:00+10:00'],
    ['2024-07-04T02:30:00.000Z', null, '2024-07-04T02:30:00.000Z'],
  ])('reads %s in %s as %s; the original comes back to v4', (raw, timezone, iso) => {
    expect(fromV4Time(raw, timezone ?? undefined)).toBe(iso);
    const rec = { ...v4, timezone, created_at: raw };
    const { data } = decode('v4', rec);
    expect(data.createdAt).toBe(iso);
    expect(encode('v4', data)).toStrictEqual({ data: rec, losses: [] });
  });

  it.each([
    ['2024-07-04 12:30:00', null, 'no time zone'],
    ['2024-07-04 12:30:00', 'Mars/Olympus', 'not an IANA zone'],
    ['2024-07-04 12:30:00', '+10:00', 'an offset is not a zone name'],
    ['2024-10-06 02:30:00', 'Australia/Sydney', 'a wall clock daylight saving skips'],
    ['2024-04-07 02:30:00', 'Australia/Sydney', 'a wall clock daylight saving repeats'],
    ['2024-03-31 02:30:00', 'Europe/Berlin', 'a wall clock daylight saving skips'],
    ['2024-02-30 12:30:00', 'Australia/Sydney', 'no such day'],
    ['04/07/2024 12:30', 'Australia/Sydney', 'a localised form'],
    ['', 'Australia/Sydney', 'empty'],
  ])('keeps %s in %s as v4 data (%s): never guessed', (raw, timezone, _why) => {
    expect(fromV4Time(raw, timezone !== null && isTimeZone(timezone) ? timezone : undefined)).toBeUndefined();
    const rec = { ...v4, timezone, created_at: raw };
    const { data } = decode('v4', rec);
    expect(data.createdAt).toBeUndefined();
    expect(data.platformData?.v4?.created_at).toBe(raw);
    expect(encode('v4', data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('converts a zoned v4 time to Magento UTC and says the offset was not kept', () => {
    const rec = { ...v4, first_name: 'Liam', last_name: 'Nguyen', timezone: 'Australia/Sydney', created_at: '2024-07-04 12:30:00' };
    const { data, losses } = convert(rec, { from: 'v4', to: 'magento', defaults: { website_id: 1 } });
    expect(data.created_at).toBe('2024-07-04 02:30:00');
    expect(losses).toContainEqual({ code: 'value_changed', path: ['created_at'], message: expect.stringContaining('same instant is written in UTC') });
  });

  it('writes a canonical instant to v4 as ISO 8601, also when the customer has a time zone', () => {
    const { data } = decode('v4', { ...v4, timezone: 'Australia/Sydney', created_at: '2024-07-04 12:30:00' });
    const changed = { ...data, createdAt: '2024-07-05T00:00:00Z' };
    expect(encode('v4', changed).data.created_at).toBe('2024-07-05T00:00:00Z');
  });

  it('reads a wall clock in a zone back to the instant it shows there', () => {
    const zones = fc.constantFrom('Australia/Sydney', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'UTC');
    fc.assert(
      fc.property(isoInstant, zones, (iso, zone) => {
        const ms = Math.floor(Date.parse(iso) / 1000) * 1000;
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
            .formatToParts(new Date(ms))
            .map((p) => [p.type, p.value]),
        );
        const local = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
        const read = zonedWallTime(local, zone);
        if (read === undefined) return; // the hour daylight saving repeats: two instants show this wall clock
        expect(Date.parse(read)).toBe(ms);
        expect(read.slice(0, 19)).toBe(local.replace(' ', 'T'));
        expect(zonedWallTime(local, zone)).toBe(read);
      }),
      { numRuns: 1000 },
    );
  });
});
