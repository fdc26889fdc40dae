import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The `limit` and `cursor` of every keyset-paginated list. A limit above `maxLimit` is a 400
 * naming `limit` (never a slow full scan); a cursor is the previous page's `nextCursor`.
 */
// A mixin base must take any constructor arguments (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

export function PageQuery<TBase extends Constructor>(defaultLimit: number, maxLimit: number, Base: TBase = Object as unknown as TBase) {
  class Page extends Base {
    @ApiPropertyOptional({ default: defaultLimit, minimum: 1, maximum: maxLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit?: number;

    @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
    @IsOptional()
    @IsString()
    @MaxLength(500)
    cursor?: string;
  }
  return Page;
}
