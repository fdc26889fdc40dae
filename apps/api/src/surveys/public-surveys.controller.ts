import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/auth';
import { clientIp } from '@app/common';
import { SurveyAnswersService, type PublicSurveyView, type SurveyAnswerReceipt } from '@app/surveys';
import { SurveyAnswerDto } from './survey.dto.js';
import { PublicSurveyResponse, SurveyAnswerReceiptResponse, SurveyOptOutResponse } from './survey.views.js';

/** The contact's survey, reached with the one-time link (`/s/<token>` in the web app). No sign-in. */
@ApiTags('surveys')
@Public()
@Controller('api/v1/surveys')
export class PublicSurveysController {
  constructor(private readonly answers: SurveyAnswersService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The survey behind a link: questions, ticket number, language. Records nothing (link scanners open links too).' })
  @ApiOkResponse({ type: PublicSurveyResponse })
  @ApiNotFoundResponse({ description: 'unknown link' })
  @ApiConflictResponse({ description: 'already answered' })
  @ApiGoneResponse({ description: 'the link has expired' })
  view(@Param('token') token: string): Promise<PublicSurveyView> {
    return this.answers.view(token);
  }

  @Post(':token')
  @ApiOperation({ summary: 'Answer the survey (once)' })
  @ApiCreatedResponse({ type: SurveyAnswerReceiptResponse })
  @ApiNotFoundResponse({ description: 'unknown link' })
  @ApiConflictResponse({ description: 'already answered' })
  @ApiGoneResponse({ description: 'the link has expired' })
  answer(@Param('token') token: string, @Body() dto: SurveyAnswerDto, @Req() req: Request): Promise<SurveyAnswerReceipt> {
    return this.answers.answer(token, dto, clientIp(req));
  }

  @Post(':token/opt-out')
  @HttpCode(201)
  @ApiOperation({ summary: 'Send this contact no more satisfaction surveys (works with an expired or answered link too)' })
  @ApiCreatedResponse({ type: SurveyOptOutResponse })
  @ApiNotFoundResponse({ description: 'unknown link' })
  optOut(@Param('token') token: string, @Req() req: Request): Promise<{ optedOut: true }> {
    return this.answers.optOut(token, clientIp(req));
  }
}
