import { AttachmentLinkSigner } from './attachment-links.js';

describe('AttachmentLinkSigner', () => {
  const signer = new AttachmentLinkSigner(Buffer.alloc(32, 7));
  const id = '7d3f1c2a-1111-4222-8333-944445555666';
  const future = new Date(Date.now() + 3600_000);

  it('accepts its own link until it expires', () => {
    const { expires, signature } = signer.sign(id, future);
    expect(signer.verify(id, expires, signature)).toBe('ok');
    expect(signer.verify(id, expires, signature, new Date(future.getTime() + 1000))).toBe('expired');
  });

  it('refuses another attachment, a changed expiry or another key', () => {
    const { expires, signature } = signer.sign(id, future);
    expect(signer.verify('7d3f1c2a-1111-4222-8333-944445555667', expires, signature)).toBe('invalid');
    expect(signer.verify(id, String(Number(expires) + 3600), signature)).toBe('invalid');
    expect(new AttachmentLinkSigner(Buffer.alloc(32, 8)).verify(id, expires, signature)).toBe('invalid');
    expect(signer.verify(id, 'soon', signature)).toBe('invalid');
  });

  it('builds the public URL', () => {
    expect(signer.url('https://helpdesk.example.org/', id, future)).toMatch(
      new RegExp(`^https://helpdesk.example.org/api/v1/public/attachments/${id}\\?expires=\\d+&signature=[\\w-]{43}$`),
    );
  });
});
