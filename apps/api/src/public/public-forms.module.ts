import { Module } from '@nestjs/common';
import { ChannelsModule, ContactFormService, FormRateLimiter } from '@app/channels';
import { ContactsModule } from '@app/contacts';
import { TicketsModule } from '@app/tickets';
import { ContactFormController } from './contact-form.controller.js';
import { ContactFormRateLimitGuard, ContactFormSizeGuard } from './contact-form.guards.js';

/** Forms anyone may post without signing in: the website contact form. */
@Module({
  imports: [ChannelsModule, ContactsModule, TicketsModule],
  controllers: [ContactFormController],
  providers: [ContactFormService, FormRateLimiter, ContactFormSizeGuard, ContactFormRateLimitGuard],
})
export class PublicFormsModule {}
