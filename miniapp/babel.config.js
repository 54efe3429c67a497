// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// A project-wide config: it also applies to ../shared, which Taro compiles via `compile.include`.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
