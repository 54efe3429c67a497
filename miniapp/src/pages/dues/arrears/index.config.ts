export default definePageConfig({ navigationBarTitleText: '欠缴名单' });
