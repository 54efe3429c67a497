import { mediaType } from './request-body';

describe('Function: mediaType', () => {
  it('reads the type and parameters, lower-cased', () => {
    expect(mediaType('Application/JSON; Charset="UTF-8"')).toEqual({
      type: 'application/json',
      params: { charset: 'UTF-8' },
    });
  });
  it('keeps look-alikes apart: application/jsonx is its own type', () => {
    expect(mediaType('application/jsonx').type).toBe('application/jsonx');
    expect(mediaType(undefined).type).toBe('');
  });
});
