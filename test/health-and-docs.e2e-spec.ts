import { HttpClient } from './support/http-client.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { TestEnvironment } from './support/test-environment.js';

describe('health and API documentation', () => {
  const redisProxy = new TcpProxy('127.0.0.1', 6379);
  let env: TestEnvironment;
  let http: HttpClient;

  beforeAll(async () => {
    const port = await redisProxy.start();
    env = await new TestEnvironment({
      REDIS_URL: `redis://127.0.0.1:${port}`,
    }).setup();
    await env.startApi();
    http = new HttpClient(env.baseUrl);
  });
  afterAll(async () => {
    await env.teardown();
    await redisProxy.stop();
  });

  it('serves the OpenAPI document with the contract routes', async () => {
    const res = await http.get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit', '/health']));
    const page = await fetch(`${env.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('answers 200 with database and Redis up, with a request id', async () => {
    const res = await http.get<{
      status: string;
      info: Record<string, { status: string }>;
    }>('/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('answers 503 naming Redis when Redis cannot be reached, and 200 again when it is back', async () => {
    const port = redisProxy.port;
    await redisProxy.stop();
    const down = await http.get<{
      details: Record<string, { status: string }>;
    }>('/health');
    expect(down.status).toBe(503);
    expect(down.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'down' },
    });
    await redisProxy.start(port);
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await http.get('/health')).status;
    }
    expect(status).toBe(200);
  });

  it('gives unknown routes the JSON error shape', async () => {
    const pub = await http.get('/health/nothing');
    expect(pub.status).toBe(404);
    expect(pub.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
