import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codecOf, decode, encode, platforms } from '../src/index.js';

const examples = platforms.flatMap((p) =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', `${p}.json`), 'utf8')) as unknown[]).map(
    (record, i) => [p, i + 1, record] as const,
  ),
);

describe('the zod codec of each platform is the same description as decode / encode', () => {
  it.each(examples)('%s example %i', (p, _i, record) => {
    const codec = codecOf(p);
    const canonical = z.decode(codec, record as never);
    expect(canonical).toStrictEqual(decode(p, record).data);
    expect(z.encode(codec, canonical)).toStrictEqual(encode(p, canonical).data);
    expect(z.encode(codec, canonical)).toStrictEqual(record);
  });

  it('rejects an invalid record through zod with the record path', () => {
    const result = z.safeDecode(codecOf('magento'), { email: 'x' } as never);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(['email']);
  });
});
