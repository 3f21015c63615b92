import type fc from 'fast-check';
import type { PlatformId } from '../../src/index.js';
import * as enterpriseV1 from './enterprise-v1.js';
import * as magento from './magento.js';
import * as medusa from './medusa.js';
import * as medusaV2 from './medusa-v2.js';
import * as v4 from './v4.js';

/** What a platform's arbitraries file (`test/arbitraries/<id>.ts`) exports. */
export interface PlatformArbitraries {
  /** Valid records of the platform, as its API returns them. */
  readonly record: fc.Arbitrary<Record<string, unknown>>;
  /** Valid addresses of a record. */
  readonly address: fc.Arbitrary<Record<string, unknown>>;
}

/**
 * The arbitraries of each registered platform, keyed by registry id: the laws and every
 * cross-cutting test read them from here, and test/registry.test.ts fails when a registered
 * platform has none. A new platform adds its file and one line here.
 */
export const arbitraries: Readonly<Partial<Record<PlatformId, PlatformArbitraries>>> = {
  magento,
  medusa,
  v4,
  'enterprise-v1': enterpriseV1,
  'medusa-v2': medusaV2,
};

/** The record arbitrary of a platform; throws for a platform without arbitraries. */
export function recordsOf(platform: PlatformId): fc.Arbitrary<Record<string, unknown>> {
  const own = arbitraries[platform];
  if (!own) throw new Error(`no arbitraries for platform ${platform}: add test/arbitraries/${platform}.ts and its line in test/arbitraries/index.ts`);
  return own.record;
}
