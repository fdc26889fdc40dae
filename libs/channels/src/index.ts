export { ChannelsModule } from './channels.module.js';
export {
  ChannelDeliveryError,
  DELIVERY_CHANNELS,
  type ChannelSender,
  type DeliveryChannel,
  type DeliveryResult,
  type InboundAttachment,
  type InboundContact,
  type OutboundMessage,
  type ThreadHints,
} from './core/channel-adapter.js';
export { ChannelRegistry } from './core/channel-registry.js';
export { chooseDeliveryRoute, type DeliveryRoute } from './core/delivery-route.js';
export { sandboxDelivery } from './core/sandbox-delivery.js';
export { normalizeInboundEmail } from './email/inbound-email.js';
export { InboundEvent, type InboundEventStatus } from './inbound/inbound-event.entity.js';
export { InboundEventsService, INGEST_JOB, type IngestJob } from './inbound/inbound-events.service.js';
export { IngestService, type IngestResult } from './ingest/ingest.service.js';
export { subjectTicketNumber } from './ingest/threading.js';
export { OutboundDeliveryService, type DeliveryOutcome } from './outbound/outbound-delivery.service.js';
export { lastWhatsAppInboundAt, whatsAppWindowOpen } from './twilio/whatsapp-window.js';
export { OutboundQueueListener, DELIVER_JOB, deliverJobId, type DeliverJob } from './outbound/outbound-queue.listener.js';
export { MessageTemplate } from './templates/message-template.entity.js';
export { MessageTemplatesService, type RenderedTemplate } from './templates/message-templates.service.js';
export { renderTemplate } from './templates/template-render.js';
export { signMetaBody, verifyMetaSignature } from './meta/meta-signature.js';
export { META_STATUSES_JOB, MetaWebhookService, type MetaStatusesJob } from './meta/meta-webhook.service.js';
export { ContactFormService } from './web/contact-form.service.js';
export { FormRateLimiter } from './web/form-rate-limiter.js';
export { createTwilioClient } from './twilio/twilio-client.factory.js';
export * from './twilio/index.js';

import { InboundEvent } from './inbound/inbound-event.entity.js';
import { MessageTemplate } from './templates/message-template.entity.js';
export const CHANNELS_ENTITIES = [InboundEvent, MessageTemplate];
