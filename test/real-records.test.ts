// Issue 10: records shaped like the ones shops really hold (guests without names, WebCommander
// addresses typed and without ids, values with white space around them).
import { describe, expect, it } from 'vitest';
import { convert, platforms, requiredDefaults, safeConvert, type PlatformId } from '../src/index.js';

// A Magento customer as `GET /V1/customers/{id}` returns it.
const magentoCustomer = {
  id: 12, group_id: 1, created_at: '2024-03-01 10:00:00', updated_at: '2024-03-01 10:00:00', created_in: 'Default Store View',
  email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', store_id: 1, website_id: 1, disable_auto_group_change: 0,
  addresses: [
    {
      id: 7, customer_id: 12, region: { region_code: 'VIC', region: 'Victoria', region_id: 0 }, region_id: 0, country_id: 'AU',
      street: ['1 Collins St'], telephone: '03 9123 4567', postcode: '3000', city: 'Melbourne', firstname: 'Ana', lastname: 'Lima',
      default_billing: true, default_shipping: true,
    },
  ],
};

describe('required-and-never-held values are known up front (requiredDefaults)', () => {
  it('names, for each pair, the shop values the target requires and no source record holds', () => {
    const table = Object.fromEntries(
      platforms.flatMap((from) => platforms.map((to) => [`${from} -> ${to}`, requiredDefaults(from, to).map((v) => v.key)] as const)).filter(([, keys]) => keys.length > 0),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "enterprise-v1 -> magento": [
          "website_id",
        ],
        "magento -> enterprise-v1": [
          "enterprise_id",
        ],
        "medusa -> enterprise-v1": [
          "enterprise_id",
        ],
        "medusa -> magento": [
          "website_id",
        ],
        "v4 -> enterprise-v1": [
          "enterprise_id",
        ],
        "v4 -> magento": [
          "website_id",
        ],
      }
    `);
  });

  it('each value named is one the conversion fails without and converts with', () => {
    for (const from of platforms) {
      for (const to of platforms) {
        for (const v of requiredDefaults(from, to)) {
          const without = safeConvert(magentoCustomer, { from: 'magento', to, defaults: {} });
          if (from === 'magento') {
            expect(without.success).toBe(false);
            if (!without.success) expect(without.error.issues.map((i) => i.path)).toContainEqual([v.key]);
          }
          expect(safeConvert(magentoCustomer, { from: 'magento', to, defaults: { [v.key]: v.example } as never }).success).toBe(true);
        }
      }
    }
  });

  it("convert's issue names the way out: give it in defaults", () => {
    const result = safeConvert(magentoCustomer, { from: 'magento', to: 'enterprise-v1' });
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required: magento records never hold enterprise_id (the Open Food Network shop (enterprise) the customer belongs to (required in records)): give it in \`defaults\` (e.g. \`defaults: { enterprise_id: 42 }\`)",
          "path": [
            "enterprise_id",
          ],
        },
      ]
    `);
  });

  it('is empty for a platform to itself, and throws a named error for an unknown platform', () => {
    for (const p of platforms) expect(requiredDefaults(p, p)).toStrictEqual([]);
    expect(() => requiredDefaults('shopify' as PlatformId, 'magento')).toThrowErrorMatchingInlineSnapshot(`[UnknownPlatformError: Unknown platform "shopify"; expected one of: magento, medusa, v4, enterprise-v1]`);
    expect(convert(magentoCustomer, { from: 'magento', to: 'magento' }).data).toStrictEqual(magentoCustomer);
  });
});
