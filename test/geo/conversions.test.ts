import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, decode, encode, InvalidOptionError, type Loss } from '../../src/index.js';
import { subdivisionByName, subdivisionsOf } from '../../src/core/geo/regions.js';

const magentoAddress = (extra: Record<string, unknown>) => ({
  firstname: 'Tom', lastname: 'Baker', street: ['Friedrichstraße 68'], telephone: '+49 30 1234567', city: 'Berlin', postcode: '10117', country_id: 'DE', ...extra,
});
const magento = (...addresses: Record<string, unknown>[]) => ({ email: 'tom@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1, addresses });
const medusa = (...shipping_addresses: Record<string, unknown>[]) => ({ email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', shipping_addresses });
const ofnAddress = (extra: Record<string, unknown>) => ({
  phone: '03 9123 4567', first_name: 'Mia', last_name: 'Chen', street_address_1: '22 Collins St', postal_code: '3000', locality: 'Melbourne', country: { code: 'AU', name: 'Australia' }, ...extra,
});
const ofn = (shipping: Record<string, unknown>) => ({ email: 'mia@example.org', enterprise_id: 42, first_name: 'Mia', last_name: 'Chen', shipping_address: shipping });
const v4 = (...addresses: Record<string, unknown>[]) => ({ email: 'liam@example.com.au', addresses });
const defaults = { magento: { website_id: 1 }, 'enterprise-v1': { enterprise_id: 42 } } as const;
const paths = (losses: Loss[]): [string, string][] => losses.map((l) => [l.code, l.path.join('.')]);

describe('own spellings come back exactly to their platform', () => {
  it.each([
    ['magento', magento(magentoAddress({ country_id: 'de', region: { region_code: 'BER', region: 'Berlin', region_id: 82 }, region_id: 82 }))],
    ['magento', magento(magentoAddress({ region: { region_code: 'BY', region: 'Bavaria' } }))],
    ['magento', magento(magentoAddress({ country_id: 'US', region: { region_code: 'AE', region: 'Armed Forces Europe', region_id: 9 } }))],
    ['magento', magento(magentoAddress({ region: { region_code: '', region: 'Berlin', region_id: 0 }, region_id: 0 }))],
    ['medusa', medusa({ country_code: 'AU', province: 'nsw' }, { country_code: 'us', province: 'CA' }, { country_code: 'au', province: 'Somewhere' })],
    ['enterprise-v1', ofn(ofnAddress({ region: { code: 'Vic' } }))],
    ['enterprise-v1', ofn(ofnAddress({ country: { name: 'australia' }, region: { name: 'victoria', code: '' } }))],
    ['enterprise-v1', ofn(ofnAddress({ country: { code: 'AUS', name: 'Australien' } }))],
    ['v4', v4({ country: { id: 13, code: 'aus' }, state: { id: 244, code: 'nsw', name: 'NSW' } }, { country: { name: 'Deutschland' }, state: { name: 'Bavaria' } })],
  ] as const)('%s %#', (platform, record) => {
    const { data } = decode(platform, record);
    expect(encode(platform, data)).toStrictEqual({ data: record, losses: [] });
  });
});

describe('countries between platforms', () => {
  it('writes the platform form of a country read in another form', () => {
    const from = v4({ country: { code: '036' } }, { country: { name: 'Deutschland', code: null } });
    // Without residue: the platform forms only (with it, v4 would get its own spellings back).
    const { data } = convert(from, { from: 'v4', to: 'medusa', residue: false });
    expect(data.shipping_addresses?.map((a) => a.country_code)).toEqual(['au', 'de']);
    const back = convert(data, { from: 'medusa', to: 'v4' }).data;
    expect(back.addresses?.map((a) => a.country)).toEqual([{ code: 'AU', name: 'Australia' }, { code: 'DE', name: 'Germany' }]);
  });

  it('reports the country id v4 needs and no lookup gives, and fills it from one', () => {
    const from = medusa({ country_code: 'au' });
    expect(paths(convert(from, { from: 'medusa', to: 'v4' }).losses)).toContainEqual(['unreferenceable', 'shipping_addresses.0.country_code']);
    const withLookup = convert(from, { from: 'medusa', to: 'v4', platformOptions: { v4: { countries: [{ id: 13, code: 'AU' }] } } });
    expect(withLookup.data.addresses?.[0]?.country).toEqual({ id: 13, code: 'AU', name: 'Australia' });
    expect(withLookup.losses).toEqual([]);
  });
});

describe('regions between platforms', () => {
  it('fills Magento region code, name and standard region id from a Medusa province name', () => {
    const { data, losses } = convert(medusa({ country_code: 'us', province: 'California', first_name: 'A', last_name: 'B', address_1: '1 Main St', city: 'LA', postal_code: '90001', phone: '555' }), {
      from: 'medusa', to: 'magento', defaults: defaults.magento,
    });
    expect(data.addresses?.[0]).toMatchObject({ region: { region_code: 'CA', region: 'California', region_id: 12 }, region_id: 12, country_id: 'US' });
    expect(paths(losses).filter(([, p]) => p.includes('province'))).toEqual([]);
  });

  it('writes the shop\'s own codes, names and ids from `platformOptions.magento.regions`', () => {
    const regions = [{ id: 'AU', available_regions: [{ id: '569', code: 'VIC', name: 'Victoria' }] }, { id: 'DE', available_regions: [{ id: '82', code: 'BER', name: 'Berlin' }] }];
    const from = ofn(ofnAddress({ region: { code: 'Vic' } }));
    const { data } = convert(from, { from: 'enterprise-v1', to: 'magento', defaults: defaults.magento, platformOptions: { magento: { regions } } });
    expect(data.addresses?.[0]).toMatchObject({ region: { region_code: 'VIC', region: 'Victoria', region_id: 569 }, region_id: 569 });
    // Without the table Australia has no standard-install ids: no id is guessed.
    const plain = convert(from, { from: 'enterprise-v1', to: 'magento', defaults: defaults.magento }).data.addresses?.[0];
    expect(plain?.region).toEqual({ region_code: 'VIC', region: 'Victoria' });
    expect(plain).not.toHaveProperty('region_id');
  });

  it('reads a Magento install code and writes the ISO code elsewhere; a standard region id is derivable, another is server data', () => {
    const standard = magento(magentoAddress({ region: { region_code: 'BER', region: 'Berlin', region_id: 82 }, region_id: 82, default_billing: true }));
    const r1 = convert(standard, { from: 'magento', to: 'enterprise-v1', defaults: defaults['enterprise-v1'] });
    expect(r1.data.billing_address?.region ?? r1.data.shipping_address?.region).toEqual({ code: 'BE', name: 'Berlin' });
    expect(paths(r1.losses).filter(([, p]) => p.includes('region'))).toEqual([]);
    const shop = magento(magentoAddress({ region: { region_code: 'BER', region: 'Berlin', region_id: 1082 }, region_id: 1082, default_billing: true }));
    const r2 = convert(shop, { from: 'magento', to: 'enterprise-v1', defaults: defaults['enterprise-v1'] });
    expect(paths(r2.losses)).toEqual(expect.arrayContaining([['server_assigned', 'addresses.0.region.region_id'], ['server_assigned', 'addresses.0.region_id']]));
  });

  it('writes Open Food Network abbreviations as ISO codes with names, and the name alone to Medusa', () => {
    const from = ofn(ofnAddress({ region: { code: 'Qld' } }));
    expect(convert(from, { from: 'enterprise-v1', to: 'medusa' }).data.shipping_addresses?.[0]?.province).toBe('Queensland');
    expect(convert(from, { from: 'enterprise-v1', to: 'v4' }).data.addresses?.[0]?.state).toEqual({ code: 'QLD', name: 'Queensland' });
  });

  it('keeps unknown text as written with a not_normalised notice that does not quote it', () => {
    const from = medusa({ country_code: 'au', province: 'Outback Station 7' });
    const { data, losses } = convert(from, { from: 'medusa', to: 'v4' });
    expect(data.addresses?.[0]?.state).toEqual({ name: 'Outback Station 7' });
    const notice = losses.find((l) => l.code === 'not_normalised');
    expect(notice).toMatchObject({ path: ['shipping_addresses', 0, 'province'], message: expect.stringContaining('not a known subdivision of AU') });
    expect(notice?.message).not.toContain('Outback');
  });

  it('reports a code Medusa cannot hold next to an unknown name, and nothing for a known one', () => {
    const unknown = convert(v4({ country: { code: 'AU' }, state: { code: 'XX', name: 'Nowhere' } }), { from: 'v4', to: 'medusa', residue: false });
    expect(paths(unknown.losses)).toEqual(expect.arrayContaining([['not_representable', 'addresses.0.state.code'], ['not_normalised', 'addresses.0.state']]));
    const known = convert(v4({ country: { code: 'AU' }, state: { code: 'NSW', name: 'New South Wales' } }), { from: 'v4', to: 'medusa', residue: false });
    expect(paths(known.losses).filter(([, p]) => p.startsWith('addresses.0.state'))).toEqual([]);
  });

  it('writes Medusa\'s province as the code when another subdivision has the same name', () => {
    const customer = { email: 'a@example.com', addresses: [{ countryCode: 'ES', administrativeArea: { code: 'S', name: 'Cantabria' } }] };
    const { data, losses } = encode('medusa', customer);
    expect(data.shipping_addresses?.[0]?.province).toBe('S');
    expect(losses).toEqual([]);
    expect(decode('medusa', data).data.addresses?.[0]?.administrativeArea).toMatchObject({ code: 'S', name: 'Cantabria' });
  });

  it('names a region id v4 needs and no lookup gives', () => {
    const from = medusa({ country_code: 'au', province: 'NSW' });
    expect(paths(convert(from, { from: 'medusa', to: 'v4' }).losses)).toContainEqual(['unreferenceable', 'shipping_addresses.0.province']);
    const states = [{ id: 244, country: 'AU', code: 'NSW' }];
    const { data, losses } = convert(from, { from: 'medusa', to: 'v4', platformOptions: { v4: { states, countries: [{ id: 13, code: 'AU' }] } } });
    expect(data.addresses?.[0]?.state).toEqual({ id: 244, code: 'NSW', name: 'New South Wales' });
    expect(losses).toEqual([]);
  });

  it('for every subdivision of the listed countries, Open Food Network -> Medusa -> Magento keeps it', () => {
    const countries = ['US', 'CA', 'AU', 'NZ', 'DE', 'AT', 'CH', 'FR', 'ES', 'IT', 'GB', 'IE', 'BR', 'MX', 'IN'];
    const sub = fc.constantFrom(...countries).chain((c) => fc.constantFrom(...subdivisionsOf(c)));
    fc.assert(
      fc.property(sub, fc.constantFrom('code', 'name'), (s, member) => {
        const from = ofn(ofnAddress({ country: { code: s.country }, region: { [member]: member === 'code' ? s.code.toLowerCase() : s.name } }));
        // A name two subdivisions share reads as the first-level one (documented); a code as itself.
        const read = decode('enterprise-v1', from).data.addresses?.[0]?.administrativeArea;
        expect(read?.code).toBe(member === 'code' ? s.code : subdivisionByName(s.country, s.name)?.code);
        const there = convert(from, { from: 'enterprise-v1', to: 'medusa' }).data;
        const back = decode('medusa', there).data.addresses?.[0]?.administrativeArea;
        expect(back).toMatchObject({ code: read?.code, name: read?.name });
        const mage = convert({ ...there, shipping_addresses: there.shipping_addresses?.map((a) => ({ ...a, first_name: 'A', last_name: 'B', city: 'X', address_1: '1 St' })) }, {
          from: 'medusa', to: 'magento', defaults: defaults.magento,
        }).data;
        expect(decode('magento', mage).data.addresses?.[0]?.administrativeArea).toMatchObject({ code: read?.code, name: read?.name });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Magento customer groups', () => {
  const groups = [{ id: 1, name: 'General' }, { id: 2, name: 'Wholesale' }];

  it('reads a group name from `platformOptions.magento.groups` and writes a named group by its id', () => {
    const { data } = decode('magento', { ...magento(), group_id: 2 }, { platformOptions: { magento: { groups } } });
    expect(data.groups).toEqual([{ ids: { magento: 2 }, name: 'Wholesale' }]);
    const from = { email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', groups: [{ id: 'cgrp_1', name: 'wholesale' }] };
    const converted = convert(from, { from: 'medusa', to: 'magento', defaults: defaults.magento, platformOptions: { magento: { groups } } });
    expect(converted.data.group_id).toBe(2);
    expect(paths(converted.losses)).toEqual([['server_assigned', 'groups.0.id']]);
  });

  it('reports a group it cannot refer to without the lookup', () => {
    const from = { email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', groups: [{ id: 'cgrp_1', name: 'Wholesale' }] };
    const { data, losses } = convert(from, { from: 'medusa', to: 'magento', defaults: defaults.magento });
    expect(data).not.toHaveProperty('group_id');
    expect(paths(losses)).toEqual([['unreferenceable', 'groups.0']]);
  });

  it('comes back exactly with the lookup', () => {
    const record = { ...magento(), group_id: 2 };
    const options = { platformOptions: { magento: { groups } } };
    expect(encode('magento', decode('magento', record, options).data, options)).toStrictEqual({ data: record, losses: [] });
  });
});

describe('lookup options', () => {
  it.each([
    [{ magento: { regions: [{ id: 'US', available_regions: [{ id: 'twelve', code: 'CA', name: 'California' }] }] } }],
    [{ magento: { groups: [{ id: '1', name: 'General' }] } }],
    [{ v4: { countries: [{ id: 13 }] } }],
    [{ v4: { states: [{ id: 1, code: 'NSW' }] } }],
    [{ v4: { cities: [] } }],
  ])('refuses a malformed table %j', (platformOptions) => {
    const to = Object.keys(platformOptions)[0] as 'magento' | 'v4';
    expect(() => convert(medusa(), { from: 'medusa', to, platformOptions } as never)).toThrow(InvalidOptionError);
  });
});
