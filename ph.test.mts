import { toE164 } from './src/core/phones.ts';
console.log(toE164(' 0412 345 678', 'AU'), toE164('0412 345 678 ', 'AU'), toE164(' +61 412 345 678', 'AU'), toE164('\t03 9123 4567\u00a0', 'AU'));
