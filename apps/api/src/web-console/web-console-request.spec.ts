import { cacheControlFor, isConsoleRequest, looksLikeFile } from './web-console-request.js';
import { resolveWebConsoleRoot } from './web-console-root.js';

describe('which requests the web console answers', () => {
  it('answers GET and HEAD outside the api, webhooks and health', () => {
    for (const path of ['/', '/queue', '/users', '/assets/index-abc.js', '/apidocs', '/healthy']) {
      expect(isConsoleRequest('GET', path)).toBe(true);
    }
    expect(isConsoleRequest('HEAD', '/users')).toBe(true);
  });

  it('never answers for the api, webhooks, health or other methods', () => {
    for (const path of ['/api', '/api/v1/users', '/API/v1/x', '/webhooks/twilio/messaging', '/health', '/health/nothing', '/socket.io/']) {
      expect(isConsoleRequest('GET', path)).toBe(false);
    }
    expect(isConsoleRequest('POST', '/users')).toBe(false);
    expect(isConsoleRequest('DELETE', '/')).toBe(false);
  });

  it('tells files from routes, so a missing asset is a 404 and not the page', () => {
    expect(looksLikeFile('/assets/index-abc.js')).toBe(true);
    expect(looksLikeFile('/favicon.ico')).toBe(true);
    expect(looksLikeFile('/users')).toBe(false);
    expect(looksLikeFile('/users/4b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11')).toBe(false);
  });

  it('caches hashed assets for a year and revalidates everything else', () => {
    expect(cacheControlFor('assets/index-abc.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
  });

  it('resolves the folder from the working directory unless absolute', () => {
    expect(resolveWebConsoleRoot('dist/web', '/srv/app')).toBe('/srv/app/dist/web');
    expect(resolveWebConsoleRoot('/opt/web', '/srv/app')).toBe('/opt/web');
  });
});
