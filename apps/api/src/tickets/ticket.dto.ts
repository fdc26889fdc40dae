import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Matches,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, CONTACT_KINDS, type Channel, type ContactKind } from '@app/contacts';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  type TicketSort,
} from '@app/tickets';
import { OptionalListOf, OptionalUuid, QueryBoolean } from '../common/query-transforms.js';
import { PageQuery } from '../common/page-query.js';

const SORTS: TicketSort[] = ['recent', 'newest', 'oldest', 'due'];

export class ListTicketsQuery extends PageQuery(25, 100) {
  @OptionalListOf(TICKET_STATUSES, 'comma-separated', 'new,open')
  status?: TicketStatus[];

  @OptionalListOf(CHANNELS, 'comma-separated', 'sms,whatsapp')
  channel?: Channel[];

  @OptionalListOf(TICKET_TYPES, 'comma-separated')
  type?: TicketType[];

  @OptionalListOf(TICKET_PRIORITIES, 'comma-separated')
  priority?: TicketPriority[];

  @OptionalUuid()
  assigneeId?: string;

  @OptionalUuid()
  teamId?: string;

  @OptionalUuid()
  categoryId?: string;

  @OptionalUuid()
  contactId?: string;

  @ApiPropertyOptional({ description: 'only tickets assigned to me' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ description: 'past a first-response or resolution deadline' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'ticket number, contact name, phone, e-mail or message text (Arabic-aware)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'recent' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: TicketSort;
}

export class NewContactDto {
  @ApiProperty({ example: 'فاطمة الزهراني' })
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name!: string;

  @ApiPropertyOptional({ example: '0501234567' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '1012345672' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  nationalId?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;
}

const OFFICER_CHANNELS = ['phone', 'letter', 'visit'] as const;

export class CreateTicketDto {
  @ApiProperty({ enum: OFFICER_CHANNELS, description: 'officers open tickets for calls, letters and walk-in visits' })
  @IsIn(OFFICER_CHANNELS)
  channel!: (typeof OFFICER_CHANNELS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'an existing contact; or give `contact`' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ type: NewContactDto, description: 'found by phone, e-mail or national ID, else created' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewContactDto)
  contact?: NewContactDto;

  @ApiProperty({ example: 'استفسار عن موعد صرف المساعدة' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  subject!: string;

  @ApiProperty({ description: 'what the person said or wrote' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES, default: 'inquiry' })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: TicketType;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @OptionalUuid()
  categoryId?: string;

  @OptionalUuid()
  teamId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

export class WhatsAppTemplateDto {
  @ApiProperty({ example: 'HX0123456789abcdef0123456789abcdef' })
  @Matches(/^HX[0-9a-f]{32}$/i, { message: 'contentSid must look like HX followed by 32 hex digits' })
  contentSid!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { '1': 'أحمد' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;
}

export class AddMessageDto {
  @ApiProperty({ enum: ['reply', 'note'] })
  @IsIn(['reply', 'note'])
  kind!: 'reply' | 'note';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;

  @ApiPropertyOptional({
    enum: ['sms', 'email'],
    description: 'answer on another of the contact’s channels (e.g. SMS outside the WhatsApp 24-hour window)',
  })
  @IsOptional()
  @IsIn(['sms', 'email'])
  via?: 'sms' | 'email';

  @ApiPropertyOptional({ type: WhatsAppTemplateDto, description: 'an approved WhatsApp template, required outside the 24-hour window' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WhatsAppTemplateDto)
  whatsappTemplate?: WhatsAppTemplateDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'ids returned by POST /api/v1/tickets/:id/attachments' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class AssignDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null releases the ticket' })
  @IsOptional()
  @IsUUID()
  assigneeId!: string | null;
}

export class EscalateDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  status!: TicketStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ResolveDto {
  @ApiPropertyOptional({ description: 'an internal note on how it was resolved' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateTicketDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  subject?: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: TicketType;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}
