import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { type BoardItem, type BoardStage, CommitteeService } from '@app/help-requests';
import { BoardQuery } from './help-request.dto.js';

@ApiTags('committee')
@ApiBearerAuth()
@Controller('api/v1/committee')
export class CommitteeController {
  constructor(private readonly committee: CommitteeService) {}

  @Get('board')
  @Roles('committee', 'supervisor', 'admin')
  @ApiOperation({ summary: 'The research committee board: cases by stage, due dates and the overdue marker' })
  board(@Query() q: BoardQuery): Promise<{ items: BoardItem[]; stages: Record<BoardStage, number> }> {
    return this.committee.board(q);
  }
}
