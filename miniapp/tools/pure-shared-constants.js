// shared/ builds its constants by calls — zod schemas (`z.object({...})`), route and error tables — that have
// no side effects, but a bundler cannot know that. This babel plugin marks each call in a top-level constant's
// initializer of a shared/ module as /*#__PURE__*/ (calls inside functions are left alone), so webpack (with
// ./pure-literals-plugin.js) and terser may drop a constant nothing reads, and the zod code only it needed: a
// page that imports ROLE_LABELS from a module that also declares a schema then loads the labels, not zod.
const SHARED = /[\\/]shared[\\/]/;

module.exports = function pureSharedConstants({ types: t }) {
  const annotate = (node) => {
    if (!node.leadingComments?.some((comment) => /[@#]__PURE__/.test(comment.value))) {
      t.addComment(node, 'leading', '#__PURE__');
    }
  };
  return {
    name: 'pure-shared-constants',
    visitor: {
      // On exit: the preset has by then turned template literals into `''.concat(…)` calls, which need the mark too.
      VariableDeclaration: {
        exit(path, state) {
          if (!SHARED.test(state.filename ?? '')) return;
          const top = path.parentPath.isProgram() || path.parentPath.parentPath?.isProgram();
          if (!top) return;
          for (const declarator of path.get('declarations')) {
            const init = declarator.get('init');
            if (!init.node) continue;
            if (init.isCallExpression()) annotate(init.node);
            init.traverse({
              Function(inner) {
                inner.skip();
              },
              CallExpression(call) {
                annotate(call.node);
              },
            });
          }
        },
      },
    },
  };
};
