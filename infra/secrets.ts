import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The app secret, one JSON document the functions read once per cold start
 * (functions/commons/config.ts, env APP_SECRET_ARN):
 *
 *   { "jwtSecret": "<generated>", "qrSecret": "<generated>", "wechatSecret": "<set by an operator>" }
 *
 * - `jwtSecret` signs the HS256 session tokens; `qrSecret` signs the check-in QR payloads. Both are generated
 *   at the first deploy and never appear in the template or in cdk.out.
 * - `wechatSecret` (the mini-program's AppSecret from mp.weixin.qq.com) is NOT in the template: after the first
 *   deploy an operator adds it to the SAME JSON, keeping the other keys, e.g.
 *     aws secretsmanager get-secret-value --secret-id <AppSecretArn> --query SecretString --output text \
 *       | jq --arg s "$WECHAT_SECRET" '. + {wechatSecret: $s}' > /tmp/s.json
 *     aws secretsmanager put-secret-value --secret-id <AppSecretArn> --secret-string file:///tmp/s.json && rm /tmp/s.json
 *   The matching AppID is not secret: CDK context `wechatAppId` (cdk.json or `-c wechatAppId=wx…`).
 *
 * Secrets Manager generates ONE random key per secret (GenerateSecretString.GenerateStringKey), so `qrSecret`
 * comes from a second generated secret (`QrSeed`) that CloudFormation copies into the template of the app
 * secret through a `{{resolve:secretsmanager:…}}` dynamic reference at deploy time. Only CloudFormation reads
 * the seed; the functions are granted the app secret alone. The values are copied once, when the app secret is
 * created; rotating a key later means putting a new value into the app secret (as above).
 */
export class AppSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const qrSeed = new Secret(this, 'QrSeed', {
      description: 'xianfeng: seed of qrSecret in the app secret (read by CloudFormation only)',
      // Letters and digits only: the value is spliced into a JSON template.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.secret = new Secret(this, 'Secret', {
      description: 'xianfeng: jwtSecret, qrSecret (generated) and wechatSecret (put by an operator)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ qrSecret: qrSeed.secretValue.unsafeUnwrap() }),
        generateStringKey: 'jwtSecret',
        passwordLength: 64,
        excludePunctuation: true,
      },
      // Deleting the stack must not log every member out or invalidate printed QR codes by surprise.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * The committee's dedicated 党费 merchant (WeChat Pay v3), one JSON document read by functions/dues/wechatpay/
 * config.ts (env DUES_PAY_SECRET_ARN): appid, mchid, merchantSerial, merchantPrivateKey (PEM), apiV3Key,
 * platformSerial, platformPublicKey (PEM), baseUrl, notifyUrl. Nothing of it is in the template: an operator
 * puts the merchant's values after the first deploy (aws secretsmanager put-secret-value, as above).
 */
export class DuesPaySecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'xianfeng: the dues merchant of WeChat Pay v3 (put by an operator)',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
