import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Roles } from '@app/auth';
import { AuditService } from '@app/audit';
import { PageQuery } from '../common/page-query.js';
import { AuditPageResponse } from './audit.views.js';

export class ListAuditQuery extends PageQuery(50, 200) {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'auth.login_failed' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  action?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (admin)' })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() q: ListAuditQuery): Promise<AuditPageResponse> {
    return this.audit.list({ ...q, limit: q.limit ?? 50 });
  }
}
