import { catalogueErrors, fieldValueErrors, hasAnswer, type FieldSpec } from './service-type-spec.js';

const fields: FieldSpec[] = [
  { name: 'monthlyIncome', type: 'money', required: true, labelAr: 'الدخل', labelEn: 'Income' },
  { name: 'children', type: 'integer', required: false, labelAr: 'الأطفال', labelEn: 'Children' },
  { name: 'leaseEnd', type: 'date', required: true, labelAr: 'نهاية العقد', labelEn: 'Lease end' },
  { name: 'insured', type: 'boolean', required: true, labelAr: 'تأمين', labelEn: 'Insured' },
  { name: 'hospital', type: 'text', required: true, labelAr: 'المستشفى', labelEn: 'Hospital' },
  {
    name: 'source',
    type: 'select',
    required: true,
    labelAr: 'المصدر',
    labelEn: 'Source',
    options: [
      { value: 'salary', labelAr: 'راتب', labelEn: 'Salary' },
      { value: 'none', labelAr: 'لا يوجد', labelEn: 'None' },
    ],
  },
];

describe('fieldValueErrors', () => {
  it('accepts well-typed answers and leaves missing ones to the checklist', () => {
    expect(
      fieldValueErrors(fields, {
        monthlyIncome: 2500.5,
        children: 3,
        leaseEnd: '2027-01-31',
        insured: false,
        hospital: 'مستشفى الملك فهد',
        source: 'none',
      }),
    ).toEqual([]);
    expect(fieldValueErrors(fields, {})).toEqual([]);
    expect(fieldValueErrors(fields, { monthlyIncome: null })).toEqual([]);
  });

  it.each([
    [{ unknown: 1 }, 'fields.unknown is not a field of this service type'],
    [{ monthlyIncome: '2500' }, 'fields.monthlyIncome must be an amount in SAR (0 or more, at most 2 decimals)'],
    [{ monthlyIncome: -1 }, 'fields.monthlyIncome must be an amount in SAR (0 or more, at most 2 decimals)'],
    [{ monthlyIncome: 10.123 }, 'fields.monthlyIncome must be an amount in SAR (0 or more, at most 2 decimals)'],
    [{ children: 1.5 }, 'fields.children must be a whole number, 0 or more'],
    [{ leaseEnd: '2027-02-30' }, 'fields.leaseEnd must be a date written YYYY-MM-DD'],
    [{ insured: 'yes' }, 'fields.insured must be true or false'],
    [{ source: 'lottery' }, 'fields.source must be one of salary, none'],
    [{ hospital: 5 }, 'fields.hospital must be text of at most 2000 characters'],
  ])('%j → %s', (values, message) => {
    expect(fieldValueErrors(fields, values)).toEqual([message]);
  });
});

describe('catalogueErrors', () => {
  it('finds duplicate names, bad names and selects without options', () => {
    expect(
      catalogueErrors({
        fields: [
          { name: 'income', type: 'money', required: true, labelAr: 'a', labelEn: 'a' },
          { name: 'income', type: 'text', required: false, labelAr: 'b', labelEn: 'b' },
          { name: 'Bad-Name', type: 'select', required: false, labelAr: 'c', labelEn: 'c' },
        ],
        documents: [
          { type: 'lease', labelAr: 'عقد', labelEn: 'Lease', required: true, hasExpiry: true },
          { type: 'lease', labelAr: 'عقد', labelEn: 'Lease', required: false, hasExpiry: false },
        ],
      }),
    ).toEqual([
      'fields.1.name income is listed twice',
      'fields.2.name must be camelCase letters and digits, starting with a letter',
      'fields.2.options must list the choices of a select field',
      'documents.1.type lease is listed twice',
    ]);
  });
});

describe('hasAnswer', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['  ', false],
    ['x', true],
    [0, true],
    [false, true],
  ])('%j → %s', (v, ok) => expect(hasAnswer(v)).toBe(ok));
});
