/**
 * The import rules CI holds the code to (`pnpm check:imports`): no import cycle anywhere, type-only
 * imports included, and no feature folder importing `routes/` (features own their HTTP; `routes/`
 * only registers the core resources). See docs/decisions.md, "Architecture".
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'A cycle means two modules are one concept; move the shared part into a leaf module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'features-do-not-import-routes',
      severity: 'error',
      comment: 'A feature owns its routes; routes/ may import features, never the other way round.',
      from: { path: '^apps/server/src/(?!routes/)[^/]+/' },
      to: { path: '^apps/server/src/routes/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.turbo|generated)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs'] },
  },
}
