import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '@app/contacts';
import {
  MAX_SURVEY_COMMENT_LENGTH,
  QUESTION_KEY_PATTERN,
  SURVEY_GROUPS,
  SURVEY_INTERVALS,
  SURVEY_QUESTION_KINDS,
  type SurveyGroupBy,
  type SurveyInterval,
  type SurveyQuestionKind,
} from '@app/surveys';
import { TICKET_TYPES, type TicketType } from '@app/tickets';
import { OptionalListOf, OptionalUuid } from '../common/query-transforms.js';
import { PageQuery } from '../common/page-query.js';

export class SurveyAnswerDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'overall satisfaction: 1 very dissatisfied … 5 very satisfied' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'integer', minimum: 1, maximum: 5 }, { type: 'boolean' }] },
    description: 'answers by question key: 1–5 for scale questions, true/false for yes/no',
    example: { speed: 4, courtesy: 5, resolved: true },
  })
  @IsOptional()
  @IsObject()
  answers?: Record<string, number | boolean>;

  @ApiPropertyOptional({ maxLength: MAX_SURVEY_COMMENT_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SURVEY_COMMENT_LENGTH)
  comment?: string;
}

export class SurveyFilterQuery {
  @ApiPropertyOptional({ description: 'invitations sent from this date (YYYY-MM-DD, Riyadh time) or date-time', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'up to and including this date (YYYY-MM-DD), or before this date-time', example: '2026-01-31' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @OptionalListOf(CHANNELS, 'comma-separated ticket channels', 'sms,whatsapp')
  channel?: Channel[];

  @OptionalListOf(TICKET_TYPES, 'comma-separated ticket types')
  type?: TicketType[];

  @OptionalUuid()
  categoryId?: string;

  @OptionalUuid()
  teamId?: string;
}

export class SurveyResultsQueryDto extends SurveyFilterQuery {
  @ApiPropertyOptional({ enum: SURVEY_GROUPS, description: '`officer` is for supervisors and admins only' })
  @IsOptional()
  @IsIn(SURVEY_GROUPS)
  groupBy?: SurveyGroupBy;

  @ApiPropertyOptional({ enum: SURVEY_INTERVALS, default: 'month', description: 'with groupBy=period; weeks start on Sunday' })
  @IsOptional()
  @IsIn(SURVEY_INTERVALS)
  interval?: SurveyInterval;
}

export class SurveyCommentsQueryDto extends PageQuery(25, 100, SurveyFilterQuery) {}

export class SurveyQuestionLabelDto {
  @ApiProperty({ example: 'سرعة الاستجابة لطلبك' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ar!: string;

  @ApiProperty({ example: 'How quickly we responded' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  en!: string;
}

export class SurveyQuestionDto {
  @ApiProperty({ example: 'speed', pattern: QUESTION_KEY_PATTERN.source })
  @Matches(QUESTION_KEY_PATTERN, { message: 'key must be lower-case letters, digits or _ and start with a letter' })
  key!: string;

  @ApiProperty({ enum: SURVEY_QUESTION_KINDS })
  @IsIn(SURVEY_QUESTION_KINDS)
  kind!: SurveyQuestionKind;

  @ApiProperty({ type: SurveyQuestionLabelDto })
  @ValidateNested()
  @Type(() => SurveyQuestionLabelDto)
  label!: SurveyQuestionLabelDto;
}

export class UpdateSurveySettingsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: 'ticket channels whose contacts are surveyed' })
  @IsOptional()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ enum: TICKET_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(TICKET_TYPES, { each: true })
  ticketTypes?: TicketType[];

  @ApiPropertyOptional({ minimum: 1, maximum: 90, description: 'days a survey link stays valid' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  expiryDays?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'hours after the invitation for the one reminder (fractions allowed); 0 = no reminder' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(90 * 24)
  reminderAfterHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, description: 'scores at or below this open a service-recovery task; 0 = keywords only' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  recoveryMaxScore?: number;

  @ApiPropertyOptional({ type: [String], description: 'comment words that open a service-recovery task (Arabic-normalised matching)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  recoveryKeywords?: string[];

  @ApiPropertyOptional({ type: [SurveyQuestionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions?: SurveyQuestionDto[];
}
