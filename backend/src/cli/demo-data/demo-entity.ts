import { SHANGHAI_DISTRICTS } from '@zgd/shared-types';
import { entityNameAndAddress, randomUscc, tenantName } from './demo-identities';
import type { SeededRandom } from './seeded-random';

/** The published overcharging patterns the demo plants, about one entity in five. */
export const VIOLATIONS = [
  'fixed_price',
  'basic_fee',
  'service_fee',
  'loss_above_cap',
  'price_cut_not_passed_on',
  'inflated_sub_meters',
  'own_use_passed_on',
] as const;
export type Violation = (typeof VIOLATIONS)[number];

/** two_part: sharp/peak/flat/valley + capacity; single_tou: peak/valley; single_flat: none. */
export type Metering = 'two_part' | 'single_tou' | 'single_flat';

export interface DemoTenant {
  tenantId: string;
  name: string;
  /** Relative size of the tenant's consumption. */
  weight: number;
  /** Has a time-of-use sub-meter, so it is billed the grid's price per tou. */
  touMetered: boolean;
  /** A monthly fee in fen, used by the fee patterns. */
  monthlyFeeFen: bigint;
}

export interface DemoEntity {
  entityId: string;
  name: string;
  premisesAddress: string;
  districtCode: string;
  accountNo: string;
  metering: Metering;
  /** Typical monthly kWh of the account. */
  baseKwh: number;
  /** Capacity charge as ‰ of the energy amount (two-part only). */
  capacityPermille: bigint;
  /** Share of the kWh the entity uses itself (0 = no own_use.csv row). */
  ownShare: number;
  /** Share of the kWh in common areas and losses, not billed as energy. */
  commonShare: number;
  billsSharedArea: boolean;
  billsLoss: boolean;
  violation: Violation | null;
  tenants: DemoTenant[];
}

const DISTRICT_CODES = SHANGHAI_DISTRICTS.map((district) => district.code);

/**
 * Entity `index` (0-based): districts in turn, so every district appears once N ≥ 16. One
 * entity in five (at random) gets a violation; `violationCount` entities already have one, and
 * patterns go round in turn so that every pattern shows up in a batch of a few dozen entities.
 */
export function demoEntity(
  random: SeededRandom,
  index: number,
  ids: Set<string>,
  violationCount: number,
): DemoEntity {
  const districtCode = DISTRICT_CODES[index % DISTRICT_CODES.length];
  const [name, premisesAddress] = entityNameAndAddress(random, districtCode);
  const metering: Metering = random.pick(['two_part', 'two_part', 'single_tou', 'single_flat']);
  const violation = random.chance(0.2) ? VIOLATIONS[violationCount % VIOLATIONS.length] : null;
  // These patterns bill everyone at one price per kWh, as the enforcement cases describe.
  const singlePrice =
    violation !== null &&
    violation !== 'basic_fee' &&
    violation !== 'service_fee' &&
    violation !== 'loss_above_cap';
  const ownShare =
    violation === 'own_use_passed_on'
      ? random.between(0.08, 0.15)
      : random.chance(0.3)
        ? random.between(0.03, 0.12)
        : 0;
  return {
    entityId: randomUscc(random, districtCode, ids),
    name,
    premisesAddress,
    districtCode,
    // From 3101000001: clear of the worked examples' accounts (3100000001–3), which the demo also loads.
    accountNo: `3101${String(index + 1).padStart(6, '0')}`,
    metering,
    baseKwh: metering === 'two_part' ? random.int(20_000, 200_000) : random.int(3_000, 30_000),
    capacityPermille: BigInt(random.int(40, 120)),
    ownShare,
    commonShare: random.between(0.04, 0.08),
    billsSharedArea: violation === null && random.chance(0.3),
    billsLoss: violation === null && random.chance(0.2),
    violation,
    tenants: demoTenants(random, metering, singlePrice, ids),
  };
}

function demoTenants(
  random: SeededRandom,
  metering: Metering,
  singlePrice: boolean,
  ids: Set<string>,
): DemoTenant[] {
  const count = random.int(2, 12);
  const touShare =
    singlePrice || metering === 'single_flat' ? 0 : metering === 'two_part' ? 0.5 : 0.4;
  return Array.from({ length: count }, () => ({
    tenantId: randomUscc(random, random.pick(DISTRICT_CODES), ids),
    name: tenantName(random),
    weight: random.int(1, 10),
    touMetered: random.chance(touShare),
    monthlyFeeFen: BigInt(random.int(10, 80)) * 1000n,
  }));
}
