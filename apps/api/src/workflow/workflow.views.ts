import { ApiProperty } from '@nestjs/swagger';
import type { Notification } from '@app/notifications';
import { TICKET_PRIORITIES, TICKET_TYPES } from '@app/tickets';
import { HolidayDto, IntervalDto, OverrideDto, RuleActionsDto, RuleConditionsDto } from './workflow.dto.js';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class RoutingRuleResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'order; lower first, the first match wins' })
  position!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: RuleConditionsDto })
  conditions!: RuleConditionsDto;

  @ApiProperty({ type: RuleActionsDto })
  actions!: RuleActionsDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class SlaPolicyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, enum: TICKET_PRIORITIES, nullable: true, description: 'null: any priority' })
  priority!: string | null;

  @ApiProperty({ type: String, enum: TICKET_TYPES, nullable: true, description: 'null: any type' })
  ticketType!: string | null;

  @ApiProperty({ description: 'working minutes' })
  firstResponseMinutes!: number;

  @ApiProperty({ description: 'working minutes' })
  resolutionMinutes!: number;

  @ApiProperty({ description: 'minutes between escalation levels after a breach' })
  escalationStepMinutes!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class BusinessCalendarResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'Asia/Riyadh' })
  timeZone!: string;

  @ApiProperty({
    description: 'seven days, Sunday first; each a list of intervals',
    type: 'array',
    items: { type: 'array', items: { $ref: '#/components/schemas/IntervalDto' } },
  })
  weekly!: IntervalDto[][];

  @ApiProperty({ type: [HolidayDto] })
  holidays!: HolidayDto[];

  @ApiProperty({ type: [OverrideDto] })
  overrides!: OverrideDto[];

  @ApiProperty()
  isDefault!: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: Date;
}

export class NotificationResponse implements Notification {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'ticket.assigned' })
  kind!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: unread' })
  readAt!: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] })
  items!: NotificationResponse[];

  @ApiProperty({ description: 'all my unread notifications, not only this page’s' })
  unreadCount!: number;

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'how many notifications were newly marked read' })
  marked!: number;
}
