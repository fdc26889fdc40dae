import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from '@app/audit';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class AuditEntryResponse implements AuditEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '1042', description: 'order of writing (entries of one transaction share createdAt)' })
  seq!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system itself, or a failed sign-in of an unknown account' })
  actorId!: string | null;

  @ApiProperty({ example: 'ticket.assigned' })
  action!: string;

  @ApiProperty({ example: 'ticket' })
  entityType!: string;

  @ApiProperty({ type: String, nullable: true })
  entityId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the changed fields before' })
  before!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the changed fields after' })
  after!: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] })
  items!: AuditEntryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

/** The changes to one record, oldest first. */
export class AuditHistoryResponse {
  @ApiProperty({ type: [AuditEntryResponse] })
  items!: AuditEntryResponse[];
}
