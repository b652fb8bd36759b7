import { describe, expect, it } from 'vitest';
import { Finisher, UnfilledFieldError } from '../src/shape.js';

const finisher = new Finisher({
  Thing: [
    { name: 'id', required: true, nullable: false, timestamp: false },
    { name: 'archivedAt', required: true, nullable: true, timestamp: true },
    { name: 'label', required: true, nullable: true, timestamp: false },
    { name: 'secret', required: true, nullable: true, timestamp: false },
    { name: 'hint', required: false, nullable: false, timestamp: false },
  ],
});

describe('the finisher', () => {
  it('lays a rendered resource out in the order of the spec and drops what the spec does not list', () => {
    expect(Object.entries(finisher.finish('Thing', { label: 'x', gone: 1, id: 'a' }))).toEqual([
      ['id', 'a'],
      ['archivedAt', null],
      ['label', 'x'],
      ['secret', null],
    ]);
  });

  it("serves a nullable field nobody rendered from the record's field of that name (times as timestamps), else null; never a secret", () => {
    const record = { id: 'a', archivedAt: Date.UTC(2026, 0, 2, 3, 4, 5), label: 'from record', secret: 'fsk_test_x', hint: 'not nullable' };
    expect(finisher.finish('Thing', { id: 'a' }, record)).toEqual({ id: 'a', archivedAt: '2026-01-02T03:04:05.000Z', label: 'from record', secret: null });
    expect(finisher.finish('Thing', { id: 'a' }, { archivedAt: 'not a number', label: { nested: true } })).toMatchObject({ archivedAt: null, label: null });
  });

  it('names the schema, the field and where to teach the mock when a required non-nullable field is missing', () => {
    expect(() => finisher.finish('Thing', { label: null })).toThrow(UnfilledFieldError);
    expect(() => finisher.finish('Thing', { label: null })).toThrow(/The spec's Thing\.id is required and not nullable.*renderer of Thing in packages\/mock\/src\/render\.ts/);
    expect(() => finisher.finish('Other', {})).toThrow(/no response object schema Other/);
  });
});
