import { choosePolicy, type SlaPolicySpec } from './sla-policy-choice.js';

const p = (id: string, priority: string | null, ticketType: string | null): SlaPolicySpec => ({
  id,
  priority,
  ticketType,
  firstResponseMinutes: 60,
  resolutionMinutes: 600,
  escalationStepMinutes: 60,
});
const all = [p('default', null, null), p('urgent', 'urgent', null), p('help', null, 'help_request'), p('urgent-help', 'urgent', 'help_request')];

describe('choosePolicy', () => {
  it.each([
    ['normal', 'inquiry', 'default'],
    ['urgent', 'inquiry', 'urgent'],
    ['normal', 'help_request', 'help'],
    ['urgent', 'help_request', 'urgent-help'],
  ])('%s %s → %s', (priority, type, expected) => {
    expect(choosePolicy(all, priority, type)?.id).toBe(expected);
  });

  it('has no policy when none applies', () => {
    expect(choosePolicy([p('urgent', 'urgent', null)], 'low', 'inquiry')).toBeNull();
  });
});
