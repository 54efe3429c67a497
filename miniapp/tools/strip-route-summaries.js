// A route's `summary` documents it for OpenAPI (npm run openapi); the mini-program never reads it. This babel
// plugin drops it from every `defineRoute({...})` the mini-program bundles: ~5 KB of Chinese text off the main
// package (issue #7's budget), nothing else changed.
module.exports = function stripRouteSummaries({ types: t }) {
  return {
    name: 'strip-route-summaries',
    visitor: {
      CallExpression(path) {
        if (!t.isIdentifier(path.node.callee, { name: 'defineRoute' })) return;
        const [route] = path.node.arguments;
        if (!t.isObjectExpression(route)) return;
        route.properties = route.properties.filter(
          (property) => !(t.isObjectProperty(property) && t.isIdentifier(property.key, { name: 'summary' })),
        );
      },
    },
  };
};
