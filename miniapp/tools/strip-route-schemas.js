// The mini-program calls a route by its path, method and access only (api/transport.ts, api/client.ts); the
// route's zod schemas type the calls at compile time and validate on the server, and its `summary` documents
// it for OpenAPI. This babel plugin drops all of them from every `defineRoute({...})` the mini-program bundles,
// then the imports nothing reads any more. A route module then no longer drags its schemas, and zod with them
// (~100 KB), into the main package that the tabs' few calls load (§7: ≤ 600 KB). Forms that validate with a
// schema import it themselves, from the schema module, and keep it.
const DROPPED = new Set(['summary', 'params', 'query', 'body', 'response']);

module.exports = function stripRouteSchemas({ types: t }) {
  return {
    name: 'strip-route-schemas',
    visitor: {
      // On Program enter, before the TypeScript preset elides imports: it then sees the bindings as they are now.
      Program(program) {
        let stripped = false;
        program.traverse({
          CallExpression(path) {
            if (!t.isIdentifier(path.node.callee, { name: 'defineRoute' })) return;
            const [route] = path.node.arguments;
            if (!t.isObjectExpression(route)) return;
            const kept = route.properties.filter(
              (property) =>
                !(t.isObjectProperty(property) && t.isIdentifier(property.key) && DROPPED.has(property.key.name)),
            );
            if (kept.length === route.properties.length) return;
            route.properties = kept;
            stripped = true;
          },
        });
        if (!stripped) return;
        program.scope.crawl();
        for (const statement of program.get('body')) {
          if (!statement.isImportDeclaration() || statement.node.importKind === 'type') continue;
          const specifiers = statement.get('specifiers');
          if (!specifiers.length) continue;
          const unread = specifiers.filter((specifier) => {
            const binding = program.scope.getBinding(specifier.node.local.name);
            return !!binding && binding.referencePaths.length === 0;
          });
          if (unread.length === specifiers.length) statement.remove();
          else for (const specifier of unread) specifier.remove();
        }
      },
    },
  };
};
