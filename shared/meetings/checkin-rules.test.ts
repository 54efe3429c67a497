import fc from 'fast-check';
import { fromShanghai, shanghaiDay } from '../time';
import {
  activityPhase,
  CHECKIN_OPENS_MINUTES_BEFORE,
  checkinWindow,
  distanceMeters,
  isLate,
  withinGeofence,
} from './checkin-rules';

const MIN = 60_000;

describe('Rule: check-in window', () => {
  const startAt = '2026-11-24T11:00:00.000Z'; // 19:00 in Asia/Shanghai
  const endAt = '2026-11-24T13:00:00.000Z';
  const start = Date.parse(startAt);

  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkinWindow(startAt, endAt, start - CHECKIN_OPENS_MINUTES_BEFORE * MIN - 1)).toBe('not_open');
    expect(checkinWindow(startAt, endAt, start - CHECKIN_OPENS_MINUTES_BEFORE * MIN)).toBe('open');
    expect(checkinWindow(startAt, endAt, Date.parse(endAt))).toBe('open');
    expect(checkinWindow(startAt, endAt, Date.parse(endAt) + 1)).toBe('closed');
  });

  it('is open exactly on [start − 30 min, end] for any activity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: -3000, max: 3000 }),
        (s, len, offsetMin) => {
          const a = new Date(s).toISOString();
          const b = new Date(s + len * MIN).toISOString();
          const now = s + offsetMin * MIN;
          const expected = now < s - 30 * MIN ? 'not_open' : now > s + len * MIN ? 'closed' : 'open';
          expect(checkinWindow(a, b, now)).toBe(expected);
        },
      ),
    );
  });

  it('marks arrivals after the start as late, at or before it as on time', () => {
    expect(isLate(startAt, start)).toBe(false);
    expect(isLate(startAt, start + 1)).toBe(true);
    expect(activityPhase(startAt, endAt, start - 1)).toBe('upcoming');
    expect(activityPhase(startAt, endAt, start)).toBe('ongoing');
    expect(activityPhase(startAt, endAt, Date.parse(endAt) + 1)).toBe('ended');
  });
});

describe('Rule: Asia/Shanghai business time', () => {
  it('reads Tuesday 19:00 Shanghai as 11:00 UTC', () => {
    expect(fromShanghai('2026-11-24 19:00')).toBe('2026-11-24T11:00:00.000Z');
  });

  it('puts 23:30 UTC on the next Shanghai day', () => {
    expect(shanghaiDay('2026-11-23T23:30:00Z')).toBe('2026-11-24');
    expect(shanghaiDay('2026-11-23T15:59:59Z')).toBe('2026-11-23');
    expect(shanghaiDay('2026-11-23T16:00:00Z')).toBe('2026-11-24');
  });
});

describe('Rule: geofence', () => {
  const hospital = { lat: 29.4769, lng: 121.8697 };

  it('measures a known distance (one degree of latitude ≈ 111.2 km)', () => {
    expect(distanceMeters({ lat: 29, lng: 121 }, { lat: 30, lng: 121 })).toBeCloseTo(111_195, -2);
    expect(distanceMeters(hospital, hospital)).toBe(0);
  });

  it('is symmetric and never negative', () => {
    const point = fc.record({
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lng: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceMeters(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(Math.abs(d - distanceMeters(b, a))).toBeLessThan(1e-6);
      }),
    );
  });

  it('includes the radius itself and excludes beyond it', () => {
    const place = { ...hospital, radiusM: 200 };
    const north = (m: number) => ({ lat: hospital.lat + m / 111_195, lng: hospital.lng });
    expect(withinGeofence(place, north(150))).toBe(true);
    expect(withinGeofence(place, north(199))).toBe(true);
    expect(withinGeofence(place, north(201))).toBe(false);
  });
});
