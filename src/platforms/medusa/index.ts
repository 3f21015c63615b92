// STUB: replaced by the real platform definition.
import { z } from 'zod';
import { defineTable } from '../../core/mapping.js';
import { definePlatform } from '../../core/platform.js';

const record = z.looseObject({});
export const medusa = definePlatform({
  id: 'medusa',
  label: 'medusa',
  source: '',
  record,
  customer: defineTable('customer', record, []),
  tables: [],
  payloads: [],
  requests: {
    create: { schema: z.unknown(), build: (r) => r, acceptsPassword: false, note: '' },
    update: { schema: z.unknown(), build: (r) => r, acceptsPassword: false, note: '' },
  },
  decisions: [],
});
