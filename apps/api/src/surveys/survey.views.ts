import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '@app/contacts';
import {
  SURVEY_GROUPS,
  SURVEY_INTERVALS,
  SURVEY_QUESTION_KINDS,
  type SurveyGroupBy,
  type SurveyInterval,
  type SurveyQuestionKind,
} from '@app/surveys';
import { TICKET_TYPES, type TicketType } from '@app/tickets';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class SurveyQuestionLabelView {
  @ApiProperty()
  ar!: string;

  @ApiProperty()
  en!: string;
}

export class SurveyQuestionView {
  @ApiProperty()
  key!: string;

  @ApiProperty({ enum: SURVEY_QUESTION_KINDS })
  kind!: SurveyQuestionKind;

  @ApiProperty({ type: SurveyQuestionLabelView })
  label!: SurveyQuestionLabelView;
}

export class PublicSurveyResponse {
  @ApiProperty({ example: '1448-000123' })
  ticketNumber!: string;

  @ApiProperty({ enum: ['ar', 'en'], description: 'the contact’s language' })
  language!: 'ar' | 'en';

  @ApiProperty({ type: [SurveyQuestionView] })
  questions!: SurveyQuestionView[];

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ example: 2000 })
  maxCommentLength!: number;
}

export class SurveyAnswerReceiptResponse {
  @ApiProperty()
  ticketNumber!: string;

  @ApiProperty()
  score!: number;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
}

export class SurveyOptOutResponse {
  @ApiProperty({ enum: [true] })
  optedOut!: true;
}

export class SurveyFiguresView {
  @ApiProperty()
  sent!: number;

  @ApiProperty()
  answered!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'answered ÷ sent, percent, one decimal' })
  responseRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'share of answers scoring 4 or 5, percent, one decimal' })
  csat!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'mean overall score 1–5, two decimals' })
  averageScore!: number | null;
}

export class SurveyGroupResultView extends SurveyFiguresView {
  @ApiProperty({ type: String, nullable: true, description: 'channel, type, id or period; null for "none" (no team, no officer)' })
  key!: string | null;

  @ApiProperty({ type: String, nullable: true })
  label!: string | null;
}

export class SurveyResultsResponse {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  to!: string | null;

  @ApiProperty({ enum: SURVEY_GROUPS, nullable: true })
  groupBy!: SurveyGroupBy | null;

  @ApiProperty({ enum: SURVEY_INTERVALS, nullable: true })
  interval!: SurveyInterval | null;

  @ApiProperty({ type: SurveyFiguresView })
  totals!: SurveyFiguresView;

  @ApiProperty({ type: [SurveyGroupResultView] })
  groups!: SurveyGroupResultView[];
}

export class SurveyCommentItemView {
  @ApiProperty({ format: 'uuid' })
  responseId!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty()
  ticketNumber!: string;

  @ApiProperty()
  channel!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  team!: string | null;

  @ApiProperty({ type: String, nullable: true })
  category!: string | null;

  @ApiProperty()
  score!: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  answers!: Record<string, number | boolean>;

  @ApiProperty()
  comment!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  recoveryTicketId!: string | null;

  @ApiProperty({ format: 'date-time' })
  answeredAt!: string;
}

export class SurveyCommentsResponse {
  @ApiProperty({ type: [SurveyCommentItemView] })
  items!: SurveyCommentItemView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class SurveySettingsResponse {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels!: Channel[];

  @ApiProperty({ enum: TICKET_TYPES, isArray: true })
  ticketTypes!: TicketType[];

  @ApiProperty()
  expiryDays!: number;

  @ApiProperty()
  reminderAfterHours!: number;

  @ApiProperty()
  recoveryMaxScore!: number;

  @ApiProperty({ type: [String] })
  recoveryKeywords!: string[];

  @ApiProperty({ type: [SurveyQuestionView] })
  questions!: SurveyQuestionView[];

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'null while the defaults apply' })
  updatedAt!: string | null;
}
