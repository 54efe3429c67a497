/** Only the local API, on an existing DynamoDB (TABLE_NAME, DYNAMO_ENDPOINT, secrets from env): the benchmark's server. */
import { startLocalApi } from './local-api';

startLocalApi(Number(process.env.PORT ?? 3000)).then((api) => {
  console.log(`listening ${api.url}`);
});
