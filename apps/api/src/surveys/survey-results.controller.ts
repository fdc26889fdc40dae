import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { periodBound, SurveyResultsService, type SurveyCommentView, type SurveyFilter, type SurveyResultsView } from '@app/surveys';
import { SurveyCommentsQueryDto, SurveyFilterQuery, SurveyResultsQueryDto } from './survey.dto.js';
import { SurveyCommentsResponse, SurveyResultsResponse } from './survey.views.js';

/**
 * Satisfaction results, to improve the service: supervisors and admins only. Results per officer
 * are never shown to officers (their own views have none).
 */
@ApiTags('surveys')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('api/v1/surveys')
export class SurveyResultsController {
  constructor(private readonly results: SurveyResultsService) {}

  @Get('results')
  @ApiOperation({ summary: 'Sent, answered, response rate, CSAT (share of 4–5) and average; optionally grouped' })
  @ApiOkResponse({ type: SurveyResultsResponse })
  @ApiForbiddenResponse({ description: 'not a supervisor or admin' })
  get(@Query() q: SurveyResultsQueryDto, @CurrentStaff() staff: StaffPrincipal): Promise<SurveyResultsView> {
    return this.results.results({ ...filterOf(q), groupBy: q.groupBy, interval: q.interval }, staff);
  }

  @Get('comments')
  @ApiOperation({ summary: 'Answers with a comment, newest first (cursor pagination)' })
  @ApiOkResponse({ type: SurveyCommentsResponse })
  comments(@Query() q: SurveyCommentsQueryDto): Promise<{ items: SurveyCommentView[]; nextCursor: string | null }> {
    return this.results.comments({ ...filterOf(q), limit: q.limit ?? 25, cursor: q.cursor });
  }
}

function filterOf(q: SurveyFilterQuery): SurveyFilter {
  return {
    from: periodBound(q.from, 'from'),
    to: periodBound(q.to, 'to'),
    channel: q.channel,
    type: q.type,
    categoryId: q.categoryId,
    teamId: q.teamId,
  };
}
