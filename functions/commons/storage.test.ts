import { imageTypeOf } from './storage';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('Function: imageTypeOf', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ])('recognises %s by its first bytes', (_name, head, type) => {
    expect(imageTypeOf(head)).toBe(type);
  });

  it.each([
    ['text', bytes('这不是图片'.repeat(2))],
    ['empty', bytes()],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [0, 0, 0, 0], 'WAVE')],
    ['HEIC (not accepted: many phones and browsers cannot show it)', bytes([0, 0, 0, 0x18], 'ftypheic')],
  ])('refuses %s', (_name, head) => {
    expect(imageTypeOf(head)).toBeNull();
  });
});
