import { Module } from '@nestjs/common';
import { ChannelsModule, ContactFormService, FormRateLimiter } from '@app/channels';
import { ContactsModule } from '@app/contacts';
import { TicketsModule } from '@app/tickets';
import { ContactFormController } from './contact-form.controller.js';
import { ContactFormRateLimitGuard, ContactFormSizeGuard } from './contact-form.guards.js';
import { PublicAttachmentsController } from './public-attachments.controller.js';

/** What anyone may use without signing in: the website contact form, and files sent to contacts as signed links. */
@Module({
  imports: [ChannelsModule, ContactsModule, TicketsModule],
  controllers: [ContactFormController, PublicAttachmentsController],
  providers: [ContactFormService, FormRateLimiter, ContactFormSizeGuard, ContactFormRateLimitGuard],
})
export class PublicFormsModule {}
