import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { Team } from '@app/users';
import { type CalendarSpec, defaultSaudiCalendar, validateCalendar } from './business-calendar.js';
import { BusinessCalendar, toCalendarSpec } from './business-calendar.entity.js';

@Injectable()
export class BusinessCalendarsService {
  constructor(
    @InjectRepository(BusinessCalendar) private readonly calendars: Repository<BusinessCalendar>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<BusinessCalendar[]> {
    return this.calendars.find({ order: { isDefault: 'DESC', name: 'ASC' } });
  }

  async getDefault(): Promise<BusinessCalendar> {
    const found = await this.calendars.findOneBy({ isDefault: true });
    if (found) return found;
    const spec = defaultSaudiCalendar();
    return this.calendars.save(this.calendars.create({ name: 'ساعات العمل', ...spec, isDefault: true }));
  }

  /** The calendar a team's SLA clocks run on: its own, else the default. */
  async specFor(teamId: string | null): Promise<CalendarSpec> {
    if (teamId) {
      const team = await this.teams.findOneBy({ id: teamId });
      if (team?.calendarId) {
        const own = await this.calendars.findOneBy({ id: team.calendarId });
        if (own) return toCalendarSpec(own);
      }
    }
    return toCalendarSpec(await this.getDefault());
  }

  async save(id: string | null, input: { name: string } & CalendarSpec & { isDefault?: boolean }, actor: Actor): Promise<BusinessCalendar> {
    const problem = validateCalendar(input);
    if (problem) throw new DomainError('invalid_input', `calendar: ${problem}`);
    const existing = id ? await this.calendars.findOneBy({ id }) : null;
    if (id && !existing) throw DomainError.notFound('Calendar', id);
    if (input.isDefault) await this.calendars.update({ isDefault: true }, { isDefault: false });
    const saved = await this.calendars.save(
      this.calendars.create({
        ...(existing ?? {}),
        name: input.name,
        timeZone: input.timeZone,
        weekly: input.weekly,
        holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)),
        overrides: [...input.overrides].sort((a, b) => a.from.localeCompare(b.from)),
        isDefault: input.isDefault ?? existing?.isDefault ?? false,
      }),
    );
    await this.audit.record({
      actorId: actor.id,
      action: existing ? 'calendar.updated' : 'calendar.created',
      entityType: 'business_calendar',
      entityId: saved.id,
      before: existing ? { ...toCalendarSpec(existing) } : null,
      after: { ...toCalendarSpec(saved) },
      ip: actor.ip,
    });
    return saved;
  }
}
