/**
 * One DynamoDB Local (in memory) and one s3rver (a temporary directory) for the whole integration run: a JVM
 * start costs seconds, a table or a bucket costs ms.
 */
import { startDynamoLocal } from '../../scripts/dynamo-local';
import { startS3Local } from '../../scripts/s3-local';

export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal();
  process.env.TEST_DYNAMO_ENDPOINT = dynamo.endpoint; // inherited by the test workers
  const s3 = await startS3Local();
  process.env.TEST_S3_ENDPOINT = s3.endpoint;
  Object.assign(globalThis as object, { __testDynamo: dynamo, __testS3: s3 });
}
