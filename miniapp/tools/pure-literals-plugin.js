// webpack judges a top-level constant droppable when its initializer is pure, but it takes every object or
// array literal for impure, so `z.object({ ... })` is kept even under a /*#__PURE__*/ mark
// (./pure-shared-constants.js). This plugin tells webpack's parser, for our own modules (src/ and shared/,
// never node_modules), that a literal is pure when everything in it is: building an object runs no code of
// ours. Then an unread schema, and the zod it needs, stay out of the bundle.
const NAME = 'PureLiteralsPlugin';
const OURS = /[\\/](src|shared)[\\/]/;
const NOT_OURS = /[\\/]node_modules[\\/]/;

class PureLiteralsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (_compilation, { normalModuleFactory }) => {
      const onParser = (parser) => {
        const ours = () => {
          const resource = parser.state?.module?.resource ?? '';
          return OURS.test(resource) && !NOT_OURS.test(resource);
        };
        const pure = (node, start) => parser.isPure(node, start);
        parser.hooks.isPure.for('ObjectExpression').tap(NAME, (expr) => {
          if (!ours()) return undefined;
          return expr.properties.every((property) =>
            property.type === 'SpreadElement'
              ? property.argument.type === 'Identifier'
              : !property.computed && pure(property.value, property.key.range[1]),
          );
        });
        parser.hooks.isPure.for('ArrayExpression').tap(NAME, (expr, start) => {
          if (!ours()) return undefined;
          let from = start;
          for (const element of expr.elements) {
            if (element === null) continue;
            if (element.type === 'SpreadElement' || !pure(element, from)) return false;
            from = element.range[1];
          }
          return true;
        });
        // `Schema.shape`, `Object.keys`: reading a property of a module's constant.
        parser.hooks.isPure.for('MemberExpression').tap(NAME, (expr, start) => {
          if (!ours()) return undefined;
          return !expr.computed && (expr.object.type === 'Identifier' || pure(expr.object, start));
        });
      };
      for (const type of ['javascript/auto', 'javascript/esm', 'javascript/dynamic']) {
        normalModuleFactory.hooks.parser.for(type).tap(NAME, onParser);
      }
    });
  }
}

module.exports = { PureLiteralsPlugin };
