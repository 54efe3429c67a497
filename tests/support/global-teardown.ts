import type { DynamoLocal } from '../../scripts/dynamo-local';
import type { S3Local } from '../../scripts/s3-local';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis as { __testDynamo?: DynamoLocal; __testS3?: S3Local };
  await running.__testS3?.stop();
  await running.__testDynamo?.stop('SIGKILL');
}
