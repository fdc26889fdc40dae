import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceTypesService } from '../catalogue/service-types.service.js';
import { type TurnaroundFigures, turnaround } from './turnaround.js';

export interface TurnaroundReport {
  from: string | null;
  to: string | null;
  generatedAt: string;
  items: (TurnaroundFigures & { serviceTypeNameAr: string })[];
}

/** Committee turnaround per service type: decided studies in the period, and the studies open now. */
@Injectable()
export class TurnaroundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: ServiceTypesService,
  ) {}

  /** `from` / `to`: Gregorian dates (Riyadh), inclusive, on the decision date. */
  async report(query: { from?: string; to?: string }, now = new Date()): Promise<TurnaroundReport> {
    const rows: {
      code: string;
      name_en: string;
      status: string;
      first_handed_off_at: Date | null;
      decided_at: Date | null;
      committee_due_at: Date | null;
      clock_paused_seconds: number;
    }[] = await this.dataSource.query(
      `SELECT st.code, st.name_en, hr.status, hr.first_handed_off_at, hr.decided_at, hr.committee_due_at, hr.clock_paused_seconds
         FROM help_requests hr JOIN service_types st ON st.id = hr.service_type_id
         WHERE hr.first_handed_off_at IS NOT NULL
           AND (hr.status <> 'decided'
                OR (($1::date IS NULL OR hr.decided_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Riyadh'))
                    AND ($2::date IS NULL OR hr.decided_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Riyadh'))))`,
      [query.from ?? null, query.to ?? null],
    );
    const figures = turnaround(
      rows.map((r) => ({
        serviceType: r.code,
        serviceTypeName: r.name_en,
        status: r.status,
        firstHandedOffAt: r.first_handed_off_at,
        decidedAt: r.decided_at,
        dueAt: r.committee_due_at,
        pausedSeconds: Number(r.clock_paused_seconds),
      })),
      now,
    );
    const types = await this.catalogue.list();
    const items = types.map((t) => ({
      ...(figures.find((f) => f.serviceType === t.code) ?? {
        serviceType: t.code,
        serviceTypeName: t.nameEn,
        decided: 0,
        avgDays: null,
        medianDays: null,
        avgElapsedDays: null,
        decidedLate: 0,
        open: 0,
        overdue: 0,
      }),
      serviceTypeName: t.nameEn,
      serviceTypeNameAr: t.nameAr,
    }));
    return { from: query.from ?? null, to: query.to ?? null, generatedAt: now.toISOString(), items };
  }
}
