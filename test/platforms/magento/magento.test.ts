import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionError, decode, encode, InvalidOptionError, safeDecode, toRequest, unwrap } from '../../../src/index.js';
import { record } from '../../arbitraries/magento.js';

const [maria] = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/magento.json'), 'utf8')) as Record<string, unknown>[];
const tom = {
  id: 342, group_id: 2, default_billing: '589', default_shipping: '589',
  created_at: '2024-05-02 18:45:10', updated_at: '2024-05-03 09:12:44', created_in: 'Default Store View',
  email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', store_id: 1, taxvat: 'DE811907980', website_id: 1,
  addresses: [{
    id: 589, customer_id: 342, region: { region_code: 'BER', region: 'Berlin', region_id: 82 }, region_id: 82,
    country_id: 'DE', street: ['Friedrichstraße 68'], telephone: '+49 30 1234567', postcode: '10117', city: 'Berlin',
    firstname: 'Tom', lastname: 'Baker', default_shipping: true, default_billing: true,
  }],
  disable_auto_group_change: 0,
  custom_attributes: [{ attribute_code: 'loyalty_tier', value: 'gold' }],
};
const minimal = { email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1 };

describe('magento records (reference examples)', () => {
  it.each([
    ['GET response with two addresses (magento.md 9.2)', maria!],
    ['search result item with one default address (9.5)', tom],
    ['minimal customer (9.3)', minimal],
  ])('%s comes back exactly', (_name, rec) => {
    const { data } = decode('magento', rec);
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('decodes the documented concepts to their canonical places', () => {
    const { data } = decode('magento', maria);
    expect(data).toMatchObject({
      ids: { magento: 341 },
      email: 'maria.lopez@example.com',
      name: { given: 'María', family: 'López', middle: 'J.', prefix: 'Ms.' },
      gender: 'female',
      birthDate: '1988-07-14',
      createdAt: '2024-05-02T18:41:07Z',
      newsletterSubscribed: true,
      groups: [{ ids: { magento: 1 } }],
    });
    expect(data.addresses?.[0]).toMatchObject({
      lines: ['1450 Ocean Park Blvd', 'Suite 210'],
      locality: 'Santa Monica',
      administrativeArea: { code: 'CA', name: 'California' },
      postalCode: '90405',
      countryCode: 'US',
      organization: 'Sunset Ceramics LLC',
      defaultBilling: true,
    });
    expect(data.addresses?.[1]).toMatchObject({ defaultShipping: true });
    expect(data.platformData?.magento).toMatchObject({ created_in: 'Default Store View', website_id: 1, default_billing: '587' });
  });

  it.each([
    [0, { gender: 0 }],
    [7, { gender: 7 }],
  ])('keeps an unknown gender id (%s) as Magento data instead of guessing', (_id, extra) => {
    const { data } = decode('magento', { ...minimal, ...extra });
    expect(data.gender).toBeUndefined();
    expect(data.platformData?.magento?.gender).toBe(extra.gender);
  });

  it('reports sub-second timestamps it had to round when encoding', () => {
    const { data, losses } = encode('magento', { ...decode('magento', minimal).data, createdAt: '2024-05-02T01:20:11.412Z' });
    expect(data.created_at).toBe('2024-05-02 01:20:11');
    expect(losses).toEqual([expect.objectContaining({ code: 'value_changed', path: ['createdAt'] })]);
  });

  it('holds every generated record exactly (local check; the shared law suite runs more)', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(encode('magento', decode('magento', r).data).data).toStrictEqual(r);
      }),
      { numRuns: 200 },
    );
  });
});

describe('magento validation', () => {
  const issues = (rec: unknown) => {
    const r = safeDecode('magento', rec);
    return r.success ? [] : r.error.issues;
  };

  it('names every missing required field', () => {
    expect(issues({ email: 'not-an-email', addresses: [{ street: [] }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_email",
          "message": "Invalid email address",
          "path": [
            "email",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "firstname",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "lastname",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "website_id",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "addresses",
            0,
            "country_id",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "addresses",
            0,
            "street",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "addresses",
            0,
            "city",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "addresses",
            0,
            "firstname",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "addresses",
            0,
            "lastname",
          ],
        },
      ]
    `);
  });

  it('rejects wrong types and a country that is not ISO 3166-1', () => {
    expect(
      issues({ ...minimal, gender: 'femme', website_id: '1', addresses: [{ ...tom.addresses[0], country_id: 'Germany' }] }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "Not a gender option: a number (the option id), or text as Magento's CSV files hold it: "Male", "Female", "Not Specified" (in any case) or an option id (0, 1, 2, 3)",
          "path": [
            "gender",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected number, received string",
          "path": [
            "website_id",
          ],
        },
        {
          "code": "invalid_country",
          "message": "Not an ISO 3166-1 alpha-2 country code",
          "path": [
            "addresses",
            0,
            "country_id",
          ],
        },
      ]
    `);
  });

  it('requires a postcode except in optional-zip countries', () => {
    const { postcode: _p, ...address } = tom.addresses[0]!;
    expect(issues({ ...minimal, addresses: [address, { ...address, country_id: 'IE' }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required",
          "path": [
            "addresses",
            0,
            "postcode",
          ],
        },
      ]
    `);
  });

  it('checks the column sizes (prefix 40, taxvat 50)', () => {
    expect(issues({ ...minimal, prefix: 'x'.repeat(41), taxvat: 'y'.repeat(51) })).toMatchInlineSnapshot(`
      [
        {
          "code": "too_long",
          "message": "Too big: expected string to have <=40 characters",
          "path": [
            "prefix",
          ],
        },
        {
          "code": "too_long",
          "message": "Too big: expected string to have <=50 characters",
          "path": [
            "taxvat",
          ],
        },
      ]
    `);
  });

  it('throws ConversionError from the throwing API', () => {
    expect(() => decode('magento', { email: 'x' })).toThrow(ConversionError);
  });
});

describe('magento payloads', () => {
  it('unwraps a search result and a single customer', () => {
    expect(unwrap('magento', { items: [tom, minimal], search_criteria: { page_size: 20 }, total_count: 2 })).toEqual([tom, minimal]);
    expect(unwrap('magento', maria)).toEqual([maria]);
  });

  it('builds a create body without server-assigned fields, with the password beside the customer', () => {
    const body = toRequest('magento', 'create', tom, { password: 'Cl4y&Glaze2024' }) as { customer: Record<string, unknown>; password: string };
    expect(Object.keys(body)).toEqual(['customer', 'password']);
    expect(body.customer).not.toHaveProperty('id');
    for (const k of ['created_at', 'updated_at', 'created_in', 'default_billing', 'default_shipping']) expect(body.customer).not.toHaveProperty(k);
    expect((body.customer.addresses as Record<string, unknown>[])[0]).not.toHaveProperty('id');
    expect((body.customer.addresses as Record<string, unknown>[])[0]).not.toHaveProperty('customer_id');
    expect(body.customer).toMatchObject({ email: tom.email, website_id: 1, group_id: 2, taxvat: 'DE811907980' });
  });

  it('builds an update body that keeps the customer and address ids', () => {
    const body = toRequest('magento', 'update', tom) as { customer: Record<string, unknown> };
    expect(body.customer.id).toBe(342);
    expect((body.customer.addresses as Record<string, unknown>[])[0]?.id).toBe(589);
    expect(() => toRequest('magento', 'update', tom, { password: 'x' })).toThrow(InvalidOptionError);
  });
});
