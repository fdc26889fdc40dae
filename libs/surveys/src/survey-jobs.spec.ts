import { invitationJobId, parseSurveyJob, recoveryJobId, reminderJobId } from './survey-jobs.js';

const ID = '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11';

describe('surveys queue jobs', () => {
  it('have deterministic ids BullMQ accepts (no ":" and not only digits)', () => {
    for (const id of [invitationJobId(ID), reminderJobId(ID), recoveryJobId(ID)]) {
      expect(id).not.toContain(':');
      expect(id).not.toMatch(/^\d+$/);
    }
    expect(invitationJobId(ID)).toBe(`survey-${ID}`);
    expect(reminderJobId(ID)).toBe(`survey-reminder-${ID}`);
  });

  it('validates payloads coming out of Redis', () => {
    expect(parseSurveyJob('send-invitation', { version: 1, ticketId: ID })).toEqual({
      name: 'send-invitation',
      data: { version: 1, ticketId: ID, assigneeId: null },
    });
    expect(parseSurveyJob('send-reminder', { version: 1, invitationId: ID }).data).toEqual({ version: 1, invitationId: ID });
    expect(() => parseSurveyJob('send-invitation', { version: 2, ticketId: ID })).toThrow(/version/);
    expect(() => parseSurveyJob('send-invitation', { version: 1, ticketId: 'x' })).toThrow(/ticketId/);
    expect(() => parseSurveyJob('dance', { version: 1 })).toThrow(/unknown/);
    expect(() => parseSurveyJob('open-recovery', null)).toThrow();
  });
});
