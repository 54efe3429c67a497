import { DomainError } from '../../shared/errors';

/**
 * One field a schema cannot judge (a day against today, a month against a range, a setting against its rule),
 * refused in the same shape as the schema's own VALIDATION_FAILED: the field's path and what is wrong with it.
 */
export function invalidField(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', {
    message: `请求内容有误：${path}: ${message}`,
    details: { fields: [{ path, message }] },
  });
}
