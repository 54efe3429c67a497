export default definePageConfig({ navigationBarTitleText: '登记缴费' });
