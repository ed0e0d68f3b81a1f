import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { serveSinglePageApp } from './common/http/static-sites';
import { JsonLogger } from './common/logging/json-logger';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { seedDemoData } from './database/seed/demo-seed';
import { DEMO_ACCOUNTS } from './modules/auth';

export async function createApp(config: AppConfig, logger: JsonLogger) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger,
    bodyParser: true,
  });
  app.setGlobalPrefix('api');
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('转供电价格监管平台 API')
      .setDescription(
        'Reconciliation, reports and enforcement cases for resold electricity in Shanghai',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc);
  const express = app.getHttpAdapter().getInstance();
  const sites = {
    admin: serveSinglePageApp(express, '/admin', config.adminDist),
    miniapp: serveSinglePageApp(express, '/', config.miniappH5Dist),
  };
  for (const [name, served] of Object.entries(sites)) {
    if (!served)
      logger.warn({ msg: `${name} build not found; run pnpm build`, site: name }, 'Bootstrap');
  }
  return app;
}

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = new JsonLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.init();
  if (config.seedDemoData) await seedDemoData(app, logger);
  await app.listen(config.port, config.host);
  stopOnSignals(app, logger);
  const base = `http://localhost:${config.port}`;
  process.stdout.write(
    [
      '',
      `  转供电价格监管平台 is running (${config.database.type}: ${config.database.location.replace(/:[^:@/]*@/, ':***@')})`,
      `  Mini-program (H5):  ${base}/`,
      `  Regulators' console: ${base}/admin/`,
      `  API docs:            ${base}/api/docs`,
      `  Health:              ${base}/api/health`,
      ...(config.demoLogin ? demoLogins() : []),
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n') + '\n',
  );
}

/**
 * Ctrl-C (or a deployment's SIGTERM) stops taking requests, lets the running job finish,
 * closes the database, and exits 0. A second signal exits at once.
 */
function stopOnSignals(app: { close(): Promise<void> }, logger: JsonLogger) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.log({ msg: 'stopping', signal }, 'Bootstrap');
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`, 'Bootstrap');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function demoLogins(): string[] {
  return [
    '',
    '  Demo accounts (console: username + password; mini-program: pick one):',
    ...DEMO_ACCOUNTS.map(
      (a) =>
        `    ${a.username.padEnd(12)} ${(a.password ?? '(demo login)').padEnd(13)} ${a.description}`,
    ),
  ];
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`Failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
