import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PiiCipher, setAppPiiCipher } from './pii-cipher';

export const PII_CIPHER = Symbol('PII_CIPHER');

/**
 * Provides the personal-data cipher from the config, and hands it to entity column
 * transformers (`encryptedColumn(appPiiCipher)`), which are declared before any injection.
 */
@Global()
@Module({
  providers: [
    {
      provide: PII_CIPHER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const cipher = new PiiCipher(config.pii);
        setAppPiiCipher(cipher);
        return cipher;
      },
    },
  ],
  exports: [PII_CIPHER],
})
export class CryptoModule {}
