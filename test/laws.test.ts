import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, it } from 'vitest';
import { platforms, type PlatformId } from '../src/index.js';
import { customer } from './arbitraries/canonical.js';
import { assertCanonicalRoundTrip, assertCrossRoundTrip, assertLossCompleteness, assertMostlyApplies, assertRecordRoundTrip } from './laws.js';
import { recordsOf } from './arbitraries/index.js';

const RUNS = 1000;

describe.each(platforms)('laws for %s', (p) => {
  test.prop([recordsOf(p)], { numRuns: RUNS })(`encode(decode(r)) == r for ${RUNS} generated records`, (r) => {
    assertRecordRoundTrip(p, r);
  });

  it(`decode(encode(c)) == c for ${RUNS} canonical customers, cut to what ${p} holds`, () => {
    assertMostlyApplies(customer, (c) => assertCanonicalRoundTrip(p, c), RUNS, 0.9);
  });

  describe.each(platforms.filter((q) => q !== p))(`${p} -> %s`, (q) => {
    it('every source value reaches the target or is named in losses', () => {
      assertMostlyApplies(recordsOf(p), (r) => assertLossCompleteness(p, q, r), RUNS / 2, 0.2);
    });

    it(`${p} -> q -> ${p} keeps every value both hold`, () => {
      assertMostlyApplies(recordsOf(p), (r) => assertCrossRoundTrip(p, q, r), RUNS / 2, 0.2);
    });
  });
});
