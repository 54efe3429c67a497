import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Secrets: from env locally (JWT_SECRET, QR_SECRET, WECHAT_SECRET), from Secrets Manager in AWS (APP_SECRET_ARN). */
export interface AppSecrets {
  readonly jwtSecret: string;
  readonly qrSecret: string;
  readonly wechatSecret: string | undefined;
}

let secrets: Promise<AppSecrets> | undefined;

export function appSecrets(): Promise<AppSecrets> {
  secrets ??= loadSecrets().catch((error: unknown) => {
    secrets = undefined; // a failed cold-start fetch must not poison the container
    throw error;
  });
  return secrets;
}

async function loadSecrets(): Promise<AppSecrets> {
  const arn = process.env.APP_SECRET_ARN;
  if (arn) {
    const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    const parsed = JSON.parse(result.SecretString ?? '{}') as Partial<AppSecrets>;
    if (!parsed.jwtSecret || !parsed.qrSecret) throw new Error('app secret lacks jwtSecret/qrSecret');
    return { jwtSecret: parsed.jwtSecret, qrSecret: parsed.qrSecret, wechatSecret: parsed.wechatSecret };
  }
  const jwtSecret = process.env.JWT_SECRET;
  const qrSecret = process.env.QR_SECRET;
  if (!jwtSecret || !qrSecret) throw new Error('JWT_SECRET and QR_SECRET must be set (or APP_SECRET_ARN)');
  // A short secret is a guessable one: HS256 wants at least 256 bits.
  if (jwtSecret.length < 32 || qrSecret.length < 32) throw new Error('JWT_SECRET and QR_SECRET need ≥ 32 characters');
  return { jwtSecret, qrSecret, wechatSecret: process.env.WECHAT_SECRET };
}

export function tableName(): string {
  return process.env.TABLE_NAME ?? 'xianfeng';
}

/** Test and bench hook: forget cached secrets after changing env. */
export function resetConfigForTests(): void {
  secrets = undefined;
}
