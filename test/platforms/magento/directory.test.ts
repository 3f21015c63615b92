import { describe, expect, it } from 'vitest';
import { GroupDirectory, MAGENTO_STANDARD_REGIONS, magentoDirectory, standardMagentoDirectory } from '../../../src/platforms/magento/directory.js';

const standard = standardMagentoDirectory();
const row = (country: string, id: number) => standard.byId(country, id);

describe('Magento standard-install region ids (InitializeDirectoryData order)', () => {
  it.each([
    ['US', 1, 'AL', 'Alabama'], ['US', 2, 'AK', 'Alaska'], ['US', 3, 'AS', 'American Samoa'], ['US', 6, 'AE', 'Armed Forces Africa'], ['US', 9, 'AE', 'Armed Forces Europe'],
    ['US', 12, 'CA', 'California'], ['US', 30, 'MH', 'Marshall Islands'], ['US', 43, 'NY', 'New York'], ['US', 57, 'TX', 'Texas'], ['US', 65, 'WY', 'Wyoming'],
    ['CA', 66, 'AB', 'Alberta'], ['CA', 69, 'NL', 'Newfoundland and Labrador'], ['CA', 70, 'NB', 'New Brunswick'], ['CA', 74, 'ON', 'Ontario'], ['CA', 76, 'QC', 'Quebec'], ['CA', 78, 'YT', 'Yukon Territory'],
    ['DE', 79, 'NDS', 'Niedersachsen'], ['DE', 82, 'BER', 'Berlin'], ['DE', 94, 'THE', 'Thüringen'], ['AT', 95, 'WI', 'Wien'], ['AT', 103, 'VB', 'Vorarlberg'],
    ['CH', 104, 'AG', 'Aargau'], ['CH', 129, 'ZH', 'Zürich'], ['ES', 130, 'A Coruca', 'A Coruña'], ['ES', 181, 'Zaragoza', 'Zaragoza'],
    ['FR', 182, '1', 'Ain'], ['FR', 201, '2A', 'Corse-du-Sud'], ['FR', 257, '75', 'Paris'], ['FR', 277, '95', "Val-d'Oise"],
  ])('%s %i is %s %s', (country, id, code, name) => {
    expect(row(country, id)).toMatchObject({ code, name });
  });

  it('has the shape of GET /V1/directory/countries, ids as strings, numbered 1..277 without gaps', () => {
    const ids = MAGENTO_STANDARD_REGIONS.flatMap((c) => (c.available_regions ?? []).map((r) => Number(r.id)));
    expect(ids).toEqual(Array.from({ length: 277 }, (_, i) => i + 1));
    expect(MAGENTO_STANDARD_REGIONS.map((c) => c.id)).toEqual(['US', 'CA', 'DE', 'AT', 'CH', 'ES', 'FR']);
  });

  it('maps every row to one ISO subdivision, except the US military and freely associated states', () => {
    const unmapped = standard.regions('US').filter((r) => !r.sub).map((r) => r.code);
    expect(unmapped.sort()).toEqual(['AA', 'AE', 'AE', 'AE', 'AE', 'AP', 'FM', 'MH', 'PW']);
    for (const country of ['CA', 'DE', 'AT', 'CH', 'ES', 'FR']) {
      const rows = standard.regions(country);
      expect(rows.every((r) => r.sub), country).toBe(true);
      expect(new Set(rows.map((r) => r.sub)).size, `${country}: one row per subdivision`).toBe(rows.length);
    }
  });

  it('finds the row of a region by ISO code, name, alias or install code; a shared code needs a name', () => {
    expect(standard.find('US', { code: 'CA' })?.id).toBe(12);
    expect(standard.find('US', { name: 'texas' })?.id).toBe(57);
    expect(standard.find('DE', { code: 'BE', name: 'Berlin' })?.id).toBe(82);
    expect(standard.find('DE', { code: 'BER' })?.id).toBe(82);
    expect(standard.find('AT', { name: 'Vienna' })?.id).toBe(95);
    expect(standard.find('FR', { code: '75C' })?.id).toBe(257);
    expect(standard.find('US', { code: 'AE' })).toBeUndefined();
    expect(standard.find('US', { code: 'AE', name: 'Armed Forces Europe' })?.id).toBe(9);
    expect(standard.find('AU', { code: 'VIC' })).toBeUndefined(); // Australia's regions come from a later patch: no id
  });
});

describe('Magento directories the caller gives', () => {
  it('reads the output of GET /V1/directory/countries', () => {
    const shop = magentoDirectory([
      { id: 'AU', available_regions: [{ id: '569', code: 'VIC', name: 'Victoria' }, { id: '570', code: 'NSW', name: 'New South Wales' }] },
      { id: 'NZ', available_regions: null },
    ]);
    expect(shop.find('AU', { code: 'Vic' })).toMatchObject({ id: 569, code: 'VIC', name: 'Victoria' });
    expect(shop.find('AU', { name: 'New South Wales' })?.id).toBe(570);
    expect(shop.has('NZ')).toBe(false);
  });

  it('maps group names to ids ignoring case and accents; a name two groups share gives no id', () => {
    const groups = new GroupDirectory([{ id: 1, name: 'General' }, { id: 2, name: 'Wholesale' }, { id: 7, name: 'VIP' }, { id: 8, name: 'vip' }]);
    expect([groups.id('wholesale'), groups.name(1), groups.id('VIP'), groups.id('Retail')]).toEqual([2, 'General', undefined, undefined]);
  });
});
