import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { pascal } from './functions';

export interface AlarmsProps {
  /** Every function: the domains' and the scheduled jobs'. */
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly httpApi: HttpApi;
  /** Who is told (confirms the subscription by mail first); none: subscribe to the topic by hand. */
  readonly alarmEmail?: string;
}

/**
 * Alarms: any function error, any 5xx from the API, in a 5-minute window, each sent to one SNS topic when it
 * fires and when it clears. Created in the caller's scope so the alarms keep their logical ids.
 *
 * What counts: only faults of ours. Our handlers answer every client mistake (4xx, 429 included) as a normal
 * response, and API Gateway's own 4xx (throttling, unknown routes) never reach a Lambda, so the Lambda Errors
 * metric sees only uncaught errors, timeouts and crashes, and the API alarm watches the 5xx metric alone
 * (which also catches the 500s our error handler answers for unexpected errors), never 4xx nor all errors.
 */
export function addAlarms(scope: Construct, props: AlarmsProps): Topic {
  const topic = new Topic(scope, 'Alarms', { displayName: '先锋 告警' });
  if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
  const action = new SnsAction(topic);

  const alarm = (id: string, metric: IMetric, description: string): Alarm => {
    const created = new Alarm(scope, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    created.addAlarmAction(action);
    created.addOkAction(action);
    return created;
  };
  const fiveMinuteSum = { period: Duration.minutes(5), statistic: Stats.SUM };
  for (const [domain, fn] of Object.entries(props.functions)) {
    alarm(
      `${pascal(domain)}Errors`,
      fn.metricErrors(fiveMinuteSum),
      `${domain} function errors (uncaught or timeouts)`,
    );
  }
  alarm('Api5xx', props.httpApi.metricServerError(fiveMinuteSum), 'HTTP API 5xx responses (4xx never count)');

  new CfnOutput(scope, 'AlarmTopicArn', { value: topic.topicArn, description: 'subscribe here to hear of alarms' });
  return topic;
}
