import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, CONTACT_KINDS } from '@app/contacts';
import { TICKET_PRIORITIES, TICKET_TYPES } from '@app/tickets';
import { PageQuery } from '../common/page-query.js';

export class RuleConditionsDto {
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  channels?: string[];

  @ApiPropertyOptional({ enum: TICKET_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(TICKET_TYPES, { each: true })
  types?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @ApiPropertyOptional({ enum: CONTACT_KINDS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CONTACT_KINDS, { each: true })
  contactKinds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['إيجار', 'سكن'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(60, { each: true })
  keywords?: string[];
}

export class RuleActionsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: 'low' | 'normal' | 'high' | 'urgent';

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

export class RoutingRuleDto {
  @ApiProperty({ example: 'طلبات الإيجار إلى فريق المساعدات' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ description: 'order; lower first' })
  @IsOptional()
  @IsInt()
  position?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: RuleConditionsDto, description: 'empty = the default rule (always matches)' })
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions!: RuleConditionsDto;

  @ApiProperty({ type: RuleActionsDto })
  @ValidateNested()
  @Type(() => RuleActionsDto)
  actions!: RuleActionsDto;
}

export class UpdateRoutingRuleDto extends PartialType(RoutingRuleDto) {}

export class RoutingRuleOrderDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'every routing rule id, once each, first match first' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class SlaPolicyDto {
  @ApiProperty({ example: 'الافتراضي' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true, description: 'empty = any priority' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: string | null;

  @ApiPropertyOptional({ enum: TICKET_TYPES, nullable: true, description: 'empty = any type' })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  ticketType?: string | null;

  @ApiProperty({ description: 'working minutes (fractions allowed)', example: 120 })
  @IsNumber()
  @Min(0.05)
  @Max(60 * 24 * 365)
  firstResponseMinutes!: number;

  @ApiProperty({ description: 'working minutes', example: 2400 })
  @IsNumber()
  @Min(0.05)
  @Max(60 * 24 * 365)
  resolutionMinutes!: number;

  @ApiPropertyOptional({ description: 'minutes between escalation levels after a breach', default: 60 })
  @IsOptional()
  @IsNumber()
  @Min(0.05)
  escalationStepMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateSlaPolicyDto extends PartialType(SlaPolicyDto) {}

const HM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class IntervalDto {
  @ApiProperty({ example: '08:00' })
  @Matches(HM, { message: 'start must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '15:00' })
  @Matches(HM, { message: 'end must be HH:MM' })
  end!: string;
}

export class HolidayDto {
  @ApiProperty({ example: '2026-09-23' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiPropertyOptional({ example: 'اليوم الوطني' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;
}

export class OverrideDto {
  @ApiProperty({ example: '2026-02-18' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-03-19' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to!: string;

  @ApiProperty({ type: [IntervalDto], description: 'empty = closed' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IntervalDto)
  hours!: IntervalDto[];

  @ApiPropertyOptional({ example: 'رمضان' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;
}

export class CalendarDto {
  @ApiProperty({ example: 'ساعات العمل' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'Asia/Riyadh' })
  @IsString()
  @MaxLength(60)
  timeZone!: string;

  @ApiProperty({
    description: 'seven days, Sunday first; each a list of intervals',
    type: 'array',
    items: { type: 'array', items: { $ref: '#/components/schemas/IntervalDto' } },
  })
  @IsArray()
  weekly!: IntervalDto[][];

  @ApiProperty({ type: [HolidayDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays!: HolidayDto[];

  @ApiProperty({ type: [OverrideDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OverrideDto)
  overrides!: OverrideDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class ReferDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class BulkTicketsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ticketIds!: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'assign all to this officer (null: unassign)' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

export class ListNotificationsQuery extends PageQuery(30, 100) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['true', 'false'])
  unreadOnly?: 'true' | 'false';
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'omit to mark all read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}
