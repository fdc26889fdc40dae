import { Module } from '@nestjs/common';
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
  providers: [TicketsService, TicketNumberService, AttachmentStore, CategoriesService, TicketIntakeService],
  exports: [TicketsService, AttachmentStore, CategoriesService, TicketIntakeService, ContactsModule, TypeOrmModule],
})
export class TicketsModule {}
