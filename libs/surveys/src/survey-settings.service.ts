import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { CHANNELS, type Channel } from '@app/contacts';
import { TICKET_TYPES, type TicketType } from '@app/tickets';
import { DEFAULT_SURVEY_QUESTIONS, type SurveyQuestion, validateSurveyQuestions } from './survey-questions.js';
import { SurveySettings } from './survey-settings.entity.js';

export type SurveySettingsValues = {
  enabled: boolean;
  channels: Channel[];
  ticketTypes: TicketType[];
  expiryDays: number;
  reminderAfterHours: number;
  recoveryMaxScore: number;
  recoveryKeywords: string[];
  questions: SurveyQuestion[];
};

export type SurveySettingsView = SurveySettingsValues & {
  /** Null while the defaults apply (no admin has saved settings yet). */
  updatedAt: string | null;
};

/** What applies until an admin saves settings. */
export const DEFAULT_SURVEY_SETTINGS: SurveySettingsValues = {
  enabled: true,
  channels: [...CHANNELS],
  ticketTypes: [...TICKET_TYPES],
  expiryDays: 14,
  reminderAfterHours: 72,
  recoveryMaxScore: 2,
  recoveryKeywords: ['شكوى', 'سيء', 'سيئ', 'إهمال', 'تأخير', 'تأخر', 'لم يرد', 'غير راض', 'ظلم', 'إساءة', 'complaint', 'rude', 'ignored'],
  questions: DEFAULT_SURVEY_QUESTIONS,
};

const ROW_ID = 1;

@Injectable()
export class SurveySettingsService {
  constructor(
    @InjectRepository(SurveySettings) private readonly settings: Repository<SurveySettings>,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<SurveySettingsView> {
    const row = await this.settings.findOneBy({ id: ROW_ID });
    return row ? toView(row) : { ...DEFAULT_SURVEY_SETTINGS, updatedAt: null };
  }

  /** Changes some settings; the rest keep their current values. */
  async update(changes: Partial<SurveySettingsValues>, actor: Actor): Promise<SurveySettingsView> {
    const before = await this.current();
    const next: SurveySettingsValues = { ...pickValues(before), ...definedOnly(changes) };
    next.channels = [...new Set(next.channels)];
    next.ticketTypes = [...new Set(next.ticketTypes)];
    next.recoveryKeywords = [...new Set(next.recoveryKeywords.map((k) => k.trim()).filter(Boolean))];
    next.questions = validateSurveyQuestions(next.questions);
    if (next.reminderAfterHours > 0 && next.reminderAfterHours >= next.expiryDays * 24) {
      throw new DomainError('invalid_input', 'reminderAfterHours must be shorter than the link lifetime (expiryDays)');
    }
    await this.settings.manager.transaction(async (manager) => {
      await manager.getRepository(SurveySettings).save({ id: ROW_ID, ...next, updatedById: actor.id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'survey.settings_updated',
          entityType: 'survey_settings',
          entityId: null,
          before: pickValues(before),
          after: next,
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.current();
  }
}

function toView(row: SurveySettings): SurveySettingsView {
  return {
    enabled: row.enabled,
    channels: row.channels,
    ticketTypes: row.ticketTypes,
    expiryDays: row.expiryDays,
    reminderAfterHours: row.reminderAfterHours,
    recoveryMaxScore: row.recoveryMaxScore,
    recoveryKeywords: row.recoveryKeywords,
    questions: row.questions,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function pickValues(view: SurveySettingsView): SurveySettingsValues {
  const { updatedAt: _updatedAt, ...values } = view;
  return values;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
