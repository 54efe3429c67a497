import fc from 'fast-check';
import { parseQrPayload, QR_SLOT_SECONDS, slotOf } from '../../shared/meetings/qr';

// Codes are 6 digits: two codes coincide by chance once in 10^6. A fixed seed keeps the 'differs' properties
// deterministic (a chance collision would fail the same way on every run, not flake).
const FIXED = { seed: 20261123, numRuns: 300 };

import { codeForSlot, codeMatches, currentPayload, signatureMatches, signSlot } from './qr';

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

  describe('Function: codeForSlot', () => {
    it('is six digits and stable within a slot', () => {
      fc.assert(
        fc.property(activityId, slot, fc.integer({ min: 0, max: QR_SLOT_SECONDS * 1000 - 1 }), (id, s, into) => {
          const code = codeForSlot(secret, id, s);
          expect(code).toMatch(/^\d{6}$/);
          const now = s * QR_SLOT_SECONDS * 1000 + into;
          expect(currentPayload(secret, id, now).code).toBe(code);
          expect(currentPayload(secret, id, s * QR_SLOT_SECONDS * 1000).code).toBe(code);
        }),
      );
    });

    it('differs across activities, slots and secrets', () => {
      fc.assert(
        fc.property(activityId, activityId, slot, (id, otherId, s) => {
          const code = codeForSlot(secret, id, s);
          if (otherId !== id) expect(codeForSlot(secret, otherId, s)).not.toBe(code);
          expect(codeForSlot(secret, id, s + 1)).not.toBe(code);
          expect(codeForSlot('another-secret-0123456789', id, s)).not.toBe(code);
        }),
        FIXED,
      );
    });

    it('is never the QR signature or a part of it (a separate message)', () => {
      fc.assert(
        fc.property(activityId, slot, (id, s) => {
          expect(signSlot(secret, id, s)).not.toContain(codeForSlot(secret, id, s));
        }),
      );
    });
  });

  describe('Function: codeMatches', () => {
    it("accepts a slot's code during that slot and the next one only, for that activity only", () => {
      const ms = (s: number, into: number) => s * 10_000 + into;
      fc.assert(
        fc.property(activityId, activityId, slot, fc.integer({ min: 0, max: 9_999 }), (id, otherId, s, into) => {
          const code = codeForSlot(secret, id, s);
          expect(codeMatches(secret, id, code, ms(s, into), 10)).toBe(true);
          expect(codeMatches(secret, id, code, ms(s + 1, into), 10)).toBe(true);
          expect(codeMatches(secret, id, code, ms(s + 2, into), 10)).toBe(false);
          expect(codeMatches(secret, id, code, ms(s - 1, into), 10)).toBe(false);
          if (otherId !== id) expect(codeMatches(secret, otherId, code, ms(s, into), 10)).toBe(false);
        }),
        FIXED,
      );
    });

    it('refuses anything but six digits without throwing', () => {
      const now = 1_795_000_000_000;
      const code = currentPayload(secret, 'a1', now).code;
      expect(codeMatches(secret, 'a1', code, now)).toBe(true);
      for (const bad of ['', '12345', '1234567', ` ${code}`, 'abcdef', `${code}\n`]) {
        expect(codeMatches(secret, 'a1', bad, now)).toBe(false);
      }
    });
  });
});
