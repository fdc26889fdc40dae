import type { FieldSpec } from './help-request-api';
import { answerTexts, answerValues, givenAnswers } from './service-answers';

const spec = (name: string, type: FieldSpec['type']): FieldSpec => ({ name, type, required: true, labelAr: name, labelEn: name });
const fields = [
  spec('monthlyIncome', 'money'),
  spec('children', 'integer'),
  spec('hasLease', 'boolean'),
  spec('district', 'text'),
  spec('source', 'select'),
];

describe('service answers', () => {
  it('sends numbers as numbers (any digits), yes/no as booleans, and a cleared answer as null', () => {
    expect(answerValues(fields, { monthlyIncome: '٢٬٥٠٠', children: '3', hasLease: 'false', district: ' النسيم ', source: '' })).toEqual({
      monthlyIncome: 2500,
      children: 3,
      hasLease: false,
      district: 'النسيم',
      source: null,
    });
  });

  it('keeps an unreadable number as typed, so the api names the field', () => {
    expect(answerValues([spec('monthlyIncome', 'money')], { monthlyIncome: 'ألفان' })).toEqual({ monthlyIncome: 'ألفان' });
  });

  it('shows saved answers in the form and sends a new request only what was answered', () => {
    expect(answerTexts(fields, { monthlyIncome: 2500, hasLease: true })).toEqual({
      monthlyIncome: '2500',
      children: '',
      hasLease: 'true',
      district: '',
      source: '',
    });
    expect(givenAnswers({ a: 1, b: null })).toEqual({ a: 1 });
  });
});
