import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';
import { normalizeIdentityAddress } from '@app/contacts';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
/** Blank optional fields count as not given (HTML forms send empty inputs). */
const trimmedOrAbsent = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim();
  return v === '' ? undefined : v;
};

/**
 * One rule, one message per field (class-validator would otherwise list every failed constraint of a
 * missing field): text of 1..max characters after trimming, or — for `kind` — a phone number or
 * e-mail address the contacts library accepts (Saudi numbers in any local form, Arabic digits too).
 */
function FormField(rule: { max: number; required?: string; kind?: 'phone' | 'email' }): PropertyDecorator {
  const problem = (value: unknown, property: string): string | null => {
    if (value === undefined || value === null || value === '') return rule.required ?? `${property} is required`;
    if (typeof value !== 'string') return `${property} must be text`;
    if (value.length > rule.max) return `${property} must be at most ${rule.max} characters`;
    if (rule.kind && normalizeIdentityAddress(rule.kind, value) === null) {
      return rule.kind === 'phone'
        ? `${property} is not a valid phone number (e.g. 0501234567 or +966501234567)`
        : `${property} is not a valid e-mail address`;
    }
    return null;
  };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'formField',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => problem(value, args?.property ?? String(propertyName)) === null,
        defaultMessage: (args?: ValidationArguments) => problem(args?.value, args?.property ?? String(propertyName)) ?? 'is not valid',
      },
    });
}

/** The website contact form (CONTRACT: `{name, email?, phone?, subject?, message}`). */
export class ContactFormDto {
  @ApiProperty({ maxLength: 120, example: 'فاطمة الزهراني' })
  @Transform(trimmed)
  @FormField({ max: 120 })
  name!: string;

  @ApiPropertyOptional({ maxLength: 254, description: 'e-mail or phone (at least one) — the ticket number is sent there' })
  @Transform(trimmedOrAbsent)
  @ValidateIf((o: ContactFormDto) => o.email !== undefined || o.phone === undefined)
  @FormField({ max: 254, kind: 'email', required: 'email or phone must be given, so we can send you the ticket number' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 32, example: '0501234567' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @FormField({ max: 32, kind: 'phone' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @FormField({ max: 200 })
  subject?: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trimmed)
  @FormField({ max: 5000 })
  message!: string;

  /**
   * Honeypot: the website renders this field hidden from people (CSS, `autocomplete="off"`,
   * `tabindex="-1"`). Anything typed into it marks the submission as a bot's: it is answered 201
   * like a real one, with `ticketNumber: null`, and nothing is stored or sent.
   */
  @ApiPropertyOptional({ description: 'honeypot — must stay empty; leave it hidden on the website' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  website?: string;
}

export class ContactFormReply {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1448-000123',
    description: 'null when the form was received but the ticket is still being opened (202); the number is then sent by SMS or e-mail',
  })
  ticketNumber!: string | null;

  @ApiPropertyOptional()
  message?: string;
}
