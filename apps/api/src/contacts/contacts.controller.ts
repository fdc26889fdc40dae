import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { actorOf } from '../common/request-actor.js';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { ContactsService } from '@app/contacts';
import { TicketsService, toTicketView } from '@app/tickets';
import { CreateContactDto, IdentityDto, MergeContactDto, SearchContactsQuery, UpdateContactDto } from './contact.dto.js';
import { ContactResponse, toContactView } from './contact-view.js';
import { ContactPageResponse, ContactWithTicketsResponse, NationalIdResponse } from './contact.views.js';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly tickets: TicketsService,
  ) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: 'Search contacts by name, phone, e-mail or membership number' })
  @ApiOkResponse({ type: ContactPageResponse })
  async search(@Query() q: SearchContactsQuery): Promise<ContactPageResponse> {
    const page = await this.contacts.search({ q: q.q, kind: q.kind, limit: q.limit ?? 25, cursor: q.cursor });
    return { items: page.items.map(toContactView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @AnyStaff()
  @ApiOperation({ summary: 'A contact with identities and ticket history' })
  @ApiOkResponse({ type: ContactWithTicketsResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<ContactWithTicketsResponse> {
    const contact = await this.contacts.get(id);
    const history = await this.tickets.list({ contactId: id, sort: 'newest', limit: 100 }, staff);
    return { ...toContactView(contact), tickets: history.items.map(toTicketView) };
  }

  @Post()
  @Roles('officer', 'supervisor', 'admin')
  @ApiCreatedResponse({ type: ContactResponse })
  async create(@Body() dto: CreateContactDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<ContactResponse> {
    return toContactView(await this.contacts.create(dto, actorOf(staff, req)));
  }

  @Patch(':id')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOkResponse({ type: ContactResponse })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateContactDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<ContactResponse> {
    const { identities: _ignored, ...changes } = dto;
    let contact = await this.contacts.update(id, changes, actorOf(staff, req));
    for (const identity of dto.identities ?? []) contact = await this.contacts.addIdentity(id, identity, actorOf(staff, req));
    return toContactView(contact);
  }

  @Post(':id/identities')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Add a phone number, e-mail or social id' })
  @ApiCreatedResponse({ type: ContactResponse })
  async addIdentity(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IdentityDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<ContactResponse> {
    return toContactView(await this.contacts.addIdentity(id, dto, actorOf(staff, req)));
  }

  @Post(':id/merge')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Merge a duplicate into this contact: its identities and tickets move here' })
  @ApiCreatedResponse({ type: ContactResponse })
  async merge(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: MergeContactDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<ContactResponse> {
    return toContactView(
      await this.contacts.merge(id, dto.sourceContactId, actorOf(staff, req), (m, from, to) => this.tickets.moveToContact(m, from, to)),
    );
  }

  @Get(':id/national-id')
  @Roles('officer', 'supervisor', 'committee', 'admin')
  @ApiOperation({ summary: 'The full national ID (every reveal is audited)' })
  @ApiOkResponse({ type: NationalIdResponse })
  async nationalId(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<NationalIdResponse> {
    return { nationalId: await this.contacts.revealNationalId(id, actorOf(staff, req)) };
  }
}
