import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, DEV_PII_KEY, type AppConfig } from '../../config/app-config';
import { JsonLogger } from '../logging/json-logger';
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
      inject: [APP_CONFIG, JsonLogger],
      useFactory: (config: AppConfig, logger: JsonLogger) => {
        if (
          config.pii.keys.get(config.pii.currentKeyId)?.equals(Buffer.from(DEV_PII_KEY, 'base64'))
        )
          logger.emit(
            'warn',
            {
              msg: 'PII_KEY is not set: personal data is encrypted with the published development key',
            },
            'Crypto',
          );
        const cipher = new PiiCipher(config.pii);
        setAppPiiCipher(cipher);
        return cipher;
      },
    },
  ],
  exports: [PII_CIPHER],
})
export class CryptoModule {}
