import { Module } from '@nestjs/common';
import { AUTH_SECRET, deriveKey } from '@app/common';
import { AttachmentLinkSigner } from './attachment-links.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '@app/contacts';
import { UsersModule } from '@app/users';
import { AttachmentStore } from './attachment-store.service.js';
import { Attachment } from './attachment.entity.js';
import { CategoriesService } from './categories.service.js';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import { TicketNumberCounter } from './ticket-number-counter.entity.js';
import { TicketNumberService } from './ticket-number.service.js';
import { Ticket } from './ticket.entity.js';
import { TicketIntakeService } from './ticket-intake.service.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, Message, Attachment, Category, TicketNumberCounter]), ContactsModule, UsersModule],
  providers: [
    {
      provide: AttachmentLinkSigner,
      inject: [AUTH_SECRET],
      useFactory: (secret: string) => new AttachmentLinkSigner(deriveKey(secret, 'attachment-links')),
    },
    TicketsService,
    TicketNumberService,
    AttachmentStore,
    CategoriesService,
    TicketIntakeService,
  ],
  exports: [AttachmentLinkSigner, TicketsService, AttachmentStore, CategoriesService, TicketIntakeService, ContactsModule, TypeOrmModule],
})
export class TicketsModule {}
