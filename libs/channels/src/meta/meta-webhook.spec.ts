import { parseMetaWebhook } from './meta-webhook.js';

const PAGE = '1000000001';
const USER = '2000000002';
const now = new Date('2026-11-25T12:00:00Z');
const event = (extra: Record<string, unknown>, sender = USER) => ({
  sender: { id: sender },
  recipient: { id: PAGE },
  timestamp: 1795608000000,
  ...extra,
});
const body = (object: string, ...messaging: unknown[]) => ({ object, entry: [{ id: PAGE, time: 1795608000000, messaging }] });

describe('parseMetaWebhook', () => {
  it('turns a Messenger message into the one inbound shape', () => {
    const raw =
      '{"object":"page","entry":[{"id":"1000000001","time":1795608000000,"messaging":[{"sender":{"id":"2000000002"},"recipient":{"id":"1000000001"},"timestamp":1795608000000,' +
      '"message":{"mid":"m_abc","text":"\\u0623\\u062d\\u062a\\u0627\\u062c \\u0645\\u0633\\u0627\\u0639\\u062f\\u0629","quick_reply":{"payload":"HELP"},"reply_to":{"mid":"m_prev"}}}]}]}';
    const parsed = parseMetaWebhook(JSON.parse(raw), now);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.messages).toEqual([
      {
        channel: 'social',
        externalId: 'm_abc',
        from: { kind: 'facebook', address: USER },
        to: PAGE,
        text: 'أحتاج مساعدة',
        attachments: [],
        threadHints: {},
        receivedAt: '2026-11-25T12:00:00.000Z',
        meta: { platform: 'facebook', pageId: PAGE, sentAt: '2026-11-25T12:00:00.000Z', quickReplyPayload: 'HELP', replyToMid: 'm_prev' },
      },
    ]);
  });

  it('reads Instagram as the instagram platform', () => {
    const parsed = parseMetaWebhook(body('instagram', event({ message: { mid: 'ig_1', text: 'hi' } })), now);
    expect(parsed.messages[0]).toMatchObject({ externalId: 'ig_1', from: { kind: 'instagram', address: USER }, meta: { platform: 'instagram' } });
  });

  it('reads every message of a batched POST: several entries, several events each', () => {
    const parsed = parseMetaWebhook(
      {
        object: 'page',
        entry: [
          { id: PAGE, messaging: [event({ message: { mid: 'm_1', text: 'a' } }), event({ message: { mid: 'm_2', text: 'b' } }, '2000000003')] },
          { id: PAGE, messaging: [event({ message: { mid: 'm_3', text: 'c' } })] },
        ],
      },
      now,
    );
    expect(parsed.messages.map((m) => m.externalId)).toEqual(['m_1', 'm_2', 'm_3']);
  });

  it('stores files to fetch and lists shared links in the text', () => {
    const parsed = parseMetaWebhook(
      body(
        'page',
        event({
          message: {
            mid: 'm_att',
            attachments: [
              { type: 'image', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/photo_123.png?asset_id=1' } },
              { type: 'audio', payload: { url: 'https://cdn.fbsbx.com/v/t59/voice?x=1' } },
              { type: 'fallback', title: 'Our website', payload: { url: 'https://example.org/page' } },
              { type: 'image', payload: { url: 'javascript:alert(1)' } },
            ],
          },
        }),
      ),
      now,
    );
    const m = parsed.messages[0];
    expect(m.attachments).toEqual([
      { filename: 'photo_123.png', contentType: 'image/png', url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/photo_123.png?asset_id=1' },
      { filename: 'audio-2.m4a', contentType: 'audio/mp4', url: 'https://cdn.fbsbx.com/v/t59/voice?x=1' },
    ]);
    expect(m.text).toBe('Our website: https://example.org/page');
    expect(m.meta?.links).toEqual([{ type: 'fallback', url: 'https://example.org/page', title: 'Our website' }]);
  });

  it('skips echoes of the page’s own messages, deletions and reactions', () => {
    const parsed = parseMetaWebhook(
      body(
        'page',
        event({ message: { mid: 'm_echo', text: 'our reply', is_echo: true } }),
        event({ message: { mid: 'm_del', is_deleted: true } }),
        event({ reaction: { mid: 'm_x', action: 'react', reaction: 'love' } }),
      ),
      now,
    );
    expect(parsed.messages).toEqual([]);
    expect(parsed.skipped.map((s) => s.reason)).toEqual([
      'echo of a message the page sent',
      'the person deleted the message',
      'event reaction is not handled',
    ]);
  });

  it('turns delivery and read reports into status events', () => {
    const parsed = parseMetaWebhook(
      body('page', event({ delivery: { mids: ['m_out1', 'm_out2'], watermark: 1795608000000 } }), event({ read: { watermark: 1795608100000 } })),
      now,
    );
    expect(parsed.statuses).toEqual([
      { platform: 'facebook', status: 'delivered', userId: USER, pageId: PAGE, mids: ['m_out1', 'm_out2'], watermark: 1795608000000 },
      { platform: 'facebook', status: 'read', userId: USER, pageId: PAGE, mids: [], watermark: 1795608100000 },
    ]);
    const ig = parseMetaWebhook(body('instagram', event({ read: { mid: 'ig_out' } })), now);
    expect(ig.statuses).toEqual([{ platform: 'instagram', status: 'read', userId: USER, pageId: PAGE, mids: ['ig_out'], watermark: null }]);
  });

  it('takes a tapped button (postback) as what the person said', () => {
    const parsed = parseMetaWebhook(body('page', event({ postback: { mid: 'm_pb', title: 'طلب مساعدة', payload: 'AID' } })), now);
    expect(parsed.messages[0]).toMatchObject({ externalId: 'm_pb', text: 'طلب مساعدة', meta: { postbackPayload: 'AID' } });
  });

  it('reads standby events too (another app owns the thread): nothing is lost', () => {
    const parsed = parseMetaWebhook({ object: 'page', entry: [{ id: PAGE, standby: [event({ message: { mid: 'm_sb', text: 'x' } })] }] }, now);
    expect(parsed.messages.map((m) => m.externalId)).toEqual(['m_sb']);
  });

  it.each([
    ['another object', { object: 'whatsapp_business_account', entry: [] }],
    ['not an object', 'hello'],
    ['null', null],
    ['entry not a list', { object: 'page', entry: 'x' }],
    ['a message without mid', body('page', event({ message: { text: 'x' } }))],
    ['a sender that is not a scoped id', body('page', event({ message: { mid: 'm_bad', text: 'x' } }, 'abc'))],
  ])('never throws and stores nothing for %s', (_label, input) => {
    const parsed = parseMetaWebhook(input, now);
    expect(parsed.messages).toEqual([]);
  });

  it('uses the arrival time when Meta’s timestamp is missing', () => {
    const parsed = parseMetaWebhook(
      { object: 'page', entry: [{ id: PAGE, messaging: [{ sender: { id: USER }, message: { mid: 'm_t', text: 'x' } }] }] },
      now,
    );
    expect(parsed.messages[0].receivedAt).toBe(now.toISOString());
  });
});
