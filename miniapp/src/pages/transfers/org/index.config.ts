export default definePageConfig({ navigationBarTitleText: '转接管理' });
