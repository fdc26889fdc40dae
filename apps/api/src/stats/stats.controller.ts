import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '@app/auth';
import { StatsService } from './stats.service.js';
import { StatsOverviewResponse } from './stats.views.js';

export class StatsOverviewQuery {
  @ApiPropertyOptional({ default: 14, minimum: 1, maximum: 90, description: 'days back, today (Riyadh) included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  days?: number;
}

@ApiTags('stats')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiOperation({ summary: 'Supervisor dashboard figures: open tickets by team and status, daily volume by channel, SLA compliance' })
  @ApiOkResponse({ type: StatsOverviewResponse })
  @ApiForbiddenResponse({ description: 'not a supervisor or admin' })
  overview(@Query() q: StatsOverviewQuery): Promise<StatsOverviewResponse> {
    return this.stats.overview(q.days ?? 14);
  }
}

/** Read-only figures for the supervisor dashboard (apps/web pages/dashboard). */
@Module({ controllers: [StatsController], providers: [StatsService] })
export class StatsModule {}
