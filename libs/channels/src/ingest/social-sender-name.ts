import { Injectable, Logger } from '@nestjs/common';
import { ContactsService, type IdentityInput } from '@app/contacts';
import { RedisClient } from '@app/queue';
import type { InboundContact } from '../core/channel-adapter.js';
import { MetaProfileClient } from '../meta/meta-profile.client.js';

/** A sender whose name could not be read is not asked for again for this long. */
const MISS_TTL_SECONDS = 3600;

/**
 * Messenger and Instagram webhooks carry no name, only the sender's scoped id. For a sender with no
 * contact yet, or whose contact is still named by that id, the name Meta shows is read (User Profile
 * API) before the ingest transaction, so a slow Graph API never holds its locks. A lookup that fails
 * leaves the id as the name; the message goes on either way, and the same sender is not looked up
 * again for an hour (each try may cost the lookup's timeout).
 */
@Injectable()
export class SocialSenderName {
  private readonly logger = new Logger(SocialSenderName.name);

  constructor(
    private readonly contacts: ContactsService,
    private readonly profiles: MetaProfileClient,
    private readonly redis: RedisClient,
  ) {}

  /** The name to give a new contact for this message, if one was found; an existing contact named by its id is renamed here. */
  async resolve(inbound: InboundContact, identity: IdentityInput): Promise<string | undefined> {
    if (inbound.from.name || !this.profiles.isLive()) return inbound.from.name;
    if (identity.kind !== 'facebook' && identity.kind !== 'instagram') return undefined;
    const existing = await this.contacts.findByIdentity(identity);
    if (existing && existing.name !== identity.address) return undefined;
    const missKey = `meta-profile-miss:${identity.kind}:${identity.address}`;
    if (existing && (await this.redis.client.exists(missKey).catch(() => 0))) return undefined;
    const name = await this.profiles.name(identity.kind, identity.address);
    if (!name) await this.redis.client.set(missKey, '1', 'EX', MISS_TTL_SECONDS).catch(() => undefined);
    if (!name || !existing) return name ?? undefined;
    try {
      await this.contacts.update(existing.id, { name }, { id: null });
    } catch (error) {
      this.logger.warn(`contact ${existing.id} keeps its id as name: ${(error as Error).message}`);
    }
    return undefined;
  }
}
