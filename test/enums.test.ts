import { describe, expect, it } from 'vitest';
import { convert, decode, encode, type Gender, type PlatformId } from '../src/index.js';
import { GENDERS } from '../src/platforms/magento/values.js';
import { SEX } from '../src/platforms/v4/values.js';
import { requiredDefaults } from './laws.js';

const magento = { email: 'mia@example.org', firstname: 'Mia', lastname: 'Chen', website_id: 1 };
const v4 = { email: 'liam@example.com.au', first_name: 'Liam', last_name: 'Nguyen' };
const canonical = { email: 'mia@example.org', name: { given: 'Mia', family: 'Chen' } };
const others = (p: PlatformId): PlatformId[] => (['magento', 'medusa', 'v4', 'enterprise-v1'] as const).filter((q) => q !== p);

describe('Magento gender option ids', () => {
  it('decides every canonical gender', () => {
    expect(GENDERS.map(([, g]) => g).sort()).toEqual(['female', 'male', 'not_specified']);
  });

  it.each([
    [1, 'male'],
    [2, 'female'],
    [3, 'not_specified'],
  ] as const)('%i <-> %s', (id, gender) => {
    const { data } = decode('magento', { ...magento, gender: id });
    expect(data.gender).toBe(gender);
    expect(encode('magento', { ...canonical, gender }, { defaults: { website_id: 1 } }).data.gender).toBe(id);
  });

  it.each([0, 4, 17])('keeps the unknown id %i as Magento data and reports it when converting', (id) => {
    const rec = { ...magento, gender: id };
    const { data } = decode('magento', rec);
    expect(data.gender).toBeUndefined();
    expect(data.platformData?.magento?.gender).toBe(id);
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
    for (const q of others('magento')) {
      const out = convert(rec, { from: 'magento', to: q, defaults: requiredDefaults[q] ?? {}, residue: false } as never);
      expect(out.losses, q).toContainEqual({ code: 'platform_data', path: ['gender'], message: expect.stringContaining('not recognised') });
      expect(JSON.stringify(out.data)).not.toContain('"sex"');
    }
  });

  it('keeps a null gender as null', () => {
    const rec = { ...magento, gender: null };
    expect(decode('magento', rec).data.gender).toBeNull();
    expect(encode('magento', decode('magento', rec).data).data).toStrictEqual(rec);
  });
});

describe('v4 sex strings', () => {
  it.each(SEX.map(([raw, gender]) => [raw, gender] as const))('%s <-> %s', (raw, gender) => {
    const { data } = decode('v4', { ...v4, sex: raw });
    expect(data.gender).toBe(gender);
    expect(encode('v4', { ...canonical, gender }).data.sex).toBe(raw);
  });

  it.each(['OTHER', 'male', 'Female', 'UNSPECIFIED', ''])('keeps the unknown value %j as v4 data and reports it when converting', (raw) => {
    const rec = { ...v4, sex: raw };
    const { data } = decode('v4', rec);
    expect(data.gender).toBeUndefined();
    expect(data.platformData?.v4?.sex).toBe(raw);
    expect(encode('v4', data)).toStrictEqual({ data: rec, losses: [] });
    for (const q of others('v4')) {
      const out = convert(rec, { from: 'v4', to: q, defaults: requiredDefaults[q] ?? {}, residue: false } as never);
      expect(out.losses, q).toContainEqual(expect.objectContaining({ code: 'platform_data', path: ['sex'] }));
      expect(out.losses.find((l) => l.path[0] === 'sex')?.message).not.toContain(raw || '\u0000');
    }
    expect(convert(rec, { from: 'v4', to: 'magento', defaults: { website_id: 1 } }).data).not.toHaveProperty('gender');
  });

  it('reports not_specified, which v4 has no value for', () => {
    const out = encode('v4', { ...canonical, gender: 'not_specified' });
    expect(out.data).not.toHaveProperty('sex');
    expect(out.losses).toContainEqual(expect.objectContaining({ code: 'not_representable', path: ['gender'] }));
  });
});

describe('gender across platforms', () => {
  it.each([
    [1, 'MALE'],
    [2, 'FEMALE'],
  ] as const)('Magento %i <-> v4 %s', (id, sex) => {
    expect(convert({ ...magento, gender: id }, { from: 'magento', to: 'v4' }).data.sex).toBe(sex);
    expect(convert({ ...v4, sex }, { from: 'v4', to: 'magento', defaults: { website_id: 1 } }).data.gender).toBe(id);
  });

  it('Magento 3 (not specified) is reported lost in v4, at the Magento path', () => {
    const out = convert({ ...magento, gender: 3 }, { from: 'magento', to: 'v4' });
    expect(out.data).not.toHaveProperty('sex');
    expect(out.losses).toContainEqual(expect.objectContaining({ code: 'not_representable', path: ['gender'] }));
  });

  it.each(['medusa', 'enterprise-v1'] as const)('%s has no gender: a known one is reported not_representable', (q) => {
    const out = convert({ ...magento, gender: 2 }, { from: 'magento', to: q, defaults: requiredDefaults[q] ?? {}, residue: false } as never);
    expect(out.losses).toContainEqual(expect.objectContaining({ code: 'not_representable', path: ['gender'] }));
  });

  it('the canonical gender set is exactly what the platforms decide', () => {
    const all: Gender[] = ['male', 'female', 'not_specified'];
    expect(all.filter((g) => !GENDERS.some(([, v]) => v === g))).toEqual([]);
    expect(all.filter((g) => !SEX.some(([, v]) => v === g))).toEqual(['not_specified']);
  });
});
