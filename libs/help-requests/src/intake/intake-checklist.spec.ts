import type { ServiceTypeSpec } from '../catalogue/service-type-spec.js';
import { checkIntake, handoffBlockers, type IntakeDocument, type IntakeSnapshot } from './intake-checklist.js';

const spec: ServiceTypeSpec = {
  fields: [
    { name: 'monthlyIncome', type: 'money', required: true, labelAr: 'الدخل الشهري', labelEn: 'Monthly income' },
    { name: 'landlordName', type: 'text', required: false, labelAr: 'المؤجر', labelEn: 'Landlord' },
    {
      name: 'incomeSource',
      type: 'select',
      required: true,
      labelAr: 'مصدر الدخل',
      labelEn: 'Income source',
      options: [{ value: 'salary', labelAr: 'راتب', labelEn: 'Salary' }],
    },
  ],
  documents: [
    { type: 'national_id_copy', labelAr: 'صورة الهوية', labelEn: 'National ID / Iqama copy', required: true, hasExpiry: true },
    { type: 'family_record', labelAr: 'سجل الأسرة', labelEn: 'Family record', required: true, hasExpiry: false },
    { type: 'lease_contract', labelAr: 'عقد الإيجار', labelEn: 'Lease contract', required: false, hasExpiry: true },
  ],
};

const SUBMITTED = '2026-11-25';
const doc = (id: string, documentType: string, expiresOn: string | null, verification: IntakeDocument['verification'] = null): IntakeDocument => ({
  id,
  documentType,
  expiresOn,
  verification,
});

function complete(): IntakeSnapshot {
  return {
    applicant: { name: 'فاطمة الزهراني', nationalId: '1012345672' },
    description: 'أحتاج مساعدة في الإيجار',
    household: [
      { name: 'سارة', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1100000007' },
      { name: 'محمد', relation: 'son', birthDate: '2018-07-12', nationalId: null },
    ],
    fields: { monthlyIncome: 2500, incomeSource: 'salary' },
    documents: [doc('d1', 'national_id_copy', '2030-01-01'), doc('d2', 'family_record', null)],
  };
}

type Change = (s: IntakeSnapshot) => void;
const codes = (items: { code: string; field?: string; documentType?: string; index?: number }[]) =>
  items.map((i) => [i.code, i.field ?? i.documentType ?? (i.index !== undefined ? `#${i.index}` : '')].join(' '));

describe('checkIntake', () => {
  it('passes a complete intake', () => {
    expect(checkIntake(complete(), spec, SUBMITTED)).toEqual({ asOf: SUBMITTED, complete: true, missing: [], invalid: [] });
  });

  const table: [string, Change, string[], string[]][] = [
    // name, change, missing, invalid
    ['no national ID', (s) => (s.applicant.nationalId = null), ['national_id_missing nationalId'], []],
    ['a national ID with a wrong check digit', (s) => (s.applicant.nationalId = '1012345678'), [], ['national_id_invalid nationalId']],
    ['a national ID that is not 10 digits', (s) => (s.applicant.nationalId = '12345'), [], ['national_id_invalid nationalId']],
    ['an Iqama (resident) number', (s) => (s.applicant.nationalId = '2012345670'), [], []],
    ['Arabic-Indic digits in the ID', (s) => (s.applicant.nationalId = '١٠١٢٣٤٥٦٧٢'), [], []],
    ['no description', (s) => (s.description = '  '), ['description_missing description'], []],
    ['a required field left out', (s) => delete s.fields.monthlyIncome, ['field_missing fields.monthlyIncome'], []],
    ['a required field blank', (s) => (s.fields.monthlyIncome = null), ['field_missing fields.monthlyIncome'], []],
    ['an optional field left out', (s) => delete s.fields.landlordName, [], []],
    ['a select answer no longer offered', (s) => (s.fields.incomeSource = 'lottery'), [], ['field_invalid fields.incomeSource']],
    [
      'a required document missing',
      (s) => (s.documents = s.documents.filter((d) => d.documentType !== 'family_record')),
      ['document_missing family_record'],
      [],
    ],
    ['an ID copy without expiry date', (s) => (s.documents[0].expiresOn = null), ['document_expiry_missing national_id_copy'], []],
    ['an ID copy expiring ON the submission day (still valid)', (s) => (s.documents[0].expiresOn = '2026-11-25'), [], []],
    ['an ID copy that expired the day before', (s) => (s.documents[0].expiresOn = '2026-11-24'), [], ['document_expired national_id_copy']],
    ['an ID copy expiring the day after', (s) => (s.documents[0].expiresOn = '2026-11-26'), [], []],
    ['an expired optional document', (s) => s.documents.push(doc('d3', 'lease_contract', '2026-01-01')), [], ['document_expired lease_contract']],
    [
      'an optional expiring document without its date',
      (s) => s.documents.push(doc('d3', 'lease_contract', null)),
      ['document_expiry_missing lease_contract'],
      [],
    ],
    ['a document the officer found not to match', (s) => (s.documents[1].verification = 'mismatch'), [], ['document_mismatch family_record']],
    ['a document type outside the catalogue', (s) => s.documents.push(doc('d4', 'other', null)), [], []],
    [
      'a household member listed twice by ID',
      (s) => s.household.push({ name: 'Sara', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1100000007' }),
      [],
      ['household_duplicate #2'],
    ],
    [
      'a household member listed twice by name and birth date (Arabic spelling variants)',
      (s) => s.household.push({ name: 'مُحمّد', relation: 'son', birthDate: '2018-07-12', nationalId: null }),
      [],
      ['household_duplicate #2'],
    ],
    ['twins with different names', (s) => s.household.push({ name: 'أحمد', relation: 'son', birthDate: '2018-07-12', nationalId: null }), [], []],
    [
      'the applicant listed in the household',
      (s) => (s.household[1].nationalId = '1012345672'),
      [],
      ['household_member_is_applicant household.1.nationalId'],
    ],
    [
      'a household member ID with a wrong check digit',
      (s) => (s.household[0].nationalId = '1100000001'),
      [],
      ['household_national_id_invalid household.0.nationalId'],
    ],
    ['a household member without birth date', (s) => (s.household[1].birthDate = null), ['household_member_incomplete household.1.birthDate'], []],
    [
      'a household member born after the submission day',
      (s) => (s.household[1].birthDate = '2026-11-26'),
      [],
      ['household_birth_date_invalid household.1.birthDate'],
    ],
    ['a household member born on the submission day', (s) => (s.household[1].birthDate = '2026-11-25'), [], []],
  ];

  it.each(table)('%s', (_name, change, missing, invalid) => {
    const s = complete();
    change(s);
    const result = checkIntake(s, spec, SUBMITTED);
    expect({ missing: codes(result.missing), invalid: codes(result.invalid) }).toEqual({ missing, invalid });
    expect(result.complete).toBe(missing.length === 0 && invalid.length === 0);
  });

  it('judges expiry on the given submission day, not today', () => {
    const s = complete();
    s.documents[0].expiresOn = '2026-11-25';
    expect(checkIntake(s, spec, '2026-11-25').complete).toBe(true);
    expect(checkIntake(s, spec, '2026-11-26').invalid.map((i) => i.code)).toEqual(['document_expired']);
  });

  it('lists everything at once for an empty intake', () => {
    const result = checkIntake(
      { applicant: { name: 'x', nationalId: null }, description: '', household: [], fields: {}, documents: [] },
      spec,
      SUBMITTED,
    );
    expect(codes(result.missing)).toEqual([
      'national_id_missing nationalId',
      'description_missing description',
      'field_missing fields.monthlyIncome',
      'field_missing fields.incomeSource',
      'document_missing national_id_copy',
      'document_missing family_record',
    ]);
  });

  it('refuses a malformed submission day', () => {
    expect(() => checkIntake(complete(), spec, '25/11/2026')).toThrow(RangeError);
  });
});

describe('handoffBlockers', () => {
  const ready = () => {
    const s = complete();
    s.documents.forEach((d) => (d.verification = 'matches'));
    return s;
  };

  it('is empty when complete, every document confirmed and the declaration signed for this data', () => {
    const s = ready();
    expect(handoffBlockers(checkIntake(s, spec, SUBMITTED), s.documents, { signed: true, outdated: false })).toEqual([]);
  });

  it('lists unconfirmed documents and a missing declaration', () => {
    const s = complete();
    s.documents[0].verification = 'matches';
    expect(codes(handoffBlockers(checkIntake(s, spec, SUBMITTED), s.documents, { signed: false, outdated: false }))).toEqual([
      'document_unverified family_record',
      'declaration_missing ',
    ]);
  });

  it('lists an outdated declaration and what is missing', () => {
    const s = ready();
    s.fields = {};
    expect(codes(handoffBlockers(checkIntake(s, spec, SUBMITTED), s.documents, { signed: true, outdated: true }))).toEqual([
      'field_missing fields.monthlyIncome',
      'field_missing fields.incomeSource',
      'declaration_outdated ',
    ]);
  });
});
