import { enterpriseV1 } from './enterprise-v1/index.js';
import { magento } from './magento/index.js';
import { medusa } from './medusa/index.js';
import { medusaV2 } from './medusa-v2/index.js';
import { v4 } from './v4/index.js';

/** Every platform shape, keyed by id. Adding a platform adds its folder and one line here. */
export const registry = {
  magento,
  medusa,
  v4,
  'enterprise-v1': enterpriseV1,
  'medusa-v2': medusaV2,
} as const;
