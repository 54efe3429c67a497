import * as z from 'zod';

/**
 * Characters no person types into a title, a name or a reason: C0/C1 controls (NUL…), zero-width and
 * bidirectional overrides (U+202A–202E, U+2066–2069, U+200B–200F), line/paragraph separators and BOM.
 * An RLO in a title makes a list lie about what it says; a NUL truncates it in some viewers.
 */
const INVISIBLES = '\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufff9-\\ufffb';
const UNSAFE_INLINE = new RegExp(`[\\u0000-\\u001f${INVISIBLES}]`, 'u');
/** The same, but a multi-line text (minutes, a reason) may hold line breaks and tabs. */
const UNSAFE_MULTILINE = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${INVISIBLES}]`, 'u');

export const UNSAFE_TEXT_MESSAGE = '不能包含控制字符或不可见的方向控制字符';

export function isSafeText(value: string, multiline = false): boolean {
  return !(multiline ? UNSAFE_MULTILINE : UNSAFE_INLINE).test(value);
}

/**
 * A text a person typed: trimmed, length-bounded, no control or bidi-override characters; `multiline` texts
 * (minutes, a reason) may also hold line breaks and tabs.
 */
export function safeText(min: number, max: number, options: { min?: string; max?: string; multiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .min(min, options.min)
    .max(max, options.max)
    .refine((value) => isSafeText(value, options.multiline), UNSAFE_TEXT_MESSAGE);
}
