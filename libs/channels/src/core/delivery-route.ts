import type { Channel, IdentityKind } from '@app/contacts';
import type { DeliveryChannel } from './channel-adapter.js';

export interface Reachable {
  kind: IdentityKind;
  address: string;
}

export type DeliveryRoute = { via: DeliveryChannel; to: string } | { via: null; reason: string };

/**
 * How a reply reaches the person "on their own channel": the ticket's channel when it can
 * carry a message; a phone call is answered by SMS to the caller; website and aid-request
 * forms by SMS or e-mail, as given; letters and visits are answered by the officer in person
 * or by post, and recorded.
 */
export function chooseDeliveryRoute(ticketChannel: Channel, identities: Reachable[], preferred?: 'phone' | 'email'): DeliveryRoute {
  const first = (kind: IdentityKind) => identities.find((i) => i.kind === kind)?.address;
  const phone = first('phone');
  const email = first('email');
  switch (ticketChannel) {
    case 'sms':
    case 'phone':
      return phone ? { via: 'sms', to: phone } : { via: null, reason: 'the contact has no phone number' };
    case 'whatsapp':
      return phone ? { via: 'whatsapp', to: phone } : { via: null, reason: 'the contact has no phone number' };
    case 'email':
      return email ? { via: 'email', to: email } : { via: null, reason: 'the contact has no e-mail address' };
    case 'social': {
      const social = identities.find((i) => i.kind === 'facebook' || i.kind === 'instagram');
      return social ? { via: 'social', to: `${social.kind}:${social.address}` } : { via: null, reason: 'the contact has no social media id' };
    }
    case 'web':
    case 'help_request':
      if (preferred === 'email' && email) return { via: 'email', to: email };
      if (phone) return { via: 'sms', to: phone };
      if (email) return { via: 'email', to: email };
      return { via: null, reason: 'the contact gave neither a phone number nor an e-mail address' };
    case 'letter':
    case 'visit':
      return { via: 'manual', to: ticketChannel };
  }
}
