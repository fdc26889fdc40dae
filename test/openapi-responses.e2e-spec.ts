import { HttpClient } from './support/http-client.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

/** The parts of an OpenAPI 3.0 schema the api's document uses. */
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const JSON_METHODS = ['get', 'post', 'patch', 'put'];

/**
 * Where `value` differs from `schema`: keys the schema does not declare, required keys that are
 * missing, nulls where the schema is not nullable, wrong primitive types and values outside an enum.
 */
function mismatches(doc: OpenApiDocument, value: unknown, schema: Schema, path = '$'): string[] {
  if (schema.$ref) return mismatches(doc, value, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!, path);
  if (schema.allOf) {
    if (value === null) return schema.nullable ? [] : [`${path}: null, not nullable`];
    return schema.allOf.flatMap((part) => mismatches(doc, value, part, path));
  }
  if (value === null) return schema.nullable ? [] : [`${path}: null, not nullable`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    return value.flatMap((item, i) => mismatches(doc, item, schema.items ?? {}, `${path}[${i}]`));
  }
  if (schema.type === 'object' || schema.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
    const record = value as Record<string, unknown>;
    const declared = schema.properties ?? {};
    const problems = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: declared required, missing`);
    for (const [key, item] of Object.entries(record)) {
      const property = declared[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (property) problems.push(...mismatches(doc, item, property, `${path}.${key}`));
      else if (!schema.additionalProperties) problems.push(`${path}.${key}: not declared`);
    }
    return problems;
  }
  const actual = typeof value;
  const expected = schema.type === 'integer' ? 'number' : schema.type;
  return expected && actual !== expected ? [`${path}: ${actual}, declared ${schema.type}`] : [];
}

describe('the OpenAPI document describes what the staff API answers', () => {
  const env = new TestEnvironment();
  let doc: OpenApiDocument;
  let officer: StaffAccount;
  let committee: StaffAccount;

  /** The JSON body schema the document declares for a successful answer of one operation. */
  const declared = (method: string, path: string): Schema => {
    const responses = doc.paths[path]?.[method]?.responses ?? {};
    const ok = Object.entries(responses).find(([status]) => status.startsWith('2'));
    const schema = ok?.[1].content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} declares no JSON answer`);
    return schema;
  };
  const expectDescribed = (method: string, path: string, body: unknown) => expect(mismatches(doc, body, declared(method, path))).toEqual([]);

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    officer = await createStaff(env, 'officer', 'سارة القحطاني');
    committee = await createStaff(env, 'committee', 'عبدالله الحربي');
    const res = await new HttpClient(env.baseUrl).get<OpenApiDocument>('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => env.teardown());

  it('declares a response body for every JSON call under /api/v1 (only 204 answers have none)', () => {
    const undescribed: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        if (!JSON_METHODS.includes(method)) continue;
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        const described = success.some(([status, response]) => status === '204' || Object.values(response.content ?? {}).some((c) => c.schema));
        if (!described) undescribed.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undescribed).toEqual([]);
    // File downloads say so rather than pretending to be JSON.
    expect(Object.keys(doc.paths['/api/v1/attachments/{id}']!.get!.responses['200']!.content ?? {})).toEqual(['application/octet-stream']);
  });

  it('matches real answers: the queue, a ticket, its help request and the committee board', async () => {
    const submitted = await new HttpClient(env.baseUrl).post<{ ticketNumber: string }>('/api/v1/public/help-requests', {
      name: 'فاطمة الزهراني',
      nationalId: '1012345672',
      phone: '0501234567',
      serviceType: 'food_basket',
      description: 'أسرة من خمسة أفراد، الدخل لا يكفي للاحتياجات الغذائية',
      fields: { monthlyIncome: 2500, incomeSource: 'social_security', district: 'النسيم' },
      household: [{ name: 'سارة', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1100000007' }],
    });
    expect(submitted.status).toBe(201);

    const queue = await officer.http.get<{ items: { id: string }[] }>(`/api/v1/tickets?q=${submitted.body.ticketNumber}`);
    expect(queue.body.items).toHaveLength(1);
    expectDescribed('get', '/api/v1/tickets', queue.body);
    const ticketId = queue.body.items[0]!.id;

    const note = await officer.http.post(`/api/v1/tickets/${ticketId}/messages`, { kind: 'note', body: 'اتصلت بالمتقدمة' });
    expect(note.status).toBe(201);
    const ticket = await officer.http.get<{ messages: unknown[] }>(`/api/v1/tickets/${ticketId}`);
    expect(ticket.body.messages.length).toBeGreaterThanOrEqual(2);
    expectDescribed('get', '/api/v1/tickets/{id}', ticket.body);

    const hr = await officer.http.get<{ id: string }>(`/api/v1/tickets/${ticketId}/help-request`);
    const upload = async (path: string, fields: Record<string, string>) => {
      const body = new FormData();
      body.append('file', new Blob([Buffer.from(`%PDF-1.4 ${Math.random()}`)], { type: 'application/pdf' }), 'document.pdf');
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      const res = await fetch(`${env.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${officer.token}` }, body });
      expect(res.status).toBe(201);
      return (await res.json()) as { documents: { id: string }[] };
    };
    await upload(`/api/v1/help-requests/${hr.body.id}/documents`, { documentType: 'national_id_copy', expiresOn: '2031-06-30' });
    await upload(`/api/v1/help-requests/${hr.body.id}/documents`, { documentType: 'family_record' });
    const withDocuments = await upload(`/api/v1/help-requests/${hr.body.id}/documents`, { documentType: 'income_proof' });
    for (const d of withDocuments.documents) {
      const verified = await officer.http.post(`/api/v1/help-requests/${hr.body.id}/documents/${d.id}/verification`, {
        result: 'matches',
        notes: 'طابقت الأصل',
      });
      expect(verified.status).toBe(201);
    }
    await upload(`/api/v1/help-requests/${hr.body.id}/declaration/paper`, { notes: 'وقّع المتقدم الإقرار في مقر الجمعية' });
    const handedOff = await officer.http.post(`/api/v1/tickets/${ticketId}/handoff`);
    expect(handedOff.status).toBe(201);

    const board = await waitFor('the case on the committee board', async () => {
      const res = await committee.http.get<{ items: { helpRequestId: string }[] }>('/api/v1/committee/board');
      return res.body.items.some((i) => i.helpRequestId === hr.body.id) && res;
    });
    expectDescribed('get', '/api/v1/committee/board', board.body);

    const research = await committee.http.post(`/api/v1/help-requests/${hr.body.id}/research`, { kind: 'note', notes: 'راجعت اللجنة المستندات' });
    expect(research.status).toBe(201);
    const full = await officer.http.get<{ documents: unknown[]; committee: { research: unknown[] }; declaration: { signed: boolean } }>(
      `/api/v1/help-requests/${hr.body.id}`,
    );
    expect(full.body).toMatchObject({ declaration: { signed: true }, committee: { research: [expect.anything()] } });
    expect(full.body.documents).toHaveLength(3);
    expectDescribed('get', '/api/v1/help-requests/{id}', full.body);
  });
});
