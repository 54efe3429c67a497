/**
 * Object storage (DESIGN §3): S3 in AWS, `s3rver` locally (S3_ENDPOINT, path-style, any credentials), reached by
 * the same code. Phones upload straight to the bucket by a presigned PUT and show photos by presigned GETs, so
 * no image ever passes through a Lambda.
 *
 * s3rver checks no signature (DESIGN §8): whatever a presigned PUT binds (type, length) is enforced by S3 only.
 * So callers check limits twice — before presigning, and by `inspect` (HeadObject + the first bytes) when a
 * record that references the object is saved; only the second check is what a local test can prove.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

let client: S3Client | undefined;

export function s3(): S3Client {
  if (!client) {
    const endpoint = process.env.S3_ENDPOINT;
    client = new S3Client({
      // Checksums only where S3 demands them: a presigned PUT must not carry a CRC of the (empty) body it was
      // signed without, or S3 refuses the phone's upload; s3rver does not understand aws-chunked bodies either.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(endpoint
        ? {
            endpoint,
            forcePathStyle: true,
            region: process.env.AWS_REGION ?? 'cn-north-1',
            credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          }
        : {}),
    });
  }
  return client;
}

export function bucketName(): string {
  const bucket = process.env.S3_BUCKET;
  if (!bucket) throw new Error('S3_BUCKET is not set');
  return bucket;
}

/** Tests and `npm start`: a new endpoint or bucket takes effect on the next call. */
export function resetStorageForTests(): void {
  client = undefined;
}

/**
 * A URL the phone PUTs the file to. Content-Type and Content-Length are signed, so S3 refuses any other type
 * or size; the phone sends exactly `headers` (its HTTP stack sets Content-Length from the body).
 */
export async function presignPut(key: string, contentType: string, size: number, expiresInSeconds: number) {
  const command = new PutObjectCommand({
    Bucket: bucketName(),
    Key: key,
    ContentType: contentType,
    ContentLength: size,
  });
  const url = await getSignedUrl(s3(), command, {
    expiresIn: expiresInSeconds,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return { url, headers: { 'Content-Type': contentType } };
}

/** A URL that shows the object for `expiresInSeconds` (the bucket itself is private). */
export function presignGet(key: string, expiresInSeconds: number): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucketName(), Key: key }), {
    expiresIn: expiresInSeconds,
  });
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/** What an uploaded object really is: its size, declared type and first bytes; null when nothing is there. */
export interface StoredObject {
  readonly size: number;
  readonly contentType: string;
  readonly head: Uint8Array;
}

/** How many leading bytes identify an image (WebP needs 12). */
const SNIFF_BYTES = 16;

/** HeadObject, then a ranged GetObject of the first bytes: two small requests, never the whole photo. */
export async function inspect(key: string): Promise<StoredObject | null> {
  const target = { Bucket: bucketName(), Key: key };
  try {
    const head = await s3().send(new HeadObjectCommand(target));
    const size = head.ContentLength ?? 0;
    let bytes: Uint8Array = new Uint8Array();
    if (size > 0) {
      const part = await s3().send(new GetObjectCommand({ ...target, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
      bytes = (await part.Body?.transformToByteArray()) ?? bytes;
    }
    return { size, contentType: (head.ContentType ?? '').toLowerCase(), head: bytes.slice(0, SNIFF_BYTES) };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The image type the first bytes declare (JPEG, PNG, WebP), or null: a renamed text file is not one, and neither
 * is HEIC (refused on purpose: shared/meetings/record-schemas.ts PHOTO_TYPES).
 */
export function imageTypeOf(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}
