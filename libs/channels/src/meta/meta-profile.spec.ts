import { profileName } from './meta-profile.client.js';

describe('profileName (User Profile API answers)', () => {
  it.each([
    ['facebook', { first_name: 'نورة', last_name: 'القحطاني', id: '2468' }, 'نورة القحطاني'],
    ['facebook', { first_name: ' Peter ', id: '2468' }, 'Peter'],
    ['facebook', { name: 'Peter Chang', id: '2468' }, 'Peter Chang'],
    ['instagram', { name: 'Sara  Alharbi', username: 'sara.h', id: '1357' }, 'Sara Alharbi'],
    ['instagram', { name: null, username: 'abu_fahad_1990', id: '1357' }, 'abu_fahad_1990'],
  ] as const)('%s %j → %s', (platform, body, name) => {
    expect(profileName(platform, body)).toBe(name);
  });

  it.each([
    ['facebook', {}],
    ['facebook', { id: '2468' }],
    ['instagram', { name: '', username: '  ', id: '1357' }],
    ['instagram', null],
    ['facebook', 'not json'],
  ] as const)('%s %j → no name (Meta may not show the profile)', (platform, body) => {
    expect(profileName(platform, body)).toBeNull();
  });

  it('keeps a name to 200 characters', () => {
    expect(profileName('instagram', { name: 'ا'.repeat(500) })).toHaveLength(200);
  });
});
