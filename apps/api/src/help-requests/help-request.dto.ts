import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { validateNationalId } from '@app/common';
import { CHANNELS, normalizeIdentityAddress, type Channel } from '@app/contacts';
import {
  BOARD_STAGES,
  DECISION_OUTCOMES,
  FIELD_TYPES,
  HOUSEHOLD_RELATIONS,
  isIsoDate,
  RESEARCH_KINDS,
  SERVICE_TYPE_CODE,
  VERIFICATION_RESULTS,
  type BoardStage,
  type DecisionOutcome,
  type FieldType,
  type HouseholdRelation,
  type ResearchKind,
  type VerificationResult,
} from '@app/help-requests';
import { CommaList, QueryBoolean } from '../common/query-transforms.js';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const trimmedOrAbsent = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim();
  return v === '' ? undefined : v;
};

function custom(name: string, validate: (value: unknown) => boolean, message: (args: ValidationArguments) => string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate, defaultMessage: (args?: ValidationArguments) => message(args!) },
    });
}

/** A required name or label (Arabic or English) of up to 200 characters; listed bottom-up, as stacked decorators apply, so messages keep their order. */
const RequiredName = (): PropertyDecorator => applyDecorators(MaxLength(200), IsNotEmpty(), IsString(), ApiProperty());

const ID_REASON = {
  format: 'must be 10 digits',
  prefix: 'must start with 1 (citizen) or 2 (resident)',
  check_digit: 'has a wrong check digit',
} as const;

/** A Saudi national ID / Iqama number whose check digit is right (Arabic-Indic digits accepted). */
export const IsNationalId = (): PropertyDecorator =>
  custom(
    'isNationalId',
    (v) => typeof v === 'string' && validateNationalId(v).valid,
    (args) => {
      const v = typeof args.value === 'string' ? validateNationalId(args.value) : null;
      return `${args.property} ${v && !v.valid ? ID_REASON[v.reason] : 'must be a national ID or Iqama number'}`;
    },
  );

export const IsPhoneNumber = (): PropertyDecorator =>
  custom(
    'isPhoneNumber',
    (v) => typeof v === 'string' && normalizeIdentityAddress('phone', v) !== null,
    (args) => `${args.property} is not a valid phone number (e.g. 0501234567 or +966501234567)`,
  );

export const IsCalendarDate = (): PropertyDecorator =>
  custom(
    'isCalendarDate',
    (v) => isIsoDate(v),
    (args) => `${args.property} must be a date written YYYY-MM-DD`,
  );

export class HouseholdMemberDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a saved member (the id the api returns): without nationalId the stored ID is kept; nationalId null removes it',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'سارة' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  name!: string;

  @ApiProperty({ enum: HOUSEHOLD_RELATIONS })
  @IsIn(HOUSEHOLD_RELATIONS)
  relation!: HouseholdRelation;

  @ApiPropertyOptional({ example: '2015-03-01' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1100000007',
    description: 'optional; stored only encrypted. For a saved member (id): omitted keeps the stored ID, null removes it',
  })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsNationalId()
  nationalId?: string | null;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  monthlyIncomeSar?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  notes?: string;
}

/** CONTRACT: `{name, nationalId, phone, serviceType, description}` plus the optional fields below. */
export class PublicHelpRequestDto {
  @ApiProperty({ example: 'فاطمة الزهراني' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  name!: string;

  @ApiProperty({ example: '1012345672', description: 'National ID (citizens) or Iqama (residents); a wrong check digit is a 400 naming nationalId' })
  @Transform(trimmed)
  @IsNationalId()
  nationalId!: string;

  @ApiProperty({ example: '0501234567' })
  @Transform(trimmed)
  @IsPhoneNumber()
  @MaxLength(32)
  phone!: string;

  @ApiProperty({ example: 'rent', description: 'a code from GET /api/v1/public/help-requests/service-types' })
  @Transform(trimmed)
  @IsString()
  @Matches(SERVICE_TYPE_CODE, { message: 'serviceType must be a service code such as rent' })
  serviceType!: string;

  @ApiProperty({ example: 'أحتاج مساعدة في سداد إيجار المنزل' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional()
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: ['ar', 'en'], description: 'language of the notices; Arabic when not given' })
  @IsOptional()
  @IsIn(['ar', 'en'])
  language?: 'ar' | 'en';

  @ApiPropertyOptional({ type: [HouseholdMemberDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberDto)
  household?: HouseholdMemberDto[];

  @ApiPropertyOptional({
    description: 'answers to the service type\'s fields, e.g. {"monthlyIncome": 2500}',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown>;
}

export class TicketNumberReply {
  @ApiProperty({ example: '1448-000123' })
  ticketNumber!: string;
}

export class ApplicantDto {
  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  name!: string;

  @ApiPropertyOptional({ example: '0501234567' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsPhoneNumber()
  phone?: string;

  @ApiPropertyOptional()
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsEmail()
  email?: string;
}

const STAFF_CHANNELS = CHANNELS.filter((c) => c !== 'help_request' && c !== 'web');

/** An officer's intake: on an existing ticket (`ticketId`), or opening one for a visit or call. */
export class CreateHelpRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the ticket the application belongs to (it becomes a help_request ticket)' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ type: ApplicantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicantDto)
  contact?: ApplicantDto;

  @ApiPropertyOptional({ enum: STAFF_CHANNELS, default: 'visit', description: 'for a new ticket: how the applicant came' })
  @IsOptional()
  @IsIn(STAFF_CHANNELS)
  channel?: Channel;

  @ApiProperty({ example: 'rent' })
  @IsString()
  @Matches(SERVICE_TYPE_CODE, { message: 'serviceType must be a service code such as rent' })
  serviceType!: string;

  @ApiPropertyOptional({ example: '1012345672' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsNationalId()
  nationalId?: string;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ type: [HouseholdMemberDto], description: "a registered beneficiary's household is taken from the file when omitted" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberDto)
  household?: HouseholdMemberDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown>;
}

export class UpdateHelpRequestDto {
  @ApiPropertyOptional()
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  name?: string;

  @ApiPropertyOptional()
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsNationalId()
  nationalId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(SERVICE_TYPE_CODE, { message: 'serviceType must be a service code such as rent' })
  serviceType?: string;

  @ApiPropertyOptional()
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    type: [HouseholdMemberDto],
    description: 'replaces the whole household; a member sent with its saved id keeps its stored national ID unless another (or null) is given',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberDto)
  household?: HouseholdMemberDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'merged into the answers; null removes one' })
  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown>;
}

export class AddDocumentDto {
  @ApiProperty({ example: 'national_id_copy' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,40}$/, { message: 'documentType must be lower-case letters, digits and _' })
  documentType!: string;

  @ApiPropertyOptional({ example: '2030-01-31', description: 'Gregorian expiry date' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string;

  @ApiPropertyOptional({ example: '1451-08-20', description: 'or the Umm al-Qura expiry date as printed on Saudi IDs' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @Matches(/^1[3-5]\d\d-\d\d-\d\d$/, { message: 'expiresOnHijri must be a Hijri date written YYYY-MM-DD, e.g. 1451-08-20' })
  expiresOnHijri?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a file already on the ticket (e.g. sent by WhatsApp), instead of uploading one' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsUUID()
  attachmentId?: string;
}

export class VerifyDocumentDto {
  @ApiProperty({ enum: VERIFICATION_RESULTS, description: 'matches: the document matches the data; mismatch: it does not' })
  @IsIn(VERIFICATION_RESULTS)
  result!: VerificationResult;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

export class ConfirmCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @MaxLength(20)
  code!: string;
}

export class PaperDeclarationDto {
  @ApiPropertyOptional({ example: '2026-11-25', description: 'the date on the signed form; today when omitted' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

const MOVABLE_STAGES = BOARD_STAGES.filter((s) => s !== 'decided');

export class StageDto {
  @ApiProperty({ enum: MOVABLE_STAGES })
  @IsIn(MOVABLE_STAGES)
  stage!: BoardStage;
}

export class ResearchDto {
  @ApiProperty({ enum: RESEARCH_KINDS })
  @IsIn(RESEARCH_KINDS)
  kind!: ResearchKind;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  notes!: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'field visits: the day of the visit' })
  @IsOptional()
  @IsCalendarDate()
  visitDate?: string;

  @ApiPropertyOptional({ description: 'field visits: what was found' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  findings?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({ example: 3000, description: 'approved amount in SAR (per month when durationMonths is given)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  amountSar?: number;

  @ApiPropertyOptional({ type: [String], example: ['سلة غذائية'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  items?: string[];

  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths?: number;

  @ApiPropertyOptional({ description: 'required when rejected; told to the applicant' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'required for more_info: what the applicant must provide' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  infoNeeded?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a correction: the decision it corrects (decisions are never edited)' })
  @IsOptional()
  @IsUUID()
  correctsDecisionId?: string;
}

export class BoardQuery {
  @ApiPropertyOptional({ description: 'comma-separated', example: 'new,under_study' })
  @IsOptional()
  @CommaList()
  @IsIn(BOARD_STAGES, { each: true })
  stage?: BoardStage[];

  @ApiPropertyOptional({ description: 'only studies past their due date' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'rent' })
  @IsOptional()
  @Matches(SERVICE_TYPE_CODE, { message: 'serviceType must be a service code such as rent' })
  serviceType?: string;
}

export class TurnaroundQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'decisions from this day (Riyadh), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'decisions up to this day (Riyadh), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class FieldOptionDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[a-z0-9_]{1,40}$/, { message: 'value must be lower-case letters, digits and _' })
  value!: string;

  @RequiredName()
  labelAr!: string;

  @RequiredName()
  labelEn!: string;
}

export class FieldSpecDto {
  @ApiProperty({ example: 'monthlyIncome' })
  @IsString()
  @MaxLength(40)
  name!: string;

  @ApiProperty({ enum: FIELD_TYPES })
  @IsIn(FIELD_TYPES)
  type!: FieldType;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @RequiredName()
  labelAr!: string;

  @RequiredName()
  labelEn!: string;

  @ApiPropertyOptional({ type: [FieldOptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FieldOptionDto)
  options?: FieldOptionDto[];
}

export class DocumentSpecDto {
  @ApiProperty({ example: 'lease_contract' })
  @IsString()
  @MaxLength(41)
  type!: string;

  @RequiredName()
  labelAr!: string;

  @RequiredName()
  labelEn!: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiProperty({ description: 'the document carries an expiry date and must be valid on the submission day' })
  @IsBoolean()
  hasExpiry!: boolean;
}

export class CreateServiceTypeDto {
  @ApiProperty({ example: 'winter_support' })
  @IsString()
  @Matches(SERVICE_TYPE_CODE, { message: 'code must be lower-case letters, digits and _' })
  code!: string;

  @RequiredName()
  nameAr!: string;

  @RequiredName()
  nameEn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionAr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionEn?: string;

  @ApiProperty({ type: [FieldSpecDto] })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => FieldSpecDto)
  fields!: FieldSpecDto[];

  @ApiProperty({ type: [DocumentSpecDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DocumentSpecDto)
  documents!: DocumentSpecDto[];

  @ApiProperty({ minimum: 14, example: 14 })
  @IsInt()
  @Min(14, { message: 'committeeTargetDays must be at least 14 (member support policy)' })
  @Max(365)
  committeeTargetDays!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  sortOrder?: number;
}

/** Every field optional; the code never changes (forms and reports use it). */
export class UpdateServiceTypeDto extends PartialType(OmitType(CreateServiceTypeDto, ['code'] as const)) {}
