import fc from 'fast-check';
import { parseQrPayload, QR_SLOT_SECONDS, slotOf } from '../../shared/meetings/qr';
import { currentPayload, signatureMatches, signSlot } from './qr';

const secret = 'unit-test-qr-secret-0123456789';
const activityId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const slot = fc.integer({ min: 0, max: 99_999_999 });

describe('Module: meetings/qr', () => {
  it('verifies the signature it made, for that activity and slot only', () => {
    fc.assert(
      fc.property(activityId, activityId, slot, (id, otherId, s) => {
        const signature = signSlot(secret, id, s);
        expect(signatureMatches(secret, id, s, signature)).toBe(true);
        expect(signatureMatches(secret, id, s + 1, signature)).toBe(false);
        expect(signatureMatches('another-secret-0123456789', id, s, signature)).toBe(false);
        if (otherId !== id) expect(signatureMatches(secret, otherId, s, signature)).toBe(false);
      }),
    );
  });

  it('refuses a signature of the wrong length without throwing', () => {
    expect(signatureMatches(secret, 'a1', 1, 'short')).toBe(false);
    expect(signatureMatches(secret, 'a1', 1, 'x'.repeat(200))).toBe(false);
  });

  it('makes a payload that parses back to the current slot', () => {
    const now = 1_795_000_000_000;
    const { payload, slot: s } = currentPayload(secret, 'a0mwt9agpvcc', now);
    expect(s).toBe(slotOf(now));
    const parsed = parseQrPayload(payload);
    expect(parsed).toMatchObject({ activityId: 'a0mwt9agpvcc', slot: s });
    expect(signatureMatches(secret, parsed!.activityId, parsed!.slot, parsed!.signature)).toBe(true);
    expect(currentPayload(secret, 'a0mwt9agpvcc', now + QR_SLOT_SECONDS * 1000).payload).not.toBe(payload);
  });
});
