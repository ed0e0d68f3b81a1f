export * from './errors';
export * from './health';
export * from './jobs';
export * from './uscc';
export * from './districts';
export * from './auth';
