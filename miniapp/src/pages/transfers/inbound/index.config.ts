export default definePageConfig({ navigationBarTitleText: '转入登记' });
