import { formatTicketNumber, parseTicketNumber } from './ticket-number.service.js';

describe('ticket numbers', () => {
  it('pads the sequence to six digits after the Hijri year', () => {
    expect(formatTicketNumber(1448, 123)).toBe('1448-000123');
    expect(formatTicketNumber(1448, 1234567)).toBe('1448-1234567');
  });

  it.each([
    ['1448-000123', '1448-000123'],
    ['#1448-000123', '1448-000123'],
    ['1448-123', '1448-000123'],
    [' 1448-42 ', '1448-000042'],
    ['hello', null],
    ['1448', null],
  ])('parses %j', (input, expected) => {
    expect(parseTicketNumber(input)).toBe(expected);
  });
});
