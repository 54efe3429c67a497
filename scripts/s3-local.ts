/**
 * Local object storage (DESIGN §3, §8): `s3rver` in this process, reached by the very @aws-sdk/client-s3 code
 * the Lambdas run (functions/commons/storage.ts, path-style, any credentials). It checks no signatures, so the
 * size and type of an upload are checked again when a record is saved.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { CreateBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { s3 } from '../functions/commons/storage';

export interface S3Local {
  readonly endpoint: string;
  readonly directory: string;
  stop(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1:`port` (0: a free one). With `directory` the objects survive restarts (`npm
 * start`: .data/s3); without it they live in a temporary directory removed on stop (tests, bench).
 */
export async function startS3Local(options: { port?: number; directory?: string } = {}): Promise<S3Local> {
  const temporary = !options.directory;
  const directory = options.directory
    ? isAbsolute(options.directory)
      ? options.directory
      : resolve(options.directory)
    : mkdtempSync(join(tmpdir(), 'xianfeng-s3-'));
  mkdirSync(directory, { recursive: true });
  // vhostBuckets off: every client here is path-style, and a Host of `<bucket>.127.0.0.1` never occurs.
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async stop() {
      await server.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The bucket, created once, and its CORS: the H5 build (127.0.0.1:10086, or any local port) PUTs photos to
 * presigned URLs and shows them by presigned GETs. Uses S3_ENDPOINT / S3_BUCKET as the API does.
 */
export async function ensureBucket(bucket: string): Promise<'created' | 'exists'> {
  let outcome: 'created' | 'exists' = 'created';
  try {
    await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyExists' && name !== 'BucketAlreadyOwnedByYou') throw error;
    outcome = 'exists';
  }
  await s3().send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*'],
            AllowedMethods: ['PUT', 'GET', 'HEAD'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
  return outcome;
}
