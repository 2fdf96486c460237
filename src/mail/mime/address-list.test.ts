import { describe, expect, it } from 'vitest';

import { parseAddressList } from './address-list.js';
import { FlagList } from './flag-list.js';

describe('parseAddressList', () => {
  it('decodes a display name split inside a character', () => {
    const list = parseAddressList('=?UTF-8?B?Vmnhuw==?= =?UTF-8?B?h3QgTmFt?= <vn@lamdong.gov.vn>', new FlagList(), 'From');

    expect(list).toEqual([{ name: 'Việt Nam', address: 'vn@lamdong.gov.vn' }]);
  });

  it('keeps a decoded comma inside one name', () => {
    const list = parseAddressList('=?utf-8?Q?Nguy=E1=BB=85n=2C_V=C4=83n?= <a@x.vn>, b@x.vn', new FlagList(), 'To');

    expect(list).toEqual([
      { name: 'Nguyễn, Văn', address: 'a@x.vn' },
      { name: '', address: 'b@x.vn' },
    ]);
  });

  it('decodes encoded words inside quotes', () => {
    expect(parseAddressList('"=?utf-8?Q?S=E1=BB=9F_Y_t=E1=BA=BF?=" <soyte@x.vn>', new FlagList(), 'From')[0]!.name).toBe('Sở Y tế');
  });

  it('flattens groups and drops empty ones', () => {
    const list = parseAddressList('Sở ngành: a@x.vn, b@x.vn;, undisclosed-recipients:;', new FlagList(), 'To');

    expect(list.map((entry) => entry.address)).toEqual(['a@x.vn', 'b@x.vn']);
  });
});
