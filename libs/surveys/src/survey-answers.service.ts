import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Contact } from '@app/contacts';
import { Ticket } from '@app/tickets';
import { MAX_SURVEY_COMMENT_LENGTH, type SurveyAnswers, type SurveyQuestion, validateSurveyAnswers } from './survey-questions.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import { SurveyQueue } from './survey-queue.js';
import { recoveryTrigger } from './survey-recovery-rule.js';
import { SurveyResponse } from './survey-response.entity.js';
import { SurveySettingsService } from './survey-settings.service.js';
import { hashSurveyToken, isWellFormedSurveyToken } from './survey-token.js';

/** What the public survey page shows: no names, no ticket content, only the number it is about. */
export interface PublicSurveyView {
  ticketNumber: string;
  language: 'ar' | 'en';
  questions: SurveyQuestion[];
  expiresAt: string;
  maxCommentLength: number;
}

export interface SurveyAnswerInput {
  score: number;
  answers?: Record<string, unknown>;
  comment?: string | null;
}

export interface SurveyAnswerReceipt {
  ticketNumber: string;
  score: number;
  receivedAt: string;
}

/**
 * The contact's side of a survey, reached only through the link's token: read it (records
 * nothing — link scanners open links too), answer it once, or stop further surveys.
 */
@Injectable()
export class SurveyAnswersService {
  private readonly logger = new Logger(SurveyAnswersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SurveySettingsService,
    private readonly queue: SurveyQueue,
    private readonly audit: AuditService,
  ) {}

  async view(token: string): Promise<PublicSurveyView> {
    const invitation = await this.find(this.dataSource.manager, token);
    assertOpen(invitation);
    const ticket = await this.dataSource.getRepository(Ticket).findOneByOrFail({ id: invitation.ticketId });
    const settings = await this.settings.current();
    return {
      ticketNumber: ticket.number,
      language: invitation.language,
      questions: settings.questions,
      expiresAt: invitation.expiresAt.toISOString(),
      maxCommentLength: MAX_SURVEY_COMMENT_LENGTH,
    };
  }

  /** Records the one answer: 409 when already answered, 410 when the link has expired. */
  async answer(token: string, input: SurveyAnswerInput, ip: string | null): Promise<SurveyAnswerReceipt> {
    const settings = await this.settings.current();
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
      throw new DomainError('invalid_input', 'score must be a whole number from 1 to 5');
    const answers: SurveyAnswers = validateSurveyAnswers(settings.questions, input.answers);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    if (comment && comment.length > MAX_SURVEY_COMMENT_LENGTH)
      throw new DomainError('invalid_input', `comment must be at most ${MAX_SURVEY_COMMENT_LENGTH} characters`);

    const { response, invitation, ticketNumber } = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.find(manager, token, true);
      assertOpen(invitation);
      const now = new Date();
      const response = await manager
        .getRepository(SurveyResponse)
        .save(
          manager
            .getRepository(SurveyResponse)
            .create({ invitationId: invitation.id, ticketId: invitation.ticketId, score: input.score, answers, comment }),
        );
      await manager.getRepository(SurveyInvitation).update(invitation.id, { answeredAt: now });
      const ticket = await manager.getRepository(Ticket).findOneByOrFail({ id: invitation.ticketId });
      await this.audit.record(
        {
          actorId: null,
          action: 'survey.answered',
          entityType: 'survey',
          entityId: invitation.ticketId,
          after: { invitationId: invitation.id, responseId: response.id, score: input.score, answered: Object.keys(answers), withComment: !!comment },
          ip,
        },
        manager,
      );
      return { response, invitation, ticketNumber: ticket.number };
    });

    await this.queue.cancelReminder(invitation.ticketId);
    if (
      recoveryTrigger(
        { score: response.score, comment: response.comment },
        { maxScore: settings.recoveryMaxScore, keywords: settings.recoveryKeywords },
      )
    ) {
      const queued = await this.queue.queueRecovery({ version: 1, responseId: response.id });
      if (!queued) this.logger.error(`service recovery for survey response ${response.id} (ticket ${ticketNumber}) could not be queued`);
    }
    return { ticketNumber, score: response.score, receivedAt: response.createdAt.toISOString() };
  }

  /** "Send me no more surveys": the contact's flag is set; this survey may still be answered. */
  async optOut(token: string, ip: string | null): Promise<{ optedOut: true }> {
    const invitation = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.find(manager, token, true);
      const contact = await manager.getRepository(Contact).findOneByOrFail({ id: invitation.contactId });
      if (!invitation.optedOutAt) await manager.getRepository(SurveyInvitation).update(invitation.id, { optedOutAt: new Date() });
      if (!contact.surveyOptOut) {
        await manager.getRepository(Contact).update(contact.id, { surveyOptOut: true });
        await this.audit.record(
          {
            actorId: null,
            action: 'contact.survey_opted_out',
            entityType: 'contact',
            entityId: contact.id,
            before: { surveyOptOut: false },
            after: { surveyOptOut: true, via: 'survey link', ticketId: invitation.ticketId },
            ip,
          },
          manager,
        );
      }
      return invitation;
    });
    await this.queue.cancelReminder(invitation.ticketId);
    return { optedOut: true };
  }

  /** The sent invitation a token belongs to (either link: invitation or reminder); 404 otherwise. */
  private async find(manager: EntityManager, token: string, lock = false): Promise<SurveyInvitation> {
    if (!isWellFormedSurveyToken(token)) throw unknownSurvey();
    const hash = hashSurveyToken(token);
    const qb = manager
      .getRepository(SurveyInvitation)
      .createQueryBuilder('i')
      .where('(i.token_hash = :hash OR i.reminder_token_hash = :hash)', { hash })
      .andWhere('i.sent_at IS NOT NULL');
    if (lock) qb.setLock('pessimistic_write');
    const invitation = await qb.getOne();
    if (!invitation) throw unknownSurvey();
    return invitation;
  }
}

function unknownSurvey(): DomainError {
  return new DomainError('not_found', 'this survey link is not known');
}

/** Already answered wins over expired: the person learns that their answer was received. */
function assertOpen(invitation: SurveyInvitation): void {
  if (invitation.answeredAt) throw new DomainError('conflict', 'this survey has already been answered; thank you', { reason: 'answered' });
  if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainError('gone', 'this survey link has expired', { reason: 'expired' });
}
