/** One DynamoDB Local (in memory) for the whole integration run: a JVM start costs seconds, a table costs ms. */
import { startDynamoLocal } from '../../scripts/dynamo-local';

export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal();
  process.env.TEST_DYNAMO_ENDPOINT = dynamo.endpoint; // inherited by the test workers
  (globalThis as { __testDynamo?: typeof dynamo }).__testDynamo = dynamo;
}
