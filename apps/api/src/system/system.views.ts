import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_CHANNELS, type MessageTemplate } from '@app/channels';
import { CHANNELS } from '@app/contacts';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

const CHANNEL_MODES = ['live', 'sandbox'] as const;
type ChannelMode = (typeof CHANNEL_MODES)[number];

export class SystemStatusResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...CHANNEL_MODES] },
    description: `one entry per delivery channel (${DELIVERY_CHANNELS.join(', ')})`,
    example: { sms: 'sandbox', email: 'live' },
  })
  channels!: Record<string, ChannelMode>;

  @ApiProperty({ type: [String], description: 'the channels that record messages without sending them' })
  sandboxed!: string[];
}

export class MessageTemplateResponse implements MessageTemplate {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'acknowledgement' })
  key!: string;

  @ApiProperty({ enum: ['ar', 'en'] })
  language!: 'ar' | 'en';

  @ApiProperty({ enum: ['', ...CHANNELS], description: 'empty = any channel' })
  channel!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ description: 'text with {{ticketNumber}}, {{name}} …' })
  body!: string;

  @ApiProperty({ type: String, nullable: true, description: 'approved WhatsApp template (HX…) for use outside the 24-hour window' })
  whatsappContentSid!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: Date;
}
