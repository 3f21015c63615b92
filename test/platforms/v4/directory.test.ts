import { describe, expect, it } from 'vitest';
import { CountryDirectory } from '../../../src/core/geo/directories.js';
import { v4StateDirectory } from '../../../src/platforms/v4/directory.js';

describe('WebCommander directories the caller gives', () => {
  it('maps v4 country and state ids both ways, codes in any form', () => {
    const countries = new CountryDirectory([{ id: 13, code: 'AUS' }, { id: 81, code: 'de' }]);
    expect([countries.id('AU'), countries.id('DE'), countries.country(13)]).toEqual([13, 81, 'AU']);
    const states = v4StateDirectory([{ id: 244, country: 'AU', code: 'NSW' }, { id: 245, country: 'au', name: 'Victoria' }]);
    expect(states.find('AU', { code: 'NSW', name: 'New South Wales' })?.id).toBe(244);
    expect(states.find('AU', { code: 'VIC' })?.id).toBe(245);
  });
});
