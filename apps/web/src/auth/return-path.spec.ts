import { HOME_PATH, safeReturnPath, signInPathFor } from './return-path';

describe('return path after sign-in', () => {
  it('keeps a route inside the console, with its query', () => {
    expect(safeReturnPath('/users?dialog=new')).toBe('/users?dialog=new');
    expect(safeReturnPath('/audit')).toBe('/audit');
  });

  it('refuses anything that could leave the console', () => {
    for (const bad of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'users', '', null, undefined, '/x\u0000y']) {
      expect(safeReturnPath(bad)).toBe(HOME_PATH);
    }
  });

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnPath('/sign-in?next=/users')).toBe(HOME_PATH);
  });

  it('builds the sign-in link', () => {
    expect(signInPathFor('/users?dialog=new', 'expired')).toBe('/sign-in?next=%2Fusers%3Fdialog%3Dnew&reason=expired');
    expect(signInPathFor('/queue')).toBe('/sign-in');
  });
});
