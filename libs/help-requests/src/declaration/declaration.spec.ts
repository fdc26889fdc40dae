import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { declarationDigest, declaredData, requestDataHash, type RequestData } from './declared-data.js';
import { generateOtp, hashOtp, normalizeOtpInput, OTP_MAX_ATTEMPTS, OTP_TTL_MS, otpMatches, otpUsability } from './otp.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined, keeps arrays in order and strings as given', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'ي' }], c: undefined }, é: true })).toBe(
      '{"a":{"d":[3,{"y":"ي","z":null}]},"b":1,"é":true}',
    );
  });

  it('gives the same text whatever order the keys were built in', () => {
    expect(canonicalJson({ x: 1, y: { a: 1, b: 2 } })).toBe(canonicalJson({ y: { b: 2, a: 1 }, x: 1 }));
  });

  it('does not normalise Unicode: a precomposed and a decomposed letter differ', () => {
    expect(canonicalJson('\u00e9')).not.toBe(canonicalJson('e\u0301'));
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('إقرار')).toBe(createHash('sha256').update(Buffer.from('إقرار', 'utf8')).digest('hex'));
  });
});

describe('declared data and its hash', () => {
  const data: RequestData = {
    helpRequestId: '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11',
    ticketNumber: '1448-000001',
    serviceType: 'rent',
    applicant: { name: 'فاطمة', nationalIdHash: 'a'.repeat(64), nationalIdMasked: '1••••••••2' },
    description: 'إيجار',
    household: [
      {
        name: 'سارة',
        relation: 'daughter',
        birthDate: '2015-03-01',
        nationalIdHash: null,
        nationalIdMasked: null,
        monthlyIncomeSar: null,
        notes: null,
      },
    ],
    fields: { monthlyIncome: 2500 },
  };
  const docs = [
    { documentType: 'national_id_copy', sha256: 'b'.repeat(64), expiresOn: '2030-01-01' },
    { documentType: 'family_record', sha256: 'c'.repeat(64), expiresOn: null },
  ];

  it('is the SHA-256 of exactly the canonical JSON, statement included', () => {
    const digest = declarationDigest(declaredData(data, docs, 'ar'));
    expect(digest.sha256).toBe(createHash('sha256').update(digest.json, 'utf8').digest('hex'));
    expect(JSON.parse(digest.json)).toMatchObject({ version: 1, serviceType: 'rent', statement: { language: 'ar' } });
    expect(digest.json).toContain('أتحمل المسؤولية');
    expect(digest.json).not.toContain('1012345672');
  });

  it('does not depend on the order documents were added', () => {
    expect(declarationDigest(declaredData(data, docs, 'ar')).sha256).toBe(declarationDigest(declaredData(data, [...docs].reverse(), 'ar')).sha256);
  });

  it.each<[string, (d: RequestData) => RequestData]>([
    ['a field', (d) => ({ ...d, fields: { monthlyIncome: 2600 } })],
    ['the name', (d) => ({ ...d, applicant: { ...d.applicant, name: 'فاطمه' } })],
    ['the national ID', (d) => ({ ...d, applicant: { ...d.applicant, nationalIdHash: 'd'.repeat(64) } })],
    ['a household member', (d) => ({ ...d, household: [] })],
    ['the service type', (d) => ({ ...d, serviceType: 'medical' })],
  ])('changes when %s changes', (_what, change) => {
    const before = declarationDigest(declaredData(data, docs, 'ar')).sha256;
    expect(declarationDigest(declaredData(change(data), docs, 'ar')).sha256).not.toBe(before);
    expect(requestDataHash(change(data))).not.toBe(requestDataHash(data));
  });

  it('changes with the documents and the language, while the data hash does not', () => {
    const before = declarationDigest(declaredData(data, docs, 'ar')).sha256;
    expect(declarationDigest(declaredData(data, docs.slice(1), 'ar')).sha256).not.toBe(before);
    expect(declarationDigest(declaredData(data, docs, 'en')).sha256).not.toBe(before);
    expect(requestDataHash({ ...data })).toBe(requestDataHash(data));
  });
});

describe('one-time codes', () => {
  const key = Buffer.alloc(32, 7);

  it('are 6 digits, zero-padded', () => {
    expect(generateOtp(() => 42)).toBe('000042');
    expect(generateOtp(() => 999_999)).toBe('999999');
    for (let i = 0; i < 50; i++) expect(generateOtp()).toMatch(/^\d{6}$/);
  });

  it('are stored only as an HMAC bound to the challenge', () => {
    const hash = hashOtp(key, 'challenge-1', '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('123456');
    expect(otpMatches(key, 'challenge-1', '123456', hash)).toBe(true);
    expect(otpMatches(key, 'challenge-1', '123457', hash)).toBe(false);
    expect(otpMatches(key, 'challenge-2', '123456', hash)).toBe(false);
    expect(otpMatches(Buffer.alloc(32, 8), 'challenge-1', '123456', hash)).toBe(false);
  });

  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['١٢٣٤٥٦', '123456'],
    ['12345', null],
    ['1234567', null],
    ['12345a', null],
  ])('reads %j as %j', (input, expected) => expect(normalizeOtpInput(input)).toBe(expected));

  it('expire after 10 minutes and after 5 tries, and work once', () => {
    const sent = new Date('2026-11-25T10:00:00Z');
    const c = { expiresAt: new Date(sent.getTime() + OTP_TTL_MS), attempts: 0, maxAttempts: OTP_MAX_ATTEMPTS, consumedAt: null };
    expect(otpUsability(c, new Date(sent.getTime() + OTP_TTL_MS - 1))).toBe('usable');
    expect(otpUsability(c, new Date(sent.getTime() + OTP_TTL_MS))).toBe('expired');
    expect(otpUsability({ ...c, attempts: 4 }, sent)).toBe('usable');
    expect(otpUsability({ ...c, attempts: 5 }, sent)).toBe('exhausted');
    expect(otpUsability({ ...c, consumedAt: sent }, sent)).toBe('used');
  });
});
