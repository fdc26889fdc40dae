import { renderTemplate, templateVariables } from './template-render.js';

describe('renderTemplate', () => {
  it('fills variables, Arabic text around them intact', () => {
    expect(renderTemplate('شكراً {{name}}، رقم طلبك {{ ticketNumber }}', { name: 'أحمد', ticketNumber: '1448-000001' })).toBe(
      'شكراً أحمد، رقم طلبك 1448-000001',
    );
  });

  it('leaves unknown placeholders visible', () => {
    expect(renderTemplate('{{ticketNumber}} {{missing}}', { ticketNumber: 'x' })).toBe('x {{missing}}');
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });
});
