import fc from 'fast-check';
import {
  acceptedCodeSlots,
  CHECKIN_CODE_PATTERN,
  checkSlot,
  codeFromDigest,
  codeMessage,
  formatQrPayload,
  parseQrPayload,
  QR_SLOT_SECONDS,
  qrMessage,
  slotExpiresAt,
  slotOf,
} from './qr';

const SLOT_MS = QR_SLOT_SECONDS * 1000;

describe('Rule: QR slots', () => {
  it('accepts a payload during its own slot and the next one, never later or earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 90_000_000 }),
        fc.integer({ min: 0, max: SLOT_MS - 1 }),
        (slot, into) => {
          expect(checkSlot(slot, slot * SLOT_MS + into)).toBe('ok');
          expect(checkSlot(slot, (slot + 1) * SLOT_MS + into)).toBe('ok');
          expect(checkSlot(slot, (slot + 2) * SLOT_MS + into)).toBe('expired');
          expect(checkSlot(slot, (slot - 1) * SLOT_MS + into)).toBe('future');
        },
      ),
    );
  });

  it('says a payload expires exactly when checkSlot starts refusing it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90_000_000 }), (slot) => {
        expect(checkSlot(slot, slotExpiresAt(slot) - 1)).toBe('ok');
        expect(checkSlot(slot, slotExpiresAt(slot))).toBe('expired');
      }),
    );
  });

  it('keeps those rules for every slot length an activity may choose (10 s or 30 s)', () => {
    fc.assert(
      fc.property(fc.constantFrom(10, 30), fc.integer({ min: 1, max: 90_000_000 }), (seconds, slot) => {
        const ms = seconds * 1000;
        expect(checkSlot(slot, slot * ms, seconds)).toBe('ok');
        expect(checkSlot(slot, slotExpiresAt(slot, seconds) - 1, seconds)).toBe('ok');
        expect(checkSlot(slot, slotExpiresAt(slot, seconds), seconds)).toBe('expired');
        expect(slotExpiresAt(slot, seconds) - slot * ms).toBe(2 * ms);
      }),
    );
  });

  it('changes slot every 30 seconds', () => {
    expect(slotOf(0)).toBe(0);
    expect(slotOf(29_999)).toBe(0);
    expect(slotOf(30_000)).toBe(1);
  });
});

describe('Rule: QR payload format', () => {
  it('parses what it formats', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{16,128}$/),
        fc.constantFrom('checkin' as const, 'checkout' as const),
        (activityId, slot, signature, purpose) => {
          expect(parseQrPayload(formatQrPayload({ activityId, slot, signature, purpose }))).toEqual({
            activityId,
            slot,
            signature,
            purpose,
          });
        },
      ),
    );
  });

  it('tells a 签退 payload from a 签到 one, and refuses any other fourth part', () => {
    expect(parseQrPayload('a1.5.aaaaaaaaaaaaaaaa.out')?.purpose).toBe('checkout');
    expect(parseQrPayload('a1.5.aaaaaaaaaaaaaaaa')?.purpose).toBe('checkin');
    expect(parseQrPayload('a1.5.aaaaaaaaaaaaaaaa.in')).toBeNull();
  });

  it.each([
    '',
    'abc',
    'a.b.c',
    'a.1',
    'a.1.short',
    'a b.1.abcdefghijklmnopq',
    'a.-1.abcdefghijklmnopq',
    'a.1.abcdefghijklmnop.x',
  ])('refuses %p', (text) => expect(parseQrPayload(text)).toBeNull());
});

describe('Rule: typed 6-digit codes', () => {
  it('folds any digest to exactly six digits, leading zeros kept', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 32 }), (digest) => {
        expect(codeFromDigest(digest)).toMatch(CHECKIN_CODE_PATTERN);
      }),
    );
    expect(codeFromDigest(Uint8Array.from([0, 0, 0, 7]))).toBe('000007');
    // The top bit is dropped (31 bits): 0xffffffff folds like 0x7fffffff = 2147483647.
    expect(codeFromDigest(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toBe('483647');
  });

  it("signs a message that differs from the QR signature's", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.nat(), (id, slot) => {
        expect(codeMessage(id, slot)).not.toBe(qrMessage(id, slot));
      }),
    );
  });

  it('accepts the current and the previous slot: the same lifetime as a payload', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 90_000_000 }),
        fc.integer({ min: 0, max: SLOT_MS - 1 }),
        (s, into) => {
          const accepted = (now: number) => acceptedCodeSlots(now).includes(s);
          for (const now of [s * SLOT_MS + into, (s + 1) * SLOT_MS + into]) {
            expect(accepted(now)).toBe(true);
            expect(checkSlot(s, now)).toBe('ok');
          }
          expect(accepted((s + 2) * SLOT_MS + into)).toBe(false);
          expect(accepted((s - 1) * SLOT_MS + into)).toBe(false);
        },
      ),
    );
  });
});
