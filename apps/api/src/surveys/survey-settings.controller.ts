import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { SurveySettingsService, type SurveySettingsView } from '@app/surveys';
import { actorOf } from '../common/request-actor.js';
import { UpdateSurveySettingsDto } from './survey.dto.js';
import { SurveySettingsResponse } from './survey.views.js';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('api/v1/surveys/settings')
export class SurveySettingsController {
  constructor(private readonly settings: SurveySettingsService) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Survey settings: channels and types surveyed, link lifetime, reminder, recovery rule, questions' })
  @ApiOkResponse({ type: SurveySettingsResponse })
  get(): Promise<SurveySettingsView> {
    return this.settings.current();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Change survey settings (admin); fields left out keep their value' })
  @ApiOkResponse({ type: SurveySettingsResponse })
  update(@Body() dto: UpdateSurveySettingsDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<SurveySettingsView> {
    return this.settings.update(dto, actorOf(staff, req));
  }
}
