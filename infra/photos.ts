import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PHOTO_KEY_PREFIX } from '../shared/meetings/record-schemas';

/**
 * Object storage for meeting photos (DESIGN §3): private, encrypted, TLS only. Phones reach it only through
 * presigned URLs the meetings function signs (PUT to upload, GET to show), so the function's own rights are
 * what a URL can do: read and write photos under PHOTO_KEY_PREFIX, nothing else.
 */
export class PhotoBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The H5 build PUTs and GETs with presigned URLs from its own origin; every such request carries a
      // signature, so CORS only lets a page use the URL it was given. The mini-program itself needs no CORS.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      // A phone that loses signal mid-upload leaves parts behind that nobody would ever pay attention to.
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Meeting records outlive any stack: deleting the stack keeps the photos (like the table).
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Read and write photos (HeadObject, ranged GetObject, the presigned PUT/GET); ListBucket so a missing photo
   * answers 404, not 403 (PHOTO_NOT_UPLOADED instead of an error).
   */
  grantPhotos(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [this.bucket.arnForObjects(`${PHOTO_KEY_PREFIX}*`)],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
  }
}
