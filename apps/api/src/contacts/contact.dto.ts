import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CHANNELS, CONTACT_KINDS, IDENTITY_KINDS, type Channel, type ContactKind, type IdentityKind } from '@app/contacts';
import { PageQuery } from '../common/page-query.js';

export class IdentityDto {
  @ApiProperty({ enum: IDENTITY_KINDS })
  @IsIn(IDENTITY_KINDS)
  kind!: IdentityKind;

  @ApiProperty({ example: '0501234567' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  address!: string;
}

export class CreateContactDto {
  @ApiProperty({ example: 'فاطمة الزهراني' })
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name!: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'public' })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  membershipNumber?: string;

  @ApiPropertyOptional({ enum: ['ar', 'en'] })
  @IsOptional()
  @IsIn(['ar', 'en'])
  preferredLanguage?: 'ar' | 'en';

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  preferredChannel?: Channel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  surveyOptOut?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ example: '1012345672' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  nationalId?: string;

  @ApiPropertyOptional({ type: [IdentityDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => IdentityDto)
  identities?: IdentityDto[];
}

export class UpdateContactDto extends PartialType(CreateContactDto) {}

export class MergeContactDto {
  @ApiProperty({ format: 'uuid', description: 'the duplicate, merged into the contact in the path' })
  @IsUUID()
  sourceContactId!: string;
}

export class SearchContactsQuery extends PageQuery(25, 100) {
  @ApiPropertyOptional({ description: 'name, phone, e-mail or membership number (Arabic-aware)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;
}
