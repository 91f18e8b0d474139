"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestClient = exports.QueryCounter = void 0;
exports.createTestDatabase = createTestDatabase;
exports.createTestApp = createTestApp;
require("reflect-metadata");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const typeorm_1 = require("typeorm");
const app_1 = require("../src/core/app");
const config_1 = require("../src/core/config");
const context_1 = require("../src/core/context");
const cookies_1 = require("../src/core/cookies");
const database_1 = require("../src/core/database");
const logger_1 = require("../src/core/logger");
const schema_1 = require("../src/core/schema");
const server_1 = require("../src/server");
const session_service_1 = require("../src/modules/identity/session.service");
const routes_1 = require("../src/modules/routes");
const immutability_sql_1 = require("../src/modules/documents/immutability.sql");
async function createTestDatabase() {
    const server = (0, config_1.parseDatabaseUrl)(process.env.DATABASE_URL ?? `sqlite::memory:`);
    if (server.kind === 'sqlite') {
        const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'comptoir-test-'));
        return {
            config: (0, config_1.parseDatabaseUrl)(`sqlite:${(0, node_path_1.join)(dir, 'test.sqlite')}`),
            drop: async () => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }),
        };
    }
    const name = `comptoir_t_${process.pid}_${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    const admin = new typeorm_1.DataSource({ ...(0, database_1.dataSourceOptions)(server), entities: [], migrations: [] });
    await admin.initialize();
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    return {
        config: { ...server, database: name, url: server.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`) },
        drop: async () => {
            const dropper = new typeorm_1.DataSource({ ...(0, database_1.dataSourceOptions)(server), entities: [], migrations: [] });
            await dropper.initialize();
            await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
            await dropper.destroy();
        },
    };
}
/** Counts the SQL statements a piece of work issues (for N+1 tests). */
class QueryCounter {
    count = 0;
    recording = false;
    queries = [];
    logQuery(query) {
        if (!this.recording)
            return;
        this.count++;
        this.queries.push(query);
    }
    logQueryError() { }
    logQuerySlow() { }
    logSchemaBuild() { }
    logMigration() { }
    log() { }
    async measure(work) {
        this.count = 0;
        this.queries.length = 0;
        this.recording = true;
        try {
            const result = await work();
            return { result, queries: this.count, statements: [...this.queries] };
        }
        finally {
            this.recording = false;
        }
    }
}
exports.QueryCounter = QueryCounter;
/** A GraphQL client with its own cookie jar, like one browser. */
class TestClient {
    testApp;
    ip;
    cookies = new cookies_1.MemoryCookieJar();
    constructor(testApp, token, ip = '127.0.0.1') {
        this.testApp = testApp;
        this.ip = ip;
        if (token)
            this.cookies.set(cookies_1.SESSION_COOKIE, token);
    }
    get sessionToken() {
        return this.cookies.get(cookies_1.SESSION_COOKIE);
    }
    /** The context a request of this client would get. */
    async context() {
        const principal = await (0, session_service_1.resolvePrincipal)(this.testApp.app, this.cookies.get(cookies_1.SESSION_COOKIE));
        return new context_1.RequestContext(this.testApp.app, principal, { requestId: (0, node_crypto_1.randomBytes)(4).toString('hex'), ip: this.ip, userAgent: 'jest' }, this.cookies);
    }
    async exec(query, variables = {}) {
        const response = await this.testApp.apollo.executeOperation({ query, variables }, { contextValue: await this.context() });
        if (response.body.kind !== 'single')
            throw new Error('unexpected incremental response');
        return response.body.singleResult;
    }
    /** Runs the operation and returns its data, failing the test on any error. */
    async data(query, variables = {}) {
        const result = await this.exec(query, variables);
        if (result.errors?.length)
            throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
        return result.data;
    }
    /** Runs the operation and returns the code of its first error (undefined when none). */
    async errorCode(query, variables = {}) {
        const result = await this.exec(query, variables);
        return result.errors?.[0]?.extensions?.code;
    }
}
exports.TestClient = TestClient;
async function createTestApp(options = {}) {
    const database = await createTestDatabase();
    const config = {
        ...(0, config_1.loadConfig)({ ...process.env, NODE_ENV: 'test', WEB_DIST: '', SEED_ON_EMPTY: 'false', ...options.env }),
        database: database.config,
    };
    const queries = new QueryCounter();
    const dataSource = await (0, database_1.openDataSource)(database.config, { synchronize: !options.migrations, logger: queries, poolSize: 5 });
    if (options.migrations)
        await dataSource.runMigrations({ transaction: 'each' });
    // What synchronize cannot build (the migrations carry the same SQL).
    else
        await (0, immutability_sql_1.installImmutabilityTriggers)(dataSource);
    const app = (0, app_1.createAppServices)(config, dataSource, (0, logger_1.createLogger)(config));
    const schema = await (0, schema_1.buildAppSchema)();
    const apollo = (0, server_1.createApolloServer)(app, schema);
    await apollo.start();
    let server = null;
    const testApp = {
        app,
        config,
        schema,
        apollo,
        queries,
        client: (token) => new TestClient(testApp, token),
        async http() {
            if (!server) {
                const { express } = await (0, server_1.createHttpApp)(app, schema, routes_1.ALL_HTTP_ROUTES);
                server = await new Promise((resolve) => {
                    const s = express.listen(0, '127.0.0.1', () => resolve(s));
                });
            }
            return `http://127.0.0.1:${server.address().port}`;
        },
        async close() {
            if (server)
                await new Promise((resolve) => server.close(resolve));
            await apollo.stop();
            await dataSource.destroy();
            await database.drop();
        },
    };
    return testApp;
}
//# sourceMappingURL=harness.js.map