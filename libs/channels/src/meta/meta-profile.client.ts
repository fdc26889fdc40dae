import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { toMetaChannelError, type GraphErrorBody } from './meta-errors.js';
import { GRAPH_API_VERSION } from './meta-graph.sender.js';
import type { MetaPlatform } from './meta-webhook.js';

/** A name lookup never holds a message up longer than this; the contact is then named by its id. */
const PROFILE_TIMEOUT_MS = 3_000;

/** User Profile API fields: Messenger's PSID node has first/last name, Instagram's IGSID node a name and a username. */
const FIELDS: Record<MetaPlatform, string> = { facebook: 'first_name,last_name', instagram: 'name,username' };

const PLATFORM_LABEL: Record<MetaPlatform, string> = { facebook: 'Messenger', instagram: 'Instagram' };

/**
 * The name a Graph profile answer gives the person: Messenger's first and last name, Instagram's
 * name or else its username. Null when Meta gave none (it answers `{}` for a profile it may not show).
 */
export function profileName(platform: MetaPlatform, body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const field = (key: string): string => {
    const value = (body as Record<string, unknown>)[key];
    return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  };
  const name =
    platform === 'facebook'
      ? [field('first_name'), field('last_name')].filter(Boolean).join(' ') || field('name')
      : field('name') || field('username');
  return name ? name.slice(0, 200) : null;
}

/**
 * Reads a Messenger / Instagram sender's name with the page token (User Profile API,
 * `GET /{PSID|IGSID}?fields=…`). Best effort: any failure or a slow answer is logged and gives null.
 */
@Injectable()
export class MetaProfileClient {
  private readonly logger = new Logger(MetaProfileClient.name);

  constructor(private readonly config: AppConfig) {}

  isLive(): boolean {
    return !!this.config.META_PAGE_ACCESS_TOKEN;
  }

  async name(platform: MetaPlatform, userId: string): Promise<string | null> {
    const token = this.config.META_PAGE_ACCESS_TOKEN;
    if (!token) return null;
    const base = this.config.META_GRAPH_BASE_URL.replace(/\/$/, '');
    const url = `${base}/${GRAPH_API_VERSION}/${encodeURIComponent(userId)}?fields=${FIELDS[platform]}&access_token=${encodeURIComponent(token)}`;
    const label = `${PLATFORM_LABEL[platform]} profile of ${userId}`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(PROFILE_TIMEOUT_MS) });
      const body = (await res.json().catch(() => null)) as GraphErrorBody | null;
      if (!res.ok || body?.error) {
        this.logger.warn(`${label} not read (${toMetaChannelError(res.status, body).message}); the contact keeps its id as name`);
        return null;
      }
      const name = profileName(platform, body);
      if (!name) this.logger.log(`${label} has no name Meta may show; the contact keeps its id as name`);
      return name;
    } catch (error) {
      this.logger.warn(`${label} not read (${(error as Error).message}); the contact keeps its id as name`);
      return null;
    }
  }
}
