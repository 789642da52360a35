// `npm run server`: migrates the database of DATABASE_URL to this version's schema and serves
// the API on HOST:PORT. `npm run server -- create-admin --login LOGIN --name NAME` creates the
// first account (a server admin), reading its password from FULV_ADMIN_PASSWORD or stdin.
import { createAccount } from './accounts.ts';
import { buildServer } from './app.ts';
import { createPool } from './database.ts';
import { migrate } from './schema-migrations.ts';
import { PUBLISH_USAGE, publishCommand } from './publish-command.ts';
import { parseAppOrigins } from './app-origins.ts';
import { ServerError } from './server-error.ts';
import { ConfigError, serverConfig } from './server-config.ts';

const USAGE = `usage:
  npm run server                                            serve (env: DATABASE_URL, DATABASE_READ_URL, DATABASE_MIGRATION_URL,
                                                            HOST, PORT, TRUST_PROXY, SESSION_HOURS, BODY_LIMIT_BYTES, FULV_APP_ORIGINS, FULV_APP_DIR)
  npm run server -- create-admin --login LOGIN --name NAME  create a server admin; password from FULV_ADMIN_PASSWORD or stdin
${PUBLISH_USAGE}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function createAdmin(argv: readonly string[]): Promise<number> {
  const login = option(argv, '--login');
  const name = option(argv, '--name');
  if (!login || !name) {
    process.stderr.write(`server: create-admin needs --login and --name\n${USAGE}\n`);
    return 2;
  }
  const config = serverConfig(process.env);
  const password = process.env['FULV_ADMIN_PASSWORD'] ?? (await readStdin());
  const pool = createPool(config.migrationDatabaseUrl, 1);
  try {
    await migrate(pool);
    const account = await createAccount(pool, { login, displayName: name, password, isServerAdmin: true });
    process.stdout.write(`server: created server admin ${account.login}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    process.stderr.write(`server: ${error.message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

async function serve(): Promise<number> {
  const config = serverConfig(process.env);
  const migrationPool = createPool(config.migrationDatabaseUrl, 1);
  const applied = await migrate(migrationPool).finally(() => migrationPool.end());
  const pool = createPool(config.databaseUrl, config.poolSize);
  const readPool = config.readDatabaseUrl ? createPool(config.readDatabaseUrl, config.poolSize) : undefined;
  const app = await buildServer({
    pool, readPool, listenConnection: config.migrationDatabaseUrl, sessionHours: config.sessionHours, bodyLimit: config.bodyLimit, trustProxy: config.trustProxy,
    loginAttemptsPerMinute: config.loginAttemptsPerMinute, appOrigins: parseAppOrigins(process.env['FULV_APP_ORIGINS']), appDir: process.env['FULV_APP_DIR'] || undefined, logger: { level: process.env['LOG_LEVEL'] ?? 'info' },
  });
  if (applied.length > 0) app.log.info(`applied schema migrations ${applied.join(', ')}`);
  const stop = async (): Promise<void> => {
    await app.close();
    await pool.end();
    await readPool?.end();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await app.listen({ host: config.host, port: config.port });
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    if (argv[0] === 'create-admin') return await createAdmin(argv.slice(1));
    if (argv[0] === 'publish') {
      return await publishCommand(argv.slice(1), { env: process.env, readPassword: readStdin, out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
    }
    if (argv[0] === '--help' || argv[0] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (argv.length > 0) {
      process.stderr.write(`server: unknown command ${argv[0]}\n${USAGE}\n`);
      return 2;
    }
    return await serve();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`server: ${error.message}\n`);
      return 2;
    }
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`server: ${text}\n`);
    if (process.env['FULV_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
