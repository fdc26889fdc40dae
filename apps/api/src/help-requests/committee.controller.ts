import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { CommitteeService } from '@app/help-requests';
import { BoardQuery } from './help-request.dto.js';
import { BoardResponse } from './help-request.views.js';

@ApiTags('committee')
@ApiBearerAuth()
@Controller('api/v1/committee')
export class CommitteeController {
  constructor(private readonly committee: CommitteeService) {}

  @Get('board')
  @Roles('committee', 'supervisor', 'admin')
  @ApiOperation({ summary: 'The research committee board: cases by stage, due dates and the overdue marker' })
  @ApiOkResponse({ type: BoardResponse })
  board(@Query() q: BoardQuery): Promise<BoardResponse> {
    return this.committee.board(q);
  }
}
