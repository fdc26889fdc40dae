import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, CONTACT_KINDS, IDENTITY_KINDS, type Contact } from '@app/contacts';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class ContactIdentityResponse {
  @ApiProperty({ enum: IDENTITY_KINDS })
  kind!: string;

  @ApiProperty({ example: '+966501234567', description: 'E.164 phone, lower-case e-mail or the social id' })
  address!: string;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: CONTACT_KINDS })
  kind!: string;

  @ApiProperty({ type: String, nullable: true })
  membershipNumber!: string | null;

  @ApiProperty({ enum: ['ar', 'en'] })
  preferredLanguage!: string;

  @ApiProperty({ type: String, enum: CHANNELS, nullable: true })
  preferredChannel!: string | null;

  @ApiProperty()
  consentToContact!: boolean;

  @ApiProperty()
  surveyOptOut!: boolean;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1••••••••8', description: 'masked; the full number only through the audited reveal call' })
  nationalId!: string | null;

  @ApiProperty({ type: [ContactIdentityResponse] })
  identities!: ContactIdentityResponse[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'set when this contact was merged into another' })
  mergedIntoId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export function toContactView(c: Contact): ContactResponse {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    membershipNumber: c.membershipNumber,
    preferredLanguage: c.preferredLanguage,
    preferredChannel: c.preferredChannel,
    consentToContact: c.consentToContact,
    surveyOptOut: c.surveyOptOut,
    notes: c.notes,
    nationalId: c.nationalIdMasked,
    identities: (c.identities ?? [])
      .map((i) => ({ kind: i.kind, address: i.address }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.address.localeCompare(b.address)),
    mergedIntoId: c.mergedIntoId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
