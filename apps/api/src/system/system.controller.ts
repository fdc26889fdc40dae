import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Request } from 'express';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { ChannelRegistry, MessageTemplatesService, type MessageTemplate } from '@app/channels';
import { CHANNELS } from '@app/contacts';
import { actorOf } from '../common/request-actor.js';
import { MessageTemplateResponse, SystemStatusResponse } from './system.views.js';

export class UpsertTemplateDto {
  @ApiProperty({ example: 'acknowledgement' })
  @Matches(/^[a-z][a-z0-9_.]{1,60}$/, { message: 'key must be lower-case letters, digits, _ or .' })
  key!: string;

  @ApiProperty({ enum: ['ar', 'en'] })
  @IsIn(['ar', 'en'])
  language!: 'ar' | 'en';

  @ApiPropertyOptional({ enum: ['', ...CHANNELS], description: 'empty = any channel' })
  @IsOptional()
  @IsIn(['', ...CHANNELS])
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string;

  @ApiProperty({ description: 'text with {{ticketNumber}}, {{name}} …' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;

  @ApiPropertyOptional({ description: 'approved WhatsApp template (HX…) for use outside the 24-hour window' })
  @IsOptional()
  @Matches(/^HX[0-9a-f]{32}$/i, { message: 'whatsappContentSid must look like HX followed by 32 hex digits' })
  whatsappContentSid?: string;
}

@ApiTags('system')
@ApiBearerAuth()
@Controller('api/v1')
export class SystemController {
  constructor(
    private readonly registry: ChannelRegistry,
    private readonly templates: MessageTemplatesService,
  ) {}

  @Get('system/status')
  @AnyStaff()
  @ApiOperation({ summary: 'Which channels are live and which are sandboxed (recorded, nothing sent)' })
  @ApiOkResponse({ type: SystemStatusResponse })
  status(): SystemStatusResponse {
    const channels = this.registry.status();
    return {
      channels,
      sandboxed: Object.entries(channels)
        .filter(([, s]) => s === 'sandbox')
        .map(([c]) => c),
    };
  }

  @Get('templates')
  @Roles('admin', 'supervisor', 'officer')
  @ApiOperation({ summary: 'Automatic message texts (acknowledgements, notices) in Arabic and English' })
  @ApiOkResponse({ type: [MessageTemplateResponse] })
  list(): Promise<MessageTemplate[]> {
    return this.templates.list();
  }

  @Put('templates')
  @Roles('admin')
  @ApiOperation({ summary: 'Create or change a message template (admin)' })
  @ApiOkResponse({ type: MessageTemplateResponse })
  upsert(@Body() dto: UpsertTemplateDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<MessageTemplate> {
    return this.templates.upsert(dto, actorOf(staff, req));
  }
}
