import assert from 'node:assert/strict';
import { MAX_RANGE_DAYS, parseDayRange } from '../../src/usage/DayRange';

describe('the period of a report', () => {
  const today = '2027-03-15';

  it('is the last 30 days, today included, unless asked otherwise', () => {
    assert.deepEqual(parseDayRange({}, today), { from: '2027-02-14', to: today, today });
    assert.deepEqual(parseDayRange({ from: '2027-03-01', to: '2027-03-02' }, today), { from: '2027-03-01', to: '2027-03-02', today });
    assert.deepEqual(parseDayRange({ to: '2027-01-31' }, today), { from: '2027-01-02', to: '2027-01-31', today });
  });

  it('refuses what is not a day, days out of order, and ranges over ten years, with a short reason', () => {
    for (const query of [{ from: '2027-02-30' }, { to: 'yesterday' }, { from: '2027-3-1' }, { from: ['2027-03-01', '2027-03-02'] }, { to: '<script>' }]) {
      assert.match((parseDayRange(query, today) as { error: string }).error, /YYYY-MM-DD/, JSON.stringify(query));
    }
    assert.match((parseDayRange({ from: '2027-03-10', to: '2027-03-01' }, today) as { error: string }).error, /after/);
    assert.match((parseDayRange({ from: '2000-01-01' }, today) as { error: string }).error, new RegExp(String(MAX_RANGE_DAYS)));
  });
});
