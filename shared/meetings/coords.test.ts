import fc from 'fast-check';
import { distanceMeters } from './checkin-rules';
import { outOfChina, parseCoordinates, wgs84ToGcj02 } from './coords';

describe('Function: wgs84ToGcj02', () => {
  it('moves known reference points to where Chinese maps show them (within 5 m)', () => {
    // Prepare: WGS-84 points and their published GCJ-02 conversions (the wandergis/coordtransform README
    // example, and Tiananmen as the brief of issue #7 gives it).
    const cases = [
      { wgs: { lat: 39.915, lng: 116.404 }, gcj: { lat: 39.91640428150164, lng: 116.41024449916938 } },
      { wgs: { lat: 39.908, lng: 116.397 }, gcj: { lat: 39.9094, lng: 116.4032 } },
    ];
    for (const { wgs, gcj } of cases) {
      // Act
      const converted = wgs84ToGcj02(wgs);
      // Assess
      expect(distanceMeters(converted, gcj)).toBeLessThan(5);
    }
  });

  it('returns a point outside China unchanged', () => {
    expect(wgs84ToGcj02({ lat: 51.5007, lng: -0.1246 })).toEqual({ lat: 51.5007, lng: -0.1246 });
    expect(wgs84ToGcj02({ lat: 35.6586, lng: 139.7454 })).toEqual({ lat: 35.6586, lng: 139.7454 });
  });

  it('shifts a point in eastern and central China (where nearly everyone lives) by 100–700 m', () => {
    // The formula's shift is ~300–680 m east of 105°E and falls to ~20 m near Qinghai (measured on a
    // 0.1° grid), so the 100 m floor holds from 100°E.
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 42, noNaN: true }),
        fc.double({ min: 100, max: 123, noNaN: true }),
        (lat, lng) => {
          const shift = distanceMeters({ lat, lng }, wgs84ToGcj02({ lat, lng }));
          expect(shift).toBeGreaterThan(100);
          expect(shift).toBeLessThan(700);
        },
      ),
    );
  });

  it('shifts every point inside the China rectangle by something, but never more than 750 m', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.83, max: 55.82, noNaN: true }),
        fc.double({ min: 72.01, max: 137.83, noNaN: true }),
        (lat, lng) => {
          const shift = distanceMeters({ lat, lng }, wgs84ToGcj02({ lat, lng }));
          expect(shift).toBeGreaterThan(0);
          expect(shift).toBeLessThan(750);
        },
      ),
    );
  });

  it('does not shift any point outside the China rectangle', () => {
    const outside = fc
      .record({
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lng: fc.double({ min: -180, max: 180, noNaN: true }),
      })
      .filter((point) => outOfChina(point));
    fc.assert(
      fc.property(outside, (point) => {
        expect(wgs84ToGcj02(point)).toEqual(point);
      }),
    );
  });
});

describe('Function: parseCoordinates', () => {
  it('accepts typed latitude and longitude', () => {
    expect(parseCoordinates(' 30.25 ', '120.16')).toEqual({ lat: 30.25, lng: 120.16 });
  });

  it('says which number is wrong, in Chinese', () => {
    expect(parseCoordinates('', '120')).toBe('纬度应为 -90 到 90 之间的数字');
    expect(parseCoordinates('91', '120')).toBe('纬度应为 -90 到 90 之间的数字');
    expect(parseCoordinates('30', 'abc')).toBe('经度应为 -180 到 180 之间的数字');
    expect(parseCoordinates('30', '181')).toBe('经度应为 -180 到 180 之间的数字');
  });
});
