import { ApiProperty } from '@nestjs/swagger';

// Response bodies of GET /api/v1/stats/overview, described for the OpenAPI document (and so the console's typed client).

export class OpenTicketsCountView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: tickets without a team' })
  teamId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  teamName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  teamNameEn!: string | null;

  @ApiProperty({ enum: ['new', 'open', 'pending', 'with_committee'] })
  status!: string;

  @ApiProperty()
  count!: number;
}

export class DailyChannelVolumeView {
  @ApiProperty({ example: '2025-03-01', description: 'the day in Riyadh time' })
  day!: string;

  @ApiProperty({ example: 'sms' })
  channel!: string;

  @ApiProperty()
  count!: number;
}

export class SlaFiguresView {
  @ApiProperty({ description: 'answered / resolved before the due time' })
  met!: number;

  @ApiProperty({ description: 'answered / resolved late, or still not done past the due time' })
  breached!: number;

  @ApiProperty({ description: 'not done and not yet due' })
  running!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'met ÷ (met + breached), percent, one decimal; null when nothing is decided yet' })
  compliance!: number | null;
}

export class SlaComplianceView {
  @ApiProperty({ type: SlaFiguresView })
  firstResponse!: SlaFiguresView;

  @ApiProperty({ type: SlaFiguresView })
  resolution!: SlaFiguresView;
}

export class StatsTotalsView {
  @ApiProperty({ description: 'tickets opened in the period' })
  created!: number;

  @ApiProperty({ description: 'tickets resolved in the period' })
  resolved!: number;

  @ApiProperty({ description: 'tickets open now (new, open, pending, with the committee)' })
  open!: number;

  @ApiProperty({ description: 'open tickets without an assignee now' })
  unassigned!: number;

  @ApiProperty({ description: 'open tickets past a first-response or resolution due time now' })
  breaching!: number;
}

export class StatsOverviewResponse {
  @ApiProperty({ example: 14 })
  days!: number;

  @ApiProperty({ format: 'date-time', description: 'start of the first day (Riyadh midnight)' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: StatsTotalsView })
  totals!: StatsTotalsView;

  @ApiProperty({ type: [OpenTicketsCountView] })
  openByTeamAndStatus!: OpenTicketsCountView[];

  @ApiProperty({ type: [DailyChannelVolumeView], description: 'tickets opened per Riyadh day and channel (days without tickets are omitted)' })
  volumeByDay!: DailyChannelVolumeView[];

  @ApiProperty({ type: SlaComplianceView, description: 'for tickets opened in the period that have due times' })
  sla!: SlaComplianceView;
}
