import * as shared from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import * as mirrored from './labels';

describe('label mirrors', () => {
  it.each([
    'VERDICT_LABELS',
    'FINDING_LABELS',
    'TOU_LABELS',
    'USER_CLASS_LABELS',
    'VOLTAGE_LABELS',
    'PRICING_LABELS',
  ] as const)('%s equals the one in @zgd/shared-types', (name) => {
    expect(mirrored[name]).toEqual(shared[name]);
  });

  it('names every charge item and grid line of the reconciliation contract', () => {
    expect(Object.keys(mirrored.CHARGE_ITEM_LABELS).sort()).toEqual(
      [
        'basic_fee',
        'energy',
        'equipment_fee',
        'loss',
        'other',
        'service_fee',
        'shared_area',
      ].sort(),
    );
    expect(Object.keys(mirrored.GRID_LINE_LABELS).sort()).toEqual(
      ['adjustment', 'capacity', 'energy'].sort(),
    );
  });

  it('falls back to the code for an unknown key and to empty for none', () => {
    expect(mirrored.label(mirrored.CHARGE_ITEM_LABELS, 'basic_fee')).toBe('基础电费');
    expect(mirrored.label(mirrored.CHARGE_ITEM_LABELS, 'new_fee')).toBe('new_fee');
    expect(mirrored.label(mirrored.CHARGE_ITEM_LABELS, null)).toBe('');
  });
});
