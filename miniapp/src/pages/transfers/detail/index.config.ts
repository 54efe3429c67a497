export default definePageConfig({ navigationBarTitleText: '转接详情' });
