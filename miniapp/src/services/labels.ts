// Labels come from the shared contracts (a zod-free module: importing them bundles no schema).
export {
  CHARGE_ITEM_LABELS,
  FINDING_LABELS,
  GRID_LINE_LABELS,
  PRICING_LABELS,
  TOU_LABELS,
  USER_CLASS_LABELS,
  VERDICT_LABELS,
  VOLTAGE_LABELS,
} from '@zgd/shared-types';

export const label = (labels: Record<string, string>, key: string | null | undefined): string =>
  key == null ? '' : (labels[key] ?? key);
