import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '@app/contacts';
import { TicketsModule } from '@app/tickets';
import type { ChannelSender } from './core/channel-adapter.js';
import { ChannelRegistry } from './core/channel-registry.js';
import { EmailSender } from './email/email.sender.js';
import { InboundEvent } from './inbound/inbound-event.entity.js';
import { InboundEventsService } from './inbound/inbound-events.service.js';
import { IngestService } from './ingest/ingest.service.js';
import { MediaDownloader } from './ingest/media-downloader.js';
import { SocialSenderName } from './ingest/social-sender-name.js';
import { ManualDeliverySender } from './manual/manual-delivery.sender.js';
import { MetaGraphSender } from './meta/meta-graph.sender.js';
import { MetaProfileClient } from './meta/meta-profile.client.js';
import { MetaWebhookService } from './meta/meta-webhook.service.js';
import { OutboundDeliveryService } from './outbound/outbound-delivery.service.js';
import { OutboundQueueListener } from './outbound/outbound-queue.listener.js';
import { MessageTemplate } from './templates/message-template.entity.js';
import { MessageTemplatesService } from './templates/message-templates.service.js';
import { TwilioMediaCleaner } from './twilio/twilio-media-cleaner.js';
import { TwilioSmsSender, TwilioWhatsAppSender } from './twilio/twilio-messaging.sender.js';

/** One line per sender: the registry checks at start-up that every delivery channel has exactly one. */
const SENDERS = [TwilioSmsSender, TwilioWhatsAppSender, EmailSender, MetaGraphSender, ManualDeliverySender];

@Module({
  imports: [TypeOrmModule.forFeature([InboundEvent, MessageTemplate]), TicketsModule, ContactsModule],
  providers: [
    ...SENDERS,
    { provide: ChannelRegistry, useFactory: (...senders: ChannelSender[]) => new ChannelRegistry(senders), inject: SENDERS },
    InboundEventsService,
    MetaWebhookService,
    IngestService,
    MediaDownloader,
    MessageTemplatesService,
    MetaProfileClient,
    OutboundDeliveryService,
    OutboundQueueListener,
    SocialSenderName,
    TwilioMediaCleaner,
  ],
  exports: [ChannelRegistry, InboundEventsService, IngestService, MessageTemplatesService, MetaWebhookService, OutboundDeliveryService, OutboundQueueListener],
})
export class ChannelsModule {}
