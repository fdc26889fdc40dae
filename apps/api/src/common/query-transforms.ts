import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** `?status=new,open` or `?status=new&status=open` → ['new', 'open']. */
export const CommaList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((p) => p.trim()).filter(Boolean);
  });

/** `?mine=true` → true; anything but true/false is left for the validator to reject. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** An optional query filter listing values of one vocabulary, e.g. `?status=new,open` (a 400 names a value outside it). */
export const OptionalListOf = (values: readonly string[], description = 'comma-separated', example?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description}; one or more of: ${values.join(', ')}`, ...(example ? { example } : {}) }),
    IsOptional(),
    CommaList(),
    IsIn(values, { each: true }),
  );

/** An optional id filter, e.g. `?teamId=…` (a 400 names it when it is not a uuid). */
export const OptionalUuid = (description?: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ format: 'uuid', ...(description ? { description } : {}) }), IsOptional(), IsUUID());
