/** The contract's files (§1) and the columns each must have; all files of a batch are optional. */
export const BATCH_FILES = {
  entities: {
    fileName: 'entities.csv',
    columns: ['entity_id', 'name', 'premises_address', 'district_code'],
  },
  tariffs: {
    fileName: 'tariffs.csv',
    columns: [
      'user_class',
      'voltage',
      'pricing',
      'tou',
      'unit_price',
      'effective_from',
      'effective_to',
    ],
  },
  gridBills: {
    fileName: 'grid_bills.csv',
    columns: [
      'account_no',
      'entity_id',
      'period',
      'user_class',
      'voltage',
      'pricing',
      'line',
      'tou',
      'kwh',
      'unit_price',
      'amount',
    ],
  },
  tenantCharges: {
    fileName: 'tenant_charges.csv',
    columns: [
      'entity_id',
      'account_no',
      'tenant_id',
      'tenant_name',
      'period',
      'item',
      'tou',
      'kwh',
      'unit_price',
      'amount',
    ],
  },
  ownUse: {
    fileName: 'own_use.csv',
    columns: ['entity_id', 'account_no', 'period', 'kwh'],
  },
} as const;

export type BatchFileKey = keyof typeof BATCH_FILES;
export type BatchFileName = (typeof BATCH_FILES)[BatchFileKey]['fileName'];

/** Reading order, which is also the order errors are reported in. */
export const BATCH_FILE_ORDER: readonly BatchFileKey[] = [
  'entities',
  'tariffs',
  'gridBills',
  'tenantCharges',
  'ownUse',
];
