import { ApiProperty } from '@nestjs/swagger';
import { TicketResponse } from '../tickets/ticket.views.js';
import { ContactResponse } from './contact-view.js';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class ContactPageResponse {
  @ApiProperty({ type: [ContactResponse] })
  items!: ContactResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

export class ContactWithTicketsResponse extends ContactResponse {
  @ApiProperty({ type: [TicketResponse], description: 'the contact’s tickets, newest first (up to 100)' })
  tickets!: TicketResponse[];
}

export class NationalIdResponse {
  @ApiProperty({ type: String, nullable: true, description: 'the full national ID; null when none is recorded' })
  nationalId!: string | null;
}
