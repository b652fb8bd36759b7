import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedList, compareKeys, type SortKey } from '../src/pagination.js';

describe('SortedList', () => {
  it('keeps items in key order whatever the insertion order (many sharing a millisecond)', () => {
    // small time and id ranges, so many keys tie on time and land before the current last item
    const key = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.string({ minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const list = new SortedList<SortKey>((item) => item);
        for (const item of keys) list.insert(item);
        expect(list.values()).toEqual([...keys].sort(compareKeys));
      }),
    );
  });
});
