// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// A project-wide config: it also applies to ../shared, which Taro compiles via `compile.include`.
// babel-plugin-import rewrites `import { Cell } from '@nutui/nutui-react-taro'` to that one component and its
// CSS, and each icon to its own file: only what a page uses reaches its package (issue #7: main ≤ 600 KB).
const NUTUI = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    './tools/strip-route-schemas.js',
    './tools/pure-shared-constants.js',
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${NUTUI}/${name.toLowerCase()}`,
        customStyleName: (name) => `${NUTUI}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}.js`,
        style: false,
      },
      'nutui-icons',
    ],
  ],
};
